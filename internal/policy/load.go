package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
)

// testSuffix marks Rego test files: compiled by RunTests, never by New.
const testSuffix = "_test.rego"

// maxPolicyFileSize caps one policy file; a larger file is a load error.
const maxPolicyFileSize = 4 << 20

// source is one file system of policies and the name its files are shown under.
type source struct {
	// prefix is prepended to every file path in messages ("policies" for the
	// embedded bundle, the directory a team named for its own policies).
	prefix string
	fsys   fs.FS
	// under restricts the walk to these top-level directories (nil: all).
	under []string
}

// regoFile is one parsed policy file.
type regoFile struct {
	name   string // display name: prefix/path
	test   bool
	module *ast.Module
}

func parserOptions() ast.ParserOptions {
	return ast.ParserOptions{
		ProcessAnnotation: true,
		RegoVersion:       ast.RegoV1,
		Capabilities:      Capabilities(),
	}
}

// readSource parses every .rego file of src, in lexical path order; test
// files only when withTests is true. Files are read in walk order and parsed
// on every CPU: parsing is a fifth of compiling the bundle, which every run
// pays before its first finding.
func readSource(src source, withTests bool) ([]regoFile, error) {
	roots := src.under
	if roots == nil {
		roots = []string{"."}
	}
	// Each pending file holds either an error found while reading it, or
	// its contents to parse; errors keep walk order either way.
	type pending struct {
		name   string
		test   bool
		data   []byte
		err    error
		module *ast.Module
	}
	var list []*pending
	for _, root := range roots {
		err := fs.WalkDir(src.fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) && src.under != nil {
					return fs.SkipDir // an optional embedded directory
				}
				return err
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir // .git and the like
				}
				return nil
			}
			if !strings.HasSuffix(p, ".rego") {
				return nil
			}
			isTest := strings.HasSuffix(p, testSuffix)
			if isTest && !withTests {
				return nil
			}
			f := &pending{name: displayName(src.prefix, p), test: isTest}
			list = append(list, f)
			if info, err := d.Info(); err == nil && info.Size() > maxPolicyFileSize {
				f.err = fmt.Errorf("%s: policy file larger than %d bytes", f.name, maxPolicyFileSize)
				return nil
			}
			if f.data, err = fs.ReadFile(src.fsys, p); err != nil {
				f.err = fmt.Errorf("read policy %s: %w", f.name, err)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk policies %s: %w", displayName(src.prefix, root), err)
		}
	}
	opts := parserOptions()
	next := make(chan *pending)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(list)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				mod, err := ast.ParseModuleWithOpts(f.name, string(f.data), opts)
				switch {
				case err != nil:
					f.err = fmt.Errorf("parse policy %s: %w", f.name, err)
				case mod == nil:
					f.err = fmt.Errorf("parse policy %s: file has no package", f.name)
				default:
					f.module = mod
				}
			}
		}()
	}
	for _, f := range list {
		if f.err == nil {
			next <- f
		}
	}
	close(next)
	wg.Wait()
	var files []regoFile
	var errs []error
	for _, f := range list {
		if f.err != nil {
			errs = append(errs, f.err)
			continue
		}
		files = append(files, regoFile{name: f.name, test: f.test, module: f.module})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return files, nil
}

func displayName(prefix, p string) string {
	if prefix == "" {
		return p
	}
	return path.Join(prefix, p)
}

// compileErrors turns compiler errors into one error listing each as
// file:line:column, with refused built-ins named as such.
func compileErrors(errs ast.Errors) error {
	msgs := make([]string, 0, len(errs))
	for _, e := range errs {
		msg := e.Message
		if name, ok := strings.CutPrefix(msg, "undefined function "); ok && refusedBuiltin(name) {
			msg = fmt.Sprintf("built-in function %s is not allowed in remolint policies (no network, clock, randomness or runtime access)", name)
		}
		msgs = append(msgs, locString(e.Location)+": "+msg)
	}
	sort.Strings(msgs)
	msgs = dedupe(msgs)
	return fmt.Errorf("compile policies: %s", strings.Join(msgs, "; "))
}

func locString(loc *ast.Location) string {
	if loc == nil {
		return "<unknown>"
	}
	file := loc.File
	if file == "" {
		file = "<query>"
	}
	return fmt.Sprintf("%s:%d:%d", file, loc.Row, loc.Col)
}

func dedupe(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
