package remolint

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
)

// needRules skips the test when a rule it exercises is not in the catalogue
// yet (rules land independently of the drivers).
func needRules(t *testing.T, ids ...string) {
	t.Helper()
	known, err := builtinRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if _, ok := known[id]; !ok {
			t.Skipf("rule %s is not in the catalogue yet", id)
		}
	}
}

// diags formats the diagnostics of analysistest results as
// "file:line:col: category", file being the base name, in report order.
func diags(rs []*analysistest.Result) []string {
	var out []string
	for _, r := range rs {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.Filename), p.Line, p.Column, d.Category))
		}
	}
	slices.Sort(out)
	return out
}

// testPackages are the testdata packages, loaded and analyzed once: each
// analysistest.Run type-checks the standard library from source.
var testPackages = []string{"falsy", "misspelled", "hardcoded", "region", "platform", "typed", "suppress", "clean", "configoff", "configon", "minsev", "multi/a", "multi/b"}

type loadedPackages struct {
	results map[string]*analysistest.Result // by package path
	errs    []string                        // analysistest's complaints (// want mismatches)
}

var loaded = sync.OnceValue(func() loadedPackages {
	var r recorder
	rs := analysistest.Run(&r, analysistest.TestData(), Analyzer, testPackages...)
	l := loadedPackages{results: map[string]*analysistest.Result{}, errs: r.errs}
	for _, res := range rs {
		l.results[res.Pass.Pkg.Path()] = res
	}
	return l
})

// result returns the package's analysistest result and fails t with
// analysistest's complaints about it.
func result(t *testing.T, pkg string) *analysistest.Result {
	t.Helper()
	l := loaded()
	for _, e := range l.errs {
		if strings.HasPrefix(e, pkg+"/") || !strings.Contains(e, "/") {
			t.Error(e)
		}
	}
	r := l.results[pkg]
	if r == nil {
		t.Fatalf("package %s was not analyzed", pkg)
	}
	if r.Err != nil {
		t.Fatalf("analyzing %s: %v", pkg, r.Err)
	}
	return r
}

// rerun runs a configured analyzer's run over an already loaded package and
// returns its diagnostics as diags does.
func rerun(t *testing.T, pkg string, cfg Config) ([]string, error) {
	t.Helper()
	r := loaded().results[pkg]
	if r == nil {
		t.Fatalf("package %s was not loaded", pkg)
	}
	res := &analysistest.Result{Pass: &analysis.Pass{}}
	*res.Pass = *r.Pass
	res.Pass.Report = func(d analysis.Diagnostic) { res.Diagnostics = append(res.Diagnostics, d) }
	_, err := New(cfg).Run(res.Pass)
	return diags([]*analysistest.Result{res}), err
}

// TestAnalyzer runs the analyzer over each testdata package: the // want
// comments say which lines report what, the table the exact columns.
func TestAnalyzer(t *testing.T) {
	tests := []struct {
		pkg   string
		rules []string // rules the package exercises
		want  []string
	}{
		{"falsy", []string{"skip-check-falsy-value"}, []string{
			"falsy.go:6:2: skip-check-falsy-value",
			"falsy.go:7:6: skip-check-falsy-value",
			// generated files are reported like the command reports them
			"generated.go:7:15: skip-check-falsy-value",
		}},
		{"misspelled", []string{"misspelled-variable"}, []string{
			"misspelled.go:7:3: misspelled-variable",
		}},
		{"hardcoded", []string{"hardcoded-credential"}, []string{
			"hardcoded.go:5:15: hardcoded-credential",
		}},
		{"region", []string{"unsupported-region"}, []string{
			"region.go:6:82: unsupported-region",
		}},
		// vercel.json at the module root makes the project a Vercel one.
		{"platform", []string{"platform-reserved-key"}, []string{
			"platform.go:10:8: platform-reserved-key",
		}},
		// the local Getenv and the variable named os are not the os
		// package's; the constant from names.go is folded
		{"typed", []string{"skip-check-falsy-value"}, []string{
			"typed.go:19:2: skip-check-falsy-value",
		}},
		{"suppress", []string{"skip-check-falsy-value"}, []string{
			"suppress.go:10:2: skip-check-falsy-value",
			"suppress.go:11:57: invalid-suppression",
			"suppress.go:12:57: unused-suppression",
			"suppress.go:9:2: invalid-suppression",
		}},
		{"clean", nil, nil},
		// .remolint.yaml at the module root turns the rule off
		{"configoff", []string{"skip-check-falsy-value"}, []string{
			"configoff.go:7:39: unused-suppression",
		}},
		// two packages of one module, analyzed concurrently from one read
		{"multi/a", []string{"skip-check-falsy-value"}, []string{"a.go:7:12: skip-check-falsy-value"}},
		{"multi/b", []string{"skip-check-falsy-value"}, []string{"b.go:6:2: skip-check-falsy-value"}},
		{"configon", []string{"skip-check-falsy-value"}, []string{
			"configon.go:7:39: unused-suppression",
		}},
		{"minsev", []string{"skip-check-falsy-value"}, []string{
			"minsev.go:6:2: skip-check-falsy-value",
			"minsev.go:7:60: unused-suppression",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			needRules(t, tt.rules...)
			if got := diags([]*analysistest.Result{result(t, tt.pkg)}); !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestMessages checks the whole text of one diagnostic and its span.
func TestMessages(t *testing.T) {
	rs := []*analysistest.Result{result(t, "falsy")}
	var d *analysis.Diagnostic
	for _, r := range rs {
		for i := range r.Diagnostics {
			if p := r.Pass.Fset.Position(r.Diagnostics[i].Pos); filepath.Base(p.Filename) == "falsy.go" && p.Line == 6 {
				d = &r.Diagnostics[i]
			}
		}
		if d != nil {
			end := r.Pass.Fset.Position(d.End)
			if end.Line != 6 || end.Column != 59 {
				t.Errorf("end = %d:%d, want 6:59", end.Line, end.Column)
			}
		}
	}
	if d == nil {
		t.Fatal("no diagnostic at falsy.go:6")
	}
	const want = `skip-check-falsy-value: setting REMOTION_SKIP_AWS_CREDENTIALS_CHECK to "false" still skips the check: ` +
		`Remotion treats any non-empty value as on, so the credentials check is skipped and the REMOTION_AWS_* variables are ignored; delete the variable instead`
	if d.Message != want || d.Category != "skip-check-falsy-value" {
		t.Errorf("got %q (category %q)\nwant %q", d.Message, d.Category, want)
	}
}

// TestHardcodedNotPrinted: the key id never appears in full.
func TestHardcodedNotPrinted(t *testing.T) {
	needRules(t, "hardcoded-credential")
	for _, r := range []*analysistest.Result{result(t, "hardcoded")} {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "AKIAZ2Q7N4XR6TWVQJPL") {
				t.Errorf("message holds the key id: %q", d.Message)
			}
		}
	}
}

// cliFindings runs the command's path (scan.Run and lint.Evaluate, with the
// package folder as working directory and its .remolint.yaml) and returns
// its findings in Go files as "file:line:col: message".
func cliFindings(t *testing.T, dir string) []string {
	t.Helper()
	ctx := context.Background()
	e, err := cliEngine()
	if err != nil {
		t.Fatal(err)
	}
	var cfg *config.Config
	if p := config.Find(dir); p != "" {
		if cfg, err = config.Load(p, p, nil); err != nil {
			t.Fatal(err)
		}
	}
	res, err := scan.Run(ctx, scan.Options{WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := lint.Evaluate(ctx, e, res, lint.Options{Config: cfg, WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		if strings.HasSuffix(f.Path, ".go") {
			out = append(out, fmt.Sprintf("%s:%d:%d: %s: %s", f.Path, f.Line, f.Column, f.Rule, f.Message))
		}
	}
	slices.Sort(out)
	return out
}

// cliEngine compiles the policies independently of the analyzer's cache.
var cliEngine = sync.OnceValues(func() (*policy.Engine, error) { return policy.New(context.Background()) })

func analyzerFindings(rs []*analysistest.Result) []string {
	var out []string
	for _, r := range rs {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.Filename), p.Line, p.Column, d.Message))
		}
	}
	slices.Sort(out)
	return out
}

// TestSameAsCommand: where type information changes nothing, the analyzer
// reports exactly what the command reports in the package's Go files.
func TestSameAsCommand(t *testing.T) {
	tests := []struct {
		pkg   string
		rules []string
	}{
		{"falsy", nil},
		{"misspelled", []string{"misspelled-variable"}},
		{"hardcoded", []string{"hardcoded-credential"}},
		{"region", nil},
		{"platform", nil},
		{"suppress", nil},
		{"configoff", nil},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			needRules(t, tt.rules...)
			dir := filepath.Join(analysistest.TestData(), "src", tt.pkg)
			want := cliFindings(t, dir)
			got := analyzerFindings([]*analysistest.Result{result(t, tt.pkg)})
			if len(want) == 0 && len(tt.rules) == 0 {
				t.Fatal("the command reports nothing: the comparison would prove nothing")
			}
			if !slices.Equal(got, want) {
				t.Errorf("analyzer and command differ:\nanalyzer %q\ncommand  %q", got, want)
			}
		})
	}
}

// TestTypeAware pins the one intended difference: type information removes
// the shadowed os.Setenv the syntax-only command reports and finds the call
// whose name is a constant from another file.
func TestTypeAware(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "src", "typed")
	cmd := cliFindings(t, dir)
	got := analyzerFindings([]*analysistest.Result{result(t, "typed")})
	if len(cmd) != 1 || !strings.HasPrefix(cmd[0], "typed.go:15:6: skip-check-falsy-value") {
		t.Errorf("command: got %q, want only typed.go:15:6 (the shadowed os)", cmd)
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "typed.go:19:2: skip-check-falsy-value") {
		t.Errorf("analyzer: got %q, want only typed.go:19:2 (the folded constant)", got)
	}
}

// TestCleanPackageSkipsRead: a package without facts or directives is not
// worth reading its module for; one with facts is read once.
func TestCleanPackageSkipsRead(t *testing.T) {
	cached := func(pkg string) bool {
		root, err := filepath.Abs(filepath.Join(analysistest.TestData(), "src", pkg))
		if err != nil {
			t.Fatal(err)
		}
		shared.mu.Lock()
		defer shared.mu.Unlock()
		_, ok := shared.projects[root]
		return ok
	}
	result(t, "clean")
	result(t, "falsy")
	if cached("clean") {
		t.Error("the clean package's module was read")
	}
	if !cached("falsy") {
		t.Error("the falsy package's module was not read (or not cached)")
	}
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestNew(t *testing.T) {
	needRules(t, "skip-check-falsy-value")
	tests := []struct {
		name string
		pkg  string
		cfg  Config
		want []string
	}{
		{"on overrides .remolint.yaml", "configon", Config{Rules: map[string]string{"skip-check-falsy-value": On}},
			[]string{"configon.go:6:2: skip-check-falsy-value", "configon.go:7:39: unused-suppression"}},
		{"min severity hides info", "minsev", Config{MinSeverity: "error"},
			[]string{"minsev.go:6:2: skip-check-falsy-value"}},
		{"severity override below the minimum", "minsev",
			Config{Rules: map[string]string{"skip-check-falsy-value": "info"}, MinSeverity: "warning"}, nil},
		{"severity override above the minimum", "minsev",
			Config{Rules: map[string]string{"unused-suppression": "error"}, MinSeverity: "error"},
			[]string{"minsev.go:6:2: skip-check-falsy-value", "minsev.go:7:60: unused-suppression"}},
		{"off", "falsy", Config{Rules: map[string]string{"skip-check-falsy-value": Off}}, nil},
		{"off leaves the others", "suppress", Config{Rules: map[string]string{"skip-check-falsy-value": Off}},
			[]string{"suppress.go:11:57: invalid-suppression", "suppress.go:12:57: unused-suppression", "suppress.go:9:2: invalid-suppression"}},
		{"zero config", "falsy", Config{},
			[]string{"falsy.go:6:2: skip-check-falsy-value", "falsy.go:7:6: skip-check-falsy-value", "generated.go:7:15: skip-check-falsy-value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rerun(t, tt.pkg, tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("invalid config fails the run", func(t *testing.T) {
		got, err := rerun(t, "falsy", Config{Rules: map[string]string{"no-such-rule": Off}})
		if err == nil || !strings.Contains(err.Error(), `unknown rule "no-such-rule"`) || len(got) != 0 {
			t.Errorf("got %q, %v; want an error naming no-such-rule and no diagnostics", got, err)
		}
	})
	t.Run("the caller's map is copied", func(t *testing.T) {
		rules := map[string]string{"skip-check-falsy-value": Off}
		a := New(Config{Rules: rules})
		rules["skip-check-falsy-value"] = On
		r := loaded().results["falsy"]
		pass := *r.Pass
		n := 0
		pass.Report = func(analysis.Diagnostic) { n++ }
		if _, err := a.Run(&pass); err != nil || n != 0 {
			t.Errorf("got %d diagnostics, %v; want none", n, err)
		}
	})
}

func TestValidate(t *testing.T) {
	tests := []struct {
		cfg  Config
		want string // "" for valid
	}{
		{Config{}, ""},
		{Config{Rules: map[string]string{"skip-check-falsy-value": "off", "unused-suppression": "on", "platform-reserved-key": "warning"}, MinSeverity: "info"}, ""},
		{Config{Rules: map[string]string{"skip-check-falsy": "off"}}, `unknown rule "skip-check-falsy" (run 'remolint rules' for the list)`},
		{Config{Rules: map[string]string{"skip-check-falsy-value": "loud"}}, `rule skip-check-falsy-value: "loud" is not off, on, error, warning or info`},
		{Config{MinSeverity: "off"}, `min severity "off" is not error, warning or info`},
		{Config{Rules: map[string]string{"b-rule": "off", "a-rule": "off"}}, `unknown rule "a-rule" (run 'remolint rules' for the list); unknown rule "b-rule" (run 'remolint rules' for the list)`},
	}
	for _, tt := range tests {
		err := tt.cfg.Validate()
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.cfg, got, tt.want)
		}
	}
}

func TestPos(t *testing.T) {
	fset := token.NewFileSet()
	src := "ab\ncde\n\nf"
	tf := fset.AddFile("x.go", -1, len(src))
	tf.SetLinesForContent([]byte(src))
	tests := []struct {
		line, col int
		want      string
	}{
		{1, 1, "x.go:1:1"},
		{2, 3, "x.go:2:3"},
		{4, 1, "x.go:4:1"},
		{2, 99, "x.go:4:2"}, // past the end of the file: clamped to its end
		{9, 1, "x.go:4:2"},
		{0, 5, "x.go:1:1"},
		{-3, -3, "x.go:1:1"},
		{3, 0, "x.go:3:1"},
	}
	for _, tt := range tests {
		if got := fset.Position(pos(tf, tt.line, tt.col)).String(); got != tt.want {
			t.Errorf("pos(%d, %d) = %s, want %s", tt.line, tt.col, got, tt.want)
		}
	}
}

func FuzzPos(f *testing.F) {
	f.Add("ab\ncde\n\nf", 2, 3)
	f.Add("", 1, 1)
	f.Add("\n\n", 9, -1)
	f.Fuzz(func(t *testing.T, src string, line, col int) {
		fset := token.NewFileSet()
		tf := fset.AddFile("x.go", -1, len(src))
		tf.SetLinesForContent([]byte(src))
		p := pos(tf, line, col)
		if int(p) < tf.Base() || int(p) > tf.Base()+tf.Size() {
			t.Fatalf("pos(%d, %d) = %d outside the file [%d, %d]", line, col, p, tf.Base(), tf.Base()+tf.Size())
		}
	})
}

func TestModuleRoot(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, ok := moduleRoot(sub); got != sub || ok {
		t.Errorf("without go.mod: got %s, %v; want the folder itself %s, false", got, ok, sub)
	}
	if err := os.WriteFile(filepath.Join(dir, "a", "go.mod"), []byte("module a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := moduleRoot(sub); got != filepath.Join(dir, "a") || !ok {
		t.Errorf("got %s, %v; want %s, true", got, ok, filepath.Join(dir, "a"))
	}
	// a folder named go.mod is not a module file
	if err := os.Mkdir(filepath.Join(sub, "go.mod"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, ok := moduleRoot(sub); got != filepath.Join(dir, "a") || !ok {
		t.Errorf("go.mod folder: got %s, %v; want %s, true", got, ok, filepath.Join(dir, "a"))
	}
}

// TestPackageRoot: a cgo file from the build cache (no go.mod above it)
// does not decide the module root.
func TestPackageRoot(t *testing.T) {
	cache := t.TempDir()
	mod, err := filepath.Abs(filepath.Join(analysistest.TestData(), "src", "falsy"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range []string{filepath.Join(cache, "x.cgo1.go"), filepath.Join(mod, "falsy.go")} {
		f, err := parser.ParseFile(fset, name, "package falsy\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if got := packageRoot(&analysis.Pass{Fset: fset, Files: files}); got != mod {
		t.Errorf("got %s, want %s", got, mod)
	}
	if got := packageRoot(&analysis.Pass{Fset: fset, Files: files[:1]}); got != cache {
		t.Errorf("only the cgo file: got %s, want its folder %s", got, cache)
	}
}
