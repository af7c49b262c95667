package indexer

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"genderlens/internal/wait"
	"genderlens/model"
)

func TestRescoreResumesAfterRestart(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir, Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	const n = 300
	docs := make([]Document, n)
	for i := range docs {
		docs[i] = testDoc(i, "a")
		docs[i].RulesVersion = "v1"
	}
	if err := ix.PutMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	// The first run gets through 100 articles only (the rescorer fails on the rest, as if stopped). It holds its
	// articles until a second StartRescore has been refused, so the run is certainly still going then.
	release := make(chan struct{})
	var calls atomic.Int32
	rescore := func(d Document) (Document, error) {
		<-release
		if calls.Add(1) > 100 {
			return d, errors.New("stopped")
		}
		d.RulesVersion, d.Score = "v2", 1
		return d, nil
	}
	if err := ix.StartRescore("v2", rescore); err != nil {
		t.Fatal(err)
	}
	if err := ix.StartRescore("v2", rescore); !errors.Is(err, ErrRescoreRunning) {
		t.Errorf("second StartRescore: %v, want ErrRescoreRunning", err)
	}
	close(release)
	ix.WaitRescore()
	if p := ix.RescoreProgress(); p.Running || p.Total != n || p.Done != 100 || p.Failed != n-100 || p.Remaining != n-100 || p.LastError == "" {
		t.Errorf("progress after the first run = %+v", p)
	}
	// Close stops a running rescore promptly.
	var slowCalls atomic.Int32
	slow := func(d Document) (Document, error) {
		slowCalls.Add(1)
		time.Sleep(20 * time.Millisecond) // a slow rescorer is the case under test: Close must not wait for all 300
		d.RulesVersion = "v3"
		return d, nil
	}
	if err := ix.StartRescore("v3", slow); err != nil {
		t.Fatal(err)
	}
	wait.For(t, 10*time.Second, func() error {
		if slowCalls.Load() == 0 {
			return errors.New("the slow rescore has not started")
		}
		return nil
	})
	start := time.Now()
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v with a rescore running", d)
	}

	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	left := ix.StaleCount("v2")
	if left != n-100 {
		t.Fatalf("after restart %d articles on v1, want %d", left, n-100)
	}
	// Mixed versions are reported, not hidden.
	if a := ix.Aggregate(model.Filter{}); !a.MixedRulesVersions || a.RulesVersions["v2"] != 100 {
		t.Errorf("aggregate versions %v mixed %v", a.RulesVersions, a.MixedRulesVersions)
	}
	if err := ix.StartRescore("v2", func(d Document) (Document, error) {
		d.RulesVersion, d.Score = "v2", 2
		return d, nil
	}); err != nil {
		t.Fatal(err)
	}
	ix.WaitRescore()
	p := ix.RescoreProgress()
	if p.Running || p.Total != left || p.Done != left || p.Failed != 0 || p.Remaining != 0 || ix.Count() != n {
		t.Errorf("progress after resume = %+v, count %d", p, ix.Count())
	}
	if a := ix.Aggregate(model.Filter{}); a.MixedRulesVersions || a.RulesVersions["v2"] != n {
		t.Errorf("after rescore: versions %v", a.RulesVersions)
	}
}

func TestRescoreNeverOverwritesFresherScores(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	fresh := testDoc(1, "a")
	fresh.RulesVersion, fresh.Score, fresh.Title = "v2", 99, "fresh copy"
	if err := ix.Put(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	stale := testDoc(1, "a")
	stale.RulesVersion, stale.Score = "v2", 10
	// A rescore of an older copy read before the crawl stored the fresh one.
	if err := ix.put(ctx, stale, "v2"); err != nil {
		t.Fatal(err)
	}
	got, _, err := ix.Get(fresh.URL)
	if err != nil || got.Score != 99 || got.Title != "fresh copy" {
		t.Errorf("stored %+v (err %v); the fresh copy must win", got, err)
	}
}
