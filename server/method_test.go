package server

import (
	"context"
	"html"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/rules"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
)

// TestScoreMethodShown: the article page, the self-check page and the report explain the score with the numbers of
// the rule set the server scores with, in the page's language.
func TestScoreMethodShown(t *testing.T) {
	idx, _ := testStore(t)
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	set.Scoring.HalfLife = 12 // not the embedded number, so the text must come from this scorer
	sc, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	a := model.Article{Outlet: "bao-a", URL: "https://a.example/tin-1", Title: "Phái yếu khởi nghiệp",
		Body: "Phái yếu ngày càng tham gia nhiều dự án.", Published: time.Date(2025, 5, 10, 8, 0, 0, 0, model.Vietnam())}
	d, err := ingest.Score(sc, crawler.Article{Article: a})
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.PutMany(context.Background(), []indexer.Document{d}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}},
		Store: idx, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	vi, en := "2^(-điểm phạt / 12)", "2^(-points / 12)"
	for _, tt := range []struct {
		name, method, path string
		form               url.Values
		want               string
	}{
		{"article", "GET", "/article?url=" + url.QueryEscape(a.URL), nil, vi},
		{"article en", "GET", "/article?lang=en&url=" + url.QueryEscape(a.URL), nil, en},
		{"check", "POST", "/check", url.Values{"text": {"Phái yếu khởi nghiệp"}}, vi},
		{"check en", "POST", "/check?lang=en", url.Values{"text": {"Phái yếu khởi nghiệp"}}, en},
		{"report", "GET", "/report?year=2025&format=html", nil, vi},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, body := fetch(t, tt.method, ts.URL+tt.path, tt.form)
			if code != 200 || !strings.Contains(html.UnescapeString(body), tt.want) {
				t.Errorf("%s %s = %d, without %q", tt.method, tt.path, code, tt.want)
			}
		})
	}
}
