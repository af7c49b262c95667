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
}

// Rate is a number of articles and its share of the base it is reported against.
type Rate struct {
	Articles int      `json:"articles"`
	Rate     *float64 `json:"rate"`
}

// RateOf is n articles out of base; the rate is nil when base is 0.
func RateOf(n, base int) Rate {
	r := Rate{Articles: n}
	if base > 0 {
		v := float64(n) / float64(base)
		r.Rate = &v
	}
	return r
}

// ViolenceFigures describe the stories on gender-based violence: how many, and the rate with each harmful practice.
type ViolenceFigures struct {
	Articles             int  `json:"articles"`
	VictimBlaming        Rate `json:"victim_blaming"`
	Sensational          Rate `json:"sensational"`
	VictimIdentification Rate `json:"victim_identification"`
}
