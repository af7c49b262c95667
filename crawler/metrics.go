package crawler

import "github.com/prometheus/client_golang/prometheus"

// Metrics are the crawler's Prometheus series. Labels stay per outlet, never per URL, to keep cardinality bounded.
type Metrics struct {
	pages         *prometheus.CounterVec
	bytes         *prometheus.CounterVec
	errors        *prometheus.CounterVec
	robotsBlocked *prometheus.CounterVec
	articles      *prometheus.CounterVec
	skipped       *prometheus.CounterVec
	duration      *prometheus.HistogramVec
	lastSuccess   *prometheus.GaugeVec
	paused        *prometheus.GaugeVec
}

// NewMetrics creates the crawler metrics and registers them with reg (nil: not registered, for tests).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_crawler_pages_fetched_total",
			Help: "Pages fetched, by outlet and HTTP status class (2xx, 3xx, 4xx, 5xx).",
		}, []string{"outlet", "status_class"}),
		bytes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_crawler_response_bytes_total",
			Help: "Bytes of response bodies read, by outlet.",
		}, []string{"outlet"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_crawler_errors_total",
			Help: "Crawl errors by outlet and kind (dns, connect, tls, fetch, timeout, too_large, backoff, redirect, http_4xx, http_5xx, decode, extract, store, state).",
		}, []string{"outlet", "kind"}),
		robotsBlocked: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_crawler_robots_blocked_total",
			Help: "URLs not fetched because robots.txt disallows them, by outlet.",
		}, []string{"outlet"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_crawler_articles_total",
			Help: "Article pages by outlet and result: new and updated (handed to storage), unchanged (304, sitemap lastmod or same content), duplicate (same text as another stored URL).",
		}, []string{"outlet", "result"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "genderlens_crawler_pages_skipped_total",
			Help: "Pages fetched but not taken as articles, by outlet and reason: article_pattern (the outlet's pattern does not match), thin (too little text), listing (laid out as a listing), no_signal (no article metadata, URL shape or article layout), not_html.",
		}, []string{"outlet", "reason"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "genderlens_crawler_run_duration_seconds",
			Help:    "Duration of one crawl run of one outlet.",
			Buckets: prometheus.ExponentialBuckets(1, 2, 14),
		}, []string{"outlet"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "genderlens_crawler_last_success_timestamp_seconds",
			Help: "Unix time of the end of the last crawl run of an outlet that finished without being cancelled and reached its hosts.",
		}, []string{"outlet"}),
		paused: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "genderlens_crawler_paused",
			Help: "1 while the crawler is paused, by reason: no_space (the store has no space; nothing is fetched until a write succeeds).",
		}, []string{"reason"}),
	}
	// The series exists from the start, so that an alert can tell "not paused" from "no crawler".
	m.paused.WithLabelValues(pauseNoSpace).Set(0)
	if reg != nil {
		reg.MustRegister(m.pages, m.bytes, m.errors, m.robotsBlocked, m.articles, m.skipped, m.duration, m.lastSuccess, m.paused)
	}
	return m
}
