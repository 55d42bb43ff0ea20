package golangci

import (
	"os"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// TestDependenciesBuildInsideGolangciLint guards the plugin's one known
// dependency trap. `golangci-lint custom` compiles this module into
// golangci-lint, and one build holds one version of each module. OPA v1.21
// and later require github.com/gobwas/glob v1, whose API dropped the
// glob.Glob interface; golangci-lint v2.15.0 asks for depguard v2.2.1 and
// protogetter v1.0.1, which use it, and fails to build with glob v1 unless
// the build selects depguard v2.3.0 and protogetter v1.0.2 (the first on
// glob v1). remolint requires those (globcompat.go keeps the requirements
// through `go mod tidy`); scripts/golangci-it.sh builds golangci-lint with
// the plugin. Drop them once golangci-lint requires those versions itself.
func TestDependenciesBuildInsideGolangciLint(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	required := map[string]string{}
	for _, r := range f.Require {
		required[r.Mod.Path] = r.Mod.Version
	}
	glob, ok := required["github.com/gobwas/glob"]
	if !ok {
		t.Fatal("go.mod does not list github.com/gobwas/glob: check which version the build selects before removing this test")
	}
	if semver.Major(glob) == "v0" {
		return // golangci-lint's own requirements build
	}
	for path, least := range map[string]string{
		"github.com/OpenPeeDeeP/depguard/v2": "v2.3.0",
		"github.com/ghostiam/protogetter":    "v1.0.2",
	} {
		v, ok := required[path]
		if !ok || semver.Compare(v, least) < 0 {
			t.Errorf("go.mod selects github.com/gobwas/glob %s but requires %s %q: golangci-lint v2.15.0 builds with glob v1 only with %s %s or later (see globcompat.go)", glob, path, v, path, least)
		}
	}
}
