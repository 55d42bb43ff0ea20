package scan

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/discover"
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

// FileCount counts the files read, the shared files an env file names
// included, and not the files the walk skips.
func TestFileCount(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"app/.env":                  "AWS_SHARED_CREDENTIALS_FILE=./creds/aws-credentials\n",
		"app/creds/aws-credentials": "[render]\n",
		"app/README.md":             "not read\n",
		"app/node_modules/x/.env":   "SKIPPED=1\n",
		"app/package.json":          "{}",
	})
	tree, err := Read(context.Background(), Options{WorkDir: root, NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := tree.FileCount(); n != 3 {
		t.Errorf("FileCount = %d, want 3 (.env, the credentials file it names, package.json)", n)
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

// The walk leaves the size cap to the read: a file over it is still a
// "too-large" diagnostic with the walk's message, and a file at the cap is read.
func TestSizeCapCheckedOnRead(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"big/.env":   "A=" + string(make([]byte, 99)),
		"fits/.env":  "A=" + string(make([]byte, 98)),
		"src/big.ts": "process.env.REMOTION_AWS_REGION;" + string(make([]byte, 100)),
	})
	res, err := Run(context.Background(), Options{WorkDir: root, NoGit: true, MaxFileSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range res.Doc.Diagnostics {
		got = append(got, d.Kind+" "+d.Location.Path+": "+d.Message)
	}
	want := []string{
		"too-large big/.env: skipped: 101 bytes is over the 100-byte size cap (--max-file-size)",
		"too-large src/big.ts: skipped: 132 bytes is over the 100-byte size cap (--max-file-size)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics =\n%q\nwant\n%q", got, want)
	}
	if len(res.Doc.Files) != 1 || res.Doc.Files[0].Path != "fits/.env" {
		t.Errorf("files = %+v", res.Doc.Files)
	}
}

// Sources share one read buffer per worker: reading many sources of varied
// sizes through one worker must give exactly what reading each file into a
// buffer of its own gives.
func TestReusedBufferGivesTheSameFacts(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := 0; i < 30; i++ {
		pad := strings.Repeat("// padding line\n", (i*7)%13)
		files[fmt.Sprintf("p%02d/src/a.ts", i)] = pad + fmt.Sprintf("// remolint:ignore some-rule\nconst r%d = process.env.REMOTION_AWS_REGION_%d; /* c */\n", i, i)
		files[fmt.Sprintf("p%02d/main.go", i)] = "package main\n" + pad + fmt.Sprintf("import \"os\"\n\n// c%d\nvar v = os.Getenv(\"AWS_PROFILE_%d\") // trailing\n", i, i)
		files[fmt.Sprintf("p%02d/.env", i)] = pad[:len(pad)/2] + fmt.Sprintf("# c\nA%d=1 # trailing\n", i)
	}
	write(t, root, files)
	var jobs []job
	for p := range files {
		jobs = append(jobs, job{file: discover.File{Path: p, Kind: discover.Classify(p)}, os: filepath.Join(root, filepath.FromSlash(p))})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].file.Path < jobs[j].file.Path })
	old := runtime.GOMAXPROCS(1)
	shared, diags := readAll(context.Background(), jobs, 0)
	runtime.GOMAXPROCS(old)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for i, j := range jobs {
		alone, diag := readOne(j, discover.DefaultMaxFileSize, nil)
		if diag != nil {
			t.Fatal(diag)
		}
		if !reflect.DeepEqual(shared[i], alone) {
			t.Errorf("%s: read after other files %+v, alone %+v", j.file.Path, shared[i], alone)
		}
		if alone.parsed.Code == nil && j.file.Kind != discover.KindEnv {
			t.Errorf("%s: no facts", j.file.Path)
		}
	}
}

// ownLineReference is the own-line test on a table of line starts, as it
// was first written.
func ownLineReference(data []byte, line, col int) bool {
	ls := []int{0}
	for i, c := range data {
		if c == '\n' {
			ls = append(ls, i+1)
		}
	}
	if line < 1 || line > len(ls) {
		return false
	}
	start := ls[line-1]
	end := start + col - 1
	if end > len(data) || end < start {
		return false
	}
	return strings.TrimSpace(string(data[start:end])) == ""
}

// The cursor must answer as the table does for positions in any order,
// including lines and columns past the end.
func TestLineCursorAgreesWithLineTable(t *testing.T) {
	inputs := []string{"", "\n", "a", "  // c\n\tx // d\n\n \u00a0/* e */", "x\r\n  # c\r\n", "\n\n\n  ", "\xff # c\n  # d"}
	for _, in := range inputs {
		data := []byte(in)
		var queries [][2]int
		for line := -1; line <= 6; line++ {
			for col := -1; col <= 8; col++ {
				queries = append(queries, [2]int{line, col})
			}
		}
		// In order, then in reverse, on one cursor.
		c := lineCursor{data: data}
		for pass := 0; pass < 2; pass++ {
			for i := range queries {
				q := queries[i]
				if pass == 1 {
					q = queries[len(queries)-1-i]
				}
				if got, want := c.ownLine(q[0], q[1]), ownLineReference(data, q[0], q[1]); got != want {
					t.Errorf("%q line %d col %d: cursor %v, table %v", in, q[0], q[1], got, want)
				}
			}
		}
	}
}

// Only comments that may be suppression directives are kept, from every kind
// of file that has comments, with their own-line flag.
func TestOnlyDirectiveCommentsAreKept(t *testing.T) {
	root := t.TempDir()
	write(t, root, map[string]string{
		"app/.env":     "# plain\n# remolint:ignore unprefixed-key shared\nAWS_REGION=x # remolint:ignore unsupported-region r\n",
		"app/a.ts":     "// plain\nconst r = process.env.AWS_REGION; // remolint:ignore misspelled-variable r\n/* remolint:ignore x */\n",
		"app/b.ts":     "// plain only, no fact\nexport const x = 1;\n",
		"app/c.ts":     "// no fact but a directive\nexport const y = 2; // remolint:ignore x y\n",
		"app/util.go":  "package main\n\n// remolint:ignore a b\nfunc f() {}\n",
		"app/main.go":  "package main\n\n// plain\nimport \"os\"\n\n// remolint:ignore unprefixed-key reason\nvar _ = os.Getenv(\"AWS_REGION\")\n",
		".aws/config":  "# plain\n[default]\n; remolint:ignore profile-malformed r\nregion = eu-west-1\n",
		"package.json": `{"dependencies":{"@remotion/lambda":"4.0.0"}}`,
	})
	res, err := Run(context.Background(), Options{WorkDir: root, NoGit: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for p, cs := range res.Comments {
		for _, c := range cs {
			got[p] = append(got[p], fmt.Sprintf("%d:%d own=%v %s", c.Line, c.Column, c.Own, c.Text))
		}
	}
	want := map[string][]string{
		"app/.env":    {"2:1 own=true # remolint:ignore unprefixed-key shared", "3:14 own=false # remolint:ignore unsupported-region r"},
		"app/a.ts":    {"2:35 own=false // remolint:ignore misspelled-variable r", "3:1 own=true /* remolint:ignore x */"},
		"app/c.ts":    {"2:21 own=false // remolint:ignore x y"},
		"app/main.go": {"6:1 own=true // remolint:ignore unprefixed-key reason"},
		"app/util.go": {"3:1 own=true // remolint:ignore a b"},
		".aws/config": {"3:1 own=true ; remolint:ignore profile-malformed r"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("comments kept:\n%v\nwant\n%v", got, want)
	}
}

// LoadLines reads ahead what Line would read on demand: the same lines for
// every file, an unknown path and a repeated one included.
func TestLoadLinesMatchesLine(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("app%02d/.env", i)] = fmt.Sprintf("A=%d\r\nB=2\nC=3", i)
	}
	write(t, root, files)
	scanTwice := func() (*Result, *Result) {
		a, err := Run(context.Background(), Options{WorkDir: root, NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		b, err := Run(context.Background(), Options{WorkDir: root, NoGit: true})
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	}
	ahead, onDemand := scanTwice()
	paths := []string{"nope/.env", "app03/.env"}
	for p := range files {
		paths = append(paths, p, p)
	}
	ahead.LoadLines(paths)
	if len(ahead.lines) != len(files)+1 {
		t.Fatalf("LoadLines read %d files, want %d", len(ahead.lines), len(files)+1)
	}
	for _, p := range paths {
		for n := 0; n <= 4; n++ {
			if got, want := ahead.Line(p, n), onDemand.Line(p, n); got != want {
				t.Errorf("%s:%d: %q read ahead, %q on demand", p, n, got, want)
			}
		}
	}
	if got := ahead.Line("app07/.env", 1); got != "A=7" {
		t.Errorf("app07/.env:1 = %q", got)
	}
}

// A cancelled run stops reading and says so, whichever step it was at.
func TestCancelledRunStops(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{}
	for i := range 300 {
		files[fmt.Sprintf("app%03d/.env", i)] = "A=1\n"
	}
	write(t, root, files)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Options{WorkDir: root, NoGit: true}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: error %v, want context.Canceled", err)
	}
	jobs := make([]job, 300)
	for i := range jobs {
		p := fmt.Sprintf("app%03d/.env", i)
		jobs[i] = job{file: discover.File{Path: p, Kind: discover.KindEnv}, os: filepath.Join(root, p)}
	}
	out, _ := readAll(ctx, jobs, 0)
	for i, r := range out {
		if r.parsed.File.Kind != "" {
			t.Fatalf("job %d read after the cancellation", i)
		}
	}
	out, _ = readAll(context.Background(), jobs, 0)
	for i, r := range out {
		if r.parsed.Env == nil {
			t.Fatalf("job %d not read", i)
		}
	}
}

// Files reach the scan three ways: walked from one or more roots, named by
// --aws-dir, and named by an env file (AWS_SHARED_CREDENTIALS_FILE). Each
// file is read once whatever ways reach it, and its lines are found again
// by display path whichever way it came.
func TestFilesReadOnceAndFoundAgain(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, root, map[string]string{
		"a/.env":           "AWS_SHARED_CREDENTIALS_FILE=../shared/credentials\nA=1\n",
		"b/.env":           "B=2\n",
		"b/.aws/config":    "[default]\nregion = eu-west-1\n",
		"shared/x.txt":     "not read\n",
		"shared/.keep":     "",
		"other/.env":       "C=3\n",
		"other/.aws/x.txt": "",
	})
	write(t, outside, map[string]string{"credentials": "[default]\naws_access_key_id = AKIAQ3EGRUZ7MDYQ4XKA\n"})
	// shared/credentials is not walked (no root holds it) but named.
	write(t, root, map[string]string{"shared/credentials": "[default]\nregion = us-east-1\n"})
	res, err := Run(context.Background(), Options{
		WorkDir: root, NoGit: true,
		Paths:   []string{"b", "a", "b"},
		AWSDirs: []string{"b/.aws", outside},
	})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range res.Doc.Files {
		paths = append(paths, f.Path)
	}
	outsideCreds := display(root, filepath.Join(outside, "credentials"))
	want := []string{"a/.env", "b/.aws/config", "b/.env", "shared/credentials", outsideCreds}
	slices.Sort(want)
	slices.Sort(paths)
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("read %v, want %v, each once", paths, want)
	}
	for p, line := range map[string]string{
		"a/.env": "AWS_SHARED_CREDENTIALS_FILE=../shared/credentials", "b/.aws/config": "[default]",
		"shared/credentials": "[default]", outsideCreds: "[default]",
	} {
		if got := res.Line(p, 1); got != line {
			t.Errorf("Line(%s, 1) = %q, want %q", p, got, line)
		}
	}
	if got := res.Line("shared/x.txt", 1); got != "" {
		t.Errorf("Line of a file the scan did not read = %q, want none", got)
	}
}

// Two roots list their files root after root, which is not path order
// ("apps/web" sorts before "apps/web-2", but "apps/web-2/.env" before
// "apps/web/.env"): every file is found again by its path all the same.
func TestLinesFoundAcrossRoots(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"apps/web/.env":     "W=1\n",
		"apps/web/sub/.env": "S=1\n",
		"apps/web-2/.env":   "A=1\n",
	}
	write(t, root, files)
	res, err := Run(context.Background(), Options{WorkDir: root, NoGit: true, Paths: []string{"apps/web", "apps/web-2"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Doc.Files) != len(files) {
		t.Errorf("read %d files, want %d", len(res.Doc.Files), len(files))
	}
	for p, text := range files {
		if got, want := res.Line(p, 1), strings.TrimSuffix(text, "\n"); got != want {
			t.Errorf("Line(%s, 1) = %q, want %q", p, got, want)
		}
	}
}
