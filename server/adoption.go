package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"genderlens/adoption"
	"genderlens/model"
)

// apiPolicy: GET /api/policy: the adoption policy in use.
func (s *Server) apiPolicy(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.opts.Policy)
}

// yearParam reads a year from 2000 to 2100; empty means the current year in Vietnam.
func yearParam(s string) (int, error) {
	if s == "" {
		return time.Now().In(model.Vietnam()).Year(), nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > 2100 {
		return 0, errors.New("year: want a year from 2000 to 2100, got " + strconv.Quote(s))
	}
	return y, nil
}

// DistrictView is GET /api/district: the district's application of the indicator set in a year.
type DistrictView struct {
	adoption.District
	CurrentRulesVersion string `json:"current_rules_version"`
	Warning             string `json:"warning,omitempty"`
}

// apiDistrict: GET /api/district?year=2025: every configured outlet's status, the district rates and the target.
func (s *Server) apiDistrict(w http.ResponseWriter, r *http.Request) {
	year, err := yearParam(r.URL.Query().Get("year"))
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	d := s.district(year)
	v := DistrictView{District: d, CurrentRulesVersion: s.opts.Scorer.RulesVersion()}
	if len(d.RulesVersions) > 1 {
		v.Warning = "the content checks combine articles scored with different rules versions (a rescore is pending or running)"
	}
	writeJSON(w, http.StatusOK, v)
}

// apiOutletAdoption: GET /api/outlets/{id}/adoption?year=2025: one outlet's status with every check.
func (s *Server) apiOutletAdoption(w http.ResponseWriter, r *http.Request) {
	id := outletID(r)
	if !s.knownOutlet(id) {
		s.writeError(w, r, errorf(codeNotFound, "no outlet with id %s", id))
		return
	}
	year, err := yearParam(r.URL.Query().Get("year"))
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	var ev *adoption.Evidence
	if e, _, ok := s.opts.Evidence.Get(id, year); ok {
		ev = &e
	}
	content := s.opts.Store.Aggregate(model.Filter{Outlet: id, Period: model.Year(year)})
	writeJSON(w, http.StatusOK, s.opts.Policy.Assess(id, year, ev, content))
}

// evidencePath reads {id} and {year}: a not_found error for an unknown outlet, bad_request for a wrong year.
func (s *Server) evidencePath(r *http.Request) (string, int, error) {
	id := outletID(r)
	if !s.knownOutlet(id) {
		return "", 0, errorf(codeNotFound, "no outlet with id %s", id)
	}
	year, err := yearParam(yearSegment(r))
	if err != nil || yearSegment(r) == "" {
		return "", 0, wrapError(codeBadRequest, err, "year: want a year from 2000 to 2100")
	}
	return id, year, nil
}

// apiGetEvidence: GET /api/outlets/{id}/evidence/{year}: the current evidence and its earlier recordings.
func (s *Server) apiGetEvidence(w http.ResponseWriter, r *http.Request) {
	id, year, err := s.evidencePath(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	cur, hist, found := s.opts.Evidence.Get(id, year)
	if !found {
		s.writeError(w, r, errorf(codeNotFound, "no evidence recorded for %s in %d", id, year))
		return
	}
	if hist == nil {
		hist = []adoption.Evidence{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"evidence": cur, "history": hist})
}

// recordedByHeader names who records evidence when the body has no recorded_by.
const recordedByHeader = "X-Recorded-By"

// apiWriteEvidence: POST (create; 409 if some exists) or PUT (replace, keeping the history)
// /api/outlets/{id}/evidence/{year} with a JSON body; needs Authorization: Bearer <api_token>.
func (s *Server) apiWriteEvidence(w http.ResponseWriter, r *http.Request) {
	if err := s.authorised(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	id, year, err := s.evidencePath(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var ev adoption.Evidence
	if err := readJSON(w, r, &ev); err != nil {
		s.writeError(w, r, err)
		return
	}
	if (ev.Outlet != "" && ev.Outlet != id) || (ev.Year != 0 && ev.Year != year) {
		s.writeError(w, r, errorf(codeBadRequest, "outlet and year in the body must match the URL (or be left out)"))
		return
	}
	ev.Outlet, ev.Year = id, year
	if ev.RecordedBy == "" {
		ev.RecordedBy = strings.TrimSpace(r.Header.Get(recordedByHeader))
	}
	var saved adoption.Evidence
	if r.Method == http.MethodPost {
		saved, err = s.opts.Evidence.Create(ev)
	} else {
		saved, err = s.opts.Evidence.Put(ev)
	}
	switch {
	case errors.Is(err, adoption.ErrExists):
		s.writeError(w, r, wrapError(codeConflict, err, err.Error()+"; use PUT to replace it"))
		return
	case errors.Is(err, adoption.ErrInvalid):
		s.writeError(w, r, wrapError(codeBadRequest, err, strings.ReplaceAll(err.Error(), "\n", "; ")))
		return
	case err != nil:
		s.writeError(w, r, wrapError(codeUnavailable, fmt.Errorf("record evidence of %s for %d: %w", id, year, err),
			"could not save the evidence; try again"))
		return
	}
	s.opts.Logger.Info("evidence recorded", "outlet", id, "year", year, "by", saved.RecordedBy, "method", r.Method)
	code := http.StatusOK
	if r.Method == http.MethodPost {
		code = http.StatusCreated
	}
	writeJSON(w, code, map[string]any{"evidence": saved})
}

// authorised checks the bearer token in constant time: unauthorized without one, forbidden when wrong or when writes
// are disabled.
func (s *Server) authorised(r *http.Request) error {
	auth := r.Header.Get("Authorization")
	// RFC 9110 section 11.1: the scheme name is case-insensitive ("bearer" is Bearer).
	scheme, token, _ := strings.Cut(auth, " ")
	if auth == "" || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return errorf(codeUnauthorized, "send Authorization: Bearer <api_token>")
	}
	if s.opts.APIToken == "" {
		return errorf(codeForbidden, "writes are disabled: no api_token is configured")
	}
	// Hashing first makes the comparison constant-time whatever the lengths.
	got, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256([]byte(s.opts.APIToken))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return errorf(codeForbidden, "wrong token")
	}
	return nil
}

// district assesses every configured outlet for a year, each past target measured by its own year; the API, the
// overview and /metrics all read it, so they always agree.
func (s *Server) district(year int) adoption.District {
	return s.assessYear(year).WithPastTargets(s.assessYear)
}

// assessYear assesses every configured outlet on the year's evidence and content.
func (s *Server) assessYear(year int) adoption.District {
	content := s.opts.Store.AggregateByOutlet(model.Filter{Period: model.Year(year)})
	return s.opts.Policy.AssessDistrict(year, s.outletIDs(), s.opts.Evidence.Year(year), content)
}
