package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"genderlens/config"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"
)

// ErrRobotsDisallowed is returned by Probe when the site's robots.txt does not let the crawler fetch the page.
var ErrRobotsDisallowed = errors.New("robots.txt disallows the page for the crawler's user agent")

// ProbeResult is what one crawl would see on one page: the response, whether the page is taken as an article and
// on which signals, what is extracted from it and by which extractor, and the links the crawl would follow.
type ProbeResult struct {
	URL string `json:"url"`
	// FinalURL is the URL the page came from after redirects.
	FinalURL    string `json:"final_url"`
	Outlet      string `json:"outlet,omitempty"`
	Status      int    `json:"status"`
	ContentType string `json:"content_type,omitempty"`
	Charset     string `json:"charset"`
	Bytes       int    `json:"bytes"`
	// Extraction is the page read with the outlet's settings (selectors, article_pattern), as the crawl reads it.
	Extraction ProbeExtraction `json:"extraction"`
	// Automatic is the page read without the outlet's selectors and article_pattern, when it configures any: the
	// difference is what those settings do.
	Automatic *ProbeExtraction `json:"automatic,omitempty"`
	Links     ProbeLinks       `json:"links"`
}

// ProbeExtraction is one reading of the page.
type ProbeExtraction struct {
	IsArticle bool `json:"is_article"`
	// SkipReason says why the page is not taken as an article (crawler.Skip* values); empty for an article.
	SkipReason string `json:"skip_reason,omitempty"`
	// Signals are the facts the article decision rests on.
	Signals   ProbeSignals      `json:"signals"`
	Title     string            `json:"title"`
	Published *time.Time        `json:"published"`
	Author    string            `json:"author"`
	Section   string            `json:"section"`
	Lead      string            `json:"lead"`
	Body      []string          `json:"body"` // paragraphs
	Captions  []string          `json:"captions"`
	Sources   map[string]string `json:"sources"` // field → extractor (Source* constants)
}

// ProbeSignals are what tells an article page from another page.
type ProbeSignals struct {
	// ArticlePattern is the outlet's article_pattern; when set it alone decides, and PatternMatch is its verdict.
	ArticlePattern string `json:"article_pattern,omitempty"`
	PatternMatch   bool   `json:"pattern_match"`
	// URLShape: the URL looks like an article's (a headline slug or a long numeric id).
	URLShape bool   `json:"url_shape"`
	JSONLD   bool   `json:"json_ld"`
	OGType   string `json:"og_type,omitempty"`
	// TextChars is the length of lead and body; shorter than MinArticleChars is never an article.
	TextChars       int `json:"text_chars"`
	MinArticleChars int `json:"min_article_chars"`
}

// ProbeLinks are the page's links as the crawl would treat them.
type ProbeLinks struct {
	// Articles are followed links whose URL looks like an article's (or matches article_pattern); Listings are the
	// other followed links (sections, pagination, listing pages: the crawl reads them for more links).
	Articles []string `json:"articles"`
	Listings []string `json:"listings"`
	// OffSite counts links to hosts the outlet does not allow; Skipped links to files (images, PDFs...);
	// RobotsBlocked links robots.txt disallows.
	OffSite       int `json:"off_site"`
	Skipped       int `json:"skipped"`
	RobotsBlocked int `json:"robots_blocked"`
}

// Probe fetches one page as a crawl of outlet o would (robots.txt, User-Agent, politeness, size limit, redirects
// within the outlet's hosts, charset) and reports what the crawler sees on it. o may be the zero Outlet: the page's
// host is then the outlet's. Probe contacts only the page's host (robots.txt and the page) and stores nothing.
func (c *Crawler) Probe(ctx context.Context, rawURL string, o config.Outlet) (ProbeResult, error) {
	res := ProbeResult{URL: rawURL, Outlet: o.ID}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return res, fmt.Errorf("probe %q: not an http(s) URL", rawURL)
	}
	if o.ID == "" && len(o.Hosts()) == 0 {
		o.StartURLs = []string{rawURL}
	}
	if !o.AllowsHost(u.Host) {
		return res, fmt.Errorf("probe %s: host %s is not among outlet %s's hosts %v", rawURL, u.Host, o.ID, o.Hosts())
	}
	var pattern *regexp.Regexp
	if o.ArticlePattern != "" {
		if pattern, err = regexp.Compile(o.ArticlePattern); err != nil {
			return res, fmt.Errorf("outlet %s: article_pattern: %w", o.ID, err)
		}
	}
	r := &run{c: c, ctx: ctx, outlet: o, robots: map[string]*robotstxt.RobotsData{}}
	if !r.robotsAllow(u) {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		return res, fmt.Errorf("probe %s: %w", rawURL, ErrRobotsDisallowed)
	}

	// The crawl's own collector and response hooks: the page is fetched exactly as a crawl fetches it.
	col := c.newCollector(ctx, o)
	col.OnResponseHeaders(r.handleHeaders)
	var resp *colly.Response
	var fetchErr error
	col.OnResponse(func(cr *colly.Response) { resp = cr })
	col.OnError(func(cr *colly.Response, err error) { resp, fetchErr = cr, err })
	cctx := colly.NewContext()
	cctx.Put(ctxKind, string(kindPage))
	hdr := http.Header{}
	hdr.Set("User-Agent", c.cfg.UserAgent)
	if err := col.Request(http.MethodGet, u.String(), nil, cctx, hdr); err != nil && fetchErr == nil {
		fetchErr = err
	}
	if resp != nil {
		res.Status = resp.StatusCode
		res.ContentType = resp.Ctx.Get(ctxContentType)
		res.FinalURL = resp.Request.URL.String()
	}
	switch {
	case errors.Is(fetchErr, colly.ErrAbortedAfterHeaders):
		return res, fmt.Errorf("probe %s: not an HTML page (Content-Type %s)", rawURL, res.ContentType)
	case fetchErr != nil:
		return res, fmt.Errorf("probe %s: %w", rawURL, fetchErr)
	case resp == nil:
		return res, fmt.Errorf("probe %s: no response", rawURL)
	case resp.StatusCode >= 300:
		return res, fmt.Errorf("probe %s: status %d", rawURL, resp.StatusCode)
	case res.ContentType != "" && !strings.Contains(strings.ToLower(res.ContentType), "html"):
		return res, fmt.Errorf("probe %s: not an HTML page (Content-Type %s)", rawURL, res.ContentType)
	}
	res.Bytes = len(resp.Body)
	text, charset, err := decodeHTML(resp.Body, res.ContentType)
	if err != nil {
		return res, fmt.Errorf("probe %s: %w", rawURL, err)
	}
	res.Charset = charset
	fetched := c.now()
	page, err := ExtractPage(text, resp.Request.URL, o, pattern, fetched)
	if err != nil {
		return res, fmt.Errorf("probe %s: %w", rawURL, err)
	}
	res.Extraction = probeExtraction(page, resp.Request.URL, pattern)
	if pattern != nil || o.Selectors != (config.Selectors{}) {
		plain := o
		plain.ArticlePattern, plain.Selectors = "", config.Selectors{}
		auto, err := ExtractPage(text, resp.Request.URL, plain, nil, fetched)
		if err != nil {
			return res, fmt.Errorf("probe %s: %w", rawURL, err)
		}
		ex := probeExtraction(auto, resp.Request.URL, nil)
		res.Automatic = &ex
	}
	res.Links = r.probeLinks(page.Links, resp.Request.URL, pattern)
	return res, nil
}

func probeExtraction(p Page, u *url.URL, pattern *regexp.Regexp) ProbeExtraction {
	a := p.Article
	ex := ProbeExtraction{
		IsArticle: p.IsArticle, Title: a.Title, Author: a.Author, Section: a.Section, Lead: a.Lead,
		Body: []string{}, Captions: []string{}, Sources: p.Sources,
		Signals: ProbeSignals{URLShape: slugPathRe.MatchString(u.Path), JSONLD: p.JSONLD, OGType: p.OGType,
			TextChars: len([]rune(a.Lead + a.Body)), MinArticleChars: minArticleText},
		SkipReason: p.SkipReason,
	}
	if pattern != nil {
		ex.Signals.ArticlePattern = pattern.String()
		ex.Signals.PatternMatch = pattern.MatchString(u.String())
	}
	if !a.Published.IsZero() {
		t := a.Published
		ex.Published = &t
	}
	for _, para := range strings.Split(a.Body, "\n\n") {
		if para != "" {
			ex.Body = append(ex.Body, para)
		}
	}
	for _, img := range a.Images {
		if img.Caption != "" {
			ex.Captions = append(ex.Captions, img.Caption)
		}
	}
	if ex.Sources == nil {
		ex.Sources = map[string]string{}
	}
	return ex
}

// probeLinks sorts the page's links as enqueue would, without contacting any host but the page's: robots.txt is
// applied to links on the page's host only.
func (r *run) probeLinks(links []string, page *url.URL, pattern *regexp.Regexp) ProbeLinks {
	out := ProbeLinks{Articles: []string{}, Listings: []string{}}
	seen := map[string]bool{}
	for _, raw := range links {
		u, err := url.Parse(raw)
		if err != nil {
			continue
		}
		key, err := CanonicalURL(raw)
		if err != nil || seen[key] {
			continue
		}
		seen[key] = true
		switch {
		case !r.outlet.AllowsHost(u.Host):
			out.OffSite++
		case skipExt[strings.ToLower(path.Ext(u.Path))]:
			out.Skipped++
		case u.Host == page.Host && !r.robotsAllow(u):
			out.RobotsBlocked++
		case pattern != nil && pattern.MatchString(u.String()), pattern == nil && slugPathRe.MatchString(u.Path):
			out.Articles = append(out.Articles, raw)
		default:
			out.Listings = append(out.Listings, raw)
		}
	}
	return out
}
