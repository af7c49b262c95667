package indexer

import (
	"errors"
	"strings"
	"syscall"
)

// noSpaceErrnos are the write failures that mean the disk has no room: a full disk, a full quota, the process's file
// size limit. Space can return without a restart, so callers (the crawler) pause and retry on them.
var noSpaceErrnos = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG}

// errnoError is an error whose text names an errno the library that returned it flattened into text.
type errnoError struct {
	err   error
	errno syscall.Errno
}

func (e *errnoError) Error() string   { return e.err.Error() }
func (e *errnoError) Unwrap() []error { return []error{e.err, e.errno} }

// keepNoSpace gives a write error back the errno of a full disk when the library lost it: bleve formats the file
// system's error into its own ("persist err: %v"), so errors.Is(err, syscall.ENOSPC) would otherwise fail, and the
// crawler could not tell a full disk (wait for space) from any other failure. The errno's text is the system's own
// (strerror), so the match is exact, not a guess at wording.
func keepNoSpace(err error) error {
	if err == nil {
		return nil
	}
	for _, e := range noSpaceErrnos {
		if errors.Is(err, e) {
			return err
		}
	}
	msg := err.Error()
	for _, e := range noSpaceErrnos {
		if strings.Contains(msg, ": "+e.Error()) {
			return &errnoError{err: err, errno: e}
		}
	}
	return err
}
