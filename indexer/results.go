package indexer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// resultStore keeps each article's full scorer result (several kilobytes of JSON) outside bleve. Bleve loads all
// of a hit's stored fields to show it, so keeping the result there made every search page pay for it; only the
// article page and audits read it, by URL.
//
// A damaged file is never rewritten: bolt panics on pages it cannot parse, so every access recovers, and from the
// first failure on the store answers ErrDamaged (reads and writes) until check-store --repair sets the file aside.
type resultStore struct {
	path    string
	created bool // the file was missing or empty when opened: results stored before are gone

	mu     sync.RWMutex
	db     *bolt.DB // nil when the file could not be opened
	damage error
}

var resultsBucket = []byte("results")

const resultsFile = "results.db"

func openResultStore(dir string, timeout time.Duration) (*resultStore, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create data dir %s: %w", dir, err)
	}
	path := filepath.Join(dir, resultsFile)
	s := &resultStore{path: path}
	if fi, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Size() == 0) {
		s.created = true
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: timeout})
	if err != nil {
		if errors.Is(err, bolt.ErrTimeout) {
			return nil, fmt.Errorf("open %s: it is in use by another genderlens process (stop `serve` first): %w", path, err)
		}
		s.setDamage(fmt.Errorf("open %s: %w", path, err))
		return s, nil
	}
	s.db = db
	if err := s.update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(resultsBucket)
		return err
	}); err != nil && !errors.Is(err, ErrDamaged) {
		db.Close()
		return nil, fmt.Errorf("prepare %s: %w", path, err)
	}
	return s, nil
}

// setDamage records the first sign that the file is unreadable and says so once, with what to do.
func (s *resultStore) setDamage(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.damage != nil {
		return
	}
	s.damage = err
	slog.Error("the results file is damaged: article details are unavailable and new articles are refused until it is repaired",
		"path", s.path, "error", err, "fix", repairHint)
}

// cause is why the file is damaged, or nil.
func (s *resultStore) cause() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.damage
}

func (s *resultStore) damaged() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.damage != nil {
		return fmt.Errorf("results file %s: %w (%v); run `genderlens check-store --repair`", s.path, ErrDamaged, s.damage)
	}
	return nil
}

// guard runs one bolt access, turning a panic on a damaged page into ErrDamaged.
func (s *resultStore) guard(access func(*bolt.DB) error) (err error) {
	s.mu.RLock()
	db, damage := s.db, s.damage
	s.mu.RUnlock()
	if damage != nil {
		return s.damaged()
	}
	defer func() {
		if p := recover(); p != nil {
			s.setDamage(fmt.Errorf("unreadable page: %v", p))
			err = s.damaged()
		}
	}()
	return access(db)
}

func (s *resultStore) update(fn func(*bolt.Tx) error) error {
	return s.guard(func(db *bolt.DB) error { return db.Update(fn) })
}

func (s *resultStore) view(fn func(*bolt.Tx) error) error {
	return s.guard(func(db *bolt.DB) error { return db.View(fn) })
}

// putAll stores the results of a batch in one durable transaction (bolt syncs on commit). It runs before the bleve
// batch, so an acknowledged article always has its result; a crash in between leaves a result whose article is
// written again by the caller's retry.
func (s *resultStore) putAll(docs map[string]Document) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(resultsBucket)
		if b == nil {
			return fmt.Errorf("results file %s: %w (no results bucket)", s.path, ErrDamaged)
		}
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
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(resultsBucket)
		if b == nil {
			return fmt.Errorf("results file %s: %w (no results bucket)", s.path, ErrDamaged)
		}
		if v := b.Get([]byte(url)); v != nil {
			// bolt checks no value's bytes: damage inside a page reads back as another value. A result is JSON.
			if !json.Valid(v) {
				return errNotJSON
			}
			out = append([]byte(nil), v...)
		}
		return nil
	})
	if errors.Is(err, errNotJSON) {
		// The damage is the file's, as check finds it: recorded so that the store says so and is repaired.
		s.setDamage(fmt.Errorf("the result of %s is not JSON", url))
		return nil, s.damaged()
	}
	return out, err
}

// errNotJSON is a stored result that is not JSON: damage inside a page of the file.
var errNotJSON = errors.New("stored result is not JSON")

// check reads every stored result, as check-store does, and returns how many there are; a damaged file is recorded
// as such. (bolt's own Tx.Check panics outside the caller's goroutine on some damage, so it is not used.)
func (s *resultStore) check() (int, error) {
	n := 0
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(resultsBucket)
		if b == nil {
			return errors.New("no results bucket")
		}
		return b.ForEach(func(k, v []byte) error {
			if !json.Valid(v) {
				return fmt.Errorf("result of %q is not JSON", k)
			}
			n++
			return nil
		})
	})
	if err != nil && !errors.Is(err, ErrDamaged) {
		s.setDamage(err)
		err = s.damaged()
	}
	return n, err
}

func (s *resultStore) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// repair sets a damaged file aside as PATH.damaged-TIME (never deleted) and starts a new one holding every result
// that can still be read from it. It returns how many were saved and where the damaged file went.
func (s *resultStore) repair(timeout time.Duration) (saved int, aside string, err error) {
	if s.damaged() == nil {
		return 0, "", nil
	}
	if err := s.close(); err != nil {
		slog.Warn("closing the damaged results file", "path", s.path, "error", err)
	}
	aside = fmt.Sprintf("%s.damaged-%s", s.path, time.Now().UTC().Format("20060102T150405"))
	if err := os.Rename(s.path, aside); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, "", fmt.Errorf("set aside %s: %w", s.path, err)
	}
	db, err := bolt.Open(s.path, 0o644, &bolt.Options{Timeout: timeout})
	if err != nil {
		return 0, aside, fmt.Errorf("create %s: %w", s.path, err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(resultsBucket)
		return err
	}); err != nil {
		db.Close()
		return 0, aside, fmt.Errorf("prepare %s: %w", s.path, err)
	}
	saved = salvageResults(aside, db)
	s.mu.Lock()
	s.db, s.damage = db, nil
	s.mu.Unlock()
	return saved, aside, nil
}

// salvageResults copies into db the results of the damaged file at path that can be read, in key order, until
// the first unreadable page.
func salvageResults(path string, db *bolt.DB) (saved int) {
	old, err := bolt.Open(path, 0o444, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return 0
	}
	defer old.Close()
	var pending [][2][]byte
	flush := func() {
		if len(pending) == 0 {
			return
		}
		if err := db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(resultsBucket)
			for _, kv := range pending {
				if err := b.Put(kv[0], kv[1]); err != nil {
					return err
				}
			}
			return nil
		}); err == nil {
			saved += len(pending)
		}
		pending = pending[:0]
	}
	func() {
		defer func() { _ = recover() }() // the damaged page ends the salvage, not the process
		_ = old.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(resultsBucket)
			if b == nil {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				if json.Valid(v) {
					pending = append(pending, [2][]byte{append([]byte(nil), k...), append([]byte(nil), v...)})
				}
				if len(pending) >= 1000 {
					flush()
				}
				return nil
			})
		})
	}()
	flush()
	return saved
}
