package awsini

import (
	"bytes"
	"fmt"
	"testing"
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
	// One inline comment per profile, nothing else, capped per kind.
	if len(f.Anomalies) != MaxAnomaliesPerKind || f.Dropped != 2000-MaxAnomaliesPerKind {
		t.Errorf("anomalies = %d, dropped = %d", len(f.Anomalies), f.Dropped)
	}
	for _, a := range f.Anomalies {
		if a.Kind != KindInlineComment {
			t.Errorf("unexpected anomaly %s at %v", a.Kind, a.Span)
		}
	}
}

func TestAnomaliesAreCapped(t *testing.T) {
	src := bytes.Repeat([]byte("text\n"), MaxAnomaliesPerKind+5)
	f := Parse(src, FlavourCredentials)
	if len(f.Anomalies) != MaxAnomaliesPerKind || f.Dropped != 5 {
		t.Errorf("anomalies = %d, dropped = %d; want %d, 5", len(f.Anomalies), f.Dropped, MaxAnomaliesPerKind)
	}
	if last := f.Anomalies[len(f.Anomalies)-1].Span.Start.Line; last != MaxAnomaliesPerKind {
		t.Errorf("last recorded anomaly on line %d, want the first %d kept", last, MaxAnomaliesPerKind)
	}
}
