//go:build unix

package awsini

import (
	"bytes"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the user plus system CPU time this process has used.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestPathologicalInputsStayFast feeds inputs that make naive readers
// quadratic (ini.v1's multi-line quotes, long lines, many markers) and checks
// that parsing time grows linearly: 8x the input may not take more than 24x
// the time (quadratic growth would take 64x). Time is this process's CPU
// time, best of three runs, with a floor against timer noise, so that other
// processes on a busy machine do not count.
func TestPathologicalInputsStayFast(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	shapes := map[string]func(n int) []byte{
		"unterminated triple quote": func(n int) []byte {
			return []byte("[a]\nk = \"\"\"x\n" + strings.Repeat("line of text\n", n/13))
		},
		"unterminated backtick": func(n int) []byte {
			return []byte("[a]\nk = `x\n" + strings.Repeat("y\n", n/2))
		},
		"one long line of markers": func(n int) []byte {
			return bytes.Repeat([]byte(" #;[]="), n/6)
		},
		"many headers": func(n int) []byte {
			return bytes.Repeat([]byte("[a]\n"), n/4)
		},
		"many spaces in a header": func(n int) []byte {
			return []byte("[" + strings.Repeat(" \u3000", n/4) + "x]")
		},
		"invalid bytes": func(n int) []byte {
			return bytes.Repeat([]byte{0xff, '=', '\n'}, n/3)
		},
	}
	for name, gen := range shapes {
		t.Run(name, func(t *testing.T) {
			best := func(src []byte) time.Duration {
				d := time.Duration(1<<63 - 1)
				for range 3 {
					start := cpuTime(t)
					Parse(src, FlavourCredentials)
					d = min(d, cpuTime(t)-start)
				}
				return d
			}
			ts, tl := best(gen(1<<17)), best(gen(1<<20))
			if tl > 24*max(ts, 20*time.Millisecond) {
				t.Errorf("128 KiB took %v, 1 MiB took %v: not linear", ts, tl)
			}
		})
	}
}
