package scorer_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"genderlens/internal/demo"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"
)

// TestExplainSpeaksVietnamese scores drafts that exercise the people finder and the rules' conditions, and the
// demo articles, and checks that no reason of the explanation is left in English: a reason added without its
// Vietnamese pattern shows here.
func TestExplainSpeaksVietnamese(t *testing.T) {
	s := scorertest.New(t)
	words := regexp.MustCompile(`\pL+`)
	stop := map[string]bool{}
	for _, w := range strings.Fields("the of not with within by after before starts part name phrase words cancelled nearby only never") {
		stop[w] = true
	}
	english := func(s string) bool {
		return slices.ContainsFunc(words.FindAllString(s, -1), func(w string) bool { return stop[w] })
	}
	texts := []string{
		"Nữ bác sĩ xinh đẹp\n\nBà Nguyễn Thị Lan, Giám đốc Sở Y tế, cho biết phái yếu ngày càng tham gia nhiều dự án. Lan nói thêm: “Chị em rất giỏi.”\n\n" +
			"Ông Trần Văn Hùng, bảo vệ, nói phái đẹp có vòng 1 căng đầy. Hùng cười. Ông T. ở số 12 Nguyễn Du. Chị Hoa ở UBND phường.",
		"Hoa hậu chân dài khoe vòng 1 tại Hà Nội.\n\nAnh Nguyễn Văn A bị bạo hành; cô gái bị hiếp dâm vì ăn mặc hở hang, theo Công an quận.",
		// not_topics: a worker's sex in a story of harassment against her.
		"Trưởng phòng bị tố quấy rối nữ nhân viên\n\nCông an xác minh đơn tố cáo quấy rối tình dục của một nữ nhân viên đối với trưởng phòng của chị.",
	}
	demoArts, err := demo.Articles()
	if err != nil {
		t.Fatalf("demo articles: %v", err)
	}
	for _, a := range demoArts {
		texts = append(texts, demoText(a))
	}
	for _, text := range texts {
		res := s.Check(scorer.Document{Text: text, Explain: true})
		if res.Explain == nil || len(res.Explain.Candidates)+len(res.Explain.Dropped) == 0 {
			t.Fatalf("no explanation for %q", text)
		}
		for _, c := range res.Explain.Candidates {
			if english(c.Reason) {
				t.Errorf("candidate %q: reason in English: %q", c.Text, c.Reason)
			}
		}
		for _, d := range res.Explain.Dropped {
			if english(d.Reason) {
				t.Errorf("match %q of %s: reason in English: %q", d.Text, d.Rule, d.Reason)
			}
		}
	}
}
