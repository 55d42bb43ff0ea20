package baseline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/remolint/remolint/internal/finding"
)

func TestRoundTrip(t *testing.T) {
	old := []finding.Finding{
		{Rule: "b", Path: "z/.env", Fingerprint: "f2:1", Message: "m2"},
		{Rule: "a", Path: "a/.env", Fingerprint: "f1:1", Message: "m1"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, old); err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "findings": [
    {
      "rule": "a",
      "path": "a/.env",
      "fingerprint": "f1:1",
      "message": "m1"
    },
    {
      "rule": "b",
      "path": "z/.env",
      "fingerprint": "f2:1",
      "message": "m2"
    }
  ]
}
`
	if buf.String() != want {
		t.Errorf("baseline file:\n%s", buf.String())
	}
	b, err := Parse("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	now := []finding.Finding{
		{Rule: "a", Path: "a/.env", Fingerprint: "f1:1", Line: 40}, // moved: still old
		{Rule: "a", Path: "a/.env", Fingerprint: "f9:1"},           // new line content: new
		{Rule: "c", Path: "z/.env", Fingerprint: "f2:1"},           // another rule on an old line: new
	}
	got := b.New(now)
	if len(got) != 2 || got[0].Fingerprint != "f9:1" || got[1].Rule != "c" {
		t.Errorf("new findings = %+v", got)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		`{"version": 2, "findings": []}`:              "version 2, want 1",
		`{"version": 1, "findings": [{"rule": "a"}]}`: "lacks rule, path or fingerprint",
		`{"version": 1, "findings": [], "extra": 1}`:  "unknown field",
		`[1, 2]`: "not a remolint baseline",
		``:       "not a remolint baseline",
	}
	for src, want := range cases {
		_, err := Parse("b.json", []byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) = %v, want %q", src, err, want)
		}
	}
	if _, err := Load("/nonexistent/baseline.json", "baseline.json"); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}
