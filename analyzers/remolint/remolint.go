package remolint

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/goscan"
	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/model"
	"github.com/remolint/remolint/internal/scan"
)

const doc = `report Remotion Lambda credential misconfigurations

remolint's rules (see 'remolint rules') run over the package's Go files with
type information, in the context of the whole module (env files, platform
markers, go.mod, .remolint.yaml), exactly as the remolint command evaluates
them. Each diagnostic reads "rule-id: message". Suppress one with
"// remolint:ignore RULE reason".`

// Analyzer reports remolint's findings in a package's Go files with every
// rule at its configured severity (the project's .remolint.yaml, if any).
var Analyzer = &analysis.Analyzer{
	Name: "remolint",
	Doc:  doc,
	Run:  run,
}

func run(pass *analysis.Pass) (any, error) {
	return runWith(pass, Config{})
}

// Rule settings accepted in Config.Rules besides the severities.
const (
	// Off turns a rule off: it is never reported.
	Off = "off"
	// On turns a rule on at its default severity, even when the project's
	// .remolint.yaml turns it off.
	On = "on"
)

// Config tunes an analyzer made by New. The zero Config reports what the
// project's .remolint.yaml asks for, like the remolint command.
type Config struct {
	// Rules maps rule IDs to off, on, error, warning or info. It takes
	// precedence over the project's .remolint.yaml.
	Rules map[string]string
	// MinSeverity, when set (error, warning or info), reports only findings
	// of that severity or stronger, after Rules is applied.
	MinSeverity string
}

// Validate checks every rule ID against remolint's built-in rules and every
// severity. The error names each problem, sorted.
func (c Config) Validate() error {
	known, err := builtinRules()
	if err != nil {
		return err
	}
	var errs []string
	for id, sev := range c.Rules {
		if _, ok := known[id]; !ok {
			errs = append(errs, fmt.Sprintf("unknown rule %q (run 'remolint rules' for the list)", id))
			continue
		}
		if sev != Off && sev != On && !finding.ValidSeverity(sev) {
			errs = append(errs, fmt.Sprintf("rule %s: %q is not off, on, error, warning or info", id, sev))
		}
	}
	if c.MinSeverity != "" && !finding.ValidSeverity(c.MinSeverity) {
		errs = append(errs, fmt.Sprintf("min severity %q is not error, warning or info", c.MinSeverity))
	}
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return errors.New(strings.Join(errs, "; "))
}

// builtinRules returns the built-in rules' default severities by ID.
func builtinRules() (map[string]string, error) {
	e, err := shared.engine(context.Background(), nil)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, r := range lint.Catalogue(e) {
		m[r.ID] = r.Severity
	}
	return m, nil
}

// New returns an analyzer named "remolint" that applies cfg on top of the
// project's configuration. An invalid cfg makes every run fail with the
// error Validate returns; check it first.
func New(cfg Config) *analysis.Analyzer {
	rules := make(map[string]string, len(cfg.Rules))
	for id, sev := range cfg.Rules {
		rules[id] = sev
	}
	cfg.Rules = rules
	return &analysis.Analyzer{
		Name: "remolint",
		Doc:  doc,
		Run:  func(pass *analysis.Pass) (any, error) { return runWith(pass, cfg) },
	}
}

// pkgFile is one of the package's files, under its display path.
type pkgFile struct {
	tok  *token.File
	code *model.CodeFacts
}

func runWith(pass *analysis.Pass, cfg Config) (any, error) {
	if len(cfg.Rules) > 0 || cfg.MinSeverity != "" {
		if err := cfg.Validate(); err != nil {
			return nil, fmt.Errorf("remolint configuration: %w", err)
		}
	}
	root := packageRoot(pass)
	files := map[string]*pkgFile{}
	relevant := false
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		rel, err := filepath.Rel(root, absPath(tf.Name()))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue // outside the module (cgo output in the build cache)
		}
		code := scan.GoFacts(goscan.File(pass.Fset, f, pass.TypesInfo))
		if hasFacts(code) || hasDirective(f) {
			relevant = true
		}
		files[filepath.ToSlash(rel)] = &pkgFile{tok: tf, code: code}
	}
	if !relevant {
		return nil, nil
	}
	ctx := context.Background()
	p, err := shared.project(ctx, root)
	if err != nil {
		return nil, err
	}
	code := make(map[string]*model.CodeFacts, len(files))
	for rel, f := range files {
		code[rel] = f.code
	}
	fs, err := lint.Evaluate(ctx, p.engine, p.tree.Build(code), lint.Options{Config: merge(p.config, cfg.Rules), WorkDir: root})
	if err != nil {
		return nil, fmt.Errorf("remolint: %w", err)
	}
	for _, f := range fs {
		pf, ok := files[f.Path]
		if !ok {
			continue
		}
		if cfg.MinSeverity != "" && finding.Rank(f.Severity) < finding.Rank(cfg.MinSeverity) {
			continue
		}
		d := analysis.Diagnostic{
			Pos:      pos(pf.tok, f.Line, f.Column),
			Category: f.Rule,
			Message:  f.Rule + ": " + f.Message,
		}
		if f.EndLine > f.Line || (f.EndLine == f.Line && f.EndColumn > f.Column) {
			d.End = pos(pf.tok, f.EndLine, f.EndColumn)
		}
		pass.Report(d)
	}
	return nil, nil
}

// merge returns the project's configuration with rules overridden: on
// restores a rule's default severity, anything else replaces the project's
// setting. The project's configuration is not modified.
func merge(c *config.Config, rules map[string]string) *config.Config {
	if len(rules) == 0 {
		return c
	}
	out := &config.Config{}
	if c != nil {
		cp := *c
		out = &cp
	}
	out.Rules = make(map[string]string, len(rules))
	if c != nil {
		for id, sev := range c.Rules {
			out.Rules[id] = sev
		}
	}
	for id, sev := range rules {
		if sev == On {
			delete(out.Rules, id)
		} else {
			out.Rules[id] = sev
		}
	}
	return out
}

// pos converts a 1-based line and byte column into a position in tf,
// clamped to the file so that a stale or odd location never panics.
func pos(tf *token.File, line, col int) token.Pos {
	if line < 1 {
		line, col = 1, 1
	}
	if line > tf.LineCount() {
		return tf.Pos(tf.Size())
	}
	off := tf.Offset(tf.LineStart(line)) + max(col, 1) - 1
	return tf.Pos(min(off, tf.Size()))
}

// packageRoot returns the module root of the package: that of its first
// file with a go.mod above it (cgo output lives in the build cache, outside
// any module), or the folder of its first file.
func packageRoot(pass *analysis.Pass) string {
	first := ""
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		dir := filepath.Dir(absPath(tf.Name()))
		if root, ok := moduleRoot(dir); ok {
			return root
		}
		if first == "" {
			first = dir
		}
	}
	return first
}

// moduleRoot returns the nearest folder at or above dir holding go.mod, or
// dir itself and false when there is none.
func moduleRoot(dir string) (string, bool) {
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && st.Mode().IsRegular() {
			return d, true
		}
		if filepath.Dir(d) == d {
			return dir, false
		}
	}
}

// absPath makes a file name absolute (drivers name files as they like).
func absPath(name string) string {
	if abs, err := filepath.Abs(name); err == nil {
		return abs
	}
	return name
}

func hasFacts(c *model.CodeFacts) bool {
	return len(c.Reads)+len(c.Writes)+len(c.Imports)+len(c.RemotionCalls)+len(c.DotenvLoads)+len(c.Literals) > 0
}

// hasDirective reports whether a comment of f holds a remolint:ignore
// directive, which may produce a finding of its own.
func hasDirective(f *ast.File) bool {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.Contains(c.Text, "remolint:ignore") {
				return true
			}
		}
	}
	return false
}
