package server

import (
	"cmp"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"genderlens/config"
	"genderlens/model"
)

// searchPage is the search form, one page of results with highlighted snippets, and the facets.
type searchPage struct {
	Q, Outlet, Period, Category string
	Searched                    bool
	Outlets                     []config.Outlet
	Categories                  []string
	Total                       uint64
	Hits                        []searchHitView
	Facets                      []facetGroup
	Prev, Next                  string
	From, To                    int
}

type searchHitView struct {
	model.SearchHit
	Link, OutletName string
	Snippets         []template.HTML
}

type facetGroup struct {
	Name   string
	Values []facetValue
}

type facetValue struct {
	// Lang is "vi" for a label that is a name (an outlet's), empty for a translated one.
	Label, Link, Lang string
	Count             int
	Current           bool
}

const searchPageSize = 20

// searchPageHandler: GET /search?q=&outlet=&period=&category=&offset=.
func (s *Server) searchPageHandler(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	q := r.URL.Query()
	v := &searchPage{Q: q.Get("q"), Outlet: q.Get("outlet"), Period: strings.TrimSpace(q.Get("period")), Category: q.Get("category"),
		Outlets: s.opts.Outlets, Categories: findingCategories}
	p := newPage(r, "search", v)
	period, _, err := periodParam(v.Period, "", "")
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.badperiod", "error.period", v.Period)
		return
	}
	offset, err := intParam(q.Get("offset"), 0, 0, 10000)
	if err != nil || len(v.Q) > 1000 {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.searchparams")
		return
	}
	if v.Outlet != "" && !s.knownOutlet(v.Outlet) {
		s.errorPage(w, r, http.StatusBadRequest, "error.nooutlet", v.Outlet)
		return
	}
	if v.Category != "" && !knownCategory(v.Category) {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.category", v.Category)
		return
	}
	req := model.SearchRequest{Query: v.Q, Period: period, Category: v.Category, Size: searchPageSize, From: offset, Facets: true}
	if v.Outlet != "" {
		req.Outlets = []string{v.Outlet}
	}
	res, err := s.opts.Store.Search(r.Context(), req)
	if err != nil {
		if r.Context().Err() != nil {
			return // the client went away
		}
		s.opts.Logger.Error("search page", "q", v.Q, "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "error.unavailable", "")
		return
	}
	v.Searched, v.Total = true, res.Total
	names := map[string]string{}
	for _, o := range s.opts.Outlets {
		names[o.ID] = o.Name
	}
	for _, h := range res.Articles {
		hv := searchHitView{SearchHit: h, Link: articleLink(h.URL), OutletName: cmpOr(names[h.Outlet], h.Outlet)}
		// The title is shown already; its snippet only when the lead and body have none.
		for _, field := range []string{"lead", "body", "title"} {
			if field == "title" && len(hv.Snippets) > 0 {
				break
			}
			for _, sn := range h.Snippets[field] {
				if strings.TrimSpace(sn) != "" {
					hv.Snippets = append(hv.Snippets, safeSnippet(sn))
				}
			}
		}
		v.Hits = append(v.Hits, hv)
	}
	v.From, v.To = offset+1, offset+len(res.Articles)
	link := func(key, value string, offset int) string {
		vals := url.Values{}
		for k, val := range map[string]string{"q": v.Q, "outlet": v.Outlet, "period": v.Period, "category": v.Category} {
			if val != "" {
				vals.Set(k, val)
			}
		}
		if key != "" {
			if vals.Get(key) == value {
				vals.Del(key) // a second click on the current facet value removes the filter
			} else {
				vals.Set(key, value)
			}
		}
		if offset > 0 {
			vals.Set("offset", strconv.Itoa(offset))
		}
		if lang == "en" {
			vals.Set("lang", "en")
		}
		return "/search?" + vals.Encode()
	}
	if offset > 0 {
		v.Prev = link("", "", max(0, offset-searchPageSize))
	}
	if uint64(offset+len(res.Articles)) < res.Total {
		v.Next = link("", "", offset+searchPageSize)
	}
	for _, name := range []string{"outlet", "month", "category"} {
		g := facetGroup{Name: name}
		values := res.Facets[name]
		if name == "category" {
			// Problems first: a positive signal is not a kind of problem, so it never leads the list.
			values = slices.Clone(values)
			slices.SortStableFunc(values, func(a, b model.FacetCount) int {
				return cmp.Compare(problemRank(a.Value), problemRank(b.Value))
			})
		}
		for _, fc := range values {
			label, key, cur, labelLang := fc.Value, name, false, ""
			switch name {
			case "outlet":
				label, cur, labelLang = cmpOr(names[fc.Value], fc.Value), fc.Value == v.Outlet, "vi"
			case "month":
				key, cur = "period", fc.Value == v.Period
			case "category":
				label, cur = translate(lang, "cat."+fc.Value), fc.Value == v.Category
			}
			g.Values = append(g.Values, facetValue{Label: label, Link: link(key, fc.Value, 0), Lang: labelLang, Count: fc.Count, Current: cur})
		}
		if len(g.Values) > 0 {
			v.Facets = append(v.Facets, g)
		}
	}
	s.render(w, http.StatusOK, "search.html", p)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func knownCategory(c string) bool {
	for _, k := range findingCategories {
		if k == c {
			return true
		}
	}
	return false
}

// safeSnippet renders a search snippet. The index returns HTML made from stored (crawled, untrusted) text with
// matches in <mark>; rather than trust that, every piece between the marks is unescaped and escaped again, and only
// balanced <mark></mark> pairs are emitted.
func safeSnippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for s != "" {
		i := strings.Index(s, "<mark>")
		j := strings.Index(s, "</mark>")
		next, tag, tagLen := len(s), "", 0
		if i >= 0 && (j < 0 || i < j) {
			next, tag, tagLen = i, "<mark>", len("<mark>")
		} else if j >= 0 {
			next, tag, tagLen = j, "</mark>", len("</mark>")
		}
		b.WriteString(html.EscapeString(html.UnescapeString(s[:next])))
		switch {
		case tag == "<mark>" && !open:
			b.WriteString("<mark>")
			open = true
		case tag == "</mark>" && open:
			b.WriteString("</mark>")
			open = false
		}
		s = s[next+tagLen:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String()) // escaped above, with only <mark> elements re-allowed
}

// problemRank orders problem categories (0) before the others (1).
func problemRank(category string) int {
	if c, ok := model.LookupCategory(category); ok && !c.Problem() {
		return 1
	}
	return 0
}
