package scorer

import (
	"os"
	"strings"
	"testing"
)

func TestDebugArticle(t *testing.T) {
	id := os.Getenv("GL_DEBUG")
	if id == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	for _, a := range readDevSet(t) {
		if a.ID != id {
			continue
		}
		res := s.Check(Document{Text: a.Text, Section: a.Category})
		for _, p := range res.People {
			ctx := ""
			for _, m := range p.Mentions {
				ctx += " «" + strings.ReplaceAll(a.Text[max(0, m.Start-40):min(len(a.Text), m.End+40)], "\n", "/") + "»"
			}
			t.Logf("%s %s q=%v %s | %s |%s", p.Name, p.Gender, p.Quoted, p.Role, p.Evidence, ctx)
		}
		for _, g := range a.Gold.People {
			t.Logf("GOLD %+v", g)
		}
	}
}

func TestDebugCandidates(t *testing.T) {
	id := os.Getenv("GL_DEBUG2")
	if id == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	for _, a := range readDevSet(t) {
		if a.ID != id {
			continue
		}
		d := s.analyse(Document{Text: a.Text})
		d.mention = make([]int32, len(d.toks))
		for i := range d.mention {
			d.mention[i] = -1
		}
		for i := 0; i < len(d.toks); {
			if !d.isUpper(i) || d.toks[i].Kind != 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(d.toks) && d.toks[j].Kind == 0 && d.isUpper(j) && d.toks[j].Space && !d.toks[j].Newline {
				j++
			}
			c, ok := s.candidate(d, i, j)
			if ok {
				s.register(d, c)
				t.Logf("ACCEPT %q %+v speech=%v theo=%v", d.joined(c.a, c.b), c, s.speechWithin(d, c.b, -1, 12), s.precededByTheo(d, c.a))
			}
			i = j
		}
	}
}
