package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/awsini"
	"github.com/remolint/remolint/internal/discover"
	"github.com/remolint/remolint/internal/dotenv"
	"github.com/remolint/remolint/internal/facts"
	"github.com/remolint/remolint/internal/project"
)

func env(path, text string) Parsed {
	return Parsed{File: discover.File{Path: path, Kind: discover.KindEnv}, Env: dotenv.Parse([]byte(text))}
}

func manifest(path, kind, text string) Parsed {
	p := Parsed{File: discover.File{Path: path, Kind: kind}}
	switch kind {
	case discover.KindPackageJSON:
		p.Manifest = project.PackageJSON(path, []byte(text))
	case discover.KindGoMod:
		p.Manifest = project.GoMod(path, []byte(text))
	default:
		p.Manifest = project.Marker(kind, path, []byte(text))
	}
	return p
}

func findEnv(t *testing.T, doc *facts.Document, id string) *facts.Environment {
	t.Helper()
	for i := range doc.Environments {
		if doc.Environments[i].ID == id {
			return &doc.Environments[i]
		}
	}
	var ids []string
	for _, e := range doc.Environments {
		ids = append(ids, e.ID)
	}
	t.Fatalf("no environment %q among %v", id, ids)
	return nil
}

func TestEnvironmentsLayerWeakestFirst(t *testing.T) {
	doc := Build(Input{Roots: []string{"."}, Files: []Parsed{
		env("app/.env", "A=base\nB=base\nC=base\n"),
		env("app/.env.local", "B=local\n"),
		env("app/.env.production", "C=prod\nA=base\n"),
		env("app/.env.production.local", "C=prodlocal\n"),
		env("app/.env.example", "A=\nTEMPLATE_ONLY=\n"),
		env("app/prod.env", "X=1\n"),
	}})
	base := findEnv(t, doc, "app")
	if !reflect.DeepEqual(base.Files, []string{"app/.env", "app/.env.local"}) {
		t.Errorf("base files = %v", base.Files)
	}
	prod := findEnv(t, doc, "app (production)")
	wantFiles := []string{"app/.env", "app/.env.production", "app/.env.local", "app/.env.production.local"}
	if !reflect.DeepEqual(prod.Files, wantFiles) {
		t.Errorf("production files = %v, want %v", prod.Files, wantFiles)
	}
	var names []string
	for _, v := range prod.Variables {
		names = append(names, v.Name)
	}
	if !reflect.DeepEqual(names, []string{"A", "B", "C"}) {
		t.Errorf("variables = %v (templates must not be layered)", names)
	}
	c := prod.Variables[2]
	if c.Location.Path != "app/.env.production.local" || len(c.Overrides) != 2 {
		t.Fatalf("C = %+v, want the .env.production.local definition overriding two", c)
	}
	if c.Overrides[0].Location.Path != "app/.env" || c.Overrides[1].Location.Path != "app/.env.production" || c.Overrides[0].SameValue {
		t.Errorf("C overrides = %+v", c.Overrides)
	}
	if a := prod.Variables[0]; len(a.Overrides) != 1 || !a.Overrides[0].SameValue {
		t.Errorf("A overrides = %+v, want one with the same value", a.Overrides)
	}
	findEnv(t, doc, "app (prod.env)")
	if len(doc.Environments) != 3 {
		t.Errorf("%d environments, want 3", len(doc.Environments))
	}
}

func TestSecretsNeverEnterTheDocument(t *testing.T) {
	id, sec := "AKIAQ3EGRUZ7MDYQ4XKA", "q8Vn2Lr5Tw1Xy7Bz4Cd9Ef6Gh3Jk0Mp8Ns5Qt2Rv"
	doc := Build(Input{Roots: []string{"."}, Files: []Parsed{
		env(".env", "REMOTION_AWS_ACCESS_KEY_ID="+id+"\nREMOTION_AWS_SECRET_ACCESS_KEY="+sec+"\nREMOTION_AWS_REGION=eu-central-1\n"),
		{File: discover.File{Path: ".aws/credentials", Kind: discover.KindAWSCredentials},
			INI: awsini.Parse([]byte("[default]\naws_access_key_id = "+id+"\naws_secret_access_key = "+sec+"\nregion = us-east-1\n"), "credentials")},
	}, Process: []string{"AWS_SECRET_ACCESS_KEY=" + sec}})
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, bad := range []string{sec, id, id[4:16]} {
		if strings.Contains(s, bad) {
			t.Errorf("the fact document contains a secret (%d characters)", len(bad))
		}
	}
	for _, good := range []string{`"display":"AKIA…4XKA"`, `"value":"eu-central-1"`, `"looksLikeSecretKey":true`, `"value":"us-east-1"`} {
		if !strings.Contains(s, good) {
			t.Errorf("the fact document lacks %s", good)
		}
	}
	e := findEnv(t, doc, ".")
	if e.Resolution.Node == nil || e.Resolution.Node.Source != "REMOTION_AWS_ACCESS_KEY_ID" || e.Resolution.Node.AccessKeyID != "AKIA…4XKA" {
		t.Errorf("resolution = %+v", e.Resolution.Node)
	}
}

func TestProjectsPlatformsAndDialect(t *testing.T) {
	doc := Build(Input{Roots: []string{"."}, Files: []Parsed{
		manifest("vercel.json", discover.KindVercelJSON, "{}"),
		manifest("apps/web/package.json", discover.KindPackageJSON, `{"dependencies": {"@remotion/lambda": "4"}}`),
		manifest("svc/go.mod", discover.KindGoMod, "module svc\nrequire github.com/remotion-dev/lambda_go_sdk v0.1.0\n"),
		env("apps/web/.env", "AWS_ACCESS_KEY_ID=x\n"),
		env("svc/.env", "A=abc#def\n"),
		env("other/.env", "REMOTION_AWS_PROFILE=render\n"),
	}})
	byDir := map[string]facts.Project{}
	for _, p := range doc.Projects {
		byDir[p.Dir] = p
	}
	web := byDir["apps/web"]
	if !web.Remotion || !reflect.DeepEqual(web.Platforms, []string{"vercel"}) || !reflect.DeepEqual(web.Consumers, []string{"node"}) {
		t.Errorf("apps/web = %+v (the root's vercel.json must be inherited)", web)
	}
	if svc := byDir["svc"]; !reflect.DeepEqual(svc.Consumers, []string{"go"}) {
		t.Errorf("svc = %+v", svc)
	}
	root := byDir["."]
	if !root.Remotion {
		t.Errorf("root project: a REMOTION_AWS_* name in other/.env makes it a Remotion project")
	}
	for _, f := range doc.EnvFiles {
		switch f.Path {
		case "svc/.env":
			if f.Dialect != "go" || f.Project != "svc" {
				t.Errorf("svc/.env = dialect %s project %s", f.Dialect, f.Project)
			}
		case "apps/web/.env":
			if f.Dialect != "node" {
				t.Errorf("apps/web/.env dialect %s", f.Dialect)
			}
		}
	}
	svc := findEnv(t, doc, "svc")
	if svc.Resolution.Go == nil || svc.Resolution.Node != nil {
		t.Errorf("a Go-only project is resolved for Go only: %+v", svc.Resolution)
	}
	if got := doc.Project.Platforms; !reflect.DeepEqual(got, []string{"vercel"}) {
		t.Errorf("aggregate platforms = %v", got)
	}
}

func TestProcessEnvironment(t *testing.T) {
	doc := Build(Input{Roots: []string{"."}, Process: []string{"B=2", "A=1", "A=3", "=weird", "NOEQUALS"}})
	e := findEnv(t, doc, "process environment")
	if !e.Process || len(e.Variables) != 2 || e.Variables[0].Name != "A" || e.Variables[0].Location.Path != ProcessPath {
		t.Errorf("process environment = %+v", e)
	}
}

func TestSharedFilesPerEnvironment(t *testing.T) {
	ini := func(path, kind, text string) Parsed {
		flavour := "credentials"
		if kind == discover.KindAWSConfig {
			flavour = "config"
		}
		return Parsed{File: discover.File{Path: path, Kind: kind}, INI: awsini.Parse([]byte(text), flavour)}
	}
	doc := Build(Input{Roots: []string{"."}, Files: []Parsed{
		ini(".aws/credentials", discover.KindAWSCredentials, "[default]\naws_access_key_id = AKIAQ3EGRUZ7MDYQ4XKA\naws_secret_access_key = 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\n"),
		ini("ci/creds", discover.KindAWSCredentials, "[render]\naws_access_key_id = AKIAQ3EGRUZ7MDYQ4XKA\naws_secret_access_key = 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\n"),
		env("ci/.env", "AWS_SHARED_CREDENTIALS_FILE=creds\nREMOTION_AWS_PROFILE=render\n"),
		env("web/.env", "REMOTION_AWS_PROFILE=render\n"),
	}})
	ci, web := findEnv(t, doc, "ci"), findEnv(t, doc, "web")
	if !reflect.DeepEqual(ci.SharedFiles, []string{"ci/creds"}) || !reflect.DeepEqual(web.SharedFiles, []string{".aws/credentials"}) {
		t.Fatalf("shared files: ci %v, web %v", ci.SharedFiles, web.SharedFiles)
	}
	if ci.Resolution.Node.Outcome != "ok" {
		t.Errorf("ci: %+v, want its own file's profile found", ci.Resolution.Node)
	}
	if web.Resolution.Node.Outcome != "profile-not-found" {
		t.Errorf("web: %+v, want profile-not-found (render lives only in ci's file)", web.Resolution.Node)
	}
}

// Files may come in any order: the document is the same, and the caller's
// slice is left as it was.
func TestBuildTakesFilesInAnyOrder(t *testing.T) {
	files := []Parsed{
		env("b/.env", "REMOTION_AWS_REGION=eu-west-1\n"),
		manifest("b/package.json", discover.KindPackageJSON, `{"dependencies": {"@remotion/lambda": "4"}}`),
		env("a/.env.local", "AWS_PROFILE=x\n"),
		env("a/.env", "AWS_PROFILE=y\n"),
	}
	sorted := []Parsed{files[3], files[2], files[0], files[1]}
	given := append([]Parsed(nil), files...)
	got, err := json.Marshal(Build(Input{Roots: []string{"."}, Files: files}))
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(Build(Input{Roots: []string{"."}, Files: sorted}))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the document depends on the order of the files:\n%s\n%s", got, want)
	}
	for i := range files {
		if files[i].File.Path != given[i].File.Path {
			t.Fatalf("Build reordered the caller's files: %s at %d", files[i].File.Path, i)
		}
	}
}
