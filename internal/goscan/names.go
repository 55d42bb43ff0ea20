package goscan

import (
	"go/ast"
	"go/constant"
	"go/token"
	"path"
	"strconv"
	"strings"
	"unicode"
)

// maxConst caps the length of a folded string constant. Variable names,
// regions, paths and format strings are short; the cap keeps hostile
// constant chains (A1 = A0 + A0, ...) linear.
const maxConst = 4096

// maxConstDepth caps how many named constants one evaluation follows.
const maxConstDepth = 64

// prefix evaluates a variable-name expression. It returns the whole name and
// complete=true for a constant, or the constant text the name starts with and
// complete=false for a name computed at run time:
//
//	"AWS_KEY_" + strconv.Itoa(i)    -> "AWS_KEY_", false
//	fmt.Sprintf("AWS_KEY_%d", i)    -> "AWS_KEY_", false
//	fmt.Sprint("AWS_KEY_", i)       -> "AWS_KEY_", false
func (s *walker) prefix(e ast.Expr, depth int) (string, bool) {
	if v, ok := s.strValue(e); ok {
		return v, true
	}
	if depth > maxConstDepth {
		return "", false
	}
	switch x := unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		var b strings.Builder
		for _, op := range flattenAdd(x) {
			if v, ok := s.strValue(op); ok {
				if b.Len()+len(v) > maxConst {
					return b.String(), false
				}
				b.WriteString(v)
				continue
			}
			p, _ := s.prefix(op, depth+1)
			if b.Len()+len(p) <= maxConst {
				b.WriteString(p)
			}
			return b.String(), false
		}
		return b.String(), true
	case *ast.CallExpr:
		fn, ok := s.callee(x)
		if !ok || fn.method || fn.path != pathFmt || x.Ellipsis.IsValid() {
			return "", false
		}
		switch fn.name {
		case "Sprintf":
			if len(x.Args) == 0 {
				return "", false
			}
			format, ok := s.strValue(x.Args[0])
			if !ok {
				return "", false
			}
			return s.sprintf(format, x.Args[1:])
		case "Sprint":
			// Sprint adds no space next to a string operand, so leading
			// constant strings concatenate.
			var b strings.Builder
			for _, a := range x.Args {
				v, ok := s.strValue(a)
				if !ok || b.Len()+len(v) > maxConst {
					return b.String(), false
				}
				b.WriteString(v)
			}
			return b.String(), true
		}
	}
	return "", false
}

// flattenAdd lists the operands of a chain of + in order, without recursion
// on the left spine.
func flattenAdd(x *ast.BinaryExpr) []ast.Expr {
	var rev []ast.Expr
	var e ast.Expr = x
	for {
		b, ok := unparen(e).(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			rev = append(rev, e)
			break
		}
		rev = append(rev, b.Y)
		e = b.X
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// sprintf expands a format as far as its verbs have constant operands: %s
// and %v with a constant string, %d and %v with a constant integer. It
// returns the text before the first verb it cannot expand.
func (s *walker) sprintf(format string, args []ast.Expr) (string, bool) {
	var b strings.Builder
	argi := 0
	for i := 0; i < len(format); {
		if b.Len() > maxConst {
			return "", false
		}
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			b.WriteByte('%')
			i += 2
			continue
		}
		if i+1 >= len(format) || argi >= len(args) {
			return b.String(), false
		}
		verb := format[i+1]
		var v string
		var ok bool
		switch verb {
		case 's':
			v, ok = s.strValue(args[argi])
		case 'd':
			v, ok = s.intValue(args[argi])
		case 'v':
			if v, ok = s.strValue(args[argi]); !ok {
				v, ok = s.intValue(args[argi])
			}
		}
		if !ok {
			return b.String(), false
		}
		b.WriteString(v)
		argi++
		i += 2
	}
	return b.String(), argi == len(args)
}

// strValue folds a constant string expression: a literal, a constant, or a
// sum of them. Type information is used when it records the expression.
func (s *walker) strValue(e ast.Expr) (string, bool) {
	return s.strValueDepth(e, 0)
}

func (s *walker) strValueDepth(e ast.Expr, depth int) (string, bool) {
	if e == nil {
		return "", false
	}
	if s.info != nil {
		if tv, ok := s.info.Types[e]; ok {
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return "", false
			}
			v := constant.StringVal(tv.Value)
			return v, len(v) <= maxConst
		}
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return s.strValueDepth(x.X, depth)
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(x.Value)
		return v, err == nil && len(v) <= maxConst
	case *ast.Ident:
		return s.constString(x.Name, depth)
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		l, ok := s.strValueDepth(x.X, depth)
		if !ok {
			return "", false
		}
		r, ok := s.strValueDepth(x.Y, depth)
		if !ok || len(l)+len(r) > maxConst {
			return "", false
		}
		return l + r, true
	}
	return "", false
}

// intValue folds a constant integer to its decimal text.
func (s *walker) intValue(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if s.info != nil {
		if tv, ok := s.info.Types[e]; ok {
			if tv.Value == nil || tv.Value.Kind() != constant.Int {
				return "", false
			}
			return tv.Value.ExactString(), true
		}
	}
	lit, ok := unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.INT {
		return "", false
	}
	n, err := strconv.ParseInt(lit.Value, 0, 64)
	if err != nil {
		return "", false
	}
	return strconv.FormatInt(n, 10), true
}

func (s *walker) isEmptyString(e ast.Expr) bool {
	v, ok := s.strValue(e)
	return ok && v == ""
}

func (s *walker) isZero(e ast.Expr) bool {
	v, ok := s.intValue(e)
	return ok && v == "0"
}

// constScope indexes string-valued constant declarations by name, with the
// folded values memoised.
type constScope struct {
	decls map[string]ast.Expr
	memo  map[string]constVal
}

// add indexes the constants of one const declaration. Implicit repetition
// in a group repeats the previous expression list.
func (c *constScope) add(gd *ast.GenDecl) {
	if c.decls == nil {
		c.decls = map[string]ast.Expr{}
		c.memo = map[string]constVal{}
	}
	var prev []ast.Expr
	for _, spec := range gd.Specs {
		vs, ok := spec.(*ast.ValueSpec)
		if !ok {
			continue
		}
		values := vs.Values
		if len(values) == 0 && vs.Type == nil {
			values = prev
		} else {
			prev = values
		}
		for i, id := range vs.Names {
			if id == nil || id.Name == "_" {
				continue
			}
			var v ast.Expr
			if len(values) == len(vs.Names) {
				v = values[i]
			}
			if _, dup := c.decls[id.Name]; dup {
				v = nil
			}
			c.decls[id.Name] = v
			delete(c.memo, id.Name)
		}
	}
}

// constString folds a string constant declared in this file: one of the
// enclosing function's, declared before this point, else a package-level
// one. A name declared twice in one scope is not folded.
func (s *walker) constString(name string, depth int) (string, bool) {
	if depth > maxConstDepth {
		return "", false
	}
	if _, ok := s.localConsts.decls[name]; ok {
		return s.localConsts.fold(s, name, depth)
	}
	if s.pkgConsts.decls == nil {
		s.pkgConsts.decls = map[string]ast.Expr{}
		s.pkgConsts.memo = map[string]constVal{}
		if s.file != nil {
			for _, d := range s.file.Decls {
				if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.CONST {
					s.pkgConsts.add(gd)
				}
			}
		}
	}
	return s.pkgConsts.fold(s, name, depth)
}

func (c *constScope) fold(s *walker, name string, depth int) (string, bool) {
	if m, ok := c.memo[name]; ok {
		return m.s, m.ok && m.state == 2
	}
	e := c.decls[name]
	if e == nil {
		return "", false
	}
	c.memo[name] = constVal{state: 1} // breaks cycles
	v, ok := s.strValueDepth(e, depth+1)
	c.memo[name] = constVal{s: v, ok: ok, state: 2}
	return v, ok
}

// shellRef is one $NAME or ${NAME} reference in an os.ExpandEnv template;
// start and end are byte offsets of the whole reference.
type shellRef struct {
	name       string
	start, end int
}

// shellRefs lists the references os.Expand would look up, keeping only
// names shaped like environment variables (letters, digits, underscores, not
// starting with a digit).
func shellRefs(t string) []shellRef {
	var refs []shellRef
	noClose := false // no '}' after the current position: "${" is bad syntax
	for i := 0; i < len(t); i++ {
		if t[i] != '$' || i+1 >= len(t) {
			continue
		}
		start := i
		rest := t[i+1:]
		var name string
		var w int
		switch {
		case rest[0] == '{':
			j := -1
			if !noClose {
				j = strings.IndexByte(rest, '}')
			}
			if j < 0 {
				noClose = true
				i++ // os.Expand skips "${" on bad syntax
				continue
			}
			name, w = rest[1:j], j+1
		case isShellSpecial(rest[0]):
			i++
			continue
		default:
			for w < len(rest) && isNameChar(rest[w]) {
				w++
			}
			name = rest[:w]
		}
		if w == 0 {
			continue
		}
		i += w
		if isEnvName(name) {
			refs = append(refs, shellRef{name: name, start: start, end: i + 1})
		}
	}
	return refs
}

func isShellSpecial(c byte) bool {
	return strings.IndexByte("*#$@!?-", c) >= 0 || ('0' <= c && c <= '9')
}

func isNameChar(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

func isEnvName(n string) bool {
	if n == "" || ('0' <= n[0] && n[0] <= '9') {
		return false
	}
	for i := 0; i < len(n); i++ {
		if !isNameChar(n[i]) {
			return false
		}
	}
	return true
}

// assumedName is the package name an unaliased import is assumed to declare
// (the goimports convention: last element, a /vN suffix skipped, a "go-"
// prefix dropped, cut at the first character that is not an identifier's).
func assumedName(importPath string) string {
	base := path.Base(importPath)
	if strings.HasPrefix(base, "v") {
		if _, err := strconv.Atoi(base[1:]); err == nil {
			if dir := path.Dir(importPath); dir != "." {
				base = path.Base(dir)
			}
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool {
		return !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r))
	}); i >= 0 {
		base = base[:i]
	}
	return base
}
