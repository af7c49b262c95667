package scorer

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestPeopleStagesScaleLinearly guards the people stages against walks
// that grow with the page for each word or each person: sixteen times the
// text must take far less than 256 times as long (the bound of 64 leaves
// room for a loaded machine). The time is the test thread's own CPU time
// where the system gives it (threadTime): on a machine busy with other
// test packages, the wall clock of the long run grew twice as much as
// the short one's.
func TestPeopleStagesScaleLinearly(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct{ name, head, unit string }{
		// Capitalised common words: each was once checked against the
		// whole page.
		{"common words capitalised", "Giá vàng tăng.\n", "Người dân gửi Tiền và Vàng vào ngân hàng Nhà nước, rồi Theo dõi lãi suất. "},
		// One woman named at every sentence and a bare "Nạn nhân" speaking:
		// her introductions were once read at each of her mentions before
		// each description (100 kB took 4 s, 200 kB 16 s).
		{"one victim named throughout", "", "Chị Nguyễn Thị Lan bị chồng đánh trọng thương. Nạn nhân cho biết chị rất sợ. "},
		// A bare "Nạn nhân" speaking with no one named just before: the
		// one victim named after a title was once looked for over the whole
		// page at each.
		{"a victim speaking throughout", "Bị hại Lê Thị Hoa bị chồng đánh trọng thương.\n",
			"Nạn nhân cho biết chị rất sợ. Hàng xóm đã gọi xe cấp cứu. Trời mưa to suốt đêm qua. "},
	} {
		t.Run(c.name, func(t *testing.T) {
			runtime.LockOSThread() // threadTime reads this thread's clock
			defer runtime.UnlockOSThread()
			time1 := func(text string) time.Duration {
				st := threadTime()
				s.Check(Document{Text: text})
				return threadTime() - st
			}
			// The best of five of each size, taken in turn.
			smallText, largeText := c.head+strings.Repeat(c.unit, 200), c.head+strings.Repeat(c.unit, 3200)
			small, large := time.Duration(1<<62), time.Duration(1<<62)
			for range 5 {
				small = min(small, time1(smallText))
				large = min(large, time1(largeText))
			}
			if large > 64*small {
				t.Errorf("16x the text took %.1fx as long (%v, %v)", float64(large)/float64(small), small, large)
			}
		})
	}
}

// TestCommonWordIndexAgreesWithScan: past commonPairsAfter questions a
// page's lower-case word pairs are looked up in an index instead of
// scanned for; both must give every answer alike.
func TestCommonWordIndexAgreesWithScan(t *testing.T) {
	s := newTestScorer(t)
	yes := 0
	for _, text := range []string{
		"Giáo dục là nền tảng. Bộ Giáo dục họp. Ngành giáo dục đổi mới, giáo dục nghề cũng vậy.",
		"Người dân gửi Tiền và Vàng vào ngân hàng, rồi Theo dõi lãi suất; họ theo dõi giá vàng mỗi ngày.",
		"Thành viên mới: Thành viên ban nhạc Hùng cho biết thành viên nào cũng tập.\nDân chủ\ndân chủ là gì",
	} {
		d := s.analyse(Document{Text: text})
		for b := range len(d.toks) + 1 {
			d.commonAsked = 0
			scanned := d.commonWordGoesOn(b)
			d.commonAsked = commonPairsAfter
			if indexed := d.commonWordGoesOn(b); indexed != scanned {
				t.Errorf("%q token %d: scanned %v, indexed %v", text, b, scanned, indexed)
			}
			if scanned {
				yes++
			}
		}
		s.release(d)
	}
	if yes < 3 {
		t.Errorf("only %d runs go on as a common word: the texts no longer test the index", yes)
	}
}
