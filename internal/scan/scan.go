// Package scan reads a project: it resolves the paths a user names into
// roots, walks each root once, reads every file once in a bounded worker
// pool (a panic in one file's reader becomes a diagnostic for that file),
// and builds the fact document.
package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/dotenv"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/gitinfo"
	"github.com/remolint/remolint/internal/model"
	"github.com/remolint/remolint/internal/project"
)

// Options say what to scan.
type Options struct {
	// Paths are the folders and files the user named (default ".").
	Paths []string
	// WorkDir is the working directory paths are relative to.
	WorkDir string
	// AWSDirs are folders whose credentials and config files are read as
	// AWS shared files (--aws-dir).
	AWSDirs []string
	// NoGit ignores git state (no .gitignore, no index).
	NoGit bool
	// MaxFileSize caps the size of files read (0: the default).
	MaxFileSize int64
	// Process is the process environment when it should be checked (--env).
	Process []string
	// Platforms and Consumers override detection when non-empty.
	Platforms, Consumers []string
	// NoIndex builds the document without its index (model.Input.NoIndex):
	// for a run that evaluates only the built-in rules, on a narrowed view
	// with an index of its own. lint.Evaluate indexes a document it
	// evaluates whole.
	NoIndex bool
}

// Comment is a comment in a scanned file, for suppressions.
type Comment = finding.Comment

// Result is a scanned tree.
type Result struct {
	Doc *facts.Document
	// Report, when non-nil, restricts reported findings to these paths (the
	// files the user named).
	Report map[string]bool
	// Comments holds, by path, the comments of each file that may be
	// suppression directives (finding.MayBeDirective): Suppress reads no other.
	Comments map[string][]Comment
	// FileCount is the number of files read.
	FileCount int

	mu    sync.Mutex
	lines map[string][]string
	files *fileIndex // display path -> OS path; not written after the scan
}

// Line returns line n of the file at a display path ("" when unknown). It
// reads the file again on first use (or LoadLines does): findings are few,
// file contents many.
func (r *Result) Line(p string, n int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	ls, ok := r.lines[p]
	if !ok {
		ls = r.readLines(p)
		r.lines[p] = ls
	}
	if n < 1 || n > len(ls) {
		return ""
	}
	return ls[n-1]
}

// LoadLines reads the lines of the files at the display paths ps that Line
// has not read yet, one part per CPU: a run with findings in hundreds of
// files would otherwise read them one after the other.
func (r *Result) LoadLines(ps []string) {
	r.mu.Lock()
	var todo []string
	for _, p := range ps {
		if _, ok := r.lines[p]; !ok {
			todo = append(todo, p)
		}
	}
	r.mu.Unlock()
	slices.Sort(todo)
	todo = slices.Compact(todo)
	read := make([][]string, len(todo))
	parts := min(runtime.GOMAXPROCS(0), len(todo))
	var wg sync.WaitGroup
	for w := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w * len(todo) / parts; i < (w+1)*len(todo)/parts; i++ {
				read[i] = r.readLines(todo[i])
			}
		}()
	}
	wg.Wait()
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, p := range todo {
		if _, ok := r.lines[p]; !ok {
			r.lines[p] = read[i]
		}
	}
}

// readLines reads the file at a display path as lines (nil when unknown or
// unreadable).
func (r *Result) readLines(p string) []string {
	src, known := r.files.lookup(p)
	if !known {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return nil
	}
	return strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
}

type root struct {
	abs     string
	display string
	shallow bool
}

// Run reads the tree and builds its fact document.
func Run(ctx context.Context, opts Options) (*Result, error) {
	t, err := Read(ctx, opts)
	if err != nil {
		return nil, err
	}
	return t.Build(nil), nil
}

// Tree is a read tree whose fact document is not built yet: drivers that
// analyze one package at a time (go vet, golangci-lint) read the project once
// and build a document per package, replacing the syntax-only facts of that
// package's Go files with type-aware ones.
type Tree struct {
	in  model.Input
	res *Result
}

// FileCount is the number of files read (and parsed) into the tree.
func (t *Tree) FileCount() int { return len(t.in.Files) }

// Build builds the fact document. code, when non-nil, replaces the code facts
// of the files it names (by display path); it is not modified.
func (t *Tree) Build(code map[string]*model.CodeFacts) *Result {
	in := t.in
	if code != nil {
		in.Files = append([]model.Parsed(nil), t.in.Files...)
		for i := range in.Files {
			if c, ok := code[in.Files[i].File.Path]; ok {
				in.Files[i].Code = c
			}
		}
	}
	r := &Result{Report: t.res.Report, Comments: t.res.Comments, FileCount: t.res.FileCount,
		lines: map[string][]string{}, files: t.res.files}
	r.Doc = model.Build(in)
	return r
}

// Read walks and reads the tree.
func Read(ctx context.Context, opts Options) (*Tree, error) {
	if opts.WorkDir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("finding the working directory: %w", err)
		}
		opts.WorkDir = wd
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	roots, report, err := resolveRoots(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Comments: map[string][]Comment{}, lines: map[string][]string{}, Report: report}
	in := model.Input{Process: opts.Process, Platforms: opts.Platforms, Consumers: opts.Consumers, NoIndex: opts.NoIndex}
	var jobs []job
	for _, r := range roots {
		in.Roots = append(in.Roots, r.display)
		// readOne checks the size cap on the open file.
		wopts := discover.Options{MaxFileSize: opts.MaxFileSize, Shallow: r.shallow, SizeCheckedByReader: true}
		if !opts.NoGit {
			g, err := gitView(r.abs)
			if err != nil {
				in.Diagnostics = append(in.Diagnostics, facts.Diagnostic{Kind: "git", Message: "git state not read: " + err.Error(), Location: facts.Location{Path: r.display, Line: 1, Column: 1}})
			}
			wopts.Git = g
		}
		w, err := discover.Walk(ctx, os.DirFS(r.abs), wopts)
		if err != nil {
			return nil, fmt.Errorf("scanning %s: %w", r.display, err)
		}
		for _, d := range w.MarkerDirs {
			in.MarkerDirs = append(in.MarkerDirs, join(r.display, d))
		}
		for _, d := range w.Diagnostics {
			d.Location.Path = join(r.display, d.Location.Path)
			in.Diagnostics = append(in.Diagnostics, d)
		}
		if jobs == nil {
			jobs = make([]job, 0, len(w.Files))
		}
		// The OS paths are joined by the readers, in parallel (osPath).
		for _, f := range w.Files {
			rel := f.Path
			f.Path = join(r.display, rel)
			jobs = append(jobs, job{file: f, dir: r.abs, rel: rel, walked: true})
		}
	}
	// One root's files come sorted by path from its walk, and so by display
	// path; files of several roots are sorted, and a file two roots share
	// is read once (the first root's).
	if len(roots) > 1 {
		slices.SortStableFunc(jobs, func(a, b job) int { return strings.Compare(a.file.Path, b.file.Path) })
		jobs = slices.CompactFunc(jobs, func(a, b job) bool { return a.file.Path == b.file.Path })
	}
	res.files = &fileIndex{walked: jobs}
	for _, dir := range opts.AWSDirs {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(opts.WorkDir, dir)
		}
		for _, name := range []string{"credentials", "config"} {
			p := filepath.Join(dir, name)
			st, err := os.Stat(p)
			if err != nil || !st.Mode().IsRegular() {
				continue
			}
			kind := discover.KindAWSCredentials
			if name == "config" {
				kind = discover.KindAWSConfig
			}
			disp := display(opts.WorkDir, p)
			if _, known := res.files.lookup(disp); !known {
				res.files.add(disp, p)
				jobs = append(jobs, job{file: discover.File{Path: disp, Kind: kind, Size: st.Size()}, os: p})
			}
		}
	}
	parsed, diags := readAll(ctx, jobs, opts.MaxFileSize)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	in.Diagnostics = append(in.Diagnostics, diags...)
	if len(parsed) > 0 {
		in.Files = make([]model.Parsed, 0, len(parsed))
	}
	for _, p := range parsed {
		if p.parsed.File.Kind == "" {
			continue
		}
		in.Files = append(in.Files, p.parsed)
		if len(p.comments) > 0 {
			res.Comments[p.parsed.File.Path] = p.comments
		}
	}
	// Shared files that a scanned environment names (AWS_SHARED_CREDENTIALS_FILE,
	// AWS_CONFIG_FILE) are AWS shared files too.
	extra := namedSharedFiles(in.Files, opts.WorkDir, res.files)
	more, diags := readAll(ctx, extra, opts.MaxFileSize)
	in.Diagnostics = append(in.Diagnostics, diags...)
	for _, p := range more {
		if p.parsed.File.Kind != "" {
			in.Files = append(in.Files, p.parsed)
			if len(p.comments) > 0 {
				res.Comments[p.parsed.File.Path] = p.comments
			}
		}
	}
	res.FileCount = len(in.Files)
	sort.Slice(in.Diagnostics, func(i, j int) bool { return in.Diagnostics[i].Location.Path < in.Diagnostics[j].Location.Path })
	return &Tree{in: in, res: res}, nil
}

func join(root, rel string) string {
	if root == "." || root == "" {
		return rel
	}
	return path.Join(root, rel)
}

// display returns abs relative to the working directory, slash-separated,
// without a leading "./".
func display(wd, abs string) string {
	rel, err := filepath.Rel(wd, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// resolveRoots turns the named paths into roots. A folder is a root. A file
// restricts what is reported; the project around it (nearest folder with
// package.json, go.mod or .git) is read, plus the repository root's own
// markers, so cross-file rules still fire.
func resolveRoots(opts Options) ([]root, map[string]bool, error) {
	var roots []root
	var report map[string]bool
	for _, p := range opts.Paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(opts.WorkDir, p)
		}
		abs = filepath.Clean(abs)
		st, err := os.Stat(abs)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", p, unwrapPath(err))
		}
		if st.IsDir() {
			roots = append(roots, root{abs: abs, display: display(opts.WorkDir, abs)})
			continue
		}
		if report == nil {
			report = map[string]bool{}
		}
		report[display(opts.WorkDir, abs)] = true
		proj, repo := enclosingProject(filepath.Dir(abs))
		roots = append(roots, root{abs: proj, display: display(opts.WorkDir, proj)})
		if repo != "" && repo != proj {
			roots = append(roots, root{abs: repo, display: display(opts.WorkDir, repo), shallow: true})
		}
	}
	return dedupeRoots(roots), report, nil
}

// enclosingProject returns the nearest folder at or above dir holding a
// package.json, go.mod or .git, and the repository root (the folder with
// .git) if there is one.
func enclosingProject(dir string) (proj, repo string) {
	for d := dir; ; d = filepath.Dir(d) {
		for _, m := range []string{"package.json", "go.mod", ".git"} {
			if _, err := os.Lstat(filepath.Join(d, m)); err == nil && proj == "" {
				proj = d
			}
		}
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			repo = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if proj == "" {
		proj = dir
	}
	return proj, repo
}

// dedupeRoots drops roots inside other full roots and duplicate roots; a
// full root replaces a shallow one of the same folder.
func dedupeRoots(roots []root) []root {
	sort.SliceStable(roots, func(i, j int) bool {
		if roots[i].abs != roots[j].abs {
			return roots[i].abs < roots[j].abs
		}
		return !roots[i].shallow && roots[j].shallow
	})
	var out []root
	for _, r := range roots {
		covered := false
		for _, o := range out {
			if o.abs == r.abs || (!o.shallow && strings.HasPrefix(r.abs, o.abs+string(filepath.Separator))) {
				covered = true
				break
			}
		}
		if !covered {
			out = append(out, r)
		}
	}
	return out
}

func gitView(abs string) (*discover.Git, error) {
	repo, err := gitinfo.Find(abs)
	if err != nil || repo == nil {
		return nil, err
	}
	rel, ok := repo.Rel(abs)
	if !ok {
		return nil, nil
	}
	var prefix []string
	if rel != "." {
		prefix = strings.Split(rel, "/")
	}
	return &discover.Git{Prefix: prefix, Base: repo.AncestorPatterns(abs), Tracked: repo.Tracked}, nil
}

type job struct {
	file discover.File
	// The OS path of the file: os, or for a walked file rel (slash-separated)
	// in the folder dir (see osPath).
	os       string
	dir, rel string
	// walked is true for files the walk found, whose size cap the walk
	// left to readOne (a file over it is "too-large", as the walk says).
	walked bool
}

// osPath returns the OS path of the file j reads.
func (j *job) osPath() string {
	if j.os != "" {
		return j.os
	}
	rel := filepath.FromSlash(j.rel)
	if strings.HasSuffix(j.dir, string(filepath.Separator)) {
		return j.dir + rel
	}
	return j.dir + string(filepath.Separator) + rel
}

// fileIndex finds the OS path of a file of the scan by its display path: a
// walked file by binary search among the walked jobs (sorted by display
// path), one added after the walk (--aws-dir, a shared file an env file
// names) in a map. A map of every walked file cost milliseconds on a
// monorepo, with the readers waiting.
type fileIndex struct {
	walked []job
	added  map[string]string
}

func (x *fileIndex) lookup(p string) (string, bool) {
	if x == nil {
		return "", false
	}
	if i, ok := slices.BinarySearchFunc(x.walked, p, func(j job, p string) int { return strings.Compare(j.file.Path, p) }); ok {
		return x.walked[i].osPath(), true
	}
	os, ok := x.added[p]
	return os, ok
}

func (x *fileIndex) add(p, osPath string) {
	if x.added == nil {
		x.added = map[string]string{}
	}
	x.added[p] = osPath
}

type result struct {
	parsed   model.Parsed
	comments []Comment
}

// readAll reads and parses every file in a bounded pool; results keep the
// jobs' order, so the outcome does not depend on scheduling.
func readAll(ctx context.Context, jobs []job, maxSize int64) ([]result, []facts.Diagnostic) {
	if maxSize <= 0 {
		maxSize = discover.DefaultMaxFileSize
	}
	out := make([]result, len(jobs))
	diags := make([]*facts.Diagnostic, len(jobs))
	// Each worker takes the next job from a shared counter: handing out
	// thousands of small files through a channel kept a core idle a third
	// of the time, waiting for the goroutine that sent them.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var scratch []byte // this worker's buffer for sources (see readOne)
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= len(jobs) {
					return
				}
				out[i], diags[i] = readOne(jobs[i], maxSize, &scratch)
			}
		}()
	}
	wg.Wait()
	var ds []facts.Diagnostic
	for _, d := range diags {
		if d != nil {
			ds = append(ds, *d)
		}
	}
	return out, ds
}

// readOne reads one file. A panic in a reader is contained: the file yields
// an internal diagnostic and no facts, and the run goes on.
//
// Sources (JS/TS and Go, most of the bytes read) are read into scratch, which
// the next file read by the same worker overwrites: their readers keep no
// reference to the bytes (every string they return is a copy, and the
// comments' own-line test runs before readOne returns). Other kinds get a
// buffer of their own, as their parsers are free to keep slices of it.
func readOne(j job, maxSize int64, scratch *[]byte) (r result, diag *facts.Diagnostic) {
	at := facts.Location{Path: j.file.Path, Line: 1, Column: 1}
	defer func() {
		if p := recover(); p != nil {
			r = result{}
			diag = &facts.Diagnostic{Kind: "internal", Message: "internal error while reading this file (please report it); the rest of the run is unaffected", Location: at}
		}
	}()
	if j.file.Kind != discover.KindJS && j.file.Kind != discover.KindGo {
		scratch = nil
	}
	data, err := readFile(j.osPath(), maxSize, scratch)
	if err != nil {
		kind := "unreadable"
		if _, ok := err.(*tooLargeError); ok && j.walked {
			kind = "too-large"
		}
		return result{}, &facts.Diagnostic{Kind: kind, Message: err.Error(), Location: at}
	}
	r.parsed.File = j.file
	p := j.file.Path
	switch j.file.Kind {
	case discover.KindEnv:
		f := dotenv.Parse(data)
		r.parsed.Env = f
		lines := lineCursor{data: data}
		for _, c := range f.Comments {
			if finding.MayBeDirective(c.Text) {
				r.comments = append(r.comments, Comment{Line: c.Span.Start.Line, Column: c.Span.Start.Col, Text: c.Text, Own: lines.ownLine(c.Span.Start.Line, c.Span.Start.Col)})
			}
		}
	case discover.KindAWSCredentials, discover.KindAWSConfig:
		flavour := awsini.FlavourCredentials
		if j.file.Kind == discover.KindAWSConfig {
			flavour = awsini.FlavourConfig
		}
		f := awsini.Parse(data, flavour)
		r.parsed.INI = f
		lines := lineCursor{data: data}
		for _, c := range f.Comments {
			if finding.MayBeDirective(c.Text) {
				r.comments = append(r.comments, Comment{Line: c.Span.Start.Line, Column: c.Span.Start.Col, Text: c.Text, Own: lines.ownLine(c.Span.Start.Line, c.Span.Start.Col)})
			}
		}
	case discover.KindPackageJSON:
		r.parsed.Manifest = project.PackageJSON(p, data)
	case discover.KindGoMod:
		r.parsed.Manifest = project.GoMod(p, data)
	case discover.KindPythonDeps:
		r.parsed.Manifest = project.PythonDeps(p, data)
	case discover.KindComposerJSON:
		r.parsed.Manifest = project.ComposerJSON(p, data)
	case discover.KindVercelJSON, discover.KindNetlifyTOML, discover.KindServerless, discover.KindSAMTemplate,
		discover.KindSSTConfig, discover.KindRemotionConfig:
		r.parsed.Manifest = project.Marker(j.file.Kind, p, data)
	case discover.KindJS, discover.KindGo:
		code, comments := readCode(j.file.Kind, p, data)
		r.parsed.Code = code
		r.comments = comments
	}
	return r, nil
}

var errNotRegular = errors.New("skipped: not a regular file")

func skipped(err error) error { return fmt.Errorf("skipped: %w", err) }

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// lineCursor finds line starts by moving forward through data: comments
// come in source order, so one pass over the file serves all of them, with
// no table of line starts.
type lineCursor struct {
	data []byte
	// line is a 1-based line number and start the offset it starts at (0
	// and 0 before first use).
	line, start int
}

// ownLine reports whether only white space precedes line:col.
func (c *lineCursor) ownLine(line, col int) bool {
	if line < 1 {
		return false
	}
	if c.line == 0 || line < c.line { // first use, or out of order: from the top
		c.line, c.start = 1, 0
	}
	for c.line < line {
		j := bytes.IndexByte(c.data[c.start:], '\n')
		if j < 0 {
			return false // past the last line
		}
		c.start += j + 1
		c.line++
	}
	end := c.start + col - 1
	if end > len(c.data) || end < c.start {
		return false
	}
	return len(bytes.TrimSpace(c.data[c.start:end])) == 0
}

// namedSharedFiles returns jobs for the AWS shared files that env files name
// with AWS_SHARED_CREDENTIALS_FILE or AWS_CONFIG_FILE (relative paths are
// taken from the env file's folder, where the program usually runs), skipping
// files already in known and files that do not exist, and adds them to known.
func namedSharedFiles(files []model.Parsed, wd string, known *fileIndex) []job {
	var jobs []job
	for _, p := range files {
		if p.Env == nil {
			continue
		}
		for _, e := range p.Env.Entries {
			kind := ""
			switch e.Key {
			case "AWS_SHARED_CREDENTIALS_FILE":
				kind = discover.KindAWSCredentials
			case "AWS_CONFIG_FILE":
				kind = discover.KindAWSConfig
			}
			if kind == "" || !e.NodeOK || e.Node == "" || strings.HasPrefix(e.Node, "~") {
				continue
			}
			target := filepath.FromSlash(e.Node)
			if !filepath.IsAbs(target) {
				target = filepath.Join(wd, filepath.FromSlash(path.Dir(p.File.Path)), target)
			}
			st, err := os.Stat(target)
			if err != nil || !st.Mode().IsRegular() {
				continue
			}
			disp := display(wd, target)
			if _, ok := known.lookup(disp); ok {
				continue
			}
			known.add(disp, target)
			jobs = append(jobs, job{file: discover.File{Path: disp, Kind: kind, Size: st.Size()}, os: target})
		}
	}
	return jobs
}
