package scorer

import (
	"testing"

	"genderlens/model"
)

// TestDoerOfHarm: a person is the offender whom a later "nạn nhân" cannot
// mean only when the harm verb after her is hers; the husband she fears
// ("Hoa sợ chồng đánh") stands between as its subject.
func TestDoerOfHarm(t *testing.T) {
	s := newTestScorer(t)
	const tail = " Tối trước đó, Hoa bỏ chạy ra sân. Nạn nhân đã tử vong; công an điều tra vụ bạo lực gia đình, vụ đánh vợ."
	for _, tc := range []struct {
		name, text string
		doer       bool
	}{
		{"her own blow", "Chị Đỗ Thị Hoa làm công nhân ở Hà Giang. Hoa nhiều lần đánh con riêng của chồng." + tail, true},
		{"her own blow, with her honorific", "Chị Đỗ Thị Hoa làm công nhân ở Hà Giang. Chị Hoa nhiều lần đánh con riêng của chồng." + tail, true},
		{"her husband's blow", "Chị Đỗ Thị Hoa làm công nhân ở Hà Giang. Hoa sợ chồng đánh nên bỏ về nhà mẹ đẻ." + tail, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := s.analyse(Document{Text: tc.text})
			s.topicRules(d, map[string]bool{})
			s.findPeople(d, &Result{Indicators: map[string]float64{}, QuotedByRole: map[string]model.GenderCounts{}})
			for i, p := range d.people {
				if len(p.key) > 0 && p.key[len(p.key)-1] == "hoa" {
					if got := s.harmedOthers(d, int32(i)); got != tc.doer {
						t.Errorf("harmedOthers = %v, want %v", got, tc.doer)
					}
					if p.victim == tc.doer {
						t.Errorf("victim = %v, want %v", p.victim, !tc.doer)
					}
					return
				}
			}
			t.Fatal("Hoa not found")
		})
	}
}
