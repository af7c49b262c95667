package indexer

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"genderlens/model"
)

// A search of the store is ranking, loading a page of articles and marking their snippets: about a millisecond of
// CPU even over a few dozen articles, while the same few requests (the search page's default, a facet click) come
// again and again between two writes. searchCache keeps the last results by request, each valid only while the
// store has not changed since it was computed.

// defaultSearchCache is how many results searchCache keeps unless Options.SearchCache says otherwise; it keeps
// four times as many loaded articles.
const defaultSearchCache = 256

// searchKey is a search request in a comparable form: two requests with the same key have the same result.
type searchKey struct {
	query, outlets, section, category, topic, rulesVersion string
	from, to                                               int64 // the period's bounds in Unix nanoseconds, 0 when open
	size, offset                                           int
	facets                                                 bool
}

// keyOf is the key of sr, whose size and offset are already normalised.
func keyOf(sr model.SearchRequest) searchKey {
	k := searchKey{
		query: sr.Query, outlets: strings.Join(sr.Outlets, "\x00"), section: sr.Section, category: sr.Category,
		topic: sr.Topic, rulesVersion: sr.RulesVersion, size: sr.Size, offset: sr.From, facets: sr.Facets,
	}
	// Period bounds lie within 1900..2200 (and the store cannot date articles outside 1677..2262 anyway), so
	// UnixNano is exact; a zero time is an open bound.
	if !sr.Period.From.IsZero() {
		k.from = sr.Period.From.UnixNano()
	}
	if !sr.Period.To.IsZero() {
		k.to = sr.Period.To.UnixNano()
	}
	return k
}

// searchCache holds search results by request, each stamped with the store's generation when the search began.
type searchCache struct {
	// generation counts the store's changes: every batch written (or failed) and every partition opened, created,
	// reopened or dropped adds one, after the change is visible to searches.
	generation atomic.Uint64
	size       int // 0: no caching

	mu      sync.Mutex
	entries map[searchKey]cachedSearch
	// articles are the stored fields of articles a search loaded for its page (see Index.pageFields), by URL:
	// another search's page often holds them too.
	articles map[string]cachedArticle
}

type cachedArticle struct {
	generation uint64
	stored     map[string]any // read only
}

type cachedSearch struct {
	generation uint64
	result     model.SearchResult
}

func newSearchCache(size int) *searchCache {
	if size == 0 {
		size = defaultSearchCache
	}
	return &searchCache{size: max(size, 0), entries: map[searchKey]cachedSearch{}, articles: map[string]cachedArticle{}}
}

// changed records a change of the store. It must be called after the change is visible to searches: a search that
// began before reads the old generation and its result is never served once this returns.
func (c *searchCache) changed() {
	c.generation.Add(1)
}

// get returns the result cached for k if the store has not changed since it was computed, and the current
// generation, which put needs.
func (c *searchCache) get(k searchKey) (model.SearchResult, uint64, bool) {
	gen := c.generation.Load()
	if c.size == 0 {
		return model.SearchResult{}, gen, false
	}
	c.mu.Lock()
	e, ok := c.entries[k]
	c.mu.Unlock()
	if !ok || e.generation != gen {
		return model.SearchResult{}, gen, false
	}
	return cloneResult(e.result), gen, true
}

// put keeps res for k, computed by a search that began at generation gen. A result computed while the store
// changed is dropped, and so is every entry of an older generation.
func (c *searchCache) put(k searchKey, gen uint64, res model.SearchResult) {
	if c.size == 0 || c.generation.Load() != gen {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.size {
		maps.DeleteFunc(c.entries, func(_ searchKey, e cachedSearch) bool { return e.generation != gen })
	}
	if len(c.entries) >= c.size {
		// Full of current results: forget one at random (map order), which is as good as any order for a
		// cache that every write empties anyway.
		for old := range c.entries {
			delete(c.entries, old)
			break
		}
	}
	c.entries[k] = cachedSearch{generation: gen, result: cloneResult(res)}
}

// article returns the stored fields of the article with this URL if they were loaded since the store last
// changed, and the current generation, which putArticle needs.
func (c *searchCache) article(url string) (map[string]any, uint64, bool) {
	gen := c.generation.Load()
	if c.size == 0 {
		return nil, gen, false
	}
	c.mu.Lock()
	e, ok := c.articles[url]
	c.mu.Unlock()
	if !ok || e.generation != gen {
		return nil, gen, false
	}
	return e.stored, gen, true
}

// putArticle keeps the stored fields of an article loaded by a search that began at generation gen; nothing changes
// them afterwards.
func (c *searchCache) putArticle(url string, gen uint64, stored map[string]any) {
	if c.size == 0 || c.generation.Load() != gen {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.articles) >= 4*c.size {
		maps.DeleteFunc(c.articles, func(_ string, e cachedArticle) bool { return e.generation != gen })
	}
	if len(c.articles) >= 4*c.size {
		for old := range c.articles {
			delete(c.articles, old)
			break
		}
	}
	c.articles[url] = cachedArticle{generation: gen, stored: stored}
}

// cloneResult copies a result down to its strings, so that neither the cache nor the callers it serves can change
// what another sees.
func cloneResult(r model.SearchResult) model.SearchResult {
	out := model.SearchResult{Total: r.Total, Took: r.Took, Articles: make([]model.SearchHit, len(r.Articles))}
	for i, h := range r.Articles {
		if h.Published != nil {
			p := *h.Published
			h.Published = &p
		}
		h.Categories, h.Topics = slices.Clone(h.Categories), slices.Clone(h.Topics)
		if h.Snippets != nil {
			sn := make(map[string][]string, len(h.Snippets))
			for f, frags := range h.Snippets {
				sn[f] = slices.Clone(frags)
			}
			h.Snippets = sn
		}
		out.Articles[i] = h
	}
	if r.Facets != nil {
		out.Facets = make(map[string][]model.FacetCount, len(r.Facets))
		for name, counts := range r.Facets {
			out.Facets[name] = slices.Clone(counts)
		}
	}
	return out
}
