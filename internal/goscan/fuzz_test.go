package goscan

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/secret"
)

func FuzzParse(f *testing.F) {
	for _, tc := range syntaxCases {
		f.Add([]byte(tc.src))
	}
	for _, src := range []string{typedApp, typedAppConsts, typedDot} {
		f.Add([]byte(src))
	}
	f.Add([]byte("package p\nimport \"os\"\nvar _ = os.ExpandEnv(`a\r\n$X ${Y}`)\n"))
	f.Add([]byte("package p\nimport \"os\"\nconst (a = b + b; b = a)\nvar _ = os.Getenv(a)\n"))
	f.Add([]byte("package p\nimport \"os\"\nfunc f() { os.Setenv(\"AWS_REGION\", \"x\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Parse("f.go", src)
		if res == nil {
			t.Fatal("nil result")
		}
		if err != nil && bytes.Contains(src, []byte("AKIA")) && strings.Contains(err.Error(), "AKIA") {
			t.Fatalf("error quotes a key id: %v", err)
		}
		checkResult(t, src, res)
		if hasFacts(res) && !MayContainFacts(src) {
			t.Fatal("MayContainFacts is false, but Parse finds facts")
		}
		again, _ := Parse("f.go", src)
		if !reflect.DeepEqual(res, again) {
			t.Fatal("Parse is not deterministic")
		}
	})
}

// checkResult checks the invariants every result must hold for src.
func checkResult(t *testing.T, src []byte, res *Result) {
	t.Helper()
	lineStart := []int{0}
	for i, c := range src {
		if c == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	offset := func(line, col int) int {
		if line < 1 || line > len(lineStart) || col < 1 {
			return -1
		}
		off := lineStart[line-1] + col - 1
		if off > len(src) || (line < len(lineStart) && off >= lineStart[line]) {
			return -1
		}
		return off
	}
	checkLoc := func(what string, l facts.Location) {
		start := offset(l.Line, l.Column)
		if start < 0 {
			t.Fatalf("%s: start %d:%d outside the input", what, l.Line, l.Column)
		}
		if l.EndLine == 0 && l.EndColumn == 0 {
			return
		}
		end := offset(l.EndLine, l.EndColumn)
		if end < start {
			t.Fatalf("%s: span %d:%d-%d:%d outside the input or reversed", what, l.Line, l.Column, l.EndLine, l.EndColumn)
		}
	}
	for _, a := range res.Reads {
		checkLoc("read", a.Location)
		checkAccess(t, a)
	}
	for _, a := range res.Writes {
		checkLoc("write", a.Location)
		checkAccess(t, a)
		if a.Value != "" && (!secret.NonSecretName(a.Name) || credentialShaped(a.Value)) {
			t.Fatalf("write of %q keeps a value", a.Name)
		}
	}
	for _, c := range res.RemotionCalls {
		checkLoc("call", c.Location)
		if c.Region != "" {
			checkLoc("region", c.RegionLocation)
		}
		for _, v := range c.RegionValues {
			checkLoc("region value", v.Location)
			checkName(t, v.Constant)
			checkName(t, v.Value)
		}
	}
	for _, d := range res.DotenvLoads {
		checkLoc("dotenv", d.Location)
		checkName(t, d.Path)
	}
	for _, l := range res.Literals {
		checkLoc("literal", l.Location)
		checkName(t, l.Context)
		if l.Display != "" && (utf8.RuneCountInString(l.Display) != 9 || !strings.Contains(l.Display, "…")) {
			t.Fatalf("literal display %q is not redacted", l.Display)
		}
	}
	for _, i := range res.Imports {
		checkLoc("import", i.Location)
	}
	for _, c := range res.Comments {
		checkLoc("comment", c.Location)
	}
}

func checkAccess(t *testing.T, a facts.EnvAccess) {
	t.Helper()
	if a.Language != Language {
		t.Fatalf("language %q", a.Language)
	}
	if !a.Dynamic && a.Prefix != "" {
		t.Fatalf("prefix %q on a constant name", a.Prefix)
	}
	checkName(t, a.Name)
	checkName(t, a.Prefix)
}

// checkName fails when text that ends up in a fact is credential-shaped.
func checkName(t *testing.T, n string) {
	t.Helper()
	if credentialShaped(n) {
		t.Fatalf("credential-shaped text in a fact")
	}
}
