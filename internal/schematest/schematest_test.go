// Package schematest checks the published schemas and generated docs against
// the code: the fact document remolint builds validates against
// schemas/input.schema.json, .remolint.yaml files against
// schemas/remolint.schema.json, and the schemas and docs/rules.md match what
// they are generated from (-update rewrites them).
package schematest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated schemas and docs")

// repoRoot is the module root.
func repoRoot(t testing.TB) string {
	t.Helper()
	abs, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func readJSON(t testing.TB, path string) any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}
