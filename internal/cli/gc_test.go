package cli

import (
	"runtime/debug"
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
	if p, l := gcSettings(); p != runGCPercent || l != runMemoryLimit {
		t.Fatalf("during a run: GOGC %d, limit %d; want %d, %d", p, l, runGCPercent, runMemoryLimit)
	}
	b := tuneGC() // a second run at the same time
	b.restore()
	if p, _ := gcSettings(); p != runGCPercent {
		t.Errorf("one of two runs finished: GOGC %d, want %d until both end", p, runGCPercent)
	}
	a.settle(runMemoryLimit / 4)
	if p, _ := gcSettings(); p != runGCPercent {
		t.Errorf("after reading a tree with a small live heap: GOGC %d, want %d", p, runGCPercent)
	}
	a.settle(runMemoryLimit / 2)
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("after reading a tree with a live heap near the limit: GOGC %d, limit %d; want Go's %d, %d", p, l, p0, l0)
	}
	a.restore()
	a.restore()
	if p, l := gcSettings(); p != p0 || l != l0 {
		t.Errorf("after the run: GOGC %d, limit %d; want %d, %d", p, l, p0, l0)
	}
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
