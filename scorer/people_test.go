package scorer

import (
	"strings"
	"testing"
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
			name:   "streets, schools and the byline are not people",
			text:   "Xe đi từ đường Lê Lợi sang trường Nguyễn Huệ rồi về phố Trần Hưng Đạo.\nMinh Hà",
			absent: []string{"Lê Lợi", "Nguyễn Huệ", "Trần Hưng Đạo", "Minh Hà"},
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
