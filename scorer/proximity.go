package scorer

import (
	"strings"
	"unicode/utf8"

	"genderlens/rules"
	"genderlens/vntext"
)

// proximity reports a match only when, in the same sentence and within
// Near.Within tokens (on Near.Side), there is a mention of a person of the
// wanted kind or one of the rule's context phrases, and, with About, the
// same holds of About's person or phrases (what the match is about). The
// finding says which (Context); with Near.Extend it covers the context too
// ("gương mặt thanh tú").
func (s *Scorer) proximity(d *doc, r *rules.Rule, ri int32, ms []match) []Finding {
	var out []Finding
	for _, m := range ms {
		a, b, ok := s.near(d, r.Near, entryNear, ri, m)
		if !ok {
			if d.explain { // the message is built only when asked for
				d.drop(r, m, "no "+nearWhat(r.Near)+" within "+itoa(r.Near.Within)+" words")
			}
			continue
		}
		if r.About != nil {
			if _, _, ok := s.near(d, r.About, entryAbout, ri, m); !ok {
				if d.explain {
					d.drop(r, m, "about no one: no "+nearWhat(r.About)+" within "+itoa(r.About.Within)+" words")
				}
				continue
			}
		}
		start, end := m.start, m.end
		if r.Near.Extend {
			start, end = min(start, a), max(end, b)
		}
		f := s.finding(d, r, start, end)
		cs, ce := d.span(a, b)
		f.Context = &Span{Text: d.input[cs:ce], Start: cs, End: ce}
		out = append(out, f)
	}
	return out
}

// nearWhat names what a Near condition looks for, for --explain.
func nearWhat(n *rules.Near) string {
	switch {
	case n.Person != "" && len(n.Tokens) > 0:
		return "person (" + personWords(n.Person) + ") or context phrase"
	case n.Person != "":
		return "person (" + personWords(n.Person) + ")"
	}
	return "context phrase"
}

// personWords says a rules.NearPersons key in words, so that explain output reads as English, not as a YAML value.
func personWords(p string) string {
	switch p {
	case "victim_named":
		return "named victim"
	case "victim_private":
		return "private victim"
	case "victim_traceable":
		return "private victim written with more than one letter"
	case "female_named":
		return "named woman"
	}
	return p
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// unless drops the matches that a rule's Unless (or UnlessAlso) condition
// cancels.
func (s *Scorer) unless(d *doc, r *rules.Rule, ri int32, ms []match) []match {
	if r.Unless == nil {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		a, b, ok := s.near(d, r.Unless, entryUnless, ri, m)
		if !ok && r.UnlessAlso != nil {
			a, b, ok = s.near(d, r.UnlessAlso, entryUnlessAlso, ri, m)
		}
		if ok {
			if d.explain {
				d.drop(r, m, "cancelled by \""+d.text(a, b)+"\" nearby")
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// near finds, within n.Within tokens of m in its sentence (or, with
// n.Sentences, an unless's, that many sentences before it as well) and on
// n.Side, a person of n.Person's kind or a phrase of kind k of rule ri. It
// returns the tokens of the nearest one.
func (s *Scorer) near(d *doc, n *rules.Near, k entryKind, ri int32, m match) (int, int, bool) {
	w := n.Within
	lo, hi := max(0, m.start-w), min(len(d.toks), m.end+w)
	switch n.Side {
	case "before":
		hi = m.start
	case "after":
		lo = m.end
	}
	sent := d.sent[m.start]
	// first and last are the sentences the condition reads: the match's
	// own, or with Sentences that many before it as well (an unless), or
	// after it (a near on the side after: "bà S. không tiếp tục quan hệ vợ
	// chồng với T. Từ đó, T. ghen tuông", what followed her act).
	first, last := sent-int32(n.Sentences), sent
	if k == entryNear && n.Side == "after" {
		first, last = sent, sent+int32(n.Sentences)
	}
	best, bestA, bestB := -1, 0, 0
	consider := func(a, b int) {
		dist := a - m.end
		if b <= m.start {
			dist = m.start - b
		}
		// A mention around the match (an unnamed source's description that
		// holds the looks: "Cô giáo ... có thân hình nóng bỏng bị phụ huynh
		// phản ánh") is as near as can be, not a distance below zero, which
		// read as nothing found.
		dist = max(dist, 0)
		if best < 0 || dist < best || dist == best && a == bestA && b > bestB {
			best, bestA, bestB = dist, a, b
		}
	}
	for t := lo; t < hi; t++ {
		if d.sent[t] > last || d.sent[t] < first || t >= m.start && t < m.end {
			continue
		}
		if n.Person != "" && d.mention != nil && d.mention[t] >= 0 {
			if p := d.people[d.mention[t]]; s.personIs(p, n.Person) {
				a, b := t, t+1
				for b < len(d.toks) && d.mention[b] == d.mention[t] {
					b++
				}
				for a > 0 && d.mention[a-1] == d.mention[t] {
					a--
				}
				if n.Person == "female_named" && (namedBefore(p, a, b) || !s.spelledOut(d, a, b)) {
					// Her name, given in full before, identifies her there;
					// a given name alone ("vợ là chị Hiền", "Mến (quê ở
					// ...)") names no one, as with an age.
					continue
				}
				if n.Person == "victim_traceable" && !s.spelledOut(d, a, b) {
					continue // "bé Linh (6 tuổi)", "chị H. (24 tuổi)": this mention names no one
				}
				if (n.Person == "victim_named" || n.Person == "victim_private" || n.Person == "victim_traceable") && fullerBefore(p, a, b) {
					// "giao cấu với cháu Ngà" after "Huỳnh Ngọc Ngà (sinh năm
					// ...)", "T. và 1 thiếu nữ khác trú tại huyện ..." after
					// "L.T.T. (SN 2007, trú tại ...)": she is identified where
					// her fuller name is given; the shorter name again repeats
					// it (sets j and g2, both readers).
					continue
				}
				if n.Person == "traceable" && initialsAt(d, a, b) {
					continue // "chị L.", "anh HNT", whoever they are elsewhere
				}
				if !victimKinds[n.Person] || !otherBetween(d, d.mention[t], a, b, m) {
					consider(a, b)
				}
			}
		}
		for _, h := range d.ctxAt(t) {
			if partOfName(d, t, int(h.end)) {
				continue // "anh" in "Bảo Anh": a syllable of a name, not the word
			}
			if k != entryUnless && k != entryUnlessAlso && t < len(d.nonPerson) && d.nonPerson[t] && d.isUpper(t) && !d.sentenceStart(t) {
				// "Bà" in "vẻ đẹp của Cát Bà": a word of a place's or an
				// organisation's name is not the word that makes the match
				// someone's (an unless word, "biển" in "Biển Đông", still
				// tells a landscape).
				continue
			}
			for _, x := range s.m.ctx.at(h.entry) {
				if e := s.m.meta[x]; e.kind == k && e.rule == ri && (int(h.end) <= m.start || t >= m.end) && d.sent[h.end-1] <= last && d.sent[t] >= first &&
					!(k == entryNear && len(n.Exceptions) > 0 && s.nearException(d, ri, t, int(h.end))) {
					consider(t, int(h.end))
				}
			}
		}
	}
	if best < 0 && n.Person != "" && n.Side != "after" {
		if a, b, ok := s.detailsOf(d, n.Person, m.start); ok {
			return a, b, true
		}
	}
	return bestA, bestB, best >= 0
}

// partOfName reports a context phrase at tokens [a, b) that is a
// capitalised part, not the whole, of a named person's mention: "Bảo Anh"
// holds no "anh"; a name that is a context phrase itself ("Tây Thi") stays
// one.
func partOfName(d *doc, a, b int) bool {
	if a >= len(d.mention) || b > len(d.mention) || d.mention[a] < 0 || d.people[d.mention[a]].unnamed ||
		!d.isWord(a) || !d.isUpper(a) {
		return false
	}
	m := d.mention[a]
	for k := a; k < b; k++ {
		if d.mention[k] != m {
			return false
		}
	}
	return a > 0 && d.mention[a-1] == m || b < len(d.mention) && d.mention[b] == m
}

// victimKinds are the person kinds whose details a rule reads: another
// person between the victim and the detail has it ("em H. bị Nguyễn Văn A
// (45 tuổi) xâm hại": the age is A's).
var victimKinds = map[string]bool{"victim": true, "victim_named": true, "victim_private": true, "victim_traceable": true}

// namedBefore reports whether person p was named before tokens [a, b) as
// fully as there: a woman is identified where her full name is first
// given ("Nạn nhân là chị Phạm Thị T. (sinh năm 1982)"), and the same
// name again ("chém vợ là chị Phạm Thị T.") repeats it.
func namedBefore(p *person, a, b int) bool {
	for _, sp := range p.spans {
		if sp[0] < a && sp[1]-sp[0] >= b-a {
			return true
		}
	}
	return false
}

// fullerBefore reports whether person p was named before tokens [a, b) with
// a longer name than there ("Huỳnh Ngọc Ngà", then "cháu Ngà").
func fullerBefore(p *person, a, b int) bool {
	for _, sp := range p.spans {
		if sp[0] < a && sp[1]-sp[0] > b-a {
			return true
		}
	}
	return false
}

// otherBetween reports whether a mention of someone other than person i
// lies between its mention [a, b) and the match m.
func otherBetween(d *doc, i int32, a, b int, m match) bool {
	lo, hi := b, m.start
	if a >= m.end {
		lo, hi = m.end, a
	}
	for k := lo; k < hi; k++ {
		if d.mention[k] >= 0 && d.mention[k] != i {
			return true
		}
	}
	return false
}

// detailsOf finds the person of the wanted kind whose parenthesis of details
// holds token t: "em H. (học sinh lớp 10 tại huyện ...)" tells the details of
// H., however far into the parenthesis they are.
func (s *Scorer) detailsOf(d *doc, kind string, t int) (int, int, bool) {
	if d.mention == nil {
		return 0, 0, false
	}
	for o := t - 1; o > 0 && t-o <= maxDetails && d.sent[o] == d.sent[t]; o-- {
		switch d.tokenText(o) {
		case ")":
			return 0, 0, false
		case "(":
			a := o - 1
			if a > 0 && d.mention[a] < 0 && d.tokenText(a) == "." {
				a-- // the dot of an initial: "em H. ("
			}
			i := d.mention[a]
			if i < 0 || !s.personIs(d.people[i], kind) {
				return 0, 0, false
			}
			for a > 0 && d.mention[a-1] == i {
				a--
			}
			if (kind == "victim_traceable" || kind == "female_named") && !s.spelledOut(d, a, o) ||
				kind == "traceable" && initialsAt(d, a, o) {
				return 0, 0, false
			}
			return a, o, true
		}
	}
	return 0, 0, false
}

// nearExceptionReach is how many tokens before a context phrase a near
// exception may start: longer words than this are not looked for.
const nearExceptionReach = 6

// nearException reports whether a near exception of rule ri overlaps the
// context phrase at tokens [a, b), starting with it or before it: the
// phrase is then part of a longer word with another sense ("kéo dài", "bà
// già"), or is itself one the rule does not take ("phụ nữ" for women in
// general). An exception that starts inside the phrase leaves it: the
// exception "phụ nữ" does not cancel "người phụ nữ".
func (s *Scorer) nearException(d *doc, ri int32, a, b int) bool {
	for u := max(0, a-nearExceptionReach); u <= a && u < b; u++ {
		for _, h := range d.ctxAt(u) {
			for _, x := range s.m.ctx.at(h.entry) {
				if e := s.m.meta[x]; e.kind == entryNearException && e.rule == ri && int(h.end) > a {
					return true
				}
			}
		}
	}
	return false
}

// personIs reports whether person p is of the kind a Near condition asks
// for: any person, a gender, a victim in a violence story, a victim
// written with a name rather than initials ("Lan", not "chị L."), or a
// victim who is no public figure.
func (s *Scorer) personIs(p *person, kind string) bool {
	switch kind {
	case "any":
		return true
	case "victim":
		return p.victim && !p.accused
	case "victim_named":
		return p.victim && !p.accused && !p.fiction && !p.unnamed && initials(p.key) == 0
	case "victim_private":
		// A public figure's age, birth year or home town is her
		// biography, known before the crime: only a private person's
		// details identify her.
		return p.victim && !p.accused && !p.fiction && p.role != "celebrity" && p.role != "official"
	case "victim_traceable":
		// A private victim written with more than one letter: a name, or
		// initials that spell one out ("N.K.H.", "Nguyễn T.H."). A lone
		// initial ("cháu X.") names no one, and an age next to it narrows
		// nothing: an address or a school would.
		return s.personIs(p, "victim_private") && !(len(p.key) == 1 && loneInitial(p.key[0]))
	case "traceable":
		// Anyone written with more than one initial: a lone one ("chị L.
		// (mẹ của cháu B.)", "Th.") names no relative by whom a victim
		// could be found. The mention itself must spell a name out too
		// (initialsAt, in near): "anh HNT (bố của cháu H)" names no one.
		return !p.unnamed && !(len(p.key) == 1 && loneInitial(p.key[0]))
	case "female_named":
		// A woman written with her name, not initials, no suspect and no
		// public figure: the wife a violence story names by her tie to the
		// offender ("chị vợ Vi Thị L.") is named as surely as a victim; a
		// star's name is known before the story. Her family name spelled
		// out before an initial ("Phàn Thị T. (16 tuổi, trú xã ...)") names
		// her as well.
		return p.gender == "female" && !p.accused && !p.fiction && !p.unnamed &&
			(initials(p.key) == 0 || s.familyNamed(p.key)) &&
			!undottedInitials(p.key) && p.role != "celebrity" && p.role != "official"
	}
	return p.gender == kind
}

// spelledOut reports whether the mention at tokens [a, b) names someone
// beyond a given name: a family name with more ("Nguyễn T.H.", "Phạm Thị
// T."), initials ("N.K.H.", "T. Hương", undotted "LTH") or a foreign full
// name. A given name alone, of one syllable or two ("bé Linh (6 tuổi)", "Hạ
// (24 tuổi)", "em Ngọc Anh (15 tuổi)"), with an age is as common as a lone
// initial and names no one outside those who know her already; the readers
// of train never flag it, and set g's divide. The person's fuller name
// elsewhere in the story ("chị Lê Thị Mỹ Hạ") is flagged where it is
// written. Only the capitalised words of the mention are its name: a
// description the people stage took as a mention of her, with the age in
// it ("Bé gái 14 tuổi bị ép ...", "Cô gái 20 tuổi"), names no one.
func (s *Scorer) spelledOut(d *doc, a, b int) bool {
	var w [3]int
	n := 0
	for k := a; k < b; k++ {
		if d.isWord(k) && d.isUpper(k) {
			if n < len(w) {
				w[n] = k
			}
			n++
		}
	}
	switch {
	case n == 0:
		return false
	case n == 1:
		// "LTH" spells initials out; "Th." is one initial, as "T." is,
		// though it has no vowel either.
		k := strings.ToLower(d.tokenText(w[0]))
		return !loneInitial(k) && undottedInitials([]string{k})
	case n == 2:
		// Two Vietnamese syllables, neither an initial, the first no family
		// name: a given name with its middle name.
		for _, k := range w[:2] {
			if utf8.RuneCountInString(d.tokenText(k)) == 1 || !d.vietnamese(k) {
				return true
			}
		}
		return d.in(s.surnames, w[0])
	}
	return true
}

// initialsAt reports whether the mention at tokens [a, b) is written with
// initials only: every capitalised word a letter or an initial consonant
// ("T.", "Th."), or a short word in capitals ("HNT", "HYH": initials
// without dots, a vowel among them or not). "Nguyễn T.H." spells out a
// family name; "H.X", "T.T.M.C", "L.K C." do not, and with an age or a
// tie to a child they name no one the readers of sets g2, j and k shield.
func initialsAt(d *doc, a, b int) bool {
	n := 0
	for k := a; k < b; k++ {
		if !d.isWord(k) || !d.isUpper(k) {
			continue
		}
		if !loneInitial(strings.ToLower(d.tokenText(k))) && !(d.allCaps(k) && utf8.RuneCountInString(d.tokenText(k)) <= 5) {
			return false
		}
		n++
	}
	return n > 0
}

// initialDigraphs are the Vietnamese initial consonants written with two or
// three letters: "Th." abbreviates a name as "T." does ("con gái ông tên
// Th. (20 tuổi)").
var initialDigraphs = foldedWords("ch", "gh", "gi", "kh", "ng", "ngh", "nh", "ph", "qu", "th", "tr")

// undottedInitials reports a one-word name of two to four letters with no
// vowel ("LTH", "NTL"): initials written without dots, since every
// Vietnamese syllable has a vowel. Such a woman is no more named than "L.T.H.".
func undottedInitials(key []string) bool {
	if len(key) != 1 {
		return false
	}
	w := vntext.FoldDiacritics(key[0])
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' || strings.IndexByte("aeiouy", c) >= 0 {
			return false
		}
	}
	return true
}

// loneInitial reports whether a one-word name key is an initial: one
// letter, or an initial consonant of two or three.
func loneInitial(w string) bool {
	return utf8.RuneCountInString(w) == 1 || initialDigraphs.has(w)
}

// familyNamed reports a name key written with its family name and more,
// however it ends ("Phàn Thị T.", "Hạ Thị T."): spelled out as far as a
// full name is. "Thị" in the middle tells a Vietnamese family name the
// surname list may lack.
func (s *Scorer) familyNamed(key []string) bool {
	return len(key) >= 3 && utf8.RuneCountInString(key[0]) > 1 && utf8.RuneCountInString(key[1]) > 1 &&
		(key[1] == foldedThi || s.surnames.has(key[0]))
}
