package crawler

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/config"

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
