package server

import (
	"net/http"
	"strconv"
	"time"

	"genderlens/config"
	"genderlens/model"

	"github.com/prometheus/client_golang/prometheus"
)

// outletCollector reads per-outlet figures from the store at scrape time, so /metrics always matches the API. Each
// per-outlet series carries a period label: "year" is the current calendar year in Vietnam, as the pages and
// /api/outlets show by default, and "all" is every stored article.
type outletCollector struct {
	outlets []config.Outlet
	store   Store
	now     func() time.Time

	articles, score, womenShare, unknownShare, sources *prometheus.Desc
	// reviewed and outOfScope count the review's articles; machineScore and machineWomenShare are the scorer's own
	// figures beside the reviewed ones above, for comparison.
	reviewed, outOfScope, machineScore, machineWomenShare *prometheus.Desc
	// categoryRate has one family per finding category: per-outlet series carry only the outlet, kind and period labels.
	categoryRate                                          map[string]*prometheus.Desc
	stored, batches, documents, batchErrors, batchSeconds *prometheus.Desc
	damaged                                               *prometheus.Desc
}

// Values of the per-outlet series' period label.
const (
	metricPeriodYear = "year"
	metricPeriodAll  = "all"
)

func newOutletCollector(outlets []config.Outlet, store Store, now func() time.Time) *outletCollector {
	labels := []string{"outlet", "kind", "period"}
	c := &outletCollector{
		outlets: outlets, store: store, now: now,
		articles: prometheus.NewDesc("genderlens_outlet_articles",
			"Stored articles of the outlet published in the period (period=\"year\": this calendar year in Vietnam; \"all\": all time).", labels, nil),
		score: prometheus.NewDesc("genderlens_outlet_content_score",
			"Mean content score (0-100) of the outlet's articles in the period.", labels, nil),
		womenShare: prometheus.NewDesc("genderlens_outlet_quoted_women_ratio",
			"Women's share (0-1) of quoted sources of known gender in the outlet's articles in the period; "+
				"its base is genderlens_outlet_quoted_sources{gender=~\"female|male\"}.", labels, nil),
		unknownShare: prometheus.NewDesc("genderlens_outlet_quoted_unknown_ratio",
			"Share (0-1) of quoted sources whose gender is unknown in the outlet's articles in the period.", labels, nil),
		sources: prometheus.NewDesc("genderlens_outlet_quoted_sources",
			"Quoted sources in the outlet's articles in the period, by gender (female, male, unknown).",
			append(labels, "gender"), nil),
		reviewed: prometheus.NewDesc("genderlens_outlet_reviewed_articles",
			"Articles of the outlet in the period that an officer reviewed (out-of-scope ones included); the figures "+
				"of the other genderlens_outlet_* series use their reviewed values. Of genderlens_outlet_articles + "+
				"genderlens_outlet_out_of_scope_articles in all.", labels, nil),
		outOfScope: prometheus.NewDesc("genderlens_outlet_out_of_scope_articles",
			"Articles of the outlet in the period that review left out of scope (advertisement, not news, duplicate); "+
				"genderlens_outlet_articles does not count them.", labels, nil),
		machineScore: prometheus.NewDesc("genderlens_outlet_machine_content_score",
			"The scorer's mean content score of the outlet's articles in the period before review, for comparison with "+
				"genderlens_outlet_content_score; present once any article has a correction.", labels, nil),
		machineWomenShare: prometheus.NewDesc("genderlens_outlet_machine_quoted_women_ratio",
			"The scorer's women's share (0-1) of quoted sources of known gender before review, for comparison with "+
				"genderlens_outlet_quoted_women_ratio; present once any article has a correction.", labels, nil),
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
		damaged: prometheus.NewDesc("genderlens_indexer_damaged_parts",
			"Parts of the store (yearly partitions, results file) that could not be read and are not served: "+
				"the log names them; run `genderlens check-store --repair`.", nil, nil),
	}
	for _, cat := range model.GenderedLanguageCategories() {
		c.categoryRate[cat] = prometheus.NewDesc("genderlens_outlet_"+cat+"_articles_ratio",
			"Share (0-1) of the outlet's articles in the period with at least one "+cat+" finding.", labels, nil)
	}
	return c
}

func (c *outletCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{c.articles, c.score, c.womenShare, c.unknownShare, c.sources, c.stored, c.batches,
		c.documents, c.batchErrors, c.batchSeconds, c.damaged, c.reviewed, c.outOfScope, c.machineScore, c.machineWomenShare} {
		ch <- d
	}
	for _, d := range c.categoryRate {
		ch <- d
	}
}

func (c *outletCollector) Collect(ch chan<- prometheus.Metric) {
	year := model.Year(c.now().In(model.Vietnam()).Year())
	for _, p := range []struct {
		label  string
		period model.Period
	}{{metricPeriodYear, year}, {metricPeriodAll, model.Period{}}} {
		c.collectPeriod(ch, p.label, c.store.AggregateByOutlet(model.Filter{Period: p.period}))
	}
	ws := c.store.WriteStats()
	ch <- prometheus.MustNewConstMetric(c.stored, prometheus.GaugeValue, float64(c.store.Count()))
	ch <- prometheus.MustNewConstMetric(c.batches, prometheus.CounterValue, float64(ws.Batches))
	ch <- prometheus.MustNewConstMetric(c.documents, prometheus.CounterValue, float64(ws.Documents))
	ch <- prometheus.MustNewConstMetric(c.batchErrors, prometheus.CounterValue, float64(ws.Errors))
	ch <- prometheus.MustNewConstMetric(c.batchSeconds, prometheus.CounterValue, ws.BatchDuration.Seconds())
	ch <- prometheus.MustNewConstMetric(c.damaged, prometheus.GaugeValue, float64(ws.DamagedParts))
}

// collectPeriod sends every outlet's series of one period; by holds the outlets' figures over it.
func (c *outletCollector) collectPeriod(ch chan<- prometheus.Metric, period string, by map[string]*model.Aggregate) {
	for _, o := range c.outlets {
		gauge := func(d *prometheus.Desc, v float64, extra ...string) {
			ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, append([]string{o.ID, o.Kind, period}, extra...)...)
		}
		var a model.Aggregate
		if got := by[o.ID]; got != nil {
			a = *got
		}
		gauge(c.articles, float64(a.Articles))
		gauge(c.reviewed, float64(a.Reviewed))
		gauge(c.outOfScope, float64(a.OutOfScope))
		if m := a.Machine; m != nil {
			if m.Score != nil {
				gauge(c.machineScore, *m.Score)
			}
			if m.Quoted.WomenShare != nil {
				gauge(c.machineWomenShare, *m.Quoted.WomenShare)
			}
		}
		if a.Articles == 0 {
			continue
		}
		gauge(c.score, *a.Score)
		q := a.Quoted
		for _, g := range []struct {
			gender string
			n      int
		}{{model.Female, q.Female}, {model.Male, q.Male}, {model.Unknown, q.Unknown}} {
			gauge(c.sources, float64(g.n), g.gender)
		}
		if q.WomenShare != nil {
			gauge(c.womenShare, *q.WomenShare)
		}
		if q.UnknownShare != nil {
			gauge(c.unknownShare, *q.UnknownShare)
		}
		for cat, d := range c.categoryRate {
			gauge(d, *a.CategoryRate(cat).Rate)
		}
	}
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
