package indexer

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"genderlens/model"
)

func testDoc(i int, outlet string) Document {
	return Document{Article: model.Article{
		URL: fmt.Sprintf("https://example.org/a/%d", i), Outlet: outlet,
		Title: fmt.Sprintf("Phụ nữ khởi nghiệp %d", i), Body: "Bà Lan cho biết phụ nữ trong phường đã vay vốn.",
		Published: time.Date(2025, time.Month(1+i%12), 10, 8, 0, 0, 0, time.UTC)},
		RulesVersion: "test-1", Score: float64(50 + i%50),
		People: model.GenderCounts{Female: 1, Male: 1}, Quoted: model.GenderCounts{Female: i % 2, Male: 1},
		Categories: []string{"stereotype"}, Topics: []string{"women_focus"}, FindingCount: 1,
		Indicators: map[string]float64{"B1.1": 80},
		Result:     []byte(`{"score":50}`)}
}

func TestPutGetReopen(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := testDoc(1, "a")
	if err := ix.Put(ctx, want); err != nil {
		t.Fatal(err)
	}
	// The same URL again is an update, not a second article.
	want.Score = 12
	if err := ix.Put(ctx, want); err != nil {
		t.Fatal(err)
	}
	if n := ix.Count(); n != 1 {
		t.Fatalf("Count = %d after two puts of one URL, want 1", n)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Put(ctx, want); err == nil {
		t.Fatal("Put after Close succeeded")
	}

	ix, err = Open(dir, Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer ix.Close()
	got, ok, err := ix.Get(want.URL)
	if err != nil || !ok {
		t.Fatalf("Get after reopen: ok=%v err=%v", ok, err)
	}
	if got.Score != 12 || got.Title != want.Title || got.Quoted != want.Quoted || !got.Published.Equal(want.Published) ||
		got.Indicators["B1.1"] != 80 || string(got.Result) != string(want.Result) || len(got.Categories) != 1 {
		t.Errorf("Get after reopen = %+v, want %+v", got, want)
	}
	if n := ix.Count(); n != 1 {
		t.Errorf("Count after reopen = %d, want 1", n)
	}
}

func TestConcurrentPutsAndAggregates(t *testing.T) {
	ix, err := Open(t.TempDir(), Options{BatchSize: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	const n = 200
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outlet := "a"
			if i%4 == 0 {
				outlet = "b"
			}
			errs <- ix.Put(context.Background(), testDoc(i, outlet))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	sums := ix.AggregateByOutlet(model.Filter{})
	if got := sums["a"].Articles + sums["b"].Articles; got != n {
		t.Fatalf("articles = %d, want %d", got, n)
	}
	// Brute force over Each must agree with the table.
	var wantQuoted model.GenderCounts
	var scoreSum float64
	count := 0
	err = ix.Each(context.Background(), func(d Document) error {
		if d.Outlet == "b" {
			wantQuoted = wantQuoted.Add(d.Quoted)
			scoreSum += d.Score
			count++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if b := sums["b"]; b.Quoted.GenderCounts != wantQuoted || b.Articles != count || b.Score == nil || *b.Score != scoreSum/float64(count) {
		t.Errorf("aggregate b = %+v, brute force quoted %+v score %v n %d", b, wantQuoted, scoreSum/float64(count), count)
	}
	q1 := ix.AggregateByOutlet(model.Filter{Period: model.Period{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC)}})
	total := 0
	for _, s := range q1 {
		total += s.Articles
	}
	wantQ1 := 0
	for i := range n {
		if i%12 < 3 {
			wantQ1++
		}
	}
	if total != wantQ1 {
		t.Errorf("Q1 articles = %d, want %d", total, wantQ1)
	}
}

func TestWomenShare(t *testing.T) {
	tests := []struct {
		in     model.GenderCounts
		want   float64
		wantOK bool
	}{
		{model.GenderCounts{}, 0, false},
		{model.GenderCounts{Unknown: 3}, 0, false},
		{model.GenderCounts{Female: 1, Male: 3, Unknown: 5}, 0.25, true},
		{model.GenderCounts{Female: 2}, 1, true},
	}
	for _, tt := range tests {
		got, ok := tt.in.WomenShare()
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%+v.WomenShare() = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestOpenCreatesMissingDataDir(t *testing.T) {
	dir := t.TempDir() + "/nested/data"
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open of a missing directory: %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}
