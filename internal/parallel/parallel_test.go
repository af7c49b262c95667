package parallel

import (
	"sync/atomic"
	"testing"
)

func TestForCoversEveryIndexOnce(t *testing.T) {
	for _, c := range []struct{ n, chunk int }{{0, 4}, {1, 4}, {10, 3}, {1000, 7}, {64, 64}} {
		seen := make([]atomic.Int32, c.n)
		For(c.n, c.chunk, func(lo, hi int) {
			if hi-lo > c.chunk || lo >= hi || lo%c.chunk != 0 {
				t.Errorf("n %d chunk %d: range [%d, %d)", c.n, c.chunk, lo, hi)
			}
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Errorf("n %d chunk %d: index %d done %d times", c.n, c.chunk, i, got)
			}
		}
	}
}
