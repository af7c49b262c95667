package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"genderlens/adoption"
	"genderlens/config"
)

// evidencePage shows an outlet's process evidence for a year, its history, and a form to record new evidence.
type evidencePage struct {
	Outlet     config.Outlet
	Year       int
	OutletLink string
	Action     string
	Current    *adoption.Evidence
	History    []adoption.Evidence
	Form       evidenceForm
	Saved      bool
	Error      string
	Detail     string
	Writable   bool
}

// evidenceForm holds the form's fields as typed, so that a rejected form comes back as it was (never the token).
type evidenceForm struct {
	RecordedBy, DecisionRef, DecisionDate, FocalPerson, SelfRef, SelfDate, ReportSent string
	StaffTrained, WomenLeadership, Note                                               string
}

func formFromEvidence(e adoption.Evidence) evidenceForm {
	f := evidenceForm{FocalPerson: e.FocalPerson, ReportSent: e.ReportSent, Note: e.Note}
	if e.Decision != nil {
		f.DecisionRef, f.DecisionDate = e.Decision.Ref, e.Decision.Date
	}
	if e.SelfAssessment != nil {
		f.SelfRef, f.SelfDate = e.SelfAssessment.Ref, e.SelfAssessment.Date
	}
	pct := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p*100, 'f', -1, 64)
	}
	f.StaffTrained, f.WomenLeadership = pct(e.StaffTrainedShare), pct(e.WomenLeadershipShare)
	return f
}

// evidence converts the form; percentages are typed 0-100 and stored as shares 0-1.
func (f evidenceForm) evidence(id string, year int) (adoption.Evidence, error) {
	e := adoption.Evidence{Outlet: id, Year: year, FocalPerson: f.FocalPerson, ReportSent: f.ReportSent, Note: f.Note, RecordedBy: f.RecordedBy}
	if f.DecisionRef != "" || f.DecisionDate != "" {
		e.Decision = &adoption.DocumentRef{Ref: f.DecisionRef, Date: f.DecisionDate}
	}
	if f.SelfRef != "" || f.SelfDate != "" {
		e.SelfAssessment = &adoption.DocumentRef{Ref: f.SelfRef, Date: f.SelfDate}
	}
	share := func(name, s string) (*float64, error) {
		if s == "" {
			return nil, nil
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.ReplaceAll(s, ",", "."), "%"), 64)
		if err != nil || v < 0 || v > 100 {
			return nil, fmt.Errorf("%s: want a percentage from 0 to 100, got %q", name, s)
		}
		v /= 100
		return &v, nil
	}
	var errs []error
	var err error
	if e.StaffTrainedShare, err = share("staff_trained", f.StaffTrained); err != nil {
		errs = append(errs, err)
	}
	if e.WomenLeadershipShare, err = share("women_leadership", f.WomenLeadership); err != nil {
		errs = append(errs, err)
	}
	if err := e.Validate(); err != nil {
		errs = append(errs, err)
	}
	return e, errors.Join(errs...)
}

// evidencePageHandler: GET and POST /outlets/{id}/evidence/{year}. POST needs the API token in the form's token
// field; it records new evidence (the current one moves to the history) and redirects back to GET.
func (s *Server) evidencePageHandler(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	o, ok := s.outlet(id)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "error.nooutlet", id)
		return
	}
	year, err := yearParam(r.PathValue("year"))
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", err.Error())
		return
	}
	v := &evidencePage{Outlet: o, Year: year, OutletLink: outletLink(id) + "?year=" + strconv.Itoa(year),
		Action: outletLink(id) + "/evidence/" + strconv.Itoa(year), Saved: r.URL.Query().Get("saved") == "1",
		Writable: s.opts.APIToken != ""}
	if pageLang(r) == "en" {
		v.Action += "?lang=en"
	}
	if cur, hist, ok := s.opts.Evidence.Get(id, year); ok {
		v.Current, v.History, v.Form = &cur, hist, formFromEvidence(cur)
		v.Form.RecordedBy = ""
	}
	p := newPage(r, "overview", v)
	if r.Method != http.MethodPost {
		s.render(w, http.StatusOK, "evidence.html", p)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		v.Error = "check.badform"
		s.render(w, http.StatusBadRequest, "evidence.html", p)
		return
	}
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	v.Form = evidenceForm{RecordedBy: get("recorded_by"), DecisionRef: get("decision_ref"), DecisionDate: get("decision_date"),
		FocalPerson: get("focal_person"), SelfRef: get("self_ref"), SelfDate: get("self_date"), ReportSent: get("report_sent"),
		StaffTrained: get("staff_trained"), WomenLeadership: get("women_leadership"), Note: get("note")}
	if code := s.formTokenStatus(r.PostFormValue("token")); code != 0 {
		v.Error = "evidence.unauthorised"
		if code == http.StatusForbidden {
			v.Error = "evidence.forbidden"
			if s.opts.APIToken == "" {
				v.Error = "evidence.disabled"
			}
		} else {
			w.Header().Set("WWW-Authenticate", `Bearer realm="genderlens"`)
		}
		s.render(w, code, "evidence.html", p)
		return
	}
	if v.Form.RecordedBy == "" {
		v.Error = "evidence.needwho"
		s.render(w, http.StatusBadRequest, "evidence.html", p)
		return
	}
	ev, err := v.Form.evidence(id, year)
	if err != nil {
		v.Error, v.Detail = "evidence.invalid", strings.ReplaceAll(err.Error(), "\n", "; ")
		s.render(w, http.StatusBadRequest, "evidence.html", p)
		return
	}
	if _, err := s.opts.Evidence.Put(ev); err != nil {
		s.opts.Logger.Error("save evidence from the form", "outlet", id, "year", year, "err", err)
		v.Error = "error.unavailable"
		s.render(w, http.StatusServiceUnavailable, "evidence.html", p)
		return
	}
	s.opts.Logger.Info("evidence recorded", "outlet", id, "year", year, "by", ev.RecordedBy, "method", "form")
	http.Redirect(w, r, v.Action+sep(v.Action)+"saved=1", http.StatusSeeOther)
}

func sep(u string) string {
	if strings.Contains(u, "?") {
		return "&"
	}
	return "?"
}

// formTokenStatus checks the form's token like authorised checks the bearer token: 0 when it is right, 401 when
// missing, 403 when wrong or when writes are disabled. Comparing hashes keeps the time constant whatever the lengths.
func (s *Server) formTokenStatus(token string) int {
	token = strings.TrimSpace(token)
	if token == "" {
		return http.StatusUnauthorized
	}
	if s.opts.APIToken == "" {
		return http.StatusForbidden
	}
	got, want := sha256.Sum256([]byte(token)), sha256.Sum256([]byte(s.opts.APIToken))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return http.StatusForbidden
	}
	return 0
}
