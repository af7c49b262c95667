//go:build !race

package server

// raceEnabled is true under -race, where the scorer runs about ten times slower.
const raceEnabled = false
