package indexer

import (
	"encoding/json"
	"slices"
	"strings"
	"time"
)

// Document is one stored article with its scores. The URL (canonical) is its identity.
type Document struct {
	URL    string `json:"url"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
	Lead   string `json:"lead,omitempty"`
	Body   string `json:"body"`
	// Captions are the body's image captions, in page order: they are part of the scored text (see ScoredText).
	Captions    []string  `json:"captions,omitempty"`
	Author      string    `json:"author,omitempty"`
	Section     string    `json:"section,omitempty"`
	Published   time.Time `json:"published"`
	Crawled     time.Time `json:"crawled"`
	ContentHash string    `json:"content_hash,omitempty"`

	RulesVersion string             `json:"rules_version"`
	Score        float64            `json:"score"`
	Indicators   map[string]float64 `json:"indicators,omitempty"`
	People       GenderCounts       `json:"people"`
	Quoted       GenderCounts       `json:"quoted"`
	// PeopleByRole and QuotedByRole split People and Quoted by the scorer's role (expert, official, ordinary,
	// celebrity, other); roles outside that list are counted as other.
	PeopleByRole map[string]GenderCounts `json:"people_by_role,omitempty"`
	QuotedByRole map[string]GenderCounts `json:"quoted_by_role,omitempty"`
	// Categories lists each finding category present at least once; RuleIDs likewise for rules.
	Categories   []string `json:"categories,omitempty"`
	RuleIDs      []string `json:"rule_ids,omitempty"`
	Topics       []string `json:"topics,omitempty"`
	FindingCount int      `json:"finding_count"`
	// Result is the scorer's full JSON result, kept for article pages and audits. Only Get fills it: it is stored
	// apart from the searchable fields (see resultStore).
	Result json.RawMessage `json:"result,omitempty"`

	storedAt int64 // when the writer stored it (Unix ns): which copy is newer if a crash left two
}

// People roles aggregates are split by; the scorer's other roles count as RoleOther.
const (
	RoleExpert    = "expert"
	RoleOfficial  = "official"
	RoleOrdinary  = "ordinary"
	RoleCelebrity = "celebrity"
	RoleOther     = "other"
	numRoles      = 5
)

// Roles returns the roles in display order (a fresh slice: callers may keep it).
func Roles() []string {
	return []string{RoleExpert, RoleOfficial, RoleOrdinary, RoleCelebrity, RoleOther}
}

// roleIndex is a role's position in Roles(); unknown names count as RoleOther.
func roleIndex(role string) int {
	switch role {
	case RoleExpert:
		return 0
	case RoleOfficial:
		return 1
	case RoleOrdinary:
		return 2
	case RoleCelebrity:
		return 3
	}
	return 4
}

// Topic flags stored in Document.Topics.
const (
	TopicGBV            = "gbv"
	TopicGenderEquality = "gender_equality"
	TopicWomenFocus     = "women_focus"
)

// GenderedLanguageCategories are the finding categories of gendered language, in display order.
var GenderedLanguageCategories = []string{"appearance", "sexualization", "gender_marking", "stereotype", "derogatory",
	"sensational_gbv", "victim_blaming", "victim_identification"}

// Finding categories the violence figures look at.
const (
	CategoryVictimBlaming        = "victim_blaming"
	CategorySensationalGBV       = "sensational_gbv"
	CategoryVictimIdentification = "victim_identification"
)

// GenderCounts counts people by gender.
type GenderCounts struct {
	Female  int `json:"female"`
	Male    int `json:"male"`
	Unknown int `json:"unknown"`
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

// ScoredText is the text the scorer reads for an article, and so the text a stored result's offsets refer to: title,
// lead, body and the image captions as blocks separated by a blank line, empty parts left out. Captions come last,
// one a line, so that adding them leaves the offsets into the rest unchanged; a caption that repeats an earlier
// one is read once.
func ScoredText(title, lead, body string, captions []string) string {
	parts := make([]string, 0, 4)
	for _, s := range []string{title, lead, body} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	var caps []string
	for _, c := range captions {
		// A caption is one line: its own line breaks would end sentences inside it.
		c = strings.Join(strings.Fields(c), " ")
		if c != "" && !slices.Contains(caps, c) {
			caps = append(caps, c)
		}
	}
	if len(caps) > 0 {
		parts = append(parts, strings.Join(caps, "\n"))
	}
	return strings.Join(parts, "\n\n")
}
