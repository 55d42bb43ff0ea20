//go:build unix

package scan

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO where a file was (swapped in after the walk listed it) is refused
// at once: opening it for reading must not wait for a writer. Were it to
// wait, this test would hang until go test's timeout.
func TestReadFileRefusesFIFO(t *testing.T) {
	name := filepath.Join(t.TempDir(), ".env")
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if _, err := readFile(name, 1<<20, nil); !errors.Is(err, errNotRegular) {
		t.Fatalf("readFile(FIFO) = %v, want errNotRegular", err)
	}
}
