// Package project reads the files that say what a project is: package.json
// (dependencies and scripts), go.mod, Python and PHP manifests, and platform
// markers. Each piece of evidence becomes a facts.Signal with its position, so
// a finding that depends on "this is a Vercel project" can say why.
package project

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/jsonpos"
)

// Signal kinds.
const (
	SignalPlatform = "platform"
	SignalConsumer = "consumer"
	SignalRemotion = "remotion"
	SignalLoader   = "loader"
)

// Facts is what one manifest says.
type Facts struct {
	Signals []facts.Signal
	Loads   []facts.DotenvLoad
	// Literals are credential-shaped strings (vercel.json).
	Literals []facts.Literal
	// Err describes a syntax problem (never quoting the input), "" if none.
	Err string
}

func loc(path string, p jsonpos.Pos) facts.Location {
	return facts.Location{Path: path, Line: p.Line, Column: p.Col}
}

func (f *Facts) add(kind, value, reason string, l facts.Location) {
	f.Signals = append(f.Signals, facts.Signal{Kind: kind, Value: value, Reason: reason, Location: l})
}

var depSections = map[string]bool{"dependencies": true, "devDependencies": true, "peerDependencies": true, "optionalDependencies": true}

// Script patterns. Matched against each script's text.
var (
	reRemotionLambda = regexp.MustCompile(`(^|[\s;&|/])remotion\s+lambda\b`)
	reNodeEnvFile    = regexp.MustCompile(`(^|[\s;&|/])(node|tsx|ts-node)\b[^;&|]*\s--env-file(-if-exists)?[= ](\S+)`)
	reDotenvPreload  = regexp.MustCompile(`(^|[\s;&|/])(node|tsx|ts-node)\b[^;&|]*\s(-r|--require|--import)[= ]dotenv/config\b`)
	reDotenvCLI      = regexp.MustCompile(`(^|[\s;&|/])dotenv(-cli)?\s+(-e|--)`)
	reNext           = regexp.MustCompile(`(^|[\s;&|/])next\s+(dev|build|start)\b`)
	reBun            = regexp.MustCompile(`(^|[\s;&|/])bun\s`)
	reVercel         = regexp.MustCompile(`(^|[\s;&|/])vercel\b`)
	reNetlify        = regexp.MustCompile(`(^|[\s;&|/])netlify\b`)
)

// PackageJSON reads a package.json.
func PackageJSON(path string, src []byte) *Facts {
	f := &Facts{}
	var deps = map[string]facts.Location{}
	err := jsonpos.Walk(src, func(s jsonpos.String) {
		switch {
		case s.Key && len(s.Path) == 1 && depSections[s.Path[0]]:
			deps[s.Value] = loc(path, s.Pos)
		case !s.Key && len(s.Path) == 2 && s.Path[0] == "scripts":
			f.script(path, s)
		}
	})
	if err != nil {
		f.Err = err.Error()
	}
	for _, name := range []string{"@remotion/lambda", "@remotion/lambda-client"} {
		if l, ok := deps[name]; ok {
			f.add(SignalRemotion, "true", "depends on "+name, l)
			f.add(SignalConsumer, facts.ConsumerNode, "depends on "+name, l)
		}
	}
	if l, ok := deps["@remotion/cli"]; ok {
		if _, lambda := deps["@remotion/lambda"]; lambda {
			f.add(SignalConsumer, facts.ConsumerCLI, "depends on @remotion/cli and @remotion/lambda", l)
		}
	}
	for name, l := range deps {
		switch {
		case name == "vercel" || strings.HasPrefix(name, "@vercel/"):
			f.add(SignalPlatform, facts.PlatformVercel, "depends on "+name, l)
		case name == "netlify-cli" || strings.HasPrefix(name, "@netlify/"):
			f.add(SignalPlatform, facts.PlatformNetlify, "depends on "+name, l)
		case name == "next":
			f.add(SignalLoader, "nextjs", "Next.js loads .env, .env.local, .env.<mode> and .env.<mode>.local", l)
		}
	}
	sortSignals(f.Signals)
	return f
}

// scriptWords are words every script pattern needs (as written, case
// included): a script holding none of them matches none, and most scripts
// (build, lint, test) are settled without running a regular expression.
var scriptWords = []string{"remotion", "--env-file", "dotenv", "next", "bun", "vercel", "netlify"}

func (f *Facts) script(path string, s jsonpos.String) {
	text := s.Value
	if !slices.ContainsFunc(scriptWords, func(w string) bool { return strings.Contains(text, w) }) {
		return
	}
	l := loc(path, s.Pos)
	if reRemotionLambda.MatchString(text) {
		f.add(SignalConsumer, facts.ConsumerCLI, "script \""+s.Path[1]+"\" runs remotion lambda", l)
	}
	if m := reNodeEnvFile.FindStringSubmatch(text); m != nil {
		f.add(SignalLoader, "node-env-file", "script \""+s.Path[1]+"\" runs node --env-file", l)
		f.Loads = append(f.Loads, facts.DotenvLoad{Kind: "node-env-file", Path: strings.Trim(m[4], `"'`), Location: l})
	}
	if reDotenvPreload.MatchString(text) {
		f.add(SignalLoader, "dotenv", "script \""+s.Path[1]+"\" preloads dotenv/config", l)
		f.Loads = append(f.Loads, facts.DotenvLoad{Kind: "dotenv-config-import", Location: l})
	}
	if reDotenvCLI.MatchString(text) {
		f.add(SignalLoader, "dotenv-cli", "script \""+s.Path[1]+"\" runs dotenv-cli", l)
		f.Loads = append(f.Loads, facts.DotenvLoad{Kind: "dotenv-cli", Location: l})
	}
	if reNext.MatchString(text) {
		f.add(SignalLoader, "nextjs", "script \""+s.Path[1]+"\" runs next", l)
	}
	if reBun.MatchString(text) {
		f.add(SignalLoader, "bun", "script \""+s.Path[1]+"\" runs bun, which loads .env files", l)
	}
	if reVercel.MatchString(text) {
		f.add(SignalPlatform, facts.PlatformVercel, "script \""+s.Path[1]+"\" runs vercel", l)
	}
	if reNetlify.MatchString(text) {
		f.add(SignalPlatform, facts.PlatformNetlify, "script \""+s.Path[1]+"\" runs netlify", l)
	}
}

// GoSDK is the import path of Remotion's Go client.
const GoSDK = "github.com/remotion-dev/lambda_go_sdk"

// GoMod reads a go.mod.
func GoMod(path string, src []byte) *Facts {
	f := &Facts{}
	mf, err := modfile.ParseLax(path, src, nil)
	if err != nil {
		f.Err = "invalid go.mod"
		return f
	}
	for _, r := range mf.Require {
		if r.Mod.Path == GoSDK || strings.HasPrefix(r.Mod.Path, GoSDK+"/") {
			l := facts.Location{Path: path, Line: r.Syntax.Start.Line, Column: r.Syntax.Start.LineRune}
			f.add(SignalRemotion, "true", "requires "+GoSDK, l)
			f.add(SignalConsumer, facts.ConsumerGo, "requires "+GoSDK, l)
		}
	}
	return f
}

// firstLine returns the position of the first occurrence of any needle.
func firstLine(path string, src []byte, needles ...string) (facts.Location, bool) {
	best := -1
	for _, n := range needles {
		if i := bytes.Index(src, []byte(n)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return facts.Location{}, false
	}
	p := jsonpos.NewLines(src).Pos(best)
	return loc(path, p), true
}

// PythonDeps reads requirements*.txt, pyproject.toml, Pipfile or setup.py.
func PythonDeps(path string, src []byte) *Facts {
	f := &Facts{}
	if l, ok := firstLine(path, src, "remotion-lambda", "remotion_lambda"); ok {
		f.add(SignalRemotion, "true", "depends on remotion-lambda", l)
		f.add(SignalConsumer, facts.ConsumerPython, "depends on remotion-lambda", l)
	}
	return f
}

// ComposerJSON reads a composer.json.
func ComposerJSON(path string, src []byte) *Facts {
	f := &Facts{}
	err := jsonpos.Walk(src, func(s jsonpos.String) {
		if s.Key && len(s.Path) == 1 && (s.Path[0] == "require" || s.Path[0] == "require-dev") && s.Value == "remotion/lambda" {
			l := loc(path, s.Pos)
			f.add(SignalRemotion, "true", "requires remotion/lambda", l)
			f.add(SignalConsumer, facts.ConsumerPHP, "requires remotion/lambda", l)
		}
	})
	if err != nil {
		f.Err = err.Error()
	}
	return f
}

// Marker reads a platform marker file of the given discover kind.
func Marker(kind, path string, src []byte) *Facts {
	f := &Facts{}
	first := facts.Location{Path: path, Line: 1, Column: 1}
	switch kind {
	case "vercel.json":
		f.add(SignalPlatform, facts.PlatformVercel, "vercel.json", first)
		f.Literals, f.Err = jsonLiterals(path, src)
	case "netlify.toml":
		f.add(SignalPlatform, facts.PlatformNetlify, "netlify.toml", first)
	case "serverless":
		f.add(SignalPlatform, facts.PlatformLambda, "Serverless Framework deploys this code to AWS Lambda", first)
	case "sst-config":
		f.add(SignalPlatform, facts.PlatformLambda, "SST deploys this code to AWS Lambda", first)
	case "sam-template":
		if l, ok := firstLine(path, src, "AWS::Serverless::Function", "AWS::Lambda::Function"); ok {
			f.add(SignalPlatform, facts.PlatformLambda, "SAM template defines a Lambda function", l)
		}
	case "remotion-config":
		f.add(SignalRemotion, "true", "remotion.config file", first)
	}
	return f
}

func sortSignals(s []facts.Signal) {
	// Deterministic order: by position, then kind and value.
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && lessSignal(s[j], s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func lessSignal(a, b facts.Signal) bool {
	if a.Location.Line != b.Location.Line {
		return a.Location.Line < b.Location.Line
	}
	if a.Location.Column != b.Location.Column {
		return a.Location.Column < b.Location.Column
	}
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Value < b.Value
}
