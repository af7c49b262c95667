package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"genderlens/scorer"
)

// BenchmarkCheckCommand times `genderlens check` on the 2,603 Dân Trí corpus articles written as .txt files, as one
// command, against the library checking the same texts in this process on one goroutine (the baseline, run first),
// and the command's start-up on one small file. It reports:
//
//	cmd-x-lib    the command's wall time over the library's (all cores, the default)
//	cmd1-x-lib   the same with GOMAXPROCS=1: the command's own overhead on one core
//	startup-ms   the median wall time of `check` on a one-line file
//
// Run it with: go test -run '^$' -bench CheckCommand -benchtime 1x ./cmd/genderlens/
func BenchmarkCheckCommand(b *testing.B) {
	corpus := filepath.Join("..", "..", "..", "shared", "corpus", "dantri-2019-2021.jsonl")
	f, err := os.Open(corpus)
	if err != nil {
		b.Skipf("corpus not available (%v)", err)
	}
	dir := b.TempDir()
	var files []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		name := filepath.Join(dir, fmt.Sprintf("%04d.txt", len(files)))
		if err := os.WriteFile(name, []byte(a.Title+"\n\n"+a.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, name)
	}
	f.Close()
	bin := filepath.Join(b.TempDir(), "genderlens")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	small := filepath.Join(dir, "small.txt")
	if err := os.WriteFile(small, []byte("Bà Lan cho biết giá rau tăng."), 0o644); err != nil {
		b.Fatal(err)
	}
	lib, err := loadScorer("")
	if err != nil {
		b.Fatal(err)
	}
	run := func(env []string, args ...string) time.Duration {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), env...)
		cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("%v: %v", args, err)
		}
		return time.Since(start)
	}
	args := append([]string{"check", "--fail-on", "none"}, files...)
	b.ResetTimer()
	var libT, cmdT, cmd1T, startT time.Duration
	for b.Loop() {
		start := time.Now()
		for _, name := range files {
			raw, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			lib.Check(scorer.Document{Text: string(raw), Lang: "vi"})
		}
		libT += time.Since(start)
		cmdT += run(nil, args...)
		cmd1T += run([]string{"GOMAXPROCS=1"}, args...)
		var times []time.Duration
		for range 7 {
			times = append(times, run(nil, "check", "--fail-on", "none", small))
		}
		startT += median(times)
	}
	n := float64(b.N)
	b.ReportMetric(libT.Seconds()/n, "lib-s")
	b.ReportMetric(cmdT.Seconds()/n, "cmd-s")
	b.ReportMetric(float64(cmdT)/float64(libT), "cmd-x-lib")
	b.ReportMetric(float64(cmd1T)/float64(libT), "cmd1-x-lib")
	b.ReportMetric(float64(startT.Milliseconds())/n, "startup-ms")
}

func median(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)/2]
}
