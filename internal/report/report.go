// Package report prints findings. Every output format implements Formatter
// and is chosen by name in one place (Lookup), so adding a format touches
// one file and the list below.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

// Rule is the documentation of a rule that formats may embed.
type Rule struct {
	ID       string
	Severity string
	Summary  string
	Hint     string
	// Description is the long explanation, in markdown.
	Description string
	// Bad and Good are examples: configuration or code that triggers the
	// rule and its fix.
	Bad, Good string
	// Remotion says what Remotion really does in the situation.
	Remotion string
	// HelpURI is the rule's documentation; "" means the built-in catalogue
	// entry (RuleDocURL) unless Custom is set.
	HelpURI string
	// Custom marks a team's own policy, which has no entry in remolint's
	// catalogue.
	Custom bool
}

// Report is everything a format may print.
type Report struct {
	Findings    []finding.Finding
	Summary     finding.Summary
	Diagnostics []facts.Diagnostic
	// Rules maps rule IDs to their documentation.
	Rules map[string]Rule
	// Version is remolint's version.
	Version string
	// Lines, when set, returns the text of a line of a scanned file. Formats
	// whose consumers count columns in UTF-16 code units (SARIF, GitHub)
	// use it only to convert byte columns; no line text is ever printed.
	Lines finding.LineSource
}

// Options tune a format.
type Options struct {
	// Color enables ANSI colour (text only).
	Color bool
}

// Formatter writes a report.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

// Names lists the formats, sorted.
func Names() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var formats = map[string]func(Options) Formatter{
	"text":   func(o Options) Formatter { return Text(o) },
	"json":   func(Options) Formatter { return JSON{} },
	"sarif":  func(Options) Formatter { return SARIF{} },
	"github": func(Options) Formatter { return GitHub{} },
	"junit":  func(Options) Formatter { return JUnit{} },
}

// fingerprinted names the formats that print the findings' fingerprints,
// linesRead those that read the findings' lines (Report.Lines) for their
// columns.
var (
	fingerprinted = map[string]bool{"json": true, "sarif": true}
	linesRead     = map[string]bool{"github": true, "sarif": true}
)

// ShowsFingerprints reports whether the format called name prints the
// findings' fingerprints: for the others, a run without a baseline need not
// compute them (they cost reading every file with a finding again).
func ShowsFingerprints(name string) bool { return fingerprinted[name] }

// ReadsLines reports whether the format called name reads the lines of the
// findings' files (Report.Lines), which a caller can then load beforehand,
// all at once.
func ReadsLines(name string) bool { return linesRead[name] }

// Lookup returns the format called name.
func Lookup(name string, o Options) (Formatter, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Names(), ", "))
	}
	return f(o), nil
}

// JSON prints {"version": 1, "findings": [...], "summary": {...}}.
type JSON struct{}

type jsonReport struct {
	Version     int                `json:"version"`
	Findings    []finding.Finding  `json:"findings"`
	Summary     finding.Summary    `json:"summary"`
	Diagnostics []facts.Diagnostic `json:"diagnostics,omitempty"`
}

// Format implements Formatter.
func (JSON) Format(w io.Writer, r *Report) error {
	out := jsonReport{Version: 1, Findings: r.Findings, Summary: r.Summary, Diagnostics: r.Diagnostics}
	if out.Findings == nil {
		out.Findings = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing json: %w", err)
	}
	return nil
}

// Text prints one finding per line, `path:line:col: severity rule: message`,
// an indented hint, and a summary line.
type Text struct{ Color bool }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
)

func (t Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

// Format implements Formatter.
func (t Text) Format(w io.Writer, r *Report) error {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		fmt.Fprintf(&b, "%s: %s %s\n", finding.Printable(d.Location.Path), t.paint(ansiDim, "note"), finding.Printable(d.Message))
	}
	for _, f := range r.Findings {
		sev := f.Severity
		switch sev {
		case finding.Error:
			sev = t.paint(ansiRed+ansiBold, sev)
		case finding.Warning:
			sev = t.paint(ansiYellow+ansiBold, sev)
		default:
			sev = t.paint(ansiBlue, sev)
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", finding.Printable(f.Path), f.Line, f.Column, sev, f.Rule, f.Message)
		hint := "run `remolint explain " + f.Rule + "` for the fix"
		if rule, ok := r.Rules[f.Rule]; ok && rule.Hint != "" {
			hint = rule.Hint
		}
		fmt.Fprintf(&b, "    %s\n", t.paint(ansiDim, "hint: "+hint))
	}
	s := r.Summary
	if s.Total == 0 {
		fmt.Fprintf(&b, "no problems found in %d %s\n", s.Files, plural(s.Files, "file"))
	} else {
		fmt.Fprintf(&b, "%d %s (%d %s, %d %s, %d info) in %d %s\n",
			s.Total, plural(s.Total, "problem"), s.Errors, plural(s.Errors, "error"),
			s.Warnings, plural(s.Warnings, "warning"), s.Infos, s.Files, plural(s.Files, "file"))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing text: %w", err)
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
