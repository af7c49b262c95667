package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"genderlens/model"
)

// apiArticles searches the stored articles: GET /api/articles?q=&outlet=&from=&to=&period=&section=&category=&topic=
// &rules_version=&size=&offset=&facets=. Query words match with or without diacritics; "..." is a phrase.
func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := model.SearchRequest{
		Query: q.Get("q"), Section: q.Get("section"), Category: q.Get("category"), Topic: q.Get("topic"),
		RulesVersion: q.Get("rules_version"), Facets: q.Get("facets") != "false" && q.Get("facets") != "0",
	}
	for _, o := range q["outlet"] {
		for _, id := range strings.Split(o, ",") {
			if id = strings.TrimSpace(id); id != "" {
				req.Outlets = append(req.Outlets, id)
			}
		}
	}
	// Unknown filters are refused, as /search refuses them, rather than answered with no article.
	for _, id := range req.Outlets {
		if !s.knownOutlet(id) {
			s.writeError(w, r, errorf(codeBadRequest, "outlet: no outlet with id %q", id))
			return
		}
	}
	if _, ok := model.LookupCategory(req.Category); req.Category != "" && !ok {
		s.writeError(w, r, errorf(codeBadRequest, "category: no finding category %q", req.Category))
		return
	}
	if req.Topic != "" && !slices.Contains(model.Topics(), req.Topic) {
		s.writeError(w, r, errorf(codeBadRequest, "topic: %q is not one of %s", req.Topic, strings.Join(model.Topics(), ", ")))
		return
	}
	period, label, err := periodParam(q.Get("period"), q.Get("from"), q.Get("to"))
	if err != nil {
		s.writeError(w, r, badRequest(err))
		return
	}
	req.Period = period
	if req.Size, err = intParam(q.Get("size"), 20, 1, model.MaxSearchSize); err != nil {
		s.writeError(w, r, badRequest(fmt.Errorf("size: %w", err)))
		return
	}
	if req.From, err = intParam(q.Get("offset"), 0, 0, 10000); err != nil {
		s.writeError(w, r, badRequest(fmt.Errorf("offset: %w", err)))
		return
	}
	if len(req.Query) > 1000 {
		s.writeError(w, r, errorf(codeBadRequest, "q: at most 1000 characters"))
		return
	}
	// An answer encoded since the store last changed is sent again (see articleAnswers); took_ms is then the time
	// it took to find it.
	start := time.Now()
	key, gen := answerKeyOf(req, label.Name), s.opts.Store.SearchGeneration()
	if a, ok := s.answers.get(key, gen); ok {
		a.write(w, tookMS(time.Since(start)))
		return
	}
	res, err := s.opts.Store.Search(r.Context(), req)
	if err != nil {
		if r.Context().Err() != nil {
			return // the client went away
		}
		s.writeError(w, r, wrapError(codeUnavailable, err, "the search failed; try again"))
		return
	}
	a, err := encodeAnswer(map[string]any{
		"query": req.Query, "period": label, "total": res.Total, "offset": req.From, "size": req.Size,
		"articles": res.Articles, "facets": res.Facets, "took_ms": json.RawMessage(tookPlaceholder[len(`"took_ms":`):]),
	})
	if err != nil {
		s.writeError(w, r, wrapError(codeInternal, err, "internal error"))
		return
	}
	if s.opts.Store.SearchGeneration() == gen {
		s.answers.put(key, gen, a)
	}
	a.write(w, tookMS(res.Took))
}

// tookMS is a search's duration in whole milliseconds, rounded up: a search that took 0.3 ms says 1, not 0.
func tookMS(d time.Duration) int64 {
	return int64((d + time.Millisecond - 1) / time.Millisecond)
}

// apiArticle returns one stored article with its full scorer result: GET /api/article?url=CANONICAL_URL.
func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	url := r.URL.Query().Get("url")
	if url == "" {
		s.writeError(w, r, errorf(codeBadRequest, "url: required (the article's canonical URL)"))
		return
	}
	d, ok, err := s.opts.Store.Get(url)
	if err != nil {
		s.writeError(w, r, wrapError(codeUnavailable, err, "could not read the article; try again"))
		return
	}
	if !ok {
		s.writeError(w, r, errorf(codeNotFound, "no stored article with this URL"))
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// The dates a period may span: far wider than any news archive, well inside what the store can represent.
var (
	minPeriodDate = time.Date(1900, 1, 1, 0, 0, 0, 0, model.Vietnam())
	maxPeriodDate = time.Date(2200, 1, 1, 0, 0, 0, 0, model.Vietnam())
)

// PeriodView describes the period a figure covers.
type PeriodView struct {
	// Name is the period as asked ("2025", "2025-Q4", "action-month-2025", "2025-01-01..2025-03-31"; "" is all time).
	Name string     `json:"name"`
	From *time.Time `json:"from"`
	To   *time.Time `json:"to"` // exclusive
}

// periodParam reads ?period= or ?from=&to= (YYYY-MM-DD, to included); not both.
func periodParam(period, from, to string) (model.Period, PeriodView, error) {
	if period != "" && (from != "" || to != "") {
		return model.Period{}, PeriodView{}, fmt.Errorf("give period or from/to, not both")
	}
	name := period
	if period == "" && (from != "" || to != "") {
		name = from + ".." + to
	}
	p, err := model.ParsePeriod(name)
	if err != nil {
		return model.Period{}, PeriodView{}, err
	}
	// The store dates articles in nanoseconds since 1970, which end in 1677 and 2262: a period beyond the years
	// articles can have is a mistake of the request, not a failure of the store.
	for _, t := range []time.Time{p.From, p.To} {
		if !t.IsZero() && (t.Before(minPeriodDate) || t.After(maxPeriodDate)) {
			return model.Period{}, PeriodView{}, fmt.Errorf("period %q: dates must lie from %s to %s", name,
				minPeriodDate.Format(time.DateOnly), maxPeriodDate.AddDate(0, 0, -1).Format(time.DateOnly))
		}
	}
	v := PeriodView{Name: name}
	if !p.From.IsZero() {
		v.From = &p.From
	}
	if !p.To.IsZero() {
		v.To = &p.To
	}
	return p, v, nil
}

func intParam(s string, def, lo, hi int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("want a whole number from %d to %d, got %q", lo, hi, s)
	}
	return n, nil
}

// outletID is {id} of /api/outlets/{id}/...
func outletID(r *http.Request) string { return r.PathValue("id") }

// yearSegment is {year} of /api/outlets/{id}/evidence/{year}.
func yearSegment(r *http.Request) string { return r.PathValue("year") }
