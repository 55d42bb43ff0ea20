package prefilter

import (
	"bytes"
	"strings"
	"testing"
)

// inputs are the edges of the input and near misses of the words searched,
// then 2,000 short strings of their letters.
func inputs() []string {
	in := []string{"", "e", "en", "env", "nv", "xenv", "envx", "eenv", "enenv", "vvv", "ev env", "Env", "ENV", "eNv",
		"remotio", "remotionn", "rremotion", "mmm", "secret", "ECRE", "xECRET", "sEcReT", "SECRE", "ecret",
		"exporexport", "xx", "ba", "ab"}
	return append(in, random(1, "enviremotcxpbaECSRTN", 24)...)
}

// random returns 2,000 strings of letters, of lengths 0 to maxLen-1, drawn
// by a linear congruential generator from seed: the same ones every run.
func random(seed uint32, letters string, maxLen int) []string {
	out := make([]string, 0, 2000)
	for n := range 2000 {
		b := make([]byte, n%maxLen)
		for i := range b {
			seed = seed*1664525 + 1013904223
			b[i] = letters[int(seed>>16)%len(letters)]
		}
		out = append(out, string(b))
	}
	return out
}

// Contains must agree with strings.Contains for every anchor.
func TestContainsAgreesWithStringsContains(t *testing.T) {
	in := inputs()
	for _, w := range []string{"env", "remotion", "ecret", "ECRET", "export", "a", "ab"} {
		for anchor := range w {
			for _, s := range in {
				if got, want := Contains([]byte(s), w, anchor), strings.Contains(s, w); got != want {
					t.Fatalf("Contains(%q, %q, %d) = %v, want %v", s, w, anchor, got, want)
				}
			}
		}
	}
}

// ContainsFold must agree with a search of the lower-cased input for every
// anchor.
func TestContainsFoldAgreesWithLowerCase(t *testing.T) {
	in := inputs()
	for _, w := range []string{"secret", "env", "a", "ab"} {
		for anchor := range w {
			for _, s := range in {
				if got, want := ContainsFold([]byte(s), w, anchor), strings.Contains(strings.ToLower(s), w); got != want {
					t.Fatalf("ContainsFold(%q, %q, %d) = %v, want %v", s, w, anchor, got, want)
				}
			}
		}
	}
}

// KeyID must agree with searching for each prefix.
func TestKeyIDAgreesWithPrefixes(t *testing.T) {
	in := []string{"AKIA", "xASIA", "ABIAx", "ACCA", "A3T", "AA3T", "AAKIA", "AKI", "A3", "A", "", "3T", "KIA",
		"AxKIA", "a3t", "akia", "AAAAAAAA", "A\\x00KIA", "ACC", "ACCAA", "AB"}
	for _, s := range append(in, random(7, "AKISBC3Tx", 12)...) {
		want := false
		for _, p := range []string{"AKIA", "ASIA", "ABIA", "ACCA", "A3T"} {
			want = want || bytes.Contains([]byte(s), []byte(p))
		}
		if got := KeyID([]byte(s)); got != want {
			t.Errorf("KeyID(%q) = %v, want %v", s, got, want)
		}
	}
}

// Escape must agree with looking after every backslash of the input, at the
// edges too (a final backslash, escaped backslashes).
func TestEscapeAgreesWithEveryBackslash(t *testing.T) {
	spells := func(c byte) bool { return c == 'x' || c == '7' }
	in := append([]string{"", `\`, `\\`, `\x`, `x\`, `\\x`, `\\\x`, `\7`, `a\b`}, random(3, `\x7ab`, 10)...)
	for _, s := range in {
		want := false
		for i := 0; i+1 < len(s); i++ {
			want = want || (s[i] == '\\' && spells(s[i+1]))
		}
		if got := Escape([]byte(s), spells); got != want {
			t.Errorf("Escape(%q) = %v, want %v", s, got, want)
		}
	}
}
