package goscan

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/facts"
)

// syntaxCases are the syntax-only extraction cases. Positions were computed
// independently, as the span of the expected text in the source.
var syntaxCases = []struct {
	name string
	src  string
	want []string
}{
	{
		name: "reads",
		src: `package p

import (
	"os"
	"syscall"
)

const keyName = "AWS_ACCESS_KEY_ID"

const (
	regionName = "REMOTION_AWS_" + suffix
	suffix     = "REGION"
	dup        = "A"
)

func f() {
	_ = os.Getenv(dup)
	const dup = "B"
	_ = os.Getenv("REMOTION_AWS_REGION")
	_, _ = os.LookupEnv("AWS_PROFILE")
	_, _ = syscall.Getenv("AWS_REGION")
	_ = os.Getenv(keyName)
	_ = os.Getenv(keyName + "_2")
	_ = os.Getenv(regionName)
	_ = os.Getenv(dup)
	_ = (os.Getenv)(("AWS_SESSION_TOKEN"))
}

func g() {
	_ = os.Getenv(dup)
	{
		const twice = "C"
	}
	{
		const twice = "D"
		_ = os.Getenv(twice)
	}
}
`,
		want: []string{
			"read A @17:6-17:20",
			"read REMOTION_AWS_REGION @19:6-19:38",
			"read AWS_PROFILE @20:9-20:36",
			"read AWS_REGION @21:9-21:37",
			"read AWS_ACCESS_KEY_ID @22:6-22:24",
			"read AWS_ACCESS_KEY_ID_2 @23:6-23:31",
			"read REMOTION_AWS_REGION @24:6-24:27",
			"read B @25:6-25:20",
			"read AWS_SESSION_TOKEN @26:6-26:40",
			"read A @30:6-30:20",
			"read dyn() @36:7-36:23",
		},
	},
	{
		name: "dynamic names",
		src: `package p

import (
	"fmt"
	"os"
	"strconv"
)

func f(i int, s string) {
	_ = os.Getenv("AWS_KEY_" + strconv.Itoa(i))
	_ = os.Getenv("AWS_KEY_" + fmt.Sprint(i))
	_ = os.Getenv(fmt.Sprintf("AWS_SECRET_%d", i))
	_ = os.Getenv("AWS_KEY_" + s)
	_ = os.Getenv(s)
	_ = os.Getenv(fmt.Sprint("AWS_TOKEN_", i))
	_ = os.Getenv(fmt.Sprintf("%s_KEY_%d", "AWS", 3))
	_ = os.Getenv(("A" + "B") + s + "C")
	_ = os.Getenv(fmt.Sprintf("X_%%_%02d", i))
	_ = os.Getenv(fmt.Sprintf("AWS_%s_%d", s, 1) + "_ID")
	_ = os.Getenv(fmt.Sprintf("NO_VERBS"))
	_ = os.Getenv(fmt.Sprint("A_", 1))
}
`,
		want: []string{
			"read dyn(AWS_KEY_) @10:6-10:45",
			"read dyn(AWS_KEY_) @11:6-11:43",
			"read dyn(AWS_SECRET_) @12:6-12:48",
			"read dyn(AWS_KEY_) @13:6-13:31",
			"read dyn() @14:6-14:18",
			"read dyn(AWS_TOKEN_) @15:6-15:44",
			"read AWS_KEY_3 @16:6-16:51",
			"read dyn(AB) @17:6-17:38",
			"read dyn(X_%_) @18:6-18:44",
			"read dyn(AWS_) @19:6-19:55",
			"read NO_VERBS @20:6-20:40",
			"read dyn(A_) @21:6-21:36",
		},
	},
	{
		name: "guards",
		src: `package p

import "os"

var pkgVar = os.Getenv("P")

func f() {
	if os.Getenv("AWS_ACCESS_KEY_ID") == "" {
	}
	if "" != (os.Getenv("X")) {
	}
	if len(os.Getenv("Y")) > 0 {
	}
	if _, ok := os.LookupEnv("Z"); ok {
	}
	v, _ := os.LookupEnv("W")
	k := os.Getenv("K")
	if k == "" {
	}
	_ = v
	n := os.Getenv("N")
	n = "x"
	if n == "" {
	}
	var ok2 bool
	_, ok2 = os.LookupEnv("Q")
	_ = ok2
	if os.Getenv("E") == "x" {
	}
	if pkgVar != "" {
	}
}

func h() string {
	j := os.Getenv("J")
	return j
}

func g(j string) bool { return j == "" }
`,
		want: []string{
			"read P guard @5:14-5:28",
			"read AWS_ACCESS_KEY_ID guard @8:5-8:35",
			"read X guard @10:12-10:26",
			"read Y guard @12:9-12:23",
			"read Z guard @14:14-14:31",
			"read W @16:10-16:27",
			"read K guard @17:7-17:21",
			"read N @21:7-21:21",
			"read Q guard @26:11-26:28",
			"read E @28:5-28:19",
			"read J @35:7-35:21",
		},
	},
	{
		name: "expand",
		src: `package p

import "os"

const tmpl = "$HOME/x"

func m(s string) string { return s }

func f() {
	_ = os.ExpandEnv("${AWS_PROFILE}:$AWS_REGION $1 $ ${} ${A-B} $ end")
	_ = os.ExpandEnv(tmpl)
	_ = os.Expand("\t$TOKEN", os.Getenv)
	_ = os.Expand("$IGNORED", m)
}
`,
		want: []string{
			"read AWS_PROFILE @10:20-10:34",
			"read AWS_REGION @10:35-10:46",
			"read HOME @11:6-11:24",
			"read TOKEN @12:19-12:25",
		},
	},
	{
		name: "writes",
		src: `package p

import (
	"os"
	"strconv"
	"syscall"
	"testing"
)

func TestX(t *testing.T, v string) {
	os.Setenv("REMOTION_AWS_REGION", "us-east-1")
	os.Setenv("AWS_SECRET_ACCESS_KEY", "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt")
	os.Unsetenv("AWS_PROFILE")
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	syscall.Setenv("AWS_KEY_"+strconv.Itoa(1), v)
	os.Setenv("AWS_REGION", "AKIAZ7Q3M5N2B4V6C8X1")
	os.Setenv("AWS_PROFILE", v)
	syscall.Unsetenv("REMOTION_AWS_PROFILE")
	os.Setenv("AWS_PROFILE", "default", "extra")
	os.Setenv("AWS_DEFAULT_REGION", region)
}

const region = "eu-west-1"
`,
		want: []string{
			"write REMOTION_AWS_REGION lit shape=other value=us-east-1 @11:2-11:47",
			"write AWS_SECRET_ACCESS_KEY lit shape=other @12:2-12:80",
			"write AWS_PROFILE unset @13:2-13:28",
			"write AWS_ACCESS_KEY_ID lit shape=empty @14:2-14:35",
			"write dyn(AWS_KEY_) @15:2-15:47",
			"write AWS_REGION lit shape=aws-access-key-id @16:2-16:49",
			"write AWS_PROFILE @17:2-17:29",
			"write REMOTION_AWS_PROFILE unset @18:2-18:42",
			"write AWS_DEFAULT_REGION lit shape=other value=eu-west-1 @20:2-20:41",
			"literal secret ctx=AWS_SECRET_ACCESS_KEY @12:37-12:79",
			"literal aws-access-key-id display=AKIA…C8X1 ctx=AWS_REGION @16:26-16:48",
		},
	},
	{
		name: "godotenv",
		src: `package p

import (
	dotenv "github.com/joho/godotenv"
	_ "github.com/joho/godotenv/autoload"
)

const envFile = ".env.production"

func f(files []string) {
	dotenv.Load()
	dotenv.Load(".env.local", ".env")
	dotenv.Overload(files...)
	m, _ := dotenv.Read(envFile)
	_ = m
	_ = dotenv.Load(files[0])
	godotenv.Load("nope")
	dotenv.Parse(nil)
}
`,
		want: []string{
			"import github.com/joho/godotenv @4:2-4:35",
			"import github.com/joho/godotenv/autoload @5:2-5:39",
			"dotenv godotenv path=.env @5:2-5:39",
			"dotenv godotenv path=.env @11:2-11:15",
			"dotenv godotenv path=.env.local @12:2-12:35",
			"dotenv godotenv path= @13:2-13:27",
			"dotenv godotenv path=.env.production @14:10-14:30",
			"dotenv godotenv path= @16:6-16:27",
		},
	},
	{
		name: "remotion",
		src: `package p

import (
	sdk "github.com/remotion-dev/lambda_go_sdk"
	"github.com/remotion-dev/lambda_go_sdk/sub"
)

const region = "eu-central-2"

func f() {
	opts := &sdk.RemotionOptions{
		Region:       "us-east-1",
		FunctionName: "fn",
	}
	sdk.RenderMediaOnLambda(*opts)
	sdk.GetRenderProgress(sdk.RenderConfig{Region: region})
	sdk.RenderStillOnLambda(sdk.RemotionOptions{})
	_ = sdk.FrameRange{}
	_ = sdk.Other{Region: ` + "`" + `ap-south-1` + "`" + `}
	sdk.internal()
	sub.Helper()
	_ = sdk.RenderConfig{Region: getRegion()}
}
`,
		want: []string{
			"import github.com/remotion-dev/lambda_go_sdk @4:2-4:45",
			"import github.com/remotion-dev/lambda_go_sdk/sub @5:2-5:45",
			"call RemotionOptions region=us-east-1@12:18-12:27 @11:11-14:3",
			"call RenderMediaOnLambda @15:2-15:32",
			"call GetRenderProgress @16:2-16:57",
			"call RenderConfig value=region:eu-central-2@16:49-16:55 @16:24-16:56",
			"call RenderStillOnLambda @17:2-17:48",
			"call RemotionOptions @17:26-17:47",
			"call Other region=ap-south-1@19:25-19:35 @19:6-19:37",
			"call Helper @21:2-21:14",
			"call RenderConfig @22:6-22:43",
		},
	},
	{
		name: "literals",
		src: `package p

import "os"

var accessKey = "AKIAZ7Q3M5N2B4V6C8X1"
var example = "AKIAIOSFODNN7EXAMPLE"
var awsSecret = "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt"
var other = "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt"
var secretDoc = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

type creds struct{ SecretAccessKey, ID string }

var c = creds{SecretAccessKey: "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt", ID: "ASIAZ7Q3M5N2B4V6C8X2"}
var m = map[string]string{"aws_secret_access_key": ("q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt")}
var dsn = "key=AKIAZ7Q3M5N2B4V6C8X1;next=ASIAZ7Q3M5N2B4V6C8X2X"

func f(cfg *creds, kv map[string]string, n string) {
	cfg.SecretAccessKey = "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt"
	kv["AWS_SECRET"] = "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt"
	a, ClientSecret := 1, "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt"
	_, _ = a, ClientSecret
	os.Setenv("AWS_SECRET_"+"ACCESS_KEY", "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt")
	_ = "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt"
	os.Setenv("AWS_SECRET_"+n, "q8Ls0vT3nWbZ1mRk7YpX4cJd9HfG2aNe6uVi5oQt")
}
`,
		want: []string{
			"write AWS_SECRET_ACCESS_KEY lit shape=other @22:2-22:83",
			"write dyn(AWS_SECRET_) lit shape=other @24:2-24:72",
			"literal aws-access-key-id display=AKIA…C8X1 ctx=accessKey @5:17-5:39",
			"literal secret ctx=awsSecret @7:17-7:59",
			"literal secret ctx=SecretAccessKey @13:32-13:74",
			"literal aws-temporary-key-id display=ASIA…C8X2 ctx=ID @13:80-13:102",
			"literal secret ctx=aws_secret_access_key @14:53-14:95",
			"literal aws-access-key-id display=AKIA…C8X1 @15:16-15:36",
			"literal secret ctx=SecretAccessKey @18:24-18:66",
			"literal secret ctx=AWS_SECRET @19:21-19:63",
			"literal secret ctx=ClientSecret @20:24-20:66",
			"literal secret ctx=AWS_SECRET_ACCESS_KEY @22:40-22:82",
			"literal secret ctx=AWS_SECRET_ @24:29-24:71",
		},
	},
	{
		name: "import names",
		src: `package p

import (
	environ "os"
	. "syscall"
	_ "os/exec"
	"gopkg.in/yaml.v3"
	"example.com/go-env/v2"
)

func f() {
	environ.Getenv("A")
	Getenv("B")
	os.Getenv("C")
	yaml.Getenv("D")
	env.Getenv("E")
	exec.Getenv("F")
	environ.Getenv2("G")
}
`,
		want: []string{
			"read A @12:2-12:21",
		},
	},
	{
		name: "line directive ignored",
		src: `package p

import "os"

func f() {
//line other.go:100:7
	_ = os.Getenv("AFTER_LINE_DIRECTIVE")
}
`,
		want: []string{
			"read AFTER_LINE_DIRECTIVE @7:6-7:39",
		},
	},
	{
		name: "unaliased imports",
		src: `package p

import (
	"github.com/joho/godotenv"
	"github.com/remotion-dev/lambda_go_sdk"
)

func f() {
	godotenv.Load()
	lambda_go_sdk.RenderMediaOnLambda(lambda_go_sdk.RemotionOptions{Region: "us-east-1"})
}
`,
		want: []string{
			"import github.com/joho/godotenv @4:2-4:28",
			"import github.com/remotion-dev/lambda_go_sdk @5:2-5:41",
			"dotenv godotenv path=.env @9:2-9:17",
			"call RenderMediaOnLambda @10:2-10:87",
			"call RemotionOptions region=us-east-1@10:75-10:84 @10:36-10:86",
		},
	},
	{
		name: "region constants",
		src: `package p

import sdk "github.com/remotion-dev/lambda_go_sdk"

const (
	stagingRegion = "ca-west-1"
	empty         = ""
)

var varRegion = "me-south-1"

func f(arg string) {
	const local = "af-south-1"
	_ = sdk.RemotionOptions{Region: stagingRegion}
	_ = sdk.RemotionOptions{Region: (local)}
	_ = sdk.RemotionOptions{Region: varRegion}
	_ = sdk.RemotionOptions{Region: empty}
	_ = sdk.RemotionOptions{Region: arg}
	_ = sdk.RemotionOptions{Region: "eu-" + "west-1"}
	_ = sdk.RemotionOptions{Region: other.Region}
}
`,
		want: []string{
			"import github.com/remotion-dev/lambda_go_sdk @3:8-3:51",
			// the use site of a constant of this file, local or not
			"call RemotionOptions value=stagingRegion:ca-west-1@14:34-14:47 @14:6-14:48",
			"call RemotionOptions value=local:af-south-1@15:35-15:40 @15:6-15:42",
			// a variable, an empty constant, a parameter: nothing
			"call RemotionOptions @16:6-16:44",
			"call RemotionOptions @17:6-17:40",
			"call RemotionOptions @18:6-18:38",
			// a constant expression of literals stays the literal region
			"call RemotionOptions region=eu-west-1@19:34-19:50 @19:6-19:51",
			// another package's constant needs type information
			"call RemotionOptions @20:6-20:47",
		},
	},
}

func TestParse(t *testing.T) {
	for _, tc := range syntaxCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse("p.go", []byte(tc.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := render(t, res)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("facts differ\ngot:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

// render prints every fact on one line, in a fixed order of kinds (imports,
// dotenv loads, reads, writes, Remotion calls, literals), each kind in source
// order. It also checks the fields the caller owns are left empty.
func render(t testing.TB, r *Result) []string {
	t.Helper()
	var out []string
	loc := func(l facts.Location) string {
		if l.Path != "" {
			t.Errorf("Location.Path = %q, want empty", l.Path)
		}
		return fmt.Sprintf("%d:%d-%d:%d", l.Line, l.Column, l.EndLine, l.EndColumn)
	}
	lang := func(kind, lang, project string) {
		if lang != Language || project != "" {
			t.Errorf("%s: language %q project %q, want %q and empty", kind, lang, project, Language)
		}
	}
	for _, im := range r.Imports {
		lang("import", im.Language, im.Project)
		out = append(out, "import "+im.Package+" @"+loc(im.Location))
	}
	for _, d := range r.DotenvLoads {
		out = append(out, "dotenv "+d.Kind+" path="+d.Path+" @"+loc(d.Location))
	}
	access := func(kind string, a facts.EnvAccess) string {
		lang(kind, a.Language, a.Project)
		if a.Known || a.Suggestion != "" || a.Family != nil {
			t.Errorf("%s: caller-owned fields set: %+v", kind, a)
		}
		s := kind
		if a.Name != "" {
			s += " " + a.Name
		}
		if a.Dynamic {
			s += " dyn(" + a.Prefix + ")"
		} else if a.Prefix != "" {
			s += " prefix-without-dynamic=" + a.Prefix
		}
		if a.Guard {
			s += " guard"
		}
		if a.Unset {
			s += " unset"
		}
		if a.Literal {
			s += " lit"
		}
		if a.Shape != "" {
			s += " shape=" + a.Shape
		}
		if a.Value != "" {
			s += " value=" + a.Value
		}
		return s + " @" + loc(a.Location)
	}
	for _, a := range r.Reads {
		out = append(out, access("read", a))
	}
	for _, a := range r.Writes {
		out = append(out, access("write", a))
	}
	for _, c := range r.RemotionCalls {
		lang("call", c.Language, c.Project)
		s := "call " + c.Function
		if c.Region != "" || c.RegionLocation != (facts.Location{}) {
			s += " region=" + c.Region + "@" + loc(c.RegionLocation)
		}
		for _, v := range c.RegionValues {
			s += " value=" + v.Constant + ":" + v.Value + "@" + loc(v.Location)
		}
		if c.Credentials {
			s += " credentials"
		}
		out = append(out, s+" @"+loc(c.Location))
	}
	for _, l := range r.Literals {
		lang("literal", l.Language, l.Project)
		s := "literal " + l.Shape
		if l.Display != "" {
			s += " display=" + l.Display
		}
		if l.Context != "" {
			s += " ctx=" + l.Context
		}
		out = append(out, s+" @"+loc(l.Location))
	}
	return out
}

func TestComments(t *testing.T) {
	src := "package p // remolint:ignore hardcoded-credential test fixture\n" +
		"\n" +
		"/* block\ncomment */\n" +
		"//nolint:all\n" +
		"// second line of a group\n" +
		"var x = 1 /* trailing */\n"
	res, err := Parse("p.go", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"// remolint:ignore hardcoded-credential test fixture @1:11-1:63",
		"/* block\ncomment */ @3:1-4:11",
		"//nolint:all @5:1-5:13",
		"// second line of a group @6:1-6:26",
		"/* trailing */ @7:11-7:25",
	}
	var got []string
	for _, c := range res.Comments {
		l := c.Location
		got = append(got, fmt.Sprintf("%s @%d:%d-%d:%d", c.Text, l.Line, l.Column, l.EndLine, l.EndColumn))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("comments\ngot:  %q\nwant: %q", got, want)
	}
}

// TestSpanEndsAfterFinalNewline: a span that takes in the newline ending the
// file (an unterminated raw string) ends at the start of the next line,
// which go/token does not record.
func TestSpanEndsAfterFinalNewline(t *testing.T) {
	res, _ := Parse("p.go", []byte("package p\nimport \"os\"\nvar v = os.ExpandEnv(`\r$HOME\n"))
	if len(res.Reads) != 1 {
		t.Fatalf("reads: %+v", res.Reads)
	}
	if l := res.Reads[0].Location; l.Line != 3 || l.Column != 22 || l.EndLine != 4 || l.EndColumn != 1 {
		t.Errorf("read at %d:%d-%d:%d, want 3:22-4:1", l.Line, l.Column, l.EndLine, l.EndColumn)
	}
}

func TestParseSyntaxError(t *testing.T) {
	// The bad token is a key id: the error must not quote it, and the facts
	// before the error must still be extracted.
	src := "package p\n\nimport \"os\"\n\nvar a = os.Getenv(\"AWS_PROFILE\")\n\nvar b = AKIAZ7Q3M5N2B4V6C8X1 AKIAZ7Q3M5N2B4V6C8X1\n"
	res, err := Parse("bad.go", []byte(src))
	if err == nil {
		t.Fatal("Parse: no error for invalid source")
	}
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %v does not wrap *SyntaxError", err)
	}
	if se.Line != 7 || se.Column != 30 {
		t.Errorf("SyntaxError at %d:%d, want 7:30", se.Line, se.Column)
	}
	if msg := err.Error(); strings.Contains(msg, "AKIA") || !strings.Contains(msg, "bad.go") {
		t.Errorf("error message %q quotes source text or lacks the file name", msg)
	}
	got := render(t, res)
	want := []string{"read AWS_PROFILE @5:9-5:33"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("facts from partial AST\ngot:  %q\nwant: %q", got, want)
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		err  SyntaxError
		want string
	}{
		{SyntaxError{Line: 3, Column: 5, Count: 1}, "syntax error at line 3, column 5"},
		{SyntaxError{Line: 3, Column: 5, Count: 4}, "syntax error at line 3, column 5 (and 3 more)"},
		{SyntaxError{Count: 1}, "syntax error"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.err, got, tc.want)
		}
	}
}

func TestParseNilAndEmpty(t *testing.T) {
	for _, src := range [][]byte{nil, {}, []byte("\x00\xff"), []byte("package")} {
		res, err := Parse("x.go", src)
		if res == nil {
			t.Fatalf("Parse(%q): nil result", src)
		}
		if err == nil {
			t.Errorf("Parse(%q): no error", src)
		}
	}
}

func TestFileNil(t *testing.T) {
	if res := File(nil, nil, nil); res == nil {
		t.Fatal("File(nil, nil, nil) = nil")
	}
}

func TestAssumedName(t *testing.T) {
	for path, want := range map[string]string{
		"os":                                    "os",
		"github.com/joho/godotenv":              "godotenv",
		"github.com/remotion-dev/lambda_go_sdk": "lambda_go_sdk",
		"gopkg.in/yaml.v3":                      "yaml",
		"example.com/go-env/v2":                 "env",
		"example.com/mod/v2x":                   "v2x",
		"v2":                                    "v2",
	} {
		if got := assumedName(path); got != want {
			t.Errorf("assumedName(%q) = %q, want %q", path, got, want)
		}
	}
}
