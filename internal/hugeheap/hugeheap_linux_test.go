package hugeheap

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// anonHugeKB is the process's anonymous memory in huge pages, in kB.
func anonHugeKB(t *testing.T) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps_rollup")
	if err != nil {
		t.Skipf("no smaps_rollup: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "AnonHugePages:"); ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			if err != nil {
				t.Fatalf("smaps_rollup: %q: %v", sc.Text(), err)
			}
			return kb
		}
	}
	t.Skip("smaps_rollup has no AnonHugePages")
	return 0
}

// TestReserveBacksBurstWithHugePages runs a fresh process (this test binary)
// that allocates 16 MB of small objects with the collector off, as rule
// loading does, once after Reserve and once without, and expects the first to
// have at least 8 MB more in huge pages: in madvise mode Go's heap gets none
// unless asked. A fresh process each time, because a heap that has grown once
// keeps its pages.
func TestReserveBacksBurstWithHugePages(t *testing.T) {
	if os.Getenv("HUGEHEAP_BURST") != "" {
		return // the child's part is TestBurst
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("transparent huge pages not available (%q, %v)", mode, err)
	}
	burst := func(reserve string) int {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBurst$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "HUGEHEAP_BURST="+reserve)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("burst child: %v\n%s", err, out)
		}
		_, rest, ok := strings.Cut(string(out), "huge kB after burst: ")
		if !ok {
			t.Fatalf("burst child said no figure:\n%s", out)
		}
		kb, err := strconv.Atoi(strings.Fields(rest)[0])
		if err != nil {
			t.Fatalf("burst child: %v\n%s", err, out)
		}
		return kb
	}
	with, without := burst("reserve"), burst("none")
	t.Logf("AnonHugePages after a 16 MB burst: %d kB with Reserve, %d kB without", with, without)
	if with-without < 8<<10 {
		t.Errorf("Reserve gave %d kB of huge pages more than none (%d vs %d): want at least 8 MB", with-without, with, without)
	}
}

// TestBurst is the child of TestReserveBacksBurstWithHugePages.
func TestBurst(t *testing.T) {
	mode := os.Getenv("HUGEHEAP_BURST")
	if mode == "" {
		t.Skip("run by TestReserveBacksBurstWithHugePages")
	}
	if mode == "reserve" {
		Reserve(32 << 20)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var keep [][]byte
	for range 16 << 10 { // 16 MB in 1 KB objects
		b := make([]byte, 1<<10)
		b[0] = 1
		keep = append(keep, b)
	}
	fmt.Printf("huge kB after burst: %d (%d objects)\n", anonHugeKB(t), len(keep))
}

// TestReserveSmall does nothing for less than two huge pages: there is no
// whole page to advise.
func TestReserveSmall(t *testing.T) {
	Reserve(hugePage) // must not panic or allocate a span for nothing
}
