package server

import (
	"net/http"

	"genderlens/model"

	"github.com/prometheus/client_golang/prometheus"
)

// AggregateView is an outlet's (or all outlets') figures over a period, naming the rules versions and the policy
// they go with, and warning when they mix rules versions.
type AggregateView struct {
	Outlet  string          `json:"outlet,omitempty"`
	Period  PeriodView      `json:"period"`
	Figures model.Aggregate `json:"figures"`
	// CurrentRulesVersion is the version the running scorer applies; the figures' own versions are in
	// figures.rules_versions.
	CurrentRulesVersion string `json:"current_rules_version"`
	Policy              string `json:"policy"`
	Warning             string `json:"warning,omitempty"`
}

func (s *Server) aggregateView(outlet string, period PeriodView, a model.Aggregate) AggregateView {
	v := AggregateView{Outlet: outlet, Period: period, Figures: a, CurrentRulesVersion: s.opts.Scorer.RulesVersion()}
	if s.opts.Policy != nil {
		v.Policy = s.opts.Policy.Version
	}
	switch {
	case a.MixedRulesVersions:
		v.Warning = "these figures combine articles scored with different rules versions (a rescore is pending or running); " +
			"add rules_version= to use one version"
	case a.Articles > 0 && a.RulesVersions[v.CurrentRulesVersion] == 0:
		v.Warning = "these figures were scored with an older rules version; a rescore is pending or running"
	}
	return v
}

// apiOutletAggregates: GET /api/outlets/{id}/aggregates?period=2025|2025-Q4|2025-11|action-month-2025|FROM..TO
// (or from=&to=) [&rules_version=].
func (s *Server) apiOutletAggregates(w http.ResponseWriter, r *http.Request) {
	id := outletID(r)
	if !s.knownOutlet(id) {
		s.writeError(w, r, errorf(codeNotFound, "no outlet with id %s", id))
		return
	}
	q := r.URL.Query()
	period, view, err := periodParam(q.Get("period"), q.Get("from"), q.Get("to"))
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	a := s.opts.Store.Aggregate(model.Filter{Outlet: id, Period: period, RulesVersion: q.Get("rules_version")})
	writeJSON(w, http.StatusOK, s.aggregateView(id, view, a))
}

// apiAggregates: GET /api/aggregates?period=...: every configured outlet's figures and the total over all of them.
func (s *Server) apiAggregates(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	period, view, err := periodParam(q.Get("period"), q.Get("from"), q.Get("to"))
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	f := model.Filter{Period: period, RulesVersion: q.Get("rules_version")}
	by := s.opts.Store.AggregateByOutlet(f)
	outlets := make([]AggregateView, 0, len(s.opts.Outlets))
	for _, id := range s.outletIDs() {
		a := model.Aggregate{}
		if got := by[id]; got != nil {
			a = *got
		} else {
			a = s.opts.Store.Aggregate(model.Filter{Outlet: id, Period: period, RulesVersion: f.RulesVersion})
		}
		outlets = append(outlets, s.aggregateView(id, view, a))
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"period": view, "outlets": outlets, "all": s.aggregateView("", view, s.opts.Store.Aggregate(f)),
	})
}

// apiRescore: GET /api/rescore: the background rescore's progress.
func (s *Server) apiRescore(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"current_rules_version": s.opts.Scorer.RulesVersion(), "rescore": s.opts.Store.RescoreProgress(),
	})
}

// knownOutlet reports whether id is a configured outlet.
func (s *Server) knownOutlet(id string) bool {
	for _, o := range s.opts.Outlets {
		if o.ID == id {
			return true
		}
	}
	return false
}

// outletIDs are the configured outlets' ids in configuration order.
func (s *Server) outletIDs() []string {
	ids := make([]string, 0, len(s.opts.Outlets))
	for _, o := range s.opts.Outlets {
		ids = append(ids, o.ID)
	}
	return ids
}

// rescoreCollector exposes the background rescore's progress, read when Prometheus scrapes.
type rescoreCollector struct {
	store                          Store
	remaining, done, failed, state *prometheus.Desc
}

func newRescoreCollector(store Store) *rescoreCollector {
	return &rescoreCollector{
		store: store,
		remaining: prometheus.NewDesc("genderlens_rescore_remaining_articles",
			"Stored articles not yet scored with the target rules version.", []string{"target_version"}, nil),
		done: prometheus.NewDesc("genderlens_rescore_done_articles",
			"Articles re-scored by the current or last rescore run.", []string{"target_version"}, nil),
		failed: prometheus.NewDesc("genderlens_rescore_failed_articles",
			"Articles the current or last rescore run could not re-score.", []string{"target_version"}, nil),
		state: prometheus.NewDesc("genderlens_rescore_running",
			"1 while a rescore runs, else 0.", []string{"target_version"}, nil),
	}
}

func (c *rescoreCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.remaining
	ch <- c.done
	ch <- c.failed
	ch <- c.state
}

func (c *rescoreCollector) Collect(ch chan<- prometheus.Metric) {
	p := c.store.RescoreProgress()
	if p.TargetVersion == "" {
		return // no rescore has started in this process
	}
	running := 0.0
	if p.Running {
		running = 1
	}
	ch <- prometheus.MustNewConstMetric(c.remaining, prometheus.GaugeValue, float64(p.Remaining), p.TargetVersion)
	ch <- prometheus.MustNewConstMetric(c.done, prometheus.GaugeValue, float64(p.Done), p.TargetVersion)
	ch <- prometheus.MustNewConstMetric(c.failed, prometheus.GaugeValue, float64(p.Failed), p.TargetVersion)
	ch <- prometheus.MustNewConstMetric(c.state, prometheus.GaugeValue, running, p.TargetVersion)
}
