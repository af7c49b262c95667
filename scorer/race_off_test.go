//go:build !race

package scorer

// raceEnabled is true under -race, whose instrumentation makes timings depend on the heap's size.
const raceEnabled = false
