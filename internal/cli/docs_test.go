package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
)

// TestReadmeRuleTable fails when the README's rule table is not the one the
// rules' metadata generates (refresh with -update).
func TestReadmeRuleTable(t *testing.T) {
	e, err := policy.New(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	readme := filepath.Join(repoRoot(t), "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatal("README.md has no rules:begin/rules:end markers")
	}
	want := RulesTable(lint.Catalogue(e))
	got := s[i+len(begin) : j]
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(readme, []byte(s[:i+len(begin)]+want+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md rule table is out of date; run go test ./internal/cli -update\n--- want\n%s\n--- got\n%s", want, got)
}
