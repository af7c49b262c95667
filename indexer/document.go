package indexer

import (
	"encoding/json"
	"time"

	"genderlens/model"
)

// Document is one stored article with its scores. The URL (canonical) is its identity.
type Document struct {
	model.Article
	// Captions are the body's image captions, in page order: they are part of the scored text (see model.ScoredText).
	Captions []string  `json:"captions,omitempty"`
	Crawled  time.Time `json:"crawled"`

	RulesVersion string             `json:"rules_version"`
	Score        float64            `json:"score"`
	Indicators   map[string]float64 `json:"indicators,omitempty"`
	People       model.GenderCounts `json:"people"`
	Quoted       model.GenderCounts `json:"quoted"`
	// PeopleByRole and QuotedByRole split People and Quoted by the scorer's role (expert, official, ordinary,
	// celebrity, other); roles outside that list are counted as other.
	PeopleByRole map[string]model.GenderCounts `json:"people_by_role,omitempty"`
	QuotedByRole map[string]model.GenderCounts `json:"quoted_by_role,omitempty"`
	// Categories lists each finding category present at least once; RuleIDs likewise for rules.
	Categories   []string `json:"categories,omitempty"`
	RuleIDs      []string `json:"rule_ids,omitempty"`
	Topics       []string `json:"topics,omitempty"`
	FindingCount int      `json:"finding_count"` // problem findings only: positive signals are not counted
	// Result is the scorer's full JSON result, kept for article pages and audits. Only Get fills it: it is stored
	// apart from the searchable fields (see resultStore).
	Result json.RawMessage `json:"result,omitempty"`

	storedAt int64 // when the writer stored it (Unix ns): which copy is newer if a crash left two
}
