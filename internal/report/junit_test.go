package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

// junitIn is what a CI system reads back from the JUnit output.
type junitIn struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name      string `xml:"name,attr"`
		Tests     int    `xml:"tests,attr"`
		Failures  int    `xml:"failures,attr"`
		SystemOut string `xml:"system-out"`
		Cases     []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func decodeJUnit(t testing.TB, out []byte) junitIn {
	t.Helper()
	// Every token must parse, not only the parts Unmarshal reads.
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("junit output is not well-formed XML: %v\n%s", err, out)
		}
	}
	var j junitIn
	if err := xml.Unmarshal(out, &j); err != nil {
		t.Fatalf("unmarshal junit: %v\n%s", err, out)
	}
	return j
}

func TestJUnitStructure(t *testing.T) {
	j := decodeJUnit(t, render(t, "junit", fixedReport()))
	if j.Name != "remolint" || j.Tests != 4 || j.Failures != 4 {
		t.Errorf("testsuites name=%q tests=%d failures=%d", j.Name, j.Tests, j.Failures)
	}
	type row struct {
		suite, name, classname, typ string
	}
	var got []row
	for _, s := range j.Suites {
		if s.Tests != len(s.Cases) {
			t.Errorf("suite %s: tests=%d, %d cases", s.Name, s.Tests, len(s.Cases))
		}
		fails := 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				fails++
				got = append(got, row{s.Name, c.Name, c.Classname, c.Failure.Type})
			}
		}
		if s.Failures != fails {
			t.Errorf("suite %s: failures=%d, %d failing cases", s.Name, s.Failures, fails)
		}
	}
	want := []row{
		{"incomplete-key-pair", ".env:1:1", "incomplete-key-pair", "error"},
		{"opt-in-region", "src/ünï.ts:2:29", "opt-in-region", "info"},
		{"remolint-team-rule", "src/ünï.ts:2:1", "remolint-team-rule", "warning"},
		{"unprefixed-key", "apps/my app/.env:3:5", "unprefixed-key", "warning"},
	}
	if len(got) != len(want) {
		t.Fatalf("failures %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("failure %d = %v, want %v", i, got[i], want[i])
		}
	}
	if j.Suites[0].Name != "remolint" || j.Suites[0].SystemOut != "secrets/.env: note permission denied\n.aws/config:7:3: note unterminated quote, rest of file skipped\n" {
		t.Errorf("diagnostics suite = %+v", j.Suites[0])
	}
	// The message survives the attribute escaping exactly.
	f := j.Suites[1].Cases[0].Failure
	if f.Message != fixedReport().Findings[0].Message {
		t.Errorf("message = %q", f.Message)
	}
	if !strings.HasPrefix(f.Text, ".env:1:1: error incomplete-key-pair: ") || !strings.HasSuffix(f.Text, "\ndocs: https://github.com/remolint/remolint/blob/main/docs/rules.md#incomplete-key-pair") {
		t.Errorf("failure text = %q", f.Text)
	}
}

func TestJUnitCleanRunPasses(t *testing.T) {
	j := decodeJUnit(t, render(t, "junit", &Report{}))
	if j.Tests != 1 || j.Failures != 0 || len(j.Suites) != 1 || len(j.Suites[0].Cases) != 1 {
		t.Fatalf("clean run: %+v", j)
	}
	c := j.Suites[0].Cases[0]
	if c.Name != "remolint" || c.Failure != nil {
		t.Errorf("clean run case: %+v", c)
	}
	// Diagnostics alone keep the run green.
	j = decodeJUnit(t, render(t, "junit", &Report{Diagnostics: []facts.Diagnostic{{Message: "too large", Location: facts.Location{Path: "big.env"}}}}))
	if j.Tests != 1 || j.Failures != 0 || j.Suites[0].SystemOut != "big.env: note too large\n" {
		t.Errorf("diagnostics only: %+v", j)
	}
}

func TestJUnitEscaping(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{`say "hi" & <bye> 'now'`, `say "hi" & <bye> 'now'`},
		{"tab\there\nnewline", "tab\there\nnewline"},
		{"nul\x00 esc\x1b[31m bell\x07 vt\x0b ff\x0c", "nul esc[31m bell vt ff"},
		{"bad utf8 \xff\xfe end", "bad utf8 \uFFFD\uFFFD end"},
		{"nonchars \uFFFE\uFFFF ok é😀", "nonchars  ok é😀"},
		{"cdata ]]> end", "cdata ]]> end"},
	} {
		r := &Report{Findings: []finding.Finding{{Rule: "r&<\"", Severity: finding.Error, Path: "p\"&<>.env", Line: 1, Column: 1, Message: tc.msg}}}
		out := render(t, "junit", r)
		j := decodeJUnit(t, out)
		c := j.Suites[0].Cases[0]
		if c.Failure.Message != tc.want {
			t.Errorf("message %q read back as %q, want %q", tc.msg, c.Failure.Message, tc.want)
		}
		if want := "p\"&<>.env:1:1: error r&<\": " + tc.want; c.Failure.Text != want {
			t.Errorf("text %q read back as %q, want %q", tc.msg, c.Failure.Text, want)
		}
		if c.Name != "p\"&<>.env:1:1" || c.Classname != "r&<\"" || j.Suites[0].Name != "r&<\"" {
			t.Errorf("names read back as %q %q %q", c.Name, c.Classname, j.Suites[0].Name)
		}
	}
}

func TestXMLSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"\t\n\r", "\t\n\r"},
		{"a\x00b\x1fc\x7fd", "ab" + "c\x7fd"},
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"}, // an encoded surrogate is invalid UTF-8
		{"\U0010FFFF\U00010000", "\U0010FFFF\U00010000"},
	} {
		if got := xmlSafe(tc.in); got != tc.want {
			t.Errorf("xmlSafe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
