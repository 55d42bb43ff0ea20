// Package goscan extracts credential-related facts from one Go source file:
// environment variable reads and writes, godotenv loads, imports of the
// Remotion Lambda Go SDK and godotenv, calls of the SDK, string literals shaped
// like AWS credentials, and every comment (for suppressions).
//
// One extractor serves every driver. The remolint CLI parses syntax only
// ([Parse]); go/analysis drivers pass the type information they already have
// ([File] with a non-nil *types.Info), which makes callee and constant
// resolution exact: a local function or variable named like os.Getenv is not
// mistaken for it, dot imports resolve, and constants from other files and
// packages are folded.
//
// Facts carry positions but no path or project (the caller fills
// Location.Path, Project, Known, Suggestion and Family). Secret values never
// enter a fact: key ids are kept only in their redacted display form
// ("AKIA…WXYZ") and secrets not at all.
package goscan

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/prefilter"
)

// Language is the value of every fact's Language field.
const Language = "go"

// Result holds the facts of one file. Each slice is in source order.
type Result struct {
	facts.SourceFacts
	// Comments lists every comment, for suppressions (and //nolint).
	Comments []Comment
}

// Comment is one comment and its span.
type Comment = facts.Comment

// SyntaxError reports that a file did not parse completely. It carries the
// position of the first error and the number of errors, never source text
// (go/parser messages quote the offending token, which may be a secret).
type SyntaxError struct {
	// Line and Column (1-based, bytes) locate the first error; 0 when unknown.
	Line, Column int
	// Count is the number of errors the parser reported (it stops after ten).
	Count int
}

func (e *SyntaxError) Error() string {
	msg := "syntax error"
	if e.Line > 0 {
		msg = fmt.Sprintf("syntax error at line %d, column %d", e.Line, e.Column)
	}
	if e.Count > 1 {
		msg += fmt.Sprintf(" (and %d more)", e.Count-1)
	}
	return msg
}

// File extracts the facts of f, whose positions belong to fset. info may be
// nil (syntax only); when it is given, callees, constants and composite
// literal types are taken from it wherever it records them, and from the
// syntax where it does not. File never fails: a partial AST yields the facts
// that can be found in it.
func File(fset *token.FileSet, f *ast.File, info *types.Info) *Result {
	return fileWithSource(fset, f, info, nil)
}

// fileWithSource is File for a file whose source is known (src may be nil).
func fileWithSource(fset *token.FileSet, f *ast.File, info *types.Info, src []byte) *Result {
	res := &Result{}
	if f == nil || fset == nil {
		return res
	}
	s := newScanner(fset, f, info, res)
	s.src = src
	s.run(f)
	return res
}

// Parse parses one Go file from src (never from disk) and extracts its facts
// without type information. On a syntax error it still returns the facts of
// the partial syntax tree, together with an error wrapping a *SyntaxError.
func Parse(filename string, src []byte) (*Result, error) {
	if src == nil {
		src = []byte{}
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	res := fileWithSource(fset, f, nil, src)
	if err != nil {
		return res, fmt.Errorf("parse go file %s: %w", filename, syntaxError(err, src))
	}
	return res, nil
}

// MayContainFacts is a cheap prefilter: when it returns false, Parse would
// find no fact other than comments, so a caller interested in facts may skip
// the file without parsing it. Every fact Parse finds comes with one of:
//   - "env" or "Env": os.Getenv, LookupEnv, Setenv, Unsetenv, ExpandEnv (and
//     Expand with os.Getenv), their syscall and x/sys/unix twins, t.Setenv
//     and every godotenv import path;
//   - "remotion": the import path of the Remotion Lambda Go SDK, which its
//     calls and option literals need;
//   - a key id prefix (AKIA, ASIA, ABIA, ACCA, A3T) in a literal;
//   - "secret" in any case: the name a secret-shaped literal is assigned to;
//   - or an escape that can spell any of them inside a literal (\x, \u, \U
//     or an octal digit after a backslash), which the raw bytes would hide.
//
// Most Go files of a monorepo hold none of them; package prefilter says what
// a search costs.
func MayContainFacts(src []byte) bool {
	return prefilter.Contains(src, "env", 2) || prefilter.Contains(src, "Env", 0) ||
		prefilter.Contains(src, "remotion", 2) || prefilter.KeyID(src) ||
		prefilter.ContainsFold(src, "secret", 2) || prefilter.Escape(src, goSpells)
}

// goSpells reports whether a backslash before c starts a Go escape that can
// stand for a letter or digit: \x, \u, \U or an octal one.
func goSpells(c byte) bool { return c == 'x' || c == 'u' || c == 'U' || ('0' <= c && c <= '7') }

// syntaxError turns a parser error into a *SyntaxError. Positions are
// recomputed from the byte offset so that //line directives cannot move them.
func syntaxError(err error, src []byte) *SyntaxError {
	se := &SyntaxError{Count: 1}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		se.Count = len(list)
		off := list[0].Pos.Offset
		if off >= 0 && off <= len(src) {
			se.Line, se.Column = lineCol(src, off)
		}
	}
	return se
}

// lineCol returns the 1-based line and byte column of offset off in src.
func lineCol(src []byte, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, off - start + 1
}
