package view_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/internal/view"
)

// Each clause of Relevant (and of Countable) is the only reason for one
// case.
func TestRelevant(t *testing.T) {
	mentioned := func(name string) bool { return name == "TZ" }
	prefixes := map[string]bool{"JOB_QUEUE": true}
	for _, c := range []struct {
		v    facts.Variable
		want bool
	}{
		{facts.Variable{Name: "DATABASE_URL", Shape: "other"}, false},
		{facts.Variable{Name: "PORT", Shape: "empty"}, false},
		{facts.Variable{Name: "REMOTION_AWS_REGION", Shape: "other", Known: true}, true},
		{facts.Variable{Name: "AWS_LAMBDA_FUNCTION_NAME", Shape: "other"}, true},
		{facts.Variable{Name: "REMOTION_ANYTHING", Shape: "other"}, true},
		{facts.Variable{Name: "REMOTON_AWS_REGION", Shape: "other", Suggestion: "REMOTION_AWS_REGION"}, true},
		{facts.Variable{Name: "RENDER_QUEUE_2", Shape: "other", Family: &facts.Family{Prefix: "RENDER_QUEUE", Index: 2}}, false},
		{facts.Variable{Name: "DB_PASSWORD_2", Shape: "other", Family: &facts.Family{Prefix: "DB_PASSWORD", Index: 2, Credential: true}}, true},
		{facts.Variable{Name: "MY_KEY_2", Shape: "other", Family: &facts.Family{Prefix: "MY_KEY", Index: 2, Role: "key"}}, true},
		{facts.Variable{Name: "MY_KEYS_2", Shape: "other", Family: &facts.Family{Prefix: "MY_KEYS", Index: 2, Stem: "MY"}}, true},
		{facts.Variable{Name: "RENDER_QUEUE_", Shape: "other", Family: &facts.Family{Prefix: "RENDER_QUEUE", Missing: true}}, true},
		{facts.Variable{Name: "JOB_QUEUE_2", Shape: "other", Family: &facts.Family{Prefix: "JOB_QUEUE", Index: 2}}, true},
		{facts.Variable{Name: "DEPLOY_ID", Shape: "aws-access-key-id", Display: "AKIA…WXYZ"}, true},
		{facts.Variable{Name: "DEPLOY_SECRET", Shape: "other", LooksLikeSecretKey: true}, true},
		{facts.Variable{Name: "TOKEN", Shape: "placeholder"}, true},
		{facts.Variable{Name: "TZ", Shape: "other"}, true},
		{facts.Variable{Name: "aws_region", Shape: "other"}, false},
	} {
		if got := view.Relevant(&c.v, mentioned, prefixes); got != c.want {
			t.Errorf("Relevant(%s, shape %s) = %v, want %v", c.v.Name, c.v.Shape, got, c.want)
		}
	}
	if view.Relevant(&facts.Variable{Name: "TZ", Shape: "other"}, nil, prefixes) {
		t.Error("Relevant(TZ) with no mentioned names: want false")
	}
}

// Each clause of RelevantAccess is the only reason for one case.
func TestRelevantAccess(t *testing.T) {
	mentioned := func(name string) bool { return name == "TZ" }
	for _, c := range []struct {
		a    facts.EnvAccess
		want bool
	}{
		{facts.EnvAccess{Name: "PORT"}, false},
		{facts.EnvAccess{Name: "NODE_ENV", Value: "production", Shape: "other", Literal: true}, false},
		{facts.EnvAccess{Name: "LOG_LEVEL", Shape: "empty"}, false},
		{facts.EnvAccess{Prefix: "ACCOUNT_"}, true},
		{facts.EnvAccess{Name: "SOMETHING", Dynamic: true}, true},
		{facts.EnvAccess{Name: "REMOTION_SKIP_AWS_CREDENTIALS_CHECK_X", Known: true}, true},
		{facts.EnvAccess{Name: "KNOWN_NAME", Known: true}, true},
		{facts.EnvAccess{Name: "REMOTON_AWS_REGION", Suggestion: "REMOTION_AWS_REGION"}, true},
		{facts.EnvAccess{Name: "MY_KEY_2", Family: &facts.Family{Prefix: "MY_KEY", Index: 2}}, true},
		{facts.EnvAccess{Name: "DEPLOY_ID", Shape: "aws-access-key-id", Literal: true}, true},
		{facts.EnvAccess{Name: "AWS_LAMBDA_FUNCTION_NAME"}, true},
		{facts.EnvAccess{Name: "REMOTION_ANYTHING"}, true},
		{facts.EnvAccess{Name: "TZ"}, true},
		{facts.EnvAccess{Name: "aws_region"}, false},
	} {
		if got := view.RelevantAccess(&c.a, mentioned); got != c.want {
			t.Errorf("RelevantAccess(%+v) = %v, want %v", c.a, got, c.want)
		}
	}
	if view.RelevantAccess(&facts.EnvAccess{Name: "TZ"}, nil) {
		t.Error("RelevantAccess(TZ) with no mentioned names: want false")
	}
}

// TestBuiltinKeepsFindings evaluates the built-in bundle on the whole
// document and on its view, for every fixture and a generated monorepo:
// the findings must be the same. A rule that starts reading what the view
// drops fails here on its own fixture.
func TestBuiltinKeepsFindings(t *testing.T) {
	ctx := context.Background()
	engine, err := policy.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !engine.BuiltinOnly() || !engine.Mentions("_HANDLER") || engine.Mentions("DATABASE_URL") {
		t.Fatalf("BuiltinOnly %v, Mentions(_HANDLER) %v, Mentions(DATABASE_URL) %v: want true, true, false",
			engine.BuiltinOnly(), engine.Mentions("_HANDLER"), engine.Mentions("DATABASE_URL"))
	}
	dirs, err := filepath.Glob("../../fixtures/*")
	if err != nil || len(dirs) < 50 {
		t.Fatalf("fixtures: %d folders, %v", len(dirs), err)
	}
	gen := filepath.Join(t.TempDir(), "tree")
	if _, err := corpus.Generate(gen, corpus.Options{Packages: 40, PathologicalKeys: 300}); err != nil {
		t.Fatal(err)
	}
	// Definitions kept for a fact about them alone, not their names: a
	// misspelling that breaks the prefix, a secret key under a name of the
	// application's.
	odd := t.TempDir()
	if err := os.WriteFile(filepath.Join(odd, ".env"), []byte(
		"REMTOION_AWS_REGION=us-east-1\nDEPLOY_SECRET=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\nPORT=3000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Numbered names that are settings (RENDER_QUEUE_2), which the view
	// drops, beside a family that only code reading it with a run-time
	// index makes count (WORKER_n: account-sequence-gap reports WORKER_3).
	loops := t.TempDir()
	for name, text := range map[string]string{
		"package.json":   `{"name": "loops", "dependencies": {"@remotion/lambda": "4.0.0"}}`,
		".env":           "RENDER_QUEUE_1=q1\nRENDER_QUEUE_2=q2\nWORKER_1=w1\nWORKER_3=w3\n",
		"src/workers.js": "const w = [];\nfor (let i = 1; process.env[\"WORKER_\" + i]; i++) w.push(process.env[\"WORKER_\" + i]);\nexport default w;\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(loops, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(loops, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dirs = append(dirs, gen, odd, loops)
	dropped, findings := 0, 0
	loopFound := false
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		res, err := scan.Run(ctx, scan.Options{WorkDir: dir, NoGit: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		before := marshal(t, res.Doc)
		v := view.Builtin(res.Doc, engine.Mentions)
		if after := marshal(t, res.Doc); after != before {
			t.Fatalf("%s: Builtin changed the document it narrows", dir)
		}
		dropped += count(res.Doc) - count(v)
		want := eval(t, engine, res.Doc)
		got := eval(t, engine, v)
		if dir == loops {
			for _, f := range want {
				loopFound = loopFound || f.Rule == "account-sequence-gap" && strings.HasPrefix(f.Message, "WORKER_3 ")
			}
			if n := len(v.EnvFiles[0].Entries); n != 2 {
				t.Errorf("%s: the view keeps %d entries, want 2 (WORKER_1 and WORKER_3)", dir, n)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the view gives other findings than the whole document:\nview:  %+v\nwhole: %+v", dir, got, want)
		}
		findings += len(want)
	}
	if !loopFound {
		t.Error("no account-sequence-gap finding for WORKER_3 from the whole document: the loop case proves nothing")
	}
	// Both sides of the comparison must have had something to lose.
	if dropped < 100 || findings < 100 {
		t.Errorf("the view dropped %d definitions and the documents gave %d findings: the comparison proves little", dropped, findings)
	}
}

func TestNumberedPrefixes(t *testing.T) {
	doc := &facts.Document{
		Code: facts.Code{Reads: []facts.EnvAccess{
			{Prefix: "WORKER_", Dynamic: true},
			{Name: "JOB_TOKEN_", Family: &facts.Family{Prefix: "JOB_TOKEN", Missing: true, Credential: true}},
			{Name: "PORT"},
		}},
		EnvFiles: []facts.EnvFile{{Entries: []facts.Variable{
			{Name: "API_KEY_", Family: &facts.Family{Prefix: "API_KEY", Missing: true, Credential: true}},
			{Name: "RENDER_QUEUE_2", Family: &facts.Family{Prefix: "RENDER_QUEUE", Index: 2}},
		}}},
		Environments: []facts.Environment{{Variables: []facts.Variable{
			{Name: "CI_SECRET_", Family: &facts.Family{Prefix: "CI_SECRET", Missing: true, Credential: true}},
		}}},
	}
	want := map[string]bool{"WORKER": true, "JOB_TOKEN": true, "API_KEY": true, "CI_SECRET": true}
	if got := view.NumberedPrefixes(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("NumberedPrefixes = %v, want %v", got, want)
	}
}

// TestBuiltinIndex checks the view's index points at the kept definitions.
func TestBuiltinIndex(t *testing.T) {
	doc := &facts.Document{
		EnvFiles: []facts.EnvFile{{Path: ".env", Entries: []facts.Variable{
			{Name: "PORT", Shape: "other"},
			{Name: "REMOTION_AWS_REGION", Shape: "other", Known: true, ValueLocation: &facts.Location{Path: ".env", Line: 2, Column: 21}},
			{Name: "DATABASE_URL", Shape: "other"},
			{Name: "REMOTION_AWS_REGION", Shape: "other", Known: true},
		}}},
		Environments: []facts.Environment{{ID: ".", Variables: []facts.Variable{
			{Name: "PORT", Shape: "other"},
			{Name: "REMOTION_AWS_REGION", Shape: "other", Known: true},
		}}},
		Files: []facts.File{{Path: ".env", Kind: "env"}, {Path: ".aws/config", Kind: "aws-config"}},
	}
	v := view.Builtin(doc, nil)
	if n := len(v.EnvFiles[0].Entries); n != 2 {
		t.Fatalf("entries kept: %d, want 2", n)
	}
	if got, want := v.Index.EnvEntries["REMOTION_AWS_REGION"], [][2]int{{0, 0}, {0, 1}}; !reflect.DeepEqual(got, want) {
		t.Errorf("index of REMOTION_AWS_REGION entries = %v, want %v", got, want)
	}
	if got, want := v.Index.Variables["REMOTION_AWS_REGION"], [][2]int{{0, 0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("index of REMOTION_AWS_REGION variables = %v, want %v", got, want)
	}
	for _, e := range v.EnvFiles[0].Entries {
		if e.ValueLocation != nil {
			t.Errorf("%s keeps its value location, which no built-in rule reads", e.Name)
		}
	}
	if _, ok := v.Index.EnvEntries["PORT"]; ok {
		t.Error("the index still names PORT")
	}
	if len(v.Files) != 1 || v.Files[0].Kind != "aws-config" {
		t.Errorf("files kept: %+v, want the AWS config file only", v.Files)
	}
	// The lists of the view are full: appending to one cannot overwrite the
	// next one's first element.
	entries := v.EnvFiles[0].Entries
	entries = append(entries, facts.Variable{Name: "X"})
	_ = entries
	if v.Environments[0].Variables[0].Name != "REMOTION_AWS_REGION" {
		t.Error("appending to a file's entries overwrote an environment's variable")
	}
}

func TestWithTeamPolicies(t *testing.T) {
	engine, err := policy.New(context.Background(), policy.WithCustomPolicies("examples", os.DirFS("../../policies/examples")))
	if err != nil {
		t.Fatal(err)
	}
	if engine.BuiltinOnly() || engine.Mentions("_HANDLER") {
		t.Error("with a team policy loaded, the engine must ask for the whole document")
	}
}

func eval(t *testing.T, e *policy.Engine, doc *facts.Document) []policy.Finding {
	t.Helper()
	in, err := policy.Input(doc)
	if err != nil {
		t.Fatal(err)
	}
	fs, failed, err := e.EvalInput(context.Background(), in, nil)
	if err != nil || len(failed) > 0 {
		t.Fatalf("eval: %v %v", err, failed)
	}
	return fs
}

func count(d *facts.Document) int {
	n := 0
	for _, f := range d.EnvFiles {
		n += len(f.Entries)
	}
	for _, e := range d.Environments {
		n += len(e.Variables)
	}
	return n
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
