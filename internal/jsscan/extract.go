package jsscan

import (
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/secret"
)

// pkgClass classifies an imported module.
type pkgClass uint8

const (
	pkgNone         pkgClass = iota
	pkgRemotion              // @remotion/lambda and friends
	pkgDotenv                // dotenv, @dotenvx/dotenvx
	pkgDotenvConfig          // dotenv/config: loads on import
)

func classify(pkg string) pkgClass {
	switch pkg {
	case "@remotion/lambda", "@remotion/lambda/client", "@remotion/lambda-client":
		return pkgRemotion
	case "dotenv", "@dotenvx/dotenvx":
		return pkgDotenv
	case "dotenv/config", "@dotenvx/dotenvx/config":
		return pkgDotenvConfig
	}
	return pkgNone
}

// binding is a local name bound to an imported module (name "*": the module
// object itself) or to one of its exports.
type binding struct {
	pkg   string
	class pkgClass
	name  string
	at    int // index of the token being examined when the binding was made
}

// scanner matches patterns over the token stream.
type scanner struct {
	src      []byte
	toks     []token
	res      *Result
	li       lineIndex
	liDone   bool
	liBuf    *[]int // li's storage, from lineBufs
	bindings map[string]binding
	// bindLens and bindFirst hold a bit per length (capped at 63) and per
	// first byte of the bound names: a cheap test before the map lookup.
	bindLens  uint64
	bindFirst [4]uint64
	cur       int          // the token extract is examining
	lastBind  int          // the largest binding.at (or alias token)
	called    map[int]bool // callee tokens of the calls recorded through bindings
	// aliases maps the names of const bindings of an env object
	// (`const env = process.env`, `const { env } = process`) to the token
	// examined when the alias was made; their names share the bit filters
	// above.
	aliases map[string]int

	// Regions through constants (consts.go).
	decls      []constDecl
	exports    bool // a decl is exported
	exportRefs []exportRef
	relImports []relImport
	pending    []pendingRegion
}

var eofTok = token{match: -1}

func (s *scanner) tok(i int) token {
	if i < 0 || i >= len(s.toks) {
		return eofTok
	}
	return s.toks[i]
}

func (s *scanner) raw(i int) []byte {
	t := s.tok(i)
	return s.src[t.start:t.end]
}

func (s *scanner) kind(i int) tokKind { return s.tok(i).kind }

func (s *scanner) match(i int) int { return int(s.tok(i).match) }

// isP reports whether token i is the punctuator p.
func (s *scanner) isP(i int, p string) bool {
	t := s.tok(i)
	return t.kind == tPunct && string(s.src[t.start:t.end]) == p
}

// isAnyP reports whether token i is one of the punctuators ps.
func (s *scanner) isAnyP(i int, ps ...string) bool {
	t := s.tok(i)
	if t.kind != tPunct {
		return false
	}
	b := s.src[t.start:t.end]
	for _, p := range ps {
		if string(b) == p {
			return true
		}
	}
	return false
}

// isI reports whether token i is the identifier w.
func (s *scanner) isI(i int, w string) bool {
	t := s.tok(i)
	return t.kind == tIdent && string(s.src[t.start:t.end]) == w
}

// isStr reports whether token i is a complete string: quoted, or a template
// without substitutions.
func (s *scanner) isStr(i int) bool {
	k := s.kind(i)
	return k == tString || k == tTemplate
}

// dot reports whether token i is '.' or '?.'.
func (s *scanner) dot(i int) bool { return isDotToken(s.src, s.tok(i)) }

// member reports whether token i is a property name (follows '.' or '?.').
func (s *scanner) member(i int) bool { return s.dot(i - 1) }

// content returns the byte span of a string or template token's text
// without its delimiters.
func (s *scanner) content(i int) (int, int) {
	t := s.tok(i)
	a, b := int(t.start), int(t.end)
	if b <= a {
		return a, a
	}
	open := s.src[a]
	switch t.kind {
	case tString, tJSXString, tTemplate:
		if b-a >= 2 && s.src[b-1] == open {
			return a + 1, b - 1
		}
		return a + 1, b
	case tTemplateHead:
		if b-a >= 3 {
			return a + 1, b - 2
		}
	}
	return a, a
}

// str returns the decoded text of a string or template token.
func (s *scanner) str(i int) string {
	a, b := s.content(i)
	if s.kind(i) == tJSXString {
		return string(s.src[a:b])
	}
	return cook(s.src[a:b])
}

func (s *scanner) lines() lineIndex {
	if !s.liDone {
		s.liBuf = lineBufs.Get().(*[]int)
		s.li = newLineIndexInto(s.src, *s.liBuf)
		s.liDone = true
	}
	return s.li
}

// span converts a byte span to a Location.
func (s *scanner) span(a, b int) facts.Location { return s.lines().span(a, b) }

// loc spans tokens a through b inclusive.
func (s *scanner) loc(a, b int) facts.Location {
	return s.span(int(s.tok(a).start), int(s.tok(b).end))
}

// eachItem calls fn with the token range [a, b) of each comma-separated item
// between the brackets at open and close, skipping nested brackets and
// templates.
func (s *scanner) eachItem(open, close int, fn func(a, b int)) {
	if close > len(s.toks) {
		close = len(s.toks)
	}
	a := open + 1
	for k := open + 1; k < close; {
		t := s.toks[k]
		if t.kind == tPunct && s.src[t.start] == ',' && t.end-t.start == 1 {
			if k > a {
				fn(a, k)
			}
			a = k + 1
			k++
			continue
		}
		if m := int(t.match); m > k && m < close && (t.kind == tPunct || t.kind == tTemplateHead) {
			k = m + 1
			continue
		}
		k++
	}
	if close > a {
		fn(a, close)
	}
}

// extract runs every pattern over the tokens.
func (s *scanner) extract() {
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		switch t.kind {
		case tIdent:
			s.cur = i
			b := s.src[t.start:t.end]
			if s.bindLens&(1<<min(len(b), 63)) != 0 && s.bindFirst[b[0]>>6]&(1<<(b[0]&63)) != 0 {
				s.callAt(i, false)
				if s.aliases != nil {
					s.aliasAt(i, false)
				}
			}
			if len(b) < 3 || len(b) > 7 {
				continue
			}
			switch string(b) {
			case "process":
				s.process(i)
			case "import":
				s.importKw(i)
			case "export":
				s.exportKw(i)
			case "const":
				s.constDecl(i)
			case "require":
				s.require(i)
			case "exports":
				s.cjsExports(i)
			case "module":
				s.cjsModule(i)
			case "Deno":
				s.deno(i)
			case "Bun":
				if !s.member(i) && s.dot(i+1) && s.isI(i+2, "env") {
					s.envAccess(i, i+3)
				}
			case "Object":
				s.objectAssign(i)
			}
		case tString, tTemplate, tJSXString:
			s.literal(i)
		}
	}
	// Calls that precede the import or require that binds their callee.
	for i := 0; i < s.lastBind; i++ {
		if s.toks[i].kind == tIdent {
			s.callAt(i, true)
			if s.aliases != nil {
				s.aliasAt(i, true)
			}
		}
	}
	s.resolveConsts()
}

// ---- environment access ----

// process handles process.env (also globalThis.process.env and the like).
func (s *scanner) process(i int) {
	start := i
	if s.member(i) {
		if !s.isP(i-1, ".") || s.member(i-2) {
			return
		}
		switch string(s.raw(i - 2)) {
		case "globalThis", "global", "window", "self":
			if s.kind(i-2) != tIdent {
				return
			}
		default:
			return
		}
		start = i - 2
	}
	if s.dot(i+1) && s.isI(i+2, "env") {
		s.envAccess(start, i+3)
		return
	}
	if s.isP(start-1, "=") && s.isP(start-2, "}") && s.exprEnds(i+1) {
		s.processPattern(start)
	}
}

// processPattern handles `const { env } = process` and `const { env: e } =
// process`, where the process object starts at token start: the local name
// becomes an alias of process.env.
func (s *scanner) processPattern(start int) {
	c := start - 2
	o := s.match(c)
	if o < 0 || o >= c || !s.isI(o-1, "const") {
		return
	}
	s.eachItem(o, c, func(a, b int) {
		p := s.prop(a, b)
		if !p.ok || p.spread || p.computed || p.method || p.key != "env" {
			return
		}
		local := p.keyA
		if p.valA >= 0 && s.isP(p.valA-1, ":") {
			if s.kind(p.valA) != tIdent || !(p.valB == p.valA+1 || s.isP(p.valA+1, "=")) {
				return
			}
			local = p.valA
		}
		s.alias(local)
	})
}

// alias makes the identifier at token i an alias of an env object.
func (s *scanner) alias(i int) {
	if s.kind(i) != tIdent {
		return
	}
	name := string(s.raw(i))
	if s.aliases == nil {
		s.aliases = make(map[string]int)
	}
	s.aliases[name] = s.cur
	s.lastBind = max(s.lastBind, s.cur)
	s.bindLens |= 1 << min(len(name), 63)
	s.bindFirst[name[0]>>6] |= 1 << (name[0] & 63)
}

// aliasAt handles a use of an env alias at identifier token i: in the main
// pass (early false) of an alias made before it, in the catch-up pass of
// one made after it (a function declared above the alias).
func (s *scanner) aliasAt(i int, early bool) {
	at, ok := s.aliases[string(s.raw(i))]
	if !ok || early != (i < at) || i == at || s.member(i) {
		return
	}
	if s.dot(i+1) || s.isP(i+1, "[") || (s.isP(i-1, "=") && s.isP(i-2, "}")) {
		s.envAccess(i, i+1)
	}
}

// isAlias reports whether token i names an env alias.
func (s *scanner) isAlias(i int) bool {
	if s.aliases == nil || s.kind(i) != tIdent || s.member(i) {
		return false
	}
	_, ok := s.aliases[string(s.raw(i))]
	return ok
}

// envAccess handles an access of an env object whose tokens are [start, j).
func (s *scanner) envAccess(start, j int) {
	name, prefix, dyn, end, ok := s.accessor(j)
	if !ok {
		if s.isP(start-1, "=") && s.kind(start-2) == tIdent && s.isI(start-3, "const") && s.exprEnds(j) {
			// A const alias of the env object, as in: const env = process.env.
			s.alias(start - 2)
			return
		}
		s.destructure(start)
		return
	}
	acc := s.access(name, prefix, dyn, s.loc(start, end))
	s.classifyAccess(acc, start, end)
}

func (s *scanner) access(name, prefix string, dyn bool, loc facts.Location) facts.EnvAccess {
	return facts.EnvAccess{Name: safeName(name), Prefix: safeName(prefix), Dynamic: dyn, Language: Language, Location: loc}
}

// accessor reads the member access that starts at token j: .NAME, ?.NAME,
// [key] or ?.[key]. end is its last token.
func (s *scanner) accessor(j int) (name, prefix string, dyn bool, end int, ok bool) {
	if s.dot(j) {
		if s.kind(j+1) == tIdent {
			return string(s.raw(j + 1)), "", false, j + 1, true
		}
		if !s.isP(j, "?.") {
			return
		}
		j++
	}
	if !s.isP(j, "[") {
		return
	}
	close := s.match(j)
	if close <= j {
		return
	}
	name, prefix, dyn, ok = s.keyExpr(j+1, close)
	return name, prefix, dyn, close, ok
}

// keyExpr reads a computed key [a, b): a complete string is a name; a string
// followed by '+', or a template with substitutions, gives a dynamic name
// with that constant prefix; anything else is dynamic with no prefix.
func (s *scanner) keyExpr(a, b int) (name, prefix string, dyn, ok bool) {
	if a >= b {
		return
	}
	switch s.kind(a) {
	case tString, tTemplate:
		v := s.str(a)
		if a+1 == b || s.isI(a+1, "as") || s.isI(a+1, "satisfies") {
			return v, "", false, v != ""
		}
		if s.isP(a+1, "+") {
			return "", v, true, true
		}
	case tTemplateHead:
		return "", s.str(a), true, true
	}
	return "", "", true, true
}

// classifyAccess records acc, spanning tokens [first, last], as a read or a
// write depending on what surrounds it.
func (s *scanner) classifyAccess(acc facts.EnvAccess, first, last int) {
	n := last + 1
	switch {
	case s.isI(first-1, "delete"):
		acc.Unset = true
	case s.isAnyP(n, "=", "??=", "||=", "&&="):
		s.assignLiteral(&acc, n+1, -1)
	case s.isAnyP(n, "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=", "&=", "|=", "^=", "++", "--"),
		s.isAnyP(first-1, "++", "--"):
	default:
		acc.Guard = s.guard(first, last)
		s.res.Reads = append(s.res.Reads, acc)
		return
	}
	s.res.Writes = append(s.res.Writes, acc)
}

// guard reports whether the read spanning tokens [first, last] is a
// presence check.
func (s *scanner) guard(first, last int) bool {
	p, n := first-1, last+1
	switch {
	case s.isP(p, "!"), s.isI(p, "typeof"):
		return true
	case s.isAnyP(n, "??", "||", "&&", "?"):
		return true
	case s.isAnyP(n, "===", "!==", "==", "!=") && s.nothing(n+1):
		return true
	case s.isAnyP(p, "===", "!==", "==", "!=") && s.nothing(p-1):
		return true
	}
	// if (process.env.X), if (a && process.env.X), while (...)
	if s.isP(n, ")") {
		o := s.match(n)
		if o >= 0 && (s.isI(o-1, "if") || s.isI(o-1, "while")) && (o == p || s.isAnyP(p, "&&", "||")) {
			return true
		}
	}
	return false
}

// nothing reports whether token i is undefined, null or an empty string.
func (s *scanner) nothing(i int) bool {
	if s.isI(i, "undefined") || s.isI(i, "null") {
		return true
	}
	if s.isStr(i) {
		a, b := s.content(i)
		return a == b
	}
	return false
}

// assignLiteral fills the literal fields of a write whose value starts at
// token k (stop as for literalAt).
func (s *scanner) assignLiteral(acc *facts.EnvAccess, k, stop int) {
	v, _, ok := s.literalAt(k, stop)
	if !ok && (s.isI(k, "undefined") || s.isI(k, "null")) && (k+1 == stop || (stop < 0 && s.exprEnds(k+1))) {
		// Node converts what is assigned to process.env to a string:
		// `= undefined` stores "undefined", which counts as set.
		v, ok = string(s.raw(k)), true
	}
	if !ok {
		return
	}
	acc.Literal = true
	acc.Shape = secret.Shape(v)
	if keepValue(acc.Name, v) {
		acc.Value = v
	}
}

// keepValue reports whether the value assigned to name may enter a fact.
func keepValue(name, v string) bool {
	return name != "" && secret.NonSecretName(name) && !secret.IsKeyID(v) && !secret.IsSecretKey(v)
}

// literalAt reads a string, number or boolean literal at token k (a number
// may be negated). The literal must make up the whole expression: with stop
// < 0 it must be followed by the end of an expression; otherwise by token
// stop. A TypeScript "as"/"satisfies" may follow. It returns the value and
// the literal's token.
func (s *scanner) literalAt(k, stop int) (string, int, bool) {
	neg := false
	if s.isP(k, "-") && s.kind(k+1) == tNum {
		neg = true
		k++
	}
	var v string
	switch s.kind(k) {
	case tString, tTemplate, tJSXString:
		if neg {
			return "", 0, false
		}
		v = s.str(k)
	case tNum:
		v = string(s.raw(k))
		if neg {
			v = "-" + v
		}
	case tIdent:
		if neg || !(s.isI(k, "true") || s.isI(k, "false")) {
			return "", 0, false
		}
		v = string(s.raw(k))
	default:
		return "", 0, false
	}
	n := k + 1
	if s.isI(n, "as") || s.isI(n, "satisfies") || n == stop {
		return v, k, true
	}
	if stop >= 0 || !s.exprEnds(n) {
		return "", 0, false
	}
	return v, k, true
}

// exprEnds reports whether token n cannot continue the expression before it.
func (s *scanner) exprEnds(n int) bool {
	t := s.tok(n)
	switch t.kind {
	case tEOF, tTemplateMiddle, tTemplateTail:
		return true
	case tPunct:
		switch string(s.src[t.start:t.end]) {
		case ";", ",", ")", "]", "}", ":":
			return true
		}
		return false
	case tIdent, tString, tTemplate, tTemplateHead, tNum, tPrivate:
		return t.nl // automatic semicolon insertion
	}
	return false
}

// destructure handles `const { X, Y: y, Z = "d" } = process.env` where the
// env object starts at token start.
func (s *scanner) destructure(start int) {
	if !s.isP(start-1, "=") || !s.isP(start-2, "}") {
		return
	}
	c := start - 2
	o := s.match(c)
	if o < 0 || o >= c {
		return
	}
	s.eachItem(o, c, func(a, b int) {
		p := s.prop(a, b)
		if !p.ok || p.spread || p.method {
			return
		}
		name, prefix, dyn := p.key, "", false
		if p.computed {
			var ok bool
			name, prefix, dyn, ok = s.keyExpr(p.keyA+1, p.keyB)
			if !ok {
				return
			}
		}
		acc := s.access(name, prefix, dyn, s.loc(p.keyA, p.keyB))
		acc.Guard = p.hasDefault
		s.res.Reads = append(s.res.Reads, acc)
	})
}

// prop is one property of an object literal or object pattern.
type prop struct {
	ok       bool
	key      string
	keyA     int // first token of the key
	keyB     int // last token of the key (the ']' of a computed key)
	ident    bool
	computed bool
	spread   bool
	method   bool
	// valA..valB is the value after ':' or '=' (valA < 0 when none).
	valA, valB int
	// hasDefault: a pattern default, `X = d` or `X: y = d`.
	hasDefault bool
}

// prop parses the property whose tokens are [a, b).
func (s *scanner) prop(a, b int) prop {
	p := prop{valA: -1}
	k := a
	if s.isP(k, "...") {
		p.ok, p.spread = true, true
		return p
	}
	for (s.isI(k, "get") || s.isI(k, "set") || s.isI(k, "async") || s.isP(k, "*")) && k+1 < b && !s.isAnyP(k+1, ":", ",", "(", "=") {
		p.method = true
		k++
	}
	p.keyA, p.keyB = k, k
	switch s.kind(k) {
	case tIdent, tPrivate:
		p.key = string(s.raw(k))
		p.ident = true
	case tString, tTemplate:
		p.key = s.str(k)
	case tNum:
		p.key = string(s.raw(k))
	case tPunct:
		if !s.isP(k, "[") {
			return p
		}
		m := s.match(k)
		if m <= k || m >= b {
			return p
		}
		p.computed = true
		p.keyB = m
		k = m
	default:
		return p
	}
	p.ok = true
	k++
	switch {
	case k >= b:
	case s.isP(k, ":"):
		p.valA, p.valB = k+1, b
		if s.kind(k+1) == tIdent && s.isP(k+2, "=") {
			p.hasDefault = true
		}
	case s.isP(k, "="):
		p.valA, p.valB = k+1, b
		p.hasDefault = true
	case s.isP(k, "("):
		p.method = true
	}
	return p
}

// objectAssign handles Object.assign(process.env, { X: ... }, ...).
func (s *scanner) objectAssign(i int) {
	if s.member(i) || !s.isP(i+1, ".") || !s.isI(i+2, "assign") || !s.isP(i+3, "(") {
		return
	}
	p := i + 3
	m := s.match(p)
	if m < 0 {
		m = len(s.toks)
	}
	first, target := true, false
	s.eachItem(p, m, func(a, b int) {
		if first {
			first = false
			target = (b-a == 3 && s.isI(a, "process") && s.isP(a+1, ".") && s.isI(a+2, "env")) ||
				(b-a == 5 && s.isI(a, "globalThis") && s.isP(a+1, ".") && s.isI(a+2, "process") && s.isP(a+3, ".") && s.isI(a+4, "env")) ||
				(b-a == 1 && s.isAlias(a))
			return
		}
		if !target || !s.isP(a, "{") || s.match(a) != b-1 {
			return
		}
		s.eachItem(a, b-1, func(a, b int) {
			p := s.prop(a, b)
			if !p.ok || p.spread || p.method {
				return
			}
			name, prefix, dyn := p.key, "", false
			if p.computed {
				var ok bool
				name, prefix, dyn, ok = s.keyExpr(p.keyA+1, p.keyB)
				if !ok {
					return
				}
			} else if p.valA < 0 && !p.ident {
				return
			}
			acc := s.access(name, prefix, dyn, s.loc(p.keyA, p.keyB))
			if p.valA >= 0 {
				s.assignLiteral(&acc, p.valA, p.valB)
			}
			s.res.Writes = append(s.res.Writes, acc)
		})
	})
}

// deno handles Deno.env.get/has/set/delete("X", ...).
func (s *scanner) deno(i int) {
	if s.member(i) || !s.isP(i+1, ".") || !s.isI(i+2, "env") || !s.isP(i+3, ".") || s.kind(i+4) != tIdent || !s.isP(i+5, "(") {
		return
	}
	m := s.match(i + 5)
	if m < 0 {
		return
	}
	args := s.args(i+5, m)
	if len(args) == 0 {
		return
	}
	name, prefix, dyn, ok := s.keyExpr(args[0][0], args[0][1])
	if !ok {
		return
	}
	acc := s.access(name, prefix, dyn, s.loc(i, m))
	switch string(s.raw(i + 4)) {
	case "get":
		acc.Guard = s.guard(i, m)
	case "has":
		acc.Guard = true
	case "set":
		if len(args) >= 2 {
			s.assignLiteral(&acc, args[1][0], args[1][1])
		}
		s.res.Writes = append(s.res.Writes, acc)
		return
	case "delete":
		acc.Unset = true
		s.res.Writes = append(s.res.Writes, acc)
		return
	default:
		return
	}
	s.res.Reads = append(s.res.Reads, acc)
}

// args returns the token ranges of the arguments of the call whose
// parentheses are at open and close.
func (s *scanner) args(open, close int) [][2]int {
	var out [][2]int
	s.eachItem(open, close, func(a, b int) { out = append(out, [2]int{a, b}) })
	return out
}

// ---- literals ----

// literal records string token i when it is shaped like a credential.
func (s *scanner) literal(i int) {
	a, b := s.content(i)
	raw := s.src[a:b]
	if len(raw) < 20 {
		return
	}
	var v string
	switch {
	case len(raw) == 20 || len(raw) == 40:
		v = s.str(i)
	case s.kind(i) != tJSXString && len(raw) > 20 && hasByte(raw, '\\'):
		v = s.str(i)
	default:
		return
	}
	t := s.tok(i)
	loc := s.span(int(t.start), int(t.end))
	shape := secret.Shape(v)
	switch {
	case secret.IsKeyID(v):
		if shape == facts.ShapePlaceholder {
			return
		}
		s.res.Literals = append(s.res.Literals, facts.Literal{
			Shape: shape, Display: secret.Display(v), Context: safeName(s.context(i)), Language: Language, Location: loc,
		})
	case secret.IsSecretKey(v) && shape != facts.ShapePlaceholder:
		ctx := s.context(i)
		if !strings.Contains(strings.ToLower(ctx), "secret") {
			return
		}
		s.res.Literals = append(s.res.Literals, facts.Literal{
			Shape: "secret", Context: safeName(ctx), Language: Language, Location: loc,
		})
	}
}

func hasByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// context names what the string at token i is assigned to: a property key,
// a variable, an env name, a JSX attribute; "" when unknown.
func (s *scanner) context(i int) string {
	p := i - 1
	switch {
	case s.isP(p, ":"):
		switch s.kind(p - 1) {
		case tIdent, tPrivate, tNum, tJSXName:
			return string(s.raw(p - 1))
		case tString, tTemplate:
			return s.str(p - 1)
		}
	case s.isAnyP(p, "=", "??=", "||=", "??", "||"):
		q := p - 1
		switch s.kind(q) {
		case tIdent, tPrivate, tJSXName:
			// const name: string = "..."
			if s.isP(q-1, ":") && s.kind(q-2) == tIdent {
				return string(s.raw(q - 2))
			}
			return string(s.raw(q))
		case tPunct:
			if s.isP(q, "]") {
				if o := s.match(q); o >= 0 && o+2 == q && s.isStr(o+1) {
					return s.str(o + 1)
				}
			}
		}
	case s.isP(p, ","):
		// The second argument of Deno.env.set with a literal name.
		if s.isStr(p-1) && s.isP(p-2, "(") && s.isI(p-3, "set") {
			return s.str(p - 1)
		}
	}
	return ""
}

// safeName keeps a name out of a fact when it is itself a credential.
func safeName(n string) string {
	switch {
	case secret.IsKeyID(n):
		return secret.Display(n)
	case secret.IsSecretKey(n):
		return ""
	}
	return n
}

// ---- imports, bindings, calls ----

func (s *scanner) addImport(pkg string, a, b int) {
	s.res.Imports = append(s.res.Imports, facts.Import{Package: pkg, Language: Language, Location: s.loc(a, b)})
}

func (s *scanner) addLoad(kind, path string, loc facts.Location) {
	s.res.DotenvLoads = append(s.res.DotenvLoads, facts.DotenvLoad{Kind: kind, Path: safeName(path), Location: loc})
}

func (s *scanner) bind(local string, pkg string, class pkgClass, name string) {
	if local == "" || class == pkgDotenvConfig {
		return
	}
	if s.bindings == nil {
		s.bindings = make(map[string]binding)
	}
	if b, ok := s.bindings[local]; ok && b.pkg == pkg && b.name == name {
		return // the same binding again (no catch-up needed)
	}
	s.bindings[local] = binding{pkg: pkg, class: class, name: name, at: s.cur}
	s.lastBind = s.cur
	s.bindLens |= 1 << min(len(local), 63)
	s.bindFirst[local[0]>>6] |= 1 << (local[0] & 63)
}

// importKw handles import declarations, import(...) and import.meta.env.
func (s *scanner) importKw(i int) {
	if s.member(i) {
		return
	}
	switch {
	case s.isP(i+1, "."):
		if s.isI(i+2, "meta") && s.dot(i+3) && s.isI(i+4, "env") {
			s.envAccess(i, i+5)
		}
	case s.isP(i+1, "("):
		s.dynImport(i)
	default:
		s.importDecl(i)
	}
}

type importName struct{ local, imported string }

func (s *scanner) importDecl(i int) {
	k := i + 1
	if s.isI(k, "type") && !s.isI(k+1, "from") && !s.isP(k+1, ",") && !s.isP(k+1, "=") {
		k++
	}
	var names []importName
	if !s.isStr(k) {
		if s.kind(k) == tIdent && (s.isP(k+1, ",") || s.isI(k+1, "from")) {
			names = append(names, importName{string(s.raw(k)), "*"})
			k++
			if s.isP(k, ",") {
				k++
			}
		}
		switch {
		case s.isP(k, "*") && s.isI(k+1, "as") && s.kind(k+2) == tIdent:
			names = append(names, importName{string(s.raw(k + 2)), "*"})
			k += 3
		case s.isP(k, "{"):
			m := s.match(k)
			if m < 0 {
				return
			}
			s.eachItem(k, m, func(a, b int) {
				x := a
				if s.isI(x, "type") && x+1 < b {
					x++
				}
				var imported string
				switch s.kind(x) {
				case tIdent:
					imported = string(s.raw(x))
				case tString:
					imported = s.str(x)
				default:
					return
				}
				local := imported
				if s.isI(x+1, "as") && s.kind(x+2) == tIdent && x+2 < b {
					local = string(s.raw(x + 2))
				} else if s.kind(x) != tIdent {
					return
				}
				names = append(names, importName{local, imported})
			})
			k = m + 1
		}
		if !s.isI(k, "from") {
			return
		}
		k++
		if !s.isStr(k) {
			return
		}
	}
	pkg := s.str(k)
	class := classify(pkg)
	if class == pkgNone {
		if isRelative(pkg) {
			for _, n := range names {
				if n.imported != "*" {
					s.relImports = append(s.relImports, relImport{local: n.local, name: n.imported, module: pkg})
				}
			}
		}
		return
	}
	s.addImport(pkg, i, k)
	if class == pkgDotenvConfig {
		s.addLoad("dotenv-config-import", "", s.loc(i, k))
	}
	for _, n := range names {
		s.bind(n.local, pkg, class, n.imported)
	}
}

// exportKw handles `export * from "P"` and `export { ... } from "P"`.
func (s *scanner) exportKw(i int) {
	if s.member(i) {
		return
	}
	k := i + 1
	if s.isI(k, "type") {
		k++
	}
	switch {
	case s.isP(k, "*"):
		k++
		if s.isI(k, "as") {
			k += 2
		}
	case s.isP(k, "{"):
		m := s.match(k)
		if m < 0 {
			return
		}
		if !s.isI(m+1, "from") {
			if k == i+1 {
				s.exportList(k, m) // export { a, b as c }
			}
			return
		}
		k = m + 1
	default:
		return
	}
	if !s.isI(k, "from") || !s.isStr(k+1) {
		return
	}
	pkg := s.str(k + 1)
	class := classify(pkg)
	if class == pkgNone {
		return
	}
	s.addImport(pkg, i, k+1)
	if class == pkgDotenvConfig {
		s.addLoad("dotenv-config-import", "", s.loc(i, k+1))
	}
}

// require handles require("P") and what is done with its result.
func (s *scanner) require(i int) {
	if s.member(i) || !s.isP(i+1, "(") || !s.isStr(i+2) || !s.isP(i+3, ")") {
		return
	}
	pkg := s.str(i + 2)
	class := classify(pkg)
	if class == pkgNone {
		if isRelative(pkg) {
			s.relRequire(i, i+3, pkg)
		}
		return
	}
	s.addImport(pkg, i, i+3)
	if class == pkgDotenvConfig {
		s.addLoad("dotenv", "", s.loc(i, i+3))
	}
	s.moduleUse(i, i+3, pkg, class)
}

// dynImport handles import("P").
func (s *scanner) dynImport(i int) {
	m := s.match(i + 1)
	if m < 0 || !s.isStr(i+2) || !(m == i+3 || s.isP(i+3, ",")) {
		return
	}
	pkg := s.str(i + 2)
	class := classify(pkg)
	if class == pkgNone {
		return
	}
	s.addImport(pkg, i, m)
	if class == pkgDotenvConfig {
		s.addLoad("dotenv-config-import", "", s.loc(i, m))
	}
	start := i
	if s.isI(i-1, "await") {
		start = i - 1
	}
	s.moduleUse(start, m, pkg, class)
}

// moduleUse records what is done with a module value produced by tokens
// [start, end]: a binding (x = require(P), { a, b: c } = require(P),
// x = require(P).name) or a direct call (require(P).name(...)).
func (s *scanner) moduleUse(start, end int, pkg string, class pkgClass) {
	lhs := ""
	if s.isP(start-1, "=") && s.kind(start-2) == tIdent && !s.member(start-2) {
		lhs = string(s.raw(start - 2))
	}
	if s.isP(end+1, ".") && s.kind(end+2) == tIdent {
		name := string(s.raw(end + 2))
		if s.isP(end+3, "(") {
			s.callOf(binding{pkg: pkg, class: class, name: name}, start, end+3)
			return
		}
		s.bind(lhs, pkg, class, name)
		return
	}
	if lhs != "" {
		s.bind(lhs, pkg, class, "*")
		return
	}
	if !s.isP(start-1, "=") || !s.isP(start-2, "}") {
		return
	}
	o := s.match(start - 2)
	if o < 0 || o >= start-2 {
		return
	}
	s.eachItem(o, start-2, func(a, b int) {
		p := s.prop(a, b)
		if !p.ok || p.spread || p.computed {
			return
		}
		local := p.key
		if p.valA >= 0 && s.isP(p.valA-1, ":") {
			if s.kind(p.valA) != tIdent {
				return
			}
			local = string(s.raw(p.valA))
		} else if !p.ident {
			return
		}
		s.bind(local, pkg, class, p.key)
	})
}

// callAt records a call through a binding at identifier token i. In the
// main pass (early false) the bindings made so far apply; in the catch-up
// pass (early true) only those made after token i, which the main pass did
// not know yet.
func (s *scanner) callAt(i int, early bool) {
	t := s.toks[i]
	c, n := s.src[t.start], int(t.end-t.start)
	if s.bindLens&(1<<min(n, 63)) == 0 || s.bindFirst[c>>6]&(1<<(c&63)) == 0 {
		return
	}
	b, ok := s.bindings[string(s.src[t.start:t.end])]
	if !ok || (early && b.at <= i) || s.member(i) || s.isI(i-1, "function") {
		return
	}
	if early && s.called[i] {
		return // recorded through an earlier binding of the same name
	}
	paren := i + 1
	if b.name == "*" {
		if !s.dot(i+1) || s.kind(i+2) != tIdent {
			return
		}
		b.name = string(s.raw(i + 2))
		paren = i + 3
	}
	if !s.isP(paren, "(") {
		return
	}
	if s.called == nil {
		s.called = make(map[int]bool)
	}
	s.called[i] = true
	s.callOf(b, i, paren)
}

// callOf records a call of export b.name whose callee starts at token start
// and whose argument list opens at token paren.
func (s *scanner) callOf(b binding, start, paren int) {
	m := s.match(paren)
	end := m
	if m < 0 {
		end = paren
	}
	loc := s.loc(start, end)
	// The first argument, when it is an object literal.
	objOpen, objClose := -1, -1
	if m > paren {
		if a := paren + 1; s.isP(a, "{") {
			if c := s.match(a); c > a && c < m && (c+1 == m || s.isP(c+1, ",")) {
				objOpen, objClose = a, c
			}
		}
	}
	eachProp := func(fn func(p prop)) {
		if objOpen < 0 {
			return
		}
		s.eachItem(objOpen, objClose, func(a, b int) {
			if p := s.prop(a, b); p.ok && !p.spread && !p.computed {
				fn(p)
			}
		})
	}
	switch b.class {
	case pkgRemotion:
		rc := facts.RemotionCall{Function: safeName(b.name), Language: Language, Location: loc}
		call := len(s.res.RemotionCalls)
		eachProp(func(p prop) {
			switch p.key {
			case "region":
				if p.valA < 0 {
					if p.ident && !p.method {
						s.pending = append(s.pending, pendingRegion{call: call, tok: p.keyA}) // { region }
					}
					return
				}
				if s.isP(p.valA-1, "=") {
					return
				}
				if v, k, ok := s.literalAt(p.valA, p.valB); ok && s.isStr(p.valA) {
					rc.Region = safeName(v)
					a, e := s.content(k)
					rc.RegionLocation = s.span(a, e)
					return
				}
				s.regionValue(&rc, call, p.valA, p.valB)
			case "credentials":
				rc.Credentials = true
			}
		})
		s.res.RemotionCalls = append(s.res.RemotionCalls, rc)
	case pkgDotenv:
		if b.name != "config" && b.name != "configDotenv" {
			return
		}
		var paths []string
		eachProp(func(p prop) {
			if p.key != "path" || p.valA < 0 {
				return
			}
			if v, _, ok := s.literalAt(p.valA, p.valB); ok && s.isStr(p.valA) {
				paths = append(paths, v)
			} else if s.isP(p.valA, "[") && s.match(p.valA) == p.valB-1 {
				s.eachItem(p.valA, p.valB-1, func(a, b int) {
					if v, _, ok := s.literalAt(a, b); ok && s.isStr(a) {
						paths = append(paths, v)
					}
				})
			}
		})
		if len(paths) == 0 {
			s.addLoad("dotenv", "", loc)
		}
		for _, p := range paths {
			s.addLoad("dotenv", p, loc)
		}
	}
}

// ---- output ----

func (s *scanner) comments(spans []commentSpan, keep func([]byte) bool) {
	if len(spans) == 0 {
		return
	}
	if keep == nil {
		s.res.Comments = make([]Comment, 0, len(spans))
	}
	for _, c := range spans {
		if text := s.src[c.start:c.end]; keep == nil || keep(text) {
			s.res.Comments = append(s.res.Comments, Comment{Text: string(text), Location: s.span(int(c.start), int(c.end))})
		}
	}
}

// finish puts every slice in source order.
func (s *scanner) finish() { s.res.Sort() }
