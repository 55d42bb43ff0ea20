package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

// Addresses SARIF output points to.
const (
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	// InformationURI is remolint's home page.
	InformationURI = "https://github.com/remolint/remolint"
	ruleDocBase    = "https://github.com/remolint/remolint/blob/main/docs/rules.md#"
	// srcRoot is the uriBaseId of every relative path: the directory
	// remolint ran in, which SARIF consumers (GitHub code scanning) resolve
	// to the checkout.
	srcRoot = "%SRCROOT%"
)

// RuleDocURL returns the documentation address of a built-in rule.
func RuleDocURL(id string) string { return ruleDocBase + url.PathEscape(id) }

// SARIF prints a SARIF 2.1.0 log with one run: the rules of Report.Rules
// (and any other rule a finding names) as tool.driver.rules, one result per
// finding, and diagnostics as tool execution notifications. Paths are
// relative to %SRCROOT%, columns count UTF-16 code units when Report.Lines
// is set (bytes otherwise, the same for ASCII lines), and
// partialFingerprints.primaryLocationLineHash is the finding's fingerprint.
// No source text is ever included: no snippets, no context regions.
type SARIF struct{}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool         `json:"tool"`
	Invocations        []sarifInvocation `json:"invocations"`
	OriginalURIBaseIDs sarifBaseIDs      `json:"originalUriBaseIds"`
	ColumnKind         string            `json:"columnKind"`
	Results            []sarifResult     `json:"results"`
}

type sarifBaseIDs struct {
	SrcRoot sarifArtifactLocation `json:"%SRCROOT%"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     *sarifText         `json:"shortDescription,omitempty"`
	FullDescription      *sarifText         `json:"fullDescription,omitempty"`
	Help                 *sarifText         `json:"help,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations,omitempty"`
	Properties *sarifKind      `json:"properties,omitempty"`
}

type sarifKind struct {
	Kind string `json:"kind"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints *sarifFingerprint `json:"partialFingerprints,omitempty"`
}

type sarifFingerprint struct {
	PrimaryLocationLineHash string `json:"primaryLocationLineHash"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Format implements Formatter.
func (SARIF) Format(w io.Writer, r *Report) error {
	rules, index := sarifRules(r)
	cols := newColumns(r.Lines)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "remolint", Version: r.Version, InformationURI: InformationURI, Rules: rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		OriginalURIBaseIDs: sarifBaseIDs{SrcRoot: sarifArtifactLocation{
			Description: &sarifText{Text: "The directory remolint ran in; every path is relative to it."},
		}},
		ColumnKind: "utf16CodeUnits",
		Results:    make([]sarifResult, 0, len(r.Findings)),
	}
	for _, d := range r.Diagnostics {
		n := sarifNotification{Level: "note", Message: sarifText{Text: d.Message}}
		if d.Location.Path != "" {
			n.Locations = []sarifLocation{sarifLoc(cols, d.Location)}
		}
		if d.Kind != "" {
			n.Properties = &sarifKind{Kind: d.Kind}
		}
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications, n)
	}
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.Rule,
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{sarifLoc(cols, f.Location())},
		}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if f.Related != nil {
			id := 1
			rel := sarifLoc(cols, *f.Related)
			rel.ID = &id
			res.RelatedLocations = []sarifLocation{rel}
		}
		if f.Fingerprint != "" {
			res.PartialFingerprints = &sarifFingerprint{PrimaryLocationLineHash: f.Fingerprint}
		}
		run.Results = append(run.Results, res)
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("writing sarif: %w", err)
	}
	return nil
}

// sarifRules builds the rule descriptors, sorted by ID, and the index of
// each: every rule of r.Rules, plus a bare descriptor for a rule that a
// finding names but r.Rules lacks.
func sarifRules(r *Report) ([]sarifRule, map[string]int) {
	docs := make(map[string]Rule, len(r.Rules))
	for id, rule := range r.Rules {
		if rule.ID == "" {
			rule.ID = id
		}
		docs[id] = rule
	}
	for _, f := range r.Findings {
		if _, ok := docs[f.Rule]; !ok {
			docs[f.Rule] = Rule{ID: f.Rule, Severity: f.Severity, Custom: true}
		}
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	rules := make([]sarifRule, 0, len(ids))
	index := make(map[string]int, len(ids))
	for i, id := range ids {
		rule := docs[id]
		d := sarifRule{ID: id, DefaultConfiguration: sarifConfiguration{Level: sarifLevel(rule.Severity)}}
		if rule.Summary != "" {
			d.ShortDescription = &sarifText{Text: rule.Summary}
		}
		if rule.Description != "" {
			d.FullDescription = &sarifText{Text: rule.Description, Markdown: rule.Description}
		} else if rule.Summary != "" {
			d.FullDescription = &sarifText{Text: rule.Summary}
		}
		if text, md := ruleHelp(rule); text != "" {
			d.Help = &sarifText{Text: text, Markdown: md}
		}
		d.HelpURI = rule.HelpURI
		if d.HelpURI == "" && !rule.Custom {
			d.HelpURI = RuleDocURL(id)
		}
		rules = append(rules, d)
		index[id] = i
	}
	return rules, index
}

// ruleHelp renders a rule's documentation as plain text and as markdown.
func ruleHelp(rule Rule) (text, md string) {
	var t, m strings.Builder
	para := func(s string) {
		if s == "" {
			return
		}
		if t.Len() > 0 {
			t.WriteString("\n\n")
			m.WriteString("\n\n")
		}
		t.WriteString(s)
		m.WriteString(s)
	}
	para(rule.Summary)
	para(rule.Description)
	if rule.Remotion != "" {
		para("What Remotion does: " + rule.Remotion)
	}
	if rule.Hint != "" {
		para("Fix: " + rule.Hint)
	}
	example := func(title, body string) {
		if body == "" {
			return
		}
		if t.Len() > 0 {
			t.WriteString("\n\n")
			m.WriteString("\n\n")
		}
		t.WriteString(title + ":\n" + indent(body))
		fence := codeFence(body)
		m.WriteString("**" + title + "**\n\n" + fence + "\n" + body + "\n" + fence)
	}
	example("Bad", rule.Bad)
	example("Good", rule.Good)
	return t.String(), m.String()
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// codeFence returns a backtick fence longer than any run of backticks in s,
// so an example cannot close its own code block.
func codeFence(s string) string {
	longest, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(sev string) string {
	switch sev {
	case finding.Error:
		return "error"
	case finding.Info:
		return "note"
	}
	return "warning"
}

func sarifLoc(cols *columns, l facts.Location) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: sarifArtifact(l.Path)}}
	s := cols.span(l.Path, l.Line, l.Column, l.EndLine, l.EndColumn)
	if s.line > 0 {
		reg := &sarifRegion{StartLine: s.line, EndLine: s.endLine}
		if s.hasCols() {
			reg.StartColumn, reg.EndColumn = s.col, s.endCol
		}
		loc.PhysicalLocation.Region = reg
	}
	return loc
}

// sarifArtifact turns a slash-separated path into a URI reference: relative
// paths against %SRCROOT%, absolute ones (a shared file outside the tree) as
// file URIs.
func sarifArtifact(p string) sarifArtifactLocation {
	switch {
	case strings.HasPrefix(p, "/"):
		return sarifArtifactLocation{URI: "file://" + escapePath(p)}
	case len(p) >= 3 && p[1] == ':' && p[2] == '/' && isLetter(p[0]):
		return sarifArtifactLocation{URI: "file:///" + p[:2] + escapePath(p[2:])}
	}
	return sarifArtifactLocation{URI: escapePath(p), URIBaseID: srcRoot}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// escapePath percent-encodes each segment of p. Colons are encoded too, so
// a first segment such as "c:x" cannot read as a URI scheme.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}
