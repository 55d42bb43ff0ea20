package project

import (
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/jsonpos"
	"github.com/remolint/remolint/internal/secret"
)

// jsonLiterals finds credential-shaped string values in a JSON file: AWS key
// ids anywhere, and 40-character secrets under a secret-named key. Values are
// kept only in redacted form.
func jsonLiterals(path string, src []byte) ([]facts.Literal, string) {
	var out []facts.Literal
	err := jsonpos.Walk(src, func(s jsonpos.String) {
		if s.Key {
			return
		}
		key := ""
		if n := len(s.Path); n > 0 {
			key = s.Path[n-1]
		}
		l := facts.Literal{Language: "json", Context: key, Location: loc(path, s.Pos)}
		switch shape := secret.Shape(s.Value); {
		case shape == facts.ShapeAccessKeyID || shape == facts.ShapeTempKeyID:
			l.Shape, l.Display = shape, secret.Display(s.Value)
		case secret.IsSecretKey(s.Value) && strings.Contains(strings.ToUpper(key), "SECRET"):
			l.Shape = "secret"
		default:
			return
		}
		// Point past the opening quote, at the value itself.
		l.Location.Column++
		out = append(out, l)
	})
	if err != nil {
		return out, err.Error()
	}
	return out, ""
}
