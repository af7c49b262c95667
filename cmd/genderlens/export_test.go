package main

import (
	"bytes"
	"context"
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
