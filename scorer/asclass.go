package scorer

import (
	"strconv"
	"strings"

	"genderlens/rules"
	"genderlens/vntext"
)

// classTest is a rule's as_class, folded (rules.AsClass).
type classTest struct {
	sex      *wordSet
	before   phraseSet
	count    int
	notAfter *wordSet
}

// newClassTest folds c; nil for nil.
func newClassTest(c *rules.AsClass) *classTest {
	if c == nil {
		return nil
	}
	t := &classTest{sex: ownWordSet(c.Sex), count: c.Count, notAfter: ownWordSet(c.NotAfter)}
	if len(c.Before) > 0 {
		t.before = foldedPhraseSet(c.Before...)
	}
	return t
}

// asClass drops the matches whose role the article names as a class of
// people of the marked sex somewhere (rules.AsClass): the story is about
// them, so no mention of the role is a mark added in passing. The roles of
// the matches are few (the phrases of one rule in one article), and each is
// looked for once along the tokens.
func (s *Scorer) asClass(d *doc, r *rules.Rule, c *classTest, ms []match) []match {
	// The roles judged, each with its sex word (a class of men says nothing
	// of the role's women), and whether each is a class.
	type judged struct {
		role, sex string
		class     bool
	}
	var seen []judged
	out := ms[:0]
	for _, m := range ms {
		a, b := m.start, m.end
		var sex string
		switch {
		case b-a >= 2 && d.in(c.sex, a):
			sex = d.tokenText(a)
			a++
		case b-a >= 2 && d.in(c.sex, b-1):
			sex = d.tokenText(b - 1)
			b--
		default:
			out = append(out, m)
			continue
		}
		key := d.key.Text[d.toks[a].Start:d.toks[b-1].End]
		i := 0
		for i < len(seen) && (seen[i].role != key || seen[i].sex != sex) {
			i++
		}
		if i == len(seen) {
			seen = append(seen, judged{key, sex, c.roleIsClass(d, a, b, sex)})
		}
		if seen[i].class {
			if d.explain {
				d.drop(r, m, "the article names the role's holders of this sex as a class: they are its subject")
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// roleIsClass reports whether the role of tokens [a, b) stands anywhere in
// the article marked with the sex word sex (folded) and named as a class:
// after a word of c.before or a number of at least c.count, not followed by
// a word of c.notAfter.
func (c *classTest) roleIsClass(d *doc, a, b int, sex string) bool {
	n := b - a
	first := d.tokenText(a)
	for i := 0; i+n <= len(d.toks); i++ {
		if d.tokenText(i) != first || !d.sameWords(i, a, n) {
			continue
		}
		// The marked role [ma, mb): "nữ" + role or role + "nữ".
		ma, mb := -1, -1
		if i > 0 && d.tokenText(i-1) == sex {
			ma, mb = i-1, i+n
		} else if i+n < len(d.toks) && d.tokenText(i+n) == sex {
			ma, mb = i, i+n+1
		} else {
			continue
		}
		if mb < len(d.toks) && d.isWord(mb) && d.in(c.notAfter, mb) {
			continue
		}
		if c.classBefore(d, ma) {
			return true
		}
	}
	return false
}

// dateWords are the words whose number is a date, not a count of people.
var dateWords = foldedWords("năm", "tháng", "ngày")

// classBefore reports whether a class word or a count ends right before
// token ma.
func (c *classTest) classBefore(d *doc, ma int) bool {
	if ma == 0 {
		return false
	}
	if c.count > 0 && d.toks[ma-1].Kind == vntext.Number && !(ma >= 2 && dateWords.has(d.tokenText(ma-2))) {
		// A date's number ("năm 2019 nữ trọng tài X") counts no one.
		if v, err := strconv.Atoi(strings.TrimSpace(d.tokenText(ma - 1))); err == nil && v >= c.count {
			return true
		}
	}
	for l := 1; l <= 3 && l <= ma; l++ {
		if d.sent[ma-l] == d.sent[ma] && c.before.spans(d, ma-l, ma) {
			return true
		}
	}
	return false
}
