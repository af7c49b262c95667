package ingest

import (
	"context"
	"slices"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/rules"
	"genderlens/scorer"
)

func TestPipelineScoresAndStores(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := indexer.Open(t.TempDir(), indexer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	p := New(sc, idx)
	a := crawler.Article{
		OutletID: "bao-a", URL: "https://a.example/tin/1", Title: "Hội nghị tổng kết công tác phụ nữ",
		Lead:      "Phường tổng kết phong trào thi đua năm 2025.",
		Body:      "Bà Nguyễn Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ phường, cho biết phái yếu ngày càng tự tin.\n\n“Chúng tôi sẽ tiếp tục hỗ trợ hội viên”, bà Lan nói.",
		Published: time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC), Fetched: time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC),
	}
	if err := p.Store(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	d, ok, err := idx.Get(a.URL)
	if err != nil || !ok {
		t.Fatalf("stored article not found: %v", err)
	}
	if d.Outlet != "bao-a" || d.Title != a.Title || !d.Published.Equal(a.Published) || d.RulesVersion != sc.RulesVersion() {
		t.Errorf("stored document = %+v", d)
	}
	if d.Quoted.Female != 1 || d.Quoted.Male != 0 {
		t.Errorf("quoted = %+v, want one woman", d.Quoted)
	}
	if !slices.Contains(d.Categories, "stereotype") || !slices.IsSorted(d.Categories) {
		t.Errorf("categories = %v, want a sorted list with stereotype", d.Categories)
	}
	if d.FindingCount == 0 || len(d.Result) == 0 {
		t.Errorf("findings %d, result %d bytes", d.FindingCount, len(d.Result))
	}
}
