package cli

import (
	"fmt"
	"strings"

	"github.com/remolint/remolint/internal/policy"
)

// RulesTable renders the README's rule table from rule metadata.
func RulesTable(rules []policy.RuleMeta) string {
	var b strings.Builder
	b.WriteString("| rule | severity | Remotion projects only | what it finds |\n|---|---|---|---|\n")
	for _, r := range rules {
		only := ""
		if r.RequiresRemotion {
			only = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, only, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	return b.String()
}
