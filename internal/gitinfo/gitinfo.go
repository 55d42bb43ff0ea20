// Package gitinfo reads what remolint needs to know from a git work tree,
// in-process and without running git: which files the index tracks and which
// paths .gitignore files ignore.
//
// It never executes git: a repository's configuration can make git run
// programs (fsmonitor, hooks), and remolint never runs user code.
package gitinfo

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// maxIndexSize bounds the index file remolint will decode.
const maxIndexSize = 256 << 20

// Repo is a git work tree found above a directory.
type Repo struct {
	// Root is the absolute path of the work tree.
	Root    string
	tracked map[string]bool
}

// Find walks up from dir (absolute) to the nearest work tree: a folder with a
// .git directory, or a .git file pointing at one. It returns nil and no error
// when dir is not inside a work tree.
func Find(dir string) (*Repo, error) {
	for d := dir; ; {
		gitPath := filepath.Join(d, ".git")
		if st, err := os.Stat(gitPath); err == nil {
			gitDir := gitPath
			if !st.IsDir() {
				gitDir, err = readGitFile(gitPath, d)
				if err != nil {
					return nil, err
				}
			}
			r := &Repo{Root: d, tracked: map[string]bool{}}
			if err := r.loadIndex(filepath.Join(gitDir, "index")); err != nil {
				return nil, err
			}
			return r, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil, nil
		}
		d = parent
	}
}

// readGitFile follows a "gitdir: PATH" file (worktrees, submodules).
func readGitFile(name, dir string) (string, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", name, err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	p, ok := strings.CutPrefix(strings.TrimSpace(line), "gitdir:")
	if !ok {
		return "", fmt.Errorf("reading %s: not a gitdir file", name)
	}
	p = strings.TrimSpace(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	return p, nil
}

func (r *Repo) loadIndex(name string) error {
	st, err := os.Stat(name)
	if err != nil {
		return nil // a fresh repository has no index yet: nothing is tracked
	}
	if !st.Mode().IsRegular() || st.Size() > maxIndexSize {
		return fmt.Errorf("reading git index %s: not a regular file under %d bytes", name, maxIndexSize)
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("reading git index: %w", err)
	}
	defer f.Close()
	var idx index.Index
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(&idx); err != nil {
		return fmt.Errorf("decoding git index %s: %w", name, err)
	}
	for _, e := range idx.Entries {
		r.tracked[e.Name] = true
	}
	return nil
}

// Tracked reports whether the index holds rel (slash-separated, relative to
// Root).
func (r *Repo) Tracked(rel string) bool { return r.tracked[rel] }

// Rel returns abs relative to Root, slash-separated, and whether abs lies
// inside the work tree.
func (r *Repo) Rel(abs string) (string, bool) {
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// AncestorPatterns returns the ignore patterns that apply to the folder abs
// from outside it: .git/info/exclude and the .gitignore of every folder from
// Root down to abs's parent... and abs itself is read by the walker. Domains
// are relative to Root.
func (r *Repo) AncestorPatterns(abs string) []gitignore.Pattern {
	rel, ok := r.Rel(abs)
	if !ok {
		return nil
	}
	ps := ReadPatterns(os.DirFS(r.Root), ".git/info/exclude", nil)
	if rel == "." {
		return ps
	}
	parts := strings.Split(rel, "/")
	for i := range parts {
		dir := path.Join(parts[:i]...)
		if dir == "" {
			dir = "."
		}
		ps = append(ps, ReadPatterns(os.DirFS(r.Root), path.Join(dir, ".gitignore"), domain(dir))...)
	}
	return ps
}

func domain(dir string) []string {
	if dir == "." || dir == "" {
		return nil
	}
	return strings.Split(dir, "/")
}

// ReadPatterns parses the ignore file name in fsys, with patterns relative to
// domain. A missing or unreadable file yields no patterns.
func ReadPatterns(fsys fs.FS, name string, domain []string) []gitignore.Pattern {
	st, err := fs.Stat(fsys, name)
	if err != nil || !st.Mode().IsRegular() || st.Size() > 4<<20 {
		return nil
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	var ps []gitignore.Pattern
	for _, line := range bytes.Split(b, []byte("\n")) {
		s := strings.TrimRight(string(line), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(s, domain))
	}
	return ps
}
