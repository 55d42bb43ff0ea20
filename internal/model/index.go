package model

import "github.com/remolint/remolint/internal/facts"

// index fills doc.Index from the finished document (facts.Index).
func index(doc *facts.Document) {
	ix := facts.Index{
		EnvEntries: positions2(len(doc.EnvFiles), func(i int) []facts.Variable { return doc.EnvFiles[i].Entries }),
		Variables:  positions2(len(doc.Environments), func(i int) []facts.Variable { return doc.Environments[i].Variables }),
		Reads:      positions(doc.Code.Reads),
		Writes:     positions(doc.Code.Writes),
	}
	doc.Index = ix
}

// positions2 maps each name to its [list, item] positions among n lists of
// variables, in order. Names are counted first so that every name's
// positions are a full-capacity window of one shared array: two
// allocations in all instead of a few per name.
func positions2(n int, list func(int) []facts.Variable) map[string][][2]int {
	count := map[string]int{}
	total := 0
	for i := 0; i < n; i++ {
		for _, v := range list(i) {
			count[v.Name]++
			total++
		}
	}
	slab := make([][2]int, total)
	out := make(map[string][][2]int, len(count))
	for i := 0; i < n; i++ {
		for j, v := range list(i) {
			s, ok := out[v.Name]
			if !ok {
				c := count[v.Name]
				s, slab = slab[:0:c], slab[c:]
			}
			out[v.Name] = append(s, [2]int{i, j})
		}
	}
	return out
}

// positions maps each access's name to its indexes, in order, as
// positions2 does.
func positions(as []facts.EnvAccess) map[string][]int {
	count := map[string]int{}
	for _, a := range as {
		count[a.Name]++
	}
	slab := make([]int, len(as))
	out := make(map[string][]int, len(count))
	for i, a := range as {
		s, ok := out[a.Name]
		if !ok {
			c := count[a.Name]
			s, slab = slab[:0:c], slab[c:]
		}
		out[a.Name] = append(s, i)
	}
	return out
}
