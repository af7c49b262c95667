package server

import (
	"genderlens/model"
	"genderlens/scorer"
)

// catalog holds the user interface's words; Vietnamese is the default and English the alternative. Keys missing in
// English fall back to Vietnamese, so a page never shows a raw key.
var catalog = map[string]map[string]string{
	"vi": {
		"app.name":       "Bộ chỉ số về giới trong truyền thông",
		"nav.overview":   "Tổng quan",
		"nav.check":      "Tự kiểm tra bài viết",
		"nav.api":        "API",
		"lang.switch":    "English",
		"skip":           "Bỏ qua, đến nội dung chính",
		"footer":         "genderlens: theo dõi việc áp dụng Bộ chỉ số về giới trong truyền thông (Bộ TT&TT, 2014).",
		"overview.title": "Tổng quan {unit}",
		"overview.lead":  "Việc áp dụng Bộ chỉ số về giới trong truyền thông của các cơ quan trong {level}: tình trạng, điểm nội dung (0-100) và tỷ lệ nữ trong số nguồn tin được trích dẫn của năm.",
		"col.outlet":     "Cơ quan",
		"col.kind":       "Loại hình",
		"col.articles":   "Số bài",
		"col.score":      "Điểm nội dung",
		"col.women":      "Nguồn tin nữ",
		"overview.empty": "Chưa có cơ quan nào được cấu hình.",
		"check.title":    "Tự kiểm tra bài viết",
		"check.lead":     "Dán hoặc tải lên bản thảo (tệp .txt). Bài viết không được lưu lại.",
		"check.headline": "Tiêu đề (không bắt buộc)",
		"check.titlecol": "tiêu đề, cột",
		"check.text":     "Nội dung bài viết (khi không điền tiêu đề ở trên, dòng đầu là tiêu đề)",
		"check.file":     "Hoặc chọn tệp .txt",
		"check.section":  "Chuyên mục (không bắt buộc, ví dụ: the-thao)",
		"check.submit":   "Kiểm tra",
		"check.result":   "Kết quả",
		"check.score":    "Điểm nội dung",
		"check.method":   "Cách tính điểm",
		"check.findings": "Gợi ý chỉnh sửa",
		"check.none":     "Không phát hiện ngôn ngữ cần lưu ý.",
		"check.people":   "Người được nhắc đến",
		"check.nopeople": "Không nhận diện được người nào.",
		"check.suggest":  "Nên viết",
		"check.alerts":   "Nhận xét chung",
		"check.empty":    "Hãy dán nội dung bài viết hoặc chọn một tệp.",
		"check.toolarge": "Bài viết lớn hơn 1 MB.",
		"check.notutf8":  "Tệp không phải văn bản UTF-8.",
		"check.badform":  "Không đọc được biểu mẫu.",
		"check.filetype": "Chỉ nhận tệp .txt; với trang HTML, hãy dán phần nội dung.",
		"check.rules":    "Phiên bản bộ quy tắc",
		"col.name":       "Tên",
		"col.gender":     "Giới tính",
		"col.role":       "Vai trò",
		"col.quoted":     "Được trích dẫn",
		"col.evidence":   "Căn cứ",
		"person.unnamed": "không nêu tên",
		"col.where":      "Vị trí",
		"col.category":   "Loại",
		"col.text":       "Cụm từ",
		"col.message":    "Giải thích",
		"yes":            "Có",
		"no":             "Không",
		"line":           "dòng",
	},
	"en": {
		"app.name":       "Gender Indicator Set in Media",
		"nav.overview":   "Overview",
		"nav.check":      "Check a draft",
		"nav.api":        "API",
		"lang.switch":    "Tiếng Việt",
		"skip":           "Skip to main content",
		"footer":         "genderlens: monitoring the application of the Gender Indicator Set in Media (MIC, 2014).",
		"overview.title": "{Unit} overview",
		"overview.lead":  "How the {level}'s outlets apply the Gender Indicator Set in Media: status, content score (0-100) and women's share of quoted sources for the year.",
		"col.outlet":     "Outlet",
		"col.kind":       "Kind",
		"col.articles":   "Articles",
		"col.score":      "Content score",
		"col.women":      "Women sources",
		"overview.empty": "No outlets configured.",
		"check.title":    "Check a draft",
		"check.lead":     "Paste or upload a draft (.txt file). Nothing is stored.",
		"check.headline": "Title (optional)",
		"check.titlecol": "title, column",
		"check.text":     "Article text (without a title above, the first line is the title)",
		"check.file":     "Or choose a .txt file",
		"check.section":  "Section (optional, e.g. the-thao)",
		"check.submit":   "Check",
		"check.result":   "Result",
		"check.score":    "Content score",
		"check.method":   "How the score is computed",
		"check.findings": "Suggested edits",
		"check.none":     "No wording to review was found.",
		"check.people":   "People mentioned",
		"check.nopeople": "No person was recognised.",
		"check.suggest":  "Write instead",
		"check.alerts":   "Overall remarks",
		"check.empty":    "Paste the article text or choose a file.",
		"check.toolarge": "The article is larger than 1 MB.",
		"check.notutf8":  "The file is not UTF-8 text.",
		"check.badform":  "The form could not be read.",
		"check.filetype": "Only .txt files are accepted; for an HTML page, paste its text.",
		"check.rules":    "Rule set version",
		"col.name":       "Name",
		"col.gender":     "Gender",
		"col.role":       "Role",
		"col.quoted":     "Quoted",
		"col.evidence":   "Evidence",
		"person.unnamed": "not named",
		"col.where":      "Where",
		"col.category":   "Category",
		"col.text":       "Phrase",
		"col.message":    "Why",
		"yes":            "Yes",
		"no":             "No",
		"line":           "line",
	},
}

// translate returns the word for key in lang, falling back to Vietnamese, then to the key itself.
func translate(lang, key string) string {
	if s, ok := model.LabelOf(key, lang); ok {
		return s // the shared vocabulary: categories, severities, outlet kinds, topics, roles, genders
	}
	if s, ok := catalog[lang][key]; ok {
		return s
	}
	if s, ok := catalog["vi"][key]; ok {
		return s
	}
	if s, ok := scorer.Label(lang, key); ok {
		return s // the scorer names its own cues and stages
	}
	return key
}
