package policy

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	opaversion "github.com/open-policy-agent/opa/v1/version"

	"github.com/remolint/remolint/internal/astcodec"
	"github.com/remolint/remolint/policies"
)

// The embedded bundle, compiled ahead of time.
//
// Parsing and compiling the built-in policies took about 130 ms of CPU time
// on every run: a third of a run over a monorepo's env files and most of a
// pre-commit run. compiled.bin holds the modules as OPA's compiler left
// them (every stage run, checks included), the rule packages' metadata and
// the string constants the policies mention. A run decodes them and runs
// only the stages that build the evaluator's indices (runtimeStages).
//
// compiled.bin is generated from the sources and committed:
//
//	go test ./internal/policy -run TestCompiledBundleIsCurrent -update
//
// It names the sources' digest and the OPA version that compiled it. A run
// whose sources or OPA differ (a rule edited without regenerating, or a
// build that selected another OPA, as a golangci-lint plugin build may)
// compiles the sources instead: compiled.bin only ever makes a run faster.
// TestCompiledBundleIsCurrent fails when it is stale, and
// TestCompiledBundleMatchesSource requires the same findings either way on
// every fixture.
//
//go:embed compiled.bin
var compiledBin string

const compiledMagic = "remolint compiled policies\n"

// runtimeStages are the compiler stages a decoded bundle still needs: the
// module and rule trees, the rule and comprehension indices, the counter of
// generated variables (queries get new ones) and the sandbox's refusal of
// unsafe built-ins. Every other stage rewrites or checks the modules, and
// compiled.bin holds them rewritten and checked.
var runtimeStages = map[ast.StageID]bool{
	ast.StageSetModuleTree:             true,
	ast.StageSetRuleTree:               true,
	ast.StageInitLocalVarGen:           true,
	ast.StageBuildRuleIndices:          true,
	ast.StageBuildComprehensionIndices: true,
	ast.StageCheckUnsafeBuiltins:       true,
}

// precompiledCompiler is c set up for modules decoded from compiled.bin.
func precompiledCompiler(c *ast.Compiler) *ast.Compiler {
	var skip []ast.StageID
	for _, s := range ast.AllStages() {
		if !runtimeStages[s] {
			skip = append(skip, s)
		}
	}
	return c.WithStrict(false).WithSkipStages(skip...)
}

// compiledMeta is the JSON part of compiled.bin.
type compiledMeta struct {
	OPA       string            `json:"opa"`       // the OPA version that compiled the modules
	Sources   string            `json:"sources"`   // sourceDigest of the sources compiled
	Rules     []compiledRule    `json:"rules"`     // rulePackages' result
	Mentioned []string          `json:"mentioned"` // see Engine.Mentions
	Rewritten map[string]string `json:"rewritten"` // the compiler's RewrittenVars
}

type compiledRule struct {
	Path string   `json:"path"`
	Meta RuleMeta `json:"meta"`
}

// builtinSources reads the embedded bundle's non-test files by display name.
func builtinSources() (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, root := range []string{"lib", "rules"} {
		err := fs.WalkDir(policies.FS, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") || strings.HasSuffix(p, testSuffix) {
				return err
			}
			b, err := fs.ReadFile(policies.FS, p)
			out[displayName("policies", p)] = b
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("read built-in policies: %w", err)
		}
	}
	return out, nil
}

// sourceDigest identifies a set of sources: names and contents, in name
// order.
func sourceDigest(srcs map[string][]byte) string {
	names := make([]string, 0, len(srcs))
	for n := range srcs {
		names = append(names, n)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		var l [binary.MaxVarintLen64]byte
		h.Write(l[:binary.PutUvarint(l[:], uint64(len(n)))])
		h.Write([]byte(n))
		h.Write(l[:binary.PutUvarint(l[:], uint64(len(srcs[n])))])
		h.Write(srcs[n])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// precompiled is compiled.bin decoded.
type precompiled struct {
	modules   map[string]*ast.Module
	pkgs      []rulePackage
	mentioned map[string]bool
	rewritten map[ast.Var]ast.Var
}

var errStale = errors.New("compiled policies are stale")

// loadPrecompiled decodes compiled.bin, or says why it cannot be used.
func loadPrecompiled() (*precompiled, error) {
	srcs, err := builtinSources()
	if err != nil {
		return nil, err
	}
	return decodeCompiled(compiledBin, srcs)
}

func decodeCompiled(bin string, srcs map[string][]byte) (*precompiled, error) {
	rest, ok := strings.CutPrefix(bin, compiledMagic)
	if !ok {
		return nil, errors.New("compiled policies: not a compiled bundle")
	}
	n, w := binary.Uvarint([]byte(rest[:min(len(rest), binary.MaxVarintLen64)]))
	if w <= 0 || n > uint64(len(rest)-w) {
		return nil, errors.New("compiled policies: corrupt header")
	}
	var meta compiledMeta
	if err := json.Unmarshal([]byte(rest[w:w+int(n)]), &meta); err != nil {
		return nil, fmt.Errorf("compiled policies: %w", err)
	}
	if meta.OPA != opaversion.Version || meta.Sources != sourceDigest(srcs) {
		return nil, errStale
	}
	mods, err := astcodec.Decode(rest[w+int(n):], srcs)
	if err != nil {
		return nil, fmt.Errorf("compiled policies: %w", err)
	}
	p := &precompiled{
		modules:   make(map[string]*ast.Module, len(mods)),
		mentioned: make(map[string]bool, len(meta.Mentioned)),
		rewritten: make(map[ast.Var]ast.Var, len(meta.Rewritten)),
	}
	for _, m := range mods {
		p.modules[m.Name] = m.Module
	}
	for _, r := range meta.Rules {
		path, err := ast.ParseRef(r.Path)
		if err != nil {
			return nil, fmt.Errorf("compiled policies: rule %s: %w", r.Path, err)
		}
		p.pkgs = append(p.pkgs, rulePackage{path: path, meta: r.Meta})
	}
	for _, s := range meta.Mentioned {
		p.mentioned[s] = true
	}
	for k, v := range meta.Rewritten {
		p.rewritten[ast.Var(k)] = ast.Var(v)
	}
	return p, nil
}

// BuildCompiled compiles the embedded bundle with every stage of the
// compiler and returns the contents of compiled.bin.
func BuildCompiled() ([]byte, error) {
	srcs, err := builtinSources()
	if err != nil {
		return nil, err
	}
	files, err := readBuiltin(nil, false)
	if err != nil {
		return nil, err
	}
	modules := make(map[string]*ast.Module, len(files))
	for _, f := range files {
		modules[f.name] = f.module
	}
	// What the engine reads of the parsed modules: the rule packages'
	// metadata and the string constants.
	pkgs, err := rulePackages(modules)
	if err != nil {
		return nil, err
	}
	meta := compiledMeta{OPA: opaversion.Version, Sources: sourceDigest(srcs), Rewritten: map[string]string{}}
	for _, p := range pkgs {
		meta.Rules = append(meta.Rules, compiledRule{Path: p.path.String(), Meta: p.meta})
	}
	meta.Mentioned = mentionedStrings(modules)

	c := newCompiler(false)
	c.Compile(modules)
	if len(c.Errors) > 0 {
		return nil, compileErrors(c.Errors)
	}
	for k, v := range c.RewrittenVars {
		meta.Rewritten[string(k)] = string(v)
	}
	names := make([]string, 0, len(c.Modules))
	for n := range c.Modules {
		names = append(names, n)
	}
	slices.Sort(names)
	mods := make([]astcodec.Module, len(names))
	for i, n := range names {
		mods[i] = astcodec.Module{Name: n, Module: c.Modules[n]}
	}
	texts := make(map[string]string, len(srcs))
	for n, b := range srcs {
		texts[n] = string(b)
	}
	body, err := astcodec.Encode(mods, texts)
	if err != nil {
		return nil, err
	}
	head, err := json.Marshal(meta)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString(compiledMagic)
	out.Write(binary.AppendUvarint(nil, uint64(len(head))))
	out.Write(head)
	out.Write(body)
	return out.Bytes(), nil
}

// mentionedStrings lists every string constant of modules, sorted.
func mentionedStrings(modules map[string]*ast.Module) []string {
	set := map[string]bool{}
	for _, m := range modules {
		ast.WalkTerms(m, func(t *ast.Term) bool {
			if s, ok := t.Value.(ast.String); ok {
				set[string(s)] = true
			}
			return false
		})
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
