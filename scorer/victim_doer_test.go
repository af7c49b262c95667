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

// TestHarmVerbAtAgreesWithSpans: harmVerbAt, the one step of the walks to
// a harm verb, answers as the walks' old loop over the lengths one to four
// did, at every token, the end of the text and a five-word verb ("giở trò
// đồi bại với", past the bound) included.
func TestHarmVerbAtAgreesWithSpans(t *testing.T) {
	agreeAtEveryToken(t, []string{
		"Hùng đánh đập vợ rồi đâm trọng thương hàng xóm. Chị Lan bị chồng đánh.",
		"Gã giở trò đồi bại với cháu bé; hắn xâm hại tình dục em nhiều lần, rồi dọa giết.",
		"Nhóm người lừa bán chị Mai sang Trung Quốc, ép kết hôn. Chị bị cưỡng ép kết hôn",
		"Bác sĩ cho biết bệnh nhân đã qua cơn nguy kịch. Trời mưa. Đánh",
	}, 8, func(s *Scorer, d *doc, k int) (got, old bool) {
		for end := k + 1; end <= min(len(d.toks), k+4); end++ {
			if s.violence.harmVerbs.spans(d, k, end) {
				old = true
				break
			}
		}
		return s.harmVerbAt(d, k), old
	})
}
