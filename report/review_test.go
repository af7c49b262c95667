package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"

	"github.com/xuri/excelize/v2"
)

// reviewBody is a story of our own: one quoted woman, one quoted man, and an appearance phrase.
const reviewBody = "Bà Nguyễn Thị Lan cho biết: “Chúng tôi sẽ mở thêm lớp học.”\n" +
	"Ông Trần Văn Hùng nói rằng dự án kéo dài ba năm.\n" +
	"Nữ giám đốc xinh đẹp Lê Thị Mai có thân hình nóng bỏng."

// reviewedIndex stores three scored articles of one outlet in 2025 in a real index, with a real review store in a
// temp directory applied to it as serve and the report command apply it.
func reviewedIndex(t *testing.T) (*indexer.Index, *review.Reviewer, []string) {
	t.Helper()
	sc := scorertest.New(t)
	idx := indextest.Open(t)
	var urls []string
	for i := range 3 {
		a := model.Article{URL: fmt.Sprintf("https://a.example/review/%d", i), Outlet: "bao-a", Title: fmt.Sprintf("Lớp học số %d", i+1),
			Body: reviewBody, Published: time.Date(2025, 3, 10+i, 9, 0, 0, 0, ict)}
		d, err := ingest.Score(sc, crawler.Article{Article: a})
		if err != nil {
			t.Fatal(err)
		}
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		urls = append(urls, a.URL)
	}
	st, err := review.OpenStore(filepath.Join(t.TempDir(), "corrections.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rv := &review.Reviewer{Store: st, Scorer: sc}
	idx.SetReviser(rv.Revision)
	return idx, rv, urls
}

// correct records corrections of the article at url, made on its current text, and revises its figures.
func correct(t *testing.T, idx *indexer.Index, rv *review.Reviewer, url string, cs ...review.Correction) review.Article {
	t.Helper()
	d, ok, err := idx.Get(url)
	if err != nil || !ok {
		t.Fatalf("get %s: %v %v", url, ok, err)
	}
	a, err := rv.Review(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		c.URL, c.Outlet, c.TextHash, c.By, c.ByRole = url, d.Outlet, a.TextHash, "officer@ward", review.ByOfficer
		if _, err := rv.Store.Record(c); err != nil {
			t.Fatalf("record %s: %v", c.Kind, err)
		}
	}
	if err := rv.Sync(idx, url); err != nil {
		t.Fatal(err)
	}
	return a
}

// tableRow is the row of t whose first cells are keys, as displayed values by column header.
func tableRow(t *testing.T, tb Table, keys ...string) map[string]string {
	t.Helper()
rows:
	for _, row := range tb.Rows {
		for i, k := range keys {
			if displayValue(row[i]) != k {
				continue rows
			}
		}
		out := map[string]string{}
		for i, c := range tb.Columns {
			out[c.Header] = displayValue(row[i])
		}
		return out
	}
	t.Fatalf("table %s: no row %q", tb.Sheet, keys)
	return nil
}

func tableOf(t *testing.T, r *Report, sheet string) Table {
	t.Helper()
	for _, tb := range r.Tables() {
		if tb.Sheet == sheet {
			return tb
		}
	}
	t.Fatalf("no table %s", sheet)
	return Table{}
}

// TestReportUsesReview records corrections in a real review store and checks that the report's figures are the
// reviewed ones, that it says how many articles were reviewed and gives the machine's figures beside them, and that
// its methodology states the scorer's precision from the review sample, in every format.
func TestReportUsesReview(t *testing.T) {
	idx, rv, urls := reviewedIndex(t)
	outlets := []Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}}
	buildReviewed := func() *Report {
		t.Helper()
		r, err := Build(context.Background(), idx, testPolicy(t), nil, outlets, 2025, false)
		if err != nil {
			t.Fatal(err)
		}
		r.AsOf = testAsOf
		if err := r.AddReview(rv, idx, 20); err != nil {
			t.Fatal(err)
		}
		return r
	}

	before := buildReviewed()
	if got := tableRow(t, tableOf(t, before, "Tổng hợp"), "Rà soát (toàn quận)")["Giá trị"]; got != "0 trên 3 bài đã được rà soát" {
		t.Errorf("before any correction: %q", got)
	}

	// Article 0: its first problem finding is wrong, the rest right. Article 1: the quoted man is a woman.
	// Article 2: an advertisement.
	first := correct(t, idx, rv, urls[0])
	var rejected scorer.Finding
	for _, f := range first.Outcome.Findings {
		if c, ok := model.LookupCategory(f.Category); ok && c.Problem() {
			rejected = f.Finding
			break
		}
	}
	if rejected.Category == "" {
		t.Fatalf("fixture: no problem finding in %+v", first.Outcome.Findings)
	}
	var man string
	for _, p := range first.Outcome.Result.People {
		if p.Quoted && p.Gender == model.Male {
			man = p.Name
		}
	}
	if man == "" || first.Machine.Counts.Quoted.Female != 1 || first.Machine.Counts.Quoted.Male != 1 {
		t.Fatalf("fixture: want one quoted woman and one quoted man, got %+v", first.Machine.Counts.Quoted)
	}
	ref := &review.FindingRef{Category: rejected.Category, Rule: rejected.Rule, Start: rejected.Start, End: rejected.End, Text: rejected.Text}
	correct(t, idx, rv, urls[0], review.Correction{Kind: review.KindRejectFinding, Finding: ref}, review.Correction{Kind: review.KindReviewed})
	correct(t, idx, rv, urls[1], review.Correction{Kind: review.KindSetGender, Person: man, Gender: model.Female},
		review.Correction{Kind: review.KindReviewed})
	correct(t, idx, rv, urls[2], review.Correction{Kind: review.KindOutOfScope, Scope: review.ScopeAdvertisement})

	r := buildReviewed()
	a := r.District
	if a.Reviewed != 3 || a.OutOfScope != 1 || a.Articles != 2 || a.Machine == nil || a.Machine.Articles != 3 {
		t.Fatalf("aggregate: reviewed %d, out of scope %d, articles %d, machine %+v", a.Reviewed, a.OutOfScope, a.Articles, a.Machine)
	}

	summary := tableOf(t, r, "Tổng hợp")
	for label, want := range map[string]string{
		"Rà soát (toàn quận)":                           "3 trên 3 bài đã được rà soát (1 bài ngoài phạm vi, không tính vào số liệu)",
		"Số bài được theo dõi (toàn quận)":              "2",
		"Số bài đã được rà soát (toàn quận)":            "3",
		"Số bài ngoài phạm vi theo rà soát (toàn quận)": "1",
		// Reviewed: 3 women of 4 quoted sources; the machine: 3 of 6 over the same three articles.
		"Tỷ lệ nữ trong số nguồn được trích dẫn":                              NotEnoughDataText,
		"Tỷ lệ nữ trong số nguồn được trích dẫn theo máy chấm, trước rà soát": NotEnoughDataText,
	} {
		if got := tableRow(t, summary, label)["Giá trị"]; got != want {
			t.Errorf("summary %q = %q, want %q", label, got, want)
		}
	}
	if a.Quoted.Female != 3 || a.Quoted.Male != 1 || a.Machine.Quoted.Female != 3 || a.Machine.Quoted.Male != 3 {
		t.Errorf("quoted: reviewed %+v, machine %+v", a.Quoted, a.Machine.Quoted)
	}

	outlet := tableRow(t, r.OutletTable(), "bao-a")
	for col, want := range map[string]string{
		"Số bài": "2", "Số bài đã rà soát": "3", "Tổng số bài (kể cả ngoài phạm vi)": "3", "Số bài ngoài phạm vi": "1",
		"Cỡ mẫu rà soát": "3", "Số bài của mẫu đã rà soát": "3",
	} {
		if got := outlet[col]; got != want {
			t.Errorf("outlet table %q = %q, want %q", col, got, want)
		}
	}
	if outlet["Điểm nội dung"] == outlet["Điểm nội dung theo máy chấm"] {
		t.Errorf("reviewed and machine scores are the same (%s) after a finding was rejected", outlet["Điểm nội dung"])
	}

	// The methodology: precision of the rejected finding's category over the two reviewed articles of the sample.
	est := r.Review.Samples["bao-a"].Estimates
	p := est.Categories[rejected.Category]
	if est.Articles != 2 || p.Findings < 2 || p.Correct != p.Findings-1 || p.Interval == nil {
		t.Fatalf("estimates: %d articles, %s precision %+v", est.Articles, rejected.Category, p)
	}
	prec := tableRow(t, tableOf(t, r, precisionSheet), "bao-a", "Báo A", model.CategoryLabel(rejected.Category, "vi"))
	if prec["Số phát hiện của máy đã kiểm tra (n)"] != fmt.Sprint(p.Findings) || prec["Số được giữ lại"] != fmt.Sprint(p.Correct) ||
		prec["Độ chính xác"] != displayValue(shareOf(*p.Precision)) || prec["Khoảng tin cậy 95%, cận dưới"] != displayValue(shareOf(p.Interval.Low)) {
		t.Errorf("precision row %v, want %+v", prec, p)
	}
	sample := tableRow(t, tableOf(t, r, reviewSampleSheet), "bao-a")
	// Women: the machine counted 2 in the two reviewed articles, the review 3: all 2 agree, 2 of 3 found.
	for col, want := range map[string]string{
		"Số bài của mẫu đã rà soát": "3", "Nguồn nữ: độ chính xác": "100,0%", "Nguồn nữ: số máy đếm (n)": "2",
		"Nguồn nữ: độ phủ": "66,7%", "Nguồn nữ: số sau rà soát (n)": "3", "Nguồn nam: độ chính xác": "50,0%",
		"Nữ / nguồn trích dẫn trong mẫu: máy chấm": "50,0%", "Nữ / nguồn trích dẫn trong mẫu: sau rà soát": "75,0%",
	} {
		if got := sample[col]; got != want {
			t.Errorf("review sample table %q = %q, want %q", col, got, want)
		}
	}

	// Every format carries it: the HTML every table, the CSV the outlet table's review columns.
	var html, csvBuf bytes.Buffer
	if err := r.Write(&html, "html"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 trên 3 bài đã được rà soát", precisionSheet, "Điểm nội dung theo máy chấm",
		"Toàn quận: 3 trên 3 bài đã được rà soát", "Trong kỳ, 2 bài của mẫu đã được rà soát"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	var xlsx bytes.Buffer
	if err := r.Write(&xlsx, "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&xlsx)
	if err != nil {
		t.Fatal(err)
	}
	header, rows := sheetTable(t, f, precisionSheet, "Mã cơ quan")
	found := false
	for _, row := range rows {
		if cellOf(t, header, row, "Nhóm phát hiện") == model.CategoryLabel(rejected.Category, "vi") {
			found = cellOf(t, header, row, "Số được giữ lại") == fmt.Sprint(p.Correct)
			break
		}
	}
	if !found {
		t.Errorf("XLSX sheet %s: no row of %s with %d kept: %q", precisionSheet, rejected.Category, p.Correct, rows)
	}
	if err := r.Write(&csvBuf, "csv"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvBuf.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, h := range recs[0] {
		got[h] = recs[1][i]
	}
	for col, want := range map[string]string{"Số bài đã rà soát": "3", "Số bài ngoài phạm vi": "1", "Số bài của mẫu đã rà soát": "3",
		"Phát hiện của máy trong mẫu đã rà soát (n)": fmt.Sprint(pooled(est))} {
		if got[col] != want {
			t.Errorf("CSV %q = %q, want %q", col, got[col], want)
		}
	}
}

func pooled(e review.Estimates) int { f, _ := pooledPrecision(e); return f }
