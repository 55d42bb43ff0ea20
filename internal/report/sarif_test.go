package report

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

// sarifSchemaPath is the OASIS SARIF 2.1.0 schema (draft-04) in shared/.
const sarifSchemaPath = "../../../shared/schemas/sarif-schema-2.1.0.json"

var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(sarifSchemaPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// validateSARIF fails t unless out is valid against the SARIF schema.
func validateSARIF(t testing.TB, out []byte) {
	t.Helper()
	sch, err := sarifSchema()
	if err != nil {
		t.Fatalf("loading the SARIF schema: %v", err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("sarif output is not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(v); err != nil {
		t.Fatalf("sarif output does not validate: %v\n%s", err, out)
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	for name, r := range map[string]*Report{
		"fixed": fixedReport(),
		"empty": {},
		"odd": {Findings: []finding.Finding{
			{Rule: "r", Severity: "bogus", Path: "/abs/path with space/.env", Line: 0, Column: 0, Message: ""},
			{Rule: "r", Severity: finding.Info, Path: "C:/Users/x/.aws/credentials", Line: 5, Column: 9, EndLine: 2, EndColumn: 1},
			{Rule: "", Severity: finding.Error, Path: "", Line: -3, Column: -1},
			{Rule: "a b#c", Severity: finding.Error, Path: "100%/a:b/ü\xff.env", Line: 1, Column: 4, EndLine: 1, EndColumn: 2, Message: "\x00\x1b[31m\xff"},
		}, Diagnostics: []facts.Diagnostic{{}}},
	} {
		t.Run(name, func(t *testing.T) { validateSARIF(t, render(t, "sarif", r)) })
	}
}

// The schema test must be able to fail: an output with a wrong level or no
// message is rejected.
func TestSARIFSchemaRejectsInvalid(t *testing.T) {
	sch, err := sarifSchema()
	if err != nil {
		t.Fatal(err)
	}
	good := string(render(t, "sarif", fixedReport()))
	for _, bad := range []string{
		strings.Replace(good, `"level": "error"`, `"level": "fatal"`, 1),
		strings.Replace(good, `"startLine": 1`, `"startLine": 0`, 1),
		strings.Replace(good, `"version": "2.1.0"`, `"version": "2.0.0"`, 1),
	} {
		if bad == good {
			t.Fatal("replacement did not apply")
		}
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("schema accepted an invalid log")
		}
	}
}

// sarifOut is the part of a SARIF log the tests read back.
type sarifOut struct {
	Schema string `json:"$schema"`
	Runs   []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID               string
					ShortDescription *struct{ Text string }
					HelpURI          string
					Help             *struct{ Text, Markdown string }
					Default          struct{ Level string } `json:"defaultConfiguration"`
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level   string
				Message struct{ Text string }
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           *struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
		}
	}
}

func decodeSARIF(t *testing.T, out []byte) sarifOut {
	t.Helper()
	var s sarifOut
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(s.Runs))
	}
	return s
}

func TestSARIFContent(t *testing.T) {
	r := fixedReport()
	s := decodeSARIF(t, render(t, "sarif", r))
	run := s.Runs[0]
	d := run.Tool.Driver
	if d.Name != "remolint" || d.Version != "1.2.3" || d.InformationURI != "https://github.com/remolint/remolint" {
		t.Errorf("driver = %q %q %q", d.Name, d.Version, d.InformationURI)
	}
	// Every documented rule plus the one only a finding names, sorted.
	wantRules := []struct{ id, level, helpURI string }{
		{"incomplete-key-pair", "error", "https://github.com/remolint/remolint/blob/main/docs/rules.md#incomplete-key-pair"},
		{"opt-in-region", "note", "https://github.com/remolint/remolint/blob/main/docs/rules.md#opt-in-region"},
		{"remolint-team-rule", "warning", ""},
		{"team-only", "error", "https://wiki.example.com/rules#team-only"},
		{"unprefixed-key", "warning", "https://github.com/remolint/remolint/blob/main/docs/rules.md#unprefixed-key"},
	}
	if len(d.Rules) != len(wantRules) {
		t.Fatalf("%d rules, want %d", len(d.Rules), len(wantRules))
	}
	for i, w := range wantRules {
		g := d.Rules[i]
		if g.ID != w.id || g.Default.Level != w.level || g.HelpURI != w.helpURI {
			t.Errorf("rule %d = %s %s %s, want %s %s %s", i, g.ID, g.Default.Level, g.HelpURI, w.id, w.level, w.helpURI)
		}
	}
	help := d.Rules[0].Help
	if help == nil || !strings.Contains(help.Markdown, "````\nREMOTION_AWS_ACCESS_KEY_ID=AKIA...\n# ``` not a fence\n````") ||
		!strings.Contains(help.Text, "What Remotion does: throws before the first render") {
		t.Errorf("help of incomplete-key-pair = %+v", help)
	}
	type res struct {
		rule, level, uri                string
		index, line, col, endLine, endC int
		fp                              string
	}
	want := []res{
		{"incomplete-key-pair", "error", ".env", 0, 1, 1, 1, 27, "1111111111111111:1"},
		{"unprefixed-key", "warning", "apps/my%20app/.env", 4, 3, 5, 4, 2, "2222222222222222:1"},
		// Byte columns 29..38 are UTF-16 columns 26..35: "é" is two bytes
		// and one unit, "😀" four bytes and two units.
		{"opt-in-region", "note", "src/%C3%BCn%C3%AF.ts", 1, 2, 26, 2, 35, "3333333333333333:1"},
		{"remolint-team-rule", "warning", "src/%C3%BCn%C3%AF.ts", 2, 2, 1, 2, 6, ""},
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, w := range want {
		g := run.Results[i]
		loc := g.Locations[0].PhysicalLocation
		reg := loc.Region
		if len(g.Locations) != 1 || reg == nil || g.RuleIndex == nil {
			t.Fatalf("result %d: %+v", i, g)
		}
		got := res{g.RuleID, g.Level, loc.ArtifactLocation.URI, *g.RuleIndex, reg.StartLine, reg.StartColumn, reg.EndLine, reg.EndColumn, g.PartialFingerprints["primaryLocationLineHash"]}
		if got != w {
			t.Errorf("result %d = %+v, want %+v", i, got, w)
		}
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %d uriBaseId = %q", i, loc.ArtifactLocation.URIBaseID)
		}
		if d.Rules[*g.RuleIndex].ID != g.RuleID {
			t.Errorf("result %d: ruleIndex %d names %s", i, *g.RuleIndex, d.Rules[*g.RuleIndex].ID)
		}
	}
	if got := run.Results[0].Message.Text; got != r.Findings[0].Message {
		t.Errorf("message = %q", got)
	}
	inv := run.Invocations
	if len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].ToolExecutionNotifications) != 2 ||
		inv[0].ToolExecutionNotifications[0].Message.Text != "permission denied" {
		t.Errorf("invocations = %+v", inv)
	}
}

func TestSARIFEmptyHasResultsArray(t *testing.T) {
	out := render(t, "sarif", &Report{})
	if !bytes.Contains(out, []byte(`"results": []`)) || !bytes.Contains(out, []byte(`"rules": []`)) {
		t.Errorf("empty report:\n%s", out)
	}
}

func TestSARIFPaths(t *testing.T) {
	for _, tc := range []struct{ path, uri, base string }{
		{".env", ".env", "%SRCROOT%"},
		{"apps/web/.env.local", "apps/web/.env.local", "%SRCROOT%"},
		{"a b/c#d?e%f", "a%20b/c%23d%3Fe%25f", "%SRCROOT%"},
		{"c:x/.env", "c%3Ax/.env", "%SRCROOT%"},
		{"../shared/.aws/config", "../shared/.aws/config", "%SRCROOT%"},
		{"/home/u/.aws/credentials", "file:///home/u/.aws/credentials", ""},
		{"C:/Users/u/.aws/config", "file:///C:/Users/u/.aws/config", ""},
	} {
		got := sarifArtifact(tc.path)
		if got.URI != tc.uri || got.URIBaseID != tc.base {
			t.Errorf("sarifArtifact(%q) = %q %q, want %q %q", tc.path, got.URI, got.URIBaseID, tc.uri, tc.base)
		}
	}
}

// A finding keeps its primaryLocationLineHash when unrelated lines are
// inserted above it, and the hash is the finding's fingerprint.
func TestSARIFFingerprintSurvivesInsertedLines(t *testing.T) {
	before := []string{"# env", "REMOTION_AWS_ACCESS_KEY_ID=AKIA…WXYZ", "REMOTION_AWS_REGION=eu-central-1"}
	after := append([]string{"# added", "", "FOO=bar"}, before...)
	build := func(lines []string, shift int) *Report {
		fs := []finding.Finding{
			{Rule: "incomplete-key-pair", Severity: finding.Error, Path: ".env", Line: 2 + shift, Column: 1, EndLine: 2 + shift, EndColumn: 27, Message: "m"},
			{Rule: "opt-in-region", Severity: finding.Info, Path: ".env", Line: 3 + shift, Column: 21, EndLine: 3 + shift, EndColumn: 33, Message: "m"},
		}
		src := func(path string, n int) string {
			if path != ".env" || n < 1 || n > len(lines) {
				return ""
			}
			return lines[n-1]
		}
		finding.Fingerprints(fs, src)
		return &Report{Findings: fs, Lines: src}
	}
	hashes := func(r *Report) []string {
		var out []string
		for i, res := range decodeSARIF(t, render(t, "sarif", r)).Runs[0].Results {
			h := res.PartialFingerprints["primaryLocationLineHash"]
			if h == "" || h != r.Findings[i].Fingerprint {
				t.Fatalf("result %d: hash %q, fingerprint %q", i, h, r.Findings[i].Fingerprint)
			}
			out = append(out, h)
		}
		return out
	}
	a, b := hashes(build(before, 0)), hashes(build(after, 3))
	if len(a) != 2 || a[0] != b[0] || a[1] != b[1] {
		t.Errorf("hashes changed when lines were inserted above: %v -> %v", a, b)
	}
	if a[0] == a[1] {
		t.Errorf("two findings on different lines share a hash: %v", a)
	}
	// Editing the finding's own line changes its hash.
	edited := append([]string(nil), before...)
	edited[1] = "REMOTION_AWS_ACCESS_KEY_ID=AKIA…ABCD"
	if c := hashes(build(edited, 0)); c[0] == a[0] || c[1] != a[1] {
		t.Errorf("editing line 2 gave %v from %v", c, a)
	}
}
