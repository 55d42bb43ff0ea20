package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/remolint/remolint/internal/facts"
)

// fixtureRules is the rules/ tree the engine tests use instead of the
// embedded one, so they do not depend on rules being written elsewhere.
var fixtureRules = os.DirFS("testdata/rules")

// ruleSrc returns a rule package with complete metadata.
// The body starts on line 11 (the import of data.remolint.lib, on line 9, is
// left out when the body does not use it).
func ruleSrc(pkg, id, body string) string {
	imp := ""
	if strings.Contains(body, "lib.") {
		imp = "import data.remolint.lib"
	}
	return fmt.Sprintf(`# METADATA
# title: %s
# description: A test rule.
# custom:
#   severity: error
#   summary: a test rule
package %s

%s

%s
`, id, pkg, imp, body)
}

// mapFS builds a file system from name/content pairs.
func mapFS(pairs ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = &fstest.MapFile{Data: []byte(pairs[i+1])}
	}
	return m
}

func newFixtureEngine(t testing.TB, opts ...Option) *Engine {
	t.Helper()
	e, err := New(context.Background(), append([]Option{withRules(fixtureRules)}, opts...)...)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

func loc(path string, line, col int) facts.Location {
	return facts.Location{Path: path, Line: line, Column: col}
}

// syntheticDoc returns a fact document with nVars environment variables
// spread over env files and environments (100 per file), every credential
// shape, numbered families, Vercel and Go projects, and code reads.
func syntheticDoc(nVars int) []byte {
	const perFile = 100
	doc := facts.Document{Version: facts.Version}
	names := []string{
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE",
		"REMOTION_AWS_ACCESS_KEY_ID", "REMOTION_AWS_SECRET_ACCESS_KEY", "REMOTION_AWS_SESSION_TOKEN",
		"REMOTION_AWS_PROFILE", "REMOTION_AWS_REGION", "REMOTION_SKIP_AWS_CREDENTIALS_CHECK",
		"REMOTION_AWS_ACESS_KEY_ID", "BAD_FIXTURE",
	}
	for f := 0; f*perFile < nVars; f++ {
		dir := fmt.Sprintf("apps/app%02d", f/2)
		mode := ""
		path := dir + "/.env"
		if f%2 == 1 {
			mode = "production"
			path = dir + "/.env.production"
		}
		proj := facts.Project{Dir: dir, Remotion: true, Consumers: []string{facts.ConsumerNode}}
		if f%4 == 0 {
			proj.Platforms = []string{facts.PlatformVercel}
		}
		if f%6 == 0 {
			proj.Consumers = append(proj.Consumers, facts.ConsumerGo)
		}
		if f%2 == 0 {
			doc.Projects = append(doc.Projects, proj)
			doc.Files = append(doc.Files, facts.File{Path: path, Kind: facts.KindEnv, Project: dir, GitKnown: true, Ignored: true})
		}
		ef := facts.EnvFile{Path: path, Dir: dir, Project: dir, Mode: mode, Dialect: "node", GitKnown: true, Ignored: true}
		env := facts.Environment{ID: dir, Dir: dir, Mode: mode, Project: dir, Files: []string{path},
			Platforms: proj.Platforms, Consumers: proj.Consumers, Remotion: true}
		if mode != "" {
			env.ID = dir + " (" + mode + ")"
		}
		for i := 0; i < perFile && f*perFile+i < nVars; i++ {
			var name string
			switch {
			case i < len(names):
				name = names[i]
			case i < 40:
				gap := 0
				if i >= 30 {
					gap = 1 // AWS_KEY_18 is missing
				}
				name = fmt.Sprintf("AWS_KEY_%d", i-len(names)+1+gap)
			default:
				name = fmt.Sprintf("APP_SETTING_%03d", i)
			}
			v := facts.Variable{
				Name: name, Secret: true, Set: i%9 != 0, Shape: facts.ShapeOther,
				Hash:     fmt.Sprintf("h%04d", i%50),
				Location: loc(path, i+1, 1),
				Known:    i < len(names),
			}
			if i%3 == 0 {
				v.Shape, v.Display = facts.ShapeAccessKeyID, "AKIA…WXYZ"
			}
			if !v.Set {
				v.Shape, v.Hash = facts.ShapeEmpty, ""
			}
			if name == "AWS_REGION" || name == "REMOTION_AWS_REGION" {
				v.Secret, v.Value = false, "eu-central-1"
			}
			if name == "REMOTION_SKIP_AWS_CREDENTIALS_CHECK" {
				v.Secret, v.Value = false, "false"
			}
			ef.Entries = append(ef.Entries, v)
			env.Variables = append(env.Variables, v)
		}
		slices.SortFunc(env.Variables, func(a, b facts.Variable) int { return strings.Compare(a.Name, b.Name) })
		doc.EnvFiles = append(doc.EnvFiles, ef)
		doc.Environments = append(doc.Environments, env)
		doc.Code.Reads = append(doc.Code.Reads, facts.EnvAccess{
			Name: "AWS_ACCESS_KEY_ID", Language: "js", Project: dir, Location: loc(dir+"/index.ts", 3, 10), Known: true,
		})
	}
	// Empty lists as [], never null: rules count them.
	doc.SharedFiles, doc.Profiles, doc.Diagnostics = []facts.SharedFile{}, []facts.Profile{}, []facts.Diagnostic{}
	doc.Code.Writes, doc.Code.RemotionCalls = []facts.EnvAccess{}, []facts.RemotionCall{}
	doc.Code.DotenvLoads, doc.Code.Literals, doc.Code.Imports = []facts.DotenvLoad{}, []facts.Literal{}, []facts.Import{}
	doc.Project = facts.Project{Remotion: true, Platforms: []string{facts.PlatformVercel},
		Consumers: []string{facts.ConsumerNode, facts.ConsumerGo}}
	b, err := json.Marshal(doc)
	if err != nil {
		panic(err)
	}
	return b
}
