// Package cli is remolint's command line: flags, commands, exit codes. Main
// takes everything from the outside world through System, so tests run it
// with golden transcripts and no global state.
package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/term"

	"github.com/remolint/remolint/internal/secret"
)

// ExitCode is remolint's exit status.
type ExitCode int

// Exit codes.
const (
	// ExitOK: nothing reached the failing severity.
	ExitOK ExitCode = 0
	// ExitFindings: something did.
	ExitFindings ExitCode = 1
	// ExitError: usage, configuration or internal error.
	ExitError ExitCode = 2
)

// System is what Main may use of the world outside.
type System struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Environ is the process environment (KEY=VALUE).
	Environ []string
	// WorkDir is the working directory ("" for the process's).
	WorkDir string
	// IsTerminal reports whether w is a terminal (for colour).
	IsTerminal func(w io.Writer) bool
}

// OS returns the real System.
func OS() System {
	wd, _ := os.Getwd()
	return System{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Environ: os.Environ(), WorkDir: wd,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
	}
}

func (s System) getenv(name string) string {
	for i := len(s.Environ) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(s.Environ[i], "="); ok && k == name {
			return v
		}
	}
	return ""
}

// Version is remolint's version, set at build time with
// -ldflags "-X github.com/remolint/remolint/internal/cli.Version=v1.2.3";
// otherwise taken from the module build information.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// usageError is a problem with how remolint was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Main runs remolint with args (without the program name).
func Main(ctx context.Context, args []string, sys System) ExitCode {
	if sys.IsTerminal == nil {
		sys.IsTerminal = func(io.Writer) bool { return false }
	}
	// Output is buffered and written only when the command completes, so an
	// error never leaves a half-printed success behind.
	// Everything printed passes through secret.Redact: outputs hold no
	// secret by construction, and this is the last line of defence (an
	// error from a library that quotes its input, say).
	var out bytes.Buffer
	code, err := run(ctx, args, sys, &out)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprint(sys.Stderr, secret.Redact(fmt.Sprintf("remolint: %s\nRun 'remolint --help' for usage.\n", err)))
		} else {
			fmt.Fprint(sys.Stderr, secret.Redact(fmt.Sprintf("remolint: %s\n", err)))
		}
		return ExitError
	}
	if _, err := io.WriteString(sys.Stdout, secret.Redact(out.String())); err != nil {
		fmt.Fprintf(sys.Stderr, "remolint: writing output: %s\n", err)
		return ExitError
	}
	return code
}

func run(ctx context.Context, args []string, sys System, out *bytes.Buffer) (ExitCode, error) {
	if len(args) > 0 {
		switch args[0] {
		case "version":
			fmt.Fprintf(out, "remolint %s\n", version())
			return ExitOK, nil
		case "resolve":
			return runResolve(ctx, args[1:], sys, out)
		case "rules":
			return runRules(ctx, args[1:], out)
		case "explain":
			return runExplain(ctx, args[1:], out)
		case "test-policies":
			return runTestPolicies(ctx, args[1:], sys, out)
		case "help":
			out.WriteString(usage)
			return ExitOK, nil
		}
	}
	return runLint(ctx, args, sys, out)
}

const usage = `remolint checks the AWS credential setup of Remotion Lambda projects.

Usage:
  remolint [flags] [path ...]     lint folders (default ".") or files
  remolint resolve [flags]        which credentials Remotion will use here, and why
  remolint rules [--format F]     list the rules
  remolint explain RULE           explain a rule
  remolint test-policies DIR...   run a team's _test.rego files in remolint's sandbox
  remolint version                print the version

Lint flags:
  --format FORMAT         text, json, sarif, github or junit (default text)
  --fail-on LEVEL         error, warning or info: exit 1 when a finding reaches it (default error)
  --env                   also check the process environment as one environment (values never printed)
  --aws-dir DIR           read DIR/credentials and DIR/config as AWS shared files (repeatable)
  --no-git                ignore git state (.gitignore files and the index)
  --max-file-size BYTES   skip larger files with a note (default 8388608)
  --no-color              no colour (also: NO_COLOR set)
  --config FILE           configuration file (default: .remolint.yaml here or above, up to the repository root)
  --policy DIR            load the team's own Rego policies (packages under remolint.custom; repeatable)
  --policy-timeout D      stop policies that run longer than D (default 30s)
  --baseline FILE         report only findings not recorded in FILE
  --write-baseline FILE   record today's findings in FILE

File arguments restrict what is reported, not what is read: the project
around each file is still read, so cross-file rules fire.

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage,
configuration or internal error.
`

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

// parseInterspersed parses flags that may follow positional arguments
// (remolint . --format json), as users of golangci-lint and eslint expect.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// flagError turns flag package errors into usage errors.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usagef("%s", err)
}
