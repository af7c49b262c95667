package report

import (
	"errors"
	"fmt"
	"strconv"

	"genderlens/model"
	"genderlens/review"
)

// Review is what the officers' review adds to a report: the sample size asked for (config review.sample_size) and,
// per outlet, its review sample over the report's period with what the sample's reviewed part says of the scorer.
type Review struct {
	SampleSize int
	// Samples are by outlet ID, for every outlet of the report.
	Samples map[string]review.SampleReview
	// District pools the outlets' samples.
	District review.Estimates
}

// PeriodName is the report's period as the API and the review sample name it ("2025", "action-month-2025"): the
// same name draws the same sample as the outlet page of that period.
func (r *Report) PeriodName() string {
	if r.ActionMonth {
		return "action-month-" + strconv.Itoa(r.Year)
	}
	return strconv.Itoa(r.Year)
}

// AddReview draws each outlet's review sample of sampleSize articles over the report's period and estimates the
// scorer's precision from its reviewed part, as the outlet page does. The figures themselves already use the
// reviewed values through the store's aggregates. An article that cannot be read is left out of the estimates and
// named in the error; the report is still complete without it.
func (r *Report) AddReview(rv *review.Reviewer, ix review.SampleIndex, sampleSize int) error {
	rep := &Review{SampleSize: sampleSize, Samples: map[string]review.SampleReview{}}
	var errs []error
	var all []review.Estimates
	for _, o := range r.Outlets {
		sr, err := rv.ReviewSample(ix, o.ID, r.PeriodName(), r.Period, sampleSize)
		if err != nil {
			errs = append(errs, fmt.Errorf("review sample of %s: %w", o.ID, err))
		}
		rep.Samples[o.ID] = sr
		all = append(all, sr.Estimates)
	}
	rep.District = review.Combine(all...)
	r.Review = rep
	return errors.Join(errs...)
}

// reviewedText is "n trên m bài đã được rà soát" for a's articles, out-of-scope ones included.
func reviewedText(a model.Aggregate) string {
	s := fmt.Sprintf("%d trên %d bài đã được rà soát", a.Reviewed, a.Total())
	if a.OutOfScope > 0 {
		s += fmt.Sprintf(" (%d bài ngoài phạm vi, không tính vào số liệu)", a.OutOfScope)
	}
	return s
}

// machineOf is a's figures before review: the machine's own when some article of a has a correction, a itself
// otherwise (its figures are then the machine's).
func machineOf(a model.Aggregate) model.Aggregate {
	if a.Machine != nil {
		return *a.Machine
	}
	return a
}

// pooledPrecision adds up the precision of every finding category: the share of the machine's findings the review
// kept, whatever their category.
func pooledPrecision(e review.Estimates) (findings, correct int) {
	for _, p := range e.Categories {
		findings += p.Findings
		correct += p.Correct
	}
	return findings, correct
}

// Names of the review's sheets.
const (
	reviewSampleSheet = "Mẫu rà soát"
	precisionSheet    = "Độ chính xác theo nhóm"
)

// reviewSampleTable lists each outlet's review: how many articles were reviewed, its sample and what the sample's
// reviewed part says of the scorer's quoted sources.
func (r *Report) reviewSampleTable() Table {
	t := Table{Sheet: reviewSampleSheet, Title: "Mẫu rà soát và sai số của máy chấm về nguồn trích dẫn",
		Notes: []string{fmt.Sprintf("Mẫu của mỗi cơ quan là %d bài chọn ngẫu nhiên trong kỳ (ít hơn khi cơ quan có ít bài hơn). "+
			"Các ước lượng chỉ dựa trên những bài của mẫu đã được rà soát (bài ngoài phạm vi không tính). "+
			"Khớp về nguồn nữ (nam): với mỗi bài, số nhỏ hơn giữa số nguồn nữ (nam) máy đếm và số sau rà soát; "+
			"độ chính xác = khớp / số máy đếm, độ phủ = khớp / số sau rà soát.", r.Review.SampleSize)},
		Columns: []Column{{"Mã cơ quan", 16}, {"Tên cơ quan", 30}, {"Tổng số bài", 9}, {"Số bài đã rà soát", 9},
			{"Số bài ngoài phạm vi", 9}, {"Cỡ mẫu", 8}, {"Số bài của mẫu đã rà soát", 9}, {"Số bài làm căn cứ ước lượng", 9},
			{"Nữ / nguồn trích dẫn trong mẫu: máy chấm", 11}, {"Nữ / nguồn trích dẫn trong mẫu: sau rà soát", 11}}}
	for _, g := range []string{"nữ", "nam"} {
		t.Columns = append(t.Columns, Column{"Nguồn " + g + ": độ chính xác", 10}, Column{"Nguồn " + g + ": độ chính xác, cận dưới", 10},
			Column{"Nguồn " + g + ": độ chính xác, cận trên", 10}, Column{"Nguồn " + g + ": số máy đếm (n)", 9},
			Column{"Nguồn " + g + ": độ phủ", 10}, Column{"Nguồn " + g + ": số sau rà soát (n)", 9})
	}
	row := func(id, name string, a model.Aggregate, sampled, sampleReviewed int, e review.Estimates) {
		q := e.Quoted
		vals := []Value{text(id), text(name), count(a.Total()), count(a.Reviewed), count(a.OutOfScope), count(sampled),
			count(sampleReviewed), count(e.Articles), share(q.MachineShare), share(q.ReviewedShare)}
		for _, ag := range []review.Agreement{q.Women, q.Men} {
			low, high := intervalEnds(ag.PrecInt)
			vals = append(vals, share(ag.Precision), low, high, count(ag.Machine), share(ag.Recall), count(ag.Reviewed))
		}
		t.Rows = append(t.Rows, vals)
	}
	sampled, reviewed := 0, 0
	for _, o := range r.Outlets {
		sr := r.Review.Samples[o.ID]
		sampled += len(sr.Sample)
		reviewed += sr.Reviewed
		row(o.ID, o.Name, o.Figures, len(sr.Sample), sr.Reviewed, sr.Estimates)
	}
	row("", "Toàn quận", r.District, sampled, reviewed, r.Review.District)
	return t
}

// precisionTable gives, per outlet and for the district, the scorer's precision per finding category over the
// reviewed part of the samples.
func (r *Report) precisionTable() Table {
	t := Table{Sheet: precisionSheet, Title: "Độ chính xác của máy chấm theo nhóm phát hiện (từ mẫu rà soát)",
		Notes: []string{"Mỗi dòng là một nhóm phát hiện của một cơ quan: số phát hiện của máy trong các bài đã rà soát của mẫu (n), " +
			"số được cán bộ giữ lại, độ chính xác (giữ lại / n) với khoảng tin cậy 95% (Wilson), và số phát hiện máy bỏ sót mà cán bộ thêm vào. " +
			"Chỉ liệt kê các nhóm có phát hiện trong phần đã rà soát."},
		Columns: []Column{{"Mã cơ quan", 16}, {"Tên cơ quan", 30}, {"Nhóm phát hiện", 34}, {"Số phát hiện của máy đã kiểm tra (n)", 10},
			{"Số được giữ lại", 9}, {"Độ chính xác", 10}, {"Khoảng tin cậy 95%, cận dưới", 10}, {"Khoảng tin cậy 95%, cận trên", 10},
			{"Số phát hiện máy bỏ sót", 9}}}
	rows := func(id, name string, e review.Estimates) {
		ids := make([]string, 0, len(e.Categories))
		for c := range e.Categories {
			ids = append(ids, c)
		}
		for _, c := range Categories(ids) {
			p := e.Categories[c]
			low, high := intervalEnds(p.Interval)
			t.Rows = append(t.Rows, []Value{text(id), text(name), text(model.CategoryLabel(c, "vi")), count(p.Findings),
				count(p.Correct), share(p.Precision), low, high, count(p.Missed)})
		}
	}
	for _, o := range r.Outlets {
		rows(o.ID, o.Name, r.Review.Samples[o.ID].Estimates)
	}
	rows("", "Toàn quận", r.Review.District)
	return t
}

// reviewNotes are the methodology's paragraphs on the review.
func (r *Report) reviewNotes() []string {
	a := r.District
	notes := []string{
		"Rà soát: cán bộ kiểm tra kết quả chấm của từng bài: giữ hoặc bác bỏ từng phát hiện của máy, thêm phát hiện máy bỏ sót, " +
			"sửa giới tính, việc được trích dẫn và vai trò của từng người, gộp hai người là một, bỏ những gì không phải người, " +
			"thêm người máy bỏ sót, và đánh dấu bài ngoài phạm vi (quảng cáo, không phải tin bài, bài trùng). " +
			"Mọi số liệu của báo cáo dùng giá trị đã rà soát ở những bài đã rà soát; bài chưa rà soát giữ số liệu của máy chấm; " +
			"bài ngoài phạm vi không được tính. Các cột \"theo máy chấm\" cho số liệu của máy trước rà soát để so sánh.",
		"Toàn quận: " + reviewedText(a) + ".",
	}
	if r.Review == nil {
		return append(notes, "Báo cáo này không kèm ước lượng độ chính xác của máy chấm (không đọc được mẫu rà soát).")
	}
	f, c := pooledPrecision(r.Review.District)
	est := fmt.Sprintf("Để đo độ chính xác của máy chấm mà không thiên lệch, với mỗi cơ quan và kỳ báo cáo genderlens chọn ngẫu nhiên "+
		"một mẫu %d bài (cỡ mẫu đặt trong cấu hình); độ chính xác chỉ được ước lượng từ những bài của mẫu đã được rà soát, "+
		"không từ các bài cán bộ tự chọn. Trong kỳ, %d bài của mẫu đã được rà soát và thuộc phạm vi; máy có %d phát hiện trong các bài đó, "+
		"cán bộ giữ lại %d. Độ chính xác theo nhóm phát hiện ghi trong bảng \"%s\", sai số về nguồn trích dẫn (nữ, nam) trong bảng \"%s\".",
		r.Review.SampleSize, r.Review.District.Articles, f, c, precisionSheet, reviewSampleSheet)
	return append(notes, est)
}
