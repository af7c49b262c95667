package main

import (
	"runtime"
	"testing"
)

// BenchmarkLoadScorer times loadScorer on the embedded rules: the bulk of
// `genderlens check`'s start-up (issue 10: under 100 ms for one small file).
// Each load starts from a collected heap, as in a new process. Compare with
// -cpu 1 as well: start-up has two cores, but a loaded machine may give it
// one.
func BenchmarkLoadScorer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		b.StartTimer()
		if _, err := loadScorer(""); err != nil {
			b.Fatal(err)
		}
	}
}
