package review_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/indexer/indextest"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/review"
	"genderlens/rules"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"
)

const articleURL = "https://example.test/a"

func article(body string) crawler.Article {
	return crawler.Article{Article: model.Article{Outlet: "x", URL: articleURL, Title: "Tin phường",
		Published: time.Date(2025, 5, 1, 8, 0, 0, 0, model.Vietnam()), Body: body}}
}

// TestCorrectionsSurviveRescoreRestartAndRecrawl records corrections on a stored article, then rescores the store
// with another rules version, reopens everything, and re-crawls the article with other text: the corrections keep
// deciding its figures through the rescore and the restart, and are flagged stale, not applied, once the text changed.
func TestCorrectionsSurviveRescoreRestartAndRecrawl(t *testing.T) {
	dir := t.TempDir()
	sc := scorertest.New(t)
	ix := indextest.OpenDir(t, dir)
	d, err := ingest.Score(sc, article(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	open := func(ix *indexer.Index, sc *scorer.Scorer) *review.Reviewer {
		st, err := review.OpenStore(filepath.Join(dir, "corrections.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		rv := &review.Reviewer{Store: st, Scorer: sc}
		ix.SetReviser(rv.Revision)
		if err := rv.SyncAll(context.Background(), ix); err != nil {
			t.Fatal(err)
		}
		return rv
	}
	rv := open(ix, sc)
	stored, _, _ := ix.Get(articleURL)
	a, err := rv.Review(stored)
	if err != nil {
		t.Fatal(err)
	}
	var woman string
	for _, p := range a.Machine.People {
		if p.Quoted && p.Gender == model.Female {
			woman = p.Name
		}
	}
	no := false
	for _, c := range []review.Correction{
		{Kind: review.KindRejectFinding, Finding: ref(a.Machine.Findings[0])},
		{Kind: review.KindSetQuoted, Person: woman, Quoted: &no},
		{Kind: review.KindReviewed},
	} {
		c.URL, c.Outlet, c.TextHash, c.By, c.ByRole = articleURL, "x", a.TextHash, "officer", review.ByOfficer
		if _, err := rv.Store.Record(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := rv.Sync(ix, articleURL); err != nil {
		t.Fatal(err)
	}
	machineQuotedWomen := a.Machine.Counts.Quoted.Female
	check := func(stage string, ix *indexer.Index, wantReviewed int, wantWomen int) {
		t.Helper()
		agg := ix.Aggregate(model.Filter{Outlet: "x"})
		if agg.Reviewed != wantReviewed || agg.Quoted.Female != wantWomen || agg.Machine == nil ||
			agg.Machine.Quoted.Female != machineQuotedWomen {
			t.Errorf("%s: reviewed %d (want %d), quoted women %d (want %d), machine %+v", stage, agg.Reviewed,
				wantReviewed, agg.Quoted.Female, wantWomen, agg.Machine)
		}
	}
	check("after the corrections", ix, 1, machineQuotedWomen-1)
	before := *ix.Aggregate(model.Filter{Outlet: "x"}).Score

	// Another rules version: the background rescore rewrites the article, and its review is recomputed.
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	set.Version = "test-rescore"
	set.Scoring.HalfLife *= 2
	sc2, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	rv.Scorer = sc2 // as serve does when it starts with new rules
	if err := ix.StartRescore(sc2.RulesVersion(), ingest.Rescorer(sc2)); err != nil {
		t.Fatal(err)
	}
	ix.WaitRescore()
	if got, _, _ := ix.Get(articleURL); got.RulesVersion != "test-rescore" {
		t.Fatalf("not rescored: %s", got.RulesVersion)
	}
	check("after the rescore", ix, 1, machineQuotedWomen-1)
	// The reviewed figures were recomputed from the new result, not kept from the old one.
	rescored, _, _ := ix.Get(articleURL)
	ra, err := rv.Review(rescored)
	if err != nil {
		t.Fatal(err)
	}
	if agg := ix.Aggregate(model.Filter{Outlet: "x"}); *agg.Score != ra.Outcome.Result.Score || ra.Outcome.Result.Score == before {
		t.Errorf("after the rescore: reviewed score %.1f, want the new rules' %.1f (old rules: %.1f)", *agg.Score, ra.Outcome.Result.Score, before)
	}

	// A restart: the store and the log are read again.
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix = indextest.OpenDir(t, dir)
	rv = open(ix, sc2)
	check("after a restart", ix, 1, machineQuotedWomen-1)

	// A re-crawl brings other text: every correction is stale, none applied, the figures are the machine's.
	d2, err := ingest.Score(sc2, article(text+"\nĐoạn cập nhật lúc 10 giờ."))
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(context.Background(), d2); err != nil {
		t.Fatal(err)
	}
	check("after a re-crawl with other text", ix, 0, machineQuotedWomen)
	stored, _, _ = ix.Get(articleURL)
	a, err = rv.Review(stored)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Outcome.Stale) != 3 || a.Outcome.Changed || a.Outcome.Reviewed != nil {
		t.Errorf("after a re-crawl: %d stale, changed %v, reviewed %v", len(a.Outcome.Stale), a.Outcome.Changed, a.Outcome.Reviewed)
	}
}
