package scorer

import "testing"

// TestUnnamedUnseenConstructions covers unnamed quoted people that the
// people stages missed on annotated sets they had not been written from
// (round 25): each row is a synthetic sentence of the construction.
func TestUnnamedUnseenConstructions(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		name, text string
		quoted     []string // people who must be quoted
		not        []string // people who must not be
		absent     []string // descriptions that must not be taken for people
	}{
		{name: "theo and a description with whose it is",
			text:   "Theo bác sĩ của đội U19 Việt Nam, tiền vệ này sẽ phải nghỉ ba tuần.",
			quoted: []string{"bác sĩ của đội U19 Việt Nam"}},
		{name: "theo and a bare description is no one in particular",
			text:   "Theo bác sĩ, trẻ nhỏ cần ngủ đủ giấc mỗi ngày.",
			absent: []string{"bác sĩ"}},
		{name: "theo and residents, even whose, are a group",
			text:   "Theo người dân của xã, con đường đã xuống cấp từ lâu.",
			absent: []string{"người dân của xã"}},
		{name: "theo and a news source is no person",
			text:   "Theo nguồn tin của báo Tuổi Xanh, hai bên đã ký hợp đồng.",
			absent: []string{"nguồn tin của báo Tuổi Xanh"}},
		{name: "a threat in words right before its quotation",
			text:   "Chị van xin nhưng một thanh niên trong nhóm đã đe dọa “im ngay không tao đánh”.",
			quoted: []string{"một thanh niên"}},
		{name: "a threat with a knife says nothing",
			text:   "Một thanh niên cầm dao đe dọa nạn nhân rồi bỏ chạy.",
			absent: []string{"Một thanh niên"}},
		{name: "a slogan shouted is no threat",
			text:   "Cậu bé vừa khóc vừa hô “cố lên” khi được tiêm.",
			absent: []string{"Cậu bé"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			checkFound(t, res, nil, c.absent)
			checkQuoted(t, res, c.quoted, c.not)
		})
	}
}
