package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// JUnit prints JUnit XML as GitLab, Jenkins and Azure Pipelines read it:
// one <testsuite> per rule that has findings, sorted by rule ID, and one
// failing <testcase name="path:line:col" classname="RULE"> per finding.
// A clean run has one passing test case named "remolint", so CI shows a
// green test rather than none. Diagnostics go to the <system-out> of a
// suite named "remolint". Characters XML 1.0 forbids are dropped.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name      string      `xml:"name,attr"`
	Tests     int         `xml:"tests,attr"`
	Failures  int         `xml:"failures,attr"`
	Errors    int         `xml:"errors,attr"`
	Cases     []junitCase `xml:"testcase"`
	SystemOut *junitText  `xml:"system-out,omitempty"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",cdata"`
}

// junitText is element text kept readable in a CDATA section (encoding/xml
// splits any "]]>" inside it).
type junitText struct {
	Text string `xml:",cdata"`
}

// Format implements Formatter.
func (JUnit) Format(w io.Writer, r *Report) error {
	byRule := map[string]*junitSuite{}
	for _, f := range r.Findings {
		s := byRule[f.Rule]
		if s == nil {
			s = &junitSuite{Name: xmlSafe(f.Rule)}
			byRule[f.Rule] = s
		}
		var text strings.Builder
		fmt.Fprintf(&text, "%s: %s %s: %s", position(f.Path, f.Line, f.Column), f.Severity, f.Rule, f.Message)
		if rule, ok := r.Rules[f.Rule]; ok {
			if rule.Summary != "" {
				text.WriteString("\nrule: " + rule.Summary)
			}
			if rule.Hint != "" {
				text.WriteString("\nhint: " + rule.Hint)
			}
			if uri := rule.HelpURI; uri != "" || !rule.Custom {
				if uri == "" {
					uri = RuleDocURL(f.Rule)
				}
				text.WriteString("\ndocs: " + uri)
			}
		}
		s.Cases = append(s.Cases, junitCase{
			Name:      xmlSafe(position(f.Path, f.Line, f.Column)),
			Classname: xmlSafe(f.Rule),
			Failure: &junitFailure{
				Type: xmlSafe(f.Severity), Message: xmlSafe(f.Message), Text: xmlSafe(text.String()),
			},
		})
		s.Tests++
		s.Failures++
	}
	ids := make([]string, 0, len(byRule))
	for id := range byRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := junitSuites{Name: "remolint", Suites: make([]junitSuite, 0, len(ids)+1)}
	if len(r.Findings) == 0 || len(r.Diagnostics) > 0 {
		s := junitSuite{Name: "remolint"}
		if len(r.Findings) == 0 {
			s.Cases = []junitCase{{Name: "remolint", Classname: "remolint"}}
			s.Tests = 1
		}
		var notes strings.Builder
		for _, d := range r.Diagnostics {
			fmt.Fprintf(&notes, "%s: note %s\n", position(d.Location.Path, d.Location.Line, d.Location.Column), d.Message)
		}
		if notes.Len() > 0 {
			s.SystemOut = &junitText{Text: xmlSafe(notes.String())}
		}
		out.Suites = append(out.Suites, s)
	}
	for _, id := range ids {
		out.Suites = append(out.Suites, *byRule[id])
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encoding junit: %w", err)
	}
	b.WriteByte('\n')
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing junit: %w", err)
	}
	return nil
}

// position renders path:line:col, leaving out what is unknown.
func position(path string, line, col int) string {
	if line < 1 {
		return path
	}
	if col < 1 {
		return path + ":" + strconv.Itoa(line)
	}
	return path + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
}

// xmlSafe drops the characters XML 1.0 forbids (control characters other
// than tab, newline and carriage return; surrogates; U+FFFE, U+FFFF) and
// replaces invalid UTF-8 with U+FFFD.
func xmlSafe(s string) string {
	clean := true
	for _, r := range s {
		if !xmlChar(r) {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s { // invalid UTF-8 reads as U+FFFD
		if xmlChar(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	case r < 0x10000:
		return false
	}
	return r <= 0x10FFFF
}
