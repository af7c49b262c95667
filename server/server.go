// Package server exposes genderlens over HTTP: the JSON API, the web pages and the Prometheus /metrics endpoint.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"time"

	"genderlens/adoption"
	"genderlens/config"
	"genderlens/indexer"
	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
)

// Store is what the server reads from the article store.
type Store interface {
	Count() int
	Search(ctx context.Context, r model.SearchRequest) (model.SearchResult, error)
	// SearchGeneration changes after every change of the store a search could see: the same request at the same
	// generation has the same result.
	SearchGeneration() uint64
	Get(url string) (indexer.Document, bool, error)
	Aggregate(f model.Filter) model.Aggregate
	AggregateByOutlet(f model.Filter) map[string]*model.Aggregate
	RescoreProgress() indexer.RescoreProgress
	WriteStats() indexer.WriteStats
	// URLs, RevisionOf and Revise serve the review: the articles a sample is drawn from, where an article's review
	// stands, and its reviewed figures.
	URLs(f model.Filter) []string
	RevisionOf(url string) (has, reviewed, outOfScope bool)
	Revise(url string, rev *indexer.Revision)
	ReviseHits(hits []model.SearchHit) []model.SearchHit
}

// Options are the server's dependencies; Store, Scorer and Registry are required.
type Options struct {
	Outlets []config.Outlet
	Store   Store
	Scorer  *scorer.Scorer
	// Registry receives the server's metrics and is served at /metrics.
	Registry *prometheus.Registry
	Logger   *slog.Logger
	Version  string
	// Policy sets the adoption requirements and targets (nil: the embedded Hanoi preset).
	Policy *adoption.Policy
	// Evidence stores the outlets' process evidence (nil: kept in memory only).
	Evidence *adoption.EvidenceStore
	// APIToken authorises the write endpoints (Authorization: Bearer); empty disables them.
	APIToken string
	// Now is the clock that dates the reports (nil: time.Now); tests fix it so that a report's bytes are stable.
	Now func() time.Time
	// MinSample is the smallest base a share is shown for (config figures.min_sample; 0: model.DefaultMinSample).
	MinSample int
	// Unit is the monitoring unit every page names (zero: a district without a name, as config's default).
	Unit model.Unit
	// CheckConcurrency bounds the drafts POST /api/check scores at once (0: DefaultCheckConcurrency).
	CheckConcurrency int
	// CheckQueue is how long a check beyond the bound waits for a slot before a 503 (0: DefaultCheckQueue).
	CheckQueue time.Duration
	// CrawlHealth tells each outlet's last crawl (nil: unknown; the pages say so).
	CrawlHealth CrawlHealthSource
	// Review keeps the officers' corrections and applies them (nil: kept in memory only, with Scorer).
	Review *review.Reviewer
	// SampleSize is how many articles an outlet's review sample proposes (0: review.DefaultSampleSize).
	SampleSize int
	// Editors are the outlets' editors' tokens: they may object to findings on their outlet's articles.
	Editors []config.Editor
}

// CrawlHealthSource gives the outcome of an outlet's last crawl; ok is false when it has not been crawled yet. The
// crawler implements it; the server only reads it.
type CrawlHealthSource interface {
	CrawlHealth(outletID string) (h model.CrawlHealth, ok bool)
}

// crawlHealth is the outlet's last crawl, or nil when unknown.
func (s *Server) crawlHealth(outletID string) *model.CrawlHealth {
	if s.opts.CrawlHealth == nil {
		return nil
	}
	h, ok := s.opts.CrawlHealth.CrawlHealth(outletID)
	if !ok {
		return nil
	}
	return &h
}

// Defaults of the /api/check budget (config server.check_concurrency and server.check_queue).
const (
	DefaultCheckConcurrency = 4
	DefaultCheckQueue       = 2 * time.Second
)

// Server is the HTTP front of genderlens.
type Server struct {
	opts    Options
	handler http.Handler
	pages   map[string]*template.Template
	check   *checkGate
	// reviewCache keeps the estimates over every reviewed article (reviewEstimates).
	reviewCache reviewCache
	answers     *articleAnswers // GET /api/articles
}

// maxBodyBytes bounds request bodies; larger ones get 413.
const maxBodyBytes = 1 << 20

// withDefaults checks the options and fills in the optional ones: the one place New's inputs are validated.
func (o Options) withDefaults() (Options, error) {
	switch {
	case o.Store == nil:
		return o, errors.New("option Store: required")
	case o.Scorer == nil:
		return o, errors.New("option Scorer: required")
	case o.Registry == nil:
		return o, errors.New("option Registry: required")
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Unit.Level == "" {
		o.Unit.Level = model.UnitDistrict
	}
	if o.Policy == nil {
		p, err := adoption.Preset("hanoi")
		if err != nil {
			return o, fmt.Errorf("option Policy: load the default Hanoi preset: %w", err)
		}
		o.Policy = p
	}
	if o.Evidence == nil {
		ev, err := adoption.OpenEvidenceStore("") // in memory
		if err != nil {
			return o, fmt.Errorf("option Evidence: open an in-memory store: %w", err)
		}
		o.Evidence = ev
	}
	if o.Review == nil {
		st, err := review.OpenStore("") // in memory
		if err != nil {
			return o, fmt.Errorf("option Review: open an in-memory store: %w", err)
		}
		o.Review = &review.Reviewer{Store: st, Scorer: o.Scorer}
	}
	switch {
	case o.SampleSize == 0:
		o.SampleSize = review.DefaultSampleSize
	case o.SampleSize < 0:
		return o, fmt.Errorf("option SampleSize: must not be negative, got %d", o.SampleSize)
	}
	switch {
	case o.MinSample == 0:
		o.MinSample = model.DefaultMinSample
	case o.MinSample < 0:
		return o, fmt.Errorf("option MinSample: must not be negative, got %d", o.MinSample)
	}
	o.Store = minSampleStore{Store: o.Store, minSample: o.MinSample}
	switch {
	case o.CheckConcurrency == 0:
		o.CheckConcurrency = DefaultCheckConcurrency
	case o.CheckConcurrency < 0:
		return o, fmt.Errorf("option CheckConcurrency: must not be negative, got %d", o.CheckConcurrency)
	}
	switch {
	case o.CheckQueue == 0:
		o.CheckQueue = DefaultCheckQueue
	case o.CheckQueue < 0:
		return o, fmt.Errorf("option CheckQueue: must not be negative, got %s", o.CheckQueue)
	}
	return o, nil
}

// minSampleStore sets the enough-data flags of every aggregate the server reads, for the configured minimum sample,
// so that no page, API answer, metric or report can show a share without them; and gives search hits their reviewed
// figures.
type minSampleStore struct {
	Store
	minSample int
}

// Search shows every hit with its reviewed figures, as the aggregates are.
func (m minSampleStore) Search(ctx context.Context, r model.SearchRequest) (model.SearchResult, error) {
	res, err := m.Store.Search(ctx, r)
	if err == nil {
		res.Articles = m.Store.ReviseHits(res.Articles)
	}
	return res, err
}

func (m minSampleStore) Aggregate(f model.Filter) model.Aggregate {
	return m.Store.Aggregate(f).WithMinSample(m.minSample)
}

func (m minSampleStore) AggregateByOutlet(f model.Filter) map[string]*model.Aggregate {
	by := m.Store.AggregateByOutlet(f)
	for id, a := range by {
		judged := a.WithMinSample(m.minSample)
		by[id] = &judged
	}
	return by
}

// New checks the options, registers the server's metrics and builds its routes.
func New(opts Options) (*Server, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	pages, err := parsePages()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s := &Server{opts: opts, pages: pages, check: newCheckGate(opts.CheckConcurrency, opts.CheckQueue),
		answers: newArticleAnswers()}
	httpMetrics := newHTTPMetrics()
	for _, c := range []struct {
		name string
		c    prometheus.Collector
	}{
		{"outlet", newOutletCollector(opts.Outlets, opts.Store, time.Now)},
		{"rescore", newRescoreCollector(opts.Store)},
		{"district", newDistrictCollector(s, time.Now)},
		{"review", newReviewCollector(s)},
		{"HTTP requests", httpMetrics.requests},
		{"HTTP duration", httpMetrics.duration},
	} {
		if err := opts.Registry.Register(c.c); err != nil {
			return nil, fmt.Errorf("server: register the %s metrics: %w", c.name, err)
		}
	}
	s.handler = securityHeaders(s.jsonMuxErrors(s.newMux(httpMetrics)))
	return s, nil
}

// Handler returns the root handler.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": s.opts.Store.Count(), "version": s.opts.Version})
}

// OutletView is one outlet's figures over a period in GET /api/outlets and /api/outlets/{id}.
type OutletView struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Articles int    `json:"articles"`
	// Score is the mean content score 0-100, null when the period has no article.
	Score *float64 `json:"score"`
	// QuotedWomenShare is women / (women + men) among quoted sources of known gender; null when there are none.
	// Quoted gives its base, interval and whether the base reaches the minimum sample.
	QuotedWomenShare *float64 `json:"quoted_women_share"`
	// QuotedUnknownShare is the share of quoted sources whose gender is unknown; null when there are none.
	QuotedUnknownShare *float64            `json:"quoted_unknown_share"`
	Quoted             model.GenderFigures `json:"quoted"`
	People             model.GenderFigures `json:"people"`
	RulesVersions      []string            `json:"rules_versions"`
}

// outletViews are the configured outlets' figures over period p.
func (s *Server) outletViews(p model.Period) []OutletView {
	by := s.opts.Store.AggregateByOutlet(model.Filter{Period: p})
	views := make([]OutletView, 0, len(s.opts.Outlets))
	for _, o := range s.opts.Outlets {
		a := model.Aggregate{}.WithMinSample(s.opts.MinSample)
		if got := by[o.ID]; got != nil {
			a = *got
		}
		views = append(views, outletView(o, a))
	}
	return views
}

// outletView is outlet o with its figures a, scores to one decimal and shares to three.
func outletView(o config.Outlet, a model.Aggregate) OutletView {
	v := OutletView{ID: o.ID, Name: o.Name, Kind: o.Kind, Articles: a.Articles, Quoted: a.Quoted, People: a.People,
		RulesVersions: slices.Sorted(maps.Keys(a.RulesVersions))}
	if v.RulesVersions == nil {
		v.RulesVersions = []string{}
	}
	if a.Score != nil {
		score := round1(*a.Score)
		v.Score = &score
	}
	if f := a.Quoted.WomenShare; f != nil {
		share := round3(*f)
		v.QuotedWomenShare = &share
	}
	if f := a.Quoted.UnknownShare; f != nil {
		share := round3(*f)
		v.QuotedUnknownShare = &share
	}
	return v
}

// outletsPeriod reads the period of /api/outlets: ?period= (model.ParsePeriod, "all" for all time) or ?from=&to=;
// with neither, the current year in Vietnam, the year the pages show.
func outletsPeriod(r *http.Request) (model.Period, PeriodView, error) {
	q := r.URL.Query()
	period, from, to := q.Get("period"), q.Get("from"), q.Get("to")
	if period == "" && from == "" && to == "" {
		period = strconv.Itoa(time.Now().In(model.Vietnam()).Year())
	}
	return periodParam(period, from, to)
}

// apiOutlets: GET /api/outlets?period=: every configured outlet's figures over the period (default this year).
func (s *Server) apiOutlets(w http.ResponseWriter, r *http.Request) {
	p, view, err := outletsPeriod(r)
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"period": view, "min_sample": s.opts.MinSample, "outlets": s.outletViews(p),
		"generated": time.Now().UTC().Format(time.RFC3339)})
}

// apiOutlet: GET /api/outlets/{id}?period=: one outlet's figures over the period (default this year) and where it is
// crawled from.
func (s *Server) apiOutlet(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	o, ok := s.outlet(id)
	if !ok {
		s.writeError(w, r, errorf(codeNotFound, "no outlet with id %s", id))
		return
	}
	p, view, err := outletsPeriod(r)
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	a := s.opts.Store.Aggregate(model.Filter{Outlet: id, Period: p})
	writeJSON(w, http.StatusOK, struct {
		OutletView
		Period       PeriodView `json:"period"`
		MinSample    int        `json:"min_sample"`
		StartURLs    []string   `json:"start_urls"`
		Feeds        []string   `json:"feeds"`
		Sitemaps     []string   `json:"sitemaps"`
		AllowedHosts []string   `json:"allowed_hosts"`
		// CrawlHealth is the outlet's last crawl; null when none is known.
		CrawlHealth *model.CrawlHealth `json:"crawl_health"`
	}{outletView(o, a), view, s.opts.MinSample, nonNil(o.StartURLs), nonNil(o.Feeds), nonNil(o.Sitemaps), nonNil(o.Hosts()),
		s.crawlHealth(id)})
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }
func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	// Compact: re-indenting a page of search hits cost a fifth of a search's CPU; clients that want to read it pipe
	// it through jq. Encoded before the status is sent, so that a value that cannot be encoded (damaged stored JSON)
	// answers a JSON error, never a 200 with an empty body.
	b, err := json.Marshal(v)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"error":"the answer could not be encoded","code":"internal"}` + "\n"))
		return
	}
	w.WriteHeader(code)
	_, _ = w.Write(append(b, '\n'))
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}
