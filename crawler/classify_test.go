package crawler

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"genderlens/config"
)

// shapePage builds a page from the site_test fragments: head, then body.
func shapePage(head, body string) string {
	return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin phường</title>` + head +
		`</head><body><div class="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>` + body +
		`<div class="footer">Ủy ban nhân dân phường Hoa Sen</div></body></html>`
}

func TestClassifyPageShape(t *testing.T) {
	arts := makeArticles(styleLegacy, 8, 5)
	a := arts[0]
	paras := "<p>" + strings.Join(a.Paras, "</p><p>") + "</p>"
	headline := fmt.Sprintf(`<h2 class="tieude">%s</h2><div class="tg">%s</div>`, a.Title, a.Published.Format("02/01/2006 15:04"))
	var related, teasers, flat strings.Builder
	for i, o := range arts[1:] {
		fmt.Fprintf(&related, `<li><a href="/news.aspx?id=%d">%s</a></li>`, 2000+i, o.Title)
		fmt.Fprintf(&teasers, `<div class="item"><a href="/news.aspx?id=%d">%s</a><p>%s</p></div>`, 2000+i, o.Title, o.Paras[0])
		fmt.Fprintf(&flat, `<a href="/news.aspx?id=%d"><b>%s</b></a><br>%s<br>`, 2000+i, o.Title, o.Paras[0])
	}
	// An article with "Xem thêm" headline links inside its text, at a slug URL with og:type article.
	var inline strings.Builder
	for i, para := range a.Paras {
		fmt.Fprintf(&inline, "<p>%s</p>", para)
		if i < 3 {
			fmt.Fprintf(&inline, `<p><a href="/tin-tuc/bai-%d.html">Xem thêm: %s</a></p>`, i, arts[i+1].Title)
		}
	}
	paging := `<div class="paging"><a href="/tin-tuc?page=1">1</a> <a href="/tin-tuc?page=2">2</a> <a href="/tin-tuc?page=2">Trang sau</a></div>`
	article := shapePage("", headline+`<div class="noidung">`+paras+`</div><div class="other"><b>Các tin khác</b><ul>`+related.String()+`</ul>`+paging+`</div>`)
	tests := []struct {
		name, url, page, pattern string
		body                     string // selectors.body
		want                     bool
		reason                   string
	}{
		{"article at a query-string id", "http://p.vn/news.aspx?id=1002", article, "", "", true, ""},
		{"article at a listing-like URL", "http://p.vn/tin-tuc/Default.aspx?cat=2&page=3", article, "", "", true, ""},
		{"article without a date is not recognised by its layout", "http://p.vn/news.aspx?id=1002",
			strings.Replace(article, a.Published.Format("02/01/2006 15:04"), "Tin tức - Sự kiện", 1), "", "", false, SkipNoSignal},
		{"selectors.body makes an undated page an article", "http://p.vn/news.aspx?id=1002",
			strings.Replace(article, a.Published.Format("02/01/2006 15:04"), "Tin tức - Sự kiện", 1), "", ".noidung", true, ""},
		{"article with inline related links", "http://p.vn/xa-hoi/phuong-hoa-sen-co-them-san-choi-12345.html",
			shapePage(`<meta property="og:type" content="article">`, headline+`<div class="noidung">`+inline.String()+`</div><ul>`+related.String()+`</ul>`),
			"", "", true, ""},
		{"article_pattern overrides the layout", "http://p.vn/news.aspx?id=1002", article, `/bai-viet/\d+`, "", false, SkipPattern},
		{"article_pattern takes what it matches", "http://p.vn/news.aspx?id=1002", shapePage("", "<p>Trang trống</p>"), `news\.aspx\?id=`, "", true, ""},
		{"teaser listing at a slug URL", "http://p.vn/tin-tuc/hoat-dong-cua-cac-phuong-trong-thang-ba-12345.html",
			shapePage("", `<h1>Hoạt động của các phường trong tháng ba</h1>`+teasers.String()+paging), "", "", false, SkipListing},
		{"teaser listing with og:type article", "http://p.vn/news.aspx?id=9001",
			shapePage(`<meta property="og:type" content="article">`, `<h1>Tin tức - Sự kiện</h1><div class="tg">01/03/2026</div>`+teasers.String()), "", "", false, SkipListing},
		{"teasers in one cell", "http://p.vn/tin-tuc/tong-hop-tin-hoat-dong-cua-phuong-20260301.html",
			shapePage(`<meta property="og:type" content="article">`, `<table><tr><td>`+flat.String()+`</td></tr></table>`), "", "", false, SkipListing},
		{"JSON-LD article stays an article", "http://p.vn/news.aspx?id=1002",
			strings.Replace(article, "</title>", `</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>`, 1), "", "", true, ""},
		{"thin page", "http://p.vn/tin-tuc/mot-bai-viet-rat-ngan-ve-phuong.html", shapePage("", "<h1>Tiêu đề</h1><p>Một câu.</p>"), "", "", false, SkipThin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := url.Parse(tt.url)
			var p *regexp.Regexp
			if tt.pattern != "" {
				p = regexp.MustCompile(tt.pattern)
			}
			page, err := ExtractPage(tt.page, u, config.Outlet{ID: "x", Selectors: config.Selectors{Body: tt.body}}, p, time.Date(2026, 3, 5, 0, 0, 0, 0, newsZone))
			if err != nil {
				t.Fatal(err)
			}
			if page.IsArticle != tt.want || page.SkipReason != tt.reason {
				t.Errorf("IsArticle %v (%q), want %v (%q)", page.IsArticle, page.SkipReason, tt.want, tt.reason)
			}
		})
	}
}
