package awsini

import "testing"

func TestProfileName(t *testing.T) {
	for _, tc := range []struct {
		header, flavour string
		name            string
		effective       bool
	}{
		{"default", FlavourCredentials, "default", true},
		{"render", FlavourCredentials, "render", true},
		{"profile render", FlavourCredentials, "profile render", true},
		{"sso-session x", FlavourCredentials, "sso-session x", true},
		{"", FlavourCredentials, "", false},

		{"default", FlavourConfig, "default", true},
		{"profile default", FlavourConfig, "default", true},
		{"profile render", FlavourConfig, "render", true},
		{"profile\trender", FlavourConfig, "render", true},
		{"profile   render", FlavourConfig, "render", true},
		{`profile "render"`, FlavourConfig, "render", true},
		{`profile 'render'`, FlavourConfig, "render", true},
		{`profile "render'`, FlavourConfig, `"render'`, true},
		{"render", FlavourConfig, "render", false},
		{"Profile render", FlavourConfig, "Profile render", false},
		{"profile", FlavourConfig, "profile", false},
		{"sso-session corp", FlavourConfig, "", false},
		{"services local", FlavourConfig, "", false},
		{"", FlavourConfig, "", false},

		{"default", "other", "", false},
	} {
		name, eff := ProfileName(tc.header, tc.flavour)
		if name != tc.name || eff != tc.effective {
			t.Errorf("ProfileName(%q, %q) = %q, %v; want %q, %v", tc.header, tc.flavour, name, eff, tc.name, tc.effective)
		}
	}
}

// TestProfileNameOfParsedHeaders ties ProfileName to Section.Header.
func TestProfileNameOfParsedHeaders(t *testing.T) {
	f := Parse([]byte("[default]\n[ profile render ]\n[other]\n"), FlavourConfig)
	var got []string
	for _, s := range f.Sections {
		if n, ok := ProfileName(s.Header, f.Flavour); ok {
			got = append(got, n)
		}
	}
	if len(got) != 2 || got[0] != "default" || got[1] != "render" {
		t.Errorf("effective profiles = %q, want [default render]", got)
	}
}

func TestSpanLocation(t *testing.T) {
	f := Parse([]byte("\n  [profile render]\n"), FlavourConfig)
	got := f.Sections[0].HeaderSpan.Location(".aws/config")
	if got.Path != ".aws/config" || got.Line != 2 || got.Column != 3 || got.EndLine != 2 || got.EndColumn != 19 {
		t.Errorf("Location = %+v", got)
	}
}
