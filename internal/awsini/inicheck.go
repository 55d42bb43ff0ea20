package awsini

import (
	"bytes"
	"errors"
	"strings"

	"gopkg.in/ini.v1"
)

// iniBudget bounds lines*bytes for files that may contain multi-line quoted
// values, which ini.v1 accumulates by repeated string concatenation.
const iniBudget = 1 << 26

// iniOptions are the gopkg.in/ini.v1 options closest to the AWS SDKs.
func iniOptions() ini.LoadOptions {
	return ini.LoadOptions{
		Insensitive:              false, // keep the case of names as written
		AllowShadows:             false, // the last definition of a key wins, as in the SDKs
		AllowNonUniqueSections:   false, // duplicate sections merge, as in the SDKs
		IgnoreInlineComment:      false, // strip inline comments ...
		SpaceBeforeInlineComment: true,  // ... only after white space, as the SDKs do
		IgnoreContinuation:       true,  // no "\" continuation lines in the SDKs
		PreserveSurroundedQuote:  true,  // the JavaScript SDK keeps quotes
		KeyValueDelimiters:       "=",   // the JavaScript SDK's only separator
		AllowNestedValues:        true,  // "s3 =\n  max_concurrent_requests = 10"
		SkipUnrecognizableLines:  true,  // the SDKs skip them; the scanner reports them
	}
}

var errINIPanic = errors.New("ini.v1 panicked")

// loadINI runs ini.v1 on src, turning a panic inside it into an error.
func loadINI(src []byte) (f *ini.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, errINIPanic
		}
	}()
	return ini.LoadSources(iniOptions(), src)
}

// crossCheck loads src with ini.v1 and records where it refuses the file or
// decodes the winning definition of a key differently from the scanner.
func crossCheck(src []byte, f *File, lines int, add func(kind, detail, key string, sp Span)) {
	addFile := func(kind, detail string, sp Span) { add(kind, detail, "", sp) }
	if (bytes.Contains(src, []byte(`"""`)) || bytes.IndexByte(src, '`') >= 0) &&
		int64(lines)*int64(len(src)) > iniBudget {
		addFile(KindINISkipped, detailINISkipped, Span{Pos{1, 1}, Pos{1, 1}})
		return
	}
	in, err := loadINI(src)
	if err != nil {
		detail, sp := rejection(err, f)
		addFile(KindINIRejected, detail, sp)
		return
	}

	type ref struct{ si, ki int }
	last := map[[2]string]ref{}
	for si, sec := range f.Sections {
		for ki, k := range sec.Keys {
			if !k.Nested {
				last[[2]string{sec.raw, k.Name}] = ref{si, ki}
			}
		}
	}
	values := map[string]map[string]string{}
	for _, s := range in.Sections() {
		m := make(map[string]string, len(s.Keys()))
		for _, k := range s.Keys() {
			m[k.Name()] = k.Value() // raw: no %(x)s expansion
		}
		values[s.Name()] = m
	}
	for si, sec := range f.Sections {
		for ki, k := range sec.Keys {
			if k.Nested || last[[2]string{sec.raw, k.Name}] != (ref{si, ki}) {
				continue
			}
			v, ok := values[sec.raw][k.Name]
			if ok && v != k.Value {
				add(KindReadersDiffer, detailReadersDiffer, k.Name, k.ValueSpan)
			}
		}
	}
}

// rejection turns an ini.v1 error (which quotes file content) into a fixed
// sentence and, where it can, the span of the line at fault.
func rejection(err error, f *File) (string, Span) {
	start := Span{Pos{1, 1}, Pos{1, 1}}
	msg := err.Error()
	switch {
	case errors.Is(err, errINIPanic):
		return detailINIPanic, start
	case strings.HasPrefix(msg, "unclosed section"):
		for _, a := range f.Anomalies {
			if a.Kind == KindUnterminatedSectionHeader {
				return detailINIUnclosed, a.Span
			}
		}
		return detailINIUnclosed, start
	case strings.HasPrefix(msg, "empty section name"):
		for _, s := range f.Sections {
			if s.raw == "" {
				return detailINIEmptySection, s.HeaderSpan
			}
		}
		return detailINIEmptySection, start
	case strings.HasPrefix(msg, "missing closing key quote"):
		for _, s := range f.Sections {
			for _, k := range s.Keys {
				if v := k.Value; strings.HasPrefix(v, `"""`) || strings.HasPrefix(v, "`") {
					return detailINIQuote, k.ValueSpan
				}
			}
		}
		return detailINIQuote, start
	case strings.Contains(msg, "empty key name"):
		return detailINIEmptyKey, start
	}
	return detailINIOther, start
}

const (
	detailINISkipped      = "not cross-checked with gopkg.in/ini.v1: the file is large and contains multi-line quote syntax"
	detailINIPanic        = "gopkg.in/ini.v1 failed on this file; INI libraries other than the AWS SDKs may not read it"
	detailINIUnclosed     = "gopkg.in/ini.v1 refuses the file: a section header has no closing ']'"
	detailINIEmptySection = "gopkg.in/ini.v1 refuses the file: a section header has an empty name"
	detailINIQuote        = "gopkg.in/ini.v1 refuses the file: a quoted key or a multi-line (\"\"\" or `) value has no closing quote"
	detailINIEmptyKey     = "gopkg.in/ini.v1 refuses the file: a key has an empty name"
	detailINIOther        = "gopkg.in/ini.v1 refuses the file"
	detailReadersDiffer   = "gopkg.in/ini.v1 reads this value differently from the AWS SDK for JavaScript (check quotes, '#' or ';' characters and multi-line syntax)"
)
