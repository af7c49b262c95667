package model

// Genders of people, as the scorer's JSON output writes them.
const (
	Female  = "female"
	Male    = "male"
	Unknown = "unknown"
)

// Genders lists the genders in display order.
func Genders() []string { return []string{Female, Male, Unknown} }

var genderLabels = map[string]Label{
	Female:  {"Nữ", "Female"},
	Male:    {"Nam", "Male"},
	Unknown: {"Chưa rõ", "Unknown"},
}

// GenderLabel names a gender in lang; an unknown value is returned as is.
func GenderLabel(gender, lang string) string {
	if l, ok := genderLabels[gender]; ok {
		return l.In(lang)
	}
	return gender
}

// GenderCounts counts people by gender.
type GenderCounts struct {
	Female  int `json:"female"`
	Male    int `json:"male"`
	Unknown int `json:"unknown"`
}

// Count adds one person of the gender; any value other than Female and Male counts as unknown.
func (g *GenderCounts) Count(gender string) {
	switch gender {
	case Female:
		g.Female++
	case Male:
		g.Male++
	default:
		g.Unknown++
	}
}

// Add returns the sum of two counts.
func (g GenderCounts) Add(o GenderCounts) GenderCounts {
	return GenderCounts{Female: g.Female + o.Female, Male: g.Male + o.Male, Unknown: g.Unknown + o.Unknown}
}

// Total is everyone counted, whatever the gender.
func (g GenderCounts) Total() int { return g.Female + g.Male + g.Unknown }

// WomenShare is the women's share among people of known gender; ok is false when there are none.
func (g GenderCounts) WomenShare() (share float64, ok bool) {
	known := g.Female + g.Male
	if known == 0 {
		return 0, false
	}
	return float64(g.Female) / float64(known), true
}

// UnknownShare is the share of people whose gender is unknown; ok is false when nobody is counted.
func (g GenderCounts) UnknownShare() (share float64, ok bool) {
	total := g.Total()
	if total == 0 {
		return 0, false
	}
	return float64(g.Unknown) / float64(total), true
}

// GenderFigures are counts by gender with the women's share (of known gender) and, beside it, the unknown share, each
// with its base and its 95% Wilson interval, and whether the base reaches the minimum sample (see WithMinSample).
type GenderFigures struct {
	GenderCounts
	// WomenShare is female / (female + male).
	WomenShare *float64 `json:"women_share"`
	// UnknownShare is unknown / (female + male + unknown).
	UnknownShare *float64 `json:"unknown_share"`
	// WomenShareBase is female + male, the people WomenShare is computed from; UnknownShareBase is everyone counted.
	WomenShareBase   int `json:"women_share_base"`
	UnknownShareBase int `json:"unknown_share_base"`
	// The intervals are nil when their share is.
	WomenShareInterval   *Interval `json:"women_share_interval"`
	UnknownShareInterval *Interval `json:"unknown_share_interval"`
	// WomenShareEnoughData and UnknownShareEnoughData are true when the share's base reaches the minimum sample;
	// below it pages and reports show "not enough data" instead of the percentage.
	WomenShareEnoughData   bool `json:"women_share_enough_data"`
	UnknownShareEnoughData bool `json:"unknown_share_enough_data"`
}

// Figures computes the shares of c with their bases and intervals; a share is nil when its base is empty, so "no
// data" is never shown as 0%. The enough-data flags are left false until WithMinSample sets them.
func (g GenderCounts) Figures() GenderFigures {
	f := GenderFigures{GenderCounts: g, WomenShareBase: g.Female + g.Male, UnknownShareBase: g.Total()}
	if s, ok := g.WomenShare(); ok {
		f.WomenShare = &s
		f.WomenShareInterval = WilsonOf(g.Female, f.WomenShareBase)
	}
	if s, ok := g.UnknownShare(); ok {
		f.UnknownShare = &s
		f.UnknownShareInterval = WilsonOf(g.Unknown, f.UnknownShareBase)
	}
	return f
}

// WithMinSample sets the enough-data flags for the minimum sample minSample.
func (f GenderFigures) WithMinSample(minSample int) GenderFigures {
	f.WomenShareEnoughData = EnoughData(f.WomenShareBase, minSample)
	f.UnknownShareEnoughData = EnoughData(f.UnknownShareBase, minSample)
	return f
}
