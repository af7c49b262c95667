package server

import (
	"net/http"
	"strconv"
	"time"

	"genderlens/config"
	"genderlens/indexer"

	"github.com/prometheus/client_golang/prometheus"
)

// outletCollector reads per-outlet figures from the store at scrape time, so /metrics always matches the API.
type outletCollector struct {
	outlets []config.Outlet
	store   Store

	articles, score, womenShare *prometheus.Desc
}

func newOutletCollector(outlets []config.Outlet, store Store) *outletCollector {
	labels := []string{"outlet", "kind"}
	return &outletCollector{
		outlets: outlets, store: store,
		articles: prometheus.NewDesc("genderlens_outlet_articles",
			"Stored articles of the outlet.", labels, nil),
		score: prometheus.NewDesc("genderlens_outlet_content_score",
			"Mean content score (0-100) of the outlet's stored articles.", labels, nil),
		womenShare: prometheus.NewDesc("genderlens_outlet_quoted_women_ratio",
			"Women's share (0-1) of quoted sources of known gender in the outlet's stored articles.", labels, nil),
	}
}

func (c *outletCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.articles
	ch <- c.score
	ch <- c.womenShare
}

func (c *outletCollector) Collect(ch chan<- prometheus.Metric) {
	sums := c.store.Summaries(indexer.Period{})
	for _, o := range c.outlets {
		sum := sums[o.ID]
		n := 0
		if sum != nil {
			n = sum.Articles
		}
		ch <- prometheus.MustNewConstMetric(c.articles, prometheus.GaugeValue, float64(n), o.ID, o.Kind)
		if n == 0 {
			continue
		}
		ch <- prometheus.MustNewConstMetric(c.score, prometheus.GaugeValue, sum.Score, o.ID, o.Kind)
		if share, ok := sum.Quoted.WomenShare(); ok {
			ch <- prometheus.MustNewConstMetric(c.womenShare, prometheus.GaugeValue, share, o.ID, o.Kind)
		}
	}
}

type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newHTTPMetrics(reg prometheus.Registerer) *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_http_requests_total", Help: "HTTP requests by handler and status code.",
		}, []string{"handler", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "genderlens_http_request_duration_seconds", Help: "HTTP request latency by handler.",
			Buckets: prometheus.DefBuckets,
		}, []string{"handler"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.code = code
	r.ResponseWriter.WriteHeader(code)
}

func (m *httpMetrics) wrap(name string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(rec, r)
		m.requests.WithLabelValues(name, strconv.Itoa(rec.code)).Inc()
		m.duration.WithLabelValues(name).Observe(time.Since(start).Seconds())
	})
}
