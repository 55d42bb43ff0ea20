package jsscan

import (
	"bytes"
	"encoding/binary"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tEOF            tokKind = iota // out-of-range sentinel, never stored
	tIdent                         // identifier or keyword
	tPrivate                       // #name
	tNum                           // numeric literal
	tString                        // '...' or "..."
	tTemplate                      // `...` without substitutions
	tTemplateHead                  // `...${
	tTemplateMiddle                // }...${
	tTemplateTail                  // }...`
	tRegex                         // /.../flags
	tPunct                         // operator or bracket
	tJSX                           // opaque JSX piece: <Tag, >, />, </Tag>, text
	tJSXName                       // JSX attribute name
	tJSXString                     // JSX attribute string (no escapes)
)

// token is one significant token. Offsets are byte offsets into the source;
// match links an opening bracket or template head to its closer and back
// (-1 when unmatched); nl is true when a line terminator precedes the token.
type token struct {
	start, end int32
	match      int32
	kind       tokKind
	nl         bool
}

// frameKind classifies an entry of the lexer's nesting stack.
type frameKind uint8

const (
	fParen        frameKind = iota // (
	fParenCtl                      // ( after if/while/for/with: a regex may follow its )
	fBracket                       // [
	fBlock                         // { opening a block: a regex may follow its }
	fBraceExpr                     // { opening an object literal or similar
	fTemplate                      // ${ inside a template literal
	fJSXAttrExpr                   // { inside a JSX tag
	fJSXChildExpr                  // { among JSX children
	fJSXTag                        // inside <Tag ... >
	fJSXChildren                   // between <Tag> and </Tag>
)

// frame is one entry of the nesting stack; tok is the index of the opening
// token (for fTemplate, of the template head).
type frame struct {
	tok  int32
	kind frameKind
}

// commentSpan is one comment's byte span.
type commentSpan struct {
	start, end int32
}

// checkpoint is the lexer state saved when an outermost JSX element starts,
// restored when that element turns out not to be JSX.
type checkpoint struct {
	pos      int
	toks     int
	comments int
	stack    int
	regexOK  bool
	nl       bool
	lastDot  bool
}

// lexer turns source into tokens in one forward pass. JSX is recognised
// speculatively: when an element is not closed before the end of input, or a
// tag is malformed, the lexer returns to the '<' and reads it as an operator.
// The bytes re-read this way are capped at the input's length, after which
// JSX recognition is switched off, so the pass stays linear.
type lexer struct {
	src      []byte
	pos      int
	toks     []token
	comments []commentSpan
	stack    []frame

	regexOK bool // a '/' here starts a regex, a '<' may start JSX
	nl      bool // a line terminator was skipped since the last token
	lastDot bool // the last token is '.' or '?.'

	jsx      bool
	cp       checkpoint
	cpActive bool
	noJSXAt  int // offset of a '<' known not to start JSX
	budget   int // bytes re-read after JSX rewinds

	// Failed regex scans on one line: after a few, '/' on that line is
	// division, so a line of unclosed regexes is not scanned quadratically.
	regexFailLine  int
	regexFailCount int

	emitted int // tokens emitted, including those discarded by rewinds
	rescans int // bytes read by failed regex scans
}

// lex tokenizes src. The lexer is returned by value so that it need not be
// allocated.
func lex(src []byte, jsx bool) lexer {
	return lexInto(src, jsx, nil)
}

// lexInto is lex appending the tokens to buf[:0], which it reuses when it
// is large enough.
func lexInto(src []byte, jsx bool, buf []token) lexer {
	if want := len(src)/4 + 64; cap(buf) < want {
		buf = make([]token, 0, want)
	}
	lx := lexer{
		src:     src,
		toks:    buf[:0],
		regexOK: true,
		jsx:     jsx,
		noJSXAt: -1,

		regexFailLine: -1,
	}
	lx.run()
	return lx
}

func (lx *lexer) run() {
	src := lx.src
	// A hashbang line is not a comment: skip it silently.
	if len(src) >= 2 && src[0] == '#' && src[1] == '!' {
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			lx.pos = i
		} else {
			lx.pos = len(src)
		}
	}
	for {
		var ok bool
		if n := len(lx.stack); n > 0 {
			switch lx.stack[n-1].kind {
			case fJSXTag:
				ok = lx.jsxTagStep()
			case fJSXChildren:
				ok = lx.jsxChildStep()
			default:
				ok = lx.normal()
			}
		} else {
			ok = lx.normal()
		}
		if !ok {
			if lx.cpActive {
				lx.rewind()
				continue
			}
			return
		}
	}
}

// rewind returns to the start of the current outermost JSX element and marks
// its '<' as an operator.
func (lx *lexer) rewind() {
	cp := lx.cp
	lx.budget += lx.pos - cp.pos + 1
	lx.pos = cp.pos
	lx.toks = lx.toks[:cp.toks]
	lx.comments = lx.comments[:cp.comments]
	lx.stack = lx.stack[:cp.stack]
	lx.regexOK = cp.regexOK
	lx.nl = cp.nl
	lx.noJSXAt = cp.pos
	lx.cpActive = false
	if lx.budget > len(lx.src) {
		lx.jsx = false
	}
}

// emit appends a token and moves past it.
func (lx *lexer) emit(kind tokKind, start, end int) int {
	lx.pos = end
	lx.emitted++
	lx.lastDot = false
	lx.toks = append(lx.toks, token{start: int32(start), end: int32(end), match: -1, kind: kind, nl: lx.nl})
	lx.nl = false
	return len(lx.toks) - 1
}

func (lx *lexer) push(kind frameKind, tok int) {
	lx.stack = append(lx.stack, frame{tok: int32(tok), kind: kind})
}

func (lx *lexer) link(open, close int) {
	if open >= 0 && open < len(lx.toks) && close >= 0 && close < len(lx.toks) {
		lx.toks[open].match = int32(close)
		lx.toks[close].match = int32(open)
	}
}

func (lx *lexer) tokText(t token) []byte {
	return lx.src[t.start:t.end]
}

// skipSpace skips white space and comments, recording comments.
func (lx *lexer) skipSpace() {
	src := lx.src
	for lx.pos < len(src) {
		c := src[lx.pos]
		if c > ' ' && c != '/' && c < 0x80 {
			return
		}
		if c == ' ' {
			i := lx.pos + 1
			for i < len(src) && src[i] == ' ' {
				i++
			}
			lx.pos = i
			continue
		}
		switch c {
		case ' ', '\t', '\r', '\v', '\f':
			lx.pos++
		case '\n':
			lx.nl = true
			lx.pos++
		case '/':
			if lx.pos+1 >= len(src) {
				return
			}
			switch src[lx.pos+1] {
			case '/':
				start := lx.pos
				end := len(src)
				if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
					end = start + i
				}
				lx.comments = append(lx.comments, commentSpan{int32(start), int32(end)})
				lx.pos = end
			case '*':
				start := lx.pos
				end := len(src)
				if i := bytes.Index(src[start+2:], []byte("*/")); i >= 0 {
					end = start + 2 + i + 2
				}
				if bytes.IndexByte(src[start:end], '\n') >= 0 {
					lx.nl = true
				}
				lx.comments = append(lx.comments, commentSpan{int32(start), int32(end)})
				lx.pos = end
			default:
				return
			}
		default:
			if c < 0x80 {
				return
			}
			n := unicodeSpace(src[lx.pos:])
			if n == 0 {
				return
			}
			if n < 0 { // LS, PS
				lx.nl = true
				n = -n
			}
			lx.pos += n
		}
	}
}

// unicodeSpace returns the length of the Unicode white space character at the
// start of b, negated for line terminators, or 0.
func unicodeSpace(b []byte) int {
	if len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA0 {
		return 2 // NBSP
	}
	if len(b) < 3 {
		return 0
	}
	switch {
	case b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return 3 // BOM / ZWNBSP
	case b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0xA8 || b[2] == 0xA9):
		return -3 // LS, PS
	case b[0] == 0xE2 && b[1] == 0x80 && (b[2] <= 0x8A || b[2] == 0xAF):
		return 3
	case b[0] == 0xE2 && b[1] == 0x81 && b[2] == 0x9F:
		return 3
	case b[0] == 0xE3 && b[1] == 0x80 && b[2] == 0x80:
		return 3
	}
	return 0
}

// Character classes for identifiers (non-ASCII bytes count as identifier
// characters; that is close enough for scanning).
// identASCII excludes non-ASCII bytes, for the fast path.
var identStart, identPart, identASCII [256]bool

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		start := b == '$' || b == '_' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80
		identStart[c] = start
		identPart[c] = start || (b >= '0' && b <= '9')
		identASCII[c] = identPart[c] && b < 0x80
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Byte classes for dispatch in next.
const (
	cPunct uint8 = iota
	cIdent
	cDigit
	cQuote
	cBacktick
	cHash
	cSlash
	cLess
	cLParen
	cRParen
	cLBracket
	cRBracket
	cLBrace
	cRBrace
	cDot
	cBackslash
)

var class [256]uint8

func init() {
	for c := 0; c < 256; c++ {
		switch b := byte(c); {
		case identStart[c]:
			class[c] = cIdent
		case b >= '0' && b <= '9':
			class[c] = cDigit
		}
	}
	for b, k := range map[byte]uint8{
		'"': cQuote, '\'': cQuote, '`': cBacktick, '#': cHash, '/': cSlash, '<': cLess,
		'(': cLParen, ')': cRParen, '[': cLBracket, ']': cRBracket, '{': cLBrace, '}': cRBrace,
		'.': cDot, '\\': cBackslash,
	} {
		class[b] = k
	}
}

// normal scans tokens in ordinary mode until input ends (false) or a token
// needs the general path (true, after scanning it with next). The common
// tokens (white space, ASCII identifiers, strings, brackets, simple
// punctuation) are scanned here with the lexer state held in locals.
func (lx *lexer) normal() bool {
	src := lx.src
	pos, toks, nl, regexOK, lastDot := lx.pos, lx.toks, lx.nl, lx.regexOK, lx.lastDot
	emitted := 0
	for {
		for pos < len(src) {
			c := src[pos]
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				break
			}
			pos++
			if c == '\n' {
				nl = true
				for pos+8 <= len(src) && binary.LittleEndian.Uint64(src[pos:]) == 0x2020202020202020 {
					pos += 8 // a run of indentation
				}
			}
		}
		if pos >= len(src) {
			break
		}
		start := pos
		c := src[pos]
		kind, end := tPunct, pos+1
		slow := false
		switch class[c] {
		case cIdent:
			if c >= 0x80 {
				slow = true
				break
			}
			for end < len(src) && identASCII[src[end]] {
				end++
			}
			if end < len(src) && (src[end] >= 0x80 || src[end] == '\\') {
				slow = true
				break
			}
			kind = tIdent
		case cQuote:
			kind, end = tString, lx.scanString(pos)
		case cLParen, cLBracket, cLBrace:
			fk := fBracket
			if c == '(' {
				fk = fParen
				if lx.controlParen(toks) {
					fk = fParenCtl
				}
			} else if c == '{' {
				fk = lx.braceKind(toks, regexOK)
			}
			lx.stack = append(lx.stack, frame{tok: int32(len(toks)), kind: fk})
		case cRParen, cRBracket:
			n := len(lx.stack)
			want, want2 := fBracket, fBracket
			if c == ')' {
				want, want2 = fParen, fParenCtl
			}
			if n > 0 && (lx.stack[n-1].kind == want || lx.stack[n-1].kind == want2) {
				f := lx.stack[n-1]
				lx.stack = lx.stack[:n-1]
				toks[f.tok].match = int32(len(toks))
				toks = append(toks, token{start: int32(start), end: int32(end), match: f.tok, kind: tPunct, nl: nl})
				emitted++
				pos, nl, lastDot = end, false, false
				regexOK = f.kind == fParenCtl
				continue
			}
		case cDot:
			if pos+1 < len(src) && (isDigit(src[pos+1]) || src[pos+1] == '.') {
				slow = true
			}
		default:
			switch c {
			case ';', ',', ':':
			case '=':
				if pos+1 < len(src) && (src[pos+1] == '=' || src[pos+1] == '>') {
					slow = true
				}
			default:
				slow = true
			}
		}
		if slow {
			break
		}
		toks = append(toks, token{start: int32(start), end: int32(end), match: -1, kind: kind, nl: nl})
		emitted++
		pos, nl = end, false
		switch kind {
		case tIdent:
			regexOK = !lastDot && regexKeyword(src[start:end])
			lastDot = false
		case tString:
			regexOK, lastDot = false, false
		default: // ( [ { ; , : = .
			regexOK = true
			lastDot = c == '.'
		}
	}
	lx.pos, lx.toks, lx.nl, lx.regexOK, lx.lastDot = pos, toks, nl, regexOK, lastDot
	lx.emitted += emitted
	if pos >= len(src) {
		return false
	}
	return lx.next()
}

// next scans one token in ordinary mode. It returns false at end of input.
func (lx *lexer) next() bool {
	lx.skipSpace()
	src := lx.src
	start := lx.pos
	if start >= len(src) {
		return false
	}
	c := src[start]
	switch class[c] {
	case cIdent:
		end := lx.scanIdent(start + 1)
		dot := lx.lastDot
		lx.emit(tIdent, start, end)
		lx.regexOK = !dot && regexKeyword(src[start:end])
	case cDigit:
		lx.emit(tNum, start, lx.scanNumber(start))
		lx.regexOK = false
	case cDot:
		if start+1 < len(src) && isDigit(src[start+1]) {
			lx.emit(tNum, start, lx.scanNumber(start))
			lx.regexOK = false
		} else {
			lx.punct(start)
		}
	case cQuote:
		lx.emit(tString, start, lx.scanString(start))
		lx.regexOK = false
	case cBacktick:
		lx.scanTemplate(start, start+1, -1)
	case cHash:
		if start+1 < len(src) && identStart[src[start+1]] {
			lx.emit(tPrivate, start, lx.scanIdent(start+1))
			lx.regexOK = false
		} else {
			lx.punct(start)
		}
	case cBackslash:
		if start+1 < len(src) && src[start+1] == 'u' {
			lx.emit(tIdent, start, lx.scanIdent(start+1))
			lx.regexOK = false
		} else {
			lx.punct(start)
		}
	case cSlash:
		if lx.regexOK {
			if end, ok := lx.scanRegex(start); ok {
				lx.emit(tRegex, start, end)
				lx.regexOK = false
				break
			}
		}
		lx.punct(start)
	case cLess:
		if !(lx.jsx && lx.regexOK && start != lx.noJSXAt && lx.jsxStart(start)) {
			lx.punct(start)
		}
	case cLParen:
		kind := fParen
		if lx.controlParen(lx.toks) {
			kind = fParenCtl
		}
		lx.push(kind, lx.emit(tPunct, start, start+1))
		lx.regexOK = true
	case cRParen:
		i := lx.emit(tPunct, start, start+1)
		lx.regexOK = false
		if n := len(lx.stack); n > 0 && (lx.stack[n-1].kind == fParen || lx.stack[n-1].kind == fParenCtl) {
			f := lx.stack[n-1]
			lx.stack = lx.stack[:n-1]
			lx.link(int(f.tok), i)
			lx.regexOK = f.kind == fParenCtl
		}
	case cLBracket:
		lx.push(fBracket, lx.emit(tPunct, start, start+1))
		lx.regexOK = true
	case cRBracket:
		i := lx.emit(tPunct, start, start+1)
		lx.regexOK = false
		if n := len(lx.stack); n > 0 && lx.stack[n-1].kind == fBracket {
			lx.link(int(lx.stack[n-1].tok), i)
			lx.stack = lx.stack[:n-1]
		}
	case cLBrace:
		kind := lx.braceKind(lx.toks, lx.regexOK)
		lx.push(kind, lx.emit(tPunct, start, start+1))
		lx.regexOK = true
	case cRBrace:
		lx.closeBrace(start)
	default:
		lx.punct(start)
	}
	return true
}

// closeBrace handles '}' in ordinary mode: it closes the innermost brace-like
// frame (and any unclosed parentheses or brackets inside it), resuming a
// template literal or JSX when that is what the brace belonged to.
func (lx *lexer) closeBrace(start int) {
	k := len(lx.stack) - 1
	for ; k >= 0; k-- {
		kind := lx.stack[k].kind
		if kind == fJSXTag || kind == fJSXChildren {
			k = -1
			break
		}
		if kind != fParen && kind != fParenCtl && kind != fBracket {
			break
		}
	}
	if k < 0 { // stray '}'
		lx.pos = start + 1
		lx.emit(tPunct, start, start+1)
		lx.regexOK = true
		return
	}
	f := lx.stack[k]
	lx.stack = lx.stack[:k]
	if f.kind == fTemplate {
		lx.scanTemplate(start, start+1, int(f.tok))
		return
	}
	lx.pos = start + 1
	i := lx.emit(tPunct, start, start+1)
	lx.link(int(f.tok), i)
	lx.regexOK = f.kind != fBraceExpr
}

// braceKind decides whether a '{' opens a block (after which a '/' starts a
// regex) or an expression such as an object literal (after which '/' divides).
func (lx *lexer) braceKind(toks []token, regexOK bool) frameKind {
	if !regexOK || len(toks) == 0 {
		return fBlock
	}
	t := toks[len(toks)-1]
	s := lx.tokText(t)
	switch t.kind {
	case tPunct:
		switch string(s) {
		case ")", "=>", ";", "{", "}":
			return fBlock
		}
	case tIdent:
		switch string(s) {
		case "else", "do", "try", "finally":
			return fBlock
		}
	case tJSX:
		return fBlock
	}
	return fBraceExpr
}

// controlParen reports whether a '(' here follows if, while, for or with, so
// that a regex may follow its ')'.
func (lx *lexer) controlParen(toks []token) bool {
	n := len(toks)
	if n == 0 {
		return false
	}
	t := toks[n-1]
	if t.kind != tIdent {
		return false
	}
	switch string(lx.tokText(t)) {
	case "if", "while", "for", "with":
		return n < 2 || !isDotToken(lx.src, toks[n-2])
	case "await":
		return n >= 2 && toks[n-2].kind == tIdent && string(lx.tokText(toks[n-2])) == "for"
	}
	return false
}

func isDotToken(src []byte, t token) bool {
	if t.kind != tPunct {
		return false
	}
	s := src[t.start:t.end]
	return string(s) == "." || string(s) == "?."
}

// regexKeyword reports whether an expression may start after the keyword s
// (return typeof case delete void throw in of new instanceof do else yield
// await default).
func regexKeyword(s []byte) bool {
	switch len(s) {
	case 2:
		return string(s) == "in" || string(s) == "of" || string(s) == "do"
	case 3:
		return string(s) == "new"
	case 4:
		return string(s) == "case" || string(s) == "void" || string(s) == "else"
	case 5:
		return string(s) == "throw" || string(s) == "yield" || string(s) == "await"
	case 6:
		return string(s) == "return" || string(s) == "typeof" || string(s) == "delete"
	case 7:
		return string(s) == "default"
	case 10:
		return string(s) == "instanceof"
	}
	return false
}

func (lx *lexer) scanIdent(i int) int {
	src := lx.src
	for i < len(src) && identASCII[src[i]] {
		i++
	}
	if i >= len(src) || (src[i] < 0x80 && src[i] != '\\') {
		return i
	}
	for i < len(src) {
		c := src[i]
		if identPart[c] {
			if c >= 0x80 && unicodeSpace(src[i:]) != 0 {
				break
			}
			i++
			continue
		}
		if c == '\\' && i+1 < len(src) && src[i+1] == 'u' {
			i += 2
			continue
		}
		break
	}
	return i
}

func (lx *lexer) scanNumber(i int) int {
	src := lx.src
	n := len(src)
	if src[i] == '0' && i+1 < n && (src[i+1]|0x20 == 'x' || src[i+1]|0x20 == 'o' || src[i+1]|0x20 == 'b') {
		i += 2
		for i < n && identPart[src[i]] {
			i++
		}
		return i
	}
	for i < n && (isDigit(src[i]) || src[i] == '_') {
		i++
	}
	if i < n && src[i] == '.' {
		i++
		for i < n && (isDigit(src[i]) || src[i] == '_') {
			i++
		}
	}
	if i < n && src[i]|0x20 == 'e' {
		j := i + 1
		if j < n && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < n && isDigit(src[j]) {
			i = j
			for i < n && (isDigit(src[i]) || src[i] == '_') {
				i++
			}
		}
	}
	for i < n && identPart[src[i]] && src[i] < 0x80 { // BigInt suffix, or junk
		i++
	}
	return i
}

// scanString scans a '...' or "..." literal starting at the quote. An
// unterminated string ends before the line terminator (or at end of input).
func (lx *lexer) scanString(start int) int {
	src := lx.src
	q := src[start]
	i := start + 1
	for i < len(src) {
		c := src[i]
		switch c {
		case q:
			return i + 1
		case '\\':
			i += 2
			if i-1 < len(src) && src[i-1] == '\r' && i < len(src) && src[i] == '\n' {
				i++
			}
		case '\n', '\r':
			return i
		default:
			i++
		}
	}
	return len(src)
}

// scanTemplate scans template characters from i (just after '`' or the '}'
// that closes a substitution; start is the token's first byte) and emits the
// template token. head is the index of the template's head token, -1 when
// this is the opening piece.
func (lx *lexer) scanTemplate(start, i, head int) {
	src := lx.src
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '`':
			lx.pos = i + 1
			kind := tTemplate
			if head >= 0 {
				kind = tTemplateTail
			}
			t := lx.emit(kind, start, i+1)
			if head >= 0 {
				lx.link(head, t)
			}
			lx.regexOK = false
			return
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				lx.pos = i + 2
				kind := tTemplateHead
				if head >= 0 {
					kind = tTemplateMiddle
				}
				t := lx.emit(kind, start, i+2)
				if head < 0 {
					head = t
				}
				lx.push(fTemplate, head)
				lx.regexOK = true
				return
			}
		}
		i++
	}
	// Unterminated: the template runs to the end of input.
	lx.pos = len(src)
	kind := tTemplate
	if head >= 0 {
		kind = tTemplateTail
	}
	lx.emit(kind, start, len(src))
	lx.regexOK = false
}

// scanRegex scans a regex literal starting at '/'. It fails when the line
// ends first, in which case the '/' is read as division.
func (lx *lexer) scanRegex(start int) (int, bool) {
	if lx.regexFailCount >= maxRegexFails && start < lx.regexFailLine {
		return 0, false
	}
	end, ok := lx.regexEnd(start)
	if !ok && end >= 0 {
		lx.rescans += end - start
		if end != lx.regexFailLine {
			lx.regexFailLine, lx.regexFailCount = end, 0
		}
		lx.regexFailCount++
	}
	return end, ok
}

// maxRegexFails is how many failed regex scans one line may cost.
const maxRegexFails = 8

// regexEnd scans a regex literal from the '/' at start. On failure it
// returns the offset where the scan stopped (the line end) and false.
func (lx *lexer) regexEnd(start int) (int, bool) {
	src := lx.src
	i := start + 1
	if i < len(src) && (src[i] == '/' || src[i] == '*') {
		return -1, false
	}
	inClass := false
	for i < len(src) {
		switch src[i] {
		case '\\':
			i++
			if i < len(src) && (src[i] == '\n' || src[i] == '\r') {
				return i, false
			}
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				i++
				for i < len(src) && identPart[src[i]] && src[i] < 0x80 {
					i++
				}
				return i, true
			}
		case '\n', '\r':
			return i, false
		}
		i++
	}
	return len(src), false
}

// punct scans an operator at start (longest match) and emits it.
func (lx *lexer) punct(start int) {
	src := lx.src
	c := src[start]
	var c1, c2, c3 byte // the following bytes, 0 past the end
	if start+1 < len(src) {
		c1 = src[start+1]
		if start+2 < len(src) {
			c2 = src[start+2]
			if start+3 < len(src) {
				c3 = src[start+3]
			}
		}
	}
	n := 1
	switch c {
	case '.':
		if c1 == '.' && c2 == '.' {
			n = 3
		}
	case '?':
		switch {
		case c1 == '?' && c2 == '=':
			n = 3
		case c1 == '?':
			n = 2
		case c1 == '.' && !isDigit(c2):
			n = 2
		}
	case '=', '!':
		switch {
		case c1 == '=' && c2 == '=':
			n = 3
		case c1 == '=' || (c == '=' && c1 == '>'):
			n = 2
		}
	case '<':
		switch {
		case c1 == '<' && c2 == '=':
			n = 3
		case c1 == '<' || c1 == '=':
			n = 2
		}
	case '>':
		switch {
		case c1 == '>' && c2 == '>' && c3 == '=':
			n = 4
		case c1 == '>' && (c2 == '>' || c2 == '='):
			n = 3
		case c1 == '>' || c1 == '=':
			n = 2
		}
	case '&', '|', '*':
		switch {
		case c1 == c && c2 == '=':
			n = 3
		case c1 == c || c1 == '=':
			n = 2
		}
	case '+', '-':
		if c1 == c || c1 == '=' {
			n = 2
		}
	case '%', '^', '/':
		if c1 == '=' {
			n = 2
		}
	}
	ended := !lx.regexOK // an expression just ended
	lx.emit(tPunct, start, start+n)
	switch {
	case n == 2 && (c == '+' || c == '-') && c1 == c:
		lx.regexOK = false
	case n == 1 && c == '!':
		// A '!' right after an expression is TypeScript's non-null assertion.
		lx.regexOK = !ended
	default:
		lx.regexOK = true
		lx.lastDot = (n == 1 && c == '.') || (n == 2 && c == '?' && c1 == '.')
	}
}

// jsxStart tries to start a JSX element at the '<' at start. It returns
// false (and changes nothing) when the text does not look like a tag.
func (lx *lexer) jsxStart(start int) bool {
	src := lx.src
	i := start + 1
	if i >= len(src) {
		return false
	}
	if src[i] != '>' {
		if !identStart[src[i]] {
			return false
		}
		end := lx.scanJSXName(i)
		// TypeScript generics that are not JSX: <T,>, <T extends U>.
		j := end
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < len(src) && src[j] == ',' {
			return false
		}
		if j > end && bytes.HasPrefix(src[j:], []byte("extends")) && (j+7 >= len(src) || !identPart[src[j+7]]) {
			return false
		}
	}
	if !lx.cpActive {
		lx.cp = checkpoint{pos: start, toks: len(lx.toks), comments: len(lx.comments), stack: len(lx.stack), regexOK: lx.regexOK, nl: lx.nl, lastDot: lx.lastDot}
		lx.cpActive = true
	}
	lx.openElement(start)
	return true
}

// openElement emits the opening of an element at '<' (start) and enters tag
// or (for a fragment) children mode.
func (lx *lexer) openElement(start int) {
	src := lx.src
	i := start + 1
	if i < len(src) && src[i] == '>' {
		lx.pos = i + 1
		lx.push(fJSXChildren, lx.emit(tJSX, start, i+1))
		return
	}
	end := lx.scanJSXName(i)
	lx.pos = end
	lx.push(fJSXTag, lx.emit(tJSX, start, end))
}

func (lx *lexer) scanJSXName(i int) int {
	src := lx.src
	for i < len(src) && (identPart[src[i]] || src[i] == '-' || src[i] == ':' || src[i] == '.') {
		i++
	}
	return i
}

// endElement pops the frame of a finished element.
func (lx *lexer) endElement(tok int) {
	n := len(lx.stack)
	f := lx.stack[n-1]
	lx.stack = lx.stack[:n-1]
	lx.link(int(f.tok), tok)
	lx.regexOK = false
	if lx.cpActive && len(lx.stack) <= lx.cp.stack {
		lx.cpActive = false
	}
}

// jsxTagStep scans one piece inside a JSX tag. It returns false when the
// tag is malformed or input ends.
func (lx *lexer) jsxTagStep() bool {
	lx.skipSpace()
	src := lx.src
	if lx.pos >= len(src) {
		return false
	}
	start := lx.pos
	c := src[start]
	switch {
	case c == '/' && start+1 < len(src) && src[start+1] == '>':
		lx.pos = start + 2
		lx.endElement(lx.emit(tJSX, start, start+2))
	case c == '>':
		lx.pos = start + 1
		lx.emit(tJSX, start, start+1)
		lx.stack[len(lx.stack)-1].kind = fJSXChildren
	case c == '{':
		lx.pos = start + 1
		lx.push(fJSXAttrExpr, lx.emit(tPunct, start, start+1))
		lx.regexOK = true
	case c == '"' || c == '\'':
		i := bytes.IndexByte(src[start+1:], c)
		if i < 0 {
			lx.pos = len(src) // for the rewind budget
			return false
		}
		lx.pos = start + 1 + i + 1
		lx.emit(tJSXString, start, lx.pos)
	case c == '=':
		lx.pos = start + 1
		lx.emit(tPunct, start, start+1)
	case identStart[c]:
		lx.pos = lx.scanJSXName(start + 1)
		lx.emit(tJSXName, start, lx.pos)
	default:
		return false
	}
	return true
}

// jsxChildStep scans one piece of JSX children: text, an expression
// container, a nested element or the closing tag.
func (lx *lexer) jsxChildStep() bool {
	src := lx.src
	start := lx.pos
	if start >= len(src) {
		return false
	}
	switch src[start] {
	case '{':
		lx.pos = start + 1
		lx.push(fJSXChildExpr, lx.emit(tPunct, start, start+1))
		lx.regexOK = true
		return true
	case '<':
		if start+1 < len(src) && src[start+1] == '/' {
			i := start + 2
			for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
				i++
			}
			i = lx.scanJSXName(i)
			for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
				i++
			}
			if i >= len(src) || src[i] != '>' {
				lx.pos = i // for the rewind budget
				return false
			}
			lx.pos = i + 1
			lx.endElement(lx.emit(tJSX, start, i+1))
			return true
		}
		if start+1 < len(src) && (src[start+1] == '>' || identStart[src[start+1]]) {
			lx.openElement(start)
			return true
		}
	}
	// Text up to the next '<' or '{' (at least one byte).
	i := start + 1
	for i < len(src) && src[i] != '<' && src[i] != '{' {
		i++
	}
	lx.pos = i
	lx.emit(tJSX, start, i)
	return true
}
