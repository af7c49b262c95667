package main

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"genderlens/config"

	"go.yaml.in/yaml/v3"
)

// Environment of the subprocess side of TestFaultCrawlOnceFullDisk: the configuration to crawl with, and whether
// space returns once the crawler says it paused.
const (
	fullDiskConfigEnv = "GENDERLENS_CRAWL_FULL_DISK_CONFIG"
	fullDiskLiftEnv   = "GENDERLENS_CRAWL_FULL_DISK_LIFT"
)

// fullDiskFileLimit is the file size limit of the subprocess: the index opens under it, and the first article's
// segment (about 80 KB) does not fit.
const fullDiskFileLimit = 64 << 10

// liftOnPause passes the log through and lifts the file size limit once the crawler logs that it paused: space
// returns while the crawl waits.
type liftOnPause struct {
	w      *os.File
	limit  syscall.Rlimit
	once   sync.Once
	lifted chan struct{}
}

func (l *liftOnPause) Write(p []byte) (int, error) {
	if strings.Contains(string(p), "crawler paused") {
		l.once.Do(func() {
			go func() {
				// A little later, so that the crawl is seen to wait.
				time.Sleep(300 * time.Millisecond)
				if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &l.limit); err != nil {
					fmt.Fprintln(l.w, "lift the file size limit:", err)
				}
				close(l.lifted)
			}()
		})
	}
	return l.w.Write(p)
}

// TestFaultCrawlOnceFullDiskProcess is the subprocess side of TestFaultCrawlOnceFullDisk: `crawl --once` under a file
// size limit (RLIMIT_FSIZE fails writes with EFBIG as a full disk fails them with ENOSPC; a test cannot mount a small
// file system without root). It exits with the command's status.
func TestFaultCrawlOnceFullDiskProcess(t *testing.T) {
	cfgPath := os.Getenv(fullDiskConfigEnv)
	if cfgPath == "" {
		t.Skip("subprocess of TestFaultCrawlOnceFullDisk only")
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	full := lim
	full.Cur = fullDiskFileLimit
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		t.Fatal(err)
	}
	var stderr = &liftOnPause{w: os.Stderr, lifted: make(chan struct{})}
	if os.Getenv(fullDiskLiftEnv) == "" {
		stderr.once.Do(func() {}) // the disk stays full
	} else {
		stderr.limit = lim
	}
	env := &environment{stdin: strings.NewReader(""), stdout: os.Stdout, stderr: stderr}
	os.Exit(run(context.Background(), env, []string{"crawl", "--once", "--config", cfgPath, "--log-level", "info"}))
}

// bigArticlePage is a news article of about 80 KB of text: one article's segment is larger than the file size limit.
func bigArticlePage(i int) string {
	var body strings.Builder
	for p := range 300 {
		fmt.Fprintf(&body, "<p>Bài %d, đoạn %d: Hội Liên hiệp Phụ nữ phường Hoa Mai hỗ trợ %d hội viên khởi nghiệp với nghề may và cửa hàng thực phẩm sạch.</p>\n",
			i, p, i*1000+p)
	}
	title := fmt.Sprintf("Phụ nữ phường Hoa Mai khởi nghiệp, bài %d", i)
	return fmt.Sprintf(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>%s</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":"2026-03-0%dT08:15:00+07:00","author":{"@type":"Person","name":"Minh Châu"}}</script>
</head><body><article><h1>%s</h1><div class="article-body">%s</div></article></body></html>`,
		html.EscapeString(title), title, i, html.EscapeString(title), body.String())
}

// TestFaultCrawlOnceFullDisk: `crawl --once` on a disk that stays full pauses, gives up after
// crawler.max_disk_pause and exits 1 with a message naming the setting and the fix; on a disk that frees space while
// it is paused, the same command resumes and stores every article (the ones the first run could not store too).
func TestFaultCrawlOnceFullDisk(t *testing.T) {
	if os.Getenv(fullDiskConfigEnv) != "" {
		t.Skip("already the subprocess")
	}
	const articles = 4
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var i int
		switch _, err := fmt.Sscanf(r.URL.Path, "/xa-hoi/phu-nu-khoi-nghiep-%d.html", &i); {
		case r.URL.Path == "/":
			fmt.Fprint(w, "<html><head><title>Trang chủ</title></head><body>")
			for i := 1; i <= articles; i++ {
				fmt.Fprintf(w, `<a href="/xa-hoi/phu-nu-khoi-nghiep-%d.html">Bài %d</a> `, i, i)
			}
			fmt.Fprint(w, "</body></html>")
		case err == nil && i >= 1 && i <= articles:
			fmt.Fprint(w, bigArticlePage(i))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(site.Close)

	cfg := config.Default()
	cfg.DataDir = filepath.Join(t.TempDir(), "data")
	cfg.Crawler.Delay = config.Duration(5 * time.Millisecond)
	cfg.Crawler.Interval = 0
	cfg.Crawler.DiskRetry = config.Duration(50 * time.Millisecond)
	cfg.Crawler.MaxDiskPause = config.Duration(time.Second)
	cfg.Outlets = []config.Outlet{{ID: "bao-thu", Name: "Báo Thử", Kind: "newspaper", StartURLs: []string{site.URL + "/"}}}
	raw, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(t.TempDir(), "genderlens.yaml")
	if err := os.WriteFile(cfgPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	crawl := func(lift bool) (code int, out string, took time.Duration) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestFaultCrawlOnceFullDiskProcess$")
		cmd.Env = append(os.Environ(), fullDiskConfigEnv+"="+cfgPath)
		if lift {
			cmd.Env = append(cmd.Env, fullDiskLiftEnv+"=1")
		}
		start := time.Now()
		b, err := cmd.CombinedOutput()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatalf("crawl process: %v\n%s", err, b)
		}
		return cmd.ProcessState.ExitCode(), string(b), time.Since(start)
	}

	code, out, took := crawl(false)
	if code != 1 {
		t.Fatalf("crawl --once on a full disk exited %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{
		"crawler paused: the store has no space", "file too large", "crawler gave up waiting for space",
		"genderlens crawl: outlet bao-thu: crawl stopped: no space to store articles: the store had no space for 1s (crawler.max_disk_pause)",
		"the disk of " + cfg.DataDir + " is full: free space, then crawl again",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output of the crawl that gave up lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "panic") {
		t.Errorf("the crawl panicked:\n%s", out)
	}
	t.Logf("gave up after %v", took.Round(time.Millisecond))
	code, out, took = crawl(true)
	if code != 0 {
		t.Fatalf("crawl --once on a disk that frees space while paused exited %d, want 0:\n%s", code, out)
	}
	for _, want := range []string{"crawler paused: the store has no space", "crawler resumed: the store has space again",
		fmt.Sprintf("%d articles stored in %s", articles, cfg.DataDir)} {
		if !strings.Contains(out, want) {
			t.Errorf("output of the crawl that resumed lacks %q:\n%s", want, out)
		}
	}
	t.Logf("resumed and finished in %v", took.Round(time.Millisecond))
}
