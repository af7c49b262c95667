package config

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// A Problem is one mistake in a configuration, located as precisely as is known.
type Problem struct {
	// File is the configuration file's name as given to Parse or Load; empty for Validate, whose values may come from
	// flags rather than from a file.
	File string
	// Line is the 1-based line in File, or 0 when the field is not written in the file.
	Line int
	// Field is the path of the field, such as "outlets[1].kind" (0-based indexes); empty for the whole document.
	Field string
	// Err says what is wrong.
	Err error
}

// Error formats the problem as "file:line: field: message", leaving out the parts that are not known.
func (p *Problem) Error() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			b.WriteString(":")
			b.WriteString(strconv.Itoa(p.Line))
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }

// Problems are all the mistakes found in one configuration, one per line of Error, sorted by line.
type Problems []*Problem

// Error lists every problem, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.Is and errors.As see every problem.
func (ps Problems) Unwrap() []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		errs[i] = p
	}
	return errs
}

// sort orders problems by line; problems without a line come last, and ties keep the order in which they were found
// (the order of the fields in the file).
func (ps Problems) sort() {
	slices.SortStableFunc(ps, func(a, b *Problem) int {
		if (a.Line == 0) != (b.Line == 0) {
			if a.Line == 0 {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.Line, b.Line)
	})
}

// err returns ps as an error, or nil when there is no problem (avoiding a non-nil interface holding a nil slice).
func (ps Problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.sort()
	return ps
}
