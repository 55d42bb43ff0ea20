package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUTF16Column(t *testing.T) {
	for _, tc := range []struct {
		text     string
		col, out int
	}{
		{"", 1, 1},
		{"", 7, 7}, // unknown line: unchanged
		{"abc", 1, 1},
		{"abc", 4, 4},   // one past the end
		{"abc", 10, 10}, // past the end: bytes count one each
		{"é=1", 3, 2},   // é is 2 bytes, 1 unit
		{"😀=1", 5, 3},   // 😀 is 4 bytes, 2 units
		{"€😀x", 8, 4},   // 3 + 4 bytes, 1 + 2 units
		{"é", 2, 2},     // column inside a rune: its first byte counts one
		{"\xff\xfex", 3, 3},
		{"ab", 0, 1}, // callers never pass < 1; stays sane
	} {
		if got := newLineIndex(tc.text).utf16(tc.col); got != tc.out {
			t.Errorf("utf16 of %q, column %d = %d, want %d", tc.text, tc.col, got, tc.out)
		}
	}
}

func TestMakeSpan(t *testing.T) {
	lines := func(path string, n int) string {
		if path != "f" {
			return ""
		}
		return map[int]string{1: "é = 1", 2: "😀😀 x"}[n]
	}
	for _, tc := range []struct {
		name                       string
		line, col, endLine, endCol int
		want                       span
	}{
		{"line with é", 1, 5, 1, 6, span{1, 4, 1, 5}},
		{"two lines, each converted", 1, 4, 2, 10, span{1, 3, 2, 6}},
		{"no line", 0, 3, 0, 4, span{}},
		{"negative line", -1, 3, 2, 4, span{}},
		{"no column drops the end column", 2, 0, 2, 9, span{2, 0, 2, 0}},
		{"end line before start", 2, 9, 1, 3, span{2, 5, 2, 5}},
		{"end column before start", 1, 5, 1, 2, span{1, 4, 1, 4}},
		{"no end column", 1, 5, 1, 0, span{1, 4, 1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := newColumns(lines).span("f", tc.line, tc.col, tc.endLine, tc.endCol); got != tc.want {
				t.Errorf("span = %+v, want %+v", got, tc.want)
			}
		})
	}
	// Without a line source, columns stay in bytes.
	if got := newColumns(nil).span("f", 1, 5, 1, 6); got != (span{1, 5, 1, 6}) {
		t.Errorf("no line source: %+v", got)
	}
}

// naiveUTF16 is the definition lineIndex.utf16 implements.
func naiveUTF16(text string, col int) int {
	n := max(col-1, 0)
	extra := 0
	if n > len(text) {
		extra, n = n-len(text), len(text)
	}
	units := 0
	for i := 0; i < n; {
		r, w := utf8.DecodeRuneInString(text[i:n])
		units++
		if r >= 0x10000 {
			units++
		}
		i += w
	}
	return units + extra + 1
}

func TestLineIndexMatchesDefinition(t *testing.T) {
	for _, text := range []string{"", "ascii only", "é😀€x\xff\xe2\x82", "😀😀😀", "\xf0\x9f\x98", "a\u00e9\U0001F600b\u20acc\xed\xa0\x80d"} {
		idx := newLineIndex(text)
		for col := 0; col <= len(text)+3; col++ {
			if got, want := idx.utf16(col), naiveUTF16(text, col); got != want {
				t.Errorf("%q column %d: %d, want %d", text, col, got, want)
			}
		}
	}
}

// Each line is read once however many findings sit on it, so a long
// minified line with many findings costs its length once, not per finding.
func TestColumnsReadEachLineOnce(t *testing.T) {
	calls := 0
	long := strings.Repeat("é", 1<<16)
	c := newColumns(func(string, int) string { calls++; return long })
	for i := 1; i <= 1000; i++ {
		if got := c.span("f", 1, 2*i+1, 1, 2*i+3); got != (span{1, i + 1, 1, i + 2}) {
			t.Fatalf("finding %d: %+v", i, got)
		}
	}
	if calls != 1 {
		t.Errorf("line read %d times, want 1", calls)
	}
}
