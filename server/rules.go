package server

import (
	"net/http"
	"sync"
	"time"

	"genderlens/model"
	"genderlens/review"
)

// RuleView is one rule of the rule set with its precision in the officers' reviews.
type RuleView struct {
	ID        string      `json:"id"`
	Kind      string      `json:"kind"`
	Category  string      `json:"category"`
	Severity  string      `json:"severity"`
	Indicator string      `json:"indicator"`
	Message   model.Label `json:"message"`
	// Review counts the rule's machine findings in every reviewed article and how many the review kept.
	Review review.Precision `json:"review"`
}

// RulesView is the rule set the server scores with and what the reviews say of each rule.
type RulesView struct {
	Version string `json:"version"`
	// ReviewedArticles is how many reviewed, in-scope articles the rules' precision is counted over.
	ReviewedArticles int        `json:"reviewed_articles"`
	Rules            []RuleView `json:"rules"`
}

// apiRules: GET /api/rules: the rule set's version and rules, each with its precision from reviews.
func (s *Server) apiRules(w http.ResponseWriter, _ *http.Request) {
	est := s.reviewEstimates()
	rs := s.opts.Scorer.Rules()
	out := RulesView{Version: s.opts.Scorer.RulesVersion(), ReviewedArticles: est.Articles, Rules: make([]RuleView, 0, len(rs))}
	for _, r := range rs {
		out.Rules = append(out.Rules, RuleView{ID: r.ID, Kind: r.Kind, Category: r.Category, Severity: r.Severity,
			Indicator: r.Indicator, Message: r.Message, Review: est.Rules[r.ID]})
	}
	writeJSON(w, http.StatusOK, out)
}

// reviewCache keeps the estimates over every reviewed article, which reading each reviewed article makes costly:
// they change only when a correction is recorded (the store grows) or a rescore finishes (the machine's findings
// change), so a scrape or a page reads them again only then.
type reviewCache struct {
	mu        sync.Mutex
	valid     bool
	key       reviewCacheKey
	estimates review.Estimates
}

type reviewCacheKey struct {
	corrections int
	rescored    time.Time
}

// reviewEstimates are the estimates over every reviewed article of the store (not only review samples): the
// rules' precision in /api/rules and /metrics.
func (s *Server) reviewEstimates() review.Estimates {
	key := reviewCacheKey{corrections: s.opts.Review.Store.Len()}
	if f := s.opts.Store.RescoreProgress().FinishedAt; f != nil {
		key.rescored = *f
	}
	c := &s.reviewCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && c.key == key {
		return c.estimates
	}
	est, err := s.opts.Review.Estimate(s.opts.Store, s.opts.Review.Store.URLs())
	if err != nil {
		// Kept all the same: the articles that could be read still count, and the next correction tries again.
		s.opts.Logger.Warn("review estimates: some reviewed articles could not be read", "err", err)
	}
	c.valid, c.key, c.estimates = true, key, est
	return est
}
