package model_test

import (
	"context"
	"os"
	"testing"

	"github.com/remolint/remolint/internal/scan"
)

// benchTree is the tree BenchmarkBuild reads once; set REMOLINT_BENCH_TREE
// to another generated corpus (bench/gen) to measure it instead.
func benchTree(b *testing.B) string {
	dir := os.Getenv("REMOLINT_BENCH_TREE")
	if dir == "" {
		dir = "/tmp/remolint-bench/tree-1000"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no benchmark tree at %s (generate one with bench/gen)", dir)
	}
	return dir
}

// BenchmarkBuild measures the fact document alone: the tree is read once,
// then only model.Build runs in the loop.
func BenchmarkBuild(b *testing.B) {
	t, err := scan.Read(context.Background(), scan.Options{WorkDir: benchTree(b), Paths: []string{"."}, NoGit: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		t.Build(nil)
	}
}
