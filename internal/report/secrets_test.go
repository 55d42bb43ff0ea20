package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/finding"
)

// Secrets on the scanned lines. A format may measure these lines (to count
// UTF-16 columns) but never print them.
const (
	testSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	testKeyID  = "AKIAIOSFODNN7EXAMPLE"
)

func secretLines(string, int) string {
	return "REMOTION_AWS_ACCESS_KEY_ID=" + testKeyID + " # é REMOTION_AWS_SECRET_ACCESS_KEY=" + testSecret
}

// ordinaryReports are reports made only of ordinary text, whose scanned
// lines hold secrets.
func ordinaryReports() []*Report {
	fixed := fixedReport()
	fixed.Lines = secretLines
	return []*Report{
		fixed,
		{
			Findings: []finding.Finding{
				{Rule: "hardcoded-credential", Severity: finding.Error, Path: "src/config.ts", Line: 4, Column: 28, EndLine: 4, EndColumn: 48,
					Message: "an AWS access key id (AKIA…MPLE) is a literal in source code", Fingerprint: "abcdefabcdefabcd:2"},
				{Rule: "env-file-not-ignored", Severity: finding.Warning, Path: "deploy/.env.production", Line: 1, Column: 1,
					Message: "quokka zebra pangolin"},
			},
			Diagnostics: []facts.Diagnostic{{Kind: "too-large", Message: "skipped: larger than 1 MiB", Location: facts.Location{Path: "data/huge.env"}}},
			Rules:       map[string]Rule{"hardcoded-credential": {ID: "hardcoded-credential", Severity: finding.Error, Summary: "credential literal"}},
			Version:     "0.0.0-dev",
			Lines:       secretLines,
		},
	}
}

func TestFormatsNeverPrintLineText(t *testing.T) {
	for _, r := range ordinaryReports() {
		for _, name := range Names() {
			out := string(render(t, name, r))
			for _, s := range []string{testSecret, testKeyID, "wJalrXUtnFEMI", "bPxRfiCY", "EXAMPLEKEY", "IOSFODNN7"} {
				if strings.Contains(out, s) {
					t.Errorf("%s output contains %q from a scanned line", name, s)
				}
			}
		}
	}
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

// words adds the words of s, and of s percent-decoded, to set.
func words(set map[string]bool, s string) {
	for _, w := range wordRE.FindAllString(s, -1) {
		set[w] = true
	}
	if u, err := url.PathUnescape(s); err == nil && u != s {
		words(set, u)
	}
}

// literalWords returns the words of every string literal (and struct tag)
// in the package's non-test source: all the text a format may add by
// itself.
func literalWords(t *testing.T) map[string]bool {
	t.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, e := range entries {
		n := e.Name()
		if !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && (lit.Kind == token.STRING || lit.Kind == token.CHAR) {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					words(set, s)
				}
			}
			return true
		})
	}
	return set
}

// inputWords returns the words of every string in r.
func inputWords(r *Report) map[string]bool {
	set := map[string]bool{}
	for _, f := range r.Findings {
		for _, s := range []string{f.Rule, f.Severity, f.Path, f.Message, f.Fingerprint} {
			words(set, s)
		}
		if f.Related != nil {
			words(set, f.Related.Path)
		}
	}
	for _, d := range r.Diagnostics {
		for _, s := range []string{d.Kind, d.Message, d.Location.Path} {
			words(set, s)
		}
	}
	for id, rule := range r.Rules {
		for _, s := range []string{id, rule.ID, rule.Severity, rule.Summary, rule.Hint, rule.Description, rule.Bad, rule.Good, rule.Remotion, rule.HelpURI} {
			words(set, s)
		}
	}
	words(set, r.Version)
	return set
}

// decoded returns s percent-decoded when that is possible, s otherwise.
func decoded(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// outputStrings decodes a format's output into the texts a reader sees:
// JSON strings and keys, XML names, attributes and text, GitHub commands
// unescaped.
func outputStrings(t *testing.T, name string, out []byte) []string {
	t.Helper()
	var texts []string
	switch name {
	case "json", "sarif":
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatal(err)
		}
		var walk func(any)
		walk = func(v any) {
			switch v := v.(type) {
			case string:
				texts = append(texts, v)
			case []any:
				for _, e := range v {
					walk(e)
				}
			case map[string]any:
				for k, e := range v {
					texts = append(texts, k)
					walk(e)
				}
			}
		}
		walk(v)
	case "junit":
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				texts = append(texts, tok.Name.Local)
				for _, a := range tok.Attr {
					texts = append(texts, a.Name.Local, a.Value)
				}
			case xml.CharData:
				texts = append(texts, string(tok))
			case xml.ProcInst:
				texts = append(texts, tok.Target, string(tok.Inst))
			}
		}
	default:
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			texts = append(texts, sc.Text())
		}
	}
	return texts
}

// Formats add nothing of their own beyond the literals in their source:
// every word they print comes from the report or from those literals. (The
// text and json formats print keys and words built outside this package's
// literals, so they are left to the line-text test above.)
func TestFormatsPrintOnlyWhatTheyAreGiven(t *testing.T) {
	lits := literalWords(t)
	words(lits, xml.Header)
	numeric := regexp.MustCompile(`^[0-9]{1,6}$`)
	for i, r := range ordinaryReports() {
		in := inputWords(r)
		for _, name := range []string{"sarif", "github", "junit"} {
			seen := map[string]bool{}
			for _, s := range outputStrings(t, name, render(t, name, r)) {
				for _, w := range wordRE.FindAllString(decoded(s), -1) {
					seen[w] = true
				}
			}
			for w := range seen {
				if !in[w] && !lits[w] && !numeric.MatchString(w) {
					t.Errorf("report %d, %s: %q comes from neither the report nor the format's literals", i, name, w)
				}
			}
		}
	}
	// The check can fail: a word from a scanned line is caught.
	seen := map[string]bool{}
	words(seen, secretLines("", 1))
	if in, w := inputWords(ordinaryReports()[1]), "wJalrXUtnFEMI"; !seen[w] || in[w] || lits[w] {
		t.Errorf("the vocabulary check would not catch %q", w)
	}
}
