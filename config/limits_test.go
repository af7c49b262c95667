package config

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestFaultConfigServerLimits: the server section's defaults, and each wrong value named by its field and line.
func TestFaultConfigServerLimits(t *testing.T) {
	want := Server{ReadHeaderTimeout: Duration(10 * time.Second), ReadTimeout: Duration(time.Minute),
		WriteTimeout: Duration(2 * time.Minute), IdleTimeout: Duration(time.Minute), MaxConnections: 500,
		CheckConcurrency: 4, CheckQueue: Duration(2 * time.Second)}
	if got := Default().Server; got != want {
		t.Errorf("server defaults = %+v, want %+v", got, want)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"server:\n  read_header_timeout: 0s\n", "x.yaml:2: server.read_header_timeout: must be positive, got 0s"},
		{"server:\n  read_timeout: -1s\n", "x.yaml:2: server.read_timeout: must be positive, got -1s"},
		{"server:\n  write_timeout: 0s\n", "x.yaml:2: server.write_timeout: must be positive, got 0s"},
		{"server:\n  idle_timeout: 0s\n", "x.yaml:2: server.idle_timeout: must be positive, got 0s"},
		{"server:\n  check_queue: 0s\n", "x.yaml:2: server.check_queue: must be positive, got 0s"},
		{"server:\n  read_header_timeout: 2m\n", "x.yaml:2: server.read_header_timeout: must not exceed server.read_timeout (1m), got 2m"},
		{"server:\n  max_connections: 0\n", "x.yaml:2: server.max_connections: must be from 1 to 100000, got 0"},
		{"server:\n  check_concurrency: 0\n", "x.yaml:2: server.check_concurrency: must be from 1 to server.max_connections (500), got 0"},
		{"server:\n  max_connections: 2\n  check_concurrency: 3\n", "x.yaml:3: server.check_concurrency: must be from 1 to server.max_connections (2), got 3"},
	} {
		_, err := Parse([]byte(tc.yaml), "x.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// outletsFile writes a plain configuration of n outlets.
func outletsFile(n int) string {
	var b strings.Builder
	b.WriteString("outlets:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: o%d, name: Outlet %d, kind: newspaper, start_urls: [\"https://o%d.example.org/\"]}\n", i, i, i)
	}
	return b.String()
}

// TestFaultConfigSizeAndAliases: a plain 50,000-outlet file loads; a file over MaxFileBytes is refused before it is
// read; a billion-laughs file is refused before it expands.
func TestFaultConfigSizeAndAliases(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	plain := outletsFile(50000)
	if err := os.WriteFile(big, []byte(plain), 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c, err := Load(big)
	if err != nil {
		t.Fatalf("a plain file of 50,000 outlets (%d KB): %v", len(plain)>>10, err)
	}
	if len(c.Outlets) != 50000 {
		t.Errorf("%d outlets loaded, want 50000", len(c.Outlets))
	}
	t.Logf("50,000 outlets (%d KB) loaded in %s", len(plain)>>10, time.Since(start))

	huge := filepath.Join(dir, "huge.yaml")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: a 200 MB file that takes no disk; reading it would take the memory.
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Bytes allocated, not wall time, tell whether the file was read: a
	// timed limit failed on a loaded machine.
	alloc := allocatedBy(func() {
		if _, err := Load(huge); err == nil || !strings.Contains(err.Error(), "larger than 10 MB") {
			t.Errorf("a 200 MB file: got %v, want refused as too large", err)
		}
	})
	if alloc > 16<<20 {
		t.Errorf("refusing a 200 MB file allocated %d MB: it was read", alloc>>20)
	}

	// Billion laughs: a 1,000-URL outlet aliased 200,000 times, 200 million values from a 1.4 MB file.
	bomb := "outlets:\n"
	bomb += "  - &o {id: a, name: A, kind: newspaper, start_urls: &u [" + strings.Repeat("\"https://a.example.org/\", ", 999) + "\"https://a.example.org/\"]}\n"
	bomb += strings.Repeat("  - *o\n", 200000)
	alloc = allocatedBy(func() {
		_, err = Parse([]byte(bomb), "bomb.yaml")
	})
	if err == nil || !strings.Contains(err.Error(), "too many values") {
		t.Errorf("alias bomb (%d KB expanding to 200 million values): got %.200v", len(bomb)>>10, err)
	}
	// Expanded, 200 million values would take gigabytes.
	if alloc > 1<<30 {
		t.Errorf("refusing the alias bomb allocated %d MB: it was expanded", alloc>>20)
	}
	t.Logf("alias bomb of %d KB refused after allocating %d MB", len(bomb)>>10, alloc>>20)
}

// allocatedBy returns the bytes f allocates on the heap.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
