package indexer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"
)

// snippetFields are the text fields a hit's snippets come from.
var snippetFields = [...]string{fieldTitle, fieldLead, fieldBody}

// hitFields are the stored fields a page of hits loads, besides lead and body for the snippets of a query.
func hitFields() []string {
	return []string{fieldURL, fieldOutlet, fieldTitle, fieldSection, fieldAuthor, fieldPublished, fieldRulesVersion,
		fieldScore, fieldPeopleFemale, fieldPeopleMale, fieldPeopleUnknown, fieldQuotedFemale, fieldQuotedMale,
		fieldQuotedUnknown, fieldCategories, fieldTopics}
}

// searchFacets are the facets a search can ask for: name in SearchResult.Facets, field counted, how many values
// are kept, and whether the values are listed in order (months) rather than by count.
var searchFacets = [...]struct {
	name, field string
	size        int
	ordered     bool
}{
	{"outlet", fieldOutlet, 100, false},
	{"month", fieldMonth, 240, true},
	{"category", fieldCategories, 50, false},
}

// Search runs a search. Errors are about the request (an unusable query) or the index.
func (ix *Index) Search(ctx context.Context, sr model.SearchRequest) (model.SearchResult, error) {
	if sr.Size <= 0 {
		sr.Size = 20
	}
	if sr.Size > model.MaxSearchSize {
		sr.Size = model.MaxSearchSize
	}
	if sr.From < 0 {
		sr.From = 0
	}
	// Two phases keep a search over many articles cheap: the first ranks on the text field and returns
	// only ids (and facets); the second loads just the page's articles, whose snippets are marked here.
	aq := ix.snippets.analyse(sr.Query)
	q, hasText := buildQuery(sr, aq)
	req := bleve.NewSearchRequestOptions(q, sr.Size, sr.From, false)
	// No "_id" tie-break: it makes bleve load the stored id of every matching article, the largest cost at 100k.
	if !hasText {
		req.SortBy([]string{"-" + fieldPublished})
	}
	if sr.Facets {
		for _, f := range searchFacets {
			req.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
		}
	}
	// Only the partitions of the period's years are searched.
	view := ix.view(sr.Period)
	if view == nil {
		return model.SearchResult{Articles: []model.SearchHit{}, Facets: emptyFacets(sr.Facets)}, nil
	}
	res, err := searchAll(ctx, view, req)
	if err != nil {
		return model.SearchResult{}, fmt.Errorf("search %q: %w", sr.Query, err)
	}
	page := map[string]*search.DocumentMatch{}
	if len(res.Hits) > 0 {
		ids := make([]string, 0, len(res.Hits))
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		preq := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
		preq.Fields = hitFields()
		if hasText {
			preq.Fields = append(preq.Fields, fieldLead, fieldBody)
		}
		pres, err := searchAll(ctx, view, preq)
		if err != nil {
			return model.SearchResult{}, fmt.Errorf("search %q: load the page: %w", sr.Query, err)
		}
		for _, h := range pres.Hits {
			if hasText {
				texts := map[string]string{}
				for _, field := range snippetFields {
					texts[field], _ = h.Fields[field].(string)
				}
				h.Fragments = ix.snippets.snippets(h.ID, aq, texts)
			}
			page[h.ID] = h
		}
	}
	out := model.SearchResult{Total: res.Total, Articles: make([]model.SearchHit, 0, len(res.Hits)), Took: res.Took}
	for _, h := range res.Hits {
		full := page[h.ID]
		if full == nil {
			continue // changed between the two phases
		}
		full.Score = h.Score
		out.Articles = append(out.Articles, hitOf(full, hasText))
	}
	if sr.Facets {
		out.Facets = map[string][]model.FacetCount{}
		for _, f := range searchFacets {
			fr, ok := res.Facets[f.name]
			if !ok {
				continue
			}
			counts := []model.FacetCount{}
			if fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					counts = append(counts, model.FacetCount{Value: t.Term, Count: t.Count})
				}
			}
			if f.ordered {
				sort.Slice(counts, func(i, j int) bool { return counts[i].Value < counts[j].Value })
			}
			out.Facets[f.name] = counts
		}
	}
	return out, nil
}

// searchAll runs req on an alias, treating a partial answer (some partitions failed) as an error.
func searchAll(ctx context.Context, view bleve.Index, req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	res, err := view.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	if res.Status != nil && len(res.Status.Errors) > 0 {
		return nil, fmt.Errorf("%d of %d partitions failed: %w", res.Status.Failed, res.Status.Total,
			errors.Join(mapValues(res.Status.Errors)...))
	}
	return res, nil
}

func emptyFacets(want bool) map[string][]model.FacetCount {
	if !want {
		return nil
	}
	out := map[string][]model.FacetCount{}
	for _, f := range searchFacets {
		out[f.name] = []model.FacetCount{}
	}
	return out
}

func mapValues(m map[string]error) []error {
	out := make([]error, 0, len(m))
	for _, k := range sortedPartNames(m) {
		out = append(out, m[k])
	}
	return out
}

func hitOf(h *search.DocumentMatch, hasText bool) model.SearchHit {
	d, _ := documentFromFields(h.Fields)
	hit := model.SearchHit{
		URL: h.ID, Outlet: d.Outlet, Title: d.Title, Section: d.Section, Author: d.Author, RulesVersion: d.RulesVersion,
		Score: d.Score, People: d.People, Quoted: d.Quoted, Categories: nonNilStrings(d.Categories), Topics: nonNilStrings(d.Topics),
	}
	if !d.Published.IsZero() {
		p := d.Published
		hit.Published = &p
	}
	if hasText {
		hit.Relevance = h.Score
		for field, frags := range h.Fragments {
			if len(frags) == 0 {
				continue
			}
			if hit.Snippets == nil {
				hit.Snippets = map[string][]string{}
			}
			hit.Snippets[field] = frags
		}
	}
	return hit
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// buildQuery turns the request, its text already analysed, into a bleve query; hasText says whether it has words to
// rank by. The query text is parsed here rather than by bleve's query-string syntax so that no user input can make an
// invalid query. Words are looked for in the text field (title, lead and body), phrases of two syllables or more in
// the bigrams field: one short posting list per pair of syllables.
func buildQuery(sr model.SearchRequest, aq analysedQuery) (q query.Query, hasText bool) {
	var must []query.Query
	for _, part := range aq {
		switch {
		case len(part.terms) == 0:
			continue // nothing the index could hold, such as a lone mark in quotes
		case part.phrase && len(part.terms) == 2:
			tq := bleve.NewTermQuery(part.terms[0] + " " + part.terms[1])
			tq.SetField(fieldBigrams)
			must = append(must, tq)
		case part.phrase && len(part.terms) > 2:
			must = append(must, bleve.NewPhraseQuery(bigramTerms(part.terms), fieldBigrams))
		default:
			mq := bleve.NewMatchQuery(part.text)
			mq.SetField(fieldText)
			mq.SetOperator(query.MatchQueryOperatorAnd)
			must = append(must, mq)
		}
		hasText = true
	}
	term := func(field, value string) query.Query {
		tq := bleve.NewTermQuery(value)
		tq.SetField(field)
		return tq
	}
	if len(sr.Outlets) > 0 {
		var any []query.Query
		for _, o := range sr.Outlets {
			any = append(any, term(fieldOutlet, o))
		}
		must = append(must, bleve.NewDisjunctionQuery(any...))
	}
	if sr.Section != "" {
		must = append(must, term(fieldSection, norm.NFC.String(sr.Section)))
	}
	if sr.Category != "" {
		must = append(must, term(fieldCategories, sr.Category))
	}
	if sr.Topic != "" {
		must = append(must, term(fieldTopics, sr.Topic))
	}
	if sr.RulesVersion != "" {
		must = append(must, term(fieldRulesVersion, sr.RulesVersion))
	}
	if !sr.Period.From.IsZero() || !sr.Period.To.IsZero() {
		inclusive, exclusive := true, false
		dq := bleve.NewDateRangeInclusiveQuery(sr.Period.From, sr.Period.To, &inclusive, &exclusive)
		dq.SetField(fieldPublished)
		must = append(must, dq)
	}
	if len(must) == 0 {
		return bleve.NewMatchAllQuery(), false
	}
	return bleve.NewConjunctionQuery(must...), hasText
}

type queryPart struct {
	text   string
	phrase bool
}

// splitQuery splits a query into phrases (between straight or curly double quotes) and single words. An unclosed
// quote makes the rest a phrase.
func splitQuery(s string) []queryPart {
	var parts []queryPart
	var word strings.Builder
	inPhrase := false
	flush := func(phrase bool) {
		text := strings.TrimSpace(word.String())
		word.Reset()
		if text == "" {
			return
		}
		if phrase {
			parts = append(parts, queryPart{text: text, phrase: true})
			return
		}
		for _, w := range strings.Fields(text) {
			// A lone punctuation mark analyses to no term and would match nothing.
			if strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				parts = append(parts, queryPart{text: w})
			}
		}
	}
	for _, r := range s {
		switch r {
		case '"', '“', '”':
			flush(inPhrase)
			inPhrase = !inPhrase
		default:
			word.WriteRune(r)
		}
	}
	flush(inPhrase)
	return parts
}
