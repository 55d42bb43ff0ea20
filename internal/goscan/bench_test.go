package goscan

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// benchSource generates a Go file of about size bytes mixing every form the
// scanner looks for with ordinary code.
func benchSource(size int) []byte {
	var b strings.Builder
	b.WriteString("package bench\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strconv\"\n\n\tsdk \"github.com/remotion-dev/lambda_go_sdk\"\n\t\"github.com/joho/godotenv\"\n)\n\n")
	b.WriteString("const keyName = \"AWS_ACCESS_KEY_ID\"\n\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `// render%d renders one video.
func render%d(n int, s string) error {
	if os.Getenv("REMOTION_AWS_ACCESS_KEY_ID") == "" {
		return fmt.Errorf("missing key %%d", n)
	}
	_ = godotenv.Load(".env")
	region := os.Getenv(keyName)
	for j := 0; j < n; j++ {
		_ = os.Getenv("AWS_KEY_" + strconv.Itoa(j))
		_ = os.Getenv(fmt.Sprintf("AWS_SECRET_%%d", j))
	}
	os.Setenv("REMOTION_AWS_REGION", "us-east-1")
	_, _ = sdk.RenderMediaOnLambda(sdk.RemotionOptions{Region: "eu-central-1", FunctionName: s})
	values := map[string]int{"a": 1, "b": 2, "c": %d}
	total := 0
	for k, v := range values {
		total += v + len(k)
	}
	_ = region
	return nil
}

`, i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkParse measures Parse on a generated 200 KB file, beside go/parser
// alone on the same file for reference.
func BenchmarkParse(b *testing.B) {
	src := benchSource(200 << 10)
	b.Run("goscan", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse("bench.go", src); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("go-parser-only", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parser.ParseFile(token.NewFileSet(), "bench.go", src, parser.ParseComments|parser.SkipObjectResolution); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestBenchSourceParses(t *testing.T) {
	src := benchSource(4 << 10)
	res, err := Parse("bench.go", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reads) == 0 || len(res.Writes) == 0 || len(res.RemotionCalls) == 0 || len(res.DotenvLoads) == 0 {
		t.Fatalf("benchmark source yields too few facts: %d reads, %d writes, %d calls, %d loads",
			len(res.Reads), len(res.Writes), len(res.RemotionCalls), len(res.DotenvLoads))
	}
}
