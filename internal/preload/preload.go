// Package preload compiles the embedded rule set while the program
// starts: imported by a command whose start-up time matters (genderlens
// check), it begins as soon as the scorer's packages are initialised,
// on a goroutine of its own, while the rest of the program's dependencies
// (the index, the crawler, the web server, some 15 ms of initialisation)
// initialise theirs, so that the scorer is ready, or nearly, when main asks
// for it. A program that never asks has spent that work on another core.
package preload

import (
	"runtime/debug"
	"sync/atomic"

	"genderlens/rules"
	"genderlens/scorer"
)

var (
	ready  = make(chan struct{})
	taken  atomic.Bool
	loaded *scorer.Scorer
	err    error
)

func init() {
	go func() {
		defer close(ready)
		loaded, err = Compile()
	}()
}

// Compile compiles the embedded rule set into a scorer. Compiling builds
// some 35 MB that stays and more that does not, from a near-empty heap: at
// the default GOGC the collector ran five or six times over it. It does
// not run while compiling, and then as before.
func Compile() (*scorer.Scorer, error) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	set, err := rules.Embedded()
	if err != nil {
		return nil, err
	}
	return scorer.New(set)
}

// Take returns the scorer compiled at start-up, waiting for it, to its
// first caller; later callers get ok false and compile their own (a Scorer
// is safe for concurrent use, but a caller may own what it is given).
func Take() (s *scorer.Scorer, ok bool, e error) {
	if taken.Swap(true) {
		return nil, false, nil
	}
	<-ready
	s, e = loaded, err
	loaded = nil
	return s, true, e
}
