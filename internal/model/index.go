package model

import (
	"maps"
	"slices"

	"github.com/remolint/remolint/internal/facts"
)

// index fills doc.Index from the finished document (facts.Index), then
// doc.Accounts from the index. The map of the environments' variables is
// built beside the rest.
func index(doc *facts.Document) {
	var ix facts.Index
	done := make(chan struct{})
	go func() {
		defer close(done)
		ix.Variables = positions2(len(doc.Environments), func(i int) []facts.Variable { return doc.Environments[i].Variables })
	}()
	// The accounts' stem numbers read the env files alone: worked out
	// beside the index.
	stems := make(chan []facts.StemNumbers, 1)
	go func() { stems <- stemNumbers(doc) }()
	ix.EnvEntries = positions2(len(doc.EnvFiles), func(i int) []facts.Variable { return doc.EnvFiles[i].Entries })
	ix.Reads, ix.Writes = positions(doc.Code.Reads), positions(doc.Code.Writes)
	<-done
	ix.Suggested = suggested(doc, ix)
	ix.Overriding = overriding(doc)
	ix.Anomalies, ix.CommittedKeys = envFileLists(doc)
	ix.RegionValues = regionValues(doc, ix)
	doc.Index = ix
	doc.Accounts = accounts(doc, <-stems)
}

// positions2 maps each name to its [list, item] positions among n lists of
// variables, in order. A first pass numbers the names (one map lookup per
// item) and counts them, so that each name's positions are a full-capacity
// window of one shared array and the map is written once per name.
func positions2(n int, list func(int) []facts.Variable) map[string][][2]int {
	total := 0
	for i := 0; i < n; i++ {
		total += len(list(i))
	}
	ids := map[string]int{}
	var names []string
	var counts []int
	seq := make([]int, 0, total) // the id of each item, in order
	for i := 0; i < n; i++ {
		for _, v := range list(i) {
			id, ok := ids[v.Name]
			if !ok {
				id = len(names)
				ids[v.Name] = id
				names = append(names, v.Name)
				counts = append(counts, 0)
			}
			counts[id]++
			seq = append(seq, id)
		}
	}
	slab := make([][2]int, len(seq))
	windows := make([][][2]int, len(names))
	for id, c := range counts {
		windows[id], slab = slab[:0:c], slab[c:]
	}
	k := 0
	for i := 0; i < n; i++ {
		for j := range list(i) {
			windows[seq[k]] = append(windows[seq[k]], [2]int{i, j})
			k++
		}
	}
	out := make(map[string][][2]int, len(names))
	for id, name := range names {
		out[name] = windows[id]
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

// suggested lists the names with a suggestion among env-file entries and
// code accesses (facts.Index.Suggested). A suggestion depends only on the
// name, so the first position of each name in ix tells.
func suggested(doc *facts.Document, ix facts.Index) []string {
	set := map[string]bool{}
	for name, ps := range ix.EnvEntries {
		if doc.EnvFiles[ps[0][0]].Entries[ps[0][1]].Suggestion != "" {
			set[name] = true
		}
	}
	for name, ks := range ix.Reads {
		if doc.Code.Reads[ks[0]].Suggestion != "" {
			set[name] = true
		}
	}
	for name, ks := range ix.Writes {
		if doc.Code.Writes[ks[0]].Suggestion != "" {
			set[name] = true
		}
	}
	if len(set) == 0 {
		return []string{}
	}
	return slices.Sorted(maps.Keys(set))
}

// overriding lists the positions of the environment variables that override
// another definition (facts.Index.Overriding).
func overriding(doc *facts.Document) [][2]int {
	out := [][2]int{}
	for i, env := range doc.Environments {
		for j, v := range env.Variables {
			if len(v.Overrides) > 0 {
				out = append(out, [2]int{i, j})
			}
		}
	}
	return out
}

// regionNames are the variables that name a region (lib.region_names).
var regionNames = [...]string{"AWS_REGION", "REMOTION_AWS_REGION"}

// regionValues groups the set entries of the region variables by value
// (facts.Index.RegionValues).
func regionValues(doc *facts.Document, ix facts.Index) map[string]map[string][][2]int {
	out := map[string]map[string][][2]int{}
	for _, name := range regionNames {
		for _, at := range ix.EnvEntries[name] {
			e := &doc.EnvFiles[at[0]].Entries[at[1]]
			if !e.Set || e.Value == "" {
				continue
			}
			if out[name] == nil {
				out[name] = map[string][][2]int{}
			}
			out[name][e.Value] = append(out[name][e.Value], at)
		}
	}
	return out
}

// envFileLists lists the env files' anomalies and the key-like values of
// templates and tracked files (facts.Index.Anomalies, CommittedKeys).
func envFileLists(doc *facts.Document) (anomalies, committed [][2]int) {
	anomalies, committed = [][2]int{}, [][2]int{}
	for i, f := range doc.EnvFiles {
		for k := range f.Anomalies {
			anomalies = append(anomalies, [2]int{i, k})
		}
		if !f.Template && !f.Tracked {
			continue
		}
		for j, e := range f.Entries {
			if e.Display != "" || e.LooksLikeSecretKey {
				committed = append(committed, [2]int{i, j})
			}
		}
	}
	return anomalies, committed
}
