package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"genderlens/internal/wait"
)

// TestMain lets the test binary act as the genderlens binary, so the signal test drives the real main().
func TestMain(m *testing.M) {
	if os.Getenv("GENDERLENS_RUN_MAIN") == "1" {
		os.Args = append([]string{"genderlens"}, strings.Fields(os.Getenv("GENDERLENS_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

func TestSIGTERMClosesIndexAndRestartReopens(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the SIGTERM test (it runs the binary twice as a process over a full demo crawl)")
	}
	cfgPath, _, want := demoConfig(t, context.Background())
	total := 0
	for _, n := range want {
		total += n
	}
	addr := freeAddr(t)
	startServe := func(extra string) (*exec.Cmd, *syncBuffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		var logs syncBuffer
		cmd.Stdout, cmd.Stderr = &logs, &logs
		cmd.Env = append(os.Environ(), "GENDERLENS_RUN_MAIN=1",
			"GENDERLENS_ARGS=serve --config "+cfgPath+" --listen "+addr+" "+extra)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd, &logs
	}
	waitArticles := func(logs *syncBuffer, n int) {
		wait.For(t, 90*time.Second, func() error {
			var health struct {
				Articles int `json:"articles"`
			}
			if err := getJSON("http://"+addr+"/healthz", &health); err == nil && health.Articles == n {
				return nil
			}
			return fmt.Errorf("%d articles not reached yet; log:\n%s", n, logs.String())
		})
	}

	cmd, logs := startServe("")
	waitArticles(logs, total)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve exited with %v after SIGTERM; log:\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not exit within 30s of SIGTERM; log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "index closed") {
		t.Errorf("no clean close after SIGTERM; log:\n%s", logs.String())
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("server still answers after exit")
	}

	_, logs2 := startServe("--no-crawl")
	waitArticles(logs2, total)
}
