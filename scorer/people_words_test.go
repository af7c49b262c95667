package scorer

import "testing"

// TestPeopleNotWords: capitalised runs that start with a common word listed
// as a given name somewhere (Apple, Great), organisation names, titles of
// films with a colon, and a club name after a title.
func TestPeopleNotWords(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		name, text string
		want       []Person // Name, Gender, Quoted are compared
		absent     []string
	}{
		{
			name:   "a product whose first word is a given name somewhere is no person",
			text:   "Sau ba năm dùng, chiếc Apple Watch của tôi vẫn chạy tốt. Bộ sạc Magic Charger mới ra mắt tháng trước.",
			absent: []string{"Apple Watch", "Magic Charger", "Apple"},
		},
		{
			name:   "a place or a tour that starts with a common word",
			text:   "Đoàn khách sẽ đi thăm Great Lakes và dự lễ hội Lucky Summer ở bờ biển phía tây.",
			absent: []string{"Great Lakes", "Lucky Summer"},
		},
		{
			name: "a real bearer of such a name still counts on the text's cues",
			text: "Bà Faith Morgan, giám đốc quỹ, cho biết dự án sẽ kéo dài hai năm.",
			want: []Person{{Name: "Faith Morgan", Gender: female, Quoted: true}},
		},
		{
			name:   "an organisation's name written with lower-case words is no person",
			text:   "Chiều nay, Đoàn Thanh niên Cộng sản Hồ Chí Minh tổ chức lễ tuyên dương. Đoàn Thanh niên Thành phố trao 20 phần thưởng.",
			absent: []string{"Đoàn Thanh", "Cộng", "Thành"},
		},
		{
			name:   "a company's name goes on after its words in sentence case",
			text:   "Tổng công ty Xây dựng Lũng Lô trúng thầu gói số 3. Nhà máy Lọc dầu Dung Quất vận hành ổn định.",
			absent: []string{"Lũng Lô", "Dung Quất"},
		},
		{
			name: "a name after a word that links it is no part of the organisation",
			text: "Nhiều sao Việt như Thanh Thảo, Hồng Nhung đã ủng hộ quỹ. Công ty Xây dựng Hòa Bình thuê Nguyễn Văn Toàn làm giám đốc.",
			want: []Person{{Name: "Thanh Thảo", Gender: female, Quoted: false}, {Name: "Nguyễn Văn Toàn", Gender: male, Quoted: false}},
		},
		{
			name: "a person's name after an organisation's name is still a person",
			text: "Ứng viên của đảng Dân chủ Joe Biden phát biểu tại Ohio. Thường trực Ban Bí thư Võ Văn Thưởng dự hội nghị và cho biết cần đổi mới.",
			want: []Person{{Name: "Joe Biden", Gender: male, Quoted: true}, {Name: "Võ Văn Thưởng", Gender: male, Quoted: true}},
		},
		{
			name:   "a name of a magazine or a place that goes on in lower case",
			text:   "Cô từng lên bìa tạp chí Harper's Bazaar. Trường Đại học Quốc gia Thanh hóa mở thêm ngành mới.",
			absent: []string{"Harper", "Thanh"},
		},
		{
			name: "a colon inside a film's title opens no quotation",
			text: "Nam diễn viên Tom Parker sẽ đóng vai chính trong Spider-Man: No Way Home. Cô đóng Avengers: Civil War năm 2016.",
			want: []Person{{Name: "Tom Parker", Gender: male, Quoted: false}},
		},
		{
			name: "a colon after a speaker's name still quotes",
			text: "Phóng viên hỏi về trận đấu.\nHLV Park Hang-seo: Trước trận, tôi yêu cầu các cầu thủ giữ bình tĩnh.\n" +
				"Bà Nguyễn Thị Hoa nhấn mạnh: Mọi Người phải đeo khẩu trang.",
			want: []Person{{Name: "Park Hang-seo", Gender: male, Quoted: true}, {Name: "Nguyễn Thị Hoa", Gender: female, Quoted: true}},
		},
		{
			name: "a club's name after a scholar's title or an honorific is the person's given name",
			text: "Theo giáo sư Santos Almeida, vắc xin cần hai liều. Bà Chelsea Brown, chủ một cửa hàng, cho biết giá đã tăng.",
			want: []Person{{Name: "Santos Almeida", Gender: male, Quoted: true}, {Name: "Chelsea Brown", Gender: female, Quoted: true}},
		},
		{
			name:   "a club after a coach's title is the club",
			text:   "HLV Chelsea Potter cho biết đội sẽ thay đổi đội hình.",
			want:   []Person{{Name: "Potter", Gender: unknown, Quoted: true}},
			absent: []string{"Chelsea Potter"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkPeople(t, s.Check(Document{Text: c.text}), c.text, c.want, c.absent)
		})
	}
}
