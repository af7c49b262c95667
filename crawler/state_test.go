package crawler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/config"
)

func TestFileStatePersists(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	s, err := NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load("bao-thu"); err != nil {
		t.Fatal(err)
	}
	entries := []Entry{
		{URL: "https://a.example/1", ETag: `"x1"`, Hash: "h1", Stored: true, Fetched: at},
		{URL: "https://a.example/2", LastModified: "Fri, 27 Nov 2026 08:00:00 GMT", Hash: "h2", Stored: true, Fetched: at},
		{URL: "https://a.example/1", ETag: `"x2"`, Hash: "h1b", Stored: true, Fetched: at.Add(time.Hour)}, // update
		{URL: "https://a.example/3", Hash: "h3", Fetched: at},                                             // not stored
	}
	for _, e := range entries {
		if err := s.Put("bao-thu", e); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetLastSuccess("bao-thu", at, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s2, err := NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.Load("bao-thu"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		url        string
		etag, hash string
		stored     bool
	}{
		{"https://a.example/1", `"x2"`, "h1b", true},
		{"https://a.example/2", "", "h2", true},
		{"https://a.example/3", "", "h3", false},
	}
	for _, tt := range tests {
		e, ok := s2.Get("bao-thu", tt.url)
		if !ok || e.ETag != tt.etag || e.Hash != tt.hash || e.Stored != tt.stored {
			t.Errorf("Get(%s) = %+v, %v", tt.url, e, ok)
		}
	}
	if u, ok := s2.ByHash("bao-thu", "h1"); ok {
		t.Errorf("ByHash(old hash) = %s, want none: the article changed", u)
	}
	if u, ok := s2.ByHash("bao-thu", "h2"); !ok || u != "https://a.example/2" {
		t.Errorf("ByHash(h2) = %q, %v", u, ok)
	}
	if _, ok := s2.ByHash("bao-thu", "h3"); ok {
		t.Error("ByHash found an article that was never stored")
	}
	last, complete := s2.LastSuccess("bao-thu")
	if !last.Equal(at) || !complete.Equal(at) {
		t.Errorf("LastSuccess = %v, %v", last, complete)
	}
	if _, ok := s2.Get("other", "https://a.example/1"); ok {
		t.Error("outlets share entries")
	}
}

// TestFileStateTornTail simulates a crash in the middle of a write: the partial line is dropped, the rest is kept,
// and the log is rewritten so that later appends start on a fresh line.
func TestFileStateTornTail(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bao-thu.jsonl")
	good := `{"url":"https://a.example/1","hash":"h1","stored":true}` + "\n"
	if err := os.WriteFile(p, []byte(good+`{"url":"https://a.example/2","ha`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load("bao-thu"); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get("bao-thu", "https://a.example/1"); !ok {
		t.Error("whole record lost")
	}
	if _, ok := s.Get("bao-thu", "https://a.example/2"); ok {
		t.Error("torn record read")
	}
	if err := s.Put("bao-thu", Entry{URL: "https://a.example/3", Stored: true, Hash: "h3"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if !strings.HasPrefix(line, "{") || !strings.HasSuffix(line, "}") {
			t.Errorf("line %d of the rewritten log is not a record: %q", i+1, line)
		}
	}
}

// TestFileStateCompacts checks that a log of mostly superseded records is rewritten at load.
func TestFileStateCompacts(t *testing.T) {
	dir := t.TempDir()
	s, err := NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Load("x")
	for i := range 1000 {
		if err := s.Put("x", Entry{URL: "https://a.example/same", Hash: strings.Repeat("h", i%7+1), Stored: true}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s2, _ := NewFileState(dir)
	if err := s2.Load("x"); err != nil {
		t.Fatal(err)
	}
	s2.Close()
	data, _ := os.ReadFile(filepath.Join(dir, "x.jsonl"))
	if n := strings.Count(string(data), "\n"); n != 1 {
		t.Errorf("compacted log has %d lines, want 1", n)
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "*.tmp*")); len(matches) != 0 {
		t.Errorf("temporary files left: %v", matches)
	}
}

func TestFileStateUnsafeOutletID(t *testing.T) {
	dir := t.TempDir()
	s, _ := NewFileState(dir)
	defer s.Close()
	if err := s.Load("../evil"); err != nil {
		t.Fatal(err)
	}
	if err := s.Put("../evil", Entry{URL: "u", Stored: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "evil.jsonl")); err == nil {
		t.Error("an outlet id escaped the state directory")
	}
}

func TestCrawlerDue(t *testing.T) {
	dir := t.TempDir()
	s, err := NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	s.Load("weekly")
	s.SetLastSuccess("weekly", now.Add(-48*time.Hour), true)
	s.Load("often")
	s.SetLastSuccess("often", now.Add(-7*time.Hour), true)
	c := New(config.Crawler{Interval: config.Duration(6 * time.Hour)}, nil, WithState(s))
	tests := []struct {
		o    config.Outlet
		want bool
	}{
		{config.Outlet{ID: "weekly", Schedule: config.Duration(7 * 24 * time.Hour)}, false},
		{config.Outlet{ID: "often"}, true},
		{config.Outlet{ID: "never-crawled", Schedule: config.Duration(time.Hour)}, true},
		{config.Outlet{ID: "often", Schedule: config.Duration(8 * time.Hour)}, false},
	}
	for _, tt := range tests {
		if got := c.Due(tt.o, now); got != tt.want {
			t.Errorf("Due(%s, schedule %v) = %v, want %v", tt.o.ID, tt.o.Schedule, got, tt.want)
		}
	}
}

// TestFaultStateRequeue: re-queued entries are not stored any more, after a reload too, and the last complete
// crawl is forgotten so that the next crawl reads every sitemap again and fetches them.
func TestFaultStateRequeue(t *testing.T) {
	dir := t.TempDir()
	s, err := NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Load("o"); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"https://o.test/a", "https://o.test/b"} {
		if err := s.Put("o", Entry{URL: u, ETag: `"x"`, Hash: "h" + u, Stored: true}); err != nil {
			t.Fatal(err)
		}
	}
	done := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := s.SetLastSuccess("o", done, true); err != nil {
		t.Fatal(err)
	}
	if got := len(s.StoredEntries("o")); got != 2 {
		t.Fatalf("StoredEntries = %d, want 2", got)
	}
	if err := s.Requeue("o", []string{"https://o.test/a"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = NewFileState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Load("o"); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Get("o", "https://o.test/a"); e.Stored || e.ETag != "" || e.Hash != "" {
		t.Errorf("re-queued entry after reload = %+v, want not stored, no validators", e)
	}
	if e, _ := s.Get("o", "https://o.test/b"); !e.Stored || e.ETag == "" {
		t.Errorf("other entry after reload = %+v, want unchanged", e)
	}
	if _, ok := s.ByHash("o", "hhttps://o.test/a"); ok {
		t.Error("the re-queued article's hash still names a stored article")
	}
	last, complete := s.LastSuccess("o")
	if !last.Equal(done) || !complete.IsZero() {
		t.Errorf("LastSuccess = %v, %v: want the last success kept and the last complete crawl forgotten", last, complete)
	}
}
