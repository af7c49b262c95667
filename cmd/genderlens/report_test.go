package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/internal/golden"
	"genderlens/model"

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
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"report_2025.csv", []string{"--year", "2025", "--format", "csv"}},
		{"report_action_month_2025.html", []string{"--year", "2025", "--format", "html", "--action-month"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
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
		header, body := rows[2], rows[3:]
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
