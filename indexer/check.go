package indexer

import (
	"context"
	"fmt"
	"sort"
)

// StoreCheck is what Check found in the store.
type StoreCheck struct {
	Articles int      // articles served
	Results  int      // results readable in the results file
	Damaged  []Damage // partitions or results file that could not be read
	// MissingResults are stored articles whose full result is gone (the results file was lost or damaged).
	MissingResults []string
}

// OK reports whether nothing is damaged or missing.
func (c StoreCheck) OK() bool { return len(c.Damaged) == 0 && len(c.MissingResults) == 0 }

// Check reads the whole store: the partitions were opened by Open; this reads every result and looks for articles
// that lost theirs. It writes nothing.
func (ix *Index) Check(ctx context.Context) (StoreCheck, error) {
	c := StoreCheck{Articles: ix.Count()}
	n, err := ix.results.check()
	c.Results = n
	c.Damaged = ix.Damaged()
	if err != nil {
		return c, nil // every result is suspect: repair first
	}
	for _, url := range ix.urls() {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		d, ok, err := ix.Get(url)
		if err != nil {
			return c, fmt.Errorf("check %s: %w", url, err)
		}
		if ok && len(d.Result) == 0 {
			c.MissingResults = append(c.MissingResults, url)
		}
	}
	return c, nil
}

// Has reports whether an article with this URL is stored and readable.
func (ix *Index) Has(url string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.rows[url] != nil
}

func (ix *Index) urls() []string {
	ix.mu.RLock()
	out := make([]string, 0, len(ix.rows))
	for u := range ix.rows {
		out = append(out, u)
	}
	ix.mu.RUnlock()
	sort.Strings(out)
	return out
}

// Repair makes the store writable again after damage, keeping every damaged file aside: a partition that only
// lost its index_meta.json is reopened, any other damaged partition is moved aside, a damaged results file is
// replaced by a new one holding every result still readable. It returns one line per action. Articles lost on
// the way are not in the store any more (Has is false) or have no result (a new Check lists them): the caller
// re-queues them for the crawler.
func (ix *Index) Repair() ([]string, error) {
	// Damage inside the results file shows only when its pages are read.
	_, _ = ix.results.check()
	done, err := ix.RepairDamaged()
	if err != nil {
		return done, err
	}
	saved, aside, err := ix.results.repair(ix.openTimeout)
	if err != nil {
		return done, err
	}
	if aside != "" {
		done = append(done, fmt.Sprintf("%s: damaged, moved to %s; %d results saved into a new file", ix.results.path, aside, saved))
	}
	return done, nil
}
