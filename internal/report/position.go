package report

import (
	"sort"
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

// columns converts remolint's byte columns to UTF-16 code units (SARIF's
// default unit, and what GitHub's JavaScript front end counts). It reads
// each line once through a LineSource and keeps only the offsets of its
// multi-byte characters, never its text. Without a LineSource columns stay
// in bytes, which is the same for ASCII lines.
type columns struct {
	lines finding.LineSource
	index map[lineKey]lineIndex
}

type lineKey struct {
	path string
	line int
}

func newColumns(lines finding.LineSource) *columns {
	return &columns{lines: lines, index: map[lineKey]lineIndex{}}
}

// utf16 converts a 1-based byte column on a line to UTF-16 code units.
func (c *columns) utf16(path string, line, col int) int {
	if c == nil || c.lines == nil {
		return col
	}
	k := lineKey{path, line}
	idx, ok := c.index[k]
	if !ok {
		idx = newLineIndex(c.lines(path, line))
		c.index[k] = idx
	}
	return idx.utf16(col)
}

// lineIndex records, for each multi-byte character of a line, the byte
// offset just past it and how many more bytes than UTF-16 units the line
// has used up to there.
type lineIndex struct {
	size  int
	ends  []int
	saved []int
}

func newLineIndex(text string) lineIndex {
	idx := lineIndex{size: len(text)}
	saved := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		i += w
		if w == 1 { // ASCII, or an invalid byte that reads as one U+FFFD
			continue
		}
		units := 1
		if r >= 0x10000 {
			units = 2
		}
		saved += w - units
		idx.ends = append(idx.ends, i)
		idx.saved = append(idx.saved, saved)
	}
	return idx
}

// utf16 converts a 1-based byte column. A column inside a character counts
// that character's bytes before it one unit each; bytes past the end of the
// line count one unit each, so an unknown line ("") leaves columns as they
// are.
func (idx lineIndex) utf16(col int) int {
	n := col - 1
	if n < 0 {
		return 1
	}
	extra := 0
	if n > idx.size {
		extra, n = n-idx.size, idx.size
	}
	k := sort.SearchInts(idx.ends, n+1) // characters that end at or before n
	saved := 0
	if k > 0 {
		saved = idx.saved[k-1]
	}
	return n - saved + extra + 1
}

// span cleans a finding's or diagnostic's position and converts its
// columns.
func (c *columns) span(path string, line, col, endLine, endCol int) span {
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
	s.col = c.utf16(path, s.line, s.col)
	if s.endCol > 0 {
		s.endCol = c.utf16(path, s.endLine, s.endCol)
	}
	if s.endLine == s.line && s.endCol > 0 && s.endCol < s.col {
		s.endCol = s.col
	}
	return s
}
