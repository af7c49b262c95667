package crawler

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"sync"
	"syscall"
	"testing"
	"time"

	"genderlens/config"

	"github.com/prometheus/client_golang/prometheus"
)

// fullDiskSink stores like countingSink until fillAfter articles are stored; the disk is then full for fullFor (or
// for good when fullFor is 0): every write fails with ENOSPC, wrapped as a store wraps the file system's error.
type fullDiskSink struct {
	fillAfter int
	fullFor   time.Duration
	// during, when set, is called on each write while the disk is full, with the time it filled.
	during func(filled time.Time)

	mu       sync.Mutex
	stores   map[string]int
	total    int
	filled   time.Time
	failures int
	resumed  time.Time // first write that succeeded after the disk filled
}

func newFullDiskSink(fillAfter int, fullFor time.Duration) *fullDiskSink {
	return &fullDiskSink{fillAfter: fillAfter, fullFor: fullFor, stores: map[string]int{}}
}

func (s *fullDiskSink) Store(ctx context.Context, a Article) error {
	s.mu.Lock()
	if s.total >= s.fillAfter && s.filled.IsZero() {
		s.filled = time.Now()
	}
	full := !s.filled.IsZero() && (s.fullFor == 0 || time.Since(s.filled) < s.fullFor)
	filled, during := s.filled, s.during
	if !full {
		s.stores[a.URL]++
		s.total++
		if !s.filled.IsZero() && s.resumed.IsZero() {
			s.resumed = time.Now()
		}
		s.mu.Unlock()
		return nil
	}
	s.failures++
	s.mu.Unlock()
	if during != nil {
		during(filled)
	}
	err := &fs.PathError{Op: "write", Path: "/data/articles.bleve/2026.bleve/store/00000001.zap", Err: syscall.ENOSPC}
	return fmt.Errorf("store %s: %w", a.URL, err)
}

func (s *fullDiskSink) snapshot() (stores map[string]int, filled, resumed time.Time, failures int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	stores = map[string]int{}
	for k, v := range s.stores {
		stores[k] = v
	}
	return stores, s.filled, s.resumed, s.failures
}

func TestIsNoSpace(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{fmt.Errorf("store x: %w", &fs.PathError{Op: "write", Path: "/d/f", Err: syscall.ENOSPC}), true},
		{fmt.Errorf("batch: %w", syscall.EDQUOT), true},
		{fmt.Errorf("write: %w", syscall.EFBIG), true},
		{errors.Join(errors.New("write batch"), syscall.ENOSPC), true},
		{errors.New("write /d/f: no space left on device"), false}, // text alone is not recognised: the store keeps the errno
		{syscall.EIO, false},
		{context.Canceled, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := IsNoSpace(tt.err); got != tt.want {
			t.Errorf("IsNoSpace(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// TestFaultDiskFullPause: two outlets crawl while the disk fills for a while. The crawler pauses: no request to
// either site starts while the store has no space, the gauge and the crawl health say it is paused, and once a write
// succeeds the crawl goes on where it stopped: every article of both sites is stored exactly once.
func TestFaultDiskFullPause(t *testing.T) {
	t.Parallel()
	const fullFor = 600 * time.Millisecond
	// The pause starts just after the first failed write returns: under -race on a loaded machine, up to this long.
	const grace = 50 * time.Millisecond
	sites := []*fakeSite{
		newFakeSite(t, siteOptions{style: styleJSONLD, etag: true}, makeArticles(styleJSONLD, 10, 11)),
		newFakeSite(t, siteOptions{style: styleOG}, makeArticles(styleOG, 10, 12)),
	}
	outlets := []config.Outlet{outletFor("bao-thu", "newspaper", sites[0]), outletFor("tin-phuong", "ward_portal", sites[1])}
	cfg := config.Crawler{
		UserAgent: testUA, Delay: config.Duration(10 * time.Millisecond), Parallelism: 2,
		Timeout: config.Duration(5 * time.Second), MaxBodyBytes: 1 << 20, MaxRedirects: 5,
		MaxRetryAfter: config.Duration(time.Second), DiskRetry: config.Duration(10 * time.Millisecond),
	}
	reg := prometheus.NewRegistry()
	sink := newFullDiskSink(4, fullFor)
	c := New(cfg, sink, WithMetrics(NewMetrics(reg)), WithLogger(testLogger(t)))
	for _, o := range outlets {
		// A crawl known from before, so that the health has something to say while paused.
		c.setHealth(o.ID, time.Now().Add(-time.Hour), Stats{})
	}
	// Every request attempt, with the start it claimed from its host's gate (the moment it is let through).
	type start struct {
		url string
		at  time.Time
	}
	var startsMu sync.Mutex
	var starts []start
	c.transport.onStart = func(req *http.Request, at time.Time) {
		startsMu.Lock()
		starts = append(starts, start{req.URL.String(), at})
		startsMu.Unlock()
	}
	var duringMu sync.Mutex
	var gaugeDuring []float64
	var pausedSinceSeen bool
	sink.during = func(filled time.Time) {
		if time.Since(filled) < grace {
			return // the write that starts the pause, or one racing it
		}
		g := counterValue(t, reg, "genderlens_crawler_paused", map[string]string{"reason": "no_space"})
		h, _ := c.CrawlHealth(outlets[1].ID)
		duringMu.Lock()
		gaugeDuring = append(gaugeDuring, g)
		pausedSinceSeen = pausedSinceSeen || h.PausedSince != nil
		duringMu.Unlock()
	}
	if g := counterValue(t, reg, "genderlens_crawler_paused", map[string]string{"reason": "no_space"}); g != 0 {
		t.Errorf("genderlens_crawler_paused before the crawl = %v, want 0", g)
	}

	stats, err := c.CrawlAll(context.Background(), outlets)
	if err != nil {
		t.Fatal(err)
	}

	stores, filled, resumed, failures := sink.snapshot()
	if filled.IsZero() || resumed.IsZero() || failures < 2 {
		t.Fatalf("the disk never filled or never came back (filled %v, resumed %v, %d failed writes): the test tests nothing",
			filled, resumed, failures)
	}
	if d := resumed.Sub(filled); d < fullFor {
		t.Errorf("a write succeeded %v after the disk filled, while it was full for %v", d, fullFor)
	}
	var during []string
	startsMu.Lock()
	for _, st := range starts {
		if st.at.After(filled.Add(grace)) && st.at.Before(resumed) {
			during = append(during, fmt.Sprintf("%s at +%v", st.url, st.at.Sub(filled).Round(time.Millisecond)))
		}
	}
	startsMu.Unlock()
	if len(during) != 0 {
		t.Errorf("%d requests started while the crawler was paused (+%v to +%v after the disk filled): %v",
			len(during), grace, resumed.Sub(filled).Round(time.Millisecond), during)
	}
	t.Logf("disk full for %v: %d failed writes, paused %v", fullFor, failures, resumed.Sub(filled).Round(time.Millisecond))
	duringMu.Lock()
	if len(gaugeDuring) == 0 {
		t.Error("no write was retried while paused")
	}
	for _, g := range gaugeDuring {
		if g != 1 {
			t.Errorf("genderlens_crawler_paused while paused = %v, want 1", g)
		}
	}
	if !pausedSinceSeen {
		t.Error("the crawl health never said the crawler was paused")
	}
	duringMu.Unlock()
	if g := counterValue(t, reg, "genderlens_crawler_paused", map[string]string{"reason": "no_space"}); g != 0 {
		t.Errorf("genderlens_crawler_paused after the crawl = %v, want 0", g)
	}

	for i, site := range sites {
		for _, a := range site.articles {
			canon, _ := CanonicalURL(site.srv.URL + a.Path)
			if n := stores[canon]; n != 1 {
				t.Errorf("%s stored %d times, want 1", canon, n)
			}
		}
		st := stats[i]
		if st.New != len(site.articles) {
			t.Errorf("%s: %d new, want %d", st.Outlet, st.New, len(site.articles))
		}
		if st.Paused < fullFor/2 {
			t.Errorf("%s: paused %v, want most of the %v the disk was full", st.Outlet, st.Paused, fullFor)
		}
		h, _ := c.CrawlHealth(st.Outlet)
		if h.PausedSince != nil || h.PausedSeconds != st.Paused.Seconds() {
			t.Errorf("%s: health after the crawl says paused since %v, paused %vs; want not paused, paused %vs",
				st.Outlet, h.PausedSince, h.PausedSeconds, st.Paused.Seconds())
		}
	}
}

// TestFaultDiskFullGiveUp: with a pause limit (crawl --once), a disk that stays full ends the crawl with ErrNoSpace
// once the limit has passed, promptly, with the gauge back to 0. The article it held is not marked stored, so the
// next crawl, with space again, stores every article exactly once. Cancelling a paused crawl returns at once.
func TestFaultDiskFullGiveUp(t *testing.T) {
	t.Parallel()
	site := newFakeSite(t, siteOptions{style: styleJSONLD, etag: true}, makeArticles(styleJSONLD, 10, 13))
	o := outletFor("bao-thu", "newspaper", site)
	cfg := config.Crawler{
		UserAgent: testUA, Delay: config.Duration(5 * time.Millisecond), Parallelism: 2,
		Timeout: config.Duration(5 * time.Second), MaxBodyBytes: 1 << 20, MaxRedirects: 5,
		MaxRetryAfter: config.Duration(time.Second), DiskRetry: config.Duration(20 * time.Millisecond),
	}
	const limit = 300 * time.Millisecond
	dir := t.TempDir()
	reg := prometheus.NewRegistry()
	full := newFullDiskSink(3, 0)
	c := New(cfg, full, WithStateDir(dir), WithMaxDiskPause(limit), WithMetrics(NewMetrics(reg)), WithLogger(testLogger(t)))
	_, err := c.Crawl(context.Background(), o)
	if !errors.Is(err, ErrNoSpace) || !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("crawl on a disk that stays full: err = %v, want ErrNoSpace wrapping ENOSPC", err)
	}
	_, filled, _, failures := full.snapshot()
	if d := time.Since(filled); d < limit || d > limit+3*time.Second {
		t.Errorf("the crawl gave up %v after the disk filled, want just after %v", d, limit)
	}
	if g := counterValue(t, reg, "genderlens_crawler_paused", map[string]string{"reason": "no_space"}); g != 0 {
		t.Errorf("genderlens_crawler_paused after giving up = %v, want 0", g)
	}
	if c.LastSuccess(o.ID) != (time.Time{}) {
		t.Error("a crawl that gave up for lack of space was recorded as a success")
	}
	c.Close()
	t.Logf("gave up after %d failed writes: %v", failures, err)

	// Space is back: a new crawl on the same state stores everything the first could not, nothing twice.
	ok := newFullDiskSink(1<<30, 0)
	c2 := New(cfg, ok, WithStateDir(dir), WithMaxDiskPause(limit), WithLogger(testLogger(t)))
	if _, err := c2.Crawl(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	c2.Close()
	first, _, _, _ := full.snapshot()
	second, _, _, _ := ok.snapshot()
	for _, a := range site.articles {
		canon, _ := CanonicalURL(site.srv.URL + a.Path)
		if n := first[canon] + second[canon]; n != 1 {
			t.Errorf("%s stored %d times over both crawls (%d, %d), want 1", canon, n, first[canon], second[canon])
		}
	}

	// A paused crawl without a limit (serve) ends as soon as it is cancelled.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stuck := newFullDiskSink(0, 0)
	stuck.during = func(filled time.Time) {
		if time.Since(filled) > 100*time.Millisecond {
			cancel()
		}
	}
	c3 := New(cfg, stuck, WithLogger(testLogger(t)))
	start := time.Now()
	if _, err := c3.Crawl(ctx, o); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled paused crawl: err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("cancelled paused crawl took %v", d)
	}
}
