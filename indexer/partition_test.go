package indexer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
)

func TestPartitionsByYear(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ict := model.Vietnam()
	docs := []Document{
		Document{Article: model.Article{URL: "u2024", Outlet: "a", Title: "Phụ nữ 2024", Published: time.Date(2024, 12, 31, 23, 30, 0, 0, ict)}},
		// 31/12 17:30 UTC is already 2025 in Hanoi.
		Document{Article: model.Article{URL: "u2025", Outlet: "a", Title: "Phụ nữ 2025", Published: time.Date(2024, 12, 31, 17, 30, 0, 0, time.UTC)}},
		Document{Article: model.Article{URL: "undated", Outlet: "a", Title: "Phụ nữ không ngày"}},
	}
	if err := ix.PutMany(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if got := ix.partNames(); len(got) != 3 || got[0] != "2024" || got[1] != "2025" || got[2] != undatedPartition {
		t.Fatalf("partitions = %v, want 2024 2025 undated", got)
	}
	// A correction of the date moves the article; it is never in two partitions.
	moved := docs[0]
	moved.Published = time.Date(2026, 1, 5, 8, 0, 0, 0, ict)
	if err := ix.Put(ctx, moved); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		period model.Period
		want   uint64
	}{
		{model.Period{}, 3},
		{model.Year(2024), 0},
		{model.Year(2025), 1},
		{model.Year(2026), 1},
		{model.Period{From: time.Date(2025, 1, 1, 0, 0, 0, 0, ict)}, 2},
		{model.Period{To: time.Date(2025, 1, 1, 0, 0, 0, 0, ict)}, 0},
	}
	for _, tt := range tests {
		res, err := ix.Search(ctx, model.SearchRequest{Query: "phu nu", Period: tt.period, Facets: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tt.want {
			t.Errorf("period %v..%v: %d hits, want %d", tt.period.From, tt.period.To, res.Total, tt.want)
		}
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n, err := ix.docCount()
	if err != nil || n != 3 || ix.Count() != 3 {
		t.Errorf("after reopen: %d documents in bleve, %d in the table (err %v), want 3", n, ix.Count(), err)
	}
	if d, ok, err := ix.Get("u2024"); err != nil || !ok || d.Published.Year() != 2026 {
		t.Errorf("moved article: %+v ok %v err %v", d.Published, ok, err)
	}
}

// TestTwoCopiesAfterCrash simulates a crash between writing a moved article and deleting its old copy.
func TestTwoCopiesAfterCrash(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	old := Document{Article: model.Article{URL: "u", Outlet: "a", Title: "cũ", Published: time.Date(2024, 5, 1, 8, 0, 0, 0, model.Vietnam())}}
	if err := ix.Put(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	newer := old
	newer.Title, newer.Published = "mới", time.Date(2025, 5, 1, 8, 0, 0, 0, model.Vietnam())
	p, err := ix.partition("2025", true)
	if err != nil {
		t.Fatal(err)
	}
	f := newer.fields()
	f[fieldStoredAt] = float64(time.Now().Add(time.Hour).UnixNano())
	if err := p.Index("u", f); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n, _ := ix.docCount()
	d, _, _ := ix.Get("u")
	if n != 1 || ix.Count() != 1 || d.Title != "mới" {
		t.Errorf("after repair: %d copies, title %q; want the newer copy only", n, d.Title)
	}
}

// TestConvertSingleIndex opens a store of the first layout (one index in articles.bleve, older field layout).
func TestConvertSingleIndex(t *testing.T) {
	dir := t.TempDir()
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	single, err := bleve.New(filepath.Join(dir, "articles.bleve"), m)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 30 {
		d := testDoc(i, "a")
		d.Published = time.Date(2023+i%3, 3, 1, 8, 0, 0, 0, model.Vietnam())
		if err := single.Index(d.URL, d.fields()); err != nil {
			t.Fatal(err)
		}
	}
	if err := single.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if ix.Count() != 30 || len(ix.partNames()) != 3 {
		t.Errorf("converted: %d articles in %v, want 30 in 3 partitions", ix.Count(), ix.partNames())
	}
	if _, err := os.Stat(filepath.Join(dir, "articles.bleve"+singleIndexSuffix)); !os.IsNotExist(err) {
		t.Errorf("the single index was not removed after conversion: %v", err)
	}
	if d, ok, err := ix.Get(testDoc(7, "a").URL); err != nil || !ok || d.Title != testDoc(7, "a").Title {
		t.Errorf("Get after conversion: %+v %v %v", d.Title, ok, err)
	}
}

// TestRebuildOnLayoutChange reopens a partition written with another field layout version: it is rebuilt in
// place and keeps every article.
func TestRebuildOnLayoutChange(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]Document, 20)
	for i := range docs {
		docs[i] = testDoc(i, "a")
	}
	if err := ix.PutMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "articles.bleve", "2025.bleve")
	raw, err := bleve.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := raw.SetInternal([]byte(mappingVersionKey), []byte("0")); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	p, _ := ix.partition("2025", false)
	v, err := p.GetInternal([]byte(mappingVersionKey))
	if err != nil || string(v) != mappingVersion || ix.Count() != len(docs) {
		t.Errorf("after rebuild: version %q (err %v), %d articles; want %q and %d", v, err, ix.Count(), mappingVersion, len(docs))
	}
	res, err := ix.Search(context.Background(), model.SearchRequest{Query: "phu nu khoi nghiep"})
	if err != nil || res.Total != uint64(len(docs)) {
		t.Errorf("search after rebuild: %d hits (err %v), want %d", res.Total, err, len(docs))
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "articles.bleve"))
	if len(entries) != 1 {
		t.Errorf("left beside the partition: %v", entries)
	}
}
