package scan

import (
	"fmt"
	"io"
)

// tooLargeError is readFile's answer for a file over the size cap: the walk
// leaves that check to the read (one fstat of the open file instead of an
// lstat of every file), and readOne reports it as the walk would have.
type tooLargeError struct{ size, max int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("skipped: %d bytes is over the %d-byte size cap (--max-file-size)", e.size, e.max)
}

// maxKeptBuffer bounds the read buffer a worker keeps between files: one
// large file should not pin its size in memory for the rest of the run.
const maxKeptBuffer = 1 << 20

// buffer returns a slice of n bytes, from *scratch when scratch is non-nil
// (growing it, and keeping it when it stays small enough), else a new one.
func buffer(scratch *[]byte, n int64) []byte {
	if scratch == nil {
		return make([]byte, n)
	}
	if int64(cap(*scratch)) >= n {
		return (*scratch)[:n]
	}
	b := make([]byte, n)
	if n <= maxKeptBuffer {
		*scratch = b
	}
	return b
}

// shortRead is io.ReadFull's error for a file that shrank after fstat.
func shortRead(n int) error {
	if n == 0 {
		return io.EOF
	}
	return io.ErrUnexpectedEOF
}
