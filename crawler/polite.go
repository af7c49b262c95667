package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Errors the polite transport returns; handlers classify failures with errors.Is.
var (
	// ErrTooLarge means the response body exceeded crawler.max_body_bytes; it is never truncated silently.
	ErrTooLarge = errors.New("response body exceeds the size limit")
	// ErrBackedOff means a host asked (429/503 with Retry-After) for a pause longer than the crawler waits within a run.
	ErrBackedOff = errors.New("host asked to back off longer than the crawler waits")
)

// hostGate enforces politeness towards one host: at most `slots` requests in flight, at least `delay` between the
// starts of two requests, and no request before `next` (which Retry-After pushes back).
//
// colly's LimitRule cannot do this: its Delay is slept inside each parallel slot, so with parallelism N a host sees
// N requests per delay, and one rule is shared by every host its glob matches.
type hostGate struct {
	slots chan struct{}

	mu    sync.Mutex
	delay time.Duration
	next  time.Time
	last  time.Time // start of the latest request
}

// acquire takes a slot and waits for the host's turn; it returns the start time it claimed.
func (g *hostGate) acquire(ctx context.Context, maxWait time.Duration) (time.Time, error) {
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
	for {
		g.mu.Lock()
		now := time.Now()
		wait := g.next.Sub(now)
		if wait <= 0 {
			// The start time is claimed under the lock, so concurrent slots cannot start closer than delay.
			g.next = now.Add(g.delay)
			g.last = now
			g.mu.Unlock()
			return now, nil
		}
		g.mu.Unlock()
		if maxWait > 0 && wait > maxWait {
			g.release()
			return time.Time{}, fmt.Errorf("%w (%s)", ErrBackedOff, wait.Round(time.Second))
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			g.release()
			return time.Time{}, ctx.Err()
		}
	}
}

func (g *hostGate) release() { <-g.slots }

// abortGrace is how long a slot stays taken after a transfer the crawler cut short (timeout, size limit, error):
// the server may still be working on it, and a new request at once would exceed the concurrency it was promised.
const abortGrace = 500 * time.Millisecond

func (g *hostGate) releaseAfterAbort() { time.AfterFunc(abortGrace, g.release) }

// pushBack delays the next start to at least until.
func (g *hostGate) pushBack(until time.Time) {
	g.mu.Lock()
	if until.After(g.next) {
		g.next = until
	}
	g.mu.Unlock()
}

func (g *hostGate) currentDelay() time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.delay
}

// raiseDelay applies a robots.txt Crawl-delay larger than the configured delay.
func (g *hostGate) raiseDelay(d time.Duration) {
	g.mu.Lock()
	if d > g.delay {
		g.delay = d
		// The robots.txt request itself already started: the next one waits the new delay from it.
		if next := g.last.Add(d); next.After(g.next) {
			g.next = next
		}
	}
	g.mu.Unlock()
}

// hostLimiter holds one gate per host (host[:port] as in URL.Host) for the lifetime of a Crawler, so that two
// outlets on one host, or consecutive runs, share the host's budget.
type hostLimiter struct {
	delay       time.Duration
	parallelism int

	mu    sync.Mutex
	gates map[string]*hostGate
}

func newHostLimiter(delay time.Duration, parallelism int) *hostLimiter {
	return &hostLimiter{delay: delay, parallelism: max(parallelism, 1), gates: map[string]*hostGate{}}
}

func (l *hostLimiter) gate(host string) *hostGate {
	host = strings.ToLower(host)
	l.mu.Lock()
	defer l.mu.Unlock()
	g, ok := l.gates[host]
	if !ok {
		g = &hostGate{slots: make(chan struct{}, l.parallelism), delay: l.delay}
		l.gates[host] = g
	}
	return g
}

// politeTransport is the http.RoundTripper under both colly and the robots.txt client. Every attempt, redirect hops
// included, passes a host gate; the gate's slot is held until the body is closed, so "in flight" means what the
// server sees. The timeout covers one attempt (headers and body) but not the wait for the gate, which with a long
// queue would otherwise eat the time budget of requests that have not started.
type politeTransport struct {
	base          http.RoundTripper
	limiter       *hostLimiter
	timeout       time.Duration
	maxBody       int64
	maxRetries    int
	maxRetryAfter time.Duration
	// maxPause caps the pause a Retry-After imposes on the host (crawler.max_host_pause).
	maxPause time.Duration
	// onRetry, when set, is told about every 429/503 that is retried (for metrics and logs).
	onRetry func(req *http.Request, status int, wait time.Duration)
	// onStart, when set, is told the start time each attempt claimed from its host's gate (tests).
	onStart func(req *http.Request, at time.Time)
	// pause, when set, holds every request while the crawler is paused because the store has no space.
	pause *diskPause
}

// acquire waits until the crawler is not paused for space, then for the host's turn. A pause that began during the
// wait for the turn is waited out too, so that no request starts while the crawler is paused.
func (t *politeTransport) acquire(ctx context.Context, g *hostGate) (time.Time, error) {
	for {
		if t.pause != nil {
			if err := t.pause.wait(ctx); err != nil {
				return time.Time{}, err
			}
		}
		at, err := g.acquire(ctx, t.maxRetryAfter)
		if err != nil || t.pause == nil || t.pause.open() {
			return at, err
		}
		g.release()
	}
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	g := t.limiter.gate(req.URL.Host)
	retriable := req.Method == http.MethodGet && (req.Body == nil || req.Body == http.NoBody)
	for attempt := 0; ; attempt++ {
		at, err := t.acquire(req.Context(), g)
		if err != nil {
			return nil, fmt.Errorf("wait for %s: %w", req.URL.Host, err)
		}
		if t.onStart != nil {
			t.onStart(req, at)
		}
		ctx, cancel := context.WithCancel(req.Context())
		if t.timeout > 0 {
			ctx, cancel = context.WithTimeout(req.Context(), t.timeout)
		}
		resp, err := t.base.RoundTrip(req.WithContext(ctx))
		if err != nil {
			cancel()
			g.releaseAfterAbort()
			return nil, err
		}
		if (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) &&
			retriable && attempt < t.maxRetries {
			wait := retryAfter(resp.Header.Get("Retry-After"), time.Now())
			if t.maxPause > 0 && wait > t.maxPause {
				wait = t.maxPause
			}
			if wait <= 0 {
				// No usable Retry-After: back off exponentially from the host's delay, at least one second.
				wait = max(g.currentDelay(), time.Second) << attempt
			}
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			cancel()
			g.pushBack(time.Now().Add(wait))
			g.release()
			if t.onRetry != nil {
				t.onRetry(req, resp.StatusCode, wait)
			}
			continue
		}
		if t.maxBody > 0 && resp.ContentLength > t.maxBody {
			resp.Body.Close()
			cancel()
			g.releaseAfterAbort()
			return nil, fmt.Errorf("%s: %d bytes announced: %w", req.URL.Redacted(), resp.ContentLength, ErrTooLarge)
		}
		resp.Body = &gatedBody{rc: resp.Body, limit: t.maxBody, done: func(complete bool) {
			cancel()
			if complete {
				g.release()
			} else {
				g.releaseAfterAbort()
			}
		}}
		return resp, nil
	}
}

// gatedBody releases the host slot and the attempt's context when closed, and fails, rather than truncates, a body
// longer than limit.
type gatedBody struct {
	rc    io.ReadCloser
	limit int64
	read  int64
	eof   bool
	once  sync.Once
	done  func(complete bool)
}

func (b *gatedBody) Read(p []byte) (int, error) {
	if b.limit > 0 && b.read > b.limit {
		return 0, fmt.Errorf("more than %d bytes: %w", b.limit, ErrTooLarge)
	}
	if b.limit > 0 && int64(len(p)) > b.limit-b.read+1 {
		p = p[:b.limit-b.read+1]
	}
	n, err := b.rc.Read(p)
	b.read += int64(n)
	if err == io.EOF {
		b.eof = true
	}
	if b.limit > 0 && b.read > b.limit {
		return n, fmt.Errorf("more than %d bytes: %w", b.limit, ErrTooLarge)
	}
	return n, err
}

func (b *gatedBody) Close() error {
	err := b.rc.Close()
	b.once.Do(func() { b.done(b.eof) })
	return err
}

// maxRetryAfterValue bounds what retryAfter returns, so that huge values do not overflow a Duration; the transport
// caps it further to crawler.max_host_pause.
const maxRetryAfterValue = 10 * 365 * 24 * time.Hour

// retryAfter reads a Retry-After header: delay-seconds or an HTTP date. Zero means absent or unusable. A long value
// is a real request to pause (a site asking for a week is not asking for no pause at all); it is capped, not ignored.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil || errors.Is(err, strconv.ErrRange) {
		if n == 0 {
			return 0
		}
		if n > uint64(maxRetryAfterValue/time.Second) {
			return maxRetryAfterValue
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return min(d, maxRetryAfterValue)
		}
	}
	return 0
}
