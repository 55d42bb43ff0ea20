package dotenv

import (
	"maps"
	"regexp"
	"strings"
	"testing"
)

// jsSpace is JavaScript's `\s` as a Go character class.
const jsSpace = `[\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]`

// refLine is dotenv 17's LINE pattern, with `\s` and `.` spelled out as in
// JavaScript. Go's `(?m)` `^`/`$` only know "\n", so the reference is used on
// texts without U+2028/U+2029 (the normalised text holds no "\r"). Its
// quirks, such as the duplicated `^` in `(?:^|^)`, are dotenv's.
var refLine = regexp.MustCompile(`(?m)(?:^|^)` + //nolint:gocritic // dotenv's own pattern, quirks included
	`` + jsSpace + `*(?:export` + jsSpace + `+)?([\w.-]+)(?:` +
	jsSpace + `*=` + jsSpace + `*?|:` + jsSpace + `+?)(` +
	jsSpace + `*'(?:\\'|[^'])*'|` + jsSpace + `*"(?:\\"|[^"])*"|` + jsSpace + "*`(?:\\\\`|[^`])*`|[^#\\r\\n]+)?" +
	jsSpace + `*(?:#[^\n\r\x{2028}\x{2029}]*)?(?:$|$)`)

// refNode is a direct (quadratic in the worst case) transcription of
// dotenv 17's parse using refLine.
func refNode(src []byte) (map[string]string, bool) {
	text, _, _, _ := normalizeNode(src)
	if strings.ContainsAny(text, "\u2028\u2029") {
		return nil, false
	}
	out := map[string]string{}
	for _, m := range refLine.FindAllStringSubmatch(text, -1) {
		v := strings.TrimFunc(m[2], isJSSpaceRune)
		q := byte(0)
		if v != "" {
			q = v[0]
		}
		// value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2'): without U+2028 and
		// U+2029 a value spans lines only when quoted from end to end.
		if len(v) >= 2 && quoteSlot(q) >= 0 && v[len(v)-1] == q {
			v = v[1 : len(v)-1]
		}
		if q == '"' {
			v = strings.ReplaceAll(v, `\n`, "\n")
			v = strings.ReplaceAll(v, `\r`, "\r")
		}
		if m[1] == "__proto__" {
			continue
		}
		out[m[1]] = v
	}
	return out, true
}

func TestReferenceAgreesOnVectors(t *testing.T) {
	for i, c := range loadVectors(t) {
		got, ok := refNode([]byte(c.Input))
		if !ok || !maps.Equal(got, c.Node) {
			t.Errorf("case %d %q: reference %q, want %q", i, c.Input, got, c.Node)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range loadVectors(f) {
		f.Add([]byte(c.Input))
	}
	for _, s := range parseSeeds() {
		f.Add([]byte(s))
	}
	for _, c := range anomalyCases {
		f.Add([]byte(c.in))
	}
	for _, c := range spanCases {
		f.Add([]byte(c.in))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file := Parse(src)
		checkInvariants(t, src, file)
		checkFastPath(t, src)
		// The reference is quadratic (and worse under Go's regexp) on long
		// inputs with unclosed quotes; it is only consulted on short ones.
		if len(src) > 2048 {
			return
		}
		if want, ok := refNode(src); ok {
			if got := file.Node(); !maps.Equal(got, want) {
				t.Fatalf("Node %q, reference %q", got, want)
			}
		}
	})
}
