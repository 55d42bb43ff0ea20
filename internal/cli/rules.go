package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
)

func runRules(ctx context.Context, args []string, out *bytes.Buffer) (ExitCode, error) {
	fs := newFlagSet("rules")
	format := fs.String("format", "text", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			out.WriteString("Usage: remolint rules [--format text|json]\n")
			return ExitOK, nil
		}
		return ExitError, flagError(err)
	}
	engine, err := policy.New(ctx)
	if err != nil {
		return ExitError, fmt.Errorf("loading policies: %w", err)
	}
	rules := lint.Catalogue(engine)
	switch *format {
	case "json":
		type row struct {
			ID               string `json:"id"`
			Severity         string `json:"severity"`
			Summary          string `json:"summary"`
			RequiresRemotion bool   `json:"requiresRemotion"`
		}
		rows := make([]row, 0, len(rules))
		for _, r := range rules {
			rows = append(rows, row{r.ID, r.Severity, r.Summary, r.RequiresRemotion})
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return ExitOK, enc.Encode(rows)
	case "text":
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tSEVERITY\tSUMMARY")
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Summary)
		}
		return ExitOK, tw.Flush()
	}
	return ExitError, usagef("--format %q: want text or json", *format)
}

func runExplain(ctx context.Context, args []string, out *bytes.Buffer) (ExitCode, error) {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return ExitError, usagef("usage: remolint explain RULE")
	}
	engine, err := policy.New(ctx)
	if err != nil {
		return ExitError, fmt.Errorf("loading policies: %w", err)
	}
	for _, r := range lint.Catalogue(engine) {
		if r.ID == args[0] {
			out.WriteString(Explain(r))
			return ExitOK, nil
		}
	}
	return ExitError, usagef("unknown rule %q (run 'remolint rules' for the list)", args[0])
}

// Explain renders a rule's documentation as text.
func Explain(r policy.RuleMeta) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n\n%s\n", r.ID, r.Severity, r.Summary)
	section := func(title, body string) {
		body = strings.TrimRight(body, "\n")
		if body == "" {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, line := range strings.Split(body, "\n") {
			fmt.Fprintf(&b, "  %s\n", line)
		}
	}
	section("What it finds", r.Description)
	section("What Remotion really does", r.Remotion)
	section("Bad", r.Bad)
	section("Good", r.Good)
	if r.RequiresRemotion {
		fmt.Fprintf(&b, "\nRuns only in Remotion projects.\n")
	}
	fmt.Fprintf(&b, "\nDefined in %s\n", r.File)
	return b.String()
}
