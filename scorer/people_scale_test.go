package scorer

import (
	"strings"
	"testing"
	"time"
)

// TestCommonWordsCapitalisedScaleLinearly guards the people stages against
// a walk over the whole text for each common word capitalised mid-sentence
// ("gửi Tiền và Vàng"): eight times the text must take far less than
// sixty-four times as long.
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
	small, large := run(400), run(3200)
	if large > 24*small {
		t.Errorf("8x the text took %.1fx as long (%v, %v)", float64(large)/float64(small), small, large)
	}
}
