// Package discover walks a tree once, in parallel, and classifies the files
// remolint reads. It never opens anything but regular files, never follows a
// directory symlink (so symlink loops cannot trap it), skips .git,
// node_modules, vendor and gitignored folders, and always keeps env files,
// AWS shared files and platform markers in the folders it enters, even when
// they are gitignored (.env.local usually is).
package discover

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/gitinfo"
)

// DefaultMaxFileSize is the size cap above which a file is skipped with a
// diagnostic.
const DefaultMaxFileSize = 8 << 20

// Git is what the walker knows of the git work tree around the walked root.
type Git struct {
	// Prefix is the walked root's path relative to the work tree root, split
	// at slashes (nil when the root is the work tree root).
	Prefix []string
	// Base holds the ignore patterns that apply from above the root
	// (.git/info/exclude and ancestor .gitignore files).
	Base []gitignore.Pattern
	// Tracked reports whether the index holds a path relative to the work
	// tree root.
	Tracked func(rel string) bool
}

// Options tune a walk.
type Options struct {
	// MaxFileSize caps the size of a file remolint reads (0: the default).
	MaxFileSize int64
	// Workers bounds concurrent directory reads (0: 8).
	Workers int
	// Git is nil outside a work tree, or when git state is not wanted.
	Git *Git
	// Shallow reads only the root folder itself.
	Shallow bool
	// SizeCheckedByReader leaves MaxFileSize to the caller for regular
	// files: it stats the file it opens anyway, which spares the walk an
	// lstat per file. Their File.Size is then 0, and a file over the cap is
	// the caller's to report (as a "too-large" diagnostic).
	SizeCheckedByReader bool
}

// File is one file to read.
type File struct {
	// Path is relative to the walked root, slash-separated.
	Path string
	Kind string
	Size int64
	// GitKnown is true inside a work tree; Ignored and Tracked are its state.
	GitKnown bool
	Ignored  bool
	Tracked  bool
}

// Result is what a walk found, sorted by path.
type Result struct {
	Files []File
	// MarkerDirs are platform marker folders (.vercel, .netlify).
	MarkerDirs  []string
	Diagnostics []facts.Diagnostic
}

// alwaysSkip are folders never entered.
var alwaysSkip = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// buildDirs are skipped when no git information says otherwise.
var buildDirs = map[string]bool{".next": true, ".turbo": true, ".cache": true, ".svelte-kit": true, ".nuxt": true, ".output": true, "coverage": true}

// keepEvenIgnored marks kinds read even when gitignored.
func keepEvenIgnored(kind string) bool {
	switch kind {
	case KindEnv, KindAWSCredentials, KindAWSConfig, KindVercelJSON, KindNetlifyTOML,
		KindServerless, KindSAMTemplate, KindSSTConfig, KindPackageJSON, KindGoMod:
		return true
	}
	return false
}

type walker struct {
	ctx  context.Context
	fsys fs.FS
	opts Options

	// The folders to read: opts.Workers goroutines take them from queue
	// (last in, first out: the walk stays deep, near the entries it just
	// read). pending counts the folders queued or being read; the walk is
	// over when it reaches zero.
	qmu     sync.Mutex
	ready   *sync.Cond
	queue   []dirJob
	pending int

	mu    sync.Mutex
	res   Result
	first error
}

// dirJob is a folder to read, with the ignore patterns that apply in it.
type dirJob struct {
	rel      string
	patterns []gitignore.Pattern
}

// push queues a folder.
func (w *walker) push(j dirJob) {
	w.qmu.Lock()
	w.queue = append(w.queue, j)
	w.pending++
	w.qmu.Unlock()
	w.ready.Signal()
}

// take returns the next folder to read, waiting while others are being
// read (they may queue more); false once the walk is over.
func (w *walker) take() (dirJob, bool) {
	w.qmu.Lock()
	defer w.qmu.Unlock()
	for len(w.queue) == 0 && w.pending > 0 {
		w.ready.Wait()
	}
	if len(w.queue) == 0 {
		return dirJob{}, false
	}
	j := w.queue[len(w.queue)-1]
	w.queue = w.queue[:len(w.queue)-1]
	return j, true
}

// done marks a folder read.
func (w *walker) done() {
	w.qmu.Lock()
	w.pending--
	last := w.pending == 0
	w.qmu.Unlock()
	if last {
		w.ready.Broadcast()
	}
}

// Walk walks fsys from its root.
func Walk(ctx context.Context, fsys fs.FS, opts Options) (*Result, error) {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Workers <= 0 {
		opts.Workers = 8
	}
	w := &walker{ctx: ctx, fsys: fsys, opts: opts}
	w.ready = sync.NewCond(&w.qmu)
	var base []gitignore.Pattern
	if opts.Git != nil {
		base = opts.Git.Base
	}
	if _, err := fs.Stat(fsys, "."); err != nil {
		return nil, fmt.Errorf("walking: %w", err)
	}
	// A pool of goroutines, not one per folder: a monorepo has thousands.
	// Each lists the files it finds on its own (a lock taken per file was
	// contended by the whole pool) and sorts its list once the walk is
	// over; the sorted lists are then merged.
	w.push(dirJob{".", base})
	found := make([][]File, opts.Workers)
	var wg sync.WaitGroup
	for k := range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, ok := w.take(); ok; j, ok = w.take() {
				w.dir(j.rel, j.patterns, &found[k])
				w.done()
			}
			slices.SortFunc(found[k], func(a, b File) int { return strings.Compare(a.Path, b.Path) })
		}()
	}
	wg.Wait()
	if w.first != nil {
		return nil, w.first
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w.res.Files = mergeSorted(found)
	sort.Strings(w.res.MarkerDirs)
	sort.Slice(w.res.Diagnostics, func(i, j int) bool {
		return w.res.Diagnostics[i].Location.Path < w.res.Diagnostics[j].Location.Path
	})
	return &w.res, nil
}

// mergeSorted merges lists of files sorted by path into one (the paths are
// distinct: each folder is read once). A heap of the lists, by their first
// path, takes about log2(k) comparisons per file for k lists.
func mergeSorted(lists [][]File) []File {
	n := 0
	var h [][]File
	for _, l := range lists {
		n += len(l)
		if len(l) > 0 {
			h = append(h, l)
		}
	}
	less := func(i, j int) bool { return h[i][0].Path < h[j][0].Path }
	down := func(i int) {
		for {
			c := 2*i + 1
			if c >= len(h) {
				return
			}
			if c+1 < len(h) && less(c+1, c) {
				c++
			}
			if !less(c, i) {
				return
			}
			h[i], h[c] = h[c], h[i]
			i = c
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	out := make([]File, 0, n)
	for len(h) > 0 {
		out = append(out, h[0][0])
		if h[0] = h[0][1:]; len(h[0]) == 0 {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
	}
	return out
}

func (w *walker) gitPath(rel string) []string {
	var parts []string
	if w.opts.Git != nil {
		parts = append(parts, w.opts.Git.Prefix...)
	}
	if rel != "." {
		parts = append(parts, strings.Split(rel, "/")...)
	}
	return parts
}

func (w *walker) diag(kind, rel, msg string) {
	w.mu.Lock()
	w.res.Diagnostics = append(w.res.Diagnostics, facts.Diagnostic{
		Kind: kind, Message: msg, Location: facts.Location{Path: rel, Line: 1, Column: 1},
	})
	w.mu.Unlock()
}

// dir reads one folder, adds its files to found and queues each subfolder
// to enter.
func (w *walker) dir(rel string, patterns []gitignore.Pattern, found *[]File) {
	if w.ctx.Err() != nil {
		return
	}
	entries, err := fs.ReadDir(w.fsys, rel)
	// Most folders have no .gitignore: the listing says so without a stat.
	if err == nil && w.opts.Git != nil && hasEntry(entries, ".gitignore") {
		if ps := gitignoreIn(w.fsys, rel, w.gitPath(rel)); len(ps) > 0 {
			patterns = append(append([]gitignore.Pattern(nil), patterns...), ps...)
		}
	}
	if err != nil {
		if rel == "." {
			w.mu.Lock()
			if w.first == nil {
				w.first = fmt.Errorf("reading %s: %w", rel, err)
			}
			w.mu.Unlock()
			return
		}
		w.diag("unreadable", rel, fmt.Sprintf("folder skipped: %v", err))
		return
	}
	var matcher gitignore.Matcher
	if len(patterns) > 0 {
		matcher = gitignore.NewMatcher(patterns)
	}
	for _, e := range entries {
		name := e.Name()
		p := path.Join(rel, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			// Follow file symlinks only, and only to regular files.
			kind := Classify(p)
			if kind == "" {
				continue
			}
			st, err := fs.Stat(w.fsys, p)
			if err != nil || !st.Mode().IsRegular() {
				continue
			}
			w.file(p, kind, st.Size(), matcher, found)
			continue
		}
		if e.IsDir() {
			switch {
			case name == DirVercel || name == DirNetlify:
				w.mu.Lock()
				w.res.MarkerDirs = append(w.res.MarkerDirs, p)
				w.mu.Unlock()
				continue
			case alwaysSkip[name], w.opts.Shallow:
				continue
			case matcher == nil && buildDirs[name]:
				continue
			case matcher != nil && name != ".aws" && matcher.Match(w.gitPath(p), true):
				continue
			}
			w.push(dirJob{p, patterns})
			continue
		}
		if !typ.IsRegular() {
			if Classify(p) != "" {
				w.diag("not-regular", p, "skipped: not a regular file (remolint opens regular files only)")
			}
			continue
		}
		// Most files are not remolint's: classify by name before paying
		// for the lstat behind Info, if it is needed at all.
		kind := Classify(p)
		if kind == "" {
			continue
		}
		if w.opts.SizeCheckedByReader {
			w.file(p, kind, -1, matcher, found)
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		w.file(p, kind, info.Size(), matcher, found)
	}
}

// file adds a file of the given size (-1: unknown, the reader checks it)
// to found, the list of the goroutine reading its folder.
func (w *walker) file(p, kind string, size int64, matcher gitignore.Matcher, found *[]File) {
	f := File{Path: p, Kind: kind, Size: max(size, 0)}
	if w.opts.Git != nil {
		f.GitKnown = true
		gp := w.gitPath(p)
		f.Tracked = w.opts.Git.Tracked != nil && w.opts.Git.Tracked(strings.Join(gp, "/"))
		f.Ignored = !f.Tracked && matcher != nil && matcher.Match(gp, false)
		if f.Ignored && !keepEvenIgnored(kind) {
			return
		}
	}
	if size > w.opts.MaxFileSize {
		w.diag("too-large", p, fmt.Sprintf("skipped: %d bytes is over the %d-byte size cap (--max-file-size)", size, w.opts.MaxFileSize))
		return
	}
	*found = append(*found, f)
}

// hasEntry reports whether a folder listing (sorted by name, as
// fs.ReadDir returns it) holds name.
func hasEntry(entries []fs.DirEntry, name string) bool {
	_, found := slices.BinarySearchFunc(entries, name, func(e fs.DirEntry, name string) int {
		return strings.Compare(e.Name(), name)
	})
	return found
}

// gitignoreIn reads rel/.gitignore with patterns rooted at domain.
func gitignoreIn(fsys fs.FS, rel string, domain []string) []gitignore.Pattern {
	return gitinfo.ReadPatterns(fsys, path.Join(rel, ".gitignore"), domain)
}
