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
		// One victim named in full once, then by her given name with her
		// home at every sentence: at each shorter mention the victim rules
		// look for a fuller one before it (fullerBefore), over her mentions.
		{"a victim's shorter name throughout", "Cháu Huỳnh Thị Ngà bị gã hàng xóm dâm ô, công an khởi tố vụ dâm ô người dưới 16 tuổi.\n",
			"Cháu Ngà trú tại xã Tân Lập, học tại trường tiểu học Tân Lập, bị dâm ô. "},
		// Marked roles in an article that names some as a class: as_class
		// looks once along the text for each distinct role matched, so the
		// work grows with the page times the roles, which a rule's phrases
		// bound, never with the page twice.
		{"marked roles named as a class", "Những nữ trọng tài và các nữ bác sĩ được khen.\n",
			"Nữ trọng tài Lan, nữ bác sĩ Mai và nữ thư ký Hoa cùng nữ kế toán Đào dự họp. "},
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
	agreeAtEveryToken(t, []string{
		"Giáo dục là nền tảng. Bộ Giáo dục họp. Ngành giáo dục đổi mới, giáo dục nghề cũng vậy.",
		"Người dân gửi Tiền và Vàng vào ngân hàng, rồi Theo dõi lãi suất; họ theo dõi giá vàng mỗi ngày.",
		"Thành viên mới: Thành viên ban nhạc Hùng cho biết thành viên nào cũng tập.\nDân chủ\ndân chủ là gì",
	}, 3, func(_ *Scorer, d *doc, b int) (indexed, scanned bool) {
		d.commonAsked = 0
		scanned = d.commonWordGoesOn(b)
		d.commonAsked = commonPairsAfter
		return d.commonWordGoesOn(b), scanned
	})
}

// agreeAtEveryToken checks a faster answer against the one it replaces at
// every token of each text and at its end: answers returns both. Fewer
// than minYes true answers in all means the texts no longer test it.
func agreeAtEveryToken(t *testing.T, texts []string, minYes int, answers func(s *Scorer, d *doc, k int) (got, want bool)) {
	t.Helper()
	s := newTestScorer(t)
	yes := 0
	for _, text := range texts {
		d := s.analyse(Document{Text: text})
		for k := range len(d.toks) + 1 {
			got, want := answers(s, d, k)
			if got != want {
				t.Errorf("%q token %d: %v, the answer it replaces %v", text, k, got, want)
			}
			if want {
				yes++
			}
		}
		s.release(d)
	}
	if yes < minYes {
		t.Errorf("only %d true answers (want %d or more): the texts no longer test it", yes, minYes)
	}
}
