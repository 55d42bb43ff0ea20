package resolve

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

// TestSortedEnvMatchesMapEnv: on variables sorted by name (stably, so that
// repeated names keep their order), SortedEnv finds what NewMapEnv finds.
func TestSortedEnvMatchesMapEnv(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	names := []string{"", "A", "AWS_PROFILE", "AWS_REGION", "B", "REMOTION_AWS_ACCESS_KEY_ID", "a"}
	for round := 0; round < 500; round++ {
		var vs []facts.Variable
		for i := r.IntN(8); i > 0; i-- {
			vs = append(vs, facts.Variable{Name: names[r.IntN(len(names))], Hash: string(rune('a' + i)), Set: r.IntN(2) == 0})
		}
		slices.SortStableFunc(vs, func(x, y facts.Variable) int { return strings.Compare(x.Name, y.Name) })
		m, s := NewMapEnv(vs), SortedEnv(vs)
		for _, n := range append(names, "Z", "AWS") {
			mv, mok := m.Lookup(n)
			sv, sok := s.Lookup(n)
			if mok != sok || !reflect.DeepEqual(mv, sv) {
				t.Fatalf("%v: Lookup(%q) = %+v %v, MapEnv %+v %v", vs, n, sv, sok, mv, mok)
			}
		}
	}
}
