package model

// Filter selects the articles an aggregate covers.
type Filter struct {
	// Outlet limits to one outlet; empty means every outlet.
	Outlet string
	Period Period
	// RulesVersion, when set, counts only articles scored with that rules version.
	RulesVersion string
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
	// MinSample is the minimum sample the enough-data flags were set for (0 until WithMinSample).
	MinSample int `json:"min_sample"`
	// Reviewed is how many of the period's articles an officer reviewed (out-of-scope ones included); the figures
	// above use the reviewed values wherever an article has them. OutOfScope is how many articles review left out
	// (Articles does not count them).
	Reviewed   int `json:"reviewed"`
	OutOfScope int `json:"out_of_scope"`
	// Machine is the scorer's own figures over the same articles, before review; nil when no article of the set has
	// a correction, so the figures are the machine's.
	Machine *Aggregate `json:"machine,omitempty"`
}

// Total is every article of the set, in scope or not: the base of "Reviewed of Total reviewed".
func (a Aggregate) Total() int { return a.Articles + a.OutOfScope }

// Rate is a number of articles and its share of the base it is reported against, with the base, the rate's 95%
// Wilson interval and whether the base reaches the minimum sample (see WithMinSample).
type Rate struct {
	Articles int      `json:"articles"`
	Rate     *float64 `json:"rate"`
	// Base is the number of articles the rate is computed from.
	Base int `json:"base"`
	// Interval is nil when Rate is.
	Interval *Interval `json:"interval"`
	// EnoughData is true when Base reaches the minimum sample; below it pages and reports show "not enough data".
	EnoughData bool `json:"enough_data"`
}

// RateOf is n articles out of base; the rate is nil when base is 0. EnoughData is left false until WithMinSample.
func RateOf(n, base int) Rate {
	r := Rate{Articles: n, Base: base}
	if base > 0 {
		v := float64(n) / float64(base)
		r.Rate = &v
		r.Interval = WilsonOf(n, base)
	}
	return r
}

// WithMinSample sets EnoughData for the minimum sample minSample.
func (r Rate) WithMinSample(minSample int) Rate {
	r.EnoughData = EnoughData(r.Base, minSample)
	return r
}

// WithMinSample returns a copy of a with every share's enough-data flag set for the minimum sample minSample. The store
// computes figures without knowing the configuration; whoever shows them applies its minimum here.
func (a Aggregate) WithMinSample(minSample int) Aggregate {
	a.MinSample = minSample
	a.People, a.Quoted = a.People.WithMinSample(minSample), a.Quoted.WithMinSample(minSample)
	a.PeopleByRole, a.QuotedByRole = figuresWithMin(a.PeopleByRole, minSample), figuresWithMin(a.QuotedByRole, minSample)
	a.Categories, a.Topics = ratesWithMin(a.Categories, minSample), ratesWithMin(a.Topics, minSample)
	if a.Machine != nil {
		m := a.Machine.WithMinSample(minSample)
		a.Machine = &m
	}
	v := &a.Violence
	v.VictimBlaming = v.VictimBlaming.WithMinSample(minSample)
	v.Sensational = v.Sensational.WithMinSample(minSample)
	v.VictimIdentification = v.VictimIdentification.WithMinSample(minSample)
	return a
}

func figuresWithMin(m map[string]GenderFigures, minSample int) map[string]GenderFigures {
	if m == nil {
		return nil
	}
	out := make(map[string]GenderFigures, len(m))
	for k, f := range m {
		out[k] = f.WithMinSample(minSample)
	}
	return out
}

func ratesWithMin(m map[string]Rate, minSample int) map[string]Rate {
	if m == nil {
		return nil
	}
	out := make(map[string]Rate, len(m))
	for k, r := range m {
		out[k] = r.WithMinSample(minSample)
	}
	return out
}

// CategoryRate is the rate of a's articles with a finding of category c: the store lists only categories found, so
// an absent one is 0 of Articles, judged against a's minimum sample.
func (a Aggregate) CategoryRate(c string) Rate {
	if r, ok := a.Categories[c]; ok {
		return r
	}
	return RateOf(0, a.Articles).WithMinSample(a.MinSample)
}

// ViolenceFigures describe the stories on gender-based violence: how many, and the rate with each harmful practice.
type ViolenceFigures struct {
	Articles             int  `json:"articles"`
	VictimBlaming        Rate `json:"victim_blaming"`
	Sensational          Rate `json:"sensational"`
	VictimIdentification Rate `json:"victim_identification"`
}
