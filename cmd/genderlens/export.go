package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"genderlens/config"
	"genderlens/gold"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/report"
	"genderlens/review"
)

// exportRecord is one line of `genderlens export`: what a user needs to audit what was collected and how it scored.
// It is the export's own published format, not a third declaration of the article: every field is present even when
// empty (published null, lists []), in a fixed order that users' scripts and spreadsheets rely on; its values come
// from indexer.Document.
type exportRecord struct {
	Outlet       string                        `json:"outlet"`
	URL          string                        `json:"url"`
	Title        string                        `json:"title"`
	Author       string                        `json:"author,omitempty"`
	Published    *time.Time                    `json:"published"`
	Section      string                        `json:"section,omitempty"`
	Lead         string                        `json:"lead,omitempty"`
	Body         string                        `json:"body"`
	Captions     []string                      `json:"captions"`
	RulesVersion string                        `json:"rules_version"`
	Score        float64                       `json:"score"`
	People       model.GenderCounts            `json:"people"`
	Quoted       model.GenderCounts            `json:"quoted"`
	PeopleByRole map[string]model.GenderCounts `json:"people_by_role"`
	QuotedByRole map[string]model.GenderCounts `json:"quoted_by_role"`
	Indicators   map[string]float64            `json:"indicators,omitempty"`
	Categories   []string                      `json:"categories"`
	RuleIDs      []string                      `json:"rule_ids"`
	Topics       []string                      `json:"topics"`
	Findings     int                           `json:"findings"`
}

func runExport(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "export", "export [--config FILE] [--data DIR] [--format jsonl|csv|gold] [--reviewed] [--outlet ID]... [--from DATE] [--to DATE]", `  genderlens export --config genderlens.yaml > articles.jsonl
  genderlens export --outlet hanoimoi --from 2025-11-15 --to 2025-12-15
  genderlens export --format csv --from 2025-01-01 --to 2025-12-31 > articles-2025.csv
  genderlens export --reviewed --format gold > reviewed.jsonl && genderlens rules eval reviewed.jsonl`)
	var cf configFlags
	cf.register(fs, false)
	var outletIDs stringList
	fs.Var(&outletIDs, "outlet", "only this outlet `id` (repeatable)")
	from := fs.String("from", "", "only articles published on or after this `date` (YYYY-MM-DD)")
	to := fs.String("to", "", "only articles published before the end of this `date` (YYYY-MM-DD)")
	format := fs.String("format", "jsonl", "`jsonl` (every field, text included), csv (one row per article, scores without the text) or gold (with --reviewed: the annotated sets' schema, for `rules eval`)")
	reviewed := fs.Bool("reviewed", false, "only the articles an officer reviewed (in scope), with their reviewed figures")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *format != "jsonl" && *format != "csv" && *format != "gold":
		return usageErrorf("--format: want jsonl, csv or gold, got %q", *format)
	case *format == "gold" && !*reviewed:
		return usageErrorf("--format gold needs --reviewed: only reviewed articles have annotations; the others would be the scorer's own output")
	}
	cfg, err := cf.load()
	if err != nil {
		return err
	}
	period, err := parsePeriod(*from, *to)
	if err != nil {
		return err
	}
	if err := requireDataDir(cfg.DataDir); err != nil {
		return err
	}
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	if err != nil {
		return err
	}
	defer idx.Close()
	var rv *review.Reviewer
	if *reviewed {
		sc, err := loadScorer(cfg.RulesDir)
		if err != nil {
			return err
		}
		log, err := cf.logger(env.stderr)
		if err != nil {
			return err
		}
		if rv, err = openReview(cfg, sc, idx, log); err != nil {
			return err
		}
	}
	want := map[string]bool{}
	if len(outletIDs) > 0 {
		known, err := exportableOutlets(cfg, idx)
		if err != nil {
			return err
		}
		for _, id := range outletIDs {
			if !slices.Contains(known, id) {
				return unknownOutlet(id, known)
			}
			want[id] = true
		}
	}
	w := bufio.NewWriter(env.stdout)
	defer w.Flush()
	write := jsonLinesWriter(w)
	if *format == "csv" {
		if write, err = csvWriter(w); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	names := map[string]string{}
	for _, o := range cfg.Outlets {
		names[o.ID] = o.Name
	}
	var golds []gold.Article
	err = idx.Each(ctx, func(d indexer.Document) error {
		if len(want) > 0 && !want[d.Outlet] {
			return nil
		}
		if !period.Contains(d.Published) {
			return nil
		}
		if rv != nil {
			if _, isReviewed, outOfScope := idx.RevisionOf(d.URL); !isReviewed || outOfScope {
				return nil
			}
			full, ok, err := idx.Get(d.URL) // Each leaves out the scorer's result
			if err != nil || !ok {
				return fmt.Errorf("export: read %s: %w", d.URL, err)
			}
			a, err := rv.Review(full)
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if *format == "gold" {
				name := names[d.Outlet]
				if name == "" {
					name = d.Outlet
				}
				if g, ok := a.Gold(name); ok {
					golds = append(golds, g)
				}
				return nil
			}
			fig := ingest.Figures(a.Outcome.Result)
			fig.Article, fig.Captions = d.Article, d.Captions
			d = fig
		}
		rec := exportRecord{
			Outlet: d.Outlet, URL: d.URL, Title: d.Title, Author: d.Author, Section: d.Section, Lead: d.Lead, Body: d.Body,
			Captions:     nonNil(d.Captions),
			RulesVersion: d.RulesVersion, Score: d.Score, People: d.People, Quoted: d.Quoted,
			PeopleByRole: nonNilCounts(d.PeopleByRole), QuotedByRole: nonNilCounts(d.QuotedByRole), Indicators: d.Indicators,
			Categories: nonNil(d.Categories), RuleIDs: nonNil(d.RuleIDs), Topics: nonNil(d.Topics), Findings: d.FindingCount,
		}
		if !d.Published.IsZero() {
			p := d.Published
			rec.Published = &p
		}
		return write(rec)
	})
	if err != nil || *format != "gold" {
		return err
	}
	return gold.Write(w, golds)
}

// exportableOutlets are the ids --outlet may name: the data directory's outlets (see dataOutlets), then any other
// outlet with stored articles (one dropped from the configuration keeps its articles), sorted.
func exportableOutlets(cfg *config.Config, idx *indexer.Index) ([]string, error) {
	outlets, _, err := dataOutlets(cfg)
	if err != nil {
		return nil, err
	}
	known := outletIDs(outlets)
	for _, id := range idx.Outlets() {
		if !slices.Contains(known, id) {
			known = append(known, id)
		}
	}
	slices.Sort(known)
	return known, nil
}

func jsonLinesWriter(w io.Writer) func(exportRecord) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(rec exportRecord) error { return enc.Encode(rec) }
}

// csvWriter writes a header, then one row per article: its identity, scores, counts by gender and by role, and
// ";"-joined lists. The text is left out so the file opens comfortably in a spreadsheet.
func csvWriter(w io.Writer) (func(exportRecord) error, error) {
	cw := csv.NewWriter(w)
	header := []string{"outlet", "url", "title", "author", "published", "section", "rules_version", "score",
		"people_female", "people_male", "people_unknown", "quoted_female", "quoted_male", "quoted_unknown"}
	for _, role := range model.Roles() {
		header = append(header, "quoted_"+role+"_female", "quoted_"+role+"_male", "quoted_"+role+"_unknown")
	}
	header = append(header, "categories", "rule_ids", "topics", "findings")
	if err := cw.Write(header); err != nil {
		return nil, err
	}
	return func(rec exportRecord) error {
		published := ""
		if rec.Published != nil {
			published = rec.Published.Format(time.RFC3339)
		}
		text := report.CSVText // crawled text may start like a formula
		row := []string{text(rec.Outlet), text(rec.URL), text(rec.Title), text(rec.Author), published, text(rec.Section),
			text(rec.RulesVersion), strconv.FormatFloat(rec.Score, 'f', -1, 64)}
		row = append(row, counts(rec.People)...)
		row = append(row, counts(rec.Quoted)...)
		for _, role := range model.Roles() {
			row = append(row, counts(rec.QuotedByRole[role])...)
		}
		row = append(row, text(strings.Join(rec.Categories, ";")), text(strings.Join(rec.RuleIDs, ";")),
			text(strings.Join(rec.Topics, ";")), strconv.Itoa(rec.Findings))
		if err := cw.Write(row); err != nil {
			return err
		}
		// Flushing each row keeps the export streaming; bufio below batches the writes.
		cw.Flush()
		return cw.Error()
	}, nil
}

func counts(g model.GenderCounts) []string {
	return []string{strconv.Itoa(g.Female), strconv.Itoa(g.Male), strconv.Itoa(g.Unknown)}
}

func nonNilCounts(m map[string]model.GenderCounts) map[string]model.GenderCounts {
	if m == nil {
		return map[string]model.GenderCounts{}
	}
	return m
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// parsePeriod reads --from/--to dates in Asia/Ho_Chi_Minh; --to includes its whole day.
func parsePeriod(from, to string) (model.Period, error) {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		loc = model.Vietnam()
	}
	var p model.Period
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
