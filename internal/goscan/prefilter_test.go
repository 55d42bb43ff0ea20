package goscan

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/prefilter"
)

func TestMayContainFacts(t *testing.T) {
	const keyID = "AKIA" + "Z7Q3M5N2B4V6C8X1"
	for src, want := range map[string]bool{
		"package p\nfunc f() int { return 1 }\n":                             false,
		"package p\n// just a comment\nimport \"fmt\"\nvar _ = fmt.Sprint()": false,
		"package p\nvar region = \"us-east-1\"\n":                            false,
		"package p\nimport \"os\"\nvar _ = os.Getenv(\"X\")":                 true,
		"package p\nimport \"os\"\nvar _, _ = os.LookupEnv(\"X\")":           true,
		"package p\nimport \"os\"\nvar _ = os.ExpandEnv(\"$X\")":             true,
		"package p\nimport . \"os\"\nvar _ = Getenv(\"X\")":                  true,
		"package p\nimport \"syscall\"\nvar _, _ = syscall.Getenv(\"X\")":    true,
		"package p\nimport g \"github.com/joho/godotenv\"\nvar _ = g.Load()": true,
		"package p\nimport _ \"github.com/joho/godotenv/autoload\"\n":        true,
		"package p\nimport r \"github.com/remotion-dev/lambda_go_sdk\"\n":    true,
		"package p\nvar k = \"" + keyID + "\"\n":                             true,
		"package p\nvar k = `aws_access_key_id=" + keyID + "`\n":             true,
		"package p\nvar MySecret = \"x\"\n":                                  true,
		"package p\nvar s = map[string]string{\"SECRET_KEY\": \"x\"}\n":      true,
		"package p\nvar sEcReT = 1\n":                                        true,
		// escapes that can spell a key id or a name in a literal
		"package p\nvar k = \"\\x41KIA\"\n":       true,
		"package p\nvar k = \"\\u0041KIA\"\n":     true,
		"package p\nvar k = \"\\U00000041KIA\"\n": true,
		"package p\nvar k = \"\\101KIA\"\n":       true,
		"package p\nvar k = \"a\\n\\t\\\"\"\n":    false,
		"package p\nvar k = \"a\\\\\"\n":          false,
	} {
		if got := MayContainFacts([]byte(src)); got != want {
			t.Errorf("MayContainFacts(%q) = %v, want %v", src, got, want)
		}
	}
}

// Every source with a fact passes the prefilter: the test cases, and the Go
// files of the fixtures and of the fuzz corpus.
func TestMayContainFactsKeepsEveryFact(t *testing.T) {
	srcs := map[string][]byte{"typedApp": []byte(typedApp), "typedAppConsts": []byte(typedAppConsts), "typedDot": []byte(typedDot)}
	for _, tc := range syntaxCases {
		srcs[tc.name] = []byte(tc.src)
	}
	for _, root := range []string{"../../fixtures", "testdata"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			b, err := os.ReadFile(p)
			srcs[p] = b
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	withFacts := 0
	for name, src := range srcs {
		res, _ := Parse("f.go", src)
		if !hasFacts(res) {
			continue
		}
		withFacts++
		if !MayContainFacts(src) {
			t.Errorf("%s: MayContainFacts is false, but Parse finds facts", name)
		}
	}
	if withFacts < 20 {
		t.Errorf("only %d sources with facts: the check is too weak", withFacts)
	}
}

// hasFacts reports whether res holds a fact other than a comment.
func hasFacts(res *Result) bool {
	f := res.SourceFacts
	return len(f.Reads)+len(f.Writes)+len(f.RemotionCalls)+len(f.DotenvLoads)+len(f.Literals)+len(f.Imports)+len(f.Exports) > 0
}

func TestGoEscapes(t *testing.T) {
	for src, want := range map[string]bool{
		``: false, `\`: false, `\n`: false, `\\`: false, `\x`: true, `a\u`: true, `\U`: true, `\0`: true,
		`\7`: true, `\8`: false, `\\\\`: false, `x\`: false, `\t\r\"`: false, `\'\7`: true,
	} {
		if got := prefilter.Escape([]byte(src), goSpells); got != want {
			t.Errorf("Escape(%q, goSpells) = %v, want %v", src, got, want)
		}
	}
}
