package scorer

import "genderlens/model"

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
