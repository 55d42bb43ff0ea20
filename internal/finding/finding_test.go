package finding

import (
	"reflect"
	"strconv"
	"testing"
)

func known(r string) bool { return r == "unprefixed-key" || r == "skip-check-falsy-value" }

func TestSuppress(t *testing.T) {
	fs := []Finding{
		{Rule: "unprefixed-key", Severity: Warning, Path: ".env", Line: 2, Column: 1, Message: "a"},
		{Rule: "unprefixed-key", Severity: Warning, Path: ".env", Line: 5, Column: 1, Message: "b"},
		{Rule: "skip-check-falsy-value", Severity: Error, Path: ".env", Line: 7, Column: 1, Message: "c"},
		{Rule: "unprefixed-key", Severity: Warning, Path: ".env", Line: 9, Column: 1, Message: "d"},
	}
	comments := map[string][]Comment{".env": {
		{Line: 1, Column: 1, Own: true, Text: "# remolint:ignore unprefixed-key the AWS CLI needs it"}, // covers line 2
		{Line: 5, Column: 20, Text: "# remolint:ignore unprefixed-key same reason"},                    // trailing: covers line 5
		{Line: 6, Column: 1, Own: true, Text: "# remolint:ignore skip-check-falsy-value"},              // no reason: invalid
		{Line: 8, Column: 1, Own: true, Text: "# remolint:ignore unprefixd-key typo"},                  // unknown rule
		{Line: 10, Column: 1, Own: true, Text: "# remolint:ignore skip-check-falsy-value stale"},       // unused
		{Line: 11, Column: 1, Own: true, Text: "# remolint:ignore"},                                    // no rule
		{Line: 12, Column: 1, Own: true, Text: "# an ordinary comment"},
	}}
	got := Suppress(fs, comments, known)
	var lines []string
	for _, f := range got {
		lines = append(lines, f.Rule+"@"+strconv.Itoa(f.Line))
	}
	want := []string{
		"invalid-suppression@6", "skip-check-falsy-value@7", "invalid-suppression@8",
		"unprefixed-key@9", "unused-suppression@10", "invalid-suppression@11",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got %v\nwant %v", lines, want)
	}
}

func TestFingerprintsStableWhenLinesMove(t *testing.T) {
	before := map[int]string{3: "AWS_ACCESS_KEY_ID=x", 4: "AWS_ACCESS_KEY_ID=x"}
	after := map[int]string{10: "AWS_ACCESS_KEY_ID=x", 11: "AWS_ACCESS_KEY_ID=x"}
	a := []Finding{{Rule: "r", Path: ".env", Line: 3}, {Rule: "r", Path: ".env", Line: 4}}
	b := []Finding{{Rule: "r", Path: ".env", Line: 10}, {Rule: "r", Path: ".env", Line: 11}}
	Fingerprints(a, func(_ string, n int) string { return before[n] })
	Fingerprints(b, func(_ string, n int) string { return after[n] })
	if a[0].Fingerprint != b[0].Fingerprint || a[1].Fingerprint != b[1].Fingerprint {
		t.Errorf("fingerprints moved with the lines: %v %v", a, b)
	}
	if a[0].Fingerprint == a[1].Fingerprint {
		t.Error("two findings on identical lines share a fingerprint")
	}
	c := []Finding{{Rule: "r", Path: ".env", Line: 3}}
	Fingerprints(c, func(string, int) string { return "AWS_SECRET_ACCESS_KEY=x" })
	if c[0].Fingerprint == a[0].Fingerprint {
		t.Error("a different line has the same fingerprint")
	}
}

func TestNormalizeDedupesAndSorts(t *testing.T) {
	fs := []Finding{
		{Rule: "b", Path: "x", Line: 2, Column: 1, Message: "m"},
		{Rule: "a", Path: "x", Line: 2, Column: 1, Message: "m"},
		{Rule: "b", Path: "x", Line: 2, Column: 1, Message: "m"},
		{Rule: "a", Path: "a", Line: 9, Column: 1, Message: "m"},
	}
	got := Normalize(fs)
	if len(got) != 3 || got[0].Path != "a" || got[1].Rule != "a" || got[2].Rule != "b" || got[2].EndLine != 2 {
		t.Errorf("got %+v", got)
	}
}

func TestFails(t *testing.T) {
	fs := []Finding{{Severity: Warning}}
	if Fails(fs, Error) || !Fails(fs, Warning) || !Fails(fs, Info) {
		t.Error("Fails does not follow the severity order")
	}
}

func FuzzSuppress(f *testing.F) {
	f.Add("# remolint:ignore unprefixed-key reason", 1)
	f.Add("// remolint:ignore", 3)
	f.Add("/* remolint:ignore skip-check-falsy-value x */", 0)
	f.Fuzz(func(t *testing.T, text string, line int) {
		fs := []Finding{{Rule: "unprefixed-key", Path: "p", Line: line}}
		out := Suppress(fs, map[string][]Comment{"p": {{Line: line, Text: text, Own: true}}}, known)
		if !MayBeDirective(text) && !reflect.DeepEqual(out, Normalize(fs)) {
			t.Fatalf("a comment scanners drop (no %s) changed the findings: %+v", DirectiveWord, out)
		}
		for _, o := range out {
			if o.Rule == "" || o.Path != "p" {
				t.Fatalf("bad finding %+v", o)
			}
		}
	})
}

func TestPrintable(t *testing.T) {
	cases := map[string]string{
		"eu-central-1":   "eu-central-1",
		"eu\x00x":        `eu\x00x`,
		"\x1b[31mred":    `\x1b[31mred`,
		"a\nb":           `a\x0ab`,
		"caf\xc3":        `caf\xc3`,
		"AKIA…WXYZ café": "AKIA…WXYZ café",
		"\u0085":         `\xc2\x85`,
	}
	for in, want := range cases {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
