package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"genderlens/internal/golden"
	"genderlens/internal/legacyenc"

	"golang.org/x/text/encoding/charmap"
)

// probeSite serves the pages of testdata/probe (written for the project) on loopback, the portal page in
// windows-1258, and records the paths asked for.
func probeSite(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", "probe", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	article, listing := read("article.html"), read("listing.html")
	portal, err := charmap.Windows1258.NewEncoder().Bytes([]byte(legacyenc.Windows1258Form(string(read("portal.utf8.html")))))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.RequestURI())
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case "/thoi-su/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(article)
		case "/thoi-su/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(listing)
		case "/news.aspx":
			w.Header().Set("Content-Type", "text/html")
			w.Write(portal)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), paths...)
	}
}

func probeConfig(t *testing.T, site string) string {
	t.Helper()
	cfg := fmt.Sprintf(`crawler:
  user_agent: "genderlens-test/1.0 (+https://example.org/genderlens)"
  delay: 0s
outlets:
  - id: phuong-thu
    name: Phường Thử
    kind: ward_portal
    start_urls: [%q]
    article_pattern: 'news\.aspx\?id=\d+$'
    selectors:
      title: .tieu-de
      body: .noi-dung
      date: .ngay
`, site+"/")
	p := filepath.Join(t.TempDir(), "genderlens.yaml")
	if err := os.WriteFile(p, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProbe(t *testing.T) {
	srv, paths := probeSite(t)
	cfg := probeConfig(t, srv.URL)
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"probe_article", []string{"probe", "--config", cfg, srv.URL + "/thoi-su/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm"}, 0},
		{"probe_article_en", []string{"probe", "--config", cfg, "--lang", "en", srv.URL + "/thoi-su/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm"}, 0},
		{"probe_listing", []string{"probe", "--config", cfg, srv.URL + "/thoi-su/"}, 0},
		// Without the outlet, the portal's ?id= page is not found to be an article; with it, its settings decide.
		{"probe_portal", []string{"probe", "--config", cfg, srv.URL + "/news.aspx?id=1002"}, 0},
		{"probe_portal_outlet", []string{"probe", "--config", cfg, "--outlet", "phuong-thu", srv.URL + "/news.aspx?id=1002"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCapture(t, "", tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errOut)
			}
			golden.Assert(t, filepath.Join("testdata", tt.name+".golden"), []byte(strings.ReplaceAll(out, srv.URL, "http://SITE")))
		})
	}
	for _, p := range paths() {
		if p != "/robots.txt" && !strings.HasPrefix(p, "/thoi-su/nu-ky-su") && p != "/thoi-su/" && p != "/news.aspx?id=1002" {
			t.Errorf("probe asked for %s, which it was not given", p)
		}
	}
}

func TestProbeErrors(t *testing.T) {
	srv, _ := probeSite(t)
	cfg := probeConfig(t, srv.URL)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"robots", []string{"probe", "--config", cfg, srv.URL + "/private/noi-bo-20260104.htm"}, 1, "robots.txt disallows the page"},
		{"not found", []string{"probe", "--config", cfg, srv.URL + "/khong-co.htm"}, 1, "status 404"},
		{"unknown outlet", []string{"probe", "--config", cfg, "--outlet", "khong-co", srv.URL + "/thoi-su/"}, 2, `no outlet "khong-co"`},
		{"no url", []string{"probe", "--config", cfg}, 2, "name one page URL"},
		{"bad format", []string{"probe", "--config", cfg, "--format", "xml", srv.URL + "/thoi-su/"}, 2, "--format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCapture(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || out != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit %d and %q", code, errOut, out, tt.code, tt.want)
			}
		})
	}
}

// TestProbeJSON checks the shape tools rely on: the keys of the result, of a reading and of the links.
func TestProbeJSON(t *testing.T) {
	srv, _ := probeSite(t)
	cfg := probeConfig(t, srv.URL)
	code, out, errOut := runCapture(t, "", "probe", "--config", cfg, "--outlet", "phuong-thu", "--format", "json", srv.URL+"/news.aspx?id=1002")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	keys := func(m any, want ...string) {
		t.Helper()
		obj, ok := m.(map[string]any)
		if !ok {
			t.Fatalf("%v is not an object", m)
		}
		for _, k := range want {
			if _, ok := obj[k]; !ok {
				t.Errorf("key %q missing in %v", k, obj)
			}
		}
	}
	keys(res, "url", "final_url", "outlet", "status", "content_type", "charset", "bytes", "extraction", "automatic", "links")
	for _, r := range []string{"extraction", "automatic"} {
		keys(res[r], "is_article", "signals", "title", "published", "author", "section", "lead", "body", "captions", "sources")
		keys(res[r].(map[string]any)["signals"], "pattern_match", "url_shape", "json_ld", "text_chars", "min_article_chars")
	}
	keys(res["links"], "articles", "listings", "off_site", "skipped", "robots_blocked")
	ex := res["extraction"].(map[string]any)
	if ex["is_article"] != true || ex["sources"].(map[string]any)["body"] != "selectors" || res["charset"] != "windows-1258" {
		t.Errorf("extraction %v, charset %v", ex, res["charset"])
	}
	if auto := res["automatic"].(map[string]any); auto["sources"].(map[string]any)["body"] == "selectors" {
		t.Errorf("automatic reading used the selectors: %v", auto)
	}
}
