// Package dotenv reads env files position-exactly and decodes their values
// the way the two dialects remolint cares about do:
//
//   - Node: the `dotenv` npm package, version 17 (the Remotion CLI, Next.js,
//     most Node programs). Reproduced by a linear-time scanner that agrees
//     with dotenv's regular expression (see node.go).
//   - Go: github.com/joho/godotenv v1.5.1, which is called directly for the
//     final map; a position-keeping mirror of its parser (godialect.go)
//     attributes each value to its line.
//
// Parse never fails: any byte sequence yields a File, with everything odd
// reported as an Anomaly. No Detail, GoErr or other message of this package
// contains text of a value; Entry values and Comment texts do, and callers
// must treat them as secret.
package dotenv

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/remolint/remolint/internal/facts"
)

// Pos is a position in the original input: 1-based line and 1-based byte
// column. Lines end at "\n", "\r\n" or a lone "\r".
type Pos struct{ Line, Col int }

// Span is a range of the original input; End is exclusive.
type Span struct{ Start, End Pos }

// String formats the position as "L:C".
func (p Pos) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) }

// String formats the span as "L:C-L:C".
func (s Span) String() string { return s.Start.String() + "-" + s.End.String() }

// Location converts the span into a fact-document location in the file at
// path (relative, slash-separated).
func (s Span) Location(path string) facts.Location {
	return facts.Location{Path: path, Line: s.Start.Line, Column: s.Start.Col, EndLine: s.End.Line, EndColumn: s.End.Col}
}

// Entry is one variable definition, in file order. Duplicates are kept, and
// so are definitions only one dialect reads.
type Entry struct {
	Key     string
	KeySpan Span
	// ValueSpan is the value text as written, quotes included (as Node's
	// dotenv delimits it, or godotenv when Node does not read the entry). An
	// empty value has an empty span where the value would start.
	ValueSpan Span
	// Quote is the quote character the value is read with: 0, '\'', '"' or '`'.
	Quote  byte
	Export bool
	// Node is the value as Node's dotenv 17 decodes it; NodeOK is false when
	// Node's dotenv does not read this entry (it ignores the line, reads it as
	// part of another value, or cannot store the key).
	Node   string
	NodeOK bool
	// Go is the value as godotenv decodes it; GoOK is false when godotenv does
	// not read this entry or rejects the file (Go is then "").
	Go   string
	GoOK bool
}

// Comment is a full-line comment or a comment after a value, as Node's
// dotenv delimits them. Text starts at '#' and runs to the end of the line.
// A '#' that cuts an unquoted value is not a comment (see
// KindHashInUnquotedValue); Text is still file content, so never print it.
type Comment struct {
	Text     string
	Span     Span
	Trailing bool // after an entry on the same line
}

// Anomaly is a line that a dialect reads differently from how it looks.
type Anomaly struct {
	Kind    string // one of the Kind* constants
	Key     string // the entry's key, when the anomaly belongs to one
	Dialect string // DialectNode, DialectGo or DialectBoth
	Detail  string // short explanation of the consequence; never holds value text
	Span    Span
	Related *Span // the other place involved, e.g. the first definition
}

// Anomaly kinds: stable identifiers.
const (
	KindHashInUnquotedValue = "hash-in-unquoted-value"
	KindSpaceAroundEquals   = "space-around-equals"
	KindUnterminatedQuote   = "unterminated-quote"
	KindMismatchedQuote     = "mismatched-quote"
	KindTextAfterQuote      = "text-after-quote"
	KindKeyDropped          = "key-dropped"
	KindKeyRejectedByGo     = "key-rejected-by-go"
	KindExpansion           = "expansion"
	KindBOM                 = "bom"
	KindDuplicateKey        = "duplicate-key"
	KindDialectsDiffer      = "dialects-differ"
	KindLineNotUnderstood   = "line-not-understood"
	KindInvalidUTF8         = "invalid-utf8"
	KindNULByte             = "nul-byte"
)

// MaxAnomaliesPerKind caps the anomalies of one kind recorded for a file, so
// that a binary or garbage file yields a bounded report.
const MaxAnomaliesPerKind = 1000

// Dialects an anomaly affects.
const (
	DialectNode = "node"
	DialectGo   = "go"
	DialectBoth = "both"
)

// File is everything Parse learned about one env file.
type File struct {
	Entries  []Entry
	Comments []Comment
	// Anomalies are sorted by position, then kind; at most
	// MaxAnomaliesPerKind of each kind are kept (the first ones found, which
	// for most kinds are the first in the file).
	Anomalies []Anomaly
	// Dropped counts anomalies left out beyond MaxAnomaliesPerKind.
	Dropped int
	// Go is godotenv's result, nil when godotenv rejects the file. It may
	// hold an empty key (godotenv reads a line without '=' as a value with an
	// empty name); Entries leave such definitions out.
	Go map[string]string
	// GoErr is a fixed, secret-free reason when godotenv rejects the file,
	// prefixed with the line when known ("line 3: unterminated quoted value").
	GoErr string
	// BOM is true when the input starts with a UTF-8 byte-order mark.
	BOM bool
}

// Node returns the map Node's dotenv 17 produces: every entry it reads, the
// last definition of a key winning.
func (f *File) Node() map[string]string {
	m := make(map[string]string, len(f.Entries))
	for _, e := range f.Entries {
		if e.NodeOK {
			m[e.Key] = e.Node
		}
	}
	return m
}

// Parse reads an env file. It never fails and runs in time linear in the
// input.
func Parse(src []byte) *File { return parse(src, true) }

// parse reads an env file; fast allows parseGoSimple to stand in for
// parseGoMirror and godotenv (tests turn it off to compare both paths).
func parse(src []byte, fast bool) *File {
	p := parsers.Get().(*parser)
	p.reset(src)
	p.run(fast)
	f := p.f
	p.release()
	return f
}

// parsers recycles parsers and their working slices and maps: most env files
// are small, and allocating these afresh for each one cost more than
// reading it.
var parsers = sync.Pool{New: func() any { return new(parser) }}

// maxPooledInput bounds the inputs (in bytes) whose parser goes back to the
// pool, so that one huge file does not pin its working memory: every
// working slice (lines, matches, quote positions) is at most about as long
// as the input.
const maxPooledInput = 64 << 10

// nrec is a Node match in original offsets.
type nrec struct {
	m                nodeMatch // normalised offsets
	keyStart, keyEnd int
	valStart, valEnd int
	openQuote, hash  int
	comment          [2]int
	entry            int
}

// grec is a godotenv statement in original offsets.
type grec struct {
	s                goStmt // normalised offsets
	start            int
	keyStart, keyEnd int
	sep              int
	valStart, valEnd int
	hash             int
	expand, expEnd   int
	entry            int
}

type parser struct {
	src   []byte
	li    lineIndex
	ntext string
	nmap  offsetMap
	gsrc  []byte
	gmap  offsetMap
	nodes []nrec
	gos   []grec
	gp    goParse
	goErr int
	f     *File

	invalid  int
	firstBad [2]int

	nodeOf    []int  // entry -> index in nodes, -1
	goOf      []int  // entry -> index in gos, -1
	explained []bool // entry has a specific anomaly
	anoms     []anom
	kindCount map[string]int
	// verbatim is true when the Node text is the input byte for byte, so
	// that its substrings can stand for copies of the input's bytes.
	verbatim bool
	ns       nodeScanner

	// Working sets of anomalies(), kept for the next file.
	qi       map[int]*quoteIssue
	taq      map[int]*textAfterQuote
	reported map[int]bool      // lines with a line-not-understood anomaly
	first    map[string][2]int // duplicates(): a key's first entry per dialect
	ivs      []interval
	cms      []commentSpan
}

type anom struct {
	a     Anomaly
	start int
}

// reset prepares a parser (new or pooled) for src, keeping the memory of
// its working slices and maps.
func (p *parser) reset(src []byte) {
	if p.kindCount == nil {
		p.kindCount, p.reported = map[string]int{}, map[int]bool{}
		p.qi, p.taq = map[int]*quoteIssue{}, map[int]*textAfterQuote{}
		p.first = map[string][2]int{}
	}
	*p = parser{
		src: src, f: &File{},
		li:    lineIndex{starts: p.li.starts[:0]},
		nodes: p.nodes[:0], gos: p.gos[:0], gp: goParse{stmts: p.gp.stmts[:0]},
		nodeOf: p.nodeOf[:0], goOf: p.goOf[:0], explained: p.explained[:0], anoms: p.anoms[:0],
		kindCount: p.kindCount, qi: p.qi, taq: p.taq, reported: p.reported,
		first: p.first, ivs: p.ivs[:0], cms: p.cms[:0], ns: p.ns,
	}
	p.li = newLineIndex(src, p.li.starts)
	p.ntext, p.nmap, p.invalid, p.firstBad = normalizeNode(src)
	p.gsrc, p.gmap = normalizeGo(src)
	p.verbatim = p.invalid == 0 && bytes.IndexByte(src, '\r') < 0
}

// release returns the parser to the pool, dropping every reference to the
// input and its values first.
func (p *parser) release() {
	if len(p.src) > maxPooledInput {
		return
	}
	clear(p.nodes)
	clear(p.gos)
	clear(p.gp.stmts)
	clear(p.anoms)
	clear(p.kindCount)
	clear(p.qi)
	clear(p.taq)
	clear(p.reported)
	clear(p.first)
	p.src, p.gsrc, p.ntext, p.f, p.gp.vars = nil, nil, "", nil, nil
	p.ns.reuse("")
	parsers.Put(p)
}

func (p *parser) no(off int) int {
	if off < 0 {
		return off
	}
	return p.nmap.orig(off)
}

func (p *parser) gorig(off int) int {
	if off < 0 {
		return off
	}
	return p.gmap.orig(off)
}

func (p *parser) run(fast bool) {
	// At most one Node match starts on a line; godotenv rarely reads more.
	lines := len(p.li.starts)
	p.nodes = slices.Grow(p.nodes, lines)
	p.ns.reuse(p.ntext)
	p.ns.scanNode(func(m nodeMatch) {
		r := nrec{m: m, entry: -1}
		r.keyStart, r.keyEnd = p.no(m.keyStart), p.no(m.keyEnd)
		r.valStart, r.valEnd = p.no(m.valStart), p.no(m.valEnd)
		r.openQuote, r.hash = p.no(m.openQuote), p.no(m.hash)
		r.comment = [2]int{p.no(m.comment[0]), p.no(m.comment[1])}
		p.nodes = append(p.nodes, r)
	})
	simple := false
	if fast {
		p.gp, simple = parseGoSimple(p.src, p.ntext, p.gp.stmts)
	}
	if simple {
		// godotenv reads the file as parseGoSimple does: its map is the
		// statements' (nothing else holds or changes gp.vars).
		p.f.Go, p.goErr = p.gp.vars, goErrNone
	} else {
		p.gp = parseGoMirror(p.gsrc, lines)
		p.f.Go, p.goErr = runGodotenv(p.src)
	}
	p.gos = slices.Grow(p.gos, len(p.gp.stmts))
	for _, s := range p.gp.stmts {
		r := grec{s: s, entry: -1}
		r.start = p.gorig(s.start)
		r.keyStart, r.keyEnd = p.gorig(s.keyStart), p.gorig(s.keyEnd)
		r.sep = p.gorig(s.sep)
		r.valStart, r.valEnd = p.gorig(s.valStart), p.gorig(s.valEnd)
		r.hash = p.gorig(s.hash)
		r.expand, r.expEnd = p.gorig(s.expand), p.gorig(s.expandEnd)
		p.gos = append(p.gos, r)
	}
	if p.goErr != goErrNone {
		reason := goReason(p.goErr)
		if p.gp.err == p.goErr && p.gp.errPos >= 0 {
			p.f.GoErr = "line " + strconv.Itoa(p.li.pos(p.gorig(p.gp.errPos)).Line) + ": " + reason
		} else {
			p.f.GoErr = reason
		}
	}
	p.f.BOM = len(p.src) >= 3 && p.src[0] == 0xEF && p.src[1] == 0xBB && p.src[2] == 0xBF
	p.merge()
	p.comments()
	p.anomalies()
	slices.SortStableFunc(p.anoms, func(a, b anom) int {
		return cmp.Or(cmp.Compare(a.start, b.start), strings.Compare(a.a.Kind, b.a.Kind), strings.Compare(a.a.Dialect, b.a.Dialect))
	})
	p.f.Anomalies = make([]Anomaly, len(p.anoms))
	for i, a := range p.anoms {
		p.f.Anomalies[i] = a.a
	}
}

// merge pairs Node matches and godotenv statements that define the same key
// at the same place and builds the entries.
func (p *parser) merge() {
	goAccepts := p.goErr == goErrNone
	n := max(len(p.nodes), len(p.gos))
	p.f.Entries = make([]Entry, 0, n)
	p.nodeOf, p.goOf = slices.Grow(p.nodeOf, n), slices.Grow(p.goOf, n)
	i, j := 0, 0
	for {
		for j < len(p.gos) && p.gos[j].s.key == "" {
			j++ // a godotenv statement with an empty key is no entry
		}
		if i >= len(p.nodes) && j >= len(p.gos) {
			break
		}
		ni, gi := -1, -1
		switch {
		case j >= len(p.gos):
			ni, i = i, i+1
		case i >= len(p.nodes) || p.gos[j].keyStart < p.nodes[i].keyStart:
			gi, j = j, j+1
		case p.nodes[i].keyStart < p.gos[j].keyStart:
			ni, i = i, i+1
		case p.ntext[p.nodes[i].m.keyStart:p.nodes[i].m.keyEnd] == p.gos[j].s.key:
			ni, gi, i, j = i, j, i+1, j+1
		default:
			ni, i = i, i+1
		}
		if ni < 0 && !goAccepts {
			continue // godotenv rejects the file: nobody reads this entry
		}
		idx := len(p.f.Entries)
		var e Entry
		if ni >= 0 {
			n := &p.nodes[ni]
			n.entry = idx
			e.Key = p.ntext[n.m.keyStart:n.m.keyEnd]
			e.KeySpan = p.li.span(n.keyStart, n.keyEnd)
			e.ValueSpan = p.li.span(n.valStart, n.valEnd)
			if n.m.quoted {
				e.Quote = n.m.quote
			}
			e.Export = n.m.export
			e.NodeOK = e.Key != "__proto__"
			if e.NodeOK {
				e.Node = n.m.value
			}
		}
		if gi >= 0 {
			g := &p.gos[gi]
			g.entry = idx
			if ni < 0 {
				e.Key = g.s.key
				e.KeySpan = p.li.span(g.keyStart, g.keyEnd)
				e.ValueSpan = p.li.span(g.valStart, g.valEnd)
				e.Quote = g.s.quote
				e.Export = g.s.export
			}
			if goAccepts {
				e.Go, e.GoOK = g.s.value, true
			}
		}
		p.f.Entries = append(p.f.Entries, e)
		p.nodeOf = append(p.nodeOf, ni)
		p.goOf = append(p.goOf, gi)
	}
	p.explained = slices.Grow(p.explained, len(p.f.Entries))[:len(p.f.Entries)]
	clear(p.explained)
}

// comments collects full-line comments and comments after a value, as
// Node's dotenv delimits them.
func (p *parser) comments() {
	out := p.cms
	// Node's value spans, in order, to skip '#' lines inside quoted values.
	k := 0
	for l := range p.li.starts {
		a, b := p.li.lineBounds(p.src, l)
		c := firstNonSpace(p.src, a, b)
		if c >= b || p.src[c] != '#' {
			continue
		}
		for k < len(p.nodes) && p.nodes[k].valEnd <= c {
			k++
		}
		if k < len(p.nodes) && p.nodes[k].valStart <= c {
			continue
		}
		out = append(out, commentSpan{start: c, end: b})
	}
	for i := range p.nodes {
		n := &p.nodes[i]
		if n.comment[0] < 0 || p.li.lineOf(n.comment[0]) != p.li.lineOf(n.valEnd) || p.isCut(n) {
			continue
		}
		a, _ := p.li.lineBounds(p.src, p.li.lineOf(n.comment[0]))
		if firstNonSpace(p.src, a, n.comment[0]) < n.comment[0] {
			out = append(out, commentSpan{start: n.comment[0], end: n.comment[1], trailing: true})
		}
	}
	p.cms = out
	// Starts are distinct (a full-line comment has only spaces before it, a
	// trailing one an entry), so any sort gives the same order.
	slices.SortFunc(out, func(a, b commentSpan) int { return cmp.Compare(a.start, b.start) })
	if len(out) > 0 {
		p.f.Comments = make([]Comment, 0, len(out))
	}
	for _, c := range out {
		var text string
		if p.verbatim {
			text = p.ntext[c.start:c.end] // no copy: the text already is one
		} else {
			text = string(p.src[c.start:c.end])
		}
		p.f.Comments = append(p.f.Comments, Comment{
			Text:     text,
			Span:     p.li.span(c.start, c.end),
			Trailing: c.trailing,
		})
	}
}

// commentSpan is a comment found by comments(), in original offsets.
type commentSpan struct {
	start, end int
	trailing   bool
}

// firstNonSpace returns the first offset in src[a:b] that is not a space
// character (ASCII or Unicode), or b.
func firstNonSpace(src []byte, a, b int) int {
	for a < b {
		n := spaceLen(src[a:b])
		if n == 0 {
			return a
		}
		a += n
	}
	return b
}

// lastNonSpace returns the end of the last non-space character in src[a:b],
// or a.
func lastNonSpace(src []byte, a, b int) int {
	for b > a {
		n := lastSpaceLen(src[a:b])
		if n == 0 {
			return b
		}
		b -= n
	}
	return a
}
