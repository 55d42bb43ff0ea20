package secret

import (
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

func TestShape(t *testing.T) {
	cases := map[string]string{
		"":                     facts.ShapeEmpty,
		"AKIAQ3EGRUZ7MDYQ4XKA": facts.ShapeAccessKeyID,
		"ASIAQ3EGRUZ7MDYQ4XKA": facts.ShapeTempKeyID,
		"A3TQ3EGRUZ7MDYQ4XKAB": facts.ShapeAccessKeyID,
		"AKIAIOSFODNN7EXAMPLE": facts.ShapePlaceholder,
		"AKIAXXXXXXXXXXXXXXXX": facts.ShapePlaceholder,
		"AKIA0000000000000000": facts.ShapePlaceholder,
		"AK...":                facts.ShapePlaceholder,
		"xxxxxxxx":             facts.ShapePlaceholder,
		"<your-access-key>":    facts.ShapePlaceholder,
		"changeme":             facts.ShapePlaceholder,
		"akiaq3egruz7mdyq4xka": facts.ShapeOther,
		"AKIAQ3EGRUZ7MDYQ4XK":  facts.ShapeOther, // 19 characters
		"q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2Rv": facts.ShapeOther,
	}
	for in, want := range cases {
		if got := Shape(in); got != want {
			t.Errorf("Shape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDisplayAndHash(t *testing.T) {
	if got := Display("AKIAQ3EGRUZ7MDYQ4XKA"); got != "AKIA…4XKA" {
		t.Errorf("Display = %q", got)
	}
	if got := Display("q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2Rv"); got != "" {
		t.Errorf("a secret must not be displayed at all, got %q", got)
	}
	if a1, a2 := Hash("a"), Hash("a"); a1 == Hash("b") || a1 != a2 || Hash("") != "" {
		t.Error("Hash is not a stable equality check")
	}
	if strings.Contains(Hash("secretvalue"), "secretvalue") {
		t.Error("hash contains the value")
	}
}

func TestIsSecretKey(t *testing.T) {
	if !IsSecretKey("q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2Rv") || !IsSecretKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") {
		t.Error("40-character secrets not recognised")
	}
	for _, s := range []string{"", strings.Repeat("a", 40), strings.Repeat("A", 39) + "1", "q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2R!"} {
		if IsSecretKey(s) {
			t.Errorf("IsSecretKey(%q) = true", s)
		}
	}
}

func TestVariableWithholdsSecrets(t *testing.T) {
	cases := []struct {
		name, value string
		shown       bool
	}{
		{"REMOTION_AWS_REGION", "eu-central-1", true},
		{"AWS_PROFILE", "render", true},
		{"REMOTION_SKIP_AWS_CREDENTIALS_CHECK", "false", true},
		{"REMOTION_AWS_SECRET_ACCESS_KEY", "short", false},
		{"AWS_KEY_1", "AKIAQ3EGRUZ7MDYQ4XKA", false},
		{"DATABASE_URL", "postgres://u:p@h/db", false},
		{"AWS_PROFILE", "AKIAQ3EGRUZ7MDYQ4XKA", false}, // a key pasted into a profile variable
	}
	for _, c := range cases {
		v := Variable(c.name, c.value)
		if (v.Value != "") != c.shown || v.Secret == c.shown {
			t.Errorf("Variable(%s) = value %q secret %t, want shown %t", c.name, v.Value, v.Secret, c.shown)
		}
		if !v.Set || v.Hash == "" {
			t.Errorf("Variable(%s) lost set/hash", c.name)
		}
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"key AKIAQ3EGRUZ7MDYQ4XKA here":                      "key AKIA…4XKA here",
		"x=q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2Rv;":        "x=[redacted];",
		"AKIAQ3EGRUZ7MDYQ4XKAB (21 chars) stays":             "AKIAQ3EGRUZ7MDYQ4XKAB (21 chars) stays",
		"sha 0123456789abcdef0123456789abcdef01234567 stays": "sha 0123456789abcdef0123456789abcdef01234567 stays",
		"REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false is left":  "REMOTION_SKIP_AWS_CREDENTIALS_CHECK=false is left",
		"":          "",
		"AKIA…4XKA": "AKIA…4XKA",
	}
	for in, want := range cases {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRedact(f *testing.F) {
	f.Add("AKIAQ3EGRUZ7MDYQ4XKA q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2Rv")
	f.Fuzz(func(t *testing.T, s string) {
		out := Redact(s)
		if Redact(out) != out {
			t.Fatalf("Redact is not idempotent on %q", s)
		}
	})
}
