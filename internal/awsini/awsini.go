package awsini

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/remolint/remolint/internal/facts"
)

// File flavours.
const (
	FlavourCredentials = "credentials"
	FlavourConfig      = "config"
)

// Anomaly kinds. The identifiers are stable.
const (
	// A non-blank, non-comment line that is neither a section header nor a
	// key line ("text", "= value", "key: value").
	KindLineNotUnderstood = "line-not-understood"
	// A key line before the first section header.
	KindKeyOutsideSection = "key-outside-section"
	// A line starting with '[' that has no ']'.
	KindUnterminatedSectionHeader = "unterminated-section-header"
	// "[name]x": text after ']' that is not a comment.
	KindTextAfterSectionHeader = "text-after-section-header"
	// "[ name ]" or "[profile  name]": white space the JavaScript SDK keeps.
	KindSectionNameSpaces = "section-name-spaces"
	// "[]" or "[ ]".
	KindEmptySectionName = "empty-section-name"
	// "[__proto__]": the JavaScript SDK throws and ignores the whole file.
	KindReservedSectionName = "reserved-section-name"
	// A key line with a trailing comment the AWS CLI keeps in the value.
	KindInlineComment = "inline-comment"
	// A value wrapped in quotes that the JavaScript SDK keeps.
	KindQuotedValue = "quoted-value"
	// Bytes that are not UTF-8 (first occurrence only).
	KindInvalidUTF8 = "invalid-utf8"
	// A NUL byte (first occurrence only).
	KindNULByte = "nul-byte"
	// A UTF-8 byte-order mark at the start of the file.
	KindBOM = "bom"
	// gopkg.in/ini.v1 refused the file.
	KindINIRejected = "ini-rejected"
	// gopkg.in/ini.v1 was not run (see the package documentation).
	KindINISkipped = "ini-skipped"
	// gopkg.in/ini.v1 decodes the winning definition of a key differently.
	KindReadersDiffer = "readers-differ"
)

// MaxAnomaliesPerKind caps the anomalies of one kind recorded for a file, so
// that a binary or garbage file yields a bounded report.
const MaxAnomaliesPerKind = 1000

// Pos is a position: 1-based line, 1-based byte column.
type Pos struct{ Line, Col int }

// Span is a range of source text; End is exclusive.
type Span struct{ Start, End Pos }

// String formats the span as "L:C-L:C".
func (s Span) String() string {
	return fmt.Sprintf("%d:%d-%d:%d", s.Start.Line, s.Start.Col, s.End.Line, s.End.Col)
}

// Location converts the span into a fact-document location in the file at
// path (relative, slash-separated).
func (s Span) Location(path string) facts.Location {
	return facts.Location{Path: path, Line: s.Start.Line, Column: s.Start.Col, EndLine: s.End.Line, EndColumn: s.End.Col}
}

// Key is one key line. Value is exactly the source text at ValueSpan; for an
// empty value ValueSpan is empty and sits right after the '='.
type Key struct {
	Name      string
	NameSpan  Span
	Value     string
	ValueSpan Span
	// Nested is true for an indented key inside a sub-section opened by a key
	// with an empty value ("s3 =" then "  max_concurrent_requests = 10");
	// Parent is that key's name.
	Nested bool
	Parent string
}

// Section is one section header and the keys that follow it.
type Section struct {
	// Header is the literal text between the brackets, trimmed.
	Header string
	// HeaderSpan covers the whole "[ ... ]" token; NameSpan covers Header.
	HeaderSpan Span
	NameSpan   Span
	// Keys in file order, duplicates kept.
	Keys []Key

	raw string // text between the brackets, untrimmed (ini.v1's name)
}

// Comment is a '#' or ';' comment, on its own line or after a section header
// or value. Text runs from the comment character to the end of the line, with
// trailing white space removed. It may hold anything, secrets included.
type Comment struct {
	Text string
	Span Span
}

// Anomaly is a line or construct that the AWS readers handle differently from
// how it looks, or disagree about. Detail is a fixed sentence and never holds
// file content; Key is the key name when the anomaly belongs to a parsed key.
type Anomaly struct {
	Kind   string
	Detail string
	Key    string
	Span   Span
}

// File is a parsed shared file.
type File struct {
	// Flavour is the flavour passed to Parse.
	Flavour string
	// Sections in file order, duplicates kept.
	Sections []Section
	// Comments in file order.
	Comments []Comment
	// Anomalies sorted by position, then kind; at most MaxAnomaliesPerKind
	// of each kind.
	Anomalies []Anomaly
	// Dropped counts anomalies left out beyond MaxAnomaliesPerKind.
	Dropped int
	// HasDefault is true when the raw text contains "[default]" anywhere,
	// comments included: exactly what Remotion's pre-flight check looks for.
	HasDefault bool
}

// Parse reads src, a shared file of the given flavour ("credentials" or
// "config"). It never fails: text it cannot place is reported as anomalies.
func Parse(src []byte, flavour string) *File {
	s := scanner{src: src, f: &File{Flavour: flavour}, cur: -1, counts: map[string]int{}}
	s.f.HasDefault = bytes.Contains(src, []byte("[default]"))
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		s.anomaly(KindBOM, detailBOM, "", span(1, 0, 3))
	}
	s.scan()
	crossCheck(src, s.f, s.lines, s.anomaly)
	slices.SortStableFunc(s.f.Anomalies, func(a, b Anomaly) int {
		return cmp.Or(
			cmp.Compare(a.Span.Start.Line, b.Span.Start.Line),
			cmp.Compare(a.Span.Start.Col, b.Span.Start.Col),
			cmp.Compare(a.Kind, b.Kind),
		)
	})
	return s.f
}

type scanner struct {
	src   []byte
	f     *File
	lines int
	cur   int    // index of the current section in f.Sections, -1 before any
	sub   string // open sub-section ("" when none)

	badUTF8, nul bool
	counts       map[string]int // anomalies per kind
}

func (s *scanner) anomaly(kind, detail, key string, sp Span) {
	if s.counts[kind] >= MaxAnomaliesPerKind {
		s.f.Dropped++
		return
	}
	s.counts[kind]++
	s.f.Anomalies = append(s.f.Anomalies, Anomaly{Kind: kind, Detail: detail, Key: key, Span: sp})
}

// span returns the span of bytes [i, j) of line n.
func span(n, i, j int) Span {
	return Span{Pos{n, i + 1}, Pos{n, j + 1}}
}

func (s *scanner) scan() {
	rest := s.src
	for n := 1; ; n++ {
		ln := rest
		i := bytes.IndexByte(rest, '\n')
		if i >= 0 {
			ln = rest[:i]
			if len(ln) > 0 && ln[len(ln)-1] == '\r' {
				ln = ln[:len(ln)-1]
			}
		}
		s.lines = n
		s.line(n, ln)
		if i < 0 {
			return
		}
		rest = rest[i+1:]
	}
}

func (s *scanner) checkBytes(n int, ln []byte) {
	if !s.nul {
		if i := bytes.IndexByte(ln, 0); i >= 0 {
			s.nul = true
			s.anomaly(KindNULByte, detailNUL, "", span(n, i, i+1))
		}
	}
	if !s.badUTF8 && !utf8.Valid(ln) {
		for i := 0; i < len(ln); {
			r, w := utf8.DecodeRune(ln[i:])
			if r == utf8.RuneError && w == 1 {
				s.badUTF8 = true
				s.anomaly(KindInvalidUTF8, detailInvalidUTF8, "", span(n, i, i+1))
				break
			}
			i += w
		}
	}
}

// line handles line n (without its line break).
func (s *scanner) line(n int, ln []byte) {
	s.checkBytes(n, ln)

	end := commentStart(ln)
	hasComment := end < len(ln)
	var comment Span
	if hasComment {
		ce := trimRight(ln, end, len(ln))
		comment = span(n, end, ce)
		s.f.Comments = append(s.f.Comments, Comment{Text: string(ln[end:ce]), Span: comment})
	}
	b, e := trimLeft(ln, 0, end), trimRight(ln, 0, end)
	if b >= e {
		return
	}
	if ln[b] == '[' {
		s.header(n, ln, b, e)
		return
	}

	eq := bytes.IndexByte(ln[b:e], '=')
	switch {
	case eq < 0 && bytes.IndexByte(ln[b:e], ':') >= 0:
		s.anomaly(KindLineNotUnderstood, detailColon, "", span(n, b, e))
		return
	case eq < 0:
		s.anomaly(KindLineNotUnderstood, detailNoEquals, "", span(n, b, e))
		return
	case eq == 0:
		s.anomaly(KindLineNotUnderstood, detailEmptyKey, "", span(n, b, e))
		return
	}
	eq += b
	nb, ne := b, trimRight(ln, b, eq)
	vb := trimLeft(ln, eq+1, e)
	ve := e
	if vb >= ve {
		vb, ve = eq+1, eq+1
	}
	k := Key{
		Name:      string(ln[nb:ne]),
		NameSpan:  span(n, nb, ne),
		Value:     string(ln[vb:ve]),
		ValueSpan: span(n, vb, ve),
	}
	if s.cur < 0 {
		s.anomaly(KindKeyOutsideSection, detailOutside, knownName(k.Name), span(n, nb, ve))
		return
	}
	// The JavaScript SDK's sub-section rule: an empty value opens one, a
	// non-indented key line with a value closes it.
	indented := b > 0
	if k.Value != "" && !indented {
		s.sub = ""
	}
	if s.sub != "" && indented {
		k.Nested, k.Parent = true, s.sub
	}
	if k.Value == "" {
		s.sub = k.Name
	}
	sec := &s.f.Sections[s.cur]
	sec.Keys = append(sec.Keys, k)

	if hasComment {
		s.anomaly(KindInlineComment, detailInlineComment, k.Name, comment)
	}
	if v := k.Value; len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		s.anomaly(KindQuotedValue, detailQuoted, k.Name, k.ValueSpan)
	}
}

// header handles a line whose content, trimmed, is ln[b:e] and starts with '['.
func (s *scanner) header(n int, ln []byte, b, e int) {
	if e-b < 2 || ln[e-1] != ']' {
		if bytes.IndexByte(ln[b:e], ']') >= 0 {
			s.anomaly(KindTextAfterSectionHeader, detailTextAfterHeader, "", span(n, b, e))
		} else {
			s.anomaly(KindUnterminatedSectionHeader, detailUnterminated, "", span(n, b, e))
		}
		return
	}
	ib, ie := trimLeft(ln, b+1, e-1), trimRight(ln, b+1, e-1)
	if ib > ie {
		ib, ie = b+1, b+1
	}
	sec := Section{
		Header:     string(ln[ib:ie]),
		HeaderSpan: span(n, b, e),
		NameSpan:   span(n, ib, ie),
		raw:        string(ln[b+1 : e-1]),
	}
	switch {
	case sec.Header == "":
		s.anomaly(KindEmptySectionName, detailEmptySection, "", sec.HeaderSpan)
	case ib != b+1 || ie != e-1 || hasDoubleSpace(sec.Header):
		s.anomaly(KindSectionNameSpaces, detailSpaces, "", sec.NameSpan)
	}
	if sec.raw == "__proto__" || sec.raw == "profile __proto__" {
		s.anomaly(KindReservedSectionName, detailReserved, "", sec.NameSpan)
	}
	s.f.Sections = append(s.f.Sections, sec)
	s.cur = len(s.f.Sections) - 1
	s.sub = ""
}

// hasDoubleSpace reports a run of two or more white-space characters
// ("profile  x"), which the JavaScript SDK's "type name" pattern does not
// accept.
func hasDoubleSpace(h string) bool {
	prev := false
	for i := 0; i < len(h); {
		r, w := utf8.DecodeRuneInString(h[i:])
		sp := isJSSpace(r)
		if sp && prev {
			return true
		}
		prev = sp
		i += w
	}
	return false
}

// knownName returns name when it is a known key (safe to show), else "".
func knownName(name string) string {
	if IsKnownKey(name) {
		return name
	}
	return ""
}

// commentStart returns the index of the first '#' or ';' that starts a
// comment (at index 0 or after white space), or len(ln).
func commentStart(ln []byte) int {
	for i, c := range ln {
		if c != '#' && c != ';' {
			continue
		}
		if i == 0 {
			return 0
		}
		if p := ln[i-1]; p < utf8.RuneSelf {
			if isJSSpace(rune(p)) {
				return i
			}
			continue
		}
		if r, _ := utf8.DecodeLastRune(ln[:i]); isJSSpace(r) {
			return i
		}
	}
	return len(ln)
}

// trimLeft returns the first index in [i, j) that does not start a
// JavaScript white-space character, or j.
func trimLeft(b []byte, i, j int) int {
	for i < j {
		r, w := utf8.DecodeRune(b[i:j])
		if !isJSSpace(r) {
			break
		}
		i += w
	}
	return i
}

// trimRight returns the end of [i, j) without trailing JavaScript white space.
func trimRight(b []byte, i, j int) int {
	for j > i {
		r, w := utf8.DecodeLastRune(b[i:j])
		if !isJSSpace(r) {
			break
		}
		j -= w
	}
	return j
}

// isJSSpace reports whether r matches JavaScript's \s (WhiteSpace and
// LineTerminator), the set String.prototype.trim removes.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Anomaly details: fixed sentences, never file content.
const (
	detailBOM             = "the file starts with a byte-order mark: the AWS SDK for JavaScript ignores it, but the AWS CLI and boto3 fail to parse the file"
	detailNUL             = "the file contains a NUL byte (is it UTF-16 or binary?): the AWS readers do not read it as text"
	detailInvalidUTF8     = "the file contains bytes that are not UTF-8: the AWS readers replace or reject them"
	detailColon           = "the line uses ':' instead of '=': the AWS SDK for JavaScript ignores it, while the AWS SDK for Go v2 and the AWS CLI read it as a key"
	detailNoEquals        = "the line is neither a section header, a key line nor a comment: the AWS SDK for JavaScript ignores it, and the AWS SDK for Go v2 and the AWS CLI may refuse the whole file"
	detailEmptyKey        = "the line has no key name before '=': the AWS SDKs ignore it"
	detailOutside         = "the key appears before any section header: the AWS SDKs ignore it"
	detailInlineComment   = "comment after a value: the AWS SDKs for JavaScript and Go drop it, but the AWS CLI and boto3 keep it as part of the value"
	detailQuoted          = "the value is wrapped in quotes: the AWS SDK for JavaScript keeps the quotes as part of the value, while the AWS SDK for Go v2 removes them"
	detailTextAfterHeader = "text follows ']' and is not a comment (a comment needs white space before its '#' or ';'): the AWS SDK for JavaScript does not read this line as a section header, so the keys below it stay in the previous section"
	detailUnterminated    = "the section header has no closing ']': the AWS SDKs ignore the line, so the keys below it stay in the previous section"
	detailSpaces          = "white space inside the brackets: the AWS SDK for JavaScript keeps it as part of the name (\"[ default ]\" is not the default profile there), while the AWS SDK for Go v2 and the AWS CLI trim it"
	detailEmptySection    = "the section name is empty: the AWS SDKs ignore the keys below it"
	detailReserved        = "the AWS SDK for JavaScript refuses this section name and then ignores the whole file"
)
