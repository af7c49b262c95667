package crawler

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"genderlens/config"
	"genderlens/model"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
)

// Crawler collects articles of outlets and hands them to a Sink. One Crawler may run several outlets at once; they
// share its per-host limits and its crawl state.
type Crawler struct {
	cfg       config.Crawler
	sink      Sink
	metrics   *Metrics
	log       *slog.Logger
	now       func() time.Time
	limiter   *hostLimiter
	transport *politeTransport
	client    *http.Client // robots.txt, through the same polite transport as colly
	state     State
	stateDir  string
	stateOnce sync.Once
	stateErr  error

	// failedAt holds, per outlet, the end of its last run that could not reach the site (this process only): the
	// schedule waits from it as from a success, so that an unreachable site is not retried every tick.
	failedMu sync.Mutex
	failedAt map[string]time.Time
	healthMu sync.Mutex
	health   map[string]model.CrawlHealth // by outlet id: the last crawl that was not cancelled
	// pause stops every run while the store has no space (see diskPause).
	pause *diskPause
}

// Option configures a Crawler.
type Option func(*Crawler)

// WithMetrics records the crawler's series in m.
func WithMetrics(m *Metrics) Option { return func(c *Crawler) { c.metrics = m } }

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(c *Crawler) { c.log = l } }

// WithClock sets the clock used for fetch times and relative dates ("2 giờ trước").
func WithClock(now func() time.Time) Option { return func(c *Crawler) { c.now = now } }

// WithStateDir keeps the crawl state (validators, sitemap lastmod, content hashes, stored marks, last success) in
// dir, so that a restarted process neither re-fetches unchanged pages nor loses an article. Without it (and without
// WithState) the state lives in memory for the life of the process.
func WithStateDir(dir string) Option { return func(c *Crawler) { c.stateDir = dir } }

// WithState uses s as the crawl state (see WithStateDir).
func WithState(s State) Option { return func(c *Crawler) { c.state = s } }

// WithMaxDiskPause makes the crawler give up after a pause for lack of space longer than d: the runs in progress
// stop and return an error wrapping ErrNoSpace. Without it (or with d <= 0) the crawler waits for space as long as it
// takes, as a server should; a one-shot crawl sets crawler.max_disk_pause so that it cannot hang on a full disk.
func WithMaxDiskPause(d time.Duration) Option { return func(c *Crawler) { c.pause.limit = max(d, 0) } }

// WithBaseTransport replaces the HTTP transport under the politeness layer (tests, proxies).
func WithBaseTransport(rt http.RoundTripper) Option {
	return func(c *Crawler) { c.transport.base = rt }
}

// Retry and redirect bounds that have no configuration key.
const (
	maxRetries          = 3
	defaultMaxRedirects = 5
	defaultMaxRetryWait = 2 * time.Minute
	defaultMaxHostPause = 24 * time.Hour
	// maxSeen bounds one run's visited set when the page budget does not.
	maxSeen = 1 << 18
	// settledAge is the age after which a stored article is not re-checked unless a sitemap lastmod says it changed.
	settledAge = 7 * 24 * time.Hour
)

// New returns a Crawler with the shared crawl settings.
func New(cfg config.Crawler, sink Sink, opts ...Option) *Crawler {
	c := &Crawler{cfg: cfg, sink: sink, log: slog.Default(), now: time.Now, health: map[string]model.CrawlHealth{}}
	base := http.DefaultTransport.(*http.Transport).Clone()
	base.MaxIdleConnsPerHost = max(cfg.Parallelism, 2)
	c.limiter = newHostLimiter(cfg.Delay.Std(), cfg.Parallelism)
	maxWait := cfg.MaxRetryAfter.Std()
	if maxWait <= 0 {
		maxWait = defaultMaxRetryWait
	}
	maxPause := cfg.MaxHostPause.Std()
	if maxPause <= 0 {
		maxPause = defaultMaxHostPause
	}
	c.pause = &diskPause{c: c, retry: cfg.DiskRetry.Std()}
	if c.pause.retry <= 0 {
		c.pause.retry = defaultDiskRetry
	}
	c.transport = &politeTransport{
		base: base, limiter: c.limiter, timeout: cfg.Timeout.Std(), maxBody: cfg.MaxBodyBytes,
		maxRetries: maxRetries, maxRetryAfter: maxWait, maxPause: max(maxPause, maxWait), pause: c.pause,
	}
	for _, o := range opts {
		o(c)
	}
	if c.metrics == nil {
		c.metrics = NewMetrics(nil)
	}
	c.transport.onRetry = func(req *http.Request, status int, wait time.Duration) {
		c.log.Info("host asked to back off", "host", req.URL.Host, "status", status, "wait", wait)
	}
	c.client = &http.Client{Transport: c.transport, CheckRedirect: c.checkRedirect(nil)}
	return c
}

func (c *Crawler) maxRedirects() int {
	if c.cfg.MaxRedirects > 0 {
		return c.cfg.MaxRedirects
	}
	return defaultMaxRedirects
}

// checkRedirect limits redirects in number and, for an outlet, to its allowed hosts.
func (c *Crawler) checkRedirect(o *config.Outlet) func(req *http.Request, via []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) >= c.maxRedirects() {
			return fmt.Errorf("stopped after %d redirects: %w", len(via), errRedirect)
		}
		if o != nil && !o.AllowsHost(req.URL.Host) {
			return fmt.Errorf("redirect to %s leaves the outlet's allowed hosts: %w", req.URL.Host, errRedirect)
		}
		return nil
	}
}

var errRedirect = errors.New("redirect refused")

// errRobotsRedirect refuses a redirect to a URL robots.txt disallows: counted as robots-blocked, not as an error.
var errRobotsRedirect = errors.New("redirect target disallowed by robots.txt")

// redirectDeferred refuses a redirect to a host whose robots.txt the run has not read yet: reading it inside the
// redirect check would hold the redirecting host's slot meanwhile (and could wait on that very slot if robots.txt
// redirects back). The target is queued instead, and enqueue reads the robots.txt first, as for any new host.
type redirectDeferred struct{ target string }

func (e *redirectDeferred) Error() string {
	return "redirect to " + e.target + " deferred until its host's robots.txt is read"
}

// checkRedirect is the run's redirect check: the crawler's bounds (count, allowed hosts), then robots.txt of the
// target, so that a redirect never fetches a URL the site disallows.
func (r *run) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := r.c.checkRedirect(&r.outlet)(req, via); err != nil {
		return err
	}
	r.mu.Lock()
	robots, known := r.robots[req.URL.Host]
	r.mu.Unlock()
	if !known {
		return &redirectDeferred{target: req.URL.String()}
	}
	if robots != nil && !robots.TestAgent(robotsPath(req.URL), r.c.cfg.UserAgent) {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), errRobotsRedirect)
	}
	return nil
}

// stateStore opens the state on first use, so that New keeps its signature and errors surface from Crawl.
func (c *Crawler) stateStore() (State, error) {
	c.stateOnce.Do(func() {
		switch {
		case c.state != nil:
		case c.stateDir != "":
			var fs *FileState
			if fs, c.stateErr = NewFileState(c.stateDir); fs != nil {
				fs.log = c.log
				c.state = fs
			}
		default:
			c.state = NewMemoryState()
		}
	})
	return c.state, c.stateErr
}

// Close flushes and closes the crawl state. Every Crawl already syncs it at its end; Close releases the files.
func (c *Crawler) Close() error {
	s, err := c.stateStore()
	if err != nil || s == nil {
		return err
	}
	return s.Close()
}

// LastSuccess returns the end of the outlet's last crawl that was not cancelled, from the crawl state (zero when
// unknown), so that a scheduler can honour a per-outlet schedule across restarts.
func (c *Crawler) LastSuccess(outletID string) time.Time {
	s, err := c.stateStore()
	if err != nil || s.Load(outletID) != nil {
		return time.Time{}
	}
	last, _ := s.LastSuccess(outletID)
	return last
}

// Due reports whether outlet o should be crawled at now: its schedule (or crawler.interval when it sets none) has
// passed since its last successful crawl, as persisted in the crawl state, or since its last run in this process that
// could not reach the site. With neither set, it is always due.
func (c *Crawler) Due(o config.Outlet, now time.Time) bool {
	every := o.Schedule.Std()
	if every <= 0 {
		every = c.cfg.Interval.Std()
	}
	last := c.LastSuccess(o.ID)
	c.failedMu.Lock()
	if f := c.failedAt[o.ID]; f.After(last) {
		last = f
	}
	c.failedMu.Unlock()
	return every <= 0 || last.IsZero() || now.Sub(last) >= every
}

// Stats summarises one crawl run of one outlet.
type Stats struct {
	Outlet string
	Pages  int
	// Articles is the number handed to the Sink: New + Updated.
	Articles int
	New      int
	Updated  int
	// Unchanged counts articles known unchanged (304, sitemap lastmod, or same content hash); they are not re-stored.
	Unchanged int
	// Duplicates counts pages whose text is an article already stored under another URL of the outlet.
	Duplicates    int
	RobotsBlocked int
	Errors        int
	Duration      time.Duration
	// Paused is the part of Duration the crawler spent paused because the store had no space.
	Paused time.Duration
	// Skipped counts pages fetched but not taken as articles, by reason (the Skip constants).
	Skipped map[string]int
	// Warnings say what looks wrong with the outlet's crawl and how to fix it; they are also logged.
	Warnings []string
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
	queue    *frontier
	state    State
	maxPages int64
	// sitemapsSince is the end of the last complete crawl: child sitemaps whose lastmod is older hold nothing new.
	sitemapsSince time.Time

	mu      sync.Mutex
	seen    map[uint64]struct{}              // hashes of canonical URLs queued in this run (bounded by maxSeen)
	claimed map[string]bool                  // article URLs and content hashes handled in this run
	robots  map[string]*robotstxt.RobotsData // nil: allow all
	// robotsLoad serialises robots.txt loads of hosts met during the run.
	robotsLoad sync.Mutex
	// sitemapPages collects the pages sitemaps list, queued once every sitemap is read.
	sitemapPages []sitemapEntry
	// skipped counts the pages not taken as articles by reason; textSkipped those of them holding article-length text.
	skipped, textSkipped map[string]int

	queued     atomic.Int64
	budgetHit  atomic.Bool
	pages      atomic.Int64
	newArts    atomic.Int64
	updated    atomic.Int64
	unchanged  atomic.Int64
	duplicates atomic.Int64
	blocked    atomic.Int64
	errs       atomic.Int64
	// unreachable counts failures to reach a host at all (see unreachableKind); firstUnreachable is the first one.
	unreachable      atomic.Int64
	firstUnreachable error
	// noSpace is set when the crawler gave up waiting for space (ErrNoSpace): the run stops fetching.
	noSpace error
}

// Crawl runs one crawl of one outlet: robots.txt, sitemaps, feeds, then start pages and the links they lead to.
func (c *Crawler) Crawl(ctx context.Context, o config.Outlet) (Stats, error) {
	start := c.now()
	state, err := c.stateStore()
	if err == nil {
		err = state.Load(o.ID)
	}
	if err != nil {
		return Stats{Outlet: o.ID}, fmt.Errorf("outlet %s: %w", o.ID, err)
	}
	last, complete := state.LastSuccess(o.ID)
	if !last.IsZero() {
		// A restarted process reports the persisted last success, so that an outlet unreachable since then still
		// ages towards the not-crawled alert instead of having no series at all.
		c.metrics.lastSuccess.WithLabelValues(o.ID).Set(float64(last.Unix()))
	}
	r := &run{
		c: c, ctx: ctx, outlet: o, state: state, sitemapsSince: complete,
		seen: map[uint64]struct{}{}, claimed: map[string]bool{}, skipped: map[string]int{}, textSkipped: map[string]int{}, robots: map[string]*robotstxt.RobotsData{},
		maxPages: int64(o.MaxPagesOr(c.cfg.MaxPages)),
	}
	if o.ArticlePattern != "" {
		p, err := regexp.Compile(o.ArticlePattern)
		if err != nil {
			return Stats{Outlet: o.ID}, fmt.Errorf("outlet %s: article_pattern: %w", o.ID, err)
		}
		r.pattern = p
	}
	r.col = c.newCollector(ctx, o)
	r.col.SetRedirectHandler(r.checkRedirect)
	r.col.OnResponseHeaders(r.handleHeaders)
	r.col.OnResponse(r.handleResponse)
	r.col.OnError(r.handleError)
	c.pause.enter()
	defer c.pause.leave()
	pausedBefore := c.pause.pausedTotal()

	sitemaps := append([]string(nil), o.Sitemaps...)
	for _, host := range r.hostsToProbe() {
		sitemaps = append(sitemaps, r.loadRobots(host)...)
	}
	// Sitemaps first, to the end: their pages are queued with their lastmod before any listing can reach them
	// without one, and newest first, so that the page budget goes to new articles.
	workers := 2*max(c.cfg.Parallelism, 1) + 2
	var stop func() bool
	r.queue, stop = newFrontier(ctx)
	defer stop()
	for _, s := range sitemaps {
		r.enqueue(s, kindSitemap, time.Time{})
	}
	r.queue.drain(workers, r.fetch)
	slices.SortStableFunc(r.sitemapPages, func(a, b sitemapEntry) int { return b.LastMod.Compare(a.LastMod) })
	for _, p := range r.sitemapPages {
		r.enqueue(p.Loc, kindPage, p.LastMod)
	}
	r.sitemapPages = nil
	for _, f := range o.Feeds {
		r.enqueue(f, kindFeed, time.Time{})
	}
	for _, s := range o.StartURLs {
		r.enqueue(s, kindPage, time.Time{})
	}
	r.queue.drain(workers, r.fetch)

	st := Stats{
		Outlet: o.ID, Pages: int(r.pages.Load()), New: int(r.newArts.Load()), Updated: int(r.updated.Load()),
		Unchanged: int(r.unchanged.Load()), Duplicates: int(r.duplicates.Load()),
		RobotsBlocked: int(r.blocked.Load()), Errors: int(r.errs.Load()), Duration: c.now().Sub(start),
		Paused: c.pause.pausedTotal() - pausedBefore,
	}
	st.Articles = st.New + st.Updated
	r.mu.Lock()
	st.Skipped = maps.Clone(r.skipped)
	r.mu.Unlock()
	c.metrics.duration.WithLabelValues(o.ID).Observe(st.Duration.Seconds())
	if ctx.Err() != nil {
		if err := state.Sync(); err != nil {
			c.log.Error("crawl state not synced", "outlet", o.ID, "err", err)
		}
		return st, fmt.Errorf("outlet %s: crawl stopped: %w", o.ID, ctx.Err())
	}
	r.mu.Lock()
	noSpace := r.noSpace
	r.mu.Unlock()
	if noSpace != nil {
		// Not a crawl of the outlet either: what was not stored stays unmarked, for the next crawl to fetch.
		if err := state.Sync(); err != nil {
			c.log.Error("crawl state not synced", "outlet", o.ID, "err", err)
		}
		return st, fmt.Errorf("outlet %s: crawl stopped: %w", o.ID, noSpace)
	}
	if n := r.unreachable.Load(); n > 0 {
		// A host that could not be reached is not a crawl of the outlet: no last success, and the caller sees an error.
		if err := state.Sync(); err != nil {
			c.log.Error("crawl state not synced", "outlet", o.ID, "err", err)
		}
		r.mu.Lock()
		first := r.firstUnreachable
		r.mu.Unlock()
		c.failedMu.Lock()
		if c.failedAt == nil {
			c.failedAt = map[string]time.Time{}
		}
		c.failedAt[o.ID] = c.now()
		c.failedMu.Unlock()
		c.log.Error("crawl failed: site unreachable", "outlet", o.ID, "failures", n, "pages", st.Pages,
			"errors", st.Errors, "err", first)
		return st, fmt.Errorf("outlet %s: %d requests could not reach the site: %w", o.ID, n, first)
	}
	end := c.now()
	if err := state.SetLastSuccess(o.ID, end, !r.budgetHit.Load() && st.Errors == 0); err != nil {
		c.log.Error("crawl state", "outlet", o.ID, "err", err)
	}
	if err := state.Sync(); err != nil {
		return st, fmt.Errorf("outlet %s: %w", o.ID, err)
	}
	c.metrics.lastSuccess.WithLabelValues(o.ID).Set(float64(end.Unix()))
	r.mu.Lock()
	textSkipped := maps.Clone(r.textSkipped)
	r.mu.Unlock()
	st.Warnings = r.diagnose(st, textSkipped)
	c.setHealth(o.ID, end, st)
	notArticles := 0
	for _, n := range st.Skipped {
		notArticles += n
	}
	c.log.Info("crawl finished", "outlet", o.ID, "pages", st.Pages, "new", st.New, "updated", st.Updated,
		"unchanged", st.Unchanged, "duplicates", st.Duplicates, "not_articles", notArticles,
		"robots_blocked", st.RobotsBlocked, "errors", st.Errors, "paused", st.Paused.Round(time.Millisecond),
		"duration", st.Duration.Round(time.Millisecond))
	for _, w := range st.Warnings {
		c.log.Warn("outlet yields too few articles", "outlet", o.ID, "problem", w)
	}
	return st, nil
}

func (c *Crawler) newCollector(ctx context.Context, o config.Outlet) *colly.Collector {
	col := colly.NewCollector(
		colly.UserAgent(c.cfg.UserAgent),
		// Synchronous: the run's own frontier and workers bound the goroutines (see frontier).
		colly.StdlibContext(ctx),
		// robots.txt is read by the run itself, because colly ignores Crawl-delay and Sitemap lines.
		colly.IgnoreRobotsTxt(),
		// The run keeps its own bounded visited set keyed by canonical URL; colly's grows without bound.
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
		// The polite transport enforces the limit and fails instead of truncating; colly would cut silently.
		colly.MaxBodySize(0),
	)
	col.WithTransport(c.transport)
	// Timeouts are per attempt in the transport: a client-wide timeout would count the wait for the host's turn.
	col.SetRequestTimeout(0)
	col.SetRedirectHandler(c.checkRedirect(&o))
	return col
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

// loadRobots reads robots.txt of one host, raises the host's delay to its Crawl-delay and returns the Sitemap lines.
// A missing robots.txt (4xx) allows everything; an unreachable one (5xx, network error) disallows everything for
// this run, as RFC 9309 asks.
func (r *run) loadRobots(origin string) []string {
	u, err := url.Parse(origin)
	if err != nil {
		return nil
	}
	var robots *robotstxt.RobotsData
	var sitemaps []string
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err == nil {
		req.Header.Set("User-Agent", r.c.cfg.UserAgent)
		resp, err := r.c.client.Do(req)
		if errors.Is(err, ErrNoSpace) {
			r.stopForSpace(err) // nothing more is fetched in this run
			return nil
		}
		if err != nil {
			kind := "fetch"
			if r.ctx.Err() == nil {
				if k := r.noteUnreachable(err); k != "" {
					kind = k
				} else if errors.Is(err, ErrBackedOff) {
					kind = "backoff" // the host asked for a pause: it stays disallowed until the next run
				}
				r.errs.Add(1)
				r.c.metrics.errors.WithLabelValues(r.outlet.ID, kind).Inc()
			}
			r.c.log.Warn("robots.txt unreachable: the host is treated as disallowed for this run", "outlet", r.outlet.ID, "host", u.Host, "kind", kind, "err", err)
			if data, err := robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil); err == nil && r.ctx.Err() == nil {
				robots = data
			}
		} else {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
			resp.Body.Close()
			// The whole RobotsData is kept: for a 5xx it carries "disallow all", which its groups do not.
			if data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body); err == nil {
				robots = data
				sitemaps = data.Sitemaps
			}
		}
	}
	if robots != nil {
		if g := robots.FindGroup(r.c.cfg.UserAgent); g != nil && g.CrawlDelay > 0 {
			// The gate keeps the larger of the configured delay and Crawl-delay.
			r.c.limiter.gate(u.Host).raiseDelay(g.CrawlDelay)
		}
	}
	r.mu.Lock()
	r.robots[u.Host] = robots
	r.mu.Unlock()
	return sitemaps
}

func (r *run) robotsAllow(u *url.URL) bool {
	r.mu.Lock()
	robots, known := r.robots[u.Host]
	r.mu.Unlock()
	if !known {
		// One load per host: workers meeting a new host at once wait for the first one's robots.txt.
		r.robotsLoad.Lock()
		r.mu.Lock()
		robots, known = r.robots[u.Host]
		r.mu.Unlock()
		if !known {
			r.loadRobots(u.Scheme + "://" + u.Host)
			r.mu.Lock()
			robots = r.robots[u.Host]
			r.mu.Unlock()
		}
		r.robotsLoad.Unlock()
	}
	if robots == nil {
		return true
	}
	return robots.TestAgent(robotsPath(u), r.c.cfg.UserAgent)
}

// robotsPath is the part of u that robots.txt rules match: the escaped path and the query.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

var skipExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
	".css": true, ".js": true, ".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
	".zip": true, ".rar": true, ".mp3": true, ".mp4": true, ".m4a": true, ".avi": true, ".woff": true, ".woff2": true,
}

// Keys of the per-request colly context.
const (
	ctxKind        = "kind"
	ctxKey         = "key"
	ctxLastMod     = "lastmod"
	ctxContentType = "content-type"
)

// enqueue queues a URL once per run, within the allowed hosts, robots.txt and the page budget. lastmod is the
// sitemap <lastmod> of the URL, when it came from a sitemap.
func (r *run) enqueue(raw string, kind requestKind, lastmod time.Time) {
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
	if r.maxPages > 0 && r.queued.Load() >= r.maxPages {
		r.budgetHit.Store(true)
		return
	}
	key, err := CanonicalURL(raw)
	if err != nil {
		return
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	sum := h.Sum64()
	r.mu.Lock()
	if _, dup := r.seen[sum]; dup {
		r.mu.Unlock()
		return
	}
	if len(r.seen) >= maxSeen {
		r.mu.Unlock()
		r.budgetHit.Store(true)
		return
	}
	r.seen[sum] = struct{}{}
	r.mu.Unlock()
	if !r.robotsAllow(u) {
		r.blocked.Add(1)
		r.c.metrics.robotsBlocked.WithLabelValues(r.outlet.ID).Inc()
		return
	}
	var hdr http.Header
	switch kind {
	case kindSitemap:
		if !lastmod.IsZero() && !r.sitemapsSince.IsZero() && lastmod.Before(r.sitemapsSince) {
			// A child sitemap unchanged since the last complete crawl lists nothing that crawl did not handle.
			return
		}
	case kindPage:
		if e, ok := r.state.Get(r.outlet.ID, key); ok && e.Stored {
			seenAt := e.LastMod
			if e.Fetched.After(seenAt) {
				seenAt = e.Fetched
			}
			if !lastmod.IsZero() && !lastmod.After(seenAt) {
				// The sitemap says the page has not changed since it was stored: no request at all.
				r.countArticle("unchanged")
				return
			}
			if lastmod.IsZero() && !e.Published.IsZero() && r.c.now().Sub(e.Published) > settledAge {
				// Reached through a listing, with no sitemap to say it changed: an article this old is settled, and
				// re-reading every one on each run would spend the page budget and the site's patience on old news.
				r.countArticle("unchanged")
				return
			}
			hdr = http.Header{}
			if e.ETag != "" {
				hdr.Set("If-None-Match", e.ETag)
			}
			if e.LastModified != "" {
				hdr.Set("If-Modified-Since", e.LastModified)
			}
		}
	}
	// The page budget is counted here, exactly (colly's MaxRequests is not, in async mode).
	if r.maxPages > 0 && r.queued.Add(1) > r.maxPages {
		r.budgetHit.Store(true)
		return
	}
	r.queue.push(task{url: u.String(), kind: kind, key: key, lastmod: lastmod, hdr: hdr})
}

// fetch runs one queued request through colly, synchronously: the handlers run in this worker.
func (r *run) fetch(t task) {
	if r.ctx.Err() != nil {
		return
	}
	hdr := t.hdr
	if hdr == nil {
		hdr = http.Header{}
	}
	hdr.Set("User-Agent", r.c.cfg.UserAgent)
	cctx := colly.NewContext()
	cctx.Put(ctxKind, string(t.kind))
	cctx.Put(ctxKey, t.key)
	if !t.lastmod.IsZero() {
		cctx.Put(ctxLastMod, t.lastmod.Format(time.RFC3339Nano))
	}
	// Failures reach handleError, which counts and logs them.
	_ = r.col.Request(http.MethodGet, t.url, nil, cctx, hdr)
}

// handleHeaders keeps the original Content-Type for decodeHTML and hides its charset from colly, which would
// otherwise convert the body itself, and the page would then be decoded twice.
func (r *run) handleHeaders(resp *colly.Response) {
	ct := resp.Headers.Get("Content-Type")
	resp.Ctx.Put(ctxContentType, ct)
	if i := strings.Index(ct, ";"); i >= 0 {
		resp.Headers.Set("Content-Type", strings.TrimSpace(ct[:i]))
	}
	if requestKind(resp.Ctx.Get(ctxKind)) == kindPage && ct != "" && resp.StatusCode < 300 {
		mt := strings.ToLower(ct)
		if !strings.Contains(mt, "html") && !strings.Contains(mt, "xml") && !strings.HasPrefix(mt, "text/") {
			// Images, PDFs and the like: stop before the body is downloaded.
			resp.Request.Abort()
		}
	}
}

func (r *run) handleError(resp *colly.Response, err error) {
	kind := "fetch"
	var deferred *redirectDeferred
	switch {
	case r.ctx.Err() != nil || errors.Is(err, colly.ErrAbortedAfterHeaders):
		return // cancellation is reported once, by Crawl
	case errors.Is(err, ErrNoSpace):
		r.stopForSpace(err) // reported once, by Crawl
		return
	case errors.As(err, &deferred):
		if resp != nil && resp.Ctx != nil {
			lastmod, _ := time.Parse(time.RFC3339Nano, resp.Ctx.Get(ctxLastMod))
			r.enqueue(deferred.target, requestKind(resp.Ctx.Get(ctxKind)), lastmod)
		}
		return
	case errors.Is(err, errRobotsRedirect):
		r.blocked.Add(1)
		r.c.metrics.robotsBlocked.WithLabelValues(r.outlet.ID).Inc()
		r.c.log.Debug("redirect not followed: robots.txt disallows its target", "outlet", r.outlet.ID, "err", err)
		return
	case errors.Is(err, ErrTooLarge):
		kind = "too_large"
	case errors.Is(err, ErrBackedOff):
		kind = "backoff"
	case errors.Is(err, errRedirect):
		kind = "redirect"
	case r.noteUnreachable(err) != "":
		kind = unreachableKind(err)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout"):
		kind = "timeout"
	}
	r.errs.Add(1)
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

// stopForSpace records that the crawler gave up waiting for space: the run ends with err.
func (r *run) stopForSpace(err error) {
	r.mu.Lock()
	if r.noSpace == nil {
		r.noSpace = err
	}
	r.mu.Unlock()
}

// noteUnreachable records err when it is a failure to reach the host at all, and returns its kind ("" otherwise).
func (r *run) noteUnreachable(err error) string {
	kind := unreachableKind(err)
	if kind == "" {
		return ""
	}
	r.unreachable.Add(1)
	r.mu.Lock()
	if r.firstUnreachable == nil {
		r.firstUnreachable = err
	}
	r.mu.Unlock()
	return kind
}

func (r *run) handleResponse(resp *colly.Response) {
	r.pages.Add(1)
	r.c.metrics.pages.WithLabelValues(r.outlet.ID, statusClass(resp.StatusCode)).Inc()
	r.c.metrics.bytes.WithLabelValues(r.outlet.ID).Add(float64(len(resp.Body)))
	kind := requestKind(resp.Ctx.Get(ctxKind))
	if resp.StatusCode == http.StatusNotModified && kind == kindPage {
		r.countArticle("unchanged")
		return
	}
	if resp.StatusCode >= 300 {
		if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			// Worth a retry next run: the crawl is not complete.
			r.fail("http_"+statusClass(resp.StatusCode), resp.Request.URL, fmt.Errorf("status %d", resp.StatusCode))
		}
		return
	}
	switch kind {
	case kindSitemap:
		pages, sitemaps, err := parseSitemap(resp.Body)
		if err != nil {
			r.fail("decode", resp.Request.URL, err)
			return
		}
		for _, s := range sitemaps {
			r.enqueue(resp.Request.AbsoluteURL(s.Loc), kindSitemap, s.LastMod)
		}
		r.mu.Lock()
		for _, p := range pages {
			if len(r.sitemapPages) < maxSeen {
				r.sitemapPages = append(r.sitemapPages, sitemapEntry{Loc: resp.Request.AbsoluteURL(p.Loc), LastMod: p.LastMod})
			}
		}
		r.mu.Unlock()
	case kindFeed:
		links, err := parseFeed(resp.Body)
		if err != nil {
			r.fail("decode", resp.Request.URL, err)
			return
		}
		for _, l := range links {
			r.enqueue(resp.Request.AbsoluteURL(l), kindPage, time.Time{})
		}
	default:
		r.handlePage(resp)
	}
}

func (r *run) handlePage(resp *colly.Response) {
	ct := resp.Ctx.Get(ctxContentType)
	if ct != "" && !strings.Contains(strings.ToLower(ct), "html") {
		r.skip(SkipNotHTML)
		return
	}
	text, _, err := decodeHTML(resp.Body, ct)
	if err != nil {
		r.fail("decode", resp.Request.URL, err)
		return
	}
	fetched := r.c.now()
	page, err := ExtractPage(text, resp.Request.URL, r.outlet, r.pattern, fetched)
	if err != nil {
		r.fail("extract", resp.Request.URL, err)
		return
	}
	for _, l := range page.Links {
		r.enqueue(l, kindPage, time.Time{})
	}
	if !page.IsArticle {
		r.skip(page.SkipReason)
		if page.MainTextRunes >= articleMainRunes && page.SkipReason != SkipListing {
			r.mu.Lock()
			r.textSkipped[page.SkipReason]++
			r.mu.Unlock()
		}
		r.c.log.Debug("not an article", "outlet", r.outlet.ID, "url", resp.Request.URL.String(), "reason", page.SkipReason)
		return
	}
	a := page.Article
	canon, err := CanonicalURL(a.URL)
	if err != nil || !r.outlet.AllowsHost(hostOf(canon)) {
		// A canonical link pointing off the outlet (syndication) is not ours to use as identity.
		canon, _ = CanonicalURL(resp.Request.URL.String())
	}
	a.URL = canon
	key := resp.Ctx.Get(ctxKey)
	if key == "" {
		key = canon
	}
	lastmod, _ := time.Parse(time.RFC3339Nano, resp.Ctx.Get(ctxLastMod))
	fetchEntry := Entry{
		URL: key, ETag: resp.Headers.Get("ETag"), LastModified: resp.Headers.Get("Last-Modified"),
		LastMod: lastmod, Hash: a.ContentHash, Stored: true, Fetched: fetched, Published: a.Published,
	}

	// One page at a time per article and per text within the run: two URLs of one article may be in flight at once.
	r.mu.Lock()
	dup := r.claimed["u:"+canon] || r.claimed["h:"+a.ContentHash]
	r.claimed["u:"+canon], r.claimed["h:"+a.ContentHash] = true, true
	r.mu.Unlock()
	if dup {
		r.countArticle("duplicate")
		return
	}
	prev, known := r.state.Get(r.outlet.ID, canon)
	switch other, ok := r.state.ByHash(r.outlet.ID, a.ContentHash); {
	case known && prev.Stored && prev.Hash == a.ContentHash:
		r.countArticle("unchanged")
		if key != canon || prev.ETag != fetchEntry.ETag || prev.LastModified != fetchEntry.LastModified ||
			!prev.LastMod.Equal(lastmod) || !prev.Published.Equal(a.Published) {
			r.put(fetchEntry)
		}
		return
	case ok && other != canon:
		// The same text is already stored under another URL of this outlet (a syndicated or re-posted copy).
		r.countArticle("duplicate")
		r.put(fetchEntry)
		return
	}
	// While the store has no space, this holds the article (and the whole crawl) until a write succeeds.
	if err := r.c.pause.store(r.ctx, r.outlet.ID, a); err != nil {
		switch {
		case r.ctx.Err() != nil:
		case errors.Is(err, ErrNoSpace):
			r.stopForSpace(err)
			r.errs.Add(1)
			r.c.metrics.errors.WithLabelValues(r.outlet.ID, "store").Inc()
		default:
			r.fail("store", resp.Request.URL, err)
		}
		return
	}
	// Marked only now, after the Sink's acknowledgement: a crash before this line costs a re-fetch, not an article.
	r.put(Entry{URL: canon, ETag: fetchEntry.ETag, LastModified: fetchEntry.LastModified, LastMod: lastmod,
		Hash: a.ContentHash, Stored: true, Fetched: fetched, Published: a.Published})
	if key != canon {
		r.put(fetchEntry)
	}
	if known && prev.Stored {
		r.countArticle("updated")
	} else {
		r.countArticle("new")
	}
}

func (r *run) put(e Entry) {
	if err := r.state.Put(r.outlet.ID, e); err != nil {
		r.fail("state", &url.URL{Opaque: e.URL}, err)
	}
}

// skip counts a fetched page not taken as an article.
func (r *run) skip(reason string) {
	r.mu.Lock()
	r.skipped[reason]++
	r.mu.Unlock()
	r.c.metrics.skipped.WithLabelValues(r.outlet.ID, reason).Inc()
}

func (r *run) countArticle(result string) {
	switch result {
	case "new":
		r.newArts.Add(1)
	case "updated":
		r.updated.Add(1)
	case "unchanged":
		r.unchanged.Add(1)
	case "duplicate":
		r.duplicates.Add(1)
	}
	r.c.metrics.articles.WithLabelValues(r.outlet.ID, result).Inc()
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
