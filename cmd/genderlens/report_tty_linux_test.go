//go:build linux

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// openTerminal opens a new pseudo-terminal and returns its terminal side, which is what standard output is in an
// interactive shell.
func openTerminal(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlock pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Skipf("pseudo-terminal number: %v", err)
	}
	pts, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { pts.Close() })
	return pts
}

// TestReportRefusesTerminal checks that an xlsx report is not written to a terminal, where it would garble the
// screen: the command fails with a message asking for --out, and --out still works.
func TestReportRefusesTerminal(t *testing.T) {
	dataDir, configPath := reportFixture(t)
	tty := openTerminal(t)
	var errOut bytes.Buffer
	env := &environment{stdin: strings.NewReader(""), stdout: tty, stderr: &errOut}
	if code := run(context.Background(), env, []string{"report", "--config", configPath, "--data", dataDir, "--year", "2025"}); code != 2 {
		t.Errorf("xlsx to a terminal exited %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), "standard output is a terminal: write it with --out FILE") {
		t.Errorf("stderr %q does not ask for --out", errOut.String())
	}
	out := filepath.Join(t.TempDir(), "bao-cao.xlsx")
	errOut.Reset()
	if code := run(context.Background(), env, []string{"report", "--config", configPath, "--data", dataDir, "--year", "2025", "--out", out}); code != 0 {
		t.Fatalf("xlsx with --out from a terminal exited %d: %s", code, errOut.String())
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("--out %s: not an xlsx (zip) file: %v", out, err)
	}
}
