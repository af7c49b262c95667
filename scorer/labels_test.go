package scorer

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestLabels: every cue kind, stage, outcome, gender and role the output can
// carry has a word in both languages.
func TestLabels(t *testing.T) {
	keys := []string{"decides.gender", "decides.quoted", "decides.role", "stage.candidates", "stage.non_person",
		"stage.merge", "outcome.rejected", "outcome.merged"}
	for _, k := range []string{cueHonorific, cueRoleNoun, cueMiddleName, cueReference, cueSpeakerFamily, cueGivenName,
		cueFullName, cueNotable, cueDescription, cueConflict, cueNone, cueSpeechVerb, cueTheo, cueColon, cueQuoteDash,
		cueAnaphor, cueTitle, cueSection, cueDefault} {
		keys = append(keys, "cue."+k)
	}
	for _, g := range []string{female, male, unknown} {
		keys = append(keys, "gender."+g)
	}
	for _, r := range []string{roleExpert, roleOfficial, roleOrdinary, roleCelebrity, roleOther} {
		keys = append(keys, "role."+r)
	}
	for _, lang := range []string{"vi", "en"} {
		for _, k := range keys {
			if s, ok := Label(lang, k); !ok || s == "" {
				t.Errorf("%s: no label for %s", lang, k)
			}
		}
	}
	if len(labels["vi"]) != len(labels["en"]) {
		t.Errorf("vi has %d labels, en %d", len(labels["vi"]), len(labels["en"]))
	}
	if s, ok := Label("fr", "cue.honorific"); !ok || s != labels["vi"]["cue.honorific"] {
		t.Errorf("an unknown language falls back to Vietnamese, got %q", s)
	}
	if _, ok := Label("vi", "no.such"); ok {
		t.Error("an unknown key is reported known")
	}
}

// TestReasonsInVietnamese: every --explain reason the scorer writes is said in Vietnamese unless English is asked
// for, with the names and phrases it quotes kept as they are.
func TestReasonsInVietnamese(t *testing.T) {
	tests := []struct{ en, vi string }{
		{"after a house number: a street", "đứng sau số nhà: tên đường"},
		{"a family name (họ ...) that names nobody in the text", "một họ (họ ...) không chỉ người nào trong bài"},
		{`after "phố": a place or organisation`, `đứng sau "phố": địa danh hoặc tổ chức`},
		{`starts with "sở": a place or organisation`, `bắt đầu bằng "sở": địa danh hoặc tổ chức`},
		{"part of a title (Giám đốc)", "một phần của chức danh (Giám đốc)"},
		{"a common phrase (Bà Rịa)", "cụm từ thông dụng (Bà Rịa)"},
		{"a name of places (gazetteer)", "tên địa danh (danh mục tên riêng)"},
		{"part of a name of clubs (gazetteer)", "một phần tên câu lạc bộ (danh mục tên riêng)"},
		{"an acronym", "chữ viết tắt"},
		{"part of an organisation's name (Công ty)", "một phần tên tổ chức (Công ty)"},
		{"a place or organisation elsewhere in the article", "địa danh hoặc tổ chức ở chỗ khác trong bài"},
		{`"Công ty" marks an organisation or place`, `"Công ty" cho biết đây là tổ chức hoặc địa danh`},
		{"a single letter with no honorific", "một chữ cái, không có danh xưng"},
		{"said to be a firm (là công ty)", "bài viết nói đây là một doanh nghiệp (là công ty)"},
		{"a name's particle left at its head (Oscar de la Renta)", "tiểu từ của tên đứng đầu: phần còn lại thuộc tên phía trước (Oscar de la Renta)"},
		{"a connective opening the sentence (Song)", "từ nối mở đầu câu (Song)"},
		{"no cue of a person (honorific, title, family name, speech)", "không có dấu hiệu của một người (danh xưng, chức danh, họ, lời nói)"},
		{"the same name", "cùng tên"},
		{"the given name of Nguyễn Thị Lan", "tên của Nguyễn Thị Lan"},
		{"the family name of Nguyễn Thị Lan", "họ của Nguyễn Thị Lan"},
		{"the full name of Lan", "họ tên đầy đủ của Lan"},
		{"the first name of John Smith", "tên gọi của John Smith"},
		{"the same first and last name as John Paul Smith", "cùng tên gọi và họ với John Paul Smith"},
		{"the initials of Nguyễn Văn A", "chữ viết tắt tên của Nguyễn Văn A"},
		{"the full name of N.V.A (written with initials before)", "họ tên đầy đủ của N.V.A (trước đó viết tắt)"},
		{"a part of the name of Trần Văn Hùng", "một phần tên của Trần Văn Hùng"},
		{"a misspelling of Nguyễn Thị Lan", "viết sai tên của Nguyễn Thị Lan"},
		{"Bùi Xuân Khu with the next word glued to it", "Bùi Xuân Khu dính liền với từ sau"},
		{"the second half of a place's name joined by a dash", "nửa sau của một địa danh nối bằng gạch ngang"},
		{"only in articles with the topic gbv", "chỉ áp dụng cho bài về bạo lực giới"},
		{"never in the section the-thao", "không áp dụng trong chuyên mục the-thao"},
		{"only in the sections giai-tri, the-thao", "chỉ áp dụng trong các chuyên mục giai-tri, the-thao"},
		{"capitalised in mid-sentence: part of a proper name", "viết hoa giữa câu: một phần của tên riêng"},
		{"opens a list of names after a colon", "mở đầu một danh sách tên riêng sau dấu hai chấm"},
		{"inside the title of a work after its noun", "nằm trong tên một tác phẩm sau danh từ chỉ tác phẩm"},
		{"not at the start of a clause", "không đứng đầu mệnh đề"},
		{"inside a quotation: the source's own words", "nằm trong lời trích dẫn: lời của chính nguồn tin"},
		{"an exception of the rule overlaps it", "trùng với một ngoại lệ của quy tắc"},
		{"no person (female) or context phrase within 6 words", "không có người (nữ) hay cụm từ ngữ cảnh trong vòng 6 từ"},
		{"no person (any) within 3 words", "không có người (bất kỳ ai) trong vòng 3 từ"},
		{"no person (named victim) within 8 words", "không có người (nạn nhân nêu tên) trong vòng 8 từ"},
		{"no context phrase within 2 words", "không có cụm từ ngữ cảnh trong vòng 2 từ"},
		{"about no one: no person (any) or context phrase within 12 words", "không nói về ai: không có người (bất kỳ ai) hay cụm từ ngữ cảnh trong vòng 12 từ"},
		{`cancelled by "Hoa" nearby`, `bị loại vì "Hoa" ở gần`},
		{"a passing mention: 40 sentences, no cue in the first 4, the cues within 2 sentences", "nhắc qua: bài có 40 câu, không dấu hiệu nào ở 4 câu đầu, các dấu hiệu nằm trong 2 câu"},
	}
	for _, tt := range tests {
		if got := reasonIn("vi", tt.en); got != tt.vi {
			t.Errorf("reasonIn(vi, %q) = %q, want %q", tt.en, got, tt.vi)
		}
		if got := reasonIn("", tt.en); got != tt.vi {
			t.Errorf("reasonIn(\"\", %q) = %q: the default is Vietnamese", tt.en, got)
		}
		if got := reasonIn("en", tt.en); got != tt.en {
			t.Errorf("reasonIn(en, %q) = %q, want it unchanged", tt.en, got)
		}
	}
}

// TestExplainSpeaksVietnamese scores drafts that exercise the people finder and the rules' conditions and checks
// that no reason of the explanation is left in English.
func TestExplainSpeaksVietnamese(t *testing.T) {
	s := newTestScorer(t)
	words := regexp.MustCompile(`\pL+`)
	stop := map[string]bool{}
	for _, w := range strings.Fields("the of not with within by after before starts part name phrase words cancelled nearby only never") {
		stop[w] = true
	}
	english := func(s string) bool {
		return slices.ContainsFunc(words.FindAllString(s, -1), func(w string) bool { return stop[w] })
	}
	for _, text := range []string{
		"Nữ bác sĩ xinh đẹp\n\nBà Nguyễn Thị Lan, Giám đốc Sở Y tế, cho biết phái yếu ngày càng tham gia nhiều dự án. Lan nói thêm: “Chị em rất giỏi.”\n\n" +
			"Ông Trần Văn Hùng, bảo vệ, nói phái đẹp có vòng 1 căng đầy. Hùng cười. Ông T. ở số 12 Nguyễn Du. Chị Hoa ở UBND phường.",
		"Hoa hậu chân dài khoe vòng 1 tại Hà Nội.\n\nAnh Nguyễn Văn A bị bạo hành; cô gái bị hiếp dâm vì ăn mặc hở hang, theo Công an quận.",
	} {
		res := s.Check(Document{Text: text, Explain: true})
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
