package adoption

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFaultEvidenceText: evidence text must be valid UTF-8, without control characters (a note may have line
// breaks), and bounded in length.
func TestFaultEvidenceText(t *testing.T) {
	base := Evidence{Outlet: "o", Year: 2025, RecordedBy: "x"}
	for _, tc := range []struct {
		name string
		edit func(*Evidence)
		want string
	}{
		{"invalid UTF-8", func(e *Evidence) { e.FocalPerson = "Ng\xffuyễn" }, "focal_person: not valid UTF-8"},
		{"NUL", func(e *Evidence) { e.RecordedBy = "lan\x00" }, "recorded_by: control character U+0000"},
		{"escape", func(e *Evidence) { e.Note = "a\x1b[31m" }, "note: control character U+001B"},
		{"line break in a name", func(e *Evidence) { e.FocalPerson = "a\nb" }, "focal_person: control character U+000A"},
		{"long reference", func(e *Evidence) { e.Decision = &DocumentRef{Ref: strings.Repeat("á", 501)} }, "decision.ref: at most 500 characters, got 501"},
		{"long note", func(e *Evidence) { e.Note = strings.Repeat("x", 2001) }, "note: at most 2000 characters"},
		{"megabyte note", func(e *Evidence) { e.Note = strings.Repeat("x", 1<<20) }, "note: at most 2000 characters"},
		{"note with lines", func(e *Evidence) { e.Note = "Dòng 1\r\nDòng 2\tcột" }, ""},
		{"longest name", func(e *Evidence) { e.FocalPerson = strings.Repeat("ữ", 500) }, ""},
	} {
		e := base
		tc.edit(&e)
		err := e.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrInvalid)):
			t.Errorf("%s: %.200v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestFaultEvidenceLog: a write appends one line to the log instead of rewriting everything; a torn last line (a
// crash mid-write) is dropped and cut before the next write; lines the snapshot already holds (a crash during
// compaction) are not read twice; stale temporary files are removed at Compact.
func TestFaultEvidenceLog(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "evidence.json")
	s, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatal(err)
	}
	note := strings.Repeat("n", 2000)
	var sizes []int64
	for i := range 40 {
		if _, err := s.Put(Evidence{Outlet: "o" + strings.Repeat("x", i%3), Year: 2025, RecordedBy: "lan", Note: note}); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path + ".log")
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, fi.Size())
	}
	// Each write adds about one record to the log; the snapshot is not written at all.
	for i := 1; i < len(sizes); i++ {
		if grew := sizes[i] - sizes[i-1]; grew > 3000 {
			t.Errorf("write %d grew the log by %d bytes: more than its record", i, grew)
		}
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the snapshot was written by an ordinary write: %v", err)
	}

	// A crash mid-append leaves a torn line: reopening drops it, the next write cuts it.
	f, err := os.OpenFile(path+".log", os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"seq":40,"record":{"outlet":"torn","ye`)
	f.Close()
	s2, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatalf("reopen after a torn write: %v", err)
	}
	if _, _, ok := s2.Get("torn", 2025); ok || len(s2.records) != 40 {
		t.Errorf("after a torn write: %d records, torn one found %v", len(s2.records), ok)
	}
	if _, err := s2.Put(Evidence{Outlet: "after", Year: 2025, RecordedBy: "lan"}); err != nil {
		t.Fatal(err)
	}
	s3, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatalf("reopen after the write that followed a torn one: %v", err)
	}
	if _, _, ok := s3.Get("after", 2025); !ok || len(s3.records) != 41 {
		t.Errorf("after the next write: %d records, the new one found %v", len(s3.records), ok)
	}

	// A crash during compaction: the snapshot written, the log not yet removed, a temp file left.
	logCopy, err := os.ReadFile(path + ".log")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".tmp-123", []byte("{half"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s3.Compact(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".log", logCopy, 0o644); err != nil {
		t.Fatal(err)
	}
	s4, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(s4.records) != 41 {
		t.Errorf("snapshot and a stale log: %d records, want 41 (none twice)", len(s4.records))
	}
	if err := s4.Compact(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "evidence.json" {
		t.Errorf("after Compact the directory holds %v, want the snapshot alone", entries)
	}
	s5, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatal(err)
	}
	cur, hist, ok := s5.Get("oxx", 2025)
	if !ok || cur.Note != note || len(hist) != 12 || len(s5.records) != 41 {
		t.Errorf("after compaction: %d records, oxx current %v with %d earlier", len(s5.records), ok, len(hist))
	}
}
