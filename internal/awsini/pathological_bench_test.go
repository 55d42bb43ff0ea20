package awsini

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkPathological parses inputs that make naive readers quadratic
// (ini.v1's multi-line quotes, long lines, many markers) at 128 KiB and
// 1 MiB: a linear reader shows the same ns/byte at both sizes. Speed is
// measured here, never asserted in tests.
func BenchmarkPathological(b *testing.B) {
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
		for _, size := range []int{1 << 17, 1 << 20} {
			src := gen(size)
			b.Run(fmt.Sprintf("%s/%dKiB", name, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					Parse(src, FlavourCredentials)
				}
			})
		}
	}
}
