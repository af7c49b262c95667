package scorer

import (
	"strings"
	"testing"
)

// TestTopicContext checks the gbv topic's constructions: a sexual offence
// counts once next to its charge or proceedings or with a child as its
// object, a tabloid offender label once in a crime section, violence against
// a partner twice, and a passing mention or animals mating not at all;
// --explain says why a cue did not count.
func TestTopicContext(t *testing.T) {
	s := newTestScorer(t)
	for _, tc := range []struct {
		name, text, section string
		gbv                 bool
		dropped             string // a reason --explain must give, in English
	}{
		{"offence with its charge", "Công an đã khởi tố ông Q. về hành vi giao cấu với người dưới 16 tuổi.", "", true, ""},
		{"offence in the passive, no charge", "Cô từng kể mình bị sàm sỡ khi còn trẻ.", "", false, "no context phrase within 4 words"},
		{"offence as the scourge", "Phim nói về những người mẹ, nạn nhân của nạn xâm hại tình dục, và bị cáo buộc sai.", "", false, ""},
		{"partner violence twice", "Hắn đâm chết vợ rồi bỏ trốn. Trước đó hắn nhiều lần đánh đập vợ.", "", true, ""},
		{"partner violence once, past the lead", "Chuyến bay đưa công dân về nước\n" + long(3) + " Hắn đâm chết vợ rồi bỏ trốn.", "", false, ""},
		{"partner violence once, in the title", "Hắn đâm chết vợ rồi bỏ trốn\n" + long(3), "", true, ""},
		{"partner violence once, as the reason for something else", "Luật ly hôn có hiệu lực\nBà nộp đơn với lý do bị chồng hành hạ.", "", false,
			`cancelled by "lý do" nearby`},
		{"a couple killed in a robbery", "Hai tên cướp sát hại vợ chồng chủ tiệm vàng. Chúng giết vợ chồng ông rồi lấy vàng.", "", false,
			`cancelled by "vợ chồng" nearby`},
		{"indefinite example in a crime section", "Phòng thí nghiệm từng làm rõ một vụ án hiếp dâm.", "phap-luat", false,
			`cancelled by "một vụ án" nearby`},
		{"a case in a crime section", "Nghi phạm khai đã cưỡng hiếp chị L. tại khách sạn.", "phap-luat", true, ""},
		{"animals mating", "Dế đực giao cấu nhiều lần trong đêm. Mỗi lần giao cấu chỉ truyền rất ít tinh trùng.", "", false, ""},
		{"a tabloid offender label in a crime section", "Thêm một yêu râu xanh bị bắt ở ngoại thành.", "phap-luat", true, ""},
		{"a tabloid offender label elsewhere", "Bộ phim kể về một yêu râu xanh.", "giai-tri", false, ""},
		{"coy sex with a child", "Gã đàn ông nhiều lần quan hệ đồng tính với bé trai hàng xóm.", "", true, ""},
		{"keeping in touch with a daughter", "Ông không giữ quan hệ với con gái suốt hai mươi năm.", "", false, ""},
		{"a passing mention in a long story", "Chuyến bay đưa công dân về nước\n" + long(8) +
			" Việt Nam chống di cư trái phép và mua bán người. Chương trình chống mua bán người đã được duyệt. " + long(4), "", false,
			"a passing mention: 15 sentences, no cue in the first 4, the cues within 2 sentences"},
		{"the same mention in a brief story", "Chuyến bay đưa công dân về nước\n" + long(3) +
			" Việt Nam chống di cư trái phép và mua bán người. Chương trình chống mua bán người đã được duyệt.", "", true, ""},
		{"the same mentions spread through a long story", "Chuyến bay đưa công dân về nước\n" + long(5) +
			" Việt Nam chống mua bán người. " + long(3) + " Chương trình chống mua bán người đã được duyệt. " + long(4), "", true, ""},
		{"the same mentions in the lead", "Chống mua bán người\nViệt Nam chống mua bán người. " + long(12), "", true, ""},
		{"one rule's cue once in a long story", "Chuyến bay đưa công dân về nước\n" + long(6) +
			" Bé kể đã bị người hàng xóm xâm hại. " + long(8), "", false, "a passing mention"},
		{"the story comes back to it in other words", "Chuyến bay đưa công dân về nước\n" + long(6) +
			" Bé kể đã bị người hàng xóm xâm hại. " + long(2) + " Ông ta có hành vi sờ vào vùng kín của bé. " + long(6), "", true, ""},
		{"a named kind of abuse said of a pupil", "Để học sinh lên lớp khi chưa biết đọc là bạo lực tinh thần với đứa trẻ. Đó là bạo lực tinh thần.", "", false,
			"cancelled by"},
		{"a named kind of abuse said of a wife", "Chị chịu bạo lực tinh thần từ chồng nhiều năm. Anh ta còn bạo hành thể xác chị.", "", true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.Check(Document{Text: tc.text, Section: tc.section, Explain: true, Lang: "en"})
			if res.Topics.GBV != tc.gbv {
				t.Errorf("gbv topic %v, want %v", res.Topics.GBV, tc.gbv)
			}
			if tc.dropped == "" {
				return
			}
			var reasons []string
			for _, d := range res.Explain.Dropped {
				if strings.HasPrefix(d.Rule, "gbv.topic") {
					reasons = append(reasons, d.Reason)
				}
			}
			if !strings.Contains(strings.Join(reasons, "\n"), tc.dropped) {
				t.Errorf("explain gives %q, want %q among them", reasons, tc.dropped)
			}
		})
	}
}

// long is n filler sentences on another subject.
func long(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("Hành khách phải cách ly khi nhập cảnh.")
	}
	return b.String()
}
