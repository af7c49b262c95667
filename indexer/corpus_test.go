package indexer_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"
)

// corpusDir is ../shared/corpus seen from the project root; tests run in the package directory.
var corpusDir = filepath.Join("..", "..", "shared", "corpus")

type corpusLine struct {
	ID       string  `json:"id"`
	Outlet   string  `json:"outlet"`
	URL      *string `json:"url"`
	Date     *string `json:"date"`
	Category string  `json:"category"`
	Title    string  `json:"title"`
	Text     string  `json:"text"`
}

// loadCorpus reads every corpus article as a crawler article. VNTC articles have no date and no URL: they get a
// synthetic URL and dates spread over 2024-2026 (one every few days, in file order), so that periods have data.
func loadCorpus(tb testing.TB) []crawler.Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		tb.Skipf("corpus not available in %s (%v): this test needs ../shared next to the project", corpusDir, err)
	}
	ict := model.Vietnam()
	spreadStart := time.Date(2024, 1, 1, 8, 0, 0, 0, ict)
	var out []crawler.Article
	undated := 0
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var l corpusLine
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				tb.Fatalf("%s: %v", file, err)
			}
			a := crawler.Article{Article: model.Article{Outlet: slug(l.Outlet), Title: l.Title, Body: l.Text, Section: l.Category}}
			if l.URL != nil && *l.URL != "" {
				a.URL = *l.URL
			} else {
				a.URL = "https://corpus.invalid/" + l.ID
			}
			if l.Date != nil && *l.Date != "" {
				if a.Published, err = time.ParseInLocation("2006-01-02", *l.Date, ict); err != nil {
					tb.Fatalf("%s: date %q: %v", l.ID, *l.Date, err)
				}
			} else {
				// 1,096 days over three years: about 1,500 articles land one every ~17 hours.
				a.Published = spreadStart.Add(time.Duration(undated) * 17 * time.Hour)
				undated++
			}
			out = append(out, a)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

func slug(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), "-"))
}

// storeAll scores articles on every core and stores them in batches of 500 with PutMany.
func storeAll(tb testing.TB, ix *indexer.Index, sc *scorer.Scorer, arts []crawler.Article) {
	tb.Helper()
	work := make(chan crawler.Article)
	scored := make(chan indexer.Document, 64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a := range work {
				d, err := ingest.Score(sc, a)
				if err != nil {
					tb.Error(err)
					continue
				}
				scored <- d
			}
		}()
	}
	go func() {
		for _, a := range arts {
			work <- a
		}
		close(work)
		wg.Wait()
		close(scored)
	}()
	batch := make([]indexer.Document, 0, 500)
	for d := range scored {
		batch = append(batch, d)
		if len(batch) == cap(batch) {
			if err := ix.PutMany(context.Background(), batch); err != nil {
				tb.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := ix.PutMany(context.Background(), batch); err != nil {
		tb.Fatal(err)
	}
}

func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the corpus test")
	}
	arts := loadCorpus(t)
	if raceEnabled {
		// The whole corpus takes about two minutes under -race; a fixed 1-in-8 sample keeps the race coverage of
		// the concurrent write path in CI while the full corpus runs without -race (go test -run TestCorpus ./indexer/).
		sample := arts[:0:0]
		for i := 0; i < len(arts); i += 8 {
			sample = append(sample, arts[i])
		}
		t.Logf("-race: indexing %d of %d corpus articles", len(sample), len(arts))
		arts = sample
	}
	dir := t.TempDir()
	ix, err := indexer.Open(dir, indexer.Options{BatchSize: 500})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { ix.Close() }()
	start := time.Now()
	storeAll(t, ix, scorertest.New(t), arts)
	t.Logf("scored and stored %d articles in %v", len(arts), time.Since(start).Round(time.Millisecond))
	urls := map[string]bool{}
	for _, a := range arts {
		urls[a.URL] = true
	}
	if ix.Count() != len(urls) {
		t.Fatalf("Count = %d, want %d distinct URLs", ix.Count(), len(urls))
	}

	t.Run("search with and without diacritics", func(t *testing.T) {
		for _, pair := range [][2]string{{"phụ nữ", "phu nu"}, {`"phụ nữ"`, `"phu nu"`}, {"bình đẳng giới", "BINH DANG GIOI"}} {
			with, without := allHits(t, ix, pair[0]), allHits(t, ix, pair[1])
			if len(with) == 0 {
				t.Errorf("%q found nothing in the corpus", pair[0])
			}
			if !reflect.DeepEqual(with, without) {
				t.Errorf("%q found %d articles, %q found %d; want the same hits", pair[0], len(with), pair[1], len(without))
			}
		}
	})

	// The brute force reads every article as `genderlens export` does (Each) and recomputes every figure.
	var docs []indexer.Document
	if err := ix.Each(context.Background(), func(d indexer.Document) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	filters := corpusFilters(ix.Outlets())
	before := map[int]model.Aggregate{}
	t.Run("aggregates equal a recomputation", func(t *testing.T) {
		for i, f := range filters {
			got := ix.Aggregate(f)
			before[i] = got
			if want := bruteForce(docs, f); !sameFigures(got, want) {
				t.Errorf("filter %+v:\n got %s\nwant %s", f, describe(got), describe(want))
			}
		}
	})

	t.Run("aggregates survive a restart", func(t *testing.T) {
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		if ix, err = indexer.Open(dir, indexer.Options{}); err != nil {
			t.Fatal(err)
		}
		for i, f := range filters {
			if got := ix.Aggregate(f); !reflect.DeepEqual(got, before[i]) {
				t.Errorf("filter %+v after reopen:\n got %s\nwant %s", f, describe(got), describe(before[i]))
			}
		}
	})
}

// corpusFilters are every outlet (and all outlets together) over all time, each year, a quarter, a month, the
// Action Month and a free range.
func corpusFilters(outlets []string) []model.Filter {
	var periods []model.Period
	for _, s := range []string{"", "2019", "2020", "2021", "2024", "2025", "2026", "2025-Q4", "2020-11", "action-month-2025",
		"action-month-2020", "2024-03-08..2024-06-30"} {
		p, err := model.ParsePeriod(s)
		if err != nil {
			panic(err)
		}
		periods = append(periods, p)
	}
	var out []model.Filter
	for _, o := range append([]string{""}, outlets...) {
		for _, p := range periods {
			out = append(out, model.Filter{Outlet: o, Period: p})
		}
	}
	return out
}

func allHits(t *testing.T, ix *indexer.Index, q string) []string {
	t.Helper()
	var urls []string
	for from := 0; ; from += model.MaxSearchSize {
		res, err := ix.Search(context.Background(), model.SearchRequest{Query: q, Size: model.MaxSearchSize, From: from})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range res.Articles {
			urls = append(urls, a.URL)
		}
		if len(res.Articles) < model.MaxSearchSize {
			break
		}
	}
	sort.Strings(urls)
	return urls
}

// figures is what the brute force recomputes, field by field, independently of the indexer's code.
type figures struct {
	Articles             int
	ScoreSum             float64
	People, Quoted       model.GenderCounts
	PeopleRole           map[string]model.GenderCounts
	QuotedRole           map[string]model.GenderCounts
	Categories, Topics   map[string]int
	GBV, Blame, Sens, ID int
	Versions             map[string]int
}

func bruteForce(docs []indexer.Document, f model.Filter) figures {
	fg := figures{PeopleRole: map[string]model.GenderCounts{}, QuotedRole: map[string]model.GenderCounts{},
		Categories: map[string]int{}, Topics: map[string]int{}, Versions: map[string]int{}}
	known := map[string]bool{"expert": true, "official": true, "ordinary": true, "celebrity": true}
	role := func(r string) string {
		if known[r] {
			return r
		}
		return "other"
	}
	for _, d := range docs {
		if f.Outlet != "" && d.Outlet != f.Outlet {
			continue
		}
		if !f.Period.From.IsZero() || !f.Period.To.IsZero() {
			if d.Published.IsZero() || d.Published.Before(f.Period.From) || (!f.Period.To.IsZero() && !d.Published.Before(f.Period.To)) {
				continue
			}
		}
		fg.Articles++
		fg.ScoreSum += d.Score
		fg.People = fg.People.Add(d.People)
		fg.Quoted = fg.Quoted.Add(d.Quoted)
		for r, c := range d.PeopleByRole {
			fg.PeopleRole[role(r)] = fg.PeopleRole[role(r)].Add(c)
		}
		for r, c := range d.QuotedByRole {
			fg.QuotedRole[role(r)] = fg.QuotedRole[role(r)].Add(c)
		}
		cats := map[string]bool{}
		for _, c := range d.Categories {
			fg.Categories[c]++
			cats[c] = true
		}
		gbv := false
		for _, tp := range d.Topics {
			fg.Topics[tp]++
			gbv = gbv || tp == "gbv"
		}
		if gbv {
			fg.GBV++
			fg.Blame += b2i(cats["victim_blaming"])
			fg.Sens += b2i(cats["sensational_gbv"])
			fg.ID += b2i(cats["victim_identification"])
		}
		fg.Versions[d.RulesVersion]++
	}
	return fg
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sameFigures(a model.Aggregate, w figures) bool {
	if a.Articles != w.Articles || a.People.GenderCounts != w.People || a.Quoted.GenderCounts != w.Quoted ||
		a.Violence.Articles != w.GBV || a.Violence.VictimBlaming.Articles != w.Blame ||
		a.Violence.Sensational.Articles != w.Sens || a.Violence.VictimIdentification.Articles != w.ID ||
		!reflect.DeepEqual(a.RulesVersions, w.Versions) {
		return false
	}
	if (a.Score == nil) != (w.Articles == 0) || (a.Score != nil && math.Abs(*a.Score-w.ScoreSum/float64(w.Articles)) > 1e-9) {
		return false
	}
	if w.Articles > 0 && a.Quoted.WomenShare != nil {
		if *a.Quoted.WomenShare != float64(w.Quoted.Female)/float64(w.Quoted.Female+w.Quoted.Male) {
			return false
		}
	}
	for r, g := range a.PeopleByRole {
		if g.GenderCounts != w.PeopleRole[r] || a.QuotedByRole[r].GenderCounts != w.QuotedRole[r] {
			return false
		}
	}
	for c, n := range w.Categories {
		if a.Categories[c].Articles != n || *a.Categories[c].Rate != float64(n)/float64(w.Articles) {
			return false
		}
	}
	for tp, n := range w.Topics {
		if a.Topics[tp].Articles != n {
			return false
		}
	}
	return len(a.Categories) == len(w.Categories)
}

func describe(v any) string {
	b, _ := json.Marshal(v)
	return fmt.Sprintf("%.600s", b)
}
