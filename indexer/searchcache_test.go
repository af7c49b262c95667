package indexer

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"genderlens/internal/demo"
	"genderlens/model"
)

// cachedResult reports whether the cache holds a current result for sr.
func (ix *Index) cachedResult(sr model.SearchRequest) bool {
	if sr.Size <= 0 {
		sr.Size = 20
	}
	_, _, ok := ix.searchCache.get(keyOf(sr))
	return ok
}

// TestSearchCacheInvalidatedByWrites: a repeated search is answered from the cache with the same result, and every
// kind of write (a new article, a changed one, one moved to another year's partition) is seen by the next search.
func TestSearchCacheInvalidatedByWrites(t *testing.T) {
	ix := searchFixture(t)
	ctx := context.Background()
	search := func(sr model.SearchRequest) model.SearchResult {
		t.Helper()
		res, err := ix.Search(ctx, sr)
		if err != nil {
			t.Fatal(err)
		}
		res.Took = 0
		return res
	}
	sr := model.SearchRequest{Query: "phu nu", Facets: true}
	first := search(sr)
	if !ix.cachedResult(sr) {
		t.Fatal("a search's result is not cached")
	}
	if again := search(sr); !reflect.DeepEqual(again, first) {
		t.Fatalf("cached result differs:\n got %+v\nwant %+v", again, first)
	}
	// A caller that changes its result changes neither the cache nor what the next caller gets.
	mine := search(sr)
	mine.Articles[0].Title = "changed"
	mine.Articles[0].Categories = append(mine.Articles[0].Categories[:0], "changed")
	mine.Articles[0].Snippets["body"][0] = "changed"
	mine.Facets["outlet"][0].Count = 1000
	if again := search(sr); !reflect.DeepEqual(again, first) {
		t.Fatalf("a caller's change reached the cache:\n got %+v\nwant %+v", again, first)
	}

	doc := Document{Article: model.Article{URL: "https://c.example/5", Outlet: "bao-a", Title: "Phụ nữ khởi nghiệp",
		Body: "Câu lạc bộ phụ nữ khởi nghiệp ra mắt.", Published: time.Date(2025, 6, 1, 9, 0, 0, 0, model.Vietnam())},
		RulesVersion: "v1"}
	steps := []struct {
		name  string
		write func() Document
		check func(model.SearchResult) error
	}{
		{"new article", func() Document { return doc }, func(res model.SearchResult) error {
			if res.Total != first.Total+1 {
				return fmt.Errorf("total %d, want %d", res.Total, first.Total+1)
			}
			return nil
		}},
		{"changed title", func() Document { doc.Title = "Nữ doanh nhân khởi nghiệp"; return doc }, func(res model.SearchResult) error {
			if h := hitNamed(res, doc.URL); h == nil || h.Title != doc.Title {
				return fmt.Errorf("hit %+v, want title %q", h, doc.Title)
			}
			return nil
		}},
		{"moved to another year", func() Document { doc.Published = doc.Published.AddDate(-1, 0, 0); return doc }, func(res model.SearchResult) error {
			h := hitNamed(res, doc.URL)
			if h == nil || h.Published == nil || !h.Published.Equal(doc.Published) {
				return fmt.Errorf("hit %+v, want published %v", h, doc.Published)
			}
			if res.Total != first.Total+1 {
				return fmt.Errorf("total %d, want %d (one copy)", res.Total, first.Total+1)
			}
			return nil
		}},
	}
	for _, st := range steps {
		search(sr) // cached before the write
		_, _, loaded := ix.searchCache.article(doc.URL)
		_, _, marked := ix.searchCache.snippet(snippetKey{url: doc.URL, query: sr.Query})
		if err := ix.Put(ctx, st.write()); err != nil {
			t.Fatal(err)
		}
		if ix.cachedResult(sr) {
			t.Errorf("%s: the result from before the write is still cached", st.name)
		}
		if _, _, ok := ix.searchCache.article(doc.URL); loaded && ok {
			t.Errorf("%s: the article as loaded before the write is still cached", st.name)
		}
		if _, _, ok := ix.searchCache.snippet(snippetKey{url: doc.URL, query: sr.Query}); marked && ok {
			t.Errorf("%s: the article's snippets from before the write are still cached", st.name)
		}
		got := search(sr)
		if err := st.check(got); err != nil {
			t.Errorf("%s: %v", st.name, err)
		}
		want, err := ix.SearchReferenceForTest(ctx, sr)
		if err != nil {
			t.Fatal(err)
		}
		want.Took = 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: result differs from an uncached search:\n got %+v\nwant %+v", st.name, got, want)
		}
		if st.name != "new article" && (!loaded || !marked) {
			t.Errorf("%s: the article (%v) or its snippets (%v) were not cached before the write: the step tests nothing",
				st.name, loaded, marked)
		}
	}
}

func hitNamed(res model.SearchResult, url string) *model.SearchHit {
	for i := range res.Articles {
		if res.Articles[i].URL == url {
			return &res.Articles[i]
		}
	}
	return nil
}

// TestSearchCacheSeesEveryAcknowledgedWrite: while searches run without pause, each article the store
// acknowledges is found by every search that starts after the acknowledgement, whatever searches were computing
// (and caching) meanwhile.
func TestSearchCacheSeesEveryAcknowledgedWrite(t *testing.T) {
	ix := searchFixture(t)
	ctx := context.Background()
	sr := model.SearchRequest{Query: "khoi nghiep", Facets: true}
	var acked atomic.Int64 // articles acknowledged so far
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var failed atomic.Value
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				want := acked.Load()
				res, err := ix.Search(ctx, sr)
				if err != nil {
					failed.Store(err.Error())
					return
				}
				if int64(res.Total) < want {
					failed.Store(fmt.Sprintf("a search begun after %d writes were acknowledged found %d", want, res.Total))
					return
				}
			}
		})
	}
	n := 30
	if testing.Short() {
		n = 10
	}
	for i := range n {
		d := Document{Article: model.Article{URL: fmt.Sprintf("https://c.example/k%d", i), Outlet: "bao-a",
			Title: "Khởi nghiệp", Body: "Phụ nữ khởi nghiệp.", Published: time.Date(2020+i%6, 6, 1, 9, 0, 0, 0, model.Vietnam())},
			RulesVersion: "v1"}
		if err := ix.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
		acked.Store(int64(i + 1))
	}
	close(stop)
	wg.Wait()
	if msg := failed.Load(); msg != nil {
		t.Fatal(msg)
	}
	res, err := ix.Search(ctx, sr)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != uint64(n) {
		t.Errorf("total %d, want %d", res.Total, n)
	}
}

// TestSearchCacheOff: with Options.SearchCache negative nothing is cached.
func TestSearchCacheOff(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{BatchWait: time.Millisecond, SearchCache: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	sr := model.SearchRequest{Query: "phu nu"}
	if _, err := ix.Search(context.Background(), sr); err != nil {
		t.Fatal(err)
	}
	if ix.cachedResult(sr) {
		t.Error("a result is cached with the cache off")
	}
}

// TestSearchCacheBounded: the cache never holds more results than its size.
func TestSearchCacheBounded(t *testing.T) {
	c := newSearchCache(4)
	for i := range 40 {
		c.put(keyOf(model.SearchRequest{Query: fmt.Sprint(i), Size: 20}), c.generation.Load(), model.SearchResult{})
		c.putArticle(fmt.Sprint(i), c.generation.Load(), nil)
		if n := len(c.results.m); n > 4 {
			t.Fatalf("%d results after %d puts, want at most 4", n, i+1)
		}
		if n := len(c.articles.m); n > 16 {
			t.Fatalf("%d articles after %d puts, want at most 16", n, i+1)
		}
	}
	c.put(keyOf(model.SearchRequest{Query: "stale"}), c.generation.Load()-1, model.SearchResult{})
	if _, _, ok := c.get(keyOf(model.SearchRequest{Query: "stale"})); ok {
		t.Error("a result computed before a change was cached")
	}
	// The first value after a change drops those that can never be served again.
	c.changed()
	c.put(keyOf(model.SearchRequest{Query: "new"}), c.generation.Load(), model.SearchResult{})
	if n := len(c.results.m); n != 1 {
		t.Errorf("%d results after a change and one put, want 1", n)
	}
}

// BenchmarkSearchSharedPages: searches that the result cache cannot answer (every request different, as when a
// reader pages through a query or filters it) over the demo articles: with the cache off (the way before) and with
// only the page's articles and their snippets cached, in the same run. Reports CPU per search; -v logs the ratio.
func BenchmarkSearchSharedPages(b *testing.B) {
	arts, err := demo.Articles()
	if err != nil {
		b.Fatal(err)
	}
	var docs []Document
	for _, a := range arts {
		docs = append(docs, Document{Article: model.Article{
			URL:    fmt.Sprintf("https://%s.demo.example/%s/%s.html", a.Outlet, a.Section, a.Slug),
			Outlet: a.Outlet, Title: a.Title, Lead: a.Lead, Body: strings.Join(demo.Paragraphs(a.Body), "\n\n"),
			Author: a.Author, Section: a.SectionName, Published: a.Published,
		}, RulesVersion: "v1"})
	}
	ix, err := Open(b.TempDir(), Options{BatchWait: time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.PutMany(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	var reqs []model.SearchRequest
	for _, q := range []string{"phu nu", "phụ nữ", `"bình đẳng giới"`, "bạo lực gia đình", "nữ", "chị em", "giám đốc", "hội liên hiệp"} {
		for from := range 3 {
			reqs = append(reqs, model.SearchRequest{Query: q, From: from, Facets: from == 0})
		}
	}
	cached := ix.searchCache
	cpuPerSearch := map[string]float64{}
	for _, c := range []struct {
		name  string
		cache *searchCache
	}{{"off", newSearchCache(-1)}, {"pages", cached}} {
		b.Run(c.name, func(b *testing.B) {
			ix.searchCache = c.cache
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				for _, sr := range reqs {
					if _, err := ix.Search(context.Background(), sr); err != nil {
						b.Fatal(err)
					}
					// Only the articles stay cached: the next round asks every request again.
					c.cache.mu.Lock()
					clear(c.cache.results.m)
					c.cache.mu.Unlock()
				}
			}
			cpuPerSearch[c.name] = float64(processCPU()-cpu) / float64(b.N*len(reqs))
			b.ReportMetric(cpuPerSearch[c.name]/1e6, "cpu-ms/search")
		})
	}
	ix.searchCache = cached
	if cpuPerSearch["pages"] > 0 {
		b.Logf("CPU per search, cache off / pages cached: %.2f", cpuPerSearch["off"]/cpuPerSearch["pages"])
	}
}

// TestSearchCacheSnippetsOfOldText: snippets made from an article's text read before a write (a search that loaded
// the page just before it) are not kept, even though they are made after the write.
func TestSearchCacheSnippetsOfOldText(t *testing.T) {
	ix := searchFixture(t)
	const url, q = "https://a.example/1", "phu nu"
	stored, gen, err := ix.pageFields(url, true)
	if err != nil || stored == nil {
		t.Fatalf("pageFields: %v, %v", stored, err)
	}
	d, ok, err := ix.Get(url)
	if err != nil || !ok {
		t.Fatalf("Get: %v, %v", ok, err)
	}
	d.Title = "Phụ nữ phường Trúc Bạch khởi nghiệp"
	if err := ix.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ix.pageSnippets(url, q, ix.snippets.analyse(q), stored, gen)
	if sn, _, ok := ix.searchCache.snippet(snippetKey{url: url, query: q}); ok {
		t.Errorf("snippets of the text from before the write are cached: %v", sn)
	}
}
