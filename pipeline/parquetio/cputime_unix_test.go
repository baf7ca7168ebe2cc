//go:build unix

package parquetio_test

import (
	"syscall"
	"time"
)

// processCPU is the user+system CPU time this process has used so far. The
// sink benchmarks report it per operation besides wall time: on the shared
// two-core machine wall time per op moves by half between runs, CPU time
// far less.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
