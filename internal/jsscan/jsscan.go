// Package jsscan extracts credential-related facts from one JavaScript or
// TypeScript file (.js .mjs .cjs .jsx .ts .mts .cts .tsx): environment
// variable reads and writes (also through a const alias: `const env =
// process.env`, `const { env } = process`), imports of the Remotion Lambda
// and dotenv packages, calls of the Remotion Lambda APIs with the regions
// they receive (a literal, a string constant of the file, a name imported
// from a relative module for the model to resolve), dotenv loading, string
// literals shaped like AWS credentials, the module's exported region-shaped
// constants, and every comment (for suppressions).
//
// It is a hand-written tokenizer with pattern matching over the token stream,
// not a parser: one forward pass, linear time, no recursion, and it never
// fails. Comments and strings are told apart from code exactly (including
// template literals nested at any depth and regex literals versus division,
// decided from the previous significant token as JavaScript scanners do); JSX
// text is recognised approximately, and a misreading only loses facts near
// it. Malformed input (unterminated strings, comments, templates) ends at end
// of input.
//
// Facts carry positions but no path or project: the caller fills
// Location.Path, Project, Known, Suggestion and Family. Lines and columns are
// 1-based, columns count bytes, end positions are exclusive; lines end at
// '\n'. Secret values never enter a fact: key ids appear only in their
// redacted display form ("AKIA…WXYZ"), secrets not at all, and an assigned
// value is kept only for names that secret.NonSecretName accepts.
//
// Spans: an env access spans the whole access expression (process.env.X,
// process.env["X"], Deno.env.get("X")); a destructured read spans the
// property key; a call spans from the callee to its closing parenthesis; an
// import spans from the import/export/require keyword to the module string
// (or the closing parenthesis of a call); a literal spans the string
// including its quotes; a region location spans the region text without its
// quotes; a region value spans the constant's identifier at the call, or a
// literal operand's text without quotes; an export spans the text of its
// literal without quotes.
package jsscan

import (
	"bytes"
	"math"
	"path"
	"strings"
	"sync"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/prefilter"
)

// Language is the value of every fact's Language field.
const Language = "js"

// Result holds the facts of one file, each slice in source order.
type Result struct {
	facts.SourceFacts
	// Comments lists every comment, for suppressions (and //nolint).
	Comments []Comment
}

// Comment is one comment and its span.
type Comment = facts.Comment

// maxLen is the largest input scanned; bytes beyond it are ignored.
const maxLen = math.MaxInt32 - 1

// Scan extracts the facts of a JavaScript, TypeScript or JSX/TSX source with
// JSX recognition on (right for .js, .jsx, .mjs, .cjs and .tsx).
func Scan(src []byte) *Result {
	return scan(src, true, nil)
}

// ScanFile extracts the facts of the source of the file name, choosing the
// dialect from its extension: JSX is not recognised in .ts, .mts and .cts
// files, where '<' starts a type assertion or type parameters instead.
func ScanFile(name string, src []byte) *Result {
	return ScanFileKeeping(name, src, nil)
}

// ScanFileKeeping is ScanFile keeping only the comments whose text (with
// its delimiters) keep accepts; nil keeps every comment. A caller that
// reads few comments (suppression directives) saves copying the others
// and working out their positions.
func ScanFileKeeping(name string, src []byte, keep func(text []byte) bool) *Result {
	switch strings.ToLower(path.Ext(name)) {
	case ".ts", ".mts", ".cts":
		return scan(src, false, keep)
	}
	return scan(src, true, keep)
}

// Supported reports whether name has an extension this package scans.
func Supported(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx":
		return true
	}
	return false
}

// MayContainFacts is a cheap prefilter: when it returns false, Scan would
// find no fact other than comments, so a caller interested in facts may skip
// the file. A module exporting a region-shaped constant (Exports) passes:
// it contains "export" and a letter, '-', one or two digits and a quote.
//
// The words searched: at least one occurs in every source that yields a fact
// other than a comment ("env" covers process.env, import.meta.env, Deno.env,
// Bun.env and dotenv; AWS key ids start with AKIA, ASIA, ABIA, ACCA or A3T).
// Most sources hold none of them; package prefilter says what a search
// costs. The words are searched in the raw source, but Scan reads string
// literals decoded: a source with an escape that may spell a letter or digit
// (jsSpells) passes too.
func MayContainFacts(src []byte) bool {
	if prefilter.Contains(src, "env", 2) || prefilter.Contains(src, "remotion", 2) || prefilter.KeyID(src) ||
		prefilter.ContainsFold(src, "ecret", 1) || prefilter.Escape(src, jsSpells) {
		return true
	}
	return prefilter.Contains(src, "export", 1) && mayHoldRegion(src)
}

// jsSpells reports whether a backslash before c may spell a letter, a digit
// or '-' in a string literal: any letter or digit other than n, t, r, b, f
// and v, or '-'. \x and \u spell any character, a digit may start a legacy
// octal escape, and JavaScript decodes any other unknown escape to the
// character itself ("\KIA" is "KIA"): each could hide a word MayContainFacts
// looks for, or a region's "-". \n, \t, \r, \b, \f and \v stand for
// control characters only. Regular expressions (\d, \s, \w) pass too: the
// cost of scanning a file for nothing.
func jsSpells(c byte) bool {
	switch {
	case c == 'n' || c == 't' || c == 'r' || c == 'b' || c == 'f' || c == 'v':
		return false
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-':
		return true
	}
	return false
}

// mayHoldRegion reports whether src may contain a region-shaped string
// (regionShaped): a run of at least six letters, digits and '-' that starts
// with two letters, holds a '-' and ends in a digit, right after a quote and
// right before a quote, a line break, the first byte of U+2028 or U+2029, or
// the end of the input (where the lexer ends an unterminated string). Each
// byte is looked at no more than twice.
func mayHoldRegion(src []byte) bool {
	word := func(c byte) bool { return isLetter(c) || isDigit(c) || c == '-' }
	quote := func(c byte) bool { return c == '"' || c == '\'' || c == '`' }
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '-')
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+1
		for start > i && word(src[start-1]) {
			start--
		}
		for end < len(src) && word(src[end]) {
			end++
		}
		i = end
		if start == 0 || !quote(src[start-1]) || end-start < 6 ||
			!isLetter(src[start]) || !isLetter(src[start+1]) || !isDigit(src[end-1]) {
			continue
		}
		if end == len(src) || quote(src[end]) || src[end] == '\n' || src[end] == '\r' || src[end] == 0xE2 {
			return true
		}
	}
	return false
}

func scan(src []byte, jsx bool, keep func([]byte) bool) *Result {
	if len(src) > maxLen {
		src = src[:maxLen]
	}
	buf := tokenBufs.Get().(*[]token)
	lx := lexInto(src, jsx, *buf)
	s := &scanner{src: src, toks: lx.toks, res: &Result{}}
	s.extract()
	s.comments(lx.comments, keep)
	s.finish()
	// The tokens go back for the next file (nothing in the result refers
	// to them), unless they grew too large to keep.
	if cap(lx.toks) <= maxPooledTokens {
		*buf = lx.toks[:0]
		tokenBufs.Put(buf)
	}
	// So does the line index, built only for files with a fact or comment
	// (results hold line and column numbers, not the index).
	if s.liBuf != nil && cap(s.li.starts) <= maxPooledLines {
		*s.liBuf = s.li.starts[:0]
		lineBufs.Put(s.liBuf)
	}
	return s.res
}

// tokenBufs recycles token slices between files: allocating one per file
// was the scanner's largest allocation.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// maxPooledTokens bounds the token slices kept for reuse (16 bytes each).
const maxPooledTokens = 1 << 16

// lineBufs recycles the line indexes' tables of line starts.
var lineBufs = sync.Pool{New: func() any { return new([]int) }}

// maxPooledLines bounds the tables kept for reuse (8 bytes a line).
const maxPooledLines = 1 << 16
