package jsscan

import (
	"bytes"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/secret"
)

func FuzzScan(f *testing.F) {
	for _, tc := range allCases() {
		f.Add([]byte(tc.src))
	}
	f.Add([]byte(benchChunk))
	f.Add([]byte("x = <a b={`${<c>{'}'}</c>}`}>t</a>; y = /[/]/ / 2"))
	f.Add([]byte("const k = 'AKIAQ3EGRUZ7MDYQ4XKA'; A3T ACCA"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if may := MayContainFacts(src); may != mayContainFactsReference(src) {
			t.Fatalf("MayContainFacts = %v, the reference says %v", may, !may)
		}
		for _, jsx := range []bool{true, false} {
			r := scan(src, jsx, nil)
			if !MayContainFacts(src) && len(r.Reads)+len(r.Writes)+len(r.RemotionCalls)+len(r.DotenvLoads)+len(r.Literals)+len(r.Imports)+len(r.Exports) > 0 {
				t.Fatal("MayContainFacts is false, but Scan finds facts")
			}
			lines := bytes.Split(src, []byte("\n"))
			check := func(what string, l facts.Location) {
				t.Helper()
				if !inside(lines, l.Line, l.Column) || !inside(lines, l.EndLine, l.EndColumn) ||
					l.EndLine < l.Line || (l.EndLine == l.Line && l.EndColumn < l.Column) {
					t.Fatalf("%s span %+v outside the input or reversed", what, l)
				}
			}
			for _, a := range r.Reads {
				check("read", a.Location)
			}
			for _, a := range r.Writes {
				check("write", a.Location)
			}
			for _, c := range r.RemotionCalls {
				check("call", c.Location)
				if c.Region != "" {
					check("region", c.RegionLocation)
				}
				for _, v := range c.RegionValues {
					check("region value", v.Location)
					if v.Value == "" || secret.IsKeyID(v.Constant) || secret.IsKeyID(v.Value) || secret.IsSecretKey(v.Value) || secret.IsSecretKey(v.Constant) {
						t.Fatalf("region value %+v", v)
					}
				}
				for _, im := range c.RegionImports {
					check("region import", im.Location)
				}
			}
			for _, e := range r.Exports {
				check("export", e.Location)
				if !regionShaped(e.Value) {
					t.Fatalf("export %+v is not region-shaped", e)
				}
			}
			for _, l := range r.DotenvLoads {
				check("load", l.Location)
			}
			for _, l := range r.Literals {
				check("literal", l.Location)
			}
			for _, i := range r.Imports {
				check("import", i.Location)
			}
			for _, c := range r.Comments {
				check("comment", c.Location)
			}
		}
	})
}

// inside reports whether 1-based line:col is a position in (or one past the
// end of a line of) the input split into lines.
func inside(lines [][]byte, line, col int) bool {
	return line >= 1 && line <= len(lines) && col >= 1 && col <= len(lines[line-1])+1
}
