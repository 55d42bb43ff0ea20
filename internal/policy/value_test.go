package policy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
)

// viaJSON is what Eval sees for v: its JSON encoding, decoded as input.
func viaJSON(t testing.TB, v any) ast.Value {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ast.ValueFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func sameValue(t testing.TB, name string, v any) {
	t.Helper()
	got, err := policy.ValueOf(v)
	if err != nil {
		t.Fatalf("%s: ValueOf: %v", name, err)
	}
	if want := viaJSON(t, v); ast.Compare(got, want) != 0 {
		t.Errorf("%s: ValueOf differs from the JSON round trip\n got %v\nwant %v", name, got, want)
	}
}

// TestValueOfMatchesJSON converts the fact document of every fixture both
// ways: the policies must see the same input either way.
func TestValueOfMatchesJSON(t *testing.T) {
	dirs, err := filepath.Glob("../../fixtures/*")
	if err != nil || len(dirs) < 50 {
		t.Fatalf("fixtures: %d folders, %v", len(dirs), err)
	}
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		res, err := scan.Run(context.Background(), scan.Options{WorkDir: "../..", Paths: []string{dir[len("../../"):]}, NoGit: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		sameValue(t, dir, res.Doc)
	}
}

type edge struct {
	S      string            `json:"s"`
	Omit   string            `json:"omit,omitempty"`
	Nil    []string          `json:"nil"`
	Empty  []string          `json:"empty"`
	OmitSl []int             `json:"omitSl,omitempty"`
	Ptr    *facts.Location   `json:"ptr"`
	PtrSet *facts.Location   `json:"ptrSet,omitempty"`
	Map    map[string]int    `json:"map"`
	NilMap map[string]string `json:"nilMap"`
	Any    any               `json:"any"`
	U      uint64            `json:"u"`
	I      int64             `json:"i"`
	B      bool              `json:"b,omitempty"`
	NoTag  string
	Skip   string `json:"-"`
	hidden string
	Arr    [2]string `json:"arr"`
}

func TestValueOfEdgeCases(t *testing.T) {
	sameValue(t, "edge", edge{
		S:      "caf\xe9 \xff\xfe ok \u2026 \x00\x1f",
		Empty:  []string{},
		PtrSet: &facts.Location{Path: "a", Line: 1},
		Map:    map[string]int{"z": 1, "a": -2, "\xff": 3},
		Any:    map[string]any{"k": []any{"v", true, nil, 7}},
		U:      1<<64 - 1,
		I:      -1 << 63,
		NoTag:  "x",
		Skip:   "never",
		hidden: "never",
		Arr:    [2]string{"p", "q"},
	})
	sameValue(t, "zero", edge{})
	sameValue(t, "nil", nil)
	sameValue(t, "document", &facts.Document{})
}

// Integers are shared terms in [0, 1<<16) beyond OPA's own interned ones;
// every value, shared or not, converts as the JSON round trip does.
func TestValueOfInts(t *testing.T) {
	ints := []int{math.MinInt, -70000, -2, -1, 0, 1, 511, 512, 513, 1000, 1000, 4096, 65535, 65536, math.MaxInt}
	sameValue(t, "ints", struct {
		Ints  []int               `json:"ints"`
		Pairs [][2]int            `json:"pairs"`
		Locs  []facts.Location    `json:"locs"`
		Map   map[string][][2]int `json:"map"`
	}{
		Ints:  ints,
		Pairs: [][2]int{{3000, 0}, {3000, 1}, {513, 513}},
		Locs:  []facts.Location{{Path: "a", Line: 9000, Column: 1, EndLine: 9000, EndColumn: 700}},
		Map:   map[string][][2]int{"A": {{600, 2}}, "B": {{600, 3}}},
	})
	v, err := policy.ValueOf(ints)
	if err != nil {
		t.Fatal(err)
	}
	arr := v.(*ast.Array)
	if arr.Elem(9) != arr.Elem(10) {
		t.Error("the two terms of 1000 are not one shared term")
	}
}

type withFloat struct {
	F float64 `json:"f"`
}

type withMarshaler struct {
	M json.RawMessage `json:"m"`
}

type embedded struct {
	facts.Location
}

func TestValueOfRefusesWhatItDoesNotMirror(t *testing.T) {
	for name, v := range map[string]any{
		"float":     withFloat{F: 1.5},
		"marshaler": withMarshaler{M: json.RawMessage(`{}`)},
		"embedded":  embedded{},
		"bytes":     []byte("x"),
		"int keys":  map[int]string{1: "a"},
		"func":      func() {},
	} {
		if _, err := policy.ValueOf(v); !errors.Is(err, policy.ErrUnsupported) {
			t.Errorf("%s: err = %v, want ErrUnsupported", name, err)
		}
	}
}

func FuzzValueOf(f *testing.F) {
	for _, s := range []string{"", "a", "caf\xe9", "\xff", "\u2028", "\x00", `"\`} {
		f.Add(s, s, int64(len(s)))
	}
	f.Fuzz(func(t *testing.T, a, b string, n int64) {
		sameValue(t, "fuzz", edge{S: a, Omit: b, Map: map[string]int{a: int(n), b: 1}, I: n, Any: []any{a, b}})
	})
}

// TestValueOfSharesSlices converts a slice that several structs hold once,
// and slices that only look alike (same elements elsewhere, or a prefix of
// the same memory) each on their own.
func TestValueOfSharesSlices(t *testing.T) {
	paths := []string{"a/.aws/config", "b/.aws/config"}
	envs := []facts.Environment{{ID: "a", SharedFiles: paths}, {ID: "b", SharedFiles: paths}, {ID: "c", SharedFiles: slices.Clone(paths)}, {ID: "d", SharedFiles: paths[:1]}}
	v, err := policy.ValueOf(envs)
	if err != nil {
		t.Fatal(err)
	}
	arr := v.(*ast.Array)
	list := func(i int) *ast.Term { return arr.Elem(i).Value.(ast.Object).Get(ast.StringTerm("sharedFiles")) }
	if list(0) != list(1) {
		t.Error("one slice held twice became two terms")
	}
	if list(0) == list(2) || list(0) == list(3) {
		t.Error("different slices share a term")
	}
	if list(3).Value.(*ast.Array).Len() != 1 || !list(0).Equal(list(2)) {
		t.Errorf("wrong values: %v %v %v", list(0), list(2), list(3))
	}
	sameValue(t, "shared slices", envs)
}

// TestValueOfSharesOnlyEqualDefinitions converts an env-file entry and an
// environment variable at the same location that differ in one field, for
// each field of facts.Variable in turn: ValueOf shares the term of equal
// definitions, and must not share these. A field added to facts.Variable
// and forgotten by the sharing test fails here.
func TestValueOfSharesOnlyEqualDefinitions(t *testing.T) {
	loc := facts.Location{Path: ".env", Line: 1, Column: 1, EndLine: 1, EndColumn: 4}
	base := facts.Variable{
		Name: "KEY", Value: "v", Secret: true, Set: true, Shape: "other", Display: "d", Hash: "h",
		LooksLikeSecretKey: true, Location: loc, ValueLocation: &facts.Location{Path: ".env", Line: 1, Column: 5},
		Known: true, Suggestion: "s", Family: &facts.Family{Prefix: "KEY", Index: 1},
	}
	typ := reflect.TypeFor[facts.Variable]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Name == "Location" {
			continue // what sharing is keyed by
		}
		other := base
		fv := reflect.ValueOf(&other).Elem().Field(i)
		switch fv.Kind() {
		case reflect.String:
			fv.SetString(fv.String() + "x")
		case reflect.Bool:
			fv.SetBool(!fv.Bool())
		case reflect.Pointer:
			p := reflect.New(fv.Type().Elem())
			p.Elem().Set(fv.Elem())
			p.Elem().Field(1).SetInt(p.Elem().Field(1).Int() + 1) // Location.Line, Family.Index
			fv.Set(p)
		case reflect.Slice:
			fv.Set(reflect.ValueOf([]facts.Override{{Location: loc}}))
		default:
			t.Fatalf("facts.Variable.%s: a %s; teach this test to change it", f.Name, fv.Kind())
		}
		doc := facts.Document{
			EnvFiles:     []facts.EnvFile{{Path: ".env", Entries: []facts.Variable{base}}},
			Environments: []facts.Environment{{ID: ".", Variables: []facts.Variable{other, base}}},
		}
		sameValue(t, "differing in "+f.Name, doc)
	}
	// And equal ones do share (the point of it).
	doc := facts.Document{
		EnvFiles:     []facts.EnvFile{{Path: ".env", Entries: []facts.Variable{base}}},
		Environments: []facts.Environment{{ID: ".", Variables: []facts.Variable{base}}},
	}
	v, err := policy.ValueOf(doc)
	if err != nil {
		t.Fatal(err)
	}
	obj := v.(ast.Object)
	entry := obj.Get(ast.StringTerm("envFiles")).Value.(*ast.Array).Elem(0).Value.(ast.Object).Get(ast.StringTerm("entries")).Value.(*ast.Array).Elem(0)
	variable := obj.Get(ast.StringTerm("environments")).Value.(*ast.Array).Elem(0).Value.(ast.Object).Get(ast.StringTerm("variables")).Value.(*ast.Array).Elem(0)
	if entry != variable {
		t.Error("an environment variable equal to its file's entry got a term of its own")
	}
}

// TestValueOfLongLists converts a generated monorepo's document, whose long
// lists ValueOf converts in parts on several goroutines, environments after
// the rest: the value must still be the JSON round trip's.
func TestValueOfLongLists(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tree")
	if _, err := corpus.Generate(dir, corpus.Options{Packages: 100, PathologicalKeys: 300}); err != nil {
		t.Fatal(err)
	}
	res, err := scan.Run(context.Background(), scan.Options{WorkDir: dir, NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Doc.EnvFiles); n < 256 {
		t.Fatalf("%d env files: too few to be converted in parts", n)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	sameValue(t, "generated tree", res.Doc)
}
