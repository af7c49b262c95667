package crawler

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/internal/wait"

	"github.com/prometheus/client_golang/prometheus"
)

// closedLoopbackAddr returns a loopback address nothing listens on.
func closedLoopbackAddr(t *testing.T, network string) string {
	t.Helper()
	if network == "udp" {
		pc, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := pc.LocalAddr().String()
		pc.Close()
		return addr
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// loopbackTransport resolves names through a DNS server on a closed loopback port: every lookup of a name not in
// /etc/hosts fails as a DNS error, and no query leaves the machine (a .invalid name would otherwise be asked of the
// system's resolver).
func loopbackTransport(t *testing.T) *http.Transport {
	dnsAddr := closedLoopbackAddr(t, "udp")
	resolver := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "udp", dnsAddr)
	}}
	return &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second, Resolver: resolver}).DialContext}
}

// TestFaultUnreachableOutlet: an outlet whose host does not resolve, refuses connections or fails the TLS handshake
// is a failed crawl: an error returned, counted by kind, logged, and the last success neither advanced in the state
// nor in the gauge. The schedule still waits an interval before trying it again.
func TestFaultUnreachableOutlet(t *testing.T) {
	t.Parallel()
	tlsSite := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("request %s reached the site through an untrusted certificate", r.URL)
	}))
	t.Cleanup(tlsSite.Close)
	tests := []struct {
		name, origin, kind string
	}{
		{"dns", "http://genderlens-khong-co.invalid", "dns"},
		{"connect", "http://" + closedLoopbackAddr(t, "tcp"), "connect"},
		{"tls", tlsSite.URL, "tls"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			before := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
			st, err := NewFileState(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Load("x"); err != nil {
				t.Fatal(err)
			}
			if err := st.SetLastSuccess("x", before, true); err != nil {
				t.Fatal(err)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}

			reg := prometheus.NewRegistry()
			cfg := config.Crawler{UserAgent: testUA, Parallelism: 2, Timeout: config.Duration(5 * time.Second),
				MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second),
				Interval: config.Duration(6 * time.Hour)}
			var logs syncBuffer
			c := New(cfg, newCountingSink(), WithMetrics(NewMetrics(reg)), WithStateDir(dir),
				WithBaseTransport(loopbackTransport(t)), WithLogger(bufferLogger(&logs)))
			host := strings.TrimPrefix(strings.TrimPrefix(tt.origin, "http://"), "https://")
			o := config.Outlet{ID: "x", Name: "x", Kind: "newspaper", StartURLs: []string{tt.origin + "/"},
				Feeds: []string{tt.origin + "/rss.xml"}, AllowedHosts: []string{host}}
			stats, err := c.Crawl(context.Background(), o)
			if err == nil {
				t.Fatalf("crawl of an unreachable outlet succeeded: %+v", stats)
			}
			if stats.Errors == 0 {
				t.Errorf("stats.Errors = 0, want the failure counted")
			}
			if got := counterValue(t, reg, "genderlens_crawler_errors_total", map[string]string{"outlet": "x", "kind": tt.kind}); got < 1 {
				t.Errorf("genderlens_crawler_errors_total{kind=%q} = %v, want >= 1; err %v", tt.kind, got, err)
			}
			if last := c.LastSuccess("x"); !last.Equal(before) {
				t.Errorf("last success = %v, want it unchanged at %v", last, before)
			}
			if got := counterValue(t, reg, "genderlens_crawler_last_success_timestamp_seconds", map[string]string{"outlet": "x"}); got != float64(before.Unix()) {
				t.Errorf("last success gauge = %v, want the persisted %v", got, before.Unix())
			}
			if !strings.Contains(logs.String(), "level=ERROR") || !strings.Contains(logs.String(), "kind="+tt.kind) {
				t.Errorf("failure not logged as an ERROR with kind=%s:\n%s", tt.kind, logs.String())
			}
			if c.Due(o, time.Now()) {
				t.Errorf("due again right after a failed run: an unreachable site would be retried every tick")
			}
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			// The state on disk keeps the old last success too.
			st2, err := NewFileState(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer st2.Close()
			if err := st2.Load("x"); err != nil {
				t.Fatal(err)
			}
			if last, _ := st2.LastSuccess("x"); !last.Equal(before) {
				t.Errorf("persisted last success = %v, want %v", last, before)
			}
		})
	}
}

// syncBuffer collects log output written from several goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// bufferLogger logs at debug level into b, in the command's text format.
func bufferLogger(b *syncBuffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(b, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// TestFaultStateHugeHeaders: a site answering with a 1.5 MB ETag and Last-Modified does not make a crawl-state line
// the loader refuses: the article is stored, the validators are not, every line stays short, and the next crawl of
// the outlet loads the state and runs.
func TestFaultStateHugeHeaders(t *testing.T) {
	t.Parallel()
	site := newFakeSite(t, siteOptions{style: styleOG}, makeArticles(styleOG, 3, 15))
	huge := `"` + strings.Repeat("e", 1500<<10) + `"`
	for _, a := range site.articles {
		site.extra[a.Path] = func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", huge)
			w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT"+strings.Repeat(" ", 1500<<10))
			site.article(w, r, site.byPath[r.URL.Path])
		}
	}
	dir := t.TempDir()
	// The fetch timeout is generous: 1.5 MB of headers per page took over 5 s on a loaded 2-core machine, and what
	// is tested here is the state file, not the timeout.
	cfg := config.Crawler{UserAgent: testUA, Parallelism: 2, Timeout: config.Duration(time.Minute),
		MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second)}
	o := outletFor("x", "newspaper", site)
	for run := 1; run <= 2; run++ {
		sink := newCountingSink()
		c := New(cfg, sink, WithStateDir(dir), WithLogger(testLogger(t)))
		stats, err := c.Crawl(context.Background(), o)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if run == 1 && sink.count() != len(site.articles) {
			t.Errorf("run %d: %d articles stored, want %d (%+v)", run, sink.count(), len(site.articles), stats)
		}
		if run == 2 && stats.Unchanged == 0 {
			t.Errorf("run %d: the state of run 1 was not used: %+v", run, stats)
		}
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(dir, "x.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
			if len(line) > maxRecordLine || strings.Contains(line, "eeeeeeee") {
				t.Errorf("run %d: state line %d has %d bytes, a validator of the hostile header: %.120s", run, i+1, len(line), line)
			}
		}
	}
}

// TestFaultStateDamagedLines: a log with a line that is not a record, a line longer than the loader reads and a
// torn last line loads the records around them, reports each damaged line with its number as a WARN, and is
// rewritten without them (reported once).
func TestFaultStateDamagedLines(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "bao-hong.jsonl")
	content := `{"url":"https://a.example/1","hash":"h1","stored":true}` + "\n" +
		"\x00\x00 not json {\n" +
		`{"url":"https://a.example/long","etag":"` + strings.Repeat("x", maxReadLine) + `"}` + "\n" +
		`{"url":"https://a.example/4","hash":"h4","stored":true}` + "\n" +
		`{"url":"https://a.example/5","ha`
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	c := New(config.Crawler{}, nil, WithStateDir(dir), WithLogger(bufferLogger(&logs)))
	s, err := c.stateStore()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load("bao-hong"); err != nil {
		t.Fatalf("a damaged log stops the outlet: %v", err)
	}
	for _, u := range []string{"https://a.example/1", "https://a.example/4"} {
		if _, ok := s.Get("bao-hong", u); !ok {
			t.Errorf("record %s lost", u)
		}
	}
	for _, u := range []string{"https://a.example/long", "https://a.example/5"} {
		if _, ok := s.Get("bao-hong", u); ok {
			t.Errorf("damaged record %s read", u)
		}
	}
	for _, line := range []string{"line=2", "line=3", "line=5"} {
		if !strings.Contains(logs.String(), "level=WARN msg=\"crawl state: damaged line skipped\" file="+p+" "+line) {
			t.Errorf("damaged %s not reported:\n%s", line, logs.String())
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	var logs2 syncBuffer
	c = New(config.Crawler{}, nil, WithStateDir(dir), WithLogger(bufferLogger(&logs2)))
	defer c.Close()
	if s, err = c.stateStore(); err != nil {
		t.Fatal(err)
	}
	if err := s.Load("bao-hong"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs2.String(), "damaged") {
		t.Errorf("the rewritten log still has damaged lines:\n%s", logs2.String())
	}
	if _, ok := s.Get("bao-hong", "https://a.example/4"); !ok {
		t.Error("record lost by the rewrite")
	}
}

// TestFaultLongRetryAfter: a host answering 503 with a Retry-After of 8 days gets no further request for
// crawler.max_host_pause, neither in the run nor in the next runs of the same crawler, and is asked again after it.
// Before, a value over 7 days was ignored and the exponential backoff sent request after request.
func TestFaultLongRetryAfter(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var hits []string
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits = append(hits, r.URL.Path)
		mu.Unlock()
		if r.URL.Path == "/" {
			w.Header().Set("Retry-After", "691200") // 8 days
			http.Error(w, "bảo trì", http.StatusServiceUnavailable)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(site.Close)
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(hits)
	}
	const pause = 2 * time.Second
	// One request in flight: the second start page waits for the answer to the first, which asks for the pause.
	cfg := config.Crawler{UserAgent: testUA, Parallelism: 1, Timeout: config.Duration(5 * time.Second),
		MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second),
		MaxHostPause: config.Duration(pause)}
	reg := prometheus.NewRegistry()
	c := New(cfg, newCountingSink(), WithMetrics(NewMetrics(reg)), WithLogger(testLogger(t)))
	o := config.Outlet{ID: "x", Name: "x", Kind: "newspaper", StartURLs: []string{site.URL + "/", site.URL + "/tin-tuc"},
		AllowedHosts: []string{strings.TrimPrefix(site.URL, "http://")}}

	start := time.Now()
	if _, err := c.Crawl(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	sent := len(hits)
	if slices.Index(hits, "/") != sent-1 {
		t.Errorf("first run sent %v: want no request after the 503 on / that asked for the pause, and no retry", hits)
	}
	mu.Unlock()
	if got := counterValue(t, reg, "genderlens_crawler_errors_total", map[string]string{"outlet": "x", "kind": "backoff"}); got < 1 {
		t.Errorf("backoff errors = %v, want the paused requests counted", got)
	}
	// A second run within the pause sends nothing at all, robots.txt included.
	if _, err := c.Crawl(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) < pause {
		if got := count(); got != sent {
			t.Errorf("a run during the pause sent %d requests, want none", got-sent)
		}
	}
	// After the pause (capped to max_host_pause, not 8 days) the host is asked again.
	wait.For(t, 10*time.Second, func() error {
		if time.Since(start) < pause {
			return fmt.Errorf("pause not over")
		}
		if _, err := c.Crawl(context.Background(), o); err != nil {
			return err
		}
		if count() <= sent {
			return fmt.Errorf("no request after the pause")
		}
		return nil
	})
}

// TestFaultRedirectRobots: robots.txt applies to every URL fetched, redirect targets included: a same-host 302 to a
// disallowed path and a redirect to another allowed host's disallowed path are not followed, while a redirect to an
// allowed path of the other host is (after reading that host's robots.txt).
func TestFaultRedirectRobots(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	hits := map[string]int{}
	page := func(w http.ResponseWriter, title string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><head><title>%s</title></head><body><p>%s</p></body></html>", title, title)
	}
	newSite := func(name string, routes map[string]string) *httptest.Server {
		return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			hits[name+r.URL.Path]++
			mu.Unlock()
			switch {
			case r.URL.Path == "/robots.txt":
				fmt.Fprint(w, "User-agent: *\nDisallow: /cam/\n")
			case routes[r.URL.Path] != "":
				http.Redirect(w, r, routes[r.URL.Path], http.StatusFound)
			default:
				page(w, "Trang "+r.URL.Path)
			}
		}))
	}
	b := newSite("b", nil)
	t.Cleanup(b.Close)
	a := newSite("a", map[string]string{
		"/chuyen":      "/cam/bai-viet-1.html",
		"/chuyen-b":    b.URL + "/cam/bai-viet-2.html",
		"/chuyen-b-ok": b.URL + "/bai-viet-3.html",
	})
	t.Cleanup(a.Close)
	reg := prometheus.NewRegistry()
	cfg := config.Crawler{UserAgent: testUA, Parallelism: 2, Timeout: config.Duration(5 * time.Second),
		MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second)}
	c := New(cfg, newCountingSink(), WithMetrics(NewMetrics(reg)), WithLogger(testLogger(t)))
	o := config.Outlet{ID: "x", Name: "x", Kind: "newspaper",
		StartURLs:    []string{a.URL + "/chuyen", a.URL + "/chuyen-b", a.URL + "/chuyen-b-ok"},
		AllowedHosts: []string{strings.TrimPrefix(a.URL, "http://"), strings.TrimPrefix(b.URL, "http://")}}
	stats, err := c.Crawl(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range []string{"a/cam/bai-viet-1.html", "b/cam/bai-viet-2.html"} {
		if hits[p] > 0 {
			t.Errorf("%s fetched through a redirect although robots.txt disallows it (hits %v)", p, hits)
		}
	}
	for _, p := range []string{"b/robots.txt", "b/bai-viet-3.html"} {
		if hits[p] != 1 {
			t.Errorf("%s fetched %d times, want once (hits %v)", p, hits[p], hits)
		}
	}
	if stats.RobotsBlocked < 2 || stats.Errors != 0 {
		t.Errorf("stats %+v: want the 2 refused redirects counted as robots-blocked, not as errors", stats)
	}
	if got := counterValue(t, reg, "genderlens_crawler_robots_blocked_total", map[string]string{"outlet": "x"}); got < 2 {
		t.Errorf("robots_blocked_total = %v, want >= 2", got)
	}
}
