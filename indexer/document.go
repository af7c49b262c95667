package indexer

import (
	"encoding/json"
	"time"
)

// Document is one stored article with its scores. The URL (canonical) is its identity.
type Document struct {
	URL         string    `json:"url"`
	Outlet      string    `json:"outlet"`
	Title       string    `json:"title"`
	Lead        string    `json:"lead,omitempty"`
	Body        string    `json:"body"`
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
	// Categories lists each finding category present at least once; RuleIDs likewise for rules.
	Categories   []string `json:"categories,omitempty"`
	RuleIDs      []string `json:"rule_ids,omitempty"`
	Topics       []string `json:"topics,omitempty"`
	FindingCount int      `json:"finding_count"`
	// Result is the scorer's full JSON result, kept for article pages and audits.
	Result json.RawMessage `json:"result,omitempty"`
}

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

// WomenShare is the women's share among people of known gender; ok is false when there are none.
func (g GenderCounts) WomenShare() (share float64, ok bool) {
	known := g.Female + g.Male
	if known == 0 {
		return 0, false
	}
	return float64(g.Female) / float64(known), true
}
