//go:build race

package indexer

// raceEnabled is true under -race, where analysis runs about ten times slower (see race_on_test.go).
const raceEnabled = true
