package report

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"genderlens/adoption"
	"genderlens/model"
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
}

func text(s string) Value    { return Value{Kind: Text, Text: s, Valid: true} }
func count(n int) Value      { return Value{Kind: Count, Num: float64(n), Valid: true} }
func score(f *float64) Value { return ptr(Score, f) }
func share(f *float64) Value { return ptr(Share, f) }
func shareOf(f float64) Value {
	return Value{Kind: Share, Num: f, Valid: true}
}
func scoreOf(f float64) Value { return Value{Kind: Score, Num: f, Valid: true} }

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

// Tables lays the report out: the summary, the outlet table, then the annual or Action Month tables and the
// methodology. Every writer renders these and nothing else.
func (r *Report) Tables() []Table {
	ts := []Table{r.summaryTable(), r.OutletTable()}
	if r.ActionMonth {
		ts = append(ts, r.categoryTable(), r.topFindingsTable())
	} else {
		ts = append(ts, r.monthTable(), r.categoryTable())
	}
	return append(ts, r.methodTable())
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
	a := r.District
	add("Số bài được theo dõi (toàn quận)", count(a.Articles))
	add("Điểm nội dung trung bình (0-100)", score(a.Score))
	add("Tỷ lệ nữ trong số người được nhắc đến", share(a.People.WomenShare))
	add("Tỷ lệ nữ trong số nguồn được trích dẫn", share(a.Quoted.WomenShare))
	add("Tỷ lệ nguồn trích dẫn chưa rõ giới", share(a.Quoted.UnknownShare))
	add("Bài về bình đẳng giới", share(a.Topics[model.TopicGenderEquality].Rate))
	add("Bài về bạo lực trên cơ sở giới", share(a.Topics[model.TopicGBV].Rate))
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
	col("Điểm nội dung", 10)
	col("Nữ / người được nhắc đến", 12)
	col("Chưa rõ giới / người được nhắc đến", 12)
	col("Nữ / nguồn trích dẫn", 12)
	col("Chưa rõ giới / nguồn trích dẫn", 12)
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
	col("Phiên bản bộ quy tắc", 24)
	for _, o := range r.Outlets {
		a := o.Figures
		row := []Value{text(o.ID), text(o.Name), text(model.OutletKindLabel(o.Kind, "vi"))}
		if !r.ActionMonth {
			level, reasons, unmet := "Ngoài danh sách cấu hình", "", ""
			if o.Status != nil {
				level, reasons, unmet = levelText(o.Status.Level), adoption.VietnameseSummary(*o.Status), unmetText(o.Status.Checks)
			}
			row = append(row, text(level), text(reasons), text(unmet))
		}
		row = append(row, count(a.Articles), score(a.Score), share(a.People.WomenShare), share(a.People.UnknownShare),
			share(a.Quoted.WomenShare), share(a.Quoted.UnknownShare))
		for _, role := range model.Roles() {
			row = append(row, share(a.QuotedByRole[role].WomenShare))
		}
		for _, tc := range topicCols {
			tr := a.Topics[tc.id]
			row = append(row, count(tr.Articles), share(tr.Rate))
		}
		row = append(row, share(a.Violence.VictimBlaming.Rate), share(a.Violence.Sensational.Rate),
			share(a.Violence.VictimIdentification.Rate))
		for _, c := range cats {
			row = append(row, categoryRate(a, c))
		}
		row = append(row, text(versionsText(a.RulesVersions)))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// categoryRate is the share of a's articles with a finding of category c: 0 when there are articles and none has it.
func categoryRate(a model.Aggregate, c string) Value {
	if rt, ok := a.Categories[c]; ok {
		return share(rt.Rate)
	}
	if a.Articles > 0 {
		return shareOf(0)
	}
	return Value{Kind: Share}
}

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
		Notes:   []string{"Chỉ liệt kê các tháng có bài được theo dõi."},
		Columns: []Column{{"Mã cơ quan", 16}, {"Tên cơ quan", 36}, {"Tháng", 10}, {"Số bài", 9}, {"Điểm nội dung", 10}, {"Nữ / nguồn trích dẫn", 12}}}
	for _, m := range r.Months {
		t.Rows = append(t.Rows, []Value{text(m.Outlet.ID), text(m.Outlet.Name), text(fmt.Sprintf("%02d/%d", int(m.Month), r.Year)),
			count(m.Figures.Articles), score(m.Figures.Score), share(m.Figures.Quoted.WomenShare)})
	}
	return t
}

func (r *Report) categoryTable() Table {
	t := Table{Sheet: "Phát hiện theo nhóm", Title: "Phát hiện theo nhóm (số bài có ít nhất một phát hiện của nhóm)",
		Columns: []Column{{"Nhóm phát hiện", 34}, {"Số bài (toàn quận)", 12}, {"Tỷ lệ (toàn quận)", 12}}}
	for _, o := range r.Outlets {
		t.Columns = append(t.Columns, Column{"Số bài: " + o.Name, 14})
	}
	for _, c := range r.ReportCategories() {
		rt := r.District.Categories[c]
		row := []Value{text(model.CategoryLabel(c, "vi")), count(rt.Articles), categoryRate(r.District, c)}
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
	t := Table{Sheet: "Phương pháp", Title: "Phương pháp", Notes: []string{
		"Mỗi bài được chấm theo Bộ chỉ số về giới trong truyền thông (Bộ TT&TT, 2014, dựa trên GSIM của UNESCO) bằng bộ quy tắc của genderlens. " +
			"Điểm nội dung 0-100 là trung bình có trọng số của ba nhóm: B1.1 hiện diện cân bằng của nữ và nam (40%), " +
			"B1.2 không định kiến giới trong ngôn từ (40%), B1.3 đưa tin về bạo lực trên cơ sở giới (20%). " +
			"B1.1 tính từ tỷ lệ nữ trong số nguồn được trích dẫn (hoặc người được nhắc đến khi không có trích dẫn); " +
			"B1.2 và B1.3 bắt đầu từ 100 và bị trừ 8 điểm cho mỗi phát hiện mức cảnh báo, 15 điểm cho mỗi lỗi, cộng 5 điểm cho mỗi dấu hiệu tích cực.",
		"Số liệu theo cơ quan được tổng hợp từ mọi bài trong kỳ: tỷ lệ nữ = nữ / (nữ + nam) trong số người có giới xác định, " +
			"tỷ lệ chưa rõ giới được nêu bên cạnh; tỷ lệ theo nhóm phát hiện là số bài có ít nhất một phát hiện của nhóm trên tổng số bài; " +
			"tỷ lệ đổ lỗi, giật gân, lộ danh tính tính trên số bài về bạo lực giới. Ô để trống là không có dữ liệu (không phải 0%).",
		"Mức áp dụng (chưa áp dụng, thí điểm, chính thức) của mỗi cơ quan do chính sách quyết định: cơ quan đạt mức thí điểm khi có đủ " +
			"minh chứng quy trình và đạt các ngưỡng nội dung của mức thí điểm; đạt mức chính thức khi đạt cả yêu cầu thí điểm và chính thức. " +
			"Tỷ lệ của quận là số cơ quan đạt mức trên tổng số cơ quan, so với mục tiêu của năm.",
		fmt.Sprintf("Chính sách: %s (phiên bản %s). Nguồn: %s. Hạn gửi báo cáo năm: trước ngày %s.", p.Name, p.Version, p.Source.In("vi"), deadlineText(p.ReportDeadline)),
		"Phiên bản bộ quy tắc: " + versionsText(r.RulesVersions) + ".",
	}, Columns: []Column{{"Mức", 14}, {"Yêu cầu", 50}, {"Ngưỡng", 30}}}
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
