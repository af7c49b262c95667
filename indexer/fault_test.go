package indexer

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// faultStore writes n articles of 2021 and n of 2022, each with a result of a few kilobytes, and closes the store.
func faultStore(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	ix, err := Open(dir, Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for i := range 2 * n {
		d := testDoc(i, "a")
		d.Published = time.Date(2021+i%2, 3, 10, 8, 0, 0, 0, time.UTC)
		d.Result = fmt.Appendf(nil, `{"score":%d,"pad":%q}`, i, strings.Repeat("x", 3000))
		docs = append(docs, d)
	}
	if err := ix.PutMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func year2021Doc() Document {
	d := testDoc(9999, "a")
	d.Published = time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC)
	return d
}

// TestFaultDamagedPartition: a partition that lost a file is reported, kept on disk, not served and not written
// to; the other years keep serving; Repair brings back what it can and makes the year writable again.
func TestFaultDamagedPartition(t *testing.T) {
	tests := []struct {
		name     string
		damage   func(t *testing.T, part string)
		restored bool // Repair brings the articles back
		fallback bool // bleve may instead open an older snapshot
	}{
		{"index_meta.json removed", func(t *testing.T, part string) {
			if err := os.Remove(filepath.Join(part, "index_meta.json")); err != nil {
				t.Fatal(err)
			}
		}, true, false},
		{"segment removed", func(t *testing.T, part string) {
			zaps, _ := filepath.Glob(filepath.Join(part, "store", "*.zap"))
			if len(zaps) == 0 {
				t.Fatal("no segment to remove")
			}
			for _, z := range zaps {
				if err := os.Remove(z); err != nil {
					t.Fatal(err)
				}
			}
		}, false, true},
		{"root.bolt garbage", func(t *testing.T, part string) {
			if err := os.WriteFile(filepath.Join(part, "store", "root.bolt"), []byte("not a bolt file"), 0o644); err != nil {
				t.Fatal(err)
			}
		}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			dir := faultStore(t, 20)
			part := filepath.Join(dir, "articles.bleve", "2021.bleve")
			tt.damage(t, part)
			ix, err := Open(dir, Options{BatchWait: time.Millisecond})
			if err != nil {
				t.Fatalf("one damaged year stopped the store: %v", err)
			}
			defer ix.Close()
			if got := ix.Count(); got < 20 || got == 40 {
				t.Errorf("Count = %d, want the 20 articles of 2022 and not all of 2021", got)
			}
			dmg := ix.Damaged()
			if len(dmg) == 0 && tt.fallback {
				// Bleve may open the newest snapshot whose segments are all there, an older one: the year is served
				// with fewer articles. check-store finds them through the crawl state (see cmd/genderlens).
				t.Logf("bleve fell back to an older snapshot: %d articles served", ix.Count())
				if err := ix.Put(ctx, year2021Doc()); err != nil {
					t.Fatalf("write to the year: %v", err)
				}
				return
			}
			if len(dmg) != 1 || dmg[0].Partition != "2021" || dmg[0].Path != part {
				t.Fatalf("Damaged = %+v, want 2021 at %s", dmg, part)
			}
			if _, err := os.Stat(part); err != nil {
				t.Fatalf("the damaged partition was removed at start-up: %v", err)
			}
			if got := ix.WriteStats().DamagedParts; got != 1 {
				t.Errorf("WriteStats().DamagedParts = %d, want 1", got)
			}
			if err := ix.Put(ctx, year2021Doc()); !errors.Is(err, ErrDamaged) {
				t.Fatalf("write to the damaged year: %v, want ErrDamaged", err)
			}
			if _, err := os.Stat(part); err != nil {
				t.Fatalf("a write removed the damaged partition: %v", err)
			}
			ok2022 := testDoc(8888, "a")
			ok2022.Published = time.Date(2022, 1, 5, 0, 0, 0, 0, time.UTC)
			if err := ix.Put(ctx, ok2022); err != nil {
				t.Fatalf("write to a healthy year: %v", err)
			}
			if c, err := ix.Check(ctx); err != nil || c.OK() {
				t.Fatalf("Check = %+v, %v: want the damage reported", c, err)
			}
			done, err := ix.Repair()
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("repair: %v", done)
			want := 21
			if tt.restored {
				want = 41
			} else if aside, _ := filepath.Glob(part + ".damaged-*"); len(aside) != 1 {
				t.Errorf("damaged partition not kept aside: %v", aside)
			}
			if got := ix.Count(); got != want {
				t.Errorf("after repair Count = %d, want %d", got, want)
			}
			if err := ix.Put(ctx, year2021Doc()); err != nil {
				t.Fatalf("write to the repaired year: %v", err)
			}
			if c, err := ix.Check(ctx); err != nil || !c.OK() {
				t.Fatalf("after repair Check = %+v, %v", c, err)
			}
		})
	}
}

// TestFaultDamagedResults: a results file with random bytes inside, truncated or deleted never panics, never
// stops the store and never loses a result silently.
func TestFaultDamagedResults(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{"random bytes inside", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			fi, _ := f.Stat()
			junk := make([]byte, 64<<10)
			r := rand.New(rand.NewPCG(1, 2))
			for i := range junk {
				junk[i] = byte(r.Uint32())
			}
			if _, err := f.WriteAt(junk, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
		{"truncated to 0", func(t *testing.T, path string) {
			if err := os.Truncate(path, 0); err != nil {
				t.Fatal(err)
			}
		}},
		{"deleted", func(t *testing.T, path string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			dir := faultStore(t, 100)
			tt.damage(t, filepath.Join(dir, "results.db"))
			ix, err := Open(dir, Options{BatchWait: time.Millisecond})
			if err != nil {
				t.Fatalf("a damaged results file stopped the store: %v", err)
			}
			defer ix.Close()
			if got := ix.Count(); got != 200 {
				t.Errorf("Count = %d, want 200", got)
			}
			for _, u := range ix.urls() {
				// Each read answers: the article with its result, or an error; never a panic.
				if d, ok, err := ix.Get(u); err == nil && (!ok || d.URL != u) {
					t.Fatalf("Get %s = %v, %v", u, ok, err)
				}
			}
			// A new article is stored, or refused with an error the crawler retries; never a panic.
			newDoc := testDoc(5000, "a")
			if err := ix.Put(ctx, newDoc); err != nil && !errors.Is(err, ErrDamaged) {
				t.Fatalf("Put after damage: %v", err)
			}
			c, err := ix.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if c.OK() {
				t.Fatalf("Check = %+v: the loss is not reported", c)
			}
			if _, err := ix.Repair(); err != nil {
				t.Fatal(err)
			}
			if err := ix.Put(ctx, newDoc); err != nil {
				t.Fatalf("Put after repair: %v", err)
			}
			c, err = ix.Check(ctx)
			if err != nil || len(c.Damaged) > 0 {
				t.Fatalf("after repair Check = %+v, %v", c, err)
			}
			// What is lost is listed, so that check-store re-queues it; every other article keeps its result.
			if c.Results+len(c.MissingResults) != 201 {
				t.Errorf("after repair: %d results + %d missing, want 201", c.Results, len(c.MissingResults))
			}
			t.Logf("%s: %d results kept, %d listed as missing", tt.name, c.Results, len(c.MissingResults))
		})
	}
}
