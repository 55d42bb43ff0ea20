package dotenv

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// This file reproduces Node's dotenv 17 `parse` without running its regular
// expression. dotenv replaces /\r\n?/g with "\n" and then iterates
//
//	(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)
//	(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?
//	\s*(?:#.*)?(?:$|$)                                       (flags mg)
//
// A backtracking engine needs quadratic time on that pattern (a quote that
// is never closed is searched for up to the end of the file on every line),
// and Go's regexp cannot express JavaScript's `\s`, `.` and multi-line `^`/`$`
// (which also honour U+2028, U+2029 and U+FEFF). The scanner below follows
// from the pattern's structure:
//
//   - a match can only start at a line start; `\s*` then runs to the first
//     non-space character c, so the match depends on c only;
//   - the key `[\w.-]+` is maximal; the separator is `\s*=` (the lazy `\s*?`
//     after `=` always stays empty) or `:` plus exactly one space character;
//   - once the separator matched, the rest always matches: a quoted
//     alternative wins when one of its candidate closing quotes is followed
//     by the tail `\s*(?:#.*)?$` (the farthest candidate first, as greedy
//     backtracking tries them), otherwise the unquoted alternative takes
//     everything up to '#' or the end of the line, otherwise the value is
//     empty;
//   - candidate closing quotes are the quote characters after the opening
//     one up to and including the first that is not preceded by a backslash.
//
// Candidates are indexed once per quote character, so the whole scan is
// linear in the input.

// nodeMatch is one match of the pattern, in offsets of the normalised text.
type nodeMatch struct {
	keyStart, keyEnd int
	export           bool
	sep              int // '=' or ':'
	colon            bool
	valPos           int // first offset after the separator
	valStart, valEnd int // the value text after trimming, quotes included
	quoted           bool
	quote            byte
	openQuote        int // a quote character starting the value text, -1
	hash             int // '#' that ended an unquoted or empty value, -1
	comment          [2]int
	end              int
	value            string
}

type quoteIndex struct {
	pos   []int32 // offsets of the quote character
	first []int32 // first index >= k whose quote is not after a backslash (or the last index)
	best  []int32 // farthest index in [k, first[k]] followed by a valid tail, -1
}

type nodeScanner struct {
	t      string
	quotes [3]*quoteIndex
	// store holds the quote indexes; a scanner reused for another text
	// (see reuse) keeps their memory.
	store [3]quoteIndex
}

// reuse prepares s for text t, keeping the memory of its quote indexes.
func (s *nodeScanner) reuse(t string) {
	s.t, s.quotes = t, [3]*quoteIndex{}
}

func isJSSpaceRune(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func isKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-'
}

func quoteSlot(c byte) int {
	switch c {
	case '\'':
		return 0
	case '"':
		return 1
	case '`':
		return 2
	}
	return -1
}

// wsLen returns the byte length of the JavaScript `\s` character at i, or 0.
func (s *nodeScanner) wsLen(i int) int {
	c := s.t[i]
	if c < 0x80 {
		switch c {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s.t[i:])
	if isJSSpaceRune(r) {
		return n
	}
	return 0
}

// ltLen returns the byte length of the JavaScript line terminator at i, or 0.
// The normalised text holds no "\r".
func ltLen(t string, i int) int {
	switch t[i] {
	case '\n':
		return 1
	case 0xE2:
		if i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0xA8 || t[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// skipWS returns the first offset at or after i that is not a space
// character, and the offset of the last line terminator before it (-1).
func (s *nodeScanner) skipWS(i int) (int, int) {
	lastLT := -1
	for i < len(s.t) {
		n := s.wsLen(i)
		if n == 0 {
			break
		}
		if ltLen(s.t, i) > 0 {
			lastLT = i
		}
		i += n
	}
	return i, lastLT
}

// lineEnd returns the offset of the next line terminator at or after i, or
// the end of the text.
func lineEnd(t string, i int) int {
	for ; i < len(t); i++ {
		if c := t[i]; (c == '\n' || c == 0xE2) && ltLen(t, i) > 0 {
			return i
		}
	}
	return len(t)
}

// lineStartFrom returns the first line start at or after pos, or -1.
func lineStartFrom(t string, pos int) int {
	if pos == 0 {
		return 0
	}
	if pos > len(t) {
		return -1
	}
	if t[pos-1] == '\n' || pos >= 3 && t[pos-3] == 0xE2 && ltLen(t, pos-3) == 3 {
		return pos
	}
	e := lineEnd(t, pos)
	if e >= len(t) {
		return -1
	}
	return e + ltLen(t, e)
}

// tail matches `\s*(?:#.*)?(?:$|$)` at i the way a backtracking engine does
// and reports where the match ends and the comment it consumed.
func (s *nodeScanner) tail(i int) (ok bool, end int, comment [2]int) {
	comment = [2]int{-1, -1}
	m, lastLT := s.skipWS(i)
	switch {
	case m == len(s.t):
		return true, m, comment
	case s.t[m] == '#':
		e := lineEnd(s.t, m)
		return true, e, [2]int{m, e}
	case lastLT >= 0:
		return true, lastLT, comment
	}
	return false, 0, comment
}

// tailOK reports whether the tail matches at i, without looking for the
// end of a comment (so that checking every quote of a line stays linear).
func (s *nodeScanner) tailOK(i int) bool {
	m, lastLT := s.skipWS(i)
	return m == len(s.t) || s.t[m] == '#' || lastLT >= 0
}

func (s *nodeScanner) quoteIndexFor(c byte) *quoteIndex {
	slot := quoteSlot(c)
	if qi := s.quotes[slot]; qi != nil {
		return qi
	}
	qi := &s.store[slot]
	qi.pos = qi.pos[:0]
	for i := 0; ; {
		j := strings.IndexByte(s.t[i:], c)
		if j < 0 {
			break
		}
		qi.pos = append(qi.pos, int32(i+j))
		i += j + 1
	}
	n := len(qi.pos)
	qi.first = slices.Grow(qi.first[:0], n)[:n]
	qi.best = slices.Grow(qi.best[:0], n)[:n]
	// best[k] first holds the farthest index <= k with a valid tail.
	last := int32(-1)
	for k := 0; k < n; k++ {
		if s.tailOK(int(qi.pos[k]) + 1) {
			last = int32(k)
		}
		qi.best[k] = last
	}
	next := int32(n - 1)
	for k := n - 1; k >= 0; k-- {
		p := qi.pos[k]
		if p == 0 || s.t[p-1] != '\\' {
			next = int32(k)
		}
		qi.first[k] = next
	}
	for k := 0; k < n; k++ {
		b := qi.best[qi.first[k]]
		if b < int32(k) {
			b = -1
		}
		qi.best[k] = b
	}
	s.quotes[slot] = qi
	return qi
}

// bestClose returns the closing quote a backtracking engine settles on for
// the quote opened at q, or -1 when the quoted alternatives fail.
func (s *nodeScanner) bestClose(q int) int {
	qi := s.quoteIndexFor(s.t[q])
	k := sort.Search(len(qi.pos), func(k int) bool { return int(qi.pos[k]) > q })
	if k == len(qi.pos) || qi.best[k] < 0 {
		return -1
	}
	return int(qi.pos[qi.best[k]])
}

// scanNode calls yield with every match of the text s was prepared for
// (reuse), in order.
func (s *nodeScanner) scanNode(yield func(nodeMatch)) {
	t := s.t
	for pos := 0; pos <= len(t); {
		p := lineStartFrom(t, pos)
		if p < 0 {
			break
		}
		c, _ := s.skipWS(p)
		m, ok := s.matchAt(c)
		if !ok {
			pos = c + 1
			continue
		}
		yield(m)
		pos = m.end
	}
}

func (s *nodeScanner) matchAt(c int) (nodeMatch, bool) {
	t := s.t
	if strings.HasPrefix(t[c:], "export") && c+6 < len(t) && s.wsLen(c+6) > 0 {
		k, _ := s.skipWS(c + 6)
		if m, ok := s.matchKey(k); ok {
			m.export = true
			return m, true
		}
	}
	return s.matchKey(c)
}

func (s *nodeScanner) matchKey(k int) (nodeMatch, bool) {
	t := s.t
	m := nodeMatch{keyStart: k, openQuote: -1, hash: -1, comment: [2]int{-1, -1}}
	ke := k
	for ke < len(t) && isKeyChar(t[ke]) {
		ke++
	}
	if ke == k {
		return m, false
	}
	m.keyEnd = ke
	if e, _ := s.skipWS(ke); e < len(t) && t[e] == '=' {
		m.sep, m.valPos = e, e+1
	} else if ke+1 < len(t) && t[ke] == ':' && s.wsLen(ke+1) > 0 {
		m.sep, m.colon, m.valPos = ke, true, ke+1+s.wsLen(ke+1)
	} else {
		return m, false
	}
	s.value(&m)
	return m, true
}

func (s *nodeScanner) value(m *nodeMatch) {
	t := s.t
	v := m.valPos
	if q, _ := s.skipWS(v); q < len(t) && quoteSlot(t[q]) >= 0 {
		if c := s.bestClose(q); c >= 0 {
			_, m.end, m.comment = s.tail(c + 1)
			m.quoted, m.quote = true, t[q]
			m.openQuote = q
			m.valStart, m.valEnd = q, c+1
			m.value = decodeNodeValue(t[q : c+1])
			return
		}
	}
	if v < len(t) && t[v] != '#' && t[v] != '\n' {
		u := len(t)
		if j := strings.IndexAny(t[v:], "#\n"); j >= 0 {
			u = v + j
		}
		if u < len(t) && t[u] == '#' {
			m.hash = u
		}
		_, m.end, m.comment = s.tail(u)
		m.valStart, m.valEnd = s.trim(v, u)
		if m.valStart < m.valEnd && quoteSlot(t[m.valStart]) >= 0 {
			m.openQuote = m.valStart
		}
		m.value = decodeNodeValue(t[m.valStart:m.valEnd])
		return
	}
	if v < len(t) && t[v] == '#' {
		m.hash = v
	}
	_, m.end, m.comment = s.tail(v)
	m.valStart, m.valEnd = v, v
}

// trim applies String#trim to t[a:b].
func (s *nodeScanner) trim(a, b int) (int, int) {
	for a < b {
		n := s.wsLen(a)
		if n == 0 {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s.t[a:b])
		if !isJSSpaceRune(r) {
			break
		}
		b -= n
	}
	return a, b
}

// decodeNodeValue applies dotenv's post-processing to the trimmed value:
// value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2') and, when the value started
// with a double quote, "\n" and "\r" escapes.
func decodeNodeValue(v string) string {
	if v == "" {
		return v
	}
	maybeQuote := v[0]
	v = stripQuotesMG(v)
	if maybeQuote == '"' {
		v = strings.ReplaceAll(v, `\n`, "\n")
		v = strings.ReplaceAll(v, `\r`, "\r")
	}
	return v
}

// jsLT reports the length of a JavaScript line terminator at i of v.
func jsLT(v string, i int) int {
	if v[i] == '\r' {
		return 1
	}
	return ltLen(v, i)
}

// stripQuotesMG emulates v.replace(/^(['"`])([\s\S]*)\1$/mg, '$2'): at each
// line start holding a quote character, the greedy body reaches the last
// occurrence of that quote that ends a line.
func stripQuotesMG(v string) string {
	var lastGood [3]int
	for i := range lastGood {
		lastGood[i] = -1
	}
	for e := 0; e < len(v); e++ {
		if sl := quoteSlot(v[e]); sl >= 0 && (e+1 == len(v) || jsLT(v, e+1) > 0) {
			lastGood[sl] = e
		}
	}
	if lastGood == [3]int{-1, -1, -1} {
		return v
	}
	if sl := quoteSlot(v[0]); sl >= 0 && lastGood[sl] == len(v)-1 && len(v) > 1 {
		// The common "value": one pair of quotes around everything.
		return v[1 : len(v)-1]
	}
	var b strings.Builder
	copied := 0
	p := 0
	for p < len(v) {
		if sl := quoteSlot(v[p]); sl >= 0 && lastGood[sl] > p {
			e := lastGood[sl]
			if b.Len() == 0 {
				b.Grow(len(v))
			}
			b.WriteString(v[copied:p])
			b.WriteString(v[p+1 : e])
			copied = e + 1
			p = e + 1
		}
		// advance to the next line start
		for p < len(v) {
			if n := jsLT(v, p); n > 0 {
				p += n
				break
			}
			p++
		}
	}
	if copied == 0 {
		return v
	}
	b.WriteString(v[copied:])
	return b.String()
}
