package server

import (
	"net/http"
	"strconv"
	"time"

	"genderlens/config"
	"genderlens/model"

	"github.com/prometheus/client_golang/prometheus"
)

// outletCollector reads per-outlet figures from the store at scrape time, so /metrics always matches the API.
type outletCollector struct {
	outlets []config.Outlet
	store   Store

	articles, score, womenShare *prometheus.Desc
	// categoryRate has one family per finding category: per-outlet series carry only the outlet and kind labels.
	categoryRate                                          map[string]*prometheus.Desc
	stored, batches, documents, batchErrors, batchSeconds *prometheus.Desc
}

func newOutletCollector(outlets []config.Outlet, store Store) *outletCollector {
	labels := []string{"outlet", "kind"}
	c := &outletCollector{
		outlets: outlets, store: store,
		articles: prometheus.NewDesc("genderlens_outlet_articles",
			"Stored articles of the outlet.", labels, nil),
		score: prometheus.NewDesc("genderlens_outlet_content_score",
			"Mean content score (0-100) of the outlet's stored articles.", labels, nil),
		womenShare: prometheus.NewDesc("genderlens_outlet_quoted_women_ratio",
			"Women's share (0-1) of quoted sources of known gender in the outlet's stored articles.", labels, nil),
		categoryRate: map[string]*prometheus.Desc{},
		stored: prometheus.NewDesc("genderlens_indexer_articles",
			"Articles in the index.", nil, nil),
		batches: prometheus.NewDesc("genderlens_indexer_batches_total",
			"Write batches committed (or failed) since start.", nil, nil),
		documents: prometheus.NewDesc("genderlens_indexer_documents_written_total",
			"Documents handed to the index writer since start.", nil, nil),
		batchErrors: prometheus.NewDesc("genderlens_indexer_batch_errors_total",
			"Write batches that failed since start.", nil, nil),
		batchSeconds: prometheus.NewDesc("genderlens_indexer_batch_duration_seconds_total",
			"Time spent writing batches since start, including the wait for persistence.", nil, nil),
	}
	for _, cat := range model.GenderedLanguageCategories() {
		c.categoryRate[cat] = prometheus.NewDesc("genderlens_outlet_"+cat+"_articles_ratio",
			"Share (0-1) of the outlet's stored articles with at least one "+cat+" finding.", labels, nil)
	}
	return c
}

func (c *outletCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.articles, c.score, c.womenShare, c.stored, c.batches, c.documents, c.batchErrors, c.batchSeconds} {
		ch <- d
	}
	for _, d := range c.categoryRate {
		ch <- d
	}
}

func (c *outletCollector) Collect(ch chan<- prometheus.Metric) {
	sums := c.store.Summaries(model.Period{})
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
		for cat, d := range c.categoryRate {
			ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, float64(sum.CategoryArticles[cat])/float64(n), o.ID, o.Kind)
		}
	}
	ws := c.store.WriteStats()
	ch <- prometheus.MustNewConstMetric(c.stored, prometheus.GaugeValue, float64(c.store.Count()))
	ch <- prometheus.MustNewConstMetric(c.batches, prometheus.CounterValue, float64(ws.Batches))
	ch <- prometheus.MustNewConstMetric(c.documents, prometheus.CounterValue, float64(ws.Documents))
	ch <- prometheus.MustNewConstMetric(c.batchErrors, prometheus.CounterValue, float64(ws.Errors))
	ch <- prometheus.MustNewConstMetric(c.batchSeconds, prometheus.CounterValue, ws.BatchDuration.Seconds())
}

type httpMetrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// newHTTPMetrics makes the request counter and histogram; New registers them.
func newHTTPMetrics() *httpMetrics {
	m := &httpMetrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_http_requests_total", Help: "HTTP requests by handler and status code.",
		}, []string{"handler", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "genderlens_http_request_duration_seconds", Help: "HTTP request latency by handler.",
			Buckets: prometheus.DefBuckets,
		}, []string{"handler"}),
	}
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
