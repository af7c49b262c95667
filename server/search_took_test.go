package server

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestTookMS(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want int64
	}{{0, 0}, {time.Nanosecond, 1}, {300 * time.Microsecond, 1}, {time.Millisecond, 1}, {1001 * time.Microsecond, 2}, {12 * time.Millisecond, 12}} {
		if got := tookMS(tt.d); got != tt.want {
			t.Errorf("tookMS(%v) = %d, want %d", tt.d, got, tt.want)
		}
	}
}

// TestSearchTookMS: /api/articles reports the time the search took (it used to say 0): more than 0 for a search
// over the demo articles, and no more than the whole request took.
func TestSearchTookMS(t *testing.T) {
	ts, _ := demoStoreServer(t)
	start := time.Now()
	resp, err := http.Get(ts.URL + "/api/articles?q=phu+nu")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Total  int   `json:"total"`
		TookMS int64 `json:"took_ms"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if resp.StatusCode != http.StatusOK || body.Total == 0 {
		t.Fatalf("status %d, total %d", resp.StatusCode, body.Total)
	}
	if body.TookMS <= 0 || body.TookMS > tookMS(elapsed) {
		t.Errorf("took_ms = %d, want more than 0 and at most the %v the request took", body.TookMS, elapsed)
	}
}
