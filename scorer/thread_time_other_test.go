//go:build !linux

package scorer

import "time"

var clockStart = time.Now()

// threadTime is the wall clock where the system gives no thread's own
// CPU time.
func threadTime() time.Duration { return time.Since(clockStart) }

// processTime is the wall clock too there.
func processTime() time.Duration { return time.Since(clockStart) }
