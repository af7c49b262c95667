package model

import "time"

// SearchRequest is a search over the stored articles. Query words match with or without diacritics and in any case;
// text in double quotes ("..." or “...”) is an exact phrase. Every word and phrase must match (in the title, lead or
// body). An empty query lists the articles the filters select, newest first.
type SearchRequest struct {
	Query string
	// Outlets, when not empty, keeps articles of these outlets only.
	Outlets  []string
	Period   Period
	Section  string
	Category string
	Topic    string
	// RulesVersion, when set, keeps articles scored with that rules version only.
	RulesVersion string
	// Size is the page size (default 20, at most 100); From the number of hits skipped.
	Size, From int
	// Facets asks for counts by outlet, month and finding category over all matching articles.
	Facets bool
}

// MaxSearchSize bounds one page of results.
const MaxSearchSize = 100

// SearchResult is one page of hits.
type SearchResult struct {
	Total    uint64                  `json:"total"`
	Articles []SearchHit             `json:"articles"`
	Facets   map[string][]FacetCount `json:"facets,omitempty"`
	Took     time.Duration           `json:"-"`
}

// SearchHit is an article in a result page, with its scores and highlighted snippets.
type SearchHit struct {
	URL          string       `json:"url"`
	Outlet       string       `json:"outlet"`
	Title        string       `json:"title"`
	Section      string       `json:"section,omitempty"`
	Author       string       `json:"author,omitempty"`
	Published    *time.Time   `json:"published"`
	RulesVersion string       `json:"rules_version"`
	Score        float64      `json:"score"`
	People       GenderCounts `json:"people"`
	Quoted       GenderCounts `json:"quoted"`
	Categories   []string     `json:"categories"`
	Topics       []string     `json:"topics"`
	// Reviewed and OutOfScope say where the article's review stands; an article with corrections shows its reviewed
	// score, counts, categories and topics (filters and facets use the scorer's).
	Reviewed   bool `json:"reviewed"`
	OutOfScope bool `json:"out_of_scope"`
	// Relevance is the search engine's ranking score (0 without a query).
	Relevance float64 `json:"relevance"`
	// Snippets are HTML fragments per field (title, lead, body), text escaped and matches in <mark>.
	Snippets map[string][]string `json:"snippets,omitempty"`
}

// FacetCount is one facet value and its number of matching articles.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}
