package dotenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkParseTree parses every env file of a generated corpus (bench/gen;
// REMOLINT_BENCH_TREE, default /tmp/remolint-bench/tree-1000): thousands of
// small, realistic files, where per-file costs dominate.
func BenchmarkParseTree(b *testing.B) {
	dir := os.Getenv("REMOLINT_BENCH_TREE")
	if dir == "" {
		dir = "/tmp/remolint-bench/tree-1000"
	}
	var files [][]byte
	size := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if n := d.Name(); strings.HasPrefix(n, ".env") || strings.HasSuffix(n, ".env") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files = append(files, data)
			size += len(data)
		}
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Skipf("no env files under %s (generate a corpus with bench/gen): %v", dir, err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, f := range files {
			Parse(f)
		}
	}
}
