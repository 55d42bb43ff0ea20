package dotenv

import (
	"encoding/json"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"maps"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
)

type vectorCase struct {
	Input string             `json:"input"`
	Node  map[string]string  `json:"node_dotenv_17"`
	Go    *map[string]string `json:"godotenv_1_5_1"`
	GoErr string             `json:"godotenv_1_5_1_error"`
}

func loadVectors(t testing.TB) []vectorCase {
	t.Helper()
	b, err := os.ReadFile("../../../shared/vectors/dotenv-dialects.json")
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var v struct {
		Cases []vectorCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode vectors: %v", err)
	}
	return v.Cases
}

// TestVectors checks every recorded case of both real parsers.
func TestVectors(t *testing.T) {
	cases := loadVectors(t)
	if len(cases) != 54 {
		t.Fatalf("want 54 vectors, got %d", len(cases))
	}
	for i, c := range cases {
		f := Parse([]byte(c.Input))
		if got := f.Node(); !maps.Equal(got, c.Node) {
			t.Errorf("case %d %q: Node = %q, want %q", i, c.Input, got, c.Node)
		}
		switch {
		case c.GoErr != "":
			if f.Go != nil || f.GoErr == "" {
				t.Errorf("case %d %q: want godotenv to reject the file, got Go=%q GoErr=%q", i, c.Input, f.Go, f.GoErr)
			}
			// godotenv's own message names the kind of failure first.
			reason := f.GoErr[strings.Index(f.GoErr, ": ")+2:]
			if !strings.HasPrefix(c.GoErr, strings.Fields(reason)[0]) {
				t.Errorf("case %d %q: GoErr %q does not match godotenv's %q", i, c.Input, f.GoErr, c.GoErr)
			}
		case c.Go == nil:
			t.Fatalf("case %d: vector has neither result nor error", i)
		default:
			if !maps.Equal(f.Go, *c.Go) || f.GoErr != "" {
				t.Errorf("case %d %q: Go = %q (err %q), want %q", i, c.Input, f.Go, f.GoErr, *c.Go)
			}
		}
		checkInvariants(t, []byte(c.Input), f)
	}
}

// checkInvariants holds for every input: spans inside the input, entries
// consistent with both maps, mirror consistent with godotenv, no value text
// in any Detail or GoErr.
func checkInvariants(t testing.TB, src []byte, f *File) {
	t.Helper()
	li := newLineIndex(src, nil)
	inside := func(what string, s Span) {
		if !spanInside(li, s) {
			t.Fatalf("%s span %v outside the input (%d lines, %d bytes)", what, s, len(li.starts), len(src))
		}
	}
	for _, e := range f.Entries {
		inside("key", e.KeySpan)
		inside("value", e.ValueSpan)
		if !e.GoOK && e.Go != "" {
			t.Fatalf("entry %q: Go value without GoOK", e.Key)
		}
	}
	for _, c := range f.Comments {
		inside("comment", c.Span)
	}
	for _, a := range f.Anomalies {
		inside(a.Kind, a.Span)
		if a.Related != nil {
			inside(a.Kind+" related", *a.Related)
		}
		if a.Detail == "" || a.Dialect != DialectNode && a.Dialect != DialectGo && a.Dialect != DialectBoth {
			t.Fatalf("anomaly %+v: empty detail or bad dialect", a)
		}
	}
	// godotenv decides the Go map; every Go entry must agree with it.
	if f.Go != nil {
		last := map[string]string{}
		for _, e := range f.Entries {
			if e.GoOK {
				last[e.Key] = e.Go
			}
		}
		want := maps.Clone(f.Go)
		delete(want, "")
		if !maps.Equal(last, want) {
			t.Fatalf("Go entries %q disagree with godotenv %q", last, want)
		}
	} else if f.GoErr == "" {
		t.Fatalf("godotenv rejected the file but GoErr is empty")
	}
	gsrc, _ := normalizeGo(src)
	gp := parseGoMirror(gsrc, 0)
	_, kind := runGodotenv(src)
	if gp.err != kind {
		t.Fatalf("mirror error kind %d, godotenv %d", gp.err, kind)
	}
	for _, a := range f.Anomalies {
		if rest := unexplainedText(a.Detail); rest != "" {
			t.Fatalf("anomaly %s detail %q has text %q that is not fixed wording", a.Kind, a.Detail, rest)
		}
	}
	if rest := unexplainedText(f.GoErr); rest != "" {
		t.Fatalf("GoErr %q has text %q that is not fixed wording", f.GoErr, rest)
	}
}

var (
	wordingOnce sync.Once
	wording     []string
)

// unexplainedText removes from a Detail every string literal of the files
// that build Details, and every number; what remains must be at most one
// punctuation character (describeChar names the byte godotenv refuses).
// So a Detail cannot carry text taken from a value.
func unexplainedText(d string) string {
	wordingOnce.Do(func() {
		fset := token.NewFileSet()
		for _, name := range []string{"anomalies.go", "godialect.go", "dotenv.go"} {
			file, err := goparser.ParseFile(fset, name, nil, 0)
			if err != nil {
				panic(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && (len(s) >= 2 || len(s) == 1 && !unicode.IsLetter(rune(s[0])) && !unicode.IsDigit(rune(s[0]))) {
						wording = append(wording, s)
					}
				}
				return true
			})
		}
		sort.Slice(wording, func(i, j int) bool { return len(wording[i]) > len(wording[j]) })
	})
	for _, w := range wording {
		d = strings.ReplaceAll(d, w, "")
	}
	d = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == ' ' || r == '\'' || r == ',' {
			return -1
		}
		return r
	}, d)
	if len(d) <= 1 && (d == "" || d[0] > ' ' && d[0] < 0x7F && !unicode.IsLetter(rune(d[0])) && !unicode.IsDigit(rune(d[0]))) {
		return ""
	}
	return d
}

func spanInside(li lineIndex, s Span) bool {
	ok := func(p Pos) bool {
		if p.Line < 1 || p.Line > len(li.starts) || p.Col < 1 {
			return false
		}
		end := li.size
		if p.Line < len(li.starts) {
			end = li.starts[p.Line]
		}
		return li.starts[p.Line-1]+p.Col-1 <= end
	}
	if !ok(s.Start) || !ok(s.End) {
		return false
	}
	return s.Start.Line < s.End.Line || s.Start.Line == s.End.Line && s.Start.Col <= s.End.Col
}
