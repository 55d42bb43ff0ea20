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
	seed := uint32(1)
	for n := 0; n < 2000; n++ {
		b := make([]byte, n%24)
		for i := range b {
			seed = seed*1664525 + 1013904223
			b[i] = "enviremotcxpbaECSRTN"[seed>>27%20]
		}
		in = append(in, string(b))
	}
	return in
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
	seed := uint32(7)
	for n := 0; n < 2000; n++ {
		b := make([]byte, n%12)
		for i := range b {
			seed = seed*1664525 + 1013904223
			b[i] = "AKISBC3Tx"[seed>>28%9]
		}
		in = append(in, string(b))
	}
	for _, s := range in {
		want := false
		for _, p := range []string{"AKIA", "ASIA", "ABIA", "ACCA", "A3T"} {
			want = want || bytes.Contains([]byte(s), []byte(p))
		}
		if got := KeyID([]byte(s)); got != want {
			t.Errorf("KeyID(%q) = %v, want %v", s, got, want)
		}
	}
}
