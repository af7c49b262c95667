package ingest

import (
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/model"
	"genderlens/scorer/scorertest"
)

func sumByRole(m map[string]model.GenderCounts) model.GenderCounts {
	var total model.GenderCounts
	for _, c := range m {
		total = total.Add(c)
	}
	return total
}

// The articles are written for this test.
func TestScoreFillsRolesAndRescoreKeepsIdentity(t *testing.T) {
	s := scorertest.New(t)
	published := time.Date(2025, 11, 20, 8, 0, 0, 0, model.Vietnam())
	tests := []crawler.Article{
		{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: "Phường tổ chức hội thảo về bình đẳng giới", Published: published,
			Body: "Bà Nguyễn Thị Hoa, Chủ tịch Hội Liên hiệp phụ nữ phường, cho biết năm nay có 40 chị em được vay vốn. " +
				"“Chúng tôi sẽ mở thêm lớp học nghề”, ông Trần Văn Nam, chuyên gia kinh tế, nói."}},
		{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Title: "Thông xe đường mới", Body: "Đường mới dài hai cây số đã thông xe."}},
	}
	for _, a := range tests {
		d, err := Score(s, a)
		if err != nil {
			t.Fatal(err)
		}
		if got := sumByRole(d.PeopleByRole); got != d.People {
			t.Errorf("%s: people by role add up to %+v, people are %+v", a.URL, got, d.People)
		}
		if got := sumByRole(d.QuotedByRole); got != d.Quoted {
			t.Errorf("%s: quoted by role add up to %+v, quoted are %+v", a.URL, got, d.Quoted)
		}
		stale := d
		stale.RulesVersion, stale.Score, stale.Categories = "old", -1, []string{"stale"}
		fresh, err := Rescorer(s)(stale)
		if err != nil {
			t.Fatal(err)
		}
		if fresh.URL != d.URL || fresh.Outlet != d.Outlet || !fresh.Published.Equal(d.Published) || fresh.Body != d.Body {
			t.Errorf("%s: rescore changed what was collected: %+v", a.URL, fresh)
		}
		if fresh.RulesVersion != s.RulesVersion() || fresh.Score != d.Score || len(fresh.Categories) != len(d.Categories) {
			t.Errorf("%s: rescore = version %q score %v categories %v; want %q %v %v", a.URL, fresh.RulesVersion,
				fresh.Score, fresh.Categories, s.RulesVersion(), d.Score, d.Categories)
		}
	}
}
