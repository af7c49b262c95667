package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/internal/demo"
	"genderlens/model"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"

	"github.com/prometheus/client_golang/prometheus"
)

// demoStoreServer is a real server over a store holding the demo articles (internal/demo), scored by the embedded
// rules' scorer and stored the way a crawl stores them: the data of `genderlens serve --demo`.
func demoStoreServer(tb testing.TB) (*httptest.Server, *indexer.Index) {
	tb.Helper()
	return demoStoreServerWith(tb, true)
}

// uncachedStore is a store whose every search may differ from the last, so that the server keeps no answer: with
// the store's own cache off (indexer.Options.SearchCache), every search is made afresh, as before the caches.
type uncachedStore struct {
	*indexer.Index
	generation atomic.Uint64
}

func (s *uncachedStore) SearchGeneration() uint64 { return s.generation.Add(1) }

// demoStoreServerWith is demoStoreServer with the search caches on or off.
func demoStoreServerWith(tb testing.TB, cached bool) (*httptest.Server, *indexer.Index) {
	tb.Helper()
	opts := indexer.Options{BatchWait: time.Millisecond}
	if !cached {
		opts.SearchCache = -1
	}
	arts, err := demo.Articles()
	if err != nil {
		tb.Fatal(err)
	}
	var outlets []config.Outlet
	for _, o := range demo.Outlets() {
		outlets = append(outlets, config.Outlet{ID: o.ID, Name: o.Name, Kind: o.Kind})
	}
	idx, err := indexer.Open(tb.TempDir(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { idx.Close() })
	sc := scorertest.New(tb)
	var store Store = idx
	if !cached {
		store = &uncachedStore{Index: idx}
	}
	srv, err := New(Options{Outlets: outlets, Store: store, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	tb.Cleanup(ts.Close)
	if err := idx.PutMany(context.Background(), demoDocuments(tb, sc, arts)); err != nil {
		tb.Fatal(err)
	}
	if got := idx.Count(); got != len(arts) {
		tb.Fatalf("store holds %d articles, want %d", got, len(arts))
	}
	return ts, idx
}

// demoDocuments scores the demo articles as the crawler would hand them over: title, lead, body paragraphs and the
// image caption.
func demoDocuments(tb testing.TB, sc *scorer.Scorer, arts []demo.Article) []indexer.Document {
	tb.Helper()
	docs := make([]indexer.Document, 0, len(arts))
	for _, a := range arts {
		ca := crawler.Article{Article: model.Article{
			URL:    fmt.Sprintf("https://%s.demo.example/%s/%s.html", a.Outlet, a.Section, a.Slug),
			Outlet: a.Outlet, Title: a.Title, Lead: a.Lead, Body: strings.Join(demo.Paragraphs(a.Body), "\n\n"),
			Author: a.Author, Section: a.SectionName, Published: a.Published,
		}, Fetched: a.Published.Add(time.Hour)}
		if a.Image != nil {
			ca.Images = []crawler.Image{{Alt: a.Image.Alt, Caption: a.Image.Caption}}
		}
		d, err := ingest.Score(sc, ca)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// loadResult is what concurrentLoad measured.
type loadResult struct {
	reqPerSec, p50ms, p99ms float64
	// cpuMS is the process's CPU time per request, server and clients: unlike req/s, it holds when other
	// processes share the machine.
	cpuMS float64
}

// concurrentLoad sends n requests in all from clients goroutines sharing one keep-alive transport, each request made
// by newReq and checked by check, and returns the throughput and latency percentiles. It fails tb at the first
// failed request.
func concurrentLoad(tb testing.TB, clients, n int, newReq func() (*http.Request, error), check func(body []byte) error) loadResult {
	tb.Helper()
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
	do := func() error {
		req, err := newReq()
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch {
		case err != nil:
			return fmt.Errorf("reading the body: %w", err)
		case resp.StatusCode != http.StatusOK:
			return fmt.Errorf("status %d: %.300s", resp.StatusCode, body)
		}
		return check(body)
	}
	// Warm up: one request per client, so connections and lazy initialisation stay out of the figures.
	for range clients {
		if err := do(); err != nil {
			tb.Fatalf("warm-up: %v", err)
		}
	}
	var remaining atomic.Int64
	remaining.Store(int64(n))
	lat := make([][]time.Duration, clients)
	var failed atomic.Bool
	var errOnce sync.Once
	var firstErr error
	if b, ok := tb.(*testing.B); ok {
		b.ResetTimer()
	}
	start, cpu := time.Now(), processCPU()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			mine := make([]time.Duration, 0, n/clients+1)
			for remaining.Add(-1) >= 0 && !failed.Load() {
				t0 := time.Now()
				err := do()
				mine = append(mine, time.Since(t0))
				if err != nil {
					errOnce.Do(func() { firstErr = err })
					failed.Store(true)
					return
				}
			}
			lat[c] = mine
		})
	}
	wg.Wait()
	elapsed, cpuUsed := time.Since(start), processCPU()-cpu
	if b, ok := tb.(*testing.B); ok {
		b.StopTimer()
	}
	if failed.Load() {
		tb.Fatal(firstErr)
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	return loadResult{reqPerSec: float64(len(all)) / elapsed.Seconds(), p50ms: ms(percentile(all, 0.50)),
		p99ms: ms(percentile(all, 0.99)), cpuMS: ms(cpuUsed) / float64(len(all))}
}

// BenchmarkSearchAPICache measures what the search caches (the store's, indexer.Options.SearchCache, and the
// server's encoded answers) give: the load of BenchmarkSearchAPIConcurrent, b.N requests with both off (the search
// as it was before them) and b.N against the same articles with them, one after the other in the same process.
// Reports both and their ratios (CPU per request and throughput, cached over uncached).
func BenchmarkSearchAPICache(b *testing.B) {
	const q = "phu nu"
	load := func(cached bool) loadResult {
		ts, _ := demoStoreServerWith(b, cached)
		u := ts.URL + "/api/articles?q=" + url.QueryEscape(q)
		return concurrentLoad(b, 50, b.N, func() (*http.Request, error) { return http.NewRequest("GET", u, nil) },
			func(body []byte) error {
				if i := strings.Index(string(body), `"total":`); i < 0 || strings.HasPrefix(string(body[i:]), `"total":0}`) {
					return fmt.Errorf("no hits: %.300s", body)
				}
				return nil
			})
	}
	off, on := load(false), load(true)
	for _, m := range []struct {
		name string
		r    loadResult
	}{{"uncached", off}, {"cached", on}} {
		b.ReportMetric(m.r.reqPerSec, m.name+"_req/s")
		b.ReportMetric(m.r.p99ms, m.name+"_p99_ms")
		b.ReportMetric(m.r.cpuMS, m.name+"_cpu_ms/req")
	}
	b.ReportMetric(off.cpuMS/on.cpuMS, "cpu_ratio")
	b.ReportMetric(on.reqPerSec/off.reqPerSec, "req/s_ratio")
}

// BenchmarkSearchAPIConcurrent searches the demo articles (GET /api/articles?q=...) from 50 concurrent clients on
// loopback, b.N requests in all, the way issue 15 measured it: the default request (facets, 20 hits, snippets).
// Reports throughput (req/s) and latency percentiles.
func BenchmarkSearchAPIConcurrent(b *testing.B) {
	ts, _ := demoStoreServer(b)
	for _, q := range []string{"phu nu", `"bình đẳng giới"`} {
		b.Run(q, func(b *testing.B) {
			u := ts.URL + "/api/articles?q=" + url.QueryEscape(q)
			b.ReportAllocs()
			res := concurrentLoad(b, 50, b.N, func() (*http.Request, error) { return http.NewRequest("GET", u, nil) },
				func(body []byte) error {
					if !strings.Contains(string(body), `"total":`) || strings.Contains(string(body), `"total":0,`) {
						return fmt.Errorf("no hits: %.300s", body)
					}
					return nil
				})
			b.ReportMetric(res.reqPerSec, "req/s")
			b.ReportMetric(res.p50ms, "p50_ms")
			b.ReportMetric(res.p99ms, "p99_ms")
			b.ReportMetric(res.cpuMS, "cpu_ms/req")
		})
	}
}
