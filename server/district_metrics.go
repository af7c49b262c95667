package server

import (
	"time"

	"genderlens/adoption"
	"genderlens/model"

	"github.com/prometheus/client_golang/prometheus"
)

// districtCollector exposes this year's adoption figures at scrape time: each outlet's level, the district's rates,
// the year's targets and the path toward them, so Grafana and alerts read the same assessment as /api/district.
type districtCollector struct {
	s   *Server
	now func() time.Time

	status, ratio, target, trajectory *prometheus.Desc
}

func newDistrictCollector(s *Server, now func() time.Time) *districtCollector {
	return &districtCollector{
		s: s, now: now,
		status: prometheus.NewDesc("genderlens_outlet_adoption_status",
			"The outlet's application of the indicator set this year (period=\"year\", in Vietnam): 0 not started, 1 pilot, 2 official.",
			[]string{"outlet", "kind", "period"}, nil),
		ratio: prometheus.NewDesc("genderlens_district_adoption_ratio",
			"Share (0-1) of the district's outlets at this level or above this year.", []string{"level"}, nil),
		target: prometheus.NewDesc("genderlens_district_target_ratio",
			"The policy's target share (0-1) of outlets at this level, for the target this year works toward.", []string{"level"}, nil),
		trajectory: prometheus.NewDesc("genderlens_district_trajectory_ratio",
			"Where the district's share should be today on a straight path to the level's target (0-1).", []string{"level"}, nil),
	}
}

func (c *districtCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.status
	ch <- c.ratio
	ch <- c.target
	ch <- c.trajectory
}

func (c *districtCollector) Collect(ch chan<- prometheus.Metric) {
	now := c.now().In(model.Vietnam())
	d := c.s.district(now.Year())
	kinds := map[string]string{}
	for _, o := range c.s.opts.Outlets {
		kinds[o.ID] = o.Kind
	}
	for _, st := range d.Statuses {
		v := 0.0
		switch st.Level {
		case adoption.Pilot:
			v = 1
		case adoption.Official:
			v = 2
		}
		ch <- prometheus.MustNewConstMetric(c.status, prometheus.GaugeValue, v, st.Outlet, kinds[st.Outlet], metricPeriodYear)
	}
	ch <- prometheus.MustNewConstMetric(c.ratio, prometheus.GaugeValue, d.PilotRate, string(adoption.Pilot))
	ch <- prometheus.MustNewConstMetric(c.ratio, prometheus.GaugeValue, d.OfficialRate, string(adoption.Official))
	for _, level := range []adoption.Level{adoption.Pilot, adoption.Official} {
		share, path, ok := targetPath(c.s.opts.Policy.Targets, level, now)
		if !ok {
			continue
		}
		ch <- prometheus.MustNewConstMetric(c.target, prometheus.GaugeValue, share, string(level))
		ch <- prometheus.MustNewConstMetric(c.trajectory, prometheus.GaugeValue, path, string(level))
	}
}

// targetPath returns, for a level, the share of the first target of that level due this year or later (or the last
// one, once all are past), and where a straight path toward it stands at now. The path starts at zero at the end of
// the previous target's year (any level), or four years before the target when it is the first, the span of Hanoi's
// 2021 plan to its 2025 target; it reaches the share at the end of the target's year.
func targetPath(targets []adoption.Target, level adoption.Level, now time.Time) (share, path float64, ok bool) {
	idx := -1
	for i, t := range targets {
		if t.Level != level {
			continue
		}
		idx = i
		if t.Year >= now.Year() {
			break
		}
	}
	if idx < 0 {
		return 0, 0, false
	}
	t := targets[idx]
	end := time.Date(t.Year+1, 1, 1, 0, 0, 0, 0, model.Vietnam())
	start := time.Date(t.Year-3, 1, 1, 0, 0, 0, 0, model.Vietnam())
	if idx > 0 {
		start = time.Date(targets[idx-1].Year+1, 1, 1, 0, 0, 0, 0, model.Vietnam())
	}
	frac := float64(now.Sub(start)) / float64(end.Sub(start))
	frac = max(0, min(1, frac))
	return t.Share, t.Share * frac, true
}
