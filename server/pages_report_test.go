package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"genderlens/config"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/xuri/excelize/v2"
)

func TestReportDownload(t *testing.T) {
	ts, _ := newTestServer(t)
	tests := []struct {
		query, wantType string
		code            int
	}{
		{"year=2025&format=xlsx", "spreadsheetml", 200},
		{"year=2025&format=csv", "text/csv", 200},
		{"year=2025&format=html&action_month=1", "text/html", 200},
		{"year=2025", "spreadsheetml", 200},
		{"year=2025&format=pdf", "text/html", 400},
		{"year=20x5&format=csv", "text/html", 400},
	}
	for _, tt := range tests {
		resp, err := http.Get(ts.URL + "/report?" + tt.query)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code || !strings.Contains(resp.Header.Get("Content-Type"), tt.wantType) {
			t.Errorf("/report?%s = %d %s, want %d %s", tt.query, resp.StatusCode, resp.Header.Get("Content-Type"), tt.code, tt.wantType)
			continue
		}
		if tt.code == 200 && !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment;") {
			t.Errorf("/report?%s is not a download", tt.query)
		}
		if tt.wantType == "spreadsheetml" {
			f, err := excelize.OpenReader(strings.NewReader(string(body)))
			if err != nil {
				t.Fatalf("downloaded XLSX does not open: %v", err)
			}
			if len(f.GetSheetList()) == 0 {
				t.Error("downloaded XLSX has no sheet")
			}
			f.Close()
		}
	}
	if page := get(t, ts.URL+"/?year=2025", 200); !strings.Contains(page, `href="/report?year=2025&amp;format=xlsx"`) {
		t.Error("the district overview has no report download link")
	}
}

// TestReportDownloadDated checks that the downloaded report is dated by the server's clock and marks a period still
// running at that time as provisional.
func TestReportDownloadDated(t *testing.T) {
	idx, sc := testStore(t)
	for _, tt := range []struct {
		now  time.Time
		want string
	}{
		{time.Date(2025, 11, 20, 7, 5, 0, 0, time.UTC), "Số liệu tạm tính đến 14:05 ngày 20/11/2025 (giờ Việt Nam): kỳ báo cáo chưa kết thúc"},
		{time.Date(2026, 2, 1, 1, 0, 0, 0, time.UTC), "Số liệu tính đến 08:00 ngày 01/02/2026 (giờ Việt Nam)."},
	} {
		srv, err := New(Options{Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}}, Store: idx, Scorer: sc,
			Registry: prometheus.NewRegistry(), Now: func() time.Time { return tt.now }})
		if err != nil {
			t.Fatal(err)
		}
		ts := httptest.NewServer(srv.Handler())
		page := get(t, ts.URL+"/report?year=2025&format=html", 200)
		ts.Close()
		if !strings.Contains(page, tt.want) {
			t.Errorf("report at %v does not say %q", tt.now, tt.want)
		}
	}
}
