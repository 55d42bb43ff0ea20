package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/dotenv"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/model"
)

// resolveJSON is the public contract of `remolint resolve --format json`.
type resolveJSON struct {
	Consumer     string          `json:"consumer"`
	Check        resolveCheck    `json:"check"`
	Source       string          `json:"source"`
	Profile      string          `json:"profile"`
	AccessKeyID  string          `json:"accessKeyId"`
	SessionToken bool            `json:"sessionToken"`
	Outcome      string          `json:"outcome"`
	Ignored      []resolveIgnore `json:"ignored"`
}

type resolveCheck struct {
	Passes bool   `json:"passes"`
	Error  string `json:"error"`
}

type resolveIgnore struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

func runResolve(ctx context.Context, args []string, sys System, out *bytes.Buffer) (ExitCode, error) {
	fs := newFlagSet("resolve")
	var envFiles, awsDirs multiFlag
	fs.Var(&envFiles, "env-file", "")
	fs.Var(&awsDirs, "aws-dir", "")
	consumer := fs.String("consumer", facts.ConsumerNode, "")
	format := fs.String("format", "text", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			out.WriteString(resolveUsage)
			return ExitOK, nil
		}
		return ExitError, flagError(err)
	}
	if fs.NArg() > 0 {
		return ExitError, usagef("resolve takes no arguments (got %q)", fs.Arg(0))
	}
	switch *consumer {
	case facts.ConsumerNode, facts.ConsumerCLI, facts.ConsumerGo:
	default:
		return ExitError, usagef("--consumer %q: want node, cli or go", *consumer)
	}
	if *format != "text" && *format != "json" {
		return ExitError, usagef("--format %q: want text or json", *format)
	}
	environ, err := withEnvFiles(sys, envFiles, *consumer == facts.ConsumerGo)
	if err != nil {
		return ExitError, err
	}
	files, err := sharedFiles(sys, environ, awsDirs)
	if err != nil {
		return ExitError, err
	}
	doc := model.Build(model.Input{Roots: []string{"."}, Files: files, Process: environ, Consumers: []string{*consumer}})
	var env *facts.Environment
	for i := range doc.Environments {
		if doc.Environments[i].Process {
			env = &doc.Environments[i]
		}
	}
	if env == nil {
		return ExitError, fmt.Errorf("internal error: no process environment was built")
	}
	r := env.Resolution.Node
	if *consumer == facts.ConsumerGo {
		r = env.Resolution.Go
	}
	if r == nil {
		return ExitError, fmt.Errorf("internal error: no resolution for consumer %s", *consumer)
	}
	r.Consumer = *consumer
	if *format == "json" {
		j := resolveJSON{
			Consumer: r.Consumer, Check: resolveCheck{r.Check.Passes, r.Check.Error}, Source: r.Source,
			Profile: r.Profile, AccessKeyID: r.AccessKeyID, SessionToken: r.SessionToken, Outcome: r.Outcome,
			Ignored: []resolveIgnore{},
		}
		for _, ig := range r.Ignored {
			j.Ignored = append(j.Ignored, resolveIgnore{ig.Name, ig.Reason})
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return ExitOK, enc.Encode(j)
	}
	writeResolution(out, r, files)
	return ExitOK, nil
}

const resolveUsage = `Usage: remolint resolve [--env-file F]... [--aws-dir DIR] [--consumer node|cli|go] [--format text|json]

Shows which credentials Remotion will use with this process environment,
plus env files (a file never overrides what is already set, as with dotenv),
and the AWS shared files named by AWS_SHARED_CREDENTIALS_FILE and
AWS_CONFIG_FILE, else $HOME/.aws (or --aws-dir). Values are never printed:
key ids appear as AKIA…WXYZ.
`

// withEnvFiles adds the variables of env files that are not already set.
func withEnvFiles(sys System, files []string, goDialect bool) ([]string, error) {
	environ := append([]string(nil), sys.Environ...)
	have := map[string]bool{}
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		have[k] = true
	}
	for _, name := range files {
		p := name
		if !filepath.IsAbs(p) && sys.WorkDir != "" {
			p = filepath.Join(sys.WorkDir, p)
		}
		data, err := readSmall(p)
		if err != nil {
			return nil, fmt.Errorf("--env-file %s: %w", name, err)
		}
		f := dotenv.Parse(data)
		for _, e := range f.Entries {
			value, ok := e.Node, e.NodeOK
			if goDialect && f.Go != nil {
				value, ok = e.Go, e.GoOK
			}
			if !ok || have[e.Key] {
				continue
			}
			have[e.Key] = true
			environ = append(environ, e.Key+"="+value)
		}
	}
	return environ, nil
}

func readSmall(p string) ([]byte, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file")
	}
	if st.Size() > discover.DefaultMaxFileSize {
		return nil, fmt.Errorf("%d bytes is over the %d-byte size cap", st.Size(), discover.DefaultMaxFileSize)
	}
	return os.ReadFile(p)
}

// sharedFiles reads the AWS shared files the SDKs would read.
func sharedFiles(sys System, environ []string, awsDirs []string) ([]model.Parsed, error) {
	get := func(k string) string {
		for i := len(environ) - 1; i >= 0; i-- {
			if kk, v, ok := strings.Cut(environ[i], "="); ok && kk == k {
				return v
			}
		}
		return ""
	}
	// shown is how the file is named in the model: as the variable names it
	// (so the environment's AWS_SHARED_CREDENTIALS_FILE matches it), else
	// relative to the working directory.
	type cand struct{ path, kind, shown string }
	var cands []cand
	if len(awsDirs) > 0 {
		for _, d := range awsDirs {
			if !filepath.IsAbs(d) && sys.WorkDir != "" {
				d = filepath.Join(sys.WorkDir, d)
			}
			cands = append(cands, cand{path: filepath.Join(d, "credentials"), kind: discover.KindAWSCredentials}, cand{path: filepath.Join(d, "config"), kind: discover.KindAWSConfig})
		}
	} else {
		home := get("HOME")
		creds, conf := get("AWS_SHARED_CREDENTIALS_FILE"), get("AWS_CONFIG_FILE")
		if creds == "" && home != "" {
			creds = filepath.Join(home, ".aws", "credentials")
		}
		if conf == "" && home != "" {
			conf = filepath.Join(home, ".aws", "config")
		}
		credsShown, confShown := filepath.ToSlash(filepath.Clean(get("AWS_SHARED_CREDENTIALS_FILE"))), filepath.ToSlash(filepath.Clean(get("AWS_CONFIG_FILE")))
		if creds != "" {
			cands = append(cands, cand{abs(sys.WorkDir, creds), discover.KindAWSCredentials, credsShown})
		}
		if conf != "" {
			cands = append(cands, cand{abs(sys.WorkDir, conf), discover.KindAWSConfig, confShown})
		}
	}
	var out []model.Parsed
	for _, c := range cands {
		data, err := readSmall(c.path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", c.path, err)
		}
		flavour := awsini.FlavourCredentials
		if c.kind == discover.KindAWSConfig {
			flavour = awsini.FlavourConfig
		}
		shown := c.shown
		if shown == "" || shown == "." {
			shown = c.path
			if rel, err := filepath.Rel(sys.WorkDir, c.path); err == nil && sys.WorkDir != "" && !strings.HasPrefix(rel, "..") {
				shown = rel
			}
		}
		out = append(out, model.Parsed{File: discover.File{Path: filepath.ToSlash(shown), Kind: c.kind}, INI: awsini.Parse(data, flavour)})
	}
	return out, nil
}

func writeResolution(w io.Writer, r *facts.Resolution, files []model.Parsed) {
	fmt.Fprintf(w, "consumer: %s\n", r.Consumer)
	if r.Check.Passes {
		fmt.Fprintf(w, "pre-flight check: passes\n")
	} else {
		fmt.Fprintf(w, "pre-flight check: throws %q\n", r.Check.Error)
	}
	fmt.Fprintf(w, "source: %s\n", r.Source)
	fmt.Fprintf(w, "using: %s\n", r.Using)
	if r.Profile != "" {
		fmt.Fprintf(w, "profile: %s\n", r.Profile)
	}
	if r.AccessKeyID != "" {
		fmt.Fprintf(w, "access key id: %s\n", r.AccessKeyID)
	}
	fmt.Fprintf(w, "session token: %t\n", r.SessionToken)
	fmt.Fprintf(w, "outcome: %s\n", r.Outcome)
	if r.Error != "" {
		fmt.Fprintf(w, "error you will see: %s\n", r.Error)
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(w, "ignored:\n")
		for _, ig := range r.Ignored {
			fmt.Fprintf(w, "  %s: %s\n", ig.Name, ig.Reason)
		}
	}
	if len(files) == 0 {
		fmt.Fprintf(w, "shared files: none found\n")
	} else {
		for _, f := range files {
			fmt.Fprintf(w, "shared file: %s\n", f.File.Path)
		}
	}
}
