package review

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/scorer"
)

// Index is what a Reviewer reads and writes of the article store.
type Index interface {
	Get(url string) (indexer.Document, bool, error)
	Revise(url string, rev *indexer.Revision)
}

// Reviewer applies a store's corrections to stored articles.
type Reviewer struct {
	Store  *Store
	Scorer *scorer.Scorer
}

// ErrNoResult is returned for a stored article whose scorer result was lost (a damaged results file): there is
// nothing to apply corrections to until it is rescored.
var ErrNoResult = errors.New("the article's scorer result is not stored")

// Article is a stored article with its machine result and its review.
type Article struct {
	Document indexer.Document
	// Text is the scored text that offsets refer to; TextHash identifies it.
	Text, TextHash string
	Machine        *scorer.Result
	Outcome        Outcome
	History        []Correction
}

// Review applies the corrections of d (a stored document with its Result) to its machine result.
func (rv *Reviewer) Review(d indexer.Document) (Article, error) {
	if len(d.Result) == 0 {
		return Article{}, fmt.Errorf("review %s: %w", d.URL, ErrNoResult)
	}
	var res scorer.Result
	if err := json.Unmarshal(d.Result, &res); err != nil {
		return Article{}, fmt.Errorf("review %s: decode result: %w", d.URL, err)
	}
	text := model.ScoredText(d.Title, d.Lead, d.Body, d.Captions)
	a := Article{Document: d, Text: text, TextHash: TextHash(text), Machine: &res, History: rv.Store.Article(d.URL)}
	a.Outcome = Apply(rv.Scorer, &res, text, a.History)
	return a, nil
}

// Revision is the store's view of d's review, nil when it has no correction: an indexer.Reviser.
func (rv *Reviewer) Revision(d indexer.Document) (*indexer.Revision, error) {
	if len(rv.Store.Article(d.URL)) == 0 {
		return nil, nil
	}
	a, err := rv.Review(d)
	if err != nil {
		return nil, err
	}
	return a.revision(), nil
}

func (a Article) revision() *indexer.Revision {
	o := a.Outcome
	// Marking an article out of scope is a review of it.
	return &indexer.Revision{Reviewed: o.Reviewed != nil || o.OutOfScope != nil, OutOfScope: o.OutOfScope != nil,
		Figures: ingest.Figures(o.Result), Changed: o.Changed}
}

// Sync recomputes the revision of url in ix from the store.
func (rv *Reviewer) Sync(ix Index, url string) error {
	d, ok, err := ix.Get(url)
	if err != nil {
		return fmt.Errorf("review %s: %w", url, err)
	}
	if !ok {
		return nil // corrections of an article the store no longer has wait for it to be crawled again
	}
	rev, err := rv.Revision(d)
	if err != nil {
		return err
	}
	ix.Revise(url, rev)
	return nil
}

// SyncAll recomputes the revision of every article with a correction: at start, before figures are served. An
// article that fails is logged by the caller from the joined error; the others are still revised.
func (rv *Reviewer) SyncAll(ctx context.Context, ix Index) error {
	var errs []error
	for _, url := range rv.Store.URLs() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := rv.Sync(ix, url); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Estimate tallies the reviewed articles among urls (a review sample): what they say of the scorer's precision. An
// article that cannot be read is skipped and counted in the error.
func (rv *Reviewer) Estimate(ix Index, urls []string) (Estimates, error) {
	t := NewTally()
	var errs []error
	for _, url := range urls {
		if len(rv.Store.Article(url)) == 0 {
			continue
		}
		d, ok, err := ix.Get(url)
		if err != nil || !ok {
			errs = append(errs, err)
			continue
		}
		a, err := rv.Review(d)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		t.Add(a.Machine, a.Outcome)
	}
	return t.Estimates(), errors.Join(errs...)
}
