package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/remolint/remolint/internal/finding"
)

// GitHub prints GitHub Actions workflow commands, one line per finding:
//
//	::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::message
//
// with `warning` and `notice` for lower severities, and diagnostics as
// `::notice` lines titled "remolint". Columns follow GitHub's rules: given
// only when the span is on one line, end exclusive, in UTF-16 code units
// when Report.Lines is set. Property values and messages are escaped, so no
// input can start a second command.
type GitHub struct{}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, r *Report) error {
	var b strings.Builder
	cols := newColumns(r.Lines)
	for _, d := range r.Diagnostics {
		l := d.Location
		ghCommand(&b, "notice", l.Path, cols.span(l.Path, l.Line, l.Column, l.EndLine, l.EndColumn), "remolint", d.Message)
	}
	for _, f := range r.Findings {
		ghCommand(&b, ghLevel(f.Severity), f.Path, cols.span(f.Path, f.Line, f.Column, f.EndLine, f.EndColumn), f.Rule, f.Message)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing github annotations: %w", err)
	}
	return nil
}

func ghLevel(sev string) string {
	switch sev {
	case finding.Error:
		return "error"
	case finding.Info:
		return "notice"
	}
	return "warning"
}

func ghCommand(b *strings.Builder, cmd, path string, s span, title, msg string) {
	b.WriteString("::")
	b.WriteString(cmd)
	sep := " "
	prop := func(k, v string) {
		b.WriteString(sep)
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(ghProperty(v))
		sep = ","
	}
	if path != "" {
		prop("file", path)
		if s.line > 0 {
			prop("line", strconv.Itoa(s.line))
			// GitHub rejects columns on a span over several lines.
			oneLine := s.endLine == s.line
			if oneLine && s.hasCols() {
				prop("col", strconv.Itoa(s.col))
			}
			prop("endLine", strconv.Itoa(s.endLine))
			if oneLine && s.hasCols() && s.endCol > 0 {
				prop("endColumn", strconv.Itoa(s.endCol))
			}
		}
	}
	if title != "" {
		prop("title", title)
	}
	b.WriteString("::")
	b.WriteString(ghData(msg))
	b.WriteByte('\n')
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghData escapes a command's message.
func ghData(s string) string { return ghDataEscaper.Replace(s) }

// ghProperty escapes a command's property value.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
