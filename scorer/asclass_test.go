package scorer

import "testing"

// TestAsClassCounts: a number before a marked role makes a class only when
// it counts people; a year ("năm 2019 nữ trọng tài ...") counts none, so
// the one woman named in her post stays flagged. The class must be of the
// match's sex.
func TestAsClassCounts(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		text string
		want int // findings of gender-marking.profession
	}{
		{"Năm 2019 nữ trọng tài Vân Anh bắt chính trận chung kết. Nữ trọng tài Vân Anh nói cô rất vui.", 2},
		{"Giải đấu có 12 nữ trọng tài tham gia. Nữ trọng tài Vân Anh nói cô rất vui.", 0},
		// A class of men in the role says nothing of its women: the one
		// woman referee's mark stays.
		{"Giải đấu có các trọng tài nam giàu kinh nghiệm. Nữ trọng tài Vân Anh nói cô rất vui.", 1},
		{"Giải đấu có các trọng tài nữ giàu kinh nghiệm. Nữ trọng tài Vân Anh nói cô rất vui.", 0},
	} {
		n := 0
		for _, f := range s.Check(Document{Text: c.text}).Findings {
			if f.Rule == "gender-marking.profession" {
				n++
			}
		}
		if n != c.want {
			t.Errorf("%q: %d findings of gender-marking.profession, want %d", c.text, n, c.want)
		}
	}
}
