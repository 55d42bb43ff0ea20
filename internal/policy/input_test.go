package policy

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/remolint/remolint/internal/scan"
)

var decodeSeeds = []string{
	`{}`, `[]`, `null`, `true`, `false`, `0`, `-0`, `1.5`, `-12e3`, `1E+2`, `1e400`, `1e-400`, `123456789012345678901234567890`,
	`"x"`, `""`, `"caf\u00e9"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`, "\"\xff\"", "\"a\xc3\"", `"tab\tx"`, `"\/\b\f\n\r\t\\\""`,
	`{"a": 1, "a": 2}`, `{"a": {"b": [1, {"c": null}]}}`, ` [1 , 2 ] `, "\t{\r\n}\n",
	`{`, `}`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{a: 1}`, `01`, `1.`, `.5`, `-`, `1e`, `+1`, `tru`, `nul`, `"x`, `"\x"`, `"\u12"`,
	"\"a\x01\"", `{} {}`, `{} x`, ``, ` `, "\xef\xbb\xbf{}", `[[[[]]]]`, strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000), fixtureInput,
}

// TestDecodeFastMatchesStd checks that the fast decoder accepts exactly
// what encoding/json accepts and yields the same value.
func TestDecodeFastMatchesStd(t *testing.T) {
	for _, s := range decodeSeeds {
		checkDecode(t, []byte(s))
	}
	checkDecode(t, syntheticDoc(200))
}

func checkDecode(t *testing.T, in []byte) {
	t.Helper()
	want, werr := parseInputStd(in)
	got, ok := decodeFast(in)
	name := string(in)
	if len(name) > 40 {
		name = name[:40] + "..."
	}
	switch {
	case werr != nil && ok:
		t.Errorf("%q: fast decoder accepts what encoding/json refuses (%v)", name, werr)
	case werr == nil && !ok:
		t.Errorf("%q: fast decoder refuses what encoding/json accepts", name)
	case ok && ast.Compare(got, want) != 0:
		t.Errorf("%q: fast decoder gives %v, encoding/json %v", name, got, want)
	}
	// parseInput returns the standard error for what the fast path refuses.
	if _, err := parseInput(in); (err == nil) != (werr == nil) || (err != nil && err.Error() != werr.Error()) {
		t.Errorf("%q: parseInput error %v, want %v", name, err, werr)
	}
}

func FuzzDecodeFast(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		checkDecode(t, in)
	})
}

// TestParallelValueOfMatchesSerial converts fixture documents with the
// fields spread over more workers than fields of weight, and on one
// encoder: the values must be the same.
func TestParallelValueOfMatchesSerial(t *testing.T) {
	dirs, err := filepath.Glob("../../fixtures/*-quiet")
	if err != nil || len(dirs) < 20 {
		t.Fatalf("fixtures: %d folders, %v", len(dirs), err)
	}
	for _, dir := range dirs[:20] {
		res, err := scan.Run(context.Background(), scan.Options{WorkDir: "../..", Paths: []string{dir[len("../../"):]}, NoGit: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		serial, err := (&valueEncoder{termPool: newTermPool()}).encode(reflect.ValueOf(res.Doc), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, workers := range []int{2, 3, 16} {
			par, err := parallelObject(reflect.ValueOf(res.Doc).Elem(), workers)
			if err != nil {
				t.Fatal(err)
			}
			if par.Compare(serial.Value) != 0 {
				t.Errorf("%s: %d workers give a different value", dir, workers)
			}
		}
	}
}
