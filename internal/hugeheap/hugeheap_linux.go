//go:build linux

package hugeheap

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// The files that say whether Reserve may act.
const (
	thpModeFile    = "/sys/kernel/mm/transparent_hugepage/enabled"
	overcommitFile = "/proc/sys/vm/overcommit_memory"
)

func reserve(size int) bool {
	if size <= 0 || !allowed(readSetting(thpModeFile), readSetting(overcommitFile), os.Getenv("GODEBUG")) {
		return false
	}
	ok := advise(size)
	// The block is garbage now: collect it, so that its pages go back to
	// the runtime's free pages (still mapped, still advised).
	runtime.GC()
	return ok
}

// advise allocates size bytes, which the runtime maps as one block, and
// advises huge pages for them. The block is not touched: a fresh mapping
// reads as zeros, so the runtime does not clear it.
//
//go:noinline
func advise(size int) bool {
	b := make([]byte, size)
	return syscall.Madvise(b, syscall.MADV_HUGEPAGE) == nil
}

// readSetting returns the text of a setting's file, "" if it cannot be read.
func readSetting(name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		return ""
	}
	return string(b)
}

// allowed reports whether Reserve may act, given the texts of the huge page
// mode's and the overcommit policy's files and the GODEBUG variable.
func allowed(thp, overcommit, godebug string) bool {
	return thpMode(thp) == "madvise" &&
		strings.TrimSpace(overcommit) != "" && strings.TrimSpace(overcommit) != "2" &&
		!disabledByGODEBUG(godebug)
}

// thpMode returns the selected mode of the transparent huge page setting's
// text, the word in brackets ("always [madvise] never" is "madvise"), or ""
// when there is none.
func thpMode(text string) string {
	_, rest, ok := strings.Cut(text, "[")
	if !ok {
		return ""
	}
	mode, _, ok := strings.Cut(rest, "]")
	if !ok {
		return ""
	}
	return mode
}

// disabledByGODEBUG reports whether the GODEBUG value turns the runtime's
// disablethp setting on, read as the runtime reads it: a number, not 0;
// the last valid setting wins.
func disabledByGODEBUG(godebug string) bool {
	disabled := false
	for _, kv := range strings.Split(godebug, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k != "disablethp" {
			continue
		}
		if n, err := strconv.ParseInt(v, 10, 32); err == nil {
			disabled = n != 0
		}
	}
	return disabled
}
