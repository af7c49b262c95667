package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/ingest"
	"genderlens/internal/golden"
	"genderlens/model"
	"genderlens/review"

	"github.com/xuri/excelize/v2"
)

// reportFixture stores synthetic articles in a data directory and writes a configuration naming two outlets.
func reportFixture(t *testing.T) (dataDir, configPath string) {
	t.Helper()
	dataDir = t.TempDir()
	idx := indextest.OpenDir(t, dataDir)
	ict := model.Vietnam()
	for _, d := range []indexer.Document{
		indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: "Phụ nữ khởi nghiệp", Body: "Chị Lan nói.",
			Published: time.Date(2025, 11, 20, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 72.5,
			People: model.GenderCounts{Female: 1, Male: 1}, Quoted: model.GenderCounts{Female: 1},
			QuotedByRole: map[string]model.GenderCounts{"expert": {Female: 1}},
			Categories:   []string{"stereotype"}, Topics: []string{"women_focus", "gender_equality"}},
		indexer.Document{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Title: "Giao thông", Body: "Ông Nam nói.",
			Published: time.Date(2025, 3, 1, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 60, Quoted: model.GenderCounts{Male: 1}},
		indexer.Document{Article: model.Article{URL: "https://b.example/3", Outlet: "phuong-b", Title: "Vụ bạo lực gia đình", Body: "Nạn nhân.",
			Published: time.Date(2025, 12, 1, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 40,
			Categories: []string{"victim_blaming"}, Topics: []string{"gbv"}},
	} {
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	configPath = filepath.Join(t.TempDir(), "genderlens.yaml")
	cfg := `outlets:
  - id: bao-a
    name: "Báo A"
    kind: newspaper
    start_urls: ["https://a.example/"]
  - id: phuong-b
    name: "Cổng thông tin điện tử phường B"
    kind: ward_portal
    start_urls: ["https://b.example/"]
`
	if err := os.WriteFile(configPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dataDir, configPath
}

// TestReportCommand runs the report command end to end: CSV and HTML to standard output against golden files, and an
// XLSX written with --out whose figures are the index's.
func TestReportCommand(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	// After the 2025 periods, so that the reports are final; fixed, so that the goldens are stable.
	now := func() time.Time { return time.Date(2026, 1, 5, 9, 30, 0, 0, model.Vietnam()) }
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"report_2025.csv", []string{"--year", "2025", "--format", "csv"}},
		{"report_action_month_2025.html", []string{"--year", "2025", "--format", "html", "--action-month"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: now}
			args := append([]string{"report", "--config", configPath, "--data", dataDir}, tt.args...)
			if code := run(context.Background(), env, args); code != 0 {
				t.Fatalf("report exited %d: %s", code, errOut.String())
			}
			golden.Assert(t, filepath.Join("testdata", tt.golden), out.Bytes())
		})
	}

	t.Run("xlsx", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "bao-cao.xlsx")
		var out, errOut bytes.Buffer
		env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
		args := []string{"report", "--config", configPath, "--data", dataDir, "--year", "2025", "--out", path}
		if code := run(context.Background(), env, args); code != 0 {
			t.Fatalf("report exited %d: %s", code, errOut.String())
		}
		if out.Len() != 0 {
			t.Errorf("--out also wrote %d bytes to stdout", out.Len())
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := f.GetRows("Cơ quan", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		idx := indextest.OpenDir(t, dataDir)
		// Rows: the title, the period and the date of the figures, a blank row, then the header.
		header, body := rows[3], rows[4:]
		if len(body) != 2 {
			t.Fatalf("%d outlet rows, want 2", len(body))
		}
		for _, row := range body {
			a := idx.Aggregate(model.Filter{Outlet: row[0], Period: model.Year(2025)})
			for i, h := range header {
				switch h {
				case "Số bài":
					if row[i] != strconv.Itoa(a.Articles) {
						t.Errorf("%s articles %s, want %d", row[0], row[i], a.Articles)
					}
				case "Điểm nội dung":
					if got, _ := strconv.ParseFloat(row[i], 64); a.Score == nil || got != *a.Score {
						t.Errorf("%s score %s, want %v", row[0], row[i], a.Score)
					}
				}
			}
		}
	})
}

// TestReportBadFlags checks that a bad command line exits 2 with a message naming the problem, and writes nothing.
func TestReportBadFlags(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	outPath := filepath.Join(t.TempDir(), "x.xlsx")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"format", []string{"--format", "pdf"}, `--format: want xlsx, csv, html, got "pdf"`},
		{"year not a number", []string{"--year", "hai-nghin"}, `invalid value "hai-nghin" for flag -year`},
		{"year out of range", []string{"--year", "25"}, "--year: want a year between 2000 and 2100, got 25"},
		{"positional argument", []string{"--year", "2025", "extra"}, "unexpected arguments [extra]"},
		{"unknown flag", []string{"--quarter", "4"}, "flag provided but not defined: -quarter"},
		{"missing config", []string{"--config", "/nonexistent/genderlens.yaml"}, "/nonexistent/genderlens.yaml"},
		{"out directory missing", []string{"--year", "2025", "--out", "/nonexistent/dir/r.xlsx"}, "--out:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var errOut bytes.Buffer
			env := &environment{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errOut}
			args := append([]string{"report", "--config", configPath, "--data", dataDir}, tt.args...)
			if code := run(context.Background(), env, args); code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("stderr %q does not say %q", errOut.String(), tt.want)
			}
		})
	}
	if _, err := os.Stat(outPath); !os.IsNotExist(err) {
		t.Errorf("a failed report left %s", outPath)
	}
	var errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errOut}
	if code := run(context.Background(), env, []string{"report", "--help"}); code != 0 || !strings.Contains(errOut.String(), "Examples:") {
		t.Errorf("report --help exited %d:\n%s", code, errOut.String())
	}
}

// TestReportMatchesWebReport checks that `genderlens report` on a data directory writes the bytes that /report of the
// serve that filled it sends, even without that serve's configuration: the directory records its outlets.
func TestReportMatchesWebReport(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	// The Action Month of 2025 is still running: both reports must say their figures are provisional.
	now := func() time.Time { return time.Date(2025, 11, 20, 14, 5, 0, 0, model.Vietnam()) }
	addr := freeAddr(t)
	t.Setenv(config.APITokenEnv, "officer-token-report")
	rc := startAt(t, now, "serve", "--config", configPath, "--data", dataDir, "--listen", addr, "--no-crawl")
	// serve re-scores the fixture's articles (rules version r1) in the background: compare once their scores settle.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var st struct {
			Rescore struct {
				Remaining  int        `json:"remaining"`
				FinishedAt *time.Time `json:"finished_at"`
			} `json:"rescore"`
		}
		err := getJSON("http://"+addr+"/api/rescore", &st)
		if err == nil && st.Rescore.FinishedAt != nil && st.Rescore.Remaining == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("rescore not finished in 60s (%v):\n%s", err, rc.stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	// An officer's review through the API: both reports must use it, the CLI reading the corrections file serve wrote.
	for _, c := range []struct{ url, body string }{
		{"https://a.example/1", `{"kind": "reviewed"}`},
		{"https://a.example/2", `{"kind": "out_of_scope", "scope": "not_news"}`},
	} {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/api/review?url="+c.url, strings.NewReader(c.body))
		req.Header.Set("Authorization", "Bearer officer-token-report")
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST /api/review %s: %s %s", c.body, resp.Status, msg)
		}
	}
	web := map[string]string{}
	for _, q := range []string{"year=2025&format=csv", "year=2025&format=html&action_month=1"} {
		resp, err := http.Get("http://" + addr + "/report?" + q)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("/report?%s: %s", q, resp.Status)
		}
		web[q] = string(body)
	}
	if code := rc.stop(t); code != 0 {
		t.Fatalf("serve exited %d:\n%s", code, rc.stderr.String())
	}

	for _, tt := range []struct {
		query string
		args  []string
	}{
		{"year=2025&format=csv", []string{"--format", "csv"}},
		{"year=2025&format=html&action_month=1", []string{"--format", "html", "--action-month"}},
	} {
		var out, errOut bytes.Buffer
		env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut, now: now}
		// No --config: the embedded defaults name 21 other outlets.
		args := append([]string{"report", "--data", dataDir, "--year", "2025"}, tt.args...)
		if code := run(context.Background(), env, args); code != 0 {
			t.Fatalf("report exited %d: %s", code, errOut.String())
		}
		if out.String() != web[tt.query] {
			t.Errorf("report %v differs from /report?%s:\nCLI:\n%s\nweb:\n%s", tt.args, tt.query, out.String(), web[tt.query])
		}
		if !strings.Contains(errOut.String(), "listing the 2 outlets recorded in") {
			t.Errorf("report does not say it lists the recorded outlets rather than the configuration's: %q", errOut.String())
		}
	}
	lines := strings.Split(strings.TrimSpace(web["year=2025&format=csv"]), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "bao-a,Báo A,") || !strings.HasPrefix(lines[2], "phuong-b,") {
		t.Errorf("report rows %q, want bao-a and phuong-b with their names", lines[1:])
	}
	if !strings.HasPrefix(lines[1], "bao-a,Báo A,") || !strings.Contains(web["year=2025&format=html&action_month=1"], "1 trên 2 bài đã được rà soát") ||
		!strings.Contains(web["year=2025&format=csv"], ",1,2,2,1,") { // bao-a in 2025: 1 article, 2 reviewed (one out of scope), 2 in all, 1 out of scope; the district in the Action Month: 1 of 2
		t.Errorf("the reports do not count the review: %s", web["year=2025&format=csv"])
	}
	if !strings.HasSuffix(lines[1], ",20/11/2025 14:05,có") {
		t.Errorf("CSV row %q does not say its figures are provisional as of 20/11/2025 14:05", lines[1])
	}
	if !strings.Contains(web["year=2025&format=html&action_month=1"], "Số liệu tạm tính đến 14:05 ngày 20/11/2025") {
		t.Error("the running Action Month is not marked provisional in the HTML report")
	}
}

// TestReportWarnsAndRefuses checks the report command's guards: a missing data directory is an error (not an empty
// report), an empty period is said on stderr, and an xlsx is never written to /dev/null's kind of character device
// by mistake for a terminal (only a terminal is refused; see TestReportRefusesTerminal).
func TestReportWarnsAndRefuses(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing data directory", []string{"--data", filepath.Join(dataDir, "nonexistent"), "--format", "csv"}, 2,
			"data directory " + filepath.Join(dataDir, "nonexistent") + " does not exist"},
		{"empty period", []string{"--data", dataDir, "--year", "2024", "--format", "csv"}, 0,
			"warning: no article in 01/01/2024 - 31/12/2024 for any outlet"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
			args := append([]string{"report", "--config", configPath}, tt.args...)
			if code := run(context.Background(), env, args); code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr %q does not say %q", errOut.String(), tt.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dataDir, "nonexistent")); !os.IsNotExist(err) {
		t.Error("report created the missing data directory")
	}
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer devNull.Close()
	var errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: devNull, stderr: &errOut}
	if code := run(context.Background(), env, []string{"report", "--config", configPath, "--data", dataDir, "--year", "2025"}); code != 0 {
		t.Errorf("xlsx to %s exited %d, want 0 (not a terminal): %s", os.DevNull, code, errOut.String())
	}
}

// TestUnknownOutletIsAnError checks that an --outlet naming no outlet fails with the known ids in every command that
// takes --outlet, instead of exporting or crawling nothing.
func TestUnknownOutletIsAnError(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"export", []string{"export", "--config", configPath, "--data", dataDir, "--outlet", "bao-a", "--outlet", "nope"},
			`--outlet: no outlet with id "nope"; known ids: bao-a, phuong-b`},
		{"crawl", []string{"crawl", "--once", "--config", configPath, "--data", dataDir, "--outlet", "nope"},
			`--outlet: no outlet with id "nope"; known ids: bao-a, phuong-b`},
		// Without the configuration, the outlets with stored articles are known too.
		{"export without configuration", []string{"export", "--data", dataDir, "--outlet", "nope"}, "badinh-portal, bao-a, hanoimoi"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
			if code := run(context.Background(), env, tt.args); code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("stderr %q does not say %q", errOut.String(), tt.want)
			}
			if out.Len() != 0 {
				t.Errorf("wrote %d bytes to stdout", out.Len())
			}
		})
	}
}

// TestReportAppliesCorrections checks that `genderlens report` reads the data directory's corrections, as serve does:
// an article marked out of scope and one reviewed change the figures and the reviewed count of the report.
func TestReportAppliesCorrections(t *testing.T) {
	dataDir, configPath := t.TempDir(), filepath.Join(t.TempDir(), "genderlens.yaml")
	sc, err := loadScorer("")
	if err != nil {
		t.Fatal(err)
	}
	idx := indextest.OpenDir(t, dataDir)
	var docs []indexer.Document
	for i, body := range []string{"Bà Nguyễn Thị Lan cho biết: “Chúng tôi sẽ mở thêm lớp học.”", "Ông Trần Văn Hùng nói rằng dự án kéo dài ba năm."} {
		a := model.Article{URL: "https://a.example/r" + strconv.Itoa(i), Outlet: "bao-a", Title: "Tin " + strconv.Itoa(i), Body: body,
			Published: time.Date(2025, 5, 1+i, 8, 0, 0, 0, model.Vietnam())}
		d, err := ingest.Score(sc, crawler.Article{Article: a})
		if err != nil {
			t.Fatal(err)
		}
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := review.OpenStore(filepath.Join(dataDir, reviewFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []review.Correction{
		{URL: docs[0].URL, Kind: review.KindReviewed},
		{URL: docs[1].URL, Kind: review.KindOutOfScope, Scope: review.ScopeNotNews},
	} {
		d := docs[0]
		if c.URL == docs[1].URL {
			d = docs[1]
		}
		c.Outlet, c.TextHash, c.By, c.ByRole = "bao-a", review.TextHash(model.ScoredText(d.Title, d.Lead, d.Body, d.Captions)), "officer", review.ByOfficer
		if _, err := st.Record(c); err != nil {
			t.Fatal(err)
		}
	}
	cfg := "outlets:\n  - id: bao-a\n    name: \"Báo A\"\n    kind: newspaper\n    start_urls: [\"https://a.example/\"]\n"
	if err := os.WriteFile(configPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	if code := run(context.Background(), env, []string{"report", "--config", configPath, "--data", dataDir, "--year", "2025", "--format", "csv"}); code != 0 {
		t.Fatalf("report exited %d: %s", code, errOut.String())
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out.String(), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("CSV: %v %q", err, recs)
	}
	got := map[string]string{}
	for i, h := range recs[0] {
		got[h] = recs[1][i]
	}
	for col, want := range map[string]string{"Mã cơ quan": "bao-a", "Số bài": "1", "Số bài đã rà soát": "2",
		"Tổng số bài (kể cả ngoài phạm vi)": "2", "Số bài ngoài phạm vi": "1", "Cỡ mẫu rà soát": "2", "Số bài của mẫu đã rà soát": "2"} {
		if got[col] != want {
			t.Errorf("%s = %q, want %q", col, got[col], want)
		}
	}
}
