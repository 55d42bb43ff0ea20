package report

import (
	"unicode/utf8"

	"github.com/remolint/remolint/internal/finding"
)

// span is a region made consistent for formats that validate positions:
// line 0 means no line is known (the whole file), column 0 means no column
// is known; when line > 0, endLine >= line, and on a single line endCol >=
// col. Ends stay exclusive, as everywhere in remolint.
type span struct {
	line, col, endLine, endCol int
}

// hasCols reports whether the span has a start column.
func (s span) hasCols() bool { return s.line > 0 && s.col > 0 }

// makeSpan cleans a finding's or diagnostic's position. When lines is set,
// columns are converted from bytes (remolint's unit) to UTF-16 code units
// (SARIF's default and what GitHub's JavaScript front end counts); the line
// text is only measured, never returned.
func makeSpan(lines finding.LineSource, path string, line, col, endLine, endCol int) span {
	if line < 1 {
		return span{}
	}
	s := span{line: line, col: col, endLine: endLine, endCol: endCol}
	if s.endLine < s.line {
		s.endLine = s.line
	}
	if s.col < 1 {
		s.col, s.endCol = 0, 0
		return s
	}
	if s.endCol < 1 {
		s.endCol = 0
	}
	if lines != nil {
		text := lines(path, s.line)
		s.col = utf16Column(text, s.col)
		if s.endCol > 0 {
			if s.endLine != s.line {
				text = lines(path, s.endLine)
			}
			s.endCol = utf16Column(text, s.endCol)
		}
	}
	if s.endLine == s.line && s.endCol > 0 && s.endCol < s.col {
		s.endCol = s.col
	}
	return s
}

// utf16Column converts a 1-based byte column on text to a 1-based column in
// UTF-16 code units. Invalid UTF-8 counts one unit a byte (it reads as
// U+FFFD); bytes past the end of text count one unit each, so an unknown
// line ("") leaves the column as it is.
func utf16Column(text string, col int) int {
	n := col - 1
	extra := 0
	if n > len(text) {
		extra = n - len(text)
		n = len(text)
	}
	units := 0
	for i := 0; i < n; {
		r, w := utf8.DecodeRuneInString(text[i:n])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		i += w
	}
	return units + extra + 1
}
