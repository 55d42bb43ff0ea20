package schematest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/policies"
)

// exampleRules are the rules of policies/examples.
var exampleRules = []string{"eu-central-only", "no-static-keys-in-production"}

// TestExamplesNotEmbedded checks that the worked examples stay examples:
// the binary's built-in bundle holds lib/ and rules/ only, and no built-in
// rule takes an example's ID.
func TestExamplesNotEmbedded(t *testing.T) {
	top, err := fs.ReadDir(policies.FS, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range top {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"lib", "rules"}) {
		t.Errorf("the embedded policy bundle holds %v, want [lib rules] (policies/examples must not be embedded)", names)
	}
	for _, r := range catalogue(t) {
		if slices.Contains(exampleRules, r.ID) || strings.Contains(r.Package, ".examples.") {
			t.Errorf("built-in rule %s (%s) comes from the examples", r.ID, r.Package)
		}
	}
}

// TestExamplePolicyTests runs the examples' _test.rego files the way
// `remolint test-policies policies/examples` does.
func TestExamplePolicyTests(t *testing.T) {
	var out strings.Builder
	passed, failed, err := policy.RunTests(context.Background(), os.DirFS(filepath.Join(repoRoot(t), "policies", "examples")), &out)
	if err != nil {
		t.Fatal(err)
	}
	if failed != 0 || passed != 9 {
		t.Errorf("policies/examples: %d passed, %d failed, want 9 passed:\n%s", passed, failed, out.String())
	}
}

// TestExamplePoliciesEndToEnd loads the examples as a team's policies and
// lints testdata/examples-project with them: exact findings, and the
// examples' metadata in the catalogue.
func TestExamplePoliciesEndToEnd(t *testing.T) {
	root := repoRoot(t)
	ctx := context.Background()
	e, err := policy.New(ctx, policy.WithCustomPolicies("policies/examples", os.DirFS(filepath.Join(root, "policies", "examples"))))
	if err != nil {
		t.Fatalf("loading policies/examples: %v", err)
	}
	var got []string
	for _, r := range lint.Catalogue(e) {
		if slices.Contains(exampleRules, r.ID) {
			got = append(got, fmt.Sprintf("%s %s %s", r.ID, r.Severity, r.Package))
		}
	}
	want := []string{
		"eu-central-only error remolint.custom.examples.eu_central_only",
		"no-static-keys-in-production error remolint.custom.examples.no_static_keys_in_production",
	}
	if !slices.Equal(got, want) {
		t.Errorf("catalogue:\n got  %q\n want %q", got, want)
	}

	res, err := scan.Run(ctx, scan.Options{Paths: []string{"internal/schematest/testdata/examples-project"}, WorkDir: root, NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	findings, err := lint.Evaluate(ctx, e, res, lint.Options{WorkDir: root})
	if err != nil {
		t.Fatal(err)
	}
	got = nil
	for _, f := range findings {
		if slices.Contains(exampleRules, f.Rule) {
			got = append(got, fmt.Sprintf("%s:%d:%d: %s %s: %s", f.Path, f.Line, f.Column, f.Severity, f.Rule, f.Message))
		}
	}
	const dir = "internal/schematest/testdata/examples-project/"
	want = []string{
		dir + ".env:1:1: error eu-central-only: REMOTION_AWS_REGION=us-east-1 renders outside eu-central-1: our renders must stay in eu-central-1",
		dir + ".env.production:1:1: error no-static-keys-in-production: REMOTION_AWS_ACCESS_KEY_ID holds an access key id (AKIA…2345) in a production env file: production must take its credentials from the platform's secret store or an IAM role, not from a file",
		dir + "src/render.ts:5:12: error eu-central-only: renderMediaOnLambda renders in us-west-2: our renders must stay in eu-central-1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings of the example rules:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
}
