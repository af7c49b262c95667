package server

import (
	"io/fs"
	"net/http"
	"strings"

	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// route is one line of the route table.
type route struct {
	method, path string
	// name labels the route's genderlens_http_* series; empty leaves the route out of them.
	name    string
	handler http.HandlerFunc
}

// pattern is the route's ServeMux pattern.
func (rt route) pattern() string { return rt.method + " " + rt.path }

// routes is the route table: every path the server answers, the JSON API, the pages, static files, /metrics and
// /healthz. The mux is built from it alone, and the OpenAPI test reads it.
func (s *Server) routes() []route {
	static, _ := fs.Sub(staticFS, "static") // cannot fail: "static" is a valid path
	metrics := promhttp.HandlerFor(s.opts.Registry, promhttp.HandlerOpts{Registry: s.opts.Registry})
	return []route{
		// Operations.
		{"GET", "/healthz", "healthz", s.healthz},
		{"GET", "/metrics", "", metrics.ServeHTTP},
		{"GET", "/api/openapi.yaml", "api_openapi", s.openAPI},

		// The JSON API: outlets and the editor self-check.
		{"GET", "/api/outlets", "api_outlets", s.apiOutlets},
		{"GET", "/api/outlets/{id}", "api_outlet", s.apiOutlet},
		{"POST", "/api/check", "api_check", s.apiCheck},
		// The JSON API over the stored articles: search, aggregates, adoption, evidence and rescore.
		{"GET", "/api/articles", "api_articles", s.apiArticles},
		{"GET", "/api/article", "api_article", s.apiArticle},
		{"GET", "/api/aggregates", "api_aggregates", s.apiAggregates},
		{"GET", "/api/outlets/{id}/aggregates", "api_outlet_aggregates", s.apiOutletAggregates},
		{"GET", "/api/policy", "api_policy", s.apiPolicy},
		{"GET", "/api/district", "api_district", s.apiDistrict},
		{"GET", "/api/outlets/{id}/adoption", "api_outlet_adoption", s.apiOutletAdoption},
		{"GET", "/api/outlets/{id}/evidence/{year}", "api_evidence", s.apiGetEvidence},
		{"POST", "/api/outlets/{id}/evidence/{year}", "api_evidence_write", s.apiWriteEvidence},
		{"PUT", "/api/outlets/{id}/evidence/{year}", "api_evidence_write", s.apiWriteEvidence},
		{"GET", "/api/rescore", "api_rescore", s.apiRescore},
		// The review: corrections of an article, objections, an outlet's review sample.
		{"GET", "/api/review", "api_review", s.apiGetReview},
		{"POST", "/api/review", "api_review_write", s.apiPostReview},
		{"GET", "/api/objections", "api_objections", s.apiObjections},
		{"GET", "/api/outlets/{id}/review", "api_outlet_review", s.apiOutletReview},
		{"GET", "/api/rules", "api_rules", s.apiRules},

		// The web pages and their static files.
		{"GET", "/{$}", "page_overview", s.overview},
		{"GET", "/check", "page_check", s.checkPage},
		{"POST", "/check", "page_check", s.checkPage},
		{"GET", "/report", "page_report", s.reportDownload},
		{"GET", "/outlets/{id}", "page_outlet", s.outletPageHandler},
		{"GET", "/outlets/{id}/evidence/{year}", "page_evidence", s.evidencePageHandler},
		{"POST", "/outlets/{id}/evidence/{year}", "page_evidence", s.evidencePageHandler},
		{"GET", "/article", "page_article", s.articlePageHandler},
		{"POST", "/article/review", "page_review", s.articleReviewPost},
		{"GET", "/search", "page_search", s.searchPageHandler},
		{"GET", "/static/", "", http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP},
	}
}

// newMux builds the mux from the route table, bounding every route's request body and timing every named route.
func (s *Server) newMux(m *httpMetrics) *http.ServeMux {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		h := s.limitBody(bodyLimit(rt), rt.handler)
		if rt.name != "" {
			h = m.wrap(rt.name, h)
		}
		mux.Handle(rt.pattern(), h)
	}
	return mux
}

// jsonMuxErrors answers the mux's own 404 and 405 (with its Allow header) as JSON errors, like every other error.
func (s *Server) jsonMuxErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			// Through the mux, so that the handler sees the pattern's path values.
			mux.ServeHTTP(w, r)
			return
		}
		probe := &headerProbe{header: http.Header{}}
		h.ServeHTTP(probe, r)
		if allow := probe.header.Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		switch probe.code {
		case http.StatusMethodNotAllowed:
			s.writeError(w, r, errorf(codeMethodNotAllowed, "method %s not allowed on %s", r.Method, r.URL.Path))
		case http.StatusNotFound, 0:
			if wantsPage(r) {
				s.errorPage(w, r, http.StatusNotFound, "error.nopage", r.URL.Path)
				return
			}
			s.writeError(w, r, errorf(codeNotFound, "no such page: %s", r.URL.Path))
		default:
			// Redirects (e.g. path cleaning) go through as the mux wrote them.
			h.ServeHTTP(w, r)
		}
	})
}

// wantsPage reports a browser asking for a page outside the API: it gets an HTML error page in its language, the
// API and other clients the JSON error.
func wantsPage(r *http.Request) bool {
	return !strings.HasPrefix(r.URL.Path, "/api/") && strings.Contains(r.Header.Get("Accept"), "text/html")
}

// headerProbe records what the mux's fallback handler would answer without writing it.
type headerProbe struct {
	header http.Header
	code   int
}

func (p *headerProbe) Header() http.Header         { return p.header }
func (p *headerProbe) Write(b []byte) (int, error) { return len(b), nil }
func (p *headerProbe) WriteHeader(code int)        { p.code = code }
