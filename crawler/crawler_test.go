package crawler

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/internal/legacyenc"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// memorySink records what the crawler hands over.
type memorySink struct {
	mu       sync.Mutex
	articles map[string]Article
	stores   int
}

func (s *memorySink) Store(_ context.Context, a Article) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.articles == nil {
		s.articles = map[string]Article{}
	}
	s.articles[a.URL] = a
	s.stores++
	return nil
}

type siteArticle struct {
	path, title, author, date, body string
	legacy                          bool // served as windows-1258 in an old table layout
}

var siteArticles = []siteArticle{
	{path: "/xa-hoi/phu-nu-phuong-hoa-mai-khoi-nghiep-10001.html", title: "Phụ nữ phường Hoa Mai khởi nghiệp từ nghề truyền thống",
		author: "Minh Châu", date: "2026-03-07T08:15:00+07:00",
		body: "Hội Liên hiệp Phụ nữ phường Hoa Mai vừa tổng kết mô hình hỗ trợ hội viên khởi nghiệp.\n\nBà Nguyễn Thị Lan, Chủ tịch Hội, cho biết năm nay có thêm 40 hộ vay vốn ưu đãi để mở xưởng may và cửa hàng thực phẩm sạch.\n\n“Chúng tôi muốn chị em tự tin làm chủ”, bà Lan nói."},
	{path: "/kinh-te/cho-dau-moi-mo-rong-gio-ban-dem-10002.html", title: "Chợ đầu mối mở rộng giờ bán đêm",
		author: "Quang Huy", date: "2026-04-02T21:00:00+07:00",
		body: "Ban quản lý chợ đầu mối phía Bắc quyết định kéo dài giờ bán đến 2 giờ sáng từ tháng tới.\n\nÔng Trần Văn Đức, Trưởng ban quản lý, cho biết lượng hàng về chợ tăng mạnh vào ban đêm và tiểu thương đề nghị mở cửa muộn hơn.\n\nCác tuyến xe tải được bố trí bãi chờ riêng để tránh ùn tắc."},
	{path: "/tin-tuc/truong-thcs-nguyen-trai-khai-giang.html", title: "Trường THCS Nguyễn Trãi khai giảng năm học mới",
		author: "Thu Hà - Phòng VH-TT", date: "05/09/2025 - 07:30", legacy: true,
		body: "Sáng nay, trường THCS Nguyễn Trãi trên đường Lê Lợi tổ chức lễ khai giảng năm học mới với hơn 900 học sinh.\n\nCô Phạm Thị Hoa, Hiệu trưởng nhà trường, nhấn mạnh mục tiêu nâng cao chất lượng dạy tiếng Anh và kỹ năng sống.\n\nPhụ huynh đã đóng góp cây xanh cho sân trường."},
}

func articleHTML(a siteArticle) string {
	var paras strings.Builder
	for _, p := range strings.Split(a.body, "\n\n") {
		fmt.Fprintf(&paras, "<p>%s</p>\n", html.EscapeString(p))
	}
	if a.legacy {
		return fmt.Sprintf(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><title>%s</title></head>
<body><table width="100%%"><tr><td class="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></td>
<td><h2 class="title">%s</h2><div class="date">Thứ Sáu, %s</div><div class="content">%s<p><b>%s</b></p></div>
<p>Lượt truy cập: 123456</p></td></tr></table></body></html>`,
			html.EscapeString(a.title), html.EscapeString(a.title), a.date, paras.String(), html.EscapeString(a.author))
	}
	return fmt.Sprintf(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>%s - Báo Thử</title>
<link rel="canonical" href="%s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":%q,"author":{"@type":"Person","name":%q}}</script>
</head><body><header><nav><a href="/">Trang chủ</a> <a href="/chuyen-muc?trang=1">Tin mới</a></nav></header>
<div class="ads">Quảng cáo: vay tiền nhanh</div>
<article><h1>%s</h1><div class="byline">%s</div><div class="article-body">%s</div></article>
<aside><h3>Tin liên quan</h3><a href="%s?utm_source=related&utm_medium=web">Bài liên quan</a></aside>
<footer>Báo Thử - Giấy phép số 1/GP</footer></body></html>`,
		html.EscapeString(a.title), a.path, a.title, a.date, a.author, html.EscapeString(a.title), html.EscapeString(a.author),
		paras.String(), siteArticles[0].path)
}

// newTestSite serves the articles above with a robots.txt that disallows /private, a sitemap listing one article,
// a paginated listing and a disallowed page linked from it. It counts requests per path.
func newTestSite(t *testing.T) (*httptest.Server, map[string]int, *sync.Mutex) {
	t.Helper()
	hits := map[string]int{}
	var mu sync.Mutex
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private\n\nSitemap: http://%s/sitemap.xml\n", r.Host)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://%s%s</loc><lastmod>2026-03-07</lastmod></url></urlset>`, r.Host, siteArticles[1].path)
	})
	mux.HandleFunc("/chuyen-muc", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Query().Get("trang") == "2" {
			fmt.Fprintf(w, `<html><body><a href="%s">bài</a> <a href="/private/noi-bo-khong-cong-khai-123.html">nội bộ</a></body></html>`, siteArticles[2].path)
			return
		}
		fmt.Fprintf(w, `<html><body><a href="%s?utm_source=home">bài</a> <a href="%s#comments">bài</a> <a href="/chuyen-muc?trang=2">Trang 2</a></body></html>`,
			siteArticles[0].path, siteArticles[0].path)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><a href="/chuyen-muc?trang=1">Tin mới</a></body></html>`)
	})
	for _, a := range siteArticles {
		mux.HandleFunc(a.path, func(w http.ResponseWriter, r *http.Request) {
			page := articleHTML(a)
			if a.legacy {
				// windows-1258 writes tones as combining marks: encode the NFD form, as old portals did.
				enc, err := charmap.Windows1258.NewEncoder().String(legacyenc.Windows1258Form(page))
				if err != nil {
					t.Errorf("encode windows-1258: %v", err)
				}
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, enc)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		})
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, hits, &mu
}

func testCrawlerConfig() config.Crawler {
	return config.Crawler{
		UserAgent: "genderlens-test/1.0 (+https://example.org/genderlens)", Parallelism: 2,
		Timeout: config.Duration(5 * time.Second), MaxPages: 100, MaxBodyBytes: 1 << 20,
	}
}

func TestCrawlSite(t *testing.T) {
	srv, hits, mu := newTestSite(t)
	sink := &memorySink{}
	c := New(testCrawlerConfig(), sink, WithLogger(testLogger(t)))
	o := config.Outlet{ID: "thu", Name: "Báo Thử", Kind: "newspaper", StartURLs: []string{srv.URL + "/"}}
	st, err := c.Crawl(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if st.RobotsBlocked != 1 {
		t.Errorf("robots blocked = %d, want 1", st.RobotsBlocked)
	}
	mu.Lock()
	if hits["/private/noi-bo-khong-cong-khai-123.html"] != 0 {
		t.Error("a robots-disallowed page was fetched")
	}
	for _, a := range siteArticles {
		if hits[a.path] != 1 {
			t.Errorf("%s fetched %d times, want 1", a.path, hits[a.path])
		}
	}
	mu.Unlock()
	if sink.stores != len(siteArticles) {
		t.Errorf("stored %d times, want %d", sink.stores, len(siteArticles))
	}
	for _, want := range siteArticles {
		canon, _ := CanonicalURL(srv.URL + want.path)
		got, ok := sink.articles[canon]
		if !ok {
			t.Errorf("article %s not stored; have %v", canon, keys(sink.articles))
			continue
		}
		if got.Title != want.title {
			t.Errorf("%s: title %q, want %q", want.path, got.Title, want.title)
		}
		if got.Author != want.author {
			t.Errorf("%s: author %q, want %q (body %q)", want.path, got.Author, want.author, got.Body)
		}
		wantDate, _ := ParseVietnameseDate(want.date, time.Now())
		if !got.Published.Equal(wantDate) {
			t.Errorf("%s: published %v, want %v", want.path, got.Published, wantDate)
		}
		if f1 := tokenF1(got.Body, want.body); f1 < 0.95 {
			t.Errorf("%s: body token F1 %.2f < 0.95\ngot:  %q\nwant: %q", want.path, f1, got.Body, want.body)
		}
		if !norm.NFC.IsNormalString(got.Body) {
			t.Errorf("%s: body is not NFC", want.path)
		}
	}
}

func TestCrawlCancel(t *testing.T) {
	srv, _, _ := newTestSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	c := New(testCrawlerConfig(), &memorySink{}, WithLogger(testLogger(t)))
	start := time.Now()
	_, err := c.Crawl(ctx, config.Outlet{ID: "thu", Name: "x", Kind: "newspaper", StartURLs: []string{srv.URL + "/"}})
	if err == nil {
		t.Error("a cancelled crawl reported success")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("cancelled crawl took %v", d)
	}
}

func keys(m map[string]Article) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// tokenF1 compares two texts as bags of whitespace tokens.
func tokenF1(got, want string) float64 {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			m[w]++
		}
		return m
	}
	g, w := count(got), count(want)
	overlap, ng, nw := 0, 0, 0
	for k, n := range g {
		ng += n
		overlap += min(n, w[k])
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 || nw == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(ng), float64(overlap)/float64(nw)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
