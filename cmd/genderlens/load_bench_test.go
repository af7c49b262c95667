package main

import (
	"runtime"
	"testing"

	"genderlens/internal/preload"
)

// BenchmarkLoadScorer times compiling the embedded rules (what loadScorer
// does after its first call, which takes the scorer compiled at start-up): the bulk of
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
		if _, err := preload.Compile(); err != nil {
			b.Fatal(err)
		}
	}
}
