// Package bench holds remolint's end-to-end benchmarks over the synthetic
// monorepo of bench/corpus. Profile one stage with, for example:
//
//	go test -run '^$' -bench 'Pipeline/lint' -benchtime 3x -cpuprofile /tmp/cpu.out ./bench
//	go tool pprof -top /tmp/cpu.out
//
// -args -tree DIR reuses a tree that bench/gen wrote (bench/run.sh keeps
// them), so that the profile holds no file generation.
package bench

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/lint"
	"github.com/remolint/remolint/internal/policy"
	"github.com/remolint/remolint/internal/scan"
	"github.com/remolint/remolint/internal/view"
)

var (
	packages = flag.Int("packages", 200, "packages in the generated tree")
	treeDir  = flag.String("tree", "", "a tree bench/gen generated, used instead of generating one (profiles then show remolint, not the generator)")
)

// tree generates the corpus once per benchmark into a temporary folder.
func tree(b *testing.B, opts corpus.Options) string {
	b.Helper()
	if *treeDir != "" {
		return *treeDir
	}
	dir := filepath.Join(b.TempDir(), "tree")
	if _, err := corpus.Generate(dir, opts); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkPipeline times each stage of a full run over the generated tree:
// the walk and read (scan), narrowing the fact document to the built-in
// rules' view (view), converting that to OPA's AST (input; marshal is the
// JSON encoding it replaced, for comparison),
// converting and evaluating the policies (lint), and all of them together.
func BenchmarkPipeline(b *testing.B) {
	ctx := context.Background()
	dir := tree(b, corpus.Options{Packages: *packages})
	opts := scan.Options{WorkDir: dir, Paths: []string{"."}, NoGit: true}
	engine, err := policy.New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	res, err := scan.Run(ctx, opts)
	if err != nil {
		b.Fatal(err)
	}
	// What the policies receive: the built-in rules' view of the document.
	doc := view.Builtin(res.Doc, engine.Mentions)
	b.Run("view", func(b *testing.B) {
		loop(b, func() { view.Builtin(res.Doc, engine.Mentions) })
	})
	b.Run("scan", func(b *testing.B) {
		loop(b, func() {
			if _, err := scan.Run(ctx, opts); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("marshal", func(b *testing.B) {
		loop(b, func() {
			if _, err := json.Marshal(doc); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("input", func(b *testing.B) {
		loop(b, func() {
			if _, err := policy.ValueOf(doc); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("lint", func(b *testing.B) {
		loop(b, func() {
			if _, err := lint.Evaluate(ctx, engine, res, lint.Options{}); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("all", func(b *testing.B) {
		loop(b, func() {
			r, err := scan.Run(ctx, opts)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := lint.Evaluate(ctx, engine, r, lint.Options{}); err != nil {
				b.Fatal(err)
			}
		})
	})
}

// BenchmarkEngine times compiling the policies and preparing the query,
// which every run of the command line pays once.
func BenchmarkEngine(b *testing.B) {
	loop(b, func() {
		if _, err := policy.New(context.Background()); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPathological times scan and lint of the pathological env file
// alone, at two sizes: the second should cost about twice the first.
func BenchmarkPathological(b *testing.B) {
	ctx := context.Background()
	engine, err := policy.New(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []struct {
		name string
		keys int
	}{{"2000keys", 2000}, {"4000keys", 4000}} {
		dir := b.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ".env"), corpus.Pathological(n.keys), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(n.name, func(b *testing.B) {
			loop(b, func() {
				r, err := scan.Run(ctx, scan.Options{WorkDir: dir, NoGit: true})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := lint.Evaluate(ctx, engine, r, lint.Options{}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}
