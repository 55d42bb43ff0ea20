package goscan

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"
)

// Fake versions of the third-party packages, type-checked in the test.
var fakePackages = map[string]string{
	pathSDK: `package lambda_go_sdk

type RemotionOptions struct{ Region, FunctionName, ServeUrl, Composition string }
type RenderConfig struct{ Region, RenderId, BucketName, FunctionName string }
type RemotionRenderResponse struct{ RenderId string }

func RenderMediaOnLambda(o RemotionOptions) (*RemotionRenderResponse, error) { return nil, nil }
func GetRenderProgress(c RenderConfig) (any, error)                          { return nil, nil }
`,
	"example.com/regions": `package regions

const Staging = "ca-west-1"

var Prod = "eu-west-1"
`,
	pathGodotenv: `package godotenv

func Load(filenames ...string) error { return nil }
`,
}

// testImporter type-checks the fake packages from source and imports the
// standard library from export data, sharing one FileSet.
type testImporter struct {
	fset *token.FileSet
	std  types.Importer
	pkgs map[string]*types.Package
	mu   sync.Mutex
}

func (im *testImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.pkgs[path]; ok {
		return p, nil
	}
	src, ok := fakePackages[path]
	if !ok {
		return im.std.Import(path)
	}
	f, err := parser.ParseFile(im.fset, path+"/fake.go", src, 0)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Importer: im}
	p, err := conf.Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, err
	}
	im.pkgs[path] = p
	return p, nil
}

var sharedImporter = sync.OnceValue(func() *testImporter {
	fset := token.NewFileSet()
	return &testImporter{fset: fset, std: importer.ForCompiler(fset, "gc", nil), pkgs: map[string]*types.Package{}}
})

// typeCheck parses and type-checks one package made of srcs and returns its
// files (in the order given) with their type information.
func typeCheck(t *testing.T, path string, srcs ...string) (*token.FileSet, []*ast.File, *types.Info) {
	t.Helper()
	im := sharedImporter()
	im.mu.Lock()
	defer im.mu.Unlock()
	var files []*ast.File
	for i, src := range srcs {
		f, err := parser.ParseFile(im.fset, path+"/"+string(rune('a'+i))+".go", src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: im}
	if _, err := conf.Check(path, im.fset, files, info); err != nil {
		t.Fatalf("type-check: %v", err)
	}
	return im.fset, files, info
}

const typedApp = `
package app

import (
	"os"
	"testing"

	sdk "github.com/remotion-dev/lambda_go_sdk"
)

type fakeEnv struct{}

func (fakeEnv) Getenv(string) string  { return "" }
func (fakeEnv) Setenv(string, string) {}

// Getenv is a local function, not os.Getenv.
func Getenv(name string) string { return name }

type Opts = sdk.RemotionOptions

func f(tb testing.TB) {
	_ = Getenv("LOCAL")
	os := fakeEnv{}
	_ = os.Getenv("SHADOWED")
	var x fakeEnv
	x.Setenv("NOT_TESTING", "v")
	tb.Setenv("FROM_TB", "v")
	_ = Opts{Region: "us-east-1"}
	_ = []sdk.RemotionOptions{{Region: "eu-west-1"}}
	_, _ = sdk.RenderMediaOnLambda(sdk.RemotionOptions{})
}

func g() string { return os.Getenv(otherFileConst) }

func guard() {
	k := os.Getenv("K3")
	check := func(k string) bool { return k == "" }
	_, _ = check, k
	v := os.Getenv("V")
	if func() bool { return v != "" }() {
	}
}
`

const typedAppConsts = `
package app

const otherFileConst = "REMOTION_AWS_" + "PROFILE"
`

const typedDot = `
package dot

import . "os"

func h() string { return Getenv("DOT") }
`

func TestFileTyped(t *testing.T) {
	fset, files, info := typeCheck(t, "example.com/app", strings.TrimPrefix(typedApp, "\n"), typedAppConsts)
	_, dotFiles, dotInfo := typeCheck(t, "example.com/dot", strings.TrimPrefix(typedDot, "\n"))
	tests := []struct {
		name string
		file *ast.File
		info *types.Info
		want []string
	}{
		{
			name: "typed",
			file: files[0],
			info: info,
			want: []string{
				"import github.com/remotion-dev/lambda_go_sdk @7:2-7:45",
				// the constant from the other file is folded
				"read REMOTION_AWS_PROFILE @32:26-32:51",
				// k in the closure is the parameter, not the variable
				"read K3 @35:7-35:22",
				"read V guard @38:7-38:21",
				// tb is a testing.TB; x.Setenv is fakeEnv's
				"write FROM_TB lit shape=other @26:2-26:27",
				// through an alias, and with the type elided
				"call RemotionOptions region=us-east-1@27:20-27:29 @27:6-27:31",
				"call RemotionOptions region=eu-west-1@28:38-28:47 @28:28-28:49",
				"call RenderMediaOnLambda @29:9-29:55",
				"call RemotionOptions @29:33-29:54",
			},
		},
		{
			name: "same file without type information",
			file: files[0],
			want: []string{
				"import github.com/remotion-dev/lambda_go_sdk @7:2-7:45",
				"read SHADOWED @23:6-23:27",
				"read dyn() @32:26-32:51",
				"read K3 guard @35:7-35:22",
				"read V guard @38:7-38:21",
				"write NOT_TESTING lit shape=other @25:2-25:30",
				"write FROM_TB lit shape=other @26:2-26:27",
				"call RenderMediaOnLambda @29:9-29:55",
				"call RemotionOptions @29:33-29:54",
			},
		},
		{
			name: "dot import typed",
			file: dotFiles[0],
			info: dotInfo,
			want: []string{"read DOT @5:26-5:39"},
		},
		{
			name: "dot import without type information",
			file: dotFiles[0],
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, File(fset, tc.file, tc.info))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("facts differ\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// TestFileTypedIncompleteInfo checks that identifiers the type information
// does not record fall back to the syntax.
func TestFileTypedIncompleteInfo(t *testing.T) {
	fset, files, _ := typeCheck(t, "example.com/app", strings.TrimPrefix(typedApp, "\n"), typedAppConsts)
	empty := &types.Info{}
	got := render(t, File(fset, files[0], empty))
	want := render(t, File(fset, files[0], nil))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("empty info differs from no info\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

const typedRegions = `package app

import (
	sdk "github.com/remotion-dev/lambda_go_sdk"
	"example.com/regions"
)

const fallbackRegion = "il-central-1"

func regionsOf(arg string) {
	_, _ = sdk.RenderMediaOnLambda(sdk.RemotionOptions{Region: otherFileRegion})
	_, _ = sdk.RenderMediaOnLambda(sdk.RemotionOptions{Region: regions.Staging})
	_, _ = sdk.RenderMediaOnLambda(sdk.RemotionOptions{Region: regions.Prod})
	fallbackRegion := arg
	_, _ = sdk.RenderMediaOnLambda(sdk.RemotionOptions{Region: fallbackRegion})
}
`

const typedRegionsConsts = `package app

const otherFileRegion = "me-south-1"
`

// TestRegionConstantsTyped checks that type information resolves region
// constants of other files and packages, reported at the use site, and that
// a variable shadowing a constant is not one.
func TestRegionConstantsTyped(t *testing.T) {
	fset, files, info := typeCheck(t, "example.com/regionapp", typedRegions, typedRegionsConsts)
	want := []string{
		"import github.com/remotion-dev/lambda_go_sdk @4:2-4:45",
		"call RenderMediaOnLambda @11:9-11:78",
		"call RemotionOptions value=otherFileRegion:me-south-1@11:61-11:76 @11:33-11:77",
		"call RenderMediaOnLambda @12:9-12:78",
		"call RemotionOptions value=regions.Staging:ca-west-1@12:61-12:76 @12:33-12:77",
		"call RenderMediaOnLambda @13:9-13:75",
		"call RemotionOptions @13:33-13:74",
		"call RenderMediaOnLambda @15:9-15:77",
		"call RemotionOptions @15:33-15:76",
	}
	got := render(t, File(fset, files[0], info))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts differ\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// Without type information only this file's constants resolve, and
	// the shadowing variable is mistaken for the constant (syntax only).
	got = render(t, File(fset, files[0], nil))
	want = []string{
		"import github.com/remotion-dev/lambda_go_sdk @4:2-4:45",
		"call RenderMediaOnLambda @11:9-11:78",
		"call RemotionOptions @11:33-11:77",
		"call RenderMediaOnLambda @12:9-12:78",
		"call RemotionOptions @12:33-12:77",
		"call RenderMediaOnLambda @13:9-13:75",
		"call RemotionOptions @13:33-13:74",
		"call RenderMediaOnLambda @15:9-15:77",
		"call RemotionOptions value=fallbackRegion:il-central-1@15:61-15:75 @15:33-15:76",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("syntax only: facts differ\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
