//go:build race

package config

// raceEnabled is true under -race, where parsing runs about ten times slower.
const raceEnabled = true
