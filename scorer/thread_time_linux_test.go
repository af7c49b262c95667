//go:build linux

package scorer

import (
	"time"

	"golang.org/x/sys/unix"
)

// threadTime is the CPU time the calling OS thread has used, to the
// nanosecond (getrusage counts in scheduler ticks of 4 ms): unlike the
// wall clock, it does not grow while other processes hold the cores.
func threadTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		panic("clock_gettime(CLOCK_THREAD_CPUTIME_ID): " + err.Error())
	}
	return time.Duration(ts.Nano())
}

// processTime is the CPU time the whole process has used (every thread: the
// garbage collector's too), to the nanosecond: the corpus benchmarks report
// it a pass, a figure that other processes on the cores inflate much less
// than the wall clock.
func processTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		panic("clock_gettime(CLOCK_PROCESS_CPUTIME_ID): " + err.Error())
	}
	return time.Duration(ts.Nano())
}
