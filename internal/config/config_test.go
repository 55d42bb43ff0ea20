package config

import (
	"os"
	"path/filepath"
	"testing"
)

func known(id string) bool { return id == "unprefixed-key" || id == "opt-in-region" }

func TestParse(t *testing.T) {
	src := `rules:
  unprefixed-key: off
  opt-in-region: error
exclude: ["fixtures/**", "**/*.example"]
include: ["fixtures/keep/**"]
platforms: [vercel]
consumers: [node, go]
fail-on: warning
policies: [policies/team]
aws-dir: ci/aws
`
	c, err := Parse("/repo/.remolint.yaml", []byte(src), known)
	if err != nil {
		t.Fatal(err)
	}
	if c.Severity("unprefixed-key") != "off" || c.Severity("opt-in-region") != "error" || c.Severity("x") != "" {
		t.Errorf("rules = %v", c.Rules)
	}
	for path, want := range map[string]bool{
		"fixtures/a/.env":    false,
		"fixtures/keep/.env": true,
		"apps/.env.example":  false,
		"apps/.env":          true,
		"deep/er/x.example":  false,
		"x.example":          false, // **/ matches no folder too
		"fixtures":           true,  // a folder's /** is what is inside it
	} {
		if got := c.Reported(path); got != want {
			t.Errorf("Reported(%q) = %t, want %t", path, got, want)
		}
	}
	// a/**/b matches a/b: **/ stands for zero or more folders, as in
	// .gitignore.
	mid, err := Parse("/repo/.remolint.yaml", []byte(`exclude: ["apps/**/env"]`), known)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{"apps/env": false, "apps/a/b/env": false, "apps/a/env.x": true, "env": true} {
		if got := mid.Reported(path); got != want {
			t.Errorf("apps/**/env: Reported(%q) = %t, want %t", path, got, want)
		}
	}
	if c.FailOn != "warning" || c.AWSDir != "ci/aws" || len(c.Policies) != 1 || c.Dir() != "/repo" {
		t.Errorf("config = %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"rules:\n  unprefixed-key: off\n  no-such-rule: off\n": "/r/.remolint.yaml:3: unknown rule \"no-such-rule\" (run 'remolint rules' for the list)",
		"rules:\n  unprefixed-key: loud\n":                     "/r/.remolint.yaml:2: rule unprefixed-key: \"loud\" is not off, error, warning or info",
		"fail-on: off\n":                                       "/r/.remolint.yaml: fail-on: \"off\" is not error, warning or info",
		"color: true\n":                                        "/r/.remolint.yaml:1: field color not found in .remolint.yaml",
		"exclude: fixtures\n":                                  "/r/.remolint.yaml:1: cannot unmarshal !!str `fixtures` into []string",
		"platforms: [heroku]\n":                                "/r/.remolint.yaml: platforms: \"heroku\" is not vercel, netlify or aws-lambda",
		"consumers: [ruby]\n":                                  "/r/.remolint.yaml: consumers: \"ruby\" is not node, cli, go, python or php",
		"exclude: ['[']\n":                                     "/r/.remolint.yaml: exclude: \"[\" is not a valid glob",
		"rules: [\n":                                           "/r/.remolint.yaml:1: did not find expected node content",
	}
	for src, want := range cases {
		_, err := Parse("/r/.remolint.yaml", []byte(src), known)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) error = %v\nwant %s", src, err, want)
		}
	}
}

func TestEmptyAndFind(t *testing.T) {
	if _, err := Parse("x", nil, known); err != nil {
		t.Errorf("empty config: %v", err)
	}
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != "" {
		t.Errorf("Find with no config = %q", got)
	}
	cfg := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(cfg, []byte("fail-on: info\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != cfg {
		t.Errorf("Find = %q, want %q", got, cfg)
	}
	if err := os.Mkdir(filepath.Join(sub, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != "" {
		t.Errorf("Find stops at the repository root, got %q", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("rules:\n  unprefixed-key: off\n")
	f.Add("exclude: ['**']\ninclude: [a]\n")
	f.Add(": : :\n")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse("f", []byte(s), known)
		if err == nil {
			_ = c.Reported("a/b")
		}
	})
}
