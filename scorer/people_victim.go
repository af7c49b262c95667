package scorer

// victimAnaphors marks as a victim the person a story goes on to call "nạn
// nhân" (or "bị hại") without naming: "Nhà chị L. bốc cháy. Chị L. chạy ra
// sân. Do bị bỏng nặng, nạn nhân đã tử vong." The word must open a clause
// (the start of a sentence, or after a comma or a colon): as the object of a
// verb ("X đâm nạn nhân") its subject is the offender. The person is the
// one last mentioned before it, in the same sentence or the two before, if
// no one else was mentioned in between; a suspect, a quoted source or a
// official or an expert (an officer giving the facts) is not taken.
// "Em", "cháu" and "bé" are such anaphors only as the subject of a harm in
// the passive ("Em bị gã hàng xóm dâm ô nhiều lần"): alone they are
// pronouns of every kind.
func (s *Scorer) victimAnaphors(d *doc) {
	if d.mention == nil {
		return
	}
	// doer caches harmedOthers per person (0 not asked, 1 no, 2 yes): a
	// story that calls one woman "nạn nhân" at every sentence would read
	// all of a person's mentions again each time.
	doer := make([]int8, len(d.people))
	for t := 1; t+1 < len(d.toks); t++ {
		n := 0
		switch {
		case d.mention[t] >= 0:
		case s.violence.anaphors.spans(d, t, t+2):
			n = 2
		case s.violence.childAnaphors.spans(d, t, t+1) && s.harmAfter(d, t+1):
			n = 1
		}
		if n == 0 {
			continue
		}
		if !clauseOpens(d, t) {
			continue
		}
		// "nạn nhân Lan", "nạn nhân là chị Lan": named right there; "nạn
		// nhân là vợ hắn", "nạn nhân thứ hai": someone else described.
		if t+n < len(d.toks) && s.violence.anaphorPredicates[d.tokenText(t+n)] {
			continue
		}
		named := false
		for k := t + n; k < min(len(d.toks), t+n+3) && d.sent[k] == d.sent[t]; k++ {
			if d.mention[k] >= 0 {
				named = true
				break
			}
		}
		if named {
			continue
		}
		for o := t - 1; o >= 0 && d.sent[o] >= d.sent[t]-2; o-- {
			i := d.mention[o]
			if i < 0 {
				continue
			}
			p := d.people[i]
			if !p.accused && !s.harmsAfter(d, o) && !s.doerOfHarm(d, i, doer) && !p.quoted && p.role != "official" && p.role != "expert" {
				p.victim = true
			}
			break
		}
	}
}

// harmsAfter reports whether the mention ending at token o is the doer of
// a harm told after it in its sentence ("Tâm dùng dao đâm vợ. Nạn nhân tử
// vong": Tâm is the offender), not its object in the passive ("chị H. bị
// đánh").
func (s *Scorer) harmsAfter(d *doc, o int) bool {
	for k := o + 1; k < len(d.toks) && k-o <= 15 && d.sent[k] == d.sent[o]; k++ {
		if d.in(passiveWords, k) {
			return false
		}
		if s.harmVerbAt(d, k) {
			return true
		}
	}
	return false
}

// maxHarmVerb bounds the words of a harm verb the walks to one look for
// ("đâm", "dâm ô", "xâm hại tình dục"); a longer one in the list ("giở trò
// đồi bại với") is never found by them.
const maxHarmVerb = 4

// harmVerbAt reports whether a harm verb of at most maxHarmVerb words
// starts at token k: the step of every walk from a name to the verb it
// does or suffers (harmsAfter, harmedOthers, harmAfter). It reads the
// verbs starting with k's word once, not each length in turn.
func (s *Scorer) harmVerbAt(d *doc, k int) bool {
	for _, ws := range s.violence.harmVerbs.at(d, k) {
		if len(ws) <= maxHarmVerb && d.wordsAt(k, ws) {
			return true
		}
	}
	return false
}

// doerOfHarm is harmedOthers, asked once per person.
func (s *Scorer) doerOfHarm(d *doc, i int32, memo []int8) bool {
	if memo[i] == 0 {
		memo[i] = 1
		if s.harmedOthers(d, i) {
			memo[i] = 2
		}
	}
	return memo[i] == 2
}

// harmedOthers reports whether person i is told elsewhere in the story as
// the doer of a harm: a harm verb after one of their mentions that opens a
// clause (the subject), before "bị" or anyone else, named or a word for
// one ("chị Mai kể chồng nhiều lần đánh chị": the husband's verb). Such a
// person is the offender, and a "nạn nhân" a few sentences after his last
// mention ("Hùng đâm bạn gái nhiều nhát. Hùng bỏ đi. Nạn nhân được đưa đi
// cấp cứu") is the one he harmed, not him.
func (s *Scorer) harmedOthers(d *doc, i int32) bool {
	for _, sp := range d.people[i].spans {
		a := sp[0]
		if a > 0 && d.in(adultHonorifics, a-1) {
			a-- // "chị Hoa đánh ...": the honorific opens her clause
		}
		if !clauseOpens(d, a) {
			continue // an object ("ăn nằm với cháu M. rồi dọa giết"): the verb after is the subject's
		}
		for k := sp[1]; k < len(d.toks) && k-sp[1] < 8 && d.sent[k] == d.sent[sp[1]-1]; k++ {
			if d.in(passiveWords, k) || d.mention[k] >= 0 && d.mention[k] != i ||
				s.violence.harmAgents.startsAt(d, k) && !d.in(agentCounts, k) {
				break
			}
			if s.harmVerbAt(d, k) {
				return true
			}
		}
	}
	return false
}

// agentCounts are the harm agents that count ("bị một nhóm", "bị nhiều
// người"): after a subject they count her own acts ("Hùng nhiều lần đánh
// vợ"), no one else stands there.
var agentCounts = foldedWords("một", "hai", "ba", "nhiều")

// clauseOpens reports whether token t opens a clause: the first of its
// sentence, or after a comma, a semicolon, a colon or a dash.
func clauseOpens(d *doc, t int) bool {
	if t == 0 || d.sent[t-1] != d.sent[t] {
		return true
	}
	switch d.tokenText(t - 1) {
	case ",", ";", ":", "-", "–":
		return true
	}
	return false
}

// characters marks the people a story names as characters of a work: the
// word for the role or the scene right before a mention ("nhân vật Lan",
// "phân cảnh cô bé S."), or the actor who plays them right after ("S. (do
// X thủ vai)"). A character who is raped in the plot is no victim to shield.
func (s *Scorer) characters(d *doc) {
	for _, p := range d.people {
		for _, sp := range p.spans {
			if s.characterCue(d, sp[0], sp[1]) {
				p.fiction = true
				break
			}
		}
	}
}

// charactersNotQuoted unquotes the people every mention of whom the story
// introduces as a character of a work ("nhân vật Lan nói với chồng ...",
// "vai Hương tuyên bố ..."): a character's lines are the script's, no
// source's. An actor named after the role ("vào vai", "thủ vai") is a
// person, and speaks in their own name.
func (s *Scorer) charactersNotQuoted(d *doc) {
	for _, p := range d.people {
		if !p.quoted || p.unnamed || len(p.spans) == 0 {
			continue
		}
		all := true
		for _, sp := range p.spans {
			if !s.characterBefore(d, sp[0]) {
				all = false
				break
			}
		}
		if all {
			p.quoted = false
		}
	}
}

func (s *Scorer) characterCue(d *doc, a, b int) bool {
	if s.characterBefore(d, a) {
		return true
	}
	k := b
	if k < len(d.toks) && d.tokenText(k) == "(" {
		k++
	}
	for end := k + 1; end <= min(len(d.toks), k+2); end++ {
		if d.sent[end-1] == d.sent[a] && s.violence.fictionAfter.spans(d, k, end) &&
			(d.tokenText(k) != "do" || end < len(d.toks) && d.isUpper(end)) {
			return true
		}
	}
	return false
}

// characterBefore reports the word for a role or a scene right before the
// mention at token a, past a kin word or a role: "nhân vật Lan", "vai cô
// Hương", "phân cảnh cô bé S.".
func (s *Scorer) characterBefore(d *doc, a int) bool {
	for end := a; end >= max(0, a-3); end-- {
		if end < a && !s.violence.ties.spans(d, end, a) && !s.violence.fictionRoles.spans(d, end, a) {
			continue
		}
		for start := end - 1; start >= max(0, end-2); start-- {
			if d.sent[start] != d.sent[a] {
				break
			}
			if s.violence.fictionBefore.spans(d, start, end) {
				return true
			}
		}
	}
	return false
}
