package indexer

import (
	"sort"
	"time"
)

// row is the part of a document every aggregate needs; the whole table stays small enough to scan on each request.
type row struct {
	outlet       string
	published    time.Time
	score        float64
	people       GenderCounts
	quoted       GenderCounts
	categories   []string
	topics       []string
	rulesVersion string
}

func rowOf(d Document) row {
	return row{
		outlet: d.Outlet, published: d.Published, score: d.Score, people: d.People, quoted: d.Quoted,
		categories: d.Categories, topics: d.Topics, rulesVersion: d.RulesVersion,
	}
}

// OutletSummary aggregates the stored articles of one outlet over a period.
type OutletSummary struct {
	Outlet   string `json:"outlet"`
	Articles int    `json:"articles"`
	// Score is the mean content score of the articles (0-100); meaningless when Articles is 0.
	Score  float64      `json:"score"`
	People GenderCounts `json:"people"`
	Quoted GenderCounts `json:"quoted"`
	// CategoryArticles counts articles with at least one finding of each category.
	CategoryArticles map[string]int `json:"category_articles"`
	// TopicArticles counts articles flagged with each topic.
	TopicArticles map[string]int `json:"topic_articles"`
	RulesVersions []string       `json:"rules_versions"`
}

// Period bounds an aggregate: From inclusive, To exclusive; zero bounds are open. Articles without a publication
// date count only in unbounded periods.
type Period struct {
	From, To time.Time
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool {
	if p.From.IsZero() && p.To.IsZero() {
		return true
	}
	if t.IsZero() {
		return false
	}
	return (p.From.IsZero() || !t.Before(p.From)) && (p.To.IsZero() || t.Before(p.To))
}

// Summaries aggregates every outlet's stored articles published in the period, keyed by outlet id.
func (ix *Index) Summaries(p Period) map[string]*OutletSummary {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := map[string]*OutletSummary{}
	versions := map[string]map[string]bool{}
	for _, r := range ix.rows {
		if !p.Contains(r.published) {
			continue
		}
		s := out[r.outlet]
		if s == nil {
			s = &OutletSummary{Outlet: r.outlet, CategoryArticles: map[string]int{}, TopicArticles: map[string]int{}}
			out[r.outlet] = s
			versions[r.outlet] = map[string]bool{}
		}
		s.Articles++
		s.Score += r.score
		s.People = s.People.Add(r.people)
		s.Quoted = s.Quoted.Add(r.quoted)
		for _, c := range r.categories {
			s.CategoryArticles[c]++
		}
		for _, t := range r.topics {
			s.TopicArticles[t]++
		}
		versions[r.outlet][r.rulesVersion] = true
	}
	for id, s := range out {
		if s.Articles > 0 {
			s.Score /= float64(s.Articles)
		}
		for v := range versions[id] {
			s.RulesVersions = append(s.RulesVersions, v)
		}
		sort.Strings(s.RulesVersions)
	}
	return out
}
