package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"genderlens/config"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
)

// Crawler collects articles of outlets and hands them to a Sink. One Crawler may run several outlets at once.
type Crawler struct {
	cfg     config.Crawler
	sink    Sink
	metrics *Metrics
	log     *slog.Logger
	now     func() time.Time
	client  *http.Client
}

// Option configures a Crawler.
type Option func(*Crawler)

// WithMetrics records the crawler's series in m.
func WithMetrics(m *Metrics) Option { return func(c *Crawler) { c.metrics = m } }

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(c *Crawler) { c.log = l } }

// WithClock sets the clock used for fetch times and relative dates ("2 giờ trước").
func WithClock(now func() time.Time) Option { return func(c *Crawler) { c.now = now } }

// New returns a Crawler with the shared crawl settings.
func New(cfg config.Crawler, sink Sink, opts ...Option) *Crawler {
	c := &Crawler{cfg: cfg, sink: sink, log: slog.Default(), now: time.Now}
	for _, o := range opts {
		o(c)
	}
	if c.metrics == nil {
		c.metrics = NewMetrics(nil)
	}
	c.client = &http.Client{Timeout: cfg.Timeout.Std()}
	return c
}

// Stats summarises one crawl run of one outlet.
type Stats struct {
	Outlet        string
	Pages         int
	Articles      int
	RobotsBlocked int
	Errors        int
	Duration      time.Duration
}

// CrawlAll crawls every outlet once, each concurrently, and returns when all are done or ctx is cancelled.
func (c *Crawler) CrawlAll(ctx context.Context, outlets []config.Outlet) ([]Stats, error) {
	stats := make([]Stats, len(outlets))
	errs := make([]error, len(outlets))
	var wg sync.WaitGroup
	for i, o := range outlets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats[i], errs[i] = c.Crawl(ctx, o)
		}()
	}
	wg.Wait()
	return stats, errors.Join(errs...)
}

// requestKind tells the response handler how to read a body.
type requestKind string

const (
	kindPage    requestKind = "page"
	kindSitemap requestKind = "sitemap"
	kindFeed    requestKind = "feed"
)

// run is the state of one crawl of one outlet.
type run struct {
	c        *Crawler
	ctx      context.Context
	outlet   config.Outlet
	pattern  *regexp.Regexp
	col      *colly.Collector
	maxPages int64

	mu      sync.Mutex
	seen    map[string]bool // canonical URLs already queued in this run
	stored  map[string]bool // canonical article URLs handed to the sink in this run
	robots  map[string]*robotstxt.Group
	queued  atomic.Int64
	pages   atomic.Int64
	arts    atomic.Int64
	blocked atomic.Int64
	errs    atomic.Int64
}

// Crawl runs one crawl of one outlet: robots.txt, sitemaps, feeds, then start pages and the links they lead to.
func (c *Crawler) Crawl(ctx context.Context, o config.Outlet) (Stats, error) {
	start := c.now()
	r := &run{
		c: c, ctx: ctx, outlet: o,
		seen: map[string]bool{}, stored: map[string]bool{}, robots: map[string]*robotstxt.Group{},
		maxPages: int64(o.MaxPagesOr(c.cfg.MaxPages)),
	}
	if o.ArticlePattern != "" {
		p, err := regexp.Compile(o.ArticlePattern)
		if err != nil {
			return Stats{Outlet: o.ID}, fmt.Errorf("outlet %s: article_pattern: %w", o.ID, err)
		}
		r.pattern = p
	}
	col, err := c.newCollector(ctx, o)
	if err != nil {
		return Stats{Outlet: o.ID}, fmt.Errorf("outlet %s: %w", o.ID, err)
	}
	r.col = col
	col.OnResponse(r.handleResponse)
	col.OnError(r.handleError)

	sitemaps := append([]string(nil), o.Sitemaps...)
	for _, host := range r.hostsToProbe() {
		sitemaps = append(sitemaps, r.loadRobots(host)...)
	}
	for _, s := range sitemaps {
		r.enqueue(s, kindSitemap)
	}
	for _, f := range o.Feeds {
		r.enqueue(f, kindFeed)
	}
	for _, s := range o.StartURLs {
		r.enqueue(s, kindPage)
	}
	col.Wait()

	st := Stats{
		Outlet: o.ID, Pages: int(r.pages.Load()), Articles: int(r.arts.Load()),
		RobotsBlocked: int(r.blocked.Load()), Errors: int(r.errs.Load()), Duration: c.now().Sub(start),
	}
	c.metrics.duration.WithLabelValues(o.ID).Observe(st.Duration.Seconds())
	if ctx.Err() != nil {
		return st, fmt.Errorf("outlet %s: crawl stopped: %w", o.ID, ctx.Err())
	}
	c.metrics.lastSuccess.WithLabelValues(o.ID).Set(float64(c.now().Unix()))
	c.log.Info("crawl finished", "outlet", o.ID, "pages", st.Pages, "articles", st.Articles,
		"robots_blocked", st.RobotsBlocked, "errors", st.Errors, "duration", st.Duration.Round(time.Millisecond))
	return st, nil
}

func (c *Crawler) newCollector(ctx context.Context, o config.Outlet) (*colly.Collector, error) {
	opts := []colly.CollectorOption{
		colly.UserAgent(c.cfg.UserAgent),
		colly.Async(true),
		colly.StdlibContext(ctx),
		// robots.txt is read by the run itself, because colly ignores Crawl-delay and Sitemap lines.
		colly.IgnoreRobotsTxt(),
		// The run keeps its own visited set keyed by canonical URL; colly's would grow without bound across runs.
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
	}
	if c.cfg.MaxBodyBytes > 0 {
		opts = append(opts, colly.MaxBodySize(int(c.cfg.MaxBodyBytes)))
	}
	col := colly.NewCollector(opts...)
	col.SetRequestTimeout(c.cfg.Timeout.Std())
	col.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return fmt.Errorf("stopped after %d redirects", len(via))
		}
		if !o.AllowsHost(req.URL.Host) {
			return fmt.Errorf("redirect to %s leaves the outlet's allowed hosts", req.URL.Host)
		}
		return nil
	})
	return col, nil
}

// hostsToProbe lists the hosts whose robots.txt must be read before anything else is fetched.
func (r *run) hostsToProbe() []string {
	seen := map[string]bool{}
	var hosts []string
	for _, list := range [][]string{r.outlet.StartURLs, r.outlet.Feeds, r.outlet.Sitemaps} {
		for _, s := range list {
			u, err := url.Parse(s)
			if err != nil || seen[u.Scheme+"://"+u.Host] {
				continue
			}
			seen[u.Scheme+"://"+u.Host] = true
			hosts = append(hosts, u.Scheme+"://"+u.Host)
		}
	}
	return hosts
}

// loadRobots reads robots.txt of one host, sets the host's rate limit (the larger of the configured delay and
// Crawl-delay) and returns the Sitemap lines. A missing or broken robots.txt allows everything, as the RFC says.
func (r *run) loadRobots(origin string) []string {
	u, err := url.Parse(origin)
	if err != nil {
		return nil
	}
	var group *robotstxt.Group
	var sitemaps []string
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err == nil {
		req.Header.Set("User-Agent", r.c.cfg.UserAgent)
		resp, err := r.c.client.Do(req)
		if err != nil {
			r.c.log.Warn("robots.txt unavailable", "outlet", r.outlet.ID, "host", u.Host, "err", err)
		} else {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
			resp.Body.Close()
			if data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body); err == nil {
				group = data.FindGroup(r.c.cfg.UserAgent)
				sitemaps = data.Sitemaps
			}
		}
	}
	delay := r.c.cfg.Delay.Std()
	if group != nil && group.CrawlDelay > delay {
		delay = group.CrawlDelay
	}
	parallelism := r.c.cfg.Parallelism
	if parallelism < 1 {
		parallelism = 1
	}
	// One rule per host: colly applies a rule to every host its glob matches, and a shared rule would let one
	// slow portal throttle another or, worse, let several hosts' requests count as one host's.
	if err := r.col.Limit(&colly.LimitRule{DomainGlob: u.Host, Delay: delay, Parallelism: parallelism}); err != nil {
		r.c.log.Warn("rate limit", "host", u.Host, "err", err)
	}
	r.mu.Lock()
	r.robots[u.Host] = group
	r.mu.Unlock()
	return sitemaps
}

func (r *run) robotsAllow(u *url.URL) bool {
	r.mu.Lock()
	group, known := r.robots[u.Host]
	r.mu.Unlock()
	if !known {
		r.loadRobots(u.Scheme + "://" + u.Host)
		r.mu.Lock()
		group = r.robots[u.Host]
		r.mu.Unlock()
	}
	if group == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return group.Test(p)
}

var skipExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
	".css": true, ".js": true, ".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
	".zip": true, ".rar": true, ".mp3": true, ".mp4": true, ".m4a": true, ".avi": true, ".woff": true, ".woff2": true,
}

// enqueue queues a URL once per run, within the allowed hosts, robots.txt and the page budget.
func (r *run) enqueue(raw string, kind requestKind) {
	if r.ctx.Err() != nil {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return
	}
	if !r.outlet.AllowsHost(u.Host) {
		return
	}
	if kind == kindPage && skipExt[strings.ToLower(path.Ext(u.Path))] {
		return
	}
	key, err := CanonicalURL(raw)
	if err != nil {
		return
	}
	r.mu.Lock()
	if r.seen[key] {
		r.mu.Unlock()
		return
	}
	r.seen[key] = true
	r.mu.Unlock()
	if !r.robotsAllow(u) {
		r.blocked.Add(1)
		r.c.metrics.robotsBlocked.WithLabelValues(r.outlet.ID).Inc()
		return
	}
	// colly's MaxRequests is not exact in async mode, so the budget is counted here.
	if r.maxPages > 0 && r.queued.Add(1) > r.maxPages {
		return
	}
	cctx := colly.NewContext()
	cctx.Put("kind", string(kind))
	if err := r.col.Request(http.MethodGet, u.String(), nil, cctx, nil); err != nil {
		r.c.log.Debug("not queued", "url", u.String(), "err", err)
	}
}

func (r *run) handleError(resp *colly.Response, err error) {
	r.errs.Add(1)
	kind := "fetch"
	switch {
	case errors.Is(err, context.Canceled):
		return
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout"):
		kind = "timeout"
	case strings.Contains(err.Error(), "redirect"):
		kind = "redirect"
	}
	if resp != nil && resp.StatusCode != 0 {
		r.c.metrics.pages.WithLabelValues(r.outlet.ID, statusClass(resp.StatusCode)).Inc()
		kind = "http_" + statusClass(resp.StatusCode)
	}
	r.c.metrics.errors.WithLabelValues(r.outlet.ID, kind).Inc()
	u := ""
	if resp != nil && resp.Request != nil {
		u = resp.Request.URL.String()
	}
	r.c.log.Warn("fetch failed", "outlet", r.outlet.ID, "url", u, "kind", kind, "err", err)
}

func (r *run) handleResponse(resp *colly.Response) {
	r.pages.Add(1)
	r.c.metrics.pages.WithLabelValues(r.outlet.ID, statusClass(resp.StatusCode)).Inc()
	r.c.metrics.bytes.WithLabelValues(r.outlet.ID).Add(float64(len(resp.Body)))
	if resp.StatusCode >= 300 {
		return
	}
	if r.c.cfg.MaxBodyBytes > 0 && int64(len(resp.Body)) >= r.c.cfg.MaxBodyBytes {
		// colly truncates silently at MaxBodySize; a truncated page would store half an article.
		r.fail("too_large", resp.Request.URL, fmt.Errorf("body reached the %d-byte limit", r.c.cfg.MaxBodyBytes))
		return
	}
	kind := requestKind(resp.Ctx.Get("kind"))
	switch kind {
	case kindSitemap:
		pages, sitemaps, err := parseSitemap(resp.Body)
		if err != nil {
			r.fail("decode", resp.Request.URL, err)
			return
		}
		for _, s := range sitemaps {
			r.enqueue(resp.Request.AbsoluteURL(s.Loc), kindSitemap)
		}
		for _, p := range pages {
			r.enqueue(resp.Request.AbsoluteURL(p.Loc), kindPage)
		}
	case kindFeed:
		links, err := parseFeed(resp.Body)
		if err != nil {
			r.fail("decode", resp.Request.URL, err)
			return
		}
		for _, l := range links {
			r.enqueue(resp.Request.AbsoluteURL(l), kindPage)
		}
	default:
		r.handlePage(resp)
	}
}

func (r *run) handlePage(resp *colly.Response) {
	ct := resp.Headers.Get("Content-Type")
	if ct != "" && !strings.Contains(ct, "html") {
		return
	}
	text, _, err := decodeHTML(resp.Body, ct)
	if err != nil {
		r.fail("decode", resp.Request.URL, err)
		return
	}
	page, err := ExtractPage(text, resp.Request.URL, r.outlet, r.pattern, r.c.now())
	if err != nil {
		r.fail("extract", resp.Request.URL, err)
		return
	}
	for _, l := range page.Links {
		r.enqueue(l, kindPage)
	}
	if !page.IsArticle {
		return
	}
	a := page.Article
	canon, err := CanonicalURL(a.URL)
	if err != nil || !r.outlet.AllowsHost(hostOf(canon)) {
		// A canonical link pointing off the outlet (syndication) is not ours to use as identity.
		canon, _ = CanonicalURL(resp.Request.URL.String())
	}
	a.URL = canon
	r.mu.Lock()
	dup := r.stored[canon]
	r.stored[canon] = true
	r.mu.Unlock()
	if dup {
		return
	}
	if err := r.c.sink.Store(r.ctx, a); err != nil {
		r.fail("store", resp.Request.URL, err)
		return
	}
	r.arts.Add(1)
	r.c.metrics.articles.WithLabelValues(r.outlet.ID).Inc()
}

func (r *run) fail(kind string, u *url.URL, err error) {
	r.errs.Add(1)
	r.c.metrics.errors.WithLabelValues(r.outlet.ID, kind).Inc()
	r.c.log.Warn("page skipped", "outlet", r.outlet.ID, "url", u.String(), "kind", kind, "err", err)
}

func statusClass(code int) string {
	if code < 100 || code > 599 {
		return "other"
	}
	return fmt.Sprintf("%dxx", code/100)
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}
