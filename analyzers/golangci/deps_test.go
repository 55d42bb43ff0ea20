package golangci

import (
	"os"
	"testing"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/semver"
)

// TestDependenciesBuildInsideGolangciLint guards the plugin's one known
// dependency trap. `golangci-lint custom` compiles this module into
// golangci-lint, and one build holds one version of each module: golangci-lint
// v2.15.0's depguard and protogetter use github.com/gobwas/glob v0.2.3's
// glob.Glob interface, which glob v1 removed. OPA v1.21 and later require
// glob v1, so remolint pins OPA v1.20.x; upgrading it breaks every user's
// custom golangci-lint build (scripts/golangci-it.sh shows the compile
// error). Lift this when golangci-lint's linters move to glob v1.
func TestDependenciesBuildInsideGolangciLint(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range f.Require {
		if r.Mod.Path != "github.com/gobwas/glob" {
			continue
		}
		found = true
		if semver.Major(r.Mod.Version) != "v0" {
			t.Errorf("go.mod requires github.com/gobwas/glob %s: golangci-lint v2.15.0 cannot build with it (its linters need v0.2.3's glob.Glob)", r.Mod.Version)
		}
	}
	if !found {
		t.Error("go.mod does not list github.com/gobwas/glob: check which version the build selects before removing this test")
	}
}
