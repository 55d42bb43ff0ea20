package dotenv

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// manyKeys builds a realistic env file with n entries in varied styles.
func manyKeys(n int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		switch i % 8 {
		case 0:
			fmt.Fprintf(&b, "# section %d\n", i)
			fmt.Fprintf(&b, "KEY_%d=plain-value-%d\n", i, i)
		case 1:
			fmt.Fprintf(&b, "export KEY_%d='single quoted %d'\n", i, i)
		case 2:
			fmt.Fprintf(&b, "KEY_%d=\"double\\nquoted %d\" # trailing\n", i, i)
		case 3:
			fmt.Fprintf(&b, "KEY_%d=\"multi\nline\n%d\"\n", i, i)
		case 4:
			fmt.Fprintf(&b, "  KEY_%d = spaced %d\r\n", i, i)
		case 5:
			fmt.Fprintf(&b, "KEY_%d=wJalrXUtnFEMI/K7MDENG#bPxRfiCYEXAMPLEKEY%d\n", i, i)
		case 6:
			fmt.Fprintf(&b, "KEY_%d=${KEY_%d}suffix\n\n", i, i-1)
		default:
			fmt.Fprintf(&b, "KEY_%d=`backtick %d`\n", i, i)
		}
	}
	return b.Bytes()
}

// adversarial inputs: shapes that make a naive backtracking reader (or
// naive position bookkeeping) quadratic.
var adversarial = []struct {
	name string
	gen  func(size int) []byte
}{
	{"single-line", func(n int) []byte { return append([]byte("A="), bytes.Repeat([]byte("x"), n)...) }},
	{"unclosed-quotes", func(n int) []byte { return bytes.Repeat([]byte("A=\"x\n"), n/5) }},
	{"unclosed-quotes-one-line", func(n int) []byte { return append([]byte("A="), bytes.Repeat([]byte("\"#"), n/2)...) }},
	{"escaped-quotes", func(n int) []byte { return append([]byte("A=\""), bytes.Repeat([]byte(`\"`), n/2)...) }},
	{"quote-then-text", func(n int) []byte { return bytes.Repeat([]byte("A='x' y\n"), n/8) }},
	{"key-then-blanks", func(n int) []byte {
		return bytes.Repeat([]byte("A\n"+strings.Repeat(" \n", 50)), n/102)
	}},
	{"long-key", func(n int) []byte { return bytes.Repeat([]byte("K"), n) }},
	{"comments", func(n int) []byte { return bytes.Repeat([]byte("#\n"), n/2) }},
	{"invalid-utf8", func(n int) []byte { return bytes.Repeat([]byte{0xFF}, n) }},
	{"crlf", func(n int) []byte { return bytes.Repeat([]byte("A=1\r\n"), n/5) }},
	{"unicode-spaces", func(n int) []byte { return bytes.Repeat([]byte("A:\u2028\u3000\u2029"), n/11) }},
}

func BenchmarkParse(b *testing.B) {
	keys := manyKeys(4000)
	line := append([]byte("REMOTION_AWS_SECRET_ACCESS_KEY="), bytes.Repeat([]byte("wJalrXUtnFEMI/K7MDENG+bPxRfiCY"), 5<<20/30)...)
	for _, c := range []struct {
		name string
		in   []byte
	}{{"4000-keys", keys}, {"5MB-line", line}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in)))
			for b.Loop() {
				Parse(c.in)
			}
		})
	}
	for _, c := range adversarial {
		in := c.gen(1 << 20)
		b.Run("adversarial-1MB/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Parse(in)
			}
		})
	}
}

func TestManyKeys(t *testing.T) {
	f := Parse(manyKeys(4000))
	if n := len(f.Entries); n != 4000 {
		t.Fatalf("%d entries, want 4000", n)
	}
	if f.Go == nil || len(f.Node()) != 4000 {
		t.Fatalf("Go %d keys (err %q), Node %d keys", len(f.Go), f.GoErr, len(f.Node()))
	}
	checkInvariants(t, manyKeys(4000), f)
}
