package indexer

import (
	"math"
	"sort"
	"strings"
	"time"
)

// row is the part of a document every aggregate needs; the whole table stays small enough to scan on each request.
type row struct {
	outlet    string
	published time.Time
	// scoreMicro is the content score in millionths, so sums are exact whatever order rows are added in.
	scoreMicro   int64
	people       GenderCounts
	quoted       GenderCounts
	peopleByRole [numRoles]GenderCounts
	quotedByRole [numRoles]GenderCounts
	categories   []string
	topics       []string
	rulesVersion string
	partition    string // the partition holding the article
	storedAt     int64  // Unix ns of the write, only used while loading
}

// interner keeps one copy of each outlet, rules version, partition name and category or topic set that rows hold.
// Each stored article's values arrive as fresh strings; shared, the rows of a large archive hold a few hundred of
// them instead of several small objects each (at 100,000 articles: 14 MiB less heap for the collector to mark).
type interner struct {
	strs map[string]string
	sets map[string][]string
}

func newInterner() *interner {
	return &interner{strs: map[string]string{}, sets: map[string][]string{}}
}

func (in *interner) str(s string) string {
	if c, ok := in.strs[s]; ok {
		return c
	}
	in.strs[s] = s
	return s
}

// set returns the shared copy of a sorted set of names; callers must not modify it.
func (in *interner) set(names []string) []string {
	if len(names) == 0 {
		return nil
	}
	key := strings.Join(names, "\x00")
	if c, ok := in.sets[key]; ok {
		return c
	}
	c := make([]string, len(names))
	for i, n := range names {
		c[i] = in.str(n)
	}
	in.sets[key] = c
	return c
}

// row replaces r's strings with their shared copies.
func (in *interner) row(r *row) {
	r.outlet, r.rulesVersion, r.partition = in.str(r.outlet), in.str(r.rulesVersion), in.str(r.partition)
	r.categories, r.topics = in.set(r.categories), in.set(r.topics)
}

func rowOf(d Document) *row {
	r := &row{partition: partitionOf(d.Published),
		outlet: d.Outlet, published: d.Published, scoreMicro: scoreToMicro(d.Score), people: d.People, quoted: d.Quoted,
		categories: d.Categories, topics: d.Topics, rulesVersion: d.RulesVersion,
	}
	for role, c := range d.PeopleByRole {
		i := roleIndex(role)
		r.peopleByRole[i] = r.peopleByRole[i].Add(c)
	}
	for role, c := range d.QuotedByRole {
		i := roleIndex(role)
		r.quotedByRole[i] = r.quotedByRole[i].Add(c)
	}
	return r
}

// scoreToMicro rounds a score to millionths: far below any displayed precision, and integer sums are exact.
func scoreToMicro(score float64) int64 { return int64(math.Round(score * 1e6)) }

func (r *row) has(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// Filter selects the articles an aggregate covers.
type Filter struct {
	// Outlet limits to one outlet; empty means every outlet.
	Outlet string
	Period Period
	// RulesVersion, when set, counts only articles scored with that rules version.
	RulesVersion string
}

func (f Filter) matches(r *row) bool {
	return (f.Outlet == "" || r.outlet == f.Outlet) && f.Period.Contains(r.published) &&
		(f.RulesVersion == "" || r.rulesVersion == f.RulesVersion)
}

// Aggregate is the figures of the indicator set over a set of articles. Every count is exact; shares and rates are
// nil when their base is empty, so "no data" is never shown as 0%.
type Aggregate struct {
	Outlet   string `json:"outlet,omitempty"`
	Articles int    `json:"articles"`
	// Score is the mean content score (0-100).
	Score  *float64      `json:"score"`
	People GenderFigures `json:"people"`
	Quoted GenderFigures `json:"quoted"`
	// PeopleByRole and QuotedByRole have one entry per role of Roles().
	PeopleByRole map[string]GenderFigures `json:"people_by_role"`
	QuotedByRole map[string]GenderFigures `json:"quoted_by_role"`
	// Categories gives, per finding category, the articles with at least one finding of it, over Articles.
	Categories map[string]Rate `json:"categories"`
	// Topics gives the stories on gender-based violence, on gender equality and focused on women, over Articles.
	Topics   map[string]Rate `json:"topics"`
	Violence ViolenceFigures `json:"violence"`
	// RulesVersions counts the articles per rules version they were scored with.
	RulesVersions map[string]int `json:"rules_versions"`
	// MixedRulesVersions is true when the figures combine articles scored with different rules versions.
	MixedRulesVersions bool `json:"mixed_rules_versions"`

	scoreMicro   int64
	people       GenderCounts
	quoted       GenderCounts
	peopleByRole [numRoles]GenderCounts
	quotedByRole [numRoles]GenderCounts
	categories   map[string]int
	topics       map[string]int
	gbv          int
	gbvWith      map[string]int
}

// GenderFigures are counts by gender with the women's share (of known gender) and, beside it, the unknown share.
type GenderFigures struct {
	GenderCounts
	// WomenShare is female / (female + male).
	WomenShare *float64 `json:"women_share"`
	// UnknownShare is unknown / (female + male + unknown).
	UnknownShare *float64 `json:"unknown_share"`
}

// Rate is a number of articles and its share of the base it is reported against.
type Rate struct {
	Articles int      `json:"articles"`
	Rate     *float64 `json:"rate"`
}

// ViolenceFigures describe the stories on gender-based violence: how many, and the rate with each harmful practice.
type ViolenceFigures struct {
	Articles             int  `json:"articles"`
	VictimBlaming        Rate `json:"victim_blaming"`
	Sensational          Rate `json:"sensational"`
	VictimIdentification Rate `json:"victim_identification"`
}

func newAggregate(outlet string) *Aggregate {
	return &Aggregate{Outlet: outlet, categories: map[string]int{}, topics: map[string]int{}, gbvWith: map[string]int{},
		RulesVersions: map[string]int{}}
}

func (a *Aggregate) add(r *row) {
	a.Articles++
	a.scoreMicro += r.scoreMicro
	a.people = a.people.Add(r.people)
	a.quoted = a.quoted.Add(r.quoted)
	for i := range numRoles {
		a.peopleByRole[i] = a.peopleByRole[i].Add(r.peopleByRole[i])
		a.quotedByRole[i] = a.quotedByRole[i].Add(r.quotedByRole[i])
	}
	for _, c := range r.categories {
		a.categories[c]++
	}
	for _, t := range r.topics {
		a.topics[t]++
	}
	if r.has(r.topics, TopicGBV) {
		a.gbv++
		for _, c := range []string{CategoryVictimBlaming, CategorySensationalGBV, CategoryVictimIdentification} {
			if r.has(r.categories, c) {
				a.gbvWith[c]++
			}
		}
	}
	a.RulesVersions[r.rulesVersion]++
}

func (a *Aggregate) finish() {
	if a.Articles > 0 {
		score := float64(a.scoreMicro) / 1e6 / float64(a.Articles)
		a.Score = &score
	}
	a.People = genderFigures(a.people)
	a.Quoted = genderFigures(a.quoted)
	a.PeopleByRole, a.QuotedByRole = map[string]GenderFigures{}, map[string]GenderFigures{}
	for i, role := range Roles() {
		a.PeopleByRole[role] = genderFigures(a.peopleByRole[i])
		a.QuotedByRole[role] = genderFigures(a.quotedByRole[i])
	}
	a.Categories = map[string]Rate{}
	for c, n := range a.categories {
		a.Categories[c] = rate(n, a.Articles)
	}
	a.Topics = map[string]Rate{}
	for _, t := range []string{TopicGBV, TopicGenderEquality, TopicWomenFocus} {
		a.Topics[t] = rate(a.topics[t], a.Articles)
	}
	a.Violence = ViolenceFigures{
		Articles:             a.gbv,
		VictimBlaming:        rate(a.gbvWith[CategoryVictimBlaming], a.gbv),
		Sensational:          rate(a.gbvWith[CategorySensationalGBV], a.gbv),
		VictimIdentification: rate(a.gbvWith[CategoryVictimIdentification], a.gbv),
	}
	a.MixedRulesVersions = len(a.RulesVersions) > 1
}

func genderFigures(c GenderCounts) GenderFigures {
	g := GenderFigures{GenderCounts: c}
	if s, ok := c.WomenShare(); ok {
		g.WomenShare = &s
	}
	if s, ok := c.UnknownShare(); ok {
		g.UnknownShare = &s
	}
	return g
}

func rate(n, base int) Rate {
	r := Rate{Articles: n}
	if base > 0 {
		v := float64(n) / float64(base)
		r.Rate = &v
	}
	return r
}

// Aggregate computes the figures over the articles f selects, from the in-memory table: exact and without touching
// the index.
func (ix *Index) Aggregate(f Filter) Aggregate {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a := newAggregate(f.Outlet)
	rows := ix.rows
	if f.Outlet != "" {
		rows = ix.byOutlet[f.Outlet]
	}
	for _, r := range rows {
		if f.matches(r) {
			a.add(r)
		}
	}
	a.finish()
	return *a
}

// AggregateByOutlet computes the figures of every outlet with articles f selects (f.Outlet is ignored) in one pass.
func (ix *Index) AggregateByOutlet(f Filter) map[string]*Aggregate {
	f.Outlet = ""
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := map[string]*Aggregate{}
	for _, r := range ix.rows {
		if !f.matches(r) {
			continue
		}
		a := out[r.outlet]
		if a == nil {
			a = newAggregate(r.outlet)
			out[r.outlet] = a
		}
		a.add(r)
	}
	for _, a := range out {
		a.finish()
	}
	return out
}

// Outlets lists the outlets with stored articles, sorted.
func (ix *Index) Outlets() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]string, 0, len(ix.byOutlet))
	for o := range ix.byOutlet {
		out = append(out, o)
	}
	sort.Strings(out)
	return out
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

// Summaries aggregates every outlet's stored articles published in the period, keyed by outlet id.
func (ix *Index) Summaries(p Period) map[string]*OutletSummary {
	out := map[string]*OutletSummary{}
	for id, a := range ix.AggregateByOutlet(Filter{Period: p}) {
		s := &OutletSummary{Outlet: id, Articles: a.Articles, People: a.people, Quoted: a.quoted,
			CategoryArticles: a.categories, TopicArticles: a.topics}
		if a.Score != nil {
			s.Score = *a.Score
		}
		for v := range a.RulesVersions {
			s.RulesVersions = append(s.RulesVersions, v)
		}
		sort.Strings(s.RulesVersions)
		out[id] = s
	}
	return out
}
