// Package finding holds the finding type every output format prints, and
// the steps between policies and formats: severity order, stable
// fingerprints, de-duplication and sorting.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/remolint/remolint/internal/facts"
)

// Severities, strongest first.
const (
	Error   = "error"
	Warning = "warning"
	Info    = "info"
)

// Rank orders severities: error 3, warning 2, info 1, anything else 0.
func Rank(sev string) int {
	switch sev {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ValidSeverity reports whether s is error, warning or info.
func ValidSeverity(s string) bool { return Rank(s) > 0 }

// Finding is one problem at one place.
type Finding struct {
	Rule      string `json:"rule"`
	Severity  string `json:"severity"`
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
	// Fingerprint identifies the finding across unrelated edits: it hashes
	// the rule, the path and the normalised text of the finding's line, plus
	// the occurrence number of that triple in the file.
	Fingerprint string          `json:"fingerprint"`
	Related     *facts.Location `json:"related,omitempty"`
}

// Location returns the finding's location.
func (f Finding) Location() facts.Location {
	return facts.Location{Path: f.Path, Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn}
}

// Less orders findings by path, line, column, rule, message.
func Less(a, b Finding) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	if a.Column != b.Column {
		return a.Column < b.Column
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// Normalize sorts findings, drops exact duplicates (the same rule, place and
// message reported from two environments that share a file), fills missing
// end positions, and returns the result.
func Normalize(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool { return Less(fs[i], fs[j]) })
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := out[len(out)-1]
			if p.Rule == f.Rule && p.Path == f.Path && p.Line == f.Line && p.Column == f.Column && p.Message == f.Message {
				continue
			}
		}
		f.Message = Printable(f.Message)
		if f.EndLine == 0 {
			f.EndLine = f.Line
		}
		if f.EndColumn == 0 {
			f.EndColumn = f.Column
		}
		out = append(out, f)
	}
	return out
}

// LineSource returns the text of a line of a scanned file ("" when unknown).
type LineSource func(path string, line int) string

// Fingerprints fills the Fingerprint of every finding. The line text is
// hashed, never stored, so a secret on the line cannot leak through it.
func Fingerprints(fs []Finding, lines LineSource) {
	seen := map[string]int{}
	for i := range fs {
		f := &fs[i]
		text := ""
		if lines != nil {
			text = strings.Join(strings.Fields(lines(f.Path, f.Line)), " ")
		}
		h := sha256.Sum256([]byte("remolint/fp/v1\x00" + f.Rule + "\x00" + f.Path + "\x00" + text))
		base := hex.EncodeToString(h[:8])
		seen[base]++
		f.Fingerprint = fmt.Sprintf("%s:%d", base, seen[base])
	}
}

// Summary counts findings by severity.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Total    int `json:"total"`
	// Files is the number of files remolint read.
	Files int `json:"files"`
}

// Summarize counts fs.
func Summarize(fs []Finding, files int) Summary {
	s := Summary{Total: len(fs), Files: files}
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	return s
}

// Fails reports whether any finding reaches the failing severity.
func Fails(fs []Finding, failOn string) bool {
	min := Rank(failOn)
	for _, f := range fs {
		if Rank(f.Severity) >= min {
			return true
		}
	}
	return false
}

// Printable escapes control characters (C0, DEL, C1) and invalid UTF-8 as
// \xNN, so that a value quoted in a message (a region, a profile name) can
// neither break a line-based format nor send escape sequences to a terminal.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1, r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			for _, c := range []byte(s[i : i+n]) {
				fmt.Fprintf(&b, "\\x%02x", c)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
