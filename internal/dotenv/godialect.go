package dotenv

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/joho/godotenv"
)

// This file mirrors github.com/joho/godotenv v1.5.1 (parser.go, MIT
// licence) statement by statement, keeping byte offsets, so that every
// entry godotenv reads gets a position. godotenv itself stays the authority
// for the Go dialect's final map and for whether it rejects the file; tests
// and the fuzz target check that the mirror agrees with it.

// Go-side failure kinds (godotenv's errors, without their quoted text).
const (
	goErrNone = iota
	goErrUnexpectedChar
	goErrUnterminated
	goErrZeroLength
	goErrOther
)

// goStmt is one statement godotenv reads, in offsets of its normalised
// input (CRLF -> LF).
type goStmt struct {
	start            int // first byte of the statement (before "export")
	keyStart, keyEnd int
	key              string
	export           bool
	sep              int // '=' or ':', -1 when the statement has none (key "")
	valStart, valEnd int // value text as written, quotes included
	quote            byte
	hash             int // " #" comment start of an unquoted value, -1
	value            string
	expand           int // offset of the first `$` godotenv expands, -1
	expandEnd        int
}

type goParse struct {
	stmts    []goStmt
	err      int
	errPos   int // offset of the offending byte (or opening quote)
	errStart int // start of the statement being read when it failed
	errChar  byte
	errKey   string
	vars     map[string]string
}

func isGoSpace(r rune) bool {
	switch r {
	case '\t', '\v', '\f', '\r', ' ', 0x85, 0xA0:
		return true
	}
	return false
}

var (
	goEscapeRegex        = regexp.MustCompile(`\\.`)
	goExpandVarRegex     = regexp.MustCompile(`(\\)?(\$)(\()?\{?([A-Z0-9_]+)?\}?`)
	goUnescapeCharsRegex = regexp.MustCompile(`\\([^$])`)
)

func goExpandEscapes(str string) string {
	if strings.IndexByte(str, '\\') < 0 {
		return str // no match of either pattern
	}
	out := goEscapeRegex.ReplaceAllStringFunc(str, func(match string) string {
		c := strings.TrimPrefix(match, `\`)
		switch c {
		case "n":
			return "\n"
		case "r":
			return "\r"
		default:
			return match
		}
	})
	return goUnescapeCharsRegex.ReplaceAllString(out, "$1")
}

func goExpandVariables(v string, m map[string]string) string {
	if strings.IndexByte(v, '$') < 0 {
		return v // every match starts with '$' or "\\$"
	}
	return goExpandVarRegex.ReplaceAllStringFunc(v, func(s string) string {
		submatch := goExpandVarRegex.FindStringSubmatch(s)
		if submatch == nil {
			return s
		}
		if submatch[1] == "\\" || submatch[2] == "(" {
			return submatch[0][1:]
		} else if submatch[4] != "" {
			return m[submatch[4]]
		}
		return s
	})
}

// firstExpansion returns the index (among the `$` of v) of the first `$`
// that godotenv replaces by a variable's value, or -1, and its length.
func firstExpansion(v string) (int, int) {
	if strings.IndexByte(v, '$') < 0 {
		return -1, 0
	}
	for _, loc := range goExpandVarRegex.FindAllStringSubmatchIndex(v, -1) {
		if loc[2] >= 0 || loc[8] < 0 { // escaped, or no name
			continue
		}
		return strings.Count(v[:loc[4]], "$"), loc[1] - loc[4]
	}
	return -1, 0
}

// nthDollar returns the offset of the n-th (0-based) `$` in b[from:to].
func nthDollar(b []byte, from, to, n int) int {
	for i := from; i < to; i++ {
		if b[i] == '$' {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return -1
}

// goString converts bytes the way godotenv's []rune round trip does:
// each invalid byte becomes U+FFFD.
func goString(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return string([]rune(string(b)))
}

// parseGoMirror follows godotenv's parseBytes on src (already CRLF-normalised).
// capHint sizes the statement list.
func parseGoMirror(src []byte, capHint int) goParse {
	g := goParse{vars: map[string]string{}, errPos: -1, errStart: -1, stmts: make([]goStmt, 0, capHint)}
	cut := 0
	for {
		// getStatementStart, without its recursion.
		start := -1
		for cut >= 0 && cut < len(src) {
			p := bytes.IndexFunc(src[cut:], func(r rune) bool { return !unicode.IsSpace(r) })
			if p < 0 {
				break
			}
			cut += p
			if src[cut] != '#' {
				start = cut
				break
			}
			nl := bytes.IndexByte(src[cut:], '\n')
			if nl < 0 {
				break
			}
			cut += nl
		}
		if start < 0 {
			break
		}
		st, rest, ok := g.locateKeyName(src, start)
		if !ok {
			return g
		}
		rest, ok = g.extractVarValue(src, rest, &st)
		if !ok {
			g.errStart, g.errKey = start, st.key
			return g
		}
		g.vars[st.key] = st.value
		g.stmts = append(g.stmts, st)
		cut = rest
	}
	return g
}

func (g *goParse) locateKeyName(src []byte, start int) (goStmt, int, bool) {
	st := goStmt{start: start, sep: -1, hash: -1, expand: -1}
	s := start + len(src[start:]) - len(bytes.TrimLeftFunc(src[start:], isGoSpace))
	if bytes.HasPrefix(src[s:], []byte("export")) {
		t := s + len("export")
		if bytes.IndexFunc(src[t:], isGoSpace) == 0 {
			s = t + len(src[t:]) - len(bytes.TrimLeftFunc(src[t:], isGoSpace))
			st.export = true
		}
	}
	offset := 0
	key := ""
	i := s
loop:
	for ; i < len(src); i++ {
		char := src[i]
		rchar := rune(char)
		if isGoSpace(rchar) {
			continue
		}
		switch char {
		case '=', ':':
			key = string(src[s:i])
			offset = i + 1 - s
			st.sep = i
			break loop
		case '_':
		default:
			if unicode.IsLetter(rchar) || unicode.IsNumber(rchar) || rchar == '.' {
				continue
			}
			g.err, g.errPos, g.errStart, g.errChar = goErrUnexpectedChar, i, start, char
			return st, 0, false
		}
	}
	if s == len(src) {
		g.err, g.errPos, g.errStart = goErrZeroLength, s, start
		return st, 0, false
	}
	key = strings.TrimRightFunc(key, unicode.IsSpace)
	st.key = key
	st.keyStart, st.keyEnd = s, s+len(key)
	rest := s + offset
	rest += len(src[rest:]) - len(bytes.TrimLeftFunc(src[rest:], isGoSpace))
	return st, rest, true
}

// extractVarValue returns where the next statement search starts (-1 for
// the end of input) and whether the value was read.
func (g *goParse) extractVarValue(src []byte, j int, st *goStmt) (int, bool) {
	var quote byte
	if j < len(src) && (src[j] == '"' || src[j] == '\'') {
		quote = src[j]
	}
	if quote == 0 {
		st.valStart, st.valEnd = j, j
		eol := bytes.IndexAny(src[j:], "\n\r")
		if eol < 0 {
			eol = len(src) - j
			if eol == 0 {
				return -1, true
			}
		}
		end := j + eol
		if eol == 0 {
			return end, true
		}
		// the last '#' preceded by a space character ends the value
		valEnd := end
		prevSpace := false
		for b := j; b < end; {
			r, w := utf8.DecodeRune(src[b:end])
			if r == '#' && b > j && prevSpace {
				valEnd = b
			}
			prevSpace = isGoSpace(r)
			b += w
		}
		if valEnd < end {
			st.hash = valEnd
		}
		a, z := j, valEnd
		for a < z {
			r, w := utf8.DecodeRune(src[a:z])
			if !isGoSpace(r) {
				break
			}
			a += w
		}
		for z > a {
			r, w := utf8.DecodeLastRune(src[a:z])
			if r == utf8.RuneError && w == 1 || !isGoSpace(r) {
				break
			}
			z -= w
		}
		st.valStart, st.valEnd = a, z
		trimmed := goString(src[a:z])
		if n, l := firstExpansion(trimmed); n >= 0 {
			st.expand = nthDollar(src, a, z, n)
			st.expandEnd = st.expand + l
		}
		st.value = goExpandVariables(trimmed, g.vars)
		return end, true
	}
	for i := j + 1; i < len(src); i++ {
		if src[i] != quote || src[i-1] == '\\' {
			continue
		}
		isQ := func(r rune) bool { return r == rune(quote) }
		value := string(bytes.TrimLeftFunc(bytes.TrimRightFunc(src[j:i], isQ), isQ))
		if quote == '"' {
			value = goExpandEscapes(value)
			if n, l := firstExpansion(value); n >= 0 {
				st.expand = nthDollar(src, j, i, n)
				st.expandEnd = st.expand + l
			}
			value = goExpandVariables(value, g.vars)
		}
		st.quote = quote
		st.valStart, st.valEnd = j, i+1
		st.value = value
		return i + 1, true
	}
	g.err, g.errPos = goErrUnterminated, j
	return 0, false
}

// goReason maps godotenv's error to a fixed reason. godotenv's own message
// quotes the offending text, which may be a secret; it is never kept.
func goReason(kind int) string {
	switch kind {
	case goErrUnexpectedChar:
		return "unexpected character in variable name"
	case goErrUnterminated:
		return "unterminated quoted value"
	case goErrZeroLength:
		return "no variable name after export"
	case goErrOther:
		return "rejected by godotenv"
	}
	return ""
}

// classifyGodotenvErr maps one of godotenv's error messages to a kind
// without keeping any of its text.
func classifyGodotenvErr(err error) int {
	if err == nil {
		return goErrNone
	}
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "unexpected character"):
		return goErrUnexpectedChar
	case strings.HasPrefix(msg, "unterminated quoted value"):
		return goErrUnterminated
	case strings.HasPrefix(msg, "zero length string"):
		return goErrZeroLength
	}
	return goErrOther
}

// runGodotenv parses src with godotenv itself. A panic inside godotenv
// (none is known) counts as a rejection rather than crashing the caller.
func runGodotenv(src []byte) (m map[string]string, kind int) {
	defer func() {
		if recover() != nil {
			m, kind = nil, goErrOther
		}
	}()
	m, err := godotenv.UnmarshalBytes(src)
	if err != nil {
		return nil, classifyGodotenvErr(err)
	}
	return m, goErrNone
}
