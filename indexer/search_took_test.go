package indexer

import (
	"context"
	"testing"
	"time"

	"genderlens/model"
)

// TestSearchTook: a search reports the time it took, from the request to the marked snippets, not bleve's ranking
// alone (which an alias over partitions reported as 0).
func TestSearchTook(t *testing.T) {
	ix := searchFixture(t)
	for _, sr := range []model.SearchRequest{{Query: "phu nu", Facets: true}, {Query: `"phụ nữ phường"`}, {}} {
		start := time.Now()
		res, err := ix.Search(context.Background(), sr)
		elapsed := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		if res.Took <= 0 || res.Took > elapsed {
			t.Errorf("Search(%+v).Took = %v, want more than 0 and at most the %v the call took", sr, res.Took, elapsed)
		}
	}
}
