package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/report"
	"github.com/remolint/remolint/internal/scan"
)

type lintFlags struct {
	format      string
	failOn      string
	env         bool
	awsDirs     multiFlag
	noGit       bool
	maxFileSize int64
	noColor     bool
}

func runLint(ctx context.Context, args []string, sys System, out *bytes.Buffer) (ExitCode, error) {
	var lf lintFlags
	fs := newFlagSet("remolint")
	fs.StringVar(&lf.format, "format", "text", "")
	fs.StringVar(&lf.failOn, "fail-on", finding.Error, "")
	fs.BoolVar(&lf.env, "env", false, "")
	fs.Var(&lf.awsDirs, "aws-dir", "")
	fs.BoolVar(&lf.noGit, "no-git", false, "")
	fs.Int64Var(&lf.maxFileSize, "max-file-size", 0, "")
	fs.BoolVar(&lf.noColor, "no-color", false, "")
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		io.WriteString(out, usage)
		return ExitOK, nil
	}
	if err != nil {
		return ExitError, flagError(err)
	}
	if !finding.ValidSeverity(lf.failOn) {
		return ExitError, usagef("--fail-on %q: want error, warning or info", lf.failOn)
	}
	color := !lf.noColor && sys.getenv("NO_COLOR") == "" && sys.IsTerminal(sys.Stdout)
	formatter, err := report.Lookup(lf.format, report.Options{Color: color})
	if err != nil {
		return ExitError, usagef("--format: %s", err)
	}
	opts := scan.Options{Paths: paths, WorkDir: sys.WorkDir, AWSDirs: lf.awsDirs, NoGit: lf.noGit, MaxFileSize: lf.maxFileSize}
	if lf.env {
		opts.Process = sys.Environ
	}
	res, err := scan.Run(ctx, opts)
	if err != nil {
		return ExitError, err
	}
	engine, err := policy.New(ctx)
	if err != nil {
		return ExitError, fmt.Errorf("loading policies: %w", err)
	}
	fs2, err := evaluate(ctx, engine, res)
	if err != nil {
		return ExitError, err
	}
	r := &report.Report{
		Findings: fs2, Summary: finding.Summarize(fs2, res.FileCount), Diagnostics: res.Doc.Diagnostics,
		Rules: ruleDocs(engine), Version: version(),
	}
	if err := formatter.Format(out, r); err != nil {
		return ExitError, err
	}
	if finding.Fails(fs2, lf.failOn) {
		return ExitFindings, nil
	}
	return ExitOK, nil
}

// evaluate runs the policies over the scanned document and turns their
// output into sorted, fingerprinted findings restricted to the reported
// paths.
func evaluate(ctx context.Context, engine *policy.Engine, res *scan.Result) ([]finding.Finding, error) {
	doc, err := json.Marshal(res.Doc)
	if err != nil {
		return nil, fmt.Errorf("encoding facts: %w", err)
	}
	pfs, err := engine.Eval(ctx, doc, nil)
	if err != nil {
		return nil, fmt.Errorf("evaluating policies: %w", err)
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
	for _, r := range catalogue(engine) {
		known[r.ID] = true
	}
	all = finding.Suppress(all, res.Comments, func(id string) bool { return known[id] })
	out := all[:0]
	for _, f := range all {
		if res.Report == nil || res.Report[f.Path] {
			out = append(out, f)
		}
	}
	finding.Fingerprints(out, res.Line)
	return out, nil
}

func ruleDocs(e *policy.Engine) map[string]report.Rule {
	m := map[string]report.Rule{}
	for _, r := range catalogue(e) {
		m[r.ID] = report.Rule{ID: r.ID, Severity: r.Severity, Summary: r.Summary}
	}
	return m
}

// catalogue lists every rule: the policies' and the suppression rules
// implemented in Go, sorted by ID.
func catalogue(e *policy.Engine) []policy.RuleMeta {
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
