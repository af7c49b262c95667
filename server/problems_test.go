package server

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"

	"github.com/prometheus/client_golang/prometheus"
)

// TestPositiveSignalsAreNotProblems: the outlet page's "articles with the most problems" leaves out an article whose
// only findings are positive signals and names no positive category, and the search page's "kind of problem" facet
// lists the problems before the positive signals.
func TestPositiveSignalsAreNotProblems(t *testing.T) {
	idx, sc := testStore(t)
	const good, bad = "Hội đồng có thêm thành viên nữ", "Phái yếu vào hội đồng quản trị"
	var docs []indexer.Document
	for i, a := range []model.Article{
		{Title: good, Body: "Theo Luật Bình đẳng giới, tỷ lệ nữ trong hội đồng đã tăng lên 30%. Tỷ lệ phụ nữ trong ban điều hành cũng tăng."},
		{Title: bad, Body: "Theo Luật Bình đẳng giới, phái yếu nay chiếm 30% hội đồng."},
	} {
		a.Outlet, a.URL, a.Published = "bao-a", "https://a.example/tin-"+string(rune('1'+i)), time.Date(2025, 5, 10+i, 8, 0, 0, 0, model.Vietnam())
		d, err := ingest.Score(sc, crawler.Article{Article: a})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(d.Categories, ","), model.CategoryPositive) {
			t.Fatalf("%q has no positive signal: %v", a.Title, d.Categories)
		}
		docs = append(docs, d)
	}
	if err := idx.PutMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}},
		Store: idx, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	_, _, page := fetch(t, "GET", ts.URL+"/outlets/bao-a?year=2025", nil)
	top := page[strings.Index(page, `id="top-h"`):]
	top = top[:strings.Index(top, "</section>")]
	if !strings.Contains(top, bad) || strings.Contains(top, good) {
		t.Errorf("the most problems list should have %q and not %q:\n%s", bad, good, top)
	}
	if positive := translate("vi", "cat.positive"); strings.Contains(top, positive) {
		t.Errorf("the most problems list names %q:\n%s", positive, top)
	}

	_, _, page = fetch(t, "GET", ts.URL+"/search?q=hoi+dong", nil)
	page = page[strings.Index(page, `<aside class="facets"`):]
	problem, positive := strings.Index(page, translate("vi", "cat.stereotype")), strings.Index(page, translate("vi", "cat.positive"))
	if problem < 0 || positive < 0 || positive < problem {
		t.Errorf("the category facet should list %q (at %d) before %q (at %d)", translate("vi", "cat.stereotype"), problem,
			translate("vi", "cat.positive"), positive)
	}
}
