package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// ErrDamaged marks a write or read refused because the part of the store it needs could not be read at start-up.
var ErrDamaged = errors.New("store is damaged")

// Damage is a part of the store that could not be read: it is left on disk untouched and not served.
type Damage struct {
	Partition string // the partition's name ("2021", "undated"), or "" for the results file
	Path      string
	Err       error
}

// repairHint is what an operator does about any damage; check-store re-queues what is lost, so a crawl fetches it.
const repairHint = "stop `serve`, run `genderlens check-store --repair`, then `genderlens crawl`: the damaged file is " +
	"kept aside and every article the store no longer has is fetched again"

func (ix *Index) markDamaged(name, path string, err error) {
	slog.Error("article partition is damaged: its articles are not served and new ones of that year are refused",
		"partition", name, "path", path, "error", err, "fix", repairHint)
	ix.partsMu.Lock()
	ix.damaged[name] = Damage{Partition: name, Path: path, Err: err}
	ix.partsMu.Unlock()
}

// Damaged lists the parts of the store that could not be read at start-up.
func (ix *Index) Damaged() []Damage {
	ix.partsMu.RLock()
	out := make([]Damage, 0, len(ix.damaged)+1)
	for _, name := range sortedPartNames(ix.damaged) {
		out = append(out, ix.damaged[name])
	}
	ix.partsMu.RUnlock()
	if ix.results != nil {
		if err := ix.results.cause(); err != nil {
			out = append(out, Damage{Path: ix.results.path, Err: err})
		}
	}
	return out
}

// holdsSegments reports whether a partition directory holds index segments, which only exist once a batch was
// written (bleve writes index_meta.json before any).
func holdsSegments(path string) bool {
	found := false
	_ = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".zap") {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// partitionMeta is the index_meta.json bleve writes for the store's partitions (default types, no config).
func partitionMeta() []byte {
	b, _ := json.Marshal(map[string]string{"storage": bleve.Config.DefaultKVStore, "index_type": bleve.Config.DefaultIndexType})
	return b
}

// RepairDamaged deals with each damaged partition: one that lost only its index_meta.json is given a new one and
// served again if it then opens; any other is renamed to PATH.damaged-TIME (kept for inspection, never deleted) so
// that its year can be written again. It returns what it did, one line each. Callers re-queue the articles the
// store no longer has before writing again (see check-store).
func (ix *Index) RepairDamaged() ([]string, error) {
	var done []string
	for _, d := range ix.Damaged() {
		if d.Partition == "" {
			continue // the results file: see RepairResults
		}
		if p, ok := ix.reopenWithMeta(d); ok {
			if err := ix.loadPartitionRows(d.Partition, p); err == nil {
				done = append(done, fmt.Sprintf("%s: wrote a new index_meta.json; the partition opens again", d.Path))
				continue
			}
			ix.dropPartition(d.Partition)
			os.Remove(filepath.Join(d.Path, "index_meta.json"))
		}
		aside := fmt.Sprintf("%s.damaged-%s", d.Path, time.Now().UTC().Format("20060102T150405"))
		if err := os.Rename(d.Path, aside); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return done, fmt.Errorf("set aside damaged partition %s: %w", d.Path, err)
		}
		ix.partsMu.Lock()
		delete(ix.damaged, d.Partition)
		ix.partsMu.Unlock()
		done = append(done, fmt.Sprintf("%s: unreadable (%v), moved to %s", d.Path, d.Err, aside))
	}
	sort.Strings(done)
	return done, nil
}

// reopenWithMeta tries a damaged partition again after writing the meta file it lacks.
func (ix *Index) reopenWithMeta(d Damage) (bleve.Index, bool) {
	meta := filepath.Join(d.Path, "index_meta.json")
	if _, err := os.Stat(meta); !errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err := os.WriteFile(meta, partitionMeta(), 0o644); err != nil {
		return nil, false
	}
	p, err := bleve.OpenUsing(d.Path, map[string]any{"bolt_timeout": ix.openTimeout.String()})
	if err == nil {
		if p, err = ensureMapping(p, d.Path); err == nil {
			ix.partsMu.Lock()
			ix.parts[d.Partition] = p
			delete(ix.damaged, d.Partition)
			ix.partsMu.Unlock()
			ix.searchCache.changed()
			return p, true
		}
	}
	os.Remove(meta)
	return nil, false
}

// dropPartition closes and forgets a partition, with its rows.
func (ix *Index) dropPartition(name string) {
	ix.partsMu.Lock()
	if p := ix.parts[name]; p != nil {
		p.Close()
	}
	delete(ix.parts, name)
	ix.partsMu.Unlock()
	ix.searchCache.changed()
	ix.mu.Lock()
	for url, r := range ix.rows {
		if r.partition == name {
			delete(ix.rows, url)
			delete(ix.byOutlet[r.outlet], url)
			if len(ix.byOutlet[r.outlet]) == 0 {
				delete(ix.byOutlet, r.outlet)
			}
		}
	}
	ix.mu.Unlock()
}
