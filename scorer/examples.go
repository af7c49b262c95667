package scorer

import (
	"fmt"
	"strings"

	"genderlens/rules"
	"genderlens/vntext"
)

// ExampleFailure is a rule or lexicon example that did not behave as
// declared, with what happened instead.
type ExampleFailure struct {
	Rule      string // the rule id, or "people" for a lexicon example
	Example   string
	WantMatch bool
	File      string
	Line      int
	Problem   string
}

// TestExamples checks every example of every rule and lexicon. Texts under
// examples.match must make the rule fire and flag exactly the text given as
// flag; texts under examples.nomatch must not make it fire; the people
// examples must find each person listed, with the gender, quoted flag and
// role given, and no person with a name listed as absent. It backs
// `genderlens rules test`.
func (s *Scorer) TestExamples() []ExampleFailure {
	var out []ExampleFailure
	for _, r := range s.rules {
		for _, ex := range r.Examples.Match {
			res := s.Check(Document{Text: ex.Text, Section: ex.Section})
			fail := func(problem string) {
				out = append(out, ExampleFailure{Rule: r.ID, Example: ex.Text, WantMatch: true, File: r.File, Line: ex.Line,
					Problem: problem})
			}
			switch {
			case !res.fired[r.ID]:
				fail("the rule does not fire")
			case ex.Flag != "" && !flags(res, r.ID, ex.Flag):
				fail(fmt.Sprintf("the rule does not flag %q (it flags %s)", ex.Flag, flagged(res, r.ID)))
			}
		}
		for _, ex := range r.Examples.NoMatch {
			res := s.Check(Document{Text: ex.Text, Section: ex.Section})
			if res.fired[r.ID] {
				out = append(out, ExampleFailure{Rule: r.ID, Example: ex.Text, WantMatch: false, File: r.File, Line: ex.Line,
					Problem: fmt.Sprintf("the rule fires (it flags %s)", flagged(res, r.ID))})
			}
		}
	}
	for _, ex := range s.people.Examples {
		res := s.Check(Document{Text: ex.Text, Section: ex.Section})
		for _, problem := range peopleProblems(res, ex) {
			out = append(out, ExampleFailure{Rule: "people", Example: ex.Text, WantMatch: true, File: ex.File, Line: ex.Line,
				Problem: problem})
		}
	}
	return out
}

// flags reports whether a finding of rule id covers exactly text.
func flags(res *Result, id, text string) bool {
	for _, f := range res.Findings {
		if f.Rule == id && f.Text == text {
			return true
		}
	}
	return false
}

// flagged lists the texts rule id flags, for a failure message.
func flagged(res *Result, id string) string {
	var out []string
	for _, f := range res.Findings {
		if f.Rule == id && f.Text != "" {
			out = append(out, fmt.Sprintf("%q", f.Text))
		}
	}
	if len(out) == 0 {
		return "no span"
	}
	return strings.Join(out, ", ")
}

// peopleProblems compares the people found with a lexicon example.
func peopleProblems(res *Result, ex rules.PeopleExample) []string {
	var out []string
	find := func(name string) (Person, bool) {
		k := vntext.FoldString(name)
		for _, p := range res.People {
			if vntext.FoldString(p.Name) == k {
				return p, true
			}
		}
		return Person{}, false
	}
	for _, want := range ex.People {
		p, ok := find(want.Name)
		if !ok {
			var names []string
			for _, p := range res.People {
				names = append(names, fmt.Sprintf("%q", p.Name))
			}
			out = append(out, fmt.Sprintf("no person %q (found %s)", want.Name, strings.Join(names, ", ")))
			continue
		}
		if want.Gender != "" && p.Gender != want.Gender {
			out = append(out, fmt.Sprintf("%s: gender %s, want %s", want.Name, p.Gender, want.Gender))
		}
		if want.Quoted != nil && p.Quoted != *want.Quoted {
			out = append(out, fmt.Sprintf("%s: quoted %v, want %v", want.Name, p.Quoted, *want.Quoted))
		}
		if want.Role != "" && p.Role != want.Role {
			out = append(out, fmt.Sprintf("%s: role %s, want %s", want.Name, p.Role, want.Role))
		}
	}
	for _, name := range ex.Absent {
		if _, ok := find(name); ok {
			out = append(out, fmt.Sprintf("%q must not be a person", name))
		}
	}
	return out
}
