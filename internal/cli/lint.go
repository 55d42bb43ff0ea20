package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/remolint/remolint/internal/baseline"
	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/finding"
	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/report"
	"github.com/remolint/remolint/internal/scan"
)

type lintFlags struct {
	format        string
	failOn        string
	env           bool
	awsDirs       multiFlag
	policies      multiFlag
	noGit         bool
	maxFileSize   int64
	noColor       bool
	configPath    string
	baseline      string
	writeBaseline string
	policyTimeout time.Duration
}

func runLint(ctx context.Context, args []string, sys System, out *bytes.Buffer) (ExitCode, error) {
	var lf lintFlags
	fs := newFlagSet("remolint")
	fs.StringVar(&lf.format, "format", "text", "")
	fs.StringVar(&lf.failOn, "fail-on", "", "")
	fs.BoolVar(&lf.env, "env", false, "")
	fs.Var(&lf.awsDirs, "aws-dir", "")
	fs.Var(&lf.policies, "policy", "")
	fs.BoolVar(&lf.noGit, "no-git", false, "")
	fs.Int64Var(&lf.maxFileSize, "max-file-size", 0, "")
	fs.BoolVar(&lf.noColor, "no-color", false, "")
	fs.StringVar(&lf.configPath, "config", "", "")
	fs.StringVar(&lf.baseline, "baseline", "", "")
	fs.StringVar(&lf.writeBaseline, "write-baseline", "", "")
	fs.DurationVar(&lf.policyTimeout, "policy-timeout", policy.DefaultTimeout, "")
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		out.WriteString(usage)
		return ExitOK, nil
	}
	if err != nil {
		return ExitError, flagError(err)
	}
	if lf.failOn != "" && !finding.ValidSeverity(lf.failOn) {
		return ExitError, usagef("--fail-on %q: want error, warning or info", lf.failOn)
	}
	color := !lf.noColor && sys.getenv("NO_COLOR") == "" && sys.IsTerminal(sys.Stdout)
	formatter, err := report.Lookup(lf.format, report.Options{Color: color})
	if err != nil {
		return ExitError, usagef("--format: %s", err)
	}
	cfg, err := loadConfig(sys, lf.configPath)
	if err != nil {
		return ExitError, err
	}
	opts := scan.Options{Paths: paths, WorkDir: sys.WorkDir, AWSDirs: lf.awsDirs, NoGit: lf.noGit, MaxFileSize: lf.maxFileSize}
	var policyDirs []string
	for _, p := range lf.policies {
		policyDirs = append(policyDirs, abs(sys.WorkDir, p))
	}
	if cfg != nil {
		opts.Platforms, opts.Consumers = cfg.Platforms, cfg.Consumers
		if cfg.AWSDir != "" {
			opts.AWSDirs = append(opts.AWSDirs, abs(cfg.Dir(), cfg.AWSDir))
		}
		for _, p := range cfg.Policies {
			policyDirs = append(policyDirs, abs(cfg.Dir(), p))
		}
		if lf.failOn == "" {
			lf.failOn = cfg.FailOn
		}
	}
	if lf.failOn == "" {
		lf.failOn = finding.Error
	}
	if lf.env {
		opts.Process = sys.Environ
	}
	// Without team policies only the built-in rules run, on a view of the
	// document with an index of its own (lint.Evaluate).
	opts.NoIndex = len(policyDirs) == 0
	var bl *baseline.Baseline
	if lf.baseline != "" {
		if bl, err = baseline.Load(abs(sys.WorkDir, lf.baseline), lf.baseline); err != nil {
			return ExitError, err
		}
	}
	// Load the policies while the fact document is built. Loading starts
	// once the files are read, not before: reading keeps every core busy,
	// while building the document runs mostly on one, leaving the others to
	// the policies (3% less wall time on the 1,000-package benchmark tree in
	// alternating runs in session 7, and no more on one file, whose reading
	// is over in a few milliseconds). A large tree keeps one core building
	// the document for longer than the policies take on the other, so they
	// load in one part there (see bigTree); a small one leaves them the
	// critical path, and they load in one part per CPU.
	type compiled struct {
		engine *policy.Engine
		err    error
	}
	gc := tuneGC()
	defer gc.restore()
	compiling := make(chan compiled, 1)
	tree, scanErr := scan.Read(ctx, opts)
	parts := 0 // one per CPU
	if scanErr == nil && tree.FileCount() >= bigTree {
		parts = 1
	}
	go func() {
		e, err := newEngine(ctx, sys, policyDirs, lf.policyTimeout, parts)
		compiling <- compiled{e, err}
	}()
	var res *scan.Result
	if scanErr == nil {
		res = tree.Build(nil)
	}
	c := <-compiling
	gc.afterScan()
	if c.err != nil {
		return ExitError, c.err
	}
	if scanErr != nil {
		return ExitError, scanErr
	}
	engine := c.engine
	if cfg != nil {
		known := map[string]bool{}
		for _, r := range lint.Catalogue(engine) {
			known[r.ID] = true
		}
		if err := cfg.CheckRules(func(id string) bool { return known[id] }); err != nil {
			return ExitError, err
		}
	}
	// Fingerprints are computed for the formats that print them and for
	// baselines, which match findings by them; the findings' lines are read
	// for those and for the formats that read them for their columns.
	fs2, err := lint.Evaluate(ctx, engine, res, lint.Options{
		Config: cfg, WorkDir: sys.WorkDir, ReleaseFacts: true,
		SkipFingerprints: !report.ShowsFingerprints(lf.format) && lf.baseline == "" && lf.writeBaseline == "",
		LoadLines:        report.ReadsLines(lf.format),
	})
	if err != nil {
		return ExitError, err
	}
	if lf.writeBaseline != "" {
		var buf bytes.Buffer
		if err := baseline.Write(&buf, fs2); err != nil {
			return ExitError, err
		}
		if err := os.WriteFile(abs(sys.WorkDir, lf.writeBaseline), buf.Bytes(), 0o644); err != nil {
			return ExitError, fmt.Errorf("writing baseline: %w", err)
		}
	}
	fs2 = bl.New(fs2)
	r := &report.Report{
		Findings: fs2, Summary: finding.Summarize(fs2, res.FileCount), Diagnostics: res.Doc.Diagnostics,
		Rules: ruleDocs(engine), Version: version(), Lines: res.Line,
	}
	if err := formatter.Format(out, r); err != nil {
		return ExitError, err
	}
	if finding.Fails(fs2, lf.failOn) {
		return ExitFindings, nil
	}
	return ExitOK, nil
}

// loadConfig reads --config, or .remolint.yaml found from the working
// directory up to the repository root. Rule IDs are checked once the
// policies are loaded.
func loadConfig(sys System, flagPath string) (*config.Config, error) {
	p := flagPath
	if p != "" {
		p = abs(sys.WorkDir, p)
	} else if p = config.Find(sys.WorkDir); p == "" {
		return nil, nil
	}
	return config.Load(p, rel(sys.WorkDir, p), nil)
}

// bigTree is the number of files read from which the policies load in one
// part (policy.WithCompileParts): building the document of 4,000 files
// takes about as long as loading the compiled policies on one core (20 ms
// of CPU here), so the second core, and the second load of the helper
// library that a second part costs, are better spent on the document. In
// 41 alternating runs each: 3% less wall time on the 1,000-package
// benchmark tree (12,700 files), 4% on its env files (5,000); a one-file
// run (tens of files) keeps two parts, which load 5 ms sooner.
const bigTree = 4000

// newEngine compiles the built-in policies and the team's own, in at most
// parts parts (0: one per CPU).
func newEngine(ctx context.Context, sys System, dirs []string, timeout time.Duration, parts int) (*policy.Engine, error) {
	opts := []policy.Option{policy.WithTimeout(timeout), policy.WithCompileParts(parts)}
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil || !st.IsDir() {
			return nil, fmt.Errorf("policies: %s is not a folder", rel(sys.WorkDir, d))
		}
		opts = append(opts, policy.WithCustomPolicies(rel(sys.WorkDir, d), os.DirFS(d)))
	}
	e, err := policy.New(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("loading policies: %w", err)
	}
	return e, nil
}

func abs(base, p string) string {
	if filepath.IsAbs(p) || base == "" {
		return p
	}
	return filepath.Join(base, p)
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil {
		return filepath.ToSlash(r)
	}
	return p
}

func ruleDocs(e *policy.Engine) map[string]report.Rule {
	m := map[string]report.Rule{}
	for _, r := range lint.Catalogue(e) {
		m[r.ID] = report.Rule{
			ID: r.ID, Severity: r.Severity, Summary: r.Summary,
			Description: r.Description, Bad: r.Bad, Good: r.Good, Remotion: r.Remotion,
			Custom: strings.HasPrefix(r.Package, "remolint.custom."),
		}
	}
	return m
}
