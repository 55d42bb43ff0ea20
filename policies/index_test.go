package policies_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/policies"
)

// TestIndexMatchesLib checks, on every fixture, that the index remolint
// builds (input.index) is what the library derives for documents without
// one: rules read the index, Rego tests exercise the derivation, and the two
// must be the same lookups.
func TestIndexMatchesLib(t *testing.T) {
	compiler := libCompiler(t)
	query := `x := {"envEntries": data.remolint.lib.env_entries, "variables": data.remolint.lib.variables, "reads": data.remolint.lib.reads, "writes": data.remolint.lib.writes, "suggested": data.remolint.lib.suggested, "overriding": data.remolint.lib.overriding, "anomalies": data.remolint.lib.anomalies, "committedKeys": data.remolint.lib.committed_keys, "regionValues": data.remolint.lib.region_values}`
	dirs, err := filepath.Glob("../fixtures/*")
	if err != nil || len(dirs) < 50 {
		t.Fatalf("fixtures: %d folders, %v", len(dirs), err)
	}
	nonEmpty, suggested, overriding, anomalies, committed, regions := 0, 0, 0, 0, 0, 0
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		res, err := scan.Run(context.Background(), scan.Options{WorkDir: "..", Paths: []string{dir[len("../"):]}, NoGit: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		want := roundTrip(t, res.Doc.Index)
		input := roundTrip(t, res.Doc).(map[string]any)
		delete(input, "index")
		rs, err := rego.New(rego.Compiler(compiler), rego.Query(query), rego.Input(input)).Eval(context.Background())
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v (%d results)", dir, err, len(rs))
		}
		if got := roundTrip(t, rs[0].Bindings["x"]); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the library derives\n%v\nbut remolint indexes\n%v", dir, got, want)
		}
		if len(res.Doc.EnvFiles) > 0 {
			nonEmpty++
		}
		if len(res.Doc.Index.Suggested) > 0 {
			suggested++
		}
		if len(res.Doc.Index.Overriding) > 0 {
			overriding++
		}
		if len(res.Doc.Index.Anomalies) > 0 {
			anomalies++
		}
		if len(res.Doc.Index.CommittedKeys) > 0 {
			committed++
		}
		if len(res.Doc.Index.RegionValues) > 0 {
			regions++
		}
	}
	if nonEmpty < 20 {
		t.Errorf("only %d fixtures have env files: the check compares empty indexes", nonEmpty)
	}
	if suggested < 1 {
		t.Error("no fixture has a misspelled name: the check compares empty lists of them")
	}
	if overriding < 1 {
		t.Error("no fixture has a variable that overrides another: the check compares empty lists of them")
	}
	if anomalies < 1 {
		t.Error("no fixture has an env-file anomaly: the check compares empty lists of them")
	}
	if committed < 1 {
		t.Error("no fixture has a key in a template or a tracked file: the check compares empty lists of them")
	}
	if regions < 5 {
		t.Errorf("only %d fixtures set a region variable: the check compares empty maps of them", regions)
	}
}

// libCompiler compiles the helper library alone, for tests that compare
// what Go puts in the fact document with what lib derives without it.
func libCompiler(t *testing.T) *ast.Compiler {
	t.Helper()
	src, err := policies.FS.ReadFile("lib/lib.rego")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := ast.ParseModuleWithOpts("lib/lib.rego", string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		t.Fatal(err)
	}
	compiler := ast.NewCompiler()
	if compiler.Compile(map[string]*ast.Module{"lib": lib}); compiler.Failed() {
		t.Fatal(compiler.Errors)
	}
	return compiler
}

// roundTrip returns v as encoding/json gives it back.
func roundTrip(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
