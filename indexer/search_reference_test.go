package indexer

import (
	"context"
	"fmt"
	"sort"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// SearchReferenceForTest is Search as it was before it was made faster (issue 15): a second search for the page's
// ids over the period's partitions to load their stored fields, and snippets from whole windows marked by bleve's
// highlighter. Tests compare Search with it; it is kept here, verbatim but for the names, for that alone.
func (ix *Index) SearchReferenceForTest(ctx context.Context, sr model.SearchRequest) (model.SearchResult, error) {
	if sr.Size <= 0 {
		sr.Size = 20
	}
	if sr.Size > model.MaxSearchSize {
		sr.Size = model.MaxSearchSize
	}
	if sr.From < 0 {
		sr.From = 0
	}
	snippets, err := newSnippetMaker()
	if err != nil {
		return model.SearchResult{}, err
	}
	snippets.fullAnalysis = true
	aq := snippets.analyse(sr.Query)
	q, hasText := buildQuery(sr, aq)
	req := bleve.NewSearchRequestOptions(q, sr.Size, sr.From, false)
	if !hasText {
		req.SortBy([]string{"-" + fieldPublished})
	}
	if sr.Facets {
		for _, f := range searchFacets {
			req.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
		}
	}
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
				h.Fragments = snippets.snippets(h.ID, aq, texts)
			}
			page[h.ID] = h
		}
	}
	out := model.SearchResult{Total: res.Total, Articles: make([]model.SearchHit, 0, len(res.Hits)), Took: res.Took}
	for _, h := range res.Hits {
		full := page[h.ID]
		if full == nil {
			continue
		}
		out.Articles = append(out.Articles, hitOf(h.ID, full.Fields, h.Score, full.Fragments, hasText))
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
