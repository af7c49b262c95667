package crawler

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall"
	"time"
)

// ErrNoSpace means the crawler gave up waiting for the store to have space again (WithMaxDiskPause): the crawl
// stopped, and what it could not store stays unmarked in the crawl state, to be fetched by the next crawl.
var ErrNoSpace = errors.New("no space to store articles")

// IsNoSpace reports whether a Sink's error means the disk has no room for the write: ENOSPC (full disk), EDQUOT
// (full quota) or EFBIG (the process's file size limit, which tests use as a full disk they can set without root).
// These are the operating system's own errors, which a store keeps in its error chain, so the crawler recognises a
// full disk without knowing the store, and no store needs to know the crawler. Space can return without a restart,
// which is why these, unlike other failures, pause the crawl instead of costing the article.
func IsNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}

// Bounds of the probes of a paused crawler.
const (
	defaultDiskRetry = 10 * time.Second
	maxDiskRetry     = 2 * time.Minute
)

// pauseNoSpace is the reason label of genderlens_crawler_paused.
const pauseNoSpace = "no_space"

// diskPause stops every run of a Crawler while the store has no space: all outlets write to the same disk, so none
// fetches while one cannot store. The article whose write started the pause probes the store with backoff; the
// runs' other requests wait in the transport, and the other articles already fetched wait to be stored, until a
// write succeeds. Nothing is lost meanwhile: an article is marked stored only after the Sink acknowledged it.
//
// Its times are the wall clock's, not the Crawler's clock (WithClock), which may be fixed: a pause is real waiting.
type diskPause struct {
	c     *Crawler
	retry time.Duration
	limit time.Duration // 0: wait for space as long as it takes

	mu      sync.Mutex
	since   time.Time     // start of the current pause; zero when not paused
	resumed chan struct{} // closed when the current pause ends
	total   time.Duration // time paused, summed over ended pauses
	runs    int           // runs in progress
	gaveUp  error         // a pause outlasted limit: the runs in progress stop; cleared once none is left
}

// wait returns at once when the crawler is not paused, else when the pause ends; it fails when ctx ends or the
// crawler gave up waiting for space.
func (p *diskPause) wait(ctx context.Context) error {
	for {
		p.mu.Lock()
		gaveUp, paused, resumed := p.gaveUp, !p.since.IsZero(), p.resumed
		p.mu.Unlock()
		switch {
		case gaveUp != nil:
			return gaveUp
		case !paused:
			return nil
		}
		select {
		case <-resumed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// begin starts a pause for cause, unless one is under way; it reports whether it started one, and so has to probe.
func (p *diskPause) begin(cause error, outletID, url string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.since.IsZero() || p.gaveUp != nil {
		return false
	}
	p.since = time.Now()
	p.resumed = make(chan struct{})
	p.c.metrics.paused.WithLabelValues(pauseNoSpace).Set(1)
	p.c.log.Error("crawler paused: the store has no space; nothing is fetched until a write succeeds",
		"outlet", outletID, "url", url, "retry", p.retry, "err", cause)
	return true
}

// end ends the current pause; giveUp, when set, also stops the runs in progress.
func (p *diskPause) end(giveUp error) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	d := time.Since(p.since)
	p.total += d
	p.since = time.Time{}
	close(p.resumed)
	if giveUp != nil && p.runs > 0 {
		p.gaveUp = giveUp
	}
	p.c.metrics.paused.WithLabelValues(pauseNoSpace).Set(0)
	return d
}

// open reports whether a request may start: the crawler is neither paused nor given up.
func (p *diskPause) open() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.since.IsZero() && p.gaveUp == nil
}

// pausedSince is the start of the current pause (zero when not paused).
func (p *diskPause) pausedSince() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.since
}

// pausedTotal is the time paused so far, the current pause included: a run's pause is the difference between its
// end and its start.
func (p *diskPause) pausedTotal() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.since.IsZero() {
		return p.total
	}
	return p.total + time.Since(p.since)
}

func (p *diskPause) enter() {
	p.mu.Lock()
	p.runs++
	p.mu.Unlock()
}

func (p *diskPause) leave() {
	p.mu.Lock()
	p.runs--
	if p.runs == 0 {
		p.gaveUp = nil // a later crawl tries again
	}
	p.mu.Unlock()
}

// store hands a to the Sink. While the store has no space it holds a: the first article to meet a full disk pauses
// the crawler and retries its own write with backoff; the others wait for the pause to end and try again. It
// returns the Sink's error for any other failure, and ErrNoSpace (with the last write error) when it gave up.
func (p *diskPause) store(ctx context.Context, outletID string, a Article) error {
	for {
		if err := p.wait(ctx); err != nil {
			return err
		}
		err := p.c.sink.Store(ctx, a)
		if err == nil || !IsNoSpace(err) {
			return err
		}
		if p.begin(err, outletID, a.URL) {
			return p.probe(ctx, outletID, a, err)
		}
		// Another article is probing: wait for its outcome, then try again.
	}
}

// probe retries storing a, which met a full disk, until a write succeeds, ctx ends or the pause outlasts the limit.
func (p *diskPause) probe(ctx context.Context, outletID string, a Article, cause error) error {
	start := time.Now()
	wait := p.retry
	probes := 0
	for {
		if p.limit > 0 {
			left := p.limit - time.Since(start)
			if left <= 0 {
				err := fmt.Errorf("%w: the store had no space for %s (crawler.max_disk_pause): %w",
					ErrNoSpace, p.limit, cause)
				d := p.end(err)
				p.c.log.Error("crawler gave up waiting for space: the crawl stops", "paused", d.Round(time.Millisecond),
					"probes", probes, "err", cause)
				return err
			}
			wait = min(wait, left)
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			d := p.end(nil)
			p.c.log.Info("crawler pause ended: crawl stopped", "paused", d.Round(time.Millisecond))
			return ctx.Err()
		}
		probes++
		err := p.c.sink.Store(ctx, a)
		switch {
		case err == nil:
			d := p.end(nil)
			p.c.log.Info("crawler resumed: the store has space again", "outlet", outletID, "paused",
				d.Round(time.Millisecond), "probes", probes)
			return nil
		case !IsNoSpace(err):
			// The write failed for another reason: the pause is over, and this article fails as any other would.
			d := p.end(nil)
			p.c.log.Info("crawler resumed: the store no longer reports a full disk", "outlet", outletID, "paused",
				d.Round(time.Millisecond), "probes", probes)
			return err
		}
		cause = err
		p.c.log.Debug("store still has no space", "outlet", outletID, "probes", probes, "err", err)
		wait = min(2*wait, max(maxDiskRetry, p.retry))
	}
}
