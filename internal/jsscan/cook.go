package jsscan

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/remolint/remolint/internal/facts"
)

// cook decodes the escapes of a string or template body as JavaScript does.
// Malformed escapes decode to the escaped character; cook never fails.
func cook(raw []byte) string {
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw)
	}
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		i++
		if i >= len(raw) {
			break
		}
		c = raw[i]
		i++
		switch c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\n': // line continuation
		case '\r':
			if i < len(raw) && raw[i] == '\n' {
				i++
			}
		case 0xE2: // LS or PS continuation
			if i+1 < len(raw) && raw[i] == 0x80 && (raw[i+1] == 0xA8 || raw[i+1] == 0xA9) {
				i += 2
			} else {
				b.WriteByte(c)
			}
		case 'x':
			if r, ok := hexRune(raw, i, 2); ok {
				b.WriteRune(r)
				i += 2
			} else {
				b.WriteByte('x')
			}
		case 'u':
			r, n := unicodeEscape(raw, i)
			if n == 0 {
				b.WriteByte('u')
				break
			}
			i += n
			if r >= 0xD800 && r <= 0xDBFF && i+1 < len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
				if lo, m := unicodeEscape(raw, i+2); m > 0 && lo >= 0xDC00 && lo <= 0xDFFF {
					r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
					i += 2 + m
				}
			}
			if r > utf8.MaxRune {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unicodeEscape decodes the XXXX or {X...} after "\u" at raw[i:], returning
// the rune and the bytes consumed (0 when malformed).
func unicodeEscape(raw []byte, i int) (rune, int) {
	if i < len(raw) && raw[i] == '{' {
		j := bytes.IndexByte(raw[i:], '}')
		if j < 2 || j > 9 {
			return 0, 0
		}
		r, ok := hexRune(raw, i+1, j-1)
		if !ok {
			return 0, 0
		}
		return r, j + 1
	}
	r, ok := hexRune(raw, i, 4)
	if !ok {
		return 0, 0
	}
	return r, 4
}

func hexRune(raw []byte, i, n int) (rune, bool) {
	if i+n > len(raw) {
		return 0, false
	}
	var r rune
	for _, c := range raw[i : i+n] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			d = c | 0x20 - 'a' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}

// lineIndex converts byte offsets to 1-based line and byte column. Lines end
// at '\n' (so "\r\n" ends a line too; a lone '\r' does not).
type lineIndex struct {
	starts []int
}

// newLineIndexInto indexes the lines of src in buf's storage (nil: new
// storage).
func newLineIndexInto(src []byte, buf []int) lineIndex {
	starts := buf[:0]
	starts = append(starts, 0)
	if cap(starts) < len(src)/32+1 {
		starts = make([]int, 1, len(src)/32+1)
	}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return lineIndex{starts: starts}
}

func (li lineIndex) pos(off int) (line, col int) {
	n := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	if n < 0 {
		n = 0
	}
	return n + 1, off - li.starts[n] + 1
}

func (li lineIndex) span(start, end int) facts.Location {
	l, c := li.pos(start)
	el, ec := li.pos(end)
	return facts.Location{Line: l, Column: c, EndLine: el, EndColumn: ec}
}
