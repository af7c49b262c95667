// Package report builds the annual and Action Month reports from the index and the adoption policy.
//
// Build computes a Report once: every figure comes from the index's aggregates (the same ones the JSON API serves,
// with the officers' reviewed values where they exist) and the adoption assessment (the same as /api/district);
// AddReview adds the review samples and the scorer's precision the methodology states. Report.Tables lays it out as Vietnamese tables, and the
// three writers (WriteXLSX, WriteCSV, WriteHTML) only render those tables, with the period and Report.StatusNotes
// (when the figures were read, whether the period is still running), so the formats cannot disagree.
package report

import (
	"context"
	"fmt"
	"sort"
	"time"

	"genderlens/adoption"
	"genderlens/model"
	"genderlens/rules"
)

// Store is what a report reads from the index.
type Store interface {
	Aggregate(f model.Filter) model.Aggregate
	AggregateByOutlet(f model.Filter) map[string]*model.Aggregate
	Search(ctx context.Context, sr model.SearchRequest) (model.SearchResult, error)
}

// Outlet is an outlet as the configuration names it.
type Outlet struct {
	ID, Name, Kind string
}

// Report is everything an annual or Action Month report shows.
type Report struct {
	Year        int
	ActionMonth bool
	Period      model.Period
	// Policy is the adoption policy the statuses and thresholds come from.
	Policy *adoption.Policy
	// Outlets are the configured outlets, then any outlet with articles in the period that the configuration lacks
	// (shown with its figures but without a status: like the API, the district is the configured outlets).
	Outlets []OutletFigures
	// Configured is how many of Outlets are configured (the first ones).
	Configured int
	// District is the figures over every article of the period.
	District model.Aggregate
	// Adoption is the district's assessment for the year (annual report only).
	Adoption *adoption.District
	// Months are the monthly figures per outlet, months with articles only (annual report only).
	Months []MonthFigures
	// TopFindings are the articles of the period with the most finding categories (Action Month report only).
	TopFindings []Finding
	// RulesVersions counts the period's articles per rules version.
	RulesVersions map[string]int
	// AsOf is when the figures were read, which every format states, and which decides whether the period is still
	// running (Partial). Build sets the current time; a caller with its own clock sets it before writing, so that the
	// output is reproducible.
	AsOf time.Time

	// MinSample is the smallest base a share is shown for (config figures.min_sample); 0 means
	// model.DefaultMinSample. The tables judge every share against it, whatever the store already set.
	MinSample int

	// Scoring is the content score's numbers the methodology explains (scorer.Method). Build sets the embedded rule
	// set's; a caller scoring with another rule set replaces them.
	Scoring rules.Scoring

	// Unit is the monitoring unit the report is for; its name, when it has one, ends the title.
	Unit model.Unit

	// Review is the review samples and what they say of the scorer (AddReview); nil leaves the estimates out.
	Review *Review
}

// minSample is the minimum sample the tables apply.
func (r *Report) minSample() int {
	if r.MinSample > 0 {
		return r.MinSample
	}
	return model.DefaultMinSample
}

// judged is a with its shares' enough-data flags set for the report's minimum sample.
func (r *Report) judged(a model.Aggregate) model.Aggregate { return a.WithMinSample(r.minSample()) }

// OutletFigures is one outlet's figures over the report's period, with its adoption status in the annual report.
type OutletFigures struct {
	Outlet
	Figures model.Aggregate
	Status  *adoption.Status
}

// MonthFigures is one outlet's figures over one month.
type MonthFigures struct {
	Outlet  Outlet
	Month   time.Month
	Figures model.Aggregate
}

// Finding is an article with problem findings.
type Finding struct {
	Outlet     Outlet
	Title, URL string
	Published  time.Time
	Score      float64
	Categories []string
}

// TopFindingsLimit is how many articles the Action Month report lists.
const TopFindingsLimit = 10

// Build computes the report of year: the calendar year, or with actionMonth the Action Month (15/11-15/12) of it.
// evidence is the outlets' current process evidence for the year (adoption.EvidenceStore.Year).
func Build(ctx context.Context, store Store, policy *adoption.Policy, evidence map[string]adoption.Evidence, outlets []Outlet, year int, actionMonth bool) (*Report, error) {
	if year < 2000 || year > 2100 {
		return nil, fmt.Errorf("year %d: want 2000-2100", year)
	}
	if policy == nil {
		return nil, fmt.Errorf("no adoption policy")
	}
	scoring, err := rules.EmbeddedScoring()
	if err != nil {
		return nil, err
	}
	r := &Report{Year: year, ActionMonth: actionMonth, Period: model.Year(year), Policy: policy, Configured: len(outlets),
		AsOf: time.Now(), Scoring: scoring}
	if actionMonth {
		r.Period = model.ActionMonth(year)
	}
	f := model.Filter{Period: r.Period}
	byOutlet := store.AggregateByOutlet(f)
	r.District = store.Aggregate(f)
	r.RulesVersions = r.District.RulesVersions

	all := append([]Outlet(nil), outlets...)
	known := map[string]bool{}
	for _, o := range outlets {
		known[o.ID] = true
	}
	var extra []string
	for id := range byOutlet {
		if !known[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		all = append(all, Outlet{ID: id, Name: id})
	}

	var statuses map[string]*adoption.Status
	if !actionMonth {
		ids := make([]string, len(outlets))
		for i, o := range outlets {
			ids[i] = o.ID
		}
		d := policy.AssessDistrict(year, ids, evidence, byOutlet)
		r.Adoption = &d
		statuses = map[string]*adoption.Status{}
		for i := range d.Statuses {
			statuses[d.Statuses[i].Outlet] = &d.Statuses[i]
		}
	}
	for _, o := range all {
		of := OutletFigures{Outlet: o, Status: statuses[o.ID]}
		if a := byOutlet[o.ID]; a != nil {
			of.Figures = *a
		} else {
			of.Figures = store.Aggregate(model.Filter{Outlet: o.ID, Period: r.Period})
		}
		r.Outlets = append(r.Outlets, of)
	}

	if !actionMonth {
		for m := time.January; m <= time.December; m++ {
			p := model.Period{From: r.Period.From.AddDate(0, int(m)-1, 0), To: r.Period.From.AddDate(0, int(m), 0)}
			month := store.AggregateByOutlet(model.Filter{Period: p})
			for _, o := range all {
				if a := month[o.ID]; a != nil && a.Articles > 0 {
					r.Months = append(r.Months, MonthFigures{Outlet: o, Month: m, Figures: *a})
				}
			}
		}
		sort.SliceStable(r.Months, func(i, j int) bool { return r.Months[i].Outlet.ID < r.Months[j].Outlet.ID })
	} else {
		top, err := topFindings(ctx, store, r.Period, all)
		if err != nil {
			return nil, err
		}
		r.TopFindings = top
	}
	return r, nil
}

// topFindings lists the period's articles with problem findings, most problem categories first, then lowest score.
func topFindings(ctx context.Context, store Store, p model.Period, outlets []Outlet) ([]Finding, error) {
	names := map[string]Outlet{}
	for _, o := range outlets {
		names[o.ID] = o
	}
	var found []Finding
	for from := 0; ; from += model.MaxSearchSize {
		res, err := store.Search(ctx, model.SearchRequest{Period: p, Size: model.MaxSearchSize, From: from})
		if err != nil {
			return nil, fmt.Errorf("top findings: %w", err)
		}
		for _, h := range res.Articles {
			cats := problemCategories(h.Categories)
			if len(cats) == 0 {
				continue
			}
			f := Finding{Outlet: names[h.Outlet], Title: h.Title, URL: h.URL, Score: h.Score, Categories: cats}
			if f.Outlet.ID == "" {
				f.Outlet = Outlet{ID: h.Outlet, Name: h.Outlet}
			}
			if h.Published != nil {
				f.Published = *h.Published
			}
			found = append(found, f)
		}
		if len(res.Articles) == 0 || uint64(from+len(res.Articles)) >= res.Total {
			break
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if len(a.Categories) != len(b.Categories) {
			return len(a.Categories) > len(b.Categories)
		}
		if a.Score != b.Score {
			return a.Score < b.Score
		}
		return a.URL < b.URL
	})
	if len(found) > TopFindingsLimit {
		found = found[:TopFindingsLimit]
	}
	return found, nil
}

// problemCategories keeps the categories that are problems (not positive signals or topic flags), in display order.
func problemCategories(cats []string) []string {
	var out []string
	for _, id := range Categories(cats) {
		if c, known := model.LookupCategory(id); !known || c.Problem() {
			out = append(out, id)
		}
	}
	return out
}

// Categories orders category ids: the known ones in display order, then the others sorted; "topic" is dropped.
func Categories(ids []string) []string {
	have := map[string]bool{}
	for _, id := range ids {
		have[id] = true
	}
	delete(have, model.CategoryTopic)
	var out []string
	for _, id := range model.CategoryIDs() {
		if have[id] {
			out = append(out, id)
			delete(have, id)
		}
	}
	var rest []string
	for id := range have {
		rest = append(rest, id)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// ReportCategories are the categories the report's finding tables show: every known problem category, and any other
// found in the period.
func (r *Report) ReportCategories() []string {
	ids := model.CategoryIDs()
	for id := range r.District.Categories {
		ids = append(ids, id)
	}
	return Categories(ids)
}
