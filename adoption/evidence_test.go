package adoption

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestEvidenceStore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "evidence.json")
	s, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Hour); return clock }

	first := Evidence{Outlet: "bao-a", Year: 2025, Decision: &DocumentRef{Ref: "QĐ 1"}, RecordedBy: "lan"}
	got, err := s.Create(first)
	if err != nil {
		t.Fatal(err)
	}
	if got.RecordedAt.IsZero() || got.RecordedBy != "lan" {
		t.Errorf("recorded = %+v", got)
	}
	if _, err := s.Create(first); !errors.Is(err, ErrExists) {
		t.Errorf("second Create: %v, want ErrExists", err)
	}
	second := first
	second.FocalPerson, second.RecordedBy = "Trưởng ban", "minh"
	if _, err := s.Put(second); err != nil {
		t.Fatal(err)
	}

	// Reopening reads what was written; the history keeps the first recording.
	s2, err := OpenEvidenceStore(path)
	if err != nil {
		t.Fatal(err)
	}
	cur, hist, ok := s2.Get("bao-a", 2025)
	if !ok || cur.FocalPerson != "Trưởng ban" || cur.RecordedBy != "minh" || len(hist) != 1 || hist[0].RecordedBy != "lan" {
		t.Errorf("after reopen: current %+v history %+v", cur, hist)
	}
	if _, _, ok := s2.Get("bao-a", 2024); ok {
		t.Error("evidence for 2024 found")
	}
	if y := s2.Year(2025); len(y) != 1 || y["bao-a"].RecordedBy != "minh" {
		t.Errorf("Year(2025) = %+v", y)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the store: %v", entries)
	}
}

func TestEvidenceValidate(t *testing.T) {
	tests := []struct {
		name string
		e    Evidence
		want string // empty: valid
	}{
		{"valid", Evidence{Outlet: "o", Year: 2025, RecordedBy: "x"}, ""},
		{"no recorder", Evidence{Outlet: "o", Year: 2025}, "recorded_by: required"},
		{"bad year", Evidence{Outlet: "o", Year: 25, RecordedBy: "x"}, "year: want 2000..2100"},
		{"empty decision ref", Evidence{Outlet: "o", Year: 2025, RecordedBy: "x", Decision: &DocumentRef{}}, "decision.ref: required"},
		{"bad date", Evidence{Outlet: "o", Year: 2025, RecordedBy: "x", ReportSent: "20/11/2025"}, "report_sent: want YYYY-MM-DD"},
		{"share over 1", Evidence{Outlet: "o", Year: 2025, RecordedBy: "x", StaffTrainedShare: f(60)}, "staff_trained_share: want a share"},
	}
	for _, tt := range tests {
		err := tt.e.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		case tt.want != "" && !errors.Is(err, ErrInvalid):
			t.Errorf("%s: error %v does not match ErrInvalid", tt.name, err)
		}
	}
}

// TestStoreErrorsAreTyped: the store's refusals match their sentinels, so the API tells 400 from 409 from 503 by
// errors.Is alone.
func TestStoreErrorsAreTyped(t *testing.T) {
	s, err := OpenEvidenceStore("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(Evidence{Outlet: "o", Year: 2025}); !errors.Is(err, ErrInvalid) || errors.Is(err, ErrExists) {
		t.Errorf("Put without recorded_by: %v, want ErrInvalid", err)
	}
	if _, err := s.Create(Evidence{Outlet: "o", Year: 2025, RecordedBy: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(Evidence{Outlet: "o", Year: 2025, RecordedBy: "x"}); !errors.Is(err, ErrExists) || errors.Is(err, ErrInvalid) {
		t.Errorf("second Create: %v, want ErrExists only", err)
	}
}
