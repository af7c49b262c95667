package crawler

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// task is one queued request.
type task struct {
	url     string
	kind    requestKind
	key     string
	lastmod time.Time
	hdr     http.Header
}

// frontier is a run's FIFO of queued requests, worked by a fixed pool of goroutines. colly's Async mode starts a
// goroutine per queued request, which for a large site without a page budget means hundreds of thousands of
// goroutines parked on the host gate; here a queued request costs only its task.
type frontier struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []task
	head   int
	active int
	closed bool
}

func newFrontier(ctx context.Context) (*frontier, func() bool) {
	f := &frontier{}
	f.cond = sync.NewCond(&f.mu)
	// Cancellation wakes the idle workers, which then see ctx done and stop.
	stop := context.AfterFunc(ctx, func() {
		f.mu.Lock()
		f.closed = true
		f.cond.Broadcast()
		f.mu.Unlock()
	})
	return f, stop
}

func (f *frontier) push(t task) {
	f.mu.Lock()
	f.items = append(f.items, t)
	f.cond.Signal()
	f.mu.Unlock()
}

// pop waits for a task; it reports false when the frontier is drained (nothing queued and no worker busy, so
// nothing more can be queued) or closed.
func (f *frontier) pop() (task, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.head == len(f.items) && f.active > 0 && !f.closed {
		f.cond.Wait()
	}
	if f.closed || f.head == len(f.items) {
		f.cond.Broadcast()
		return task{}, false
	}
	t := f.items[f.head]
	f.items[f.head] = task{}
	f.head++
	if f.head == len(f.items) {
		// Drained: reuse the backing array from the start.
		f.items, f.head = f.items[:0], 0
	}
	f.active++
	return t, true
}

func (f *frontier) done() {
	f.mu.Lock()
	f.active--
	if f.active == 0 && f.head == len(f.items) {
		f.cond.Broadcast()
	}
	f.mu.Unlock()
}

// drain runs workers goroutines over the frontier until it is drained or closed.
func (f *frontier) drain(workers int, do func(task)) {
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for {
				t, ok := f.pop()
				if !ok {
					return
				}
				do(t)
				f.done()
			}
		})
	}
	wg.Wait()
}
