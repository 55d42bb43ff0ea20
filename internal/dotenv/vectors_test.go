package dotenv

import (
	"encoding/json"
	"maps"
	"os"
	"strings"
	"testing"
)

type vectorCase struct {
	Input string             `json:"input"`
	Node  map[string]string  `json:"node_dotenv_17"`
	Go    *map[string]string `json:"godotenv_1_5_1"`
	GoErr string             `json:"godotenv_1_5_1_error"`
}

func loadVectors(t testing.TB) []vectorCase {
	t.Helper()
	b, err := os.ReadFile("../../../shared/vectors/dotenv-dialects.json")
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var v struct {
		Cases []vectorCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode vectors: %v", err)
	}
	return v.Cases
}

// TestVectors checks every recorded case of both real parsers.
func TestVectors(t *testing.T) {
	cases := loadVectors(t)
	if len(cases) != 54 {
		t.Fatalf("want 54 vectors, got %d", len(cases))
	}
	for i, c := range cases {
		f := Parse([]byte(c.Input))
		if got := f.Node(); !maps.Equal(got, c.Node) {
			t.Errorf("case %d %q: Node = %q, want %q", i, c.Input, got, c.Node)
		}
		switch {
		case c.GoErr != "":
			if f.Go != nil || f.GoErr == "" {
				t.Errorf("case %d %q: want godotenv to reject the file, got Go=%q GoErr=%q", i, c.Input, f.Go, f.GoErr)
			}
			// godotenv's own message names the kind of failure first.
			reason := f.GoErr[strings.Index(f.GoErr, ": ")+2:]
			if !strings.HasPrefix(c.GoErr, strings.Fields(reason)[0]) {
				t.Errorf("case %d %q: GoErr %q does not match godotenv's %q", i, c.Input, f.GoErr, c.GoErr)
			}
		case c.Go == nil:
			t.Fatalf("case %d: vector has neither result nor error", i)
		default:
			if !maps.Equal(f.Go, *c.Go) || f.GoErr != "" {
				t.Errorf("case %d %q: Go = %q (err %q), want %q", i, c.Input, f.Go, f.GoErr, *c.Go)
			}
		}
		checkInvariants(t, []byte(c.Input), f)
	}
}

// checkInvariants holds for every input: spans inside the input, entries
// consistent with both maps, mirror consistent with godotenv, no value text
// in any Detail or GoErr.
func checkInvariants(t testing.TB, src []byte, f *File) {
	t.Helper()
	li := newLineIndex(src)
	inside := func(what string, s Span) {
		if !spanInside(li, s) {
			t.Fatalf("%s span %v outside the input (%d lines, %d bytes)", what, s, len(li.starts), len(src))
		}
	}
	for _, e := range f.Entries {
		inside("key", e.KeySpan)
		inside("value", e.ValueSpan)
		if !e.GoOK && e.Go != "" {
			t.Fatalf("entry %q: Go value without GoOK", e.Key)
		}
	}
	for _, c := range f.Comments {
		inside("comment", c.Span)
	}
	for _, a := range f.Anomalies {
		inside(a.Kind, a.Span)
		if a.Related != nil {
			inside(a.Kind+" related", *a.Related)
		}
		if a.Detail == "" || a.Dialect != DialectNode && a.Dialect != DialectGo && a.Dialect != DialectBoth {
			t.Fatalf("anomaly %+v: empty detail or bad dialect", a)
		}
	}
	// godotenv decides the Go map; every Go entry must agree with it.
	if f.Go != nil {
		last := map[string]string{}
		for _, e := range f.Entries {
			if e.GoOK {
				last[e.Key] = e.Go
			}
		}
		want := maps.Clone(f.Go)
		delete(want, "")
		if !maps.Equal(last, want) {
			t.Fatalf("Go entries %q disagree with godotenv %q", last, want)
		}
	} else if f.GoErr == "" {
		t.Fatalf("godotenv rejected the file but GoErr is empty")
	}
	gsrc, _ := normalizeGo(src)
	gp := parseGoMirror(gsrc)
	_, kind := runGodotenv(src)
	if gp.err != kind {
		t.Fatalf("mirror error kind %d, godotenv %d", gp.err, kind)
	}
	for _, v := range secretsOf(f) {
		for _, a := range f.Anomalies {
			if strings.Contains(a.Detail, v) {
				t.Fatalf("anomaly %s detail %q contains value text %q", a.Kind, a.Detail, v)
			}
		}
		if strings.Contains(f.GoErr, v) {
			t.Fatalf("GoErr %q contains value text %q", f.GoErr, v)
		}
	}
}

// secretsOf returns the value texts of a file that are distinctive enough
// to check for (at least 4 bytes, not a word Details use).
func secretsOf(f *File) []string {
	var out []string
	for _, e := range f.Entries {
		for _, v := range []string{e.Node, e.Go} {
			v = strings.TrimSpace(v)
			if len(v) >= 4 && !detailVocabulary(v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// detailVocabulary reports whether s could legitimately appear in a Detail
// (a fragment of its fixed wording), so that finding it proves nothing.
func detailVocabulary(s string) bool {
	const vocabulary = "Node's dotenv reads '#' as the start of a comment: the value is silently cut to characters, while godotenv reads; quote the value to keep it whole " +
		"spaces around '=': both dotenv dialects drop them, but shells, docker --env-file and other env-file readers keep or reject them " +
		"godotenv replaces '$' followed by a variable name with the value of an earlier variable of this file (with nothing when there is none); Node's dotenv keeps the text as written " +
		"the quote opened here is never closed: Node's dotenv keeps the quote character as part of the value; godotenv rejects the whole file " +
		"text follows the closing quote: Node's dotenv reads the whole line as the value, quotes included; godotenv reads the text after the quote as a new entry and rejects the whole file " +
		"neither dialect reads an entry from this line no '=' on this line: Node's dotenv ignores it, godotenv reads it as a value with an empty name " +
		"this key is already defined on line: the later definition (a different value) (the same value) wins " +
		"both dialects read but different ones: godotenv does not treat backticks as quotes the dialects end a value at '#' differently " +
		"the file starts with a UTF-8 byte-order mark: Node's dotenv skips it, godotenv rejects the whole file a single quote a double quote a backtick"
	return strings.Contains(vocabulary, s)
}

func spanInside(li lineIndex, s Span) bool {
	ok := func(p Pos) bool {
		if p.Line < 1 || p.Line > len(li.starts) || p.Col < 1 {
			return false
		}
		end := li.size
		if p.Line < len(li.starts) {
			end = li.starts[p.Line]
		}
		return li.starts[p.Line-1]+p.Col-1 <= end
	}
	if !ok(s.Start) || !ok(s.End) {
		return false
	}
	return s.Start.Line < s.End.Line || s.Start.Line == s.End.Line && s.Start.Col <= s.End.Col
}
