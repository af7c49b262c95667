package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/model"
	"genderlens/scorer/scorertest"

	"github.com/prometheus/client_golang/prometheus"
)

// tookField is took_ms in an answer: the one part that differs between two answers to the same request.
var tookField = regexp.MustCompile(`"took_ms":[0-9]+,`)

// TestArticlesAnswersCached: GET /api/articles asked again is answered with the same bytes (took_ms aside) as
// encoding the search's result, and after every write to the store the answer shows it.
func TestArticlesAnswersCached(t *testing.T) {
	idx := indextest.Open(t)
	srv, err := New(Options{Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}}, Store: idx,
		Scorer: scorertest.New(t), Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	ctx := context.Background()
	put := func(i int, title string) {
		t.Helper()
		d := indexer.Document{Article: model.Article{URL: "https://a.example/" + string(rune('a'+i)), Outlet: "bao-a",
			Title: title, Body: "Hội phụ nữ phường họp.", Published: time.Date(2025, 3, 8, 9, 0, 0, 0, model.Vietnam())},
			RulesVersion: "v1"}
		if err := idx.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	const query = "/api/articles?q=phu+nu&period=2025"
	get := func() (string, int64) {
		t.Helper()
		resp, err := http.Get(ts.URL + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, %v: %s", resp.StatusCode, err, body)
		}
		var v struct {
			TookMS int64 `json:"took_ms"`
		}
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatal(err)
		}
		return tookField.ReplaceAllString(string(body), `"took_ms":N,`), v.TookMS
	}
	// want is the answer as encoding the store's result gives it, the way the API answered before the cache.
	want := func() string {
		t.Helper()
		period, label, err := periodParam("2025", "", "")
		if err != nil {
			t.Fatal(err)
		}
		req := model.SearchRequest{Query: "phu nu", Period: period, Size: 20, Facets: true}
		res, err := idx.Search(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		writeJSON(rec, http.StatusOK, map[string]any{
			"query": req.Query, "period": label, "total": res.Total, "offset": req.From, "size": req.Size,
			"articles": res.Articles, "facets": res.Facets, "took_ms": 0,
		})
		return tookField.ReplaceAllString(rec.Body.String(), `"took_ms":N,`)
	}

	put(0, "Phụ nữ khởi nghiệp")
	for i, title := range []string{"", "Phụ nữ làm kinh tế", "Nữ doanh nhân"} {
		if title != "" {
			put(i, title) // the second write adds an article, the third changes one
		}
		first, took := get()
		if took <= 0 {
			t.Errorf("step %d: took_ms %d, want more than 0", i, took)
		}
		if !srv.answers.has(answerKeyOf(model.SearchRequest{Query: "phu nu", Size: 20, Facets: true}, "2025"), idx.SearchGeneration()) {
			t.Errorf("step %d: the answer is not cached", i)
		}
		again, took := get()
		if took <= 0 {
			t.Errorf("step %d: cached answer's took_ms %d, want more than 0", i, took)
		}
		if w := want(); first != w || again != w {
			t.Errorf("step %d: answers differ from the encoded result:\nfirst %s\nagain %s\n want %s", i, first, again, w)
		}
	}
}

func (a *articleAnswers) has(k answerKey, gen uint64) bool {
	_, ok := a.get(k, gen)
	return ok
}
