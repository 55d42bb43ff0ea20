// Package jsonpos walks a JSON document and reports every string with its
// path and position, for readers that need exact line:column (package.json,
// vercel.json, composer.json). It never fails on malformed input: it reports
// what it read up to the first syntax error, and the error.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"unicode/utf8"
)

// Pos is a 1-based line and byte column.
type Pos struct{ Line, Col int }

// String is one string in the document: an object key (Key true) or a
// string value, with the path of keys leading to it (array indexes as "[]").
type String struct {
	Path  []string
	Key   bool
	Value string
	Pos   Pos // position of the opening quote
}

// Lines maps byte offsets to positions.
type Lines struct{ starts []int }

// NewLines indexes the line starts of src.
func NewLines(src []byte) *Lines {
	l := &Lines{starts: []int{0}}
	for i, c := range src {
		if c == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// Pos returns the position of byte offset off.
func (l *Lines) Pos(off int) Pos {
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return Pos{Line: i + 1, Col: off - l.starts[i] + 1}
}

type frame struct {
	object bool
	key    string
	expect bool // object: next string is a key
}

// Walk calls fn for every string of src in document order. The error, if
// any, describes the first syntax problem without quoting the input.
//
// A well-formed document (nearly every package.json) is walked by a scanner
// of its own; anything else goes through encoding/json's tokenizer, whose
// error positions Walk reports. encoding/json's Decoder allocates for every
// token (an error value for each string it reads, among others), which made
// Walk a tenth of the allocations of a scan.
func Walk(src []byte, fn func(String)) error {
	if json.Valid(src) {
		walkValid(src, NewLines(src), fn)
		return nil
	}
	return walkDecoder(src, fn)
}

// walkDecoder is Walk through encoding/json's Decoder, for any input.
func walkDecoder(src []byte, fn func(String)) error {
	lines := NewLines(src)
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	var stack []frame
	path := func() []string {
		out := make([]string, 0, len(stack))
		for _, f := range stack {
			if f.object {
				out = append(out, f.key)
			} else {
				out = append(out, "[]")
			}
		}
		return out
	}
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		// The token starts after any whitespace or separator following before.
		start := before
		for start < len(src) && (src[start] == ' ' || src[start] == '\t' || src[start] == '\n' || src[start] == '\r' || src[start] == ',' || src[start] == ':') {
			start++
		}
		if err != nil {
			p := lines.Pos(start)
			return fmt.Errorf("invalid JSON at line %d, column %d", p.Line, p.Col)
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{object: true, expect: true})
			case '[':
				stack = append(stack, frame{})
			case '}', ']':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].expect = true
				}
			}
			continue
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expect {
				stack[n-1].key = t
				stack[n-1].expect = false
				fn(String{Path: path()[:n-1], Key: true, Value: t, Pos: lines.Pos(start)})
				continue
			}
			fn(String{Path: path(), Value: t, Pos: lines.Pos(start)})
		}
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].expect = true
		}
	}
}

// walkValid is Walk for a document json.Valid accepts: one value, with
// whitespace around it. Strings are decoded as encoding/json decodes them.
func walkValid(src []byte, lines *Lines, fn func(String)) {
	var stack []frame
	path := func(n int) []string {
		out := make([]string, 0, n)
		for _, f := range stack[:n] {
			if f.object {
				out = append(out, f.key)
			} else {
				out = append(out, "[]")
			}
		}
		return out
	}
	for i := 0; i < len(src); {
		switch c := src[i]; c {
		case '{':
			stack = append(stack, frame{object: true, expect: true})
			i++
		case '[':
			stack = append(stack, frame{})
			i++
		case '}', ']':
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].expect = true
			}
			i++
		case '"':
			end, plain := stringEnd(src, i)
			var v string
			if plain {
				v = string(src[i+1 : end-1])
			} else if err := json.Unmarshal(src[i:end], &v); err != nil {
				// json.Valid accepted it, so Unmarshal does too.
				panic("jsonpos: a string json.Valid accepts does not decode")
			}
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expect {
				stack[n-1].key = v
				stack[n-1].expect = false
				fn(String{Path: path(n - 1), Key: true, Value: v, Pos: lines.Pos(i)})
			} else {
				fn(String{Path: path(len(stack)), Value: v, Pos: lines.Pos(i)})
				if n > 0 && stack[n-1].object {
					stack[n-1].expect = true
				}
			}
			i = end
		case ' ', '\t', '\n', '\r', ',', ':':
			i++
		default:
			// A number, true, false or null: up to the next delimiter.
			for i < len(src) && !isDelimiter(src[i]) {
				i++
			}
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].expect = true
			}
		}
	}
}

// stringEnd returns the offset just past the string opening at src[i] (a
// quote), and whether its text is its value: no escape, valid UTF-8.
func stringEnd(src []byte, i int) (end int, plain bool) {
	plain = true
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '"':
			return j + 1, plain && utf8.Valid(src[i+1:j])
		case '\\':
			plain = false
			j++
		}
	}
	return len(src), false
}

func isDelimiter(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '{', '}', '[', ']', '"':
		return true
	}
	return false
}
