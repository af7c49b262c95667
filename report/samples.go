package report

import (
	"strings"

	"genderlens/model"
)

// sampleSheet names the table of every share's base and interval.
const sampleSheet = "Cỡ mẫu và độ tin cậy"

// sampleTable lists, for each outlet and the whole district, every share the report shows with what it is counted
// from: the count, the base (n), the share, its 95% Wilson interval and whether the base reaches the minimum sample.
// Shares without a base (an outlet without articles) are left out.
func (r *Report) sampleTable() Table {
	t := Table{Sheet: sampleSheet, Title: "Cỡ mẫu và khoảng tin cậy 95% của các tỷ lệ",
		Notes: []string{"Mỗi dòng là một tỷ lệ: số đếm trên cơ số n, tỷ lệ, khoảng tin cậy 95% (Wilson) và việc cơ số có đạt cỡ mẫu " +
			"tối thiểu hay không. Tỷ lệ nữ tính trên số nguồn tin (hoặc người) đã rõ giới; tỷ lệ chưa rõ giới tính trên mọi nguồn tin."},
		Columns: []Column{{"Mã cơ quan", 16}, {"Tên cơ quan", 30}, {"Tỷ lệ", 40}, {"Số đếm", 9}, {"Cơ số (n)", 9},
			{"Giá trị", 10}, {"Khoảng tin cậy 95%, cận dưới", 11}, {"Khoảng tin cậy 95%, cận trên", 11}, {"Đủ dữ liệu", 14}}}
	add := func(id, name, label string, k, n int, v Value, iv *model.Interval, enough bool) {
		if n == 0 {
			return
		}
		low, high := intervalEnds(iv)
		verdict := "Đủ"
		if !enough {
			verdict = NotEnoughDataText
		}
		t.Rows = append(t.Rows, []Value{text(id), text(name), text(label), count(k), count(n), v, low, high, text(verdict)})
	}
	rows := func(id, name string, a model.Aggregate) {
		a = r.judged(a)
		gender := func(label string, f model.GenderFigures) {
			add(id, name, "Nữ / "+label, f.Female, f.WomenShareBase, womenShare(f), f.WomenShareInterval, f.WomenShareEnoughData)
			add(id, name, "Chưa rõ giới / "+label, f.Unknown, f.UnknownShareBase, unknownShare(f), f.UnknownShareInterval, f.UnknownShareEnoughData)
		}
		rate := func(label string, rt model.Rate) {
			add(id, name, label, rt.Articles, rt.Base, rateShare(rt), rt.Interval, rt.EnoughData)
		}
		gender("người được nhắc đến", a.People)
		gender("nguồn trích dẫn", a.Quoted)
		for _, role := range model.Roles() {
			f := a.QuotedByRole[role]
			add(id, name, "Nữ / nguồn trích dẫn: "+strings.ToLower(model.RoleLabel(role, "vi")), f.Female, f.WomenShareBase,
				womenShare(f), f.WomenShareInterval, f.WomenShareEnoughData)
		}
		for _, topic := range model.Topics() {
			rate("Tỷ lệ bài: "+strings.ToLower(model.TopicLabel(topic, "vi")), a.Topics[topic])
		}
		rate("Bài bạo lực giới: đổ lỗi nạn nhân", a.Violence.VictimBlaming)
		rate("Bài bạo lực giới: giật gân", a.Violence.Sensational)
		rate("Bài bạo lực giới: lộ danh tính nạn nhân", a.Violence.VictimIdentification)
		for _, c := range r.ReportCategories() {
			rate("Tỷ lệ bài có: "+model.CategoryLabel(c, "vi"), a.CategoryRate(c))
		}
	}
	for _, o := range r.Outlets {
		rows(o.ID, o.Name, o.Figures)
	}
	rows("", "Toàn quận", r.District)
	return t
}
