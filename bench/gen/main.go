// Command gen writes the synthetic monorepo of remolint's benchmarks.
//
//	go run ./bench/gen -out /tmp/tree -packages 1000
//	go run ./bench/gen -out /tmp/envs -packages 1000 -env-only
//	go run ./bench/gen -out /tmp/patho -pathological 4000
//
// The output folder must not exist yet (gen never deletes anything).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/remolint/remolint/bench/corpus"
)

func main() {
	out := flag.String("out", "", "folder to create (must not exist)")
	packages := flag.Int("packages", 1000, "number of packages")
	envOnly := flag.Bool("env-only", false, "write only env files and package.json files")
	patho := flag.Int("pathological", 0, "write only the pathological env file with this many keys, as OUT/.env")
	flag.Parse()
	if err := run(*out, *packages, *envOnly, *patho); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string, packages int, envOnly bool, patho int) error {
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s already exists", out)
	}
	if patho > 0 {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", out, err)
		}
		return os.WriteFile(filepath.Join(out, ".env"), corpus.Pathological(patho), 0o644)
	}
	st, err := corpus.Generate(out, corpus.Options{Packages: packages, EnvOnly: envOnly})
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d files to read (%d env files), %d to skip, %.1f MiB\n", out, st.Read, st.Env, st.Skipped, float64(st.Bytes)/(1<<20))
	return nil
}
