package dotenv

import (
	"maps"
	"math/rand/v2"
	"reflect"
	"testing"
)

// checkFastPath fails when parseGoSimple accepts src but disagrees with the
// mirror or with godotenv, or when Parse with the fast path differs in any
// way from Parse without it. It reports whether the fast path applied.
func checkFastPath(t testing.TB, src []byte) bool {
	t.Helper()
	if got, want := parse(src, true), parse(src, false); !reflect.DeepEqual(got, want) {
		t.Fatalf("input %q: fast path\n %+v\nfull path\n %+v", src, got, want)
	}
	simple, ok := parseGoSimple(src, string(src), nil)
	if !ok {
		return false
	}
	gsrc, _ := normalizeGo(src)
	mirror := parseGoMirror(gsrc, 0)
	if len(simple.stmts) == 0 && len(mirror.stmts) == 0 {
		simple.stmts, mirror.stmts = nil, nil // nil or empty: the same
	}
	if !reflect.DeepEqual(simple, mirror) {
		t.Fatalf("input %q: parseGoSimple\n %+v\nparseGoMirror\n %+v", src, simple, mirror)
	}
	m, kind := runGodotenv(src)
	if kind != goErrNone || !maps.Equal(m, simple.vars) {
		t.Fatalf("input %q: parseGoSimple reads %q, godotenv %q (error kind %d)", src, simple.vars, m, kind)
	}
	return true
}

// simpleEnv builds inputs from tokens close to the shapes parseGoSimple
// accepts, so that random inputs often take (and often just miss) the fast
// path.
func simpleEnv(r *rand.Rand) []byte {
	tokens := []string{
		"A", "B_1", "a.b", "x-y", "export", "export ", "export\t", "=", "=", ":", ": ", " ", "\t", "\n", "\n",
		"#", " #", " # c", "#x", "'", "\"", "`", "$", "${A}", "\\", "\\n", "val", "v v", "'q'", "\"q\"", "''",
		"A=1\n", "B='x' # c\n", "C=\"y\"\n", "D=a #b\n", "E=\n", "  F = g  \n", "\r", "\xc3\xa9",
	}
	return joinTokens(r, tokens, 16)
}

// TestGoFastPath checks the fast path against the full path on every
// recorded vector, seed and case, and on random inputs near its edges.
func TestGoFastPath(t *testing.T) {
	var inputs [][]byte
	for _, c := range loadVectors(t) {
		inputs = append(inputs, []byte(c.Input))
	}
	for _, s := range parseSeeds() {
		inputs = append(inputs, []byte(s))
	}
	for _, c := range anomalyCases {
		inputs = append(inputs, []byte(c.in))
	}
	for _, c := range spanCases {
		inputs = append(inputs, []byte(c.in))
	}
	inputs = append(inputs, manyKeys(64))
	simpleVectors := 0
	for i, in := range inputs {
		if checkFastPath(t, in) && i < 54 {
			simpleVectors++
		}
	}
	// The vectors include plain files; the fast path must not be dead code.
	if simpleVectors < 20 {
		t.Errorf("fast path taken on %d of 54 vectors, want at least 20", simpleVectors)
	}
	r := rand.New(rand.NewPCG(7, 11))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	fast := 0
	for i := 0; i < n; i++ {
		if checkFastPath(t, simpleEnv(r)) {
			fast++
		}
		checkFastPath(t, randomEnv(r))
	}
	t.Logf("vectors %d, random %d of %d", simpleVectors, fast, n)
	if fast < n/20 {
		t.Errorf("fast path taken on %d of %d random inputs, want at least %d", fast, n, n/20)
	}
}
