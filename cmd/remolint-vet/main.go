// Command remolint-vet runs remolint's analyzers as a go vet tool:
//
//	go install github.com/remolint/remolint/cmd/remolint-vet@latest
//	go vet -vettool=$(command -v remolint-vet) ./...
//
// Each diagnostic reads "rule-id: message" at the finding's file, line and
// column. The project around each package (env files, platform markers,
// go.mod, .remolint.yaml) is read from its module root, so rules that span
// files still fire.
//
// go vet caches the result of a package that passed, keyed by the package's
// own files and the vet tool's version. remolint's findings also depend on
// files outside the package (a new vercel.json, a changed .env), so the
// version remolint-vet reports to go vet (-V=full) includes a fingerprint
// of the module around the working directory: the path, size and
// modification time of every file remolint reads there, and of the
// .remolint.yaml that applies. Any change to them reruns the analysis.
package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/remolint/remolint/analyzers"
	"github.com/remolint/remolint/internal/config"
	"github.com/remolint/remolint/internal/discover"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		if err := printVersion(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "remolint-vet:", err)
			os.Exit(1)
		}
		return
	}
	unitchecker.Main(analyzers.All()...)
}

// printVersion answers go vet's -V=full in the form cmd/go parses
// ("NAME version devel ... buildID=ID"), ID hashing the executable and the
// module's fingerprint.
func printVersion(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("finding the executable: %w", err)
	}
	h := sha256.New()
	f, err := os.Open(exe)
	if err != nil {
		return fmt.Errorf("reading the executable: %w", err)
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return fmt.Errorf("reading the executable: %w", err)
	}
	if wd, err := os.Getwd(); err == nil {
		fingerprint(h, wd)
	}
	_, err = fmt.Fprintf(w, "%s version devel remolint buildID=%x\n", exe, h.Sum(nil))
	return err
}

// fingerprint hashes what the analysis reads around dir: the module root's
// tree as remolint walks it (without git state, so it may include more than
// the analysis reads, never less) and the configuration file. Errors only
// make the fingerprint less stable, never wrong: they are hashed too.
func fingerprint(h hash.Hash, dir string) {
	root := moduleRoot(dir)
	fmt.Fprintf(h, "root %q\n", root)
	stat := func(p string) {
		if st, err := os.Lstat(p); err == nil {
			fmt.Fprintf(h, "%q %d %d\n", p, st.Size(), st.ModTime().UnixNano())
		} else {
			fmt.Fprintf(h, "%q missing\n", p)
		}
	}
	if p := config.Find(root); p != "" {
		stat(p)
	}
	w, err := discover.Walk(context.Background(), os.DirFS(root), discover.Options{})
	if err != nil {
		fmt.Fprintf(h, "walk error %q\n", err.Error())
		return
	}
	for _, d := range w.MarkerDirs {
		fmt.Fprintf(h, "marker %q\n", d)
	}
	for _, f := range w.Files {
		stat(filepath.Join(root, filepath.FromSlash(f.Path)))
	}
}

// moduleRoot returns the nearest folder at or above dir holding go.mod, or
// dir itself when there is none (as the analyzer finds it).
func moduleRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && st.Mode().IsRegular() {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
