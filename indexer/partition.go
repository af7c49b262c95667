package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"genderlens/model"

	"github.com/blevesearch/bleve/v2"
)

// undatedPartition holds articles without a publication date.
const undatedPartition = "undated"

// partitionOf names the partition of an article published at t: its year in Vietnam.
func partitionOf(t time.Time) string {
	if t.IsZero() {
		return undatedPartition
	}
	return strconv.Itoa(t.In(model.Vietnam()).Year())
}

func sortedPartNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (ix *Index) partNames() []string {
	ix.partsMu.RLock()
	defer ix.partsMu.RUnlock()
	return sortedPartNames(ix.parts)
}

// partition returns the named partition; with create, a missing one is created (only the writer and Open create).
func (ix *Index) partition(name string, create bool) (bleve.Index, error) {
	ix.partsMu.RLock()
	p := ix.parts[name]
	ix.partsMu.RUnlock()
	if p != nil || !create {
		return p, nil
	}
	ix.partsMu.Lock()
	defer ix.partsMu.Unlock()
	if p := ix.parts[name]; p != nil {
		return p, nil
	}
	if d, ok := ix.damaged[name]; ok {
		// Creating it afresh would delete what the damaged directory still holds: refuse, the caller retries
		// after check-store --repair.
		return nil, fmt.Errorf("partition %s: %w (%v); run `genderlens check-store --repair`", d.Path, ErrDamaged, d.Err)
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	path := filepath.Join(ix.dir, name+".bleve")
	// A directory left by a crash before index_meta.json was written holds nothing acknowledged.
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("clear incomplete partition %s: %w", path, err)
	}
	p, err = bleve.NewUsing(path, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		return nil, fmt.Errorf("create partition %s: %w", path, err)
	}
	if err := p.SetInternal([]byte(mappingVersionKey), []byte(mappingVersion)); err != nil {
		p.Close()
		return nil, fmt.Errorf("record mapping version of %s: %w", path, err)
	}
	ix.parts[name] = p
	ix.searchCache.changed()
	return p, nil
}

// view is an alias over the partitions that can hold articles of the period (all for an unbounded one), or nil
// when there are none. Aliases are cheap, so one is made per operation rather than kept in step with the writer.
func (ix *Index) view(p model.Period) bleve.Index {
	ix.partsMu.RLock()
	defer ix.partsMu.RUnlock()
	var sel []bleve.Index
	bounded := !p.From.IsZero() || !p.To.IsZero()
	for name, idx := range ix.parts {
		if bounded {
			year, err := strconv.Atoi(name)
			if err != nil {
				continue // undated articles fall in no bounded period
			}
			yp := model.Year(year)
			if (!p.To.IsZero() && !yp.From.Before(p.To)) || (!p.From.IsZero() && !p.From.Before(yp.To)) {
				continue
			}
		}
		sel = append(sel, idx)
	}
	if len(sel) == 0 {
		return nil
	}
	return bleve.NewIndexAlias(sel...)
}

// docCount is the number of documents bleve holds over all partitions.
func (ix *Index) docCount() (uint64, error) {
	ix.partsMu.RLock()
	defer ix.partsMu.RUnlock()
	var n uint64
	for name, p := range ix.parts {
		c, err := p.DocCount()
		if err != nil {
			return 0, fmt.Errorf("count partition %s: %w", name, err)
		}
		n += c
	}
	return n, nil
}

// openPartitions opens every partition in ix.dir, creating the directory when missing.
func (ix *Index) openPartitions() error {
	if err := os.MkdirAll(ix.dir, 0o755); err != nil {
		return fmt.Errorf("create index dir %s: %w", ix.dir, err)
	}
	entries, err := os.ReadDir(ix.dir)
	if err != nil {
		return fmt.Errorf("read index dir %s: %w", ix.dir, err)
	}
	// A crash in the middle of ensureMapping's swap leaves the complete old index as X.bleve.old: put it back, and
	// the rebuild runs again.
	for _, e := range entries {
		base, ok := strings.CutSuffix(e.Name(), ".bleve.old")
		if !ok {
			continue
		}
		path := filepath.Join(ix.dir, base+".bleve")
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if err := os.Rename(path+".old", path); err != nil {
				return fmt.Errorf("restore %s: %w", path, err)
			}
		}
	}
	if entries, err = os.ReadDir(ix.dir); err != nil {
		return fmt.Errorf("read index dir %s: %w", ix.dir, err)
	}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".bleve")
		if !ok || !e.IsDir() {
			continue
		}
		path := filepath.Join(ix.dir, e.Name())
		if _, err := os.Stat(filepath.Join(path, "index_meta.json")); errors.Is(err, os.ErrNotExist) {
			if !holdsSegments(path) {
				// Created by a crash before any batch: nothing acknowledged is in it.
				slog.Info("removing an article partition left empty by a crash", "path", path)
				if err := os.RemoveAll(path); err != nil {
					return fmt.Errorf("clear incomplete partition %s: %w", path, err)
				}
				continue
			}
			// Segments without their meta file: articles were stored here. Never delete them at start-up.
			ix.markDamaged(name, path, errors.New("index_meta.json is missing"))
			continue
		}
		p, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": ix.openTimeout.String()})
		if err != nil {
			if strings.Contains(err.Error(), "timeout") {
				return fmt.Errorf("open index %s: it is in use by another genderlens process (stop `serve` first): %w", path, err)
			}
			// One damaged year must not stop the others from being served.
			ix.markDamaged(name, path, err)
			continue
		}
		if p, err = ensureMapping(p, path); err != nil {
			return err
		}
		ix.partsMu.Lock()
		ix.parts[name] = p
		ix.partsMu.Unlock()
		ix.searchCache.changed()
	}
	return nil
}

// singleIndexSuffix marks a store of the first layout (one index for all years) while it is converted.
const singleIndexSuffix = ".single"

// moveAsideSingleIndex renames a store of the first layout (DATA/articles.bleve as one index) so that the
// partitions can take its place, and returns where it now is ("" when there is none). A conversion interrupted by
// a crash is found again and redone; re-writing an article is an update, so redoing is harmless.
func (ix *Index) moveAsideSingleIndex() (string, error) {
	aside := ix.dir + singleIndexSuffix
	if _, err := os.Stat(filepath.Join(aside, "index_meta.json")); err == nil {
		return aside, nil
	}
	if _, err := os.Stat(filepath.Join(ix.dir, "index_meta.json")); err != nil {
		return "", nil
	}
	if err := os.Rename(ix.dir, aside); err != nil {
		return "", fmt.Errorf("move aside the single index %s: %w", ix.dir, err)
	}
	return aside, nil
}

// migrateSingleIndex copies every article of a first-layout store into the partitions, then removes it.
func (ix *Index) migrateSingleIndex(path string, batchSize int) error {
	old, err := bleve.OpenUsing(path, map[string]any{"bolt_timeout": ix.openTimeout.String()})
	if err != nil {
		return fmt.Errorf("open the single index %s: %w", path, err)
	}
	n := 0
	var reqs []writeRequest
	flush := func() error {
		if len(reqs) == 0 {
			return nil
		}
		err := ix.writeBatch(reqs)
		n += len(reqs)
		reqs = reqs[:0]
		return err
	}
	err = eachDocument(context.Background(), old, bleve.NewMatchAllQuery(), []string{"*"}, 500, func(d Document) error {
		reqs = append(reqs, writeRequest{doc: normalise(d)})
		if len(reqs) >= batchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := old.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("convert the single index %s into yearly partitions: %w", path, err)
	}
	slog.Info("converted the article index into yearly partitions", "articles", n, "partitions", len(ix.partNames()))
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove the converted single index %s: %w", path, err)
	}
	return nil
}

// ensureMapping records the layout version of a new index and rebuilds an index written with an older layout, by
// copying every stored document into a fresh index, so upgrades need no manual step.
func ensureMapping(idx bleve.Index, path string) (bleve.Index, error) {
	have, err := idx.GetInternal([]byte(mappingVersionKey))
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("read mapping version of %s: %w", path, err)
	}
	if string(have) == mappingVersion {
		return idx, nil
	}
	n, err := idx.DocCount()
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("count documents of %s: %w", path, err)
	}
	if n == 0 {
		if err := idx.SetInternal([]byte(mappingVersionKey), []byte(mappingVersion)); err != nil {
			idx.Close()
			return nil, fmt.Errorf("record mapping version of %s: %w", path, err)
		}
		return idx, nil
	}
	slog.Info("rebuilding the article index for a new field layout", "path", path, "articles", n,
		"from_version", string(have), "to_version", mappingVersion)
	tmp := path + ".rebuild"
	if err := os.RemoveAll(tmp); err != nil {
		idx.Close()
		return nil, fmt.Errorf("clear %s: %w", tmp, err)
	}
	m, err := newMapping()
	if err != nil {
		idx.Close()
		return nil, err
	}
	fresh, err := bleve.NewUsing(tmp, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, nil)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("create %s: %w", tmp, err)
	}
	b := fresh.NewBatch()
	copyErr := eachDocument(context.Background(), idx, bleve.NewMatchAllQuery(), []string{"*"}, 500, func(d Document) error {
		f := normalise(d).fields()
		if len(d.Result) > 0 {
			// A result stored inside bleve by an earlier version must survive the rebuild.
			f[fieldResult] = string(d.Result)
		}
		if err := b.Index(d.URL, f); err != nil {
			return fmt.Errorf("index %s: %w", d.URL, err)
		}
		if b.Size() >= 500 {
			if err := fresh.Batch(b); err != nil {
				return fmt.Errorf("write batch: %w", err)
			}
			b.Reset()
		}
		return nil
	})
	if copyErr == nil && b.Size() > 0 {
		copyErr = fresh.Batch(b)
	}
	if copyErr == nil {
		copyErr = fresh.SetInternal([]byte(mappingVersionKey), []byte(mappingVersion))
	}
	idx.Close()
	if err := fresh.Close(); err != nil && copyErr == nil {
		copyErr = err
	}
	if copyErr != nil {
		return nil, fmt.Errorf("rebuild %s: %w", path, copyErr)
	}
	// The old index stays until the new one is complete, so a crash here loses nothing.
	old := path + ".old"
	if err := os.RemoveAll(old); err != nil {
		return nil, fmt.Errorf("clear %s: %w", old, err)
	}
	if err := os.Rename(path, old); err != nil {
		return nil, fmt.Errorf("rebuild %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return nil, fmt.Errorf("rebuild %s: %w", path, err)
	}
	if err := os.RemoveAll(old); err != nil {
		return nil, fmt.Errorf("remove %s: %w", old, err)
	}
	fresh, err = bleve.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open rebuilt %s: %w", path, err)
	}
	return fresh, nil
}
