package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/config"

	"github.com/prometheus/client_golang/prometheus"
	"golang.org/x/text/unicode/norm"
)

const testUA = "genderlens-test/1.0 (+https://example.org/genderlens)"

// counterValue sums the samples of a metric family whose labels include every label in want.
func counterValue(t *testing.T, reg *prometheus.Registry, name string, want map[string]string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metric:
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			for k, v := range want {
				if labels[k] != v {
					continue metric
				}
			}
			sum += m.GetCounter().GetValue() + m.GetGauge().GetValue()
		}
	}
	return sum
}

// trapSite adds to a JSON-LD site the pages that test politeness and robustness, linked from every listing page:
// an article answering 429 once, a redirect loop, a redirect off the outlet, a 20 MB page and a page slower than
// the timeout.
type traps struct {
	retryPath    string
	retryStarts  []time.Time
	offsite      *fakeSite
	slowReleased chan struct{}
}

func addTraps(t *testing.T, s *fakeSite) *traps {
	tr := &traps{retryPath: s.articles[1].Path, slowReleased: make(chan struct{})}
	tr.offsite = newFakeSite(t, siteOptions{style: styleJSONLD}, makeArticles(styleJSONLD, 1, 99))
	var mu sync.Mutex
	s.extra[tr.retryPath] = func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tr.retryStarts = append(tr.retryStarts, time.Now())
		first := len(tr.retryStarts) == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "chậm lại", http.StatusTooManyRequests)
			return
		}
		s.article(w, r, s.byPath[tr.retryPath])
	}
	s.extra["/vong-lap/a"] = func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/vong-lap/b", http.StatusFound) }
	s.extra["/vong-lap/b"] = func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/vong-lap/a", http.StatusFound) }
	s.extra["/chuyen-huong/bai-viet-tren-trang-khac-1234.html"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, tr.offsite.srv.URL+tr.offsite.articles[0].Path, http.StatusMovedPermanently)
	}
	s.extra["/trang-lon/tai-lieu-hai-muoi-megabyte-5555.html"] = func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		chunk := []byte(strings.Repeat("<p>Nội dung rất dài lặp lại nhiều lần để thử giới hạn kích thước.</p>\n", 200))
		for written := 0; written < 20<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return // the crawler hung up, as it should
			}
		}
	}
	s.extra["/trang-cham/bai-viet-tai-rat-cham-7777.html"] = func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(20 * time.Second):
		case <-r.Context().Done():
		}
		fmt.Fprint(w, renderArticle(styleJSONLD, tr.offsite.articles[0], s.srv.URL))
	}
	s.opt.extraLinks = []string{"/vong-lap/a", "/chuyen-huong/bai-viet-tren-trang-khac-1234.html",
		"/trang-lon/tai-lieu-hai-muoi-megabyte-5555.html", "/trang-cham/bai-viet-tai-rat-cham-7777.html"}
	return tr
}

func outletFor(id, kind string, s *fakeSite) config.Outlet {
	return config.Outlet{
		ID: id, Name: id, Kind: kind,
		StartURLs:    []string{s.srv.URL + "/"},
		Feeds:        []string{s.srv.URL + "/rss.xml"},
		AllowedHosts: []string{strings.TrimPrefix(s.srv.URL, "http://")},
	}
}

// TestCrawlSiteStyles is the issue's acceptance test: three site styles with sitemaps, RSS, pagination, robots.txt,
// 429, a redirect loop, an off-site redirect, a 20 MB page, a slow page and tracking-parameter duplicates; then a
// second crawl from the persisted state that fetches only what changed.
func TestCrawlSiteStyles(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: skipping the three polite crawls of three sites (about 15 s of crawl delays)")
	}
	const delay = 120 * time.Millisecond
	sites := map[string]*fakeSite{
		"bao-thu":    newFakeSite(t, siteOptions{style: styleJSONLD, etag: true}, makeArticles(styleJSONLD, 8, 1)),
		"tin-phuong": newFakeSite(t, siteOptions{style: styleOG, lastModified: true}, makeArticles(styleOG, 6, 2)),
		"cong-cu":    newFakeSite(t, siteOptions{style: styleLegacy, headerCharset: true, crawlDelay: 200 * time.Millisecond}, makeArticles(styleLegacy, 6, 3)),
	}
	tr := addTraps(t, sites["bao-thu"])
	outlets := []config.Outlet{
		outletFor("bao-thu", "newspaper", sites["bao-thu"]),
		outletFor("tin-phuong", "ward_portal", sites["tin-phuong"]),
		outletFor("cong-cu", "district_portal", sites["cong-cu"]),
	}
	cfg := config.Crawler{
		UserAgent: testUA, Delay: config.Duration(delay), Parallelism: 2, Timeout: config.Duration(3 * time.Second),
		MaxPages: 200, MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(10 * time.Second),
	}
	stateDir := t.TempDir()
	// The first two crawls run two days after the articles appeared, while they are still re-checked; the third at
	// the real time, when they are settled.
	early := WithClock(func() time.Time { return time.Date(2026, 3, 3, 12, 0, 0, 0, newsZone) })
	reg := prometheus.NewRegistry()
	sink := newCountingSink()
	rec := &startRecorder{starts: map[string][]time.Time{}}
	c := New(cfg, sink, WithStateDir(stateDir), WithMetrics(NewMetrics(reg)), WithLogger(testLogger(t)), early)
	c.transport.onStart = rec.record
	stats, err := c.CrawlAll(context.Background(), outlets)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	total := 0
	for id, s := range sites {
		total += len(s.articles)
		for _, want := range s.articles {
			canon, _ := CanonicalURL(s.srv.URL + want.Path)
			if n := sink.stores[canon]; n != 1 {
				t.Errorf("%s: %s stored %d times, want 1", id, want.Path, n)
			}
			wantHits := 1
			if want.Path == tr.retryPath {
				wantHits = 2
			}
			if n := s.hitCount(want.Path); n != wantHits {
				t.Errorf("%s: %s fetched %d times, want %d", id, want.Path, n, wantHits)
			}
			got, err := sink.get(canon)
			if err != nil {
				t.Error(err)
				continue
			}
			checkArticle(t, id, want, got)
		}
		if n := s.hitCount("/noi-bo/bao-cao-tai-chinh-quy-mot-2026.html"); n != 0 {
			t.Errorf("%s: the robots-disallowed page was fetched %d times", id, n)
		}
		for ua := range s.userAgents {
			if ua != testUA {
				t.Errorf("%s: User-Agent %q, want %q", id, ua, testUA)
			}
		}
	}
	if len(sink.stores) != total {
		t.Errorf("stored %d distinct URLs, want %d: %v", len(sink.stores), total, keysOf(sink.stores))
	}
	for id, s := range sites {
		minGap := delay
		if s.opt.crawlDelay > minGap {
			minGap = s.opt.crawlDelay
		}
		rec.check(t, id, strings.TrimPrefix(s.srv.URL, "http://"), minGap)
	}
	sites["bao-thu"].checkPoliteness(t, "bao-thu", delay, 2)
	sites["tin-phuong"].checkPoliteness(t, "tin-phuong", delay, 2)
	sites["cong-cu"].checkPoliteness(t, "cong-cu (Crawl-delay 0.2)", 200*time.Millisecond, 2)

	if len(tr.retryStarts) != 2 || tr.retryStarts[1].Sub(tr.retryStarts[0]) < 950*time.Millisecond {
		t.Errorf("429 page: starts %v, want two, at least Retry-After (1s) apart", tr.retryStarts)
	}
	a := sites["bao-thu"]
	if n := a.hitCount("/vong-lap/a") + a.hitCount("/vong-lap/b"); n > cfg.MaxRedirects+1 {
		t.Errorf("redirect loop: %d requests, want <= %d", n, cfg.MaxRedirects+1)
	}
	if n := tr.offsite.hitCount(tr.offsite.articles[0].Path); n != 0 {
		t.Errorf("a redirect off the outlet was followed (%d requests to the other host)", n)
	}
	for kind, min := range map[string]float64{"too_large": 1, "timeout": 1, "redirect": 2} {
		if got := counterValue(t, reg, "genderlens_crawler_errors_total", map[string]string{"outlet": "bao-thu", "kind": kind}); got < min {
			t.Errorf("errors{kind=%s} = %v, want >= %v", kind, got, min)
		}
	}
	if got := counterValue(t, reg, "genderlens_crawler_robots_blocked_total", nil); got < 3 {
		t.Errorf("robots_blocked = %v, want >= 3 (one per site)", got)
	}
	if got := counterValue(t, reg, "genderlens_crawler_articles_total", map[string]string{"result": "new"}); got != float64(total) {
		t.Errorf("articles{result=new} = %v, want %d", got, total)
	}
	for _, st := range stats {
		if st.New != len(sites[st.Outlet].articles) || st.Updated != 0 {
			t.Errorf("%s: stats %+v", st.Outlet, st)
		}
	}

	// Second crawl, as after a restart: a new Crawler on the same state directory. One article changed.
	changed := &sites["tin-phuong"].articles[2]
	sites["tin-phuong"].mu.Lock()
	changed.Paras = append([]string{"Cập nhật: phường bổ sung thêm hai buổi sinh hoạt vào tối thứ Tư và thứ Sáu."}, changed.Paras...)
	changed.Published = changed.Published.Add(time.Hour)
	sites["tin-phuong"].mu.Unlock()
	before := map[string]map[string]int{}
	for id, s := range sites {
		s.mu.Lock()
		before[id] = map[string]int{}
		for p, n := range s.hits {
			before[id][p] = n
		}
		s.mu.Unlock()
	}
	c2 := New(cfg, sink, WithStateDir(stateDir), WithLogger(testLogger(t)), early)
	stats2, err := c2.CrawlAll(context.Background(), outlets)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	for _, st := range stats2 {
		wantUpdated := 0
		if st.Outlet == "tin-phuong" {
			wantUpdated = 1
		}
		if st.New != 0 || st.Updated != wantUpdated || st.Unchanged != len(sites[st.Outlet].articles)-wantUpdated {
			t.Errorf("second crawl %s: new %d updated %d unchanged %d; want 0, %d, %d",
				st.Outlet, st.New, st.Updated, st.Unchanged, wantUpdated, len(sites[st.Outlet].articles)-wantUpdated)
		}
	}
	canonChanged, _ := CanonicalURL(sites["tin-phuong"].srv.URL + changed.Path)
	if sink.stores[canonChanged] != 2 {
		t.Errorf("the changed article was stored %d times in all, want 2", sink.stores[canonChanged])
	}
	for id, s := range sites {
		for i, a := range s.articles {
			again := s.hitCount(a.Path) - before[id][a.Path]
			switch {
			case id == "bao-thu" && i%3 == 0 && again != 0:
				// bao-thu's first crawl had errors (the traps), so its sitemaps are read again, and articles they list
				// as unchanged since they were stored need no request at all. The other sites' first crawls were
				// complete, so their unchanged sitemaps are skipped and the articles are reached through listings.
				t.Errorf("%s: %s in the sitemap, unchanged, requested again %d times", id, a.Path, again)
			case again > 1:
				t.Errorf("%s: %s requested %d times in the second crawl", id, a.Path, again)
			}
			// Sites with validators answer 304: nothing unchanged is downloaded twice.
			if (s.opt.etag || s.opt.lastModified) && a.Path != changed.Path && s.fullCount(a.Path) != 1 {
				t.Errorf("%s: %s downloaded %d times in all, want 1", id, a.Path, s.fullCount(a.Path))
			}
		}
		if n := s.hitCount("/sitemap-news.xml"); id != "bao-thu" && n != 1 {
			t.Errorf("%s: unchanged child sitemap read %d times in all, want 1", id, n)
		}
	}
	if n := sites["bao-thu"].notModified + sites["tin-phuong"].notModified; n == 0 {
		t.Error("no conditional GET answered 304 in the second crawl")
	}

	// Third crawl, months later: every article is settled and no sitemap says otherwise, so none is requested.
	for id, s := range sites {
		for _, a := range s.articles {
			before[id][a.Path] = s.hitCount(a.Path)
		}
	}
	c3 := New(cfg, sink, WithStateDir(stateDir), WithLogger(testLogger(t)))
	defer c3.Close()
	stats3, err := c3.CrawlAll(context.Background(), outlets)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stats3 {
		if st.New+st.Updated != 0 || st.Unchanged != len(sites[st.Outlet].articles) {
			t.Errorf("third crawl %s: %+v, want all %d unchanged", st.Outlet, st, len(sites[st.Outlet].articles))
		}
	}
	for id, s := range sites {
		for _, a := range s.articles {
			if n := s.hitCount(a.Path) - before[id][a.Path]; n != 0 {
				t.Errorf("third crawl: settled article %s%s requested %d times", id, a.Path, n)
			}
		}
	}
}

// startRecorder records, per host, the start time every attempt claimed from the host gate: the client's side of
// the politeness check, exact (the server's view has scheduling jitter).
type startRecorder struct {
	mu     sync.Mutex
	starts map[string][]time.Time
}

func (r *startRecorder) record(req *http.Request, at time.Time) {
	r.mu.Lock()
	r.starts[req.URL.Host] = append(r.starts[req.URL.Host], at)
	r.mu.Unlock()
}

func (r *startRecorder) check(t *testing.T, name, host string, minGap time.Duration) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	starts := slices.Clone(r.starts[host])
	slices.SortFunc(starts, time.Time.Compare)
	if len(starts) < 5 {
		t.Errorf("%s: only %d requests recorded", name, len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < minGap {
			t.Errorf("%s (client side): requests %d and %d started %v apart, want >= %v", name, i-1, i, gap, minGap)
		}
	}
}

func checkArticle(t *testing.T, site string, want fakeArticle, got Article) {
	t.Helper()
	if got.Title != want.Title {
		t.Errorf("%s %s: title %q, want %q", site, want.Path, got.Title, want.Title)
	}
	if got.Author != want.Author {
		t.Errorf("%s %s: author %q, want %q", site, want.Path, got.Author, want.Author)
	}
	if !got.Published.Equal(want.Published) || got.Published.Location().String() != newsZone.String() {
		t.Errorf("%s %s: published %v, want %v in %v", site, want.Path, got.Published, want.Published, newsZone)
	}
	text := strings.TrimSpace(got.Lead + "\n\n" + got.Body)
	if f1 := tokenF1(text, want.wantBody()); f1 < 0.95 {
		t.Errorf("%s %s: body token F1 %.3f < 0.95\ngot:  %q\nwant: %q", site, want.Path, f1, text, want.wantBody())
	}
	if !norm.NFC.IsNormalString(got.Body) || !norm.NFC.IsNormalString(got.Title) {
		t.Errorf("%s %s: text is not NFC", site, want.Path)
	}
	var alt bool
	for _, img := range got.Images {
		if img.Alt == want.Image.Alt && strings.HasSuffix(img.URL, want.Image.URL) {
			alt = true
			if img.Caption == "" && want.Lead != "" {
				t.Errorf("%s %s: image caption missing: %+v", site, want.Path, img)
			}
		}
	}
	if !alt {
		t.Errorf("%s %s: image %+v not found in %+v", site, want.Path, want.Image, got.Images)
	}
}

func keysOf[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCrawlRestart cancels a crawl midway and starts a new Crawler on the same state: every article ends up stored
// exactly once, and the second run does not download again what the first stored.
func TestCrawlRestart(t *testing.T) {
	t.Parallel()
	site := newFakeSite(t, siteOptions{style: styleJSONLD, perPage: 10, etag: true}, makeArticles(styleJSONLD, 60, 4))
	o := outletFor("bao-thu", "newspaper", site)
	cfg := config.Crawler{UserAgent: testUA, Parallelism: 4, Timeout: config.Duration(5 * time.Second),
		MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second)}
	dir := t.TempDir()
	sink := newCountingSink()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sink.cancelAfter, sink.cancel = 20, cancel
	c1 := New(cfg, sink, WithStateDir(dir), WithLogger(testLogger(t)))
	if _, err := c1.Crawl(ctx, o); err == nil {
		t.Fatal("the cancelled crawl reported success")
	}
	// Measured from the cancellation, not the start: how long the first 20 articles take depends on the machine's load.
	if d := sink.sinceCancel(); d > 5*time.Second {
		t.Errorf("cancelled crawl returned %v after the cancellation", d)
	}
	c1.Close()
	first := sink.count()
	if first < 20 || first >= len(site.articles) {
		t.Fatalf("first run stored %d articles, want a part of %d", first, len(site.articles))
	}
	storedFirst := map[string]bool{}
	for u := range sink.stores {
		storedFirst[u] = true
	}

	c2 := New(cfg, sink, WithStateDir(dir), WithLogger(testLogger(t)))
	st, err := c2.Crawl(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	c2.Close()
	for _, a := range site.articles {
		canon, _ := CanonicalURL(site.srv.URL + a.Path)
		if n := sink.stores[canon]; n != 1 {
			t.Errorf("%s stored %d times over both runs, want 1", a.Path, n)
		}
		// An article stored in the first run is not downloaded again (304 or sitemap lastmod); one that was in flight
		// at the cancellation may be.
		full := site.fullCount(a.Path)
		if storedFirst[canon] && full != 1 || full > 2 {
			t.Errorf("%s downloaded %d times (stored in the first run: %v)", a.Path, full, storedFirst[canon])
		}
	}
	if st.New != len(site.articles)-first {
		t.Errorf("second run: %d new, want %d", st.New, len(site.articles)-first)
	}
}

// TestCrawlCancelPrompt cancels a crawl that waits on a slow, polite host: it must return at once.
func TestCrawlCancelPrompt(t *testing.T) {
	t.Parallel()
	site := newFakeSite(t, siteOptions{style: styleOG}, makeArticles(styleOG, 30, 5))
	cfg := config.Crawler{UserAgent: testUA, Delay: config.Duration(time.Second), Parallelism: 1,
		Timeout: config.Duration(5 * time.Second), MaxBodyBytes: 1 << 20}
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := New(cfg, newCountingSink(), WithLogger(testLogger(t))).Crawl(ctx, outletFor("tin-phuong", "ward_portal", site))
	if err == nil {
		t.Error("a cancelled crawl reported success")
	}
	if d := time.Since(start); d > 4*time.Second { // 30 pages at 1 s each would take 30 s
		t.Errorf("crawl returned %v after start, %v after cancellation", d, d-1500*time.Millisecond)
	}
}

func ExampleWithStateDir() {
	// The lead wires persisted state with one option; the data directory comes from config.
	c := New(config.Default().Crawler, nil, WithStateDir("data/crawl"))
	fmt.Println(c != nil)
	// Output: true
}

// TestRobotsStatus follows RFC 9309: a robots.txt that is missing (4xx) allows everything, one that fails (5xx)
// disallows everything for the run.
func TestRobotsStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status    int
		wantPages bool
	}{
		{http.StatusNotFound, true},
		{http.StatusForbidden, true},
		{http.StatusInternalServerError, false},
		{http.StatusServiceUnavailable, false},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.status), func(t *testing.T) {
			site := newFakeSite(t, siteOptions{style: styleOG}, makeArticles(styleOG, 2, 6))
			site.extra["/robots.txt"] = func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tt.status) }
			cfg := config.Crawler{UserAgent: testUA, Parallelism: 2, Timeout: config.Duration(5 * time.Second),
				MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second)}
			sink := newCountingSink()
			if _, err := New(cfg, sink, WithLogger(testLogger(t))).Crawl(context.Background(), outletFor("x", "newspaper", site)); err != nil {
				t.Fatal(err)
			}
			if got := sink.count() > 0; got != tt.wantPages {
				t.Errorf("robots.txt %d: articles stored = %v, want %v (hits %v)", tt.status, got, tt.wantPages, site.hits)
			}
			if !tt.wantPages && len(site.hits) != 1 {
				t.Errorf("robots.txt %d: fetched %v, want robots.txt only", tt.status, site.hits)
			}
		})
	}
}
