package crawler

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"genderlens/config"
	"genderlens/internal/legacyenc"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func TestParseSitemap(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, newsZone) }
	tests := []struct {
		name            string
		in              string
		pages, sitemaps []sitemapEntry
		wantErr         bool
	}{
		{name: "urlset", in: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc> https://a.example/1.html </loc><lastmod>2026-03-07</lastmod></url><url><loc>https://a.example/2.html</loc></url></urlset>`,
			pages: []sitemapEntry{{Loc: "https://a.example/1.html", LastMod: day(2026, 3, 7)}, {Loc: "https://a.example/2.html"}}},
		{name: "index", in: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/s1.xml</loc>
<lastmod>2026-03-07T10:00:00+07:00</lastmod></sitemap></sitemapindex>`,
			sitemaps: []sitemapEntry{{Loc: "https://a.example/s1.xml", LastMod: time.Date(2026, 3, 7, 10, 0, 0, 0, newsZone)}}},
		{name: "news sitemap", in: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://a.example/n.html</loc><news:news><news:publication_date>2026-03-07</news:publication_date><news:title>Tin</news:title></news:news></url></urlset>`,
			pages: []sitemapEntry{{Loc: "https://a.example/n.html"}}},
		{name: "not a sitemap", in: `<html><body>404</body></html>`, wantErr: true},
		{name: "garbage", in: `{"json": true}`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, sitemaps, err := parseSitemap([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			eq := func(a, b sitemapEntry) bool { return a.Loc == b.Loc && a.LastMod.Equal(b.LastMod) }
			if !slices.EqualFunc(pages, tt.pages, eq) || !slices.EqualFunc(sitemaps, tt.sitemaps, eq) {
				t.Errorf("got %v / %v, want %v / %v", pages, sitemaps, tt.pages, tt.sitemaps)
			}
		})
	}
}

func TestParseFeed(t *testing.T) {
	legacy, err := charmap.Windows1258.NewEncoder().String(legacyenc.Windows1258Form(`<?xml version="1.0" encoding="windows-1258"?>
<rss version="2.0"><channel><title>Tin tức phường</title><item><title>Hội nghị</title><link>http://p.example/tin/1.html</link></item></channel></rss>`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		in      string
		want    []string
		wantErr bool
	}{
		{name: "rss", in: `<rss version="2.0"><channel><item><link> https://a.example/1 </link></item><item><guid>https://a.example/2</guid></item></channel></rss>`,
			want: []string{"https://a.example/1", "https://a.example/2"}},
		{name: "atom", in: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="https://a.example/self"/><link href="https://a.example/3"/></entry></feed>`,
			want: []string{"https://a.example/3"}},
		{name: "rdf", in: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item><link>https://a.example/4</link></item></rdf:RDF>`,
			want: []string{"https://a.example/4"}},
		{name: "windows-1258", in: legacy, want: []string{"http://p.example/tin/1.html"}},
		{name: "html", in: `<html><body>not a feed</body></html>`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFeed([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t\n b  ", "a b"},
		{"Ho\u0300a\u00a0Bi\u0300nh\u200b", "Hòa Bình"},
		{"\u3000x\u2003y", "x y"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanByline(t *testing.T) {
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone)
	tests := []struct{ in, want string }{
		{"Bởi Hải Yến", "Hải Yến"},
		{"Đức Long · 2 giờ trước", "Đức Long"},
		{"Minh Châu | 17/01/2022 10:30", "Minh Châu"},
		{"Thu Hà - Phòng VH-TT", "Thu Hà - Phòng VH-TT"},
		{"Theo Báo Thử", "Báo Thử"},
		{strings.Repeat("Một câu rất dài không phải tên tác giả. ", 4), ""},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in, now); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://a/1</loc><lastmod>2026-01-01</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a/s.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1258"?><urlset><url><loc>x</loc></url></urlset>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		pages, sitemaps, err := parseSitemap(b)
		if err != nil {
			return
		}
		for _, e := range append(pages, sitemaps...) {
			if e.Loc == "" || e.Loc != strings.TrimSpace(e.Loc) {
				t.Fatalf("entry with empty or untrimmed loc: %q", e.Loc)
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<rss><channel><item><link>https://a/1</link></item></channel></rss>`))
	f.Add([]byte(`<feed><entry><link href="https://a/2"/></entry></feed>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		links, err := parseFeed(b)
		if err != nil {
			return
		}
		for _, l := range links {
			if l == "" {
				t.Fatal("empty link")
			}
		}
	})
}

func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte("<meta charset=windows-1258><p>Ha\xcc N\xf4\xecI</p>"), "text/html")
	f.Add([]byte("\xef\xbb\xbf<p>Hà Nội</p>"), "text/html; charset=windows-1258")
	f.Add([]byte("<p>\xff\xfe</p>"), "")
	f.Fuzz(func(t *testing.T, b []byte, ct string) {
		s, _, err := decodeHTML(b, ct)
		if err != nil {
			return
		}
		if !utf8.ValidString(s) {
			t.Fatalf("decodeHTML gave invalid UTF-8 for %q", b)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Fatalf("decodeHTML gave text not in NFC for %q", b)
		}
	})
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"  a  b ", "Ho\u0300a\u00a0Bi\u0300nh", "\u200b", "x\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := cleanText(s)
		if cleanText(c) != c {
			t.Fatalf("cleanText not idempotent on %q: %q -> %q", s, c, cleanText(c))
		}
		if strings.Contains(c, "  ") || strings.TrimSpace(c) != c {
			t.Fatalf("cleanText(%q) = %q keeps extra space", s, c)
		}
	})
}

func FuzzExtractPage(f *testing.F) {
	f.Add(`<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"T","author":[{"name":"A"}]}</script></head><body><p>x</p></body></html>`)
	f.Add(`<table><tr><td class="date">Thứ Hai, 17/01/2022 - 10:30</td></tr></table>`)
	f.Fuzz(func(t *testing.T, s string) {
		u := mustParseURL("https://a.example/tin/bai-viet-thu-nghiem-12345.html")
		page, err := ExtractPage(s, u, testOutlet, nil, time.Date(2026, 1, 1, 0, 0, 0, 0, newsZone))
		if err != nil {
			return
		}
		if !page.Article.Published.IsZero() && page.Article.Published.Location().String() != newsZone.String() {
			t.Fatalf("published not in %v", newsZone)
		}
	})
}

var testOutlet = config.Outlet{ID: "fuzz"}

func mustParseURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestSlugPath(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/xa-hoi/phu-nu-phuong-hoa-mai-khoi-nghiep-10001.html", true},
		{"/tin-tuc/sofitel-metropol-hanoi---khach-san-5052.html", true},
		{"/tin-tuc/mua-antrau-5095.html", true},
		{"/kinh-doanh/vinamilk-20201001163534963.htm", true},
		{"/tin-moi", false},
		{"/chuyen-muc/xa-hoi-12.html", false},
		{"/tin-tuc/trang-2.html", false},
		{"/", false},
	}
	for _, tt := range tests {
		if got := slugPathRe.MatchString(tt.path); got != tt.want {
			t.Errorf("slugPathRe(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}
