package cli

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// gcSettings reads the collector's percent and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	p0, l0 := gcSettings()
	a := tuneGC()
	if p, l := gcSettings(); p != -1 || l != quietLimit {
		t.Fatalf("during a run: GOGC %d, limit %d; want off, %d", p, l, quietLimit)
	}
	b := tuneGC() // a second run at the same time
	b.restore()
	if p, _ := gcSettings(); p != -1 {
		t.Errorf("one of two runs finished: GOGC %d, want off until both end", p)
	}
	a.settle(quietLimit/4, 0)
	if p, l := gcSettings(); p != -1 || l != quietLimit {
		t.Errorf("after reading a small tree: GOGC %d, limit %d; want off, %d", p, l, quietLimit)
	}
	a.settle(quietLimit*3/4, runMemoryLimit/4)
	if p, l := gcSettings(); p != runGCPercent || l != runMemoryLimit {
		t.Errorf("after reading a larger tree: GOGC %d, limit %d; want %d, %d", p, l, runGCPercent, runMemoryLimit)
	}
	a.settle(quietLimit/4, runMemoryLimit/4)
	if p, _ := gcSettings(); p != runGCPercent {
		t.Errorf("a larger tree stays paced: GOGC %d, want %d", p, runGCPercent)
	}
	a.settle(runMemoryLimit/2, runMemoryLimit/2)
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("after reading a tree with a live heap near the limit: GOGC %d, limit %d; want Go's %d, %d", p, l, p0, l0)
	}
	a.restore()
	a.restore()
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("after the run: GOGC %d, limit %d; want %d, %d", p, l, p0, l0)
	}
	// A huge live heap right away gives Go's defaults back from the quiet
	// start.
	c := tuneGC()
	c.settle(runMemoryLimit, runMemoryLimit/2)
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("quiet start, live heap near the limit: GOGC %d, limit %d; want %d, %d", p, l, p0, l0)
	}
	c.restore()
}

func TestTuneGCKeepsUserSettings(t *testing.T) {
	t.Setenv("GOGC", "50")
	p0, l0 := gcSettings()
	g := tuneGC()
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("with GOGC set: GOGC %d, limit %d; want them untouched (%d, %d)", p, l, p0, l0)
	}
	g.restore()
}

// The metrics afterScan reads exist in this Go, as byte counts: a name the
// runtime does not know would read as zero and leave a large tree quiet.
func TestGCMetricsExist(t *testing.T) {
	known := map[string]metrics.ValueKind{}
	for _, d := range metrics.All() {
		known[d.Name] = d.Kind
	}
	for _, name := range []string{heapMetric, liveMetric} {
		if k, ok := known[name]; !ok || k != metrics.KindUint64 {
			t.Errorf("runtime metric %s: known %v, kind %v", name, ok, k)
		}
	}
}
