package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"genderlens/model"
	"genderlens/review"
	"genderlens/scorer"
)

// reviewer is who a token makes the bearer: an officer, or an outlet's editor.
type reviewer struct {
	role   string // review.ByOfficer or review.ByEditor
	outlet string // the editor's outlet
}

// tokenReviewer checks a token against the officers' API token, then the editors' tokens, in constant time each.
func (s *Server) tokenReviewer(token string) (reviewer, error) {
	token = strings.TrimSpace(token)
	if token == "" {
		return reviewer{}, errorf(codeUnauthorized, "send Authorization: Bearer <api_token or an editor's token>")
	}
	got := sha256.Sum256([]byte(token))
	same := func(want string) bool {
		w := sha256.Sum256([]byte(want))
		return want != "" && subtle.ConstantTimeCompare(got[:], w[:]) == 1
	}
	if same(s.opts.APIToken) {
		return reviewer{role: review.ByOfficer}, nil
	}
	for _, e := range s.opts.Editors {
		if same(e.Token) {
			return reviewer{role: review.ByEditor, outlet: e.Outlet}, nil
		}
	}
	if s.opts.APIToken == "" && len(s.opts.Editors) == 0 {
		return reviewer{}, errorf(codeForbidden, "writes are disabled: no api_token is configured")
	}
	return reviewer{}, errorf(codeForbidden, "wrong token")
}

// bearerReviewer reads the Authorization header (the scheme is case-insensitive, RFC 9110 section 11.1).
func (s *Server) bearerReviewer(r *http.Request) (reviewer, error) {
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if !strings.EqualFold(scheme, "Bearer") {
		token = ""
	}
	return s.tokenReviewer(token)
}

// ReviewView is an article's review as the API shows it: the machine and reviewed figures, every finding with its
// state and objections, the reviewed people, and the corrections that are stale or could not be applied.
type ReviewView struct {
	URL      string `json:"url"`
	Outlet   string `json:"outlet"`
	Title    string `json:"title"`
	TextHash string `json:"text_hash"`
	// Reviewed and OutOfScope are the marks that apply (null: not reviewed, in scope).
	Reviewed   *review.Correction     `json:"reviewed"`
	OutOfScope *review.Correction     `json:"out_of_scope"`
	Machine    ResultFigures          `json:"machine"`
	Corrected  ResultFigures          `json:"corrected"`
	Changed    bool                   `json:"changed"`
	Findings   []review.FindingReview `json:"findings"`
	People     []scorer.Person        `json:"people"`
	Stale      []review.Correction    `json:"stale"`
	Unmatched  []review.Correction    `json:"unmatched"`
	History    []review.Correction    `json:"history"`
}

// ResultFigures are an article's score and counts.
type ResultFigures struct {
	Score  float64            `json:"score"`
	People model.GenderCounts `json:"people"`
	Quoted model.GenderCounts `json:"quoted"`
	// Problems counts the problem findings.
	Problems int `json:"problems"`
}

func figuresOf(res *scorer.Result) ResultFigures {
	n := 0
	for _, f := range res.Findings {
		if scorer.IsProblem(f) {
			n++
		}
	}
	return ResultFigures{Score: res.Score, People: res.Counts.People, Quoted: res.Counts.Quoted, Problems: n}
}

func reviewView(a review.Article) ReviewView {
	o := a.Outcome
	hist := a.History
	if hist == nil {
		hist = []review.Correction{}
	}
	return ReviewView{URL: a.Document.URL, Outlet: a.Document.Outlet, Title: a.Document.Title, TextHash: a.TextHash,
		Reviewed: o.Reviewed, OutOfScope: o.OutOfScope, Machine: figuresOf(a.Machine), Corrected: figuresOf(o.Result),
		Changed: o.Changed, Findings: nonNil(o.Findings), People: nonNil(o.Result.People), Stale: o.Stale,
		Unmatched: o.Unmatched, History: hist}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// reviewArticle reads the stored article at url and its review.
func (s *Server) reviewArticle(url string) (review.Article, error) {
	if url == "" {
		return review.Article{}, errorf(codeBadRequest, "url: required (the article's canonical URL)")
	}
	d, ok, err := s.opts.Store.Get(url)
	if err != nil {
		return review.Article{}, wrapError(codeUnavailable, err, "could not read the article; try again")
	}
	if !ok {
		return review.Article{}, errorf(codeNotFound, "no stored article with this URL")
	}
	a, err := s.opts.Review.Review(d)
	if errors.Is(err, review.ErrNoResult) {
		return review.Article{}, wrapError(codeUnavailable, err, "the article's scorer result is missing; run genderlens check-store --repair or wait for its rescore")
	}
	if err != nil {
		return review.Article{}, wrapError(codeInternal, err, "could not read the article's result")
	}
	return a, nil
}

// apiGetReview: GET /api/review?url=U: the article's review.
func (s *Server) apiGetReview(w http.ResponseWriter, r *http.Request) {
	a, err := s.reviewArticle(r.URL.Query().Get("url"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, reviewView(a))
}

// apiPostReview: POST /api/review?url=U with one correction as JSON; an officer's or an editor's bearer token.
func (s *Server) apiPostReview(w http.ResponseWriter, r *http.Request) {
	who, err := s.bearerReviewer(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var c review.Correction
	if err := readJSON(w, r, &c); err != nil {
		s.writeError(w, r, err)
		return
	}
	if c.By == "" {
		c.By = strings.TrimSpace(r.Header.Get(recordedByHeader))
	}
	saved, a, err := s.recordCorrection(r.URL.Query().Get("url"), who, c)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"correction": saved, "review": reviewView(a)})
}

// recordCorrection checks c against the article's current review, records it and revises the article's figures.
// The server sets what it knows: the URL, the outlet, the text's hash, who wrote it. A client that sends text_hash
// gets a conflict when the article changed since it read it.
func (s *Server) recordCorrection(url string, who reviewer, c review.Correction) (review.Correction, review.Article, error) {
	if c.ID != 0 || !c.At.IsZero() || (c.ByRole != "" && c.ByRole != who.role) ||
		(c.URL != "" && c.URL != url) || c.Outlet != "" {
		return c, review.Article{}, errorf(codeBadRequest, "id, at, outlet and by_role are set by the server; url must match ?url or be left out")
	}
	a, err := s.reviewArticle(url)
	if err != nil {
		return c, a, err
	}
	if who.role == review.ByEditor && c.Kind != review.KindObjection {
		return c, a, errorf(codeForbidden, "an editor's token may only object to findings (kind %s)", review.KindObjection)
	}
	if who.role == review.ByEditor && who.outlet != a.Document.Outlet {
		return c, a, errorf(codeForbidden, "this editor's token is for outlet %s, not %s", who.outlet, a.Document.Outlet)
	}
	if c.TextHash != "" && c.TextHash != a.TextHash {
		return c, a, errorf(codeConflict, "the article's text changed since text_hash %s was read (now %s): read it again", c.TextHash, a.TextHash)
	}
	c.URL, c.Outlet, c.TextHash, c.ByRole = url, a.Document.Outlet, a.TextHash, who.role
	if strings.TrimSpace(c.By) == "" {
		c.By = who.role
		if who.outlet != "" {
			c.By += " " + who.outlet
		}
	}
	if err := locatePhrase(&c, a); err != nil {
		return c, a, err
	}
	if err := c.Validate(); err != nil {
		return c, a, wrapError(codeBadRequest, err, err.Error())
	}
	if err := checkReferents(&c, a); err != nil {
		return c, a, err
	}
	saved, err := s.opts.Review.Store.Record(c)
	switch {
	case errors.Is(err, review.ErrInvalid):
		return c, a, wrapError(codeBadRequest, err, err.Error())
	case errors.Is(err, review.ErrDamaged):
		return c, a, wrapError(codeUnavailable, err, "the corrections log is damaged: an administrator must repair it (genderlens check-store names the line); nothing was recorded")
	case err != nil:
		return c, a, wrapError(codeUnavailable, fmt.Errorf("record correction of %s: %w", url, err), "could not save the correction; try again")
	}
	if err := s.opts.Review.Sync(s.opts.Store, url); err != nil {
		// The correction is safe in the log; the figures catch up at the next correction or start.
		s.opts.Logger.Error("revise figures after a correction", "url", url, "err", err)
	}
	s.opts.Logger.Info("correction recorded", "url", url, "kind", saved.Kind, "id", saved.ID, "by", saved.By, "role", saved.ByRole)
	after, err := s.reviewArticle(url)
	if err != nil {
		return saved, a, err
	}
	return saved, after, nil
}

// locatePhrase places an added finding given by its phrase alone at the phrase's first occurrence.
func locatePhrase(c *review.Correction, a review.Article) error {
	f := c.Finding
	if c.Kind != review.KindAddFinding || f == nil || f.Start != 0 || f.End != 0 || f.Text == "" {
		return nil
	}
	i := strings.Index(a.Text, f.Text)
	if i < 0 {
		return errorf(codeBadRequest, "finding.text: %q does not occur in the article", f.Text)
	}
	f.Start, f.End = i, i+len(f.Text)
	return nil
}

// checkReferents checks that what a correction refers to exists in the article's current review, and completes a
// finding reference from it: a finding by category and place, a person by name, a span of the text.
func checkReferents(c *review.Correction, a review.Article) error {
	hasPerson := func(name string) bool {
		for _, p := range a.Outcome.Result.People {
			if review.SameName(p.Name, name) {
				return true
			}
		}
		return false
	}
	switch c.Kind {
	case review.KindConfirmFinding, review.KindRejectFinding, review.KindObjection:
		if c.Finding == nil {
			return nil // Validate says what is missing
		}
		for _, f := range a.Outcome.Findings {
			if f.Category == c.Finding.Category && f.Start == c.Finding.Start && f.End == c.Finding.End {
				c.Finding.Rule, c.Finding.Text = f.Rule, f.Text
				return nil
			}
		}
		return errorf(codeBadRequest, "finding: the article has no %s finding at %d..%d", c.Finding.Category, c.Finding.Start, c.Finding.End)
	case review.KindAddFinding:
		if c.Finding == nil {
			return nil
		}
		f := c.Finding
		if f.Start < 0 || f.End > len(a.Text) || f.Start >= f.End || !utf8.RuneStart(a.Text[f.Start]) ||
			(f.End < len(a.Text) && !utf8.RuneStart(a.Text[f.End])) {
			return errorf(codeBadRequest, "finding: %d..%d is not a span of the article's text (%d bytes)", f.Start, f.End, len(a.Text))
		}
		if !wordBoundary(a.Text, f.Start) || !wordBoundary(a.Text, f.End) {
			return errorf(codeBadRequest, "finding: %d..%d cuts a word: a span starts and ends between words", f.Start, f.End)
		}
		if f.Text != "" && f.Text != a.Text[f.Start:f.End] {
			return errorf(codeBadRequest, "finding.text: %q is not the text at %d..%d", f.Text, f.Start, f.End)
		}
		f.Text, f.Rule = a.Text[f.Start:f.End], ""
	case review.KindSetGender, review.KindSetQuoted, review.KindSetRole, review.KindRemovePerson:
		if c.Person != "" && !hasPerson(c.Person) {
			return errorf(codeBadRequest, "person: the article has no person %q", c.Person)
		}
	case review.KindMergePeople:
		for _, n := range []string{c.Person, c.Into} {
			if n != "" && !hasPerson(n) {
				return errorf(codeBadRequest, "person: the article has no person %q", n)
			}
		}
	}
	return nil
}

// apiObjections: GET /api/objections?outlet=&status=open|decided|all: editors' objections and the decisions.
func (s *Server) apiObjections(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	outlet, status := q.Get("outlet"), q.Get("status")
	if outlet != "" && !s.knownOutlet(outlet) {
		s.writeError(w, r, errorf(codeBadRequest, "outlet: no outlet with id %s", outlet))
		return
	}
	if status == "" {
		status = "open"
	}
	if status != "open" && status != "decided" && status != "all" {
		s.writeError(w, r, errorf(codeBadRequest, "status: want open, decided or all"))
		return
	}
	out := []review.Objection{}
	for _, o := range s.opts.Review.Store.Objections(outlet) {
		if status == "all" || (status == "open") == o.Open() {
			out = append(out, o)
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"objections": out})
}

// SampleArticle is one article of a review sample and where its review stands.
type SampleArticle struct {
	URL        string `json:"url"`
	Title      string `json:"title"`
	Corrected  bool   `json:"corrected"`
	Reviewed   bool   `json:"reviewed"`
	OutOfScope bool   `json:"out_of_scope"`
}

// ReviewSample is an outlet's review sample for a period and what its review says of the scorer.
type ReviewSample struct {
	Outlet string     `json:"outlet"`
	Period PeriodView `json:"period"`
	// Articles is every article of the outlet in the period; Reviewed those reviewed (in the sample or not).
	Articles   int             `json:"articles"`
	Reviewed   int             `json:"reviewed"`
	SampleSize int             `json:"sample_size"`
	Sample     []SampleArticle `json:"sample"`
	// SampleReviewed is how many of the sample are reviewed; Estimates rest on them alone, so they are unbiased.
	SampleReviewed int              `json:"sample_reviewed"`
	Estimates      review.Estimates `json:"estimates"`
}

// reviewSample draws the outlet's sample for the period and estimates the scorer's precision from its reviewed part.
func (s *Server) reviewSample(outlet string, period model.Period, view PeriodView) ReviewSample {
	sr, err := s.opts.Review.ReviewSample(s.opts.Store, outlet, view.Name, period, s.opts.SampleSize)
	if err != nil {
		s.opts.Logger.Warn("review estimates: some sampled articles could not be read", "outlet", outlet, "err", err)
	}
	out := ReviewSample{Outlet: outlet, Period: view, Articles: sr.Articles, SampleSize: s.opts.SampleSize,
		Sample: make([]SampleArticle, 0, len(sr.Sample)), SampleReviewed: sr.Reviewed, Estimates: sr.Estimates}
	for _, u := range s.opts.Store.URLs(model.Filter{Outlet: outlet, Period: period}) {
		if _, reviewed, _ := s.opts.Store.RevisionOf(u); reviewed {
			out.Reviewed++
		}
	}
	titles := s.titles(sr.Sample)
	for _, u := range sr.Sample {
		sa := SampleArticle{URL: u, Title: titles[u]}
		sa.Corrected, sa.Reviewed, sa.OutOfScope = s.opts.Store.RevisionOf(u)
		out.Sample = append(out.Sample, sa)
	}
	return out
}

// titles reads the titles of a few stored articles.
func (s *Server) titles(urls []string) map[string]string {
	out := make(map[string]string, len(urls))
	for _, u := range urls {
		if d, ok, err := s.opts.Store.Get(u); err == nil && ok {
			out[u] = d.Title
		}
	}
	return out
}

// apiOutletReview: GET /api/outlets/{id}/review?period=: the outlet's review sample and the estimates from it.
func (s *Server) apiOutletReview(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !s.knownOutlet(id) {
		s.writeError(w, r, errorf(codeNotFound, "no outlet with id %s", id))
		return
	}
	q := r.URL.Query()
	period, view, err := periodParam(q.Get("period"), q.Get("from"), q.Get("to"))
	if err != nil {
		s.writeError(w, r, wrapError(codeBadRequest, err, err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, s.reviewSample(id, period, view))
}

// wordBoundary reports whether byte offset i of text is not inside a word: a letter or digit does not stand on both
// sides of it.
func wordBoundary(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i:])
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) }
	return !(inWord(before) && inWord(after))
}
