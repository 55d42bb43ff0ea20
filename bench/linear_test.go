package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/policies"
)

// stepCounter counts evaluation events: work that does not depend on the
// machine's load.
type stepCounter struct{ n int }

func (c *stepCounter) Enabled() bool               { return true }
func (c *stepCounter) TraceEvent(topdown.Event)    { c.n++ }
func (c *stepCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

// bundleQuery prepares every built-in rule's report in one query.
func bundleQuery(t *testing.T) rego.PreparedEvalQuery {
	t.Helper()
	opts := []func(*rego.Rego){rego.SetRegoVersion(ast.RegoV1)}
	var query []string
	err := fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		opts = append(opts, rego.Module(p, string(src)))
		if strings.HasPrefix(p, "rules/") {
			mod, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1})
			if err != nil {
				return err
			}
			query = append(query, mod.Package.Path.String()+".report")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pq, err := rego.New(append(opts, rego.Query(strings.Join(query, "; ")))...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

// steps scans a generated tree of n packages and counts the evaluation
// steps of every rule over its fact document.
func steps(t *testing.T, pq rego.PreparedEvalQuery, n int) int {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tree")
	if _, err := corpus.Generate(dir, corpus.Options{Packages: n, PathologicalKeys: 20}); err != nil {
		t.Fatal(err)
	}
	res, err := scan.Run(context.Background(), scan.Options{WorkDir: dir, NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(res.Doc)
	if err != nil {
		t.Fatal(err)
	}
	var x any
	if err := util.NewJSONDecoder(bytes.NewReader(doc)).Decode(&x); err != nil {
		t.Fatal(err)
	}
	input, err := ast.InterfaceToValue(x)
	if err != nil {
		t.Fatal(err)
	}
	var c stepCounter
	if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(input), rego.EvalQueryTracer(&c)); err != nil {
		t.Fatal(err)
	}
	return c.n
}

// TestRulesAreLinearInTheTree evaluates every built-in rule over generated
// trees of 30, 60 and 120 packages. For linear rules the second 60 packages
// add as many evaluation steps as the first 60 (twice what the step from 30
// to 60 adds); a rule that looks something up by scanning all of its kind (a
// partial rule read with a computed key, a comprehension inside a loop) adds
// more with every package, and a ratio above 2.3 fails here. profile-not-found
// once read a partial object keyed by environment: x2.5.
func TestRulesAreLinearInTheTree(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and evaluates three trees with tracing")
	}
	pq := bundleQuery(t)
	s30, s60, s120 := steps(t, pq, 30), steps(t, pq, 60), steps(t, pq, 120)
	ratio := float64(s120-s60) / float64(s60-s30)
	t.Logf("%d, %d and %d steps for 30, 60 and 120 packages: 60 more packages add x%.2f the steps of 30 more", s30, s60, s120, ratio)
	if ratio > 2.3 {
		t.Errorf("evaluation steps grow faster than the tree: x%.2f for twice the packages added", ratio)
	}
}
