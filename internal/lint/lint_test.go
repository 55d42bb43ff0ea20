package lint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
)

func tree(t *testing.T) string {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"app/.env":     "REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false\n# remolint:ignore unsupported-region we render elsewhere\nREMOTION_AWS_REGION=mars-1\n",
		"vendor2/.env": "REMOTION_SKIP_AWS_CREDENTIALS_CHECK=no\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func run(t *testing.T, dir string, opts Options, paths ...string) []finding.Finding {
	t.Helper()
	e, err := policy.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	res, err := scan.Run(context.Background(), scan.Options{WorkDir: dir, NoGit: true, Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Evaluate(context.Background(), e, res, opts)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func summary(fs []finding.Finding) string {
	var b []string
	for _, f := range fs {
		b = append(b, f.Path+":"+f.Rule+":"+f.Severity)
	}
	return strings.Join(b, " ")
}

func TestEvaluate(t *testing.T) {
	dir := tree(t)
	got := summary(run(t, dir, Options{WorkDir: dir}))
	want := "app/.env:skip-check-falsy-value:error vendor2/.env:skip-check-falsy-value:error"
	if got != want {
		t.Errorf("plain: %s\nwant %s (the suppression silences unsupported-region)", got, want)
	}
	cfg, err := config.Parse(filepath.Join(dir, ".remolint.yaml"), []byte("rules:\n  skip-check-falsy-value: warning\nexclude: [\"vendor2/**\"]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got = summary(run(t, dir, Options{Config: cfg, WorkDir: dir}))
	if got != "app/.env:skip-check-falsy-value:warning" {
		t.Errorf("configured: %s", got)
	}
	off, _ := config.Parse(filepath.Join(dir, ".remolint.yaml"), []byte("rules:\n  skip-check-falsy-value: off\n"), nil)
	if got := summary(run(t, dir, Options{Config: off, WorkDir: dir})); got != "" {
		t.Errorf("rule off: %s", got)
	}
	if got := summary(run(t, dir, Options{WorkDir: dir}, "vendor2/.env")); got != "vendor2/.env:skip-check-falsy-value:error" {
		t.Errorf("file argument: %s", got)
	}
	for _, f := range run(t, dir, Options{WorkDir: dir}) {
		if f.Fingerprint == "" {
			t.Errorf("no fingerprint on %+v", f)
		}
	}
}

func TestCatalogueHasEveryRuleOnce(t *testing.T) {
	e, err := policy.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range Catalogue(e) {
		if seen[r.ID] || r.Summary == "" || !finding.ValidSeverity(r.Severity) {
			t.Errorf("bad catalogue entry %+v", r)
		}
		seen[r.ID] = true
	}
	for _, id := range []string{"invalid-suppression", "unused-suppression", "skip-check-falsy-value"} {
		if !seen[id] {
			t.Errorf("catalogue lacks %s", id)
		}
	}
}

// A scan without the index (scan.Options.NoIndex, as the CLI scans without
// team policies) still gives a team policy the whole document with its
// index: Evaluate builds it.
func TestEvaluateIndexesForTeamPolicies(t *testing.T) {
	dir := tree(t)
	src := `# METADATA
# title: indexed-names
# description: Reports every name of input.index.envEntries.
# custom:
#   severity: warning
#   summary: names the index holds
package remolint.custom.team.indexed_names

import data.remolint.lib

report contains lib.finding(rego.metadata.chain(), {"path": "app/.env", "line": 1, "column": 1}, name) if {
	some name, _ in input.index.envEntries
}
`
	e, err := policy.New(context.Background(), policy.WithCustomPolicies("team", fstest.MapFS{"p.rego": {Data: []byte(src)}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, noIndex := range []bool{false, true} {
		res, err := scan.Run(context.Background(), scan.Options{WorkDir: dir, NoGit: true, NoIndex: noIndex})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Doc.Index.EnvEntries == nil; got != noIndex {
			t.Fatalf("NoIndex %v: document unindexed %v", noIndex, got)
		}
		fs, err := Evaluate(context.Background(), e, res, Options{WorkDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range fs {
			if f.Rule == "indexed-names" {
				names = append(names, f.Message)
			}
		}
		if got := strings.Join(names, " "); got != "REMOTION_AWS_REGION REMOTION_SKIP_AWS_CREDENTIALS_CHECK" {
			t.Errorf("NoIndex %v: the team policy sees the names %q", noIndex, got)
		}
	}
}

// TestSkipFingerprints: findings carry fingerprints unless the caller skips
// them, and skipping changes nothing else.
func TestSkipFingerprints(t *testing.T) {
	dir := tree(t)
	with := run(t, dir, Options{})
	without := run(t, dir, Options{SkipFingerprints: true})
	if len(with) == 0 || len(with) != len(without) {
		t.Fatalf("%d findings with fingerprints, %d without", len(with), len(without))
	}
	for i := range with {
		if with[i].Fingerprint == "" {
			t.Errorf("%s: no fingerprint", with[i].Rule)
		}
		if without[i].Fingerprint != "" {
			t.Errorf("%s: fingerprint %q though skipped", without[i].Rule, without[i].Fingerprint)
		}
		with[i].Fingerprint = ""
		if !reflect.DeepEqual(with[i], without[i]) {
			t.Errorf("finding %d differs beyond its fingerprint:\n%+v\n%+v", i, with[i], without[i])
		}
	}
}

// TestLoadLines: with fingerprints skipped, LoadLines still reads the
// findings' files during Evaluate (a file removed afterwards still gives its
// lines); without it, nothing reads them.
func TestLoadLines(t *testing.T) {
	for _, load := range []bool{true, false} {
		dir := tree(t)
		e, err := policy.New(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		res, err := scan.Run(context.Background(), scan.Options{WorkDir: dir, NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := Evaluate(context.Background(), e, res, Options{SkipFingerprints: true, LoadLines: load})
		if err != nil || len(fs) == 0 {
			t.Fatalf("%d findings, %v", len(fs), err)
		}
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(fs[0].Path))); err != nil {
			t.Fatal(err)
		}
		if got := res.Line(fs[0].Path, fs[0].Line) != ""; got != load {
			t.Errorf("LoadLines %v: the line of %s is known after its file is gone: %v", load, fs[0].Path, got)
		}
	}
}
