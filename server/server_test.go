package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
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

func TestOutletsAndMetrics(t *testing.T) {
	ts, idx := newTestServer(t)
	ctx := context.Background()
	docs := []indexer.Document{
		indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: "Một", Published: time.Now()}, Score: 80, Quoted: model.GenderCounts{Female: 1, Male: 3}},
		indexer.Document{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Title: "Hai", Published: time.Now()}, Score: 60, Categories: []string{"stereotype"}, Quoted: model.GenderCounts{Female: 1, Male: 1, Unknown: 2}},
	}
	for _, d := range docs {
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	var got struct {
		Outlets []OutletView `json:"outlets"`
	}
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
	a, b := got.Outlets[0], got.Outlets[1]
	if a.ID != "bao-a" || a.Articles != 2 || a.Score == nil || *a.Score != 70 || a.QuotedWomenShare == nil || *a.QuotedWomenShare != 0.333 {
		t.Errorf("bao-a = %+v", a)
	}
	if b.ID != "phuong-b" || b.Articles != 0 || b.Score != nil || b.QuotedWomenShare != nil {
		t.Errorf("outlet without articles = %+v, want nulls", b)
	}

	var one OutletView
	if err := json.Unmarshal([]byte(get(t, ts.URL+"/api/outlets/bao-a", http.StatusOK)), &one); err != nil || one.Name != "Báo A" || one.Articles != 2 {
		t.Errorf("GET /api/outlets/bao-a = %+v, %v", one, err)
	}
	get(t, ts.URL+"/api/outlets/nope", http.StatusNotFound)

	body := get(t, ts.URL+"/metrics", http.StatusOK)
	for _, want := range []string{
		`genderlens_outlet_articles{kind="newspaper",outlet="bao-a"} 2`,
		`genderlens_outlet_articles{kind="ward_portal",outlet="phuong-b"} 0`,
		`genderlens_outlet_content_score{kind="newspaper",outlet="bao-a"} 70`,
		`genderlens_outlet_quoted_women_ratio{kind="newspaper",outlet="bao-a"} 0.3333`,
		`genderlens_http_requests_total{code="200",handler="api_outlets"} 1`,
		`genderlens_outlet_stereotype_articles_ratio{kind="newspaper",outlet="bao-a"} 0.5`,
		`genderlens_outlet_sexualization_articles_ratio{kind="newspaper",outlet="bao-a"} 0`,
		`genderlens_indexer_articles 2`,
		`genderlens_indexer_documents_written_total 2`,
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
