package scorer

import "testing"

// TestPeopleUnseenConstructions covers constructions that the people stages
// missed on annotated sets they had not been written from (round 25): each
// row is a synthetic sentence of the construction.
func TestPeopleUnseenConstructions(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		name, text string
		found      []string // people who must be found (named or described)
		none       []string // names that must not be taken for people
		quoted     []string // people who must be quoted
		not        []string // people who must not be
	}{
		{name: "a ward's two-word name after the body is no one's name",
			text:   "Trên báo, một cán bộ Công an phường Hoàng Liệt xác nhận sự việc và cho biết đã mời hai bên lên làm việc.",
			none:   []string{"Hoàng Liệt"},
			quoted: []string{"một cán bộ Công an phường Hoàng Liệt"}},
		{name: "a commune's name after its leaders",
			text:   "Lãnh đạo UBND xã Vũ Hòa cho biết địa phương đã báo cáo vụ việc lên huyện.",
			none:   []string{"Vũ Hòa"},
			quoted: []string{"Lãnh đạo UBND xã Vũ Hòa"}},
		{name: "a person named after the unit's name stays a person",
			text:   "Chủ tịch UBND phường Trúc Bạch Trần Văn Khoa cho biết phường đã tiếp nhận đơn.",
			quoted: []string{"Trần Văn Khoa"}},
		{name: "a defendant denying the charge",
			text:   "Thế nhưng khi bị gọi lên thẩm vấn, Hùng không thừa nhận đây là tiền hối lộ. Tại cơ quan điều tra, Lò Văn Bình không thừa nhận đã nhận tiền.",
			quoted: []string{"Hùng", "Lò Văn Bình"}},
		{name: "a denial ending its clause denies nothing said",
			text: "Tin đồn Hà Thị Mơ và Lò Văn Khải chia tay lan truyền từ lâu nhưng cặp đôi không thừa nhận.",
			not:  []string{"Hà Thị Mơ", "Lò Văn Khải"}},
		{name: "a denial ending the paragraph, no stop after it",
			text: "Tin đồn Đào Thị Nhung và Vi Văn Toàn đã đường ai nấy đi rộ lên mấy tháng nay mà hai người không thừa nhận\n\nHọ vẫn cùng nhau đi diễn ở nhiều tỉnh.",
			not:  []string{"Đào Thị Nhung", "Vi Văn Toàn"}},
		{name: "a denial ending the text, no stop after it",
			text: "Tin đồn Đào Thị Nhung và Vi Văn Toàn đã đường ai nấy đi rộ lên mấy tháng nay mà hai người không thừa nhận",
			not:  []string{"Đào Thị Nhung", "Vi Văn Toàn"}},
		{name: "a report's author before what was reported",
			text:   "Công an nhận được tin trình báo của chị Lê Thị Tám về việc bị mất xe. Sau đó, thông tin từ Đại úy Vi Văn Sáu, Trưởng công an xã, cho biết đã tìm thấy xe.",
			quoted: []string{"Lê Thị Tám", "Vi Văn Sáu"}},
		{name: "going back with someone is no report",
			text: "Chị Lê Thị Hoa theo chồng về quê sinh sống từ năm 2010.",
			not:  []string{"Lê Thị Hoa"}},
		{name: "never confirming, an adverb between",
			text: "Dù Lò Văn Tùng và Hà Thị Mơ chưa bao giờ chính thức xác nhận chuyện hẹn hò, hai người thường đi cùng nhau.",
			not:  []string{"Lò Văn Tùng", "Hà Thị Mơ"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			checkFound(t, res, c.found, c.none)
			checkQuoted(t, res, c.quoted, c.not)
		})
	}
}
