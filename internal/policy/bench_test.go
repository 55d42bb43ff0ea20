package policy

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/remolint/remolint/internal/facts"
)

// BenchmarkEval evaluates the embedded rules over a fact document of 4,000
// environment variables (and as many env-file entries).
func BenchmarkEval(b *testing.B) {
	e, err := New(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	doc := syntheticDoc(4000)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Eval(context.Background(), doc, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseInput compares the input decoding Eval uses with handing
// OPA a Go struct, which it converts by a reflection round trip.
func BenchmarkParseInput(b *testing.B) {
	doc := syntheticDoc(4000)
	b.Run("parseInput", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseInput(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("struct-roundtrip", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			var d facts.Document
			if err := json.Unmarshal(doc, &d); err != nil {
				b.Fatal(err)
			}
			if _, err := ast.InterfaceToValue(d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func FuzzEval(f *testing.F) {
	for _, seed := range []string{
		fixtureInput, string(syntheticDoc(20)), `{}`, `null`, `[]`, `"x"`, `{"environments": [{"id": 1}]}`,
		`{"envFiles": [{"entries": [{"name": "AWS_KEY_1"}, {"name": "AWS_SECRET_"}]}]}`,
		`{"projects": null, "environments": null, "envFiles": null}`, `{"a": 1e400}`, `{`, "\xff",
	} {
		f.Add([]byte(seed))
	}
	e, err := New(context.Background(), WithTimeout(5*time.Second))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		// Each Eval is bounded by the engine's time limit; a run that outlives
		// both by far is a hang the fuzzer must record.
		watchdog := time.AfterFunc(30*time.Second, func() { panic("Eval did not return within 30s") })
		defer watchdog.Stop()
		first, err := e.Eval(context.Background(), input, nil)
		if err != nil {
			if len(first) != 0 {
				t.Fatalf("error %v with %d findings", err, len(first))
			}
			return
		}
		again, err := e.Eval(context.Background(), input, nil)
		if err != nil {
			t.Fatalf("second run failed: %v", err)
		}
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("two runs differ: %v vs %v", first, again)
		}
	})
}
