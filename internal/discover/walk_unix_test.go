//go:build unix

package discover

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestWalkHostileTree(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(dir, "real.env"), []byte("A=1"), 0o644))
	must(os.Mkdir(filepath.Join(dir, "loop"), 0o755))
	must(os.Symlink("..", filepath.Join(dir, "loop", "up")))         // directory loop
	must(os.Symlink("missing", filepath.Join(dir, ".env.dangling"))) // dangling
	must(os.Symlink("real.env", filepath.Join(dir, ".env")))         // file link: followed
	must(syscall.Mkfifo(filepath.Join(dir, ".env.fifo"), 0o644))     // never opened
	deep := dir
	for i := 0; i < 120; i++ {
		deep = filepath.Join(deep, "d")
	}
	must(os.MkdirAll(deep, 0o755))
	must(os.WriteFile(filepath.Join(deep, ".env"), []byte("A=1"), 0o644))

	r, err := Walk(context.Background(), os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := paths(r)
	if len(got) != 3 || got[0] != ".env" || got[len(got)-1] != "real.env" {
		t.Errorf("files = %v", got)
	}
	var fifo bool
	for _, d := range r.Diagnostics {
		fifo = fifo || (d.Kind == "not-regular" && d.Location.Path == ".env.fifo")
	}
	if !fifo {
		t.Errorf("no not-regular diagnostic for the FIFO: %+v", r.Diagnostics)
	}
}
