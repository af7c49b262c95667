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
	if len(errs) == 0 {
		return nil
	}
	return invalidError{errors.Join(errs...)}
}

// ErrExists is returned by Create when evidence is already recorded for the outlet and year.
var ErrExists = errors.New("evidence already recorded for this outlet and year")

// EvidenceStore keeps every recording of evidence in one JSON file, rewritten atomically (temporary file, fsync,
// rename, fsync of the directory) so that a crash leaves either the old or the new file, never a torn one.
type EvidenceStore struct {
	path string // empty: memory only (tests, servers without a data directory)
	now  func() time.Time

	mu      sync.Mutex
	records []Evidence // every recording, oldest first
}

type evidenceFile struct {
	FormatVersion int        `json:"format_version"`
	Records       []Evidence `json:"records"`
}

// OpenEvidenceStore opens the store in path, creating it on the first write; an empty path keeps it in memory.
func OpenEvidenceStore(path string) (*EvidenceStore, error) {
	s := &EvidenceStore{path: path, now: time.Now}
	if path == "" {
		return s, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read evidence store: %w", err)
	}
	var f evidenceFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("read evidence store %s: %w", path, err)
	}
	s.records = f.Records
	return s, nil
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
	records := append(s.records[:len(s.records):len(s.records)], e)
	if err := s.save(records); err != nil {
		return Evidence{}, err
	}
	s.records = records
	return e, nil
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
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
