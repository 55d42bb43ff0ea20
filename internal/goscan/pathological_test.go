package goscan

import (
	"fmt"
	"strings"
	"testing"
)

// TestPathological runs inputs built to trigger quadratic or exponential
// work. Each is about 1 MB; linear code handles it in well under a second,
// quadratic code would take minutes.
func TestPathological(t *testing.T) {
	const n = 1 << 17
	head := "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n"
	rep := strings.Repeat
	var consts strings.Builder
	consts.WriteString("const a0 = \"xy\"\n")
	for i := 1; i < 200; i++ {
		fmt.Fprintf(&consts, "const a%d = a%d + a%d\n", i, i-1, i-1)
	}
	inputs := map[string]string{
		"unclosed braces in ExpandEnv": head + "var _ = os.ExpandEnv(\"" + rep("${", n) + "\")\n",
		"wide assignment":              head + "var " + strings.TrimSuffix(rep("a, ", n/4), ", ") + " = " + strings.TrimSuffix(rep(`"x", `, n/4), ", ") + "\n",
		"deep blocks":                  head + "func f() {\n" + rep("{ v := os.Getenv(\"X\")\n", n/16) + rep("}", n/16) + "\n}\n",
		"long concatenation":           head + "var _ = os.Getenv(" + rep(`"a" + `, n/2) + "s)\n",
		"right-nested concatenation":   head + "var _ = os.Getenv(" + rep(`"a" + (`, n/8) + "s" + rep(")", n/8) + ")\n",
		"exponential constants":        head + consts.String() + "var _ = os.Getenv(a199)\n",
		"deep parentheses":             head + "var _, ok = " + rep("(", n/4) + "os.LookupEnv(\"X\")" + rep(")", n/4) + "\n",
		"many verbs":                   head + "var _ = os.Getenv(fmt.Sprintf(\"" + rep("%s", n/4) + "\"" + rep(`, "a"`, n/4) + "))\n",
		"comparison chain":             head + "var _ = " + rep(`os.Getenv("X") == "" || `, n/32) + "true\n",
		"long literal":                 head + "var secretKey = \"" + rep("AKIA", n) + "\"\n",
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			// A quadratic step would hang here for minutes: go test's own
			// -timeout catches it; speed itself is measured by benchmarks.
			res, _ := Parse("p.go", []byte(src))
			checkResult(t, []byte(src), res)
		})
	}
}
