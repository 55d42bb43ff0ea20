package report

import (
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"%0A", "%250A", "%250A"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
		{"", "", ""},
	} {
		if got := ghData(tc.in); got != tc.data {
			t.Errorf("ghData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := ghProperty(tc.in); got != tc.prop {
			t.Errorf("ghProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestGitHubCommands(t *testing.T) {
	f := func(sev, path string, line, col, endLine, endCol int, rule, msg string) finding.Finding {
		return finding.Finding{Rule: rule, Severity: sev, Path: path, Line: line, Column: col, EndLine: endLine, EndColumn: endCol, Message: msg}
	}
	for _, tc := range []struct {
		name string
		f    finding.Finding
		want string
	}{
		{"error on one line", f(finding.Error, ".env", 3, 1, 3, 27, "incomplete-key-pair", "m"),
			"::error file=.env,line=3,col=1,endLine=3,endColumn=27,title=incomplete-key-pair::m"},
		{"warning", f(finding.Warning, "a/.env", 1, 5, 1, 9, "r", "m"),
			"::warning file=a/.env,line=1,col=5,endLine=1,endColumn=9,title=r::m"},
		{"info is notice", f(finding.Info, "a/.env", 1, 5, 1, 9, "r", "m"),
			"::notice file=a/.env,line=1,col=5,endLine=1,endColumn=9,title=r::m"},
		{"unknown severity is warning", f("fatal", "a", 1, 1, 1, 2, "r", "m"),
			"::warning file=a,line=1,col=1,endLine=1,endColumn=2,title=r::m"},
		// GitHub rejects col/endColumn when the lines differ.
		{"several lines: no columns", f(finding.Error, "a", 2, 7, 5, 3, "r", "m"),
			"::error file=a,line=2,endLine=5,title=r::m"},
		{"end before start clamps", f(finding.Error, "a", 4, 9, 2, 3, "r", "m"),
			"::error file=a,line=4,col=9,endLine=4,endColumn=9,title=r::m"},
		{"no end column", f(finding.Error, "a", 4, 9, 4, 0, "r", "m"),
			"::error file=a,line=4,col=9,endLine=4,title=r::m"},
		{"no column", f(finding.Error, "a", 4, 0, 4, 7, "r", "m"),
			"::error file=a,line=4,endLine=4,title=r::m"},
		{"no line", f(finding.Error, "a", 0, 3, 0, 7, "r", "m"),
			"::error file=a,title=r::m"},
		{"no path", f(finding.Error, "", 4, 3, 4, 7, "r", "m"),
			"::error title=r::m"},
		{"escaped path, title and message", f(finding.Error, "a,b:c%\n.env", 1, 1, 1, 2, "r,x", "line1\nline2 100%"),
			"::error file=a%2Cb%3Ac%25%0A.env,line=1,col=1,endLine=1,endColumn=2,title=r%2Cx::line1%0Aline2 100%25"},
		{"no title", f(finding.Error, "a", 1, 1, 1, 2, "", "m"),
			"::error file=a,line=1,col=1,endLine=1,endColumn=2::m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(render(t, "github", &Report{Findings: []finding.Finding{tc.f}}))
			if got != tc.want+"\n" {
				t.Errorf("got  %q\nwant %q", got, tc.want+"\n")
			}
		})
	}
}

func TestGitHubUTF16Columns(t *testing.T) {
	r := &Report{
		Findings: []finding.Finding{{Rule: "r", Severity: finding.Error, Path: "a.ts", Line: 1, Column: 13, EndLine: 1, EndColumn: 16, Message: "m"}},
		Lines:    func(string, int) string { return "x = \"😀\"; abc" },
	}
	// "😀" is 4 bytes and 2 UTF-16 units: "abc" at bytes 13..16 is at units 11..14.
	want := "::error file=a.ts,line=1,col=11,endLine=1,endColumn=14,title=r::m\n"
	if got := string(render(t, "github", r)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// No message, path or rule can start a second workflow command.
func TestGitHubNoInjection(t *testing.T) {
	evil := "x\n::add-mask::y\r::stop-commands::z\r\n::error::w"
	r := &Report{
		Findings:    []finding.Finding{{Rule: evil, Severity: finding.Error, Path: evil, Line: 1, Column: 1, Message: evil}},
		Diagnostics: []facts.Diagnostic{{Message: evil, Location: facts.Location{Path: evil}}},
	}
	out := string(render(t, "github", r))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 || strings.ContainsRune(out, '\r') {
		t.Fatalf("want 2 lines without CR, got %q", out)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::notice ") && !strings.HasPrefix(l, "::error ") {
			t.Errorf("line %q", l)
		}
	}
}
