package policy

import (
	"context"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// engineWithCPUs builds an engine as if the machine had cpus CPUs: the rule
// packages are split into that many concurrently evaluated queries.
func engineWithCPUs(t *testing.T, cpus int, opts ...Option) *Engine {
	t.Helper()
	old := runtime.GOMAXPROCS(cpus)
	defer runtime.GOMAXPROCS(old)
	e, err := New(context.Background(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestPartition(t *testing.T) {
	tests := []struct {
		n, cpus int
		want    [][]int
	}{
		{0, 2, [][]int{nil}},
		{1, 2, [][]int{{0}}},
		{5, 2, [][]int{{0, 1}, {2, 3, 4}}},
		{7, 3, [][]int{{0, 1}, {2, 3}, {4, 5, 6}}},
		{3, 1, [][]int{{0, 1, 2}}},
		{3, 8, [][]int{{0}, {1}, {2}}},
	}
	for _, tt := range tests {
		if got := partition(tt.n, tt.cpus); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("partition(%d, %d) = %v, want %v", tt.n, tt.cpus, got, tt.want)
		}
	}
}

// TestGroupsFindWhatOneQueryFinds evaluates the embedded rules (and the
// fixture rules) over the same document as one query and as up to four
// concurrent ones.
func TestGroupsFindWhatOneQueryFinds(t *testing.T) {
	for _, tt := range []struct {
		opts []Option
		doc  []byte
	}{
		{nil, syntheticDoc(300)},
		{[]Option{withRules(fixtureRules)}, []byte(fixtureInput)},
	} {
		one := engineWithCPUs(t, 1, tt.opts...)
		four := engineWithCPUs(t, 4, tt.opts...)
		if len(one.groups) != 1 || len(four.groups) != min(4, len(four.pkgs)) {
			t.Fatalf("%d and %d groups for %d packages", len(one.groups), len(four.groups), len(four.pkgs))
		}
		// Four queries over one compiler (WithCompileParts).
		onePart := engineWithCPUs(t, 4, append(tt.opts, WithCompileParts(1))...)
		if len(onePart.groups) != len(four.groups) || distinctCompilers(onePart) != 1 {
			t.Fatalf("one part: %d groups, %d compilers; want %d and 1", len(onePart.groups), distinctCompilers(onePart), len(four.groups))
		}
		doc := tt.doc
		want, err := one.Eval(context.Background(), doc, nil)
		if err != nil {
			t.Fatal(err)
		}
		for name, e := range map[string]*Engine{"four groups": four, "four groups of one compiler": onePart} {
			got, err := e.Eval(context.Background(), doc, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%s found %d findings, one query %d (or none at all)", name, len(got), len(want))
			}
		}
	}
}

// TestGroupsReportTheFirstFailingPackage makes two team packages fail, one in
// each group: the error names the first in package order, as one query
// evaluating them in turn would.
func TestGroupsReportTheFirstFailingPackage(t *testing.T) {
	fail := `report contains lib.finding(rego.metadata.chain(), {}, "n") if to_number(input.x) > 1`
	fs := mapFS(
		"a.rego", ruleSrc("remolint.custom.team.a", "a", fail),
		"b.rego", ruleSrc("remolint.custom.team.b", "b", fail),
	)
	for cpus := 1; cpus <= 3; cpus++ {
		e := engineWithCPUs(t, cpus, withRules(fixtureRules), WithCustomPolicies("team", fs))
		_, err := e.Eval(context.Background(), []byte(`{"x": "abc"}`), nil)
		if err == nil || !strings.Contains(err.Error(), "evaluate policy remolint.custom.team.a ") {
			t.Errorf("%d CPUs: error %v, want one naming remolint.custom.team.a", cpus, err)
		}
	}
}

// TestGroupErrorNamesTheFailingBuiltinPackage: OPA's error locates the
// failing call, here inside a shared helper, not the report being
// evaluated. With every built-in package in one query, the error still names
// the first package that fails, and the location is the helper's.
func TestGroupErrorNamesTheFailingBuiltinPackage(t *testing.T) {
	helper := "package remolint.rules.shared\n\nnum(x) := to_number(x)\n"
	uses := `report contains lib.finding(rego.metadata.chain(), {"path": "a", "line": 1, "column": 1}, "n") if data.remolint.rules.shared.num(input.x) > 0`
	rules := mapFS(
		"a/fine.rego", ruleSrc("remolint.rules.a.fine", "fine",
			`report contains lib.finding(rego.metadata.chain(), {"path": "a", "line": 1, "column": 1}, "ok") if true`),
		"b/first.rego", ruleSrc("remolint.rules.b.first", "first", uses),
		"c/second.rego", ruleSrc("remolint.rules.c.second", "second", uses),
		"shared/shared.rego", helper,
	)
	for cpus := 1; cpus <= 2; cpus++ {
		e := engineWithCPUs(t, cpus, withRules(rules))
		_, err := e.Eval(context.Background(), []byte(`{"x": "abc"}`), nil)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Fatalf("%d CPUs: err = %v, want *Error", cpus, err)
		}
		if pe.Policy != "remolint.rules.b.first" || !strings.HasPrefix(pe.At, "policies/rules/shared/shared.rego:3:") {
			t.Errorf("%d CPUs: blamed %q at %q, want remolint.rules.b.first at policies/rules/shared/shared.rego:3:…", cpus, pe.Policy, pe.At)
		}
	}
}

// distinctCompilers counts the compilers an engine's packages use.
func distinctCompilers(e *Engine) int {
	seen := map[any]bool{}
	for _, c := range e.compilerOf {
		seen[c] = true
	}
	return len(seen)
}

// TestSplitCompilation: the built-in rules compile in one compiler per CPU,
// and evaluate as one compiler's would (TestGroupsFindWhatOneQueryFinds
// compares the findings); a rule that refers to a package of another part
// keeps everything in one compiler, so that the reference still resolves.
func TestSplitCompilation(t *testing.T) {
	if n := distinctCompilers(engineWithCPUs(t, 2)); n != 2 {
		t.Errorf("built-in rules on 2 CPUs: %d compilers, want 2", n)
	}
	if n := distinctCompilers(engineWithCPUs(t, 1)); n != 1 {
		t.Errorf("built-in rules on 1 CPU: %d compilers, want 1", n)
	}
	at := `{"path": "a", "line": 1, "column": 1}`
	rules := mapFS(
		"a/first.rego", ruleSrc("remolint.rules.a.first", "first", `_hit if input.x == 1
report contains lib.finding(rego.metadata.chain(), `+at+`, "first") if _hit`),
		"b/second.rego", ruleSrc("remolint.rules.b.second", "second",
			`report contains lib.finding(rego.metadata.chain(), `+at+`, "second") if data.remolint.rules.a.first._hit`),
	)
	e := engineWithCPUs(t, 2, withRules(rules))
	if n := distinctCompilers(e); n != 1 {
		t.Errorf("a reference across parts: %d compilers, want 1", n)
	}
	got, err := e.Eval(context.Background(), []byte(`{"x": 1}`), nil)
	if err != nil || len(got) != 2 {
		t.Errorf("findings %+v, err %v: want first and second", got, err)
	}
	for _, src := range []string{
		`report contains lib.finding(rego.metadata.chain(), ` + at + `, "second") if data.remolint.rules.a[input.k]`,
		`report contains lib.finding(rego.metadata.chain(), ` + at + `, "second") if data.remolint.rules.a`,
		// A computed key inside another part's package.
		`report contains lib.finding(rego.metadata.chain(), ` + at + `, "second") if data.remolint.rules.a.first[input.k]`,
	} {
		rules := mapFS(
			"a/first.rego", ruleSrc("remolint.rules.a.first", "first", `report contains lib.finding(rego.metadata.chain(), `+at+`, "first") if true`),
			"b/second.rego", ruleSrc("remolint.rules.b.second", "second", src),
		)
		if n := distinctCompilers(engineWithCPUs(t, 2, withRules(rules))); n != 1 {
			t.Errorf("%s: %d compilers, want 1", src, n)
		}
	}
	// A computed key inside the package's own rules (as every compiled
	// module of the embedded bundle has) stays in its part.
	rules = mapFS(
		"a/first.rego", ruleSrc("remolint.rules.a.first", "first", `report contains lib.finding(rego.metadata.chain(), `+at+`, "first") if true`),
		"b/second.rego", ruleSrc("remolint.rules.b.second", "second", `_x contains "y"
report contains lib.finding(rego.metadata.chain(), `+at+`, "second") if data.remolint.rules.b.second._x[input.k]`),
	)
	if n := distinctCompilers(engineWithCPUs(t, 2, withRules(rules))); n != 2 {
		t.Errorf("a computed key in its own package: %d compilers, want 2", n)
	}
}
