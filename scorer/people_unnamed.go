package scorer

// Unnamed sources, continued (see unnamedSources in people_merge.go): the
// readings of a description's head that decide its gender.

// sourceAt returns the source description starting at token k, like
// d.cueAt(s, k, entrySource), except that "một" before a description of a
// woman or a man keeps that gender: "một người mẹ" is a mother, though
// "một người" alone is someone of unknown gender and is the longer match
// at "một".
func (s *Scorer) sourceAt(d *doc, k int) (entry, int, bool) {
	e, end, ok := d.cueAt(s, k, entrySource)
	if ok && e.gender != unknown || d.tokenText(k) != s.words.mot {
		return e, end, ok
	}
	if g, gend, gok := d.cueAt(s, k+1, entrySource); gok && gend >= end && (g.gender == female || g.gender == male) {
		return g, gend, true
	}
	return e, end, ok
}
