// Package model turns what the readers extracted from each file into the
// fact document: it finds projects and their platforms and consumers, layers
// env files into environments, collects AWS profiles and code facts, and runs
// the credential resolver on every environment, so that every rule reads one
// model.
package model

import (
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/dotenv"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/names"
	"github.com/remolint/remolint/internal/project"
	"github.com/remolint/remolint/internal/secret"
)

// Parsed is one file as its reader left it. Exactly one of the reader
// fields is set, according to File.Kind. File.Path is relative to the
// working directory.
type Parsed struct {
	File     discover.File
	Env      *dotenv.File
	INI      *awsini.File
	Manifest *project.Facts
	Code     *CodeFacts
}

// CodeFacts are the facts a source file yields (JS/TS or Go).
type CodeFacts = facts.SourceFacts

// Input is everything the model is built from.
type Input struct {
	// Roots are the scanned folders relative to the working directory ("."
	// for the working directory); each is a project boundary.
	Roots []string
	// Files in any order; Build sorts.
	Files []Parsed
	// MarkerDirs are platform marker folders (.vercel, .netlify).
	MarkerDirs []string
	// Process, when non-nil, is the process environment (KEY=VALUE).
	Process []string
	// Platforms and Consumers, when non-empty, override detection.
	Platforms []string
	Consumers []string
	// Diagnostics from the walk and the readers.
	Diagnostics []facts.Diagnostic
	// NoIndex leaves doc.Index and doc.Accounts empty, for a caller that
	// evaluates a narrowed copy of the document (view.Builtin indexes its
	// own) and indexes this one only if it evaluates it (EnsureIndexed).
	NoIndex bool
}

// ProcessPath is the location path of variables from the process environment.
const ProcessPath = "(process environment)"

// Build builds the fact document.
func Build(in Input) *facts.Document {
	b := newBuilder(in)
	b.projects()
	b.code()
	b.envSignals()
	b.finishProjects()
	b.envFiles()
	b.environments()
	b.shared()
	b.resolve()
	if !in.NoIndex {
		index(b.doc)
	}
	return b.doc
}

type builder struct {
	in       Input
	doc      *facts.Document
	projDirs map[string]*facts.Project
	// fileProject is the project folder of each of in.Files, by index
	// (projects fills it; later steps read it instead of walking up again).
	fileProject []string
	// names caches what the names package derives from a variable name:
	// the same few names recur in thousands of env files and accesses.
	names map[string]nameFacts
	// dirProject caches projectOf by folder.
	dirProject map[string]string
}

// nameFacts are the name-derived fields of a variable or access.
type nameFacts struct {
	known      bool
	suggestion string
	family     *facts.Family // shared by every variable of the name; never modified
}

// nameFacts returns the name-derived fields for name, computing them once.
func (b *builder) nameFacts(name string) nameFacts {
	return b.nameFactsIn(b.names, name)
}

// nameFactsIn is nameFacts with cache (b.names, or a parallel part's own
// map) holding the names b.names lacks. Computed facts go into cache.
func (b *builder) nameFactsIn(cache map[string]nameFacts, name string) nameFacts {
	if nf, ok := b.names[name]; ok {
		return nf
	}
	if nf, ok := cache[name]; ok {
		return nf
	}
	nf := nameFacts{known: names.IsKnown(name), suggestion: names.Suggest(name), family: names.ParseFamily(name)}
	cache[name] = nf
	return nf
}

func newBuilder(in Input) *builder {
	// Files are taken in path order. A scan hands them over sorted but for
	// the few read after the walk; the caller's slice is sorted in a copy.
	byPath := func(a, b Parsed) int { return strings.Compare(a.File.Path, b.File.Path) }
	if !slices.IsSortedFunc(in.Files, byPath) {
		in.Files = slices.Clone(in.Files)
		slices.SortStableFunc(in.Files, byPath)
	}
	doc := &facts.Document{
		Version:      facts.Version,
		Projects:     []facts.Project{},
		Files:        []facts.File{},
		EnvFiles:     []facts.EnvFile{},
		Environments: []facts.Environment{},
		SharedFiles:  []facts.SharedFile{},
		Profiles:     []facts.Profile{},
		Diagnostics:  append([]facts.Diagnostic{}, in.Diagnostics...),
	}
	doc.Code = facts.Code{
		Reads: []facts.EnvAccess{}, Writes: []facts.EnvAccess{}, RemotionCalls: []facts.RemotionCall{},
		DotenvLoads: []facts.DotenvLoad{}, Literals: []facts.Literal{}, Imports: []facts.Import{},
	}
	return &builder{in: in, doc: doc, projDirs: map[string]*facts.Project{}, names: map[string]nameFacts{}, dirProject: map[string]string{}}
}

// isProjectManifest reports whether a file kind makes its folder a project.
func isProjectManifest(kind string) bool {
	switch kind {
	case discover.KindPackageJSON, discover.KindGoMod, discover.KindPythonDeps, discover.KindComposerJSON:
		return true
	}
	return false
}

func cleanDir(d string) string {
	if d == "" {
		return "."
	}
	return path.Clean(d)
}

// projectOf returns the nearest project folder at or above dir. The answer
// for a folder never changes once given (a project it adds is the folder
// itself, one it finds stays the nearest), so it is cached.
func (b *builder) projectOf(dir string) string {
	if pd, ok := b.dirProject[dir]; ok {
		return pd
	}
	pd := b.findProject(dir)
	b.dirProject[dir] = pd
	return pd
}

func (b *builder) findProject(dir string) string {
	for d := cleanDir(dir); ; d = path.Dir(d) {
		if _, ok := b.projDirs[d]; ok {
			return d
		}
		if d == "." || d == "/" {
			break
		}
		if path.Dir(d) == d {
			break
		}
	}
	// Outside every root (cannot happen for walked files): its own folder.
	d := cleanDir(dir)
	b.projDirs[d] = &facts.Project{Dir: d}
	return d
}

func (b *builder) projects() {
	for _, r := range b.in.Roots {
		b.projDirs[cleanDir(r)] = &facts.Project{Dir: cleanDir(r)}
	}
	for _, p := range b.in.Files {
		if isProjectManifest(p.File.Kind) {
			d := cleanDir(path.Dir(p.File.Path))
			if b.projDirs[d] == nil {
				b.projDirs[d] = &facts.Project{Dir: d}
			}
		}
	}
	b.fileProject = make([]string, len(b.in.Files))
	b.doc.Files = slices.Grow(b.doc.Files, len(b.in.Files))
	for i, p := range b.in.Files {
		pd := b.projectOf(path.Dir(p.File.Path))
		b.fileProject[i] = pd
		b.doc.Files = append(b.doc.Files, facts.File{
			Path: p.File.Path, Kind: factKind(p.File.Kind), Project: pd,
			GitKnown: p.File.GitKnown, Tracked: p.File.Tracked, Ignored: p.File.Ignored,
		})
		if p.Manifest != nil {
			proj := b.projDirs[pd]
			proj.Signals = append(proj.Signals, p.Manifest.Signals...)
			for _, l := range p.Manifest.Loads {
				l.Project = pd
				b.doc.Code.DotenvLoads = append(b.doc.Code.DotenvLoads, l)
			}
			for _, l := range p.Manifest.Literals {
				l.Project = pd
				b.doc.Code.Literals = append(b.doc.Code.Literals, l)
			}
			if p.Manifest.Err != "" {
				b.doc.Diagnostics = append(b.doc.Diagnostics, facts.Diagnostic{
					Kind: "parse", Message: p.Manifest.Err, Location: facts.Location{Path: p.File.Path, Line: 1, Column: 1},
				})
			}
		}
	}
	for _, d := range b.in.MarkerDirs {
		pd := b.projectOf(path.Dir(d))
		proj := b.projDirs[pd]
		value := facts.PlatformVercel
		if path.Base(d) == discover.DirNetlify {
			value = facts.PlatformNetlify
		}
		proj.Signals = append(proj.Signals, facts.Signal{Kind: project.SignalPlatform, Value: value,
			Reason: path.Base(d) + " folder", Location: facts.Location{Path: d, Line: 1, Column: 1}})
	}
}

func factKind(k string) string {
	switch k {
	case discover.KindEnv, discover.KindAWSCredentials, discover.KindAWSConfig, discover.KindPackageJSON,
		discover.KindGoMod, discover.KindJS, discover.KindGo:
		return k
	case discover.KindVercelJSON, discover.KindNetlifyTOML, discover.KindServerless, discover.KindSAMTemplate, discover.KindSSTConfig:
		return facts.KindPlatformMarker
	}
	return facts.KindOther
}

// signal records code evidence for a project.
func (b *builder) signal(pd, kind, value, reason string, l facts.Location) {
	proj := b.projDirs[pd]
	proj.Signals = append(proj.Signals, facts.Signal{Kind: kind, Value: value, Reason: reason, Location: l})
}

// finishProjects derives platforms, consumers, loaders and the remotion flag
// from the signals; platforms and the remotion flag are inherited by nested
// projects (a vercel.json at the repository root covers apps/web).
func (b *builder) finishProjects() {
	dirs := make([]string, 0, len(b.projDirs))
	for d := range b.projDirs {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs) // parents sort before children
	agg := facts.Project{Platforms: []string{}, Consumers: []string{}}
	for _, d := range dirs {
		p := b.projDirs[d]
		plat, cons, load := set{}, set{}, set{}
		for _, s := range p.Signals {
			switch s.Kind {
			case project.SignalPlatform:
				plat.add(s.Value)
			case project.SignalConsumer:
				cons.add(s.Value)
			case project.SignalLoader:
				load.add(s.Value)
			case project.SignalRemotion:
				p.Remotion = true
			}
		}
		if parent := b.parentProject(d); parent != nil {
			for _, v := range parent.Platforms {
				plat.add(v)
			}
			p.Remotion = p.Remotion || parent.Remotion
		}
		if len(b.in.Platforms) > 0 {
			plat = set{}
			for _, v := range b.in.Platforms {
				plat.add(v)
			}
		}
		if len(b.in.Consumers) > 0 {
			cons = set{}
			for _, v := range b.in.Consumers {
				cons.add(v)
			}
		}
		p.Platforms, p.Consumers, p.Loaders = plat.sorted(), cons.sorted(), load.sorted()
		sort.SliceStable(p.Signals, func(i, j int) bool { return lessLoc(p.Signals[i].Location, p.Signals[j].Location) })
		b.doc.Projects = append(b.doc.Projects, *p)
		agg.Remotion = agg.Remotion || p.Remotion
		agg.Platforms = union(agg.Platforms, p.Platforms)
		agg.Consumers = union(agg.Consumers, p.Consumers)
	}
	b.doc.Project = agg
}

func (b *builder) parentProject(d string) *facts.Project {
	for d != "." && d != "/" && path.Dir(d) != d {
		d = path.Dir(d)
		if p, ok := b.projDirs[d]; ok {
			return p
		}
	}
	return nil
}

// dialect decides which dotenv dialect reads a project's env files: Go's when
// its only consumers are Go programs, Node's otherwise (the Remotion CLI,
// Next.js and most programs use Node's dotenv).
func dialect(p *facts.Project) string {
	if p == nil || len(p.Consumers) == 0 {
		return "node"
	}
	for _, c := range p.Consumers {
		if c != facts.ConsumerGo {
			return "node"
		}
	}
	return "go"
}

type set map[string]bool

func (s set) add(v string) { s[v] = true }

func (s set) sorted() []string {
	out := make([]string, 0, len(s))
	for v := range s {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

func union(a, b []string) []string {
	s := set{}
	for _, v := range a {
		s.add(v)
	}
	for _, v := range b {
		s.add(v)
	}
	return s.sorted()
}

func lessLoc(a, b facts.Location) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

// variable builds the facts.Variable for name=value at the given spans.
func (b *builder) variable(name, value string, key facts.Location, val *facts.Location) facts.Variable {
	return b.variableIn(b.names, name, value, key, val)
}

// variableIn is variable with the name facts cache of nameFactsIn.
func (b *builder) variableIn(cache map[string]nameFacts, name, value string, key facts.Location, val *facts.Location) facts.Variable {
	v := secret.Variable(name, value)
	v.Location = key
	v.ValueLocation = val
	nf := b.nameFactsIn(cache, name)
	v.Known, v.Suggestion, v.Family = nf.known, nf.suggestion, nf.family
	return v
}

// looksRemotion reports whether a name marks a Remotion project.
func looksRemotion(name string) bool { return strings.HasPrefix(name, "REMOTION_AWS_") }
