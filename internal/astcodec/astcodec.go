// Package astcodec writes compiled Rego modules (OPA's AST) to bytes and
// reads them back, much faster than parsing and compiling their source: the
// built-in policies are compiled once, when they change, and a run of
// remolint only builds the indices the evaluator needs (see package policy).
//
// The encoding holds everything of a module that compiling and evaluating
// it read: package, imports, rules with heads, bodies and else branches,
// expressions with their terms, `with` modifiers, `some` and `every`, and
// every location (file, row, column, offset and text). It drops what only
// the parser and the formatter read (comments, annotations, which keywords a
// head was written with): a compiled module's metadata calls are constants
// already. A value of a kind it does not know (a node type of a later OPA)
// is an error when encoding, so the caller falls back to the source.
//
// A location's text is nearly always a slice of its file's source: it is
// encoded as a length, and Decode slices it from the source the caller
// passes, which keeps the encoding a fraction of the size.
//
// The format: a magic line, a table of strings (each once), then the
// modules. Integers are varints (signed for a location's row, column and
// offset); a string is its index in the table. Decode takes the encoding as a string and slices every name and
// constant from it, without copying.
package astcodec

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"
)

const magic = "remolint compiled rego v1\n"

// Node tags.
const (
	tNil = iota
	tNull
	tTrue
	tFalse
	tNumber
	tString
	tVar
	tRef
	tArray
	tObject
	tSet
	tArrayComp
	tSetComp
	tObjectComp
	tCall
	// Expression terms.
	tExprTerm
	tExprCall
	tSome
	tEvery
)

// ErrUnsupported is returned by Encode for a node it cannot write.
var ErrUnsupported = errors.New("astcodec: unsupported node")

// Module is a named module, in the order Encode received it.
type Module struct {
	Name   string
	Module *ast.Module
}

type encoder struct {
	buf     []byte
	strs    map[string]int
	table   []string
	locs    map[locKey]int
	sources map[string]string
}

type locKey struct {
	file                   string
	row, col, offset, text int
	literal                string
	tabs                   string
}

// Encode writes modules; sources maps a file name to its text, so that
// locations carry only the length of theirs.
func Encode(modules []Module, sources map[string]string) ([]byte, error) {
	e := &encoder{strs: map[string]int{}, locs: map[locKey]int{}, sources: sources}
	e.uint(len(modules))
	for _, m := range modules {
		e.str(m.Name)
		if err := e.module(m.Module); err != nil {
			return nil, fmt.Errorf("module %s: %w", m.Name, err)
		}
	}
	body := e.buf
	out := append([]byte(magic), binary.AppendUvarint(nil, uint64(len(e.table)))...)
	for _, s := range e.table {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, body...), nil
}

func (e *encoder) uint(n int) { e.buf = binary.AppendUvarint(e.buf, uint64(n)) }

// int writes a number that may be negative (a location's row, column or
// offset, which OPA never makes negative, but need not be trusted to).
func (e *encoder) int(n int) { e.buf = binary.AppendVarint(e.buf, int64(n)) }

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *encoder) str(s string) {
	i, ok := e.strs[s]
	if !ok {
		i = len(e.table)
		e.strs[s] = i
		e.table = append(e.table, s)
	}
	e.uint(i)
}

// count writes the length of a slice that may be nil: 0 for nil, n+1
// otherwise (a nil body and an empty one may mean different things).
func count[T any](e *encoder, xs []T) {
	if xs == nil {
		e.uint(0)
		return
	}
	e.uint(len(xs) + 1)
}

func (e *encoder) module(m *ast.Module) error {
	span := m.RegoVersionSpan()
	e.uint(int(span.Min()))
	e.uint(int(span.Max()))
	if m.Package == nil {
		return fmt.Errorf("%w: module without a package", ErrUnsupported)
	}
	if err := e.ref(m.Package.Path); err != nil {
		return err
	}
	e.loc(m.Package.Location)
	e.uint(len(m.Imports))
	for _, imp := range m.Imports {
		if err := e.term(imp.Path); err != nil {
			return err
		}
		e.str(string(imp.Alias))
		e.loc(imp.Location)
		e.loc(imp.AliasLocation)
	}
	e.uint(len(m.Rules))
	for _, r := range m.Rules {
		if err := e.rule(r); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) rule(r *ast.Rule) error {
	e.bool(r.Module != nil) // (an else branch may have none)
	e.bool(r.Default)
	e.loc(r.Location)
	h := r.Head
	if h == nil {
		return fmt.Errorf("%w: rule without a head", ErrUnsupported)
	}
	e.str(string(h.Name))
	if err := e.ref(h.Reference); err != nil {
		return err
	}
	count(e, h.Args)
	for _, a := range h.Args {
		if err := e.term(a); err != nil {
			return err
		}
	}
	if err := e.term(h.Key); err != nil {
		return err
	}
	if err := e.term(h.Value); err != nil {
		return err
	}
	e.bool(h.Assign)
	e.loc(h.Location)
	if err := e.body(r.Body); err != nil {
		return err
	}
	e.bool(r.Else != nil)
	if r.Else != nil {
		return e.rule(r.Else)
	}
	return nil
}

func (e *encoder) body(b ast.Body) error {
	count(e, b)
	for _, x := range b {
		if err := e.expr(x); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) expr(x *ast.Expr) error {
	e.uint(x.Index)
	e.bool(x.Generated)
	e.bool(x.Negated)
	e.loc(x.Location)
	count(e, x.With)
	for _, w := range x.With {
		if err := e.term(w.Target); err != nil {
			return err
		}
		if err := e.term(w.Value); err != nil {
			return err
		}
		e.loc(w.Location)
	}
	switch ts := x.Terms.(type) {
	case *ast.Term:
		e.uint(tExprTerm)
		return e.term(ts)
	case []*ast.Term:
		e.uint(tExprCall)
		return e.terms(ts)
	case *ast.SomeDecl:
		e.uint(tSome)
		e.loc(ts.Location)
		return e.terms(ts.Symbols)
	case *ast.Every:
		e.uint(tEvery)
		e.loc(ts.Location)
		for _, t := range []*ast.Term{ts.Key, ts.Value, ts.Domain} {
			if err := e.term(t); err != nil {
				return err
			}
		}
		return e.body(ts.Body)
	}
	return fmt.Errorf("%w: expression of type %T", ErrUnsupported, x.Terms)
}

func (e *encoder) terms(ts []*ast.Term) error {
	count(e, ts)
	for _, t := range ts {
		if err := e.term(t); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) ref(r ast.Ref) error { return e.terms(r) }

// elems writes an array's or a set's elements: their number, then each.
func (e *encoder) elems(ts []*ast.Term) error {
	e.uint(len(ts))
	for _, t := range ts {
		if err := e.term(t); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) term(t *ast.Term) error {
	if t == nil {
		e.uint(tNil)
		return nil
	}
	if err := e.value(t.Value); err != nil {
		return err
	}
	e.loc(t.Location)
	return nil
}

func (e *encoder) value(v ast.Value) error {
	switch v := v.(type) {
	case ast.Null:
		e.uint(tNull)
	case ast.Boolean:
		if v {
			e.uint(tTrue)
		} else {
			e.uint(tFalse)
		}
	case ast.Number:
		e.uint(tNumber)
		e.str(string(v))
	case ast.String:
		e.uint(tString)
		e.str(string(v))
	case ast.Var:
		e.uint(tVar)
		e.str(string(v))
	case ast.Ref:
		e.uint(tRef)
		return e.ref(v)
	case *ast.Array:
		e.uint(tArray)
		elems := make([]*ast.Term, v.Len())
		for i := range elems {
			elems[i] = v.Elem(i)
		}
		return e.elems(elems)
	case ast.Object:
		e.uint(tObject)
		keys := v.Keys()
		e.uint(len(keys))
		for _, k := range keys {
			if err := e.term(k); err != nil {
				return err
			}
			if err := e.term(v.Get(k)); err != nil {
				return err
			}
		}
	case ast.Set:
		e.uint(tSet)
		return e.elems(v.Slice())
	case *ast.ArrayComprehension:
		e.uint(tArrayComp)
		if err := e.term(v.Term); err != nil {
			return err
		}
		return e.body(v.Body)
	case *ast.SetComprehension:
		e.uint(tSetComp)
		if err := e.term(v.Term); err != nil {
			return err
		}
		return e.body(v.Body)
	case *ast.ObjectComprehension:
		e.uint(tObjectComp)
		if err := e.term(v.Key); err != nil {
			return err
		}
		if err := e.term(v.Value); err != nil {
			return err
		}
		return e.body(v.Body)
	case ast.Call:
		e.uint(tCall)
		return e.terms(v)
	default:
		return fmt.Errorf("%w: value of type %T", ErrUnsupported, v)
	}
	return nil
}

// loc writes a location as an index into the locations seen so far (0 for
// none), or a new one after the index they reached.
func (e *encoder) loc(l *ast.Location) {
	if l == nil {
		e.uint(0)
		return
	}
	k := locKey{file: l.File, row: l.Row, col: l.Col, offset: l.Offset, text: -1}
	if src, ok := e.sources[l.File]; ok && l.Text != nil && l.Offset >= 0 && l.Offset+len(l.Text) <= len(src) &&
		src[l.Offset:l.Offset+len(l.Text)] == string(l.Text) {
		k.text = len(l.Text)
	} else {
		k.literal = string(l.Text)
	}
	if l.Tabs != nil {
		tabs := binary.AppendUvarint(nil, uint64(len(l.Tabs)))
		for _, t := range l.Tabs {
			tabs = binary.AppendUvarint(tabs, uint64(t))
		}
		k.tabs = string(tabs)
	}
	if i, ok := e.locs[k]; ok {
		e.uint(i)
		return
	}
	e.locs[k] = len(e.locs) + 1
	e.uint(len(e.locs))
	e.str(k.file)
	e.int(k.row)
	e.int(k.col)
	e.int(k.offset)
	if k.text >= 0 {
		e.uint(k.text + 1)
	} else {
		e.uint(0)
		e.str(k.literal)
	}
	e.bool(l.Tabs != nil)
	if l.Tabs != nil {
		e.uint(len(l.Tabs))
		for _, t := range l.Tabs {
			e.uint(t)
		}
	}
}

// Decode reads modules that Encode wrote. sources must hold the texts
// Encode was given (the locations' texts are sliced from them). Corrupt
// input yields an error, never a panic.
func Decode(data string, sources map[string][]byte) (mods []Module, err error) {
	if len(data) < len(magic) || data[:len(magic)] != magic {
		return nil, errors.New("astcodec: not a compiled bundle")
	}
	d := &decoder{data: data, pos: len(magic), sources: sources}
	defer func() {
		if p := recover(); p != nil {
			mods, err = nil, fmt.Errorf("astcodec: corrupt input at byte %d: %v", d.pos, p)
		}
	}()
	d.table = make([]string, d.length())
	for i := range d.table {
		l := d.length()
		d.table[i] = d.data[d.pos : d.pos+l]
		d.pos += l
	}
	d.locs = []*ast.Location{nil}
	mods = make([]Module, d.length())
	for i := range mods {
		mods[i].Name = d.str()
		mods[i].Module = d.module()
	}
	if d.pos != len(d.data) {
		// (mods is set: the caller gets no modules with this error either)
		return nil, fmt.Errorf("astcodec: %d bytes left after the modules", len(d.data)-d.pos)
	}
	return mods, nil
}

type decoder struct {
	data    string
	pos     int
	table   []string
	locs    []*ast.Location
	sources map[string][]byte
	block   []ast.Term // the block new terms are taken from
}

// newTerm returns a term from the current block: a module holds tens of
// thousands, and one allocation per term was half of decoding.
func (d *decoder) newTerm() *ast.Term {
	if len(d.block) == 0 {
		d.block = make([]ast.Term, 1024)
	}
	t := &d.block[0]
	d.block = d.block[1:]
	return t
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); shift < 64; shift += 7 {
		c := d.data[d.pos] // past the end: a panic, which Decode recovers
		d.pos++
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	panic("bad integer")
}

func (d *decoder) uint() int {
	x := d.uvarint()
	if x > 1<<31 {
		panic("integer out of range")
	}
	return int(x)
}

// int reads what encoder.int wrote (zig-zag, as binary.AppendVarint).
func (d *decoder) int() int {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	if x > 1<<31 || x < -1<<31 {
		panic("integer out of range")
	}
	return int(x)
}

// length reads the length of a list whose every element takes a byte at
// least, so that corrupt input cannot ask for a huge allocation.
func (d *decoder) length() int {
	n := d.uint()
	if n > len(d.data)-d.pos {
		panic("length out of range")
	}
	return n
}

func (d *decoder) bool() bool { return d.uint() != 0 }

func (d *decoder) str() string { return d.table[d.uint()] }

// count reads a slice length that count wrote: -1 for nil.
func (d *decoder) count() int { return d.length() - 1 }

func (d *decoder) module() *ast.Module {
	m := &ast.Module{}
	lo, hi := ast.RegoVersion(d.uint()), ast.RegoVersion(d.uint())
	span, err := ast.NewRegoVersionSpan(lo, hi)
	if err != nil {
		panic(err)
	}
	m.SetRegoVersionSpan(span)
	m.Package = &ast.Package{Path: d.ref()}
	m.Package.Location = d.loc()
	if n := d.length(); n > 0 {
		m.Imports = make([]*ast.Import, n)
		for i := range m.Imports {
			m.Imports[i] = &ast.Import{Path: d.term(), Alias: ast.Var(d.str()), Location: d.loc(), AliasLocation: d.loc()}
		}
	}
	if n := d.length(); n > 0 {
		m.Rules = make([]*ast.Rule, n)
		for i := range m.Rules {
			m.Rules[i] = d.rule(m)
		}
	}
	return m
}

func (d *decoder) rule(m *ast.Module) *ast.Rule {
	r := &ast.Rule{}
	if d.bool() {
		r.Module = m
	}
	r.Default, r.Location = d.bool(), d.loc()
	h := &ast.Head{Name: ast.Var(d.str()), Reference: d.ref()}
	if n := d.count(); n >= 0 {
		h.Args = make(ast.Args, n)
		for i := range h.Args {
			h.Args[i] = d.term()
		}
	}
	h.Key = d.term()
	h.Value = d.term()
	h.Assign = d.bool()
	h.Location = d.loc()
	r.Head = h
	r.Body = d.body()
	if d.bool() {
		r.Else = d.rule(m)
	}
	return r
}

func (d *decoder) body() ast.Body {
	n := d.count()
	if n < 0 {
		return nil
	}
	b := make(ast.Body, n)
	for i := range b {
		b[i] = d.expr()
	}
	return b
}

func (d *decoder) expr() *ast.Expr {
	x := &ast.Expr{Index: d.uint(), Generated: d.bool(), Negated: d.bool(), Location: d.loc()}
	if n := d.count(); n >= 0 {
		x.With = make([]*ast.With, n)
		for i := range x.With {
			x.With[i] = &ast.With{Target: d.term(), Value: d.term(), Location: d.loc()}
		}
	}
	switch tag := d.uint(); tag {
	case tExprTerm:
		x.Terms = d.term()
	case tExprCall:
		x.Terms = d.terms()
	case tSome:
		s := &ast.SomeDecl{Location: d.loc()}
		s.Symbols = d.terms()
		x.Terms = s
	case tEvery:
		ev := &ast.Every{Location: d.loc()}
		ev.Key, ev.Value, ev.Domain = d.term(), d.term(), d.term()
		ev.Body = d.body()
		x.Terms = ev
	default:
		panic(fmt.Sprintf("expression tag %d", tag))
	}
	return x
}

func (d *decoder) terms() []*ast.Term {
	n := d.count()
	if n < 0 {
		return nil
	}
	ts := make([]*ast.Term, n)
	for i := range ts {
		ts[i] = d.term()
	}
	return ts
}

func (d *decoder) ref() ast.Ref { return ast.Ref(d.terms()) }

// elems reads what encoder.elems wrote.
func (d *decoder) elems() []*ast.Term {
	ts := make([]*ast.Term, d.length())
	for i := range ts {
		ts[i] = d.term()
	}
	return ts
}

func (d *decoder) term() *ast.Term {
	tag := d.uint()
	if tag == tNil {
		return nil
	}
	v := d.value(tag)
	t := d.newTerm()
	t.Value, t.Location = v, d.loc()
	return t
}

func (d *decoder) value(tag int) ast.Value {
	switch tag {
	case tNull:
		return ast.NullValue
	case tTrue:
		return ast.Boolean(true)
	case tFalse:
		return ast.Boolean(false)
	case tNumber:
		return ast.Number(d.str())
	case tString:
		return ast.String(d.str())
	case tVar:
		return ast.Var(d.str())
	case tRef:
		return d.ref()
	case tArray:
		return ast.NewArray(d.elems()...)
	case tObject:
		pairs := make([][2]*ast.Term, d.length())
		for i := range pairs {
			pairs[i] = [2]*ast.Term{d.term(), d.term()}
		}
		return ast.NewObject(pairs...)
	case tSet:
		return ast.NewSet(d.elems()...)
	case tArrayComp:
		return &ast.ArrayComprehension{Term: d.term(), Body: d.body()}
	case tSetComp:
		return &ast.SetComprehension{Term: d.term(), Body: d.body()}
	case tObjectComp:
		return &ast.ObjectComprehension{Key: d.term(), Value: d.term(), Body: d.body()}
	case tCall:
		return ast.Call(d.terms())
	}
	panic(fmt.Sprintf("value tag %d", tag))
}

func (d *decoder) loc() *ast.Location {
	i := d.uint()
	if i < len(d.locs) {
		return d.locs[i]
	}
	if i != len(d.locs) {
		panic(fmt.Sprintf("location %d before %d", i, len(d.locs)))
	}
	l := &ast.Location{File: d.str(), Row: d.int(), Col: d.int(), Offset: d.int()}
	if n := d.uint(); n > 0 {
		src := d.sources[l.File]
		if src == nil {
			panic("no source for " + l.File)
		}
		l.Text = src[l.Offset : l.Offset+n-1 : l.Offset+n-1]
	} else if s := d.str(); s != "" {
		l.Text = []byte(s)
	}
	if d.bool() {
		l.Tabs = make([]int, d.length())
		for i := range l.Tabs {
			l.Tabs[i] = d.uint()
		}
	}
	d.locs = append(d.locs, l)
	return l
}
