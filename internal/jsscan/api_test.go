package jsscan

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestComments(t *testing.T) {
	src := "a = 1; // remolint:ignore platform-reserved-key reason\n" +
		"/* block\n comment */ b = 2;\n" +
		"const s = '// not a comment', r = /\\/\\/ nor this/;\n" +
		"const j = <p>// JSX text {/* remolint:ignore x y */}</p>;\n" +
		"#!not a hashbang here"
	got := Scan([]byte(src)).Comments
	want := []struct{ text, pos string }{
		{"// remolint:ignore platform-reserved-key reason", "1:8-1:55"},
		{"/* block\n comment */", "2:1-3:12"},
		{"/* remolint:ignore x y */", "5:27-5:52"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d comments %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].Text != w.text || pos(got[i].Location) != w.pos {
			t.Errorf("comment %d = %q at %s, want %q at %s", i, got[i].Text, pos(got[i].Location), w.text, w.pos)
		}
	}
}

// ScanFileKeeping keeps the comments keep accepts, at the positions Scan
// gives them, and the facts are those of ScanFile.
func TestScanFileKeeping(t *testing.T) {
	src := []byte("// one\nconst a = process.env.A; /* remolint:ignore x y */\n// three\n")
	keep := func(text []byte) bool { return bytes.Contains(text, []byte("remolint:")) }
	got := ScanFileKeeping("a.ts", src, keep)
	if len(got.Comments) != 1 || got.Comments[0].Text != "/* remolint:ignore x y */" || pos(got.Comments[0].Location) != "2:26-2:51" {
		t.Errorf("comments = %+v, want only the directive at 2:26-2:51", got.Comments)
	}
	all := ScanFile("a.ts", src)
	if len(all.Comments) != 3 || all.Comments[1] != got.Comments[0] {
		t.Errorf("ScanFile comments = %+v, want all three", all.Comments)
	}
	if !reflect.DeepEqual(got.SourceFacts, all.SourceFacts) {
		t.Errorf("facts differ: %+v, want %+v", got.SourceFacts, all.SourceFacts)
	}
	if none := ScanFileKeeping("a.ts", src, func([]byte) bool { return false }); none.Comments != nil {
		t.Errorf("keeping none: %+v", none.Comments)
	}
}

func TestHashbangIsNotAComment(t *testing.T) {
	r := Scan([]byte("#!/usr/bin/env node\n// c\n"))
	if len(r.Comments) != 1 || pos(r.Comments[0].Location) != "2:1-2:5" {
		t.Errorf("comments = %+v, want only // c at 2:1-2:5", r.Comments)
	}
}

func TestScanFileDialect(t *testing.T) {
	src := []byte("const a = <div>process.env.X</div>;")
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"a.tsx", nil},
		{"a.jsx", nil},
		{"a.js", nil},
		{"a.ts", []string{"read X 1:16-1:29"}},
		{"dir/a.MTS", []string{"read X 1:16-1:29"}},
		{"a.cts", []string{"read X 1:16-1:29"}},
	} {
		got := render(ScanFile(tc.name, src))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ScanFile(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	// A TypeScript type assertion in a .ts file.
	got := render(ScanFile("a.ts", []byte("const w = <Window>window; const b = <T>(x: T) => process.env.X;")))
	if want := []string{"read X 1:50-1:63"}; !reflect.DeepEqual(got, want) {
		t.Errorf("type assertion: got %q, want %q", got, want)
	}
}

func TestSupported(t *testing.T) {
	for name, want := range map[string]bool{
		"a.js": true, "a.mjs": true, "a.cjs": true, "a.jsx": true,
		"a.ts": true, "a.mts": true, "a.cts": true, "a.TSX": true,
		"a.d.ts": true, "a.json": false, "a.go": false, "js": false, "a.vue": false,
	} {
		if got := Supported(name); got != want {
			t.Errorf("Supported(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestMayContainFacts(t *testing.T) {
	for src, want := range map[string]bool{
		"const a = 1 + 2;":                        false,
		"// just a comment\nexport default {}":    false,
		"x = process.env.X":                       true,
		"x = Deno.env.get('X')":                   true,
		"import { x } from '@remotion/lambda'":    true,
		"require('dotenv')":                       true,
		"f('" + keyID + "')":                      true,
		"f('" + tempKeyID + "')":                  true,
		"const mySecret = 'x'":                    true,
		"const MY_SECRET = 'x'":                   true,
		"const a = <div>hello</div>":              false,
		"const region = 'us-east-1'; lambda.go()": false,
		// a module exporting a region-shaped constant
		"export const REGION = 'us-east-1';":          true,
		"export const REGION = `ap-southeast-12`;":    true,
		"exports.REGION = \"ca-west-1\"":              true,
		"export const RANGE = 'a-1b'; x = n-1":        false,
		"export const A = 'x'; const r = 'us-east-1'": true,
		"const r = 'us-east-1'; module.x = r":         false,
		"export default { b: '-1' }":                  false,
		// an unterminated string still exports its value
		"export const REGION = 'us-east-1":             true,
		"export const A=\"AA00-0":                      true,
		"export const R = 'ab-1'":                      false,
		"export const R = 'AA00-0'":                    true,
		"// module 1 of pkg-0785\nexport const x = 1;": false,
		"export const R = `us-west-2`":                 true,
		"export const R = 'us-west-2\u2028":            true,
		// escapes that may spell a word searched for, in a decoded literal
		"const k = '\\x41KIAZ7Q3M5N2B4V6C8X1'": true,
		"const k = 'A\\KIAZ7Q3M5N2B4V6C8X1'":   true,
		"x = process['\\u0065nv'].A":           true,
		"const s = 'a\\n\\t\\r\\b\\f\\v'":      false,
		"const s = 'a\\\\'":                    false,
	} {
		if got := MayContainFacts([]byte(src)); got != want {
			t.Errorf("MayContainFacts(%q) = %v, want %v", src, got, want)
		}
	}
	// Every test source with a fact passes the prefilter.
	for _, tc := range allCases() {
		if len(tc.want) > 0 && !MayContainFacts([]byte(tc.src)) {
			t.Errorf("MayContainFacts(%q) = false, but it has facts", tc.src)
		}
	}
}

// TestNoSecretInResult puts credentials everywhere a string can reach a
// fact and checks that only the redacted key id comes out.
func TestNoSecretInResult(t *testing.T) {
	src := strings.Join([]string{
		`import { renderMediaOnLambda as r } from "@remotion/lambda";`,
		`import { config } from "dotenv";`,
		`process.env.AWS_SECRET_ACCESS_KEY = "` + secretKey + `";`,
		`process.env.AWS_REGION = "` + keyID + `";`,
		`process.env.AWS_PROFILE = "` + secretKey + `";`,
		`process.env["` + keyID + `"] = "` + secretKey + `";`,
		`process.env["` + secretKey + `" + i] = 1;`,
		`const { ` + keyID + ` } = process.env;`,
		`Object.assign(process.env, { AWS_SECRET_ACCESS_KEY: "` + secretKey + `", "` + secretKey + `": 1 });`,
		`Deno.env.set("AWS_ACCESS_KEY_ID", "` + keyID + `");`,
		`r({ region: "` + keyID + `", credentials: { accessKeyId: "` + keyID + `", secretAccessKey: "` + secretKey + `" } });`,
		`config({ path: "` + secretKey + `" });`,
		`const ` + keyID + ` = "` + keyID + `";`,
		`const o = { "` + keyID + `": "` + keyID + `", secret: "` + secretKey + `" };`,
		`const j = <C secretKey="` + secretKey + `" id="` + keyID + `" />;`,
	}, "\n")
	r := Scan([]byte(src))
	r.Comments = nil
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{keyID, secretKey, keyID[4:], secretKey[:20], secretKey[20:]} {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("result contains a secret fragment: %s", b)
		}
	}
	if !bytes.Contains(b, []byte("AKIA…DEFG")) {
		t.Errorf("result lacks the redacted key id: %s", b)
	}
	// The facts are still there.
	if len(r.Literals) < 8 || len(r.Writes) < 7 || len(r.RemotionCalls) != 1 || len(r.DotenvLoads) != 1 {
		t.Errorf("facts missing: %d literals, %d writes, %d calls, %d loads",
			len(r.Literals), len(r.Writes), len(r.RemotionCalls), len(r.DotenvLoads))
	}
}

func TestDeterministic(t *testing.T) {
	src := []byte(benchSource(20_000))
	a, _ := json.Marshal(Scan(src))
	b, _ := json.Marshal(Scan(src))
	if !bytes.Equal(a, b) {
		t.Error("two scans of the same source differ")
	}
}

// TestLinear checks on adversarial inputs that the lexer emits O(n) tokens
// in all (JSX rewinds included) and extraction terminates.
func TestLinear(t *testing.T) {
	inputs := map[string]string{
		"unclosed JSX":        strings.Repeat("x = <a>\n", 20000),
		"nested unclosed JSX": strings.Repeat("=<a>=<a>", 20000),
		"JSX in braces":       strings.Repeat("{(<a b={", 20000),
		"unclosed attr":       strings.Repeat("=<a b='", 20000),
		"closing tags":        "x = <a>" + strings.Repeat("</aaaaaaaa", 20000),
		"unclosed regexes":    strings.Repeat("=/[", 50000),
		"braces":              strings.Repeat("{", 100000) + strings.Repeat("}", 100000),
		"templates":           strings.Repeat("`${", 50000),
		"env in env":          strings.Repeat("process.env[", 30000),
		"destructuring":       strings.Repeat("{a,", 30000) + strings.Repeat("}", 30000) + "= process.env",
		"calls":               "import * as l from '@remotion/lambda';" + strings.Repeat("l.f({region:l.f(", 20000),
	}
	for name, in := range inputs {
		src := []byte(in)
		lx := lex(src, true)
		if lx.emitted > 4*len(src)+16 {
			t.Errorf("%s: %d tokens emitted for %d bytes", name, lx.emitted, len(src))
		}
		if lx.rescans > maxRegexFails*len(src) || lx.budget > 2*len(src) {
			t.Errorf("%s: %d bytes rescanned by regexes, %d by JSX, for %d bytes", name, lx.rescans, lx.budget, len(src))
		}
		Scan(src) // must terminate (the test timeout catches a hang)
	}
}

// mayContainFactsReference is MayContainFacts as first written, one search
// per word (and a regular expression for the escapes): the one-pass version
// must answer the same.
func mayContainFactsReference(src []byte) bool {
	for _, w := range []string{"env", "remotion", "AKIA", "ASIA", "ABIA", "ACCA", "A3T"} {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	if bytes.Contains(bytes.ToLower(src), []byte("ecret")) || spellingEscape.Match(src) {
		return true
	}
	return bytes.Contains(src, []byte("export")) && mayHoldRegion(src)
}

// spellingEscape is a backslash before a letter other than b, f, n, r, t
// and v, a digit or '-'.
var spellingEscape = regexp.MustCompile(`\\[ac-eg-mo-qsuw-zA-Z0-9-]`)

func TestMayContainFactsKeyIDPrefixes(t *testing.T) {
	for _, src := range []string{
		"AKIA", "xASIA", "ABIAx", "ACCA", "A3T", "AA3T", "AAKIA", "AKI", "A3", "A", "", "3T", "KIA",
		"AxKIA", "a3t", "akia", "AAAAAAAA", "A\\x00KIA",
	} {
		if got, want := MayContainFacts([]byte(src)), mayContainFactsReference([]byte(src)); got != want {
			t.Errorf("MayContainFacts(%q) = %v, want %v", src, got, want)
		}
	}
}

// Token slices and line tables are recycled between files: a file scanned
// after larger ones (whose tables hold more lines) must get exactly the
// result it gets after smaller ones.
func TestRecycledBuffersGiveTheSameResult(t *testing.T) {
	big := []byte(benchSource(64 << 10))
	for _, tc := range allCases() {
		src := []byte(tc.src + "\n// trailing comment\n")
		Scan([]byte("x"))
		want := Scan(src)
		Scan(big)
		if got := Scan(src); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: after a large file %+v, after a small one %+v", tc.src, got, want)
		}
	}
}
