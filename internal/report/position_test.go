package report

import "testing"

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
		if got := utf16Column(tc.text, tc.col); got != tc.out {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tc.text, tc.col, got, tc.out)
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
			if got := makeSpan(lines, "f", tc.line, tc.col, tc.endLine, tc.endCol); got != tc.want {
				t.Errorf("makeSpan = %+v, want %+v", got, tc.want)
			}
		})
	}
	// Without a line source, columns stay in bytes.
	if got := makeSpan(nil, "f", 1, 5, 1, 6); got != (span{1, 5, 1, 6}) {
		t.Errorf("no line source: %+v", got)
	}
}
