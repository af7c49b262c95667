package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"genderlens/adoption"
	"genderlens/model"
)

// The page helpers live here, beside the pages that use them; parsePages runs after package initialisation.
func init() {
	pageFuncs["pctp"] = func(f *float64) string {
		if f == nil {
			return "–"
		}
		return fmt.Sprintf("%.0f%%", *f*100)
	}
	pageFuncs["scorep"] = func(f *float64) string {
		if f == nil {
			return "–"
		}
		return fmt.Sprintf("%.1f", *f)
	}
	pageFuncs["date"] = func(t any) string {
		switch v := t.(type) {
		case time.Time:
			if v.IsZero() {
				return "–"
			}
			return v.In(model.Vietnam()).Format("02/01/2006")
		case *time.Time:
			if v == nil || v.IsZero() {
				return "–"
			}
			return v.In(model.Vietnam()).Format("02/01/2006")
		}
		return "–"
	}
	pageFuncs["datetime"] = func(t time.Time) string { return t.In(model.Vietnam()).Format("02/01/2006 15:04") }
}

// L returns a link to path (which may carry a query) in the page's language, so that English stays English.
func (p page) L(path string) string {
	if p.Lang != "en" {
		return path
	}
	if strings.Contains(path, "?") {
		return path + "&lang=en"
	}
	return path + "?lang=en"
}

// errorView is the error page: the status and a catalog key for what went wrong, with an optional detail: a
// sentence in the page's language, or data (an id, an address) shown as given, never a secret.
type errorView struct {
	Code    int
	Message string
	Detail  string
	// Data marks a detail that is data rather than a sentence.
	Data bool
}

// errorPage answers a page request with an HTML error page, in the request's language. detail is a catalog key
// ("error.year", formatted with args) or data such as the id asked for.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, code int, msgKey, detail string, args ...any) {
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="genderlens"`)
	}
	v := errorView{Code: code, Message: msgKey, Detail: detail, Data: true}
	if strings.HasPrefix(detail, "error.") {
		v.Detail, v.Data = fmt.Sprintf(translate(pageLang(r), detail), args...), false
	}
	s.render(w, code, "error.html", newPage(r, "", v))
}

// outletLink is the outlet page of an outlet.
func outletLink(id string) string { return "/outlets/" + url.PathEscape(id) }

// articleLink is the article page of a stored article.
func articleLink(u string) string { return "/article?url=" + url.QueryEscape(u) }

// monthly returns an outlet's figures (every outlet's when id is empty) for each month of a year.
func (s *Server) monthly(id string, year int) []model.Aggregate {
	out := make([]model.Aggregate, 12)
	for m := range 12 {
		from := time.Date(year, time.Month(m+1), 1, 0, 0, 0, 0, model.Vietnam())
		out[m] = s.opts.Store.Aggregate(model.Filter{Outlet: id, Period: model.Period{From: from, To: from.AddDate(0, 1, 0)}})
	}
	return out
}

// monthLabels are the x labels of the monthly charts.
func monthLabels(lang string) []string {
	out := make([]string, 12)
	for i := range out {
		if lang == "en" {
			out[i] = time.Month(i + 1).String()[:3]
		} else {
			out[i] = fmt.Sprintf("T%d", i+1)
		}
	}
	return out
}

func pctTick(v float64) string   { return fmt.Sprintf("%.0f%%", v*100) }
func scoreTick(v float64) string { return fmt.Sprintf("%.0f", v) }

// requirementView is one adoption requirement, named in the page's language.
type requirementView struct {
	Name, Want, Got string
	Met             bool
	Level           adoption.Level
	// GotData marks a Got that is recorded evidence (a document's reference, a person's name), shown as typed.
	GotData bool
}

// statusView explains an outlet's level: a summary and the requirements still unmet for the next level.
type statusView struct {
	Level   adoption.Level
	Summary string
	Unmet   []requirementView
	Checks  []requirementView
}

func newStatusView(lang string, st adoption.Status) statusView {
	v := statusView{Level: st.Level}
	next := adoption.Pilot
	switch st.Level {
	case adoption.Official:
		v.Summary = translate(lang, "status.official")
	case adoption.Pilot:
		v.Summary, next = translate(lang, "status.pilot"), adoption.Official
	default:
		v.Summary = translate(lang, "status.not_started")
	}
	for _, c := range st.Checks {
		rv := requirementView{Name: requirementName(lang, c.Requirement), Want: policyText(lang, c.Want), Got: policyText(lang, c.Got),
			Met: c.Met, Level: c.Level}
		if c.Met && evidenceRequirements[c.Requirement] {
			rv.Got, rv.GotData = c.Got, true
		}
		v.Checks = append(v.Checks, rv)
		if !c.Met && c.Level == next && st.Level != adoption.Official {
			v.Unmet = append(v.Unmet, rv)
		}
	}
	return v
}

// evidenceRequirements are the requirements whose Got, once met, is the evidence as recorded.
var evidenceRequirements = map[string]bool{"decision": true, "focal_person": true, "self_assessment": true}

// requirementName names a policy requirement ("category_rate:stereotype" included) in the page's language.
func requirementName(lang, req string) string {
	kind, arg, ok := strings.Cut(req, ":")
	if !ok {
		return translate(lang, "req."+req)
	}
	name := translate(lang, "cat."+arg)
	if kind == "violence_rate" {
		name = translate(lang, "violence."+arg)
	}
	return translate(lang, "req."+kind) + ": " + name
}

func init() {
	// args passes several values to a sub-template, usually the page and a row.
	pageFuncs["args"] = func(v ...any) []any { return v }
}

// policyText renders the adoption package's English description of a requirement or finding in the page's
// language.
func policyText(lang, s string) string {
	if lang == "en" {
		return s
	}
	return adoption.Vietnamese(s)
}
