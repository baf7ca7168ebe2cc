package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// peakRSSKiB returns this process's own peak resident set (VmHWM) in KiB,
// or 0 if /proc is unavailable. rusage's ru_maxrss is not usable for a
// child started by os/exec: Go starts children with vfork semantics, and
// Linux folds the parent's peak RSS at exec time into the child's maxrss,
// so a child of a big parent reports the parent's size. VmHWM belongs to
// the address space created at exec and counts the child alone (DuckDB's
// C++ heap included, as it lives in the same process).
func peakRSSKiB() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err == nil {
				return n
			}
		}
	}
	return 0
}
