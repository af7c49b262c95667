package scorer

import (
	"slices"

	"genderlens/vntext"
)

// Stage 4 of the people finder: gender from the cues of every mention of a
// person, strongest kind first. An honorific or a gendered role noun
// before any mention (bà, anh, hoa hậu) decides; else the middle name (Thị,
// Văn, and the middle names nearly all of whose bearers are of one sex);
// else words that refer back to the person (a pronoun as the subject of
// the next clause, "chồng cô", "chồng tôi" in the person's own words); last,
// a given name nearly always of one sex, from the Vietnamese or the world
// table. Never the topic, the role or a stereotype. Cues of the deciding
// kind that disagree leave the gender unknown unless one side has at least
// twice the cues.

// genderCues collects the cues that do not come with a mention's
// candidate: middle names, references after mentions, the name tables.
func (s *Scorer) genderCues(d *doc) {
	for pi, p := range d.people {
		if p.unnamed {
			continue
		}
		s.middleCue(d, p)
		for _, sp := range p.spans {
			s.referencesAfter(d, p, int32(pi), sp[0], sp[1])
		}
		s.tableCue(d, p)
	}
}

// middleCue reads the middle name of a Vietnamese full name.
func (s *Scorer) middleCue(d *doc, p *person) {
	if !p.vn || len(p.key) < 3 {
		return
	}
	sp := p.spans[0]
	for _, m := range p.spans {
		if m[1]-m[0] > sp[1]-sp[0] {
			sp = m
		}
	}
	if sp[1]-sp[0] < 3 {
		return
	}
	mid := sp[0] + 1
	if g, ok := s.middle[p.key[1]]; ok {
		p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+1)})
		return
	}
	if len(p.key) == 4 {
		if g := s.people.MiddleVI.Gender(p.key[1] + " " + p.key[2]); g != "" {
			p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+2)})
			return
		}
	}
	if g := s.people.MiddleVI.Gender(p.key[1]); g != "" {
		p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+1)})
	}
}

// tableCue looks the given name up: the first word of a foreign name in the
// world table, else the last syllable of a Vietnamese name.
func (s *Scorer) tableCue(d *doc, p *person) {
	sp := p.spans[0]
	for _, m := range p.spans {
		if m[1]-m[0] > sp[1]-sp[0] {
			sp = m
		}
	}
	words := make([]int, 0, sp[1]-sp[0])
	for k := sp[0]; k < sp[1]; k++ {
		if d.isWord(k) && len(d.tokenText(k)) > 1 {
			words = append(words, k)
		}
	}
	if len(words) == 0 {
		return
	}
	foreign := false
	for _, k := range words {
		foreign = foreign || !vntext.IsVietnameseSyllable(d.tokenText(k))
	}
	if !p.vn && foreign {
		first := words[0]
		if g := s.foreignGiven(d, first, first+1); g != "" {
			p.gcues = append(p.gcues, genderCue{tierTable, g, d.cueOf("gender", cueGivenName, g, first, first+1)})
			return
		}
	}
	last := words[len(words)-1]
	if g := s.people.GivenVI.Gender(d.tokenText(last)); g != "" {
		p.gcues = append(p.gcues, genderCue{tierTable, g, d.cueOf("gender", cueGivenName, g, last, last+1)})
	}
}

// referencesAfter records the words after the mention [a, b) that refer
// back to the person: a pronoun or gendered description opening the next
// clause or sentence while the person is its topic, and family words about
// them ("chồng cô").
func (s *Scorer) referencesAfter(d *doc, p *person, pi int32, a, b int) {
	if !d.firstInSentence(a) {
		return // the person is not the subject: a later pronoun refers to someone else
	}
	clauseStart := false
	for k := b; k < len(d.toks) && k < b+60; k++ {
		if d.sent[k] > d.sent[a]+1 || d.mention[k] >= 0 && d.mention[k] != pi {
			return
		}
		if d.quote[k] {
			continue
		}
		t := d.toks[k]
		if t.Kind == vntext.Punct {
			switch d.tokenText(k) {
			case ",", ";", ":", "-", "–":
				clauseStart = true
			}
			continue
		}
		subject := clauseStart || d.sent[k] != d.sent[a] && d.sentenceStart(k)
		clauseStart = false
		e, end, ok := d.cueAt(s, k, entryReference)
		if !ok {
			continue
		}
		if end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
			continue // "của anh Hùng" introduces someone else
		}
		family := vntext.Tokens(vntext.FoldString(e.phrase))
		if !subject && len(family) < 2 {
			continue // a lone pronoun mid-clause may be an object or someone else
		}
		p.gcues = append(p.gcues, genderCue{tierReference, e.gender, d.cueOf("gender", cueReference, e.gender, k, end)})
		k = end - 1
	}
}

// firstInSentence reports whether no other person is mentioned earlier in
// the sentence of token a.
func (d *doc) firstInSentence(a int) bool {
	for k := a - 1; k >= 0 && k >= a-60 && d.sent[k] == d.sent[a]; k-- {
		if d.mention[k] >= 0 && d.mention[k] != d.mention[a] {
			return false
		}
	}
	return true
}

// decideGender decides each person's gender from the cues collected so far.
func (s *Scorer) decideGender(d *doc) {
	for _, p := range d.people {
		p.gender, p.gwhy = decide(p.gcues)
	}
}

// decide applies the tiers to a person's gender cues.
func decide(cues []genderCue) (string, []Cue) {
	for tier := tierHonorific; tier <= tierTable; tier++ {
		nf, nm := 0, 0
		for _, c := range cues {
			if c.tier != tier {
				continue
			}
			switch c.gender {
			case female:
				nf++
			case male:
				nm++
			}
		}
		if nf+nm == 0 {
			continue
		}
		g := ""
		switch {
		case nm == 0:
			g = female
		case nf == 0:
			g = male
		case nf >= 2*nm:
			g = female
		case nm >= 2*nf:
			g = male
		}
		var why []Cue
		for _, c := range cues {
			if c.tier != tier || g != "" && c.gender != g {
				continue
			}
			if !slices.ContainsFunc(why, func(w Cue) bool { return w.Kind == c.cue.Kind && w.Text == c.cue.Text }) && len(why) < 4 {
				why = append(why, c.cue)
			}
		}
		if g == "" {
			conflict := Cue{Decides: "gender", Kind: cueConflict, Value: unknown}
			return unknown, append([]Cue{conflict}, why...)
		}
		return g, why
	}
	return unknown, []Cue{{Decides: "gender", Kind: cueNone, Value: unknown}}
}
