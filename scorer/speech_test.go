package scorer

import (
	"strings"
	"testing"
)

// TestSkipSpeech checks that the looks rules (skip_speech) leave a source's own words in a long quotation to the
// source, and still flag what the outlet itself writes, inside short quotation marks or none.
func TestSkipSpeech(t *testing.T) {
	s := newTestScorer(t)
	for _, tc := range []struct {
		name, text string
		want       bool // an appearance or sexualization finding on "gợi cảm"
	}{
		{"the outlet's words", "Nữ ca sĩ Minh Thư khoe vẻ gợi cảm trên thảm đỏ tối qua.", true},
		{"a label in short quotation marks", `Nữ ca sĩ Minh Thư được gọi là "nữ hoàng gợi cảm" của làng nhạc.`, true},
		{"a source's own speech", `Ông Hùng kể: "Cô gái ấy rất gợi cảm, ai gặp cũng phải ngoái nhìn, nhưng tôi chỉ quen cô ấy qua công việc."`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.Check(Document{Text: tc.text})
			got := false
			for _, f := range res.Findings {
				if (f.Category == "appearance" || f.Category == "sexualization") && strings.Contains(strings.ToLower(f.Text), "gợi cảm") {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("finding on \"gợi cảm\": %v, want %v (findings %+v)", got, tc.want, res.Findings)
			}
		})
	}
}
