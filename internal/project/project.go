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

// scriptWord is the word each script pattern needs (as written, case
// included): a pattern runs only on a script that holds its word, and most
// scripts (build, lint, test) hold none.
var scriptWord = map[*regexp.Regexp]string{
	reRemotionLambda: "remotion", reNodeEnvFile: "--env-file", reDotenvPreload: "dotenv", reDotenvCLI: "dotenv",
	reNext: "next", reBun: "bun", reVercel: "vercel", reNetlify: "netlify",
}

// scriptWords are the distinct words of scriptWord.
var scriptWords = func() []string {
	var ws []string
	for _, w := range scriptWord {
		if !slices.Contains(ws, w) {
			ws = append(ws, w)
		}
	}
	slices.Sort(ws)
	return ws
}()

// script reads one package.json script.
func (f *Facts) script(path string, s jsonpos.String) {
	text := s.Value
	if !slices.ContainsFunc(scriptWords, func(w string) bool { return strings.Contains(text, w) }) {
		return
	}
	l := loc(path, s.Pos)
	name := s.Path[1]
	runs := func(re *regexp.Regexp) bool { return strings.Contains(text, scriptWord[re]) && re.MatchString(text) }
	if runs(reRemotionLambda) {
		f.add(SignalConsumer, facts.ConsumerCLI, "script \""+name+"\" runs remotion lambda", l)
	}
	if strings.Contains(text, scriptWord[reNodeEnvFile]) {
		if m := reNodeEnvFile.FindStringSubmatch(text); m != nil {
			f.add(SignalLoader, "node-env-file", "script \""+name+"\" runs node --env-file", l)
			f.Loads = append(f.Loads, facts.DotenvLoad{Kind: "node-env-file", Path: strings.Trim(m[4], `"'`), Location: l})
		}
	}
	if runs(reDotenvPreload) {
		f.add(SignalLoader, "dotenv", "script \""+name+"\" preloads dotenv/config", l)
		f.Loads = append(f.Loads, facts.DotenvLoad{Kind: "dotenv-config-import", Location: l})
	}
	if runs(reDotenvCLI) {
		f.add(SignalLoader, "dotenv-cli", "script \""+name+"\" runs dotenv-cli", l)
		f.Loads = append(f.Loads, facts.DotenvLoad{Kind: "dotenv-cli", Location: l})
	}
	if runs(reNext) {
		f.add(SignalLoader, "nextjs", "script \""+name+"\" runs next", l)
	}
	if runs(reBun) {
		f.add(SignalLoader, "bun", "script \""+name+"\" runs bun, which loads .env files", l)
	}
	if runs(reVercel) {
		f.add(SignalPlatform, facts.PlatformVercel, "script \""+name+"\" runs vercel", l)
	}
	if runs(reNetlify) {
		f.add(SignalPlatform, facts.PlatformNetlify, "script \""+name+"\" runs netlify", l)
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
