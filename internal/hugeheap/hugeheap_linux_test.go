//go:build linux

package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

func TestAllowed(t *testing.T) {
	for _, c := range []struct {
		thp, overcommit, godebug string
		want                     bool
	}{
		{"always [madvise] never\n", "0\n", "", true},
		{"always [madvise] never\n", "1\n", "", true},
		{"[always] madvise never\n", "0\n", "", false}, // the heap gets huge pages anyway
		{"always madvise [never]\n", "0\n", "", false},
		{"always [madvise] never\n", "2\n", "", false}, // the block would be charged in full
		{"always [madvise] never\n", "", "", false},    // unreadable: do nothing
		{"", "0\n", "", false},
		{"madvise", "0\n", "", false},  // no mode selected
		{"[madvise", "0\n", "", false}, // cut short
		{"always [madvise] never\n", "0\n", "disablethp=1", false},
		{"always [madvise] never\n", "0\n", "gctrace=1,disablethp=2", false},
		{"always [madvise] never\n", "0\n", "disablethp=1,disablethp=0", true},  // the last one wins
		{"always [madvise] never\n", "0\n", "disablethp=1,disablethp=x", false}, // not a number: ignored
		{"always [madvise] never\n", "0\n", "disablethp=0", true},
		{"always [madvise] never\n", "0\n", "xdisablethp=1", true},
	} {
		if got := allowed(c.thp, c.overcommit, c.godebug); got != c.want {
			t.Errorf("allowed(%q, %q, %q) = %v, want %v", c.thp, c.overcommit, c.godebug, got, c.want)
		}
	}
}

// TestReserveAdvisesTheHeap checks, where the system leaves huge pages to
// each process (so that no mapping of it is advised unless the process
// asks), that a large object allocated after Reserve lies in a mapping
// advised for huge pages ("hg" in its VmFlags).
func TestReserveAdvisesTheHeap(t *testing.T) {
	if !allowed(readSetting(thpModeFile), readSetting(overcommitFile), os.Getenv("GODEBUG")) {
		t.Skipf("huge pages are not left to processes here (%s: %q)", thpModeFile, readSetting(thpModeFile))
	}
	if !Reserve(64 << 20) {
		t.Fatal("Reserve did nothing")
	}
	if !Reserve(64 << 20) {
		t.Fatal("a second call does not report the first one's result")
	}
	// (Its last byte: its first may lie in free pages just below the block.)
	b := make([]byte, 16<<20)
	flags, err := vmFlags(uintptr(unsafe.Pointer(&b[len(b)-1])))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("a large object after Reserve lies in a mapping with VmFlags %q, want hg among them", flags)
	}
}

// vmFlags returns the VmFlags of the mapping of this process holding addr.
func vmFlags(addr uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= addr && addr < hi
			continue
		}
		if flags, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.TrimSpace(flags), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping holds %#x", addr)
}
