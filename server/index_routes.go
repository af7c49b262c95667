package server

import (
	"net/http"
	"time"

	"genderlens/adoption"
)

// registerIndexRoutes adds the search, aggregate, adoption and rescore endpoints, and the rescore metrics.
func (s *Server) registerIndexRoutes(handle func(pattern, name string, h http.HandlerFunc)) {
	if s.opts.Policy == nil {
		// The embedded preset is checked by adoption's tests, so this cannot fail in a released build.
		p, err := adoption.Preset("hanoi")
		if err != nil {
			s.opts.Logger.Error("load the default adoption policy", "err", err)
		}
		s.opts.Policy = p
	}
	if s.opts.Evidence == nil {
		s.opts.Evidence, _ = adoption.OpenEvidenceStore("") // in memory: cannot fail
	}
	handle("GET /api/articles", "api_articles", s.apiArticles)
	handle("GET /api/article", "api_article", s.apiArticle)
	handle("GET /api/aggregates", "api_aggregates", s.apiAggregates)
	handle("GET /api/outlets/{id}/aggregates", "api_outlet_aggregates", s.apiOutletAggregates)
	handle("GET /api/policy", "api_policy", s.apiPolicy)
	handle("GET /api/district", "api_district", s.apiDistrict)
	handle("GET /api/outlets/{id}/adoption", "api_outlet_adoption", s.apiOutletAdoption)
	handle("GET /api/outlets/{id}/evidence/{year}", "api_evidence", s.apiGetEvidence)
	handle("POST /api/outlets/{id}/evidence/{year}", "api_evidence_write", s.apiWriteEvidence)
	handle("PUT /api/outlets/{id}/evidence/{year}", "api_evidence_write", s.apiWriteEvidence)
	handle("GET /api/rescore", "api_rescore", s.apiRescore)
	if err := s.opts.Registry.Register(newRescoreCollector(s.opts.Store)); err != nil {
		s.opts.Logger.Error("register rescore metrics", "err", err)
	}
	if err := s.opts.Registry.Register(newDistrictCollector(s, time.Now)); err != nil {
		s.opts.Logger.Error("register district metrics", "err", err)
	}
}
