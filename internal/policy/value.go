package policy

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/remolint/remolint/internal/facts"
)

// ValueOf converts a Go value to the AST value that encoding/json's encoding
// of it, decoded as policy input, would give: what Eval(json.Marshal(v))
// evaluates, without the JSON. The fact document of a monorepo is tens of
// megabytes; encoding and decoding it cost about a third of a second.
//
// It follows encoding/json for what the fact document uses: exported fields
// named by their json tags, "-" and omitempty; nil slices, maps and pointers
// as null; maps with string keys in sorted order; invalid UTF-8 replaced by
// U+FFFD, byte by byte. Anything else (floats, custom marshalers, embedded
// structs, the ",string" option, non-string map keys) is refused with
// ErrUnsupported, and the caller encodes v as JSON instead. Equal strings
// share one term, as in decodeFast, and so do equal locations, families and
// definitions (see encode). TestValueOfMatchesJSON checks both agree.
//
// A struct's fields are converted concurrently, one encoder per CPU (the
// fact document's lists are converted while nothing else runs); terms are
// shared within an encoder only, so the value is the same whatever the
// schedule. Environments come last, sharing the terms of the entries they
// repeat (after).
func ValueOf(v any) (ast.Value, error) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() == reflect.Struct && runtime.GOMAXPROCS(0) > 1 {
		return parallelObject(rv, runtime.GOMAXPROCS(0))
	}
	e := valueEncoder{termPool: newTermPool()}
	t, err := e.encode(rv, 0)
	if err != nil {
		return nil, err
	}
	return t.Value, nil
}

// parallelObject converts the struct v as encode does, on up to workers
// goroutines: its fields, and the long lists among them in as many parts,
// the largest first. Lists named in after are converted once the others
// are done, with their terms of definitions at hand (see after).
func parallelObject(v reflect.Value, workers int) (ast.Value, error) {
	if (&valueEncoder{}).custom(v.Type()) {
		return nil, fmt.Errorf("%w: %s has its own JSON encoding", ErrUnsupported, v.Type())
	}
	p := planFor(v.Type())
	if p.err != nil {
		return nil, p.err
	}
	// A part is a field's whole value (lo < 0), or elements lo to hi of a
	// field's list.
	type part struct {
		field  int // index into fields
		lo, hi int
		size   int
		terms  []*ast.Term
		err    error
	}
	var fields []fieldPlan
	var first, second []*part
	for _, f := range p.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		fi := len(fields)
		fields = append(fields, f)
		phase := &first
		if slices.Contains(after[v.Type()], string(f.key.Value.(ast.String))) {
			phase = &second
		}
		size := weight(fv)
		n := 1
		if fv.Kind() == reflect.Slice && fv.Len() >= minSplit {
			n = workers
		}
		if n == 1 {
			*phase = append(*phase, &part{field: fi, lo: -1, size: size})
			continue
		}
		for k := range n {
			lo, hi := k*fv.Len()/n, (k+1)*fv.Len()/n
			*phase = append(*phase, &part{field: fi, lo: lo, hi: hi, size: size / n})
		}
	}
	run := func(parts []*part, prior []map[facts.Location]sharedVariable) []map[facts.Location]sharedVariable {
		order := slices.Clone(parts)
		slices.SortStableFunc(order, func(a, b *part) int { return b.size - a.size })
		next := make(chan *part, len(order))
		for _, pt := range order {
			next <- pt
		}
		close(next)
		encoders := make([]*valueEncoder, min(workers, len(order)))
		var wg sync.WaitGroup
		for w := range encoders {
			encoders[w] = &valueEncoder{termPool: newTermPool(), prior: prior}
			wg.Add(1)
			go func(e *valueEncoder) {
				defer wg.Done()
				for pt := range next {
					fv := v.Field(fields[pt.field].index)
					if pt.lo < 0 {
						t, err := e.encode(fv, 1)
						pt.terms, pt.err = []*ast.Term{t}, err
						continue
					}
					pt.terms = make([]*ast.Term, 0, pt.hi-pt.lo)
					for i := pt.lo; i < pt.hi && pt.err == nil; i++ {
						t, err := e.encode(fv.Index(i), 2)
						pt.terms, pt.err = append(pt.terms, t), err
					}
				}
			}(encoders[w])
		}
		wg.Wait()
		// The definitions' terms of this phase, for the next one: each
		// encoder's own map (merging them cost milliseconds with one core
		// idle).
		out := make([]map[facts.Location]sharedVariable, 0, len(encoders))
		for _, e := range encoders {
			if len(e.variables) > 0 {
				out = append(out, e.variables)
			}
		}
		return out
	}
	prior := run(first, nil)
	if len(second) > 0 {
		run(second, prior)
	}
	byField := make([][]*part, len(fields))
	for _, pt := range append(first, second...) {
		if pt.err != nil {
			return nil, pt.err
		}
		byField[pt.field] = append(byField[pt.field], pt)
	}
	pairs := make([][2]*ast.Term, len(fields))
	for fi, parts := range byField {
		var t *ast.Term
		if parts[0].lo < 0 {
			t = parts[0].terms[0]
		} else {
			var elems []*ast.Term
			for _, pt := range parts {
				elems = append(elems, pt.terms...)
			}
			t = ast.NewTerm(ast.NewArray(elems...))
		}
		pairs[fi] = [2]*ast.Term{fields[fi].key, t}
	}
	return ast.NewObject(pairs...), nil
}

// minSplit is the length from which parallelObject converts a list in
// parts: below it, a part would cost less than handing it out.
const minSplit = 256

// after names, per struct type, the fields parallelObject converts once the
// others are done, with the terms of the definitions converted so far: an
// environment's variables repeat its files' entries.
var after = map[reflect.Type][]string{
	reflect.TypeFor[facts.Document](): {"environments"},
}

// weight estimates the work of converting v: the values it holds, counting
// a list as its length times the weight of its first element, to a few
// levels deep.
func weight(v reflect.Value) int { return weighAt(v, 6) }

func weighAt(v reflect.Value, depth int) int {
	if depth == 0 {
		return 1
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if v.Len() == 0 {
			return 1
		}
		return v.Len() * weighAt(v.Index(0), depth-1)
	case reflect.Map:
		return 1 + v.Len()
	case reflect.Struct:
		n := 1
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += weighAt(v.Field(i), depth-1)
			}
		}
		return n
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return weighAt(v.Elem(), depth-1)
		}
	}
	return 1
}

// ErrUnsupported is ValueOf's error for a value it does not convert.
var ErrUnsupported = errors.New("policy input: unsupported Go value")

type valueEncoder struct {
	termPool
	// stack holds the pairs of the objects being built.
	stack   [][2]*ast.Term
	customs map[reflect.Type]bool
	// Terms shared by value (see encode): locations and families by the
	// value itself, definitions by their location, with the definition
	// they were made from.
	locations map[facts.Location]*ast.Term
	families  map[facts.Family]*ast.Term
	variables map[facts.Location]sharedVariable
	// prior holds the definitions' terms of an earlier phase of
	// parallelObject, read-only.
	prior  []map[facts.Location]sharedVariable
	slices map[sliceKey]*ast.Term
}

// sharedVariable is the term made from a definition, for the next equal one.
type sharedVariable struct {
	from *facts.Variable
	term *ast.Term
}

// sliceKey identifies a slice by its elements' memory: slices that share it
// (the same list assigned to many structs) share one term.
type sliceKey struct {
	typ  reflect.Type
	data uintptr
	len  int
}

// structPlan is what encoding a struct type needs, computed once per type.
type structPlan struct {
	fields []fieldPlan
	err    error
}

type fieldPlan struct {
	index     int
	key       *ast.Term
	omitEmpty bool
}

var (
	plans          sync.Map // reflect.Type -> *structPlan
	marshalerType  = reflect.TypeFor[json.Marshaler]()
	textMarshaler  = reflect.TypeFor[encoding.TextMarshaler]()
	errTooDeep     = fmt.Errorf("%w: nested too deep", ErrUnsupported)
	maxValueDepth  = maxInputDepth
	replacementStr = string(utf8.RuneError)
)

func planFor(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	p := &structPlan{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			p.err = fmt.Errorf("%w: embedded field %s.%s", ErrUnsupported, t, f.Name)
			break
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		omit := false
		for o := range strings.SplitSeq(opts, ",") {
			switch o {
			case "omitempty":
				omit = true
			case "":
			default:
				p.err = fmt.Errorf("%w: option %q on %s.%s", ErrUnsupported, o, t, f.Name)
			}
		}
		p.fields = append(p.fields, fieldPlan{index: i, key: ast.StringTerm(name), omitEmpty: omit})
	}
	actual, _ := plans.LoadOrStore(t, p)
	return actual.(*structPlan)
}

// Equal values of these types share one term, as equal strings do:
// locations (an environment's variables repeat the locations of its files'
// entries), families (numbered names repeat across files and environments)
// and definitions (an environment's variable is, most often, the entry of
// one of its files over again). Sharing every comparable struct cost more in
// hashing the values as map keys than it saved.
var (
	locationType = reflect.TypeFor[facts.Location]()
	familyType   = reflect.TypeFor[facts.Family]()
	variableType = reflect.TypeFor[facts.Variable]()
)

// The predeclared types of most fields, which have no methods: encode
// skips the custom-encoding check for them.
var (
	stringType = reflect.TypeFor[string]()
	boolType   = reflect.TypeFor[bool]()
	intType    = reflect.TypeFor[int]()
)

// custom reports whether encoding/json would call a method of t's to encode
// it (remembered per type: reflection's Implements is slow).
func (e *valueEncoder) custom(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		return false
	}
	c, ok := e.customs[t]
	if !ok {
		pt := reflect.PointerTo(t)
		c = t.Implements(marshalerType) || t.Implements(textMarshaler) || pt.Implements(marshalerType) || pt.Implements(textMarshaler)
		if e.customs == nil {
			e.customs = map[reflect.Type]bool{}
		}
		e.customs[t] = c
	}
	return c
}

func (e *valueEncoder) str(s string) *ast.Term {
	if t, ok := e.strs[s]; ok {
		return t
	}
	key := s
	if !utf8.ValidString(s) {
		s = validUTF8(s)
	}
	t := e.term(ast.String(s))
	e.share(key, t)
	return t
}

// validUTF8 replaces each byte of an invalid UTF-8 sequence with U+FFFD, as
// encoding/json does.
func validUTF8(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteString(replacementStr)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func (e *valueEncoder) encode(v reflect.Value, depth int) (*ast.Term, error) {
	if depth > maxValueDepth {
		return nil, errTooDeep
	}
	if !v.IsValid() {
		return ast.InternedNullTerm, nil
	}
	t := v.Type()
	switch t {
	case stringType:
		return e.str(v.String()), nil
	case boolType:
		return ast.InternedTerm(v.Bool()), nil
	case intType:
		return e.int(v.Int()), nil
	}
	if e.custom(t) {
		return nil, fmt.Errorf("%w: %s has its own JSON encoding", ErrUnsupported, t)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		return e.encode(v.Elem(), depth+1)
	case reflect.Struct:
		switch t {
		case locationType:
			return shareByValue(e, &e.locations, v.Interface().(facts.Location), v, depth)
		case familyType:
			return shareByValue(e, &e.families, v.Interface().(facts.Family), v, depth)
		case variableType:
			if v.CanAddr() {
				return e.variable(v.Addr().Interface().(*facts.Variable), v, depth)
			}
		}
		return e.object(v, depth)
	case reflect.Slice:
		if v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return nil, fmt.Errorf("%w: %s (JSON encodes bytes as base64)", ErrUnsupported, t)
		}
		if v.Len() == 0 {
			return e.array(v, depth)
		}
		// The same elements give the same term: nothing changes the value
		// while it is converted.
		key := sliceKey{t, v.Pointer(), v.Len()}
		if t, ok := e.slices[key]; ok {
			return t, nil
		}
		t, err := e.array(v, depth)
		if err == nil {
			if e.slices == nil {
				e.slices = map[sliceKey]*ast.Term{}
			}
			e.slices[key] = t
		}
		return t, err
	case reflect.Array:
		return e.array(v, depth)
	case reflect.Map:
		if v.IsNil() {
			return ast.InternedNullTerm, nil
		}
		return e.mapping(v, depth)
	case reflect.String:
		return e.str(v.String()), nil
	case reflect.Bool:
		return ast.InternedTerm(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return e.int(v.Int()), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n := v.Uint()
		if n <= 1<<62 {
			return ast.InternedTerm(int64(n)), nil
		}
		return e.term(ast.Number(strconv.FormatUint(n, 10))), nil
	}
	return nil, fmt.Errorf("%w: %s", ErrUnsupported, t)
}

// shareByValue returns the term of v, a comparable struct equal to key,
// made once per distinct value.
func shareByValue[K comparable](e *valueEncoder, terms *map[K]*ast.Term, key K, v reflect.Value, depth int) (*ast.Term, error) {
	if t, ok := (*terms)[key]; ok {
		return t, nil
	}
	t, err := e.object(v, depth)
	if err == nil {
		if *terms == nil {
			*terms = make(map[K]*ast.Term, 1024)
		}
		(*terms)[key] = t
	}
	return t, err
}

// variable returns the term of the definition d (v is d): the term of the
// last definition at the same location when the two are equal, else a new
// one. An environment's variable repeats its file's entry, and follows it
// in the document.
func (e *valueEncoder) variable(d *facts.Variable, v reflect.Value, depth int) (*ast.Term, error) {
	if prev, ok := e.variables[d.Location]; ok && sameVariable(prev.from, d) {
		return prev.term, nil
	}
	for _, p := range e.prior {
		if prev, ok := p[d.Location]; ok && sameVariable(prev.from, d) {
			return prev.term, nil
		}
	}
	t, err := e.object(v, depth)
	if err == nil {
		if e.variables == nil {
			e.variables = make(map[facts.Location]sharedVariable, 1024)
		}
		e.variables[d.Location] = sharedVariable{d, t}
	}
	return t, err
}

// sameVariable reports whether a and b encode alike: every field equal,
// pointers by what they point to. Definitions with overrides are never
// shared (an environment's own list, rarely repeated).
func sameVariable(a, b *facts.Variable) bool {
	return len(a.Overrides) == 0 && len(b.Overrides) == 0 &&
		a.Name == b.Name && a.Value == b.Value && a.Secret == b.Secret && a.Set == b.Set &&
		a.Shape == b.Shape && a.Display == b.Display && a.Hash == b.Hash &&
		a.LooksLikeSecretKey == b.LooksLikeSecretKey && a.Location == b.Location &&
		samePointee(a.ValueLocation, b.ValueLocation) && a.Known == b.Known &&
		a.Suggestion == b.Suggestion && samePointee(a.Family, b.Family)
}

func samePointee[T comparable](a, b *T) bool {
	return a == b || (a != nil && b != nil && *a == *b)
}

func (e *valueEncoder) object(v reflect.Value, depth int) (*ast.Term, error) {
	p := planFor(v.Type())
	if p.err != nil {
		return nil, p.err
	}
	base := len(e.stack)
	for _, f := range p.fields {
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		t, err := e.encode(fv, depth+1)
		if err != nil {
			e.stack = e.stack[:base]
			return nil, err
		}
		e.stack = append(e.stack, [2]*ast.Term{f.key, t})
	}
	// ast.NewObject copies the pairs, so the stack is reused at once.
	obj := ast.NewObject(e.stack[base:]...)
	e.stack = e.stack[:base]
	return e.term(obj), nil
}

func (e *valueEncoder) array(v reflect.Value, depth int) (*ast.Term, error) {
	n := v.Len()
	elems := e.elemSlice(n)
	for i := range n {
		t, err := e.encode(v.Index(i), depth+1)
		if err != nil {
			return nil, err
		}
		elems[i] = t
	}
	return e.term(ast.NewArray(elems...)), nil
}

func (e *valueEncoder) mapping(v reflect.Value, depth int) (*ast.Term, error) {
	if v.Type().Key().Kind() != reflect.String {
		return nil, fmt.Errorf("%w: %s (map keys other than strings)", ErrUnsupported, v.Type())
	}
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	// Keys with invalid UTF-8 can become equal once repaired; the JSON then
	// holds the key twice, and its decoding keeps the last value.
	var at map[string]int
	for _, k := range keys {
		if !utf8.ValidString(k.String()) {
			at = make(map[string]int, len(keys))
			break
		}
	}
	base := len(e.stack)
	for _, k := range keys {
		t, err := e.encode(v.MapIndex(k), depth+1)
		if err != nil {
			e.stack = e.stack[:base]
			return nil, err
		}
		key := e.str(k.String())
		if at != nil {
			s := string(key.Value.(ast.String))
			if i, dup := at[s]; dup {
				e.stack[i][1] = t
				continue
			}
			at[s] = len(e.stack)
		}
		e.stack = append(e.stack, [2]*ast.Term{key, t})
	}
	obj := ast.NewObject(e.stack[base:]...)
	e.stack = e.stack[:base]
	return e.term(obj), nil
}

// isEmpty is encoding/json's omitempty test.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}
