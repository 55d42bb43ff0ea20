package policies_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/scan"
)

// TestAccountsMatchLib checks, on every fixture and a generated monorepo,
// that the account families remolint counts in Go (input.accounts) are what
// the library derives for documents without them: the rules read the Go
// count, the Rego tests exercise the derivation, and the two must agree.
func TestAccountsMatchLib(t *testing.T) {
	query, err := rego.New(rego.Compiler(libCompiler(t)),
		rego.Query(`x := {"numbers": data.remolint.lib.account_numbers, "padded": data.remolint.lib.account_padded_defs, "stems": data.remolint.lib.account_stem_numbers}`),
	).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := filepath.Glob("../fixtures/*")
	if err != nil || len(dirs) < 50 {
		t.Fatalf("fixtures: %d folders, %v", len(dirs), err)
	}
	gen := filepath.Join(t.TempDir(), "tree")
	if _, err := corpus.Generate(gen, corpus.Options{Packages: 30, PathologicalKeys: 400}); err != nil {
		t.Fatal(err)
	}
	groups, padded, stems := 0, 0, 0
	for _, dir := range append(dirs, gen) {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		res, err := scan.Run(context.Background(), scan.Options{WorkDir: dir, NoGit: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		input := roundTrip(t, res.Doc).(map[string]any)
		eval := func() any {
			rs, err := query.Eval(context.Background(), rego.EvalInput(input))
			if err != nil || len(rs) != 1 {
				t.Fatalf("%s: %v (%d results)", dir, err, len(rs))
			}
			return roundTrip(t, rs[0].Bindings["x"])
		}
		fromGo := eval()
		delete(input, "accounts")
		derived := eval()
		if !reflect.DeepEqual(fromGo, derived) {
			t.Errorf("%s: the library derives\n%v\nbut remolint counts\n%v", dir, derived, fromGo)
		}
		groups += len(res.Doc.Accounts.Numbers)
		padded += len(res.Doc.Accounts.PaddedDefs)
		stems += len(res.Doc.Accounts.StemNumbers)
	}
	if groups < 50 || padded == 0 || stems < 2 {
		t.Errorf("the fixtures hold %d account groups, %d zero-padded definitions and %d families beside a name with no number: the check compares too little", groups, padded, stems)
	}
}
