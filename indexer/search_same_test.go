package indexer_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/indexer/indextest"
	"genderlens/internal/demo"
	"genderlens/model"
	"genderlens/scorer/scorertest"
)

// TestSearchSameAsReference: the searches made faster for issue 15 give exactly what the search gave before
// (SearchReferenceForTest): the same hits in the same order, fields, relevance, snippets, totals and facets, over
// the demo articles and, when ../shared is there, a sample of the corpus spread over three years.
func TestSearchSameAsReference(t *testing.T) {
	ix := indextest.Open(t)
	sc := scorertest.New(t)
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var crawled []crawler.Article
	for _, a := range arts {
		ca := crawler.Article{Article: model.Article{
			URL:    fmt.Sprintf("https://%s.demo.example/%s/%s.html", a.Outlet, a.Section, a.Slug),
			Outlet: a.Outlet, Title: a.Title, Lead: a.Lead, Body: strings.Join(demo.Paragraphs(a.Body), "\n\n"),
			Author: a.Author, Section: a.SectionName, Published: a.Published,
		}, Fetched: a.Published.Add(time.Hour)}
		if a.Image != nil {
			ca.Images = []crawler.Image{{Alt: a.Image.Alt, Caption: a.Image.Caption}}
		}
		crawled = append(crawled, ca)
	}
	if files, _ := filepath.Glob(filepath.Join(corpusDir, "*.jsonl")); len(files) > 0 {
		corpus := loadCorpus(t)
		step := 10
		if testing.Short() || raceEnabled {
			step = 40
		}
		for i := 0; i < len(corpus); i += step {
			crawled = append(crawled, corpus[i])
		}
	}
	storeAll(t, ix, sc, crawled)

	ctx := context.Background()
	queries := []string{"", "phu nu", "phụ nữ", "PHỤ NỮ", `"phụ nữ"`, `"bình đẳng giới"`, "bình đẳng giới", "bạo lực gia đình",
		`"bạo lực gia đình" phụ nữ`, "TP.HCM", "ha noi", `"Hà Nội"`, "2021", "nữ", "chị em", "phái yếu", "hoà giải",
		"- .", `"-" nữ`, "không có từ này xyzzy", "giám đốc", `"Liên hiệp Phụ nữ"`}
	var reqs []model.SearchRequest
	for _, q := range queries {
		reqs = append(reqs,
			model.SearchRequest{Query: q, Facets: true},
			model.SearchRequest{Query: q, Size: 50, From: 10},
			model.SearchRequest{Query: q, Period: model.Year(2025), Facets: true},
			model.SearchRequest{Query: q, Outlets: []string{"baohotay", "hoasen"}},
			model.SearchRequest{Query: q, Topic: model.TopicWomenFocus, Facets: true},
			model.SearchRequest{Query: q, Size: model.MaxSearchSize},
		)
	}
	for _, cat := range model.GenderedLanguageCategories() {
		reqs = append(reqs, model.SearchRequest{Query: "phu nu", Category: cat, Facets: true})
	}
	withHits := 0
	for _, sr := range reqs {
		got, err := ix.Search(ctx, sr)
		if err != nil {
			t.Fatalf("Search(%+v): %v", sr, err)
		}
		want, err := ix.SearchReferenceForTest(ctx, sr)
		if err != nil {
			t.Fatalf("reference search (%+v): %v", sr, err)
		}
		// Asked again, the search is answered from the cache: the same result.
		cached, err := ix.Search(ctx, sr)
		if err != nil {
			t.Fatalf("Search(%+v) again: %v", sr, err)
		}
		got.Took, want.Took, cached.Took = 0, 0, 0
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Search(%+v) differs from the reference:\n got %+v\nwant %+v", sr, got, want)
		}
		if !reflect.DeepEqual(cached, want) {
			t.Errorf("Search(%+v) from the cache differs from the reference:\n got %+v\nwant %+v", sr, cached, want)
		}
		if len(got.Articles) > 0 {
			withHits++
		}
	}
	if withHits < len(reqs)/2 {
		t.Errorf("only %d of %d searches found anything: the comparison says little", withHits, len(reqs))
	}
}
