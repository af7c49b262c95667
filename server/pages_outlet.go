package server

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"time"

	"genderlens/adoption"
	"genderlens/config"
	"genderlens/model"
)

// outletPage is one outlet's year: status, monthly trends, the indicator breakdown and the articles to look at first.
type outletPage struct {
	Outlet           config.Outlet
	Year, Prev, Next int
	Status           statusView
	Figures          model.Aggregate
	WomenChart       template.HTML
	ScoreChart       template.HTML
	Months           []monthRow
	Categories       []categoryRow
	Roles            []roleRow
	Topics           []categoryRow
	Top              []topArticle
	EvidenceLink     string
	SearchLink       string
	Policy           string
	// MinSample is the smallest base a share is shown for.
	MinSample int
	// Crawl is the outlet's last crawl (nil: none known).
	Crawl *model.CrawlHealth
	// CrawlSkipped lists Crawl.Skipped in a stable order.
	CrawlSkipped []skipCount
	// Review is the year's review: how much is reviewed, the sample and what it says of the scorer.
	Review outletReview
}

type skipCount struct {
	Reason string
	Pages  int
}

type monthRow struct {
	Label   string
	Figures model.Aggregate
}

type categoryRow struct {
	Key  string
	Rate model.Rate
}

type roleRow struct {
	Role           string
	People, Quoted model.GenderFigures
}

// topArticle is an article with its number of findings, for the "most findings" list.
type topArticle struct {
	Title, Link string
	Published   *time.Time
	Score       float64
	Findings    int
	Categories  []string
}

// topArticlesScanned bounds the articles read to rank by findings: one search page.
const topArticlesScanned = model.MaxSearchSize

// findingCategories are the finding categories in display order.
var findingCategories = append(slices.Clone(model.GenderedLanguageCategories()), "positive")

// outletPageHandler: GET /outlets/{id}?year=.
func (s *Server) outletPageHandler(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	o, ok := s.outlet(id)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound, "error.nooutlet", id)
		return
	}
	year, err := yearParam(r.URL.Query().Get("year"))
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.year", r.URL.Query().Get("year"))
		return
	}
	lang := pageLang(r)
	v := &outletPage{Outlet: o, Year: year, Prev: year - 1, Next: year + 1, MinSample: s.opts.MinSample,
		EvidenceLink: outletLink(id) + "/evidence/" + strconv.Itoa(year),
		SearchLink:   "/search?outlet=" + template.URLQueryEscaper(id) + "&period=" + strconv.Itoa(year)}
	if s.opts.Policy != nil {
		v.Policy = s.opts.Policy.Version
	}
	v.Figures = s.opts.Store.Aggregate(model.Filter{Outlet: id, Period: model.Year(year)})
	var ev *adoption.Evidence
	if e, _, ok := s.opts.Evidence.Get(id, year); ok {
		ev = &e
	}
	v.Status = newStatusView(lang, s.opts.Policy.Assess(id, year, ev, v.Figures))

	labels := monthLabels(lang)
	women, unknown, scores := make([]*float64, 12), make([]*float64, 12), make([]*float64, 12)
	womenEnough, unknownEnough := make([]bool, 12), make([]bool, 12)
	for m, a := range s.monthly(id, year) {
		women[m], unknown[m], scores[m] = a.Quoted.WomenShare, a.Quoted.UnknownShare, a.Score
		womenEnough[m], unknownEnough[m] = a.Quoted.WomenShareEnoughData, a.Quoted.UnknownShareEnoughData
		v.Months = append(v.Months, monthRow{Label: labels[m], Figures: a})
	}
	// The chart draws only the months the table gives a percentage for.
	women, unknown = enoughShares(women, womenEnough), enoughShares(unknown, unknownEnough)
	v.WomenChart = lineChart(fmt.Sprintf(translate(lang, "outlet.womenchart"), o.Name, year), labels, 1, pctTick,
		chartSeries{Name: translate(lang, "series.women"), Colour: "#5b2a86", Values: women},
		chartSeries{Name: translate(lang, "series.unknown"), Colour: "#6b6b6b", Dashed: true, Values: unknown})
	v.ScoreChart = lineChart(fmt.Sprintf(translate(lang, "outlet.scorechart"), o.Name, year), labels, 100, scoreTick,
		chartSeries{Name: translate(lang, "series.score"), Colour: "#1b6e3a", Values: scores})

	for _, c := range findingCategories {
		v.Categories = append(v.Categories, categoryRow{Key: c, Rate: v.Figures.CategoryRate(c)})
	}
	// Violence stories have their own rows; the other topics follow them.
	for _, t := range []string{model.TopicGenderEquality, model.TopicWomenFocus} {
		v.Topics = append(v.Topics, categoryRow{Key: t, Rate: v.Figures.Topics[t]})
	}
	for _, role := range model.Roles() {
		v.Roles = append(v.Roles, roleRow{Role: role, People: v.Figures.PeopleByRole[role], Quoted: v.Figures.QuotedByRole[role]})
	}
	top, err := s.topArticles(r, id, year)
	if err != nil {
		s.opts.Logger.Error("outlet page: top articles", "outlet", id, "err", err)
	}
	v.Top = top
	v.Review = s.outletReviewView(lang, id, year, v.Figures)
	if v.Crawl = s.crawlHealth(id); v.Crawl != nil {
		v.Crawl.LastCrawl = v.Crawl.LastCrawl.In(model.Vietnam())
		for _, reason := range slices.Sorted(maps.Keys(v.Crawl.Skipped)) {
			v.CrawlSkipped = append(v.CrawlSkipped, skipCount{Reason: reason, Pages: v.Crawl.Skipped[reason]})
		}
	}
	s.render(w, http.StatusOK, "outlet.html", newPage(r, "overview", v))
}

// topArticles ranks the outlet's articles of the year by their number of findings, most first (lower score first on
// a tie), reading at most one search page of them.
func (s *Server) topArticles(r *http.Request, id string, year int) ([]topArticle, error) {
	res, err := s.opts.Store.Search(r.Context(), model.SearchRequest{Outlets: []string{id}, Period: model.Year(year), Size: topArticlesScanned})
	if err != nil {
		return nil, err
	}
	var out []topArticle
	for _, h := range res.Articles {
		d, ok, err := s.opts.Store.Get(h.URL)
		if err != nil || !ok || d.FindingCount == 0 {
			continue
		}
		// The list is of problems: a positive signal's category is not one.
		cats := slices.DeleteFunc(slices.Clone(h.Categories), func(c string) bool {
			cat, ok := model.LookupCategory(c)
			return ok && !cat.Problem()
		})
		out = append(out, topArticle{Title: h.Title, Link: articleLink(h.URL), Published: h.Published, Score: h.Score,
			Findings: d.FindingCount, Categories: cats})
	}
	slices.SortStableFunc(out, func(a, b topArticle) int {
		return cmp.Or(cmp.Compare(b.Findings, a.Findings), cmp.Compare(a.Score, b.Score))
	})
	return out[:min(len(out), 10)], nil
}

// outlet returns the configured outlet with this id.
func (s *Server) outlet(id string) (config.Outlet, bool) {
	for _, o := range s.opts.Outlets {
		if o.ID == id {
			return o, true
		}
	}
	return config.Outlet{}, false
}
