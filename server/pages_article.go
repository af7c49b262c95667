package server

import (
	"encoding/json"
	"errors"
	"net/http"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer"
)

// articlePage is a stored article: its text with every finding highlighted, the findings and the people.
type articlePage struct {
	Doc        indexer.Document
	Outlet     config.Outlet
	OutletLink string
	Result     *scorer.Result
	Segments   []segment
	Findings   []findingView
	Alerts     []scorer.Finding
	Stale      bool
	// Method explains how the score is computed, in the page's language.
	Method []string
	// MessageLang is the language of the findings' messages: the stored result's (Vietnamese), or the page's when
	// the article was scored again for it.
	MessageLang string
	// Review is the article's review and its forms; nil when the article has no stored result to review.
	Review *articleReview
}

// articlePageHandler: GET /article?url=CANONICAL_URL.
func (s *Server) articlePageHandler(w http.ResponseWriter, r *http.Request) {
	u := r.URL.Query().Get("url")
	if u == "" || len(u) > 4096 {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.nourl")
		return
	}
	if v, ok := s.articlePageView(w, r, u); ok {
		s.render(w, http.StatusOK, "article.html", newPage(r, "", v))
	}
}

// articlePageView reads the stored article at u for its page; when it cannot, it answers the error page itself and
// returns false.
func (s *Server) articlePageView(w http.ResponseWriter, r *http.Request, u string) (*articlePage, bool) {
	d, ok, err := s.opts.Store.Get(u)
	if err != nil {
		s.opts.Logger.Error("article page", "url", u, "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "error.unavailable", "")
		return nil, false
	}
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "error.noarticle", u)
		return nil, false
	}
	v := &articlePage{Doc: d, Stale: d.RulesVersion != s.opts.Scorer.RulesVersion(), Method: s.opts.Scorer.Method(pageLang(r))}
	if o, ok := s.outlet(d.Outlet); ok {
		v.Outlet, v.OutletLink = o, outletLink(o.ID)
	} else {
		v.Outlet = config.Outlet{ID: d.Outlet, Name: d.Outlet}
	}
	text := model.ScoredText(d.Title, d.Lead, d.Body, d.Captions)
	res := &scorer.Result{}
	if len(d.Result) == 0 || json.Unmarshal(d.Result, res) != nil {
		// An article stored without its full result (or with an unreadable one) is scored again for display only.
		res = s.opts.Scorer.Check(scorer.Document{Text: text, Section: d.Section})
	}
	v.MessageLang = "vi"
	if lang := pageLang(r); lang != "vi" && !v.Stale {
		// Stored results explain in Vietnamese. Scoring the same text with the same rules gives the same findings,
		// so an English page scores it again to explain them in English; a stale article keeps its stored result.
		res = s.opts.Scorer.Check(scorer.Document{Text: text, Section: d.Section, Lang: lang})
		v.MessageLang = lang
	}
	v.Result, v.Alerts = res, res.Alerts
	v.Segments, v.Findings = highlight(text, res.Findings)
	if a, err := s.opts.Review.Review(d); err == nil {
		v.Review = s.articleReviewView(r, a)
	} else if !errors.Is(err, review.ErrNoResult) {
		s.opts.Logger.Error("article page: review", "url", u, "err", err)
	}
	return v, true
}
