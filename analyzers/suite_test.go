package analyzers

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestAll(t *testing.T) {
	as := All()
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, a := range as {
		names[a.Name] = true
	}
	if !names["remolint"] || len(names) != len(as) {
		t.Errorf("analyzers %v: want remolint among unique names", as)
	}
	as[0] = nil
	if All()[0] == nil {
		t.Error("All returns a shared slice")
	}
}
