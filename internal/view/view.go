// Package view narrows a fact document to the part the built-in rules read.
//
// The fact document describes everything remolint saw, for the built-in
// rules and for a team's own policies alike. The built-in rules read far
// less of it: of an env file's entries, only those of credential, region,
// profile, account and platform names, and entries whose value or name
// carries a fact (a key id, a misspelling, a number). In a monorepo the
// others (PORT, DATABASE_URL, LOG_LEVEL, ...) are about half of all
// definitions, and converting them to OPA's AST and indexing them cost as
// much as the rules. When the built-in bundle runs alone, the linter hands
// it Builtin's view instead; with a team policy loaded, it hands over the
// whole document.
//
// What the view keeps is a contract with the built-in rules, written down
// in Builtin and guarded by a test that evaluates every fixture both ways:
// a rule that starts reading something the view drops makes its own
// fixture's findings differ, and the test names it.
package view

import (
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/model"
)

// Builtin returns a copy of doc holding what the built-in rules read, with
// its index rebuilt; doc itself is not changed, and the copy shares
// everything it keeps with it. mentioned reports whether a policy names a
// variable as a constant (platform-reserved names such as TZ or _HANDLER
// are not AWS_ names and carry no other fact); nil means none.
//
// It keeps:
//   - every project, env file, environment, shared file, profile and call
//     of a Remotion API, with every field the rules read;
//   - of env-file entries and environment variables, those Relevant says
//     the rules can read (given the numbered prefixes NumberedPrefixes
//     finds), and of the code's reads and writes of variables, those
//     RelevantAccess says they can (on the benchmark monorepo, two thirds
//     of the reads are of PORT, DATABASE_URL, LOG_LEVEL or NODE_ENV);
//   - of files, the AWS shared files (profile-malformed names their
//     projects; no other rule reads input.files).
//
// It drops what no built-in rule reads: projects' signals (the reasons
// behind their platforms and consumers, for humans), the code's imports,
// and where the kept definitions' values are (their valueLocation: the
// rules report definitions at their names; a location object per
// definition was a sixth of the conversion).
func Builtin(doc *facts.Document, mentioned func(name string) bool) *facts.Document {
	n := *doc
	n.Files = nil
	for _, f := range doc.Files {
		if f.Kind == "aws-credentials" || f.Kind == "aws-config" {
			n.Files = append(n.Files, f)
		}
	}
	n.Projects = make([]facts.Project, len(doc.Projects))
	for i, p := range doc.Projects {
		p.Signals = nil
		n.Projects[i] = p
	}
	n.Project.Signals = nil
	n.Code.Imports = nil
	n.Code.Reads = keepAccesses(doc.Code.Reads, mentioned)
	n.Code.Writes = keepAccesses(doc.Code.Writes, mentioned)
	prefixes := NumberedPrefixes(doc)

	// Env files and environments are narrowed at the same time, each into
	// one backing array for all its kept definitions: together the two
	// lists are the bulk of the document.
	n.EnvFiles = make([]facts.EnvFile, len(doc.EnvFiles))
	n.Environments = make([]facts.Environment, len(doc.Environments))
	done := make(chan struct{})
	go func() {
		defer close(done)
		kept := newKept(doc.Environments, func(e *facts.Environment) []facts.Variable { return e.Variables })
		for i, e := range doc.Environments {
			e.Variables = kept.keep(e.Variables, mentioned, prefixes)
			n.Environments[i] = e
		}
	}()
	kept := newKept(doc.EnvFiles, func(f *facts.EnvFile) []facts.Variable { return f.Entries })
	for i, f := range doc.EnvFiles {
		f.Entries = kept.keep(f.Entries, mentioned, prefixes)
		n.EnvFiles[i] = f
	}
	<-done
	model.Reindex(&n)
	return &n
}

// keptList is the backing array of the definitions kept of a list of env
// files or environments.
type keptList struct{ all []facts.Variable }

// newKept sizes a keptList for about half of the definitions of xs, as
// defs gives them.
func newKept[T any](xs []T, defs func(*T) []facts.Variable) *keptList {
	total := 0
	for i := range xs {
		total += len(defs(&xs[i]))
	}
	return &keptList{all: make([]facts.Variable, 0, total/2)}
}

// keep returns the definitions of vs that Relevant keeps, without their
// value locations, as a slice of k's backing array.
func (k *keptList) keep(vs []facts.Variable, mentioned func(string) bool, prefixes map[string]bool) []facts.Variable {
	start := len(k.all)
	for i := range vs {
		if Relevant(&vs[i], mentioned, prefixes) {
			k.all = append(k.all, vs[i])
			k.all[len(k.all)-1].ValueLocation = nil
		}
	}
	// A full slice expression: appending to one list must never run into
	// the next.
	return k.all[start:len(k.all):len(k.all)]
}

// keepAccesses returns the code's reads or writes that RelevantAccess
// keeps, in their order (a new list: the index is rebuilt over it).
func keepAccesses(as []facts.EnvAccess, mentioned func(string) bool) []facts.EnvAccess {
	var out []facts.EnvAccess
	for i := range as {
		if RelevantAccess(&as[i], mentioned) {
			out = append(out, as[i])
		}
	}
	return out
}

// RelevantAccess is Relevant for a read or write of a variable in code:
// one with a name computed at run time (a numbered family's, most often),
// or whose name, or assigned literal, carries a fact. Reads of PORT or
// NODE_ENV are most of a monorepo's, and no rule checks them.
func RelevantAccess(a *facts.EnvAccess, mentioned func(name string) bool) bool {
	switch {
	case a.Name == "", a.Dynamic, a.Known, a.Suggestion != "", a.Family != nil:
		return true
	case a.Shape != "" && a.Shape != "other" && a.Shape != "empty":
		return true
	}
	return readName(a.Name, mentioned)
}

// Relevant reports whether a built-in rule can read the definition v (an
// env-file entry or an environment variable): when its name is an AWS or
// Remotion name, a name a policy mentions, or a name or value the model
// found something about (a known name, a likely misspelling, a numbered
// family the rules read, a key id or secret key shape, a placeholder).
// Everything else is a variable of the application (PORT, DATABASE_URL,
// RENDER_QUEUE_2), which no rule checks.
//
// The account rules read a numbered family (Countable) when it names a
// credential or one half of a pair, has no number, or has its prefix in
// prefixes (NumberedPrefixes: read by code with a run-time index, or named
// somewhere with no number). The others are numbered settings
// (RENDER_QUEUE_2, REGION_5): in a file of account-numbered settings,
// thousands of them.
func Relevant(v *facts.Variable, mentioned func(name string) bool, prefixes map[string]bool) bool {
	switch {
	case v.Known, v.Suggestion != "", v.Display != "", v.LooksLikeSecretKey:
		return true
	case v.Family != nil && Countable(v.Family, prefixes):
		return true
	case v.Shape != "other" && v.Shape != "empty":
		// Key ids, placeholders and the other shapes the model names.
		return true
	}
	return readName(v.Name, mentioned)
}

// Countable reports whether the account rules may count or name the
// numbered family f: one of a credential (AWS_KEY, DB_PASSWORD), one half
// of a pair (a role or a stem), a name with no number (RENDER_QUEUE_), or a
// prefix in prefixes (NumberedPrefixes).
func Countable(f *facts.Family, prefixes map[string]bool) bool {
	return f.Credential || f.Role != "" || f.Stem != "" || f.Missing || prefixes[f.Prefix]
}

// NumberedPrefixes returns the family prefixes that make every numbered
// name of theirs count for the account rules, whatever it names: those code
// reads with a run-time index (`process.env["QUEUE_" + i]`, whose accounts
// the rules count), and those of a name with no number in an env file,
// environment or read (`QUEUE_`, which account-number-missing reports when
// its prefix is numbered elsewhere).
func NumberedPrefixes(doc *facts.Document) map[string]bool {
	out := map[string]bool{}
	for i := range doc.Code.Reads {
		r := &doc.Code.Reads[i]
		if r.Dynamic && r.Prefix != "" {
			out[strings.TrimSuffix(r.Prefix, "_")] = true
		}
		if r.Family != nil && r.Family.Missing {
			out[r.Family.Prefix] = true
		}
	}
	missing := func(vs []facts.Variable) {
		for i := range vs {
			if f := vs[i].Family; f != nil && f.Missing {
				out[f.Prefix] = true
			}
		}
	}
	for i := range doc.EnvFiles {
		missing(doc.EnvFiles[i].Entries)
	}
	for i := range doc.Environments {
		missing(doc.Environments[i].Variables)
	}
	return out
}

// readName reports whether a rule reads variables of this name whatever
// the model found about them: an AWS or Remotion name, or one a policy
// mentions.
func readName(name string, mentioned func(string) bool) bool {
	return strings.HasPrefix(name, "AWS_") || strings.HasPrefix(name, "REMOTION_") ||
		mentioned != nil && mentioned(name)
}
