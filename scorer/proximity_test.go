package scorer

import "testing"

// TestVictimIdentification checks that the details in a parenthesis right
// after a victim's name are the victim's however far into it they are, that
// the parenthesis of someone else, or text after it closes, is not, and that
// a victim of sexual violence written with a name is identified, one written
// with initials is not.
func TestVictimIdentification(t *testing.T) {
	s := newTestScorer(t)
	const story = " Công an đã khởi tố ông Q. về tội giao cấu với người dưới 16 tuổi."
	for _, tc := range []struct {
		name, text string
		want       string // the victim_identification finding's text, "" for none
	}{
		{"detail near the name", "Em N.T.H. (15 tuổi) bị ông Q. xâm hại." + story, "N.T.H. (15 tuổi"},
		// A lone initial with only an age names no one (set g's readers).
		{"a lone initial with an age", "Em H. (15 tuổi) bị ông Q. xâm hại." + story, ""},
		// A mention that is one initial names no one even when the person's
		// fuller name is given elsewhere; "Th." is one initial as "T." is.
		{"a lone initial of a named victim", "Em Đỗ Thị Th. bị ông Q. xâm hại ở phòng trọ. Em Th. (15 tuổi) bị ông Q. xâm hại nhiều lần." + story, ""},
		{"a lone letter of a named victim", "Em Đỗ Thị T. bị ông Q. xâm hại ở phòng trọ. Em T. (15 tuổi) bị ông Q. xâm hại nhiều lần." + story, ""},
		{"detail deep in the parenthesis", "Em H. (học sinh lớp 10 tại huyện Yên Mô) hẹn gặp ông Q. ở nhà trọ." + story,
			"H. (học sinh lớp 10 tại huyện"},
		{"full name, detail deep in it", "Cháu Lò Thị Mai (học sinh lớp 6 của một trường ở xã Tà Xùa) bị xâm hại." + story,
			"Lò Thị Mai (học sinh lớp 6 của một trường ở xã"},
		{"details set off by commas", "Chị Lò Thị Mai, 28 tuổi, trú xã Tà Xùa, bị gã hàng xóm xâm hại." + story,
			"Lò Thị Mai, 28 tuổi, trú xã"},
		{"a name ending the commas is not the one harmed", "Ông Lò Văn Tú, 50 tuổi, bố của chị Lò Thị Mai, bị gã hàng xóm hành hung." + story,
			"Lò Văn Tú, 50 tuổi, bố của"},
		{"the suspect's parenthesis", "Nghi phạm Nguyễn Văn Tư (làm nghề chạy xe ôm ở khu vực thị trấn) bị bắt." + story, ""},
		{"detail after the parenthesis closes", "Em H. (học sinh lớp 10) hẹn gặp ông Q. rồi cùng ông Q. về nhà trọ ở thị trấn." + story, ""},
		{"victim named before the act", "Nữ diễn viên Hồng Nhung bị tấn công và cưỡng hiếp trên đường về." + story,
			"Hồng Nhung bị tấn công và cưỡng hiếp"},
		{"victim named after the act", "Gã hàng xóm đã hiếp dâm chị Vũ Thị Lựu rồi bỏ trốn." + story, "hiếp dâm chị Vũ Thị Lựu"},
		{"victim with initials", "Chị Vũ Thị L. bị gã hàng xóm cưỡng hiếp." + story, ""},
		{"offender named", "Nghi phạm Đào Văn Khải bị bắt vì hiếp dâm một phụ nữ." + story, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.Check(Document{Text: tc.text})
			var got []string
			for _, f := range res.Findings {
				if f.Category == "victim_identification" {
					got = append(got, f.Text)
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("found %q, want none", got)
			case tc.want != "" && (len(got) != 1 || got[0] != tc.want):
				t.Errorf("found %q, want [%q]", got, tc.want)
			}
		})
	}
}

// TestPersonIs checks the person kinds rules ask for near a match:
// female_named is a woman written with her name (a short given name with its
// vowel too), not with initials dotted or not ("LTH"), and neither a
// suspect, a character of fiction, an unnamed description nor a public
// figure; victim_traceable is a private victim written with more than one
// letter (a name, or initials that spell one out), a lone initial naming no
// one.
func TestPersonIs(t *testing.T) {
	s := newTestScorer(t)
	for _, tc := range []struct {
		kind, name string
		p          person
		want       bool
	}{
		{"female_named", "woman with a name", person{gender: "female", key: []string{"lò", "thị", "mến"}}, true},
		{"female_named", "woman with initials", person{gender: "female", key: []string{"l", "t", "m"}}, false},
		{"female_named", "man with a name", person{gender: "male", key: []string{"lò", "văn", "mến"}}, false},
		{"female_named", "woman suspect", person{gender: "female", key: []string{"lò", "thị", "mến"}, accused: true}, false},
		{"female_named", "woman of fiction", person{gender: "female", key: []string{"mến"}, fiction: true}, false},
		{"female_named", "unnamed woman", person{gender: "female", key: []string{"người", "vợ"}, unnamed: true}, false},
		{"female_named", "a star", person{gender: "female", key: []string{"hồng", "nhung"}, role: "celebrity"}, false},
		{"female_named", "full name", person{gender: "female", key: []string{"lò", "thị", "mến"}}, true},
		{"female_named", "short given name", person{gender: "female", key: []string{"thu"}}, true},
		{"female_named", "dotted initials", person{gender: "female", key: []string{"l", "t", "h"}}, false},
		{"female_named", "undotted initials", person{gender: "female", key: []string{"lth"}}, false},
		{"female_named", "undotted initials with đ", person{gender: "female", key: []string{"đtn"}}, false},
		{"victim_traceable", "victim with a name", person{victim: true, key: []string{"lò", "thị", "mến"}}, true},
		{"victim_traceable", "victim with full initials", person{victim: true, key: []string{"n", "k", "h"}}, true},
		{"victim_traceable", "victim with a family name and initials", person{victim: true, key: []string{"nguyễn", "t", "h"}}, true},
		{"victim_traceable", "victim with a lone initial", person{victim: true, key: []string{"x"}}, false},
		{"victim_traceable", "victim with a two-letter initial", person{victim: true, key: []string{"th"}}, false},
		{"victim_traceable", "victim with a short given name", person{victim: true, key: []string{"thu"}}, true},
		{"traceable", "anyone with a name", person{key: []string{"lò", "thị", "mến"}}, true},
		{"traceable", "anyone with full initials", person{key: []string{"n", "v", "t"}}, true},
		{"traceable", "a lone initial", person{key: []string{"l"}}, false},
		{"victim_traceable", "no victim", person{key: []string{"lò", "thị", "mến"}}, false},
		{"victim_traceable", "a suspect", person{victim: true, accused: true, key: []string{"n", "v", "h"}}, false},
		{"victim_traceable", "a star", person{victim: true, key: []string{"hồng", "nhung"}, role: "celebrity"}, false},
	} {
		if got := s.personIs(&tc.p, tc.kind); got != tc.want {
			t.Errorf("%s: personIs(%s) = %v, want %v", tc.name, tc.kind, got, tc.want)
		}
	}
}
