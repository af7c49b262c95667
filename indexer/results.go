package indexer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// resultStore keeps each article's full scorer result (several kilobytes of JSON) outside bleve. Bleve loads all
// of a hit's stored fields to show it, so keeping the result there made every search page pay for it; only the
// article page and audits read it, by URL.
type resultStore struct {
	db *bolt.DB
}

var resultsBucket = []byte("results")

func openResultStore(dir string, timeout time.Duration) (*resultStore, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, "results.db")
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: timeout})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open %s: it is in use by another genderlens process (stop `serve` first): %w", path, err)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(resultsBucket)
		return err
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("prepare %s: %w", path, err)
	}
	return &resultStore{db: db}, nil
}

// putAll stores the results of a batch in one durable transaction (bolt syncs on commit). It runs before the bleve
// batch, so an acknowledged article always has its result; a crash in between leaves a result whose article is
// written again by the caller's retry.
func (s *resultStore) putAll(docs map[string]Document) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(resultsBucket)
		for url, d := range docs {
			if len(d.Result) == 0 {
				continue
			}
			if err := b.Put([]byte(url), d.Result); err != nil {
				return fmt.Errorf("store result of %s: %w", url, err)
			}
		}
		return nil
	})
}

// get returns a copy of the stored result of url, or nil.
func (s *resultStore) get(url string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(resultsBucket).Get([]byte(url)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	return out, err
}

func (s *resultStore) close() error { return s.db.Close() }
