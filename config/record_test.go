package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestRecordedOutletsRoundTrip checks that the outlets a data directory records read back as they were written, for
// the embedded list, the example file's and loopback outlets with ports (the demo's).
func TestRecordedOutletsRoundTrip(t *testing.T) {
	example, err := Load(exampleFile)
	if err != nil {
		t.Fatal(err)
	}
	loopback := []Outlet{{ID: "baohotay", Name: "Báo Hồ Tây", Kind: "newspaper", StartURLs: []string{"http://127.0.0.1:41219/"},
		Feeds: []string{"http://127.0.0.1:41219/rss.xml"}, Sitemaps: []string{"http://127.0.0.1:41219/sitemap.xml"},
		AllowedHosts: []string{"127.0.0.1:41219"}}}
	for _, tt := range []struct {
		name    string
		outlets []Outlet
	}{
		{"embedded", Default().Outlets},
		{"example", example.Outlets},
		{"loopback", loopback},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "data") // not there yet: RecordOutlets creates it
			if err := RecordOutlets(dir, tt.outlets); err != nil {
				t.Fatal(err)
			}
			got, ok, err := RecordedOutlets(dir)
			if err != nil || !ok {
				t.Fatalf("RecordedOutlets = ok %v, err %v", ok, err)
			}
			if !reflect.DeepEqual(got, tt.outlets) {
				t.Errorf("read back %+v, want %+v", got, tt.outlets)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("data directory holds %d entries, want only %s (no temporary file left)", len(entries), OutletsFile)
			}
		})
	}
}

func TestRecordedOutletsMissingOrBroken(t *testing.T) {
	dir := t.TempDir()
	if got, ok, err := RecordedOutlets(dir); ok || err != nil || got != nil {
		t.Errorf("no record: got %v, ok %v, err %v; want nothing", got, ok, err)
	}
	if _, ok, err := RecordedOutlets(filepath.Join(dir, "nonexistent")); ok || err != nil {
		t.Errorf("no directory: ok %v, err %v; want neither", ok, err)
	}
	path := filepath.Join(dir, OutletsFile)
	if err := os.WriteFile(path, []byte("outlets:\n  - id: Bad Id\n    name: x\n    kind: newspaper\n    start_urls: [\"https://x.example/\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := RecordedOutlets(dir)
	if err == nil || !strings.Contains(err.Error(), path+":2") {
		t.Errorf("broken record: err %v, want one naming %s:2", err, path)
	}
}
