package finding

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Rule IDs of the suppression rules, which run after the policies.
const (
	RuleInvalidSuppression = "invalid-suppression"
	RuleUnusedSuppression  = "unused-suppression"
)

// Meta documents a rule implemented in Go rather than Rego.
type Meta struct {
	ID, Severity, Summary, Description, Bad, Good string
}

// SuppressionRules documents the suppression rules; `remolint rules`,
// `explain`, the README table and SARIF metadata read it like Rego metadata.
var SuppressionRules = []Meta{
	{
		ID:       RuleInvalidSuppression,
		Severity: Warning,
		Summary:  "a remolint:ignore comment without a reason or naming an unknown rule suppresses nothing",
		Description: "A suppression must name a rule and give a reason: `# remolint:ignore RULE reason` in env and INI files, " +
			"`// remolint:ignore RULE reason` in code. One without a reason, or naming a rule remolint does not have " +
			"(a typo, a rule from another tool), does not suppress anything: the finding it meant to silence is still reported.",
		Bad:  "# remolint:ignore unprefixed-key\nAWS_ACCESS_KEY_ID=AKIA...",
		Good: "# remolint:ignore unprefixed-key the AWS CLI in this container must use the same key\nAWS_ACCESS_KEY_ID=AKIA...",
	},
	{
		ID:       RuleUnusedSuppression,
		Severity: Info,
		Summary:  "a remolint:ignore comment that suppresses no finding",
		Description: "The suppression names a rule that reports nothing on its line or the next: the problem was fixed, " +
			"or the comment sits in the wrong place. Remove it so it cannot hide a future finding.",
		Bad:  "# remolint:ignore skip-check-falsy-value fixed long ago\nREMOTION_AWS_REGION=eu-central-1",
		Good: "REMOTION_AWS_REGION=eu-central-1",
	},
}

// Comment is a comment in a scanned file.
type Comment struct {
	Line, Column int
	Text         string
	// Own is true when the comment is alone on its line: it then covers the
	// next line too.
	Own bool
}

// DirectiveWord is in every suppression directive: a comment without it is
// none, and a scanner need not keep it (MayBeDirective).
const DirectiveWord = "remolint:ignore"

var directive = regexp.MustCompile(`^(?:#|//|/\*|;)\s*` + DirectiveWord + `\b(.*)$`)

// MayBeDirective reports whether a comment's text may be a suppression
// directive. Suppress reads no other comment.
func MayBeDirective(text string) bool { return strings.Contains(text, DirectiveWord) }

type suppression struct {
	path         string
	line, column int
	own          bool
	rule         string
	used         bool
}

// Suppress applies `remolint:ignore RULE reason` comments: it drops the
// findings they cover, and adds invalid-suppression findings for comments
// without a reason or naming an unknown rule and unused-suppression findings
// for valid ones that cover nothing. known reports whether a rule ID exists.
// The result is normalized.
func Suppress(fs []Finding, comments map[string][]Comment, known func(string) bool) []Finding {
	var sups []*suppression
	var extra []Finding
	paths := make([]string, 0, len(comments))
	for p := range comments {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for _, c := range comments[p] {
			text := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c.Text), "*/"))
			m := directive.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			fields := strings.Fields(m[1])
			at := Finding{Path: p, Line: c.Line, Column: c.Column}
			switch {
			case len(fields) == 0:
				at.Rule, at.Severity = RuleInvalidSuppression, Warning
				at.Message = "remolint:ignore names no rule: it suppresses nothing (write remolint:ignore RULE reason)"
				extra = append(extra, at)
			case !known(fields[0]):
				at.Rule, at.Severity = RuleInvalidSuppression, Warning
				at.Message = fmt.Sprintf("remolint:ignore names %q, which is not a remolint rule: it suppresses nothing (see remolint rules)", clip(fields[0]))
				extra = append(extra, at)
			case len(fields) == 1:
				at.Rule, at.Severity = RuleInvalidSuppression, Warning
				at.Message = fmt.Sprintf("remolint:ignore %s gives no reason: it suppresses nothing until one follows the rule ID", fields[0])
				extra = append(extra, at)
			default:
				sups = append(sups, &suppression{path: p, line: c.Line, column: c.Column, own: c.Own, rule: fields[0]})
			}
		}
	}
	if len(sups) == 0 {
		return Normalize(append(fs, extra...))
	}
	type key struct {
		path, rule string
		line       int
	}
	index := map[key][]*suppression{}
	for _, s := range sups {
		index[key{s.path, s.rule, s.line}] = append(index[key{s.path, s.rule, s.line}], s)
		if s.own {
			index[key{s.path, s.rule, s.line + 1}] = append(index[key{s.path, s.rule, s.line + 1}], s)
		}
	}
	kept := fs[:0]
	for _, f := range fs {
		if ss := index[key{f.Path, f.Rule, f.Line}]; len(ss) > 0 {
			for _, s := range ss {
				s.used = true
			}
			continue
		}
		kept = append(kept, f)
	}
	for _, s := range sups {
		if !s.used {
			extra = append(extra, Finding{
				Rule: RuleUnusedSuppression, Severity: Info, Path: s.path, Line: s.line, Column: s.column,
				Message: fmt.Sprintf("remolint:ignore %s suppresses nothing here: remove it so it cannot hide a future finding", s.rule),
			})
		}
	}
	return Normalize(append(kept, extra...))
}

// clip shortens a user-written word for a message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
