package scorer

import (
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
			name: "unnamed source",
			text: "Ông Ba ít khi ăn sáng, vợ ông cho hay.",
			want: []Person{{Name: "vợ ông", Gender: female, Quoted: true}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := s.Check(Document{Text: c.text})
			for _, w := range c.want {
				p, ok := personByName(res, w.Name)
				if !ok {
					t.Fatalf("no person %q in %+v", w.Name, res.People)
				}
				if p.Gender != w.Gender || p.Quoted != w.Quoted || w.Role != "" && p.Role != w.Role {
					t.Errorf("%s: got gender %s quoted %v role %s (%+v), want %s %v %s",
						w.Name, p.Gender, p.Quoted, p.Role, p.Cues, w.Gender, w.Quoted, w.Role)
				}
				for _, m := range p.Mentions {
					if !strings.Contains(c.text[m.Start:m.End], strings.Fields(w.Name)[len(strings.Fields(w.Name))-1]) {
						t.Errorf("mention %q does not name %s", c.text[m.Start:m.End], w.Name)
					}
				}
			}
			for _, a := range c.absent {
				if _, ok := personByName(res, a); ok {
					t.Errorf("%q must not be a person", a)
				}
			}
		})
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
		{"Ông Trần Văn Hùng cho biết giá rau tăng.", "Trần Văn Hùng", male, male},               // an honorific: both
		{"Nguyễn Thị Mai cho biết giá rau tăng.", "Nguyễn Thị Mai", female, female},             // Thị: both
		{"Đoàn Khắc Việt cho biết giá rau tăng.", "Đoàn Khắc Việt", male, unknown},              // a middle name from the counts
		{"Phan Ngọc Huy cho biết giá rau tăng.", "Phan Ngọc Huy", male, unknown},                // Huy: 1 woman in 70
		{"Sinh viên Tiểu Yến cho biết em đến để tìm hiểu.", "Tiểu Yến", female, female},         // Yến: unambiguous
		{"Ngoại trưởng Antony Blinken cho biết Mỹ sẽ hỗ trợ.", "Antony Blinken", male, unknown}, // well known
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
