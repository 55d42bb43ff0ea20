package policy

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/remolint/remolint/internal/facts"
)

func TestCapabilitiesRefuseNondeterministicBuiltins(t *testing.T) {
	caps := Capabilities()
	have := map[string]bool{}
	for _, b := range caps.Builtins {
		have[b.Name] = true
	}
	mustRefuse := []string{
		"http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns", "rand.intn",
		"uuid.rfc4122", "io.jwt.decode_verify", "io.jwt.encode_sign", "io.jwt.encode_sign_raw",
		"json.match_schema", "json.verify_schema",
	}
	for _, name := range mustRefuse {
		if _, known := ast.BuiltinMap[name]; !known {
			t.Errorf("%s is not an OPA built-in any more: update the refused list", name)
		}
		if have[name] {
			t.Errorf("Capabilities() still offers %s", name)
		}
		if !refusedBuiltin(name) {
			t.Errorf("refusedBuiltin(%q) = false", name)
		}
	}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if b.Nondeterministic && have[b.Name] {
			t.Errorf("Capabilities() offers non-deterministic built-in %s", b.Name)
		}
	}
	// The sandbox must not throw away what policies legitimately use.
	for _, name := range []string{
		"print", "trace", "sprintf", "startswith", "count", "object.union", "regex.match",
		"rego.metadata.chain", "uuid.parse", "net.cidr_expand", "crypto.x509.parse_and_verify_certificates",
		"time.parse_rfc3339_ns", "json.unmarshal",
	} {
		if !have[name] {
			t.Errorf("Capabilities() lacks %s", name)
		}
		if refusedBuiltin(name) {
			t.Errorf("refusedBuiltin(%q) = true", name)
		}
	}
	if caps.AllowNet == nil || len(caps.AllowNet) != 0 {
		t.Errorf("AllowNet = %#v, want an empty, non-nil list (nil allows every host)", caps.AllowNet)
	}
}

func TestRefusedBuiltinIsALoadError(t *testing.T) {
	tests := []struct {
		name    string
		builtin bool // built-in rules tree rather than a custom root
		call    string
		want    string
	}{
		{"custom http.send", false, `http.send({"method": "GET", "url": "http://127.0.0.1:1"})`, "team/bad.rego:11:7: built-in function http.send is not allowed"},
		{"built-in http.send", true, `http.send({"method": "GET", "url": "http://127.0.0.1:1"})`, "policies/rules/bad/bad.rego:11:7: built-in function http.send is not allowed"},
		{"clock", false, `time.now_ns()`, "team/bad.rego:11:7: built-in function time.now_ns is not allowed"},
		{"randomness", false, `rand.intn("x", 10)`, "team/bad.rego:11:7: built-in function rand.intn is not allowed"},
		{"runtime", false, `opa.runtime()`, "team/bad.rego:11:7: built-in function opa.runtime is not allowed"},
		{"dns", false, `net.lookup_ip_addr("localhost")`, "team/bad.rego:11:7: built-in function net.lookup_ip_addr is not allowed"},
		{"uuid", false, `uuid.rfc4122("k")`, "team/bad.rego:11:7: built-in function uuid.rfc4122 is not allowed"},
		{"schema", false, `json.verify_schema({})`, "team/bad.rego:11:7: built-in function json.verify_schema is not allowed"},
		{"jwt", false, `io.jwt.decode_verify("t", {})`, "team/bad.rego:11:7: built-in function io.jwt.decode_verify is not allowed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkg := "remolint.custom.team.bad"
			if tt.builtin {
				pkg = "remolint.rules.bad.bad"
			}
			src := ruleSrc(pkg, "bad-rule", "_x := "+tt.call+"\n\nreport contains lib.finding(rego.metadata.chain(), {}, \"m\") if _x")
			var opts []Option
			if tt.builtin {
				opts = append(opts, withRules(mapFS("bad/bad.rego", src)))
			} else {
				opts = append(opts, withRules(fixtureRules), WithCustomPolicies("team", mapFS("bad.rego", src)))
			}
			_, err := New(context.Background(), opts...)
			if err == nil {
				t.Fatal("New succeeded, want a load error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestRefusedBuiltinInTestsIsAnError(t *testing.T) {
	fsys := mapFS("t_test.rego", "package remolint.custom.t_test\n\ntest_net if {\n\thttp.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:1\"})\n}\n")
	_, _, err := RunTests(context.Background(), fsys, &strings.Builder{})
	if err == nil || !strings.Contains(err.Error(), "t_test.rego:4:2: built-in function http.send is not allowed") {
		t.Fatalf("RunTests error = %v, want http.send refused at t_test.rego:4:2", err)
	}
}

// explosive policies: each would run for minutes or exhaust memory.
var explosive = []struct {
	name, body string
}{
	{"nested iteration", `_big contains [i, j, k] if {
	some i in numbers.range(1, 2000)
	some j in numbers.range(1, 2000)
	some k in numbers.range(1, 2000)
}

report contains lib.finding(rego.metadata.chain(), {}, "n") if count(_big) > 1`},
	{"huge comprehension", `_n := count([x |
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	x := a * b
])

report contains lib.finding(rego.metadata.chain(), {}, "n") if _n > 1`},
}

func TestTimeLimitStopsRunawayPolicy(t *testing.T) {
	for _, tt := range explosive {
		t.Run(tt.name, func(t *testing.T) {
			e := newFixtureEngine(t, WithTimeout(100*time.Millisecond),
				WithCustomPolicies("team", mapFS("explode.rego", ruleSrc("remolint.custom.team.explode", "explode", tt.body))))
			_, err := e.Eval(context.Background(), []byte(`{}`), nil)
			if !errors.Is(err, ErrTimeLimit) {
				t.Fatalf("err = %v, want ErrTimeLimit", err)
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %T, want *Error", err)
			}
			if pe.Policy != "remolint.custom.team.explode" || pe.At != "team/explode.rego" {
				t.Errorf("blamed %q at %q, want remolint.custom.team.explode at team/explode.rego", pe.Policy, pe.At)
			}
			if want := "evaluate policy remolint.custom.team.explode at team/explode.rego: "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q does not start with %q", err, want)
			}
			// The engine stays usable.
			if _, err := e.Eval(context.Background(), []byte(`{}`), nil); !errors.Is(err, ErrTimeLimit) {
				t.Errorf("second Eval: %v", err)
			}
		})
	}
}

func TestEvalHonoursCancellation(t *testing.T) {
	e := newFixtureEngine(t, WithTimeout(time.Minute),
		WithCustomPolicies("team", mapFS("explode.rego", ruleSrc("remolint.custom.team.explode", "explode", explosive[0].body))))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := e.Eval(ctx, []byte(`{}`), nil)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Eval took %v after cancellation", d)
	}
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeLimit) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

const fixtureInput = `{
  "environments": [
    {"id": "apps/web", "variables": [
      {"name": "BAD_B", "location": {"path": "apps/web/.env", "line": 4, "column": 1, "endLine": 4, "endColumn": 6}},
      {"name": "BAD_A", "location": {"path": "apps/web/.env", "line": 2, "column": 1}},
      {"name": "GOOD", "location": {"path": "apps/web/.env", "line": 1, "column": 1}}
    ]},
    {"id": "apps/web (production)", "variables": [
      {"name": "BAD_A", "location": {"path": "apps/web/.env.production", "line": 7, "column": 3},
       "overrides": [{"location": {"path": "apps/web/.env", "line": 2, "column": 1}, "sameValue": false}]}
    ]},
    {"id": "api", "variables": [
      {"name": "BAD_A", "location": {"path": "api/.env", "line": 9, "column": 1}},
      {"name": "X_A", "location": {"path": "api/.env", "line": 10, "column": 1}}
    ]}
  ]
}`

func TestEvalFindings(t *testing.T) {
	custom := ruleSrc("remolint.custom.team.no_good", "no-good", `report contains lib.finding(rego.metadata.chain(), v.location, "GOOD is banned") if {
	some env in input.environments
	some v in env.variables
	v.name == "GOOD"
}`)
	e := newFixtureEngine(t, WithCustomPolicies("team", mapFS("no_good.rego", custom)))
	tests := []struct {
		name   string
		config map[string]any
		want   []Finding
	}{
		{"default config", nil, []Finding{
			{Rule: "fixture-var", Severity: "warning", Message: "BAD_A is set in api", Location: loc("api/.env", 9, 1)},
			{Rule: "no-good", Severity: "error", Message: "GOOD is banned", Location: loc("apps/web/.env", 1, 1)},
			{Rule: "fixture-var", Severity: "warning", Message: "BAD_A is set in apps/web", Location: loc("apps/web/.env", 2, 1)},
			{Rule: "fixture-var", Severity: "warning", Message: "BAD_B is set in apps/web",
				Location: facts.Location{Path: "apps/web/.env", Line: 4, Column: 1, EndLine: 4, EndColumn: 6}},
			{Rule: "fixture-var", Severity: "warning", Message: "BAD_A overrides an earlier definition",
				Location: loc("apps/web/.env.production", 7, 3), Related: &facts.Location{Path: "apps/web/.env", Line: 2, Column: 1}},
		}},
		{"configured prefix", map[string]any{"fixture": map[string]any{"prefix": "X_"}}, []Finding{
			{Rule: "fixture-var", Severity: "warning", Message: "X_A is set in api", Location: loc("api/.env", 10, 1)},
			{Rule: "no-good", Severity: "error", Message: "GOOD is banned", Location: loc("apps/web/.env", 1, 1)},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := e.Eval(context.Background(), []byte(fixtureInput), tt.config)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("findings:\n%s\nwant:\n%s", dump(got), dump(tt.want))
			}
		})
	}
}

func dump(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %+v", f)
		if f.Related != nil {
			fmt.Fprintf(&b, " related=%+v", *f.Related)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestEvalIsDeterministic(t *testing.T) {
	e := newFixtureEngine(t)
	first, err := e.Eval(context.Background(), []byte(fixtureInput), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 {
		t.Fatal("no findings")
	}
	// Shuffle the order of environments and variables: the output must not move.
	var doc map[string]any
	if err := util.UnmarshalJSON([]byte(fixtureInput), &doc); err != nil { // keep numbers exact
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		envs := doc["environments"].([]any)
		r.Shuffle(len(envs), func(a, b int) { envs[a], envs[b] = envs[b], envs[a] })
		for _, env := range envs {
			vars := env.(map[string]any)["variables"].([]any)
			r.Shuffle(len(vars), func(a, b int) { vars[a], vars[b] = vars[b], vars[a] })
		}
		input, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			got, err := e.Eval(context.Background(), input, nil)
			if err != nil {
				errs <- err
				return
			}
			if !reflect.DeepEqual(got, first) {
				errs <- fmt.Errorf("run %d differs:\n%s\nfirst:\n%s", i, dump(got), dump(first))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestConcurrentEvalsKeepTheirOwnConfig(t *testing.T) {
	e := newFixtureEngine(t)
	configs := []map[string]any{nil, {"fixture": map[string]any{"prefix": "X_"}}, {"fixture": map[string]any{"prefix": "BAD_A"}}}
	want := make([]int, len(configs))
	for i, c := range configs {
		got, err := e.Eval(context.Background(), []byte(fixtureInput), c)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = len(got)
	}
	if want[0] == want[1] || want[1] == want[2] {
		t.Fatalf("configs do not change the findings (%v): the test proves nothing", want)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var bad []string
	for i := range 60 {
		wg.Go(func() {
			c := i % len(configs)
			got, err := e.Eval(context.Background(), []byte(fixtureInput), configs[c])
			if err != nil || len(got) != want[c] {
				mu.Lock()
				bad = append(bad, fmt.Sprintf("eval %d with config %d: %d findings, err %v; want %d", i, c, len(got), err, want[c]))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, b := range bad {
		t.Error(b)
	}
}

func TestEvalErrors(t *testing.T) {
	tests := []struct {
		name   string
		custom string // report body of remolint.custom.team.x ("" for none)
		input  string
		want   string
	}{
		{"invalid JSON", "", `{"environments": [`, "parse fact document: unexpected EOF"},
		{"trailing data", "", `{} {}`, "parse fact document: data after the JSON value"},
		{"empty input", "", ``, "parse fact document: EOF"},
		{"built-in error in a policy", `report contains lib.finding(rego.metadata.chain(), {}, "n") if to_number(input.x) > 1`,
			`{"x": "abc"}`, "evaluate policy remolint.custom.team.x at team/x.rego:11:64: eval_builtin_error: to_number: strconv.ParseFloat: parsing \"abc\": invalid syntax"},
		{"conflict in a policy", `_v := input.a[_]

report contains lib.finding(rego.metadata.chain(), {}, "n") if _v`,
			`{"a": [true, false]}`, "evaluate policy remolint.custom.team.x at team/x.rego:11:1: eval_conflict_error: rule data.remolint.custom.team.x._v produced conflicting values"},
		{"mislabelled finding", `report contains {"rule": "other-rule", "severity": "error", "message": "m", "location": {}}`,
			`{}`, `evaluate policy remolint.custom.team.x: finding names rule "other-rule", not its own rule "x"`},
		{"not an object", `report contains "just a string"`,
			`{}`, "evaluate policy remolint.custom.team.x: report holds a string, not a finding object"},
		{"bad severity", `report contains {"rule": "x", "severity": "fatal", "message": "m"}`,
			`{}`, `finding severity "fatal" is not one of error, warning, info`},
		{"empty message", `report contains lib.finding(rego.metadata.chain(), {}, "")`,
			`{}`, "finding has an empty message"},
		{"fractional line", `report contains lib.finding(rego.metadata.chain(), {"line": 1.5}, "m")`,
			`{}`, "finding location: line 1.5 is not a line or column number"},
		{"string column", `report contains lib.finding(rego.metadata.chain(), {"column": "1"}, "m")`,
			`{}`, "finding location: column is a string, not a number"},
		{"related not an object", `report contains object.union(lib.finding(rego.metadata.chain(), {}, "m"), {"related": 3})`,
			`{}`, "finding related location: is a number, not an object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if tt.custom != "" {
				opts = append(opts, WithCustomPolicies("team", mapFS("x.rego", ruleSrc("remolint.custom.team.x", "x", tt.custom))))
			}
			e := newFixtureEngine(t, opts...)
			got, err := e.Eval(context.Background(), []byte(tt.input), nil)
			if err == nil {
				t.Fatalf("Eval = %v, want an error containing %q", got, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadValidation(t *testing.T) {
	const report = "report contains lib.finding(rego.metadata.chain(), {}, \"m\") if input.x"
	meta := func(lines ...string) string {
		return "# METADATA\n" + strings.Join(lines, "\n") + "\npackage remolint.custom.team.r\n\nimport data.remolint.lib\n\n" + report + "\n"
	}
	tests := []struct {
		name string
		fs   map[string]string // custom files
		want string
	}{
		{"no metadata", map[string]string{"r.rego": "package remolint.custom.team.r\n\nimport data.remolint.lib\n\n" + report + "\n"},
			"team/r.rego:1:1: rule package remolint.custom.team.r has no package-scope # METADATA"},
		{"no title", map[string]string{"r.rego": meta("# description: d", "# custom:", "#   severity: error", "#   summary: s")},
			"team/r.rego:1:1: rule package remolint.custom.team.r: title (the rule ID) is missing"},
		{"title not an ID", map[string]string{"r.rego": meta("# title: My Rule", "# description: d", "# custom:", "#   severity: error", "#   summary: s")},
			`title "My Rule" is not a rule ID`},
		{"no description", map[string]string{"r.rego": meta("# title: r", "# custom:", "#   severity: error", "#   summary: s")},
			"team/r.rego:1:1: rule package remolint.custom.team.r: description is missing"},
		{"no severity", map[string]string{"r.rego": meta("# title: r", "# description: d", "# custom:", "#   summary: s")},
			"custom.severity is missing"},
		{"bad severity", map[string]string{"r.rego": meta("# title: r", "# description: d", "# custom:", "#   severity: fatal", "#   summary: s")},
			`custom.severity "fatal" is not one of error, warning, info`},
		{"no summary", map[string]string{"r.rego": meta("# title: r", "# description: d", "# custom:", "#   severity: info")},
			"custom.summary is missing"},
		{"requires_remotion not a bool", map[string]string{"r.rego": meta("# title: r", "# description: d", "# custom:", "#   severity: info", "#   summary: s", "#   requires_remotion: maybe")},
			"custom.requires_remotion must be true or false"},
		{"duplicate of a built-in", map[string]string{"r.rego": meta("# title: fixture-var", "# description: d", "# custom:", "#   severity: info", "#   summary: s")},
			`team/r.rego:1:1: rule ID "fixture-var" is already used by policies/rules/fixture/fixture_var.rego`},
		{"duplicate between custom files", map[string]string{
			"a.rego": strings.Replace(meta("# title: same", "# description: d", "# custom:", "#   severity: info", "#   summary: s"), "team.r", "team.a", 1),
			"b.rego": strings.Replace(meta("# title: same", "# description: d", "# custom:", "#   severity: info", "#   summary: s"), "team.r", "team.b", 1),
		}, `team/b.rego:1:1: rule ID "same" is already used by team/a.rego`},
		{"report not a set", map[string]string{"r.rego": strings.Replace(meta("# title: r", "# description: d", "# custom:", "#   severity: info", "#   summary: s"), "report contains", "report :=", 1)},
			"team/r.rego:11:1: package remolint.custom.team.r: report must be a set of findings"},
		{"rule metadata without report", map[string]string{"r.rego": strings.Replace(meta("# title: r", "# description: d", "# custom:", "#   severity: info", "#   summary: s"), "report contains", "deny contains", 1)},
			"team/r.rego:1:1: package remolint.custom.team.r declares a rule but defines no report"},
		{"outside remolint.custom", map[string]string{"r.rego": strings.Replace(meta("# title: r", "# description: d", "# custom:", "#   severity: info", "#   summary: s"), "remolint.custom.team.r", "team.r", 1)},
			"team/r.rego:7:1: package team.r: custom policies must use a package under remolint.custom"},
		{"custom overriding the lib", map[string]string{"r.rego": "package remolint.lib\n\nx := 1\n"},
			"team/r.rego:1:1: package remolint.lib: custom policies must use a package under remolint.custom"},
		{"config namespace", map[string]string{"r.rego": "package remolint.config\n\nx := 1\n"},
			"team/r.rego:1:1: package remolint.config: data.remolint.config is reserved for configuration"},
		{"parse error", map[string]string{"r.rego": "package remolint.custom.team.r\n\nreport contains if\n"},
			"parse policy team/r.rego: 3 errors occurred:\nteam/r.rego:3: rego_parse_error: unexpected if keyword"},
		{"strict mode", map[string]string{"r.rego": meta("# title: r", "# description: d", "# custom:", "#   severity: info", "#   summary: s") + "\nf(x) := 1\n"},
			"team/r.rego:13:1: unused argument x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pairs []string
			for k, v := range tt.fs {
				pairs = append(pairs, k, v)
			}
			_, err := New(context.Background(), withRules(fixtureRules), WithCustomPolicies("team", mapFS(pairs...)))
			if err == nil {
				t.Fatalf("New succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestHelperPackagesNeedNoMetadata(t *testing.T) {
	helper := "package remolint.custom.team.util\n\nis_bad(name) if startswith(name, \"BAD\")\n"
	rule := ruleSrc("remolint.custom.team.r", "r", `import data.remolint.custom.team.util

report contains lib.finding(rego.metadata.chain(), {}, "bad") if util.is_bad(input.name)`)
	// The import must come before rules: rebuild with it at the top.
	rule = strings.Replace(rule, "import data.remolint.lib\n\nimport data.remolint.custom.team.util", "import data.remolint.custom.team.util\nimport data.remolint.lib", 1)
	e := newFixtureEngine(t, WithCustomPolicies("team", mapFS("util.rego", helper, "r.rego", rule)))
	got, err := e.Eval(context.Background(), []byte(`{"name": "BADX"}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Rule != "r" {
		t.Errorf("findings = %s", dump(got))
	}
}

func TestRules(t *testing.T) {
	e := newFixtureEngine(t, WithCustomPolicies("team", mapFS("r.rego", ruleSrc("remolint.custom.team.r", "a-custom-rule", "report contains lib.finding(rego.metadata.chain(), {}, \"m\") if input.x"))))
	want := []RuleMeta{
		{
			ID: "a-custom-rule", Severity: "error", Summary: "a test rule", Description: "A test rule.",
			Package: "remolint.custom.team.r", File: "team/r.rego",
		},
		{
			ID: "fixture-var", Severity: "warning", Summary: "fixture rule for the engine's tests",
			Description: "Test fixture: reports every environment variable whose name starts with\nthe prefix in data.remolint.config.fixture.prefix (default BAD_).",
			Bad:         "BAD_X=1", Good: "GOOD_X=1", Remotion: "Nothing; this is a test fixture.",
			Package: "remolint.rules.fixture.fixture_var", File: "policies/rules/fixture/fixture_var.rego",
		},
	}
	got := e.Rules()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Rules() =\n%#v\nwant\n%#v", got, want)
	}
	got[0].ID = "changed"
	if e.Rules()[0].ID != "a-custom-rule" {
		t.Error("Rules() exposes the engine's own slice")
	}
}

func TestEmbeddedBundleCompiles(t *testing.T) {
	e, err := New(context.Background())
	if err != nil {
		t.Fatalf("the embedded policies do not load: %v", err)
	}
	for _, r := range e.Rules() {
		if !strings.HasPrefix(r.File, "policies/rules/") || !strings.HasPrefix(r.Package, "remolint.rules.") {
			t.Errorf("rule %s: file %s, package %s", r.ID, r.File, r.Package)
		}
	}
	if _, err := e.Eval(context.Background(), syntheticDoc(400), nil); err != nil {
		t.Errorf("Eval over a synthetic document: %v", err)
	}
}

// TestEmbeddedBundlePassesEveryCheck compiles the embedded policies with
// every stage of the compiler, strict: New skips the checks this proves
// (verifiedStages).
func TestEmbeddedBundlePassesEveryCheck(t *testing.T) {
	c := newCompiler(false)
	if c.Compile(builtinModules(t)); c.Failed() {
		t.Fatalf("the embedded policies fail a check New skips: %v", c.Errors)
	}
}

// TestEmbeddedBundleHasNoTemplateStrings: New skips the rewrite of template
// strings for the embedded bundle (verifiedStages), so it must hold none.
func TestEmbeddedBundleHasNoTemplateStrings(t *testing.T) {
	for _, m := range builtinModules(t) {
		ast.WalkTerms(m, func(x *ast.Term) bool {
			if _, ok := x.Value.(*ast.TemplateString); ok {
				t.Errorf("%s: a template string: add the rewrite back to New's stages, or write it with sprintf", locString(x.Location))
			}
			return false
		})
	}
}

// TestEmbeddedBundleNeedsNoReordering: New skips the safety check of rule
// bodies for the embedded bundle (verifiedStages), which would reorder a
// body whose variables are used before they are bound, and the rewrites of
// what the bundle does not use (`with`, print calls). Compiled with every
// stage and as New compiles it, every rule must come out the same.
func TestEmbeddedBundleNeedsNoReordering(t *testing.T) {
	full := newCompiler(false)
	if full.Compile(builtinModules(t)); full.Failed() {
		t.Fatal(full.Errors)
	}
	trusted := trustedCompiler(newCompiler(false))
	if trusted.Compile(builtinModules(t)); trusted.Failed() {
		t.Fatal(trusted.Errors)
	}
	if len(full.Modules) != len(trusted.Modules) {
		t.Fatalf("%d modules compiled with every stage, %d as New compiles them", len(full.Modules), len(trusted.Modules))
	}
	for name, m := range full.Modules {
		if m.String() == trusted.Modules[name].String() {
			continue
		}
		rules := map[string]string{}
		ast.WalkRules(trusted.Modules[name], func(r *ast.Rule) bool {
			rules[locString(r.Location)] = r.String()
			return false
		})
		found := false
		ast.WalkRules(m, func(r *ast.Rule) bool {
			if s := rules[locString(r.Location)]; s != r.String() {
				found = true
				t.Errorf("%s: the compiler reorders this rule's body: bind each variable before its first use\nwritten order:   %s\nsafe order:      %s", locString(r.Location), s, r)
			}
			return false
		})
		if !found {
			t.Errorf("%s compiles differently when the safety check of rule bodies is skipped", name)
		}
	}
}

// builtinModules parses the embedded policies (tests excluded), by file.
func builtinModules(t *testing.T) map[string]*ast.Module {
	t.Helper()
	files, err := readBuiltin(nil, false)
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, f := range files {
		modules[f.name] = f.module
	}
	return modules
}

func TestSortFindings(t *testing.T) {
	rel := func(line int) *facts.Location { return &facts.Location{Path: "b", Line: line} }
	want := []Finding{
		{Rule: "z", Message: "m", Location: facts.Location{Path: "", Line: 0}},
		{Rule: "b", Message: "m", Location: loc("a", 1, 1)},
		{Rule: "a", Message: "m", Location: loc("a", 1, 2)},
		{Rule: "a", Message: "m", Location: loc("a", 2, 1)},
		{Rule: "a", Message: "a", Location: loc("a", 10, 1)},
		{Rule: "a", Message: "b", Location: loc("a", 10, 1)},
		{Rule: "a", Message: "b", Location: loc("a", 10, 1), Related: rel(1)},
		{Rule: "a", Message: "b", Location: loc("a", 10, 1), Related: rel(2)},
		{Rule: "a", Message: "m", Location: loc("a/b", 1, 1)},
		{Rule: "a", Message: "m", Location: loc("b", 1, 1)},
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		got := append([]Finding(nil), want...)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		SortFindings(got)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("sorted:\n%s\nwant:\n%s", dump(got), dump(want))
		}
	}
}

func TestCustomRootSkipsTestsHiddenDirsAndOtherFiles(t *testing.T) {
	rule := ruleSrc("remolint.custom.team.r", "r", `report contains lib.finding(rego.metadata.chain(), {}, "hit") if input.hit`)
	e := newFixtureEngine(t, WithCustomPolicies("team", mapFS(
		"r.rego", rule,
		"r_test.rego", "package remolint.custom.team.r_test\n\ntest_x if undefined_function(1)\n",
		".git/junk.rego", "not rego at all",
		"data.json", `{"remolint": {"config": {"x": 1}}}`,
		"README.md", "# team policies",
	)))
	got, err := e.Eval(context.Background(), []byte(`{"hit": true}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Rule != "r" || got[0].Message != "hit" {
		t.Errorf("findings = %s", dump(got))
	}
}
