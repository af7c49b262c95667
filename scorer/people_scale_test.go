package scorer

import (
	"strings"
	"testing"
	"time"
)

// TestCommonWordsCapitalisedScaleLinearly guards the people stages against
// a walk over the whole text for each common word capitalised mid-sentence
// ("gửi Tiền và Vàng"): sixteen times the text must take far less than
// 256 times as long (the bound leaves room for a loaded machine).
func TestCommonWordsCapitalisedScaleLinearly(t *testing.T) {
	s := newTestScorer(t)
	run := func(n int) time.Duration {
		text := "Giá vàng tăng.\n" + strings.Repeat("Người dân gửi Tiền và Vàng vào ngân hàng Nhà nước, rồi Theo dõi lãi suất. ", n)
		best := time.Duration(1 << 62)
		for range 3 {
			st := time.Now()
			s.Check(Document{Text: text})
			best = min(best, time.Since(st))
		}
		return best
	}
	small, large := run(200), run(3200)
	if large > 64*small {
		t.Errorf("16x the text took %.1fx as long (%v, %v)", float64(large)/float64(small), small, large)
	}
}
