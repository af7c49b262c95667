package main

import (
	"bufio"
	"context"
	"encoding/json"
	"time"

	"genderlens/indexer"
)

// exportRecord is one line of `genderlens export`: what a user needs to audit what was collected and how it scored.
type exportRecord struct {
	Outlet       string               `json:"outlet"`
	URL          string               `json:"url"`
	Title        string               `json:"title"`
	Author       string               `json:"author,omitempty"`
	Published    *time.Time           `json:"published"`
	Section      string               `json:"section,omitempty"`
	Lead         string               `json:"lead,omitempty"`
	Body         string               `json:"body"`
	RulesVersion string               `json:"rules_version"`
	Score        float64              `json:"score"`
	People       indexer.GenderCounts `json:"people"`
	Quoted       indexer.GenderCounts `json:"quoted"`
	Categories   []string             `json:"categories"`
	Topics       []string             `json:"topics"`
	Findings     int                  `json:"findings"`
}

func runExport(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "export", "export [--config FILE] [--data DIR] [--outlet ID]... [--from DATE] [--to DATE]", `  genderlens export --config genderlens.yaml > articles.jsonl
  genderlens export --outlet hanoimoi --from 2025-11-15 --to 2025-12-15`)
	var cf configFlags
	cf.register(fs, false)
	var outletIDs stringList
	fs.Var(&outletIDs, "outlet", "only this outlet `id` (repeatable)")
	from := fs.String("from", "", "only articles published on or after this `date` (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles published before the end of this `date` (YYYY-MM-DD)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	period, err := parsePeriod(*from, *to)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, id := range outletIDs {
		want[id] = true
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return err
	}
	defer idx.Close()
	w := bufio.NewWriter(env.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return idx.Each(ctx, func(d indexer.Document) error {
		if len(want) > 0 && !want[d.Outlet] {
			return nil
		}
		if !period.Contains(d.Published) {
			return nil
		}
		rec := exportRecord{
			Outlet: d.Outlet, URL: d.URL, Title: d.Title, Author: d.Author, Section: d.Section, Lead: d.Lead, Body: d.Body,
			RulesVersion: d.RulesVersion, Score: d.Score, People: d.People, Quoted: d.Quoted,
			Categories: nonNil(d.Categories), Topics: nonNil(d.Topics), Findings: d.FindingCount,
		}
		if !d.Published.IsZero() {
			p := d.Published
			rec.Published = &p
		}
		return enc.Encode(rec)
	})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// parsePeriod reads --from/--to dates in Asia/Ho_Chi_Minh; --to includes its whole day.
func parsePeriod(from, to string) (indexer.Period, error) {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		loc = time.FixedZone("ICT", 7*3600)
	}
	var p indexer.Period
	if from != "" {
		t, err := time.ParseInLocation("2006-01-02", from, loc)
		if err != nil {
			return p, usageErrorf("--from: want YYYY-MM-DD, got %q", from)
		}
		p.From = t
	}
	if to != "" {
		t, err := time.ParseInLocation("2006-01-02", to, loc)
		if err != nil {
			return p, usageErrorf("--to: want YYYY-MM-DD, got %q", to)
		}
		p.To = t.AddDate(0, 0, 1)
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return p, usageErrorf("--from %s is after --to %s", from, to)
	}
	return p, nil
}
