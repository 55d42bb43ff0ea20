package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/internal/view"
	"github.com/remolint/remolint/policies"
)

var (
	ruleFilter = regexp.MustCompile(".")
	dumpInput  = flag.String("dump", "", "write the input BenchmarkRules evaluates to this file, as JSON")
)

func init() {
	flag.Func("rules", "regular expression selecting the rule files BenchmarkRules evaluates", func(s string) error {
		re, err := regexp.Compile(s)
		if err == nil {
			ruleFilter = re
		}
		return err
	})
}

// BenchmarkRules evaluates each built-in rule package on its own (with the
// helper library) over the fact document of the generated tree, the input
// parsed once: the time a rule adds to every run. -args -dump FILE writes
// that input as JSON, for `opa eval --profile`. It finds the rule to
// profile when policy evaluation is slow.
func BenchmarkRules(b *testing.B) {
	ctx := context.Background()
	dir := tree(b, corpus.Options{Packages: *packages})
	res, err := scan.Run(ctx, scan.Options{WorkDir: dir, NoGit: true})
	if err != nil {
		b.Fatal(err)
	}
	// The rules see the document's built-in view, as in a run of remolint.
	engine, err := policy.New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := json.Marshal(view.Builtin(res.Doc, engine.Mentions))
	if err != nil {
		b.Fatal(err)
	}
	if *dumpInput != "" {
		if err := os.WriteFile(*dumpInput, doc, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var x any
	if err := util.NewJSONDecoder(bytes.NewReader(doc)).Decode(&x); err != nil {
		b.Fatal(err)
	}
	input, err := ast.InterfaceToValue(x)
	if err != nil {
		b.Fatal(err)
	}
	lib := map[string]string{}
	rules := map[string]string{} // package -> file
	err = fs.WalkDir(policies.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS, p)
		if err != nil {
			return err
		}
		if strings.HasPrefix(p, "lib/") {
			lib[p] = string(src)
			return nil
		}
		rules[p] = string(src)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	files := make([]string, 0, len(rules))
	for p := range rules {
		if ruleFilter.MatchString(p) {
			files = append(files, p)
		}
	}
	sort.Strings(files)
	// bundle evaluates the selected rules together, in one query, as the
	// engine does.
	bundle := []func(*rego.Rego){rego.SetRegoVersion(ast.RegoV1)}
	var query []string
	for lp, src := range lib {
		bundle = append(bundle, rego.Module(lp, src))
	}
	for _, p := range files {
		mod, err := ast.ParseModuleWithOpts(p, rules[p], ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			b.Fatal(err)
		}
		opts := []func(*rego.Rego){
			rego.Query(mod.Package.Path.String() + ".report"),
			rego.Module(p, rules[p]),
			rego.SetRegoVersion(ast.RegoV1),
		}
		for lp, src := range lib {
			opts = append(opts, rego.Module(lp, src))
		}
		bundle = append(bundle, rego.Module(p, rules[p]))
		query = append(query, mod.Package.Path.String()+".report")
		pq, err := rego.New(opts...).PrepareForEval(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(path.Base(p), ".rego"), func(b *testing.B) {
			loop(b, func() {
				if _, err := pq.Eval(ctx, rego.EvalParsedInput(input)); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	pq, err := rego.New(append(bundle, rego.Query(strings.Join(query, "; ")))...).PrepareForEval(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("bundle", func(b *testing.B) {
		loop(b, func() {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(input)); err != nil {
				b.Fatal(err)
			}
		})
	})
}
