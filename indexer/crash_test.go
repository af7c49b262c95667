package indexer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// crashDirEnv tells the test binary, re-run as a subprocess, to act as the writer that gets killed.
const crashDirEnv = "GENDERLENS_INDEXER_CRASH_DIR"

// TestCrashWriterProcess is the subprocess side of TestCrashKill9: it writes forever from several goroutines and
// prints "ack URL" once Put has returned, until it is killed.
func TestCrashWriterProcess(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("subprocess of TestCrashKill9 only")
	}
	ix, err := Open(dir, Options{BatchSize: 64, BatchWait: 2 * time.Millisecond})
	if err != nil {
		fmt.Println("open error:", err)
		os.Exit(2)
	}
	out := bufio.NewWriter(os.Stdout)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				// 300 distinct URLs written again and again: re-writes must update, never duplicate.
				d := testDoc((w*7919+i)%300, fmt.Sprintf("o%d", w%3))
				d.Score = float64(i % 100)
				if err := ix.Put(context.Background(), d); err != nil {
					fmt.Println("put error:", err)
					os.Exit(2)
				}
				mu.Lock()
				fmt.Fprintf(out, "ack %s %d\n", d.URL, i)
				out.Flush()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

func TestCrashKill9(t *testing.T) {
	if os.Getenv(crashDirEnv) != "" {
		t.Skip("already the subprocess")
	}
	if testing.Short() {
		t.Skip("-short: skipping the kill -9 crash test (it kills a writer process twice)")
	}
	dir := t.TempDir()
	for round := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriterProcess$", "-test.v=false")
		cmd.Env = append(os.Environ(), crashDirEnv+"="+dir)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := map[string]bool{}
		sc := bufio.NewScanner(stdout)
		killAt := 400 + 300*round
		n := 0
		for sc.Scan() {
			line := sc.Text()
			if f := strings.Fields(line); len(f) == 3 && f[0] == "ack" {
				acked[f[1]] = true
				n++
				if n == killAt {
					if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
						t.Fatal(err)
					}
				}
			} else if strings.Contains(line, "error") {
				t.Fatalf("writer: %s", line)
			}
		}
		_ = cmd.Wait()
		if n < killAt {
			t.Fatalf("round %d: the writer stopped after %d acknowledgements, before being killed", round, n)
		}

		ix, err := Open(dir, Options{})
		if err != nil {
			t.Fatalf("round %d: reopen after kill -9: %v", round, err)
		}
		for url := range acked {
			if _, ok, err := ix.Get(url); err != nil || !ok {
				t.Errorf("round %d: acknowledged %s missing after kill -9 (err %v)", round, url, err)
			}
		}
		stored, err := ix.docCount()
		if err != nil {
			t.Fatal(err)
		}
		distinct := 0
		err = ix.Each(context.Background(), func(d Document) error { distinct++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if int(stored) != distinct || distinct != ix.Count() || distinct > 300 {
			t.Errorf("round %d: %d documents in bleve, %d by scan, %d in the table; want equal and at most 300",
				round, stored, distinct, ix.Count())
		}
		t.Logf("round %d: %d acknowledgements of %d URLs, %d stored", round, n, len(acked), distinct)
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
