package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"golang.org/x/text/unicode/norm"
)

// ErrClosed is returned by writes after Close.
var ErrClosed = errors.New("index is closed")

// Index is the article store. It is safe for concurrent use.
type Index struct {
	idx  bleve.Index
	path string

	writes   chan writeRequest
	stop     chan struct{}
	stopOnce sync.Once
	done     chan struct{}

	mu   sync.RWMutex
	rows map[string]row // by URL: the compact table behind every aggregate
}

type writeRequest struct {
	doc  Document
	done chan error
}

// Options tune the write path.
type Options struct {
	// BatchSize is the most documents one bleve batch holds (default 256).
	BatchSize int
	// BatchWait is how long the writer waits for more documents before writing a partial batch (default 20ms).
	BatchWait time.Duration
	// OpenTimeout bounds the wait for another process's lock on the index (default 2s).
	OpenTimeout time.Duration
}

// Open opens the index in dir, creating it when missing, and loads the aggregate table.
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
	path := filepath.Join(dir, "articles.bleve")
	var idx bleve.Index
	_, statErr := os.Stat(filepath.Join(path, "index_meta.json"))
	switch {
	case statErr == nil:
		var err error
		idx, err = bleve.OpenUsing(path, map[string]any{"bolt_timeout": opts.OpenTimeout.String()})
		if err != nil {
			if strings.Contains(err.Error(), "timeout") {
				return nil, fmt.Errorf("open index %s: it is in use by another genderlens process (stop `serve` first): %w", path, err)
			}
			return nil, fmt.Errorf("open index %s: %w", path, err)
		}
	case errors.Is(statErr, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create data dir %s: %w", dir, err)
		}
		m, err := newMapping()
		if err != nil {
			return nil, err
		}
		// A directory left by a crash before index_meta.json was written holds nothing acknowledged.
		if err := os.RemoveAll(path); err != nil {
			return nil, fmt.Errorf("clear incomplete index %s: %w", path, err)
		}
		idx, err = bleve.NewUsing(path, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, nil)
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", path, err)
		}
	default:
		return nil, fmt.Errorf("open index %s: %w", path, statErr)
	}
	ix := &Index{
		idx: idx, path: path,
		writes: make(chan writeRequest), stop: make(chan struct{}), done: make(chan struct{}),
		rows: map[string]row{},
	}
	if err := ix.loadRows(); err != nil {
		idx.Close()
		return nil, err
	}
	go ix.writer(opts.BatchSize, opts.BatchWait)
	return ix, nil
}

// Close stops the writer after the pending batch and closes the index.
func (ix *Index) Close() error {
	ix.stopOnce.Do(func() { close(ix.stop) })
	<-ix.done
	if err := ix.idx.Close(); err != nil {
		return fmt.Errorf("close index %s: %w", ix.path, err)
	}
	return nil
}

// Put stores or replaces (same URL) one document and returns once it is durable.
func (ix *Index) Put(ctx context.Context, d Document) error {
	if d.URL == "" {
		return errors.New("put: document has no URL")
	}
	req := writeRequest{doc: normalise(d), done: make(chan error, 1)}
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
		err := ix.writeBatch(pending)
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
	b := ix.idx.NewBatch()
	// The last write of a URL in a batch wins, as it would have in sequence.
	latest := map[string]Document{}
	for _, r := range reqs {
		latest[r.doc.URL] = r.doc
	}
	for url, d := range latest {
		if err := b.Index(url, d.fields()); err != nil {
			return fmt.Errorf("index %s: %w", url, err)
		}
	}
	// A safe batch (the default) returns only after the segment is persisted.
	if err := ix.idx.Batch(b); err != nil {
		return fmt.Errorf("write batch of %d: %w", b.Size(), err)
	}
	ix.mu.Lock()
	for url, d := range latest {
		ix.rows[url] = rowOf(d)
	}
	ix.mu.Unlock()
	return nil
}

// Count is the number of stored articles.
func (ix *Index) Count() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.rows)
}

// Get returns the stored document with this URL.
func (ix *Index) Get(url string) (Document, bool, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{url}), 1, 0, false)
	req.Fields = []string{"*"}
	res, err := ix.idx.Search(req)
	if err != nil {
		return Document{}, false, fmt.Errorf("get %s: %w", url, err)
	}
	if len(res.Hits) == 0 {
		return Document{}, false, nil
	}
	d, err := documentFromFields(res.Hits[0].Fields)
	return d, err == nil, err
}

// Each calls fn for every stored document in URL order, stopping at the first error.
func (ix *Index) Each(ctx context.Context, fn func(Document) error) error {
	const page = 500
	var after []string
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), page, 0, false)
		req.Fields = []string{"*"}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := ix.idx.Search(req)
		if err != nil {
			return fmt.Errorf("scan index: %w", err)
		}
		for _, h := range res.Hits {
			d, err := documentFromFields(h.Fields)
			if err != nil {
				return fmt.Errorf("read %s: %w", h.ID, err)
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

func (ix *Index) loadRows() error {
	return ix.Each(context.Background(), func(d Document) error {
		ix.rows[d.URL] = rowOf(d)
		return nil
	})
}

func normalise(d Document) Document {
	d.Title = norm.NFC.String(d.Title)
	d.Lead = norm.NFC.String(d.Lead)
	d.Body = norm.NFC.String(d.Body)
	d.Author = norm.NFC.String(d.Author)
	d.Section = norm.NFC.String(d.Section)
	return d
}

// fields flattens a document into bleve's field map.
func (d Document) fields() map[string]any {
	ind, _ := json.Marshal(d.Indicators)
	m := map[string]any{
		"url": d.URL, "outlet": d.Outlet, "title": d.Title, "lead": d.Lead, "body": d.Body, "author": d.Author,
		"section": d.Section, "content_hash": d.ContentHash, "rules_version": d.RulesVersion,
		"categories": d.Categories, "rule_ids": d.RuleIDs, "topics": d.Topics,
		"score": d.Score, "finding_count": float64(d.FindingCount),
		"people_female": float64(d.People.Female), "people_male": float64(d.People.Male), "people_unknown": float64(d.People.Unknown),
		"quoted_female": float64(d.Quoted.Female), "quoted_male": float64(d.Quoted.Male), "quoted_unknown": float64(d.Quoted.Unknown),
		"indicators_json": string(ind), "result": string(d.Result),
	}
	if !d.Published.IsZero() {
		m["published"] = d.Published
	}
	if !d.Crawled.IsZero() {
		m["crawled"] = d.Crawled
	}
	return m
}

func documentFromFields(f map[string]any) (Document, error) {
	str := func(k string) string { s, _ := f[k].(string); return s }
	num := func(k string) float64 { n, _ := f[k].(float64); return n }
	list := func(k string) []string {
		switch v := f[k].(type) {
		case string:
			return []string{v}
		case []any:
			out := make([]string, 0, len(v))
			for _, e := range v {
				if s, ok := e.(string); ok {
					out = append(out, s)
				}
			}
			sort.Strings(out)
			return out
		}
		return nil
	}
	when := func(k string) time.Time {
		t, _ := time.Parse(time.RFC3339Nano, str(k))
		return t
	}
	d := Document{
		URL: str("url"), Outlet: str("outlet"), Title: str("title"), Lead: str("lead"), Body: str("body"),
		Author: str("author"), Section: str("section"), ContentHash: str("content_hash"), RulesVersion: str("rules_version"),
		Published: when("published"), Crawled: when("crawled"),
		Score: num("score"), FindingCount: int(num("finding_count")),
		People:     GenderCounts{Female: int(num("people_female")), Male: int(num("people_male")), Unknown: int(num("people_unknown"))},
		Quoted:     GenderCounts{Female: int(num("quoted_female")), Male: int(num("quoted_male")), Unknown: int(num("quoted_unknown"))},
		Categories: list("categories"), RuleIDs: list("rule_ids"), Topics: list("topics"),
	}
	if s := str("indicators_json"); s != "" && s != "null" {
		if err := json.Unmarshal([]byte(s), &d.Indicators); err != nil {
			return d, fmt.Errorf("indicators: %w", err)
		}
	}
	if s := str("result"); s != "" {
		d.Result = json.RawMessage(s)
	}
	return d, nil
}

// keep the search package referenced for hit types used by later queries.
var _ search.DocumentMatch
