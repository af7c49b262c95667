package indexer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
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

// Search runs a search. Errors are about the request (an unusable query) or the index. The same request again,
// with no write to the store in between, is answered from a cache (see searchCache) with the same result; Took is
// always the time this call took.
func (ix *Index) Search(ctx context.Context, sr model.SearchRequest) (model.SearchResult, error) {
	start := time.Now()
	if sr.Size <= 0 {
		sr.Size = 20
	}
	if sr.Size > model.MaxSearchSize {
		sr.Size = model.MaxSearchSize
	}
	if sr.From < 0 {
		sr.From = 0
	}
	key := keyOf(sr)
	res, gen, ok := ix.searchCache.get(key)
	if !ok {
		var err error
		if res, err = ix.search(ctx, sr); err != nil {
			return model.SearchResult{}, err
		}
		ix.searchCache.put(key, gen, res)
	}
	res.Took = time.Since(start)
	return res, nil
}

// SearchGeneration changes after every change of the store a search could see (a batch written, a partition
// opened, created or dropped): the same request at the same generation has the same result, but for Took.
func (ix *Index) SearchGeneration() uint64 {
	return ix.searchCache.generation.Load()
}

// search runs a search whose size and offset are normalised, without the cache.
func (ix *Index) search(ctx context.Context, sr model.SearchRequest) (model.SearchResult, error) {
	// Ranking on the text field returns only ids (and facets); then just the page's articles are loaded, and their
	// snippets marked here.
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
	out := model.SearchResult{Total: res.Total, Articles: make([]model.SearchHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return model.SearchResult{}, err
		}
		stored, gen, err := ix.pageFields(h.ID, hasText)
		if err != nil {
			return model.SearchResult{}, fmt.Errorf("search %q: load %s: %w", sr.Query, h.ID, err)
		}
		if stored == nil {
			continue // deleted since it was found
		}
		var snippets map[string][]string
		if hasText {
			snippets = ix.pageSnippets(h.ID, sr.Query, aq, stored, gen)
		}
		out.Articles = append(out.Articles, hitOf(h.ID, stored, h.Score, snippets, hasText))
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

// pageFields are the stored fields a page of hits shows of the article with this URL (hitFields, and lead and body
// for snippets), nil when there is no such article. Loading them is a third of a search's cost; an article loaded
// since the store last changed is taken from the cache (searchCache.article). The map is shared: read it only.
// It also returns the store's generation the fields were read at. Without text, lead and body are not needed: a
// search without words (a report paging through a year) loads only hitFields and caches nothing.
func (ix *Index) pageFields(url string, withText bool) (map[string]any, uint64, error) {
	stored, gen, ok := ix.searchCache.article(url)
	if ok {
		return stored, gen, nil
	}
	if !withText {
		stored, err := ix.storedFields(url, hitFields())
		return stored, gen, err
	}
	stored, err := ix.storedFields(url, append(hitFields(), fieldLead, fieldBody))
	if err != nil || stored == nil {
		return stored, gen, err
	}
	ix.searchCache.putArticle(url, gen, stored)
	return stored, gen, nil
}

// pageSnippets are the snippets for query q (analysed: aq) of the article with this URL, whose fields pageFields
// read at generation gen; from the cache when they were made since the store last changed. The map is shared:
// read it only.
func (ix *Index) pageSnippets(url, q string, aq analysedQuery, stored map[string]any, gen uint64) map[string][]string {
	k := snippetKey{url: url, query: q}
	if sn, _, ok := ix.searchCache.snippet(k); ok {
		return sn
	}
	texts := make(map[string]string, len(snippetFields))
	for _, field := range snippetFields {
		texts[field], _ = stored[field].(string)
	}
	sn := ix.snippets.snippets(url, aq, texts)
	// Stamped with the generation of the text it was made from, not today's: after a write it is never served.
	ix.searchCache.putSnippet(k, gen, sn)
	return sn
}

// storedFields loads the named stored fields of the article with this URL, as bleve gives them in a hit's Fields
// (nil when there is no such article). A page of hits used to be loaded by a second search for their ids over the
// period's partitions; reading each from its partition (the aggregate table says which) costs a fraction of it.
func (ix *Index) storedFields(url string, names []string) (map[string]any, error) {
	ix.mu.RLock()
	r := ix.rows[url]
	ix.mu.RUnlock()
	parts := ix.partNames()
	if r != nil {
		// Its partition first; the others only if it moved since.
		parts = slices.DeleteFunc(parts, func(name string) bool { return name == r.partition })
		parts = append([]string{r.partition}, parts...)
	}
	for _, name := range parts {
		p, err := ix.partition(name, false)
		if err != nil || p == nil {
			continue
		}
		doc, err := p.Document(url)
		if err != nil {
			return nil, fmt.Errorf("partition %s: %w", name, err)
		}
		if doc != nil {
			return fieldValues(doc, names), nil
		}
	}
	return nil, nil
}

// fieldValues is what bleve puts in a hit's Fields for the named fields of doc (see bleve.LoadAndHighlightFields):
// text as a string, numbers as float64, dates in RFC 3339 (this index's dates have no layout of their own), and
// a field with several values as a []any in stored order.
func fieldValues(doc index.Document, names []string) map[string]any {
	out := make(map[string]any, len(names))
	doc.VisitFields(func(f index.Field) {
		if !slices.Contains(names, f.Name()) {
			return
		}
		var v any
		switch f := f.(type) {
		case index.TextField:
			v = f.Text()
		case index.NumericField:
			if n, err := f.Number(); err == nil {
				v = n
			}
		case index.DateTimeField:
			if t, layout, err := f.DateTime(); err == nil {
				if layout == "" {
					layout = time.RFC3339
				}
				v = t.Format(layout)
			}
		}
		if v == nil {
			return
		}
		switch old := out[f.Name()].(type) {
		case nil:
			out[f.Name()] = v
		case []any:
			out[f.Name()] = append(old, v)
		default:
			out[f.Name()] = []any{old, v}
		}
	})
	return out
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

func hitOf(url string, stored map[string]any, relevance float64, snippets map[string][]string, hasText bool) model.SearchHit {
	d, _ := documentFromFields(stored)
	hit := model.SearchHit{
		URL: url, Outlet: d.Outlet, Title: d.Title, Section: d.Section, Author: d.Author, RulesVersion: d.RulesVersion,
		Score: d.Score, People: d.People, Quoted: d.Quoted, Categories: nonNilStrings(d.Categories), Topics: nonNilStrings(d.Topics),
	}
	if !d.Published.IsZero() {
		p := d.Published
		hit.Published = &p
	}
	if hasText {
		hit.Relevance = relevance
		for field, frags := range snippets {
			if len(frags) == 0 {
				continue
			}
			if hit.Snippets == nil {
				hit.Snippets = map[string][]string{}
			}
			hit.Snippets[field] = slices.Clone(frags) // the snippets may be cached: the hit gets its own
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
