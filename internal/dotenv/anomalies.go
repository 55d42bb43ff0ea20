package dotenv

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Every Detail below is built from fixed text, counts, line numbers and at
// most one quote or punctuation character: never from value text.

func (p *parser) add(kind, key, dialect, detail string, start, end int, related *[2]int) {
	if p.kindCount[kind] >= MaxAnomaliesPerKind {
		p.f.Dropped++
		return
	}
	p.kindCount[kind]++
	a := Anomaly{Kind: kind, Key: key, Dialect: dialect, Detail: detail, Span: p.li.span(start, end)}
	if related != nil {
		r := p.li.span(related[0], related[1])
		a.Related = &r
	}
	p.anoms = append(p.anoms, anom{a: a, start: start})
}

func (p *parser) lineNo(off int) string { return strconv.Itoa(p.li.pos(off).Line) }

func (p *parser) explain(i int) {
	if i >= 0 {
		p.explained[i] = true
	}
}

func isAnySpaceRune(r rune) bool { return isJSSpaceRune(r) || unicode.IsSpace(r) }

// spaceLen returns the length of the space character starting b, or 0.
func spaceLen(b []byte) int {
	if b[0] < 0x80 {
		switch b[0] {
		case '\t', '\n', '\v', '\f', '\r', ' ':
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRune(b)
	if r != utf8.RuneError && isAnySpaceRune(r) {
		return n
	}
	return 0
}

func lastSpaceLen(b []byte) int {
	r, n := utf8.DecodeLastRune(b)
	if r != utf8.RuneError && isAnySpaceRune(r) {
		return n
	}
	return 0
}

func chars(s string) int { return utf8.RuneCountInString(s) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// describeChar names a byte godotenv refuses in a variable name.
func describeChar(c byte) string {
	switch {
	case c == '\n':
		return "a line break"
	case c >= 0x80:
		return "a non-ASCII character"
	case c < 0x20 || c == 0x7F:
		return "a control character"
	case c == '\'':
		return `"'"`
	}
	return "'" + string(c) + "'"
}

func quoteName(c byte) string {
	switch c {
	case '\'':
		return "a single quote"
	case '"':
		return "a double quote"
	}
	return "a backtick"
}

// isCut reports whether a Node match's unquoted value ends at a '#' that
// does not follow a space: Node's dotenv cuts the value there.
func (p *parser) isCut(n *nrec) bool {
	h := n.m.hash
	if h < 0 {
		return false
	}
	if h == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(p.ntext[:h])
	return !isJSSpaceRune(r)
}

type quoteIssue struct {
	open       int // original offset of the opening quote
	quote      byte
	key        string
	entry      int
	node       bool
	nodeClose  int // mismatched: the other quote ending the value, -1
	nodeQuoted bool
	goUnterm   bool
	goQuotedTo int // godotenv reads a quoted value closing here, -1
	goLiteral  bool
}

type textAfterQuote struct {
	pos, end   int
	open       int
	key        string
	entry      int
	node, gor  bool
	goRejects  bool
	openedLine int
}

func (p *parser) anomalies() {
	p.fileLevel()
	qi, taq, reported := p.qi, p.taq, p.reported
	p.nodeChecks(qi, taq)
	p.goChecks(qi, taq)
	p.goRejection(qi, taq, reported)
	p.emitQuoteIssues(qi)
	p.emitTextAfterQuote(taq)
	p.dropped()
	p.duplicates()
	p.differ()
	p.notUnderstood(reported)
}

func (p *parser) fileLevel() {
	if p.f.BOM {
		d := "the file starts with a UTF-8 byte-order mark: Node's dotenv skips it"
		if p.goErr != goErrNone {
			d += ", godotenv rejects the whole file"
		}
		p.add(KindBOM, "", DialectGo, d, 0, 3, nil)
	}
	if i := bytes.IndexByte(p.src, 0); i >= 0 {
		n := bytes.Count(p.src, []byte{0})
		p.add(KindNULByte, "", DialectBoth,
			"the file contains "+plural(n, "NUL byte", "NUL bytes")+
				": it is probably not a text file, and no environment variable can hold a NUL", i, i+1, nil)
	}
	if p.invalid > 0 {
		p.add(KindInvalidUTF8, "", DialectBoth,
			"the file contains "+plural(p.invalid, "invalid UTF-8 sequence", "invalid UTF-8 sequences")+
				": Node's dotenv reads each as U+FFFD, godotenv keeps the raw bytes in quoted values",
			p.firstBad[0], p.firstBad[1], nil)
	}
}

func (p *parser) nodeChecks(qi map[int]*quoteIssue, taq map[int]*textAfterQuote) {
	t := p.ntext
	s := &nodeScanner{t: t}
	for i := range p.nodes {
		n := &p.nodes[i]
		key := t[n.m.keyStart:n.m.keyEnd]
		// '#' cutting an unquoted value
		if p.isCut(n) {
			d := "Node's dotenv reads '#' as the start of a comment: the value is silently cut to " +
				plural(chars(n.m.value), "character", "characters")
			if e := n.entry; e >= 0 && p.f.Entries[e].GoOK && p.f.Entries[e].Go != n.m.value {
				d += ", while godotenv reads " + plural(chars(p.f.Entries[e].Go), "character", "characters")
			}
			p.add(KindHashInUnquotedValue, key, DialectNode, d+"; quote the value to keep it whole", n.hash, n.hash+1, nil)
			p.explain(n.entry)
		}
		// spaces around '='
		if !n.m.colon {
			a, z := -1, -1
			if n.m.keyEnd < n.m.sep {
				a, z = n.m.keyEnd, n.m.sep
			}
			j := n.m.sep + 1
			for j < len(t) && s.wsLen(j) > 0 && ltLen(t, j) == 0 {
				j += s.wsLen(j)
			}
			if j > n.m.sep+1 && j < len(t) && t[j] != '#' && ltLen(t, j) == 0 {
				if a < 0 {
					a = n.m.sep + 1
				}
				z = j
			}
			if a >= 0 {
				p.add(KindSpaceAroundEquals, key, DialectBoth,
					"spaces around '=': both dotenv dialects drop them, but shells, docker --env-file and other env-file readers keep or reject them",
					p.no(a), p.no(z), nil)
			}
		}
		// a quote that Node's dotenv does not read as a quote
		if n.m.openQuote < 0 || n.m.quoted {
			continue
		}
		q := n.m.openQuote
		qc := t[q]
		le := lineEnd(t, q)
		f := -1
		for k := q + 1; k < le; k++ {
			if t[k] == qc && t[k-1] != '\\' {
				f = k
				break
			}
		}
		if f >= 0 {
			m, _ := s.skipWS(f + 1)
			pos := p.no(m)
			_, b := p.li.lineBounds(p.src, p.li.lineOf(pos))
			x := taq[pos]
			if x == nil {
				x = &textAfterQuote{pos: pos, end: lastNonSpace(p.src, pos, b), open: n.openQuote, key: key, entry: n.entry}
				taq[pos] = x
			}
			x.node = true
			p.explain(n.entry)
			continue
		}
		issue := p.issue(qi, n.openQuote, qc, key, n.entry)
		issue.node = true
		if last := t[n.m.valEnd-1]; n.m.valEnd-n.m.valStart >= 2 && quoteSlot(last) >= 0 && last != qc {
			issue.nodeClose = p.no(n.m.valEnd - 1)
		}
		p.explain(n.entry)
	}
}

func (p *parser) issue(qi map[int]*quoteIssue, open int, qc byte, key string, entry int) *quoteIssue {
	x := qi[open]
	if x == nil {
		x = &quoteIssue{open: open, quote: qc, key: key, entry: entry, nodeClose: -1, goQuotedTo: -1}
		qi[open] = x
	}
	if x.entry < 0 {
		x.entry = entry
	}
	if x.key == "" {
		x.key = key
	}
	return x
}

func (p *parser) goChecks(qi map[int]*quoteIssue, taq map[int]*textAfterQuote) {
	src := p.gsrc
	for i := range p.gos {
		g := &p.gos[i]
		if g.expand >= 0 {
			dialect := DialectGo
			d := "godotenv replaces '$' followed by a variable name with the value of an earlier variable of this file (with nothing when there is none)"
			if e := g.entry; e >= 0 && p.nodeOf[e] >= 0 {
				dialect = DialectBoth
				d += "; Node's dotenv keeps the text as written"
				if en := p.f.Entries[e]; en.NodeOK && en.GoOK && en.Node != en.Go {
					d += " (Node's dotenv reads " + plural(chars(en.Node), "character", "characters") +
						", godotenv " + strconv.Itoa(chars(en.Go)) + ")"
				}
			}
			p.add(KindExpansion, g.s.key, dialect, d, g.expand, g.expEnd, nil)
			p.explain(g.entry)
		}
		if g.s.quote == 0 {
			continue
		}
		// a quote Node's dotenv left unclosed, which godotenv closes
		if x := qi[g.valStart]; x != nil {
			x.goQuotedTo = g.valEnd - 1
		}
		c := g.s.valEnd
		k := bytes.IndexFunc(src[c:], func(r rune) bool { return !unicode.IsSpace(r) })
		if k < 0 || bytes.IndexByte(src[c:c+k], '\n') >= 0 || src[c+k] == '#' {
			continue
		}
		pos := p.gorig(c + k)
		_, b := p.li.lineBounds(p.src, p.li.lineOf(pos))
		x := taq[pos]
		if x == nil {
			x = &textAfterQuote{pos: pos, end: lastNonSpace(p.src, pos, b), open: g.valStart, key: g.s.key, entry: g.entry}
			taq[pos] = x
		}
		x.gor = true
		x.openedLine = p.li.pos(g.valStart).Line
		p.explain(g.entry)
	}
	// Backtick values godotenv reads literally.
	for i := range p.gos {
		g := &p.gos[i]
		if g.s.quote == 0 && g.valStart < g.valEnd {
			if x := qi[g.valStart]; x != nil {
				x.goLiteral = true
			}
		}
	}
}

// goRejection turns godotenv's rejection of the file into an anomaly at the
// place where it happens.
func (p *parser) goRejection(qi map[int]*quoteIssue, taq map[int]*textAfterQuote, reported map[int]bool) {
	if p.goErr == goErrNone || p.gp.err != p.goErr {
		return
	}
	ep := p.gorig(p.gp.errPos)
	es := p.gorig(p.gp.errStart)
	switch p.gp.err {
	case goErrUnterminated:
		x := p.issue(qi, ep, p.src[ep], p.gp.errKey, -1)
		x.goUnterm = true
		for i := range p.nodes {
			if p.nodes[i].valStart == ep && p.nodes[i].m.quoted {
				x.nodeQuoted = true
				x.entry = p.nodes[i].entry
			}
		}
	case goErrUnexpectedChar:
		if p.f.BOM && p.gp.errStart == 0 {
			return
		}
		if x := taq[es]; x != nil && x.gor {
			x.goRejects = true
			return
		}
		what := "it does not allow " + describeChar(p.gp.errChar) + " in a variable name"
		if p.gp.errChar == '\n' {
			what = "it reads a variable name and finds no '=' or ':' before the end of the line"
		}
		line := p.li.lineOf(ep)
		for i := range p.nodes {
			n := &p.nodes[i]
			if p.li.lineOf(n.keyStart) == line {
				p.add(KindKeyRejectedByGo, p.ntext[n.m.keyStart:n.m.keyEnd], DialectGo,
					"godotenv rejects the whole file: "+what, ep, ep+1, nil)
				return
			}
		}
		if n := p.nodeAt(es); n != nil && n.valEnd > es {
			p.add(KindKeyRejectedByGo, "", DialectGo,
				"godotenv rejects the whole file: it reads this line as a new entry (Node's dotenv reads it as part of the value that starts on line "+
					p.lineNo(n.valStart)+") and "+what, ep, ep+1, nil)
			return
		}
		p.notUnderstoodLine(line, "neither dialect reads this line: Node's dotenv ignores it and godotenv rejects the whole file ("+what+")", reported)
	case goErrZeroLength:
		p.notUnderstoodLine(p.li.lineOf(es), "'export' without a name: Node's dotenv ignores it and godotenv rejects the whole file", reported)
	}
}

// nodeAt returns the last Node match that starts at or before off.
func (p *parser) nodeAt(off int) *nrec {
	i := sort.Search(len(p.nodes), func(i int) bool { return p.nodes[i].keyStart > off }) - 1
	if i < 0 {
		return nil
	}
	return &p.nodes[i]
}

// goAt returns the last godotenv statement that starts at or before off.
func (p *parser) goAt(off int) *grec {
	i := sort.Search(len(p.gos), func(i int) bool { return p.gos[i].start > off }) - 1
	if i < 0 {
		return nil
	}
	return &p.gos[i]
}

func (p *parser) notUnderstoodLine(line int, detail string, reported map[int]bool) {
	if reported[line] {
		return
	}
	reported[line] = true
	a, b := p.li.lineBounds(p.src, line)
	s := firstNonSpace(p.src, a, b)
	e := lastNonSpace(p.src, s, b)
	if s >= e { // nothing visible: point at the line start
		s, e = a, b
	}
	p.add(KindLineNotUnderstood, "", DialectBoth, detail, s, e, nil)
}

// interval is the original extent of an entry, from its key to the end of
// its value.
type interval struct{ a, b int }

func sortedKeys[T any](m map[int]T) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

func (p *parser) emitQuoteIssues(qi map[int]*quoteIssue) {
	for _, k := range sortedKeys(qi) {
		x := qi[k]
		if !x.node && !x.goUnterm {
			continue
		}
		span := [2]int{x.open, x.open + 1}
		if !x.node {
			d := "godotenv finds no closing quote for the quote opened here and rejects the whole file"
			if x.nodeQuoted {
				d += " (a quote after a backslash does not close it for godotenv); Node's dotenv reads a quoted value"
			}
			p.add(KindUnterminatedQuote, x.key, DialectGo, d, span[0], span[1], nil)
			p.explain(x.entry)
			continue
		}
		goPart, dialect := "", DialectNode
		switch {
		case x.goUnterm:
			goPart, dialect = "godotenv rejects the whole file", DialectBoth
		case x.goQuotedTo >= 0:
			goPart, dialect = "godotenv reads a quoted value up to the matching quote on line "+p.lineNo(x.goQuotedTo), DialectBoth
		case x.goLiteral:
			goPart, dialect = "godotenv keeps it too", DialectBoth
		}
		kind := KindUnterminatedQuote
		d := "the quote opened here is never closed: Node's dotenv keeps the quote character as part of the value"
		var related *[2]int
		if x.nodeClose >= 0 {
			kind = KindMismatchedQuote
			d = "the value opens with " + quoteName(x.quote) + " and ends with " + quoteName(p.src[x.nodeClose]) +
				": Node's dotenv keeps both quote characters as part of the value"
			related = &[2]int{x.nodeClose, x.nodeClose + 1}
		}
		if goPart != "" {
			d += "; " + goPart
		}
		p.add(kind, x.key, dialect, d, span[0], span[1], related)
	}
}

func (p *parser) emitTextAfterQuote(taq map[int]*textAfterQuote) {
	for _, k := range sortedKeys(taq) {
		x := taq[k]
		var parts []string
		dialect := DialectNode
		if x.node {
			parts = append(parts, "Node's dotenv reads the whole line as the value, quotes included")
		}
		if x.gor {
			g := "godotenv reads the text after the quote as a new entry"
			if x.goRejects {
				g += " and rejects the whole file"
			}
			if x.openedLine != p.li.pos(x.pos).Line {
				g += " (the quoted value opened on line " + strconv.Itoa(x.openedLine) + ")"
			}
			parts = append(parts, g)
			dialect = DialectGo
			if x.node {
				dialect = DialectBoth
			}
		}
		p.add(KindTextAfterQuote, x.key, dialect, "text follows the closing quote: "+strings.Join(parts, "; "),
			x.pos, x.end, &[2]int{x.open, x.open + 1})
	}
}

// dropped reports keys one dialect reads and the other does not.
func (p *parser) dropped() {
	for i := range p.nodes {
		n := &p.nodes[i]
		if p.ntext[n.m.keyStart:n.m.keyEnd] == "__proto__" {
			p.add(KindKeyDropped, "__proto__", DialectNode,
				"Node's dotenv cannot store a variable named __proto__: it ignores this entry", n.keyStart, n.keyEnd, nil)
			p.explain(n.entry)
		}
	}
	for i := range p.gos {
		g := &p.gos[i]
		if g.s.key == "" || g.entry >= 0 && p.nodeOf[g.entry] >= 0 {
			continue
		}
		var d string
		n := p.nodeAt(g.keyStart)
		switch {
		case n != nil && n.valEnd > g.keyStart:
			d = "Node's dotenv reads this line as part of the value that starts on line " + p.lineNo(n.valStart)
		case strings.ContainsFunc(g.s.key, unicode.IsSpace):
			d = "Node's dotenv ignores this line: a name containing a space is not a key for it"
		case g.sep >= 0 && p.src[g.sep] == ':' && (g.sep+1 >= len(p.src) || spaceLen(p.src[g.sep+1:]) == 0):
			d = "Node's dotenv ignores 'NAME:value' unless a space follows the ':'"
		case strings.ContainsFunc(g.s.key, func(r rune) bool { return r >= utf8.RuneSelf || !isKeyChar(byte(r)) }):
			d = "Node's dotenv ignores this line: the name has characters other than ASCII letters, digits, '_', '.' and '-'"
		default:
			d = "Node's dotenv ignores this line"
		}
		p.add(KindKeyDropped, g.s.key, DialectNode, d, g.keyStart, g.keyEnd, nil)
		p.explain(g.entry)
	}
	if p.goErr != goErrNone {
		return
	}
	for e := range p.f.Entries {
		ni := p.nodeOf[e]
		if ni < 0 || p.goOf[e] >= 0 {
			continue
		}
		n := &p.nodes[ni]
		d := "godotenv does not read this entry"
		if g := p.goAt(n.keyStart); g != nil && g.valEnd > n.keyStart {
			d = "godotenv reads this line as part of the value that starts on line " + p.lineNo(g.valStart)
		}
		p.add(KindKeyDropped, p.f.Entries[e].Key, DialectGo, d, n.keyStart, n.keyEnd, nil)
		p.explain(e)
	}
}

func (p *parser) keySpanOrig(e int) [2]int {
	if ni := p.nodeOf[e]; ni >= 0 {
		return [2]int{p.nodes[ni].keyStart, p.nodes[ni].keyEnd}
	}
	g := &p.gos[p.goOf[e]]
	return [2]int{g.keyStart, g.keyEnd}
}

func (p *parser) duplicates() {
	// first maps a key to its first entry read by Node and by Go (-1 for
	// none yet): one map operation per entry instead of one per dialect.
	firsts := p.first
	for e, en := range p.f.Entries {
		if !en.NodeOK && !en.GoOK {
			continue
		}
		f, ok := firsts[en.Key]
		if !ok {
			f = [2]int{-1, -1}
		}
		changed := false
		fn, inNode := -1, false
		if en.NodeOK {
			if f[0] >= 0 {
				fn, inNode = f[0], true
			} else {
				f[0], changed = e, true
			}
		}
		fg, inGo := -1, false
		if en.GoOK {
			if f[1] >= 0 {
				fg, inGo = f[1], true
			} else {
				f[1], changed = e, true
			}
		}
		if changed {
			firsts[en.Key] = f
		}
		if !inNode && !inGo {
			continue
		}
		dialect, first := DialectBoth, fn
		switch {
		case !inGo:
			dialect = DialectNode
		case !inNode:
			dialect, first = DialectGo, fg
		}
		same := "a different value"
		if inNode && en.Node == p.f.Entries[fn].Node || !inNode && en.Go == p.f.Entries[fg].Go {
			same = "the same value"
		}
		ks := p.keySpanOrig(e)
		rel := p.keySpanOrig(first)
		p.add(KindDuplicateKey, en.Key, dialect,
			"this key is already defined on line "+p.lineNo(rel[0])+": the later definition ("+same+") wins",
			ks[0], ks[1], &rel)
	}
}

func (p *parser) differ() {
	for e, en := range p.f.Entries {
		if !en.NodeOK || !en.GoOK || en.Node == en.Go || p.explained[e] {
			continue
		}
		nn, gn := chars(en.Node), chars(en.Go)
		var d string
		if nn != gn {
			d = "Node's dotenv reads " + plural(nn, "character", "characters") + ", godotenv reads " + strconv.Itoa(gn)
		} else {
			d = "both dialects read " + plural(nn, "character", "characters") + " but different ones"
		}
		n := &p.nodes[p.nodeOf[e]]
		raw := p.ntext[n.m.valStart:n.m.valEnd]
		switch {
		case en.Quote == '`':
			d += ": godotenv does not treat backticks as quotes"
		case en.Quote == '"' && strings.IndexByte(raw, '\\') >= 0:
			d += ": godotenv decodes backslash escapes in double quotes, Node's dotenv only \\n and \\r"
		case strings.IndexByte(en.Go, '#') >= 0:
			d += ": the dialects end a value at '#' differently"
		case strings.ContainsRune(en.Node, utf8.RuneError) || !utf8.ValidString(en.Go):
			d += ": the value holds invalid UTF-8"
		}
		p.add(KindDialectsDiffer, en.Key, DialectBoth, d, n.valStart, n.valEnd, nil)
	}
}

// notUnderstood reports non-blank, non-comment lines no dialect reads an
// entry from.
func (p *parser) notUnderstood(reported map[int]bool) {
	ivs := p.ivs
	for i := range p.nodes {
		n := &p.nodes[i]
		ivs = append(ivs, interval{n.keyStart, max(n.keyEnd, n.valEnd)})
	}
	var emptyKey map[int]bool // lines where godotenv reads a value with an empty name
	for i := range p.gos {
		g := &p.gos[i]
		if g.s.key != "" {
			ivs = append(ivs, interval{g.keyStart, max(g.keyEnd, g.valEnd)})
		} else {
			if emptyKey == nil {
				emptyKey = map[int]bool{}
			}
			emptyKey[p.li.lineOf(g.start)] = true
		}
	}
	p.ivs = ivs
	// Only the largest end among the intervals starting before a line's
	// end matters, so the order of equal starts does not.
	slices.SortFunc(ivs, func(x, y interval) int { return cmp.Compare(x.a, y.a) })
	k, maxEnd := 0, -1
	for l := range p.li.starts {
		a, b := p.li.lineBounds(p.src, l)
		s := firstNonSpace(p.src, a, b)
		if s >= b || p.src[s] == '#' {
			continue
		}
		e := lastNonSpace(p.src, s, b)
		for k < len(ivs) && ivs[k].a < e {
			maxEnd = max(maxEnd, ivs[k].b)
			k++
		}
		if maxEnd > s {
			continue
		}
		d := "neither dialect reads an entry from this line"
		if emptyKey[l] {
			d = "no '=' on this line: Node's dotenv ignores it, godotenv reads it as a value with an empty name"
		}
		p.notUnderstoodLine(l, d, reported)
	}
}
