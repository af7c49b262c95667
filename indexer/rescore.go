package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
)

// Rescorer scores a stored document again with the current rules and returns it with the new scores. The indexer
// does not import the scorer: the caller builds this function (see ingest.Rescorer).
type Rescorer func(Document) (Document, error)

// RescoreProgress is the state of the background rescore, for the API and metrics.
type RescoreProgress struct {
	// TargetVersion is the rules version articles are being brought to.
	TargetVersion string `json:"target_version"`
	Running       bool   `json:"running"`
	// Total is the number of articles scored with another version when this run started; Done and Failed count
	// this run's work. Remaining is live: articles not yet on TargetVersion.
	Total      int        `json:"total"`
	Done       int        `json:"done"`
	Failed     int        `json:"failed"`
	Remaining  int        `json:"remaining"`
	StartedAt  *time.Time `json:"started_at,omitempty"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
	LastError  string     `json:"last_error,omitempty"`
}

// ErrRescoreRunning is returned by StartRescore while a rescore is already running.
var ErrRescoreRunning = errors.New("a rescore is already running")

type rescoreState struct {
	mu       sync.Mutex
	progress RescoreProgress
	cancel   context.CancelFunc
	done     chan struct{}
}

// StaleCount is the number of stored articles scored with a rules version other than version.
func (ix *Index) StaleCount(version string) int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := 0
	for _, r := range ix.rows {
		if r.rulesVersion != version {
			n++
		}
	}
	return n
}

// StartRescore re-scores in the background every article not scored with version. It is resumable by design: the
// work left is always "articles on another version", read from the index, so after a restart a new call carries on
// where the last one stopped. Close stops it.
func (ix *Index) StartRescore(version string, fn Rescorer) error {
	st := &ix.rescore
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.progress.Running {
		return ErrRescoreRunning
	}
	select {
	case <-ix.stop:
		return ErrClosed
	default:
	}
	ctx, cancel := context.WithCancel(context.Background())
	now := time.Now().UTC()
	st.progress = RescoreProgress{TargetVersion: version, Running: true, Total: ix.StaleCount(version), StartedAt: &now}
	st.cancel, st.done = cancel, make(chan struct{})
	go func() {
		defer close(st.done)
		err := ix.rescoreAll(ctx, version, fn)
		st.mu.Lock()
		defer st.mu.Unlock()
		end := time.Now().UTC()
		st.progress.Running, st.progress.FinishedAt = false, &end
		if err != nil && !errors.Is(err, context.Canceled) {
			st.progress.LastError = err.Error()
			slog.Error("rescore stopped", "target_version", version, "err", err)
			return
		}
		slog.Info("rescore finished", "target_version", version, "done", st.progress.Done, "failed", st.progress.Failed)
	}()
	return nil
}

// WaitRescore blocks until the running rescore, if any, ends.
func (ix *Index) WaitRescore() {
	ix.rescore.mu.Lock()
	done := ix.rescore.done
	ix.rescore.mu.Unlock()
	if done != nil {
		<-done
	}
}

func (ix *Index) stopRescore() {
	ix.rescore.mu.Lock()
	cancel := ix.rescore.cancel
	ix.rescore.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	ix.WaitRescore()
}

// RescoreProgress reports the background rescore's state.
func (ix *Index) RescoreProgress() RescoreProgress {
	ix.rescore.mu.Lock()
	p := ix.rescore.progress
	ix.rescore.mu.Unlock()
	if p.TargetVersion != "" {
		p.Remaining = ix.StaleCount(p.TargetVersion)
	}
	return p
}

// rescoreAll takes the stale articles' URLs from the in-memory table (paging through the index by URL would cost
// a pass over every article per page), loads them 500 at a time, scores each page on every core and stores it with
// one PutMany, so that the writer gets whole batches.
func (ix *Index) rescoreAll(ctx context.Context, version string, fn Rescorer) error {
	ix.mu.RLock()
	var stale []string
	for url, r := range ix.rows {
		if r.rulesVersion != version {
			stale = append(stale, url)
		}
	}
	ix.mu.RUnlock()
	sort.Strings(stale)
	const page = 500
	for start := 0; start < len(stale); start += page {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs, err := ix.getMany(ctx, stale[start:min(start+page, len(stale))])
		if err != nil {
			return err
		}
		if err := ix.rescorePage(ctx, version, fn, docs); err != nil {
			return err
		}
	}
	return nil
}

// getMany loads the stored documents with these URLs (missing ones are left out).
func (ix *Index) getMany(ctx context.Context, urls []string) ([]Document, error) {
	all := ix.view(model.Period{})
	if all == nil || len(urls) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(urls), len(urls), 0, false)
	req.Fields = []string{"*"}
	res, err := searchAll(ctx, all, req)
	if err != nil {
		return nil, fmt.Errorf("load %d articles: %w", len(urls), err)
	}
	docs := make([]Document, 0, len(res.Hits))
	seen := map[string]bool{}
	for _, h := range res.Hits {
		if seen[h.ID] {
			continue // the second copy of an article moving between partitions
		}
		seen[h.ID] = true
		d, err := documentFromFields(h.Fields)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", h.ID, err)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

func (ix *Index) rescorePage(ctx context.Context, version string, fn Rescorer, docs []Document) error {
	rescored := make([]Document, len(docs))
	failed := make([]error, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				if ctx.Err() != nil {
					return // shutting down: the rest stays stale for the next run
				}
				d := docs[i]
				nd, err := fn(d)
				switch {
				case err != nil:
					failed[i] = fmt.Errorf("rescore %s: %w", d.URL, err)
				case nd.URL != d.URL:
					failed[i] = fmt.Errorf("rescore %s: the rescorer changed the URL to %q", d.URL, nd.URL)
				default:
					rescored[i] = nd
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	ok := rescored[:0:0]
	var lastErr error
	for i, err := range failed {
		if err != nil {
			lastErr = err
			continue
		}
		ok = append(ok, rescored[i])
	}
	// A crawl may have stored a fresh copy scored with the new rules meanwhile; that one wins (skipIfVersion).
	if err := ix.putMany(ctx, ok, version); err != nil {
		return fmt.Errorf("store rescored articles: %w", err)
	}
	ix.rescore.mu.Lock()
	ix.rescore.progress.Done += len(ok)
	ix.rescore.progress.Failed += len(docs) - len(ok)
	if lastErr != nil {
		ix.rescore.progress.LastError = lastErr.Error()
	}
	ix.rescore.mu.Unlock()
	return nil
}
