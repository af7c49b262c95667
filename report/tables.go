package report

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"genderlens/adoption"
	"genderlens/model"
	"genderlens/scorer"
)

// Kind is how a value is shown: as text, a count, a score (0.0) or a share (0%).
type Kind int

// Kinds of values.
const (
	Text Kind = iota
	Count
	Score
	Share
)

// Value is one cell. A number without data (a share of nothing) has Valid false and is shown empty, never as 0.
type Value struct {
	Kind  Kind
	Text  string
	Num   float64
	Valid bool
	// NotEnoughData marks a share whose base is below the minimum sample: every format shows NotEnoughDataText
	// instead of the percentage (its base and interval are in the sample table).
	NotEnoughData bool
}

// NotEnoughDataText stands in for a share whose base is below the minimum sample.
var NotEnoughDataText = model.NotEnoughData.In("vi")

func text(s string) Value    { return Value{Kind: Text, Text: s, Valid: true} }
func count(n int) Value      { return Value{Kind: Count, Num: float64(n), Valid: true} }
func score(f *float64) Value { return ptr(Score, f) }
func share(f *float64) Value { return ptr(Share, f) }
func shareOf(f float64) Value {
	return Value{Kind: Share, Num: f, Valid: true}
}
func scoreOf(f float64) Value { return Value{Kind: Score, Num: f, Valid: true} }

// womenShare, unknownShare and rateShare are shares that say "not enough data" below the minimum sample.
func womenShare(f model.GenderFigures) Value {
	return judged(share(f.WomenShare), f.WomenShareEnoughData)
}
func unknownShare(f model.GenderFigures) Value {
	return judged(share(f.UnknownShare), f.UnknownShareEnoughData)
}
func rateShare(r model.Rate) Value { return judged(share(r.Rate), r.EnoughData) }

func judged(v Value, enough bool) Value {
	v.NotEnoughData = v.Valid && !enough
	return v
}

// intervalEnds are the two ends of a 95% interval as shares, empty without one.
func intervalEnds(iv *model.Interval) (low, high Value) {
	if iv == nil {
		return Value{Kind: Share}, Value{Kind: Share}
	}
	return shareOf(iv.Low), shareOf(iv.High)
}

func ptr(k Kind, f *float64) Value {
	if f == nil {
		return Value{Kind: k}
	}
	return Value{Kind: k, Num: *f, Valid: true}
}

// Column is a table column: its Vietnamese header and width in characters (XLSX).
type Column struct {
	Header string
	Width  float64
}

// Table is one sheet of the XLSX, one section of the HTML page.
type Table struct {
	// Sheet is the XLSX sheet name (at most 31 characters); Title the section heading.
	Sheet, Title string
	// Notes are paragraphs shown before the table.
	Notes   []string
	Columns []Column
	Rows    [][]Value
}

// Title is the report's title, naming the monitoring unit when it has a name.
func (r *Report) Title() string {
	title := fmt.Sprintf("Báo cáo năm %d: áp dụng Bộ chỉ số về giới trong truyền thông", r.Year)
	if r.ActionMonth {
		title = fmt.Sprintf("Báo cáo Tháng hành động vì bình đẳng giới năm %d", r.Year)
	}
	if name := strings.TrimSpace(r.Unit.Name); name != "" {
		title += " – " + name
	}
	return title
}

// PeriodText is the period in Vietnamese, dates inclusive.
func (r *Report) PeriodText() string {
	last := r.Period.To.AddDate(0, 0, -1)
	return fmt.Sprintf("%s - %s", r.Period.From.Format("02/01/2006"), last.Format("02/01/2006"))
}

// Partial reports whether the period had not ended at AsOf (still running, or not begun): the figures are provisional.
func (r *Report) Partial() bool { return !r.Period.Ended(r.AsOf) }

// AsOfText is AsOf in Vietnam's time, day first like every date of the report.
func (r *Report) AsOfText() string {
	return r.AsOf.In(model.Vietnam()).Format("15:04 ngày 02/01/2006") + " (giờ Việt Nam)"
}

// StatusNotes say when the figures were read, whether they are provisional and whether there are any: every format
// shows them next to the period.
func (r *Report) StatusNotes() []string {
	var notes []string
	switch {
	case r.AsOf.Before(r.Period.From):
		notes = append(notes, fmt.Sprintf("Số liệu tạm tính đến %s: kỳ báo cáo chưa bắt đầu.", r.AsOfText()))
	case r.Partial():
		notes = append(notes, fmt.Sprintf("Số liệu tạm tính đến %s: kỳ báo cáo chưa kết thúc (hết ngày %s).", r.AsOfText(),
			r.Period.To.AddDate(0, 0, -1).Format("02/01/2006")))
	default:
		notes = append(notes, fmt.Sprintf("Số liệu tính đến %s.", r.AsOfText()))
	}
	if r.District.Articles == 0 {
		notes = append(notes, "Không có bài nào được theo dõi trong kỳ báo cáo: các bảng không có số liệu.")
	}
	return notes
}

// stamp is the period and StatusNotes in one line, which heads every XLSX sheet so that a sheet printed alone still
// says which period and which day its figures are of.
func (r *Report) stamp() string {
	return strings.Join(append([]string{"Kỳ báo cáo: " + r.PeriodText() + "."}, r.StatusNotes()...), " ")
}

// Tables lays the report out: the summary, the outlet table, then the annual or Action Month tables and the
// methodology. Every writer renders these and nothing else.
func (r *Report) Tables() []Table {
	ts := []Table{r.summaryTable(), r.OutletTable()}
	if r.ActionMonth {
		ts = append(ts, r.categoryTable(), r.topFindingsTable())
	} else {
		ts = append(ts, r.monthTable(), r.categoryTable())
	}
	ts = append(ts, r.sampleTable(), r.methodTable())
	if r.Review != nil {
		ts = append(ts, r.reviewSampleTable(), r.precisionTable())
	}
	return ts
}

func levelText(l adoption.Level) string {
	switch l {
	case adoption.Pilot:
		return "Thí điểm"
	case adoption.Official:
		return "Chính thức"
	}
	return "Chưa áp dụng"
}

func yesNo(b bool) string {
	if b {
		return "Đạt"
	}
	return "Chưa đạt"
}

func versionsText(m map[string]int) string {
	if len(m) == 0 {
		return "(không có bài)"
	}
	vs := make([]string, 0, len(m))
	for v := range m {
		vs = append(vs, v)
	}
	sort.Strings(vs)
	for i, v := range vs {
		vs[i] = fmt.Sprintf("%s (%d bài)", v, m[v])
	}
	return strings.Join(vs, "; ")
}

func (r *Report) summaryTable() Table {
	t := Table{Sheet: "Tổng hợp", Title: "Tổng hợp", Columns: []Column{{"Mục", 48}, {"Giá trị", 60}}}
	add := func(label string, v Value) { t.Rows = append(t.Rows, []Value{text(label), v}) }
	add("Báo cáo", text(r.Title()))
	add("Kỳ báo cáo", text(r.PeriodText()))
	add("Số cơ quan theo dõi (theo cấu hình)", count(r.Configured))
	if extra := len(r.Outlets) - r.Configured; extra > 0 {
		add("Cơ quan có bài nhưng ngoài danh sách cấu hình (không tính vào tỷ lệ)", count(extra))
	}
	if d := r.Adoption; d != nil {
		add("Cơ quan áp dụng thí điểm trở lên", count(d.Pilot))
		add("Tỷ lệ áp dụng thí điểm trở lên", shareOf(d.PilotRate))
		add("Cơ quan áp dụng chính thức", count(d.Official))
		add("Tỷ lệ áp dụng chính thức", shareOf(d.OfficialRate))
		tg := d.Target
		add("Mục tiêu của năm", text(fmt.Sprintf("%s: %.0f%% cơ quan (hạn năm %d)", levelText(tg.Level), 100*tg.Share, tg.Year)))
		add("Tỷ lệ so với mục tiêu", shareOf(tg.Rate))
		add("Mục tiêu mức cần đạt", shareOf(tg.Share))
		status := yesNo(tg.Met)
		if !tg.Due {
			status += " (chưa đến hạn)"
		}
		add("Kết quả so với mục tiêu", text(status))
	}
	a := r.judged(r.District)
	add("Số bài được theo dõi (toàn quận)", count(a.Articles))
	add("Rà soát (toàn quận)", text(reviewedText(a)))
	add("Số bài đã được rà soát (toàn quận)", count(a.Reviewed))
	add("Số bài ngoài phạm vi theo rà soát (toàn quận)", count(a.OutOfScope))
	add("Điểm nội dung trung bình (0-100)", score(a.Score))
	if a.Machine != nil {
		add("Điểm nội dung trung bình theo máy chấm, trước rà soát (0-100)", score(a.Machine.Score))
	}
	add("Tỷ lệ nữ trong số người được nhắc đến", womenShare(a.People))
	add("Số người được nhắc đến đã rõ giới (n)", count(a.People.WomenShareBase))
	add("Tỷ lệ nữ trong số nguồn được trích dẫn", womenShare(a.Quoted))
	if a.Machine != nil {
		add("Tỷ lệ nữ trong số nguồn được trích dẫn theo máy chấm, trước rà soát", womenShare(a.Machine.Quoted))
	}
	low, high := intervalEnds(a.Quoted.WomenShareInterval)
	add("Tỷ lệ nữ trong số nguồn được trích dẫn: khoảng tin cậy 95%, cận dưới", low)
	add("Tỷ lệ nữ trong số nguồn được trích dẫn: khoảng tin cậy 95%, cận trên", high)
	add("Số nguồn được trích dẫn đã rõ giới (n)", count(a.Quoted.WomenShareBase))
	add("Tỷ lệ nguồn trích dẫn chưa rõ giới", unknownShare(a.Quoted))
	add("Số nguồn được trích dẫn (n)", count(a.Quoted.UnknownShareBase))
	add("Bài về bình đẳng giới", rateShare(a.Topics[model.TopicGenderEquality]))
	add("Bài về bạo lực trên cơ sở giới", rateShare(a.Topics[model.TopicGBV]))
	add("Cỡ mẫu tối thiểu để nêu một tỷ lệ (nguồn tin hoặc bài)", count(r.minSample()))
	add("Phiên bản bộ quy tắc", text(versionsText(r.RulesVersions)))
	if a.MixedRulesVersions {
		add("Lưu ý", text("Số liệu gộp các bài được chấm theo nhiều phiên bản bộ quy tắc"))
	}
	add("Phiên bản chính sách áp dụng", text(r.Policy.Version))
	return t
}

// OutletTable is the table of outlets: status and reasons (annual), then the indicator figures. It is the CSV.
func (r *Report) OutletTable() Table {
	t := Table{Sheet: "Cơ quan", Title: "Số liệu theo cơ quan"}
	col := func(h string, w float64) { t.Columns = append(t.Columns, Column{h, w}) }
	col("Mã cơ quan", 16)
	col("Tên cơ quan", 36)
	col("Loại hình", 16)
	if !r.ActionMonth {
		col("Mức áp dụng", 14)
		col("Lý do (theo chính sách)", 60)
		col("Yêu cầu chưa đạt", 50)
	}
	col("Số bài", 9)
	col("Số bài đã rà soát", 9)
	col("Tổng số bài (kể cả ngoài phạm vi)", 9)
	col("Số bài ngoài phạm vi", 9)
	col("Điểm nội dung", 10)
	col("Điểm nội dung theo máy chấm", 10)
	col("Nữ / người được nhắc đến", 12)
	col("Chưa rõ giới / người được nhắc đến", 12)
	col("Số người được nhắc đến đã rõ giới (n)", 10)
	col("Số người được nhắc đến (n)", 10)
	col("Nữ / nguồn trích dẫn", 12)
	col("Nữ / nguồn trích dẫn theo máy chấm", 12)
	col("Nữ / nguồn trích dẫn: khoảng tin cậy 95%, cận dưới", 12)
	col("Nữ / nguồn trích dẫn: khoảng tin cậy 95%, cận trên", 12)
	col("Chưa rõ giới / nguồn trích dẫn", 12)
	col("Số nguồn trích dẫn đã rõ giới (n)", 10)
	col("Số nguồn trích dẫn (n)", 10)
	for _, role := range model.Roles() {
		col("Nữ / nguồn trích dẫn: "+strings.ToLower(model.RoleLabel(role, "vi")), 12)
	}
	topicCols := []struct{ id, label string }{
		{model.TopicGenderEquality, "bình đẳng giới"}, {model.TopicGBV, "bạo lực giới"}, {model.TopicWomenFocus, "tập trung vào phụ nữ"},
	}
	for _, tc := range topicCols {
		col("Số bài về "+tc.label, 10)
		col("Tỷ lệ bài về "+tc.label, 10)
	}
	col("Bài bạo lực giới: đổ lỗi nạn nhân", 12)
	col("Bài bạo lực giới: giật gân", 12)
	col("Bài bạo lực giới: lộ danh tính nạn nhân", 12)
	cats := r.ReportCategories()
	for _, c := range cats {
		col("Tỷ lệ bài có: "+model.CategoryLabel(c, "vi"), 12)
	}
	col("Cỡ mẫu rà soát", 8)
	col("Số bài của mẫu đã rà soát", 9)
	col("Phát hiện của máy trong mẫu đã rà soát (n)", 10)
	col("Tỷ lệ phát hiện của máy được giữ lại (mẫu)", 10)
	col("Phiên bản bộ quy tắc", 24)
	for _, o := range r.Outlets {
		a := r.judged(o.Figures)
		row := []Value{text(o.ID), text(o.Name), text(model.OutletKindLabel(o.Kind, "vi"))}
		if !r.ActionMonth {
			level, reasons, unmet := "Ngoài danh sách cấu hình", "", ""
			if o.Status != nil {
				level, reasons, unmet = levelText(o.Status.Level), adoption.VietnameseSummary(*o.Status), unmetText(o.Status.Checks)
			}
			row = append(row, text(level), text(reasons), text(unmet))
		}
		low, high := intervalEnds(a.Quoted.WomenShareInterval)
		m := machineOf(a)
		row = append(row, count(a.Articles), count(a.Reviewed), count(a.Total()), count(a.OutOfScope), score(a.Score), score(m.Score),
			womenShare(a.People), unknownShare(a.People), count(a.People.WomenShareBase), count(a.People.UnknownShareBase),
			womenShare(a.Quoted), womenShare(m.Quoted), low, high, unknownShare(a.Quoted), count(a.Quoted.WomenShareBase), count(a.Quoted.UnknownShareBase))
		for _, role := range model.Roles() {
			row = append(row, womenShare(a.QuotedByRole[role]))
		}
		for _, tc := range topicCols {
			tr := a.Topics[tc.id]
			row = append(row, count(tr.Articles), rateShare(tr))
		}
		row = append(row, rateShare(a.Violence.VictimBlaming), rateShare(a.Violence.Sensational),
			rateShare(a.Violence.VictimIdentification))
		for _, c := range cats {
			row = append(row, categoryRate(a, c))
		}
		row = append(row, r.sampleValues(o.ID)...)
		row = append(row, text(versionsText(a.RulesVersions)))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// sampleValues are the outlet table's review sample columns: the sample's size, how many of it are reviewed, the
// machine's findings in them and the share the review kept; empty without a review.
func (r *Report) sampleValues(outlet string) []Value {
	if r.Review == nil {
		return []Value{{Kind: Count}, {Kind: Count}, {Kind: Count}, {Kind: Share}}
	}
	sr := r.Review.Samples[outlet]
	f, c := pooledPrecision(sr.Estimates)
	kept := Value{Kind: Share}
	if f > 0 {
		kept = shareOf(float64(c) / float64(f))
	}
	return []Value{count(len(sr.Sample)), count(sr.Reviewed), count(f), kept}
}

// categoryRate is the share of a's articles with a finding of category c: 0 when there are articles and none has it.
func categoryRate(a model.Aggregate, c string) Value { return rateShare(a.CategoryRate(c)) }

// unmetText lists the unmet requirements in Vietnamese with what was found, by level.
func unmetText(checks []adoption.Check) string {
	var out []string
	for _, c := range checks {
		if !c.Met {
			// A threshold is worth repeating; a yes/no requirement is already said by its name.
			detail := "hiện có: " + adoption.Vietnamese(c.Got)
			if strings.ContainsAny(c.Want, "0123456789") {
				detail = "yêu cầu: " + adoption.Vietnamese(c.Want) + "; " + detail
			}
			out = append(out, fmt.Sprintf("%s: %s (%s)", levelText(c.Level), requirementLabel(c.Requirement), detail))
		}
	}
	return strings.Join(out, "; ")
}

func requirementLabel(req string) string {
	if cat, ok := strings.CutPrefix(req, "category_rate:"); ok {
		return "tỷ lệ bài có " + strings.ToLower(model.CategoryLabel(cat, "vi"))
	}
	if k, ok := strings.CutPrefix(req, "violence_rate:"); ok {
		return "tỷ lệ bài bạo lực giới có " + violenceLabel(k)
	}
	switch req {
	case "decision":
		return "quyết định hoặc kế hoạch áp dụng bộ chỉ số"
	case "focal_person":
		return "người đầu mối"
	case "self_assessment":
		return "tự đánh giá theo mẫu của Bộ"
	case "report_on_time":
		return "gửi báo cáo năm đúng hạn"
	case "staff_trained_share":
		return "tỷ lệ phóng viên, biên tập viên được tập huấn"
	case "women_leadership_reported":
		return "báo cáo tỷ lệ nữ trong lãnh đạo"
	case "women_leadership_share":
		return "tỷ lệ nữ trong lãnh đạo"
	case "articles":
		return "số bài được theo dõi"
	case "content_score":
		return "điểm nội dung"
	case "quoted_women_share":
		return "tỷ lệ nữ trong nguồn trích dẫn"
	}
	return req
}

func violenceLabel(k string) string {
	switch k {
	case "victim_blaming":
		return "đổ lỗi cho nạn nhân"
	case "sensational":
		return "giật gân"
	case "victim_identification":
		return "lộ danh tính nạn nhân"
	}
	return k
}

func (r *Report) monthTable() Table {
	t := Table{Sheet: "Xu hướng theo tháng", Title: "Xu hướng theo tháng",
		Notes: []string{"Chỉ liệt kê các tháng có bài được theo dõi."},
		Columns: []Column{{"Mã cơ quan", 16}, {"Tên cơ quan", 36}, {"Tháng", 10}, {"Số bài", 9}, {"Điểm nội dung", 10},
			{"Nữ / nguồn trích dẫn", 12}, {"Chưa rõ giới / nguồn trích dẫn", 12}, {"Số nguồn trích dẫn đã rõ giới (n)", 10},
			{"Số nguồn trích dẫn (n)", 10}}}
	for _, m := range r.Months {
		a := r.judged(m.Figures)
		t.Rows = append(t.Rows, []Value{text(m.Outlet.ID), text(m.Outlet.Name), text(fmt.Sprintf("%02d/%d", int(m.Month), r.Year)),
			count(a.Articles), score(a.Score), womenShare(a.Quoted), unknownShare(a.Quoted), count(a.Quoted.WomenShareBase),
			count(a.Quoted.UnknownShareBase)})
	}
	return t
}

func (r *Report) categoryTable() Table {
	t := Table{Sheet: "Phát hiện theo nhóm", Title: "Phát hiện theo nhóm (số bài có ít nhất một phát hiện của nhóm)",
		Columns: []Column{{"Nhóm phát hiện", 34}, {"Số bài (toàn quận)", 12}, {"Tỷ lệ (toàn quận)", 12},
			{"Khoảng tin cậy 95%, cận dưới (toàn quận)", 12}, {"Khoảng tin cậy 95%, cận trên (toàn quận)", 12}}}
	t.Notes = []string{fmt.Sprintf("Tỷ lệ tính trên %d bài của toàn quận trong kỳ.", r.District.Articles)}
	for _, o := range r.Outlets {
		t.Columns = append(t.Columns, Column{"Số bài: " + o.Name, 14})
	}
	district := r.judged(r.District)
	for _, c := range r.ReportCategories() {
		rt := district.CategoryRate(c)
		low, high := intervalEnds(rt.Interval)
		row := []Value{text(model.CategoryLabel(c, "vi")), count(rt.Articles), rateShare(rt), low, high}
		for _, o := range r.Outlets {
			row = append(row, count(o.Figures.Categories[c].Articles))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (r *Report) topFindingsTable() Table {
	t := Table{Sheet: "Phát hiện nổi bật", Title: fmt.Sprintf("Các bài có nhiều nhóm phát hiện nhất (tối đa %d)", TopFindingsLimit),
		Columns: []Column{{"Cơ quan", 30}, {"Ngày đăng", 12}, {"Tiêu đề", 50}, {"Điểm nội dung", 10}, {"Nhóm phát hiện", 40}, {"Địa chỉ", 50}}}
	for _, f := range r.TopFindings {
		labels := make([]string, len(f.Categories))
		for i, c := range f.Categories {
			labels[i] = model.CategoryLabel(c, "vi")
		}
		date := ""
		if !f.Published.IsZero() {
			date = f.Published.In(r.Period.From.Location()).Format("02/01/2006")
		}
		t.Rows = append(t.Rows, []Value{text(f.Outlet.Name), text(date), text(f.Title), scoreOf(f.Score),
			text(strings.Join(labels, "; ")), text(f.URL)})
	}
	return t
}

func (r *Report) methodTable() Table {
	p := r.Policy
	// The score's formula is the scorer's own explanation, made from the rule set's numbers.
	method := scorer.Method(r.Scoring, "vi")
	method[0] = "Mỗi bài được chấm theo Bộ chỉ số về giới trong truyền thông (Bộ TT&TT, 2014, dựa trên GSIM của UNESCO) bằng bộ quy tắc của genderlens. " +
		method[0]
	method[len(method)-1] += " Điểm nội dung của một cơ quan là trung bình điểm các bài của cơ quan trong kỳ."
	t := Table{Sheet: "Phương pháp", Title: "Phương pháp", Notes: append(method, []string{
		"Số liệu theo cơ quan được tổng hợp từ mọi bài trong kỳ: tỷ lệ nữ = nữ / (nữ + nam) trong số người có giới xác định, " +
			"tỷ lệ chưa rõ giới được nêu bên cạnh; tỷ lệ theo nhóm phát hiện là số bài có ít nhất một phát hiện của nhóm trên tổng số bài; " +
			"tỷ lệ đổ lỗi, giật gân, lộ danh tính tính trên số bài về bạo lực giới. Ô để trống là không có dữ liệu (không phải 0%).",
		fmt.Sprintf("Mỗi tỷ lệ đi kèm cơ số n (số nguồn tin, số người hoặc số bài mà tỷ lệ được tính trên đó) và khoảng tin cậy 95%% "+
			"theo phương pháp Wilson, ghi trong bảng \"%s\". Tỷ lệ tính trên dưới %d nguồn tin (hoặc bài) được ghi \"%s\" thay cho con số.",
			sampleSheet, r.minSample(), NotEnoughDataText),
		"Mức áp dụng (chưa áp dụng, thí điểm, chính thức) của mỗi cơ quan do chính sách quyết định: cơ quan đạt mức thí điểm khi có đủ " +
			"minh chứng quy trình và đạt các ngưỡng nội dung của mức thí điểm; đạt mức chính thức khi đạt cả yêu cầu thí điểm và chính thức. " +
			"Tỷ lệ của quận là số cơ quan đạt mức trên tổng số cơ quan, so với mục tiêu của năm.",
		fmt.Sprintf("Chính sách: %s (phiên bản %s). Nguồn: %s. Hạn gửi báo cáo năm: trước ngày %s.", p.Name, p.Version, p.Source.In("vi"), deadlineText(p.ReportDeadline)),
		"Phiên bản bộ quy tắc: " + versionsText(r.RulesVersions) + ".",
	}...), Columns: []Column{{"Mức", 14}, {"Yêu cầu", 50}, {"Ngưỡng", 30}}}
	t.Notes = append(t.Notes, r.reviewNotes()...)
	for _, tg := range p.Targets {
		t.Rows = append(t.Rows, []Value{text("Mục tiêu"), text(fmt.Sprintf("Tỷ lệ cơ quan áp dụng %s vào năm %d", strings.ToLower(levelText(tg.Level)), tg.Year)), shareOf(tg.Share)})
	}
	for _, lv := range []struct {
		level adoption.Level
		req   adoption.Requirements
	}{{adoption.Pilot, p.Pilot}, {adoption.Official, p.Official}} {
		t.Rows = append(t.Rows, requirementRows(levelText(lv.level), lv.req)...)
	}
	return t
}

func deadlineText(mmdd string) string {
	if m, d, ok := strings.Cut(mmdd, "-"); ok {
		return d + "/" + m
	}
	return mmdd
}

func requirementRows(level string, r adoption.Requirements) [][]Value {
	var rows [][]Value
	add := func(req string, v Value) { rows = append(rows, []Value{text(level), text(req), v}) }
	pr := r.Process
	need := func(on bool, req string) {
		if on {
			add(req, text("Bắt buộc"))
		}
	}
	need(pr.Decision, "Quyết định hoặc kế hoạch áp dụng bộ chỉ số")
	need(pr.FocalPerson, "Người đầu mối")
	need(pr.SelfAssessment, "Tự đánh giá theo mẫu của Bộ")
	need(pr.ReportOnTime, "Gửi báo cáo năm đúng hạn")
	if pr.MinStaffTrainedShare != nil {
		add("Tỷ lệ phóng viên, biên tập viên được tập huấn tối thiểu", share(pr.MinStaffTrainedShare))
	}
	need(pr.WomenLeadershipReported, "Báo cáo tỷ lệ nữ trong lãnh đạo")
	if pr.MinWomenLeadershipShare != nil {
		add("Tỷ lệ nữ trong lãnh đạo tối thiểu", share(pr.MinWomenLeadershipShare))
	}
	c := r.Content
	if c.MinArticles > 0 {
		add("Số bài được theo dõi tối thiểu trong năm", count(c.MinArticles))
	}
	if c.MinScore != nil {
		add("Điểm nội dung tối thiểu", score(c.MinScore))
	}
	if c.MinQuotedWomenShare != nil {
		add("Tỷ lệ nữ trong nguồn trích dẫn tối thiểu", share(c.MinQuotedWomenShare))
	}
	for _, cat := range slices.Sorted(maps.Keys(c.MaxCategoryRate)) {
		add("Tỷ lệ bài có "+strings.ToLower(model.CategoryLabel(cat, "vi"))+" tối đa", shareOf(c.MaxCategoryRate[cat]))
	}
	for _, k := range slices.Sorted(maps.Keys(c.MaxViolenceRate)) {
		add("Tỷ lệ bài bạo lực giới có "+violenceLabel(k)+" tối đa", shareOf(c.MaxViolenceRate[k]))
	}
	return rows
}
