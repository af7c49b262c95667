package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/model"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"

	"github.com/prometheus/client_golang/prometheus"
)

// testStore opens a real bleve index in a temp dir and the embedded rules' scorer, the parts every server test uses.
func testStore(tb testing.TB) (*indexer.Index, *scorer.Scorer) {
	tb.Helper()
	return indextest.Open(tb), scorertest.New(tb)
}

func newTestServer(t *testing.T) (*httptest.Server, *indexer.Index) {
	t.Helper()
	idx, sc := testStore(t)
	outlets := []config.Outlet{
		{ID: "bao-a", Name: "Báo A", Kind: "newspaper"},
		{ID: "phuong-b", Name: "Cổng phường B", Kind: "ward_portal"},
	}
	srv, err := New(Options{Outlets: outlets, Store: idx, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, idx
}

// TestOutletsAndMetrics: /api/outlets and the per-outlet gauges cover the current year in Vietnam by default and name
// their period; ?period= and the "all" series give other periods.
func TestOutletsAndMetrics(t *testing.T) {
	ts, idx := newTestServer(t)
	ctx := context.Background()
	docs := []indexer.Document{
		indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: "Một", Published: time.Now()}, Score: 80, Quoted: model.GenderCounts{Female: 1, Male: 3}},
		indexer.Document{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Title: "Hai", Published: time.Now()}, Score: 60, Categories: []string{"stereotype"}, Quoted: model.GenderCounts{Female: 1, Male: 1, Unknown: 2}},
		// An article of 2020 counts in all time only.
		indexer.Document{Article: model.Article{URL: "https://a.example/3", Outlet: "bao-a", Title: "Ba", Published: time.Date(2020, 5, 1, 8, 0, 0, 0, model.Vietnam())}, Score: 40, Quoted: model.GenderCounts{Female: 9, Male: 1}},
	}
	for _, d := range docs {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	type outletList struct {
		Period    PeriodView   `json:"period"`
		MinSample int          `json:"min_sample"`
		Outlets   []OutletView `json:"outlets"`
	}
	var got outletList
	resp, err := http.Get(ts.URL + "/api/outlets")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(got.Outlets) != 2 {
		t.Fatalf("outlets = %+v", got.Outlets)
	}
	year := time.Now().In(model.Vietnam()).Year()
	if got.Period.Name != strconv.Itoa(year) || got.Period.From == nil || !got.Period.From.Equal(model.Year(year).From) ||
		got.Period.To == nil || !got.Period.To.Equal(model.Year(year).To) || got.MinSample != model.DefaultMinSample {
		t.Errorf("period %+v, min_sample %d; want this year in Vietnam and %d", got.Period, got.MinSample, model.DefaultMinSample)
	}
	a, b := got.Outlets[0], got.Outlets[1]
	if a.ID != "bao-a" || a.Articles != 2 || a.Score == nil || *a.Score != 70 || a.QuotedWomenShare == nil || *a.QuotedWomenShare != 0.333 ||
		a.QuotedUnknownShare == nil || *a.QuotedUnknownShare != 0.25 {
		t.Errorf("bao-a = %+v", a)
	}
	// 2 women of 6 known sources, 2 unknown of 8: shown with n and interval, but below the minimum sample of 10.
	if q := a.Quoted; q.WomenShareBase != 6 || q.UnknownShareBase != 8 || q.WomenShareInterval == nil || q.WomenShareEnoughData ||
		q.UnknownShareEnoughData {
		t.Errorf("bao-a quoted = %+v, want bases 6 and 8 with an interval and not enough data", q)
	}
	if b.ID != "phuong-b" || b.Articles != 0 || b.Score != nil || b.QuotedWomenShare != nil || b.QuotedUnknownShare != nil ||
		b.Quoted.WomenShareInterval != nil {
		t.Errorf("outlet without articles = %+v, want nulls", b)
	}
	var all outletList
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets?period=all", http.StatusOK)), &all); err != nil {
		t.Fatal(err)
	}
	if all.Period.Name != "all" || all.Period.From != nil || all.Outlets[0].Articles != 3 || *all.Outlets[0].Score != 60 {
		t.Errorf("period=all: %+v %+v", all.Period, all.Outlets[0])
	}
	if q := all.Outlets[0].Quoted; q.WomenShareBase != 16 || !q.WomenShareEnoughData {
		t.Errorf("period=all quoted = %+v, want 16 known sources, enough data", q)
	}
	var old outletList
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets?period=2020", http.StatusOK)), &old); err != nil || old.Outlets[0].Articles != 1 {
		t.Errorf("period=2020: %+v, %v", old, err)
	}
	get(t, ts.URL+"/api/outlets?period=2020-13", http.StatusBadRequest)

	var one struct {
		OutletView
		Period PeriodView `json:"period"`
	}
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets/bao-a", http.StatusOK)), &one); err != nil || one.Name != "Báo A" ||
		one.Articles != 2 || one.Period.Name != strconv.Itoa(year) {
		t.Errorf("GET /api/outlets/bao-a = %+v, %v", one, err)
	}
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets/bao-a?period=all", http.StatusOK)), &one); err != nil ||
		one.Articles != 3 || one.Period.Name != "all" {
		t.Errorf("GET /api/outlets/bao-a?period=all = %+v, %v", one, err)
	}
	get(t, ts.URL+"/api/outlets/nope", http.StatusNotFound)
	get(t, ts.URL+"/api/outlets/bao-a?period=someday", http.StatusBadRequest)

	body := get(t, ts.URL+"/metrics", http.StatusOK)
	for _, want := range []string{
		`genderlens_outlet_articles{kind="newspaper",outlet="bao-a",period="year"} 2`,
		`genderlens_outlet_articles{kind="newspaper",outlet="bao-a",period="all"} 3`,
		`genderlens_outlet_articles{kind="ward_portal",outlet="phuong-b",period="year"} 0`,
		`genderlens_outlet_content_score{kind="newspaper",outlet="bao-a",period="year"} 70`,
		`genderlens_outlet_content_score{kind="newspaper",outlet="bao-a",period="all"} 60`,
		`genderlens_outlet_quoted_women_ratio{kind="newspaper",outlet="bao-a",period="year"} 0.3333`,
		`genderlens_outlet_quoted_women_ratio{kind="newspaper",outlet="bao-a",period="all"} 0.6875`,
		`genderlens_outlet_quoted_unknown_ratio{kind="newspaper",outlet="bao-a",period="year"} 0.25`,
		`genderlens_outlet_quoted_sources{gender="unknown",kind="newspaper",outlet="bao-a",period="year"} 2`,
		`genderlens_outlet_quoted_sources{gender="female",kind="newspaper",outlet="bao-a",period="all"} 11`,
		`genderlens_http_requests_total{code="200",handler="api_outlets"} 3`,
		`genderlens_outlet_stereotype_articles_ratio{kind="newspaper",outlet="bao-a",period="year"} 0.5`,
		`genderlens_outlet_stereotype_articles_ratio{kind="newspaper",outlet="bao-a",period="all"} 0.3333`,
		`genderlens_outlet_sexualization_articles_ratio{kind="newspaper",outlet="bao-a",period="year"} 0`,
		`genderlens_indexer_articles 3`,
		`genderlens_indexer_documents_written_total 3`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if strings.Contains(body, `genderlens_outlet_content_score{kind="ward_portal"`) {
		t.Error("a score series exists for an outlet without articles")
	}
}

func get(t *testing.T, url string, wantCode int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantCode {
		t.Fatalf("GET %s = %d, want %d: %s", url, resp.StatusCode, wantCode, b)
	}
	return string(b)
}

func TestCheckAPI(t *testing.T) {
	ts, _ := newTestServer(t)
	tests := []struct {
		name, contentType, body string
		code                    int
		wantInBody              string
	}{
		{"text", "text/plain; charset=utf-8", "Bà Nguyễn Thị Lan cho biết phái yếu cũng làm được.", 200, `"findings"`},
		{"json", "application/json", `{"text":"Ông Trần Văn Hùng nói: “Tốt.”"}`, 200, `"people"`},
		{"empty", "text/plain", "   ", 400, "empty"},
		{"bad json", "application/json", `{"text":`, 400, "invalid JSON"},
		{"unknown field", "application/json", `{"txt":"x"}`, 400, "invalid JSON"},
		{"not utf8", "text/plain", "\xff\xfe", 400, "UTF-8"},
		{"media type", "image/png", "x", 415, "text/plain"},
		{"too large", "text/plain", strings.Repeat("a", maxBodyBytes+1), 413, "1 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Post(ts.URL+"/api/check", tt.contentType, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.code {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.code, b)
			}
			if !strings.Contains(string(b), tt.wantInBody) {
				t.Errorf("body lacks %q: %s", tt.wantInBody, b)
			}
			if !json.Valid(b) {
				t.Errorf("error body is not JSON: %s", b)
			}
			if resp.StatusCode >= 400 {
				checkErrorBody(t, tt.name, resp.StatusCode, b)
			}
		})
	}
}

func TestRoutes(t *testing.T) {
	ts, _ := newTestServer(t)
	tests := []struct {
		method, path string
		code         int
	}{
		{"GET", "/healthz", 200},
		{"GET", "/", 200},
		{"GET", "/?lang=en", 200},
		{"GET", "/api/nope", 404},
		{"DELETE", "/api/outlets", 405},
		{"GET", "/api/check", 405},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, ts.URL+tt.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode >= 400 {
			checkErrorBody(t, tt.method+" "+tt.path, resp.StatusCode, b)
		}
		if resp.StatusCode != tt.code {
			t.Errorf("%s %s = %d, want %d", tt.method, tt.path, resp.StatusCode, tt.code)
		}
		if resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s %s has no Content-Security-Policy", tt.method, tt.path)
		}
	}
	if body := get(t, ts.URL+"/?lang=en", 200); !strings.Contains(body, "Báo A") || !strings.Contains(body, "Content score") {
		t.Errorf("English overview lacks the outlet or the English labels")
	}
	if body := get(t, ts.URL+"/", 200); !strings.Contains(body, "Điểm nội dung") || !strings.Contains(body, `lang="vi"`) {
		t.Errorf("default overview is not Vietnamese")
	}
}

// TestNewErrors: New names the option it cannot use, and a registry that already holds the server's metrics is an
// error, not a panic.
func TestNewErrors(t *testing.T) {
	idx, sc := testStore(t)
	reg := prometheus.NewRegistry()
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"no store", Options{Scorer: sc, Registry: reg}, "option Store"},
		{"no scorer", Options{Store: idx, Registry: reg}, "option Scorer"},
		{"no registry", Options{Store: idx, Scorer: sc}, "option Registry"},
		{"ok", Options{Store: idx, Scorer: sc, Registry: reg}, ""},
		{"registered twice", Options{Store: idx, Scorer: sc, Registry: reg}, "register the outlet metrics"},
		{"negative min sample", Options{Store: idx, Scorer: sc, Registry: prometheus.NewRegistry(), MinSample: -1}, "option MinSample"},
	}
	for _, tt := range tests {
		_, err := New(tt.opts)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestMinSampleOption: the configured minimum sample decides the enough-data flags of the API's shares.
func TestMinSampleOption(t *testing.T) {
	idx, sc := testStore(t)
	srv, err := New(Options{Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}}, Store: idx, Scorer: sc,
		Registry: prometheus.NewRegistry(), MinSample: 3})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	if err := idx.Put(context.Background(), indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a",
		Title: "Một", Published: time.Now()}, Score: 80, Quoted: model.GenderCounts{Female: 1, Male: 2}}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		MinSample int          `json:"min_sample"`
		Outlets   []OutletView `json:"outlets"`
	}
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets", http.StatusOK)), &got); err != nil {
		t.Fatal(err)
	}
	if got.MinSample != 3 || !got.Outlets[0].Quoted.WomenShareEnoughData || got.Outlets[0].People.WomenShareEnoughData {
		t.Errorf("min_sample %d, quoted %+v, people %+v: want 3 sources enough and no people not", got.MinSample,
			got.Outlets[0].Quoted, got.Outlets[0].People)
	}
	var agg AggregateView
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets/bao-a/aggregates", http.StatusOK)), &agg); err != nil {
		t.Fatal(err)
	}
	if agg.Figures.MinSample != 3 || !agg.Figures.Quoted.WomenShareEnoughData || agg.Figures.Topics["gbv"].EnoughData {
		t.Errorf("aggregates: min_sample %d, quoted %+v, gbv %+v; want 3 sources enough, 1 article not", agg.Figures.MinSample,
			agg.Figures.Quoted, agg.Figures.Topics["gbv"])
	}
}
