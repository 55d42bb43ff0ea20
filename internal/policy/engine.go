// Package policy compiles remolint's Rego policies once, in a sandbox, and
// evaluates them over a fact document.
//
// The built-in rules are the embedded bundle of package policies; teams add
// their own under the remolint.custom namespace. Every rule package carries
// package-scope METADATA (title = rule ID, description, custom.severity,
// custom.summary, ...) and a `report` set of findings built with
// data.remolint.lib.finding. One prepared query reads every rule's report.
//
// The sandbox: built-ins that reach the network, the clock, randomness or the
// running process are refused at compile time (see Capabilities); built-in
// errors abort evaluation; policies see only `input` and data.remolint.config;
// every evaluation runs under a time limit.
package policy

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/util"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/policies"
)

// DefaultTimeout bounds one evaluation when no WithTimeout option is given.
const DefaultTimeout = 30 * time.Second

// ErrTimeLimit is wrapped by the error Eval returns when a policy did not
// finish within the engine's time limit.
var ErrTimeLimit = errors.New("policy evaluation exceeded the time limit")

// Severities a rule may declare, strongest first.
var severities = []string{"error", "warning", "info"}

// ruleIDPattern is the shape of a rule ID: lowercase words joined by dashes.
var ruleIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

var (
	rulesRoot  = ast.MustParseRef("data.remolint.rules")
	customRoot = ast.MustParseRef("data.remolint.custom")
	configRef  = ast.MustParseRef("data.remolint.config")
	configPath = storage.MustParsePath("/remolint/config")
	libRoot    = ast.MustParseRef("data.remolint.lib")
	reportVar  = ast.Var("report")
)

// Finding is one problem a rule reported.
type Finding struct {
	Rule     string
	Severity string
	Message  string
	Location facts.Location
	Related  *facts.Location
}

// RuleMeta is a rule's documentation, read from its package's METADATA.
type RuleMeta struct {
	ID               string // the title: the rule ID users write in config
	Severity         string // error | warning | info
	Summary          string // one line
	Description      string // markdown
	Bad              string // a bad example
	Good             string // a good example
	Remotion         string // what Remotion really does
	RequiresRemotion bool   // runs only in Remotion projects
	Package          string // e.g. remolint.rules.skipcheck.skip_check_falsy_value
	File             string // the file holding the METADATA, e.g. policies/rules/...
}

// Error is an evaluation error attributed to one policy.
type Error struct {
	// Policy is the package whose report was being evaluated, e.g.
	// "remolint.custom.team.rule"; "" when it cannot be told.
	Policy string
	// At is file:line:column where evaluation stopped, "" when unknown.
	At  string
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("evaluate policy ")
	if e.Policy != "" {
		b.WriteString(e.Policy)
	} else {
		b.WriteString("(unknown)")
	}
	if e.At != "" {
		b.WriteString(" at ")
		b.WriteString(e.At)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Option configures New.
type Option func(*options)

type options struct {
	timeout time.Duration
	custom  []source
	// builtinRules replaces the embedded rules/ tree (tests only).
	builtinRules fs.FS
	// fromSource compiles the embedded bundle from its sources even when
	// compiled.bin is current (tests only).
	fromSource bool
	// parts bounds the compilers the rule packages are split between (0:
	// one per CPU).
	parts int
}

// WithCompileParts compiles the policies in at most n parts, each on its
// own goroutine (the default is one per CPU; n < 1 keeps it). A caller
// whose other work keeps all but one core busy meanwhile saves, with one
// part, the second compilation of the helper library that each part
// holds; the two queries still run side by side.
func WithCompileParts(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.parts = n
		}
	}
}

// fromSource is the option that sets options.fromSource.
func fromSource() Option { return func(o *options) { o.fromSource = true } }

// WithTimeout sets the time limit of one Eval (DefaultTimeout otherwise). A
// non-positive d keeps the default.
func WithTimeout(d time.Duration) Option {
	return func(o *options) {
		if d > 0 {
			o.timeout = d
		}
	}
}

// WithCustomPolicies adds a team's own policies: every non-test .rego file of
// fsys, shown in messages under name (e.g. the directory the user named).
// Their packages must sit under remolint.custom.
func WithCustomPolicies(name string, fsys fs.FS) Option {
	return func(o *options) {
		o.custom = append(o.custom, source{prefix: name, fsys: fsys})
	}
}

// rulePackage is one package that defines a report.
type rulePackage struct {
	path ast.Ref // data.remolint.rules....
	meta RuleMeta
}

// Engine holds the compiled policies and the prepared query. It is safe for
// concurrent use.
type Engine struct {
	// groups split the rule packages between the CPUs: one prepared query
	// per group, each over the whole document, evaluated concurrently.
	groups []group
	// compilerOf holds each package's compiler (see splitModules).
	compilerOf []*ast.Compiler
	// single holds one prepared query per rule package, made on first need
	// (when one built-in rule fails and the rest must still run).
	singleOnce sync.Once
	single     []rego.PreparedEvalQuery
	singleErr  error
	pkgs       []rulePackage   // in query expression order
	rules      []RuleMeta      // sorted by ID
	files      map[string]bool // policy file names
	timeout    time.Duration

	// builtinOnly is true when the policies are the embedded bundle alone;
	// mentioned then holds every string constant its modules contain (see
	// Mentions), gathered on first need from modules.
	builtinOnly   bool
	modules       map[string]*ast.Module
	mentionedOnce sync.Once
	mentioned     map[string]bool

	// store holds data.remolint.config and nothing else; cfg is its value.
	// mu is held for reading by evaluations that use cfg, and for writing
	// by one that replaces it.
	store storage.Store
	mu    sync.RWMutex
	cfg   ast.Value
}

// New reads, validates and compiles the built-in policies and any custom ones,
// and prepares the query. Every problem found is reported in one error.
func New(ctx context.Context, opts ...Option) (*Engine, error) {
	o := options{timeout: DefaultTimeout}
	for _, opt := range opts {
		opt(&o)
	}

	// The embedded bundle alone passed every check at build time, and is
	// compiled already (compiled.bin) unless its sources or OPA changed.
	trusted := o.builtinRules == nil && len(o.custom) == 0
	var pre *precompiled
	if trusted && !o.fromSource {
		pre, _ = loadPrecompiled() // (an error: compile the sources instead)
	}
	var modules map[string]*ast.Module
	var names []string
	if pre != nil {
		modules = pre.modules
		for n := range modules {
			names = append(names, n)
		}
	} else {
		files, err := readBuiltin(o.builtinRules, false)
		if err != nil {
			return nil, err
		}
		nBuiltin := len(files)
		for _, src := range o.custom {
			fs, err := readSource(src, false)
			if err != nil {
				return nil, err
			}
			files = append(files, fs...)
		}
		modules = make(map[string]*ast.Module, len(files))
		var errs []string
		for i, f := range files {
			if _, dup := modules[f.name]; dup {
				errs = append(errs, fmt.Sprintf("%s: policy file loaded twice", f.name))
				continue
			}
			modules[f.name] = f.module
			names = append(names, f.name)
			errs = append(errs, checkNamespace(f, i >= nBuiltin)...)
		}
		if len(errs) > 0 {
			return nil, fmt.Errorf("load policies: %s", strings.Join(errs, "; "))
		}
	}

	cpus := runtime.GOMAXPROCS(0)
	nparts := cpus
	if o.parts > 0 {
		nparts = min(nparts, o.parts)
	}
	parts := splitModules(modules, nparts)
	compilers := make([]*ast.Compiler, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := newCompiler(false)
			switch {
			case pre != nil:
				c = precompiledCompiler(c)
				// What generated variables stand for, for traces and
				// messages. Shared by the parts: no stage they run writes
				// it (and compiled.bin serves only the OPA it was made by).
				c.RewrittenVars = pre.rewritten
			case trusted:
				c = trustedCompiler(c)
			}
			c.Compile(part)
			compilers[i] = c
		}()
	}
	wg.Wait()
	var compileErrs ast.Errors
	for _, c := range compilers {
		compileErrs = append(compileErrs, c.Errors...)
	}
	if len(compileErrs) > 0 {
		return nil, compileErrors(compileErrs)
	}

	var pkgs []rulePackage
	if pre != nil {
		pkgs = pre.pkgs
	} else {
		var err error
		if pkgs, err = rulePackages(modules); err != nil {
			return nil, err
		}
	}

	e := &Engine{
		pkgs:    pkgs,
		files:   make(map[string]bool, len(names)),
		timeout: o.timeout,
	}
	switch {
	case pre != nil:
		e.builtinOnly = true
		e.mentionedOnce.Do(func() { e.mentioned = pre.mentioned })
	case trusted:
		e.builtinOnly, e.modules = true, modules
	}
	// Each package's compiler: the one whose modules define it.
	e.compilerOf = make([]*ast.Compiler, len(pkgs))
	for i, p := range pkgs {
		for _, c := range compilers {
			if len(compilers) == 1 || definesPackage(c, p.path) {
				e.compilerOf[i] = c
				break
			}
		}
	}
	for _, p := range pkgs {
		e.rules = append(e.rules, p.meta)
	}
	slices.SortFunc(e.rules, func(a, b RuleMeta) int { return cmp.Compare(a.ID, b.ID) })
	for _, n := range names {
		e.files[n] = true
	}

	e.cfg = ast.NewObject()
	e.store = inmem.NewFromObject(map[string]any{"remolint": map[string]any{"config": map[string]any{}}})
	for _, members := range queryGroups(pkgs, cpus) {
		query := make(ast.Body, 0, len(members))
		for j, i := range members {
			ref := pkgs[i].path.Append(ast.StringTerm(string(reportVar)))
			expr := ast.NewExpr(ast.NewTerm(ref))
			expr.Index = j
			query = append(query, expr)
		}
		if len(query) == 0 {
			query = ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))
		}
		c := compilers[0]
		if len(members) > 0 {
			c = e.compilerOf[members[0]]
		}
		for _, i := range members {
			if e.compilerOf[i] != c {
				return nil, fmt.Errorf("prepare policy query: %s and %s were compiled apart (internal error)", pkgs[members[0]].meta.Package, pkgs[i].meta.Package)
			}
		}
		pq, err := rego.New(
			rego.Compiler(c),
			rego.Store(e.store),
			rego.ParsedQuery(query),
			rego.Capabilities(Capabilities()),
			rego.StrictBuiltinErrors(true),
		).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("prepare policy query: %w", err)
		}
		e.groups = append(e.groups, group{query: pq, pkgs: members})
	}
	return e, nil
}

// EvalContained is Eval, except that a built-in rule that fails at run time
// (a bug, or input it did not expect) does not take the others down: each
// rule package is then evaluated on its own, and the failing ones are
// returned as PolicyErrors beside the findings of the rest. A team policy's
// failure, a time limit or a cancelled ctx is still an error.
func (e *Engine) EvalContained(ctx context.Context, input []byte, config map[string]any) ([]Finding, []*Error, error) {
	doc, err := parseInput(input)
	if err != nil {
		return nil, nil, err
	}
	return e.EvalInput(ctx, doc, config)
}

// BuiltinOnly reports whether the engine holds the embedded bundle alone,
// with no team policy: the fact document's built-in view (package view)
// then gives the same findings as the whole document.
func (e *Engine) BuiltinOnly() bool { return e.builtinOnly }

// Mentions reports whether a built-in policy contains name as a string
// constant: a variable name it looks up, a set member, a message fragment.
// The built-in view keeps the definitions of such names whatever else it
// knows of them. It is false for every name when team policies are loaded.
func (e *Engine) Mentions(name string) bool {
	if !e.builtinOnly {
		return false
	}
	e.mentionedOnce.Do(func() {
		e.mentioned = map[string]bool{}
		for _, s := range mentionedStrings(e.modules) {
			e.mentioned[s] = true
		}
	})
	return e.mentioned[name]
}

// Input converts a Go value to policy input, as if encoded as JSON: ValueOf
// converts it without the JSON round trip when it can.
func Input(v any) (ast.Value, error) {
	doc, err := ValueOf(v)
	if errors.Is(err, ErrUnsupported) {
		var input []byte
		if input, err = json.Marshal(v); err != nil {
			return nil, fmt.Errorf("encode policy input: %w", err)
		}
		return parseInput(input)
	}
	return doc, err
}

// EvalInput is EvalContained over an input that Input converted.
func (e *Engine) EvalInput(ctx context.Context, doc ast.Value, config map[string]any) ([]Finding, []*Error, error) {
	out, err := e.evalValue(ctx, doc, config)
	var pe *Error
	if err == nil || !errors.As(err, &pe) || errors.Is(err, ErrTimeLimit) || ctx.Err() != nil ||
		!strings.HasPrefix(pe.Policy, "remolint.rules.") {
		return out, nil, err
	}
	e.singleOnce.Do(e.prepareSingles)
	if e.singleErr != nil {
		return nil, nil, e.singleErr
	}
	var failed []*Error
	e.mu.RLock() // the configuration evalValue stored stays in place
	defer e.mu.RUnlock()
	for i, p := range e.pkgs {
		fs, err := e.evalOne(ctx, i, doc)
		if err == nil {
			out = append(out, fs...)
			continue
		}
		var one *Error
		if !errors.As(err, &one) || errors.Is(err, ErrTimeLimit) || ctx.Err() != nil || !strings.HasPrefix(p.meta.Package, "remolint.rules.") {
			return nil, nil, err
		}
		if one.Policy == "" {
			one.Policy = p.meta.Package
		}
		failed = append(failed, one)
	}
	SortFindings(out)
	return out, failed, nil
}

// prepareSingles prepares one query per rule package.
func (e *Engine) prepareSingles() {
	for i, p := range e.pkgs {
		ref := p.path.Append(ast.StringTerm(string(reportVar)))
		expr := ast.NewExpr(ast.NewTerm(ref))
		pq, err := rego.New(
			rego.Compiler(e.compilerOf[i]),
			rego.Store(e.store),
			rego.ParsedQuery(ast.NewBody(expr)),
			rego.Capabilities(Capabilities()),
			rego.StrictBuiltinErrors(true),
		).PrepareForEval(context.Background())
		if err != nil {
			e.singleErr = fmt.Errorf("prepare policy query for %s: %w", p.meta.Package, err)
			return
		}
		e.single = append(e.single, pq)
	}
}

// evalOne evaluates rule package i alone, with the stored configuration.
func (e *Engine) evalOne(ctx context.Context, i int, doc ast.Value) ([]Finding, error) {
	p := e.pkgs[i]
	evalCtx, cancel := context.WithTimeoutCause(ctx, e.timeout, ErrTimeLimit)
	defer cancel()
	rs, err := e.single[i].Eval(evalCtx, rego.EvalParsedInput(doc))
	if err != nil {
		return nil, e.evalError(ctx, evalCtx, err, p.meta.Package)
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return nil, &Error{Policy: p.meta.Package, Err: fmt.Errorf("query returned %d results", len(rs))}
	}
	items, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		return nil, &Error{Policy: p.meta.Package, Err: fmt.Errorf("report is %T, not a set", rs[0].Expressions[0].Value)}
	}
	var out []Finding
	for _, item := range items {
		f, err := decodeFinding(item, p.meta.ID)
		if err != nil {
			return nil, &Error{Policy: p.meta.Package, Err: err}
		}
		out = append(out, f)
	}
	return out, nil
}

// newCompiler returns a compiler with the sandbox's settings. Print
// statements are kept only for tests, whose output RunTests shows.
func newCompiler(print bool) *ast.Compiler {
	return ast.NewCompiler().
		WithCapabilities(Capabilities()).
		WithDefaultRegoVersion(ast.RegoV1).
		WithStrict(true).
		WithEnablePrintStatements(print)
}

// verifiedStages are the compiler's checks that only report errors. They
// serve when compiled.bin cannot be used (see compiled.go). The embedded
// bundle passes all of them (TestEmbeddedBundlePassesEveryCheck
// compiles it with every stage, and `go test ./policies` runs its tests
// that way), so compiling it again at run time skips them: they were a
// fifth of a pre-commit run. Stages that rewrite the policies, and the
// refusal of functions outside the sandbox, always run.
var verifiedStages = []ast.StageID{
	ast.StageCheckKeywordOverrides,
	ast.StageCheckDuplicateImports,
	ast.StageCheckVoidCalls,
	ast.StageCheckRuleConflicts,
	ast.StageCheckUndefinedFuncs,
	ast.StageCheckSafetyRuleHeads,
	ast.StageCheckRecursion,
	ast.StageCheckTypes,
	// The graph of the rules' dependencies, which only the two checks
	// above read (a tenth of what is left of compiling the bundle).
	ast.StageSetGraph,
	ast.StageCheckDeprecatedBuiltins,
	ast.StageBuildRequiredCapabilities,
	// Not checks, but rewrites that leave the bundle as it is:
	// - template strings ($"..."), which it does not use
	//   (TestEmbeddedBundleHasNoTemplateStrings);
	// - the safety check of rule bodies, which reorders a body's
	//   expressions so that each variable is bound before it is used.
	//   Every body of the bundle is written in that order already
	//   (TestEmbeddedBundleNeedsNoReordering); it was half of the
	//   compilation, which is most of a one-file run.
	ast.StageRewriteTemplateStrings,
	ast.StageCheckSafetyRuleBodies,
	// - `with` modifiers and print calls (erased for a lint run), which it
	//   does not use, and the rewrite of test rules for tracing (it has
	//   none). TestEmbeddedBundleNeedsNoReordering compares the compiled
	//   rules with and without every stage here, so a rule that starts
	//   using one of them fails it.
	ast.StageRewriteWithValues,
	ast.StageRewritePrintCalls,
	ast.StageRewriteTestRulesForTracing,
}

// trustedCompiler is c set up for the embedded bundle: the checks it
// passed at build time (and strict mode's) are skipped.
func trustedCompiler(c *ast.Compiler) *ast.Compiler {
	return c.WithStrict(false).WithSkipStages(verifiedStages...)
}

// readBuiltin reads the embedded lib/ and rules/ (or rules from override).
func readBuiltin(override fs.FS, withTests bool) ([]regoFile, error) {
	if override == nil {
		return readSource(source{prefix: "policies", fsys: policies.FS, under: []string{"lib", "rules"}}, withTests)
	}
	lib, err := readSource(source{prefix: "policies", fsys: policies.FS, under: []string{"lib"}}, withTests)
	if err != nil {
		return nil, err
	}
	rules, err := readSource(source{prefix: "policies/rules", fsys: override}, withTests)
	if err != nil {
		return nil, err
	}
	return append(lib, rules...), nil
}

// checkNamespace keeps custom policies under remolint.custom and everyone out
// of data.remolint.config.
func checkNamespace(f regoFile, custom bool) []string {
	path := f.module.Package.Path
	where := locString(f.module.Package.Location)
	var errs []string
	if path.HasPrefix(configRef) {
		errs = append(errs, fmt.Sprintf("%s: package %s: data.remolint.config is reserved for configuration", where, pkgName(path)))
	}
	if custom && (!path.HasPrefix(customRoot) || len(path) <= len(customRoot)) {
		errs = append(errs, fmt.Sprintf("%s: package %s: custom policies must use a package under remolint.custom (e.g. remolint.custom.myteam.my_rule)", where, pkgName(path)))
	}
	if !custom && path.HasPrefix(customRoot) {
		errs = append(errs, fmt.Sprintf("%s: package %s: remolint.custom is reserved for custom policies", where, pkgName(path)))
	}
	return errs
}

// pkgName is a package path without the leading "data.".
func pkgName(path ast.Ref) string {
	return strings.TrimPrefix(path.String(), "data.")
}

// rulePackages finds every package under remolint.rules or remolint.custom
// that defines report, and validates its metadata.
func rulePackages(modules map[string]*ast.Module) ([]rulePackage, error) {
	type pkgInfo struct {
		path      ast.Ref
		pkg       *ast.Package
		report    bool
		reportErr string
	}
	byPath := map[string]*pkgInfo{}
	var order []string
	names := make([]string, 0, len(modules))
	for name := range modules {
		names = append(names, name)
	}
	slices.Sort(names)
	sorted := make([]*ast.Module, len(names))
	for i, name := range names {
		sorted[i] = modules[name]
	}
	for _, mod := range sorted {
		path := mod.Package.Path
		if !path.HasPrefix(rulesRoot) && !path.HasPrefix(customRoot) {
			continue
		}
		key := path.String()
		info := byPath[key]
		if info == nil {
			info = &pkgInfo{path: path, pkg: mod.Package}
			byPath[key] = info
			order = append(order, key)
		}
		for _, r := range mod.Rules {
			ref := r.Head.Ref()
			if len(ref) == 0 || ast.Compare(ref[0].Value, reportVar) != 0 {
				continue
			}
			info.report = true
			if len(ref) != 1 || r.Head.RuleKind() != ast.MultiValue || len(r.Head.Args) > 0 {
				info.reportErr = fmt.Sprintf("%s: package %s: report must be a set of findings (report contains finding if { ... })", locString(r.Location), pkgName(path))
			}
		}
	}
	// Built-in rules first, so that a custom rule reusing a built-in ID is
	// the one reported.
	slices.SortFunc(order, func(a, b string) int {
		return cmp.Or(
			cmp.Compare(custom(byPath[a].path), custom(byPath[b].path)),
			cmp.Compare(a, b),
		)
	})

	// The annotations as the compiler reads them (the modules compiled
	// without errors, so this finds none).
	as, asErrs := ast.BuildAnnotationSet(sorted)
	if len(asErrs) > 0 {
		return nil, compileErrors(asErrs)
	}
	var errs []string
	var pkgs []rulePackage
	firstFile := map[string]string{}
	for _, key := range order {
		info := byPath[key]
		ann := as.GetPackageScope(info.pkg)
		where := locString(info.pkg.Location)
		if !info.report {
			if ann != nil && ann.Custom["severity"] != nil {
				errs = append(errs, fmt.Sprintf("%s: package %s declares a rule but defines no report", locString(ann.Location), pkgName(info.path)))
			}
			continue
		}
		if info.reportErr != "" {
			errs = append(errs, info.reportErr)
			continue
		}
		if ann == nil {
			errs = append(errs, fmt.Sprintf("%s: rule package %s has no package-scope # METADATA (title, description, custom.severity, custom.summary)", where, pkgName(info.path)))
			continue
		}
		meta, problems := ruleMeta(info.path, ann)
		for _, p := range problems {
			errs = append(errs, fmt.Sprintf("%s: rule package %s: %s", locString(ann.Location), pkgName(info.path), p))
		}
		if len(problems) > 0 {
			continue
		}
		if prev, dup := firstFile[meta.ID]; dup {
			errs = append(errs, fmt.Sprintf("%s: rule ID %q is already used by %s", locString(ann.Location), meta.ID, prev))
			continue
		}
		firstFile[meta.ID] = meta.File
		pkgs = append(pkgs, rulePackage{path: info.path, meta: meta})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("validate policies: %s", strings.Join(errs, "; "))
	}
	return pkgs, nil
}

// custom ranks built-in packages (0) before custom ones (1).
func custom(path ast.Ref) int {
	if path.HasPrefix(customRoot) {
		return 1
	}
	return 0
}

// ruleMeta reads a rule package's annotations, listing what is missing or
// malformed.
func ruleMeta(path ast.Ref, a *ast.Annotations) (RuleMeta, []string) {
	m := RuleMeta{
		ID:          a.Title,
		Description: strings.TrimSpace(a.Description),
		Package:     pkgName(path),
	}
	if a.Location != nil {
		m.File = a.Location.File
	}
	var problems []string
	str := func(key string, dst *string, required bool) {
		v, ok := a.Custom[key]
		if !ok || v == nil {
			if required {
				problems = append(problems, "custom."+key+" is missing")
			}
			return
		}
		s, ok := v.(string)
		if !ok {
			problems = append(problems, "custom."+key+" must be a string")
			return
		}
		*dst = strings.TrimSpace(s)
		if required && *dst == "" {
			problems = append(problems, "custom."+key+" is empty")
		}
	}
	switch {
	case m.ID == "":
		problems = append(problems, "title (the rule ID) is missing")
	case !ruleIDPattern.MatchString(m.ID):
		problems = append(problems, fmt.Sprintf("title %q is not a rule ID (lowercase words joined by dashes)", m.ID))
	}
	if m.Description == "" {
		problems = append(problems, "description is missing")
	}
	str("severity", &m.Severity, true)
	if m.Severity != "" && !slices.Contains(severities, m.Severity) {
		problems = append(problems, fmt.Sprintf("custom.severity %q is not one of error, warning, info", m.Severity))
	}
	str("summary", &m.Summary, true)
	str("bad", &m.Bad, false)
	str("good", &m.Good, false)
	str("remotion", &m.Remotion, false)
	if v, ok := a.Custom["requires_remotion"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			problems = append(problems, "custom.requires_remotion must be true or false")
		}
		m.RequiresRemotion = b
	}
	return m, problems
}

// Rules returns the metadata of every compiled rule, sorted by ID.
func (e *Engine) Rules() []RuleMeta {
	return slices.Clone(e.rules)
}

// Eval evaluates every rule over input, a fact document as JSON, with config
// visible to policies as data.remolint.config. Findings are sorted by path,
// line, column, rule and message. An error names the policy that failed or
// ran out of time.
func (e *Engine) Eval(ctx context.Context, input []byte, config map[string]any) ([]Finding, error) {
	doc, err := parseInput(input)
	if err != nil {
		return nil, err
	}
	return e.evalValue(ctx, doc, config)
}

// parseInput decodes one JSON value into an AST value, refusing trailing data.
// decodeFast reads the document; what it refuses is decoded again by
// parseInputStd, whose error is the one returned.
func parseInput(input []byte) (ast.Value, error) {
	if v, ok := decodeFast(input); ok {
		return v, nil
	}
	return parseInputStd(input)
}

// parseInputStd is ast.ValueFromReader's decode (numbers kept exact) without
// a reflection round trip.
func parseInputStd(input []byte) (ast.Value, error) {
	dec := util.NewJSONDecoder(bytes.NewReader(input))
	var x any
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("parse fact document: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("parse fact document: data after the JSON value")
	}
	v, err := ast.InterfaceToValue(x)
	if err != nil {
		return nil, fmt.Errorf("parse fact document: %w", err)
	}
	return v, nil
}

func (e *Engine) evalValue(ctx context.Context, doc ast.Value, config map[string]any, extra ...rego.EvalOption) ([]Finding, error) {
	var cfgValue any = map[string]any{}
	if config != nil {
		cfgValue = config
	}
	cfg, err := ast.InterfaceToValue(cfgValue)
	if err != nil {
		return nil, fmt.Errorf("convert policy configuration: %w", err)
	}

	// Evaluations with the configuration in the store share it; one with
	// another configuration replaces it and runs alone.
	e.mu.RLock()
	if ast.Compare(e.cfg, cfg) == 0 {
		defer e.mu.RUnlock()
	} else {
		e.mu.RUnlock()
		e.mu.Lock()
		defer e.mu.Unlock()
		if ast.Compare(e.cfg, cfg) != 0 {
			if err := storage.WriteOne(ctx, e.store, storage.ReplaceOp, configPath, cfgValue); err != nil {
				return nil, fmt.Errorf("store policy configuration: %w", err)
			}
			e.cfg = cfg
		}
	}

	evalCtx, cancel := context.WithTimeoutCause(ctx, e.timeout, ErrTimeLimit)
	defer cancel()
	opts := append(slices.Clip(extra), rego.EvalParsedInput(doc))
	results := make([]groupResult, len(e.groups))
	if len(e.groups) == 1 || len(extra) > 0 {
		// One group, or options (tracers) that are not safe to share.
		for g := range e.groups {
			results[g] = e.evalGroup(ctx, evalCtx, g, opts)
		}
	} else {
		var wg sync.WaitGroup
		for g := range e.groups {
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() {
					if p := recover(); p != nil {
						results[g].panicked = true
						results[g].panicValue = p
					}
				}()
				results[g] = e.evalGroup(ctx, evalCtx, g, opts)
			}()
		}
		wg.Wait()
	}
	// The error returned is the one of the first failing package in
	// e.pkgs order, as if one query had evaluated them all in turn.
	var out []Finding
	var first error
	firstRank := 0
	for g, r := range results {
		if r.panicked {
			panic(r.panicValue)
		}
		if r.err != nil {
			if rank := e.errorRank(r.err, g); first == nil || rank < firstRank {
				first, firstRank = r.err, rank
			}
			continue
		}
		out = append(out, r.findings...)
	}
	if first != nil {
		return nil, first
	}
	SortFindings(out)
	return out, nil
}

// group is one prepared query over some of the rule packages.
type group struct {
	query rego.PreparedEvalQuery
	pkgs  []int // indices into Engine.pkgs, in query expression order
}

type groupResult struct {
	findings   []Finding
	err        error
	panicked   bool
	panicValue any
}

// queryGroups splits the packages into the groups of one query each: the
// built-in rules shared among the CPUs, and every custom package alone, so
// that a team policy that fails or runs past the time limit is named even
// when OPA's error cannot say which report was being evaluated.
func queryGroups(pkgs []rulePackage, cpus int) [][]int {
	builtin := 0
	for builtin < len(pkgs) && custom(pkgs[builtin].path) == 0 {
		builtin++
	}
	groups := partition(builtin, cpus)
	for i := builtin; i < len(pkgs); i++ {
		groups = append(groups, []int{i})
	}
	return groups
}

// partition splits n packages, in package order, into at most cpus runs of
// near-equal length (always at least one group, which may be empty). Runs
// keep a family's packages (remolint.rules.accounts.*, ...) together: they
// share helper rules, which each query computes once.
func partition(n, cpus int) [][]int {
	k := max(1, min(cpus, n))
	groups := make([][]int, k)
	for g := range k {
		for i := g * n / k; i < (g+1)*n/k; i++ {
			groups[g] = append(groups[g], i)
		}
	}
	return groups
}

// evalGroup evaluates group g and decodes its findings.
func (e *Engine) evalGroup(ctx, evalCtx context.Context, g int, opts []rego.EvalOption) groupResult {
	grp := e.groups[g]
	rs, err := grp.query.Eval(evalCtx, opts...)
	if err != nil {
		return groupResult{err: e.groupError(ctx, evalCtx, grp, opts, err)}
	}
	if len(grp.pkgs) == 0 {
		return groupResult{}
	}
	if len(rs) != 1 || len(rs[0].Expressions) != len(grp.pkgs) {
		return groupResult{err: fmt.Errorf("evaluate policies: query returned %d results", len(rs))}
	}
	var out []Finding
	for j, ex := range rs[0].Expressions {
		p := e.pkgs[grp.pkgs[j]]
		items, ok := ex.Value.([]any)
		if !ok {
			return groupResult{err: &Error{Policy: p.meta.Package, Err: fmt.Errorf("report is %T, not a set", ex.Value)}}
		}
		for _, item := range items {
			f, err := decodeFinding(item, p.meta.ID)
			if err != nil {
				return groupResult{err: &Error{Policy: p.meta.Package, Err: err}}
			}
			out = append(out, f)
		}
	}
	return groupResult{findings: out}
}

// errorRank orders the errors of groups: by the index of the package they
// name, then (unattributed errors) by group.
func (e *Engine) errorRank(err error, g int) int {
	var pe *Error
	if errors.As(err, &pe) && pe.Policy != "" {
		for i, p := range e.pkgs {
			if p.meta.Package == pe.Policy {
				return i
			}
		}
	}
	return len(e.pkgs) + g
}

// groupError attributes the error of a group's query to the rule package
// that raised it. OPA's error names the failing expression's location, not
// the report being evaluated; the query evaluates its expressions in order,
// so the culprit is the group's first package that fails on its own. Only
// failures pay for this.
func (e *Engine) groupError(parent, evalCtx context.Context, grp group, opts []rego.EvalOption, err error) error {
	if len(grp.pkgs) == 1 {
		// A time limit has no location: name the package's file.
		meta := e.pkgs[grp.pkgs[0]].meta
		out := e.evalError(parent, evalCtx, err, meta.Package)
		if pe, ok := out.(*Error); ok && pe.At == "" {
			pe.At = meta.File
		}
		return out
	}
	var tdErr *topdown.Error
	if !errors.As(err, &tdErr) || topdown.IsCancel(err) || len(grp.pkgs) == 0 {
		return e.evalError(parent, evalCtx, err, "")
	}
	e.singleOnce.Do(e.prepareSingles)
	if e.singleErr == nil {
		for _, i := range grp.pkgs {
			if _, one := e.single[i].Eval(evalCtx, opts...); one != nil {
				return e.evalError(parent, evalCtx, one, e.pkgs[i].meta.Package)
			}
		}
	}
	return e.evalError(parent, evalCtx, err, "")
}

// evalError wraps an evaluation error of the named policy ("" when unknown)
// as an *Error, with the policy location OPA reports.
func (e *Engine) evalError(parent, evalCtx context.Context, err error, policy string) error {
	pe := &Error{Policy: policy, Err: err}
	var tdErr *topdown.Error
	if errors.As(err, &tdErr) {
		if tdErr.Location != nil && e.files[tdErr.Location.File] {
			pe.At = locString(tdErr.Location)
		}
		pe.Err = topdownError{tdErr}
	}
	switch {
	case topdown.IsCancel(err) && parent.Err() == nil && context.Cause(evalCtx) == ErrTimeLimit:
		pe.Err = fmt.Errorf("%w of %s", ErrTimeLimit, e.timeout)
	case parent.Err() != nil:
		return fmt.Errorf("evaluate policies: %w", parent.Err())
	}
	return pe
}

// topdownError shows an evaluation error without its location, which
// Error gives once.
type topdownError struct{ err *topdown.Error }

func (e topdownError) Error() string { return e.err.Code + ": " + e.err.Message }
func (e topdownError) Unwrap() error { return e.err }

// SortFindings sorts findings by path, line, column, rule and message, then by
// the remaining fields, so that equal inputs always print alike.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, compareFindings)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Location.Path, b.Location.Path),
		cmp.Compare(a.Location.Line, b.Location.Line),
		cmp.Compare(a.Location.Column, b.Location.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Location.EndLine, b.Location.EndLine),
		cmp.Compare(a.Location.EndColumn, b.Location.EndColumn),
		cmp.Compare(a.Severity, b.Severity),
		compareRelated(a.Related, b.Related),
	)
}

func compareRelated(a, b *facts.Location) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return -1
	case b == nil:
		return 1
	}
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.EndLine, b.EndLine),
		cmp.Compare(a.EndColumn, b.EndColumn),
	)
}

// decodeFinding checks one element of a report and converts it.
func decodeFinding(v any, id string) (Finding, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return Finding{}, fmt.Errorf("report holds a %s, not a finding object (build findings with data.remolint.lib.finding)", typeName(v))
	}
	var f Finding
	var err error
	if f.Rule, err = stringField(obj, "rule"); err != nil {
		return Finding{}, err
	}
	if f.Rule != id {
		return Finding{}, fmt.Errorf("finding names rule %q, not its own rule %q", f.Rule, id)
	}
	if f.Severity, err = stringField(obj, "severity"); err != nil {
		return Finding{}, err
	}
	if !slices.Contains(severities, f.Severity) {
		return Finding{}, fmt.Errorf("finding severity %q is not one of error, warning, info", f.Severity)
	}
	if f.Message, err = stringField(obj, "message"); err != nil {
		return Finding{}, err
	}
	if f.Message == "" {
		return Finding{}, errors.New("finding has an empty message")
	}
	if l, ok := obj["location"]; ok {
		if f.Location, err = decodeLocation(l); err != nil {
			return Finding{}, fmt.Errorf("finding location: %w", err)
		}
	}
	if r, ok := obj["related"]; ok && r != nil {
		loc, err := decodeLocation(r)
		if err != nil {
			return Finding{}, fmt.Errorf("finding related location: %w", err)
		}
		f.Related = &loc
	}
	return f, nil
}

func stringField(obj map[string]any, key string) (string, error) {
	v, ok := obj[key]
	if !ok {
		return "", fmt.Errorf("finding has no %q", key)
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("finding %q is a %s, not a string", key, typeName(v))
	}
	return s, nil
}

func decodeLocation(v any) (facts.Location, error) {
	obj, ok := v.(map[string]any)
	if !ok {
		return facts.Location{}, fmt.Errorf("is a %s, not an object", typeName(v))
	}
	var loc facts.Location
	if p, ok := obj["path"]; ok {
		s, ok := p.(string)
		if !ok {
			return facts.Location{}, fmt.Errorf("path is a %s, not a string", typeName(p))
		}
		loc.Path = s
	}
	for _, f := range []struct {
		key string
		dst *int
	}{{"line", &loc.Line}, {"column", &loc.Column}, {"endLine", &loc.EndLine}, {"endColumn", &loc.EndColumn}} {
		x, ok := obj[f.key]
		if !ok {
			continue
		}
		n, ok := x.(json.Number)
		if !ok {
			return facts.Location{}, fmt.Errorf("%s is a %s, not a number", f.key, typeName(x))
		}
		i, err := n.Int64()
		if err != nil || i < 0 || i > 1<<31 {
			return facts.Location{}, fmt.Errorf("%s %s is not a line or column number", f.key, n)
		}
		*f.dst = int(i)
	}
	return loc, nil
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array or set"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// withRules replaces the embedded rules/ tree (tests only).
func withRules(fsys fs.FS) Option {
	return func(o *options) { o.builtinRules = fsys }
}
