package model

import "github.com/remolint/remolint/internal/facts"

// index fills doc.Index from the finished document (facts.Index).
func index(doc *facts.Document) {
	ix := facts.Index{
		EnvEntries: map[string][][2]int{},
		Variables:  map[string][][2]int{},
		Reads:      map[string][]int{},
		Writes:     map[string][]int{},
	}
	for i, f := range doc.EnvFiles {
		for j, e := range f.Entries {
			ix.EnvEntries[e.Name] = append(ix.EnvEntries[e.Name], [2]int{i, j})
		}
	}
	for i, env := range doc.Environments {
		for j, v := range env.Variables {
			ix.Variables[v.Name] = append(ix.Variables[v.Name], [2]int{i, j})
		}
	}
	for i, r := range doc.Code.Reads {
		ix.Reads[r.Name] = append(ix.Reads[r.Name], i)
	}
	for i, w := range doc.Code.Writes {
		ix.Writes[w.Name] = append(ix.Writes[w.Name], i)
	}
	doc.Index = ix
}
