package crawler

import (
	"context"
	"log/slog"
	"net/url"
	"testing"
	"time"

	"genderlens/config"
)

// BenchmarkCrawlLoopback crawls a 200-article loopback site with politeness off (no delay, 8 requests in flight)
// and reports pages per second. Each iteration is a fresh Crawler and memory state, so everything is fetched.
func BenchmarkCrawlLoopback(b *testing.B) {
	site := newFakeSite(b, siteOptions{style: styleJSONLD, perPage: 40}, makeArticles(styleJSONLD, 200, 11))
	o := outletFor("bench", "newspaper", site)
	cfg := config.Crawler{UserAgent: testUA, Parallelism: 8, Timeout: config.Duration(10 * time.Second),
		MaxBodyBytes: 4 << 20, MaxRedirects: 5, MaxRetryAfter: config.Duration(time.Second)}
	pages := 0
	b.ResetTimer()
	for b.Loop() {
		st, err := New(cfg, newCountingSink(), WithLogger(slog.New(slog.DiscardHandler))).Crawl(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		if st.New != 200 {
			b.Fatalf("stored %d articles, want 200", st.New)
		}
		pages += st.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtractPage measures the extraction of one article page per style (JSON-LD, OpenGraph, windows-1258
// table layout, the last one including the charset decoding).
func BenchmarkExtractPage(b *testing.B) {
	for _, style := range []string{styleJSONLD, styleOG, styleLegacy} {
		b.Run(style, func(b *testing.B) {
			a := makeArticles(style, 1, 3)[0]
			raw := []byte(renderArticle(style, a, "https://example.org"))
			ct := "text/html; charset=utf-8"
			if style == styleLegacy {
				enc, err := encodeWindows1258(string(raw))
				if err != nil {
					b.Fatal(err)
				}
				raw, ct = enc, "text/html"
			}
			u, _ := url.Parse("https://example.org" + a.Path)
			b.SetBytes(int64(len(raw)))
			b.ResetTimer()
			for b.Loop() {
				text, _, err := decodeHTML(raw, ct)
				if err != nil {
					b.Fatal(err)
				}
				p, err := ExtractPage(text, u, config.Outlet{ID: "bench"}, nil, time.Now())
				if err != nil || !p.IsArticle {
					b.Fatalf("not extracted as an article: %v", err)
				}
			}
		})
	}
}
