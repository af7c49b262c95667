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
		{name: "a district's vice-chairman, the district named before",
			text:   "Quận Hoa Sen ra quân diệt lăng quăng. Phó Chủ tịch UBND quận Trương Văn Lâm cho biết chiến dịch kéo dài một tháng.",
			quoted: []string{"Trương Văn Lâm"}},
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
			checkFound(t, res, nil, c.absent)
			checkQuoted(t, res, c.quoted, nil)
		})
	}
}

// TestLongDescriptionReach covers an indefinite description that runs long
// with an organisation's description after tại/của/thuộc/ở: the reach to its
// verb follows the organisation phrase to the clause's end, not a count of
// words, and stops where a new clause or predicate begins.
func TestLongDescriptionReach(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		name, text string
		quoted     []string // unnamed people who must be quoted
		absent     []string // descriptions that must not be taken for people
	}{
		{name: "world news: a researcher at a long-named consultancy",
			text:   "Một chuyên gia cấp cao tại viện nghiên cứu chiến lược quốc phòng và an ninh hàng hải có trụ sở ở Singapore cho biết hai hạm đội đã rút về cảng.",
			quoted: []string{"Một chuyên gia cấp cao tại viện nghiên cứu chiến lược quốc phòng và an ninh hàng hải có trụ sở ở Singapore"}},
		{name: "business: an analyst of a securities firm",
			text:   "Một nhà phân tích của công ty chứng khoán và đầu tư tài chính hàng đầu phía nam nhận định lãi suất sẽ giảm trong quý tới.",
			quoted: []string{"Một nhà phân tích của công ty chứng khoán và đầu tư tài chính hàng đầu phía nam"}},
		{name: "science: a researcher of an institute under a ministry",
			text:   "Một nhà khoa học thuộc viện vật lý địa cầu và khí tượng thủy văn ứng dụng phía nam cho biết trận động đất không gây thiệt hại.",
			quoted: []string{"Một nhà khoa học thuộc viện vật lý địa cầu và khí tượng thủy văn ứng dụng phía nam"}},
		{name: "world news: an office's capitalised name, then where it sits",
			text:   "Một nhà phân tích cấp cao tại Trung tâm Nghiên cứu Biển và Hải đảo có trụ sở tại Jakarta cho biết hai bên sẽ đàm phán lại.",
			quoted: []string{"Một nhà phân tích cấp cao tại Trung tâm Nghiên cứu Biển và Hải đảo có trụ sở tại Jakarta"}},
		{name: "an airline's pilot: hàng không is a field",
			text:   "Một phi công của hãng hàng không giá rẻ nội địa chuyên bay tuyến đảo xa cho biết chuyến bay bị hoãn vì sương mù.",
			quoted: []string{"Một phi công của hãng hàng không giá rẻ nội địa chuyên bay tuyến đảo xa"}},
		{name: "a negator begins the predicate",
			text:   "Ông nói rằng người đại diện của phòng thị thực không dành thời gian và không cố gắng giải thích hồ sơ cho khách.",
			absent: []string{"người đại diện của phòng thị thực"}},
		{name: "và and a verb of telling begin what the person did",
			text:   "Một nhân viên tại công ty vận tải biển và cho biết tàu đã cập bến.",
			absent: []string{"Một nhân viên tại công ty vận tải biển và"}},
		{name: "a comma ends the organisation phrase",
			text:   "Một kỹ sư tại nhà máy lọc dầu phía bắc, nơi vừa xảy ra sự cố, thì mọi việc đã ổn và anh kể lại cho biết.",
			absent: []string{"Một kỹ sư tại nhà máy lọc dầu phía bắc"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			checkFound(t, res, nil, c.absent)
			checkQuoted(t, res, c.quoted, nil)
		})
	}
}
