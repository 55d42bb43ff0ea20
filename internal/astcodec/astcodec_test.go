package astcodec

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/remolint/remolint/policies"
)

// everyNode is a policy with every kind of node the encoding knows.
const everyNode = `package test.every_node

import data.test.other as o
import input.files

default allow := false

allow if {
	some x in input.list
	x > 1
	not input.off
	count([y | some y in input.list; y > 0]) == 2
	s := {z | some z in input.set}
	obj := {k: v | some k, v in input.obj}
	every v in input.list { v != null }
	f(1) == 2 with input.k as "v"
	o.r
	files[_] == "a"
	{"a": [1, 2.5, true, null], "b": {"c"}} == input.const
	s != obj
}

f(x) := y if {
	y := x + 1
} else := 0

r.head.ref[k] := v if {
	some k, v in input.m
}

q contains x if {
	some i
	x := input.xs[i]
}
`

const other = `package test.other

r := true
`

func compile(t testing.TB, srcs map[string]string) []Module {
	t.Helper()
	modules := map[string]*ast.Module{}
	for name, src := range srcs {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			t.Fatal(err)
		}
		modules[name] = m
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	c.Compile(modules)
	if len(c.Errors) > 0 {
		t.Fatal(c.Errors)
	}
	var out []Module
	for name, m := range c.Modules {
		out = append(out, Module{name, m})
	}
	slices.SortFunc(out, func(a, b Module) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// fingerprint lists every node of m in walk order with what compiling and
// evaluating read of it: its kind, its text (values), its flags
// (expressions) and its location, text and tabs included.
func fingerprint(m *ast.Module) []string {
	var out []string
	loc := func(l *ast.Location) string {
		if l == nil {
			return "-"
		}
		return fmt.Sprintf("%s:%d:%d@%d %q %v", l.File, l.Row, l.Col, l.Offset, l.Text, l.Tabs)
	}
	out = append(out, fmt.Sprint(m.RegoVersionSpan()))
	ast.NewGenericVisitor(func(x any) bool {
		switch x.(type) {
		case *ast.Comment, *ast.Annotations: // not encoded (see the package doc)
			return true
		}
		s := fmt.Sprintf("%T", x)
		switch x := x.(type) {
		case *ast.Package:
			s += " " + x.String() + " " + loc(x.Location)
		case *ast.Import:
			s += " " + x.String() + " " + loc(x.Location) + " " + loc(x.AliasLocation)
		case *ast.Rule:
			s += fmt.Sprintf(" default=%v module=%v %s", x.Default, x.Module != nil, loc(x.Location))
		case *ast.Head:
			s += fmt.Sprintf(" %s %v assign=%v %s", x.Name, x.Reference, x.Assign, loc(x.Location))
		case *ast.Expr:
			s += fmt.Sprintf(" %d generated=%v negated=%v %s", x.Index, x.Generated, x.Negated, loc(x.Location))
		case *ast.Term:
			s += " " + x.String() + " " + loc(x.Location)
		case *ast.With:
			s += " " + loc(x.Location)
		case *ast.SomeDecl:
			s += " " + loc(x.Location)
		case *ast.Every:
			s += " " + loc(x.Location)
		case ast.Body:
			s += fmt.Sprintf(" %d nil=%v", len(x), x == nil)
		}
		out = append(out, s)
		return false
	}).Walk(m)
	return out
}

func roundTrip(t *testing.T, mods []Module, srcs map[string]string) []Module {
	t.Helper()
	bin, err := Encode(mods, srcs)
	if err != nil {
		t.Fatal(err)
	}
	byteSrcs := map[string][]byte{}
	for n, s := range srcs {
		byteSrcs[n] = []byte(s)
	}
	got, err := Decode(string(bin), byteSrcs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(mods) {
		t.Fatalf("%d modules decoded, want %d", len(got), len(mods))
	}
	for i := range mods {
		if got[i].Name != mods[i].Name {
			t.Errorf("module %d: name %s, want %s", i, got[i].Name, mods[i].Name)
		}
		want, have := fingerprint(mods[i].Module), fingerprint(got[i].Module)
		if !slices.Equal(want, have) {
			for j := range min(len(want), len(have)) {
				if want[j] != have[j] {
					t.Fatalf("%s: node %d:\n got %s\nwant %s", mods[i].Name, j, have[j], want[j])
				}
			}
			t.Fatalf("%s: %d nodes, want %d", mods[i].Name, len(have), len(want))
		}
		if got[i].Module.Compare(withoutAnnotations(mods[i].Module)) != 0 {
			t.Errorf("%s: decoded module differs", mods[i].Name)
		}
	}
	return got
}

func TestRoundTripEveryNode(t *testing.T) {
	srcs := map[string]string{"every.rego": everyNode, "other.rego": other}
	mods := compile(t, srcs)
	got := roundTrip(t, mods, srcs)
	// The decoded modules compile again, and evaluate as the originals.
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	in := map[string]*ast.Module{}
	for _, m := range got {
		in[m.Name] = m.Module
	}
	c.Compile(in)
	if len(c.Errors) > 0 {
		t.Fatal(c.Errors)
	}
	// The parsed modules too (imports, some declarations and every
	// expression still in place).
	var parsed []Module
	for _, name := range []string{"every.rego", "other.rego"} {
		m, err := ast.ParseModuleWithOpts(name, srcs[name], ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, Module{name, m})
	}
	roundTrip(t, parsed, srcs)
}

// TestRoundTripBuiltinPolicies round-trips the embedded bundle compiled.
func TestRoundTripBuiltinPolicies(t *testing.T) {
	srcs := map[string]string{}
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		b, err := fs.ReadFile(policies.FS, p)
		srcs[p] = string(b)
		return err
	})
	if err != nil || len(srcs) < 40 {
		t.Fatalf("%d policy files, %v", len(srcs), err)
	}
	roundTrip(t, compile(t, srcs), srcs)
}

// A location whose text is not its file's text at its offset (or whose
// file is not given) keeps its text literally.
func TestLiteralLocationText(t *testing.T) {
	srcs := map[string]string{"other.rego": other}
	mods := compile(t, srcs)
	ast.WalkTerms(mods[0].Module, func(term *ast.Term) bool {
		if term.Location != nil {
			l := *term.Location
			l.Text = []byte("not in the source")
			term.Location = &l
		}
		return false
	})
	roundTrip(t, mods, srcs)
	roundTrip(t, mods, nil)
}

func TestEncodeRefusesUnknownNodes(t *testing.T) {
	m := compile(t, map[string]string{"other.rego": other})
	m[0].Module.Rules[0].Body = ast.Body{&ast.Expr{Terms: "a string"}}
	if _, err := Encode(m, nil); !errors.Is(err, ErrUnsupported) {
		t.Errorf("error %v, want ErrUnsupported", err)
	}
}

// Every truncation and every flipped byte of a valid encoding decodes to
// modules or an error, never a panic.
func TestDecodeCorruptInput(t *testing.T) {
	srcs := map[string]string{"every.rego": everyNode, "other.rego": other}
	bin, err := Encode(compile(t, srcs), srcs)
	if err != nil {
		t.Fatal(err)
	}
	byteSrcs := map[string][]byte{"every.rego": []byte(everyNode)}
	for i := range bin {
		if _, err := Decode(string(bin[:i]), byteSrcs); err == nil {
			t.Fatalf("truncated at %d: no error", i)
		}
		flipped := slices.Clone(bin)
		flipped[i] ^= 0xff
		_, _ = Decode(string(flipped), byteSrcs) // must not panic
	}
	if _, err := Decode("", nil); err == nil {
		t.Error("empty input: no error")
	}
}

func FuzzDecode(f *testing.F) {
	srcs := map[string]string{"every.rego": everyNode, "other.rego": other}
	bin, err := Encode(compile(f, srcs), srcs)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bin)
	f.Add([]byte(magic))
	byteSrcs := map[string][]byte{"every.rego": []byte(everyNode), "other.rego": []byte(other)}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Decode(string(data), byteSrcs)
	})
}

// withoutAnnotations is a copy of m without what the encoding drops.
func withoutAnnotations(m *ast.Module) *ast.Module {
	m = m.Copy()
	m.Annotations, m.Comments = nil, nil
	ast.WalkRules(m, func(r *ast.Rule) bool {
		r.Annotations = nil
		return false
	})
	return m
}
