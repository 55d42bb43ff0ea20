package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The collector's settings for a lint run (tuneGC).
const (
	// quietLimit is the heap size below which a run starts collecting:
	// none at all, at GOGC=off, until the heap reaches it.
	quietLimit = 192 << 20
	// runGCPercent and runMemoryLimit pace the collector of a run whose
	// tree turned out large (afterScan).
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
	relaxed              bool // tuned settings are in force
	quiet                bool // the quiet start's settings are
}

// gcTuning is one run's hold on the collector's settings.
type gcTuning struct{ held bool }

// tuneGC makes the collector run less often for the rest of a lint run. A
// run builds its data once and drops it at the end: reading the tree,
// compiling the policies, converting the document and evaluating make
// mostly short-lived garbage beside a live heap that only grows, which every
// collection marks again. Settings the user gave (GOGC, GOMEMLIMIT) are
// kept.
//
// A run starts quiet: no collection at all (GOGC=off) until the heap
// reaches quietLimit, which most runs never do (a pre-commit run, a
// project's env files: every collection of the 1,000-package env-file corpus
// cost a fifth of its CPU time, bench/run.sh). Once the tree is read,
// afterScan paces a larger run at GOGC=400 under a soft limit of 512 MiB
// (at Go's defaults about a sixth of the CPU time of a monorepo's run went
// to the collector), and gives Go's defaults back to a tree whose live heap
// comes near that limit, where the collector would run back to back. (While
// reading, the live heap is the facts of the tree: about 40 MiB for 1,000
// packages.)
func tuneGC() *gcTuning {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return &gcTuning{}
	}
	gcRuns.Lock()
	defer gcRuns.Unlock()
	if gcRuns.n == 0 {
		gcRuns.oldPercent = int64(debug.SetGCPercent(-1))
		gcRuns.oldLimit = debug.SetMemoryLimit(quietLimit)
		gcRuns.relaxed, gcRuns.quiet = true, true
	}
	gcRuns.n++
	return &gcTuning{held: true}
}

// The runtime metrics afterScan reads: the bytes of heap objects, live or
// not yet collected, and those the last collection found live.
const (
	heapMetric = "/memory/classes/heap/objects:bytes"
	liveMetric = "/gc/heap/live:bytes"
)

// afterScan paces the rest of the run by the heap the tree and the policies
// left (settle).
func (t *gcTuning) afterScan() {
	sample := []metrics.Sample{{Name: heapMetric}, {Name: liveMetric}}
	metrics.Read(sample)
	var heap, live uint64
	if sample[0].Value.Kind() == metrics.KindUint64 {
		heap = sample[0].Value.Uint64()
	}
	if sample[1].Value.Kind() == metrics.KindUint64 {
		live = sample[1].Value.Uint64()
	}
	t.settle(heap, live)
}

// settle is afterScan for a heap of heap bytes (live or not) of which the
// last collection, if any, found live bytes live. A run whose heap already
// holds half of quietLimit would reach it while converting and evaluating:
// it is paced at GOGC=400 under runMemoryLimit from here on. One whose live
// heap has grown past a third of that limit gets Go's defaults back: from
// there on the limit, not GOGC, would set the pace, and more and more often.
func (t *gcTuning) settle(heap, live uint64) {
	if !t.held {
		return
	}
	gcRuns.Lock()
	defer gcRuns.Unlock()
	if !gcRuns.relaxed {
		return
	}
	if live > runMemoryLimit/3 {
		giveBack()
		return
	}
	if gcRuns.quiet && heap > quietLimit/2 {
		debug.SetGCPercent(runGCPercent)
		debug.SetMemoryLimit(runMemoryLimit)
		gcRuns.quiet = false
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
		giveBack()
	}
}

// giveBack puts back the settings the first run found. gcRuns is locked.
func giveBack() {
	debug.SetGCPercent(int(gcRuns.oldPercent))
	debug.SetMemoryLimit(gcRuns.oldLimit)
	gcRuns.relaxed, gcRuns.quiet = false, false
}
