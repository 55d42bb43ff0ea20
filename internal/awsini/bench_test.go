package awsini

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// generated returns a credentials-style file with n profiles.
func generated(n int) []byte {
	var b bytes.Buffer
	b.WriteString("# generated\n[default]\nregion = us-east-1\n\n")
	for i := range n {
		fmt.Fprintf(&b, "[profile account-%d] ; team %d\r\n", i, i%7)
		fmt.Fprintf(&b, "aws_access_key_id = AKIA%016d\r\n", i)
		fmt.Fprintf(&b, "aws_secret_access_key=%040d\r\n", i)
		b.WriteString("region = eu-central-1 # main\r\ns3 =\r\n  max_concurrent_requests = 10\r\n\r\n")
	}
	return b.Bytes()
}

func BenchmarkParse(b *testing.B) {
	src := generated(2000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src, FlavourConfig)
	}
}

func TestGeneratedFile(t *testing.T) {
	f := Parse(generated(2000), FlavourConfig)
	if len(f.Sections) != 2001 {
		t.Fatalf("sections = %d, want 2001", len(f.Sections))
	}
	last := f.Sections[2000]
	if last.Header != "profile account-1999" || len(last.Keys) != 5 || !last.Keys[4].Nested {
		t.Errorf("last section = %+v", last)
	}
	// One inline comment per profile, nothing else.
	if len(f.Anomalies) != 2000 {
		t.Errorf("anomalies = %d, want 2000", len(f.Anomalies))
	}
}

// TestPathologicalInputsStayFast feeds inputs that make naive readers
// quadratic (ini.v1's multi-line quotes, long lines, many markers) and checks
// that parsing time grows linearly: 4x the input may not take more than 12x
// the time (with a floor against timer noise).
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
			measure := func(src []byte) time.Duration {
				start := time.Now()
				Parse(src, FlavourCredentials)
				return time.Since(start)
			}
			small, large := gen(1<<18), gen(1<<20)
			measure(small) // warm up
			ts, tl := measure(small), measure(large)
			if tl > 12*max(ts, 5*time.Millisecond) {
				t.Errorf("256 KiB took %v, 1 MiB took %v: not linear", ts, tl)
			}
		})
	}
}
