package policy

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// stepCounter counts evaluation events: a measure of work that does not
// depend on the machine's load.
type stepCounter struct{ n int }

func (c *stepCounter) Enabled() bool               { return true }
func (c *stepCounter) TraceEvent(topdown.Event)    { c.n++ }
func (c *stepCounter) Config() topdown.TraceConfig { return topdown.TraceConfig{} }

func steps(t *testing.T, e *Engine, nVars int) int {
	t.Helper()
	doc, err := parseInput(syntheticDoc(nVars))
	if err != nil {
		t.Fatal(err)
	}
	var c stepCounter
	if _, err := e.evalValue(context.Background(), doc, nil, rego.EvalQueryTracer(&c)); err != nil {
		t.Fatal(err)
	}
	return c.n
}

// TestBundleEvaluationIsLinear evaluates the embedded rules over documents
// of 200 and 2,000 variables: ten times the variables must cost at most
// fifteen times the evaluation steps. A rule that looks every variable up by
// scanning all of them costs a hundred times as much and fails here.
func TestBundleEvaluationIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates 2,000 variables with tracing")
	}
	e, err := New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	small, large := steps(t, e, 200), steps(t, e, 2000)
	t.Logf("%d steps for 200 variables, %d for 2000 (x%.1f)", small, large, float64(large)/float64(small))
	if large > 15*small {
		t.Errorf("2000 variables cost %d steps, 200 cost %d: more than linear", large, small)
	}
}
