package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/gold"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer/scorertest"
)

// TestExportReviewedGold: an officer's reviews become an annotated set that `rules eval` measures the rules against,
// and `export --reviewed` gives the reviewed figures of the reviewed articles only.
func TestExportReviewedGold(t *testing.T) {
	cfg, cfgPath := oneOutletConfig(t)

	// Two stories of our own: one reviewed (a finding rejected, a missed woman added), one not.
	sc := scorertest.New(t)
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	must(t, err)
	published := time.Date(2025, 11, 20, 8, 0, 0, 0, model.Vietnam())
	for i, body := range []string{
		"Bà Nguyễn Thị Lan cho biết: “Chúng tôi sẽ mở thêm lớp học.”\n\nNữ giám đốc xinh đẹp Lê Thị Mai có thân hình nóng bỏng.",
		"Ông Trần Văn Hùng nói rằng dự án kéo dài ba năm.",
	} {
		d, err := ingest.Score(sc, crawler.Article{Article: model.Article{Outlet: "bao-a", URL: "https://a.example/" + string(rune('a'+i)),
			Title: "Tin phường", Published: published, Section: "xa-hoi", Body: body}})
		must(t, err)
		must(t, idx.Put(context.Background(), d))
	}
	st, err := review.OpenStore(filepath.Join(cfg.DataDir, reviewFile))
	must(t, err)
	rv := &review.Reviewer{Store: st, Scorer: sc}
	d, _, err := idx.Get("https://a.example/a")
	must(t, err)
	a, err := rv.Review(d)
	must(t, err)
	f := a.Machine.Findings[0]
	yes := true
	for _, c := range []review.Correction{
		{Kind: review.KindRejectFinding, Finding: &review.FindingRef{Category: f.Category, Start: f.Start, End: f.End, Text: f.Text}},
		{Kind: review.KindAddPerson, Person: "Chị Hoa (không tên)", Gender: model.Female, Quoted: &yes, Role: model.RoleOrdinary},
		{Kind: review.KindReviewed},
	} {
		c.URL, c.Outlet, c.TextHash, c.By, c.ByRole = d.URL, "bao-a", a.TextHash, "cán bộ", review.ByOfficer
		_, err := st.Record(c)
		must(t, err)
	}
	must(t, idx.Close())

	code, out, errOut := runCapture(t, "", "export", "--config", cfgPath, "--reviewed", "--format", "gold")
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, errOut)
	}
	arts, err := gold.Read(strings.NewReader(out))
	must(t, err)
	if len(arts) != 1 || arts[0].URL != "https://a.example/a" || arts[0].Outlet != "Báo A" || arts[0].Date != "20251120" {
		t.Fatalf("exported %d articles: %+v", len(arts), arts)
	}
	var women, phrases int
	for _, p := range arts[0].Gold.People {
		if p.Gender == gold.Female && p.Quoted {
			women++
		}
	}
	for _, p := range arts[0].Gold.Language {
		if p.Text == f.Text && p.Category == f.Category {
			t.Errorf("the rejected finding %q is in the gold", f.Text)
		}
		phrases++
	}
	if women != a.Machine.Counts.Quoted.Female+1 || phrases == 0 {
		t.Errorf("gold: %d quoted women (machine %d), %d phrases", women, a.Machine.Counts.Quoted.Female, phrases)
	}
	file := filepath.Join(t.TempDir(), "reviewed.jsonl")
	must(t, os.WriteFile(file, []byte(out), 0o644))
	code, evalOut, errOut := runCapture(t, "", "rules", "eval", file)
	if code != 0 || !strings.Contains(evalOut, "reviewed: 1 articles") || !strings.Contains(evalOut, "quoted women F1 0.667") {
		t.Errorf("rules eval exit %d:\n%s%s", code, evalOut, errOut)
	}

	// --reviewed in jsonl: the reviewed article alone, with its reviewed counts.
	code, out, errOut = runCapture(t, "", "export", "--config", cfgPath, "--reviewed")
	if code != 0 {
		t.Fatalf("export --reviewed exit %d: %s", code, errOut)
	}
	var rec exportRecord
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &rec) != nil ||
		rec.Quoted.Female != a.Machine.Counts.Quoted.Female+1 {
		t.Errorf("export --reviewed:\n%s", out)
	}
	if code, _, errOut := runCapture(t, "", "export", "--config", cfgPath, "--format", "gold"); code != 2 || !strings.Contains(errOut, "needs --reviewed") {
		t.Errorf("--format gold without --reviewed: exit %d: %s", code, errOut)
	}
}
