//go:build !unix

package scan

import (
	"io"
	"os"
)

// readFile reads a regular file of at most max bytes into a buffer from
// scratch (see buffer).
func readFile(name string, max int64, scratch *[]byte) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, skipped(unwrapPath(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, skipped(unwrapPath(err))
	}
	if !st.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if st.Size() > max {
		return nil, &tooLargeError{size: st.Size(), max: max}
	}
	b := buffer(scratch, st.Size())
	n, err := io.ReadFull(f, b)
	if err != nil {
		return nil, skipped(unwrapPath(err))
	}
	return b[:n], nil
}
