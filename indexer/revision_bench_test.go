package indexer

import (
	"context"
	"fmt"
	"testing"
	"time"

	"genderlens/model"
)

// BenchmarkAggregateReviewed measures what reviews cost the aggregates: the same store's district figures with no
// revision (machine figures only), and with 1% of its articles revised, when every aggregate also sums the machine's
// figures beside the reviewed ones. Both run in one process on one store; the ratio is reported.
func BenchmarkAggregateReviewed(b *testing.B) {
	const articles = 5000
	ix, err := Open(b.TempDir(), Options{BatchSize: 500})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	docs := make([]Document, articles)
	for i := range docs {
		docs[i] = testDoc(i, fmt.Sprintf("o%d", i%20))
	}
	if err := ix.PutMany(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	f := model.Filter{Period: model.Year(2025)}
	run := func(b *testing.B) time.Duration {
		start := time.Now()
		for b.Loop() {
			_ = ix.Aggregate(f)
			_ = ix.AggregateByOutlet(f)
		}
		return time.Since(start) / time.Duration(max(b.N, 1))
	}
	var machine time.Duration
	b.Run("machine", func(b *testing.B) { machine = run(b) })
	for i := 0; i < articles; i += 100 {
		fig := docs[i]
		fig.Score, fig.Categories = 90, nil
		ix.Revise(docs[i].URL, &Revision{Reviewed: true, Figures: fig, Changed: true})
	}
	b.Run("reviewed-1pct", func(b *testing.B) {
		d := run(b)
		if machine > 0 {
			b.ReportMetric(float64(d)/float64(machine), "x-machine")
		}
	})
}
