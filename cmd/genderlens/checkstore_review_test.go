package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/review"

	"go.yaml.in/yaml/v3"
)

// oneOutletConfig writes a configuration of one outlet, Báo A, with its data directory in a temporary directory.
func oneOutletConfig(t *testing.T) (*config.Config, string) {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = filepath.Join(t.TempDir(), "data")
	cfg.Outlets = []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper", StartURLs: []string{"https://a.example/"}}}
	raw, err := yaml.Marshal(cfg)
	must(t, err)
	path := filepath.Join(t.TempDir(), "genderlens.yaml")
	must(t, os.WriteFile(path, raw, 0o644))
	return cfg, path
}

// TestFaultCheckStoreCorrections: check-store counts the officers' corrections, says which wait for an article the
// store lacks, and reports a damaged line of their log by number (exit 1) without touching it.
func TestFaultCheckStoreCorrections(t *testing.T) {
	cfg, cfgPath := oneOutletConfig(t)
	idx, err := indexer.Open(cfg.DataDir, indexer.Options{})
	must(t, err)
	must(t, idx.Close())
	must(t, os.MkdirAll(filepath.Join(cfg.DataDir, "crawl"), 0o755))
	log := filepath.Join(cfg.DataDir, reviewFile)
	st, err := review.OpenStore(log)
	must(t, err)
	_, err = st.Record(review.Correction{URL: "https://a.example/gone", Outlet: "bao-a", Kind: review.KindReviewed,
		TextHash: "x", By: "officer", ByRole: review.ByOfficer})
	must(t, err)

	checkStore := func() (int, string) {
		var out, errOut syncBuffer
		env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
		code := run(context.Background(), env, []string{"check-store", "--config", cfgPath, "--log-level", "error"})
		return code, out.String() + errOut.String()
	}
	code, out := checkStore()
	if code != 0 || !strings.Contains(out, "1 corrections of 1 articles readable; 1 of those articles are not in the store") {
		t.Errorf("check-store exited %d:\n%s", code, out)
	}
	good, err := os.ReadFile(log)
	must(t, err)
	must(t, os.WriteFile(log, append([]byte("{not json\n"), good...), 0o644))
	code, out = checkStore()
	if code != 1 || !strings.Contains(out, "line 1") {
		t.Errorf("check-store on a damaged log exited %d:\n%s", code, out)
	}
	if after, _ := os.ReadFile(log); len(after) != len(good)+len("{not json\n") {
		t.Error("check-store changed the corrections log")
	}
}
