package schematest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/policy"
)

// rulesDoc renders docs/rules.md from the rules' metadata. Each rule's
// section is headed by its ID alone, so its anchor is the ID
// (docs/rules.md#<rule-id>, the helpUri of SARIF output).
func rulesDoc(rules []policy.RuleMeta) string {
	var b strings.Builder
	b.WriteString(`# remolint rules

<!-- Generated from the rules' metadata (the METADATA of policies/rules/**/*.rego
and internal/finding/suppress.go) by "go test ./internal/schematest -update".
Do not edit: change the rule and regenerate. -->

Every rule remolint ships. Rule IDs are a public contract: they appear in
` + "`.remolint.yaml`" + `, in suppression comments and in CI dashboards, and never change.
` + "`remolint explain RULE`" + ` prints the same text in a terminal.

- Change a rule's severity or turn it off in ` + "`.remolint.yaml`" + `:
  ` + "`rules: {unprefixed-key: off}`" + ` (see [the configuration schema](../schemas/remolint.schema.json)).
- Suppress one finding with a reason: ` + "`# remolint:ignore RULE reason`" + ` in env and AWS
  files, ` + "`// remolint:ignore RULE reason`" + ` in code, on the line or the line above.
- Rules marked *Remotion projects only* run only in projects that depend on or
  import a Remotion Lambda client, have a ` + "`remotion.config.*`" + `, or use a
  ` + "`REMOTION_AWS_*`" + ` name.
- Your team's own rules: see [policies/examples](../policies/examples/README.md).

| rule | severity | Remotion projects only | what it finds |
|---|---|---|---|
`)
	for _, r := range rules {
		only := ""
		if r.RequiresRemotion {
			only = "yes"
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, only, tableCell(r.Summary))
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "**Severity:** %s", r.Severity)
		if r.RequiresRemotion {
			b.WriteString(" · **Remotion projects only**")
		}
		if r.File != "" {
			fmt.Fprintf(&b, " · **Defined in:** [`%s`](../%s)", r.File, r.File)
		}
		fmt.Fprintf(&b, "\n\n%s.\n", strings.TrimSuffix(upperFirst(r.Summary), "."))
		if d := strings.TrimSpace(r.Description); d != "" {
			fmt.Fprintf(&b, "\n%s\n", d)
		}
		if s := strings.TrimSpace(r.Remotion); s != "" {
			fmt.Fprintf(&b, "\n**What Remotion really does.** %s\n", s)
		}
		codeBlock(&b, "Bad", r.Bad)
		codeBlock(&b, "Good", r.Good)
	}
	return b.String()
}

func tableCell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// codeBlock writes a fenced block whose fence is longer than any backtick
// run in the text.
func codeBlock(b *strings.Builder, title, text string) {
	text = strings.Trim(text, "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	fmt.Fprintf(b, "\n**%s**\n\n%s\n%s\n%s\n", title, fence, text, fence)
}

// TestRulesDoc fails when docs/rules.md no longer matches the rules'
// metadata; go test ./internal/schematest -update rewrites it.
func TestRulesDoc(t *testing.T) {
	rules := catalogue(t)
	for _, r := range rules {
		for field, v := range map[string]string{"summary": r.Summary, "description": r.Description, "bad": r.Bad, "good": r.Good, "file": r.File} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("rule %s has no %s: docs/rules.md needs it", r.ID, field)
			}
		}
	}
	checkGenerated(t, filepath.Join(repoRoot(t), "docs", "rules.md"), []byte(rulesDoc(rules)))
}

// TestRulesDocAnchors checks the published page: every rule has exactly one
// heading whose GitHub anchor is its ID, no other heading takes that anchor,
// and every link to a file in the repository points at a file that exists.
func TestRulesDocAnchors(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(repoRoot(t), "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchors := map[string]int{}
	inFence := false
	for _, line := range strings.Split(string(page), "\n") {
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
			continue
		}
		if !inFence && strings.HasPrefix(line, "#") {
			anchors[githubAnchor(strings.TrimLeft(line, "# "))]++
		}
	}
	for _, r := range catalogue(t) {
		if n := anchors[r.ID]; n != 1 {
			t.Errorf("docs/rules.md has %d headings with anchor #%s, want 1", n, r.ID)
		}
	}
	for _, m := range regexp.MustCompile(`\]\(\.\./([^)#]+)\)`).FindAllStringSubmatch(string(page), -1) {
		if _, err := os.Stat(filepath.Join(repoRoot(t), filepath.FromSlash(m[1]))); err != nil {
			t.Errorf("docs/rules.md links to ../%s, which does not exist", m[1])
		}
	}
}

// githubAnchor is GitHub's heading slug: lowercase, punctuation other than
// '-' and '_' removed, spaces turned into '-'.
func githubAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestGithubAnchor(t *testing.T) {
	for in, want := range map[string]string{
		"platform-reserved-key":  "platform-reserved-key",
		"What Remotion does?":    "what-remotion-does",
		"`unsupported-region`":   "unsupported-region",
		"remolint rules":         "remolint-rules",
		"Skip_check (warning) 2": "skip_check-warning-2",
	} {
		if got := githubAnchor(in); got != want {
			t.Errorf("githubAnchor(%q) = %q, want %q", in, got, want)
		}
	}
}
