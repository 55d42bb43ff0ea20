package discover

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

func TestClassify(t *testing.T) {
	cases := map[string]string{
		".env":                KindEnv,
		"apps/web/.env.local": KindEnv,
		"prod.env":            KindEnv,
		".envrc":              "",
		".aws/credentials":    KindAWSCredentials,
		"x/.aws/config":       KindAWSConfig,
		"config":              "",
		"package.json":        KindPackageJSON,
		"svc/go.mod":          KindGoMod,
		"src/render.ts":       KindJS,
		"src/types.d.ts":      "",
		"src/app.tsx":         KindJS,
		"main.go":             KindGo,
		"vercel.json":         KindVercelJSON,
		"netlify.toml":        KindNetlifyTOML,
		"serverless.yml":      KindServerless,
		"template.yaml":       KindSAMTemplate,
		"sst.config.ts":       KindSSTConfig,
		"remotion.config.ts":  KindRemotionConfig,
		"requirements.txt":    KindPythonDeps,
		"composer.json":       KindComposerJSON,
		"README.md":           "",
	}
	for in, want := range cases {
		if got := Classify(in); got != want {
			t.Errorf("Classify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseEnvName(t *testing.T) {
	cases := map[string]EnvName{
		".env":                  {},
		".env.local":            {Local: true},
		".env.production":       {Mode: "production"},
		".env.production.local": {Mode: "production", Local: true},
		".env.example":          {Template: true, Mode: "example"},
		".env.local.example":    {Template: true, Mode: "local.example"},
		"example.env":           {Template: true, Standalone: true},
		"prod.env":              {Standalone: true},
		".env.defaults":         {Template: true, Mode: "defaults"},
	}
	for in, want := range cases {
		if got := ParseEnvName(in); got != want {
			t.Errorf("ParseEnvName(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func paths(r *Result) []string {
	var out []string
	for _, f := range r.Files {
		out = append(out, f.Path)
	}
	return out
}

func TestWalkSkipsAndKeeps(t *testing.T) {
	fsys := fstest.MapFS{
		".env":                          {Data: []byte("A=1")},
		"node_modules/x/.env":           {Data: []byte("A=1")},
		"vendor/y.go":                   {Data: []byte("package y")},
		".git/config":                   {Data: []byte("")},
		"apps/web/.env.local":           {Data: []byte("A=1")},
		"apps/web/src/render.ts":        {Data: []byte("x")},
		"apps/web/.vercel/project.json": {Data: []byte("{}")},
		"apps/web/.next/server.js":      {Data: []byte("x")},
		"README.md":                     {Data: []byte("x")},
		"big/.env":                      {Data: make([]byte, 100)},
	}
	r, err := Walk(context.Background(), fsys, Options{MaxFileSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".env", "apps/web/.env.local", "apps/web/src/render.ts"}
	if got := paths(r); !reflect.DeepEqual(got, want) {
		t.Errorf("files = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(r.MarkerDirs, []string{"apps/web/.vercel"}) {
		t.Errorf("marker dirs = %v", r.MarkerDirs)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Kind != "too-large" || r.Diagnostics[0].Location.Path != "big/.env" {
		t.Errorf("diagnostics = %+v", r.Diagnostics)
	}
}

// The pool of readers finds every file of a wide and deep tree whatever
// its size, including one reader; a cancelled walk ends with the context's
// error.
func TestWalkPool(t *testing.T) {
	fsys := fstest.MapFS{}
	var want []string
	for i := range 40 {
		dir := fmt.Sprintf("p%02d", i)
		for d := range i % 6 {
			dir += fmt.Sprintf("/d%d", d)
		}
		for _, f := range []string{".env", "a.ts"} {
			fsys[dir+"/"+f] = &fstest.MapFile{Data: []byte("A=1")}
			want = append(want, dir+"/"+f)
		}
	}
	slices.Sort(want)
	for _, workers := range []int{1, 3, 8} {
		r, err := Walk(context.Background(), fsys, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if got := paths(r); !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: %d files, want %d", workers, len(got), len(want))
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Walk(ctx, fsys, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled walk: error %v", err)
	}
}

func TestWalkGitignore(t *testing.T) {
	fsys := fstest.MapFS{
		".gitignore":     {Data: []byte("dist/\n.env.local\n")},
		".env":           {Data: []byte("A=1")},
		".env.local":     {Data: []byte("A=1")},
		"dist/out.js":    {Data: []byte("x")},
		"dist/.env":      {Data: []byte("x")},
		"src/a.ts":       {Data: []byte("x")},
		"src/.gitignore": {Data: []byte("gen.ts\n")},
		"src/gen.ts":     {Data: []byte("x")},
	}
	tracked := map[string]bool{"sub/.env": true}
	r, err := Walk(context.Background(), fsys, Options{Git: &Git{Prefix: []string{"sub"}, Tracked: func(p string) bool { return tracked[p] }}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{".env", ".env.local", "src/a.ts"}
	if got := paths(r); !reflect.DeepEqual(got, want) {
		t.Fatalf("files = %v, want %v", got, want)
	}
	if f := r.Files[0]; !f.GitKnown || !f.Tracked || f.Ignored {
		t.Errorf(".env = %+v, want tracked, not ignored", f)
	}
	if f := r.Files[1]; !f.GitKnown || f.Tracked || !f.Ignored {
		t.Errorf(".env.local = %+v, want ignored", f)
	}
}

func TestWalkBasePatterns(t *testing.T) {
	fsys := fstest.MapFS{".env": {Data: []byte("A=1")}}
	base := []gitignore.Pattern{gitignore.ParsePattern("*.env*", nil)}
	r, err := Walk(context.Background(), fsys, Options{Git: &Git{Prefix: []string{"a"}, Base: base}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Files) != 1 || !r.Files[0].Ignored {
		t.Errorf("files = %+v, want .env ignored by an ancestor pattern", r.Files)
	}
}

// mergeSorted gives what sorting all the lists together gives, whatever
// their number and lengths (none, empty, one, uneven).
func TestMergeSorted(t *testing.T) {
	for _, k := range []int{0, 1, 2, 3, 8} {
		var lists [][]File
		var want []string
		for i := range k {
			var l []File
			for j := range (i * 7) % 11 {
				p := fmt.Sprintf("d%02d/f%02d-%d", (j*5+i)%13, j, i)
				l = append(l, File{Path: p})
				want = append(want, p)
			}
			slices.SortFunc(l, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
			lists = append(lists, l)
		}
		slices.Sort(want)
		var got []string
		for _, f := range mergeSorted(lists) {
			got = append(got, f.Path)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d lists: merged %v, want %v", k, got, want)
		}
	}
}
