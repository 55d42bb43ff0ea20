package model

import (
	"runtime"
	"sync"
)

// partsFor is the number of parts a step cuts n items into: one per CPU
// from "from" items on (below, starting goroutines costs more than it
// saves), else one.
func partsFor(n, from int) int {
	if n >= from {
		return max(1, runtime.GOMAXPROCS(0))
	}
	return 1
}

// parallelParts calls work(k, lo, hi) for each of parts runs of [0, n),
// in order of k, each on its own goroutine (here when there is one part).
// work must only write what its part owns.
func parallelParts(n, parts int, work func(k, lo, hi int)) {
	if parts <= 1 {
		work(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for k := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(k, k*n/parts, (k+1)*n/parts)
		}()
	}
	wg.Wait()
}
