package model_test

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

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
	start, n := cpuTime(), 0
	for b.Loop() {
		t.Build(nil)
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n)/1e6, "cpu-ms/op")
}

// cpuTime is the CPU time this process has used (user and system): on a
// shared machine it varies less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
