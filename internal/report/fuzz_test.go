package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

// FuzzFormats feeds arbitrary text and positions to every format: each must
// succeed, SARIF must validate against the schema, JUnit must parse, GitHub
// must print one command a line, and no format may print the scanned line.
func FuzzFormats(f *testing.F) {
	for _, r := range append(ordinaryReports(), &Report{}) {
		for _, x := range r.Findings {
			f.Add(x.Rule, x.Severity, x.Path, x.Message, x.Line, x.Column, x.EndLine, x.EndColumn, "const é = 1")
		}
	}
	f.Add("a b#c", "bogus", "100%/a:b/ü\xff.env", "\x00\x1b[31m\xff]]>", -1, 0, 7, 3, "\xed\xa0\x80😀")
	f.Add("r", finding.Error, "/abs/.env", "x\n::error::y\r%0A", 2, 9, 1, 1, "")
	f.Add("", "", "C:/x", "", 0, 0, 0, 0, "ab")
	const marker = "SECRETLINEMARKER"
	f.Fuzz(func(t *testing.T, rule, sev, path, msg string, line, col, endLine, endCol int, lineText string) {
		r := &Report{
			Findings: []finding.Finding{{
				Rule: rule, Severity: sev, Path: path, Message: msg,
				Line: line, Column: col, EndLine: endLine, EndColumn: endCol, Fingerprint: "0011223344556677:1",
				Related: &facts.Location{Path: path, Line: endLine, Column: endCol},
			}},
			Diagnostics: []facts.Diagnostic{{Kind: sev, Message: msg, Location: facts.Location{Path: path, Line: line, Column: col}}},
			Rules:       map[string]Rule{rule: {ID: rule, Severity: sev, Summary: msg, Description: msg, Bad: msg, Good: path, Hint: msg}},
			Version:     sev,
			Lines:       func(string, int) string { return lineText + marker },
		}
		given := rule + sev + path + msg
		for _, name := range Names() {
			fm, err := Lookup(name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := fm.Format(&b, r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out := b.Bytes()
			if bytes.Contains(out, []byte(marker)) && !strings.Contains(given, "LINEMARKER") {
				t.Fatalf("%s printed the scanned line", name)
			}
			switch name {
			case "sarif":
				validateSARIF(t, out)
			case "json":
				if !json.Valid(out) {
					t.Fatalf("json output is not JSON")
				}
			case "junit":
				j := decodeJUnit(t, out)
				if j.Tests != 1 || j.Failures != 1 {
					t.Fatalf("junit tests=%d failures=%d", j.Tests, j.Failures)
				}
			case "github":
				lines := strings.Split(string(out), "\n")
				if len(lines) != 3 || lines[2] != "" || bytes.ContainsRune(out, '\r') ||
					!strings.HasPrefix(lines[0], "::notice ") || !strings.HasPrefix(lines[1], "::"+ghLevel(sev)+" ") {
					t.Fatalf("github output %q", out)
				}
			}
		}
	})
}
