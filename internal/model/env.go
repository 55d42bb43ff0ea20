package model

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/project"
)

// envSignals marks projects whose env files name REMOTION_AWS_* variables as
// Remotion projects (rules.md: "any REMOTION_AWS_* name appears").
func (b *builder) envSignals() {
	for i, p := range b.in.Files {
		if p.Env == nil {
			continue
		}
		for _, e := range p.Env.Entries {
			if looksRemotion(e.Key) {
				pd := b.fileProject[i]
				b.signal(pd, project.SignalRemotion, "true", "names "+e.Key, e.KeySpan.Location(p.File.Path))
				break
			}
		}
	}
}

// envFiles converts every env file, decoding values in the dialect of the
// file's consumers. Files are independent of each other: a tree with many
// of them is converted in one part per CPU (minParallelEnvFiles), each part
// with its own cache of name facts, merged into b.names afterwards.
func (b *builder) envFiles() {
	var idx []int
	for i, p := range b.in.Files {
		if p.Env != nil {
			idx = append(idx, i)
		}
	}
	b.doc.EnvFiles = make([]facts.EnvFile, len(idx))
	parts := partsFor(len(idx), minParallelEnvFiles)
	if parts == 1 {
		for k, i := range idx {
			b.doc.EnvFiles[k] = b.envFile(i, b.names)
		}
		return
	}
	// b.names is only read while the parts run; each part adds to its own.
	caches := make([]map[string]nameFacts, parts)
	for k := range caches {
		caches[k] = map[string]nameFacts{}
	}
	parallelParts(len(idx), parts, func(k, lo, hi int) {
		for j := lo; j < hi; j++ {
			b.doc.EnvFiles[j] = b.envFile(idx[j], caches[k])
		}
	})
	for _, c := range caches {
		maps.Copy(b.names, c)
	}
}

// minParallelEnvFiles is the number of env files from which envFiles
// converts them in parallel: below it, starting goroutines costs more than
// it saves.
const minParallelEnvFiles = 256

// envFile converts in.Files[i], an env file. Name facts missing from
// b.names are computed into (and read from) cache.
func (b *builder) envFile(i int, cache map[string]nameFacts) facts.EnvFile {
	p := b.in.Files[i]
	// The project of a file is the project of its folder.
	dir := cleanDir(path.Dir(p.File.Path))
	pd := b.fileProject[i]
	n := discover.ParseEnvName(path.Base(p.File.Path))
	f := facts.EnvFile{
		Path: p.File.Path, Dir: dir, Project: pd, Template: n.Template, Backup: n.Backup, Mode: n.Mode, Local: n.Local,
		Dialect: dialect(b.projDirs[pd]), GitKnown: p.File.GitKnown, Tracked: p.File.Tracked, Ignored: p.File.Ignored,
		Entries: make([]facts.Variable, 0, len(p.Env.Entries)), Anomalies: make([]facts.Anomaly, 0, len(p.Env.Anomalies)),
	}
	useGo := f.Dialect == "go" && p.Env.Go != nil
	// One allocation holds the value locations of the whole file.
	vals := make([]facts.Location, 0, len(p.Env.Entries))
	for _, e := range p.Env.Entries {
		var value string
		switch {
		case useGo && e.GoOK:
			value = e.Go
		case !useGo && e.NodeOK:
			value = e.Node
		default:
			continue // this dialect does not read the line (an anomaly says so)
		}
		vals = append(vals, e.ValueSpan.Location(p.File.Path))
		f.Entries = append(f.Entries, b.variableIn(cache, e.Key, value, e.KeySpan.Location(p.File.Path), &vals[len(vals)-1]))
	}
	for _, a := range p.Env.Anomalies {
		fa := facts.Anomaly{Kind: a.Kind, Key: a.Key, Dialect: a.Dialect, Detail: a.Detail, Location: a.Span.Location(p.File.Path)}
		if a.Related != nil {
			r := a.Related.Location(p.File.Path)
			fa.Related = &r
		}
		f.Anomalies = append(f.Anomalies, fa)
	}
	return f
}

// layer is one env file's place in a folder's environments.
type layer struct {
	file *facts.EnvFile
	rank int // 0 .env, 1 .env.<mode>, 2 .env.local, 3 .env.<mode>.local
}

// environments layers the non-template env files of each folder: weakest
// first .env, .env.<mode>, .env.local, .env.<mode>.local; one environment
// for the folder without a mode and one per mode; a standalone *.env file is
// an environment of its own.
func (b *builder) environments() {
	byDir := map[string][]*facts.EnvFile{}
	var dirs []string
	for i := range b.doc.EnvFiles {
		f := &b.doc.EnvFiles[i]
		if f.Template || f.Backup {
			continue
		}
		if _, ok := byDir[f.Dir]; !ok {
			dirs = append(dirs, f.Dir)
		}
		byDir[f.Dir] = append(byDir[f.Dir], f)
	}
	sort.Strings(dirs)
	// Folders are layered independently: a monorepo's in one part per CPU,
	// each with its own working list and environments, joined in order.
	parts := partsFor(len(dirs), minParallelEnvironments)
	sinks := make([]envSink, parts)
	parallelParts(len(dirs), parts, func(k, lo, hi int) {
		for _, dir := range dirs[lo:hi] {
			b.layerFolder(&sinks[k], dir, byDir[dir])
		}
	})
	n := 0
	for _, s := range sinks {
		n += len(s.out)
	}
	b.doc.Environments = slices.Grow(b.doc.Environments, n+1)
	for _, s := range sinks {
		b.doc.Environments = append(b.doc.Environments, s.out...)
	}
	if b.in.Process != nil {
		b.processEnvironment()
	}
}

// envSink collects the environments of some folders, with addEnvironment's
// working list.
type envSink struct {
	defs []*facts.Variable
	out  []facts.Environment
}

// layerFolder adds the environments of the env files of one folder to s.
func (b *builder) layerFolder(s *envSink, dir string, files []*facts.EnvFile) {
	var base []layer
	modes := map[string][]layer{}
	var modeNames []string
	for _, f := range files {
		n := discover.ParseEnvName(path.Base(f.Path))
		switch {
		case n.Standalone:
			b.addEnvironment(s, dir+" ("+path.Base(f.Path)+")", dir, "", []layer{{file: f}})
		case f.Mode == "":
			rank := 0
			if f.Local {
				rank = 2
			}
			base = append(base, layer{f, rank})
		default:
			rank := 1
			if f.Local {
				rank = 3
			}
			if _, ok := modes[f.Mode]; !ok {
				modeNames = append(modeNames, f.Mode)
			}
			modes[f.Mode] = append(modes[f.Mode], layer{f, rank})
		}
	}
	if len(base) > 0 {
		b.addEnvironment(s, dir, dir, "", base)
	}
	sort.Strings(modeNames)
	for _, m := range modeNames {
		b.addEnvironment(s, dir+" ("+m+")", dir, m, append(append([]layer{}, base...), modes[m]...))
	}
}

func (b *builder) addEnvironment(s *envSink, id, dir, mode string, layers []layer) {
	slices.SortStableFunc(layers, func(x, y layer) int { return cmp.Compare(x.rank, y.rank) })
	pd := layers[0].file.Project
	env := facts.Environment{ID: id, Dir: dir, Mode: mode, Project: pd, Files: make([]string, 0, len(layers))}
	// Every definition, weakest first, sorted stably by name: each run of
	// one name ends with the winner, and the definitions before it are
	// what it overrides, in order.
	defs := s.defs[:0]
	for _, l := range layers {
		env.Files = append(env.Files, l.file.Path)
		for i := range l.file.Entries {
			defs = append(defs, &l.file.Entries[i])
		}
	}
	slices.SortStableFunc(defs, func(x, y *facts.Variable) int { return strings.Compare(x.Name, y.Name) })
	names := 0
	for i := range defs {
		if i == 0 || defs[i].Name != defs[i-1].Name {
			names++
		}
	}
	env.Variables = make([]facts.Variable, 0, names)
	for i := 0; i < len(defs); {
		j := i + 1
		for j < len(defs) && defs[j].Name == defs[i].Name {
			j++
		}
		v := *defs[j-1]
		v.Overrides = nil
		if j-i > 1 {
			v.Overrides = make([]facts.Override, 0, j-i-1)
			for k := i; k < j-1; k++ {
				v.Overrides = append(v.Overrides, facts.Override{Location: defs[k].Location, SameValue: defs[k].Hash == defs[k+1].Hash})
			}
		}
		env.Variables = append(env.Variables, v)
		i = j
	}
	clear(defs) // drop the pointers into the files' entries
	s.defs = defs
	s.out = append(s.out, b.finishEnvironment(&env))
}

// finishEnvironment gives env its project's platforms and consumers and
// returns it.
func (b *builder) finishEnvironment(env *facts.Environment) facts.Environment {
	p := b.projDirs[env.Project]
	if p != nil {
		env.Platforms, env.Consumers, env.Remotion = p.Platforms, p.Consumers, p.Remotion
	}
	if env.Platforms == nil {
		env.Platforms = []string{}
	}
	if env.Consumers == nil {
		env.Consumers = []string{}
	}
	return *env
}

// processEnvironment adds the process environment (--env) as one more
// environment of the first root's project.
func (b *builder) processEnvironment() {
	root := "."
	if len(b.in.Roots) > 0 {
		root = cleanDir(b.in.Roots[0])
	}
	env := facts.Environment{ID: "process environment", Dir: root, Project: b.projectOf(root), Process: true, Files: []string{}}
	seen := map[string]int{}
	for _, kv := range b.in.Process {
		name, value, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			continue
		}
		l := facts.Location{Path: ProcessPath, Line: 1, Column: 1}
		v := b.variable(name, value, l, nil)
		if i, dup := seen[name]; dup {
			env.Variables[i] = v
			continue
		}
		seen[name] = len(env.Variables)
		env.Variables = append(env.Variables, v)
	}
	sort.Slice(env.Variables, func(i, j int) bool { return env.Variables[i].Name < env.Variables[j].Name })
	if env.Variables == nil {
		env.Variables = []facts.Variable{}
	}
	b.doc.Environments = append(b.doc.Environments, b.finishEnvironment(&env))
}
