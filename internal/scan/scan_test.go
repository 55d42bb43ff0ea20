package scan

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNamedSharedFilesAreRead(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"app/.env":                  "AWS_SHARED_CREDENTIALS_FILE=./creds/aws-credentials\nREMOTION_AWS_PROFILE=render\n",
		"app/creds/aws-credentials": "[render]\naws_access_key_id = AKIAQ3EGRUZ7MDYQ4XKA\naws_secret_access_key = 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\n",
	})
	res, err := Run(context.Background(), Options{WorkDir: root, NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Doc.SharedFiles) != 1 || res.Doc.SharedFiles[0].Path != "app/creds/aws-credentials" {
		t.Fatalf("shared files = %+v", res.Doc.SharedFiles)
	}
	if len(res.Doc.Profiles) != 1 || res.Doc.Profiles[0].Name != "render" {
		t.Errorf("profiles = %+v", res.Doc.Profiles)
	}
	if r := res.Doc.Environments[0].Resolution.Node; r.Outcome != "ok" || r.Source != "REMOTION_AWS_PROFILE" {
		t.Errorf("resolution = %+v", r)
	}
}

func TestFileArgumentsReadTheProject(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"vercel.json":           "{}",
		"apps/web/package.json": `{"dependencies": {"@remotion/lambda": "4"}}`,
		"apps/web/.env":         "AWS_ACCESS_KEY_ID=x\n",
		"apps/web/.env.local":   "A=1\n",
		"apps/other/.env":       "B=1\n",
	})
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{WorkDir: root, Paths: []string{"apps/web/.env"}})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Report, map[string]bool{"apps/web/.env": true}) {
		t.Errorf("report = %v", res.Report)
	}
	var paths []string
	for _, f := range res.Doc.Files {
		paths = append(paths, f.Path)
	}
	want := []string{"apps/web/.env", "apps/web/.env.local", "apps/web/package.json", "vercel.json"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("read %v, want %v (the project and the repository root's markers, not apps/other)", paths, want)
	}
	for _, p := range res.Doc.Projects {
		if p.Dir == "apps/web" && !reflect.DeepEqual(p.Platforms, []string{"vercel"}) {
			t.Errorf("apps/web platforms = %v, want the root's vercel.json", p.Platforms)
		}
	}
}

func TestDeterministicAcrossGOMAXPROCS(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 40; i++ {
		dir := filepath.ToSlash(filepath.Join("pkgs", string(rune('a'+i%26)), string(rune('a'+i/26))))
		files[dir+"/.env"] = "REMOTION_AWS_ACCESS_KEY_ID=AKIAQ3EGRUZ7MDYQ4XKA\nAWS_KEY_1=x\nAWS_KEY_3=y\n"
		files[dir+"/package.json"] = `{"dependencies": {"@remotion/lambda": "4"}}`
		files[dir+"/src/a.ts"] = "process.env.REMOTION_AWS_SECRET_ACCESS_KEY = 'x';\n"
	}
	write(t, root, files)
	run := func(procs int) string {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		res, err := Run(context.Background(), Options{WorkDir: root, NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(res.Doc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	one, many := run(1), run(8)
	if one != many {
		t.Error("the fact document differs between GOMAXPROCS=1 and 8")
	}
	if one != run(8) {
		t.Error("the fact document differs between two runs")
	}
}

func TestMissingPathIsAnError(t *testing.T) {
	_, err := Run(context.Background(), Options{WorkDir: t.TempDir(), Paths: []string{"nope"}})
	if err == nil || err.Error() != "reading nope: no such file or directory" {
		t.Errorf("err = %v", err)
	}
}
