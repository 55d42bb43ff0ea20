package dotenv

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// rep records that a run of count equal-sized units, starting at byte norm of
// a normalised text, replaced count units of olen bytes each starting at byte
// orig of the original input (e.g. "\r\n" -> "\n", or one invalid UTF-8
// sequence -> U+FFFD). Runs of identical replacements are merged so that a
// file of garbage bytes costs one rep, not one per byte.
type rep struct {
	norm, orig int
	nlen, olen int
	count      int
}

// offsetMap maps byte offsets of a normalised text back to the original.
type offsetMap struct {
	reps []rep
}

// add records that nlen normalised bytes at norm replaced olen original
// bytes at orig. Calls must come in increasing order.
func (m *offsetMap) add(norm, nlen, orig, olen int) {
	if n := len(m.reps); n > 0 {
		last := &m.reps[n-1]
		if last.nlen == nlen && last.olen == olen &&
			last.norm+last.count*last.nlen == norm && last.orig+last.count*last.olen == orig {
			last.count++
			return
		}
	}
	m.reps = append(m.reps, rep{norm: norm, orig: orig, nlen: nlen, olen: olen, count: 1})
}

// orig returns the original offset of normalised offset p. An offset inside
// a replacement maps to the start of the replaced original bytes.
func (m *offsetMap) orig(p int) int {
	i := sort.Search(len(m.reps), func(i int) bool { return m.reps[i].norm > p }) - 1
	if i < 0 {
		return p
	}
	r := m.reps[i]
	end := r.norm + r.count*r.nlen
	if p < end {
		k := (p - r.norm) / r.nlen
		return r.orig + k*r.olen
	}
	return r.orig + r.count*r.olen + (p - end)
}

// normalizeNode turns the input into the string Node's dotenv parses:
// decoded as UTF-8 the way Node (WHATWG) does, with each maximal invalid
// subpart replaced by U+FFFD, then every "\r\n" or lone "\r" replaced by
// "\n". It also counts invalid sequences and returns the first one's span.
func normalizeNode(src []byte) (text string, m offsetMap, invalid int, firstBad [2]int) {
	firstBad = [2]int{-1, -1}
	hasCR := false
	for _, b := range src {
		if b == '\r' {
			hasCR = true
			break
		}
	}
	if !hasCR && utf8.Valid(src) {
		return string(src), m, 0, firstBad
	}
	out := make([]byte, 0, len(src)+len(src)/8)
	for i := 0; i < len(src); {
		b := src[i]
		if b < 0x80 {
			if b == '\r' {
				if i+1 < len(src) && src[i+1] == '\n' {
					m.add(len(out), 1, i, 2)
					out = append(out, '\n')
					i += 2
					continue
				}
				out = append(out, '\n') // same length: offsets unchanged
				i++
				continue
			}
			out = append(out, b)
			i++
			continue
		}
		n := whatwgSeq(src[i:])
		if n > 0 {
			out = append(out, src[i:i+n]...)
			i += n
			continue
		}
		bad := -n
		if invalid == 0 {
			firstBad = [2]int{i, i + bad}
		}
		invalid++
		m.add(len(out), 3, i, bad)
		out = append(out, "\uFFFD"...)
		i += bad
	}
	return string(out), m, invalid, firstBad
}

// whatwgSeq reports the length of the valid UTF-8 sequence at the start of
// b (> 0), or minus the length of its maximal invalid subpart (< 0), as the
// WHATWG UTF-8 decoder (and so Node's Buffer#toString) delimits it.
func whatwgSeq(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return -1
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) || b[k] < lo || b[k] > hi {
			return -k
		}
		lo, hi = 0x80, 0xBF
	}
	return need + 1
}

// normalizeGo applies godotenv's only normalisation: "\r\n" -> "\n".
func normalizeGo(src []byte) ([]byte, offsetMap) {
	var m offsetMap
	first := -1
	for i := 0; i+1 < len(src); i++ {
		if src[i] == '\r' && src[i+1] == '\n' {
			first = i
			break
		}
	}
	if first < 0 {
		return src, m
	}
	out := make([]byte, 0, len(src))
	out = append(out, src[:first]...)
	for i := first; i < len(src); {
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			m.add(len(out), 1, i, 2)
			out = append(out, '\n')
			i += 2
			continue
		}
		out = append(out, src[i])
		i++
	}
	return out, m
}

// lineIndex converts byte offsets of the original input to line:column.
// Lines end at "\n", "\r\n" or a lone "\r".
type lineIndex struct {
	starts []int
	size   int
}

// newLineIndex indexes src, appending the line starts to buf[:0].
func newLineIndex(src []byte, buf []int) lineIndex {
	li := lineIndex{starts: append(buf[:0], 0), size: len(src)}
	if bytes.IndexByte(src, '\r') < 0 { // the usual case: lines end at "\n" only
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return li
			}
			i += j + 1
			li.starts = append(li.starts, i)
		}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			li.starts = append(li.starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// pos returns the 1-based line and byte column of offset off (clamped to
// the input).
func (li lineIndex) pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > li.size {
		off = li.size
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return Pos{Line: i + 1, Col: off - li.starts[i] + 1}
}

func (li lineIndex) span(start, end int) Span {
	if end < start {
		end = start
	}
	return Span{Start: li.pos(start), End: li.pos(end)}
}

// lineOf returns the 0-based line number of original offset off.
func (li lineIndex) lineOf(off int) int {
	return li.pos(off).Line - 1
}

// lineBounds returns the original offsets of the start of line l (0-based)
// and of its end (the line break or end of input).
func (li lineIndex) lineBounds(src []byte, l int) (int, int) {
	start := li.starts[l]
	end := li.size
	if l+1 < len(li.starts) {
		end = li.starts[l+1] - 1
		if end > start && src[end] == '\n' && src[end-1] == '\r' {
			end--
		}
	}
	return start, end
}
