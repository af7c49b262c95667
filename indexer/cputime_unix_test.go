//go:build unix

package indexer

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user and system) the test process has used so far. Benchmarks report it per
// operation, a figure that holds when other processes share the machine, unlike wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
