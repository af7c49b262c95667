package crawler

import (
	"context"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"genderlens/config"

	"github.com/prometheus/client_golang/prometheus"
)

// TestCrawlWarnsWhenOutletYieldsTooLittle: a crawl that fetches pages but stores no or far too few articles logs a
// warning naming the outlet, the likely cause and the setting that fixes it, and the crawl health says so.
func TestCrawlWarnsWhenOutletYieldsTooLittle(t *testing.T) {
	t.Parallel()
	cfg := config.Crawler{
		UserAgent: testUA, Delay: config.Duration(time.Millisecond), Parallelism: 2, Timeout: config.Duration(5 * time.Second),
		MaxPages: 100, MaxBodyBytes: 1 << 20, MaxRedirects: 5,
	}
	tests := []struct {
		name    string
		noDate  bool
		pattern string
		// want are fragments of the warning; stored the number of articles stored.
		want   []string
		stored int
	}{
		{"healthy", false, "", nil, 7},
		{"wrong article_pattern", false, `/bai-viet/\d+\.html`, []string{"none taken as an article", "article_pattern", `bai-viet`}, 0},
		{"undated pages without metadata", true, "", []string{"article-length text", "no_signal", "article_pattern", "selectors.date"}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newPortalSite(t, portalStyles[0], true, 7, 77)
			s.noDate = tt.noDate
			id := "dai-truyen-thanh"
			o := config.Outlet{ID: id, Name: id, StartURLs: []string{s.srv.URL + "/"}, ArticlePattern: tt.pattern,
				AllowedHosts: []string{strings.TrimPrefix(s.srv.URL, "http://")}}
			var logs syncBuffer
			sink := newCountingSink()
			reg := prometheus.NewRegistry()
			dir := t.TempDir()
			c := New(cfg, sink, WithMetrics(NewMetrics(reg)), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))), WithStateDir(dir))
			st, err := c.Crawl(context.Background(), o)
			if err != nil {
				t.Fatal(err)
			}
			if st.Articles != tt.stored {
				t.Errorf("stored %d articles, want %d", st.Articles, tt.stored)
			}
			h, ok := c.CrawlHealth(id)
			if !ok || h.Pages != st.Pages || h.Stored != st.Articles || h.LastCrawl.IsZero() {
				t.Errorf("crawl health %+v (%v), want the crawl's stats %+v", h, ok, st)
			}
			// A restarted process reads the same health from the state directory.
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
			again, ok := New(cfg, sink, WithStateDir(dir)).CrawlHealth(id)
			if !ok || !again.LastCrawl.Equal(h.LastCrawl) || again.Pages != h.Pages || again.Articles != h.Articles ||
				!maps.Equal(again.Skipped, h.Skipped) || !slices.Equal(again.Warnings, h.Warnings) {
				t.Errorf("crawl health after restart %+v (%v), want %+v", again, ok, h)
			}
			if len(tt.want) == 0 {
				if len(st.Warnings) != 0 || strings.Contains(logs.String(), "level=WARN") {
					t.Errorf("warnings %q on a healthy outlet\n%s", st.Warnings, logs.String())
				}
				return
			}
			if len(st.Warnings) != 1 || len(h.Warnings) != 1 {
				t.Fatalf("warnings %q (health %q), want one", st.Warnings, h.Warnings)
			}
			for _, frag := range append(tt.want, id) {
				if !strings.Contains(st.Warnings[0], frag) {
					t.Errorf("warning %q does not say %q", st.Warnings[0], frag)
				}
			}
			if !strings.Contains(logs.String(), "level=WARN") || !strings.Contains(logs.String(), "outlet="+id) {
				t.Errorf("no WARN naming the outlet in the log:\n%s", logs.String())
			}
			skipped := 0.0
			for reason := range h.Skipped {
				skipped += counterValue(t, reg, "genderlens_crawler_pages_skipped_total", map[string]string{"outlet": id, "reason": reason})
			}
			if skipped == 0 {
				t.Errorf("no page counted in genderlens_crawler_pages_skipped_total (health: %v)", h.Skipped)
			}
		})
	}
}
