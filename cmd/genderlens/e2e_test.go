package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/internal/demo"
	"genderlens/internal/wait"

	"go.yaml.in/yaml/v3"
)

// syncBuffer is an io.Writer safe for the concurrent logging of a running command.
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

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// demoConfig starts the demo sites and writes a config file that crawls them into a temp data dir.
func demoConfig(t *testing.T, ctx context.Context) (path string, site *demo.Site, want map[string]int) {
	t.Helper()
	site, err := demo.Start(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { site.Close() })
	content, err := demo.Content()
	if err != nil {
		t.Fatal(err)
	}
	want = map[string]int{}
	for id, arts := range content {
		want[id] = len(arts)
	}
	cfg := config.Default()
	cfg.DataDir = filepath.Join(t.TempDir(), "data")
	cfg.Listen = freeAddr(t)
	cfg.Crawler.Delay = config.Duration(5 * time.Millisecond)
	cfg.Crawler.Parallelism = 4
	cfg.Crawler.Interval = 0
	cfg.Outlets = site.Config()
	raw, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "genderlens.yaml")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, site, want
}

type runningCommand struct {
	cancel context.CancelFunc
	done   chan int
	stderr *syncBuffer
}

func start(t *testing.T, args ...string) *runningCommand {
	t.Helper()
	return startAt(t, nil, args...)
}

// startAt starts a command whose clock is now (nil: the real one).
func startAt(t *testing.T, now func() time.Time, args ...string) *runningCommand {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	rc := &runningCommand{cancel: cancel, done: make(chan int, 1), stderr: &syncBuffer{}}
	env := &environment{stdin: strings.NewReader(""), stdout: io.Discard, stderr: rc.stderr, now: now}
	go func() { rc.done <- run(ctx, env, args) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-rc.done:
		case <-time.After(30 * time.Second):
			t.Error("command did not stop within 30s of cancellation")
		}
	})
	return rc
}

// stop cancels the command as SIGINT would and returns its exit status.
func (rc *runningCommand) stop(t *testing.T) int {
	t.Helper()
	rc.cancel()
	select {
	case code := <-rc.done:
		rc.done <- code
		return code
	case <-time.After(30 * time.Second):
		t.Fatal("command did not stop within 30s")
		return -1
	}
}

type outletsResponse struct {
	Outlets []struct {
		ID               string   `json:"id"`
		Name             string   `json:"name"`
		Kind             string   `json:"kind"`
		Articles         int      `json:"articles"`
		Score            *float64 `json:"score"`
		QuotedWomenShare *float64 `json:"quoted_women_share"`
	} `json:"outlets"`
}

func getJSON(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func TestServeEndToEnd(t *testing.T) {
	cfgPath, _, want := demoConfig(t, context.Background())
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + cfg.Listen
	total := 0
	for _, n := range want {
		total += n
	}

	rc := start(t, "serve", "--config", cfgPath)
	waitCrawled(t, base, want, rc)
	var got outletsResponse
	if err := getJSON(base+"/api/outlets?period=all", &got); err != nil {
		t.Fatal(err)
	}
	for _, o := range got.Outlets {
		if o.Name == "" || o.Kind == "" {
			t.Errorf("outlet %s has no name or kind: %+v", o.ID, o)
		}
		if o.Score == nil || *o.Score < 0 || *o.Score > 100 {
			t.Errorf("outlet %s score = %v, want 0-100", o.ID, o.Score)
		}
		if o.QuotedWomenShare == nil {
			t.Errorf("outlet %s has no women's share of quoted sources", o.ID)
		}
	}

	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, o := range got.Outlets {
		for _, series := range []string{
			fmt.Sprintf(`genderlens_outlet_articles{kind=%q,outlet=%q,period="all"} %d`, o.Kind, o.ID, want[o.ID]),
			fmt.Sprintf(`genderlens_outlet_content_score{kind=%q,outlet=%q,period="all"}`, o.Kind, o.ID),
			fmt.Sprintf(`genderlens_outlet_articles{kind=%q,outlet=%q,period="year"}`, o.Kind, o.ID),
			fmt.Sprintf(`genderlens_outlet_quoted_unknown_ratio{kind=%q,outlet=%q,period="all"}`, o.Kind, o.ID),
			fmt.Sprintf(`genderlens_crawler_last_success_timestamp_seconds{outlet=%q}`, o.ID),
		} {
			if !strings.Contains(string(metrics), series) {
				t.Errorf("/metrics lacks %s", series)
			}
		}
	}
	// The crawler's health reaches the outlet's API through serve's wiring; the demo sites are healthy: no warning.
	for _, o := range got.Outlets {
		wait.For(t, 30*time.Second, func() error {
			var detail struct {
				CrawlHealth *struct {
					Pages, Articles int
					Warnings        []string
				} `json:"crawl_health"`
			}
			if err := getJSON(base+"/api/outlets/"+o.ID, &detail); err != nil {
				return err
			}
			h := detail.CrawlHealth
			if h == nil || h.Pages == 0 || h.Articles < want[o.ID] {
				return fmt.Errorf("outlet %s: crawl_health %+v, want pages and %d articles", o.ID, h, want[o.ID])
			}
			if len(h.Warnings) != 0 {
				t.Errorf("outlet %s: crawl warnings on a healthy site: %q", o.ID, h.Warnings)
			}
			return nil
		})
	}
	if code := rc.stop(t); code != 0 {
		t.Fatalf("serve exited %d after SIGINT-like cancel; log:\n%s", code, rc.stderr.String())
	}
	if !strings.Contains(rc.stderr.String(), "index closed") {
		t.Errorf("no clean index close logged:\n%s", rc.stderr.String())
	}

	// A second start reopens the same index and serves the same articles without crawling.
	rc2 := start(t, "serve", "--config", cfgPath, "--no-crawl")
	wait.For(t, 30*time.Second, func() error {
		var health struct {
			Articles int `json:"articles"`
		}
		err := getJSON(base+"/healthz", &health)
		if err == nil && health.Articles == total {
			return nil
		}
		return fmt.Errorf("after restart /healthz articles = %d (err %v), want %d\nlog:\n%s", health.Articles, err, total, rc2.stderr.String())
	})
	if code := rc2.stop(t); code != 0 {
		t.Fatalf("second serve exited %d", code)
	}
}

func TestCrawlOnceThenExport(t *testing.T) {
	cfgPath, _, want := demoConfig(t, context.Background())
	var out, errOut syncBuffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	if code := run(context.Background(), env, []string{"crawl", "--once", "--config", cfgPath, "--log-level", "warn"}); code != 0 {
		t.Fatalf("crawl --once exited %d:\n%s", code, errOut.String())
	}
	out = syncBuffer{}
	if code := run(context.Background(), env, []string{"export", "--config", cfgPath}); code != 0 {
		t.Fatalf("export exited %d:\n%s", code, errOut.String())
	}
	got := map[string]int{}
	urls := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var rec exportRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("export line is not JSON: %v: %s", err, sc.Text())
		}
		if rec.Title == "" || rec.Body == "" || rec.Published == nil || rec.Author == "" || rec.RulesVersion == "" {
			t.Errorf("incomplete export record: %+v", rec)
		}
		if urls[rec.URL] {
			t.Errorf("article %s exported twice", rec.URL)
		}
		urls[rec.URL] = true
		got[rec.Outlet]++
	}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("outlet %s: exported %d articles, the site has %d", id, got[id], n)
		}
	}
}

func TestHelpAndUsage(t *testing.T) {
	for _, c := range commands() {
		var out, errOut syncBuffer
		env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
		if code := run(context.Background(), env, []string{c.name, "--help"}); code != 0 {
			t.Errorf("%s --help exited %d", c.name, code)
		}
		if !strings.Contains(errOut.String(), "Examples:") {
			t.Errorf("%s --help shows no examples:\n%s", c.name, errOut.String())
		}
	}
	tests := []struct {
		args []string
		code int
	}{
		{[]string{}, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"serve", "--no-such-flag"}, 2},
		{[]string{"serve", "--config", "/nonexistent/genderlens.yaml"}, 2},
		{[]string{"export", "--from", "27/11/2026"}, 2},
		{[]string{"check"}, 2},
		{[]string{"check", "--format", "xml", "-"}, 2},
		{[]string{"rules", "frob"}, 2},
		{[]string{"version"}, 0},
	}
	for _, tt := range tests {
		var out, errOut syncBuffer
		env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
		if code := run(context.Background(), env, tt.args); code != tt.code {
			t.Errorf("genderlens %v exited %d, want %d\n%s", tt.args, code, tt.code, errOut.String())
		}
	}
}

func TestBrokenConfigNamesLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(path, []byte("listen: 127.0.0.1:8080\ncrawler:\n  parallelism: 0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	if code := run(context.Background(), env, []string{"serve", "--config", path}); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if msg := errOut.String(); !strings.Contains(msg, "bad.yaml:3") || !strings.Contains(msg, "crawler.parallelism") {
		t.Errorf("error does not name file, line and field: %s", msg)
	}
}

// TestDemoReportAndRestart checks the demo's data directory end to end: `report --data DIR/demo` lists the three demo
// outlets by name, as /report of `serve --demo` does, byte for byte; and a restart serves the demo outlets at the same
// addresses, so that the stored article URLs still open.
func TestDemoReportAndRestart(t *testing.T) {
	content, err := demo.Content()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for id, arts := range content {
		want[id] = len(arts)
	}
	now := func() time.Time { return time.Date(2026, 1, 5, 9, 30, 0, 0, time.UTC) }
	data := filepath.Join(t.TempDir(), "data")
	addr := freeAddr(t)
	base := "http://" + addr
	startURLs := func() map[string]string {
		urls := map[string]string{}
		for id := range want {
			var o struct {
				StartURLs []string `json:"start_urls"`
			}
			if err := getJSON(base+"/api/outlets/"+id, &o); err != nil || len(o.StartURLs) != 1 {
				t.Fatalf("outlet %s: %v %v", id, o.StartURLs, err)
			}
			urls[id] = o.StartURLs[0]
		}
		return urls
	}

	rc := startAt(t, now, "serve", "--demo", "--listen", addr, "--data", data)
	waitCrawled(t, base, want, rc)
	resp, err := http.Get(base + "/report?year=2025&format=csv")
	if err != nil {
		t.Fatal(err)
	}
	web, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	first := startURLs()
	var article struct {
		Articles []struct {
			URL string `json:"url"`
		} `json:"articles"`
	}
	if err := getJSON(base+"/api/articles?size=1", &article); err != nil || len(article.Articles) != 1 {
		t.Fatalf("no stored demo article: %v", err)
	}
	if code := rc.stop(t); code != 0 {
		t.Fatalf("serve --demo exited %d:\n%s", code, rc.stderr.String())
	}

	var out, errOut syncBuffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: now}
	if code := run(context.Background(), env, []string{"report", "--data", filepath.Join(data, "demo"), "--year", "2025", "--format", "csv"}); code != 0 {
		t.Fatalf("report exited %d: %s", code, errOut.String())
	}
	if out.String() != string(web) {
		t.Errorf("report --data %s/demo differs from /report of serve --demo:\nCLI:\n%s\nweb:\n%s", data, out.String(), web)
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")[1:]
	if len(rows) != len(demo.Outlets()) {
		t.Errorf("%d report rows, want the %d demo outlets:\n%s", len(rows), len(demo.Outlets()), out.String())
	}
	for i, o := range demo.Outlets() {
		if i < len(rows) && !strings.HasPrefix(rows[i], o.ID+","+o.Name+",") {
			t.Errorf("row %d %.60q, want %s named %s", i, rows[i], o.ID, o.Name)
		}
	}

	rc2 := startAt(t, now, "serve", "--demo", "--listen", addr, "--data", data)
	waitCrawled(t, base, want, rc2)
	if again := startURLs(); fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("after a restart the demo outlets moved from %v to %v", first, again)
	}
	resp, err = http.Get(article.Articles[0].URL)
	if err != nil {
		t.Fatalf("stored article URL %s does not open after a restart: %v", article.Articles[0].URL, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("stored article URL %s: %s after a restart", article.Articles[0].URL, resp.Status)
	}
	if strings.Contains(rc2.stderr.String(), "address taken") {
		t.Errorf("a free address was reported taken:\n%s", rc2.stderr.String())
	}
	if code := rc2.stop(t); code != 0 {
		t.Fatalf("second serve --demo exited %d", code)
	}
}
