// Package hugeheap backs the first part of the Go heap with transparent huge
// pages where the system leaves them to each process (Linux's "madvise"
// mode), without changing any system setting.
//
// A lint run builds its facts, its policies and their input once and drops
// them at the end: its heap only grows, and every 4 KiB page of it is
// touched for the first time once. In a virtual machine each of those first
// touches is a page fault of 2 to 5 us; the 1,000-package env-file corpus
// (bench/run.sh) takes about 41,000 of them, a third of the run's CPU time.
// Backed by 2 MiB pages, the same heap takes a few hundred faults.
//
// The Go runtime asks for huge pages only for its own metadata (since Go
// 1.21.1 it leaves the heap to the system's setting), and it maps the heap
// in 4 MiB steps, each a new mapping without the advice. Reserve therefore
// has the runtime map one large block at once, advises that block, and frees
// it: the runtime keeps the freed pages and hands them out again, lowest
// addresses first, so the heap grows into the advised block.
package hugeheap

import "sync"

var once struct {
	sync.Once
	done bool
}

// Reserve advises the next size bytes of the heap to be backed by huge pages
// and reports whether it did. Only the process's first call does anything;
// later calls report the first one's result.
//
// It does nothing (and reports false) where it cannot help or should not
// act: outside Linux; when the system's huge page mode is not "madvise" (in
// "always" the heap gets huge pages anyway, in "never" none); when the
// system does not overcommit memory (vm.overcommit_memory=2), where the
// block would be charged in full; and when GODEBUG has disablethp=1, the Go
// runtime's own switch to keep huge pages off the heap.
//
// It costs one collection of the heap so far, so call it early, before the
// heap holds much. The runtime zeroes the block's pages again as it hands
// them out (a freed page may hold old data), which is far cheaper than the
// faults it saves.
func Reserve(size int) bool {
	once.Do(func() { once.done = reserve(size) })
	return once.done
}
