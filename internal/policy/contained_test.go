package policy

import (
	"context"
	"strings"
	"testing"
)

// TestEvalContainedIsolatesAFailingBuiltinRule: one built-in rule that fails
// at run time is reported and the others still report their findings.
func TestEvalContainedIsolatesAFailingBuiltinRule(t *testing.T) {
	rules := mapFS(
		"good/always.rego", ruleSrc("remolint.rules.good.always", "always",
			`report contains lib.finding(rego.metadata.chain(), {"path": "a", "line": 1, "column": 1}, "found") if true`),
		"bad/broken.rego", ruleSrc("remolint.rules.bad.broken", "broken",
			`report contains lib.finding(rego.metadata.chain(), {"path": "b", "line": 1, "column": 1}, "x") if to_number(input.x) > 0`),
	)
	e, err := New(context.Background(), withRules(rules))
	if err != nil {
		t.Fatal(err)
	}
	input := []byte(`{"x": "not a number"}`)
	if _, err := e.Eval(context.Background(), input, nil); err == nil {
		t.Fatal("Eval should fail on the broken rule")
	}
	fs, failed, err := e.EvalContained(context.Background(), input, nil)
	if err != nil {
		t.Fatalf("EvalContained: %v", err)
	}
	if len(fs) != 1 || fs[0].Rule != "always" {
		t.Errorf("findings = %+v, want the good rule's", fs)
	}
	if len(failed) != 1 || failed[0].Policy != "remolint.rules.bad.broken" || !strings.Contains(failed[0].At, "broken.rego") {
		t.Fatalf("failed = %+v", failed)
	}
	// Healthy input: one query, no failures.
	fs, failed, err = e.EvalContained(context.Background(), []byte(`{"x": "3"}`), nil)
	if err != nil || len(failed) != 0 || len(fs) != 2 {
		t.Errorf("healthy input: %d findings, %d failed, err %v", len(fs), len(failed), err)
	}
}

// TestEvalContainedKeepsCustomFailuresFatal: a team policy's failure is the
// team's to fix and stops the run.
func TestEvalContainedKeepsCustomFailuresFatal(t *testing.T) {
	e := newFixtureEngine(t, WithCustomPolicies("team", mapFS("p.rego", ruleSrc("remolint.custom.team.p", "team-p",
		`report contains lib.finding(rego.metadata.chain(), {"path": "b", "line": 1, "column": 1}, "x") if to_number(input.x) > 0`))))
	_, _, err := e.EvalContained(context.Background(), []byte(`{"x": "nope"}`), nil)
	if err == nil || !strings.Contains(err.Error(), "remolint.custom.team.p") {
		t.Errorf("err = %v, want a failure naming the team policy", err)
	}
}
