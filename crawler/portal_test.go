package crawler

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/config"

	"github.com/prometheus/client_golang/prometheus"
)

// The portal sites below are built the way district and ward portals are: the article id in the query string or in
// a path with no words in it, table or div layouts, windows-1258 or utf-8, metadata on some pages only, "Các tin
// khác" boxes under every article, and listing pages whose URLs look like articles. Every text is generated from the
// fragments of site_test.go.

// portalStyle is the URL scheme of one portal software.
type portalStyle struct {
	name string
	// article is the URL of article id; listing the URL of listing page n (n >= 1; page 1 is also the start URL).
	article func(id int) string
	listing func(n int) string
}

var portalStyles = []portalStyle{
	{"aspnet", func(id int) string { return fmt.Sprintf("/news.aspx?id=%d", id) },
		func(n int) string { return fmt.Sprintf("/news.aspx?cat=2&page=%d", n) }},
	{"sharepoint", func(id int) string { return fmt.Sprintf("/Pages/chi-tiet.aspx?ItemID=%d", id) },
		func(n int) string { return fmt.Sprintf("/Pages/tin-tuc.aspx?Page=%d", n) }},
	{"joomla", func(id int) string {
		return fmt.Sprintf("/index.php?option=com_content&view=article&id=%d&catid=8", id)
	}, func(n int) string {
		return fmt.Sprintf("/index.php?option=com_content&view=category&id=8&limitstart=%d", (n-1)*4)
	}},
	{"liferay", func(id int) string { return fmt.Sprintf("/web/guest/tin-tuc/-/view_content/content/%d", id) },
		func(n int) string { return fmt.Sprintf("/web/guest/tin-tuc?cur=%d", n) }},
	{"wordpress", func(id int) string { return fmt.Sprintf("/?p=%d", id) },
		func(n int) string { return fmt.Sprintf("/category/tin-tuc/page/%d", n) }},
	{"dnn", func(id int) string { return fmt.Sprintf("/tin-tuc/tabid/57/ArticleId/%d/Default.aspx", id) },
		func(n int) string { return fmt.Sprintf("/tin-tuc/tabid/57/Default.aspx?pageno=%d", n) }},
}

// portalSite serves one portal: paginated listings, articles, and two listing pages dressed as articles (at an
// article URL, with og:type article on the metadata variant, and at a slug URL).
type portalSite struct {
	style    portalStyle
	legacy   bool // windows-1258 and table layout; otherwise utf-8 and div layout
	noDate   bool // articles print no date: those without metadata have nothing but their text to show
	articles []fakeArticle
	byURI    map[string]*fakeArticle
	fakes    map[string]bool // request URIs of the listing look-alikes
	srv      *httptest.Server
}

const portalPerPage = 4

func newPortalSite(t *testing.T, style portalStyle, legacy bool, n int, seed uint64) *portalSite {
	t.Helper()
	return newPortalSiteOf(t, style, legacy, makeArticles(styleLegacy, n, seed))
}

// newPortalSiteOf serves the given articles (real corpus texts, say) as a portal of the style: their paths, authors
// and metadata variants are the portal's.
func newPortalSiteOf(t *testing.T, style portalStyle, legacy bool, articles []fakeArticle) *portalSite {
	t.Helper()
	s := &portalSite{style: style, legacy: legacy, byURI: map[string]*fakeArticle{}, fakes: map[string]bool{}}
	s.articles = articles
	for i := range s.articles {
		a := &s.articles[i]
		a.Path = style.article(1001 + i)
		a.Author = authorList[i%len(authorList)]
		// Every other article carries metadata (og:type, article:published_time); the rest rely on their layout.
		if i%2 == 0 {
			a.Style = "meta"
		}
		s.byURI[a.Path] = a
	}
	s.fakes[style.article(9001)] = true
	s.fakes["/tin-tuc/hoat-dong-noi-bat-cua-cac-phuong-trong-thang.html"] = true
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *portalSite) serve(w http.ResponseWriter, r *http.Request) {
	// The portal ignores the tracking parameter its own listings add, as real ones do.
	q := r.URL.Query()
	q.Del("utm_source")
	uri := r.URL.Path
	if len(q) > 0 {
		uri = strings.TrimSuffix(r.URL.RequestURI(), "utm_source=trang-chu")
		uri = strings.TrimSuffix(strings.TrimSuffix(uri, "&"), "?")
	}
	var page string
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
		return
	case s.fakes[uri]:
		page = s.renderLookalike(uri)
	case s.byURI[uri] != nil:
		page = s.renderArticle(s.byURI[uri])
	default:
		n := 0
		for i := 1; i <= (len(s.articles)+portalPerPage-1)/portalPerPage; i++ {
			if uri == s.style.listing(i) {
				n = i
			}
		}
		if uri == "/" {
			n = 1
		}
		if n == 0 {
			http.NotFound(w, r)
			return
		}
		page = s.renderListing(n)
	}
	if s.legacy {
		enc, err := encodeWindows1258(strings.Replace(page, "utf-8", "windows-1258", 1))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(enc)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, page)
}

// chrome wraps content in the site's layout: a menu with the look-alikes in it, and a footer.
func (s *portalSite) chrome(title, head, content string) string {
	menu := fmt.Sprintf(`<a href="/">Trang chủ</a> <a href="%s">Tin tức - Sự kiện</a> <a href="%s">Chuyên đề</a> `+
		`<a href="/tin-tuc/hoat-dong-noi-bat-cua-cac-phuong-trong-thang.html">Hoạt động nổi bật</a>`,
		s.style.listing(1), s.style.article(9001))
	if s.legacy {
		return fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>%s</title>%s</head><body><table width="980" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="/images/banner.jpg" alt="Đài Truyền thanh quận"></td></tr>
<tr><td width="190" valign="top" class="menu">%s</td><td valign="top">%s</td></tr>
<tr><td colspan="2" align="center">Đài Truyền thanh quận - Số lượt truy cập: 00123456</td></tr></table></body></html>`,
			html.EscapeString(title), head, strings.ReplaceAll(menu, "</a> ", "</a><br>"), content)
	}
	return fmt.Sprintf(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>%s</title>%s</head>
<body><div class="header"><div class="menu">%s</div></div><div class="wrapper">%s</div>
<div class="footer">Cổng thông tin điện tử phường - Bản quyền thuộc Ủy ban nhân dân phường</div></body></html>`,
		html.EscapeString(title), head, menu, content)
}

func (s *portalSite) otherNews(except int) string {
	var b strings.Builder
	b.WriteString(`<div class="other"><b>Các tin khác</b><ul>`)
	for i, a := range s.articles {
		if i != except {
			fmt.Fprintf(&b, `<li><a href="%s">%s</a> (%s)</li>`, html.EscapeString(a.Path), html.EscapeString(a.Title),
				a.Published.Format("02/01/2006"))
		}
	}
	b.WriteString(`</ul><a href="` + html.EscapeString(s.style.listing(1)) + `">1</a> <a href="` +
		html.EscapeString(s.style.listing(2)) + `">2</a> <a href="` + html.EscapeString(s.style.listing(2)) + `">Trang sau</a></div>`)
	return b.String()
}

func (s *portalSite) renderArticle(a *fakeArticle) string {
	esc := html.EscapeString
	var head string
	if a.Style == "meta" {
		head = fmt.Sprintf(`<meta property="og:type" content="article"><meta property="og:title" content="%s">`+
			`<meta property="article:published_time" content="%s">`, esc(a.Title), a.Published.Format(time.RFC3339))
	}
	var paras strings.Builder
	for _, p := range a.Paras {
		fmt.Fprintf(&paras, "<p>%s</p>\n", esc(p))
	}
	idx := 0
	for i := range s.articles {
		if &s.articles[i] == a {
			idx = i
		}
	}
	var content string
	if s.noDate {
		content = fmt.Sprintf(`<h2 class="title">%s</h2><div class="noidung">%s</div>%s`, esc(a.Title), paras.String(), s.otherNews(idx))
	} else if s.legacy {
		// The date in a cell with no telling class: only its place under the headline says what it is.
		content = fmt.Sprintf(`<table width="100%%"><tr><td class="tieude"><b>%s</b></td></tr>
<tr><td class="tg">Cập nhật lúc %s</td></tr>
<tr><td>%s<p><img src="%s" alt="%s"></p><p align="right"><b>%s</b></p></td></tr></table>%s`,
			esc(a.Title), a.Published.Format("15:04 - 02/01/2006"), paras.String(), a.Image.URL, esc(a.Image.Alt),
			esc(a.Author), s.otherNews(idx))
	} else {
		content = fmt.Sprintf(`<div class="box"><h2 class="box-title">%s</h2><div class="meta">Thứ %s, %s</div>
<div class="noidung">%s<p><img src="%s" alt="%s"></p><p><strong>%s</strong></p></div>%s</div>`,
			esc(a.Title), []string{"Chủ nhật", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"}[a.Published.Weekday()], a.Published.Format("02/01/2006, 15:04"),
			paras.String(), a.Image.URL, esc(a.Image.Alt), esc(a.Author), s.otherNews(idx))
	}
	return s.chrome("Đài Truyền thanh quận - "+a.Title, head, content)
}

// renderListing writes listing page n: headlines with a date and a one-sentence teaser each, and pagination.
func (s *portalSite) renderListing(n int) string {
	from, to := (n-1)*portalPerPage, min(n*portalPerPage, len(s.articles))
	var b strings.Builder
	for i := from; i < to; i++ {
		a := s.articles[i]
		teaser := strings.SplitAfter(a.Paras[0], ". ")[0]
		// Tracking parameters on some links: the same article must still be fetched once.
		href := a.Path
		if i%2 == 1 {
			href += map[bool]string{true: "&", false: "?"}[strings.Contains(href, "?")] + "utm_source=trang-chu"
		}
		fmt.Fprintf(&b, `<div class="item"><a href="%s"><b>%s</b></a> <span>(%s)</span><div class="tomtat">%s</div></div>`,
			html.EscapeString(href), html.EscapeString(a.Title), a.Published.Format("02/01/2006"), html.EscapeString(teaser))
	}
	b.WriteString(`<div class="paging">`)
	for i := 1; i <= (len(s.articles)+portalPerPage-1)/portalPerPage; i++ {
		fmt.Fprintf(&b, `<a href="%s">%d</a> `, html.EscapeString(s.style.listing(i)), i)
	}
	b.WriteString(`</div>`)
	return s.chrome("Tin tức - Sự kiện - Trang "+strconv.Itoa(n), "", b.String())
}

// renderLookalike writes a listing page that looks like an article: a headline, a date, og:type article on the
// metadata variant, then a column of teasers, each a few sentences long, under headline links.
func (s *portalSite) renderLookalike(uri string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<h2 class="title">Hoạt động nổi bật của các phường trong tháng</h2><div class="tg">Cập nhật lúc %s</div><div class="list">`,
		s.articles[0].Published.Format("15:04 - 02/01/2006"))
	for _, a := range s.articles {
		fmt.Fprintf(&b, `<p><a href="%s">%s</a><br>%s</p>`, html.EscapeString(a.Path), html.EscapeString(a.Title),
			html.EscapeString(strings.Join(strings.SplitAfter(a.Paras[0], ". ")[:1], "")))
	}
	b.WriteString(`</div>`)
	head := ""
	if strings.Contains(uri, "9001") {
		head = `<meta property="og:type" content="article">`
	}
	return s.chrome("Hoạt động nổi bật của các phường trong tháng", head, b.String())
}

// TestCrawlPortalURLStyles crawls a portal of every URL style, in windows-1258 and utf-8, with the real crawler:
// every article is stored once, with its date, and no listing page is stored, with no article_pattern configured.
func TestCrawlPortalURLStyles(t *testing.T) {
	t.Parallel()
	cfg := config.Crawler{
		UserAgent: testUA, Delay: config.Duration(time.Millisecond), Parallelism: 2, Timeout: config.Duration(5 * time.Second),
		MaxPages: 100, MaxBodyBytes: 1 << 20, MaxRedirects: 5,
	}
	for i, style := range portalStyles {
		for _, legacy := range []bool{true, false} {
			name := style.name + map[bool]string{true: "-windows1258-table", false: "-utf8-div"}[legacy]
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				s := newPortalSite(t, style, legacy, 7, uint64(40+i))
				host := strings.TrimPrefix(s.srv.URL, "http://")
				o := config.Outlet{ID: name, Name: name, Kind: "district_portal", StartURLs: []string{s.srv.URL + "/"},
					AllowedHosts: []string{host}}
				reg := prometheus.NewRegistry()
				sink := newCountingSink()
				c := New(cfg, sink, WithMetrics(NewMetrics(reg)), WithLogger(testLogger(t)))
				st, err := c.Crawl(context.Background(), o)
				if err != nil {
					t.Fatal(err)
				}
				for _, want := range s.articles {
					canon, _ := CanonicalURL(s.srv.URL + want.Path)
					if n := sink.stores[canon]; n != 1 {
						t.Errorf("%s stored %d times, want 1", want.Path, n)
						continue
					}
					got := sink.articles[canon]
					if got.Title != want.Title {
						t.Errorf("%s: title %q, want %q", want.Path, got.Title, want.Title)
					}
					if !got.Published.Equal(want.Published.Truncate(time.Minute)) {
						t.Errorf("%s: published %v, want %v", want.Path, got.Published, want.Published)
					}
				}
				for uri := range s.fakes {
					canon, _ := CanonicalURL(s.srv.URL + uri)
					if sink.stores[canon] != 0 {
						t.Errorf("listing look-alike %s stored as an article", uri)
					}
				}
				if len(sink.stores) != len(s.articles) || st.Articles != len(s.articles) {
					t.Errorf("stored %d URLs (stats: %d articles), want %d: %v", len(sink.stores), st.Articles,
						len(s.articles), keysOf(sink.stores))
				}
				if got := counterValue(t, reg, "genderlens_crawler_pages_skipped_total", map[string]string{"outlet": name, "reason": SkipListing}); got < 2 {
					t.Errorf("pages skipped as listings: %v, want >= 2 (the look-alikes and the listings)", got)
				}
			})
		}
	}
}

// TestCrawlRadioStationOfTheIssue is the site of the issue: 64 articles at news.aspx?id=, table layout,
// windows-1258, no JSON-LD and no og:type on any page, found through 16 listing pages. Before the layout was
// measured, none of its articles was taken.
func TestCrawlRadioStationOfTheIssue(t *testing.T) {
	t.Parallel()
	s := newPortalSite(t, portalStyles[0], true, 64, 1002)
	for i := range s.articles {
		s.articles[i].Style = ""
	}
	cfg := config.Crawler{
		UserAgent: testUA, Delay: config.Duration(time.Millisecond), Parallelism: 2, Timeout: config.Duration(5 * time.Second),
		MaxPages: 300, MaxBodyBytes: 1 << 20, MaxRedirects: 5,
	}
	o := config.Outlet{ID: "dai-phat-thanh", Name: "Đài Phát thanh quận", Kind: "radio_tv", StartURLs: []string{s.srv.URL + "/"},
		AllowedHosts: []string{strings.TrimPrefix(s.srv.URL, "http://")}}
	sink := newCountingSink()
	c := New(cfg, sink, WithLogger(testLogger(t)))
	st, err := c.Crawl(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, want := range s.articles {
		canon, _ := CanonicalURL(s.srv.URL + want.Path)
		if sink.stores[canon] == 1 {
			found++
		}
	}
	t.Logf("%d pages fetched, %d of %d articles stored once, skipped %v, warnings %q", st.Pages, found, len(s.articles), st.Skipped, st.Warnings)
	if found != len(s.articles) || len(sink.stores) != len(s.articles) || len(st.Warnings) != 0 {
		t.Errorf("%d of %d articles stored once (%d URLs stored), warnings %q", found, len(s.articles), len(sink.stores), st.Warnings)
	}
}
