// Package server exposes genderlens over HTTP: the JSON API, the web pages and the Prometheus /metrics endpoint.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"genderlens/adoption"
	"genderlens/config"
	"genderlens/indexer"
	"genderlens/model"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
)

// Store is what the server reads from the article store.
type Store interface {
	Count() int
	Summaries(p model.Period) map[string]*indexer.OutletSummary
	Search(ctx context.Context, r model.SearchRequest) (model.SearchResult, error)
	Get(url string) (indexer.Document, bool, error)
	Aggregate(f model.Filter) model.Aggregate
	AggregateByOutlet(f model.Filter) map[string]*model.Aggregate
	RescoreProgress() indexer.RescoreProgress
	WriteStats() indexer.WriteStats
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
	// Unit is the monitoring unit every page names (zero: a district without a name, as config's default).
	Unit model.Unit
}

// Server is the HTTP front of genderlens.
type Server struct {
	opts    Options
	handler http.Handler
	pages   map[string]*template.Template
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
	return o, nil
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
	s := &Server{opts: opts, pages: pages}
	httpMetrics := newHTTPMetrics()
	for _, c := range []struct {
		name string
		c    prometheus.Collector
	}{
		{"outlet", newOutletCollector(opts.Outlets, opts.Store)},
		{"rescore", newRescoreCollector(opts.Store)},
		{"district", newDistrictCollector(s, time.Now)},
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

// OutletView is one outlet in GET /api/outlets.
type OutletView struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Articles int    `json:"articles"`
	// Score is the mean content score 0-100, null before any article is stored.
	Score *float64 `json:"score"`
	// QuotedWomenShare is women / (women + men) among quoted sources of known gender; null when there are none.
	QuotedWomenShare *float64           `json:"quoted_women_share"`
	Quoted           model.GenderCounts `json:"quoted"`
	People           model.GenderCounts `json:"people"`
	RulesVersions    []string           `json:"rules_versions"`
}

func (s *Server) outletViews() []OutletView {
	sums := s.opts.Store.Summaries(model.Period{})
	views := make([]OutletView, 0, len(s.opts.Outlets))
	for _, o := range s.opts.Outlets {
		v := OutletView{ID: o.ID, Name: o.Name, Kind: o.Kind, RulesVersions: []string{}}
		if sum := sums[o.ID]; sum != nil && sum.Articles > 0 {
			score := round1(sum.Score)
			v.Articles, v.Score, v.Quoted, v.People, v.RulesVersions = sum.Articles, &score, sum.Quoted, sum.People, sum.RulesVersions
			if share, ok := sum.Quoted.WomenShare(); ok {
				share = round3(share)
				v.QuotedWomenShare = &share
			}
		}
		views = append(views, v)
	}
	return views
}

func (s *Server) apiOutlets(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"outlets": s.outletViews(), "generated": time.Now().UTC().Format(time.RFC3339)})
}

// apiOutlet: GET /api/outlets/{id}: one outlet's figures and where it is crawled from.
func (s *Server) apiOutlet(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	for i, v := range s.outletViews() {
		if v.ID == id {
			o := s.opts.Outlets[i]
			writeJSON(w, http.StatusOK, struct {
				OutletView
				StartURLs    []string `json:"start_urls"`
				Feeds        []string `json:"feeds"`
				Sitemaps     []string `json:"sitemaps"`
				AllowedHosts []string `json:"allowed_hosts"`
			}{v, nonNil(o.StartURLs), nonNil(o.Feeds), nonNil(o.Sitemaps), nonNil(o.Hosts())})
			return
		}
	}
	s.writeError(w, r, errorf(codeNotFound, "no outlet with id %s", id))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func round1(f float64) float64 { return float64(int64(f*10+0.5)) / 10 }
func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
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
