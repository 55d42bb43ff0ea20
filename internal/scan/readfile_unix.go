//go:build unix

package scan

import (
	"errors"
	"syscall"
)

// readFile reads a regular file of at most max bytes into a buffer from
// scratch (see buffer). It talks to the kernel directly: os.Open registers
// every file with the poller, which costs three fcntl and an epoll_ctl per
// file, and an *os.File, none of which a whole-file read of a regular file
// needs; here a file costs open, fstat, read and close. O_NONBLOCK keeps
// the open from waiting on a FIFO or a device that took a file's place after
// the walk listed it (fstat then refuses it); it changes nothing for a
// regular file.
func readFile(name string, max int64, scratch *[]byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		return nil, skipped(err)
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, skipped(err)
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, errNotRegular
	}
	if st.Size > max {
		return nil, &tooLargeError{size: st.Size, max: max}
	}
	b := buffer(scratch, st.Size)
	n := 0
	for n < len(b) {
		m, err := syscall.Read(fd, b[n:])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, skipped(err)
		}
		if m == 0 {
			return nil, skipped(shortRead(n))
		}
		n += m
	}
	return b, nil
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		err := syscall.Fstat(fd, st)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}
