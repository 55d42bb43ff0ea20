// Package lint runs the policies over a scanned tree and turns what they
// report into findings: suppressions applied, restricted to the reported
// paths, sorted and fingerprinted. Every driver (the CLI, go vet,
// golangci-lint) goes through it, so a rule means the same everywhere.
package lint

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/model"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/internal/view"
)

// Evaluate runs the policies over the scanned document and turns their
// output into sorted, fingerprinted findings restricted to the reported
// paths.
func Evaluate(ctx context.Context, engine *policy.Engine, res *scan.Result, opts Options) ([]finding.Finding, error) {
	doc := res.Doc
	if engine.BuiltinOnly() {
		// The built-in rules read about half of a monorepo's definitions.
		doc = view.Builtin(doc, engine.Mentions)
	} else {
		model.EnsureIndexed(doc) // scan.Options.NoIndex
	}
	input, err := policy.Input(doc)
	if err != nil {
		return nil, fmt.Errorf("evaluating policies: %w", err)
	}
	if opts.ReleaseFacts {
		// The policies have their own copy: the facts can go before the
		// evaluation, which needs the memory most.
		res.Doc = &facts.Document{Diagnostics: res.Doc.Diagnostics}
	}
	pfs, failed, err := engine.EvalInput(ctx, input, nil)
	if err != nil {
		return nil, fmt.Errorf("evaluating policies: %w", err)
	}
	for _, pe := range failed {
		// A built-in rule that failed on this input: the others ran. The
		// error text is not shown (it may quote input); where it stopped is.
		res.Doc.Diagnostics = append(res.Doc.Diagnostics, facts.Diagnostic{
			Kind:     "internal",
			Message:  fmt.Sprintf("internal error: rule package %s failed on this input and was skipped (please report it); the other rules ran", pe.Policy),
			Location: facts.Location{Path: pe.At, Line: 1, Column: 1},
		})
	}
	all := make([]finding.Finding, 0, len(pfs))
	for _, p := range pfs {
		all = append(all, finding.Finding{
			Rule: p.Rule, Severity: p.Severity, Message: p.Message, Path: p.Location.Path,
			Line: p.Location.Line, Column: p.Location.Column, EndLine: p.Location.EndLine, EndColumn: p.Location.EndColumn,
			Related: p.Related,
		})
	}
	known := map[string]bool{}
	for _, r := range Catalogue(engine) {
		known[r.ID] = true
	}
	all = finding.Suppress(all, res.Comments, func(id string) bool { return known[id] })
	out := all[:0]
	for _, f := range all {
		if res.Report != nil && !res.Report[f.Path] {
			continue
		}
		if sev := opts.Config.Severity(f.Rule); sev == "off" {
			continue
		} else if sev != "" {
			f.Severity = sev
		}
		if opts.Config != nil && !opts.Config.Reported(opts.configRel(f.Path)) {
			continue
		}
		out = append(out, f)
	}
	if opts.SkipFingerprints && !opts.LoadLines {
		return out, nil
	}
	// Fingerprints read the findings' lines: their files are read in
	// parallel first.
	paths := make([]string, len(out))
	for i := range out {
		paths[i] = out[i].Path
	}
	res.LoadLines(paths)
	if !opts.SkipFingerprints {
		finding.Fingerprints(out, res.Line)
	}
	return out, nil
}

// Options tune Evaluate.
type Options struct {
	// Config, when non-nil, turns rules off, changes severities and
	// excludes paths.
	Config *config.Config
	// WorkDir is the folder finding paths are relative to.
	WorkDir string
	// SkipFingerprints leaves the findings' Fingerprint empty, for a caller
	// that neither shows nor compares them: computing them reads every file
	// with a finding again.
	SkipFingerprints bool
	// LoadLines reads the files with a finding into res (for res.Line) even
	// when SkipFingerprints is set, all in parallel: for a caller that shows
	// their lines.
	LoadLines bool
	// ReleaseFacts lets Evaluate drop res.Doc's facts once the policies'
	// input is built, keeping only its diagnostics: the document of a
	// monorepo is tens of megabytes that the evaluation can use. For a
	// caller that needs nothing else of res.Doc afterwards.
	ReleaseFacts bool
}

// configRel returns a finding path relative to the configuration file's
// folder, where its globs are rooted.
func (o Options) configRel(p string) string {
	if o.Config == nil || o.WorkDir == "" {
		return p
	}
	rel, err := filepath.Rel(o.Config.Dir(), filepath.Join(o.WorkDir, filepath.FromSlash(p)))
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

// Catalogue lists every rule: the policies' and the suppression rules
// implemented in Go, sorted by ID.
func Catalogue(e *policy.Engine) []policy.RuleMeta {
	rules := append([]policy.RuleMeta(nil), e.Rules()...)
	for _, m := range finding.SuppressionRules {
		rules = append(rules, policy.RuleMeta{
			ID: m.ID, Severity: m.Severity, Summary: m.Summary, Description: m.Description,
			Bad: m.Bad, Good: m.Good, File: "internal/finding/suppress.go",
		})
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}
