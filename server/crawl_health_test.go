package server

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// TestCrawlHealthShown: the outlet page and /api/outlets/{id} show the outlet's last crawl and its warning, and the
// overview flags the outlets with no article in the year.
func TestCrawlHealthShown(t *testing.T) {
	ts, _ := newPagesTestServer(t)

	var got struct {
		CrawlHealth *struct {
			LastCrawl string         `json:"last_crawl"`
			Pages     int            `json:"pages"`
			Articles  int            `json:"articles"`
			Errors    int            `json:"errors"`
			Skipped   map[string]int `json:"skipped"`
			Warnings  []string       `json:"warnings"`
		} `json:"crawl_health"`
	}
	for id, want := range map[string]bool{"bao-ho-tay": true, "phuong-sen": false} {
		body := get(t, ts.URL+"/api/outlets/"+id, 200)
		got.CrawlHealth = nil
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatal(err)
		}
		if (got.CrawlHealth != nil) != want || !strings.Contains(body, `"crawl_health"`) {
			t.Errorf("%s: crawl_health %+v, want present: %v", id, got.CrawlHealth, want)
		}
	}
	h := fixtureCrawlHealth["bao-ho-tay"]
	body := get(t, ts.URL+"/api/outlets/bao-ho-tay", 200)
	_ = json.Unmarshal([]byte(body), &got)
	if c := got.CrawlHealth; c == nil || c.Pages != 75 || c.Skipped["no_signal"] != 64 || len(c.Warnings) != 1 {
		t.Errorf("crawl_health %+v, want the crawler's %+v", c, h)
	}

	tests := []struct {
		path string
		want []string
		not  []string
	}{
		{"/outlets/bao-ho-tay?year=" + strconv.Itoa(fixtureYear),
			[]string{"Thu thập tin", "08:30 01/12/" + strconv.Itoa(fixtureYear), "75 trang đã tải", `không có dấu hiệu của bài viết (<code lang="en">no_signal</code>) 64`,
				"Cảnh báo", "article_pattern", "selectors.date"}, nil},
		{"/outlets/bao-ho-tay?lang=en&year=" + strconv.Itoa(fixtureYear),
			[]string{"Crawl health", "75 pages fetched", "Warning:", "none taken as an article"}, nil},
		{"/outlets/phuong-sen?year=" + strconv.Itoa(fixtureYear), []string{"Chưa có lần thu thập nào"}, []string{"Cảnh báo"}},
		{"/?year=" + strconv.Itoa(fixtureYear), nil, []string{"no-articles"}},
		{"/?year=" + strconv.Itoa(fixtureYear-1), []string{`class="bad no-articles"`, "Không có bài nào trong năm"}, nil},
		{"/?lang=en&year=" + strconv.Itoa(fixtureYear-1), []string{"No articles in the year"}, nil},
	}
	for _, tt := range tests {
		page := get(t, ts.URL+tt.path, 200)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", tt.path, w)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(page, n) {
				t.Errorf("%s shows %q", tt.path, n)
			}
		}
	}
	if n := strings.Count(get(t, ts.URL+"/?year="+strconv.Itoa(fixtureYear-1), 200), `class="bad no-articles"`); n != 2 {
		t.Errorf("overview of a year without articles flags %d outlets, want 2", n)
	}
}
