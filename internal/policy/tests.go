package policy

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/remolint/remolint/policies"
)

// TestTimeout bounds each Rego test case.
const TestTimeout = 10 * time.Second

// RunTests compiles every .rego file of fsys, tests included, in the same
// sandbox as New, and runs every test rule (test_*) of the _test.rego files.
// When fsys does not define data.remolint.lib, the embedded library is added
// so that a team's policies can be tested on their own. Each failing or
// erroring test is printed to w with its file and line, and its print()
// output. err reports policies that do not load or compile, or a cancelled
// ctx; passed and failed count test cases (skipped todo_ tests count in
// neither).
func RunTests(ctx context.Context, fsys fs.FS, w io.Writer) (passed, failed int, err error) {
	files, err := readSource(source{fsys: fsys}, true)
	if err != nil {
		return 0, 0, err
	}
	hasLib := slices.ContainsFunc(files, func(f regoFile) bool {
		return f.module.Package.Path.Equal(libRoot)
	})
	if !hasLib {
		lib, err := readSource(source{prefix: "policies", fsys: policies.FS, under: []string{"lib"}}, false)
		if err != nil {
			return 0, 0, err
		}
		files = append(files, lib...)
	}
	modules := make(map[string]*ast.Module, len(files))
	for _, f := range files {
		modules[f.name] = f.module
	}

	compiler := newCompiler(true)
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(modules).
		SetTimeout(TestTimeout).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(true)
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		if errs, ok := err.(ast.Errors); ok {
			return 0, 0, compileErrors(errs)
		}
		return 0, 0, fmt.Errorf("run policy tests: %w", err)
	}
	var results []*tester.Result
	for r := range ch {
		results = append(results, r)
	}
	if err := ctx.Err(); err != nil {
		return 0, 0, fmt.Errorf("run policy tests: %w", err)
	}
	slices.SortFunc(results, func(a, b *tester.Result) int {
		return cmp.Or(
			cmp.Compare(a.Location.File, b.Location.File),
			cmp.Compare(a.Location.Row, b.Location.Row),
			cmp.Compare(a.Name, b.Name),
		)
	})
	for _, r := range results {
		switch {
		case r.Skip:
		case r.Pass():
			passed++
		default:
			failed++
			printFailure(w, r)
		}
	}
	return passed, failed, nil
}

func printFailure(w io.Writer, r *tester.Result) {
	status := "FAIL"
	if r.Error != nil {
		status = "ERROR"
	}
	fmt.Fprintf(w, "%s %s.%s (%s)\n", status, strings.TrimPrefix(r.Package, "data."), r.Name, locString(r.Location))
	if r.Error != nil {
		fmt.Fprintf(w, "    %s\n", indent(r.Error.Error()))
	}
	if len(r.Output) > 0 {
		fmt.Fprintf(w, "    print output:\n    %s\n", indent(strings.TrimRight(string(r.Output), "\n")))
	}
}

func indent(s string) string {
	return strings.ReplaceAll(s, "\n", "\n    ")
}
