// Package scorertest gives tests outside package scorer the scorer of the embedded rule set. Compiling the rules takes
// a noticeable time, so it is built once per test binary and shared: a Scorer is safe for concurrent use and tests only
// read it.
package scorertest

import (
	"fmt"
	"sync"
	"testing"

	"genderlens/rules"
	"genderlens/scorer"
)

var embedded = sync.OnceValues(func() (*scorer.Scorer, error) {
	set, err := rules.Embedded()
	if err != nil {
		return nil, err
	}
	s, err := scorer.New(set)
	if err != nil {
		return nil, fmt.Errorf("compile embedded rules: %w", err)
	}
	return s, nil
})

// New returns the embedded rule set's scorer, shared by every test in the binary.
func New(tb testing.TB) *scorer.Scorer {
	tb.Helper()
	s, err := embedded()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
