package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector's settings for a lint run (tuneGC).
const (
	runGCPercent   = 400
	runMemoryLimit = 512 << 20
)

// gcRuns counts the lint runs under way in this process that tuned the
// collector: the first one saves Go's settings, the last one to finish puts
// them back (tests run several at once).
var gcRuns struct {
	sync.Mutex
	n                    int
	oldPercent, oldLimit int64
	relaxed              bool // the tuned settings are in force
}

// gcTuning is one run's hold on the collector's settings.
type gcTuning struct{ held bool }

// tuneGC makes the collector run less often for the rest of a lint run: at
// GOGC=400 instead of 100, under a soft limit of 512 MiB. A run builds its
// data once and drops it at the end: reading the tree, compiling the
// policies, converting the document and evaluating make mostly short-lived
// garbage beside a live heap that only grows, which every collection marks
// again. At Go's defaults about a sixth of the CPU time of a monorepo's run
// went to the collector; this gives most of it back for 5 to 15% more
// memory (bench/run.sh). Settings the user gave (GOGC, GOMEMLIMIT) are kept.
//
// The limit bounds the extra memory: the heap grows to five times what is
// live, but not past 512 MiB. A tree whose live heap comes near the limit
// would make the collector run back to back, so afterScan gives such a tree
// Go's defaults back once it is read. (While reading, the live heap is the
// facts of the tree: about 40 MiB for 1,000 packages.)
func tuneGC() *gcTuning {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return &gcTuning{}
	}
	gcRuns.Lock()
	defer gcRuns.Unlock()
	if gcRuns.n == 0 {
		gcRuns.oldPercent = int64(debug.SetGCPercent(runGCPercent))
		gcRuns.oldLimit = debug.SetMemoryLimit(runMemoryLimit)
		gcRuns.relaxed = true
	}
	gcRuns.n++
	return &gcTuning{held: true}
}

// afterScan gives Go's defaults back when the live heap has grown past a
// third of the limit: from there on the limit, not GOGC, would set the pace,
// and more and more often.
func (t *gcTuning) afterScan() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 {
		t.settle(sample[0].Value.Uint64())
	}
}

// settle is afterScan for a live heap of live bytes.
func (t *gcTuning) settle(live uint64) {
	if !t.held || live <= runMemoryLimit/3 {
		return
	}
	gcRuns.Lock()
	defer gcRuns.Unlock()
	if gcRuns.relaxed {
		debug.SetGCPercent(int(gcRuns.oldPercent))
		debug.SetMemoryLimit(gcRuns.oldLimit)
		gcRuns.relaxed = false
	}
}

// restore ends the run's hold: the last run to finish puts back the
// settings the first one found. It may be called more than once.
func (t *gcTuning) restore() {
	if !t.held {
		return
	}
	t.held = false
	gcRuns.Lock()
	defer gcRuns.Unlock()
	gcRuns.n--
	if gcRuns.n == 0 && gcRuns.relaxed {
		debug.SetGCPercent(int(gcRuns.oldPercent))
		debug.SetMemoryLimit(gcRuns.oldLimit)
		gcRuns.relaxed = false
	}
}
