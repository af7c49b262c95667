package adoption

import (
	"strings"
	"testing"
	"unicode"

	"genderlens/model"
)

// englishWords are the words the checks' texts are built from; none may survive the Vietnamese rendering.
var englishWords = map[string]bool{
	"a": true, "at": true, "least": true, "most": true, "of": true, "the": true, "in": true, "no": true, "none": true,
	"not": true, "sent": true, "before": true, "recorded": true, "articles": true, "stories": true, "violence": true,
	"monitored": true, "women": true, "among": true, "quoted": true, "sources": true, "known": true, "gender": true,
	"share": true, "leadership": true, "reported": true, "report": true, "decision": true, "plan": true,
	"adopting": true, "indicator": true, "set": true, "named": true, "focal": true, "person": true, "self": true,
	"assessment": true, "on": true, "ministry": true, "template": true, "want": true, "got": true,
}

// TestVietnameseCoversEveryCheck renders every check of both presets, for an outlet with nothing recorded and for
// one with everything, and finds no English word left.
func TestVietnameseCoversEveryCheck(t *testing.T) {
	empty := model.Aggregate{}
	partial := officialContent()
	partial.Violence = model.ViolenceFigures{}
	for _, name := range PresetNames() {
		p, err := Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		ev := officialEvidence()
		for _, tc := range []struct {
			ev      *Evidence
			content model.Aggregate
		}{{nil, empty}, {&ev, officialContent()}, {&ev, partial}} {
			st := p.Assess("bao-a", 2025, tc.ev, tc.content)
			if len(st.Checks) == 0 {
				t.Fatalf("%s: no checks", name)
			}
			for _, c := range st.Checks {
				for _, s := range []string{Vietnamese(c.Want), Vietnamese(c.Got), VietnameseSummary(st)} {
					for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
						if englishWords[strings.ToLower(w)] {
							t.Errorf("%s %s: %q keeps the English %q", name, c.Requirement, s, w)
						}
					}
				}
			}
		}
	}
}

func TestVietnameseSummary(t *testing.T) {
	p, err := Preset("hanoi")
	if err != nil {
		t.Fatal(err)
	}
	ev := officialEvidence()
	tests := []struct {
		ev   *Evidence
		want string
	}{
		{&ev, "Đáp ứng mọi yêu cầu thí điểm và chính thức."},
		{nil, "Chưa đạt mức thí điểm vì còn 2 yêu cầu chưa đạt."},
	}
	for _, tt := range tests {
		if got := VietnameseSummary(p.Assess("bao-a", 2025, tt.ev, officialContent())); got != tt.want {
			t.Errorf("summary %q, want %q", got, tt.want)
		}
	}
	ev.SelfAssessment = nil
	st := p.Assess("bao-a", 2025, &ev, officialContent())
	if got := VietnameseSummary(st); got != "Đạt mức thí điểm; chưa chính thức vì còn 1 yêu cầu chưa đạt." || len(st.Unmet(Official)) != 1 {
		t.Errorf("summary %q, unmet %+v", got, st.Unmet(Official))
	}
}

func TestVietnameseDecimalComma(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"at least 80.0", "tối thiểu 80,0"},
		{"15.4% (2 of 13 articles)", "15,4% (2 trên 13 bài)"},
		{"sent 20/11/2025", "đã gửi 20/11/2025"},
		{"at least 30 monitored articles in 2025", "tối thiểu 30 bài được theo dõi trong năm 2025"},
	} {
		if got := Vietnamese(tt.in); got != tt.want {
			t.Errorf("Vietnamese(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
