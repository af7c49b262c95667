package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"
)

// ErrClosed is returned by writes after Close.
var ErrClosed = errors.New("index is closed")

// Index is the article store. It is safe for concurrent use.
//
// Articles are kept in one bleve index per year of publication (plus one for undated articles) under
// DATA/articles.bleve/, searched together through an alias, so that a multi-year archive stays fast and a search
// limited to a period reads only its years.
type Index struct {
	dir         string // the partitions' directory
	openTimeout time.Duration

	partsMu sync.RWMutex
	parts   map[string]bleve.Index // by partition name ("2025", "undated"); only Open and the writer add
	damaged map[string]Damage      // partitions that could not be read at start-up, left untouched on disk

	writes   chan writeRequest
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}

	results     *resultStore
	stats       writeCounters
	snippets    *snippetMaker
	searchCache *searchCache

	mu       sync.RWMutex
	rows     map[string]*row            // by URL: the compact table behind every aggregate, and where each article lives
	byOutlet map[string]map[string]*row // the same rows by outlet, then URL, so one outlet's figures scan only its rows
	interned *interner                  // the rows' shared strings
	// revisions are the reviewed figures by URL (see Revision), kept apart from rows so that a rewrite keeps them.
	revisions map[string]*revision
	reviser   Reviser

	rescore rescoreState
}

type writeRequest struct {
	doc Document
	// skipIfVersion, when set, drops the write if the stored article is already scored with that rules version.
	skipIfVersion string
	done          chan error
}

// Options tune the write path.
type Options struct {
	// BatchSize is the most documents one bleve batch holds (default 256).
	BatchSize int
	// BatchWait is how long the writer waits for more documents before writing a partial batch (default 20ms).
	BatchWait time.Duration
	// OpenTimeout bounds the wait for another process's lock on the index (default 2s).
	OpenTimeout time.Duration
	// SearchCache is how many search results are kept until the next write (default 256; negative: none).
	SearchCache int
}

// Open opens the store in dir, creating it when missing, and loads the aggregate table. A store written by an
// earlier version (one index, or another field layout) is converted first.
func Open(dir string, opts Options) (*Index, error) {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 256
	}
	if opts.BatchWait <= 0 {
		opts.BatchWait = 20 * time.Millisecond
	}
	if opts.OpenTimeout <= 0 {
		opts.OpenTimeout = 2 * time.Second
	}
	ix := &Index{
		dir: filepath.Join(dir, "articles.bleve"), openTimeout: opts.OpenTimeout,
		parts: map[string]bleve.Index{}, damaged: map[string]Damage{},
		writes: make(chan writeRequest), stop: make(chan struct{}), done: make(chan struct{}),
		rows: map[string]*row{}, byOutlet: map[string]map[string]*row{}, interned: newInterner(),
		revisions: map[string]*revision{}, searchCache: newSearchCache(opts.SearchCache),
	}
	var err error
	if ix.snippets, err = newSnippetMaker(); err != nil {
		return nil, err
	}
	legacy, err := ix.moveAsideSingleIndex()
	if err != nil {
		return nil, err
	}
	if ix.results, err = openResultStore(dir, opts.OpenTimeout); err != nil {
		return nil, err
	}
	if err := ix.openPartitions(); err != nil {
		return nil, errors.Join(err, ix.closeParts())
	}
	if err := ix.loadRows(); err != nil {
		return nil, errors.Join(err, ix.closeParts())
	}
	if ix.results.created && len(ix.rows) > 0 {
		slog.Error("the results file was missing or empty while articles are stored: their details are lost",
			"path", ix.results.path, "articles", len(ix.rows), "fix", repairHint)
	}
	if legacy != "" {
		if err := ix.migrateSingleIndex(legacy, opts.BatchSize); err != nil {
			return nil, errors.Join(err, ix.closeParts())
		}
	}
	go ix.writer(opts.BatchSize, opts.BatchWait)
	return ix, nil
}

// Close stops a running rescore, then the writer after the pending batch, and closes the index.
func (ix *Index) Close() error {
	ix.stopRescore()
	ix.stopOnce.Do(func() { close(ix.stop) })
	<-ix.done
	return ix.closeParts()
}

func (ix *Index) closeParts() error {
	ix.partsMu.Lock()
	defer ix.partsMu.Unlock()
	var errs []error
	if ix.results != nil {
		if err := ix.results.close(); err != nil {
			errs = append(errs, fmt.Errorf("close results: %w", err))
		}
		ix.results = nil
	}
	for name, p := range ix.parts {
		if err := p.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close partition %s: %w", name, err))
		}
	}
	ix.parts = map[string]bleve.Index{}
	ix.searchCache.changed()
	return errors.Join(errs...)
}

// Put stores or replaces (same URL) one document and returns once it is durable.
func (ix *Index) Put(ctx context.Context, d Document) error {
	return ix.put(ctx, d, "")
}

// PutMany stores or replaces several documents and returns once all are durable, or with the first error. Handing
// many documents over at once lets the writer fill whole batches, which is far faster than one Put per goroutine.
func (ix *Index) PutMany(ctx context.Context, docs []Document) error {
	return ix.putMany(ctx, docs, "")
}

func (ix *Index) putMany(ctx context.Context, docs []Document, skipIfVersion string) error {
	reqs := make([]writeRequest, 0, len(docs))
	var sendErr error
	for _, d := range docs {
		if d.URL == "" {
			sendErr = errors.New("put: document has no URL")
			break
		}
		req := writeRequest{doc: normalise(d), skipIfVersion: skipIfVersion, done: make(chan error, 1)}
		select {
		case ix.writes <- req:
			reqs = append(reqs, req)
			continue
		case <-ix.stop:
			sendErr = ErrClosed
		case <-ctx.Done():
			sendErr = ctx.Err()
		}
		break
	}
	// Whatever was handed over completes; its outcome is reported before the error that stopped the rest.
	for _, r := range reqs {
		if err := <-r.done; err != nil {
			return err
		}
	}
	return sendErr
}

func (ix *Index) put(ctx context.Context, d Document, skipIfVersion string) error {
	if d.URL == "" {
		return errors.New("put: document has no URL")
	}
	req := writeRequest{doc: normalise(d), skipIfVersion: skipIfVersion, done: make(chan error, 1)}
	select {
	case ix.writes <- req:
	case <-ix.stop:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	// Once handed over, the write completes even if ctx ends, so the caller learns its outcome.
	return <-req.done
}

func (ix *Index) writer(size int, wait time.Duration) {
	defer close(ix.done)
	var pending []writeRequest
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() {
		if len(pending) == 0 {
			return
		}
		start := time.Now()
		err := ix.writeBatch(pending)
		ix.stats.record(len(pending), time.Since(start), err)
		for _, p := range pending {
			p.done <- err
		}
		pending = pending[:0]
	}
	for {
		select {
		case req := <-ix.writes:
			pending = append(pending, req)
			if len(pending) == 1 {
				timer.Reset(wait)
			}
			if len(pending) >= size {
				timer.Stop()
				flush()
			}
		case <-timer.C:
			flush()
		case <-ix.stop:
			timer.Stop()
			flush()
			return
		}
	}
}

func (ix *Index) writeBatch(reqs []writeRequest) error {
	// The last write of a URL in a batch wins, as it would have in sequence.
	latest := map[string]Document{}
	ix.mu.RLock()
	for _, r := range reqs {
		if r.skipIfVersion != "" {
			if d, ok := latest[r.doc.URL]; ok && d.RulesVersion == r.skipIfVersion {
				continue
			}
			if old := ix.rows[r.doc.URL]; old != nil && old.rulesVersion == r.skipIfVersion {
				if _, ok := latest[r.doc.URL]; !ok {
					continue
				}
			}
		}
		latest[r.doc.URL] = r.doc
	}
	// An article whose publication year changed moves: it is written to its new partition, then deleted from the
	// old one. A crash in between leaves two copies; loadRows keeps the newer (stored_at) and deletes the other.
	byPart, moved := map[string][]Document{}, map[string][]string{}
	for url, d := range latest {
		part := partitionOf(d.Published)
		byPart[part] = append(byPart[part], d)
		if old := ix.rows[url]; old != nil && old.partition != part {
			moved[old.partition] = append(moved[old.partition], url)
		}
	}
	ix.mu.RUnlock()
	if err := ix.results.putAll(latest); err != nil {
		return keepNoSpace(err)
	}
	storedAt := time.Now().UnixNano()
	for _, part := range sortedPartNames(byPart) {
		docs := byPart[part]
		p, err := ix.partition(part, true)
		if err != nil {
			return err
		}
		b := p.NewBatch()
		for _, d := range docs {
			f := d.fields()
			f[fieldStoredAt] = float64(storedAt)
			if err := b.Index(d.URL, f); err != nil {
				return fmt.Errorf("index %s: %w", d.URL, err)
			}
		}
		// A safe batch (the default) returns only after the segment is persisted.
		if err := ix.batch(part, p, b); err != nil {
			return fmt.Errorf("write batch of %d to partition %s: %w", b.Size(), part, keepNoSpace(err))
		}
		ix.mu.Lock()
		for _, d := range docs {
			r := rowOf(d)
			r.storedAt = storedAt
			ix.setRowLocked(d.URL, r)
		}
		ix.mu.Unlock()
	}
	ix.reviseWritten(latest)
	for part, urls := range moved {
		if err := ix.deleteFrom(part, urls); err != nil {
			return err
		}
	}
	return nil
}

func (ix *Index) deleteFrom(part string, urls []string) error {
	p, err := ix.partition(part, false)
	if err != nil || p == nil {
		return err
	}
	b := p.NewBatch()
	for _, u := range urls {
		b.Delete(u)
	}
	if err := ix.batch(part, p, b); err != nil {
		return fmt.Errorf("delete %d moved articles from partition %s: %w", len(urls), part, err)
	}
	return nil
}

// batch writes b to the partition. After a failed write (a full disk) bleve's in-memory state of the partition is
// unusable: the next batch panics in zapx ("assignment to entry in nil map") and kills the process. So a failure
// reopens the partition from what is on disk, and a panic is turned into an error, which the caller retries.
func (ix *Index) batch(part string, p bleve.Index, b *bleve.Batch) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("bleve panicked: %v", r)
		}
		if err != nil {
			ix.reopenPartition(part, p)
		}
		// Even a failed batch may have changed what searches see.
		ix.searchCache.changed()
	}()
	return p.Batch(b)
}

// reopenPartition replaces the open partition p by a fresh open of its directory; if that fails, the partition is
// treated as damaged until the next start (it is never recreated over what is on disk).
func (ix *Index) reopenPartition(part string, p bleve.Index) {
	ix.partsMu.Lock()
	defer ix.partsMu.Unlock()
	if ix.parts[part] != p {
		return // already reopened by another failure
	}
	func() {
		defer func() { _ = recover() }()
		_ = p.Close()
	}()
	path := filepath.Join(ix.dir, part+".bleve")
	fresh, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": ix.openTimeout.String()})
	if err != nil {
		delete(ix.parts, part)
		ix.damaged[part] = Damage{Partition: part, Path: path, Err: fmt.Errorf("reopen after a failed write: %w", err)}
		slog.Error("article partition could not be reopened after a failed write: it is not served until a restart",
			"partition", part, "path", path, "error", err)
		return
	}
	slog.Warn("article partition reopened after a failed write", "partition", part, "path", path)
	ix.parts[part] = fresh
}

// setRowLocked replaces the row of url, moving it between outlets if needed; ix.mu must be held for writing.
func (ix *Index) setRowLocked(url string, r *row) {
	ix.interned.row(r)
	if old := ix.rows[url]; old != nil && old.outlet != r.outlet {
		delete(ix.byOutlet[old.outlet], url)
		if len(ix.byOutlet[old.outlet]) == 0 {
			delete(ix.byOutlet, old.outlet)
		}
	}
	ix.rows[url] = r
	if v := ix.revisions[url]; v != nil {
		r.rev = v
		if v.row != nil {
			v.row.outlet, v.row.published, v.row.partition, v.row.rulesVersion = r.outlet, r.published, r.partition, r.rulesVersion
		}
	}
	m := ix.byOutlet[r.outlet]
	if m == nil {
		m = map[string]*row{}
		ix.byOutlet[r.outlet] = m
	}
	m[url] = r
}

// Count is the number of stored articles.
func (ix *Index) Count() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.rows)
}

// Get returns the stored document with this URL.
func (ix *Index) Get(url string) (Document, bool, error) {
	ix.mu.RLock()
	r := ix.rows[url]
	ix.mu.RUnlock()
	if r == nil {
		return Document{}, false, nil
	}
	p, err := ix.partition(r.partition, false)
	if err != nil || p == nil {
		return Document{}, false, err
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{url}), 1, 0, false)
	req.Fields = []string{"*"}
	res, err := p.Search(req)
	if err != nil {
		return Document{}, false, fmt.Errorf("get %s: %w", url, err)
	}
	if len(res.Hits) == 0 {
		return Document{}, false, nil
	}
	d, err := documentFromFields(res.Hits[0].Fields)
	if err != nil {
		return d, false, err
	}
	// Articles stored before results moved out of bleve still carry theirs in the "result" field.
	if r, err := ix.results.get(url); err != nil {
		return d, false, fmt.Errorf("get result of %s: %w", url, err)
	} else if r != nil {
		d.Result = r
	}
	return d, true, nil
}

// Each calls fn for every stored document in URL order, stopping at the first error.
func (ix *Index) Each(ctx context.Context, fn func(Document) error) error {
	all := ix.view(model.Period{})
	if all == nil {
		return nil
	}
	return eachDocument(ctx, all, bleve.NewMatchAllQuery(), []string{"*"}, 500, fn)
}

// eachDocument pages through the documents matching q in URL order, loading only the given stored fields. Paging
// by URL keeps each page's cost flat and tolerates writes between pages.
func eachDocument(ctx context.Context, idx bleve.Index, q query.Query, fields []string, page int, fn func(Document) error) error {
	var after []string
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		req := bleve.NewSearchRequestOptions(q, page, 0, false)
		req.Fields = fields
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := idx.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("scan index: %w", err)
		}
		for i, h := range res.Hits {
			if (i > 0 && res.Hits[i-1].ID == h.ID) || (i == 0 && after != nil && after[0] == h.ID) {
				continue // the second copy of an article moving between partitions
			}
			d, err := documentFromFields(h.Fields)
			if err != nil {
				return fmt.Errorf("read %s: %w", h.ID, err)
			}
			if d.URL == "" {
				d.URL = h.ID
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// rowFields are the stored fields the aggregate table needs: loading only these keeps opening a large index quick.
func rowFields() []string {
	return []string{fieldURL, fieldOutlet, fieldPublished, fieldScore, fieldPeopleFemale, fieldPeopleMale,
		fieldPeopleUnknown, fieldQuotedFemale, fieldQuotedMale, fieldQuotedUnknown, fieldRoles, fieldCategories,
		fieldTopics, fieldRulesVersion}
}

func (ix *Index) loadRows() error {
	for _, name := range ix.partNames() {
		p, _ := ix.partition(name, false)
		if err := ix.loadPartitionRows(name, p); err != nil {
			var we cleanupError
			if errors.As(err, &we) {
				return err // a write failed (a full disk?): nothing is damaged, the start fails as before
			}
			// A partition that opens but cannot be read is damaged like one that does not open.
			ix.dropPartition(name)
			ix.markDamaged(name, filepath.Join(ix.dir, name+".bleve"), err)
		}
	}
	return nil
}

// cleanupError is a failed write while loading rows, which says nothing about the partition being readable.
type cleanupError struct{ error }

func (e cleanupError) Unwrap() error { return e.error }

func (ix *Index) loadPartitionRows(name string, p bleve.Index) error {
	fields := append(rowFields(), fieldStoredAt)
	err := eachDocument(context.Background(), p, bleve.NewMatchAllQuery(), fields, 10000, func(d Document) error {
		r := rowOf(d)
		r.storedAt = d.storedAt
		ix.mu.RLock()
		old := ix.rows[d.URL]
		ix.mu.RUnlock()
		if old != nil {
			// Two copies: a crash came between writing a moved article and deleting its old copy.
			stale, keep := old, r
			if r.storedAt < old.storedAt {
				stale, keep = r, old
			}
			if err := ix.deleteFrom(stale.partition, []string{d.URL}); err != nil {
				return cleanupError{err}
			}
			r = keep
		}
		ix.mu.Lock()
		ix.setRowLocked(d.URL, r)
		ix.mu.Unlock()
		return nil
	})
	if err != nil {
		return fmt.Errorf("load partition %s: %w", name, err)
	}
	return nil
}

func normalise(d Document) Document {
	d.Title = norm.NFC.String(d.Title)
	d.Lead = norm.NFC.String(d.Lead)
	d.Body = norm.NFC.String(d.Body)
	if d.Captions != nil {
		caps := make([]string, len(d.Captions))
		for i, c := range d.Captions {
			caps[i] = norm.NFC.String(c)
		}
		d.Captions = caps
	}
	d.Author = norm.NFC.String(d.Author)
	d.Section = norm.NFC.String(d.Section)
	return d
}

// vietnamTime is Vietnam's time zone (UTC+7, no daylight saving), where months, years and the Action Month begin;
// fixed rather than loaded so that it works without tzdata.
