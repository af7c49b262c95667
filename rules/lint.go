package rules

import (
	"fmt"
	"io/fs"
)

// Problem is one defect in a rule file.
type Problem struct {
	File    string
	Line    int
	Message string
}

// String formats the problem as "file:line: message".
func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message) }

// Lint returns every problem in every rule file of fsys: syntax, unknown
// keys, missing fields, unknown kinds, categories and topics, duplicate ids
// and rules without examples. Whether the examples hold is checked by the
// scorer (genderlens rules test), which owns the matching engine.
func Lint(fsys fs.FS) []Problem {
	_, problems := parse(fsys)
	return problems
}
