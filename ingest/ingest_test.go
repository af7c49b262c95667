package ingest

import (
	"context"
	"slices"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/model"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"
)

func TestPipelineScoresAndStores(t *testing.T) {
	sc, idx := scorerAndIndex(t)
	p := New(sc, idx)
	a := crawler.Article{Article: model.Article{
		Outlet: "bao-a", URL: "https://a.example/tin/1", Title: "Hội nghị tổng kết công tác phụ nữ",
		Lead:      "Phường tổng kết phong trào thi đua năm 2025.",
		Body:      "Bà Nguyễn Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ phường, cho biết phái yếu ngày càng tự tin.\n\n“Chúng tôi sẽ tiếp tục hỗ trợ hội viên”, bà Lan nói.",
		Published: time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)}, Fetched: time.Date(2025, 11, 21, 9, 0, 0, 0, time.UTC)}
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

// TestFindingCountIsProblems: the stored finding count, shown as "problems", leaves positive signals out.
func TestFindingCountIsProblems(t *testing.T) {
	sc, _ := scorerAndIndex(t)
	for _, tt := range []struct {
		name, body string
		want       int
	}{
		{"positive signals only", "Theo Luật Bình đẳng giới, tỷ lệ nữ trong hội đồng đã tăng lên 30%.", 0},
		{"a problem and a positive signal", "Theo Luật Bình đẳng giới, phái yếu chiếm 30% hội đồng.", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Score(sc, crawler.Article{Article: model.Article{Outlet: "bao-a", URL: "https://a.example/" + tt.name,
				Title: "Hội đồng quản trị", Body: tt.body}})
			if err != nil {
				t.Fatal(err)
			}
			if d.FindingCount != tt.want || !slices.Contains(d.Categories, model.CategoryPositive) {
				t.Errorf("finding count %d, want %d (categories %v)", d.FindingCount, tt.want, d.Categories)
			}
		})
	}
}

// TestCaptionsAreScored: what a caption says about a person counts like the body, survives storage in page order,
// and is read again by the rescore.
func TestCaptionsAreScored(t *testing.T) {
	sc, idx := scorerAndIndex(t)
	a := crawler.Article{Article: model.Article{
		Outlet: "bao-a", URL: "https://a.example/tin/2", Title: "Hoa hậu dự sự kiện thời trang",
		Body:      "Chiều qua, hoa hậu Nguyễn Thu Hà dự buổi trình diễn của nhà thiết kế trẻ.",
		Published: time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)},
		Images: []crawler.Image{
			{URL: "https://a.example/1.jpg", Caption: "Hoa hậu khoe thân hình nóng bỏng trên thảm đỏ."},
			{URL: "https://a.example/2.jpg"},
			{URL: "https://a.example/3.jpg", Caption: "Nhà thiết kế chào khán giả."},
		}}
	if err := New(sc, idx).Store(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	d, ok, err := idx.Get(a.URL)
	if err != nil || !ok {
		t.Fatalf("stored article not found: %v", err)
	}
	want := []string{"Hoa hậu khoe thân hình nóng bỏng trên thảm đỏ.", "Nhà thiết kế chào khán giả."}
	if !slices.Equal(d.Captions, want) {
		t.Errorf("stored captions = %q, want %q", d.Captions, want)
	}
	if !slices.Contains(d.Categories, "appearance") && !slices.Contains(d.Categories, "sexualization") {
		t.Errorf("categories = %v: the caption's wording was not scored", d.Categories)
	}
	// Without the captions the body alone has no such finding.
	plain := a
	plain.Images = nil
	pd, err := Score(sc, plain)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(pd.Categories, "appearance") || slices.Contains(pd.Categories, "sexualization") {
		t.Fatalf("the body alone already has %v: the test proves nothing", pd.Categories)
	}
	rd, err := Rescorer(sc)(d)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rd.Categories, d.Categories) || !slices.Equal(rd.Captions, want) {
		t.Errorf("rescored: categories %v captions %q, want %v and %q", rd.Categories, rd.Captions, d.Categories, want)
	}
}

// scorerAndIndex is the embedded rule set's scorer and an empty index in a temp dir, closed at the end of the test.
func scorerAndIndex(t *testing.T) (*scorer.Scorer, *indexer.Index) {
	t.Helper()
	sc := scorertest.New(t)
	return sc, indextest.Open(t)
}
