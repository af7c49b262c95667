package main

import (
	"errors"
	"flag"
	"fmt"
)

// usageError marks a bad command line or unreadable input: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errFindings is returned by check when a finding reaches --fail-on: exit status 1, nothing more to print.
var errFindings = errors.New("findings at or above --fail-on")

func exitStatus(env *environment, name string, err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errFindings):
		return 1
	}
	fmt.Fprintf(env.stderr, "genderlens %s: %v\n", name, err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}
