//go:build race

package indexer_test

// raceEnabled is true under -race, where bleve and the scorer run about ten times slower.
const raceEnabled = true
