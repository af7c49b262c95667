package main

import (
	"log"
	"log/slog"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// logLineRE is the one log format: slog's text handler.
var logLineRE = regexp.MustCompile(`^time=\S+ level=(DEBUG|INFO|WARN|ERROR) msg=`)

// checkLogLines fails on any line of logs not in the one format.
func checkLogLines(t *testing.T, logs string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		if !logLineRE.MatchString(line) {
			t.Errorf("log line in another format: %q", line)
		}
	}
}

// TestOneLogFormat runs the real main as `serve` and checks that every line it logs, including those of the indexer
// (which logs through slog's default logger), has the format of the command's own lines.
func TestOneLogFormat(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	addr := freeAddr(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.Env = append(os.Environ(), "GENDERLENS_RUN_MAIN=1",
		"GENDERLENS_ARGS=serve --config "+configPath+" --data "+dataDir+" --listen "+addr+" --no-crawl --log-level debug")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	// The fixture's articles carry an old rules version: the indexer re-scores them and says so when done.
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(logs.String(), "rescore finished") {
		if time.Now().After(deadline) {
			t.Fatalf("no rescore logged in 60s:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve exited with %v:\n%s", err, logs.String())
	}
	checkLogLines(t, logs.String())
	if !strings.Contains(logs.String(), `level=INFO msg="rescore finished"`) || !strings.Contains(logs.String(), "index closed") {
		t.Errorf("the indexer's or the command's lines are missing:\n%s", logs.String())
	}
}

// TestUseLoggerRoutesLogPackage checks that a library printing with the log package writes in the same format too.
// It changes the process's default loggers, so it restores them.
func TestUseLoggerRoutesLogPackage(t *testing.T) {
	prev, flags := slog.Default(), log.Flags()
	t.Cleanup(func() {
		slog.SetDefault(prev)
		log.SetOutput(os.Stderr)
		log.SetFlags(flags)
	})
	var buf syncBuffer
	useLogger(slog.New(slog.NewTextHandler(&buf, nil)))
	log.Printf("from the log package")
	slog.Info("from slog's default")
	checkLogLines(t, buf.String())
	for _, want := range []string{`level=INFO msg="from the log package"`, `level=INFO msg="from slog's default"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, buf.String())
		}
	}
}
