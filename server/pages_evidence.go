package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

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
	// Problems are the form's mistakes, one sentence each in the page's language.
	Problems []string
	Writable bool
}

// evidenceForm holds the form's fields as typed, so that a rejected form comes back as it was (never the token).
type evidenceForm struct {
	RecordedBy, DecisionRef, DecisionDate, FocalPerson, SelfRef, SelfDate, ReportSent string
	StaffTrained, WomenLeadership, Note                                               string
}

func formFromEvidence(e adoption.Evidence, lang string) evidenceForm {
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
		// 0.555*100 is 55.50000000000001 in floating point: six decimals are more than anyone types.
		s := strconv.FormatFloat(math.Round(*p*100*1e6)/1e6, 'f', -1, 64)
		if lang != "en" {
			s = strings.Replace(s, ".", ",", 1) // as a Vietnamese officer types it
		}
		return s
	}
	f.StaffTrained, f.WomenLeadership = pct(e.StaffTrainedShare), pct(e.WomenLeadershipShare)
	return f
}

// evidence converts the form; percentages are typed 0-100 and stored as shares 0-1, dates typed YYYY-MM-DD (what
// a date field sends) or DD/MM/YYYY. Each problem is a sentence in lang naming the field by its label.
func (f evidenceForm) evidence(id string, year int, lang string) (adoption.Evidence, []string) {
	var problems []string
	problem := func(key, label string, args ...any) {
		problems = append(problems, fmt.Sprintf(translate(lang, key), append([]any{label}, args...)...))
	}
	label := func(keys ...string) string {
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = translate(lang, k)
		}
		return strings.Join(parts, ": ")
	}
	date := func(s string, keys ...string) string {
		if s == "" {
			return ""
		}
		for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.Format("2006-01-02")
			}
		}
		problem("evidence.err.date", label(keys...), s)
		return s
	}
	share := func(s string, keys ...string) *float64 {
		if s == "" {
			return nil
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.ReplaceAll(s, ",", "."), "%")), 64)
		if err != nil || v < 0 || v > 100 {
			problem("evidence.err.pct", label(keys...), s)
			return nil
		}
		v /= 100
		return &v
	}
	document := func(ref, day string, keys ...string) *adoption.DocumentRef {
		if ref == "" && day == "" {
			return nil
		}
		d := &adoption.DocumentRef{Ref: ref, Date: date(day, append(keys, "evidence.date")...)}
		if strings.TrimSpace(ref) == "" {
			problem("evidence.err.ref", label(append(keys, "evidence.ref")...))
		}
		return d
	}
	e := adoption.Evidence{Outlet: id, Year: year, FocalPerson: f.FocalPerson, Note: f.Note, RecordedBy: f.RecordedBy,
		Decision:             document(f.DecisionRef, f.DecisionDate, "evidence.decision"),
		SelfAssessment:       document(f.SelfRef, f.SelfDate, "evidence.self"),
		ReportSent:           date(f.ReportSent, "evidence.report"),
		StaffTrainedShare:    share(f.StaffTrained, "evidence.staff"),
		WomenLeadershipShare: share(f.WomenLeadership, "evidence.leaders")}
	if len(problems) == 0 {
		if err := e.Validate(); err != nil {
			// The form checks what Validate checks; should they ever differ, say so in the page's language.
			problem("evidence.err.other", err.Error())
		}
	}
	return e, problems
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
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.year", r.PathValue("year"))
		return
	}
	v := &evidencePage{Outlet: o, Year: year, OutletLink: outletLink(id) + "?year=" + strconv.Itoa(year),
		Action: outletLink(id) + "/evidence/" + strconv.Itoa(year), Saved: r.URL.Query().Get("saved") == "1",
		Writable: s.opts.APIToken != ""}
	if pageLang(r) == "en" {
		v.Action += "?lang=en"
	}
	if cur, hist, ok := s.opts.Evidence.Get(id, year); ok {
		v.Current, v.History, v.Form = &cur, hist, formFromEvidence(cur, pageLang(r))
		v.Form.RecordedBy = ""
	}
	p := newPage(r, "overview", v)
	if r.Method != http.MethodPost {
		s.render(w, http.StatusOK, "evidence.html", p)
		return
	}
	// The route's body limit (evidenceFormBytes) bounds what ParseForm reads.
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.errorPage(w, r, http.StatusRequestEntityTooLarge, "error.toolarge", "error.maxsize", sizeText(tooBig.Limit))
			return
		}
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
	ev, problems := v.Form.evidence(id, year, p.Lang)
	if len(problems) > 0 {
		v.Error, v.Problems = "evidence.invalid", problems
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
