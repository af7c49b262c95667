// Package wait lets a test wait for a condition instead of sleeping for a guessed time: the test goes on as soon as
// the condition holds, and fails with the reason when it never does.
package wait

import (
	"testing"
	"time"
)

// For calls cond until it returns nil: at once, then at intervals growing from 5 ms to a quarter of a second. When
// timeout passes first, it fails the test with cond's last error, which should say what is still missing. Call it
// from the test's goroutine.
func For(tb testing.TB, timeout time.Duration, cond func() error) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	interval := 5 * time.Millisecond
	for {
		err := cond()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("gave up waiting after %v: %v", timeout, err)
		}
		time.Sleep(interval)
		interval = min(2*interval, 250*time.Millisecond)
	}
}
