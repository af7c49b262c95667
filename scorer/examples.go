package scorer

// ExampleFailure is a rule example that did not behave as declared.
type ExampleFailure struct {
	Rule      string
	Example   string
	WantMatch bool
	File      string
	Line      int
}

// TestExamples checks every example of every rule: texts under
// examples.match must make the rule fire, texts under examples.nomatch must
// not. It backs `genderlens rules test`.
func (s *Scorer) TestExamples() []ExampleFailure {
	var out []ExampleFailure
	for _, r := range s.rules {
		for _, ex := range r.Examples.Match {
			res := s.Check(Document{Text: ex.Text, Section: ex.Section})
			if !res.fired[r.ID] {
				out = append(out, ExampleFailure{Rule: r.ID, Example: ex.Text, WantMatch: true, File: r.File, Line: ex.Line})
			}
		}
		for _, ex := range r.Examples.NoMatch {
			res := s.Check(Document{Text: ex.Text, Section: ex.Section})
			if res.fired[r.ID] {
				out = append(out, ExampleFailure{Rule: r.ID, Example: ex.Text, WantMatch: false, File: r.File, Line: ex.Line})
			}
		}
	}
	return out
}
