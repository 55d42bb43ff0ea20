package schematest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/remolint/remolint/internal/scan"
)

// compileSchema compiles the schema file at path (relative to the module
// root); the compiler also checks it against its draft's meta-schema.
func compileSchema(t testing.TB, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	url := "file:///" + path
	if err := c.AddResource(url, doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sch
}

// factScan is one scan whose fact document must validate.
type factScan struct {
	name string
	opts scan.Options
}

// factScans lists every fixture folder (fixtures/*), the projects under
// testdata/projects, testdata/examples-project, and variations that fill the optional parts of the
// document (the process environment, --aws-dir, a size cap that yields
// diagnostics).
func factScans(t *testing.T) []factScan {
	t.Helper()
	root := repoRoot(t)
	var out []factScan
	add := func(name string, o scan.Options) {
		o.WorkDir, o.NoGit = root, true
		out = append(out, factScan{name, o})
	}
	for _, parent := range []string{"fixtures", "internal/schematest/testdata/projects"} {
		entries, err := os.ReadDir(filepath.Join(root, parent))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				dir := parent + "/" + e.Name()
				add(dir, scan.Options{Paths: []string{dir}})
			}
		}
	}
	add("internal/schematest/testdata/examples-project", scan.Options{Paths: []string{"internal/schematest/testdata/examples-project"}})
	projects := "internal/schematest/testdata/projects"
	add("all projects, process environment", scan.Options{
		Paths: []string{projects},
		Process: []string{
			"AWS_ACCESS_KEY_ID=AKIAQQQQRRRRSSSSTTTT", "AWS_SECRET_ACCESS_KEY=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",
			"REMOTION_AWS_PROFILE=render", "REMOTION_AWS_REGION=eu-central-1", "HOME=/home/someone",
		},
	})
	add("aws-dir", scan.Options{Paths: []string{projects + "/netlify-cli"}, AWSDirs: []string{projects + "/go-sdk/.aws"}})
	add("size cap", scan.Options{Paths: []string{projects + "/vercel-node"}, MaxFileSize: 64})
	add("file argument", scan.Options{Paths: []string{projects + "/vercel-node/.env.production"}})
	add("platform override", scan.Options{Paths: []string{projects + "/go-sdk"}, Platforms: []string{"aws-lambda"}, Consumers: []string{"go", "node"}})
	return out
}

// TestFactDocumentsValidate builds the fact document of every scan and
// validates it against schemas/input.schema.json. It also requires the scans
// together to exercise every definition and property of the schema, so that
// a field the validation never sees cannot hide a wrong type.
func TestFactDocumentsValidate(t *testing.T) {
	sch := compileSchema(t, "schemas/input.schema.json")
	schema := readJSON(t, filepath.Join(repoRoot(t), "schemas", "input.schema.json")).(map[string]any)
	seen := map[string]bool{}
	for _, s := range factScans(t) {
		res, err := scan.Run(context.Background(), s.opts)
		if err != nil {
			t.Errorf("%s: scan: %v", s.name, err)
			continue
		}
		raw, err := json.Marshal(res.Doc)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s: the fact document does not validate against input.schema.json:\n%v", s.name, err)
		}
		var doc any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		cover(schema, schema, "Document", doc, seen)
	}
	var missing []string
	for _, p := range schemaPaths(schema) {
		if !seen[p] && !coverageExempt[p] {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		t.Errorf("no scanned document holds these schema paths; add a test project that does:\n  %s", strings.Join(missing, "\n  "))
	}
	for p := range coverageExempt {
		if seen[p] {
			t.Errorf("coverageExempt[%q] is covered now: remove the exemption", p)
		}
	}
}

// coverageExempt lists schema paths no scan can produce from files alone.
var coverageExempt = map[string]bool{
	// Unreadable files need permissions a test cannot rely on (root reads
	// everything); other diagnostics cover Diagnostic.
}

// cover records the schema paths ("Def" and "Def.field") that value
// exercises, following $ref, allOf and items.
func cover(root, node map[string]any, def string, value any, seen map[string]bool) {
	if ref, ok := node["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/definitions/")
		cover(root, root["definitions"].(map[string]any)[name].(map[string]any), name, value, seen)
		return
	}
	if all, ok := node["allOf"].([]any); ok {
		for _, s := range all {
			cover(root, s.(map[string]any), def, value, seen)
		}
	}
	switch v := value.(type) {
	case map[string]any:
		props, ok := node["properties"].(map[string]any)
		if !ok {
			return
		}
		seen[def] = true
		for k, x := range v {
			p, ok := props[k].(map[string]any)
			if !ok {
				continue
			}
			seen[def+"."+k] = true
			cover(root, p, def, x, seen)
		}
	case []any:
		if items, ok := node["items"].(map[string]any); ok {
			for _, x := range v {
				cover(root, items, def, x, seen)
			}
		}
	}
}

// schemaPaths lists "Def" and "Def.field" for every definition and property.
func schemaPaths(schema map[string]any) []string {
	var out []string
	add := func(def string, node map[string]any) {
		out = append(out, def)
		for k := range node["properties"].(map[string]any) {
			out = append(out, def+"."+k)
		}
	}
	add("Document", schema)
	for name, d := range schema["definitions"].(map[string]any) {
		add(name, d.(map[string]any))
	}
	sort.Strings(out)
	return slices.Compact(out)
}
