package scorer

import "testing"

// TestCrimeStoryNames covers how crime and court reporting names the people
// it quotes: initials, a birth year in parentheses, kinship in apposition.
func TestCrimeStoryNames(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		name, text string
		found      []string // named people who must be found
		none       []string // names that must not be taken for people
		quoted     []string // named people who must be quoted
		gender     map[string]string
	}{
		{name: "initials, their dot and a birth year", text: "Công an huyện đang điều tra vụ án do N.V.K. (SN 1980, trú xã Tân Hòa) gây ra. Cháu bé đã được đưa về nhà.",
			found: []string{"N.V.K"}},
		{name: "initials without dots after an honorific", text: "Bà NTH (ngụ xã Tân Hòa) kể: “Tôi đưa cho bà ta 5 cây vàng”. Ông TVQ (hàng xóm) bức xúc: “Bà ta vay cả xóm”.",
			quoted: []string{"NTH", "TVQ"}, gender: map[string]string{"NTH": "female", "TVQ": "male"}},
		{name: "an acronym after an honorific", text: "Anh HMS đã gửi tàu tới. Các em VNU đã đến. Thầy VTV3 nói sẽ phát trực tiếp.",
			none: []string{"HMS", "VNU", "VTV3"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			for _, n := range c.found {
				if _, ok := personByName(res, n); !ok {
					t.Errorf("%s not found (%+v)", n, res.People)
				}
			}
			for _, n := range c.none {
				if _, ok := personByName(res, n); ok {
					t.Errorf("%s taken for a person (%+v)", n, res.People)
				}
			}
			for _, n := range c.quoted {
				if p, ok := personByName(res, n); !ok || !p.Quoted {
					t.Errorf("%s not quoted (%+v)", n, res.People)
				}
			}
			for n, g := range c.gender {
				if p, ok := personByName(res, n); !ok || string(p.Gender) != g {
					t.Errorf("%s: gender %v, want %s (%+v)", n, p.Gender, g, res.People)
				}
			}
		})
	}
}
