package server

import (
	"genderlens/model"
	"genderlens/review"

	"github.com/prometheus/client_golang/prometheus"
)

// reviewCollector exposes the review at scrape time: the corrections recorded (a counter, since the log only grows,
// which promtool requires of a _total name), the open objections, and per rule
// how many of its findings in reviewed articles the review checked and kept (the same counts as /api/rules, from
// the same cache). A rule's precision is their ratio in PromQL:
// genderlens_rule_review_correct / genderlens_rule_review_findings.
type reviewCollector struct {
	s *Server

	corrections, objectionsOpen, findings, correct *prometheus.Desc
}

func newReviewCollector(s *Server) *reviewCollector {
	return &reviewCollector{s: s,
		corrections: prometheus.NewDesc("genderlens_corrections_total",
			"Corrections recorded by the review, by kind (every kind of correction, 0 until one is recorded). The log is "+
				"append-only, so the count only grows: a counter, read from the log at each scrape.", []string{"kind"}, nil),
		objectionsOpen: prometheus.NewDesc("genderlens_objections_open",
			"Editors' objections to findings that the officer has not decided yet.", nil, nil),
		findings: prometheus.NewDesc("genderlens_rule_review_findings",
			"The rule's findings in all reviewed in-scope articles (not only the review samples), as the scorer found them; "+
				"the rule's precision is genderlens_rule_review_correct / genderlens_rule_review_findings. One series per rule "+
				"of a problem category in the current rule set.", []string{"rule"}, nil),
		correct: prometheus.NewDesc("genderlens_rule_review_correct",
			"Of genderlens_rule_review_findings, those the review kept (not rejected).", []string{"rule"}, nil),
	}
}

func (c *reviewCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.corrections
	ch <- c.objectionsOpen
	ch <- c.findings
	ch <- c.correct
}

func (c *reviewCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.s.opts.Review.Store
	kinds := st.KindCounts()
	for _, k := range review.Kinds() {
		ch <- prometheus.MustNewConstMetric(c.corrections, prometheus.CounterValue, float64(kinds[k]), k)
	}
	open := 0
	for _, o := range st.Objections("") {
		if o.Open() {
			open++
		}
	}
	ch <- prometheus.MustNewConstMetric(c.objectionsOpen, prometheus.GaugeValue, float64(open))
	est := c.s.reviewEstimates()
	// The current rule set's rules bound the label: rules that only older results name are left out.
	seen := map[string]bool{}
	for _, r := range c.s.opts.Scorer.Rules() {
		if cat, known := model.LookupCategory(r.Category); (known && !cat.Problem()) || seen[r.ID] {
			continue // positive signals and topics are not judged as findings
		}
		seen[r.ID] = true
		p := est.Rules[r.ID]
		ch <- prometheus.MustNewConstMetric(c.findings, prometheus.GaugeValue, float64(p.Findings), r.ID)
		ch <- prometheus.MustNewConstMetric(c.correct, prometheus.GaugeValue, float64(p.Correct), r.ID)
	}
}
