package indexer

import (
	"log/slog"
	"slices"

	"genderlens/model"
)

// Revision is an article's figures as a review corrected them. The store keeps it beside the machine figures (in
// memory: the review log is its source, see package review) and every aggregate uses it where it exists.
type Revision struct {
	// Reviewed is true when an officer has reviewed the whole article.
	Reviewed bool
	// OutOfScope leaves the article out of the reviewed figures (an advertisement, not news, a duplicate).
	OutOfScope bool
	// Figures carries the reviewed figures in a Document's figure fields: Score, People, Quoted, PeopleByRole,
	// QuotedByRole, Categories and Topics. Its other fields are ignored.
	Figures Document
	// Changed is true when the reviewed figures differ from the machine's.
	Changed bool
}

// Reviser computes an article's revision from its stored document (Result filled), or nil when it has none. The
// store calls it for every written article that has a revision, so that a rescore or a re-crawl never leaves a
// revision computed from another result.
type Reviser func(Document) (*Revision, error)

// revision is a Revision as the rows keep it.
type revision struct {
	reviewed, outOfScope, changed bool
	row                           *row
}

// SetReviser sets the function that recomputes revisions of written articles.
func (ix *Index) SetReviser(fn Reviser) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.reviser = fn
}

// Revise sets (nil: removes) the revision of the article at url.
func (ix *Index) Revise(url string, rev *Revision) {
	ix.mu.Lock()
	ix.reviseLocked(url, rev)
	ix.mu.Unlock()
	// Search answers show reviewed figures: those computed before must not be served again.
	ix.searchCache.changed()
}

func (ix *Index) reviseLocked(url string, rev *Revision) {
	cur := ix.rows[url]
	if rev == nil {
		delete(ix.revisions, url)
		if cur != nil {
			cur.rev = nil
		}
		return
	}
	v := &revision{reviewed: rev.Reviewed, outOfScope: rev.OutOfScope, changed: rev.Changed}
	if !rev.OutOfScope {
		v.row = rowOf(rev.Figures)
		ix.interned.row(v.row)
	}
	ix.revisions[url] = v
	if cur != nil {
		if v.row != nil {
			// The article's identity is the stored one's.
			v.row.outlet, v.row.published, v.row.partition, v.row.rulesVersion = cur.outlet, cur.published, cur.partition, cur.rulesVersion
		}
		cur.rev = v
	}
}

// reviseWritten recomputes the revisions of written documents that had one.
func (ix *Index) reviseWritten(docs map[string]Document) {
	ix.mu.RLock()
	fn := ix.reviser
	var todo []Document
	if fn != nil {
		for url, d := range docs {
			if _, ok := ix.revisions[url]; ok {
				todo = append(todo, d)
			}
		}
	}
	ix.mu.RUnlock()
	for _, d := range todo {
		rev, err := fn(d)
		if err != nil {
			// The review log still has every correction: the next start or correction recomputes it.
			slog.Error("recompute the review of a rewritten article", "url", d.URL, "err", err)
			continue
		}
		ix.Revise(d.URL, rev)
	}
}

// URLs lists the URLs of the articles f selects, sorted: what a review sample is drawn from.
func (ix *Index) URLs(f model.Filter) []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	rows := ix.rows
	if f.Outlet != "" {
		rows = ix.byOutlet[f.Outlet]
	}
	var out []string
	for url, r := range rows {
		if matches(f, r) {
			out = append(out, url)
		}
	}
	slices.Sort(out)
	return out
}

// RevisionOf reports the article's revision: whether it has one, is reviewed and is out of scope.
func (ix *Index) RevisionOf(url string) (has, reviewed, outOfScope bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	v := ix.revisions[url]
	if v == nil {
		return false, false, false
	}
	return true, v.reviewed, v.outOfScope
}

// ReviseHits returns hits with the reviewed figures of the articles that have corrections: score, people and quoted
// counts, categories and topics, and the review's state. hits is not modified (a cache may hold it).
func (ix *Index) ReviseHits(hits []model.SearchHit) []model.SearchHit {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if len(ix.revisions) == 0 {
		return hits
	}
	var out []model.SearchHit
	for i, h := range hits {
		v := ix.revisions[h.URL]
		if v == nil {
			continue
		}
		if out == nil {
			out = slices.Clone(hits)
		}
		out[i].Reviewed, out[i].OutOfScope = v.reviewed, v.outOfScope
		if r := v.row; r != nil {
			out[i].Score = float64(r.scoreMicro) / 1e6
			out[i].People, out[i].Quoted = r.people, r.quoted
			out[i].Categories, out[i].Topics = nonNilStrings(slices.Clone(r.categories)), nonNilStrings(slices.Clone(r.topics))
		}
	}
	if out == nil {
		return hits
	}
	return out
}
