package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/internal/wait"
	"genderlens/model"
)

// requireTool finds a Debian tool the test drives for real; CI installs it, so there a missing tool fails the test.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (.ci/run installs the prometheus package)", name)
		}
		t.Skipf("%s not installed (apt-get install prometheus); skipping", name)
	}
	return p
}

// TestPrometheusScrapesService runs Debian's prometheus against the service on loopback and checks that PromQL
// returns the figures the API reports, and that promtool accepts a real scrape.
func TestPrometheusScrapesService(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the prometheus test (it runs prometheus and promtool against a crawled service)")
	}
	promBin := requireTool(t, "prometheus")
	promtool := requireTool(t, "promtool")

	cfgPath, _, want := demoConfig(t, context.Background())
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + cfg.Listen
	t.Setenv(config.APITokenEnv, "test-token")
	rc := start(t, "serve", "--config", cfgPath)
	waitCrawled(t, base, want, rc)

	// Record this year's process evidence for every outlet through the API, so that outlets whose content also
	// meets the policy reach pilot level and the district ratio is not trivially zero.
	year := time.Now().In(model.Vietnam()).Year()
	for id := range want {
		body := `{"decision": {"ref": "QĐ 12/QĐ-BT", "date": "` + strconv.Itoa(year) + `-02-01"}, "focal_person": "Nguyễn Thu Trang, Thư ký tòa soạn", "recorded_by": "test"}`
		req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/outlets/%s/evidence/%d", base, id, year), strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer test-token")
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST evidence for %s: %s %s", id, resp.Status, msg)
		}
	}
	var district struct {
		PilotRate    float64 `json:"pilot_rate"`
		OfficialRate float64 `json:"official_rate"`
	}
	if err := getJSON(fmt.Sprintf("%s/api/district?year=%d", base, year), &district); err != nil {
		t.Fatal(err)
	}

	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	scrape, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	check := exec.Command(promtool, "check", "metrics")
	check.Stdin = bytes.NewReader(scrape)
	if out, err := check.CombinedOutput(); err != nil {
		t.Errorf("promtool check metrics: %v\n%s", err, out)
	}

	dir := t.TempDir()
	promAddr := freeAddr(t)
	promCfg := fmt.Sprintf(`global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files: [%q]
scrape_configs:
  - job_name: genderlens
    static_configs:
      - targets: [%q]
`, mustAbs(t, "../../ops/prometheus/genderlens-rules.yml"), cfg.Listen)
	if err := os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(promCfg), 0o644); err != nil {
		t.Fatal(err)
	}
	var promLog syncBuffer
	prom := exec.Command(promBin, "--config.file="+filepath.Join(dir, "prometheus.yml"),
		"--storage.tsdb.path="+filepath.Join(dir, "tsdb"), "--web.listen-address="+promAddr)
	prom.Stdout, prom.Stderr = &promLog, &promLog
	if err := prom.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { prom.Process.Kill(); prom.Wait() })

	// query waits until prometheus returns n series for q (it scrapes and evaluates every second).
	query := func(q string, n int) map[string]float64 {
		var series map[string]float64
		wait.For(t, 60*time.Second, func() error {
			got, err := promQuery("http://"+promAddr, q)
			if err == nil && len(got) != n {
				err = fmt.Errorf("%d series, want %d", len(got), n)
			}
			if err != nil {
				return fmt.Errorf("prometheus query %s: %v\n%s", q, err, promLog.String())
			}
			series = got
			return nil
		})
		return series
	}
	// The gauges' period label matches /api/outlets' period: "year" its default, "all" period=all.
	for _, p := range []struct{ label, query string }{{"year", ""}, {"all", "?period=all"}} {
		var api outletsResponse
		if err := getJSON(base+"/api/outlets"+p.query, &api); err != nil {
			t.Fatal(err)
		}
		q := fmt.Sprintf(`genderlens_outlet_articles{period=%q}`, p.label)
		got := query(q, len(api.Outlets))
		for _, o := range api.Outlets {
			if got[o.ID] != float64(o.Articles) {
				t.Errorf("PromQL %s{outlet=%q} = %v, API says %d", q, o.ID, got[o.ID], o.Articles)
			}
		}
	}
	// The recording rule over the per-outlet statuses must give the district rate the API reports.
	if v := query("genderlens:district_pilot_or_better:ratio", 1)[""]; v != district.PilotRate {
		t.Errorf("PromQL district pilot ratio = %v, API pilot_rate = %v", v, district.PilotRate)
	}
	t.Logf("district pilot rate %v (API and PromQL agree)", district.PilotRate)

	// Every query of the Grafana dashboard runs, and those on genderlens' own figures return series.
	for _, expr := range dashboardExprs(t, "../../ops/grafana/dashboards/genderlens.json") {
		got, err := promQuery("http://"+promAddr, expr)
		if err != nil {
			t.Errorf("dashboard query %s: %v", expr, err)
			continue
		}
		if strings.Contains(expr, "genderlens_outlet_") && len(got) == 0 {
			t.Errorf("dashboard query %s returns nothing", expr)
		}
	}
}

// dashboardExprs are the PromQL expressions of a Grafana dashboard's panels.
func dashboardExprs(t *testing.T, path string) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Panels []struct {
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var exprs []string
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			exprs = append(exprs, tg.Expr)
		}
	}
	if len(exprs) == 0 {
		t.Fatalf("%s: no queries", path)
	}
	return exprs
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// promQuery runs an instant query and returns the values by outlet label.
func promQuery(base, q string) (map[string]float64, error) {
	resp, err := http.Get(base + "/api/v1/query?query=" + url.QueryEscape(q))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var body struct {
		Status string `json:"status"`
		Data   struct {
			Result []struct {
				Metric map[string]string `json:"metric"`
				Value  [2]any            `json:"value"`
			} `json:"result"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, err
	}
	if body.Status != "success" {
		return nil, fmt.Errorf("query %s: status %s", q, body.Status)
	}
	out := map[string]float64{}
	for _, r := range body.Data.Result {
		s, _ := r.Value[1].(string)
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, err
		}
		out[r.Metric["outlet"]] = v
	}
	return out, nil
}

// waitCrawled waits until the API lists every demo article and every outlet's crawl has finished.
func waitCrawled(t *testing.T, base string, want map[string]int, rc *runningCommand) {
	t.Helper()
	wait.For(t, 90*time.Second, func() error {
		var got outletsResponse
		err := getJSON(base+"/api/outlets?period=all", &got)
		done := err == nil && len(got.Outlets) == len(want)
		for _, o := range got.Outlets {
			done = done && o.Articles == want[o.ID]
		}
		if done {
			resp, err := http.Get(base + "/metrics")
			if err == nil {
				m, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if strings.Count(string(m), "genderlens_crawler_last_success_timestamp_seconds{") == len(want) {
					return nil
				}
			}
		}
		return fmt.Errorf("demo outlets not crawled yet; log:\n%s", rc.stderr.String())
	})
}
