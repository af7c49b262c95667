package scorer

import (
	"regexp"
	"strings"
	"sync"

	"genderlens/model"
)

// The words of an explanation (what a cue, stage or outcome is called, and
// the gender and role values) in the output's languages, Vietnamese first.
// The web pages and the command line both use them.
var labels = map[string]map[string]string{
	"vi": {
		"decides.gender":     "Giới",
		"decides.quoted":     "Được trích dẫn",
		"decides.role":       "Vai trò",
		"cue.honorific":      "danh xưng",
		"cue.role_noun":      "danh từ chỉ người có giới",
		"cue.middle_name":    "tên đệm",
		"cue.reference":      "từ nhắc lại người này",
		"cue.speaker_family": "người này nói về vợ/chồng mình",
		"cue.given_name":     "tên riêng (bảng tên)",
		"cue.full_name":      "tên đệm và tên riêng (bảng tên)",
		"cue.notable":        "người nổi tiếng (giới đã biết)",
		"cue.description":    "cách mô tả nguồn tin",
		"cue.conflict":       "các dấu hiệu mâu thuẫn nhau",
		"cue.none":           "không có dấu hiệu",
		"cue.speech_verb":    "động từ dẫn lời",
		"cue.theo":           "dẫn theo",
		"cue.colon":          "dấu hai chấm trước lời dẫn",
		"cue.quote_dash":     "tên ngay sau lời trích",
		"cue.anaphor":        "đại từ hoặc mô tả trước động từ dẫn lời",
		"cue.interview":      "câu trả lời trong bài phỏng vấn",
		"cue.title":          "chức danh",
		"cue.section":        "chuyên mục",
		"cue.default":        "mặc định",
		"stage.candidates":   "tìm ứng viên",
		"stage.non_person":   "lọc tên không phải người",
		"stage.merge":        "gộp các lần nhắc",
		"outcome.rejected":   "bị loại",
		"outcome.merged":     "được gộp",
		"explain.people":     "người",
		"explain.none":       "không có",
		"explain.setaside":   "ứng viên bị loại hoặc được gộp",
		"explain.dropped":    "cụm từ khớp quy tắc nhưng không thành phát hiện",
		"explain.quoted":     "được trích dẫn",
		"explain.notquoted":  "không được trích dẫn",
		"explain.unnamed":    "không nêu tên",
		"explain.into":       "vào",
		"explain.context":    "vì gần",
	},
	"en": {
		"decides.gender":     "Gender",
		"decides.quoted":     "Quoted",
		"decides.role":       "Role",
		"cue.honorific":      "honorific",
		"cue.role_noun":      "gendered role noun",
		"cue.middle_name":    "middle name",
		"cue.reference":      "word referring back to the person",
		"cue.speaker_family": "the person speaks of their spouse",
		"cue.given_name":     "given name (name table)",
		"cue.full_name":      "middle and given name together (name tables)",
		"cue.notable":        "well-known person (known gender)",
		"cue.description":    "description of the source",
		"cue.conflict":       "conflicting cues",
		"cue.none":           "no cue",
		"cue.speech_verb":    "speech verb",
		"cue.theo":           "attribution with \"theo\"",
		"cue.colon":          "colon before the quotation",
		"cue.quote_dash":     "name right after the quotation",
		"cue.anaphor":        "pronoun or description before a speech verb",
		"cue.interview":      "answers of a question-and-answer interview",
		"cue.title":          "title",
		"cue.section":        "section",
		"cue.default":        "default",
		"stage.candidates":   "candidates",
		"stage.non_person":   "non-person filter",
		"stage.merge":        "mention merging",
		"outcome.rejected":   "rejected",
		"outcome.merged":     "merged",
		"explain.people":     "people",
		"explain.none":       "none",
		"explain.setaside":   "candidates rejected or merged",
		"explain.dropped":    "rule matches that did not become findings",
		"explain.quoted":     "quoted",
		"explain.notquoted":  "not quoted",
		"explain.unnamed":    "not named",
		"explain.into":       "into",
		"explain.context":    "because of",
	},
}

// Label returns the word for key ("cue.speech_verb", "gender.female",
// "role.expert", "stage.merge", "outcome.rejected", "decides.quoted",
// "explain.people") in lang, falling back to Vietnamese; ok is false for a
// key it does not know.
func Label(lang, key string) (string, bool) {
	if s, ok := model.LabelOf(key, lang); ok {
		return s, true
	}
	if s, ok := labels[lang][key]; ok {
		return s, true
	}
	s, ok := labels["vi"][key]
	return s, ok
}

// The --explain reasons (why a candidate was rejected or merged, why a rule match did not become a finding) are
// written in English where they are made; reasonIn says them in the document's language. Each pattern is one
// reason; its groups are names, phrases and numbers taken from the text, which stay as they are. They are compiled
// the first time an explanation is said in Vietnamese: 45 regexps cost every start-up a millisecond otherwise.
var vietnameseReasons = sync.OnceValue(func() []vietnameseReason {
	return []vietnameseReason{
		{regexp.MustCompile(`^after a house number: a street$`), fixed("đứng sau số nhà: tên đường")},
		{regexp.MustCompile(`^a family name \(họ \.\.\.\) that names nobody in the text$`), fixed("một họ (họ ...) không chỉ người nào trong bài")},
		{regexp.MustCompile(`^after "(.*)": a place or organisation$`), func(m []string) string { return `đứng sau "` + m[1] + `": địa danh hoặc tổ chức` }},
		{regexp.MustCompile(`^starts with "(.*)": a place or organisation$`), func(m []string) string { return `bắt đầu bằng "` + m[1] + `": địa danh hoặc tổ chức` }},
		{regexp.MustCompile(`^part of a title \((.*)\)$`), func(m []string) string { return "một phần của chức danh (" + m[1] + ")" }},
		{regexp.MustCompile(`^after "ở" or "tại": a place$`), fixed(`đứng sau "ở" hoặc "tại": địa danh`)},
		{regexp.MustCompile(`^after "(.*)" and what it does: a firm or its product$`), func(m []string) string {
			return `đứng sau "` + m[1] + `" và lĩnh vực hoạt động: một công ty hoặc sản phẩm`
		}},
		{regexp.MustCompile(`^a department after its head's title$`), fixed("tên một khoa, phòng sau chức danh người đứng đầu")},
		{regexp.MustCompile(`^a common phrase \((.*)\)$`), func(m []string) string { return "cụm từ thông dụng (" + m[1] + ")" }},
		{regexp.MustCompile(`^its last word opens a common word \((.*)\)$`), func(m []string) string {
			return "từ cuối mở đầu một từ thông dụng (" + m[1] + ")"
		}},
		{regexp.MustCompile(`^a firm's branch in a country \((.*)\)$`), func(m []string) string {
			return "chi nhánh của một công ty tại một nước (" + m[1] + ")"
		}},
		{regexp.MustCompile(`^said to be a firm \((.*)\)$`), func(m []string) string {
			return "bài viết nói đây là một doanh nghiệp (" + m[1] + ")"
		}},
		{regexp.MustCompile(`^a name's particle left at its head \((.*)\)$`), func(m []string) string {
			return "tiểu từ của tên đứng đầu: phần còn lại thuộc tên phía trước (" + m[1] + ")"
		}},
		{regexp.MustCompile(`^a team or class by age \((.*)\)$`), func(m []string) string { return "đội hoặc nhóm theo độ tuổi (" + m[1] + ")" }},
		{regexp.MustCompile(`^a bank's name \((.*)\)$`), func(m []string) string { return "tên ngân hàng (" + m[1] + ")" }},
		{regexp.MustCompile(`^a name of (.*) \(gazetteer\)$`), func(m []string) string { return "tên " + gazetteerKind(m[1]) + " (danh mục tên riêng)" }},
		{regexp.MustCompile(`^part of a name of (.*) \(gazetteer\)$`), func(m []string) string {
			return "một phần tên " + gazetteerKind(m[1]) + " (danh mục tên riêng)"
		}},
		{regexp.MustCompile(`^an acronym$`), fixed("chữ viết tắt")},
		{regexp.MustCompile(`^a nationality after a noun of people \((.*)\)$`), func(m []string) string {
			return "tên một dân tộc sau danh từ chỉ người (" + m[1] + ")"
		}},
		{regexp.MustCompile(`^part of an organisation's name \((.*)\)$`), func(m []string) string { return "một phần tên tổ chức (" + m[1] + ")" }},
		{regexp.MustCompile(`^a place or organisation elsewhere in the article$`), fixed("địa danh hoặc tổ chức ở chỗ khác trong bài")},
		{regexp.MustCompile(`^"(.*)" marks an organisation or place$`), func(m []string) string { return `"` + m[1] + `" cho biết đây là tổ chức hoặc địa danh` }},
		{regexp.MustCompile(`^a single letter with no honorific$`), fixed("một chữ cái, không có danh xưng")},
		{regexp.MustCompile(`^a connective opening the sentence \((.*)\)$`), func(m []string) string { return "từ nối mở đầu câu (" + m[1] + ")" }},
		{regexp.MustCompile(`^no cue of a person \(honorific, title, family name, speech\)$`), fixed("không có dấu hiệu của một người (danh xưng, chức danh, họ, lời nói)")},
		{regexp.MustCompile(`^the same name$`), fixed("cùng tên")},
		{regexp.MustCompile(`^the given name of (.*)$`), func(m []string) string { return "tên của " + m[1] }},
		{regexp.MustCompile(`^the family name of (.*)$`), func(m []string) string { return "họ của " + m[1] }},
		{regexp.MustCompile(`^the full name of (.*) \(written with initials before\)$`), func(m []string) string {
			return "họ tên đầy đủ của " + m[1] + " (trước đó viết tắt)"
		}},
		{regexp.MustCompile(`^the full name of (.*)$`), func(m []string) string { return "họ tên đầy đủ của " + m[1] }},
		{regexp.MustCompile(`^the first name of (.*)$`), func(m []string) string { return "tên gọi của " + m[1] }},
		{regexp.MustCompile(`^the same first and last name as (.*)$`), func(m []string) string { return "cùng tên gọi và họ với " + m[1] }},
		{regexp.MustCompile(`^the initials of (.*)$`), func(m []string) string { return "chữ viết tắt tên của " + m[1] }},
		{regexp.MustCompile(`^a part of the name of (.*)$`), func(m []string) string { return "một phần tên của " + m[1] }},
		{regexp.MustCompile(`^a misspelling of (.*)$`), func(m []string) string { return "viết sai tên của " + m[1] }},
		{regexp.MustCompile(`^(.*) with the next word glued to it$`), func(m []string) string { return m[1] + " dính liền với từ sau" }},
		{regexp.MustCompile(`^the second half of a place's name joined by a dash$`), fixed("nửa sau của một địa danh nối bằng gạch ngang")},
		{regexp.MustCompile(`^only in articles with the topic (.*)$`), func(m []string) string {
			return "chỉ áp dụng cho " + strings.ToLower(model.TopicLabel(m[1], "vi"))
		}},
		{regexp.MustCompile(`^never in the section (.*)$`), func(m []string) string { return "không áp dụng trong chuyên mục " + m[1] }},
		{regexp.MustCompile(`^only in the sections (.*)$`), func(m []string) string { return "chỉ áp dụng trong các chuyên mục " + m[1] }},
		{regexp.MustCompile(`^capitalised in mid-sentence: part of a proper name$`), fixed("viết hoa giữa câu: một phần của tên riêng")},
		{regexp.MustCompile(`^opens a list of names after a colon$`), fixed("mở đầu một danh sách tên riêng sau dấu hai chấm")},
		{regexp.MustCompile(`^inside the title of a work after its noun$`), fixed("nằm trong tên một tác phẩm sau danh từ chỉ tác phẩm")},
		{regexp.MustCompile(`^not at the start of a clause$`), fixed("không đứng đầu mệnh đề")},
		{regexp.MustCompile(`^inside a quotation: the source's own words$`), fixed("nằm trong lời trích dẫn: lời của chính nguồn tin")},
		{regexp.MustCompile(`^an exception of the rule overlaps it$`), fixed("trùng với một ngoại lệ của quy tắc")},
		{regexp.MustCompile(`^no person \((.*)\) or context phrase within (\d+) words$`), func(m []string) string {
			return "không có người (" + nearPerson(m[1]) + ") hay cụm từ ngữ cảnh trong vòng " + m[2] + " từ"
		}},
		{regexp.MustCompile(`^no person \((.*)\) within (\d+) words$`), func(m []string) string {
			return "không có người (" + nearPerson(m[1]) + ") trong vòng " + m[2] + " từ"
		}},
		{regexp.MustCompile(`^no context phrase within (\d+) words$`), func(m []string) string { return "không có cụm từ ngữ cảnh trong vòng " + m[1] + " từ" }},
		{regexp.MustCompile(`^a passing mention: (\d+) sentences, no cue in the first (\d+), the cues within (\d+) sentences$`), func(m []string) string {
			return "nhắc qua: bài có " + m[1] + " câu, không dấu hiệu nào ở " + m[2] + " câu đầu, các dấu hiệu nằm trong " + m[3] + " câu"
		}},
		{regexp.MustCompile(`^cancelled by "(.*)" nearby$`), func(m []string) string { return `bị loại vì "` + m[1] + `" ở gần` }},
	}
})

// vietnameseReason is an --explain reason's pattern in English and how to say it in Vietnamese.
type vietnameseReason struct {
	en *regexp.Regexp
	vi func(m []string) string
}

func fixed(s string) func([]string) string { return func([]string) string { return s } }

// gazetteerKind names a kind of the gazetteer (rules.GazetteerKinds) in Vietnamese.
func gazetteerKind(kind string) string {
	if s, ok := map[string]string{"countries": "quốc gia", "places": "địa danh", "organisations": "tổ chức", "media": "cơ quan báo chí",
		"clubs": "câu lạc bộ", "competitions": "giải đấu", "bands": "nhóm nhạc", "brands": "nhãn hiệu", "works": "tác phẩm"}[kind]; ok {
		return s
	}
	return kind
}

// nearPerson names the person a Near condition wants (rules.NearPersons, as personWords says it) in Vietnamese.
func nearPerson(p string) string {
	if s, ok := map[string]string{"female": "nữ", "male": "nam", "any": "bất kỳ ai", "victim": "nạn nhân", "named victim": "nạn nhân nêu tên", "private victim": "nạn nhân là người thường", "named woman": "phụ nữ nêu tên"}[p]; ok {
		return s
	}
	return p
}

// reasonIn says an --explain reason in lang: as written for English, in Vietnamese otherwise (like the messages).
func reasonIn(lang, reason string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return reason
	}
	// A proximity rule's About condition says what it missed as its Near does.
	if rest, ok := strings.CutPrefix(reason, "about no one: "); ok {
		return "không nói về ai: " + reasonIn(lang, rest)
	}
	for _, r := range vietnameseReasons() {
		if m := r.en.FindStringSubmatch(reason); m != nil {
			return r.vi(m)
		}
	}
	return reason
}
