package dotenv

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpVectors(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	for i, c := range loadVectors(t) {
		f := Parse([]byte(c.Input))
		fmt.Printf("== %d %q goerr=%q\n", i, c.Input, f.GoErr)
		for _, e := range f.Entries {
			fmt.Printf("   E %q key=%v val=%v q=%q exp=%v node=%q/%v go=%q/%v\n", e.Key, e.KeySpan, e.ValueSpan, e.Quote, e.Export, e.Node, e.NodeOK, e.Go, e.GoOK)
		}
		for _, e := range f.Comments {
			fmt.Printf("   C %q %v %v\n", e.Text, e.Span, e.Trailing)
		}
		for _, a := range f.Anomalies {
			fmt.Printf("   A %s key=%q %s %v rel=%v: %s\n", a.Kind, a.Key, a.Dialect, a.Span, a.Related, a.Detail)
		}
	}
}
