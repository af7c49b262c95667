package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/model"
	"genderlens/scorer/scorertest"

	"github.com/prometheus/client_golang/prometheus"
)

// TestFaultDamagedResultsFile: with random bytes inside results.db, every article view answers (200 with the
// article, or a 503 JSON error with a code), never a dropped connection, and the metrics name the damage.
func TestFaultDamagedResultsFile(t *testing.T) {
	dir := t.TempDir()
	idx := indextest.OpenDir(t, dir)
	var urls []string
	var docs []indexer.Document
	for i := range 150 {
		u := fmt.Sprintf("https://a.example/%d", i)
		urls = append(urls, u)
		docs = append(docs, indexer.Document{Article: model.Article{URL: u, Outlet: "bao-a", Title: "Phụ nữ làm chủ",
			Published: time.Date(2025, 11, 20, 8, 0, 0, 0, model.Vietnam())}, RulesVersion: "r1", Score: 80,
			Result: fmt.Appendf(nil, `{"score":80,"pad":%q}`, strings.Repeat("x", 3000))})
	}
	if err := idx.PutMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "results.db"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := f.Stat()
	junk := make([]byte, 64<<10)
	r := rand.New(rand.NewPCG(5, 6))
	for i := range junk {
		junk[i] = byte(r.Uint32())
	}
	if _, err := f.WriteAt(junk, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	f.Close()

	idx = indextest.OpenDir(t, dir)
	srv, err := New(Options{Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}}, Store: idx,
		Scorer: scorertest.New(t), Registry: prometheus.NewRegistry()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	unavailable := 0
	for _, u := range urls {
		code, body := do(t, "GET", ts.URL+"/api/article?url="+u, "", nil)
		switch code {
		case http.StatusOK:
		case http.StatusServiceUnavailable:
			unavailable++
			if body["code"] == nil {
				t.Fatalf("503 without a code: %v", body)
			}
		default:
			t.Fatalf("GET /api/article: %d %v", code, body)
		}
	}
	if unavailable == 0 {
		t.Fatal("no article view met the damage: the test tests nothing")
	}
	resp, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(b), "genderlens_indexer_damaged_parts 1") {
		t.Errorf("/metrics does not count the damaged results file")
	}
}
