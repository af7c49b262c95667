package main

import "testing"

// BenchmarkLoadScorer times loadScorer on the embedded rules: the bulk of
// `genderlens check`'s start-up (issue 10: under 100 ms for one small file).
// Compare with -cpu 1 as well: start-up has two cores, but a loaded machine may
// give it one.
func BenchmarkLoadScorer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadScorer(""); err != nil {
			b.Fatal(err)
		}
	}
}
