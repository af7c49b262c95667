package server

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"genderlens/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// The browser tests of the issue 6 pages drive headless chromium over the fixture, check the names and figures a
// reader sees, and save a full-page screenshot (go test -run InBrowser -artifacts -outputdir DIR).

// TestPagesInBrowser drives every page of issue 6 in one browser over one fixture server: starting chromium is most
// of a browser test's time. The evidence form runs last, since it records evidence.
func TestPagesInBrowser(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	ctx := browsertest.New(t)
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, context.Context, *httptest.Server)
	}{
		{"district", districtInBrowser}, {"outlet", outletInBrowser}, {"article", articleInBrowser},
		{"search", searchInBrowser}, {"evidence", evidenceInBrowser},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, ctx, ts) })
	}
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS(sel)))
}

func wantAll(t *testing.T, where, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q: %q", where, w, got)
		}
	}
}

func districtInBrowser(t *testing.T, ctx context.Context, ts *httptest.Server) {
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?year=2025"), chromedp.WaitVisible(chromedp.CSS("svg.bar"))); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "target caption", textOf(t, ctx, "#target-caption"), "1/2", "Thí điểm", "50%", "80%", "2025")
	wantAll(t, "outlets table", textOf(t, ctx, "table.outlets tbody"), "Báo Hồ Tây", "Cổng phường Sen", "Thí điểm", "Chưa áp dụng",
		"Cán bộ đầu mối", "12")
	wantAll(t, "Action Month", textOf(t, ctx, "table.action"), "Báo Hồ Tây", "Cổng phường Sen", "Toàn phường")
	total := textOf(t, ctx, "table.action tfoot")
	// 20/11, 25/11 and 5/12 at Báo Hồ Tây, 28/11 at phường Sen.
	wantAll(t, "Action Month total", total, "Toàn phường\t4\t")
	browsertest.Screenshot(t, ctx, "district-vi")
	// On a phone the page reflows: the wide tables scroll inside their box, the page itself does not.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("svg.bar"))); err != nil {
		t.Fatal(err)
	}
	overflow := browsertest.MustRun(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth + 1`))
	browsertest.Screenshot(t, ctx, "district-phone")
	if overflow {
		t.Error("the district overview scrolls sideways on a 390 px wide phone")
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#outlet-bao-ho-tay th a")), chromedp.WaitVisible(chromedp.CSS("svg.chart"))); err != nil {
		t.Fatal(err)
	}
	if h := textOf(t, ctx, "h1"); !strings.Contains(h, "Báo Hồ Tây") {
		t.Errorf("the outlet link led to %q", h)
	}
}

func outletInBrowser(t *testing.T, ctx context.Context, ts *httptest.Server) {
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/outlets/bao-ho-tay?year=2025&lang=en"), chromedp.WaitVisible(chromedp.CSS("svg.chart"))); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "heading", textOf(t, ctx, "h1"), "Báo Hồ Tây", "2025")
	wantAll(t, "status", textOf(t, ctx, "#status-h"), "Pilot")
	// A month's two sources are too few for a share: the cell says so and gives n.
	wantAll(t, "months", textOf(t, ctx, "table.months tbody"), "Jan", "Mar", "Dec", "not enough data", "n = 2")
	wantAll(t, "key figures", textOf(t, ctx, "p.lead"), "n = 22")
	wantAll(t, "top articles", textOf(t, ctx, "table.top tbody"), "Phái yếu khởi nghiệp công nghệ", "Người đẹp xuất hiện tại sân bay")
	wantAll(t, "categories", textOf(t, ctx, "table.categories"), "Stereotype", "Appearance")
	lines := browsertest.MustRun(t, ctx, chromedp.Evaluate[float64](`document.querySelectorAll("svg.chart polyline").length`))
	if lines < 2 {
		t.Errorf("%v trend lines drawn, want the women's share, the unknown share and the score", lines)
	}
	browsertest.Screenshot(t, ctx, "outlet-en")
}

func articleInBrowser(t *testing.T, ctx context.Context, ts *httptest.Server) {
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/article?url="+url.QueryEscape(fixtureStereo)),
		chromedp.WaitVisible(chromedp.CSS("mark.finding")), chromedp.Focus(chromedp.CSS("mark.finding"))); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "heading", textOf(t, ctx, "h1"), "Phái yếu khởi nghiệp công nghệ")
	marked := textOf(t, ctx, "mark.finding")
	tip := textOf(t, ctx, "mark.finding .tip")
	if !strings.HasPrefix(marked, "Phái yếu") || !strings.Contains(tip, "phụ nữ") {
		t.Errorf("first highlight %q, tip %q", marked, tip)
	}
	// The offsets refer to title, lead and body joined by blank lines: the lead must be in the text exactly once.
	wantAll(t, "text", textOf(t, ctx, "#marked"), "Nhiều dự án phần mềm có thành viên nữ.\n\nÔng Lê Minh Tuấn")
	wantAll(t, "people", textOf(t, ctx, "table.people tbody"), "Lê Minh Tuấn", "Phạm Quốc Bảo", "Nam", "Có")
	browsertest.Screenshot(t, ctx, "article-vi")
}

func searchInBrowser(t *testing.T, ctx context.Context, ts *httptest.Server) {
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/search"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SetValue(chromedp.CSS("#q"), "nguoi dep"),
		chromedp.Click(chromedp.CSS(".search-form button")),
		// The page before the search lists hits too: wait for the result page's highlighted snippet.
		chromedp.WaitVisible(chromedp.CSS("li.hit .snippet mark")),
	)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "hits", textOf(t, ctx, "section.hits"), "Người đẹp xuất hiện tại sân bay", "Báo Hồ Tây", "1 bài")
	mark := textOf(t, ctx, ".snippet mark")
	if !strings.EqualFold(mark, "người đẹp") && !strings.EqualFold(mark, "người") {
		t.Errorf("snippet highlight %q", mark)
	}
	wantAll(t, "facets", textOf(t, ctx, "aside.facets"), "Báo Hồ Tây", "2025-11")
	browsertest.Screenshot(t, ctx, "search-vi")
	// A facet narrows the search: every 2025 article of phường Sen, with the query cleared.
	err = chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/search?outlet=phuong-sen"),
		chromedp.WaitVisible(chromedp.CSS("li.hit")),
	)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "filtered hits", textOf(t, ctx, "#hits-h"), "2 bài")
}

func evidenceInBrowser(t *testing.T, ctx context.Context, ts *httptest.Server) {
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/outlets/phuong-sen/evidence/2025"),
		chromedp.WaitVisible(chromedp.CSS("#focal_person")),
		chromedp.SetValue(chromedp.CSS("#decision_ref"), "KH 7/KH-UBND"),
		chromedp.SetValue(chromedp.CSS("#focal_person"), "Trần Thị Hà, cán bộ văn hóa"),
		chromedp.SetValue(chromedp.CSS("#recorded_by"), "Phòng VH-TT"),
		chromedp.SetValue(chromedp.CSS("#token"), "not-the-token"),
		chromedp.Click(chromedp.CSS(".evidence-form button")),
		chromedp.WaitVisible(chromedp.CSS(".error")),
	)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "wrong token", textOf(t, ctx, ".error"), "không đúng")
	if tok := browsertest.MustRun(t, ctx, chromedp.Value(chromedp.CSS("#token"))); tok != "" {
		t.Errorf("the token field came back filled: %q", tok)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#token"), testToken),
		chromedp.Click(chromedp.CSS(".evidence-form button")),
		chromedp.WaitVisible(chromedp.CSS("p.ok-box")),
	)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "current evidence", textOf(t, ctx, "dl.evidence"), "KH 7/KH-UBND", "Trần Thị Hà, cán bộ văn hóa", "Phòng VH-TT")
	browsertest.Screenshot(t, ctx, "evidence-vi")
}
