package scorer

import (
	"slices"
	"strings"
)

// The people finder is a pipeline of named stages, each in its own file:
//
//	candidates  (people_candidates.go) capitalised runs with what stands before them
//	non-person  (people_candidates.go) places, organisations, clubs, brands set aside
//	merge       (people_merge.go)      mentions of one person joined; unnamed sources added
//	gender      (people_gender.go)     gender from the cues of every mention
//	quotes      (people_quotes.go)     who is quoted, directly or indirectly
//	role        (people_role.go)       expert, official, celebrity, ordinary, other
//
// Every decision keeps the cue that made it, so the output can say why a
// person is counted as a quoted woman.

// person is a person being assembled from mentions.
type person struct {
	key  []string // folded name syllables of the fullest mention
	name string
	vn   bool // a Vietnamese full name (family name + given name)
	// keyVN: every word of key is a Vietnamese syllable (allVietnamese),
	// which nameMatch asks of each person for every name looked up.
	keyVN    bool
	unnamed  bool // a described source without a name
	mentions []Mention
	spans    [][2]int // token ranges of the mentions
	// intro are the folded descriptions the person was introduced with
	// (bà đỡ, nữ ca sĩ, bác sĩ), so that a later "bà đỡ nói" finds them;
	// introAt is where each stands (a token), so that only an earlier one
	// does. The same description again right after is kept once, with
	// introLast its last place: a person named a thousand times with "chị"
	// is one introduction, not a thousand to read at each description.
	intro     []string
	introAt   []int
	introLast []int

	gcues  []genderCue // every gender cue found, ranked by tier
	gender string
	gwhy   []Cue // the cues that decided the gender

	quoted  bool
	quoteBy Cue

	role   string
	roleBy Cue

	victim, accused bool // described as a victim, or as a suspect, in a violence story
	fiction         bool // a character of a film or a novel, named next to the work's words
	// takenUp: an unnamed source whose description refers back to a
	// person named before ("Elly Trần cho biết ... Bà mẹ hai con cho biết
	// thêm"), who is quoted instead; it is left out of the result.
	takenUp bool
}

// longestSpan is the token range of the person's fullest mention.
func (p *person) longestSpan() [2]int {
	sp := p.spans[0]
	for _, m := range p.spans {
		if m[1]-m[0] > sp[1]-sp[0] {
			sp = m
		}
	}
	return sp
}

// genderCue is one piece of evidence about a person's gender.
type genderCue struct {
	tier   int // lower decides first: 1 honorific or role noun, 2 middle name, 3 reference, 4 notable, 5 name table
	gender string
	cue    Cue
}

// Gender cue tiers, strongest first.
const (
	tierHonorific = 1
	tierMiddle    = 2
	tierReference = 3
	tierNotable   = 4
	tierTable     = 5
)

// findPeople runs the stages and fills res.People and the counts.
func (s *Scorer) findPeople(d *doc, res *Result) {
	n := len(d.toks)
	d.mention = resize(d.mention, n)
	for i := range d.mention {
		d.mention[i] = -1
	}
	cands := s.candidates(d)
	s.merge(d, cands)
	s.unnamedSources(d)
	s.harmed(d)
	s.genderCues(d)
	s.decideGender(d)
	s.quotes(d)
	s.shortNameCues(d)
	s.decideGender(d) // again: quotes add cues (a speaker's own "chồng tôi", an anaphor's gender)
	if s.needVictims(d) {
		s.victimAnaphors(d)
		s.characters(d)
	}
	s.charactersNotQuoted(d)
	s.descriptionsTakenUp(d)
	s.roles(d)
	res.People = slices.Grow(res.People, len(d.people))
	for _, p := range d.people {
		if p.takenUp {
			continue
		}
		out := p.output()
		res.People = append(res.People, out)
		res.Counts.People.Count(out.Gender)
		if out.Quoted {
			res.Counts.Quoted.Count(out.Gender)
			g := res.QuotedByRole[out.Role]
			g.Count(out.Gender)
			res.QuotedByRole[out.Role] = g
		}
	}
}

// output is the person as the result shows it.
func (p *person) output() Person {
	out := Person{Name: p.name, Gender: p.gender, Quoted: p.quoted, Unnamed: p.unnamed, Role: p.role,
		Mentions: append([]Mention{}, p.mentions...)}
	out.Cues = make([]Cue, 0, len(p.gwhy)+2)
	out.Cues = append(out.Cues, p.gwhy...)
	if p.quoted {
		out.Cues = append(out.Cues, p.quoteBy)
	}
	out.Cues = append(out.Cues, p.roleBy)
	slices.SortFunc(out.Mentions, func(a, b Mention) int { return a.Start - b.Start })
	return out
}

// newPerson returns an empty person: one of an earlier document's, whose
// arrays of mentions and cues are reused, or a new one.
func (d *doc) newPerson() *person {
	if n := len(d.spare); n > 0 {
		p := d.spare[n-1]
		d.spare = d.spare[:n-1]
		return p
	}
	return new(person)
}

// addMention records tokens [a, b) as a mention of person pi.
func (d *doc) addMention(pi int, a, b int) {
	p := d.people[pi]
	start, end := d.span(a, b)
	p.mentions = append(p.mentions, Mention{Start: start, End: end})
	p.spans = append(p.spans, [2]int{a, b})
	for k := a; k < b; k++ {
		d.mention[k] = int32(pi)
	}
}

// note records, for --explain, a candidate the finder set aside; "%s" in
// reason stands for into, the person it joined.
func (d *doc) note(a, b int, outcome, stage, reason, into string) {
	if !d.explain || a >= b {
		return
	}
	reason = strings.Replace(reason, "%s", into, 1)
	start, end := d.span(a, b)
	d.notes = append(d.notes, CandidateNote{Text: d.input[start:end], Start: start, End: end, Outcome: outcome,
		Stage: stage, Reason: reasonIn(d.lang, reason), Person: into})
}

// cueOf builds a cue from tokens [a, b).
func (d *doc) cueOf(decides, kind, value string, a, b int) Cue {
	c := Cue{Decides: decides, Kind: kind, Value: value}
	if a < b {
		c.Start, c.End = d.span(a, b)
		c.Text = d.input[c.Start:c.End]
	}
	return c
}

// joined is the folded text of tokens [a, b) with single spaces.
func (d *doc) joined(a, b int) string {
	// Most runs are words one space apart in the key already: the key's
	// own bytes are the answer, with nothing allocated (the people stages
	// ask this of every candidate).
	if a < b {
		k := a + 1
		for ; k < b; k++ {
			if e := d.toks[k-1].End; d.toks[k].Start != e+1 || d.key.Text[e] != ' ' {
				break
			}
		}
		if k == b {
			return d.key.Text[d.toks[a].Start:d.toks[b-1].End]
		}
	}
	var sb strings.Builder
	for k := a; k < b; k++ {
		if k > a {
			sb.WriteByte(' ')
		}
		sb.WriteString(d.tokenText(k))
	}
	return sb.String()
}

// addIntro records that p was introduced with the folded description in at
// token k: a new entry, or the last one's places widened when it is the same.
func (p *person) addIntro(in string, k int) {
	if n := len(p.intro) - 1; n >= 0 && p.intro[n] == in {
		p.introAt[n], p.introLast[n] = min(p.introAt[n], k), max(p.introLast[n], k)
		return
	}
	p.intro, p.introAt, p.introLast = append(p.intro, in), append(p.introAt, k), append(p.introLast, k)
}
