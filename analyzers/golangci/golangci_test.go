package golangci

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/remolint/remolint/analyzers/remolint"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("remolint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	// golangci-lint prints the message alone only when the analyzer's name
	// is the linter's name; otherwise it prefixes "analyzer: ".
	if len(as) != 1 || as[0].Name != Name || as[0].Run == nil {
		t.Errorf("analyzers %v, want one named %s", as, Name)
	}
}

// settings parses YAML-like input as golangci-lint hands it over: decoded
// into interface values (here from JSON).
func settings(t *testing.T, js string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(js), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNewSettings(t *testing.T) {
	tests := []struct {
		name string
		in   string // JSON; "" for nil
		want remolint.Config
	}{
		{"absent", "", remolint.Config{}},
		{"null", "null", remolint.Config{}},
		{"empty", "{}", remolint.Config{}},
		{"rules and min severity", `{"rules": {"opt-in-region": "off", "unprefixed-key": "error", "unused-suppression": "on", "skip-check-falsy-value": "warning"}, "min-severity": "warning"}`,
			remolint.Config{Rules: map[string]string{"opt-in-region": "off", "unprefixed-key": "error", "unused-suppression": "on", "skip-check-falsy-value": "warning"}, MinSeverity: "warning"}},
		// a YAML 1.1 reader turns unquoted off/on into booleans
		{"booleans", `{"rules": {"opt-in-region": false, "unprefixed-key": true}}`,
			remolint.Config{Rules: map[string]string{"opt-in-region": "off", "unprefixed-key": "on"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in any
			if tt.in != "" {
				in = settings(t, tt.in)
			}
			p, err := New(in)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.(*Plugin).Config(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestNewSettingsErrors(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"unknown key", settings(t, `{"rules": {}, "colour": "red"}`),
			`remolint settings: unknown key "colour" (want rules or min-severity)`},
		{"misspelled key", settings(t, `{"min_severity": "error"}`),
			`remolint settings: unknown key "min_severity" (want rules or min-severity)`},
		{"unknown rule", settings(t, `{"rules": {"skip-check-falsy-valu": "off"}}`),
			`remolint settings: unknown rule "skip-check-falsy-valu" (run 'remolint rules' for the list)`},
		{"two unknown rules, sorted", settings(t, `{"rules": {"zz-rule": "off", "aa-rule": "off"}}`),
			`remolint settings: unknown rule "aa-rule" (run 'remolint rules' for the list); unknown rule "zz-rule" (run 'remolint rules' for the list)`},
		{"bad severity", settings(t, `{"rules": {"opt-in-region": "loud"}}`),
			`remolint settings: rule opt-in-region: "loud" is not off, on, error, warning or info`},
		{"bad min severity", settings(t, `{"min-severity": "off"}`),
			`remolint settings: min severity "off" is not error, warning or info`},
		{"rule value of the wrong type", settings(t, `{"rules": {"opt-in-region": 3}}`),
			`remolint settings: want off, on, error, warning or info, not 3`},
		{"rules not a mapping", settings(t, `{"rules": ["opt-in-region"]}`),
			`remolint settings: rules: an array is not allowed here`},
		{"min severity not a string", settings(t, `{"min-severity": 2}`),
			`remolint settings: min-severity: a number is not allowed here`},
		{"settings not a mapping", settings(t, `["rules"]`),
			`remolint settings: settings must be a mapping, not an array`},
		{"unencodable", map[string]any{"rules": func() {}},
			`remolint settings: json: unsupported type: func()`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := New(tt.in)
			if err == nil {
				t.Fatalf("got %+v, want error %q", p, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %q\nwant %q", err, tt.want)
			}
		})
	}
}

// TestConfigIsCopied: the plugin's configuration cannot be changed through
// what Config returns.
func TestConfigIsCopied(t *testing.T) {
	p, err := New(settings(t, `{"rules": {"opt-in-region": "off"}}`))
	if err != nil {
		t.Fatal(err)
	}
	c := p.(*Plugin).Config()
	c.Rules["opt-in-region"] = "error"
	if got := p.(*Plugin).Config().Rules["opt-in-region"]; got != "off" {
		t.Errorf("got %q after changing a copy, want off", got)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{}`, `null`, `{"rules": {"opt-in-region": "off"}}`, `{"rules": {"a": false}}`,
		`{"min-severity": "warning"}`, `{"colour": 1}`, `["rules"]`, `{"rules": ["x"]}`, `{"rules": {"a": 3}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, js string) {
		var v any
		if json.Unmarshal([]byte(js), &v) != nil {
			return
		}
		_, _ = New(v) // never panics
		s, err := Decode(v)
		if err != nil {
			return
		}
		// what decoded once decodes again to the same settings
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var v2 any
		if err := json.Unmarshal(b, &v2); err != nil {
			t.Fatal(err)
		}
		s2, err := Decode(v2)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", b, err)
		}
		if len(s.Rules) == 0 && len(s2.Rules) == 0 {
			s.Rules, s2.Rules = nil, nil // null and {} both mean no rules
		}
		if !reflect.DeepEqual(s, s2) {
			t.Fatalf("round trip: %+v != %+v", s, s2)
		}
	})
}
