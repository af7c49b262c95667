package scorer

import "testing"

// TestNamesakePlaceAfterTitle covers a street, market or ward named after a
// historical figure in a description that a title governs: the full name is
// the place's, the description before it is the one who speaks.
func TestNamesakePlaceAfterTitle(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		name, text string
		quoted     []string // people who must be quoted
		absent     []string // names that must not be taken for people
	}{
		{name: "a hotel owner in a quarter named after a general",
			text:   "Một chủ nhà hàng ở khu phố Lý Thường Kiệt nhận xét rằng khách Tây đã quay lại.",
			quoted: []string{"Một chủ nhà hàng ở khu phố Lý Thường Kiệt"},
			absent: []string{"Lý Thường Kiệt"}},
		{name: "a stallholder at a market named after a person",
			text:   "Một tiểu thương ở chợ Nguyễn Tri Phương cho biết giá thịt tăng gấp đôi.",
			absent: []string{"Nguyễn Tri Phương"}},
		{name: "a ward's chairman, the ward named after a figure",
			text:   "Chủ tịch UBND phường Nguyễn Thái Học cho biết sẽ dọn lòng đường trong tuần.",
			absent: []string{"Nguyễn Thái Học"}},
		{name: "a ward's chairman named after the ward's name",
			text:   "Chủ tịch UBND phường Kim Liên Đỗ Văn Toàn cho biết sẽ dọn lòng đường trong tuần.",
			quoted: []string{"Đỗ Văn Toàn"}},
		{name: "a commune's chairman right after the unit word",
			text:   "Chủ tịch xã Lê Văn Hòa cho biết đê đã được gia cố.",
			quoted: []string{"Lê Văn Hòa"}},
		{name: "a province's chairman after the council",
			text:   "Chủ tịch UBND tỉnh Phan Quốc Hưng cho biết tỉnh sẽ hỗ trợ ngư dân.",
			quoted: []string{"Phan Quốc Hưng"}},
		{name: "a quarter's head is a title of its own",
			text:   "Trưởng khu phố Đinh Thị Mai cho biết cả khu đã góp tiền sửa cống.",
			quoted: []string{"Đinh Thị Mai"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			for _, n := range c.absent {
				if _, ok := personByName(res, n); ok {
					t.Errorf("%s taken for a person (%+v)", n, res.People)
				}
			}
			checkQuoted(t, res, c.quoted, nil)
		})
	}
}
