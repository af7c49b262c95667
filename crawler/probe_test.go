package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/internal/legacyenc"

	"golang.org/x/text/encoding/charmap"
)

// listingPage is a section page: many links to articles with short teasers, and pagination.
const listingPage = `<html><head><meta charset="utf-8"><title>Thời sự - Báo Thử</title></head><body>
<h1>Thời sự</h1><ul class="list-news">
<li><a href="/tin/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm">Nữ kỹ sư mang nước sạch về bản</a><p>Hệ thống nước sạch cho 120 hộ.</p></li>
<li><a href="/tin/hoi-phu-nu-tong-ket-nam-20260102.htm">Hội phụ nữ tổng kết năm</a><p>Khen thưởng 12 tập thể.</p></li>
<li><a href="/tin/ra-mat-cau-lac-bo-cha-me-20260103.htm">Ra mắt câu lạc bộ cha mẹ</a><p>Câu lạc bộ đầu tiên của phường.</p></li>
</ul><div class="pagination"><a href="/thoi-su/?page=2">2</a><a href="/thoi-su/?page=3">3</a></div>
<a href="/private/noi-bo-20260104.htm">Nội bộ</a><a href="/tai-lieu/bao-cao.pdf">Báo cáo</a>
<a href="https://mangxahoi.example/share">Chia sẻ</a></body></html>`

// probeSite serves the probe test pages and records every request, so that a test can check what was contacted.
type probeSite struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string
	agents   map[string]bool
}

func newProbeSite(t *testing.T) *probeSite {
	t.Helper()
	legacy, err := charmap.Windows1258.NewEncoder().String(legacyenc.Windows1258Form(strings.Replace(portalPageWithBlocks,
		"charset=utf-8", "charset=windows-1258", 1)))
	if err != nil {
		t.Fatal(err)
	}
	s := &probeSite{agents: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.requests = append(s.requests, r.URL.RequestURI())
		s.agents[r.UserAgent()] = true
		s.mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/tin/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, newsPageWithBlocks)
		case "/thoi-su/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, listingPage)
		case "/news.aspx":
			w.Header().Set("Content-Type", "text/html") // the charset is in the page's <meta> only
			fmt.Fprint(w, legacy)
		case "/private/noi-bo-20260104.htm":
			fmt.Fprint(w, "<html><body>nội bộ</body></html>")
		case "/anh.jpg":
			w.Header().Set("Content-Type", "image/jpeg")
			fmt.Fprint(w, "\xff\xd8\xff")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func probeCrawler() *Crawler {
	cfg := config.Crawler{UserAgent: testUA, Parallelism: 1, Timeout: config.Duration(5 * time.Second),
		MaxBodyBytes: 1 << 20, MaxRedirects: 5}
	return New(cfg, nil, WithClock(func() time.Time { return time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone) }))
}

func TestProbe(t *testing.T) {
	site := newProbeSite(t)
	c := probeCrawler()
	ctx := context.Background()

	t.Run("article", func(t *testing.T) {
		res, err := c.Probe(ctx, site.URL+"/tin/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm", config.Outlet{})
		if err != nil {
			t.Fatal(err)
		}
		ex := res.Extraction
		if !ex.IsArticle || !ex.Signals.URLShape || ex.Signals.OGType != "article" || ex.Signals.JSONLD {
			t.Errorf("article signals: %v %+v", ex.IsArticle, ex.Signals)
		}
		if ex.Title != "Nữ kỹ sư mang nước sạch về bản" || ex.Author != "Minh Nhật - Trường Thịnh" || len(ex.Body) != 5 {
			t.Errorf("extraction: %q %q %d paragraphs", ex.Title, ex.Author, len(ex.Body))
		}
		if ex.Sources["body"] != SourceKnownBody+" .fck_detail" || ex.Sources["title"] != SourceMarkup {
			t.Errorf("sources %v", ex.Sources)
		}
		if res.Status != 200 || res.Charset != "utf-8" || res.Automatic != nil {
			t.Errorf("response %d %s, automatic %v", res.Status, res.Charset, res.Automatic)
		}
	})

	t.Run("listing", func(t *testing.T) {
		res, err := c.Probe(ctx, site.URL+"/thoi-su/", config.Outlet{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Extraction.IsArticle {
			t.Error("listing page taken as an article")
		}
		l := res.Links
		if len(l.Articles) != 3 || len(l.Listings) != 2 || l.RobotsBlocked != 1 || l.Skipped != 1 || l.OffSite != 1 {
			t.Errorf("links %+v", l)
		}
	})

	t.Run("windows-1258 with outlet settings", func(t *testing.T) {
		o := config.Outlet{ID: "phuong-thu", StartURLs: []string{site.URL + "/"}, ArticlePattern: `news\.aspx\?id=\d+`,
			Selectors: config.Selectors{Title: ".tieu-de", Body: ".noi-dung"}}
		res, err := c.Probe(ctx, site.URL+"/news.aspx?id=1002", o)
		if err != nil {
			t.Fatal(err)
		}
		ex := res.Extraction
		if res.Charset != "windows-1258" || ex.Title != "Phường Thử tổ chức hội nghị phụ nữ" || !ex.IsArticle ||
			!ex.Signals.PatternMatch || ex.Sources["body"] != SourceSelectors {
			t.Errorf("charset %s title %q article %v signals %+v sources %v", res.Charset, ex.Title, ex.IsArticle, ex.Signals, ex.Sources)
		}
		if len(ex.Body) != 3 || !strings.HasPrefix(ex.Body[0], "Sáng 15/01") {
			t.Errorf("body %q", ex.Body)
		}
		auto := res.Automatic
		if auto == nil || auto.Sources["body"] == SourceSelectors || auto.Signals.ArticlePattern != "" {
			t.Fatalf("automatic reading %+v", auto)
		}
		if len(res.Links.Articles) != 2 {
			t.Errorf("article links %v", res.Links.Articles)
		}
	})

	t.Run("robots disallowed", func(t *testing.T) {
		_, err := c.Probe(ctx, site.URL+"/private/noi-bo-20260104.htm", config.Outlet{})
		if !errors.Is(err, ErrRobotsDisallowed) {
			t.Errorf("err %v, want ErrRobotsDisallowed", err)
		}
	})

	t.Run("not html", func(t *testing.T) {
		if _, err := c.Probe(ctx, site.URL+"/anh.jpg", config.Outlet{}); err == nil || !strings.Contains(err.Error(), "not an HTML page") {
			t.Errorf("err %v", err)
		}
	})

	t.Run("host outside the outlet", func(t *testing.T) {
		o := config.Outlet{ID: "khac", StartURLs: []string{"https://baokhac.example/"}}
		if _, err := c.Probe(ctx, site.URL+"/thoi-su/", o); err == nil {
			t.Error("probe of a host the outlet does not allow succeeded")
		}
	})

	site.mu.Lock()
	defer site.mu.Unlock()
	for _, r := range site.requests {
		if strings.HasPrefix(r, "/private/") || strings.HasPrefix(r, "/tin/hoi") || strings.HasPrefix(r, "/thoi-su/?") {
			t.Errorf("probe fetched %s, a link or a disallowed page", r)
		}
	}
	if len(site.agents) != 1 || !site.agents[testUA] {
		t.Errorf("user agents %v, want only %q", site.agents, testUA)
	}
}
