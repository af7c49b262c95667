package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"genderlens/adoption"
	"genderlens/config"
	"genderlens/indexer"
	"genderlens/model"

	"github.com/prometheus/client_golang/prometheus"
)

const testToken = "s3cret-token"

func newIndexTestServer(t *testing.T) (*httptest.Server, *indexer.Index) {
	t.Helper()
	idx, sc := testStore(t)
	ev, err := adoption.OpenEvidenceStore("")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{
		Outlets: []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}, {ID: "phuong-b", Name: "Cổng phường B", Kind: "ward_portal"}},
		Store:   idx, Scorer: sc, Registry: prometheus.NewRegistry(), Evidence: ev, APIToken: testToken,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	ict := model.Vietnam()
	for _, d := range []indexer.Document{
		indexer.Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Title: "Phụ nữ làm chủ", Body: "Chị Hoa cho biết phụ nữ phường đã vay vốn.",
			Published: time.Date(2025, 11, 20, 8, 0, 0, 0, ict)}, RulesVersion: sc.RulesVersion(), Score: 80,
			Quoted: model.GenderCounts{Female: 1}, Topics: []string{model.TopicWomenFocus}},
		indexer.Document{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Title: "Giao thông", Body: "Ông Nam nói đường đã thông.",
			Published: time.Date(2025, 3, 2, 8, 0, 0, 0, ict)}, RulesVersion: sc.RulesVersion(), Score: 60,
			Quoted: model.GenderCounts{Male: 1}},
	} {
		if err := idx.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return ts, idx
}

func do(t *testing.T, method, url, body string, header map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, url, ct)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s %s: %v in %s", method, url, err, b)
	}
	if resp.StatusCode >= 400 {
		checkErrorBody(t, method+" "+url, resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

func TestIndexRoutes(t *testing.T) {
	ts, _ := newIndexTestServer(t)
	auth := map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": "application/json"}
	tests := []struct {
		name, method, path, body string
		header                   map[string]string
		want                     int
		check                    func(t *testing.T, body map[string]any)
	}{
		{"search without diacritics", "GET", "/api/articles?q=phu+nu", "", nil, 200, func(t *testing.T, b map[string]any) {
			if b["total"].(float64) != 1 {
				t.Errorf("total = %v", b["total"])
			}
			arts := b["articles"].([]any)
			if s := arts[0].(map[string]any)["snippets"]; !strings.Contains(fmt.Sprint(s), "<mark>") {
				t.Errorf("snippets %v", s)
			}
		}},
		{"search by outlet and period", "GET", "/api/articles?outlet=bao-a&from=2025-11-15&to=2025-12-15", "", nil, 200, func(t *testing.T, b map[string]any) {
			if b["total"].(float64) != 1 {
				t.Errorf("total = %v", b["total"])
			}
		}},
		{"search bad size", "GET", "/api/articles?size=1000", "", nil, 400, nil},
		{"search bad date", "GET", "/api/articles?from=15/11/2025", "", nil, 400, nil},
		{"search period and from", "GET", "/api/articles?period=2025&from=2025-01-01", "", nil, 400, nil},
		{"article", "GET", "/api/article?url=https://a.example/1", "", nil, 200, nil},
		{"article missing", "GET", "/api/article?url=https://a.example/9", "", nil, 404, nil},
		{"article without url", "GET", "/api/article", "", nil, 400, nil},
		{"aggregates action month", "GET", "/api/outlets/bao-a/aggregates?period=action-month-2025", "", nil, 200, func(t *testing.T, b map[string]any) {
			f := b["figures"].(map[string]any)
			if f["articles"].(float64) != 1 || b["policy"] == "" || b["current_rules_version"] == "" {
				t.Errorf("figures %v", toJSON(b))
			}
		}},
		{"aggregates year", "GET", "/api/outlets/bao-a/aggregates?period=2025", "", nil, 200, func(t *testing.T, b map[string]any) {
			q := b["figures"].(map[string]any)["quoted"].(map[string]any)
			if q["women_share"].(float64) != 0.5 {
				t.Errorf("quoted %v", q)
			}
		}},
		{"aggregates bad period", "GET", "/api/outlets/bao-a/aggregates?period=2025-13", "", nil, 400, nil},
		{"aggregates unknown outlet", "GET", "/api/outlets/nope/aggregates", "", nil, 404, nil},
		{"all aggregates", "GET", "/api/aggregates?period=2025-Q4", "", nil, 200, nil},
		{"district", "GET", "/api/district?year=2025", "", nil, 200, func(t *testing.T, b map[string]any) {
			tg := b["target"].(map[string]any)
			if tg["share"].(float64) != 0.8 || tg["level"] != "pilot" || b["outlets"].(float64) != 2 {
				t.Errorf("district %v", toJSON(b))
			}
		}},
		{"district bad year", "GET", "/api/district?year=twenty", "", nil, 400, nil},
		{"policy", "GET", "/api/policy", "", nil, 200, nil},
		{"evidence none yet", "GET", "/api/outlets/bao-a/evidence/2025", "", nil, 404, nil},
		{"evidence without token", "POST", "/api/outlets/bao-a/evidence/2025", `{"recorded_by":"lan"}`, nil, 401, nil},
		{"evidence wrong token", "POST", "/api/outlets/bao-a/evidence/2025", `{"recorded_by":"lan"}`,
			map[string]string{"Authorization": "Bearer nope"}, 403, nil},
		{"evidence basic auth", "POST", "/api/outlets/bao-a/evidence/2025", `{}`, map[string]string{"Authorization": "Basic eDp5"}, 401, nil},
		{"evidence bad json", "POST", "/api/outlets/bao-a/evidence/2025", `{"decision":`, auth, 400, nil},
		{"evidence unknown field", "POST", "/api/outlets/bao-a/evidence/2025", `{"decison":{"ref":"x"},"recorded_by":"lan"}`, auth, 400, nil},
		{"evidence without recorder", "POST", "/api/outlets/bao-a/evidence/2025", `{"focal_person":"Lan"}`, auth, 400, nil},
		{"evidence bad share", "POST", "/api/outlets/bao-a/evidence/2025", `{"staff_trained_share":60,"recorded_by":"lan"}`, auth, 400, nil},
		{"evidence year mismatch", "POST", "/api/outlets/bao-a/evidence/2025", `{"year":2024,"recorded_by":"lan"}`, auth, 400, nil},
		{"evidence bad year", "POST", "/api/outlets/bao-a/evidence/1990", `{"recorded_by":"lan"}`, auth, 400, nil},
		{"evidence unknown outlet", "POST", "/api/outlets/nope/evidence/2025", `{"recorded_by":"lan"}`, auth, 404, nil},
		{"evidence too large", "POST", "/api/outlets/bao-a/evidence/2025", `{"note":"` + strings.Repeat("x", 2<<20) + `"}`, auth, 413, nil},
		{"evidence create", "POST", "/api/outlets/bao-a/evidence/2025", `{"decision":{"ref":"QĐ 5","date":"2025-01-10"},"focal_person":"Chị Lan"}`,
			map[string]string{"Authorization": "Bearer " + testToken, "X-Recorded-By": "phong-vhtt"}, 201, func(t *testing.T, b map[string]any) {
				e := b["evidence"].(map[string]any)
				if e["recorded_by"] != "phong-vhtt" || e["recorded_at"] == "" {
					t.Errorf("evidence %v", e)
				}
			}},
		{"evidence create twice", "POST", "/api/outlets/bao-a/evidence/2025", `{"recorded_by":"lan"}`, auth, 409, nil},
		{"evidence replace", "PUT", "/api/outlets/bao-a/evidence/2025", `{"decision":{"ref":"QĐ 5"},"focal_person":"Chị Lan","recorded_by":"lan"}`, auth, 200, nil},
		{"evidence read", "GET", "/api/outlets/bao-a/evidence/2025", "", nil, 200, func(t *testing.T, b map[string]any) {
			if len(b["history"].([]any)) != 1 || b["evidence"].(map[string]any)["recorded_by"] != "lan" {
				t.Errorf("evidence %v", toJSON(b))
			}
		}},
		{"evidence delete not allowed", "DELETE", "/api/outlets/bao-a/evidence/2025", "", auth, 405, nil},
		{"adoption status", "GET", "/api/outlets/bao-a/adoption?year=2025", "", nil, 200, func(t *testing.T, b map[string]any) {
			// Decision and focal person are recorded but 2 articles are below the pilot's 10.
			if b["level"] != "not_started" || !strings.Contains(toJSON(b["reasons"]), "articles") {
				t.Errorf("status %v", toJSON(b))
			}
		}},
		{"rescore", "GET", "/api/rescore", "", nil, 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := do(t, tt.method, ts.URL+tt.path, tt.body, tt.header)
			if code != tt.want {
				t.Fatalf("status %d, want %d: %v", code, tt.want, body)
			}
			if code >= 400 && body["error"] == "" {
				t.Errorf("error response without a message: %v", body)
			}
			if tt.check != nil {
				tt.check(t, body)
			}
		})
	}
}

func TestRescoreMetrics(t *testing.T) {
	ts, idx := newIndexTestServer(t)
	err := idx.StartRescore("next-version", func(d indexer.Document) (indexer.Document, error) {
		d.RulesVersion = "next-version"
		return d, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	idx.WaitRescore()
	resp, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, want := range []string{`genderlens_rescore_remaining_articles{target_version="next-version"} 0`,
		`genderlens_rescore_done_articles{target_version="next-version"} 2`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func toJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
