package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/lint"
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
	fs2, err := lint.Evaluate(ctx, engine, res)
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

func ruleDocs(e *policy.Engine) map[string]report.Rule {
	m := map[string]report.Rule{}
	for _, r := range lint.Catalogue(e) {
		m[r.ID] = report.Rule{ID: r.ID, Severity: r.Severity, Summary: r.Summary}
	}
	return m
}
