package policies_test

import (
	"context"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/policies"
)

// TestRego runs every _test.rego of the bundle in the policy sandbox.
func TestRego(t *testing.T) {
	var out strings.Builder
	passed, failed, err := policy.RunTests(context.Background(), policies.FS, &out)
	if err != nil {
		t.Fatalf("policy tests did not run: %v", err)
	}
	if out.Len() > 0 {
		t.Log("\n" + out.String())
	}
	if failed > 0 {
		t.Errorf("%d Rego tests failed, %d passed", failed, passed)
	}
	if passed == 0 {
		t.Error("no Rego test ran")
	}
	t.Logf("%d Rego tests passed", passed)
}

// ruleFile is a non-test .rego file under rules/ that defines report.
type ruleFile struct {
	path   string
	module *ast.Module
}

func parse(t *testing.T, p string) *ast.Module {
	t.Helper()
	src, err := fs.ReadFile(policies.FS, p)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ast.ParseModuleWithOpts(p, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
	if err != nil {
		t.Fatalf("parse %s: %v", p, err)
	}
	return m
}

func ruleFiles(t *testing.T) []ruleFile {
	t.Helper()
	var files []ruleFile
	err := fs.WalkDir(policies.FS, "rules", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, "_test.rego") {
			return err
		}
		m := parse(t, p)
		for _, r := range m.Rules {
			if r.Head.Ref()[0].Value.Compare(ast.Var("report")) == 0 {
				files = append(files, ruleFile{path: p, module: m})
				break
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no rule under rules/")
	}
	return files
}

// TestEveryRuleHasFiringAndQuietTests checks that rules/<family>/<rule>.rego
// has <rule>_test.rego beside it with a test_fires* and a test_quiet* test,
// and sits in package remolint.rules.<family>.<rule>.
func TestEveryRuleHasFiringAndQuietTests(t *testing.T) {
	for _, rf := range ruleFiles(t) {
		dir, file := path.Split(rf.path)
		base := strings.TrimSuffix(file, ".rego")
		family := path.Base(dir)
		if want := "data.remolint.rules." + family + "." + base; rf.module.Package.Path.String() != want {
			t.Errorf("%s: package %s, want %s", rf.path, rf.module.Package.Path, strings.TrimPrefix(want, "data."))
		}
		testPath := path.Join(dir, base+"_test.rego")
		if _, err := fs.Stat(policies.FS, testPath); err != nil {
			t.Errorf("%s has no %s beside it", rf.path, testPath)
			continue
		}
		var fires, quiet bool
		for _, r := range parse(t, testPath).Rules {
			name := r.Head.Ref()[0].Value.(ast.Var).String()
			fires = fires || strings.HasPrefix(name, "test_fires")
			quiet = quiet || strings.HasPrefix(name, "test_quiet")
		}
		if !fires {
			t.Errorf("%s has no test_fires* test", testPath)
		}
		if !quiet {
			t.Errorf("%s has no test_quiet* test", testPath)
		}
	}
}

// TestRuleMetadataIsComplete compiles the bundle (which checks title,
// severity, summary and description) and checks the documentation fields
// that `remolint explain` shows.
func TestRuleMetadataIsComplete(t *testing.T) {
	e, err := policy.New(context.Background())
	if err != nil {
		t.Fatalf("the bundle does not load: %v", err)
	}
	byFile := map[string]policy.RuleMeta{}
	for _, r := range e.Rules() {
		byFile[r.File] = r
		for field, v := range map[string]string{
			"title": r.ID, "severity": r.Severity, "summary": r.Summary, "description": r.Description,
			"bad": r.Bad, "good": r.Good, "remotion": r.Remotion,
		} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s (%s): %s is empty", r.File, r.ID, field)
			}
		}
		if strings.Contains(r.Summary, "\n") {
			t.Errorf("%s (%s): summary spans lines", r.File, r.ID)
		}
	}
	for _, rf := range ruleFiles(t) {
		r, ok := byFile["policies/"+rf.path]
		if !ok {
			t.Errorf("%s: no rule metadata found for it (package-scope # METADATA missing?)", rf.path)
			continue
		}
		base := strings.TrimSuffix(path.Base(rf.path), ".rego")
		if want := strings.ReplaceAll(base, "_", "-"); r.ID != want {
			t.Errorf("%s: rule ID %q, want %q (the file name with dashes)", rf.path, r.ID, want)
		}
	}
}
