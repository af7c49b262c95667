package scorer

import (
	"fmt"
	"strings"
	"testing"
)

// TestDropContained checks that overlapping rules report a phrase once per
// category, including when the finding that contains it starts before a
// shorter finding of another category that ends first.
func TestDropContained(t *testing.T) {
	f := func(cat string, start, end int) Finding {
		return Finding{Rule: fmt.Sprintf("%s@%d-%d", cat, start, end), Category: cat, Start: start, End: end}
	}
	for _, tc := range []struct {
		name string
		in   []Finding
		want []string
	}{
		{"inside", []Finding{f("appearance", 5, 10), f("appearance", 0, 20)},
			[]string{"appearance@0-20"}},
		{"same span twice", []Finding{f("appearance", 0, 10), f("appearance", 0, 10)},
			[]string{"appearance@0-10"}},
		{"behind a shorter one of another category", []Finding{f("appearance", 0, 30), f("sexualization", 5, 10), f("appearance", 12, 20)},
			[]string{"appearance@0-30", "sexualization@5-10"}},
		{"other category kept", []Finding{f("appearance", 0, 30), f("sexualization", 12, 20)},
			[]string{"appearance@0-30", "sexualization@12-20"}},
		{"overlap is not containment", []Finding{f("appearance", 0, 10), f("appearance", 5, 15)},
			[]string{"appearance@0-10", "appearance@5-15"}},
		{"article-level alerts stay", []Finding{f("balance", 0, 0), f("balance", 0, 0)},
			[]string{"balance@0-0", "balance@0-0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := dropContained(tc.in)
			var ids []string
			for _, g := range got {
				ids = append(ids, g.Rule)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
				t.Errorf("dropContained = %v, want %v", ids, tc.want)
			}
		})
	}
}

// TestHotPicturesInViolenceStory: in a violence story a "hot" picture
// leaked or used for blackmail is reported once, as the story's sensational
// wording, not also as sexualization; outside one it stays sexualization.
func TestHotPicturesInViolenceStory(t *testing.T) {
	s := newTestScorer(t)
	cats := func(title, text, phrase string) map[string]bool {
		got := map[string]bool{}
		full := title + "\n" + text
		for _, f := range s.Check(Document{Text: full}).Findings {
			if f.Start < f.End && strings.Contains(full[f.Start:f.End], phrase) {
				got[f.Category] = true
			}
		}
		return got
	}
	story := "Chị H. (32 tuổi) đã trình báo công an vì bị người tình cũ đe dọa, cưỡng đoạt tài sản. " +
		"Gã này giữ nhiều ảnh nóng của chị và dọa phát tán lên mạng nếu chị không đưa 50 triệu đồng. " +
		"Công an huyện đã khởi tố vụ án cưỡng đoạt tài sản."
	got := cats("Bị người tình cũ tống tiền", story, "ảnh nóng")
	if !got["sensational_gbv"] || got["sexualization"] {
		t.Errorf("leaked pictures in a violence story: categories %v, want sensational_gbv only", got)
	}
	star := "Trang cá nhân của nữ diễn viên Lan Chi có nhiều ảnh nóng chụp ở bãi biển."
	if got := cats("Nữ diễn viên khoe ảnh", star, "ảnh nóng"); !got["sexualization"] {
		t.Errorf("a star's own pictures: categories %v, want sexualization", got)
	}
}

// TestLabelInQuotes: a label set in quotation marks after a verb of naming
// ("gọi cô là “...”") is the outlet's wording even when it is as long as
// speech; a source's words after "là" stay theirs.
func TestLabelInQuotes(t *testing.T) {
	s := newTestScorer(t)
	has := func(text, phrase string) bool {
		res := s.Check(Document{Text: text})
		for _, f := range res.Findings {
			if f.Category != "positive" && strings.Contains(text[f.Start:f.End], phrase) {
				return true
			}
		}
		return false
	}
	label := "Một tờ báo đã gọi Lê Thị Hoa là “nữ hoàng chạy bộ quyến rũ nhất thế giới hiện nay”."
	if !has(label, "quyến rũ") {
		t.Errorf("a label after “gọi ... là” was dropped as speech: %q", label)
	}
	words := "Chị Lê Thị Hoa rút ra bài học là “không thể dựa vào vẻ quyến rũ mà lười tập luyện mỗi ngày”."
	if has(words, "quyến rũ") {
		t.Errorf("a source's words after “là” were flagged: %q", words)
	}
}

// TestAdverbialFrameOpensClause: a framing adverbial written without its
// comma ("Thật ra đàn ông ...", "Khi yêu phụ nữ ...") leaves the sex the
// subject of its clause; a verb that takes the sex as its object ("Khi gặp
// phụ nữ ...") does not.
func TestAdverbialFrameOpensClause(t *testing.T) {
	s := newTestScorer(t)
	flagged := func(text string) bool {
		for _, f := range s.Check(Document{Text: text}).Findings {
			if f.Rule == "stereotype.generalisation" {
				return true
			}
		}
		return false
	}
	for _, text := range []string{
		"Thật ra đàn ông thường ngại nói lời xin lỗi.",
		"Khi yêu phụ nữ thường tin người.",
		"Trong hôn nhân đàn ông luôn muốn được nể.",
	} {
		if !flagged(text) {
			t.Errorf("not flagged after a frame without its comma: %q", text)
		}
	}
	for _, text := range []string{
		"Khi gặp phụ nữ thường anh rất ngại ngùng.",
		"Anh kể khi yêu phụ nữ thường khó tính thì anh chịu.",
	} {
		if flagged(text) {
			t.Errorf("flagged where the sex is no subject at a clause start: %q", text)
		}
	}
}

// TestDescriptionWithAgeNamesNoOne: a description the people stage takes as
// a mention of a victim named before, with the age in it ("Bé gái 15 tuổi
// bị ép ..."), is no name with an age: only the mention's capitalised words
// name her.
func TestDescriptionWithAgeNamesNoOne(t *testing.T) {
	s := newTestScorer(t)
	text := "Tin\nCông an huyện vừa giải cứu em Lò T.M. (15 tuổi, ở xã Tân Lập) bị gia đình ép tảo hôn.\n\n" +
		"Bé gái 15 tuổi bị ép lấy chồng và bị cưỡng ép kết hôn.\n"
	for _, f := range s.Check(Document{Text: text}).Findings {
		if f.Rule != "gbv.victim-identification-age" {
			continue
		}
		if strings.HasPrefix(f.Text, "Bé gái") || f.Context != nil && strings.HasPrefix(f.Context.Text, "Bé gái") {
			t.Errorf("a description with an age was flagged: %q", f.Text)
		}
	}
}
