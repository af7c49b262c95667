package report

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/adoption"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/internal/golden"
	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer/scorertest"

	"github.com/xuri/excelize/v2"
)

var ict = model.Vietnam()

// testOutlets are the configured outlets; "khac" has articles but is not configured.
var testOutlets = []Outlet{
	{ID: "bao-a", Name: "Báo A <Hà Nội> & \"Thủ đô\"", Kind: "newspaper"},
	{ID: "phuong-b", Name: "Cổng TTĐT phường B", Kind: "ward_portal"},
	{ID: "dai-c", Name: "Đài C (chưa có bài)", Kind: "radio_tv"},
}

// testDocuments are synthetic articles: bao-a publishes every month of 2025 (enough for pilot), phuong-b a few,
// some in the Action Month, with violence stories and findings.
func testDocuments() []indexer.Document {
	var docs []indexer.Document
	for m := 1; m <= 12; m++ {
		d := indexer.Document{Article: model.Article{
			URL: fmt.Sprintf("https://a.example/2025/%02d", m), Outlet: "bao-a", Title: fmt.Sprintf("Bài tháng %d", m),
			Body: "Chị Lan và ông Nam phát biểu.", Published: time.Date(2025, time.Month(m), 20, 9, 0, 0, 0, ict)},
			RulesVersion: "r1", Score: 60 + float64(m)/3,
			People:       model.GenderCounts{Female: 1, Male: 2, Unknown: m % 2},
			Quoted:       model.GenderCounts{Female: 1, Male: 1 + m%3},
			QuotedByRole: map[string]model.GenderCounts{"expert": {Female: 1}, "official": {Male: 1 + m%3}},
			PeopleByRole: map[string]model.GenderCounts{"expert": {Female: 1}, "official": {Male: 2}, "other": {Unknown: m % 2}}}
		if m%4 == 0 {
			d.Topics = []string{model.TopicGenderEquality, model.TopicWomenFocus}
			d.Categories = []string{"positive"}
		}
		if m == 11 || m == 6 {
			d.Topics = []string{model.TopicGBV}
			d.Categories = []string{"victim_blaming", "sensational_gbv"}
			d.Score = 41.25
		}
		docs = append(docs, d)
	}
	docs = append(docs,
		indexer.Document{Article: model.Article{URL: "https://b.example/1", Outlet: "phuong-b", Title: "Họp tổ dân phố", Body: "Ông Hùng nói.",
			Published: time.Date(2025, 11, 16, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 55,
			People: model.GenderCounts{Male: 1}, Quoted: model.GenderCounts{Male: 1},
			QuotedByRole: map[string]model.GenderCounts{"official": {Male: 1}},
			Categories:   []string{"stereotype", "gender_marking"}, Topics: []string{model.TopicGenderEquality}},
		indexer.Document{Article: model.Article{URL: "https://b.example/2", Outlet: "phuong-b", Title: "Nữ giám đốc xinh đẹp <b>", Body: "Nữ giám đốc.",
			Published: time.Date(2025, 12, 15, 23, 30, 0, 0, ict)}, RulesVersion: "r2", Score: 47.5,
			People: model.GenderCounts{Female: 1}, Categories: []string{"appearance", "gender_marking", "stereotype"}},
		indexer.Document{Article: model.Article{URL: "https://b.example/3", Outlet: "phuong-b", Title: "Sau tháng hành động", Body: "Không ai.",
			Published: time.Date(2025, 12, 16, 0, 0, 0, 0, ict)}, RulesVersion: "r2", Score: 80},
		indexer.Document{Article: model.Article{URL: "https://k.example/1", Outlet: "khac", Title: "Bài khác", Body: "Bà Mai kể.",
			Published: time.Date(2025, 11, 30, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 90,
			People: model.GenderCounts{Female: 1}, Quoted: model.GenderCounts{Female: 1},
			QuotedByRole: map[string]model.GenderCounts{"ordinary": {Female: 1}}, Topics: []string{model.TopicWomenFocus}},
		indexer.Document{Article: model.Article{URL: "https://a.example/2024", Outlet: "bao-a", Title: "Năm trước", Body: "x",
			Published: time.Date(2024, 11, 20, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 10},
	)
	return docs
}

// openTestIndex stores the synthetic articles in a real index in a temp directory.
func openTestIndex(t *testing.T) *indexer.Index {
	t.Helper()
	idx := indextest.Open(t)
	if err := idx.PutMany(context.Background(), testDocuments()); err != nil {
		t.Fatal(err)
	}
	return idx
}

func testPolicy(t *testing.T) *adoption.Policy {
	t.Helper()
	p, err := adoption.Preset("hanoi")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func testEvidence() map[string]adoption.Evidence {
	return map[string]adoption.Evidence{"bao-a": {Outlet: "bao-a", Year: 2025,
		Decision: &adoption.DocumentRef{Ref: "QĐ 12/QĐ-BA", Date: "2025-02-01"}, FocalPerson: "Nguyễn Thị Hoa"}}
}

// testAsOf is when the test reports read their figures: after the 2025 periods, so they are final.
var testAsOf = time.Date(2026, 1, 5, 9, 30, 0, 0, ict)

func build(t *testing.T, idx *indexer.Index, actionMonth bool) *Report {
	t.Helper()
	r, err := Build(context.Background(), idx, testPolicy(t), testEvidence(), testOutlets, 2025, actionMonth)
	if err != nil {
		t.Fatal(err)
	}
	r.AsOf = testAsOf
	return r
}

// memoryReviewStore is an empty review store kept in memory.
func memoryReviewStore(t *testing.T) *review.Store {
	t.Helper()
	st, err := review.OpenStore("")
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// sheetTable reads a sheet back: its header row (found by the first column's header) and the rows under it, raw.
func sheetTable(t *testing.T, f *excelize.File, sheet, firstHeader string) (header []string, rows [][]string) {
	t.Helper()
	all, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for i, r := range all {
		if len(r) > 0 && r[0] == firstHeader {
			return r, all[i+1:]
		}
	}
	t.Fatalf("sheet %s: no header row starting with %q", sheet, firstHeader)
	return nil, nil
}

// cellOf returns the row's value under header h.
func cellOf(t *testing.T, header, row []string, h string) string {
	t.Helper()
	for i, x := range header {
		if x == h {
			if i < len(row) {
				return row[i]
			}
			return ""
		}
	}
	t.Fatalf("no column %q in %q", h, header)
	return ""
}

// wantNum checks that a cell holds exactly the figure the API computes (empty when the API has none).
func wantNum(t *testing.T, what, got string, want *float64) {
	t.Helper()
	if want == nil {
		if got != "" {
			t.Errorf("%s = %q, want empty (no data)", what, got)
		}
		return
	}
	// Excel keeps 15 significant digits: a figure is the same when it agrees to that precision.
	v, err := strconv.ParseFloat(got, 64)
	if err != nil || math.Abs(v-*want) > 1e-13*math.Max(1, math.Abs(*want)) {
		t.Errorf("%s = %q, want %v", what, got, *want)
	}
}

func intp(n int) *float64 { f := float64(n); return &f }

// wantShare checks a share's cell: the figure the API computes, or NotEnoughDataText when its base is below the
// minimum sample.
func wantShare(t *testing.T, what, got string, want *float64, enough bool) {
	t.Helper()
	if want != nil && !enough {
		if got != NotEnoughDataText {
			t.Errorf("%s = %q, want %q", what, got, NotEnoughDataText)
		}
		return
	}
	wantNum(t, what, got, want)
}

// TestXLSXMatchesAPI is the acceptance test of the reports: the XLSX, read back, holds the same figures as the
// index's aggregates and the adoption assessment that the API serves.
func TestXLSXMatchesAPI(t *testing.T) {
	idx := openTestIndex(t)
	policy := testPolicy(t)
	for _, actionMonth := range []bool{false, true} {
		t.Run(fmt.Sprintf("actionMonth=%v", actionMonth), func(t *testing.T) {
			r := build(t, idx, actionMonth)
			var buf bytes.Buffer
			if err := r.WriteXLSX(&buf); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			period := model.Year(2025)
			wantSheets := []string{"Tổng hợp", "Cơ quan", "Xu hướng theo tháng", "Phát hiện theo nhóm", "Cỡ mẫu và độ tin cậy", "Phương pháp"}
			if actionMonth {
				period = model.ActionMonth(2025)
				wantSheets = []string{"Tổng hợp", "Cơ quan", "Phát hiện theo nhóm", "Phát hiện nổi bật", "Cỡ mẫu và độ tin cậy", "Phương pháp"}
			}
			if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(wantSheets, "|") {
				t.Errorf("sheets %q, want %q", got, wantSheets)
			}
			// The API assesses the configured outlets (server.outletIDs); "khac" is not one.
			district := policy.AssessDistrict(2025, []string{"bao-a", "phuong-b", "dai-c"}, testEvidence(),
				idx.AggregateByOutlet(model.Filter{Period: period}))

			header, rows := sheetTable(t, f, "Cơ quan", "Mã cơ quan")
			if len(rows) != 4 {
				t.Fatalf("outlet rows %d, want 4 (three configured, one found in the index)", len(rows))
			}
			for i, row := range rows {
				id := row[0]
				a := idx.Aggregate(model.Filter{Outlet: id, Period: period}).WithMinSample(model.DefaultMinSample)
				wantNum(t, id+" articles", cellOf(t, header, row, "Số bài"), intp(a.Articles))
				wantNum(t, id+" score", cellOf(t, header, row, "Điểm nội dung"), a.Score)
				wantShare(t, id+" women people", cellOf(t, header, row, "Nữ / người được nhắc đến"), a.People.WomenShare, a.People.WomenShareEnoughData)
				wantShare(t, id+" unknown people", cellOf(t, header, row, "Chưa rõ giới / người được nhắc đến"), a.People.UnknownShare, a.People.UnknownShareEnoughData)
				wantNum(t, id+" people known", cellOf(t, header, row, "Số người được nhắc đến đã rõ giới (n)"), intp(a.People.WomenShareBase))
				wantShare(t, id+" women quoted", cellOf(t, header, row, "Nữ / nguồn trích dẫn"), a.Quoted.WomenShare, a.Quoted.WomenShareEnoughData)
				wantShare(t, id+" unknown quoted", cellOf(t, header, row, "Chưa rõ giới / nguồn trích dẫn"), a.Quoted.UnknownShare, a.Quoted.UnknownShareEnoughData)
				wantNum(t, id+" quoted known", cellOf(t, header, row, "Số nguồn trích dẫn đã rõ giới (n)"), intp(a.Quoted.WomenShareBase))
				wantNum(t, id+" quoted", cellOf(t, header, row, "Số nguồn trích dẫn (n)"), intp(a.Quoted.UnknownShareBase))
				var low, high *float64
				if iv := a.Quoted.WomenShareInterval; iv != nil {
					low, high = &iv.Low, &iv.High
				}
				wantNum(t, id+" women quoted low", cellOf(t, header, row, "Nữ / nguồn trích dẫn: khoảng tin cậy 95%, cận dưới"), low)
				wantNum(t, id+" women quoted high", cellOf(t, header, row, "Nữ / nguồn trích dẫn: khoảng tin cậy 95%, cận trên"), high)
				expert := a.QuotedByRole["expert"]
				wantShare(t, id+" experts", cellOf(t, header, row, "Nữ / nguồn trích dẫn: chuyên gia"), expert.WomenShare, expert.WomenShareEnoughData)
				wantNum(t, id+" gbv articles", cellOf(t, header, row, "Số bài về bạo lực giới"), intp(a.Topics["gbv"].Articles))
				for _, tc := range []struct{ id, col string }{{"gbv", "Tỷ lệ bài về bạo lực giới"}, {"gender_equality", "Tỷ lệ bài về bình đẳng giới"},
					{"women_focus", "Tỷ lệ bài về tập trung vào phụ nữ"}} {
					wantShare(t, id+" "+tc.id, cellOf(t, header, row, tc.col), a.Topics[tc.id].Rate, a.Topics[tc.id].EnoughData)
				}
				vb := a.Violence.VictimBlaming
				wantShare(t, id+" victim blaming", cellOf(t, header, row, "Bài bạo lực giới: đổ lỗi nạn nhân"), vb.Rate, vb.EnoughData)
				if c, ok := a.Categories["stereotype"]; ok {
					wantShare(t, id+" stereotype", cellOf(t, header, row, "Tỷ lệ bài có: Định kiến, rập khuôn giới"), c.Rate, c.EnoughData)
				}
				if !actionMonth && id == "khac" {
					if got := cellOf(t, header, row, "Mức áp dụng"); got != "Ngoài danh sách cấu hình" {
						t.Errorf("khac level %q, want it marked outside the configuration", got)
					}
				} else if !actionMonth {
					st := district.Statuses[i]
					if st.Outlet != id {
						t.Fatalf("row %d is %s, status of %s", i, id, st.Outlet)
					}
					if got, want := cellOf(t, header, row, "Mức áp dụng"), levelText(st.Level); got != want {
						t.Errorf("%s level %q, want %q", id, got, want)
					}
					if got, want := cellOf(t, header, row, "Lý do (theo chính sách)"), adoption.VietnameseSummary(st); got != want {
						t.Errorf("%s reasons %q, want %q", id, got, want)
					}
				}
			}
			if rows[0][0] != "bao-a" || rows[3][0] != "khac" {
				t.Errorf("outlet order %q..%q, want the configuration's order then the others", rows[0][0], rows[3][0])
			}

			_, sum := sheetTable(t, f, "Tổng hợp", "Mục")
			values := map[string]string{}
			for _, row := range sum {
				if len(row) > 1 {
					values[row[0]] = row[1]
				}
			}
			all := idx.Aggregate(model.Filter{Period: period}).WithMinSample(model.DefaultMinSample)
			wantNum(t, "district articles", values["Số bài được theo dõi (toàn quận)"], intp(all.Articles))
			wantNum(t, "district score", values["Điểm nội dung trung bình (0-100)"], all.Score)
			wantShare(t, "district quoted", values["Tỷ lệ nữ trong số nguồn được trích dẫn"], all.Quoted.WomenShare, all.Quoted.WomenShareEnoughData)
			wantNum(t, "district quoted known", values["Số nguồn được trích dẫn đã rõ giới (n)"], intp(all.Quoted.WomenShareBase))
			wantNum(t, "minimum sample", values["Cỡ mẫu tối thiểu để nêu một tỷ lệ (nguồn tin hoặc bài)"], intp(model.DefaultMinSample))
			if !actionMonth {
				wantNum(t, "pilot rate", values["Tỷ lệ áp dụng thí điểm trở lên"], &district.PilotRate)
				wantNum(t, "target rate", values["Tỷ lệ so với mục tiêu"], &district.Target.Rate)
				wantNum(t, "target share", values["Mục tiêu mức cần đạt"], &district.Target.Share)
				wantNum(t, "pilot outlets", values["Cơ quan áp dụng thí điểm trở lên"], intp(district.Pilot))
				wantNum(t, "outlets", values["Số cơ quan theo dõi (theo cấu hình)"], intp(district.Outlets))
				if district.Pilot != 1 {
					t.Errorf("pilot outlets %d, want 1 (bao-a)", district.Pilot)
				}

				mh, months := sheetTable(t, f, "Xu hướng theo tháng", "Mã cơ quan")
				if len(months) != 12+3 {
					t.Errorf("month rows %d, want 15", len(months))
				}
				for _, row := range months {
					var m, y int
					fmt.Sscanf(cellOf(t, mh, row, "Tháng"), "%d/%d", &m, &y)
					p, err := model.ParsePeriod(fmt.Sprintf("%d-%02d", y, m))
					if err != nil {
						t.Fatal(err)
					}
					a := idx.Aggregate(model.Filter{Outlet: row[0], Period: p}).WithMinSample(model.DefaultMinSample)
					wantNum(t, row[0]+" month articles", cellOf(t, mh, row, "Số bài"), intp(a.Articles))
					wantNum(t, row[0]+" month score", cellOf(t, mh, row, "Điểm nội dung"), a.Score)
					wantShare(t, row[0]+" month quoted", cellOf(t, mh, row, "Nữ / nguồn trích dẫn"), a.Quoted.WomenShare, a.Quoted.WomenShareEnoughData)
					wantNum(t, row[0]+" month quoted known", cellOf(t, mh, row, "Số nguồn trích dẫn đã rõ giới (n)"), intp(a.Quoted.WomenShareBase))
				}
			} else {
				_, top := sheetTable(t, f, "Phát hiện nổi bật", "Cơ quan")
				if len(top) != 3 {
					t.Fatalf("top findings %d rows, want 3", len(top))
				}
				if !strings.HasPrefix(top[0][2], "Nữ giám đốc") {
					t.Errorf("first top finding %q, want the article with three categories", top[0][2])
				}
			}
			ch, cats := sheetTable(t, f, "Phát hiện theo nhóm", "Nhóm phát hiện")
			ids := map[string]string{} // the sheet names categories in Vietnamese, never by their internal ids
			for id := range all.Categories {
				ids[model.CategoryLabel(id, "vi")] = id
			}
			for _, id := range model.CategoryIDs() {
				ids[model.CategoryLabel(id, "vi")] = id
			}
			for _, row := range cats {
				id, ok := ids[cellOf(t, ch, row, "Nhóm phát hiện")]
				if !ok {
					t.Errorf("category %q is not a category's Vietnamese label", row[0])
				}
				c := all.Categories[id]
				wantNum(t, row[0]+" articles", cellOf(t, ch, row, "Số bài (toàn quận)"), intp(c.Articles))
			}
			// The number formats and the frozen header are part of the file: scores with one decimal, and shares in
			// percent with one decimal, since limits such as "at most 2%" need it (2.8% must not show as 3%).
			sheetRows, err := f.GetRows("Cơ quan")
			if err != nil {
				t.Fatal(err)
			}
			firstRow := slices.IndexFunc(sheetRows, func(r []string) bool { return len(r) > 0 && r[0] == "bao-a" }) + 1
			for _, c := range []struct{ header, format string }{
				{"Điểm nội dung", "0.0"}, {"Nữ / nguồn trích dẫn", "0.0%"}, {"Tỷ lệ bài có: Tình dục hóa", "0.0%"},
			} {
				col := slices.Index(header, c.header)
				ref, _ := excelize.CoordinatesToCellName(col+1, firstRow)
				if v, _ := f.GetCellValue("Cơ quan", ref); v == NotEnoughDataText {
					continue // a share from too few sources is a text, not a number
				}
				style, err := f.GetCellStyle("Cơ quan", ref)
				if err != nil {
					t.Fatal(err)
				}
				if s, _ := f.GetStyle(style); s == nil || s.CustomNumFmt == nil || *s.CustomNumFmt != c.format {
					t.Errorf("%s (%s): number format %+v, want %q", c.header, ref, s, c.format)
				}
			}
			panes, err := f.GetPanes("Cơ quan")
			if err != nil || !panes.Freeze || panes.YSplit != 4 {
				t.Errorf("panes %+v (%v), want the 4 header rows frozen (title, period and date, blank, header)", panes, err)
			}
			// Every sheet says which period and which day its figures are of, so that it can be printed alone.
			for _, sheet := range f.GetSheetList() {
				if got, _ := f.GetCellValue(sheet, "A2"); got != r.stamp() || !strings.Contains(got, "Số liệu tính đến 09:30 ngày 05/01/2026") {
					t.Errorf("sheet %s starts with %q, want the period and the date of the figures", sheet, got)
				}
			}
		})
	}
}

// TestGolden compares the CSV and HTML reports with their golden files (go test ./report/ -update rewrites them).
func TestGolden(t *testing.T) {
	idx := openTestIndex(t)
	for _, tt := range []struct {
		golden      string
		format      string
		actionMonth bool
	}{
		{"annual_2025.csv", "csv", false},
		{"action_month_2025.csv", "csv", true},
		{"annual_2025.html", "html", false},
		{"action_month_2025.html", "html", true},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var buf bytes.Buffer
			r := build(t, idx, tt.actionMonth)
			// No correction yet: the review tables show the samples drawn and nothing reviewed.
			if err := r.AddReview(&review.Reviewer{Store: memoryReviewStore(t), Scorer: scorertest.New(t)}, idx, 5); err != nil {
				t.Fatal(err)
			}
			if err := r.Write(&buf, tt.format); err != nil {
				t.Fatal(err)
			}
			golden.Assert(t, filepath.Join("testdata", tt.golden), buf.Bytes())
			if tt.format == "csv" && !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
				t.Error("CSV without a UTF-8 byte-order mark")
			}
			if tt.format == "html" {
				s := buf.String()
				if strings.Contains(s, "<Hà Nội>") || strings.Contains(s, "xinh đẹp <b>") {
					t.Error("HTML does not escape outlet names or titles")
				}
				if !strings.Contains(s, "@page { size: A4 landscape") {
					t.Error("HTML is not an A4 page")
				}
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	idx := openTestIndex(t)
	for _, tt := range []struct {
		name   string
		year   int
		policy *adoption.Policy
	}{
		{"year too small", 1999, testPolicy(t)},
		{"no policy", 2025, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Build(context.Background(), idx, tt.policy, nil, testOutlets, tt.year, false); err == nil {
				t.Error("no error")
			}
		})
	}
	r := build(t, idx, false)
	if err := r.Write(&bytes.Buffer{}, "pdf"); err == nil {
		t.Error("format pdf: no error")
	}
}

// TestPartialPeriods checks that every format says when its figures were read, marks a period not over at that time
// as provisional, and says so when the period has no article at all.
func TestPartialPeriods(t *testing.T) {
	idx := openTestIndex(t)
	at := func(y, m, d, h, min int) time.Time { return time.Date(y, time.Month(m), d, h, min, 0, 0, ict) }
	for _, tt := range []struct {
		name        string
		year        int
		actionMonth bool
		asOf        time.Time
		partial     bool
		want        []string
	}{
		{"year over", 2025, false, testAsOf, false, []string{"Số liệu tính đến 09:30 ngày 05/01/2026 (giờ Việt Nam)."}},
		{"year running", 2025, false, at(2025, 11, 20, 14, 5), true,
			[]string{"Số liệu tạm tính đến 14:05 ngày 20/11/2025 (giờ Việt Nam): kỳ báo cáo chưa kết thúc (hết ngày 31/12/2025)."}},
		// 16:30 UTC on 15 December is already 16 December in Vietnam: the Action Month is over.
		{"action month over in Vietnam's time", 2025, true, time.Date(2025, 12, 15, 17, 0, 0, 0, time.UTC), false,
			[]string{"Số liệu tính đến 00:00 ngày 16/12/2025 (giờ Việt Nam)."}},
		{"action month's last day", 2025, true, at(2025, 12, 15, 23, 0), true,
			[]string{"Số liệu tạm tính đến 23:00 ngày 15/12/2025 (giờ Việt Nam): kỳ báo cáo chưa kết thúc (hết ngày 15/12/2025)."}},
		{"action month not begun", 2025, true, at(2025, 10, 1, 8, 0), true,
			[]string{"Số liệu tạm tính đến 08:00 ngày 01/10/2025 (giờ Việt Nam): kỳ báo cáo chưa bắt đầu."}},
		{"no article", 2023, false, testAsOf, false, []string{"Số liệu tính đến 09:30 ngày 05/01/2026 (giờ Việt Nam).",
			"Không có bài nào được theo dõi trong kỳ báo cáo: các bảng không có số liệu."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Build(context.Background(), idx, testPolicy(t), testEvidence(), testOutlets, tt.year, tt.actionMonth)
			if err != nil {
				t.Fatal(err)
			}
			r.AsOf = tt.asOf
			if r.Partial() != tt.partial {
				t.Errorf("Partial = %v, want %v", r.Partial(), tt.partial)
			}
			if got := r.StatusNotes(); !slices.Equal(got, tt.want) {
				t.Errorf("StatusNotes = %q, want %q", got, tt.want)
			}
			var page, table bytes.Buffer
			if err := r.WriteHTML(&page); err != nil {
				t.Fatal(err)
			}
			for _, note := range tt.want {
				if !strings.Contains(page.String(), note) {
					t.Errorf("HTML lacks %q", note)
				}
			}
			if err := r.WriteCSV(&table); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(table.String()), "\n")
			wantPartial := map[bool]string{true: ",có", false: ",không"}[tt.partial]
			wantAsOf := tt.asOf.In(ict).Format("02/01/2006 15:04")
			for _, line := range lines[1:] {
				if !strings.HasSuffix(line, ","+wantAsOf+wantPartial) {
					t.Errorf("CSV row %q does not end with the date of the figures and %q", line, wantPartial)
				}
			}
		})
	}
}

// TestUnitInTitle checks that a named monitoring unit ends the title of the HTML page and of the XLSX summary, and
// that an unnamed one (the configuration's default) leaves the title as it was.
func TestUnitInTitle(t *testing.T) {
	idx := openTestIndex(t)
	for _, tt := range []struct {
		name        string
		unit        model.Unit
		actionMonth bool
		want        string
	}{
		{"ward", model.Unit{Name: "Phường Ba Đình", Level: model.UnitWard}, false,
			"Báo cáo năm 2025: áp dụng Bộ chỉ số về giới trong truyền thông – Phường Ba Đình"},
		{"city action month", model.Unit{Name: "Thành phố Hà Nội", Level: model.UnitCity}, true,
			"Báo cáo Tháng hành động vì bình đẳng giới năm 2025 – Thành phố Hà Nội"},
		{"unnamed", model.Unit{Level: model.UnitDistrict}, false, "Báo cáo năm 2025: áp dụng Bộ chỉ số về giới trong truyền thông"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := build(t, idx, tt.actionMonth)
			r.Unit = tt.unit
			if got := r.Title(); got != tt.want {
				t.Errorf("Title() = %q, want %q", got, tt.want)
			}
			var page bytes.Buffer
			if err := r.WriteHTML(&page); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"<title>" + tt.want + "</title>", "<h1>" + tt.want + "</h1>"} {
				if !strings.Contains(page.String(), want) {
					t.Errorf("HTML lacks %s", want)
				}
			}
			var book bytes.Buffer
			if err := r.WriteXLSX(&book); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&book)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Tổng hợp")
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, row := range rows {
				found = found || len(row) > 1 && row[1] == tt.want
			}
			if !found {
				t.Errorf("the XLSX summary does not name the report %q: %q", tt.want, rows)
			}
		})
	}
}

// TestSampleTable: every share is listed with its count, base and 95% Wilson interval; a base below the minimum
// sample reads "not enough data" there and in the outlet table, whatever the minimum is set to.
func TestSampleTable(t *testing.T) {
	idx := openTestIndex(t)
	find := func(tb Table, id, label string) []Value {
		t.Helper()
		for _, row := range tb.Rows {
			if row[0].Text == id && row[2].Text == label {
				return row
			}
		}
		return nil
	}
	r := build(t, idx, false)
	tb := r.sampleTable()
	// bao-a quotes 12 women and 24 men in 2025.
	row := find(tb, "bao-a", "Nữ / nguồn trích dẫn")
	want, _ := model.Wilson(12, 36)
	if row == nil || row[3].Num != 12 || row[4].Num != 36 || row[5].NotEnoughData || math.Abs(row[5].Num-1.0/3) > 1e-12 ||
		row[6].Num != want.Low || row[7].Num != want.High || row[8].Text != "Đủ" {
		t.Errorf("bao-a women quoted = %+v, want 12 of 36 with Wilson(12, 36)", row)
	}
	// phuong-b quotes one man: a share, but from too few sources.
	row = find(tb, "phuong-b", "Nữ / nguồn trích dẫn")
	if row == nil || row[4].Num != 1 || !row[5].NotEnoughData || row[8].Text != NotEnoughDataText {
		t.Errorf("phuong-b women quoted = %+v, want 0 of 1, not enough data", row)
	}
	if find(tb, "dai-c", "Nữ / nguồn trích dẫn") != nil {
		t.Error("dai-c has no article but has a row")
	}
	if find(tb, "", "Tỷ lệ bài có: Định kiến, rập khuôn giới") == nil {
		t.Error("no district row for the stereotype rate")
	}
	var csv bytes.Buffer
	if err := r.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(csv.String(), NotEnoughDataText); got == 0 {
		t.Error("the CSV shows no share as not enough data")
	}
	// With a minimum of 1, every share with a base is a figure.
	r.MinSample = 1
	for _, row := range r.sampleTable().Rows {
		if row[5].NotEnoughData {
			t.Errorf("minimum 1: %s %s still not enough data", row[0].Text, row[2].Text)
		}
	}
}
