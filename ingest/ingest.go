// Package ingest scores each collected article and stores it with its scores: the crawler's Sink.
package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/model"
	"genderlens/scorer"
)

// Store is where scored articles go.
type Store interface {
	Put(ctx context.Context, d indexer.Document) error
}

// Pipeline scores articles and stores them. It implements crawler.Sink.
type Pipeline struct {
	scorer *scorer.Scorer
	store  Store
}

var _ crawler.Sink = (*Pipeline)(nil)

// New returns a pipeline that scores with s and stores into st.
func New(s *scorer.Scorer, st Store) *Pipeline { return &Pipeline{scorer: s, store: st} }

// Store scores a and stores it; the error says which article failed and why.
func (p *Pipeline) Store(ctx context.Context, a crawler.Article) error {
	d, err := Score(p.scorer, a)
	if err != nil {
		return err
	}
	if err := p.store.Put(ctx, d); err != nil {
		return fmt.Errorf("store %s: %w", a.URL, err)
	}
	return nil
}

// Score builds the stored document of an article.
func Score(s *scorer.Scorer, a crawler.Article) (indexer.Document, error) {
	captions := make([]string, 0, len(a.Images))
	for _, im := range a.Images {
		if strings.TrimSpace(im.Caption) != "" {
			captions = append(captions, im.Caption)
		}
	}
	res := s.Check(scorer.Document{Text: model.ScoredText(a.Title, a.Lead, a.Body, captions), Section: a.Section})
	raw, err := json.Marshal(res)
	if err != nil {
		return indexer.Document{}, fmt.Errorf("encode score of %s: %w", a.URL, err)
	}
	crawled := a.Fetched
	if crawled.IsZero() {
		crawled = time.Now()
	}
	d := Figures(res)
	d.Article, d.Captions, d.Crawled, d.Result = a.Article, captions, crawled, raw
	return d, nil
}

// Figures are the stored figures of a result: rules version, score, indicators, counts of people and quoted sources
// (also by role), categories, rule ids, topics and the number of problems, in a Document's figure fields. Ingest and
// review (a corrected result) both store what it gives.
func Figures(res *scorer.Result) indexer.Document {
	d := indexer.Document{
		RulesVersion: res.RulesVersion, Score: res.Score, Indicators: res.Indicators,
		People: res.Counts.People, Quoted: res.Counts.Quoted,
		FindingCount: problems(res.Findings),
		PeopleByRole: map[string]model.GenderCounts{},
		QuotedByRole: maps.Clone(res.QuotedByRole),
	}
	for _, p := range res.People {
		c := d.PeopleByRole[p.Role]
		c.Count(p.Gender)
		d.PeopleByRole[p.Role] = c
	}
	cats, rules := map[string]bool{}, map[string]bool{}
	for _, f := range res.Findings {
		cats[f.Category] = true
		rules[f.Rule] = true
	}
	d.Categories = slices.Sorted(maps.Keys(cats))
	d.RuleIDs = slices.Sorted(maps.Keys(rules))
	if res.Topics.GBV {
		d.Topics = append(d.Topics, model.TopicGBV)
	}
	if res.Topics.GenderEquality {
		d.Topics = append(d.Topics, model.TopicGenderEquality)
	}
	if res.Topics.WomenFocus {
		d.Topics = append(d.Topics, model.TopicWomenFocus)
	}
	return d
}

// problems counts the findings that are problems: positive signals are good practice, never counted as problems.
func problems(fs []scorer.Finding) int {
	n := 0
	for _, f := range fs {
		if scorer.IsProblem(f) {
			n++
		}
	}
	return n
}

// images gives stored captions back the shape the crawler hands over.
func images(captions []string) []crawler.Image {
	out := make([]crawler.Image, len(captions))
	for i, c := range captions {
		out[i].Caption = c
	}
	return out
}

// Rescorer re-scores a stored article with s, keeping what was collected (text, dates, outlet) and replacing every
// score, for the indexer's background rescore when the rules version changes.
func Rescorer(s *scorer.Scorer) indexer.Rescorer {
	return func(d indexer.Document) (indexer.Document, error) {
		nd, err := Score(s, crawler.Article{Article: d.Article, Fetched: d.Crawled, Images: images(d.Captions)})
		if err != nil {
			return indexer.Document{}, fmt.Errorf("rescore %s: %w", d.URL, err)
		}
		return nd, nil
	}
}
