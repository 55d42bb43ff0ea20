package jsscan

import (
	"sort"
	"strings"

	"github.com/remolint/remolint/internal/facts"
)

// Regions through constants.
//
// A region passed to a Remotion API as an identifier, or as an operand of a
// conditional or fallback, is resolved after the main pass: against the
// string constants of the file (`const REGION = "eu-west-1"`, recorded as
// token indices while the main pass meets them, so that a file without such
// a call pays nothing more), else against the bindings imported from
// relative modules, which the model resolves with the other file's Exports.

// constDecl is `const NAME [: T] = "lit" [as T]`: the token indices of the
// name and of the string.
type constDecl struct {
	name, val int32
	exported  bool
}

// exportRef is a name a module exports by other means than `export const`:
// `export { local as name }`, `exports.name = ...`, `module.exports = {...}`.
// val >= 0 is the token of a string literal, else local names a constant.
type exportRef struct {
	name  string
	local string
	val   int
}

// relImport is a binding of a name imported from a relative module.
type relImport struct {
	local, name, module string
}

// pendingRegion is an identifier passed as a region (or one operand of the
// region expression) by call RemotionCalls[call].
type pendingRegion struct {
	call, tok int
}

// constDecl records the string constants declared by the `const` at token i.
func (s *scanner) constDecl(i int) {
	if s.member(i) {
		return
	}
	exported := s.isI(i-1, "export") && !s.member(i-1)
	k := i + 1
	for {
		if s.kind(k) != tIdent {
			return
		}
		name := k
		k++
		if s.isP(k, ":") {
			if k = s.skipType(k + 1); k < 0 {
				return
			}
		}
		if !s.isP(k, "=") || !s.isStr(k+1) {
			return
		}
		v := k + 1
		k = v + 1
		if s.isI(k, "as") || s.isI(k, "satisfies") {
			if s.kind(k+1) != tIdent {
				return
			}
			k += 2
		}
		if !s.exprEnds(k) {
			return
		}
		s.decls = append(s.decls, constDecl{name: int32(name), val: int32(v), exported: exported})
		if exported {
			s.exports = true
		}
		if !s.isP(k, ",") {
			return
		}
		k++
	}
}

// skipType skips a short TypeScript type annotation starting at token k and
// returns the index of the '=' after it, or -1.
func (s *scanner) skipType(k int) int {
	depth := 0
	for n := 0; n < 32; n, k = n+1, k+1 {
		t := s.tok(k)
		switch t.kind {
		case tIdent, tString, tTemplate, tNum:
			continue
		case tPunct:
			switch string(s.src[t.start:t.end]) {
			case "=":
				if depth == 0 {
					return k
				}
				return -1
			case "<":
				depth++
				continue
			case ">":
				depth--
			case ">>":
				depth -= 2
			case ",":
				if depth > 0 {
					continue
				}
				return -1
			case ".", "|", "&", "[", "]":
				continue
			default:
				return -1
			}
			if depth < 0 {
				return -1
			}
			continue
		}
		return -1
	}
	return -1
}

// exportList records `export { a, b as c }` (no from) between the braces
// at open and close.
func (s *scanner) exportList(open, close int) {
	s.eachItem(open, close, func(a, b int) {
		if s.kind(a) != tIdent {
			return
		}
		local := string(s.raw(a))
		switch {
		case b == a+1:
			s.exportRefs = append(s.exportRefs, exportRef{name: local, local: local, val: -1})
		case b == a+3 && s.isI(a+1, "as") && s.kind(a+2) == tIdent:
			s.exportRefs = append(s.exportRefs, exportRef{name: string(s.raw(a + 2)), local: local, val: -1})
		case b == a+3 && s.isI(a+1, "as") && s.kind(a+2) == tString:
			s.exportRefs = append(s.exportRefs, exportRef{name: s.str(a + 2), local: local, val: -1})
		}
	})
}

// cjsExports handles `exports.NAME = v` at token i (the `exports` token).
func (s *scanner) cjsExports(i int) {
	if s.member(i) || !s.isP(i+1, ".") || s.kind(i+2) != tIdent {
		return
	}
	s.cjsAssign(i+2, i+3)
}

// cjsModule handles `module.exports.NAME = v` and `module.exports = {...}`
// at token i (the `module` token).
func (s *scanner) cjsModule(i int) {
	if s.member(i) || !s.isP(i+1, ".") || !s.isI(i+2, "exports") {
		return
	}
	switch {
	case s.isP(i+3, ".") && s.kind(i+4) == tIdent:
		s.cjsAssign(i+4, i+5)
	case s.isP(i+3, "=") && s.isP(i+4, "{"):
		m := s.match(i + 4)
		if m < 0 {
			return
		}
		s.eachItem(i+4, m, func(a, b int) {
			p := s.prop(a, b)
			if !p.ok || p.spread || p.computed || p.method || p.hasDefault {
				return
			}
			switch {
			case p.valA < 0:
				if p.ident {
					s.addExportRef(p.key, p.keyA)
				}
			case p.valB == p.valA+1:
				s.addExportRef(p.key, p.valA)
			}
		})
	}
}

// cjsAssign records `NAME = v` where the name is token name and '=' token eq.
func (s *scanner) cjsAssign(name, eq int) {
	if !s.isP(eq, "=") || !s.exprEnds(eq+2) {
		return
	}
	s.addExportRef(string(s.raw(name)), eq+1)
}

// addExportRef records the export name whose value is token v: a string
// literal or an identifier naming a constant.
func (s *scanner) addExportRef(name string, v int) {
	switch {
	case s.isStr(v):
		s.exportRefs = append(s.exportRefs, exportRef{name: name, val: v})
	case s.kind(v) == tIdent:
		s.exportRefs = append(s.exportRefs, exportRef{name: name, local: string(s.raw(v)), val: -1})
	}
}

// isRelative reports whether a module specifier names a file of the
// project.
func isRelative(pkg string) bool {
	return strings.HasPrefix(pkg, "./") || strings.HasPrefix(pkg, "../") || pkg == "." || pkg == ".."
}

// relRequire records the names bound from require("./m") at token i, whose
// closing parenthesis is token end: `const { A, B: b } = require(P)` and
// `const a = require(P).A`.
func (s *scanner) relRequire(i, end int, pkg string) {
	if !s.isP(i-1, "=") {
		return
	}
	if s.kind(i-2) == tIdent && !s.member(i-2) && s.isP(end+1, ".") && s.kind(end+2) == tIdent && s.exprEnds(end+3) {
		s.relImports = append(s.relImports, relImport{local: string(s.raw(i - 2)), name: string(s.raw(end + 2)), module: pkg})
		return
	}
	if !s.isP(i-2, "}") || !s.exprEnds(end+1) {
		return
	}
	o := s.match(i - 2)
	if o < 0 || o >= i-2 {
		return
	}
	s.eachItem(o, i-2, func(a, b int) {
		p := s.prop(a, b)
		if !p.ok || p.spread || p.computed || p.method {
			return
		}
		local := p.key
		if p.valA >= 0 && s.isP(p.valA-1, ":") {
			if s.kind(p.valA) != tIdent {
				return
			}
			local = string(s.raw(p.valA))
		} else if !p.ident {
			return
		}
		s.relImports = append(s.relImports, relImport{local: local, name: p.key, module: pkg})
	})
}

// regionValue records the value [a, b) of a `region` property of the call
// that will be RemotionCalls[call], when it is not one literal: each
// operand at depth 0, split by ? : || ?? &&, that is one string literal or
// one identifier (not the test of a conditional).
func (s *scanner) regionValue(rc *facts.RemotionCall, call, a, b int) {
	if b > len(s.toks) {
		b = len(s.toks)
	}
	op := a
	for k := a; k < b; k++ {
		t := s.toks[k]
		if m := int(t.match); m > k && m < b && (t.kind == tPunct || t.kind == tTemplateHead) {
			k = m
			continue
		}
		if t.kind != tPunct {
			continue
		}
		switch string(s.src[t.start:t.end]) {
		case "?":
			op = k + 1 // the test
		case ":", "||", "??", "&&":
			s.regionOperand(rc, call, op, k)
			op = k + 1
		}
	}
	s.regionOperand(rc, call, op, b)
}

// regionOperand records the operand [a, b) of a region expression.
func (s *scanner) regionOperand(rc *facts.RemotionCall, call, a, b int) {
	switch {
	case b == a+1:
	case b > a+2 && (s.isI(a+1, "as") || s.isI(a+1, "satisfies")):
	case b == a+2 && s.isP(a+1, "!"):
	default:
		return
	}
	switch s.kind(a) {
	case tString, tTemplate:
		v := safeName(s.str(a))
		if v == "" {
			return
		}
		x, e := s.content(a)
		rc.RegionValues = append(rc.RegionValues, facts.RegionValue{Value: v, Location: s.span(x, e)})
	case tIdent:
		s.pending = append(s.pending, pendingRegion{call: call, tok: a})
	}
}

// constValue is a constant's value and the token of its literal; tok < 0
// when the name is declared with different values.
type constValue struct {
	v   string
	tok int
}

// resolveConsts resolves the identifiers passed as regions and the file's
// exports, once the main pass is over.
func (s *scanner) resolveConsts() {
	if len(s.pending) == 0 && !s.exports && len(s.exportRefs) == 0 {
		return
	}
	var consts map[string]constValue
	if len(s.decls) > 0 {
		consts = make(map[string]constValue, len(s.decls))
	}
	for _, d := range s.decls {
		name, v := string(s.raw(int(d.name))), s.str(int(d.val))
		if c, ok := consts[name]; ok {
			if c.v != v {
				consts[name] = constValue{tok: -1}
			}
			continue
		}
		consts[name] = constValue{v: v, tok: int(d.val)}
	}
	s.resolveExports(consts)
	if len(s.pending) == 0 {
		return
	}
	var imports map[string]relImport
	if len(s.relImports) > 0 {
		imports = make(map[string]relImport, len(s.relImports))
		for _, im := range s.relImports {
			imports[im.local] = im
		}
	}
	for _, p := range s.pending {
		rc := &s.res.RemotionCalls[p.call]
		if c, ok := consts[string(s.raw(p.tok))]; ok {
			if c.tok >= 0 && c.v != "" {
				rc.RegionValues = append(rc.RegionValues, facts.RegionValue{
					Constant: safeName(string(s.raw(p.tok))), Value: safeName(c.v), Location: s.loc(p.tok, p.tok),
				})
			}
			continue
		}
		if im, ok := imports[string(s.raw(p.tok))]; ok {
			rc.RegionImports = append(rc.RegionImports, facts.ImportedConst{
				Local: im.local, Name: im.name, Module: im.module, Location: s.loc(p.tok, p.tok),
			})
		}
	}
	for i := range s.res.RemotionCalls {
		if vs := s.res.RemotionCalls[i].RegionValues; len(vs) > 1 {
			sort.SliceStable(vs, func(a, b int) bool { return facts.Before(vs[a].Location, vs[b].Location) })
		}
	}
}

// resolveExports fills Exports with the exported constants shaped like a
// region.
func (s *scanner) resolveExports(consts map[string]constValue) {
	add := func(name string, tok int) {
		v := s.str(tok)
		if !regionShaped(v) {
			return
		}
		a, e := s.content(tok)
		s.res.Exports = append(s.res.Exports, facts.ExportedConst{Name: safeName(name), Value: v, Location: s.span(a, e)})
	}
	if s.exports {
		for _, d := range s.decls {
			if d.exported {
				add(string(s.raw(int(d.name))), int(d.val))
			}
		}
	}
	for _, r := range s.exportRefs {
		if r.val >= 0 {
			add(r.name, r.val)
		} else if c, ok := consts[r.local]; ok && c.tok >= 0 {
			add(r.name, c.tok)
		}
	}
}

// regionShaped reports whether v may be meant as an AWS region, loosely
// (typos and wrong case included, so that unsupported-region can name
// them): 6 to 32 letters, digits and hyphens, two letters first, a digit
// last, at least one hyphen.
func regionShaped(v string) bool {
	if len(v) < 6 || len(v) > 32 || !isLetter(v[0]) || !isLetter(v[1]) || !isDigit(v[len(v)-1]) {
		return false
	}
	hyphen := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '-':
			hyphen = true
		case isLetter(c), isDigit(c):
		default:
			return false
		}
	}
	return hyphen
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
