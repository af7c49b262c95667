package indexer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fullDiskDirEnv tells the test binary, re-run as a subprocess, to write into a store whose files cannot grow.
const fullDiskDirEnv = "GENDERLENS_INDEXER_FULL_DISK_DIR"

func fullDiskDoc(i int) Document {
	d := testDoc(i, "a")
	d.Body = strings.Repeat(fmt.Sprintf("phụ nữ khởi nghiệp %d ", i), 3000) // about 80 KB: a segment over the limit
	return d
}

// TestFaultFullDiskProcess is the subprocess side of TestFaultFullDisk. A file size limit (RLIMIT_FSIZE, which
// fails writes with EFBIG as a full disk fails them with ENOSPC; Go ignores SIGXFSZ) stands in for a full disk,
// since a test cannot mount a small file system.
func TestFaultFullDiskProcess(t *testing.T) {
	dir := os.Getenv(fullDiskDirEnv)
	if dir == "" {
		t.Skip("subprocess of TestFaultFullDisk only")
	}
	ctx := context.Background()
	ix, err := Open(dir, Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := ix.Put(ctx, testDoc(i, "a")); err != nil {
			t.Fatal(err)
		}
	}
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	full := lim
	full.Cur = 64 << 10
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		t.Fatal(err)
	}
	var failed []int
	for i := 100; i < 120; i++ {
		// Every write after the first failure must fail cleanly or succeed: never panic.
		if err := ix.Put(ctx, fullDiskDoc(i)); err != nil {
			failed = append(failed, i)
			// The caller (the crawler) must see a full disk as one, to pause instead of dropping the article.
			if !errors.Is(err, syscall.EFBIG) {
				t.Errorf("write %d failed without EFBIG in its chain: %v", i, err)
			}
		}
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Fatal(err)
	}
	if len(failed) == 0 {
		t.Fatal("no write failed under the size limit: the test does not test anything")
	}
	fmt.Printf("failed %d of 20 writes while full\n", len(failed))
	// Space is back: the writes are retried, as the crawler retries them, and succeed.
	for _, i := range failed {
		if err := ix.Put(ctx, fullDiskDoc(i)); err != nil {
			t.Fatalf("retry of %d after space returned: %v", i, err)
		}
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestFaultFullDisk: after a write fails for lack of space, the next ones fail with an error instead of a panic
// inside bleve, and once space returns every retried write succeeds and nothing acknowledged is lost.
func TestFaultFullDisk(t *testing.T) {
	if os.Getenv(fullDiskDirEnv) != "" {
		t.Skip("already the subprocess")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestFaultFullDiskProcess$", "-test.v")
	cmd.Env = append(os.Environ(), fullDiskDirEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "failed ") {
		t.Fatalf("writer process: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "panic") {
		t.Fatalf("writer process panicked:\n%s", out)
	}
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "failed ") {
			t.Log(strings.TrimSpace(line))
		}
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := ix.Count(); got != 25 {
		t.Errorf("Count = %d, want 25 (5 before, 20 written or retried)", got)
	}
	for _, i := range []int{0, 4, 100, 119} {
		u := testDoc(i, "a").URL
		if d, ok, err := ix.Get(u); err != nil || !ok || len(d.Result) == 0 {
			t.Errorf("Get %s = %v, %v (result %d bytes)", u, ok, err, len(d.Result))
		}
	}
}
