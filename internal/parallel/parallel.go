// Package parallel runs the independent steps of a loop on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(lo, hi) for consecutive ranges [lo, hi) of at most chunk of
// the indices 0 to n-1, on up to GOMAXPROCS goroutines, and returns when
// every call has. The ranges are handed out in order, one at a time, so a
// goroutine that ends a range early takes the next. Every lo is a multiple
// of chunk: a caller may keep one result a range in slot lo/chunk.
func For(n, chunk int, f func(lo, hi int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				f(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}
