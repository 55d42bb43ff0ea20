// Package secret classifies values without revealing them: it decides which
// variable names may hold secrets, what a value looks like (its shape), how a
// key id is displayed ("AKIA…WXYZ"), and a stable hash for equality checks.
//
// Everything that leaves remolint (findings, the fact document, errors) goes
// through this package's forms, never through raw values.
package secret

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/remolint/remolint/internal/facts"
)

// keyIDPrefixes are the four-character prefixes of AWS access key ids.
// ASIA ids are temporary (they need a session token).
var keyIDPrefixes = []string{"AKIA", "ASIA", "ABIA", "ACCA"}

// IsKeyID reports whether s has the form of an AWS access key id: AKIA, ASIA,
// ABIA, ACCA or A3T followed by upper-case letters and digits, 20 characters
// in all.
func IsKeyID(s string) bool {
	if len(s) != 20 {
		return false
	}
	if !hasKeyIDPrefix(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func hasKeyIDPrefix(s string) bool {
	if strings.HasPrefix(s, "A3T") {
		return true
	}
	for _, p := range keyIDPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// IsSecretKey reports whether s looks like an AWS secret access key: exactly
// 40 characters of the base64 alphabet, mixing cases or digits.
func IsSecretKey(s string) bool {
	if len(s) != 40 {
		return false
	}
	var lower, upper, digit bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= '0' && c <= '9':
			digit = true
		case c == '+' || c == '/' || c == '=':
		default:
			return false
		}
	}
	return lower && (upper || digit)
}

// placeholderWords are values that document a slot rather than fill it.
var placeholderWords = []string{
	"xxx", "changeme", "change-me", "change_me", "your", "todo", "replace",
	"placeholder", "example", "dummy", "fake", "redacted", "secret_here",
	"undefined", "null", "none", "<", "...", "…", "${",
}

// Shape classifies a value. It never returns the value.
func Shape(value string) string {
	switch {
	case value == "":
		return facts.ShapeEmpty
	case IsKeyID(value) && (strings.HasSuffix(value, "EXAMPLE") || fewDistinct(value[4:])):
		return facts.ShapePlaceholder
	case IsKeyID(value) && strings.HasPrefix(value, "ASIA"):
		return facts.ShapeTempKeyID
	case IsKeyID(value):
		return facts.ShapeAccessKeyID
	case isPlaceholder(value):
		return facts.ShapePlaceholder
	}
	return facts.ShapeOther
}

// fewDistinct reports whether s uses at most two distinct bytes
// (AKIAXXXXXXXXXXXXXXXX, AKIA0000000000000000): a placeholder, not a key.
func fewDistinct(s string) bool {
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			n++
		}
	}
	return n <= 2
}

func isPlaceholder(v string) bool {
	// The tests below ignore ASCII case. Lowering the value would allocate
	// for nearly every key; only a non-ASCII value is lowered first (its
	// lower case may differ in more than ASCII letters, and is then all
	// lower-case ASCII letters, which ignoring case leaves as they are).
	l := v
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			l = strings.ToLower(v)
			break
		}
	}
	if containsFold(l, "example") && containsFold(l, "key") {
		return true
	}
	if onlyFillers(l) {
		return true
	}
	for _, w := range placeholderWords {
		if len(l) >= len(w) && equalFoldASCII(l[:len(w)], w) {
			return true
		}
	}
	// "AK..." or "AKIA..." style elisions.
	return strings.HasSuffix(l, "...") || strings.Contains(l, "…")
}

// lowerASCII lowers an ASCII letter and leaves every other byte alone.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFoldASCII reports whether s equals the lower-case w, ignoring the
// case of s's ASCII letters.
func equalFoldASCII(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if lowerASCII(s[i]) != w[i] {
			return false
		}
	}
	return true
}

// containsFold reports whether s contains the lower-case w, ignoring the
// case of s's ASCII letters.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// onlyFillers reports whether s, ignoring ASCII case, is made only of
// "x*.-_ " (strings.Trim(lower, "x*.-_ ") == "").
func onlyFillers(s string) bool {
	for i := 0; i < len(s); i++ {
		switch lowerASCII(s[i]) {
		case 'x', '*', '.', '-', '_', ' ':
		default:
			return false
		}
	}
	return true
}

// Display returns the redacted form of a key id ("AKIA…WXYZ"), and "" for
// anything else: secrets are never displayed, not even in part.
func Display(value string) string {
	if !IsKeyID(value) {
		return ""
	}
	return value[:4] + "…" + value[len(value)-4:]
}

// Hash returns a stable, salted hash of a value for equality checks, "" for
// the empty value. It is never printed; it lets policies compare two values
// without seeing them.
func Hash(value string) string {
	if value == "" {
		return ""
	}
	// Salt and value are joined in a stack buffer when they fit, and the
	// digest is hex-encoded in another: one allocation, the result.
	var buf [128]byte
	h := sha256.Sum256(append(append(buf[:0], hashSalt...), value...))
	var out [24]byte
	hex.Encode(out[:], h[:12])
	return string(out[:])
}

const hashSalt = "remolint/v1\x00"

// nonSecretExact are names whose values are configuration, not secrets.
var nonSecretExact = map[string]bool{
	"REMOTION_SKIP_AWS_CREDENTIALS_CHECK": true,
	"REMOTION_DISABLE_AWS_CLIENT_CACHE":   true,
	"AWS_EC2_METADATA_DISABLED":           true,
	"AWS_SHARED_CREDENTIALS_FILE":         true,
	"AWS_CONFIG_FILE":                     true,
	"AWS_ROLE_ARN":                        true,
	"AWS_ROLE_SESSION_NAME":               true,
	"AWS_WEB_IDENTITY_TOKEN_FILE":         true,
	"AWS_SDK_LOAD_CONFIG":                 true,
	"AWS_STS_REGIONAL_ENDPOINTS":          true,
	"NODE_ENV":                            true,
	"VERCEL":                              true,
	"VERCEL_ENV":                          true,
	"NETLIFY":                             true,
	"AWS_EXECUTION_ENV":                   true,
	"AWS_LAMBDA_FUNCTION_NAME":            true,
}

// NonSecretName reports whether a variable's value may be shown to policies
// and users: regions, profiles, flags and file paths. Everything else is
// treated as secret (the safe default).
func NonSecretName(name string) bool {
	if nonSecretExact[name] {
		return true
	}
	for _, suffix := range []string{"_REGION", "_PROFILE"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// Variable fills the value-derived fields of a facts.Variable for name=value:
// Value (non-secret names only), Secret, Set, Shape, Display, Hash and
// LooksLikeSecretKey. Positions and name-derived fields are the caller's.
func Variable(name, value string) facts.Variable {
	v := facts.Variable{
		Name:               name,
		Set:                value != "",
		Shape:              Shape(value),
		Display:            Display(value),
		Hash:               Hash(value),
		LooksLikeSecretKey: IsSecretKey(value),
	}
	if Shown(name, value) {
		v.Value = value
	} else {
		v.Secret = true
	}
	return v
}

// Shown reports whether a value may appear in full: its name is not secret
// and the value itself does not look like a key id or a secret key (a key
// pasted into AWS_PROFILE stays hidden).
func Shown(name, value string) bool {
	return NonSecretName(name) && !IsKeyID(value) && !IsSecretKey(value)
}

// Redact replaces, in s, every token shaped like an AWS key id with its
// display form and every token shaped like a secret access key with
// "[redacted]". remolint's outputs never hold such values by construction;
// Redact is the last line of defence, applied to everything remolint prints.
func Redact(s string) string {
	if !mayHoldCredential(s) {
		return s
	}
	return redactSecrets(redactKeyIDs(s))
}

// redactKeyIDs replaces key ids bounded by anything but [A-Z0-9] (so one
// inside a path or after "=" is found too).
func redactKeyIDs(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+20 <= len(s); i++ {
		if s[i] != 'A' || (i > 0 && isUpperDigit(s[i-1])) {
			continue
		}
		tok := s[i : i+20]
		if !IsKeyID(tok) || strings.HasSuffix(tok, "EXAMPLE") || (i+20 < len(s) && isUpperDigit(s[i+20])) {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(Display(tok))
		last = i + 20
		i += 19
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// redactSecrets replaces 40-character secret keys bounded by anything but
// the base64 alphabet.
func redactSecrets(s string) string {
	var b strings.Builder
	i, last := 0, 0
	for i < len(s) {
		if !isTokenByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isTokenByte(s[j]) {
			j++
		}
		if tok := s[i:j]; len(tok) == 40 && IsSecretKey(tok) && mixed(tok) {
			b.WriteString(s[last:i])
			b.WriteString("[redacted]")
			last = j
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isUpperDigit(c byte) bool { return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

// isTokenByte reports whether c can be part of a key id or secret key.
func isTokenByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/'
}

// mixed requires upper case, lower case and a digit, so that hex digests
// and ordinary words are left alone.
func mixed(s string) bool {
	var l, u, d bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		l = l || c >= 'a' && c <= 'z'
		u = u || c >= 'A' && c <= 'Z'
		d = d || c >= '0' && c <= '9'
	}
	return l && u && d
}

// mayHoldCredential is a cheap prefilter for Redact: a run of 20 token bytes.
func mayHoldCredential(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isTokenByte(s[i]) {
			run++
			if run >= 20 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
