package adoption

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"genderlens/internal/jsonlog"
)

// Evidence is what an outlet has done in a year to apply the indicator set, as recorded by an officer. Each
// recording is kept: the current evidence is the latest, earlier ones are its history.
type Evidence struct {
	Outlet string `json:"outlet"`
	Year   int    `json:"year"`
	// Decision is the written decision or plan adopting the indicator set.
	Decision *DocumentRef `json:"decision,omitempty"`
	// FocalPerson is the person in charge (name and position).
	FocalPerson string `json:"focal_person,omitempty"`
	// SelfAssessment is the year's self-assessment on the ministry's template.
	SelfAssessment *DocumentRef `json:"self_assessment,omitempty"`
	// ReportSent is the day (YYYY-MM-DD) the yearly report was sent.
	ReportSent string `json:"report_sent,omitempty"`
	// StaffTrainedShare is the share (0-1) of editorial staff trained on the indicator set.
	StaffTrainedShare *float64 `json:"staff_trained_share,omitempty"`
	// WomenLeadershipShare is the share (0-1) of women in the outlet's leadership.
	WomenLeadershipShare *float64 `json:"women_leadership_share,omitempty"`
	Note                 string   `json:"note,omitempty"`
	// RecordedBy and RecordedAt say who recorded this version and when (set by the store).
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
}

// DocumentRef identifies a document: its reference (number or title) and date (YYYY-MM-DD).
type DocumentRef struct {
	Ref  string `json:"ref"`
	Date string `json:"date,omitempty"`
}

// ErrInvalid matches (with errors.Is) the error of Validate, and so of Create and Put on invalid evidence, so that
// callers tell a caller's mistake from a failed write without validating again.
var ErrInvalid = errors.New("invalid evidence")

// invalidError lists every invalid field; its text is the list alone, and it matches ErrInvalid.
type invalidError struct{ fields error }

func (e invalidError) Error() string        { return e.fields.Error() }
func (e invalidError) Unwrap() error        { return e.fields }
func (e invalidError) Is(target error) bool { return target == ErrInvalid }

// Validate reports every invalid field; the error matches ErrInvalid.
func (e Evidence) Validate() error {
	var errs []error
	if e.Outlet == "" {
		errs = append(errs, errors.New("outlet: required"))
	}
	if e.Year < 2000 || e.Year > 2100 {
		errs = append(errs, fmt.Errorf("year: want 2000..2100, got %d", e.Year))
	}
	for _, doc := range []struct {
		name string
		d    *DocumentRef
	}{{"decision", e.Decision}, {"self_assessment", e.SelfAssessment}} {
		name, d := doc.name, doc.d
		if d == nil {
			continue
		}
		if strings.TrimSpace(d.Ref) == "" {
			errs = append(errs, fmt.Errorf("%s.ref: required when %s is given", name, name))
		}
		if d.Date != "" {
			if _, err := time.Parse("2006-01-02", d.Date); err != nil {
				errs = append(errs, fmt.Errorf("%s.date: want YYYY-MM-DD, got %q", name, d.Date))
			}
		}
	}
	if e.ReportSent != "" {
		if _, err := time.Parse("2006-01-02", e.ReportSent); err != nil {
			errs = append(errs, fmt.Errorf("report_sent: want YYYY-MM-DD, got %q", e.ReportSent))
		}
	}
	for _, sh := range []struct {
		name string
		v    *float64
	}{{"staff_trained_share", e.StaffTrainedShare}, {"women_leadership_share", e.WomenLeadershipShare}} {
		if sh.v != nil && (*sh.v < 0 || *sh.v > 1) {
			errs = append(errs, fmt.Errorf("%s: want a share between 0 and 1, got %v", sh.name, *sh.v))
		}
	}
	if strings.TrimSpace(e.RecordedBy) == "" {
		errs = append(errs, errors.New("recorded_by: required (who records this evidence)"))
	}
	for _, f := range e.textFields() {
		if err := checkText(f.value, f.multiline); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.name, err))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return invalidError{errors.Join(errs...)}
}

// Bounds of the evidence's text fields, in characters: a reference or a name is a line, a note a paragraph (the
// form's note field stops at the same length).
const (
	maxLineChars = 500
	maxNoteChars = 2000
)

type textField struct {
	name, value string
	multiline   bool
}

// textFields are the evidence's free-text fields, named as in its JSON.
func (e Evidence) textFields() []textField {
	fields := []textField{{"outlet", e.Outlet, false}, {"focal_person", e.FocalPerson, false},
		{"report_sent", e.ReportSent, false}, {"note", e.Note, true}, {"recorded_by", e.RecordedBy, false}}
	if e.Decision != nil {
		fields = append(fields, textField{"decision.ref", e.Decision.Ref, false}, textField{"decision.date", e.Decision.Date, false})
	}
	if e.SelfAssessment != nil {
		fields = append(fields, textField{"self_assessment.ref", e.SelfAssessment.Ref, false},
			textField{"self_assessment.date", e.SelfAssessment.Date, false})
	}
	return fields
}

// checkText refuses text that is not valid UTF-8, holds control characters (NUL included; a multi-line field may
// hold line breaks and tabs) or is longer than its bound.
func checkText(v string, multiline bool) error {
	if !utf8.ValidString(v) {
		return errors.New("not valid UTF-8")
	}
	limit := maxLineChars
	if multiline {
		limit = maxNoteChars
	}
	if n := utf8.RuneCountInString(v); n > limit {
		return fmt.Errorf("at most %d characters, got %d", limit, n)
	}
	for _, r := range v {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
			return fmt.Errorf("control character %U not allowed", r)
		}
	}
	return nil
}

// ErrExists is returned by Create when evidence is already recorded for the outlet and year.
var ErrExists = errors.New("evidence already recorded for this outlet and year")

// EvidenceStore keeps every recording of evidence in two files: a snapshot (path, JSON), rewritten atomically
// (temporary file, fsync, rename, fsync of the directory), and a log beside it (path + ".log", one JSON line per
// recording since the snapshot), to which each write appends one line and fsyncs. A write costs its own record, not
// the whole history; Compact folds the log into the snapshot. A crash leaves the snapshot whole and at worst a torn
// last log line, which was never acknowledged and is dropped.
type EvidenceStore struct {
	path string // empty: memory only (tests, servers without a data directory)
	now  func() time.Time

	mu      sync.Mutex
	records []Evidence // every recording, oldest first
	// logged is how many of records are in the log rather than the snapshot; log appends to it (nil in memory).
	logged int
	log    *jsonlog.Log
}

type evidenceFile struct {
	FormatVersion int        `json:"format_version"`
	Records       []Evidence `json:"records"`
}

// logLine is one line of the log: the recording and its index among all recordings, so that a line already folded
// into the snapshot (a crash between the snapshot's rename and the log's removal) is recognised and skipped.
type logLine struct {
	Seq    int      `json:"seq"`
	Record Evidence `json:"record"`
}

// compactAfter is how many log lines a write may leave before it folds the log into the snapshot.
const compactAfter = 1000

// OpenEvidenceStore opens the store in path, creating it on the first write; an empty path keeps it in memory. It
// only reads: other commands (report) open the store while serve writes to it.
func OpenEvidenceStore(path string) (*EvidenceStore, error) {
	s := &EvidenceStore{path: path, now: time.Now}
	if path == "" {
		return s, nil
	}
	// A compaction between reading the snapshot and the log would hide the log's records: read again if the
	// snapshot changed meanwhile.
	for range 5 {
		before, _ := os.Stat(path)
		if err := s.load(); err != nil {
			return nil, err
		}
		after, _ := os.Stat(path)
		if (before == nil && after == nil) || (before != nil && after != nil && os.SameFile(before, after) &&
			before.ModTime().Equal(after.ModTime()) && before.Size() == after.Size()) {
			break
		}
	}
	return s, nil
}

// logPath is the log beside the snapshot.
func (s *EvidenceStore) logPath() string { return s.path + ".log" }

// load reads the snapshot, then the log's lines past it.
func (s *EvidenceStore) load() error {
	s.records, s.logged, s.log = nil, 0, nil
	b, err := os.ReadFile(s.path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return fmt.Errorf("read evidence store: %w", err)
	default:
		var f evidenceFile
		if err := json.Unmarshal(b, &f); err != nil {
			return fmt.Errorf("read evidence store %s: %w", s.path, err)
		}
		s.records = f.Records
	}
	// A torn last line of the log was never acknowledged: jsonlog drops it and cuts it before the next append.
	l, lines, err := jsonlog.Open(s.logPath())
	if err != nil {
		return fmt.Errorf("read evidence log: %w", err)
	}
	s.log = l
	for i, line := range lines {
		var ll logLine
		if err := json.Unmarshal(line, &ll); err != nil {
			return fmt.Errorf("read evidence log %s: line %d: %w", s.logPath(), i+1, err)
		}
		switch {
		case ll.Seq < len(s.records): // already in the snapshot
		case ll.Seq == len(s.records):
			s.records = append(s.records, ll.Record)
			s.logged++
		default:
			return fmt.Errorf("read evidence log %s: line %d: recording %d follows recording %d", s.logPath(), i+1,
				ll.Seq, len(s.records)-1)
		}
	}
	return nil
}

// Create records the first evidence of an outlet and year; ErrExists if there is some already.
func (s *EvidenceStore) Create(e Evidence) (Evidence, error) { return s.record(e, true) }

// Put records new evidence for an outlet and year, replacing the current one (which stays in the history).
func (s *EvidenceStore) Put(e Evidence) (Evidence, error) { return s.record(e, false) }

func (s *EvidenceStore) record(e Evidence, create bool) (Evidence, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.RecordedAt = s.now().UTC().Truncate(time.Second)
	if err := e.Validate(); err != nil {
		return Evidence{}, err
	}
	if _, ok := s.currentLocked(e.Outlet, e.Year); ok && create {
		return Evidence{}, ErrExists
	}
	if err := s.appendLocked(e); err != nil {
		return Evidence{}, fmt.Errorf("save evidence: %w", err)
	}
	s.records = append(s.records, e)
	s.logged++
	if s.logged >= compactAfter {
		// The recording is safe in the log already: a failed compaction is retried on the next write.
		_ = s.compactLocked()
	}
	return e, nil
}

// appendLocked appends recording e to the log and fsyncs it (and the directory when it creates the log).
func (s *EvidenceStore) appendLocked(e Evidence) error {
	if s.path == "" {
		return nil
	}
	line, err := json.Marshal(logLine{Seq: len(s.records), Record: e})
	if err != nil {
		return fmt.Errorf("encode evidence: %w", err)
	}
	if s.log == nil {
		s.log, _, err = jsonlog.Open(s.logPath())
		if err != nil {
			return err
		}
	}
	return s.log.Append(line)
}

// Compact folds the log into the snapshot and removes the temporary files a crash left beside it. serve calls it
// at start; writes call it every compactAfter recordings.
func (s *EvidenceStore) Compact() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == "" {
		return nil
	}
	stale, err := filepath.Glob(filepath.Join(filepath.Dir(s.path), filepath.Base(s.path)+".tmp-*"))
	if err != nil {
		return fmt.Errorf("find stale evidence temp files: %w", err)
	}
	for _, f := range stale {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove stale evidence temp file: %w", err)
		}
	}
	if _, err := os.Stat(s.logPath()); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return s.compactLocked()
}

// compactLocked writes every recording to the snapshot, then removes the log: a crash between the two leaves log
// lines that the snapshot already holds, which load skips.
func (s *EvidenceStore) compactLocked() error {
	if err := s.save(s.records); err != nil {
		return err
	}
	if err := os.Remove(s.logPath()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove evidence log: %w", err)
	}
	if err := jsonlog.SyncDir(filepath.Dir(s.path)); err != nil {
		return fmt.Errorf("remove evidence log: %w", err)
	}
	s.logged, s.log = 0, nil
	return nil
}

// Get returns the current evidence of an outlet and year and its earlier recordings, newest first.
func (s *EvidenceStore) Get(outlet string, year int) (current Evidence, history []Evidence, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.records) - 1; i >= 0; i-- {
		r := s.records[i]
		if r.Outlet != outlet || r.Year != year {
			continue
		}
		if !ok {
			current, ok = r, true
		} else {
			history = append(history, r)
		}
	}
	return current, history, ok
}

// Year returns the current evidence of every outlet for a year, by outlet.
func (s *EvidenceStore) Year(year int) map[string]Evidence {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]Evidence{}
	for _, r := range s.records {
		if r.Year == year {
			out[r.Outlet] = r
		}
	}
	return out
}

func (s *EvidenceStore) currentLocked(outlet string, year int) (Evidence, bool) {
	for i := len(s.records) - 1; i >= 0; i-- {
		if r := s.records[i]; r.Outlet == outlet && r.Year == year {
			return r, true
		}
	}
	return Evidence{}, false
}

func (s *EvidenceStore) save(records []Evidence) error {
	if s.path == "" {
		return nil
	}
	b, err := json.MarshalIndent(evidenceFile{FormatVersion: 1, Records: records}, "", "  ")
	if err != nil {
		return fmt.Errorf("encode evidence: %w", err)
	}
	if err := writeFileAtomic(s.path, b); err != nil {
		return fmt.Errorf("save evidence: %w", err)
	}
	return nil
}

func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return jsonlog.SyncDir(dir)
}
