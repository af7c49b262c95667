package indexer_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/scorer/scorertest"

	"github.com/blevesearch/bleve/v2"
)

// BenchmarkIngestVsRawBleve compares, in the same run and on the same corpus articles, the store's whole write path
// (scoring on every core, then batched durable writes) with raw bleve batch indexing (batches of 500, same mapping
// and fields, scores precomputed). ratio = ours/raw in articles per second; the issue asks for >= 0.7.
func BenchmarkIngestVsRawBleve(b *testing.B) {
	arts := loadCorpus(b)
	sc := scorertest.New(b)
	var scored []indexer.Document
	for _, a := range arts {
		d, err := ingest.Score(sc, a)
		if err != nil {
			b.Fatal(err)
		}
		scored = append(scored, d)
	}
	m, err := indexer.NewMappingForTest()
	if err != nil {
		b.Fatal(err)
	}
	var rawDur, oursDur time.Duration
	b.ResetTimer()
	for range b.N {
		dir := b.TempDir()
		start := time.Now()
		raw, err := bleve.New(filepath.Join(dir, "raw.bleve"), m)
		if err != nil {
			b.Fatal(err)
		}
		batch := raw.NewBatch()
		for _, d := range scored {
			if err := batch.Index(d.URL, indexer.FieldsForTest(d)); err != nil {
				b.Fatal(err)
			}
			if batch.Size() == 500 {
				if err := raw.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch.Reset()
			}
		}
		if err := raw.Batch(batch); err != nil {
			b.Fatal(err)
		}
		if err := raw.Close(); err != nil {
			b.Fatal(err)
		}
		rawDur += time.Since(start)

		start = time.Now()
		ix, err := indexer.Open(filepath.Join(dir, "ours"), indexer.Options{BatchSize: 500})
		if err != nil {
			b.Fatal(err)
		}
		storeAll(b, ix, sc, arts)
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		oursDur += time.Since(start)
	}
	n := float64(len(arts) * b.N)
	rawRate, oursRate := n/rawDur.Seconds(), n/oursDur.Seconds()
	b.ReportMetric(rawRate, "raw_articles/s")
	b.ReportMetric(oursRate, "ours_articles/s")
	b.ReportMetric(oursRate/rawRate, "ratio")
}

// benchIndex100k opens (building it on first use, about two minutes) a store of 100,000 synthetic articles made from
// the scored corpus: each corpus article copied under 25 outlets with dates spread over 2024-2026. The directory is
// kept in GENDERLENS_BENCH_DIR (default: a folder in the system temp dir) so later runs reuse it.
func benchIndex100k(b *testing.B) *indexer.Index {
	b.Helper()
	const total = 100_000
	dir := os.Getenv("GENDERLENS_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "genderlens-bench-100k-parts")
	}
	// The benchmarks repeat a few searches: without the cache they measure searching, not remembering.
	ix, err := indexer.Open(dir, indexer.Options{BatchSize: 500, SearchCache: -1})
	if err != nil {
		b.Fatal(err)
	}
	if ix.Count() == total {
		return ix
	}
	arts := loadCorpus(b)
	sc := scorertest.New(b)
	var scored []indexer.Document
	for _, a := range arts {
		d, err := ingest.Score(sc, a)
		if err != nil {
			b.Fatal(err)
		}
		scored = append(scored, d)
	}
	start := time.Now()
	spread := time.Date(2024, 1, 1, 8, 0, 0, 0, model.Vietnam())
	batch := make([]indexer.Document, 0, 500)
	for i := range total {
		d := scored[i%len(scored)]
		d.URL = fmt.Sprintf("%s#copy-%d", d.URL, i)
		d.Outlet = fmt.Sprintf("outlet-%02d", i%25)
		d.Published = spread.Add(time.Duration(i) * 1578 * time.Minute / 100) // 100k evenly over 2024-2026
		batch = append(batch, d)
		if len(batch) == cap(batch) {
			if err := ix.PutMany(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := ix.PutMany(context.Background(), batch); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d articles in %v (%.0f/s)", ix.Count(), time.Since(start), float64(total)/time.Since(start).Seconds())
	return ix
}

func p95(ds []time.Duration) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)*95/100]
}

// BenchmarkLatencyAt100k measures p95 latencies at 100,000 stored articles: an outlet-year aggregate, a search
// (words, without diacritics, with facets and highlighting), and the process's resident memory.
func BenchmarkLatencyAt100k(b *testing.B) {
	openStart := time.Now()
	ix := benchIndex100k(b)
	defer ix.Close()
	b.Logf("open with %d articles: %v", ix.Count(), time.Since(openStart))
	runtime.GC()
	rss := rssMiB()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)

	queries := []string{"phu nu", "phụ nữ", `"bình đẳng giới"`, "giao thong", "bao luc gia dinh", "kinh te", "hoc sinh", "bong da"}
	rng := rand.New(rand.NewPCG(1, 2))
	var agg, search, faceted []time.Duration
	b.ResetTimer()
	for range b.N {
		for range 50 {
			f := model.Filter{Outlet: fmt.Sprintf("outlet-%02d", rng.IntN(25)), Period: model.Year(2024 + rng.IntN(3))}
			start := time.Now()
			a := ix.Aggregate(f)
			agg = append(agg, time.Since(start))
			if a.Articles == 0 {
				b.Fatalf("empty aggregate for %+v", f)
			}
			q := queries[rng.IntN(len(queries))]
			start = time.Now()
			res, err := ix.Search(context.Background(), model.SearchRequest{Query: q, Size: 20})
			if err != nil {
				b.Fatal(err)
			}
			search = append(search, time.Since(start))
			if res.Total == 0 {
				b.Fatalf("no hits for %q", q)
			}
			start = time.Now()
			if _, err := ix.Search(context.Background(), model.SearchRequest{Query: q, Size: 20, Facets: true}); err != nil {
				b.Fatal(err)
			}
			faceted = append(faceted, time.Since(start))
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(p95(agg).Microseconds())/1000, "aggregate_p95_ms")
	b.ReportMetric(float64(p95(search).Microseconds())/1000, "search_p95_ms")
	b.ReportMetric(float64(p95(faceted).Microseconds())/1000, "search_facets_p95_ms")
	b.ReportMetric(rss, "rss_MiB")
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap_MiB")
}

// BenchmarkRescore100k re-scores the 100,000 articles with the embedded rules (each run targets a new version
// label, so every article is stale) and reports the time and rate.
func BenchmarkRescore100k(b *testing.B) {
	ix := benchIndex100k(b)
	defer ix.Close()
	rescore := ingest.Rescorer(scorertest.New(b))
	b.ResetTimer()
	for i := range b.N {
		target := "bench-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(i)
		start := time.Now()
		if err := ix.StartRescore(target, func(d indexer.Document) (indexer.Document, error) {
			nd, err := rescore(d)
			nd.RulesVersion = target
			return nd, err
		}); err != nil {
			b.Fatal(err)
		}
		ix.WaitRescore()
		p := ix.RescoreProgress()
		if p.Remaining != 0 || p.Failed != 0 {
			b.Fatalf("rescore left %d, failed %d: %s", p.Remaining, p.Failed, p.LastError)
		}
		b.ReportMetric(time.Since(start).Seconds(), "rescore_s")
		b.ReportMetric(float64(p.Done)/time.Since(start).Seconds(), "articles/s")
	}
}

// rssMiB reads the resident set size from /proc (Linux); 0 elsewhere.
func rssMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
