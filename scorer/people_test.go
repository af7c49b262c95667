package scorer

import (
	"slices"
	"strings"
	"testing"

	"genderlens/rules"
)

// personByName finds a person in a result by name.
func personByName(res *Result, name string) (Person, bool) {
	for _, p := range res.People {
		if p.Name == name {
			return p, true
		}
	}
	return Person{}, false
}

func TestPeople(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		name, text string
		want       []Person // Name, Gender, Quoted, Role are compared
		absent     []string
	}{
		{
			name: "honorific, title and short mention",
			text: "Chiều qua, bà Nguyễn Thị Lan, Chủ tịch UBND phường Phúc Xá, cho biết phường đã lắp thêm đèn. " +
				"Theo bà Lan, việc này giúp người dân yên tâm hơn.",
			want: []Person{{Name: "Nguyễn Thị Lan", Gender: female, Quoted: true, Role: roleOfficial}},
		},
		{
			name: "a label colon: the line after it names the person again",
			text: "Những cầu thủ đã ra đi.\nTiền vệ Trần Quốc Bảo: Tiền vệ Quốc Bảo từng được bán cho một đội hạng Nhất với giá 2 tỉ đồng.\n" +
				"HLV Lê Minh Hải: Theo tôi, các cầu thủ trẻ đã chơi rất tốt.",
			want: []Person{{Name: "Trần Quốc Bảo", Gender: male, Quoted: false}, {Name: "Lê Minh Hải", Gender: male, Quoted: true}},
		},
		{
			name: "an interviewer's question asks the person to judge: not their words",
			text: "Tiền đạo Marco Silva vừa gia nhập đội bóng thủ đô.\nÔng đánh giá thế nào về hai trận sân khách sắp tới?\n" +
				"HLV Trần Văn Hùng đánh giá ra sao về đối thủ?",
			want: []Person{{Name: "Marco Silva", Gender: male, Quoted: false}, {Name: "Trần Văn Hùng", Gender: male, Quoted: false}},
		},
		{
			name: "a list of names after a verb is its object: the speech verb after the comma is the subject's",
			text: "Ông Marek Novak chỉ trích gay gắt Paul Dorsey và Luca Ferri, nói: “Chúng tôi đã bị phản bội”.",
			want: []Person{{Name: "Marek Novak", Gender: male, Quoted: true}, {Name: "Paul Dorsey", Gender: male, Quoted: false},
				{Name: "Luca Ferri", Gender: male, Quoted: false}},
		},
		{
			name: "an organisation opens the clause after 'sau khi': its speech verb is not the name's",
			text: "Giám đốc điều hành Peter Walsh đã từ chức ngay sau khi CLB thông báo rút khỏi giải đấu mới.",
			want: []Person{{Name: "Peter Walsh", Gender: male, Quoted: false}},
		},
		{
			name: "the name after a title in a named person's appositive is the organisation's",
			text: "Ông Lê Quang Vinh, Tổng giám đốc Saigontrip lấy Singapore làm ví dụ: “Khách quay lại vì trải nghiệm”. " +
				"Bà Phạm Thu Hà, Giám đốc Bảo tàng tỉnh Long An cho biết hiện vật đã được đưa về kho. " +
				"Có mặt tại buổi lễ có tiến sĩ Mai Văn Lâm, CEO Thúy Phan và bác sĩ Ngọc Ánh.",
			want:   []Person{{Name: "Lê Quang Vinh", Gender: male, Quoted: true}, {Name: "Phạm Thu Hà", Gender: female, Quoted: true}},
			absent: []string{"Saigontrip", "Bảo"},
		},
		{
			name: "a colon and a quotation past a long appositive give the speaker's words",
			text: "Đúng như PGS.TS Lê Thị Hạnh - nguyên Phó Vụ trưởng Vụ Giáo dục Thường xuyên và Đào tạo, Bộ Giáo dục, Trưởng ban giám khảo Hội thi Giáo viên Giỏi của tỉnh Nam Định nhận xét: “Trường học phải đổi mới”. " +
				"Nhận xét về đề tài, TS. Võ Văn Long - Giám đốc Trung tâm Bồi dưỡng Nhà giáo Phó trưởng khoa Sư phạm, Giảng viên Khoa Toán Trường Đại học Vinh khen ngợi: “Ý tưởng rất mới”.",
			want: []Person{{Name: "Lê Thị Hạnh", Gender: female, Quoted: true}, {Name: "Võ Văn Long", Gender: male, Quoted: true}},
		},
		{
			name: "the person told to do something is not the one speaking",
			text: "Văn phòng công chứng yêu cầu ông Lê Văn Khoa đến ngân hàng xác nhận khoản vay. Cô giáo đề nghị em Trần Minh Quân giải thích lý do nghỉ học.",
			want: []Person{{Name: "Lê Văn Khoa", Gender: male, Quoted: false}, {Name: "Trần Minh Quân", Gender: male, Quoted: false}},
		},
		{
			name: "a demand made of a person named is the demander's words; one made of 'anh' at the scene is not",
			text: "Giám đốc Sở Y tế Lê Văn Sáu yêu cầu ông Vi Văn Tám khẩn trương báo cáo sự việc. " +
				"Tối đó, Trần Văn Hậu rút dao yêu cầu anh giao hết tiền trong két.",
			want: []Person{{Name: "Lê Văn Sáu", Gender: male, Quoted: true}, {Name: "Vi Văn Tám", Gender: male, Quoted: false},
				{Name: "Trần Văn Hậu", Gender: male, Quoted: false}},
		},
		{
			name: "a colon that opens a schedule's fields is no quotation",
			text: "Học viện Keppel tuyển sinh khóa mới.\nBuổi tư vấn cùng bà Jessica Tan, Giám đốc tuyển sinh khu vực:\nThời gian: 9h sáng thứ Bảy\nĐịa điểm: 12 Tràng Thi, Hà Nội",
			want: []Person{{Name: "Jessica Tan", Gender: female, Quoted: false}},
		},
		{
			name: "a country between the second name's title and the name keeps the list of speakers",
			text: "Hôm qua, Thủ tướng Canada Mark Dalton và Tổng thống Pháp Louis Garnier cam kết sẽ tăng viện trợ.",
			want: []Person{{Name: "Mark Dalton", Gender: male, Quoted: true}, {Name: "Louis Garnier", Gender: male, Quoted: true}},
		},
		{
			name: "a spokesperson of someone speaks for them; a statement of theirs is theirs",
			text: "Người phát ngôn của ca sĩ Lệ Hằng đã xác nhận thông tin. Phát ngôn của ông Mark Dalton nhấn mạnh rằng thông tin là sai.",
			want: []Person{{Name: "Lệ Hằng", Gender: female, Quoted: false}, {Name: "Mark Dalton", Gender: male, Quoted: true}},
		},
		{
			name: "a clause opened by a comma and 'khi' has its own subject, no appositive",
			text: "Ông Peter Walsh đã từ chức chỉ hai tháng sau đó, khi Thủ tướng Mark Dalton yêu cầu công ty bán lại cảng.",
			want: []Person{{Name: "Peter Walsh", Gender: male, Quoted: false}, {Name: "Mark Dalton", Gender: male, Quoted: true}},
		},
		{
			name: "a pronoun after 'của' owns what the colon then lists",
			text: "Tiền đạo Marco Silva ghi hai bàn. Trong pha bóng ấy, Silva đã thể hiện những phẩm chất nổi bật của anh: tốc độ, kỹ thuật và sự lạnh lùng.",
			want: []Person{{Name: "Marco Silva", Gender: male, Quoted: false}},
		},
		{
			name: "an honorific written with a capital after a semicolon opens an item of a list",
			text: "Hội nghị có sự tham dự của bà Lê Thị Hà, Vụ trưởng; Ông Phạm Tân, Giám đốc Sở Y tế; ông Vũ Lâm, Phó Giám đốc.",
			want: []Person{{Name: "Lê Thị Hà", Gender: female}, {Name: "Phạm Tân", Gender: male}, {Name: "Vũ Lâm", Gender: male}},
		},
		{
			name: "a label in quotation marks in the subject's clause is no one's words",
			text: "Chị Lò Thị Mến, một “đầu mối” thu mua chè, cho biết giá đã tăng. Năm nay, ông Hà Văn Sinh trồng 5 sào dưa “hoàng kim” phấn khởi cho biết: “Lãi gấp đôi”.",
			want: []Person{{Name: "Lò Thị Mến", Gender: female, Quoted: true}, {Name: "Hà Văn Sinh", Gender: male, Quoted: true}},
		},
		{
			name: "those met are the object; the speech verb after them is the subject's",
			text: "Phó giám đốc Đào Văn Khang đã gặp Trần Hữu Lộc và Vũ Anh Tài thông báo rút khỏi dự án.",
			want: []Person{{Name: "Đào Văn Khang", Gender: male, Quoted: true}, {Name: "Trần Hữu Lộc", Gender: male, Quoted: false},
				{Name: "Vũ Anh Tài", Gender: male, Quoted: false}},
		},
		{
			name: "'được' after a negated verb is no passive",
			text: "Sau trận đấu, ông Lê Hữu Phước không kìm được xúc động khi phát biểu: “Tôi rất tự hào”.",
			want: []Person{{Name: "Lê Hữu Phước", Gender: male, Quoted: true}},
		},
		{
			name: "a speech verb after 'việc' names an act",
			text: "Ông Mark Dalton tỏ ra ngượng ngùng vì vai trò “người tố giác” của mình, vì việc tiết lộ bí mật của cơ quan.",
			want: []Person{{Name: "Mark Dalton", Gender: male, Quoted: false}},
		},
		{
			name: "a list of places after a colon is where, not words",
			text: "Đáng chú ý là chuyến lưu diễn của ca sĩ Mỹ John Carver tại ba thành phố lớn: Hà Nội, Đà Nẵng, Cần Thơ.",
			want: []Person{{Name: "John Carver", Gender: male, Quoted: false}},
		},
		{
			name: "quoted charges in a series after a counted noun and a colon are no words",
			text: "Tòa tuyên phạt bị cáo Trịnh Văn Quang 12 năm tù về 3 tội: “Cướp giật tài sản”, “Cố ý gây thương tích” và “Trộm cắp”.",
			want: []Person{{Name: "Trịnh Văn Quang", Gender: male, Quoted: false}},
		},
		{
			name: "short quotations in a series after a counted noun of saying are words",
			text: "Ông Trịnh Văn Quang có 3 lời khuyên: “Ăn chín”, “Uống sôi” và “Ngủ sớm”.",
			want: []Person{{Name: "Trịnh Văn Quang", Gender: male, Quoted: true}},
		},
		{
			name: "one short quotation after a counted noun and a colon is still words",
			text: "Ông Trịnh Văn Quang nói thêm 2 câu: “Tôi xin lỗi”.",
			want: []Person{{Name: "Trịnh Văn Quang", Gender: male, Quoted: true}},
		},
		{
			name: "a name in a clause made a noun by 'việc' does not own the colon closing it",
			text: "Thủ quân Marco Silva cũng vui không kém trước việc Jan Novak đồng ý đến đội bóng: “Cậu ấy còn trẻ nhưng rất giỏi”.",
			want: []Person{{Name: "Marco Silva", Gender: male, Quoted: true}, {Name: "Jan Novak", Gender: male, Quoted: false}},
		},
		{
			name:   "a full name without its middle name Thị is the same woman",
			text:   "Bà Trần Thị Minh Châu dẫn dắt đội tuyển từ năm 2015. Sau trận đấu, HLV Trần Minh Châu cho biết cô sẽ khiếu nại.",
			want:   []Person{{Name: "Trần Thị Minh Châu", Gender: female, Quoted: true}},
			absent: []string{"Trần Minh Châu"},
		},
		{
			name: "a negator before a reason and 'mà' negates the verb after it",
			text: "Đội bóng có đóng góp lớn của hai trung vệ Marko Petrov và Ivan Sokol, nhưng không vì thế mà phủ nhận công sức của các cầu thủ trẻ.",
			want: []Person{{Name: "Marko Petrov", Gender: male, Quoted: false}, {Name: "Ivan Sokol", Gender: male, Quoted: false}},
		},
		{
			name: "a short capitalised nickname in quotation marks opens an appositive",
			text: "Dev Patel - “Sao” phim Triệu phú ổ chuột cho biết: “Tôi hồi hộp trước mỗi cảnh quay”.",
			want: []Person{{Name: "Dev Patel", Gender: male, Quoted: true}},
		},
		{
			name:   "an award's name, then its winner's full name, in one capitalised run",
			text:   "Minh tinh từng giành giải Oscar Natalie Portman nói rằng cô tập múa suốt một năm.",
			want:   []Person{{Name: "Natalie Portman", Gender: female, Quoted: true}},
			absent: []string{"Oscar Natalie Portman"},
		},
		{
			name: "a pronoun opening a sentence takes up the subject before, of unknown gender, not an object or a man named earlier",
			text: "Đạo diễn Trần Văn Khải ra mắt phim mới ở Hà Nội.\nNhà thơ Lê Lựu rất hài lòng với vai diễn của Ngô Thế Quân. " +
				"Ông tâm sự: “Xem phim tôi rất xúc động”.",
			want: []Person{{Name: "Lê Lựu", Gender: male, Quoted: true}, {Name: "Ngô Thế Quân", Gender: male, Quoted: false},
				{Name: "Trần Văn Khải", Gender: male, Quoted: false}},
		},
		{
			name: "a name labelling an answer after a question line is the one who answers",
			text: "Nhóm nhạc đến từ Manila diễn mỗi tối.\nCác bạn tập một bài hát trong bao lâu?\n- Rosalind: Chúng tôi tập khoảng mười ngày.\n" +
				"Khán giả đón nhận thế nào?\nBeatrix: Họ rất bất ngờ. Chúng tôi có nên ở lại không?\nFrom: ban doc To: toasoan Subject: Hỏi\n",
			want:   []Person{{Name: "Rosalind", Gender: female, Quoted: true}, {Name: "Beatrix", Gender: female, Quoted: true}},
			absent: []string{"From"},
		},
		{
			name: "\"Theo cô, ...\" is the account of the woman the pronoun takes up, not in a question",
			text: "Người mẫu Đào Bích Trâm vừa đăng bộ ảnh mới. Theo cô, đây là bộ ảnh ưng ý nhất.\n" +
				"Ông Lại Văn Sâm dự buổi ra mắt.\nTheo ông, bộ ảnh này có gì đặc biệt?",
			want: []Person{{Name: "Đào Bích Trâm", Gender: female, Quoted: true}, {Name: "Lại Văn Sâm", Gender: male, Quoted: false}},
		},
		{
			name: "a gendered role noun with the title of the star's work in quotation marks refers back to her",
			text: "Ca sĩ Phùng Khánh Vân vừa về nước. Nữ ca sĩ “Chiều sông Hậu” chia sẻ rằng cô rất nhớ nhà.",
			want: []Person{{Name: "Phùng Khánh Vân", Gender: female, Quoted: true}},
		},
		{
			name: "a two-syllable stage name the story keeps coming back to, taken up by a pronoun, is a person",
			text: "Sau một năm vắng bóng, Khải Phong trở lại với bộ ảnh mới (Ảnh: Lò Văn Tuấn).\n" +
				"Dịch bệnh đã làm thay đổi cuộc sống của Khải Phong. Anh dành thời gian cho gia đình.\n" +
				"Hiện tại, Khải Phong muốn tập trung cho nghề diễn. Nam diễn viên cho biết anh đã nhận lời một phim mới.",
			want: []Person{{Name: "Khải Phong", Gender: male, Quoted: true}},
			// the photographer credited is no one in the story
			absent: []string{"Lò Văn Tuấn"},
		},
		{
			name: "a Korean name in Latin letters is a person; a state or a firm after a homonym is not",
			text: "Mới đây, Kim Ha Neul gây sốt với bộ ảnh mới. Nữ diễn viên chia sẻ cô rất thích bộ ảnh này.\n" +
				"Cơn bão đổ bộ vào bang Minnesota. Sun Microsystems công bố sản phẩm mới.",
			want:   []Person{{Name: "Kim Ha Neul", Gender: female, Quoted: true}},
			absent: []string{"Bang Minnesota", "Sun Microsystems"},
		},
		{
			name: "a gendered role noun after \"là\" says the person's gender, not the possessor's",
			text: "Han Ji Eun là nữ diễn viên nổi tiếng. Công ty quản lý cho biết cô đang nghỉ ngơi. " +
				"Mẹ của Choi Jae Won là nữ ca sĩ. Choi Jae Won vốn là một người cha chu đáo.",
			want: []Person{{Name: "Han Ji Eun", Gender: female, Quoted: false}, {Name: "Choi Jae Won", Gender: male, Quoted: false}},
		},
		{
			name: "a pronoun opening a subordinate clause in the person's own sentence is theirs",
			text: "Yoon Ha Jin trở lại màn ảnh sau khi cô kết hôn. Park Seung Woo rất cưng chiều con gái nuôi vì cô con gái này rất ngoan.",
			want: []Person{{Name: "Yoon Ha Jin", Gender: female, Quoted: false}, {Name: "Park Seung Woo", Gender: unknown, Quoted: false}},
		},
		{
			name: "a gendered role noun with a place after it refers back to the star",
			text: "Sau ba năm, Lâm Bảo Ngọc tái xuất. “Tôi muốn đi làm ngay”, người đẹp Vĩnh Long nói.",
			want: []Person{{Name: "Lâm Bảo Ngọc", Gender: female, Quoted: true}},
		},
		{
			name: "an unnamed source in a sentence printed twice is one person",
			text: "Một người phụ nữ lớn tuổi kể rằng con đường đã ngập từ sáng.\nMột người phụ nữ lớn tuổi kể rằng con đường đã ngập từ sáng.\n" +
				"Một người phụ nữ lớn tuổi khác nói nước rút chậm.",
			want: []Person{{Name: "Một người phụ nữ lớn tuổi", Gender: female, Quoted: true}},
		},
		{
			name: "a character of a film speaks no words of a source; the actor does",
			text: "Trong phim, nhân vật Lê Thị Thùy nói với chồng rằng cô sẽ ra đi. Nữ diễn viên Đỗ Minh Thư chia sẻ đây là vai khó nhất.",
			want: []Person{{Name: "Lê Thị Thùy", Gender: female, Quoted: false}, {Name: "Đỗ Minh Thư", Gender: female, Quoted: true}},
		},
		{
			name:   "Huỳnh and Hoàng, Võ and Vũ are one family name",
			text:   "Doanh nhân Huỳnh Khải Minh cho biết công ty sẽ mở rộng. Sau đó, Hoàng Khải Minh rời khỏi cuộc họp.",
			want:   []Person{{Name: "Huỳnh Khải Minh", Gender: male, Quoted: true}},
			absent: []string{"Hoàng Khải Minh"},
		},
		{
			name: "a gendered description set off before a name describes it; not a possessor pronoun",
			text: "Lâm Tú Anh và người chồng thứ hai, Hứa Kiến Phong, từng rất hạnh phúc. Con rể bà, Triệu Gia Kỳ, năm nay 30 tuổi.",
			want: []Person{{Name: "Hứa Kiến Phong", Gender: male, Quoted: false}, {Name: "Triệu Gia Kỳ", Gender: male, Quoted: false}},
		},
		{
			// A sponsor's or firm's name before a province, a city or a country names a club or a branch; a
			// one-word foreign city after a given name is a surname.
			name: "a foreign word before a place's name makes a club or a firm, not a person",
			text: "Các cặp đấu khác: Quảng Nam – Delta Thanh Hóa; Long An – Marina Đồng Tháp. Nếu thắng trước Hải Phòng, " +
				"Gloria Bình Dương, đội đã có 9 điểm. Ông Patrick Houston, chủ tịch quỹ, cho biết sẽ tài trợ thêm.",
			want:   []Person{{Name: "Patrick Houston", Gender: male, Quoted: true}},
			absent: []string{"Delta Thanh Hóa", "Marina Đồng Tháp", "Gloria Bình Dương", "Delta", "Marina", "Gloria"},
		},
		{
			// "cô" before a kinship noun is the wife's honorific, no "her" of the man named before.
			name: "a pronoun-like honorific opening a kinship description after của is no possessor",
			text: "Hôm qua, danh thủ Ronaldo Pereira đã tỉnh lại trong niềm vui của cô vợ Lucia và hai con. Pereira nói anh rất biết ơn.",
			want: []Person{{Name: "Ronaldo Pereira", Gender: male, Quoted: true}},
		},
		{
			name: "a title with no name after a quotation speaks for the person given that title",
			text: "Người mẫu Đào Thu Hà vừa về nước. “Tôi rất nhớ nhà, tôi muốn ở lại lâu hơn”, người mẫu sinh năm 1990 chia sẻ.",
			want: []Person{{Name: "Đào Thu Hà", Gender: female, Quoted: true}},
		},
		{
			name: "academic title makes an expert",
			text: "PGS.TS Lê Thị Hạnh, giảng viên Đại học Bách khoa, nhận định rằng giá điện sẽ còn tăng.",
			want: []Person{{Name: "Lê Thị Hạnh", Gender: female, Quoted: true, Role: roleExpert}},
		},
		{
			name: "title before the name, middle name Văn",
			text: "Chủ tịch UBND phường Trúc Bạch Trần Văn Khoa đã đến thăm các hộ dân.",
			want: []Person{{Name: "Trần Văn Khoa", Gender: male, Quoted: false, Role: roleOfficial}},
		},
		{
			name:   "an occupation right before a name is the person's title, not whose",
			text:   "Trả lời báo chí, luật sư Lâm Quốc Bảo cho biết hợp đồng vẫn có hiệu lực.",
			want:   []Person{{Name: "Lâm Quốc Bảo", Gender: male, Quoted: true, Role: roleExpert}},
			absent: []string{"luật sư Lâm Quốc Bảo"},
		},
		{
			name: "a name with an apostrophe is one name: O'Brien, H'Hen",
			text: "Cố vấn Kevin O'Malley cho biết hai bên sẽ gặp lại. Ông O'Malley nói thêm rằng lịch chưa định. " +
				"Hoa hậu H’Lanh Niê chia sẻ cô sẽ về buôn làng. Nhãn hàng L'Avenir và Casio tài trợ đêm thi.",
			want:   []Person{{Name: "Kevin O'Malley", Gender: male, Quoted: true}, {Name: "H’Lanh Niê", Gender: female, Quoted: true}},
			absent: []string{"Kevin O", "Lanh Niê", "L'Avenir", "Casio"},
		},
		{
			name: "a given name alone, described with một and a noun for who they are",
			text: "Ở bến xe, Quyên, một cô gái 19 tuổi bán nước, kể chuyện mưu sinh. Anh gặp Tùng, một chàng trai quê Nghệ An. " +
				"Trên cầu, Khải - một cậu bé đánh giày - nói em đi bộ cả ngày.",
			want: []Person{{Name: "Quyên", Gender: female, Quoted: true}, {Name: "Tùng", Gender: male, Quoted: false},
				{Name: "Khải", Gender: male, Quoted: true}},
		},
		{
			name:   "without một the noun may be someone else's title",
			text:   "Về kinh đô Huế, vua Quang Trung cho mời thợ giỏi từ phương Bắc.",
			absent: []string{"Huế"},
		},
		{
			name: "an apostrophe name alone is a family name, not a given name",
			text: "Hậu vệ O'Shea và tiền đạo Nistelrooy đã ghi bàn.",
			want: []Person{{Name: "O'Shea", Gender: unknown, Quoted: false}},
		},
		{
			name:   "the sender in a letter's e-mail header is no person",
			text:   "From: Hoang Minh Tri To: tamsu@example.vn Sent: Friday, May 07, 2004 9:15 PM\nChào chị, em muốn kể với chị chuyện nhà em.",
			absent: []string{"Hoang Minh Tri", "Hoang Minh Tri To", "Friday"},
		},
		{
			name: "a country opening a clause after a comma is that clause's subject",
			text: "Ông Lê Văn Đạt đến dự hội nghị tại Jakarta hôm qua, Indonesia đã kêu gọi các bên kiềm chế. " +
				"Bộ trưởng Phan Quốc Toàn tiếp đoàn khách sáng nay, Bộ Ngoại giao cho biết hai bên sẽ ký thỏa thuận.",
			want: []Person{{Name: "Lê Văn Đạt", Gender: male, Quoted: false}, {Name: "Phan Quốc Toàn", Gender: male, Quoted: false}},
		},
		{
			name: "a country after an office names where the office is",
			text: "Tiến sĩ Hoàng Minh Tuấn của Viện Nghiên cứu Biển, Na Uy cho rằng nước biển đang ấm lên. " +
				"Bác sĩ Trần Thị Mai, công tác tại một bệnh viện lớn, Singapore, cho biết ca bệnh đã ổn định.",
			want: []Person{{Name: "Hoàng Minh Tuấn", Gender: male, Quoted: true}, {Name: "Trần Thị Mai", Gender: female, Quoted: true}},
		},
		{
			name: "a pronoun opening the next sentence when the others around are of the other sex",
			text: "Ca sĩ Trần Thị Ngân từng hẹn hò với doanh nhân Ulzii Batbold. Ulzii Batbold nói rằng hai người vẫn là bạn. " +
				"Anh từng du học tại Mỹ.",
			want: []Person{{Name: "Trần Thị Ngân", Gender: female, Quoted: false}, {Name: "Ulzii Batbold", Gender: male, Quoted: true}},
		},
		{
			name: "a pronoun opening the next sentence stays unread when another person may be its referent",
			text: "Ông Trần Văn Khánh giới thiệu doanh nhân Ulzii Batbold với báo chí. Ulzii Batbold nói rằng dự án sẽ sớm khởi công. " +
				"Anh từng du học tại Mỹ.",
			want: []Person{{Name: "Trần Văn Khánh", Gender: male, Quoted: false}, {Name: "Ulzii Batbold", Gender: unknown, Quoted: true}},
		},
		{
			name: "a pronoun after \"nhưng\" takes up the sentence's subject, not the names listed before it",
			text: "Diễn viên đóng thế Trần Văn Lực từng đóng thay cho Lê Văn Hải, Phạm Văn Bình, Đỗ Văn Tâm... nhưng anh khẳng định vai này khó nhất. " +
				"Nhà hàng Con Cá Vàng được khen xứng đáng với giải thưởng nhưng ông Ngô Văn Khải cho rằng giá còn cao.",
			want: []Person{{Name: "Trần Văn Lực", Gender: male, Quoted: true}, {Name: "Lê Văn Hải", Gender: male, Quoted: false},
				{Name: "Phạm Văn Bình", Gender: male, Quoted: false}, {Name: "Đỗ Văn Tâm", Gender: male, Quoted: false},
				{Name: "Ngô Văn Khải", Gender: male, Quoted: true}},
		},
		{
			name: "a pronoun after a sentence adverb (\"Sau đó anh ...\") refers back to the subject before",
			text: "Lê Minh Anh vừa trở về từ Nhật sau hai năm. Sau đó anh mở một quán cà phê ở Đà Lạt. Minh Anh cho biết quán đông khách.",
			want: []Person{{Name: "Lê Minh Anh", Gender: male, Quoted: true}},
		},
		{
			name: "an appositive opening with a short epithet in quotation marks keeps the verb after it the name's",
			text: "Nhạc sĩ Trần Văn Sơn, \"cha đẻ\" của liên hoan ca nhạc thiếu nhi, từng chia sẻ rằng cuộc thi cần thêm kinh phí.",
			want: []Person{{Name: "Trần Văn Sơn", Gender: male, Quoted: true}},
		},
		{
			name: "a caption's photo credit after a colon is no quotation",
			text: "Hai diễn viên Lê Văn Tài (trái) và Đỗ Văn Minh trong phim - Ảnh: Q.B.\nBộ phim dài 40 tập sẽ lên sóng vào tháng sau. " +
				"Chị Trần Thị Hoa nhớ lại cuộc thi năm ấy qua ảnh: “Ai cũng hồi hộp”.",
			want: []Person{{Name: "Lê Văn Tài", Gender: male, Quoted: false}, {Name: "Đỗ Văn Minh", Gender: male, Quoted: false},
				{Name: "Trần Thị Hoa", Gender: female, Quoted: true}},
		},
		{
			name: "a pronoun opening a sentence takes up the subject before, not the object",
			text: "Ca sĩ Lương Văn Tùng đến chúc mừng nhạc sĩ Phạm Văn Hậu. Anh thừa nhận hai người từng có mâu thuẫn. " +
				"Nữ diễn viên Đỗ Thị Hằng nhận vai vì có sự tham gia của NSND Lê Thị Khuê. Chị nói rằng đó là một vinh dự.",
			want: []Person{{Name: "Lương Văn Tùng", Gender: male, Quoted: true}, {Name: "Phạm Văn Hậu", Gender: male, Quoted: false},
				{Name: "Đỗ Thị Hằng", Gender: female, Quoted: true}, {Name: "Lê Thị Khuê", Gender: female, Quoted: false}},
		},
		{
			name: "kin words before a name do not make it an object",
			text: "Ngồi ở hàng đầu là hai mẹ con chị Trần Thị Duyên. Chị kể rằng cháu bị bệnh từ nhỏ.",
			want: []Person{{Name: "Trần Thị Duyên", Gender: female, Quoted: true}},
		},
		{
			name: "a description names a child by an initial, with the age after it",
			text: "Tin trong nước\n\nBé gái tên K. 10 tuổi sống cùng bà ngoại ở xã Phú Lộc. Bé kể rằng bé rất nhớ mẹ. " +
				"Em học sinh tên P.T.V. 15 tuổi kể lại sự việc với công an.",
			want: []Person{{Name: "K", Gender: female, Quoted: true}, {Name: "P.T.V", Gender: unknown, Quoted: true}},
		},
		{
			name: "the verb after 'khi' belongs to the clause's own subject",
			text: "Chị Đỗ Thu Lan bất ngờ khi nghe anh Lê Văn Minh chia sẻ rằng anh sẽ nghỉ việc. " +
				"Bà Hà Thị Hoa xúc động khi con trai bà kể lại chuyện cũ. Ông Phan Văn Tuấn vui vẻ khi chia sẻ về dự án.",
			want: []Person{{Name: "Đỗ Thu Lan", Gender: female, Quoted: false}, {Name: "Lê Văn Minh", Gender: male, Quoted: true},
				{Name: "Hà Thị Hoa", Gender: female, Quoted: false}, {Name: "Phan Văn Tuấn", Gender: male, Quoted: true}},
		},
		{
			name: "a gendered kin description in apposition gives the gender",
			text: "Trương Mạt, con gái đầu của một đạo diễn nổi tiếng, từng chia sẻ về cha. " +
				"Tài sản được chuyển cho Lâm Khải Anh - em gái của nhà sáng lập.",
			want: []Person{{Name: "Trương Mạt", Gender: female, Quoted: true}, {Name: "Lâm Khải Anh", Gender: female, Quoted: false}},
		},
		{
			name: "a pronoun after 'của' in the subject's own sentence, nobody else named around",
			text: "Giáo sư Ribeiro và các đồng nghiệp của ông đã quay phim những con chuột đang ngủ.",
			want: []Person{{Name: "Ribeiro", Gender: male, Quoted: false}},
		},
		{
			name: "a pronoun after 'của' says nothing of a person named after someone else",
			text: "Bà Nguyễn Thị Lan tới thăm nhà văn Lâm Khải Anh tại nhà riêng của ông ở ngoại ô.",
			want: []Person{{Name: "Nguyễn Thị Lan", Gender: female, Quoted: false}, {Name: "Lâm Khải Anh", Gender: unknown, Quoted: false}},
		},
		{
			name:   "a well-known person's Vietnamese family name alone is no one",
			text:   "Vũ khí mới được thử nghiệm hôm qua. Vũ trụ còn nhiều bí ẩn, nhà khoa học Lê Văn Tâm cho biết.",
			want:   []Person{{Name: "Lê Văn Tâm", Gender: male, Quoted: true}},
			absent: []string{"Vũ"},
		},
		{
			name: "'Song,' opening a sentence is a connective, and a numbered group is no anaphor",
			text: "Cặp đôi không còn xuất hiện cùng nhau. Song, một nguồn tin khẳng định hai người vẫn liên lạc. " +
				"Diễn viên Trương Thiết Văn đóng vai vua. Ông từng bị hai nữ sinh tố cáo trong một vụ bê bối.",
			want:   []Person{{Name: "Trương Thiết Văn", Gender: male, Quoted: false}},
			absent: []string{"Song"},
		},
		{
			name: "a bare title opening a sentence refers to the person named with it past a long office name",
			text: "Đây là phát biểu của Bộ trưởng Bộ Khoa học và Công nghệ Lê Thành Đạt tại lễ trao giải.\n" +
				"Bộ trưởng cho biết giải thưởng rất uy tín.",
			want:   []Person{{Name: "Lê Thành Đạt", Gender: male, Quoted: true, Role: roleOfficial}},
			absent: []string{"Bộ trưởng"},
		},
		{
			name:   "friends of a person speak as a group, and 'rarely shares' reports nothing",
			text:   "Bạn bè của ca sĩ Đỗ Minh Khôi cho hay anh sắp cưới. Nữ diễn viên Lê Thị Duyên rất ít khi chia sẻ về đời tư.",
			want:   []Person{{Name: "Đỗ Minh Khôi", Gender: male, Quoted: false}, {Name: "Lê Thị Duyên", Gender: female, Quoted: false}},
			absent: []string{"Bạn bè của ca sĩ Đỗ Minh Khôi"},
		},
		{
			name: "a nationality between the title and the name",
			text: "HLV người Đức Weissmann nói rằng đội bóng cần thêm thời gian. Nhà thám hiểm người Anh Carla Dune từng đi qua vùng này.",
			want: []Person{{Name: "Weissmann", Gender: unknown, Quoted: true, Role: roleCelebrity},
				{Name: "Carla Dune", Gender: female, Quoted: false}},
			absent: []string{"Đức Weissmann", "Anh Carla Dune"},
		},
		{
			name:   "a local from a city is no nationality",
			text:   "Người Hà Nội Thanh Tùng đã quen với cảnh kẹt xe.",
			absent: []string{"Thanh Tùng", "Hà Nội Thanh Tùng"},
		},
		{
			name:   "a lone initial after a job word; a later run starting with its letter is not its name",
			text:   "Tài công H. cho biết sà lan bị mắc cạn. Hầu hết hàng hóa đã được chuyển lên bờ.",
			want:   []Person{{Name: "H", Gender: unknown, Quoted: true, Role: roleOrdinary}},
			absent: []string{"Hầu"},
		},
		{
			name: "nam or nữ before any title is a gendered role noun",
			text: "Nam tiểu thương Hồ Gia Lạc nói giá rau tăng gấp đôi. Nữ thư ký Trần Minh Khang đã nghỉ việc từ tháng trước.",
			want: []Person{{Name: "Hồ Gia Lạc", Gender: male, Quoted: true, Role: roleOrdinary},
				{Name: "Trần Minh Khang", Gender: female, Quoted: false, Role: roleOfficial}},
		},
		{
			name: "thường trực after a title belongs to it",
			text: "Ông Lương Văn Khải, Phó Bí thư Thường trực Đảng ủy Khối Doanh nghiệp, khẳng định đường sẽ xong trong năm. " +
				"Để kịp tiến độ, Thường trực Tỉnh ủy cho biết đã họp hai lần. “Không để chậm thêm”, Phó Bí thư nói.",
			want:   []Person{{Name: "Lương Văn Khải", Gender: male, Quoted: true, Role: roleOfficial}},
			absent: []string{"Thường", "Phó Bí thư"},
		},
		{
			name:   "a copula ends a title's reach",
			text:   "Đại diện duy nhất của châu Á năm nay là nhà hàng Orchid ở Singapore.",
			absent: []string{"Orchid"},
		},
		{
			name: "quote then attribution",
			text: "“Chúng tôi sẽ làm hết sức”, ông Hùng nói.",
			want: []Person{{Name: "Hùng", Gender: male, Quoted: true, Role: roleOrdinary}},
		},
		{
			name: "a colon the clause runs on from in lower case lists things",
			text: "Ông Trần Văn Bảo bước vào mùa giải với một mục tiêu duy nhất: giữ vững phong độ.",
			want: []Person{{Name: "Trần Văn Bảo", Gender: male, Quoted: false, Role: roleOrdinary}},
		},
		{
			name: "a colon before words that start anew introduces speech",
			text: "Bà Lê Thị Hoa tỏ ra lo lắng: Chúng tôi chưa biết phải làm gì.",
			want: []Person{{Name: "Lê Thị Hoa", Gender: female, Quoted: true, Role: roleOrdinary}},
		},
		{
			name: "a capital inside a sentence is a name, not a pronoun",
			text: "Tiền vệ Lê Văn Bình đổi áo với đồng đội. Thủ quân đội tuyển Anh cho biết sẽ giữ chiếc áo. " +
				"Báo Thanh Niên đã thông tin về vụ việc.",
			want: []Person{{Name: "Lê Văn Bình", Gender: male, Quoted: false, Role: roleCelebrity}},
		},
		{
			name: "a pronoun after a closing parenthesis opens a sentence",
			text: "Ông Trần Minh Đức đã đến dự. (Ảnh: Hà Anh) Ông cho biết hội nghị rất thành công.",
			want: []Person{{Name: "Trần Minh Đức", Gender: male, Quoted: true, Role: roleOrdinary}},
		},
		{
			name:   "streets, schools and the byline are not people",
			text:   "Xe đi từ đường Lê Lợi sang trường Nguyễn Huệ rồi về phố Trần Hưng Đạo.\nMinh Hà",
			absent: []string{"Lê Lợi", "Nguyễn Huệ", "Trần Hưng Đạo", "Minh Hà"},
		},
		{
			name:   "the byline before an editor's note is no person",
			text:   "Ông Lê Văn Tám cho biết trường đã họp.\nHoàng Minh\n* Ý kiến đóng góp xin gửi về hộp thư: bandoc@baomoi.vn",
			want:   []Person{{Name: "Lê Văn Tám", Gender: male, Quoted: true, Role: roleOrdinary}},
			absent: []string{"Hoàng Minh"},
		},
		{
			name: "no gender from the topic",
			text: "Bác sĩ Nguyễn Minh Châu cho biết ca phẫu thuật kéo dài năm giờ.",
			want: []Person{{Name: "Nguyễn Minh Châu", Gender: unknown, Quoted: true, Role: roleExpert}},
		},
		{
			name: "conflicting honorifics give unknown",
			text: "Ông Lê Minh An nói vậy. Sau đó bà Lê Minh An cho biết thêm.",
			want: []Person{{Name: "Lê Minh An", Gender: unknown, Quoted: true}},
		},
		{
			name: "initials, hyphenated names, countries before names",
			text: "Phụ huynh của cháu N.T.H. (học sinh lớp 5) cho biết em đã về nhà. Võ sĩ Rashed Al-Swaisat nói anh sẽ trở lại. " +
				"Tổng thống Mỹ Joe Biden phát biểu tại Ba Lan. Đoàn khảo cổ Ai Cập cho biết đã tìm thấy lăng mộ.",
			want: []Person{
				{Name: "N.T.H", Gender: unknown, Quoted: false},
				{Name: "Rashed Al-Swaisat", Gender: male, Quoted: true, Role: roleCelebrity},
				{Name: "Joe Biden", Gender: male, Quoted: true, Role: roleOfficial},
			},
			absent: []string{"Lan", "Cập", "Ba Lan", "Ai Cập", "Mỹ Joe Biden"},
		},
		{
			name: "whom the speaker spoke to, before a comma, is not the speaker's preposition",
			text: "Trao đổi với phóng viên, bà Đinh Thị Hòa cho biết giá điện sẽ tăng. " +
				"Anh Hải từng hẹn hò với ca sĩ, người mẫu Lâm Thu Trang nhưng đã phủ nhận.",
			want: []Person{{Name: "Đinh Thị Hòa", Gender: female, Quoted: true}, {Name: "Lâm Thu Trang", Gender: female, Quoted: false}},
		},
		{
			name: "a dash inside the name of an office stays in the appositive",
			text: "Bà Lê Thị Bích Vân, Phó Giám đốc Trung tâm bảo tồn di tích lịch sử - văn hóa Hoa Lư cho biết lễ hội vẫn diễn ra. " +
				"Ông Phạm Văn Lực - Phó Giám đốc Sở Xây dựng - cho biết cầu sẽ xong.",
			want: []Person{{Name: "Lê Thị Bích Vân", Gender: female, Quoted: true}, {Name: "Phạm Văn Lực", Gender: male, Quoted: true}},
		},
		{
			name: "the name of an office goes on after a comma inside the appositive",
			text: "Thượng úy Nguyễn Sư Long - Trạm trưởng Trạm Kiểm soát Biên phòng Sa Kỳ, thuộc Đồn Biên phòng Hà Tiên, chia sẻ đường biên rất dài. " +
				"Anh Hồ Đắc Minh, Giám đốc Trung tâm Văn hóa, Thể thao và Truyền thanh huyện cho rằng lễ hội sẽ đông khách.",
			want: []Person{{Name: "Nguyễn Sư Long", Gender: male, Quoted: true}, {Name: "Hồ Đắc Minh", Gender: male, Quoted: true}},
		},
		{
			name: "unnamed source",
			// Nobody is named: "Ba" after "Ông" would be a name, the rank
			// a man goes by (rank_names).
			text: "Ông cụ ít khi ăn sáng, vợ ông cho hay.",
			want: []Person{{Name: "vợ ông", Gender: female, Quoted: true}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkPeople(t, s.Check(Document{Text: c.text}), c.text, c.want, c.absent)
		})
	}
}

// checkPeople asserts that res finds each wanted person, with its gender,
// quoted flag and (when given) role, every mention naming them, and none
// of the absent names.
func checkPeople(t *testing.T, res *Result, text string, want []Person, absent []string) {
	t.Helper()
	for _, w := range want {
		p, ok := personByName(res, w.Name)
		if !ok {
			t.Fatalf("no person %q in %+v", w.Name, res.People)
		}
		if p.Gender != w.Gender || p.Quoted != w.Quoted || w.Role != "" && p.Role != w.Role {
			t.Errorf("%s: got gender %s quoted %v role %s (%+v), want %s %v %s",
				w.Name, p.Gender, p.Quoted, p.Role, p.Cues, w.Gender, w.Quoted, w.Role)
		}
		for _, m := range p.Mentions {
			if !strings.Contains(text[m.Start:m.End], strings.Fields(w.Name)[len(strings.Fields(w.Name))-1]) {
				t.Errorf("mention %q does not name %s", text[m.Start:m.End], w.Name)
			}
		}
	}
	for _, a := range absent {
		if _, ok := personByName(res, a); ok {
			t.Errorf("%q must not be a person (%+v)", a, res.People)
		}
	}
}

// TestGenderEvidence: the names policy reads name tables and well-known people; the text policy keeps to the
// text's own cues and unambiguous given names, and says so in the cues.
func TestGenderEvidence(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	names, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	textSet := *set
	textSet.People.GenderEvidence = rules.EvidenceText
	text, err := New(&textSet)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		in, name        string
		byNames, byText string
	}{
		{"Ông Trần Văn Hùng cho biết giá rau tăng.", "Trần Văn Hùng", male, male},                             // an honorific: both
		{"Nguyễn Thị Mai cho biết giá rau tăng.", "Nguyễn Thị Mai", female, female},                           // Thị: both
		{"Đoàn Khắc Việt cho biết giá rau tăng.", "Đoàn Khắc Việt", male, unknown},                            // a middle name from the counts
		{"Phan Ngọc Huy cho biết giá rau tăng.", "Phan Ngọc Huy", male, unknown},                              // Huy: 1 woman in 70
		{"Sinh viên Tiểu Yến cho biết em đến để tìm hiểu.", "Tiểu Yến", female, female},                       // Yến: unambiguous
		{"Ngoại trưởng Antony Blinken cho biết Mỹ sẽ hỗ trợ.", "Antony Blinken", male, unknown},               // well known
		{"Kỹ sư Juergen Maier cho biết máy đã chạy.", "Juergen Maier", male, unknown},                         // Jürgen without umlauts
		{"Thủ tướng Goeran Lindqvist cho biết sẽ tới thăm.", "Goeran Lindqvist", male, unknown},               // Göran, table "goran"
		{"Hoàng tử Khalid bin Faisal cho biết sẽ tới thăm.", "Khalid bin Faisal", male, male},                 // bin: a son
		{"Bà Fatima bint Hamad cho biết sẽ tới thăm.", "Fatima bint Hamad", female, female},                   // honorific and bint agree
		{"Nhà báo Noura bint Saleh cho biết sẽ tới thăm.", "Noura bint Saleh", female, female},                // bint: a daughter
		{"Nhà phân tích Pranab Mehta cho biết thị trường sẽ hồi phục.", "Pranab Mehta", male, unknown},        // an Indian given name
		{"Hôm qua, nhạc sĩ Lê Hoàng Anh, bố của 12 cháu mồ côi, nói lời cảm ơn.", "Lê Hoàng Anh", male, male}, // bố của
		{"Hôm qua, nghệ nhân Lê Hoàng Anh, mẹ của 12 cháu mồ côi, nói lời cảm ơn.", "Lê Hoàng Anh", female, female},
	} {
		for _, c := range []struct {
			s    *Scorer
			want string
		}{{names, tt.byNames}, {text, tt.byText}} {
			p, ok := personByName(c.s.Check(Document{Text: tt.in}), tt.name)
			if !ok {
				t.Errorf("%q: %s not found", tt.in, tt.name)
				continue
			}
			if p.Gender != c.want {
				t.Errorf("%q (policy %v): %s is %s, want %s (%+v)", tt.in, c.s.textOnly, tt.name, p.Gender, c.want, p.Cues)
			}
		}
	}
}

// TestUnnamedSources: the merge stage's unnamed sources. A description that
// opens a clause may run on with a relative clause of its own before the
// speech verb; one that is listed, plural, advised, negated, a passive or a
// back-reference is no new source.
func TestUnnamedSources(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		text   string
		source string // the unnamed quoted person expected, "" for none
		gender string
	}{
		{"Người phụ nữ bán bánh mì đầu ngõ cho biết chị dậy từ 3 giờ.", "Người phụ nữ bán bánh mì đầu ngõ", female},
		{"Sáng nay, bác sĩ trực cấp cứu cho biết cháu bé đã tỉnh.", "bác sĩ trực cấp cứu", unknown},
		{"Nguồn tin thân cận với ban huấn luyện tiết lộ đội sẽ đổi chiến thuật.", "Nguồn tin thân cận với ban huấn luyện", unknown},
		{"Một cán bộ Công an huyện Đông Anh cho hay vụ việc đang được xác minh.", "Một cán bộ Công an huyện Đông Anh", unknown},
		{"Tuy nhiên, sau đó giám đốc công ty lại thông báo tiền cọc không được trả.", "giám đốc công ty", unknown},                      // a fronted time phrase, no comma
		{"Lúc này đại diện tòa nhà cho biết cửa đã khóa.", "đại diện tòa nhà", unknown},                                                 // a fronted time phrase opening the sentence
		{"Một kỹ sư cầu đường cho biết mặt đường sẽ được làm lại.", "Một kỹ sư cầu đường", unknown},                                     // an indefinite title
		{"Một chủ tiệm may trên phố Hàng Gai kể khách đã thưa dần.", "Một chủ tiệm may trên phố Hàng Gai", unknown},                     // "một" then the description
		{"Một cầu thủ Nguyễn Văn Hà cho biết anh đã khỏi.", "", ""},                                                                     // a name follows the title
		{"Phát biểu tại hội nghị, Chủ tịch UBND tỉnh Nam Định cho biết tỉnh sẽ làm đường mới.", "Chủ tịch UBND tỉnh Nam Định", unknown}, // an office has one holder
		{"Giám đốc Sở Y tế Lê Văn Khoa đến thăm trạm. Giám đốc Sở Y tế cho biết sẽ thêm bác sĩ.", "", ""},                               // the title refers back
		{"Ông Hà Văn Bình - Giám đốc Sở Xây dựng - cho biết cầu sẽ xong trong tháng.", "", ""},                                          // an appositive
		{"Đại sứ quán Pháp cho biết thị thực sẽ được cấp nhanh hơn.", "", ""},                                                           // an embassy
		{"Các bà mẹ cần lưu ý không cho trẻ ăn quá no.", "", ""},                                                                        // advice, and a group
		{"Mẹ cần lưu ý không cho trẻ ăn quá no.", "", ""},                                                                               // advice
		{"Người dùng có thể thông báo lỗi cho nhà phát triển.", "", ""},                                                                 // an ability
		{"Đại diện của hãng xe từ chối bình luận về sự cố.", "", ""},                                                                    // negated
		{"Nhiều ông bố, bà mẹ có con nhỏ đã bày tỏ lo lắng.", "", ""},                                                                   // a list of groups
		{"Lãnh đạo các tỉnh miền Trung đều nhận định mùa mưa năm nay đến sớm.", "", ""},                                                 // "đều": a group
		{"Nạn nhân được bác sĩ cho biết đã qua cơn nguy kịch.", "bác sĩ", unknown},                                                      // a passive: the doctor speaks
		{"Ông trưởng thôn và bà chủ tịch hội phụ nữ nói đường sẽ được sửa.", "", ""},                                                    // two people
		{"Tuy nhiên, giới chuyên gia cho rằng giá dầu sẽ còn tăng.", "", ""},                                                            // a community
		{"Nhiều phụ huynh và giáo viên phản ánh sách mới quá nặng.", "", ""},                                                            // a plural list
		{"Các HLV, chuyên gia cũng cho rằng đội tuyển cần thêm thời gian.", "", ""},                                                     // a plural list
		{"Bác sĩ chỉ làm động tác hỏi han rồi kê đơn.", "", ""},                                                                         // the predicate began
		{"Chị Lan bán rau ở chợ Hôm. Cô gái bán rau dễ thương này chia sẻ rằng chị dậy sớm.", "", ""},                                   // points back
		{"Sau trận đấu, trung vệ người Anh chia sẻ đội đã chơi tốt.", "", ""},                                                           // an Englishman, not the brother
		{"Người anh kể em trai đi làm từ sáng sớm.", "Người anh", male},                                                                 // the brother
		{"Bà bán nước chè ven đường cho biết khách vắng.", "Bà bán nước chè ven đường", female},                                         // a seller by what she sells
		{"Chị thu ngân hỏi tôi cần gì. Tôi hỏi giá. Chị thu ngân trả lời giá không đổi.", "Chị thu ngân", female},                       // the same description again: one woman
	} {
		res := s.Check(Document{Text: c.text})
		var got []Person
		for _, p := range res.People {
			if p.Unnamed && p.Quoted {
				got = append(got, p)
			}
		}
		if c.text == "Giám đốc Sở Y tế Lê Văn Khoa đến thăm trạm. Giám đốc Sở Y tế cho biết sẽ thêm bác sĩ." {
			if p, ok := personByName(res, "Lê Văn Khoa"); !ok || !p.Quoted {
				t.Errorf("%q: Lê Văn Khoa not quoted (%+v)", c.text, res.People)
			}
		}
		switch {
		case c.source == "" && len(got) > 0:
			t.Errorf("%q: unexpected unnamed source %q", c.text, got[0].Name)
		case c.source != "" && (len(got) != 1 || got[0].Name != c.source || got[0].Gender != c.gender):
			t.Errorf("%q: got %+v, want one source %q (%s)", c.text, got, c.source, c.gender)
		}
	}
}

// TestPairAnaphora: the quotes stage gives words said by "cả hai", "cặp
// đôi" to the two people named just before.
func TestPairAnaphora(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		text   string
		quoted []string
		not    []string
	}{
		{"Ca sĩ Lệ Thu và diễn viên Minh Khang bị bắt gặp đi ăn tối. Tuy nhiên cả hai đều đã lên tiếng phủ nhận chuyện hẹn hò.",
			[]string{"Lệ Thu", "Minh Khang"}, nil},
		{"Diễn viên Hồng Nhung và Trần Bảo Long đính hôn năm ngoái. Cặp đôi xác nhận sẽ cưới vào mùa thu.",
			[]string{"Hồng Nhung", "Trần Bảo Long"}, nil},
		{"Diễn viên Hồng Nhung và Trần Bảo Long đính hôn năm ngoái. Cặp đôi được cho rằng đã chia tay.",
			nil, []string{"Hồng Nhung", "Trần Bảo Long"}}, // a passive
		{"Diễn viên Hồng Nhung và Trần Bảo Long đi du lịch. Cặp đôi công khai bày tỏ tình cảm ở sân bay.",
			nil, []string{"Hồng Nhung", "Trần Bảo Long"}}, // affection, not words
	} {
		res := s.Check(Document{Text: c.text})
		for _, n := range c.quoted {
			if p, ok := personByName(res, n); !ok || !p.Quoted {
				t.Errorf("%q: %s not quoted (%+v)", c.text, n, res.People)
			}
		}
		for _, n := range c.not {
			if p, ok := personByName(res, n); ok && p.Quoted {
				t.Errorf("%q: %s quoted (%+v)", c.text, n, p.Cues)
			}
		}
	}
}

// TestOtherSex: a name whose honorific gives the other sex than the person
// it would join is someone else when the names differ or are initials two
// people may share; the same full name with honorifics that disagree stays
// one person of unknown sex.
func TestOtherSex(t *testing.T) {
	s := newTestScorer(t)
	for _, tt := range []struct {
		text string
		want []string // name/gender of every person, in order
	}{
		{"Bà N.T.H, 60 tuổi, cho biết đã chờ cả buổi sáng. Anh N.T.H, 34 tuổi, kể anh phải nghỉ làm.",
			[]string{"N.T.H/female", "N.T.H/male"}},
		{"“Tôi chưa tìm thấy”, ông Walsh nói. Bà Mary Walsh sau đó giúp chồng tìm chiếc kính.",
			[]string{"Walsh/male", "Mary Walsh/female"}},
		{"Ông Lê Minh An nói vậy. Sau đó bà Lê Minh An cho biết thêm.", []string{"Lê Minh An/unknown"}},
	} {
		var got []string
		for _, p := range s.Check(Document{Text: tt.text}).People {
			got = append(got, p.Name+"/"+p.Gender)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: people %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestFamilyNameDescription: what stands before "họ X" describes the person
// the family name stands for ("Nữ ca sĩ họ Lương" is a woman), in a story
// whose Chinese names say nothing of gender by their given names.
func TestFamilyNameDescription(t *testing.T) {
	s := newTestScorer(t)
	res := s.Check(Document{Text: "Ngôi sao Hồng Kông Lương Vịnh Kỳ vừa ra mắt album mới. Nữ ca sĩ họ Lương cho biết album có mười bài hát."})
	p, ok := personByName(res, "Lương Vịnh Kỳ")
	if !ok {
		t.Fatalf("no Lương Vịnh Kỳ in %+v", res.People)
	}
	if p.Gender != female || !p.Quoted {
		t.Errorf("got gender %s quoted %v (%+v), want female, quoted", p.Gender, p.Quoted, p.Cues)
	}
}

// TestRepeatedLeadSource: a lead printed twice brings in one unnamed woman,
// not two; "khác" brings in another.
func TestRepeatedLeadSource(t *testing.T) {
	s := newTestScorer(t)
	res := s.Check(Document{Text: "Một người phụ nữ lớn tuổi kể rằng con đường đã ngập từ sáng.\nMột người phụ nữ lớn tuổi kể rằng con đường đã ngập từ sáng.\n" +
		"Một người phụ nữ lớn tuổi khác nói nước rút chậm."})
	if got := res.Counts.Quoted.Female; got != 2 {
		t.Errorf("quoted women %d, want 2 (%+v)", got, res.People)
	}
}

// TestDescriptionTakenUp: a definite description opening the sentence
// after a named woman is her, not a second source; with what she sells
// and where, or of the other sex, it is someone new.
func TestDescriptionTakenUp(t *testing.T) {
	s := newTestScorer(t)
	for _, c := range []struct {
		text          string
		female, names int
	}{
		{"Hoa hậu Lê Thị Thu Vân cho biết cô rất vui. Bà mẹ hai con cho biết thêm cô luôn tập thể dục.", 1, 1},
		{"Chị Lò Thị Lan cho biết chị rất vui. Người phụ nữ bán rau gần đó cho biết thêm chợ đông.", 2, 2},
		{"Anh Hà Văn Tùng cho biết anh rất vui. Người phụ nữ cho biết chợ đông.", 1, 2},
	} {
		res := s.Check(Document{Text: c.text})
		if res.Counts.Quoted.Female != c.female || len(res.People) != c.names {
			t.Errorf("%q: quoted women %d, people %d (%+v), want %d, %d", c.text, res.Counts.Quoted.Female, len(res.People), res.People, c.female, c.names)
		}
	}
}

func TestSameJoined(t *testing.T) {
	for _, tt := range []struct {
		a, b []string
		want bool
	}{
		{[]string{"younyuh", "jung"}, []string{"youn", "yuh", "jung"}, true},
		{[]string{"ab"}, []string{"a", "b"}, true},
		{[]string{"ab", ""}, []string{"", "a", "b"}, true},
		{[]string{"ab"}, []string{"a", "bc"}, false},
		{[]string{"abc"}, []string{"a", "b"}, false},
		{nil, []string{""}, true},
		{[]string{"a"}, nil, false},
	} {
		if got := sameJoined(tt.a, tt.b); got != tt.want || sameJoined(tt.b, tt.a) != tt.want {
			t.Errorf("sameJoined(%q, %q) = %v, want %v both ways", tt.a, tt.b, got, tt.want)
		}
		if want := strings.Join(tt.a, "") == strings.Join(tt.b, ""); want != tt.want {
			t.Errorf("case %q %q: strings.Join says %v", tt.a, tt.b, want)
		}
	}
}

// TestCrimeReportGuards: the round-22 constructions of crime and interview
// reporting keep to what they were written for. A counted noun with "này"
// stands for the suspects only when it names people; a question's "bà con"
// or "cô giáo" is no address to the interviewee; a place before "và" is no
// body speaking jointly with the description after it.
func TestCrimeReportGuards(t *testing.T) {
	s := newTestScorer(t)
	const interview = "Thượng tá Mạc Kế Thuyên, Phó trưởng Công an huyện, trả lời phóng viên về vụ việc.\n"
	for _, c := range []struct {
		name, text string
		quoted     []string // named people who must be quoted
		not        []string // named people who must not be
		gender     map[string]string
		unnamed    int // unnamed quoted sources wanted, -1 to ignore
	}{
		{name: "suspects counted", text: "Công an đã bắt giữ Nguyễn Văn An và Trần Văn Bình. Hai đối tượng này khai nhận đã trộm 3 xe máy.",
			quoted: []string{"Nguyễn Văn An", "Trần Văn Bình"}, unnamed: -1},
		{name: "a nickname counted", text: "Công an đã bắt giữ Nguyễn Văn An và Trần Văn Bình. Hai “đinh tặc” này khai nhận đã rải đinh trên quốc lộ.",
			quoted: []string{"Nguyễn Văn An", "Trần Văn Bình"}, unnamed: -1},
		{name: "papers counted", text: "Ông Nguyễn Văn An và ông Trần Văn Bình đã gửi đơn tới hai tờ báo. Hai tờ báo này cho biết sẽ đăng bài vào tuần sau.",
			not: []string{"Nguyễn Văn An", "Trần Văn Bình"}, unnamed: -1},
		{name: "offices counted", text: "Công an đã bắt giữ Nguyễn Văn An và Trần Văn Bình. Hai cơ quan này cho biết vụ án sẽ sớm được đưa ra xét xử.",
			not: []string{"Nguyễn Văn An", "Trần Văn Bình"}, unnamed: -1},
		{name: "address to the interviewee", text: interview + "Vì sao ông chưa xử lý?\n- Chúng tôi đang xác minh.\nThưa ông, khi nào có kết quả?\n- Trong tuần tới.\nÔng có lo ngại không?\n- Không.",
			gender: map[string]string{"Mạc Kế Thuyên": "male"}, unnamed: -1},
		{name: "bà con in the questions", text: interview + "Vì sao bà con chưa được hỗ trợ?\n- Chúng tôi đang xác minh.\nKhi nào bà con có kết quả?\n- Trong tuần tới.\nBà con có lo ngại không?\n- Không.",
			gender: map[string]string{"Mạc Kế Thuyên": "unknown"}, unnamed: -1},
		{name: "cô giáo in the questions", text: interview + "Vì sao cô giáo bị kỷ luật?\n- Chúng tôi đang xác minh.\nKhi nào có kết quả?\n- Trong tuần tới.\nCó lo ngại không?\n- Không.",
			gender: map[string]string{"Mạc Kế Thuyên": "unknown"}, unnamed: -1},
		{name: "a place before và", text: "Đoàn cứu trợ đã đến Quảng Ngãi và bác sĩ trực cấp cứu cho biết cháu bé đã tỉnh.", unnamed: 1},
		{name: "a body before và", text: "Theo báo cáo, Công an TP và bác sĩ trực cấp cứu cho biết cháu bé đã tỉnh.", unnamed: 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			checkQuoted(t, res, c.quoted, c.not)
			for n, g := range c.gender {
				if p, ok := personByName(res, n); !ok || string(p.Gender) != g {
					t.Errorf("%s: gender %+v, want %s", n, p, g)
				}
			}
			if c.unnamed >= 0 {
				got := 0
				for _, p := range res.People {
					if p.Unnamed && p.Quoted {
						got++
					}
				}
				if got != c.unnamed {
					t.Errorf("%d unnamed quoted sources, want %d (%+v)", got, c.unnamed, res.People)
				}
			}
		})
	}
}

// checkQuoted fails for each name of quoted not found quoted in res and each
// name of not found quoted.
// checkFound reports a name of found that is no person of res, and a name of
// none that is one.
func checkFound(t *testing.T, res *Result, found, none []string) {
	t.Helper()
	for _, n := range found {
		if _, ok := personByName(res, n); !ok {
			t.Errorf("%s not found (%+v)", n, res.People)
		}
	}
	for _, n := range none {
		if _, ok := personByName(res, n); ok {
			t.Errorf("%s taken for a person (%+v)", n, res.People)
		}
	}
}

func checkQuoted(t *testing.T, res *Result, quoted, not []string) {
	t.Helper()
	for _, n := range quoted {
		if p, ok := personByName(res, n); !ok || !p.Quoted {
			t.Errorf("%s not quoted (%+v)", n, res.People)
		}
	}
	for _, n := range not {
		if p, ok := personByName(res, n); ok && p.Quoted {
			t.Errorf("%s quoted (%+v)", n, p.Cues)
		}
	}
}
