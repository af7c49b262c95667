package server

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer"
)

func init() {
	// yes reads an optional flag (a correction's quoted value).
	pageFuncs["yes"] = func(b *bool) bool { return b != nil && *b }
}

// articleReview is the review part of the article page: where the review stands, the machine and reviewed figures,
// each finding with its state and objections, and the forms that record corrections.
type articleReview struct {
	// Action is where the forms post; TextHash is the text they were shown on, so that a form posted after the
	// article's text changed is refused rather than applied to other words.
	Action, TextHash string
	Reviewed         *review.Correction
	OutOfScope       *review.Correction
	Changed          bool
	Machine          ResultFigures
	Corrected        ResultFigures
	Findings         []findingReviewView
	People           []scorer.Person
	Stale, Unmatched []review.Correction
	History          []review.Correction
	// Categories are the categories a missed finding can be added in; Genders, Roles and Scopes the form choices.
	Categories, Genders, Roles, Scopes, Topics []string
	// Recorded is the correction just recorded (the flash after the redirect).
	Recorded *review.Correction
	// Error is a catalog key saying why a form was refused; Detail the API's own words for it (English), if any.
	Error, Detail string
	Form          reviewForm
}

// findingReviewView is a finding of the review with an id for its form and its open objections.
type findingReviewView struct {
	review.FindingReview
	ID   string
	Open []review.Objection
}

// reviewForm holds what a refused form typed, so that it comes back as it was (never the token).
type reviewForm struct {
	By, Reason, Phrase, Category, Person string
}

// articleReviewView reads the review of a stored article for its page; nil when the article has no stored result
// to review.
func (s *Server) articleReviewView(r *http.Request, a review.Article) *articleReview {
	o := a.Outcome
	v := &articleReview{Action: "/article/review?url=" + url.QueryEscape(a.Document.URL), TextHash: a.TextHash,
		Reviewed: o.Reviewed, OutOfScope: o.OutOfScope, Changed: o.Changed, Machine: figuresOf(a.Machine),
		Corrected: figuresOf(o.Result), People: o.Result.People, Stale: o.Stale, Unmatched: o.Unmatched,
		History: a.History, Categories: findingCategories, Genders: model.Genders(), Roles: model.Roles(),
		Scopes: review.Scopes(), Topics: model.Topics()}
	if pageLang(r) == "en" {
		v.Action += "&lang=en"
	}
	for i, f := range o.Findings {
		fv := findingReviewView{FindingReview: f, ID: "rf" + strconv.Itoa(i+1)}
		for _, ob := range f.Objections {
			if ob.Open() {
				fv.Open = append(fv.Open, ob)
			}
		}
		v.Findings = append(v.Findings, fv)
	}
	if id, err := strconv.Atoi(r.URL.Query().Get("recorded")); err == nil {
		for i := range a.History {
			if a.History[i].ID == id {
				v.Recorded = &a.History[i]
			}
		}
	}
	return v
}

// correctionFromForm reads a review form into a correction. The field names are the correction's JSON names; a
// finding is category, start, end and text (a missed finding may give its phrase alone: the server finds its first
// occurrence). A form carries more fields than its action uses (a person's form has the gender, role and quoted
// fields of all its buttons): only those of the kind chosen are kept. problem is a catalog key when the form cannot
// make a correction.
func correctionFromForm(f url.Values) (c review.Correction, problem string) {
	get := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	c = review.Correction{Kind: get("kind"), TextHash: get("text_hash"), Reason: get("reason"), By: get("by")}
	offset := func(k string) (int, bool) {
		s := get(k)
		if s == "" {
			return 0, true
		}
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 0
	}
	quoted := func() *bool {
		q := f.Get("quoted") != ""
		return &q
	}
	switch c.Kind {
	case "":
		return c, "review.err.kind"
	case review.KindConfirmFinding, review.KindRejectFinding, review.KindObjection, review.KindAddFinding:
		start, ok1 := offset("start")
		end, ok2 := offset("end")
		if !ok1 || !ok2 {
			return c, "review.err.place"
		}
		// The phrase keeps its spaces: it must match the text at its place exactly.
		c.Finding = &review.FindingRef{Category: get("category"), Start: start, End: end, Text: f.Get("text")}
		if c.Kind == review.KindAddFinding && strings.TrimSpace(c.Finding.Text) == "" && start == end {
			return c, "review.err.phrase"
		}
		if c.Kind == review.KindObjection && c.Reason == "" {
			return c, "review.err.reason"
		}
	case review.KindSetGender:
		c.Person, c.Gender = get("person"), get("gender")
	case review.KindSetRole:
		c.Person, c.Role = get("person"), get("role")
	case review.KindSetQuoted:
		c.Person, c.Quoted = get("person"), quoted()
	case review.KindRemovePerson:
		c.Person = get("person")
	case review.KindMergePeople:
		c.Person, c.Into = get("person"), get("into")
		if c.Into == "" {
			return c, "review.err.into"
		}
	case review.KindAddPerson:
		c.Person, c.Gender, c.Role, c.Quoted = get("person"), get("gender"), get("role"), quoted()
		if c.Person == "" {
			return c, "review.err.name"
		}
	case review.KindOutOfScope:
		c.Scope = get("scope")
	case review.KindSetTopic:
		flag := get("flag") == "yes"
		c.Topic, c.Flag = get("topic"), &flag
	case review.KindDecision:
		n, err := strconv.Atoi(get("objection"))
		if err != nil || n <= 0 {
			return c, "review.err.objection"
		}
		c.Objection, c.Decision = n, get("decision")
	}
	return c, ""
}

// articleReviewPost: POST /article/review?url=U: one correction from a form of the article page, with the officer's
// token (or an editor's, who may only object) in the form's token field. A recorded correction redirects back to
// the article page, which says what was recorded; a refused one shows the page again with why, in its language.
func (s *Server) articleReviewPost(w http.ResponseWriter, r *http.Request) {
	u := r.URL.Query().Get("url")
	if u == "" || len(u) > 4096 {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.nourl")
		return
	}
	// The route's body limit (evidenceFormBytes) bounds what ParseForm reads.
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.errorPage(w, r, http.StatusRequestEntityTooLarge, "error.toolarge", "error.maxsize", sizeText(tooBig.Limit))
			return
		}
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "check.badform")
		return
	}
	c, problem := correctionFromForm(r.PostForm)
	refuse := func(code int, key, detail string) {
		v, ok := s.articlePageView(w, r, u)
		if !ok {
			return
		}
		if v.Review == nil {
			s.errorPage(w, r, http.StatusServiceUnavailable, "error.unavailable", "")
			return
		}
		v.Review.Error, v.Review.Detail = key, detail
		v.Review.Form = reviewForm{By: c.By, Reason: c.Reason, Person: c.Person}
		if c.Kind == review.KindAddFinding && c.Finding != nil {
			v.Review.Form.Phrase, v.Review.Form.Category = c.Finding.Text, c.Finding.Category
		}
		if code == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="genderlens"`)
		}
		s.render(w, code, "article.html", newPage(r, "", v))
	}
	who, err := s.tokenReviewer(r.PostFormValue("token"))
	if err != nil {
		key := "evidence.forbidden"
		switch {
		case errorCodeOf(err) == codeUnauthorized:
			key = "evidence.unauthorised"
		case s.opts.APIToken == "" && len(s.opts.Editors) == 0:
			key = "review.disabled"
		}
		refuse(errorCodeOf(err).status(), key, "")
		return
	}
	if problem != "" {
		refuse(http.StatusBadRequest, problem, "")
		return
	}
	if who.role == review.ByEditor && c.Kind != review.KindObjection {
		refuse(http.StatusForbidden, "review.editoronly", "")
		return
	}
	saved, _, err := s.recordCorrection(u, who, c)
	if err != nil && saved.ID > 0 {
		// Recorded, but the article could not be read again: the page after the redirect says what it can.
		s.opts.Logger.Warn("article page: read the article after a correction", "url", u, "err", err)
		err = nil
	}
	if err != nil {
		code := errorCodeOf(err)
		switch code {
		case codeNotFound:
			s.errorPage(w, r, http.StatusNotFound, "error.noarticle", u)
		case codeForbidden:
			refuse(code.status(), "review.otheroutlet", "")
		case codeConflict:
			refuse(code.status(), "review.conflict", "")
		case codeBadRequest:
			var ae *apiError
			errors.As(err, &ae)
			refuse(code.status(), "review.invalid", ae.Message)
		default:
			s.opts.Logger.Error("record a correction from the article page", "url", u, "err", err)
			refuse(code.status(), "error.unavailable", "")
		}
		return
	}
	back := articleLink(u) + "&recorded=" + strconv.Itoa(saved.ID)
	if pageLang(r) == "en" {
		back += "&lang=en"
	}
	http.Redirect(w, r, back+"#review", http.StatusSeeOther)
}

// errorCodeOf is the API error code of err (internal when it is not an API error).
func errorCodeOf(err error) errorCode {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.Code
	}
	return codeInternal
}
