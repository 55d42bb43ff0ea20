package goscan

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/secret"
)

// Import paths the scanner knows.
const (
	pathOS       = "os"
	pathSyscall  = "syscall"
	pathUnix     = "golang.org/x/sys/unix"
	pathTesting  = "testing"
	pathFmt      = "fmt"
	pathGodotenv = "github.com/joho/godotenv"
	pathAutoload = "github.com/joho/godotenv/autoload"
	pathSDK      = "github.com/remotion-dev/lambda_go_sdk"
)

// defaultDotenv is the file godotenv loads when given no file names.
const defaultDotenv = ".env"

// funcRef names a called function: its package path and name, and whether it
// is a method.
type funcRef struct {
	path, name string
	method     bool
}

// varKey identifies a local variable: by its object when type information
// has one, else by its name within the enclosing top-level function (nil
// scope for package-level variables).
type varKey struct {
	obj   types.Object
	scope ast.Node
	name  string
}

type walker struct {
	fset *token.FileSet
	file *ast.File
	// src is the file's source when Parse read it, else nil.
	src  []byte
	info *types.Info
	res  *Result

	// imports maps local package names to import paths (syntax mode).
	imports map[string]string
	// hasTesting is true when the file imports "testing" (syntax mode guess
	// for t.Setenv).
	hasTesting bool

	// pkgConsts holds the file's package-level constants (built on first
	// use), local those of the top-level declaration being visited, declared
	// so far. A nil expression marks a name declared twice in one of them.
	pkgConsts, localConsts constScope

	// stack holds the nodes from the file down to the node being visited;
	// fn is the top-level function declaration being visited, if any.
	stack []ast.Node
	fn    *ast.FuncDecl
	// guardCalls are calls compared with "" (or whose len is compared with 0).
	guardCalls map[*ast.CallExpr]bool
	// litContext maps string literals assigned to a name (a variable, a field
	// or map key, the variable a Setenv sets) to that name.
	litContext map[*ast.BasicLit]string
	// readIndex maps a read call to its index in res.Reads.
	readIndex map[*ast.CallExpr]int
	// vars maps variables holding an os.Getenv result to that read.
	vars map[varKey]int
}

type constVal struct {
	s     string
	ok    bool
	state uint8 // 0 unknown, 1 in progress, 2 done
}

func newScanner(fset *token.FileSet, f *ast.File, info *types.Info, res *Result) *walker {
	s := &walker{
		fset:       fset,
		file:       f,
		info:       info,
		res:        res,
		imports:    map[string]string{},
		guardCalls: map[*ast.CallExpr]bool{},
		litContext: map[*ast.BasicLit]string{},
		readIndex:  map[*ast.CallExpr]int{},
		vars:       map[varKey]int{},
	}
	return s
}

func (s *walker) run(f *ast.File) {
	s.scanImports(f)
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			top := s.stack[len(s.stack)-1]
			s.stack = s.stack[:len(s.stack)-1]
			s.leave(top)
			return false
		}
		s.stack = append(s.stack, n)
		if fd, ok := n.(*ast.FuncDecl); ok {
			s.fn = fd
		}
		s.enter(n)
		return true
	})
	for _, cg := range f.Comments {
		if cg == nil {
			continue
		}
		for _, c := range cg.List {
			if c == nil {
				continue
			}
			s.res.Comments = append(s.res.Comments, Comment{Text: c.Text, Location: s.span(c.Pos(), c.End())})
		}
	}
	s.sortResult()
}

func (s *walker) enter(n ast.Node) {
	switch n := n.(type) {
	case *ast.CallExpr:
		s.call(n)
	case *ast.CompositeLit:
		s.composite(n)
	case *ast.BasicLit:
		if n.Kind == token.STRING {
			s.literal(n)
		}
	case *ast.BinaryExpr:
		s.comparison(n)
	case *ast.GenDecl:
		if n.Tok == token.CONST && len(s.stack) > 2 { // inside a function
			s.localConsts.add(n)
		}
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, r := range n.Rhs {
				if lit := stringLit(r); lit != nil {
					s.litContext[lit] = s.exprName(n.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		if len(n.Names) == len(n.Values) {
			for i, v := range n.Values {
				if lit := stringLit(v); lit != nil && n.Names[i] != nil {
					s.litContext[lit] = n.Names[i].Name
				}
			}
		}
	case *ast.KeyValueExpr:
		if lit := stringLit(n.Value); lit != nil {
			s.litContext[lit] = s.exprName(n.Key)
		}
	}
}

// stringLit returns e as a string literal, or nil. litContext maps such
// literals to the name they are assigned to.
func stringLit(e ast.Expr) *ast.BasicLit {
	if lit, ok := unparen(e).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		return lit
	}
	return nil
}

// leave runs after a node's children: assignments are tracked there, once
// the reads on their right-hand side are recorded.
func (s *walker) leave(n ast.Node) {
	if len(s.stack) == 1 { // left a top-level declaration
		s.localConsts = constScope{}
	}
	switch n := n.(type) {
	case *ast.FuncDecl:
		s.fn = nil
	case *ast.AssignStmt:
		if len(n.Lhs) == len(n.Rhs) {
			for i, lhs := range n.Lhs {
				s.track(lhs, n.Rhs[i])
			}
		} else {
			for _, lhs := range n.Lhs {
				s.track(lhs, nil)
			}
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			var rhs ast.Expr
			if len(n.Names) == len(n.Values) {
				rhs = n.Values[i]
			}
			s.track(name, rhs)
		}
	}
}

// scanImports records import facts and the names under which packages are
// visible (aliases honoured, blank and dot imports not named).
func (s *walker) scanImports(f *ast.File) {
	for _, spec := range f.Imports {
		if spec == nil || spec.Path == nil {
			continue
		}
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil || path == "" {
			continue
		}
		if path == pathTesting {
			s.hasTesting = true
		}
		name := assumedName(path)
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name != "_" && name != "." && name != "" {
			s.imports[name] = path
		}
		loc := s.span(spec.Pos(), spec.End())
		if underPath(path, pathSDK) || underPath(path, pathGodotenv) {
			s.res.Imports = append(s.res.Imports, facts.Import{Package: path, Language: Language, Location: loc})
		}
		if path == pathAutoload {
			s.res.DotenvLoads = append(s.res.DotenvLoads, facts.DotenvLoad{Kind: "godotenv", Path: defaultDotenv, Location: loc})
		}
	}
}

// callee resolves the function a call calls. With type information it is
// exact; otherwise a selector on an imported package name is taken at its
// word, and x.Setenv in a file importing "testing" is taken as the testing
// method.
func (s *walker) callee(call *ast.CallExpr) (funcRef, bool) {
	return s.funcOf(call.Fun)
}

// funcOf resolves a function-valued expression (a callee or a function
// passed as a value).
func (s *walker) funcOf(e ast.Expr) (funcRef, bool) {
	e = unparen(e)
	switch x := e.(type) {
	case *ast.IndexExpr: // generic instantiation
		e = unparen(x.X)
	case *ast.IndexListExpr:
		e = unparen(x.X)
	}
	if s.info != nil {
		var id *ast.Ident
		switch x := e.(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		}
		if id != nil {
			if obj, ok := s.info.Uses[id]; ok {
				fn, ok := obj.(*types.Func)
				if !ok || fn.Pkg() == nil {
					return funcRef{}, false
				}
				sig, _ := fn.Type().(*types.Signature)
				return funcRef{path: fn.Pkg().Path(), name: fn.Name(), method: sig != nil && sig.Recv() != nil}, true
			}
		}
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel == nil {
		return funcRef{}, false
	}
	if x, ok := unparen(sel.X).(*ast.Ident); ok {
		if path, ok := s.imports[x.Name]; ok {
			return funcRef{path: path, name: sel.Sel.Name}, true
		}
	}
	if sel.Sel.Name == "Setenv" && s.hasTesting {
		return funcRef{path: pathTesting, name: "Setenv", method: true}, true
	}
	return funcRef{}, false
}

func (s *walker) call(call *ast.CallExpr) {
	fn, ok := s.callee(call)
	if !ok {
		return
	}
	args := call.Args
	switch {
	case fn.method:
		if fn.path == pathTesting && fn.name == "Setenv" && len(args) == 2 {
			s.write(call, args[0], args[1], false)
		}
	case fn.path == pathOS:
		switch fn.name {
		case "Getenv":
			if len(args) == 1 {
				s.read(call, args[0], s.guardCalls[call])
			}
		case "LookupEnv":
			if len(args) == 1 {
				s.read(call, args[0], s.okUsed(call))
			}
		case "Setenv":
			if len(args) == 2 {
				s.write(call, args[0], args[1], false)
			}
		case "Unsetenv":
			if len(args) == 1 {
				s.write(call, args[0], nil, true)
			}
		case "ExpandEnv":
			if len(args) == 1 {
				s.expand(call, args[0])
			}
		case "Expand":
			if len(args) == 2 {
				if g, ok := s.funcOf(args[1]); ok && !g.method && g.path == pathOS && g.name == "Getenv" {
					s.expand(call, args[0])
				}
			}
		}
	case fn.path == pathSyscall || fn.path == pathUnix:
		switch fn.name {
		case "Getenv": // (value string, found bool)
			if len(args) == 1 {
				s.read(call, args[0], s.okUsed(call))
			}
		case "Setenv":
			if len(args) == 2 {
				s.write(call, args[0], args[1], false)
			}
		case "Unsetenv":
			if len(args) == 1 {
				s.write(call, args[0], nil, true)
			}
		}
	case fn.path == pathGodotenv:
		switch fn.name {
		case "Load", "Overload", "Read":
			load := facts.DotenvLoad{Kind: "godotenv", Location: s.span(call.Pos(), call.End())}
			if len(args) == 0 {
				load.Path = defaultDotenv
			} else if v, ok := s.strValue(args[0]); ok && !call.Ellipsis.IsValid() {
				load.Path = safeName(v)
			}
			s.res.DotenvLoads = append(s.res.DotenvLoads, load)
		}
	case underPath(fn.path, pathSDK):
		if token.IsExported(fn.name) {
			s.res.RemotionCalls = append(s.res.RemotionCalls, facts.RemotionCall{
				Function: fn.name,
				Language: Language,
				Location: s.span(call.Pos(), call.End()),
			})
		}
	}
}

// okUsed reports whether the second result of a (value, found) call is
// assigned to a named variable: `_, ok := os.LookupEnv("X")`.
func (s *walker) okUsed(call *ast.CallExpr) bool {
	parent, child := s.parent()
	if child == nil || unparen(child) != ast.Expr(call) {
		return false
	}
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) == 2 {
			id, ok := p.Lhs[1].(*ast.Ident)
			return ok && id.Name != "_"
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) == 2 && p.Names[1] != nil {
			return p.Names[1].Name != "_"
		}
	}
	return false
}

// parent returns the nearest ancestor of the node being visited that is not
// a parenthesis, and the child of that ancestor on the way down (which may
// be a parenthesised form of the node).
func (s *walker) parent() (ast.Node, ast.Expr) {
	for i := len(s.stack) - 2; i >= 0; i-- {
		if _, ok := s.stack[i].(*ast.ParenExpr); ok {
			continue
		}
		child, _ := s.stack[i+1].(ast.Expr)
		return s.stack[i], child
	}
	return nil, nil
}

// name classifies a variable-name argument: a constant name, or a dynamic
// name with its constant prefix.
func (s *walker) name(e ast.Expr) (name, prefix string, dynamic bool) {
	n, complete := s.prefix(e, 0)
	n = safeName(n)
	if complete {
		return n, "", false
	}
	return "", n, true
}

func (s *walker) read(call *ast.CallExpr, arg ast.Expr, guard bool) {
	name, prefix, dynamic := s.name(arg)
	s.readIndex[call] = len(s.res.Reads)
	s.res.Reads = append(s.res.Reads, facts.EnvAccess{
		Name:     name,
		Prefix:   prefix,
		Dynamic:  dynamic,
		Guard:    guard,
		Language: Language,
		Location: s.span(call.Pos(), call.End()),
	})
}

func (s *walker) write(call *ast.CallExpr, nameArg, valueArg ast.Expr, unset bool) {
	name, prefix, dynamic := s.name(nameArg)
	w := facts.EnvAccess{
		Name:     name,
		Prefix:   prefix,
		Dynamic:  dynamic,
		Unset:    unset,
		Language: Language,
		Location: s.span(call.Pos(), call.End()),
	}
	if valueArg != nil {
		if lit := stringLit(valueArg); lit != nil {
			s.litContext[lit] = name
			if dynamic {
				s.litContext[lit] = prefix
			}
		}
		if v, ok := s.strValue(valueArg); ok {
			w.Literal = true
			w.Shape = secret.Shape(v)
			if !dynamic && secret.NonSecretName(name) && !credentialShaped(v) {
				w.Value = v
			}
		}
	}
	s.res.Writes = append(s.res.Writes, w)
}

// expand records the variables that os.ExpandEnv / os.Expand(s, os.Getenv)
// reads from a constant template. A string literal gives each reference its
// own span; a named constant gives the call's span.
func (s *walker) expand(call *ast.CallExpr, arg ast.Expr) {
	if lit, ok := unparen(arg).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		raw := lit.Value
		if len(raw) < 2 {
			return
		}
		exact := lit.End()-lit.Pos() == token.Pos(len(raw))
		for _, r := range shellRefs(raw[1 : len(raw)-1]) {
			loc := s.span(lit.Pos(), lit.End())
			if exact {
				start := lit.Pos() + 1 + token.Pos(r.start)
				loc = s.span(start, start+token.Pos(r.end-r.start))
			}
			s.res.Reads = append(s.res.Reads, facts.EnvAccess{Name: safeName(r.name), Language: Language, Location: loc})
		}
		return
	}
	v, ok := s.strValue(arg)
	if !ok {
		return
	}
	for _, r := range shellRefs(v) {
		s.res.Reads = append(s.res.Reads, facts.EnvAccess{Name: safeName(r.name), Language: Language, Location: s.span(call.Pos(), call.End())})
	}
}

// comparison marks presence checks: x == "" / x != "" and len(x) compared
// with 0, where x is an os.Getenv call or a variable holding its result.
func (s *walker) comparison(b *ast.BinaryExpr) {
	switch b.Op {
	case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
	default:
		return
	}
	for _, pair := range [2][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		x, other := unparen(pair[0]), pair[1]
		if x == nil || other == nil {
			continue
		}
		if b.Op == token.EQL || b.Op == token.NEQ {
			if s.isEmptyString(other) {
				s.markGuard(x)
			}
		}
		if call, ok := x.(*ast.CallExpr); ok && len(call.Args) == 1 && s.isBuiltinLen(call.Fun) && s.isZero(other) {
			s.markGuard(unparen(call.Args[0]))
		}
	}
}

func (s *walker) markGuard(x ast.Expr) {
	switch x := x.(type) {
	case *ast.CallExpr:
		s.guardCalls[x] = true
	case *ast.Ident:
		if i, ok := s.lookupVar(x); ok {
			s.res.Reads[i].Guard = true
		}
	}
}

// track records (or forgets) that the variable lhs holds the result of an
// os.Getenv read.
func (s *walker) track(lhs ast.Expr, rhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	key := s.varKeyOf(id)
	if call, ok := unparen(rhs).(*ast.CallExpr); ok {
		if i, ok := s.readIndex[call]; ok && s.isGetenv(call) {
			s.vars[key] = i
			return
		}
	}
	delete(s.vars, key)
}

func (s *walker) isGetenv(call *ast.CallExpr) bool {
	fn, ok := s.callee(call)
	return ok && !fn.method && fn.path == pathOS && fn.name == "Getenv"
}

func (s *walker) lookupVar(id *ast.Ident) (int, bool) {
	key := s.varKeyOf(id)
	if i, ok := s.vars[key]; ok {
		return i, true
	}
	if key.obj == nil && key.scope != nil {
		i, ok := s.vars[varKey{name: id.Name}]
		return i, ok
	}
	return 0, false
}

func (s *walker) varKeyOf(id *ast.Ident) varKey {
	if s.info != nil {
		if obj := s.info.Defs[id]; obj != nil {
			return varKey{obj: obj}
		}
		if obj := s.info.Uses[id]; obj != nil {
			return varKey{obj: obj}
		}
	}
	if s.fn != nil {
		return varKey{scope: s.fn, name: id.Name}
	}
	return varKey{name: id.Name}
}

func (s *walker) isBuiltinLen(fun ast.Expr) bool {
	id, ok := unparen(fun).(*ast.Ident)
	if !ok || id.Name != "len" {
		return false
	}
	if s.info != nil {
		if obj, ok := s.info.Uses[id]; ok {
			_, builtin := obj.(*types.Builtin)
			return builtin
		}
	}
	return true
}

// composite records composite literals of the SDK's option types with the
// region they set.
func (s *walker) composite(lit *ast.CompositeLit) {
	path, name, ok := s.compositeType(lit)
	if !ok || !underPath(path, pathSDK) || !token.IsExported(name) {
		return
	}
	var region ast.Expr
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Region" && kv.Value != nil {
			region = unparen(kv.Value)
		}
	}
	if region == nil && !strings.HasSuffix(name, "Options") && !strings.HasSuffix(name, "Config") {
		return
	}
	rc := facts.RemotionCall{Function: name, Language: Language, Location: s.span(lit.Pos(), lit.End())}
	if c, ok := s.regionConstant(region); ok {
		rc.RegionValues = append(rc.RegionValues, c)
	} else if region != nil {
		if v, ok := s.strValue(region); ok && v != "" {
			rc.Region = safeName(v)
			if bl, ok := region.(*ast.BasicLit); ok && bl.End()-bl.Pos() >= 2 {
				rc.RegionLocation = s.span(bl.Pos()+1, bl.End()-1)
			} else {
				rc.RegionLocation = s.span(region.Pos(), region.End())
			}
		}
	}
	s.res.RemotionCalls = append(s.res.RemotionCalls, rc)
}

// regionConstant reads a region given as a string constant: an identifier
// (a constant of this file in syntax mode, of the package with type
// information) or, with type information, a qualified identifier naming
// another package's constant. The location is the use site.
func (s *walker) regionConstant(e ast.Expr) (facts.RegionValue, bool) {
	var name string
	switch x := e.(type) {
	case *ast.Ident:
		name = x.Name
		if s.info != nil {
			// Not recorded: the syntax decides, as strValue does.
			if obj, found := s.info.Uses[x]; found {
				if _, ok := obj.(*types.Const); !ok {
					return facts.RegionValue{}, false
				}
			}
		}
	case *ast.SelectorExpr:
		pkg, ok := unparen(x.X).(*ast.Ident)
		if s.info == nil || !ok || x.Sel == nil {
			return facts.RegionValue{}, false
		}
		if _, ok := s.info.Uses[x.Sel].(*types.Const); !ok {
			return facts.RegionValue{}, false
		}
		name = pkg.Name + "." + x.Sel.Name
	default:
		return facts.RegionValue{}, false
	}
	v, ok := s.strValue(e)
	if !ok || v == "" {
		return facts.RegionValue{}, false
	}
	return facts.RegionValue{Constant: safeName(name), Value: safeName(v), Location: s.span(e.Pos(), e.End())}, true
}

// compositeType returns the package path and name of a composite literal's
// named type.
func (s *walker) compositeType(lit *ast.CompositeLit) (path, name string, ok bool) {
	if s.info != nil {
		if tv, found := s.info.Types[lit]; found && tv.Type != nil {
			t := types.Unalias(tv.Type)
			if p, isPtr := t.(*types.Pointer); isPtr {
				t = types.Unalias(p.Elem())
			}
			named, isNamed := t.(*types.Named)
			if !isNamed || named.Obj() == nil || named.Obj().Pkg() == nil {
				return "", "", false
			}
			return named.Obj().Pkg().Path(), named.Obj().Name(), true
		}
	}
	typ := unparen(lit.Type)
	switch t := typ.(type) {
	case *ast.IndexExpr:
		typ = unparen(t.X)
	case *ast.IndexListExpr:
		typ = unparen(t.X)
	}
	sel, isSel := typ.(*ast.SelectorExpr)
	if !isSel || sel.Sel == nil {
		return "", "", false
	}
	x, isIdent := unparen(sel.X).(*ast.Ident)
	if !isIdent {
		return "", "", false
	}
	p, found := s.imports[x.Name]
	return p, sel.Sel.Name, found
}

// literal records string literals shaped like AWS credentials.
func (s *walker) literal(lit *ast.BasicLit) {
	v, err := strconv.Unquote(lit.Value)
	if err != nil {
		return
	}
	ctx := s.litContext[lit]
	if secret.IsKeyID(v) {
		if shape := secret.Shape(v); shape == facts.ShapeAccessKeyID || shape == facts.ShapeTempKeyID {
			s.addLiteral(shape, secret.Display(v), ctx, s.span(lit.Pos(), lit.End()))
		}
		return
	}
	if ctx != "" && secret.IsSecretKey(v) && strings.Contains(strings.ToLower(ctx), "secret") && secret.Shape(v) != facts.ShapePlaceholder {
		s.addLiteral("secret", "", ctx, s.span(lit.Pos(), lit.End()))
		return
	}
	// Key ids inside a longer literal ("aws_access_key_id=AKIA..."), found in
	// the source text so that each gets its own span.
	raw := lit.Value
	exact := lit.End()-lit.Pos() == token.Pos(len(raw))
	for start := 0; start < len(raw); {
		if !isKeyIDChar(raw[start]) {
			start++
			continue
		}
		end := start
		for end < len(raw) && isKeyIDChar(raw[end]) {
			end++
		}
		if tok := raw[start:end]; secret.IsKeyID(tok) {
			if shape := secret.Shape(tok); shape == facts.ShapeAccessKeyID || shape == facts.ShapeTempKeyID {
				loc := s.span(lit.Pos(), lit.End())
				if exact {
					loc = s.span(lit.Pos()+token.Pos(start), lit.Pos()+token.Pos(end))
				}
				s.addLiteral(shape, secret.Display(tok), "", loc)
			}
		}
		start = end
	}
}

func (s *walker) addLiteral(shape, display, ctx string, loc facts.Location) {
	s.res.Literals = append(s.res.Literals, facts.Literal{
		Shape:    shape,
		Display:  display,
		Context:  safeName(ctx),
		Language: Language,
		Location: loc,
	})
}

func isKeyIDChar(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// exprName is the name an assignment target or key stands for.
func (s *walker) exprName(e ast.Expr) string {
	switch x := unparen(e).(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		if x.Sel != nil {
			return x.Sel.Name
		}
	case *ast.StarExpr:
		return s.exprName(x.X)
	case *ast.IndexExpr:
		if v, ok := s.strValue(x.Index); ok {
			return v
		}
	case *ast.BasicLit:
		if v, ok := s.strValue(x); ok {
			return v
		}
	}
	return ""
}

// span converts a node span to a Location without honouring //line
// directives (facts point at the bytes of the file itself).
func (s *walker) span(pos, end token.Pos) facts.Location {
	if !pos.IsValid() {
		return facts.Location{}
	}
	p := s.fset.PositionFor(pos, false)
	loc := facts.Location{Line: p.Line, Column: p.Column}
	if end.IsValid() && end >= pos {
		if e := s.fset.PositionFor(end, false); e.IsValid() {
			loc.EndLine, loc.EndColumn = e.Line, e.Column
			// A token.File records no line after a newline that ends the
			// file, so a span that takes it in (an unterminated raw
			// string) would end past its last line: it ends at the start
			// of the next one.
			if n := len(s.src); n > 0 && e.Offset == n && s.src[n-1] == '\n' {
				loc.EndLine, loc.EndColumn = e.Line+1, 1
			}
		}
	}
	return loc
}

func (s *walker) sortResult() { s.res.Sort() }

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

// underPath reports whether path is root or a package below it.
func underPath(path, root string) bool {
	return path == root || strings.HasPrefix(path, root+"/")
}

// credentialShaped reports whether a value looks like a credential, whatever
// name it is assigned to.
func credentialShaped(v string) bool {
	return secret.IsKeyID(v) || secret.IsSecretKey(v)
}

// safeName keeps credential-shaped text out of names: a key id is replaced by
// its display form, a secret-shaped string by "".
func safeName(n string) string {
	switch {
	case secret.IsKeyID(n):
		return secret.Display(n)
	case secret.IsSecretKey(n):
		return ""
	}
	return n
}
