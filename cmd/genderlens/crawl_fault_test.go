package main

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/config"

	"go.yaml.in/yaml/v3"
)

// TestFaultCrawlOnceUnreachableOutlet: `crawl --once` exits 1 and names the outlet when one outlet's site refuses
// connections, while the reachable outlet beside it is still crawled.
func TestFaultCrawlOnceUnreachableOutlet(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><head><title>Trang chủ</title></head><body><p>Không có bài.</p></body></html>"))
	}))
	t.Cleanup(site.Close)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()

	cfg := config.Default()
	cfg.DataDir = filepath.Join(t.TempDir(), "data")
	cfg.Crawler.Delay = config.Duration(5 * time.Millisecond)
	cfg.Crawler.Interval = 0
	cfg.Outlets = []config.Outlet{
		{ID: "reachable", Name: "Reachable", Kind: "newspaper", StartURLs: []string{site.URL + "/"}},
		{ID: "unreachable", Name: "Unreachable", Kind: "newspaper", StartURLs: []string{"http://" + closed + "/"}},
	}
	raw, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(t.TempDir(), "genderlens.yaml")
	if err := os.WriteFile(cfgPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	code := run(context.Background(), env, []string{"crawl", "--once", "--config", cfgPath, "--log-level", "warn"})
	if code != 1 {
		t.Fatalf("crawl --once with an unreachable outlet exited %d, want 1:\n%s", code, errOut.String())
	}
	for _, want := range []string{"genderlens crawl: outlet unreachable:", "kind=connect"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
		}
	}
	if strings.Contains(errOut.String(), "outlet reachable:") {
		t.Errorf("the reachable outlet is reported as failed:\n%s", errOut.String())
	}
}
