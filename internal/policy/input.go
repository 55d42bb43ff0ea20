package policy

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// maxInputDepth is encoding/json's nesting limit, which the fast decoder
// keeps so that both accept the same documents.
const maxInputDepth = 10000

// decodeFast decodes one JSON document straight into OPA's AST, without the
// map[string]any that encoding/json builds first: the fact document of a
// monorepo is tens of megabytes, and that intermediate form cost more than
// the AST itself. Terms of equal strings (keys, paths, kinds and names repeat
// throughout the document), small integers, booleans and null are shared, as
// OPA shares its interned terms: nothing modifies an input term. Other terms
// are allocated in blocks.
//
// It returns ok=false for anything it does not accept; the caller then
// decodes with encoding/json, which yields the error message. On the
// documents it accepts, the result equals encoding/json's decode followed by
// ast.InterfaceToValue (FuzzDecodeFast checks this).
func decodeFast(data []byte) (v ast.Value, ok bool) {
	d := decoder{data: data, termPool: newTermPool()}
	d.space()
	t := d.value(0)
	if t == nil {
		return nil, false
	}
	d.space()
	if d.pos != len(d.data) {
		return nil, false
	}
	return t.Value, true
}

type decoder struct {
	data []byte
	pos  int
	termPool
	// stack holds the elements of the arrays and objects being read.
	stack []*ast.Term
	// items is the buffer of an object's pairs.
	items [][2]*ast.Term
}

// termPool hands out the terms of one input document: in blocks, and one
// shared term per string (keys, paths, kinds and names repeat throughout the
// document). Nothing modifies an input term, so sharing is safe, as OPA
// shares its interned terms.
type termPool struct {
	strs  map[string]*ast.Term // shared string terms, by the text they came from
	block []ast.Term           // the current block terms are handed out from
	ints  []*ast.Term          // shared terms of the integers OPA does not intern, by value
	elems []*ast.Term          // the current block arrays' elements are handed out from
}

// maxPooledElems bounds the arrays whose elements come from a shared block:
// the short lists of a document (an index's [file, entry] pairs above all),
// one allocation fewer each.
const maxPooledElems = 16

// elemSlice returns room for n elements: from a shared block when n is
// small, as a full slice (appending to it never runs into the next one).
func (p *termPool) elemSlice(n int) []*ast.Term {
	if n > maxPooledElems {
		return make([]*ast.Term, n)
	}
	if len(p.elems) < n {
		p.elems = make([]*ast.Term, 4096)
	}
	s := p.elems[:n:n]
	p.elems = p.elems[n:]
	return s
}

// maxSharedInt bounds the integers whose terms a pool shares: the indexes
// and line numbers of a document (OPA interns those up to 512 only; each
// other one would cost a term and its text).
const maxSharedInt = 1 << 16

// int returns a term of v, shared for every v in [0, maxSharedInt). (OPA's
// InternedTerm converts an int64 to int: on 32-bit platforms a large value
// would wrap.)
func (p *termPool) int(v int64) *ast.Term {
	if v == -1 || (v >= 0 && ast.HasInternedIntNumberTerm(int(min(v, maxSharedInt)))) {
		return ast.InternedTerm(int(v))
	}
	if v < 0 || v >= maxSharedInt {
		return p.term(ast.Number(strconv.FormatInt(v, 10)))
	}
	i := int(v)
	if i >= len(p.ints) {
		p.ints = slices.Grow(p.ints, i+1-len(p.ints))[:i+1]
	}
	if t := p.ints[i]; t != nil {
		return t
	}
	t := p.term(ast.Number(strconv.Itoa(i)))
	p.ints[i] = t
	return t
}

func newTermPool() termPool { return termPool{strs: make(map[string]*ast.Term, 1024)} }

func (p *termPool) term(v ast.Value) *ast.Term {
	if len(p.block) == 0 {
		p.block = make([]ast.Term, 512)
	}
	t := &p.block[0]
	p.block = p.block[1:]
	t.Value = v
	return t
}

// share remembers t as the term of the text key (long texts rarely repeat).
func (p *termPool) share(key string, t *ast.Term) {
	if len(key) <= 256 {
		p.strs[key] = t
	}
}

func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// value reads one value; nil when the input is not valid JSON.
func (d *decoder) value(depth int) *ast.Term {
	if d.pos >= len(d.data) {
		return nil
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.object(depth + 1)
	case c == '[':
		return d.array(depth + 1)
	case c == '"':
		s, ok := d.str()
		if !ok {
			return nil
		}
		return s
	case c == 't':
		return d.literal("true", ast.InternedBooleanTrue)
	case c == 'f':
		return d.literal("false", ast.InternedBooleanFalse)
	case c == 'n':
		return d.literal("null", ast.InternedNullTerm)
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return nil
}

func (d *decoder) literal(word string, t *ast.Term) *ast.Term {
	if len(d.data)-d.pos < len(word) || string(d.data[d.pos:d.pos+len(word)]) != word {
		return nil
	}
	d.pos += len(word)
	return t
}

func (d *decoder) object(depth int) *ast.Term {
	if depth > maxInputDepth {
		return nil
	}
	d.pos++ // {
	base := len(d.stack)
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return d.term(ast.NewObject())
	}
	for {
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return nil
		}
		k, ok := d.str()
		if !ok {
			return nil
		}
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return nil
		}
		d.pos++
		d.space()
		v := d.value(depth)
		if v == nil {
			return nil
		}
		d.stack = append(d.stack, k, v)
		d.space()
		if d.pos >= len(d.data) {
			return nil
		}
		if d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.data[d.pos] != '}' {
			return nil
		}
		d.pos++
		break
	}
	elems := d.stack[base:]
	// ast.NewObject copies the pairs, so one buffer serves every object;
	// nested objects are complete before their parent's pairs are taken.
	items := d.items[:0]
	var seen map[ast.Value]int // key -> index in items, for large objects
	for i := 0; i < len(elems); i += 2 {
		// A repeated key keeps its last value, as encoding/json's map does.
		k := elems[i].Value
		at := -1
		if len(elems) <= 32 {
			for j := range items {
				if items[j][0].Value == k {
					at = j
					break
				}
			}
		} else {
			if seen == nil {
				seen = make(map[ast.Value]int, len(elems)/2)
			}
			if j, ok := seen[k]; ok {
				at = j
			} else {
				seen[k] = len(items)
			}
		}
		if at >= 0 {
			items[at][1] = elems[i+1]
			continue
		}
		items = append(items, [2]*ast.Term{elems[i], elems[i+1]})
	}
	d.stack = d.stack[:base]
	d.items = items
	return d.term(ast.NewObject(items...))
}

func (d *decoder) array(depth int) *ast.Term {
	if depth > maxInputDepth {
		return nil
	}
	d.pos++ // [
	base := len(d.stack)
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return d.term(ast.NewArray())
	}
	for {
		d.space()
		v := d.value(depth)
		if v == nil {
			return nil
		}
		d.stack = append(d.stack, v)
		d.space()
		if d.pos >= len(d.data) {
			return nil
		}
		if d.data[d.pos] == ',' {
			d.pos++
			continue
		}
		if d.data[d.pos] != ']' {
			return nil
		}
		d.pos++
		break
	}
	elems := append([]*ast.Term(nil), d.stack[base:]...)
	d.stack = d.stack[:base]
	return d.term(ast.NewArray(elems...))
}

// str reads a string. Strings with escapes, control characters or invalid
// UTF-8 are rare in the fact document and decoded by encoding/json, which
// defines what they mean.
func (d *decoder) str() (*ast.Term, bool) {
	start := d.pos
	d.pos++ // "
	plain, ascii := true, true
	for {
		if d.pos >= len(d.data) {
			return nil, false
		}
		c := d.data[d.pos]
		if c == '"' {
			break
		}
		switch {
		case c == '\\':
			plain = false
			d.pos++ // skip the escaped byte; encoding/json checks the escape
			if d.pos >= len(d.data) {
				return nil, false
			}
		case c < 0x20:
			return nil, false
		case c >= 0x80:
			ascii = false
		}
		d.pos++
	}
	raw := d.data[start+1 : d.pos]
	d.pos++ // "
	if plain && (ascii || utf8.Valid(raw)) {
		return d.intern(raw), true
	}
	var s string
	if err := json.Unmarshal(d.data[start:d.pos], &s); err != nil {
		return nil, false
	}
	return d.intern([]byte(s)), true
}

func (d *decoder) intern(b []byte) *ast.Term {
	if t, ok := d.strs[string(b)]; ok {
		return t
	}
	s := string(b)
	t := d.term(ast.String(s))
	d.share(s, t)
	return t
}

// number reads a number with JSON's grammar, kept as written (as
// encoding/json's UseNumber and ast.InterfaceToValue keep it).
func (d *decoder) number() *ast.Term {
	start := d.pos
	if d.data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(d.data) && d.data[d.pos] == '0':
		d.pos++
	case d.pos < len(d.data) && d.data[d.pos] >= '1' && d.data[d.pos] <= '9':
		d.digits()
	default:
		return nil
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if !d.digits() {
			return nil
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if !d.digits() {
			return nil
		}
	}
	s := string(d.data[start:d.pos])
	if t := ast.InternedIntNumberTermFromString(s); t != nil {
		return t
	}
	return d.term(ast.Number(s))
}

// digits skips one or more decimal digits.
func (d *decoder) digits() bool {
	start := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	return d.pos > start
}
