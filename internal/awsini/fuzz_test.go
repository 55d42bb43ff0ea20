package awsini

import (
	"bytes"
	"testing"
)

// checkInvariants verifies that every span lies within src and that every
// name, value, header and comment is exactly the text its span covers.
func checkInvariants(t *testing.T, src []byte, f *File) {
	t.Helper()
	lines := bytes.Split(src, []byte("\n"))
	text := func(what string, sp Span) (string, bool) {
		s, e := sp.Start, sp.End
		if s.Line < 1 || s.Line > len(lines) || e.Line != s.Line || s.Col < 1 || e.Col < s.Col || e.Col-1 > len(lines[s.Line-1]) {
			t.Errorf("%s span %v outside the input", what, sp)
			return "", false
		}
		return string(lines[s.Line-1][s.Col-1 : e.Col-1]), true
	}
	expect := func(what, want string, sp Span) {
		if got, ok := text(what, sp); ok && got != want {
			t.Errorf("%s %q does not match its span %v (%q)", what, want, sp, got)
		}
	}
	for _, s := range f.Sections {
		expect("header", s.Header, s.NameSpan)
		if h, ok := text("header span", s.HeaderSpan); ok && (len(h) < 2 || h[0] != '[' || h[len(h)-1] != ']') {
			t.Errorf("header span %v is not a bracketed token", s.HeaderSpan)
		}
		for _, k := range s.Keys {
			expect("key", k.Name, k.NameSpan)
			expect("value", k.Value, k.ValueSpan)
			if k.Name == "" {
				t.Errorf("key with empty name at %v", k.NameSpan)
			}
		}
	}
	for _, c := range f.Comments {
		expect("comment", c.Text, c.Span)
		if c.Text == "" || (c.Text[0] != '#' && c.Text[0] != ';') {
			t.Errorf("comment %v does not start with # or ;", c.Span)
		}
	}
	for i, a := range f.Anomalies {
		text("anomaly "+a.Kind, a.Span)
		if !allowedDetails[a.Detail] {
			t.Errorf("anomaly %s has an unexpected detail (file content?)", a.Kind)
		}
		if a.Key != "" && !IsKnownKey(a.Key) && !isParsedKey(f, a.Key) {
			t.Errorf("anomaly %s names a key that was not parsed", a.Kind)
		}
		if i > 0 {
			p := f.Anomalies[i-1].Span.Start
			if p.Line > a.Span.Start.Line || p.Line == a.Span.Start.Line && p.Col > a.Span.Start.Col {
				t.Errorf("anomalies not sorted at %d", i)
			}
		}
	}
	if f.HasDefault != bytes.Contains(src, []byte("[default]")) {
		t.Errorf("HasDefault = %v", f.HasDefault)
	}
}

func isParsedKey(f *File, name string) bool {
	for _, s := range f.Sections {
		for _, k := range s.Keys {
			if k.Name == name {
				return true
			}
		}
	}
	return false
}

var allowedDetails = map[string]bool{
	detailBOM: true, detailNUL: true, detailInvalidUTF8: true, detailColon: true,
	detailNoEquals: true, detailEmptyKey: true, detailOutside: true, detailInlineComment: true,
	detailQuoted: true, detailTextAfterHeader: true, detailUnterminated: true, detailSpaces: true,
	detailEmptySection: true, detailReserved: true, detailINISkipped: true, detailINIPanic: true,
	detailINIUnclosed: true, detailINIEmptySection: true, detailINIQuote: true, detailINIEmptyKey: true,
	detailINIOther: true, detailReadersDiffer: true,
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add([]byte(tc.src), tc.flavour == FlavourConfig)
	}
	f.Add([]byte("[a]\n`k`=v\n\"k\"=v\n- = x\nk = `abc\nx`\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, config bool) {
		fl := FlavourCredentials
		if config {
			fl = FlavourConfig
		}
		file := Parse(src, fl)
		checkInvariants(t, src, file)
		for _, s := range file.Sections {
			ProfileName(s.Header, fl)
			for _, k := range s.Keys {
				Suggest(k.Name)
			}
		}
	})
}
