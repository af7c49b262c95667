package server

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer"
)

// metricValue reads one series of a scrape by its name and labels as the exposition writes them (sorted); ok is
// false when the series is absent.
func metricValue(t *testing.T, scrape, series string) (float64, bool) {
	t.Helper()
	for _, line := range strings.Split(scrape, "\n") {
		if v, found := strings.CutPrefix(line, series+" "); found {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("%s: %v", line, err)
			}
			return f, true
		}
	}
	return 0, false
}

// postCorrection records one correction through the API with the officer's token.
func postCorrection(t *testing.T, base, articleURL string, c review.Correction) {
	t.Helper()
	body, _ := json.Marshal(c)
	req, _ := http.NewRequest(http.MethodPost, base+"/api/review?url="+url.QueryEscape(articleURL), strings.NewReader(string(body)))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST %s correction: %s", c.Kind, resp.Status)
	}
}

// TestRulesAndMetricsFollowCorrections records a review through the API and checks that /api/rules and /metrics
// (scraped for real) count it: the reviewed articles, the corrections and open objections, and the rule whose
// finding was rejected.
func TestRulesAndMetricsFollowCorrections(t *testing.T) {
	ts, srv := newPagesTestServer(t)
	var rv ReviewView
	if err := json.Unmarshal(fetchJSON(t, http.MethodGet, ts.URL+"/api/review?url="+url.QueryEscape(fixtureSexual), "", ""), &rv); err != nil {
		t.Fatal(err)
	}
	var rejected review.FindingReview
	for _, f := range rv.Findings {
		if c, ok := model.LookupCategory(f.Category); f.Machine && ok && c.Problem() {
			rejected = f
			break
		}
	}
	if rejected.Rule == "" {
		t.Fatalf("fixture: no machine problem finding in %+v", rv.Findings)
	}
	ruleFindings := 0
	for _, f := range rv.Findings {
		if f.Machine && f.Rule == rejected.Rule {
			ruleFindings++
		}
	}

	rules := func() (RulesView, RuleView) {
		t.Helper()
		var v RulesView
		if err := json.Unmarshal(fetchJSON(t, http.MethodGet, ts.URL+"/api/rules", "", ""), &v); err != nil {
			t.Fatal(err)
		}
		for _, r := range v.Rules {
			if r.ID == rejected.Rule {
				return v, r
			}
		}
		t.Fatalf("/api/rules lacks rule %s", rejected.Rule)
		return v, RuleView{}
	}
	outlet := fmt.Sprintf(`{kind="newspaper",outlet="%s",period="all"}`, "bao-ho-tay")
	series := map[string]string{
		"reviewed":    "genderlens_outlet_reviewed_articles" + outlet,
		"outOfScope":  "genderlens_outlet_out_of_scope_articles" + outlet,
		"findings":    fmt.Sprintf(`genderlens_rule_review_findings{rule=%q}`, rejected.Rule),
		"correct":     fmt.Sprintf(`genderlens_rule_review_correct{rule=%q}`, rejected.Rule),
		"rejects":     `genderlens_corrections_total{kind="reject_finding"}`,
		"reviewMarks": `genderlens_corrections_total{kind="reviewed"}`,
		"objections":  "genderlens_objections_open",
	}
	scrape := func() map[string]float64 {
		t.Helper()
		body := get(t, ts.URL+"/metrics", http.StatusOK)
		got := map[string]float64{}
		for k, s := range series {
			v, ok := metricValue(t, body, s)
			if !ok {
				t.Fatalf("/metrics lacks %s", s)
			}
			got[k] = v
		}
		if _, ok := metricValue(t, body, "genderlens_outlet_machine_content_score"+outlet); ok != (got["reviewMarks"] > 0) {
			t.Errorf("machine score series present %v with %v review marks: want it once a correction exists", ok, got["reviewMarks"])
		}
		return got
	}

	before := scrape()
	for k, v := range before {
		if v != 0 {
			t.Errorf("before any correction: %s = %v, want 0", series[k], v)
		}
	}
	v, r := rules()
	if v.Version != srv.opts.Scorer.RulesVersion() || len(v.Rules) != len(srv.opts.Scorer.Rules()) || v.ReviewedArticles != 0 ||
		r.Review.Findings != 0 || r.Review.Precision != nil || r.Kind == "" || r.Message.VI == "" {
		t.Errorf("/api/rules before review: version %q, %d rules, %d reviewed, rule %+v", v.Version, len(v.Rules), v.ReviewedArticles, r)
	}

	ref := &review.FindingRef{Category: rejected.Category, Start: rejected.Start, End: rejected.End}
	postCorrection(t, ts.URL, fixtureSexual, review.Correction{Kind: review.KindRejectFinding, Finding: ref})
	postCorrection(t, ts.URL, fixtureSexual, review.Correction{Kind: review.KindReviewed})
	postCorrection(t, ts.URL, fixtureSexual, review.Correction{Kind: review.KindObjection, Finding: ref, Reason: "Đây là trích dẫn."})

	after := scrape()
	for k, want := range map[string]float64{"reviewed": 1, "outOfScope": 0, "findings": float64(ruleFindings),
		"correct": float64(ruleFindings - 1), "rejects": 1, "reviewMarks": 1, "objections": 1} {
		if after[k] != want {
			t.Errorf("after the review: %s = %v, want %v", series[k], after[k], want)
		}
	}
	// The existing figure gauges are the reviewed ones, the machine's beside them: a rejected finding raises the score.
	body := get(t, ts.URL+"/metrics", http.StatusOK)
	reviewedScore, _ := metricValue(t, body, "genderlens_outlet_content_score"+outlet)
	machineScore, _ := metricValue(t, body, "genderlens_outlet_machine_content_score"+outlet)
	agg := srv.opts.Store.Aggregate(model.Filter{Outlet: "bao-ho-tay"})
	if agg.Score == nil || agg.Reviewed != 1 || math.Abs(reviewedScore-*agg.Score) > 1e-9 || reviewedScore <= machineScore {
		t.Errorf("content score gauge %v (aggregate %v, %d reviewed), machine %v: want the store's reviewed score, above the machine's",
			reviewedScore, agg.Score, agg.Reviewed, machineScore)
	}
	v, r = rules()
	if v.ReviewedArticles != 1 || r.Review.Findings != ruleFindings || r.Review.Correct != ruleFindings-1 ||
		r.Review.Precision == nil || r.Review.Interval == nil || *r.Review.Precision != float64(ruleFindings-1)/float64(ruleFindings) {
		t.Errorf("/api/rules after the review: %d reviewed, rule %s %+v, want %d of %d kept", v.ReviewedArticles, r.ID, r.Review,
			ruleFindings-1, ruleFindings)
	}

	// A rescore whose rules no longer find the rule's phrase: once it finishes, the counts are read again.
	idx := srv.opts.Store.(minSampleStore).Store.(*indexer.Index)
	rescore := ingest.Rescorer(srv.opts.Scorer)
	err := idx.StartRescore("next-version", func(d indexer.Document) (indexer.Document, error) {
		d, err := rescore(d)
		var res scorer.Result
		if err == nil {
			err = json.Unmarshal(d.Result, &res)
		}
		if err != nil {
			return d, err
		}
		res.Findings = slices.DeleteFunc(res.Findings, func(f scorer.Finding) bool { return f.Rule == rejected.Rule })
		res.RulesVersion = "next-version"
		raw, err := json.Marshal(&res)
		d.Result, d.RulesVersion = raw, "next-version"
		return d, err
	})
	if err != nil {
		t.Fatal(err)
	}
	idx.WaitRescore()
	if got := scrape(); got["findings"] != 0 || got["reviewed"] != 1 {
		t.Errorf("after a rescore that drops rule %s: findings %v, reviewed %v; want 0 and 1", rejected.Rule, got["findings"], got["reviewed"])
	}

	// An out-of-scope mark takes the article out of the figures and of the rules' precision.
	postCorrection(t, ts.URL, fixtureSexual, review.Correction{Kind: review.KindOutOfScope, Scope: review.ScopeNotNews})
	if got := scrape(); got["outOfScope"] != 1 || got["findings"] != 0 {
		t.Errorf("after out of scope: out of scope %v, rule findings %v; want 1 and 0", got["outOfScope"], got["findings"])
	}
}
