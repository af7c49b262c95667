// Package indextest opens real article stores for tests outside package indexer: a bleve index on disk, closed when
// the test ends.
package indextest

import (
	"testing"
	"time"

	"genderlens/indexer"
)

// Open opens an empty store in a fresh temporary directory. See OpenDir.
func Open(tb testing.TB) *indexer.Index {
	tb.Helper()
	return OpenDir(tb, tb.TempDir())
}

// OpenDir opens the store in dir, for a test that hands the directory to a command afterwards. The writer waits 1 ms
// for more documents instead of the default 20 ms, so a test's single Puts return promptly. The store is closed when
// the test ends; a test may close it earlier (closing again does nothing).
func OpenDir(tb testing.TB, dir string) *indexer.Index {
	tb.Helper()
	ix, err := indexer.Open(dir, indexer.Options{BatchWait: time.Millisecond})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := ix.Close(); err != nil {
			tb.Errorf("close index: %v", err)
		}
	})
	return ix
}
