package dotenv

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// short renders an anomaly as "kind key dialect span [rel span]".
func short(a Anomaly) string {
	s := a.Kind + " " + a.Key + " " + a.Dialect + " " + a.Span.String()
	if a.Related != nil {
		s += " rel " + a.Related.String()
	}
	return s
}

var anomalyCases = []struct {
	name   string
	in     string
	want   []string
	detail []string // substrings expected in the Details, in anomaly order
}{
	{"clean", "# header\nA=plain\nexport B='x y'\nC=\"multi\nline\"\n", nil, nil},
	{"hash cuts value", "A=Yq3vN8#kP2xR5",
		[]string{"hash-in-unquoted-value A node 1:9-1:10"},
		[]string{"cut to 6 characters, while godotenv reads 13 characters"}},
	{"hash right after equals", "A=#x",
		[]string{"hash-in-unquoted-value A node 1:3-1:4"},
		[]string{"cut to 0 characters, while godotenv reads 2"}},
	{"hash after space is a comment", "A=value # comment", nil, nil},
	{"hash in quotes", "A='x#y'", nil, nil},
	{"space both sides", "A = x",
		[]string{"space-around-equals A both 1:2-1:5"}, []string{"shells"}},
	{"space before", "A =x", []string{"space-around-equals A both 1:2-1:3"}, nil},
	{"space after", "A=\t'x'", []string{"space-around-equals A both 1:3-1:4"}, nil},
	{"only trailing space", "A=   ", nil, nil},
	{"space after colon is syntax", "A: x", nil, nil},
	{"unterminated double", "A=\"abc\nB=1",
		[]string{"unterminated-quote A both 1:3-1:4"},
		[]string{"keeps the quote character as part of the value; godotenv rejects the whole file"}},
	{"unterminated backtick", "A=`abc",
		[]string{"unterminated-quote A both 1:3-1:4"}, []string{"godotenv keeps it too"}},
	{"unterminated for godotenv only", `A="abc\"`,
		[]string{"unterminated-quote A go 1:3-1:4"}, []string{"Node's dotenv reads a quoted value"}},
	{"mismatched", "A=\"mismatched'",
		[]string{"mismatched-quote A both 1:3-1:4 rel 1:14-1:15"},
		[]string{"opens with a double quote and ends with a single quote"}},
	{"text after quote", "A=\"quoted\" trailing",
		[]string{"text-after-quote A both 1:12-1:20 rel 1:3-1:4"},
		[]string{"reads the whole line as the value, quotes included; godotenv reads the text after the quote as a new entry"}},
	{"text after quote rejected", "A=\"\"\"triple\"\"\"",
		[]string{"text-after-quote A both 1:5-1:15 rel 1:3-1:4"}, []string{"and rejects the whole file"}},
	{"quote closed on a later line for godotenv", "A=\"abc\nB=\"x\"",
		[]string{"unterminated-quote A both 1:3-1:4", "text-after-quote A go 2:4-2:6 rel 1:3-1:4"},
		[]string{"godotenv reads a quoted value up to the matching quote on line 2",
			"new entry and rejects the whole file (the quoted value opened on line 1)"}},
	{"quote swallowing a line for godotenv", "A=\"x\nB=1\n\" junk",
		[]string{"unterminated-quote A both 1:3-1:4", "key-dropped B go 2:1-2:2", "text-after-quote A go 3:3-3:7 rel 1:3-1:4"},
		[]string{"up to the matching quote on line 3", "part of the value that starts on line 1", "(the quoted value opened on line 1)"}},
	{"space in key", "A B=x", []string{"key-dropped A B node 1:1-1:4"}, []string{"space"}},
	{"colon without space", "A:x", []string{"key-dropped A node 1:1-1:2"}, []string{"':'"}},
	{"proto", "__proto__=x", []string{"key-dropped __proto__ node 1:1-1:10"}, nil},
	{"colon swallows next line", "A:\nB=1",
		[]string{"dialects-differ A both 2:1-2:4", "key-dropped B node 2:1-2:2"},
		[]string{"Node's dotenv reads 3 characters, godotenv reads 0", "part of the value that starts on line 2"}},
	{"dash in key", "A-B=dashed",
		[]string{"key-rejected-by-go A-B go 1:2-1:3"}, []string{"does not allow '-' in a variable name"}},
	{"equals on next line", "A\n=1",
		[]string{"key-rejected-by-go A go 1:2-2:1", "space-around-equals A both 1:2-2:1"},
		[]string{"no '=' or ':' before the end of the line", ""}},
	{"backtick value read as keys by godotenv", "A=`x\ny-z`",
		[]string{"key-rejected-by-go  go 2:2-2:3"}, []string{"part of the value that starts on line 1"}},
	{"expansion", "A=${B}x\nB=y",
		[]string{"expansion A both 1:3-1:7"}, []string{"(Node's dotenv reads 5 characters, godotenv 1)"}},
	{"expansion in double quotes", "B=1\nA=\"a\\n$B\"",
		[]string{"expansion A both 2:7-2:9"}, nil},
	{"no expansion in single quotes", "A='$B'", nil, nil},
	{"no expansion of lowercase", "A=$b", nil, nil},
	{"escaped dollar differs", `A=\$B`,
		[]string{"dialects-differ A both 1:3-1:6"}, []string{"Node's dotenv reads 3 characters, godotenv reads 2"}},
	{"bom", "\ufeffA=bom", []string{"bom  go 1:1-1:4"}, []string{"godotenv rejects the whole file"}},
	{"duplicate", "A=1\nB=2\nA=1",
		[]string{"duplicate-key A both 3:1-3:2 rel 1:1-1:2"}, []string{"line 1: the later definition (the same value) wins"}},
	{"duplicate for godotenv only", "A:x\nA:y",
		[]string{"key-dropped A node 1:1-1:2", "duplicate-key A go 2:1-2:2 rel 1:1-1:2", "key-dropped A node 2:1-2:2"},
		[]string{"", "(a different value)", ""}},
	{"backticks differ", "A=`back # ticked`",
		[]string{"dialects-differ A both 1:3-1:18"}, []string{"13 characters, godotenv reads 5: godotenv does not treat backticks as quotes"}},
	{"escapes differ", `A="a\tb"`,
		[]string{"dialects-differ A both 1:3-1:9"}, []string{"backslash escapes"}},
	{"comments cut differently", "A=a #b #c",
		[]string{"dialects-differ A both 1:3-1:4"}, []string{"'#' differently"}},
	{"no equals at end", "A", []string{"line-not-understood  both 1:1-1:2"}, []string{"empty name"}},
	{"no equals mid-file", "  junk line  \nA=1",
		[]string{"line-not-understood  both 1:3-1:12"}, []string{"neither dialect reads this line: Node's dotenv ignores it and godotenv rejects the whole file"}},
	{"dollar key", "$A=1",
		[]string{"line-not-understood  both 1:1-1:5"}, []string{"does not allow '$' in a variable name"}},
	{"export alone", "A=1\nexport ",
		[]string{"line-not-understood  both 2:1-2:7"}, []string{"'export' without a name"}},
	{"invalid utf8", "A=ok\nB=\xe2\x82x",
		[]string{"dialects-differ B both 2:3-2:6", "invalid-utf8  both 2:3-2:5"},
		[]string{"Node's dotenv reads 2 characters, godotenv reads 3: the value holds invalid UTF-8", "1 invalid UTF-8 sequence"}},
	{"invalid utf8 in quotes", "A='\xff'",
		[]string{"dialects-differ A both 1:3-1:6", "invalid-utf8  both 1:4-1:5"}, []string{"invalid UTF-8", ""}},
	{"nul", "A=a\x00b\nB=\x00", []string{"nul-byte  both 1:4-1:5"}, []string{"2 NUL bytes"}},
	{"crlf is clean", "A=value\r\nB='x'\r\n# c\r\n", nil, nil},
}

func TestAnomalies(t *testing.T) {
	for _, c := range anomalyCases {
		t.Run(c.name, func(t *testing.T) {
			f := Parse([]byte(c.in))
			var got []string
			for _, a := range f.Anomalies {
				got = append(got, short(a))
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("anomalies of %q:\n got  %q\n want %q", c.in, got, c.want)
			}
			for i, d := range c.detail {
				if !strings.Contains(f.Anomalies[i].Detail, d) {
					t.Errorf("detail %q lacks %q", f.Anomalies[i].Detail, d)
				}
			}
			checkInvariants(t, []byte(c.in), f)
		})
	}
}

// TestEveryKindCovered keeps the table above complete.
func TestEveryKindCovered(t *testing.T) {
	kinds := []string{KindHashInUnquotedValue, KindSpaceAroundEquals, KindUnterminatedQuote, KindMismatchedQuote,
		KindTextAfterQuote, KindKeyDropped, KindKeyRejectedByGo, KindExpansion, KindBOM, KindDuplicateKey,
		KindDialectsDiffer, KindLineNotUnderstood, KindInvalidUTF8, KindNULByte}
	seen := map[string]bool{}
	for _, c := range anomalyCases {
		for _, a := range Parse([]byte(c.in)).Anomalies {
			seen[a.Kind] = true
		}
	}
	for _, k := range kinds {
		if !seen[k] {
			t.Errorf("no test case produces %s", k)
		}
	}
}

type wantEntry struct {
	key, keySpan, valSpan string
	quote                 byte
	export                bool
	node                  string
	nodeOK                bool
	goVal                 string
	goOK                  bool
}

var spanCases = []struct {
	name string
	in   string
	want []wantEntry
}{
	{"plain", "A=plain", []wantEntry{{"A", "1:1-1:2", "1:3-1:8", 0, false, "plain", true, "plain", true}}},
	{"export", "export A=x", []wantEntry{{"A", "1:8-1:9", "1:10-1:11", 0, true, "x", true, "x", true}}},
	{"indented export with tabs", "\texport\tA=1", []wantEntry{{"A", "1:9-1:10", "1:11-1:12", 0, true, "1", true, "1", true}}},
	{"indented quoted", "  A = 'v w'  # c", []wantEntry{{"A", "1:3-1:4", "1:7-1:12", '\'', false, "v w", true, "v w", true}}},
	{"empty", "A=\nB=", []wantEntry{
		{"A", "1:1-1:2", "1:3-1:3", 0, false, "", true, "", true},
		{"B", "2:1-2:2", "2:3-2:3", 0, false, "", true, "", true}}},
	{"multi-line", "A=\"multi\nline\"\nB=after", []wantEntry{
		{"A", "1:1-1:2", "1:3-2:6", '"', false, "multi\nline", true, "multi\nline", true},
		{"B", "3:1-3:2", "3:3-3:8", 0, false, "after", true, "after", true}}},
	{"crlf", "A=value\r\nB=crlf\r\n", []wantEntry{
		{"A", "1:1-1:2", "1:3-1:8", 0, false, "value", true, "value", true},
		{"B", "2:1-2:2", "2:3-2:7", 0, false, "crlf", true, "crlf", true}}},
	{"crlf multi-line", "A='x\r\ny'\r\nB=1", []wantEntry{
		{"A", "1:1-1:2", "1:3-2:3", '\'', false, "x\ny", true, "x\ny", true},
		{"B", "3:1-3:2", "3:3-3:4", 0, false, "1", true, "1", true}}},
	{"lone cr", "A=1\rB=2", []wantEntry{
		{"A", "1:1-1:2", "1:3-1:4", 0, false, "1", true, "1", true},
		{"B", "2:1-2:2", "2:3-2:4", 0, false, "2", true, "2", true}}},
	{"bom", "\ufeffA=bom", []wantEntry{{"A", "1:4-1:5", "1:6-1:9", 0, false, "bom", true, "", false}}},
	{"after invalid utf8", "A=\xff\xffz\nB=1", []wantEntry{
		{"A", "1:1-1:2", "1:3-1:6", 0, false, "\uFFFD\uFFFDz", true, "\uFFFD\uFFFDz", true},
		{"B", "2:1-2:2", "2:3-2:4", 0, false, "1", true, "1", true}}},
	{"colon", "A: x", []wantEntry{{"A", "1:1-1:2", "1:4-1:5", 0, false, "x", true, "x", true}}},
	{"go only", "A B=x", []wantEntry{{"A B", "1:1-1:4", "1:5-1:6", 0, false, "", false, "x", true}}},
	{"node only when godotenv rejects", "A=1\nB-C=2", []wantEntry{
		{"A", "1:1-1:2", "1:3-1:4", 0, false, "1", true, "", false},
		{"B-C", "2:1-2:4", "2:5-2:6", 0, false, "2", true, "", false}}},
	{"backtick", "A=`x`", []wantEntry{{"A", "1:1-1:2", "1:3-1:6", '`', false, "x", true, "`x`", true}}},
	{"text after quote", "A=\"q\" t", []wantEntry{{"A", "1:1-1:2", "1:3-1:8", 0, false, "\"q\" t", true, "q", true}}},
}

func TestEntrySpans(t *testing.T) {
	for _, c := range spanCases {
		t.Run(c.name, func(t *testing.T) {
			f := Parse([]byte(c.in))
			var got []wantEntry
			for _, e := range f.Entries {
				got = append(got, wantEntry{e.Key, e.KeySpan.String(), e.ValueSpan.String(), e.Quote, e.Export, e.Node, e.NodeOK, e.Go, e.GoOK})
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("entries of %q:\n got  %+v\n want %+v", c.in, got, c.want)
			}
			checkInvariants(t, []byte(c.in), f)
		})
	}
}

func TestComments(t *testing.T) {
	in := "# remolint:ignore dotenv-syntax reason\n" +
		"A=1 # trailing\n" +
		"  # indented\n" +
		"B=\"x\n# inside a value\n\"\n" +
		"C=cut#tail\n" +
		"D='q'#after quote"
	f := Parse([]byte(in))
	var got []string
	for _, c := range f.Comments {
		got = append(got, fmt.Sprintf("%s %q %v", c.Span, c.Text, c.Trailing))
	}
	want := []string{
		`1:1-1:39 "# remolint:ignore dotenv-syntax reason" false`,
		`2:5-2:15 "# trailing" true`,
		`3:3-3:13 "# indented" false`,
		`8:6-8:18 "#after quote" true`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("comments:\n got  %q\n want %q", got, want)
	}
}

func TestGoErrHasLineAndNoText(t *testing.T) {
	f := Parse([]byte("A=1\nB=\"Zq9secretvalue\nC=2"))
	if f.GoErr != "line 2: unterminated quoted value" || f.Go != nil {
		t.Fatalf("GoErr %q, Go %v", f.GoErr, f.Go)
	}
}

func TestNodeMapLastWins(t *testing.T) {
	f := Parse([]byte("A=1\nB=2\nA=3\n__proto__=4"))
	got := f.Node()
	if len(got) != 2 || got["A"] != "3" || got["B"] != "2" {
		t.Fatalf("Node() = %q", got)
	}
}

// TestDetailsHoldNoValue plants distinctive values in every anomaly-producing
// shape and checks that no Detail or GoErr repeats them.
func TestDetailsHoldNoValue(t *testing.T) {
	const s = "Zq9Xv7Wk"
	inputs := []string{
		"A=" + s + "#" + s, "A=\"" + s, "A='" + s + "\"", "A=\"" + s + "\" " + s, "A B=" + s,
		"A:" + s, "A-B=" + s, "A=${B}" + s, "A=" + s + "\nA=" + s + "x", "A=`" + s + "`",
		s, "$" + s + "=1", "A=\"" + s + "\\t\"", "\ufeffA=" + s, "A='" + s + "\xff'",
		"A=" + s + " #" + s + " #c", "A=\"" + s + "\n" + s + "=\"" + s + "\"",
	}
	for _, in := range inputs {
		f := Parse([]byte(in))
		if len(f.Anomalies) == 0 {
			t.Errorf("%q: expected anomalies", in)
		}
		for _, a := range f.Anomalies {
			if strings.Contains(a.Detail, s[:4]) {
				t.Errorf("%q: %s detail %q leaks the value", in, a.Kind, a.Detail)
			}
		}
		if strings.Contains(f.GoErr, s[:4]) {
			t.Errorf("%q: GoErr %q leaks the value", in, f.GoErr)
		}
	}
}

func TestSpanLocation(t *testing.T) {
	s := Span{Pos{2, 3}, Pos{4, 5}}
	if s.String() != "2:3-4:5" {
		t.Fatalf("String() = %q", s.String())
	}
	l := s.Location("a/.env")
	if l.Path != "a/.env" || l.Line != 2 || l.Column != 3 || l.EndLine != 4 || l.EndColumn != 5 {
		t.Fatalf("Location() = %+v", l)
	}
}

func TestAnomalyCap(t *testing.T) {
	in := strings.Repeat("A=1\n", MaxAnomaliesPerKind+11)
	f := Parse([]byte(in))
	if len(f.Anomalies) != MaxAnomaliesPerKind || f.Dropped != 10 {
		t.Fatalf("%d anomalies, %d dropped; want %d and 10", len(f.Anomalies), f.Dropped, MaxAnomaliesPerKind)
	}
	if got := f.Anomalies[0].Span.String(); got != "2:1-2:2" {
		t.Fatalf("first kept duplicate at %s, want 2:1-2:2", got)
	}
	if len(f.Entries) != MaxAnomaliesPerKind+11 {
		t.Fatalf("%d entries", len(f.Entries))
	}
}
