package jsonpos

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestWalk(t *testing.T) {
	src := []byte("{\n  \"dependencies\": {\"@remotion/lambda\": \"4.0.0\"},\n  \"scripts\": {\"render\": \"remotion lambda render\"},\n  \"list\": [\"a\", {\"k\": \"v\"}]\n}")
	var got []String
	if err := Walk(src, func(s String) { got = append(got, s) }); err != nil {
		t.Fatal(err)
	}
	want := []String{
		{Path: []string{}, Key: true, Value: "dependencies", Pos: Pos{2, 3}},
		{Path: []string{"dependencies"}, Key: true, Value: "@remotion/lambda", Pos: Pos{2, 20}},
		{Path: []string{"dependencies", "@remotion/lambda"}, Value: "4.0.0", Pos: Pos{2, 40}},
		{Path: []string{}, Key: true, Value: "scripts", Pos: Pos{3, 3}},
		{Path: []string{"scripts"}, Key: true, Value: "render", Pos: Pos{3, 15}},
		{Path: []string{"scripts", "render"}, Value: "remotion lambda render", Pos: Pos{3, 25}},
		{Path: []string{}, Key: true, Value: "list", Pos: Pos{4, 3}},
		{Path: []string{"list", "[]"}, Value: "a", Pos: Pos{4, 12}},
		{Path: []string{"list", "[]"}, Key: true, Value: "k", Pos: Pos{4, 18}},
		{Path: []string{"list", "[]", "k"}, Value: "v", Pos: Pos{4, 23}},
	}
	if !reflect.DeepEqual(got, want) {
		for i := range got {
			t.Logf("%d %+v", i, got[i])
		}
		t.Fatalf("mismatch")
	}
}

func TestWalkMalformed(t *testing.T) {
	var n int
	err := Walk([]byte(`{"a": "b", "secret": AKIAXXXX`), func(String) { n++ })
	if err == nil || n != 3 {
		t.Fatalf("err=%v n=%d", err, n)
	}
	if got := err.Error(); got != "invalid JSON at line 1, column 22" {
		t.Errorf("error %q", got)
	}
}

func FuzzWalk(f *testing.F) {
	f.Add([]byte(`{"a": ["b", {"c": 1}], "d": null}`))
	f.Add([]byte(`[[[[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = Walk(b, func(s String) {
			if s.Pos.Line < 1 || s.Pos.Col < 1 {
				t.Fatalf("bad pos %+v", s.Pos)
			}
		})
	})
}

// FuzzWalkValid checks that a well-formed document gives the same strings
// through Walk's own scanner as through encoding/json's Decoder.
func FuzzWalkValid(f *testing.F) {
	for _, s := range []string{
		`{"a": ["b", {"c": 1}], "d": null}`,
		"{\n  \"name\": \"x\",\n  \"scripts\": {\"render\": \"node --env-file=.env r.mjs\"}\n}",
		`{"esc\"aped": "\u00e9\n\\", "nums": [1, -2.5e3, true, false, null], "": ""}`,
		"[\"\xff\xfe\", {\"k\\u0041\": [[]], \"e\": {}}]",
		`"top"`, ` 12 `, `{"a":{"b":{"c":[{"d":"e"}]}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			return
		}
		var fast, slow []String
		walkValid(b, NewLines(b), func(s String) { fast = append(fast, s) })
		if err := walkDecoder(b, func(s String) { slow = append(slow, s) }); err != nil {
			t.Fatalf("the decoder refuses a valid document: %v", err)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q:\n own scanner %+v\n decoder     %+v", b, fast, slow)
		}
	})
}

// BenchmarkWalk walks a typical package.json, well-formed and broken.
func BenchmarkWalk(b *testing.B) {
	doc := []byte(`{
  "name": "pkg-0001",
  "private": true,
  "scripts": {"build": "tsc -p .", "render": "node --env-file=.env render.mjs", "test": "vitest"},
  "dependencies": {"@remotion/lambda": "4.0.527", "dotenv": "16.4.5", "react": "18.3.1"},
  "devDependencies": {"typescript": "5.6.3", "vitest": "2.1.4"}
}
`)
	for _, c := range []struct {
		name string
		src  []byte
	}{{"valid", doc}, {"malformed", doc[:len(doc)-4]}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.src)))
			for b.Loop() {
				_ = Walk(c.src, func(String) {})
			}
		})
	}
}
