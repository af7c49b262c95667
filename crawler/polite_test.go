package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/internal/wait"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"1", time.Second},
		{" 120 ", 2 * time.Minute},
		{"0", 0},
		{"-5", 0},
		// Long values are real requests to pause: kept (the transport caps them to crawler.max_host_pause), not
		// ignored, which let the exponential backoff send 19 requests in 20 s to a host that asked for 8 days.
		{"691200", 8 * 24 * time.Hour},
		{"999999999", maxRetryAfterValue},
		{"99999999999999999999999", maxRetryAfterValue},
		{"Sat, 27 Nov 2027 09:00:00 GMT", 365 * 24 * time.Hour},
		{"Fri, 27 Nov 2026 09:00:30 GMT", 30 * time.Second},
		{"Fri, 27 Nov 2026 08:59:00 GMT", 0}, // in the past
		{"soon", 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "Fri, 27 Nov 2026 09:00:30 GMT", "", "-1", "1e9"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if d := retryAfter(s, now); d < 0 {
			t.Fatalf("retryAfter(%q) = %v < 0", s, d)
		}
	})
}

// TestHostGate checks the spacing and the concurrency bound of one host's gate under many concurrent callers.
func TestHostGate(t *testing.T) {
	tests := []struct {
		name        string
		delay       time.Duration
		parallelism int
		callers     int
		hold        time.Duration
	}{
		{"delay dominates", 30 * time.Millisecond, 3, 8, 5 * time.Millisecond},
		{"slots dominate", 0, 2, 8, 20 * time.Millisecond},
		{"serial", 10 * time.Millisecond, 1, 5, 15 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newHostLimiter(tt.delay, tt.parallelism)
			g := l.gate("Example.org:80")
			if l.gate("example.org:80") != g {
				t.Fatal("host names are not case-folded")
			}
			var mu sync.Mutex
			var starts []time.Time
			inFlight, maxInFlight := 0, 0
			var wg sync.WaitGroup
			for range tt.callers {
				wg.Go(func() {
					at, err := g.acquire(context.Background(), time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					starts = append(starts, at)
					inFlight++
					maxInFlight = max(maxInFlight, inFlight)
					mu.Unlock()
					time.Sleep(tt.hold) // holding the slot for a while is the case under test
					mu.Lock()
					inFlight--
					mu.Unlock()
					g.release()
				})
			}
			wg.Wait()
			if maxInFlight > tt.parallelism {
				t.Errorf("%d in flight, want <= %d", maxInFlight, tt.parallelism)
			}
			slices.SortFunc(starts, time.Time.Compare)
			for i := 1; i < len(starts); i++ {
				// Claimed start times are exact: no allowance.
				if gap := starts[i].Sub(starts[i-1]); gap < tt.delay {
					t.Errorf("starts %d and %d %v apart, want >= %v", i-1, i, gap, tt.delay)
				}
			}
		})
	}
}

func TestHostGateBackoffAndCancel(t *testing.T) {
	g := newHostLimiter(0, 1).gate("h")
	g.pushBack(time.Now().Add(time.Hour))
	if _, err := g.acquire(context.Background(), time.Minute); !errors.Is(err, ErrBackedOff) {
		t.Errorf("acquire after a one-hour Retry-After = %v, want ErrBackedOff", err)
	}
	g = newHostLimiter(0, 1).gate("h")
	g.pushBack(time.Now().Add(30 * time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := g.acquire(ctx, time.Minute); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("acquire with a cancelled context = %v", err)
	}
	if time.Since(start) > time.Second {
		t.Error("acquire did not return promptly on cancellation")
	}
	// The slot must have been given back by both failures.
	select {
	case g.slots <- struct{}{}:
	default:
		t.Error("a failed acquire kept its slot")
	}
}

// TestPoliteTransport covers retry on 429/503 with Retry-After, the body limit with and without Content-Length, and
// the per-attempt timeout.
func TestPoliteTransport(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls[r.URL.Path]++
		n := calls[r.URL.Path]
		mu.Unlock()
		switch r.URL.Path {
		case "/429":
			if n == 1 {
				w.Header().Set("Retry-After", "0") // unusable: exponential backoff from 1s is too slow for a unit test
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			io.WriteString(w, "ok")
		case "/503-always":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/big-declared":
			w.Header().Set("Content-Length", "2048")
			w.Write([]byte(strings.Repeat("x", 2048)))
		case "/big-chunked":
			for range 4 {
				w.Write([]byte(strings.Repeat("x", 600)))
				w.(http.Flusher).Flush()
			}
		case "/exact":
			w.Write([]byte(strings.Repeat("x", 1024)))
		case "/slow":
			select {
			case <-time.After(10 * time.Second):
			case <-r.Context().Done():
			}
		}
	}))
	defer srv.Close()
	tr := &politeTransport{
		base: http.DefaultTransport, limiter: newHostLimiter(0, 2), timeout: 1500 * time.Millisecond,
		maxBody: 1024, maxRetries: 2, maxRetryAfter: 10 * time.Second,
	}
	client := &http.Client{Transport: tr}
	get := func(p string) (string, int, error) {
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			return "", 0, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), resp.StatusCode, err
	}

	start := time.Now()
	body, code, err := get("/429")
	if err != nil || code != 200 || body != "ok" {
		t.Errorf("/429: %q %d %v", body, code, err)
	}
	if d := time.Since(start); d < 950*time.Millisecond {
		t.Errorf("/429 retried after %v, before Retry-After", d)
	}
	if _, _, err := get("/503-always"); !errors.Is(err, ErrBackedOff) {
		t.Errorf("/503-always with Retry-After 3600: %v, want ErrBackedOff", err)
	}
	tr.limiter = newHostLimiter(0, 2) // forget the hour-long back-off
	for _, p := range []string{"/big-declared", "/big-chunked"} {
		if _, _, err := get(p); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: %v, want ErrTooLarge", p, err)
		}
	}
	if body, _, err := get("/exact"); err != nil || len(body) != 1024 {
		t.Errorf("/exact (at the limit): %d bytes, %v", len(body), err)
	}
	start = time.Now()
	if _, _, err := get("/slow"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("/slow: %v, want a deadline error", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("/slow returned after %v, want about the 1.5s timeout", d)
	}
	// Every slot is free again once bodies are closed, after the grace that follows an aborted transfer.
	g := tr.limiter.gate(strings.TrimPrefix(srv.URL, "http://"))
	if n := len(g.slots); n == 0 {
		t.Error("the slot of the timed-out request was released at once, while the server may still be busy")
	}
	wait.For(t, abortGrace+10*time.Second, func() error {
		if n := len(g.slots); n != 0 {
			return fmt.Errorf("%d host slots still taken after the abort grace of %v", n, abortGrace)
		}
		return nil
	})
	for range 2 {
		select {
		case g.slots <- struct{}{}:
		default:
			t.Fatal("a host slot leaked")
		}
	}
}

func TestGatedBodyLimit(t *testing.T) {
	tests := []struct {
		size, limit int
		wantErr     bool
	}{
		{10, 10, false},
		{11, 10, true},
		{5000, 1024, true},
		{5000, 0, false}, // no limit
	}
	for _, tt := range tests {
		released := make(chan bool, 1)
		b := &gatedBody{rc: io.NopCloser(strings.NewReader(strings.Repeat("x", tt.size))), limit: int64(tt.limit),
			done: func(complete bool) { released <- complete }}
		got, err := io.ReadAll(b)
		if (err != nil) != tt.wantErr || !tt.wantErr && len(got) != tt.size {
			t.Errorf("size %d limit %d: %d bytes, %v", tt.size, tt.limit, len(got), err)
		}
		if tt.wantErr {
			// Reading again after the error must not panic, and must fail again.
			if _, err := b.Read(make([]byte, 8)); !errors.Is(err, ErrTooLarge) {
				t.Errorf("size %d limit %d: second read: %v", tt.size, tt.limit, err)
			}
		}
		b.Close()
		b.Close() // idempotent
		if complete := <-released; complete == tt.wantErr {
			t.Errorf("size %d limit %d: released as complete=%v", tt.size, tt.limit, complete)
		}
	}
}
