package remolint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
)

// shared is the package's one piece of process state (see the package
// documentation): the projects read so far, by module root, and the
// compiled policies, by set of custom policy folders. Entries are filled
// once and never change afterwards, so readers share them freely.
var shared = &state{
	projects: map[string]*once[*project]{},
	engines:  map[string]*once[*policy.Engine]{},
}

type state struct {
	mu       sync.Mutex
	projects map[string]*once[*project]
	engines  map[string]*once[*policy.Engine]
}

// once holds a value computed by the first caller that asks for it; others
// wait for it.
type once[T any] struct {
	do  sync.Once
	val T
	err error
}

func (o *once[T]) get(f func() (T, error)) (T, error) {
	o.do.Do(func() { o.val, o.err = f() })
	return o.val, o.err
}

// entry returns m[key], adding an empty one first if needed.
func entry[T any](mu *sync.Mutex, m map[string]*once[T], key string) *once[T] {
	mu.Lock()
	defer mu.Unlock()
	e, ok := m[key]
	if !ok {
		e = &once[T]{}
		m[key] = e
	}
	return e
}

// project is a module root read once: its tree, its configuration (nil when
// it has no .remolint.yaml) and the policies it is checked with.
type project struct {
	tree   *scan.Tree
	config *config.Config
	engine *policy.Engine
}

// project reads the module root once per process.
func (s *state) project(ctx context.Context, root string) (*project, error) {
	return entry(&s.mu, s.projects, root).get(func() (*project, error) {
		return s.read(ctx, root)
	})
}

// read does what `remolint` run in root with no flags does before
// evaluating: find and load .remolint.yaml, compile the policies it names,
// check its rule IDs, and read the tree.
func (s *state) read(ctx context.Context, root string) (*project, error) {
	p := &project{}
	opts := scan.Options{Paths: []string{"."}, WorkDir: root}
	var dirs []string
	if path := config.Find(root); path != "" {
		c, err := config.Load(path, path, nil)
		if err != nil {
			return nil, fmt.Errorf("remolint configuration: %w", err)
		}
		p.config = c
		opts.Platforms, opts.Consumers = c.Platforms, c.Consumers
		if c.AWSDir != "" {
			opts.AWSDirs = []string{abs(c.Dir(), c.AWSDir)}
		}
		for _, d := range c.Policies {
			dirs = append(dirs, abs(c.Dir(), d))
		}
	}
	e, err := s.engine(ctx, dirs)
	if err != nil {
		return nil, err
	}
	p.engine = e
	if p.config != nil {
		known := map[string]bool{}
		for _, r := range lint.Catalogue(e) {
			known[r.ID] = true
		}
		if err := p.config.CheckRules(func(id string) bool { return known[id] }); err != nil {
			return nil, fmt.Errorf("remolint configuration: %w", err)
		}
	}
	if p.tree, err = scan.Read(ctx, opts); err != nil {
		return nil, fmt.Errorf("remolint: reading the module at %s: %w", root, err)
	}
	return p, nil
}

// engine compiles the built-in policies plus the team's own in dirs
// (absolute folders) once per process for each set of folders.
func (s *state) engine(ctx context.Context, dirs []string) (*policy.Engine, error) {
	dirs = append([]string(nil), dirs...)
	sort.Strings(dirs)
	return entry(&s.mu, s.engines, strings.Join(dirs, "\x00")).get(func() (*policy.Engine, error) {
		var opts []policy.Option
		for _, d := range dirs {
			st, err := os.Stat(d)
			if err != nil || !st.IsDir() {
				return nil, fmt.Errorf("remolint policies: %s is not a folder", d)
			}
			opts = append(opts, policy.WithCustomPolicies(d, os.DirFS(d)))
		}
		e, err := policy.New(ctx, opts...)
		if err != nil {
			return nil, fmt.Errorf("remolint: loading policies: %w", err)
		}
		return e, nil
	})
}

func abs(base, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}
