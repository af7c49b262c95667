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
		not        []string // named people who must not be
		gender     map[string]string
		people     int // how many people in all, 0 to ignore
	}{
		{name: "initials, their dot and a birth year", text: "Công an huyện đang điều tra vụ án do N.V.K. (SN 1980, trú xã Tân Hòa) gây ra. Cháu bé đã được đưa về nhà.",
			found: []string{"N.V.K"}},
		{name: "initials without dots after an honorific", text: "Bà NTH (ngụ xã Tân Hòa) kể: “Tôi đưa cho bà ta 5 cây vàng”. Ông TVQ (hàng xóm) bức xúc: “Bà ta vay cả xóm”.",
			quoted: []string{"NTH", "TVQ"}, gender: map[string]string{"NTH": "female", "TVQ": "male"}},
		{name: "an acronym after an honorific", text: "Anh HMS đã gửi tàu tới. Các em VNU đã đến. Thầy VTV3 nói sẽ phát trực tiếp.",
			none: []string{"HMS", "VNU", "VTV3"}},
		{name: "kin nouns before là name children", text: "Vợ chồng anh Tâm có hai đứa con gái là bé M. (10 tuổi) và bé K. (7 tuổi). Con trai chị Hương là cháu Đ.V.P (SN 2015).",
			gender: map[string]string{"M": "female", "K": "female", "Đ.V.P": "male"}},
		{name: "a kin noun as an object is no subject of là", text: "Chị Hoa nhắn với con gái là T.V.B (SN 1980) sẽ đến đón. Bà Lan báo cho con trai là N.T.H (SN 1999) đã về.",
			gender: map[string]string{"T.V.B": "unknown", "N.T.H": "unknown"}},
		{name: "a description outweighs the name table", text: "Rạng sáng 5/6, công an phát hiện Lê Ánh Nguyệt (27 tuổi, trú xã Tân Hòa) chở 3 kg ma túy. Nam thanh niên khai mua hàng ở biên giới.",
			quoted: []string{"Lê Ánh Nguyệt"}, gender: map[string]string{"Lê Ánh Nguyệt": "male"}},
		{name: "but not a middle name", text: "Rạng sáng 5/6, công an phát hiện Lê Thị Nguyệt (27 tuổi, trú xã Tân Hòa) chở 3 kg ma túy. Nam thanh niên khai mua hàng ở biên giới.",
			gender: map[string]string{"Lê Thị Nguyệt": "female"}},
		{name: "a credit line mid-page", text: "Nữ sinh bị đánh ở cổng trường.\n\nTheo Lê Minh Thu (TTO)\n\nTheo hình ảnh từ clip, nhóm bạn xông vào đánh nạn nhân.",
			none: []string{"Lê Minh Thu"}},
		{name: "an account after Theo", text: "Nữ sinh bị đánh ở cổng trường.\nTheo Lê Minh Thu, vụ việc xảy ra lúc 9 giờ sáng.",
			quoted: []string{"Lê Minh Thu"}},
		{name: "an outlet's name that reads as a title", text: "Trao đổi với báo Thanh Niên, bà Lê Thị Mai (mẹ của Hòa) cho biết con gái đã đi học lại.",
			quoted: []string{"Lê Thị Mai"}},
		{name: "a complaint's author", text: "Công an huyện nhận được đơn tố cáo của chị H. (ngụ xã Tân Hòa) tố cáo ông T.V.K có hành vi dâm ô con gái chị. Đơn tố giác của bà Lụa gửi công an xã.",
			quoted: []string{"H"}, gender: map[string]string{"H": "female"}},
		{name: "a complaint sent, no words", text: "Đơn tố giác của bà Lê Thị Lụa gửi công an xã từ tháng trước.",
			not: []string{"Lê Thị Lụa"}},
		{name: "a child named by an initial counted once", text: "Anh Tâm tâm sự, hai vợ chồng lên thành phố lập nghiệp. Theo lời anh, giữa tháng 7, trong lần nói chuyện, cháu M. kể cho cô về việc bị bảo mẫu đánh.",
			quoted: []string{"M"}, people: 2},
		{name: "a given name that is a common word", text: "Đường dây do Trần Thị Tiền (34 tuổi) cầm đầu. Liên quan vụ án, người đẹp Lê Thị Kim Chi bị truy tố. Kết quả điều tra xác định, Tiền là MC. Tối 15/8, một khách gọi điện cho Tiền. Nữ MC cho biết hai cô gái sẽ đến.",
			quoted: []string{"Trần Thị Tiền"}, not: []string{"Lê Thị Kim Chi"}},
		{name: "not a body's name", text: "Thủ tướng Phạm Minh Chính yêu cầu các bộ thực hiện nghiêm. Lãnh đạo Chính phủ nhắc nhở các địa phương.",
			people: 1},
		{name: "a verb of the voice before the words", text: "Mấy bạn định can ngăn nhưng nam sinh tên là P.V.K (ngụ xã Tân Hòa) cầm gậy quát “đứa nào vào thì biết tay”. Sau đó, Lê Văn Tâm hét lên “dừng lại”.",
			quoted: []string{"P.V.K", "Lê Văn Tâm"}},
		{name: "a threat with no words", text: "Nguyễn Văn Hải cầm dao đe dọa nạn nhân rồi bỏ chạy.",
			not: []string{"Nguyễn Văn Hải"}},
		{name: "the victim named late", text: "Do nạn nhân chống cự, Lê Văn Tài không thực hiện được ý đồ. Về nhà, nạn nhân kể lại mọi chuyện với gia đình. Tại tòa, bị hại Đ.T.M khẳng định Tài đã đánh mình.",
			quoted: []string{"Đ.T.M"}, people: 2},
		{name: "a description with the same age", text: "Công an đang điều tra vụ bé gái 9 tuổi bị xâm hại. Trước đó, bà L.T.C tố cáo cháu ngoại bà là Đ.K.M. (9 tuổi) bị hàng xóm xâm hại. Bé M. kể lại với bà sự việc.",
			gender: map[string]string{"Đ.K.M": "female"}},
		{name: "an age two people share", text: "Vụ bé gái 9 tuổi bị xâm hại. Đ.K.M. (9 tuổi) và T.V.H. (9 tuổi) là bạn học. Đ.K.M. kể lại sự việc.",
			gender: map[string]string{"Đ.K.M": "unknown"}},
		{name: "a child's word takes up the child", text: "Công an điều tra vụ cháu L.T.H (7 tuổi, học sinh lớp 2). Bà N.T.M (38 tuổi) khẳng định con gái mình bị hãm hại. Thấy cháu H. có biểu hiện lạ, bà M. gặng hỏi thì cháu kể bị một người lạ dọa.",
			quoted: []string{"L.T.H", "N.T.M"}},
		{name: "the one child and the daughter", text: "Công an điều tra vụ cháu T.K.L bị xâm hại. Bà N.T.M cho biết con gái bà đã được đưa đi khám.",
			gender: map[string]string{"T.K.L": "female"}},
		{name: "a daughter and a son", text: "Công an điều tra vụ cháu T.K.L bị xâm hại. Bà N.T.M cho biết con gái và con trai bà đều ở nhà.",
			gender: map[string]string{"T.K.L": "unknown"}},
		{name: "the daughter speaking is the one child", text: "Anh Tâm đưa cháu M. đi khám. Lúc này anh hỏi thì con gái trả lời và cho biết mình bị một người lạ đánh.",
			quoted: []string{"M"}, people: 2, gender: map[string]string{"M": "female"}},
		{name: "reporting with nothing reported", text: "Thấy cửa khóa, anh Nguyễn Văn Bảy tới công an phường báo cáo. Sau đó, chị Lê Thị Hoa trình báo đã bị mất xe máy.",
			not: []string{"Nguyễn Văn Bảy"}, quoted: []string{"Lê Thị Hoa"}},
		{name: "a child's initial is not the adult's", text: "Công an nhận được đơn tố cáo ông L.V.T. (SN 1960) về hành vi dâm ô đối với cháu T. (SN 2012). Trước đó, cháu T. chạy về nhà kể lại với mẹ.",
			not: []string{"L.V.T"}, gender: map[string]string{"L.V.T": "male", "T": "unknown"}},
		{name: "hắn is not the child", text: "Vụ án do N.V.H. (SN 1977) gây ra. Khi thấy nhà vắng người, H. kéo cháu T.K.N. (SN 2011) vào phòng. Thấy vậy, H. dừng lại và vô cùng lo sợ. Trong lúc sợ hãi, hắn chui xuống gầm giường.",
			gender: map[string]string{"N.V.H": "male", "T.K.N": "unknown"}},
		{name: "a suspect's testimony after Được biết", text: "Công an bắt giữ Lê Thị Sen về hành vi mua bán người. Được biết nghi phạm này sơ bộ khai đã nhiều lần đưa người sang biên giới.",
			quoted: []string{"Lê Thị Sen"}},
		{name: "a role noun pointing back", text: "Khoảng 2 giờ sau, Lê Văn Trí thấy N.T.K. say, nảy sinh ý định giao cấu với thiếu nữ này. Tại tòa, bị hại N.T.K. khẳng định Trí đã đánh mình.",
			quoted: []string{"N.T.K"}, gender: map[string]string{"N.T.K": "female"}},
		{name: "trên as a preposition points back to no one", text: "Chiều qua, Đ.T.M. (SN 1990, trú xã Tân Hòa) đi bộ ở chợ. Nam thanh niên trên xe máy lao tới giật túi xách rồi bỏ chạy.",
			gender: map[string]string{"Đ.T.M": "unknown"}},
		{name: "trên closing the description points back", text: "Chiều qua, Đ.T.M. (SN 1990, trú xã Tân Hòa) bị cướp túi xách ở chợ. Người phụ nữ trên đã trình báo công an xã.",
			gender: map[string]string{"Đ.T.M": "female"}},
		{name: "a child's noun points to a child", text: "Ông Trần Minh Khoa có một cậu con trai riêng. L.T.M. (SN 1985) thường đi chơi cùng cậu bé này.",
			gender: map[string]string{"L.T.M": "unknown"}},
		{name: "Chúng closing a Hmong name", text: "Đón hai cô gái là bạn trai tên Thào Seo Chúng. “Bắt taxi đi cho nhanh”, Chúng nói. Chúng tôi ghi nhận sự việc.",
			quoted: []string{"Thào Seo Chúng"}},
		{name: "a tie after the age in parentheses", text: "Sau đó, T.V.K (35 tuổi, chồng chị M.) đã quát: “Cô đi đâu về?”. Còn L.T.A (SN 1990, vợ anh Q.) bỏ chạy.",
			gender: map[string]string{"T.V.K": "male", "L.T.A": "female"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			checkFound(t, res, c.found, c.none)
			checkQuoted(t, res, c.quoted, c.not)
			if c.people > 0 && len(res.People) != c.people {
				t.Errorf("%d people, want %d (%+v)", len(res.People), c.people, res.People)
			}
			for n, g := range c.gender {
				if p, ok := personByName(res, n); !ok || string(p.Gender) != g {
					t.Errorf("%s: gender %v, want %s (%+v)", n, p.Gender, g, res.People)
				}
			}
		})
	}
}
