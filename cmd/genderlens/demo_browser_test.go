package main

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"genderlens/internal/browsertest"
	"genderlens/internal/demo"

	"github.com/chromedp/chromedp"
)

// TestDemoPagesInBrowser runs `serve --demo` as a newcomer would and drives the pages in chromium on the demo data:
// the district overview, an outlet, an article and a search show the demo outlets and the figures the API reports.
func TestDemoPagesInBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	content, err := demo.Content()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for id, arts := range content {
		want[id] = len(arts)
	}
	addr := freeAddr(t)
	base := "http://" + addr
	rc := start(t, "serve", "--demo", "--listen", addr, "--data", filepath.Join(t.TempDir(), "data"))
	waitCrawled(t, base, want, rc)

	var district struct {
		PilotRate float64 `json:"pilot_rate"`
	}
	if err := getJSON(base+"/api/district?year=2025", &district); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?year=2025"), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	page := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("main")))
	browsertest.Screenshot(t, ctx, "demo-overview")
	for _, o := range demo.Outlets() {
		if !strings.Contains(page, o.Name) {
			t.Errorf("overview lacks outlet %q", o.Name)
		}
	}
	if rate := fmt.Sprintf("%.0f%%", district.PilotRate*100); !strings.Contains(page, rate) {
		t.Errorf("overview does not show the district pilot rate %s the API reports", rate)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/outlets/baohotay?year=2025"), chromedp.WaitVisible(chromedp.CSS("svg"))); err != nil {
		t.Fatal(err)
	}
	if h := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("h1"))); !strings.Contains(h, "Báo Hồ Tây") {
		t.Errorf("outlet page heading %q", h)
	}
	browsertest.Screenshot(t, ctx, "demo-outlet")

	var found struct {
		Articles []struct {
			URL string `json:"url"`
		} `json:"articles"`
	}
	if err := getJSON(base+"/api/articles?category=stereotype", &found); err != nil || len(found.Articles) == 0 {
		t.Fatalf("no demo article with a stereotype finding: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/article?url="+url.QueryEscape(found.Articles[0].URL)),
		chromedp.WaitVisible(chromedp.CSS("mark.finding"))); err != nil {
		t.Fatal(err)
	}
	browsertest.Screenshot(t, ctx, "demo-article")

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/search?q="+url.QueryEscape("phu nu")), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	if marks := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(strings.ToLower(marks), "phụ nữ") {
		t.Error("search for 'phu nu' shows no 'phụ nữ'")
	}
	browsertest.Screenshot(t, ctx, "demo-search")
}
