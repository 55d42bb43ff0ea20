package secret

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// refIsPlaceholder is isPlaceholder as first written, lowering the value.
func refIsPlaceholder(v string) bool {
	l := strings.ToLower(v)
	if strings.Contains(l, "example") && strings.Contains(l, "key") {
		return true
	}
	if strings.Trim(l, "x*.-_ ") == "" {
		return true
	}
	for _, w := range placeholderWords {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return strings.HasSuffix(l, "...") || strings.Contains(l, "…")
}

// TestPlaceholderIgnoresCaseInPlace: isPlaceholder, which avoids lowering
// ASCII values, agrees with lowering first, on hand-picked and random values
// (non-ASCII ones too: U+212A KELVIN SIGN lowers to ASCII 'k').
func TestPlaceholderIgnoresCaseInPlace(t *testing.T) {
	values := []string{"", "x", "XXX", "xX-*. _", "ChangeMe", "YOUR_KEY", "AKIAIOSFODNN7EXAMPLE", "Example-Key",
		"EXAMPLE \u212aEY", "\u212aEY EXAMPLE", "é", "ÉXAMPLE KEY", "NULL", "nul", "<secret>", "…", "AK...", "${X}",
		"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "Todo: fill", "To", "realvalue"}
	pieces := []string{"x", "X", "e", "E", "xample", "XAMPLE", "key", "KEY", "\u212a", "ey", "your", "YOUR", ".", "-", "_", " ", "*", "…", "<", "a", "Z", "9", "é", "ſ", "null"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.IntN(6); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		values = append(values, b.String())
	}
	for _, v := range values {
		if got, want := isPlaceholder(v), refIsPlaceholder(v); got != want {
			t.Fatalf("isPlaceholder(%q) = %v, lowering first gives %v", v, got, want)
		}
	}
}

// TestHashUnchanged: Hash is sha256 over the salt and the value, first 12
// bytes in hex, whether or not the value fits the stack buffer.
func TestHashUnchanged(t *testing.T) {
	for _, v := range []string{"a", "secret", strings.Repeat("k", 115), strings.Repeat("k", 116), strings.Repeat("é", 300)} {
		h := sha256.Sum256([]byte("remolint/v1\x00" + v))
		if got, want := Hash(v), hex.EncodeToString(h[:12]); got != want {
			t.Fatalf("Hash of a %d-byte value = %s, want %s", len(v), got, want)
		}
	}
}
