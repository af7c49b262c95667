package adoption

import (
	"regexp"
	"strconv"
	"strings"
)

// The policy's checks describe requirements and findings in English for the API. Officers read them in Vietnamese
// in the web pages and in the annual report, so the translation lives here, next to the texts it translates.

// vietnameseWords rewrites the checks' texts phrase by phrase, longest first. A phrase not listed stays English,
// which is better than hiding it; TestVietnameseCoversEveryCheck keeps the list complete for the built-in checks.
var vietnameseWords = strings.NewReplacer(
	"a decision or plan adopting the indicator set", "có quyết định hoặc kế hoạch áp dụng Bộ chỉ số",
	"a named focal person", "có cán bộ đầu mối",
	"a self-assessment on the ministry's template", "có tự đánh giá theo mẫu của Bộ",
	"the share of women in leadership reported", "báo cáo tỷ lệ nữ lãnh đạo",
	"the report sent before ", "gửi báo cáo trước ngày ",
	" women among quoted sources of known gender", " nữ trong số nguồn tin được trích dẫn đã rõ giới",
	" quoted sources of known gender)", " nguồn tin được trích dẫn đã rõ giới)",
	" monitored articles in ", " bài được theo dõi trong năm ",
	" violence stories)", " bài về bạo lực giới)",
	" of violence stories", " số bài về bạo lực giới",
	" articles)", " bài)",
	" of articles", " số bài",
	"at least ", "tối thiểu ",
	"at most ", "tối đa ",
	"none recorded", "chưa ghi nhận",
	"not recorded", "chưa ghi nhận",
	"not sent", "chưa gửi",
	"no violence stories", "không có bài về bạo lực giới",
	"no articles", "chưa có bài",
	"sent ", "đã gửi ",
	" of ", " trên ",
)

// decimalPoint is a decimal point between digits, which Vietnamese writes as a comma (58,6; 15,4%).
var decimalPoint = regexp.MustCompile(`(\d)\.(\d)`)

// Vietnamese renders a check's Want or Got text in Vietnamese, with decimal commas; dates pass through.
func Vietnamese(s string) string {
	return decimalPoint.ReplaceAllString(vietnameseWords.Replace(s), "$1,$2")
}

// VietnameseSummary says in one sentence why st is at its level, for reports: the verdict and how many
// requirements of the next level are unmet (Unmet lists them).
func VietnameseSummary(st Status) string {
	switch st.Level {
	case Official:
		return "Đáp ứng mọi yêu cầu thí điểm và chính thức."
	case Pilot:
		return "Đạt mức thí điểm; chưa chính thức vì còn " + strconv.Itoa(len(st.Unmet(Official))) + " yêu cầu chưa đạt."
	default:
		return "Chưa đạt mức thí điểm vì còn " + strconv.Itoa(len(st.Unmet(Pilot))) + " yêu cầu chưa đạt."
	}
}

// Unmet returns the checks of one level that are not met.
func (st Status) Unmet(level Level) []Check {
	var out []Check
	for _, c := range st.Checks {
		if c.Level == level && !c.Met {
			out = append(out, c)
		}
	}
	return out
}
