package model

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// accounts counts the numbered account families of doc (facts.Accounts),
// from its index, with the stem numbers stemNumbers found (stems). It is
// the Go form of the "numbered definitions" part of
// policies/lib/lib.rego (_acct_names down to account_numbers and
// account_padded_defs), which stays as the derivation for documents without
// it; policies/accounts_test.go checks that both agree. Moving it here took
// the account rules' per-definition work out of Rego: it was a third of the
// evaluation on the benchmark trees.
func accounts(doc *facts.Document, stems []facts.StemNumbers) facts.Accounts {
	ix := &doc.Index
	// Prefixes that code reads with a run-time index (dynamic reads carry
	// no name), and those of them that name no credential.
	loops, loose := map[string]bool{}, map[string]bool{}
	for _, i := range ix.Reads[""] {
		r := &doc.Code.Reads[i]
		if !r.Dynamic || r.Prefix == "" {
			continue
		}
		p := strings.TrimSuffix(r.Prefix, "_")
		loops[p] = true
		if r.Family == nil || !r.Family.Credential {
			loose[p] = true
		}
	}

	// The names that count, with the family of their first definition (a
	// family is a function of the name): the environments' names of a
	// credential family or a loose loop's prefix, then the names only env
	// files define, of a credential family or any loop's prefix.
	type counted struct {
		name string
		fam  *facts.Family
		vars [][2]int // the name's variables (none for a name only env files define)
	}
	var names []counted
	varNames := slices.Sorted(maps.Keys(ix.Variables))
	for _, name := range varNames {
		refs := ix.Variables[name]
		if fam := doc.Environments[refs[0][0]].Variables[refs[0][1]].Family; fam != nil && fam.Credential {
			names = append(names, counted{name, fam, refs})
		}
	}
	if len(loose) > 0 {
		for _, name := range varNames {
			refs := ix.Variables[name]
			if fam := doc.Environments[refs[0][0]].Variables[refs[0][1]].Family; fam != nil && !fam.Credential && loose[fam.Prefix] {
				names = append(names, counted{name, fam, refs})
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(ix.EnvEntries)) {
		if _, ok := ix.Variables[name]; ok {
			continue
		}
		refs := ix.EnvEntries[name]
		if fam := doc.EnvFiles[refs[0][0]].Entries[refs[0][1]].Family; fam != nil && (fam.Credential || loops[fam.Prefix]) {
			names = append(names, counted{name: name, fam: fam})
		}
	}

	// The env files checked on their own that define a counted name:
	// templates, and files no environment layers.
	layered := map[string]bool{}
	for _, env := range doc.Environments {
		for _, p := range env.Files {
			layered[p] = true
		}
	}
	own := map[int]bool{}
	for _, c := range names {
		for _, ref := range ix.EnvEntries[c.name] {
			if f := &doc.EnvFiles[ref[0]]; f.Template || !layered[f.Path] {
				own[ref[0]] = true
			}
		}
	}

	type key struct {
		scope          int
		prefix         string
		padded, exists bool
	}
	groups := map[key]map[int]bool{}
	add := func(k key, n int) {
		if groups[k] == nil {
			groups[k] = map[int]bool{}
		}
		groups[k][n] = true
	}
	out := facts.Accounts{PaddedDefs: []facts.PaddedDef{}}
	for _, c := range names {
		for _, ref := range c.vars {
			v := &doc.Environments[ref[0]].Variables[ref[1]]
			add(key{ref[0], c.fam.Prefix, c.fam.Padded, v.Set}, c.fam.Index)
			if c.fam.Padded {
				out.PaddedDefs = append(out.PaddedDefs, facts.PaddedDef{Scope: ref[0], Prefix: c.fam.Prefix, Exists: v.Set, Number: c.fam.Index, Name: c.name, At: ref[1]})
			}
		}
	}
	// The entry definitions come after all variable ones, as in lib.
	for _, c := range names {
		for _, ref := range ix.EnvEntries[c.name] {
			if !own[ref[0]] {
				continue
			}
			f := &doc.EnvFiles[ref[0]]
			scope, exists := -1-ref[0], f.Template || f.Entries[ref[1]].Set
			add(key{scope, c.fam.Prefix, c.fam.Padded, exists}, c.fam.Index)
			if c.fam.Padded {
				out.PaddedDefs = append(out.PaddedDefs, facts.PaddedDef{Scope: scope, Prefix: c.fam.Prefix, Exists: exists, Number: c.fam.Index, Name: c.name, At: ref[1]})
			}
		}
	}

	out.Numbers = make([]facts.AccountGroup, 0, len(groups))
	for k, ns := range groups {
		out.Numbers = append(out.Numbers, facts.AccountGroup{Scope: k.scope, Prefix: k.prefix, Padded: k.padded, Exists: k.exists, Numbers: slices.Sorted(maps.Keys(ns))})
	}
	slices.SortFunc(out.Numbers, func(a, b facts.AccountGroup) int {
		return cmp.Or(cmp.Compare(a.Scope, b.Scope), strings.Compare(a.Prefix, b.Prefix), compareBool(a.Padded, b.Padded), compareBool(a.Exists, b.Exists))
	})
	out.StemNumbers = stems
	return out
}

// stemNumbers lists the numbers of each family of an env file whose stem is
// that of a name with no number in the file (facts.Accounts.StemNumbers):
// what account-number-missing suggests a number from. The Go form of
// lib.account_stem_numbers; only the files with such a name are read past
// their first pass.
func stemNumbers(doc *facts.Document) []facts.StemNumbers {
	out := []facts.StemNumbers{}
	for i := range doc.EnvFiles {
		entries := doc.EnvFiles[i].Entries
		var stems map[string]bool
		for j := range entries {
			if fam := entries[j].Family; fam != nil && fam.Missing && fam.Stem != "" {
				if stems == nil {
					stems = map[string]bool{}
				}
				stems[fam.Stem] = true
			}
		}
		if stems == nil {
			continue
		}
		type key struct{ stem, prefix string }
		numbers := map[key]map[int]bool{}
		for j := range entries {
			fam := entries[j].Family
			if fam == nil || !stems[fam.Stem] || fam.Padded || fam.Index <= 0 {
				continue
			}
			k := key{fam.Stem, fam.Prefix}
			if numbers[k] == nil {
				numbers[k] = map[int]bool{}
			}
			numbers[k][fam.Index] = true
		}
		start := len(out)
		for k, ns := range numbers {
			out = append(out, facts.StemNumbers{File: i, Stem: k.stem, Prefix: k.prefix, Numbers: slices.Sorted(maps.Keys(ns))})
		}
		slices.SortFunc(out[start:], func(a, b facts.StemNumbers) int {
			return cmp.Or(strings.Compare(a.Stem, b.Stem), strings.Compare(a.Prefix, b.Prefix))
		})
	}
	return out
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
