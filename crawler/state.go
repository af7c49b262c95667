package crawler

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"
)

// Entry is what the crawler remembers about one URL (canonical form) between runs.
type Entry struct {
	URL string `json:"url"`
	// ETag and LastModified are the validators of the last 200 response, sent back as a conditional GET.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// LastMod is the sitemap <lastmod> the page had when it was last fetched.
	LastMod time.Time `json:"lastmod,omitzero"`
	// Hash is the ContentHash of the article the page held.
	Hash string `json:"hash,omitempty"`
	// Stored is set only after the Sink acknowledged the article with this Hash.
	Stored  bool      `json:"stored,omitempty"`
	Fetched time.Time `json:"fetched,omitzero"`
	// Published is the article's publication time: old stored articles are not re-checked (see settledAge).
	Published time.Time `json:"published,omitzero"`
}

// State is the crawl state that survives restarts: per outlet, an Entry per URL and the last successful crawl.
// Implementations must be safe for concurrent use.
type State interface {
	// Load prepares the outlet's state; the other methods may be called for the outlet after it succeeds.
	Load(outlet string) error
	Get(outlet, url string) (Entry, bool)
	// ByHash returns the URL of a stored article of the outlet whose content hash is hash.
	ByHash(outlet, hash string) (string, bool)
	Put(outlet string, e Entry) error
	// LastSuccess returns the end of the last crawl that was not cancelled, and of the last complete one (not
	// cancelled, within the page budget, without fetch errors).
	LastSuccess(outlet string) (last, complete time.Time)
	SetLastSuccess(outlet string, t time.Time, complete bool) error
	// Sync makes every Put so far durable.
	Sync() error
	Close() error
}

// FileState keeps the state in memory and in one append-only JSON-lines log per outlet under a directory. A record
// is written with one write call as soon as it is known (a crash loses at most the records not yet fsynced, which
// only costs a re-fetch, since an article is marked stored after the Sink acknowledged it). Logs are compacted at
// load through a temporary file, fsync and rename.
type FileState struct {
	dir string // "" keeps the state in memory only
	log *slog.Logger

	mu      sync.Mutex
	outlets map[string]*outletState
}

type outletState struct {
	entries     map[string]Entry
	byHash      map[string]string
	lastSuccess time.Time
	complete    time.Time
	f           *os.File
	unsynced    int
}

// stateRecord is one line of a log: an Entry, or (URL empty) the time of the last successful crawl.
type stateRecord struct {
	Entry
	LastSuccess  time.Time `json:"last_success,omitzero"`
	LastComplete time.Time `json:"last_complete,omitzero"`
}

// syncEvery bounds the records a power loss can take back.
const syncEvery = 64

// Bounds of the log, so that one hostile response cannot make a record the loader refuses, which would stop every
// later crawl of the outlet. A validator longer than maxValidator is not stored (the page is then fetched in full next
// time); a record longer than maxRecordLine (a huge URL) is not written; a line longer than maxReadLine (written by an
// older version, or damaged) is skipped at load.
const (
	maxValidator  = 1 << 10
	maxRecordLine = 16 << 10
	maxReadLine   = 1 << 20
	// maxLoadWarnings bounds the log lines one damaged file produces; the rest are counted in a summary.
	maxLoadWarnings = 10
)

// NewFileState returns a state kept under dir (created when missing).
func NewFileState(dir string) (*FileState, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("crawl state: %w", err)
	}
	return &FileState{dir: dir, log: slog.Default(), outlets: map[string]*outletState{}}, nil
}

// NewMemoryState returns a state that lives as long as the process: re-crawls in one process still use conditional
// GET and content hashes.
func NewMemoryState() *FileState { return &FileState{outlets: map[string]*outletState{}} }

var safeIDRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func (s *FileState) path(outlet string) string {
	name := outlet
	if !safeIDRe.MatchString(name) {
		// Config validation guarantees safe ids; other callers still must not reach outside dir.
		name = "x-" + hex.EncodeToString([]byte(outlet))
	}
	return filepath.Join(s.dir, name+".jsonl")
}

// Load reads the outlet's log and compacts it when it holds mostly superseded records. Damaged lines (a torn last
// line after a crash, a line that is not a record, an over-long line) are logged with their line number as a WARN,
// skipped, and left out of the compacted log.
func (s *FileState) Load(outlet string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.outlets[outlet]; ok {
		return nil
	}
	st := &outletState{entries: map[string]Entry{}, byHash: map[string]string{}}
	if s.dir == "" {
		s.outlets[outlet] = st
		return nil
	}
	p := s.path(outlet)
	lines, torn, err := readStateLog(p, st, s.log)
	if err != nil {
		return err
	}
	if torn || lines > 2*len(st.entries)+256 {
		if err := writeStateLog(p, st); err != nil {
			return err
		}
	}
	f, err := openAppend(p)
	if err != nil {
		return err
	}
	st.f = f
	s.outlets[outlet] = st
	return nil
}

func openAppend(p string) (*os.File, error) {
	f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("crawl state: %w", err)
	}
	return f, nil
}

func readStateLog(p string, st *outletState, log *slog.Logger) (lines int, damaged bool, err error) {
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("crawl state: %w", err)
	}
	bad := 0
	report := func(line int, reason string, size int) {
		bad++
		if bad <= maxLoadWarnings {
			log.Warn("crawl state: damaged line skipped", "file", p, "line", line, "reason", reason, "bytes", size)
		}
	}
	for len(data) > 0 {
		lines++
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			// A crash during a write leaves a partial last line; everything before it is whole.
			report(lines, "torn last line (no newline)", len(data))
			break
		}
		line := data[:i]
		data = data[i+1:]
		if len(line) > maxReadLine {
			report(lines, "line too long", len(line))
			continue
		}
		var rec stateRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			report(lines, "not a record: "+err.Error(), len(line))
			continue
		}
		st.apply(rec.bounded())
	}
	if bad > maxLoadWarnings {
		log.Warn("crawl state: more damaged lines skipped", "file", p, "damaged", bad, "logged", maxLoadWarnings)
	}
	// A rewrite leaves the damaged lines out, so each is reported once.
	return lines, bad > 0, nil
}

// bounded drops validators too long to be worth a conditional GET (see maxValidator).
func (rec stateRecord) bounded() stateRecord {
	if len(rec.ETag) > maxValidator {
		rec.ETag = ""
	}
	if len(rec.LastModified) > maxValidator {
		rec.LastModified = ""
	}
	return rec
}

func (st *outletState) apply(rec stateRecord) {
	if rec.URL == "" {
		if rec.LastSuccess.After(st.lastSuccess) {
			st.lastSuccess = rec.LastSuccess
		}
		if rec.LastComplete.After(st.complete) {
			st.complete = rec.LastComplete
		}
		return
	}
	st.entries[rec.URL] = rec.Entry
	if rec.Stored && rec.Hash != "" {
		st.byHash[rec.Hash] = rec.URL
	}
}

// writeStateLog replaces the log with one record per URL: temporary file, fsync, rename, fsync of the directory.
func writeStateLog(p string, st *outletState) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), filepath.Base(p)+".tmp*")
	if err != nil {
		return fmt.Errorf("crawl state: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	w := bufio.NewWriter(tmp)
	enc := json.NewEncoder(w)
	for _, e := range st.entries {
		if err := enc.Encode(stateRecord{Entry: e}); err != nil {
			tmp.Close()
			return fmt.Errorf("crawl state: %w", err)
		}
	}
	if !st.lastSuccess.IsZero() || !st.complete.IsZero() {
		if err := enc.Encode(stateRecord{LastSuccess: st.lastSuccess, LastComplete: st.complete}); err != nil {
			tmp.Close()
			return fmt.Errorf("crawl state: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("crawl state: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("crawl state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("crawl state: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("crawl state: %w", err)
	}
	if d, err := os.Open(filepath.Dir(p)); err == nil {
		_ = d.Sync() // best effort: not every file system supports syncing a directory
		d.Close()
	}
	return nil
}

func (s *FileState) outlet(id string) *outletState {
	st, ok := s.outlets[id]
	if !ok {
		// Tolerate a missing Load in memory; a file-backed outlet without Load simply is not persisted.
		st = &outletState{entries: map[string]Entry{}, byHash: map[string]string{}}
		s.outlets[id] = st
	}
	return st
}

// Get returns the entry of a canonical URL.
func (s *FileState) Get(outlet, url string) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.outlet(outlet).entries[url]
	return e, ok
}

// ByHash returns the URL of a stored article with this content hash.
func (s *FileState) ByHash(outlet, hash string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.outlet(outlet)
	u, ok := st.byHash[hash]
	if ok && st.entries[u].Hash != hash {
		return "", false // the article changed since
	}
	return u, ok
}

// Put records an entry and appends it to the log.
func (s *FileState) Put(outlet string, e Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.outlet(outlet)
	rec := stateRecord{Entry: e}.bounded()
	st.apply(rec)
	return st.write(rec)
}

func (st *outletState) write(rec stateRecord) error {
	if st.f == nil {
		return nil
	}
	line, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("crawl state: %w", err)
	}
	if len(line) > maxRecordLine {
		// Kept in memory for this process; not persisted, so the page is fetched again after a restart.
		return fmt.Errorf("crawl state: record of %d bytes for %.200q exceeds %d bytes: not written", len(line), rec.URL, maxRecordLine)
	}
	if _, err := st.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("crawl state: %w", err)
	}
	st.unsynced++
	if st.unsynced >= syncEvery {
		st.unsynced = 0
		if err := st.f.Sync(); err != nil {
			return fmt.Errorf("crawl state: %w", err)
		}
	}
	return nil
}

// LastSuccess returns the end times of the outlet's last successful and last complete crawls (zero when none).
func (s *FileState) LastSuccess(outlet string) (last, complete time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.outlet(outlet)
	return st.lastSuccess, st.complete
}

// SetLastSuccess records the end of a crawl that was not cancelled; complete marks one that also fetched everything
// it found without errors, which lets the next crawl skip sitemaps unchanged since.
func (s *FileState) SetLastSuccess(outlet string, t time.Time, complete bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.outlet(outlet)
	rec := stateRecord{LastSuccess: t}
	if complete {
		rec.LastComplete = t
	}
	st.apply(rec)
	return st.write(rec)
}

// Sync fsyncs every outlet's log.
func (s *FileState) Sync() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for _, st := range s.outlets {
		if st.f != nil && st.unsynced > 0 {
			if err := st.f.Sync(); err != nil {
				errs = append(errs, fmt.Errorf("crawl state: %w", err))
			}
			st.unsynced = 0
		}
	}
	return errors.Join(errs...)
}

// Close syncs and closes the logs.
func (s *FileState) Close() error {
	err := s.Sync()
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, st := range s.outlets {
		if st.f != nil {
			if cerr := st.f.Close(); cerr != nil {
				err = errors.Join(err, fmt.Errorf("crawl state: %w", cerr))
			}
		}
		delete(s.outlets, id)
	}
	return err
}

// StoredEntries lists the entries of the outlet marked stored, in no particular order (Load first).
func (s *FileState) StoredEntries(outlet string) []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Entry
	for _, e := range s.outlet(outlet).entries {
		if e.Stored {
			out = append(out, e)
		}
	}
	return out
}

// Requeue marks the given URLs of the outlet not stored (forgetting their validators and content hash) and forgets
// the last complete crawl, so that the next crawl reads every sitemap again and fetches them: after a loss in the
// store, a crawl brings back what is missing. The log is rewritten at once (Load first).
func (s *FileState) Requeue(outlet string, urls []string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.outlet(outlet)
	for _, u := range urls {
		e, ok := st.entries[u]
		if !ok {
			continue
		}
		if st.byHash[e.Hash] == u {
			delete(st.byHash, e.Hash)
		}
		e.Stored, e.ETag, e.LastModified, e.Hash, e.LastMod = false, "", "", "", time.Time{}
		st.entries[u] = e
	}
	st.complete = time.Time{}
	if st.f == nil {
		return nil
	}
	if err := st.f.Close(); err != nil {
		return fmt.Errorf("crawl state: %w", err)
	}
	st.f = nil
	p := s.path(outlet)
	if err := writeStateLog(p, st); err != nil {
		return err
	}
	f, err := openAppend(p)
	if err != nil {
		return err
	}
	st.f, st.unsynced = f, 0
	return nil
}
