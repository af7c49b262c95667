package server

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func fetch(t *testing.T, method, u string, form url.Values) (int, http.Header, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// scriptTag matches a script element's start tag.
var scriptTag = regexp.MustCompile(`<script[^>]*>`)

func TestPagesStatusAndContent(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	tests := []struct {
		name, path string
		code       int
		want       []string
	}{
		{"district", "/?year=2025", 200, []string{"Báo Hồ Tây", "Cổng phường Sen", "Thí điểm", "Chưa áp dụng", "50%", "Mục tiêu 80%",
			"Tháng hành động", "<svg class=\"bar\"", "Toàn phường", "/outlets/bao-ho-tay",
			"Tổng quan Phường Hồ Tây 2025", "các cơ quan trong phường"}},
		{"district en", "/?year=2025&lang=en", 200, []string{"Phường Hồ Tây overview", "How the ward&#39;s outlets", "Whole ward", "Pilot", "Not started", "Action Month", "lang=en"}},
		{"district bad year", "/?year=abc", 400, []string{"Yêu cầu không hợp lệ"}},
		{"outlet", "/outlets/bao-ho-tay?year=2025", 200, []string{"Báo Hồ Tây", "<polyline", "Nguồn tin nữ", "Chưa rõ giới",
			"Phái yếu khởi nghiệp công nghệ", "Người đẹp xuất hiện tại sân bay", "Định kiến, rập khuôn giới", "B1.3"}},
		{"outlet unknown", "/outlets/nope", 404, []string{"Không có cơ quan này"}},
		{"outlet bad year", "/outlets/bao-ho-tay?year=1", 400, []string{"Yêu cầu không hợp lệ"}},
		{"article", "/article?url=" + url.QueryEscape(fixtureStereo), 200, []string{`<mark class="finding`, "Phái yếu",
			"Lê Minh Tuấn", "Phạm Quốc Bảo", "phụ nữ"}},
		{"article missing url", "/article", 400, []string{"Yêu cầu không hợp lệ"}},
		{"article unknown", "/article?url=https%3A%2F%2Fnope.example%2F", 404, []string{"Không có bài viết này"}},
		{"search", "/search?q=phai+yeu", 200, []string{"Phái yếu khởi nghiệp", "<mark>", "Lọc nhanh"}},
		{"search filters", "/search?outlet=phuong-sen&period=action-month-2025", 200, []string{"Phường Sen ra quân", "1 bài"}},
		{"search odd query", "/search?q=" + url.QueryEscape(`"phu nu +-:*~^() \ </mark><script>`), 200, []string{"&lt;script&gt;"}},
		{"search bad offset", "/search?offset=-1", 400, nil},
		{"search bad period", "/search?period=someday", 400, []string{"Khoảng thời gian không hợp lệ"}},
		{"search unknown outlet", "/search?outlet=nope", 400, []string{"Không có cơ quan này"}},
		{"evidence", "/outlets/bao-ho-tay/evidence/2025", 200, []string{"QĐ 12/QĐ-BHT", "Nguyễn Thị Mai", `name="token"`, `type="password"`}},
		{"evidence unknown outlet", "/outlets/nope/evidence/2025", 404, nil},
		{"evidence bad year", "/outlets/bao-ho-tay/evidence/20x5", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, h, body := fetch(t, "GET", ts.URL+tt.path, nil)
			if code != tt.code {
				t.Fatalf("GET %s = %d, want %d", tt.path, code, tt.code)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type %q", ct)
			}
			if h.Get("Content-Security-Policy") == "" {
				t.Error("no Content-Security-Policy")
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s lacks %q", tt.path, w)
				}
			}
			// The CSP blocks inline styles and scripts: the pages must not need them. A page may load a script
			// of its own from /static/.
			for _, bad := range []string{"style=", "<style", testToken} {
				if strings.Contains(body, bad) {
					t.Errorf("GET %s contains %q", tt.path, bad)
				}
			}
			for _, tag := range scriptTag.FindAllString(body, -1) {
				if !strings.Contains(tag, ` src="/static/`) {
					t.Errorf("GET %s has an inline script: %s", tt.path, tag)
				}
			}
		})
	}
}

func TestEvidenceForm(t *testing.T) {
	ts, srv := newPagesTestServer(t)
	u := ts.URL + "/outlets/phuong-sen/evidence/2025"
	form := url.Values{"recorded_by": {"Cán bộ <b>Hà</b>"}, "decision_ref": {"KH 5/KH-UBND"}, "decision_date": {"2025-03-01"},
		"focal_person": {"Trần Thị Hà"}, "staff_trained": {"55,5"}, "women_leadership": {"40,5"}, "report_sent": {"25/11/2025"}}
	with := func(token string) url.Values {
		f := url.Values{}
		for k, v := range form {
			f[k] = v
		}
		if token != "" {
			f.Set("token", token)
		}
		return f
	}
	if code, h, body := fetch(t, "POST", u, with("")); code != 401 || h.Get("WWW-Authenticate") == "" || !strings.Contains(body, "Cần nhập mã truy cập") {
		t.Errorf("without token: %d %q", code, h.Get("WWW-Authenticate"))
	}
	if code, _, body := fetch(t, "POST", u, with("wrong")); code != 403 || !strings.Contains(body, "không đúng") || strings.Contains(body, "wrong") {
		t.Errorf("wrong token: %d (the page must not echo the token)", code)
	}
	bad := with(testToken)
	bad.Set("report_sent", "hôm qua")
	bad.Set("staff_trained", "120")
	code, _, body := fetch(t, "POST", u, bad)
	if code != 400 || !strings.Contains(body, "KH 5/KH-UBND") || strings.Contains(body, testToken) {
		t.Errorf("invalid date: %d; want 400 with the form kept and no token", code)
	}
	// Each mistake is said in Vietnamese and names the field by its label, never by its code.
	for _, want := range []string{"Ngày gửi báo cáo năm: cần một ngày", "«hôm qua»",
		"Tỷ lệ phóng viên, biên tập viên được tập huấn (%): cần một tỷ lệ phần trăm từ 0 đến 100, không phải «120»"} {
		if !strings.Contains(body, want) {
			t.Errorf("the invalid form lacks %q", want)
		}
	}
	if strings.Contains(body, "report_sent:") || strings.Contains(body, "staff_trained:") {
		t.Error("the invalid form names fields by their codes")
	}
	code, h, _ := fetch(t, "POST", u, with(testToken))
	if code != http.StatusSeeOther || !strings.HasSuffix(h.Get("Location"), "/outlets/phuong-sen/evidence/2025?saved=1") {
		t.Fatalf("save: %d Location %q", code, h.Get("Location"))
	}
	cur, _, ok := srv.opts.Evidence.Get("phuong-sen", 2025)
	if !ok || cur.FocalPerson != "Trần Thị Hà" || cur.StaffTrainedShare == nil || *cur.StaffTrainedShare != 0.555 || cur.ReportSent != "2025-11-25" ||
		cur.WomenLeadershipShare == nil || *cur.WomenLeadershipShare != 0.405 || cur.RecordedBy != "Cán bộ <b>Hà</b>" {
		t.Fatalf("stored evidence = %+v", cur)
	}
	_, _, body = fetch(t, "GET", u+"?saved=1", nil)
	// 55,5 comes back as typed, not as 55.50000000000001.
	for _, w := range []string{"Đã lưu hồ sơ", "KH 5/KH-UBND", `value="55,5"`, `value="40,5"`, "Cán bộ &lt;b&gt;Hà&lt;/b&gt;"} {
		if !strings.Contains(body, w) {
			t.Errorf("after saving, the page lacks %q", w)
		}
	}
	// A second recording moves the first to the history.
	second := with(testToken)
	second.Set("focal_person", "Lê Thị Thu")
	if code, _, _ := fetch(t, "POST", u, second); code != http.StatusSeeOther {
		t.Fatalf("second save: %d", code)
	}
	if _, _, body := fetch(t, "GET", u, nil); !strings.Contains(body, "Lê Thị Thu") || !strings.Contains(body, `<details class="history">`) {
		t.Error("the second recording or the history is missing")
	}
}

func TestEvidenceFormDisabledWithoutToken(t *testing.T) {
	ts, srv := newPagesTestServer(t)
	srv.opts.APIToken = ""
	code, _, body := fetch(t, "POST", ts.URL+"/outlets/phuong-sen/evidence/2025", url.Values{"token": {"anything"}, "recorded_by": {"x"}})
	if code != 403 || !strings.Contains(body, "chưa cấu hình mã truy cập") {
		t.Errorf("writes disabled: %d", code)
	}
}

func TestSafeSnippet(t *testing.T) {
	tests := map[string]string{
		"a &amp; b <mark>phụ nữ</mark> c":                      "a &amp; b <mark>phụ nữ</mark> c",
		"&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>": "&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>",
		"<script>alert(1)</script>":                            "&lt;script&gt;alert(1)&lt;/script&gt;",
		"<mark><mark>x</mark></mark> <b onclick=y>":            "<mark>x</mark> &lt;b onclick=y&gt;",
		"open <mark>never closed":                              "open <mark>never closed</mark>",
		"&#34;quoted&#34; &#39;":                               "&#34;quoted&#34; &#39;",
	}
	for in, want := range tests {
		if got := string(safeSnippet(in)); got != want {
			t.Errorf("safeSnippet(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCharts(t *testing.T) {
	a, b := 0.25, 0.5
	svg := string(lineChart(`<x> & "y"`, monthLabels("vi"), 1, pctTick,
		chartSeries{Name: "w", Colour: "#000", Values: []*float64{&a, &b, nil, &a}}))
	if strings.Count(svg, "<polyline") != 1 || strings.Count(svg, "<circle") != 3 || !strings.Contains(svg, "&lt;x&gt; &amp; &#34;y&#34;") {
		t.Errorf("line chart: a gap must split the line, points drawn, title escaped: %s", svg)
	}
	if strings.Contains(svg, "style=") {
		t.Error("the chart uses a style attribute, which the CSP blocks")
	}
	bar := string(progressBar("t", 0.5, 0.8, "50%", "80%"))
	if !strings.Contains(bar, `width="232.0"`) || !strings.Contains(bar, "80%") {
		t.Errorf("bar: %s", bar)
	}
}

// TestPagesHaveNoRawKeys catches catalog keys shown as such, in both languages.
func TestPagesHaveNoRawKeys(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	raw := regexp.MustCompile(`>[^<]*\b(col|district|evidence|outlet|search|level|req|got|status|error|action|series|topic|facet|article|cat|role|gender|kind|violence|target|warn|field)\.[a-z_]+`)
	for _, path := range []string{"/?year=2025", "/outlets/bao-ho-tay?year=2025", "/outlets/phuong-sen?year=2024",
		"/article?url=" + url.QueryEscape(fixtureSexual), "/search?q=phuong", "/outlets/bao-ho-tay/evidence/2025", "/outlets/nope"} {
		for _, lang := range []string{"", "&lang=en"} {
			u := ts.URL + path
			if lang != "" {
				if strings.Contains(path, "?") {
					u += lang
				} else {
					u += "?lang=en"
				}
			}
			_, _, body := fetch(t, "GET", u, nil)
			if m := raw.FindString(body); m != "" {
				t.Errorf("GET %s shows a raw catalog key: %q", u, m)
			}
		}
	}
	for lang, words := range pageCatalog {
		other := map[string]string{"vi": "en", "en": "vi"}[lang]
		for k := range words {
			if _, ok := pageCatalog[other][k]; !ok {
				t.Errorf("key %s is in %s but not in %s", k, lang, other)
			}
		}
	}
}

// TestTemplateKeysInCatalog checks that every literal key a template translates exists in both languages.
func TestTemplateKeysInCatalog(t *testing.T) {
	key := regexp.MustCompile(`\.T "([a-z0-9_.]+)"`)
	names, _ := fs.Glob(templateFS, "templates/*.html")
	for _, n := range names {
		b, _ := fs.ReadFile(templateFS, n)
		for _, m := range key.FindAllStringSubmatch(string(b), -1) {
			for _, lang := range []string{"vi", "en"} {
				if _, ok := catalog[lang][m[1]]; !ok {
					t.Errorf("%s: key %q missing in %s", n, m[1], lang)
				}
			}
		}
	}
}

// TestOverviewPeriodsAndShares: the overview names its year, shows each share with n and its interval (or "not enough
// data" under the minimum sample) beside the unknown share, and a past target's row keeps its own year's result.
func TestOverviewPeriodsAndShares(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	_, _, body := fetch(t, "GET", ts.URL+"/?year=2025", nil)
	row := func(id string) string {
		i := strings.Index(body, `<tr id="outlet-`+id+`"`)
		if i < 0 {
			t.Fatalf("no row for %s", id)
		}
		return body[i : i+strings.Index(body[i:], "</tr>")]
	}
	// Báo Hồ Tây quotes 10 women among 22 sources of known gender in 2025, and none of unknown gender.
	for _, want := range []string{"45% <span class=\"basis\">n = 22 · <span title=\"khoảng tin cậy 95%\">27–65%</span></span>",
		"0% <span class=\"basis\">n = 22 · "} {
		if !strings.Contains(row("bao-ho-tay"), want) {
			t.Errorf("Báo Hồ Tây's row lacks %q:\n%s", want, row("bao-ho-tay"))
		}
	}
	// Cổng phường Sen has two sources: too few for a share.
	if r := row("phuong-sen"); !strings.Contains(r, `<span class="nodata">chưa đủ dữ liệu</span> <span class="basis">n = 2</span>`) {
		t.Errorf("Cổng phường Sen's row lacks not enough data with n:\n%s", r)
	}
	for _, want := range []string{"Số liệu các cơ quan là của năm 2025", "khoảng tin cậy 95% (Wilson)", "dưới 10 nguồn tin"} {
		if !strings.Contains(body, want) {
			t.Errorf("the 2025 overview lacks %q", want)
		}
	}
	if _, _, en := fetch(t, "GET", ts.URL+"/?year=2025&lang=en", nil); !strings.Contains(en, `<span class="nodata">not enough data</span>`) ||
		!strings.Contains(en, "Outlet figures are for 2025") {
		t.Error("the English overview lacks not enough data or its period")
	}

	// The 2025 target (80% pilot) reads 2025's result, 1 of 2 outlets, on the 2025 page and on the 2026 page, where no
	// evidence is recorded yet; the 2030 target reads the page's year.
	targets := func(year int) string {
		_, _, b := fetch(t, "GET", fmt.Sprintf("%s/?year=%d", ts.URL, year), nil)
		i := strings.Index(b, `<table class="targets">`)
		return b[i : i+strings.Index(b[i:], "</table>")]
	}
	for _, year := range []int{2025, 2026} {
		tb := targets(year)
		if !strings.Contains(tb, `<td>2025</td><td>Thí điểm</td><td class="num">80%</td><td class="num">50% (1)</td><td class="num">2025</td>`) {
			t.Errorf("%d overview: the 2025 target row does not show 2025's 50%%:\n%s", year, tb)
		}
		if !strings.Contains(tb, fmt.Sprintf(`<td>2030</td><td>Chính thức</td><td class="num">100%%</td><td class="num">0%% (0)</td><td class="num">%d</td>`, year)) {
			t.Errorf("%d overview: the 2030 target row does not show %d:\n%s", year, year, tb)
		}
	}
	var d struct {
		Targets []struct {
			Year       int     `json:"year"`
			ResultYear int     `json:"result_year"`
			Rate       float64 `json:"rate"`
		} `json:"targets"`
	}
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/district?year=2026", 200)), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Targets) != 2 || d.Targets[0].Year != 2025 || d.Targets[0].ResultYear != 2025 || d.Targets[0].Rate != 0.5 ||
		d.Targets[1].ResultYear != 2026 {
		t.Errorf("/api/district?year=2026 targets = %+v, want 2025's 50%% for the 2025 target", d.Targets)
	}
}

// TestShareCatalogComplete: the shares' words exist in both languages.
func TestShareCatalogComplete(t *testing.T) {
	for lang, words := range shareCatalog {
		other := map[string]string{"vi": "en", "en": "vi"}[lang]
		for k := range words {
			if _, ok := shareCatalog[other][k]; !ok {
				t.Errorf("key %s is in %s but not in %s", k, lang, other)
			}
		}
	}
}

// TestSearchSnippetEllipses: a snippet has an ellipsis only where the index cut the text, never "… …".
func TestSearchSnippetEllipses(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	_, _, body := fetch(t, "GET", ts.URL+"/search?q=nguoi+dep", nil)
	snippet := regexp.MustCompile(`<p class="snippet"[^>]*>(.*?)</p>`).FindAllStringSubmatch(body, -1)
	if len(snippet) == 0 {
		t.Fatal("no snippet")
	}
	for _, m := range snippet {
		text := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")
		if strings.Contains(text, "… …") || strings.Contains(text, "……") || strings.HasPrefix(text, "… Người đẹp") {
			t.Errorf("snippet %q: ellipses doubled or where nothing was cut", text)
		}
	}
}
