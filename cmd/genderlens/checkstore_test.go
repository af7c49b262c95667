package main

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"genderlens/config"
)

// TestFaultStoreLossRecoveredByCrawl: after any loss in the store (a partition's meta file, a whole partition, its
// segments, the results file damaged, truncated or deleted), check-store reports it, check-store --repair re-queues
// what is lost, and the next crawl brings back every article of the site.
func TestFaultStoreLossRecoveredByCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: crawls the demo site twice per kind of damage")
	}
	// The year of most demo articles: the partition damaged below.
	biggest := func(t *testing.T, data string) string {
		dirs, _ := filepath.Glob(filepath.Join(data, "articles.bleve", "2*.bleve"))
		if len(dirs) == 0 {
			t.Fatal("no yearly partition")
		}
		best, size := "", int64(-1)
		for _, d := range dirs {
			var n int64
			filepath.Walk(d, func(_ string, fi os.FileInfo, err error) error {
				if err == nil {
					n += fi.Size()
				}
				return nil
			})
			if n > size {
				best, size = d, n
			}
		}
		return best
	}
	tests := []struct {
		name   string
		damage func(t *testing.T, data string)
	}{
		{"partition index_meta.json removed", func(t *testing.T, data string) {
			must(t, os.Remove(filepath.Join(biggest(t, data), "index_meta.json")))
		}},
		{"partition removed", func(t *testing.T, data string) {
			must(t, os.RemoveAll(biggest(t, data)))
		}},
		{"partition segments removed", func(t *testing.T, data string) {
			zaps, _ := filepath.Glob(filepath.Join(biggest(t, data), "store", "*.zap"))
			for _, z := range zaps {
				must(t, os.Remove(z))
			}
		}},
		{"results.db random bytes", func(t *testing.T, data string) {
			path := filepath.Join(data, "results.db")
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			must(t, err)
			defer f.Close()
			fi, _ := f.Stat()
			junk := make([]byte, 64<<10)
			r := rand.New(rand.NewPCG(3, 4))
			for i := range junk {
				junk[i] = byte(r.Uint32())
			}
			_, err = f.WriteAt(junk, fi.Size()/3)
			must(t, err)
		}},
		{"results.db truncated", func(t *testing.T, data string) {
			must(t, os.Truncate(filepath.Join(data, "results.db"), 0))
		}},
		{"results.db deleted", func(t *testing.T, data string) {
			must(t, os.Remove(filepath.Join(data, "results.db")))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			cfgPath, _, want := demoConfig(t, ctx)
			cfg, err := config.Load(cfgPath)
			must(t, err)
			total := 0
			for _, n := range want {
				total += n
			}
			runOK := func(args ...string) string {
				t.Helper()
				var out, errOut syncBuffer
				env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
				if code := run(ctx, env, append(args, "--config", cfgPath)); code != 0 {
					t.Fatalf("genderlens %v exited %d:\n%s%s", args, code, out.String(), errOut.String())
				}
				return out.String()
			}
			runOK("crawl", "--once", "--log-level", "error")
			if out := runOK("check-store"); !strings.Contains(out, "the store is whole") {
				t.Fatalf("check-store before any damage:\n%s", out)
			}
			tt.damage(t, cfg.DataDir)

			var out, errOut syncBuffer
			env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
			if code := run(ctx, env, []string{"check-store", "--config", cfgPath, "--log-level", "error"}); code != 1 {
				t.Fatalf("check-store after damage exited %d, want 1:\n%s%s", code, out.String(), errOut.String())
			}
			t.Logf("check-store:\n%s", out.String())
			t.Logf("check-store --repair:\n%s", runOK("check-store", "--repair", "--log-level", "error"))
			runOK("crawl", "--once", "--log-level", "error")
			if out := runOK("check-store"); !strings.Contains(out, "the store is whole") {
				t.Fatalf("check-store after repair and crawl:\n%s", out)
			}
			got := strings.Count(runOK("export"), "\n")
			if got != total {
				t.Errorf("after repair and crawl: %d articles exported, the site has %d", got, total)
			}
		})
	}
}

// TestFaultLostPartitionRefetchedByNextCrawl: a partition deleted outright, with no check-store, is fetched again
// by the next crawl (the crawl state no longer marks its articles stored for good).
func TestFaultLostPartitionRefetchedByNextCrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: crawls the demo site twice")
	}
	ctx := context.Background()
	cfgPath, _, want := demoConfig(t, ctx)
	cfg, err := config.Load(cfgPath)
	must(t, err)
	total := 0
	for _, n := range want {
		total += n
	}
	var out, errOut syncBuffer
	env := &environment{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	crawl := func() {
		if code := run(ctx, env, []string{"crawl", "--once", "--config", cfgPath, "--log-level", "warn"}); code != 0 {
			t.Fatalf("crawl exited %d:\n%s", code, errOut.String())
		}
	}
	crawl()
	dirs, _ := filepath.Glob(filepath.Join(cfg.DataDir, "articles.bleve", "2*.bleve"))
	for _, d := range dirs {
		must(t, os.RemoveAll(d))
	}
	crawl()
	if !strings.Contains(errOut.String(), "re-queued for the next crawl") {
		t.Errorf("the loss is not logged:\n%s", errOut.String())
	}
	out = syncBuffer{}
	if code := run(ctx, env, []string{"export", "--config", cfgPath}); code != 0 {
		t.Fatalf("export exited %d:\n%s", code, errOut.String())
	}
	if got := strings.Count(out.String(), "\n"); got != total {
		t.Errorf("after losing every yearly partition and crawling again: %d articles, the site has %d", got, total)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
