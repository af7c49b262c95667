package scorer

import "testing"

// TestWorkTitle checks that a label inside a work's title, written in
// sentence case after its noun, is no label of a person, and that a label
// near a work noun but outside any title stays flagged.
func TestWorkTitle(t *testing.T) {
	s := newTestScorer(t)
	for _, tc := range []struct {
		name, text string
		want       bool // an appearance.label finding on "chân dài"
	}{
		{"a film's title after its noun", "Đạo diễn Minh, sau bộ phim Những cô gái chân dài, quay tiếp một phim hài.", false},
		{"a novel's title", "Nhà văn vừa ra mắt tiểu thuyết Chuyện đội chân dài ở phố cổ.", false},
		{"a label near a film, no title", "Bộ phim mới quy tụ dàn chân dài nổi tiếng.", true},
		{"a name before the label is no title", "Bộ phim có sự tham gia của Lan và các chân dài khác.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.Check(Document{Text: tc.text, Explain: true})
			got := false
			for _, f := range res.Findings {
				if f.Rule == "appearance.label" {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("appearance.label finding: %v, want %v (findings %+v)", got, tc.want, res.Findings)
			}
			if !tc.want {
				dropped := false
				for _, d := range res.Explain.Dropped {
					if d.Rule == "appearance.label" && d.Reason == reasonIn("vi", "inside the title of a work after its noun") {
						dropped = true
					}
				}
				if !dropped {
					t.Errorf("no drop \"inside the title of a work after its noun\" in %+v", res.Explain.Dropped)
				}
			}
		})
	}
}
