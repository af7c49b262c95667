package indexer

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"genderlens/model"
)

// A search of the store is ranking, loading a page of articles and marking their snippets: about a millisecond of
// CPU even over a few dozen articles, while the same few requests (the search page's default, a facet click) come
// again and again between two writes. searchCache keeps the last results by request, and the loaded articles and
// their snippets that other requests' pages share, each valid only while the store has not changed since it was
// computed.

// defaultSearchCache is how many results searchCache keeps unless Options.SearchCache says otherwise; it keeps
// four times as many loaded articles and as many articles' snippets.
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

// searchCache holds what searches computed, each stamped with the store's generation when its search began and
// valid only while the generation is the same.
type searchCache struct {
	// generation counts the store's changes: every batch written (or failed) and every partition opened, created,
	// reopened or dropped adds one, after the change is visible to searches.
	generation atomic.Uint64

	mu sync.Mutex
	// results are whole results by request.
	results stampedMap[searchKey, model.SearchResult]
	// articles are the stored fields of the articles a search loaded for its page (see Index.pageFields), by URL:
	// another search's page often holds them too. The maps are only read.
	articles stampedMap[string, map[string]any]
	// snippets are an article's snippets for a query (see Index.pageSnippets): the next page, or the same query
	// with a filter, shows many of the same articles. The maps and slices are only read.
	snippets stampedMap[snippetKey, map[string][]string]
}

// snippetKey is an article and a query (as asked: the same text analyses to the same terms).
type snippetKey struct{ url, query string }

func newSearchCache(size int) *searchCache {
	if size == 0 {
		size = defaultSearchCache
	}
	size = max(size, 0)
	return &searchCache{results: newStampedMap[searchKey, model.SearchResult](size),
		articles: newStampedMap[string, map[string]any](4 * size),
		snippets: newStampedMap[snippetKey, map[string][]string](4 * size)}
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
	c.mu.Lock()
	res, ok := c.results.get(k, gen)
	c.mu.Unlock()
	if !ok {
		return model.SearchResult{}, gen, false
	}
	return cloneResult(res), gen, true
}

// put keeps res for k, computed by a search that began at generation gen. A result computed while the store
// changed is dropped.
func (c *searchCache) put(k searchKey, gen uint64, res model.SearchResult) {
	if c.results.size == 0 || c.generation.Load() != gen {
		return
	}
	res = cloneResult(res)
	c.mu.Lock()
	c.results.put(k, gen, res)
	c.mu.Unlock()
}

// article returns the stored fields of the article with this URL if they were loaded since the store last
// changed, and the current generation, which putArticle needs.
func (c *searchCache) article(url string) (map[string]any, uint64, bool) {
	gen := c.generation.Load()
	c.mu.Lock()
	defer c.mu.Unlock()
	stored, ok := c.articles.get(url, gen)
	return stored, gen, ok
}

// putArticle keeps the stored fields of an article loaded by a search that began at generation gen.
func (c *searchCache) putArticle(url string, gen uint64, stored map[string]any) {
	if c.generation.Load() != gen {
		return
	}
	c.mu.Lock()
	c.articles.put(url, gen, stored)
	c.mu.Unlock()
}

// snippet returns the snippets of k's article for k's query if they were made since the store last changed, and
// the current generation, which putSnippet needs.
func (c *searchCache) snippet(k snippetKey) (map[string][]string, uint64, bool) {
	gen := c.generation.Load()
	c.mu.Lock()
	defer c.mu.Unlock()
	sn, ok := c.snippets.get(k, gen)
	return sn, gen, ok
}

// putSnippet keeps snippets made by a search that began at generation gen.
func (c *searchCache) putSnippet(k snippetKey, gen uint64, sn map[string][]string) {
	if c.generation.Load() != gen {
		return
	}
	c.mu.Lock()
	c.snippets.put(k, gen, sn)
	c.mu.Unlock()
}

// stampedMap is a map of at most size values, each stamped with the generation it was computed at. It is not safe
// for concurrent use (searchCache.mu guards it).
type stampedMap[K comparable, V any] struct {
	size   int // 0: keeps nothing
	m      map[K]stamped[V]
	latest uint64 // the generation of the values in m: those of older ones are dropped
}

type stamped[V any] struct {
	generation uint64
	value      V
}

func newStampedMap[K comparable, V any](size int) stampedMap[K, V] {
	return stampedMap[K, V]{size: size, m: map[K]stamped[V]{}}
}

// get returns the value of k if it was computed at generation gen.
func (sm *stampedMap[K, V]) get(k K, gen uint64) (V, bool) {
	e, ok := sm.m[k]
	if !ok || e.generation != gen {
		var zero V
		return zero, false
	}
	return e.value, true
}

// put keeps v for k at generation gen. The first value of a newer generation drops all others, which can never be
// served again (generations only grow); a value of an older one is dropped. When the map is full, one value goes at
// random (map order), which is as good as any order for a cache that every write empties anyway.
func (sm *stampedMap[K, V]) put(k K, gen uint64, v V) {
	switch {
	case sm.size == 0 || gen < sm.latest:
		return
	case gen > sm.latest:
		clear(sm.m)
		sm.latest = gen
	}
	if _, ok := sm.m[k]; !ok && len(sm.m) >= sm.size {
		for old := range sm.m {
			delete(sm.m, old)
			break
		}
	}
	sm.m[k] = stamped[V]{generation: gen, value: v}
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
