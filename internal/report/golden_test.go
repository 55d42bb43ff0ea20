package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// fixedLines is the text of the lines fixedReport's findings sit on. Line 2
// of src/ünï.ts has a two-byte "é" and a four-byte emoji before the
// finding, so byte and UTF-16 columns differ there.
var fixedLines = map[string][]string{
	".env":             {"REMOTION_AWS_ACCESS_KEY_ID=AKIA…WXYZ"},
	"apps/my app/.env": {"", "", "    AWS_ACCESS_KEY_ID=\\", "x"},
	"src/ünï.ts":       {"", "const é = \"😀\"; region: \"ap-east-1\""},
}

func fixedLineSource(path string, line int) string {
	ls := fixedLines[path]
	if line < 1 || line > len(ls) {
		return ""
	}
	return ls[line-1]
}

// fixedReport is a small report that exercises every field the formats
// print: escaping in messages and paths, multi-line spans, a related
// location, a rule without documentation, a custom rule, non-ASCII columns
// and diagnostics with and without a line.
func fixedReport() *Report {
	return &Report{
		Findings: []finding.Finding{
			{
				Rule: "incomplete-key-pair", Severity: finding.Error, Path: ".env",
				Line: 1, Column: 1, EndLine: 1, EndColumn: 27,
				Message:     "REMOTION_AWS_ACCESS_KEY_ID is set without REMOTION_AWS_SECRET_ACCESS_KEY: Remotion throws \"<missing>\" & stops, 100%\nsecond line",
				Fingerprint: "1111111111111111:1",
			},
			{
				Rule: "unprefixed-key", Severity: finding.Warning, Path: "apps/my app/.env",
				Line: 3, Column: 5, EndLine: 4, EndColumn: 2,
				Message:     "AWS_ACCESS_KEY_ID, a Node consumer's key, is also read by the AWS CLI",
				Fingerprint: "2222222222222222:1",
				Related:     &facts.Location{Path: ".env", Line: 1, Column: 1, EndLine: 1, EndColumn: 27},
			},
			{
				Rule: "opt-in-region", Severity: finding.Info, Path: "src/ünï.ts",
				Line: 2, Column: 29, EndLine: 2, EndColumn: 38,
				Message:     "ap-east-1 must be enabled in the AWS account first",
				Fingerprint: "3333333333333333:1",
			},
			{
				Rule: "remolint-team-rule", Severity: finding.Warning, Path: "src/ünï.ts",
				Line: 2, Column: 1, EndLine: 2, EndColumn: 6,
				Message: "team rule, no fingerprint",
			},
		},
		Summary: finding.Summary{Errors: 1, Warnings: 2, Infos: 1, Total: 4, Files: 3},
		Diagnostics: []facts.Diagnostic{
			{Kind: "unreadable", Message: "permission denied", Location: facts.Location{Path: "secrets/.env"}},
			{Kind: "parse", Message: "unterminated quote, rest of file skipped", Location: facts.Location{Path: ".aws/config", Line: 7, Column: 3}},
		},
		Rules: map[string]Rule{
			"incomplete-key-pair": {
				ID: "incomplete-key-pair", Severity: finding.Error,
				Summary:     "a key id without its secret, or the reverse",
				Description: "Remotion needs **both** halves of a key pair.",
				Bad:         "REMOTION_AWS_ACCESS_KEY_ID=AKIA...\n# ``` not a fence",
				Good:        "REMOTION_AWS_ACCESS_KEY_ID=AKIA...\nREMOTION_AWS_SECRET_ACCESS_KEY=...",
				Remotion:    "throws before the first render",
				Hint:        "set REMOTION_AWS_SECRET_ACCESS_KEY beside the key id",
			},
			"unprefixed-key": {
				ID: "unprefixed-key", Severity: finding.Warning,
				Summary: "credentials under AWS_* names",
			},
			"opt-in-region": {ID: "opt-in-region", Severity: finding.Info},
			"team-only": {
				ID: "team-only", Severity: finding.Error, Summary: "a team's own rule",
				HelpURI: "https://wiki.example.com/rules#team-only", Custom: true,
			},
		},
		Version: "1.2.3",
		Lines:   fixedLineSource,
	}
}

func render(t *testing.T, name string, r *Report) []byte {
	t.Helper()
	f, err := Lookup(name, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Format(&b, r); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"sarif", "github", "junit"} {
		for _, tc := range []struct {
			suffix string
			r      *Report
		}{
			{"", fixedReport()},
			{"-empty", &Report{Version: "1.2.3"}},
		} {
			t.Run(name+tc.suffix, func(t *testing.T) {
				got := render(t, name, tc.r)
				if !bytes.Equal(got, render(t, name, tc.r)) {
					t.Fatal("two runs over the same report differ")
				}
				path := filepath.Join("testdata", name+tc.suffix+".golden")
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the output (run with -update after checking):\n--- got ---\n%s", path, got)
				}
			})
		}
	}
}

func TestLookupKnowsEveryFormat(t *testing.T) {
	want := []string{"github", "json", "junit", "sarif", "text"}
	got := Names()
	if len(got) != len(want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Names() = %v, want %v", got, want)
		}
	}
}

// TestShowsFingerprints: a format prints the findings' fingerprints exactly
// when ShowsFingerprints says so (a run skips computing them otherwise).
func TestShowsFingerprints(t *testing.T) {
	for _, name := range Names() {
		f, err := Lookup(name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Format(&buf, fixedReport()); err != nil {
			t.Fatal(err)
		}
		printed := bytes.Contains(buf.Bytes(), []byte("1111111111111111:1"))
		if printed != ShowsFingerprints(name) {
			t.Errorf("format %s prints fingerprints: %v; ShowsFingerprints says %v", name, printed, ShowsFingerprints(name))
		}
	}
}

// TestReadsLines: a format's output depends on the findings' lines exactly
// when ReadsLines says so.
func TestReadsLines(t *testing.T) {
	for _, name := range Names() {
		f, err := Lookup(name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var with, without bytes.Buffer
		r := fixedReport()
		r.Lines = fixedLineSource
		if err := f.Format(&with, r); err != nil {
			t.Fatal(err)
		}
		r.Lines = nil
		if err := f.Format(&without, r); err != nil {
			t.Fatal(err)
		}
		reads := !bytes.Equal(with.Bytes(), without.Bytes())
		if reads != ReadsLines(name) {
			t.Errorf("format %s reads the lines: %v; ReadsLines says %v", name, reads, ReadsLines(name))
		}
	}
}
