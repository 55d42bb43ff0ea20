package resolve

import (
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

func TestRotate(t *testing.T) {
	const (
		skip    = "REMOTION_SKIP_AWS_CREDENTIALS_CHECK=1"
		noCache = "REMOTION_DISABLE_AWS_CLIENT_CACHE=1"
	)
	tests := []struct {
		name      string
		env       []string
		variable  string
		effective bool
		reason    string // substring
	}{
		{"no skip: rotating the REMOTION pair works", []string{"REMOTION_AWS_ACCESS_KEY_ID=AKIA"}, "REMOTION_AWS_ACCESS_KEY_ID", true, "cache key holds the profile name or key pair"},
		{"no skip: rotating a profile works", nil, "AWS_PROFILE", true, "a new AWS_PROFILE gets a new client"},
		{"no skip: rotating only the token keeps the old one", nil, "REMOTION_AWS_SESSION_TOKEN", false, "not the session token"},
		{"no skip: AWS token too", nil, "AWS_SESSION_TOKEN", false, "keeps the cached client and the old token"},
		{"no skip, cache off: the token rotates", []string{noCache}, "AWS_SESSION_TOKEN", true, "every call builds a new client"},
		{"skip 0, cache on: AWS key keeps the first", []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=0"}, "AWS_ACCESS_KEY_ID", false, "does not disable the cache"},
		{"skip, cache on: REMOTION key ignored", []string{skip}, "REMOTION_AWS_ACCESS_KEY_ID", false, "ignores REMOTION_AWS_ACCESS_KEY_ID entirely"},
		{"skip, cache off: AWS key rotates", []string{skip, noCache}, "AWS_ACCESS_KEY_ID", true, "default chain reads the new AWS_ACCESS_KEY_ID"},
		{"skip, cache off: REMOTION key still ignored", []string{skip, noCache}, "REMOTION_AWS_SECRET_ACCESS_KEY", false, "whatever the client cache does"},
		{"empty skip flag counts as unset", []string{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK="}, "REMOTION_AWS_ACCESS_KEY_ID", true, "cache key"},
		{"empty cache flag counts as unset", []string{skip, "REMOTION_DISABLE_AWS_CLIENT_CACHE="}, "AWS_SECRET_ACCESS_KEY", false, "one client per region and service"},
		{"not a credential variable", []string{skip}, "AWS_REGION", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Rotate(env(t, tc.env...), tc.variable)
			if got.Effective != tc.effective {
				t.Errorf("effective = %v, want %v (%s)", got.Effective, tc.effective, got.Reason)
			}
			if tc.reason == "" && got.Reason != "" || !strings.Contains(got.Reason, tc.reason) {
				t.Errorf("reason = %q, want it to contain %q", got.Reason, tc.reason)
			}
		})
	}
}

func TestSharedFrom(t *testing.T) {
	key := func(name string) facts.ProfileKey { return facts.ProfileKey{Name: name, Set: true} }
	files := []facts.SharedFile{
		{Path: ".aws/config", Flavour: "config"},
		{Path: ".aws/credentials", Flavour: "credentials", HasDefault: true},
	}
	profiles := []facts.Profile{
		// The two halves of a static pair in two files merge.
		{Name: "split", Flavour: "config", Effective: true, Keys: []facts.ProfileKey{key("aws_access_key_id")}},
		{Name: "split", Flavour: "credentials", Effective: true, Keys: []facts.ProfileKey{key("AWS_SECRET_ACCESS_KEY")}},
		{Name: "half", Flavour: "credentials", Effective: true, Keys: []facts.ProfileKey{key("aws_access_key_id"), {Name: "aws_secret_access_key"}}},
		{Name: "sso", Flavour: "config", Effective: true, Keys: []facts.ProfileKey{key("sso_session"), key("region")}},
		{Name: "regiononly", Flavour: "config", Effective: true, Keys: []facts.ProfileKey{key("region")}},
		{Name: "ignored", Flavour: "config", Effective: false, Keys: []facts.ProfileKey{key("aws_access_key_id"), key("aws_secret_access_key")}},
	}
	got := SharedFrom(files, profiles)
	want := Shared{Read: true, CredentialsHasDefault: true, Profiles: map[string]Profile{
		"split":      {StaticKeys: true},
		"half":       {},
		"sso":        {Other: true},
		"regiononly": {},
	}}
	if got.Read != want.Read || got.CredentialsHasDefault != want.CredentialsHasDefault || len(got.Profiles) != len(want.Profiles) {
		t.Fatalf("SharedFrom = %+v, want %+v", got, want)
	}
	for name, p := range want.Profiles {
		if g, ok := got.Profiles[name]; !ok || g != p {
			t.Errorf("profile %q = %+v (present %v), want %+v", name, g, ok, p)
		}
	}

	// A config file's [default] text is not what Remotion's check reads.
	only := SharedFrom([]facts.SharedFile{{Flavour: "config", HasDefault: true}}, nil)
	if !only.Read || only.CredentialsHasDefault {
		t.Errorf("config-only SharedFrom = %+v, want Read and no credentials [default]", only)
	}
	if none := SharedFrom(nil, nil); none.Read {
		t.Errorf("no files: Read = true")
	}
}
