package indextest

import "testing"

// TestCloseEarly pins what OpenDir's doc promises: a test may close the store before the cleanup closes it again.
func TestCloseEarly(t *testing.T) {
	ix := Open(t)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
