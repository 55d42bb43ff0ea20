package policy

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/remolint/remolint/bench/corpus"
	"github.com/remolint/remolint/internal/scan"
)

var update = flag.Bool("update", false, "rewrite compiled.bin from the embedded sources")

// TestCompiledBundleIsCurrent requires compiled.bin to be what compiling
// the embedded sources gives now; -update rewrites it.
func TestCompiledBundleIsCurrent(t *testing.T) {
	got, err := BuildCompiled()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("compiled.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, []byte(compiledBin)) {
		t.Fatal("compiled.bin is stale: run go test ./internal/policy -run TestCompiledBundleIsCurrent -update")
	}
	if _, err := loadPrecompiled(); err != nil {
		t.Fatal(err)
	}
	again, err := BuildCompiled()
	if err != nil || !bytes.Equal(got, again) {
		t.Fatalf("compiling twice gives different bytes (%v)", err)
	}
}

// TestCompiledBundleMatchesSource: the engine built from compiled.bin and
// the one compiled from the sources have the same rules, mention the same
// names, and find the same on every fixture and a generated monorepo, the
// whole document and the built-in view alike.
func TestCompiledBundleMatchesSource(t *testing.T) {
	ctx := context.Background()
	pre, err := New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	src, err := New(ctx, fromSource())
	if err != nil {
		t.Fatal(err)
	}
	if pre.modules != nil || src.modules == nil {
		t.Fatal("New did not use compiled.bin, or fromSource did")
	}
	if !reflect.DeepEqual(pre.Rules(), src.Rules()) {
		t.Errorf("rules differ:\n%+v\n%+v", pre.Rules(), src.Rules())
	}
	src.Mentions("")
	pre.Mentions("")
	if !maps.Equal(pre.mentioned, src.mentioned) || len(pre.mentioned) < 100 {
		t.Errorf("mentioned: %d names from compiled.bin, %d from the sources", len(pre.mentioned), len(src.mentioned))
	}
	if !maps.Equal(pre.files, src.files) {
		t.Errorf("policy files: %v, want %v", pre.files, src.files)
	}
	dirs, err := filepath.Glob("../../fixtures/*")
	if err != nil || len(dirs) < 50 {
		t.Fatalf("fixtures: %d folders, %v", len(dirs), err)
	}
	gen := filepath.Join(t.TempDir(), "tree")
	if _, err := corpus.Generate(gen, corpus.Options{Packages: 20, PathologicalKeys: 300}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, dir := range append(dirs, gen) {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		res, err := scan.Run(ctx, scan.Options{WorkDir: dir, NoGit: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		doc, err := Input(res.Doc)
		if err != nil {
			t.Fatal(err)
		}
		a, aFailed, aErr := pre.EvalInput(ctx, doc, nil)
		b, bFailed, bErr := src.EvalInput(ctx, doc, nil)
		if aErr != nil || bErr != nil || len(aFailed)+len(bFailed) > 0 {
			t.Fatalf("%s: errors %v %v, failed %v %v", dir, aErr, bErr, aFailed, bFailed)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %d findings from compiled.bin, %d from the sources", dir, len(a), len(b))
		}
		total += len(a)
	}
	if total < 300 {
		t.Errorf("%d findings in all: the fixtures were not evaluated", total)
	}
}

// A compiled.bin made from other sources, or by another OPA version, is
// not used: New compiles the sources instead.
func TestStaleCompiledBundleIsNotUsed(t *testing.T) {
	srcs, err := builtinSources()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeCompiled(compiledBin, srcs); err != nil {
		t.Fatalf("current sources: %v", err)
	}
	edited := maps.Clone(srcs)
	for name, b := range edited {
		if strings.HasSuffix(name, "lib.rego") {
			edited[name] = append(bytes.Clone(b), "\n# edited\n"...)
		}
	}
	if _, err := decodeCompiled(compiledBin, edited); !errors.Is(err, errStale) {
		t.Errorf("edited sources: error %v, want errStale", err)
	}
	otherOPA := strings.Replace(compiledBin, `"opa":"1.`, `"opa":"9.`, 1)
	if otherOPA == compiledBin {
		t.Fatal("no OPA version in compiled.bin")
	}
	if _, err := decodeCompiled(otherOPA, srcs); !errors.Is(err, errStale) {
		t.Errorf("another OPA version: error %v, want errStale", err)
	}
	for _, bad := range []string{"", compiledMagic, compiledBin[:len(compiledBin)/2], compiledMagic + "\x05{}"} {
		if _, err := decodeCompiled(bad, srcs); err == nil {
			t.Errorf("%.40q: no error", bad)
		}
	}
}
