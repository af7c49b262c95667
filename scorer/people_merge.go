package scorer

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"genderlens/vntext"
)

// Stage 3 of the people finder: the mentions of one person become one
// person. A full name, its given name alone ("ông Lưu" for Lê Trường Lưu),
// a foreign family name or first name alone ("Lavrov", "Lucas"), initials
// ("D.Corlou", "Nguyễn Văn H.", "N.T.H."), the name with or without a title
// or country before it, and a misspelling of a long foreign name
// ("Susanetyas" for Susantyas) all join the same person. Described,
// unnamed sources are added at the end of this stage.

// merge registers the strong candidates as people and their mentions, then
// lets each weak candidate join a person named elsewhere in the text.
func (s *Scorer) merge(d *doc, cands []candidate) {
	for _, c := range cands {
		if c.strong {
			s.register(d, c)
		}
	}
	// A name listed with people is a person: "Thanh Thảo, Hà Kiều Anh, Pha
	// Lê… chúc". Both directions, so that a list grows from its known names.
	for changed := true; changed; {
		changed = false
		for i := range cands {
			c := &cands[i]
			if !c.strong && !c.family && !c.givenOnly && c.b-c.a <= 4 && s.listNeighbour(d, c) && s.nameLikeRun(d, c.a, c.b) {
				c.strong, changed = true, true
				s.register(d, *c)
			}
		}
	}
	for _, c := range cands {
		if c.strong {
			continue
		}
		if c.family {
			if pi := s.byFamilyName(d, d.tokenText(c.a), c.a); pi >= 0 {
				s.join(d, pi, c, "the family name of %s")
				continue
			}
		} else if pi, why := s.findPerson(d, c.a, c.b); pi >= 0 && !s.initialClaims(d, d.people[pi], c) &&
			(!c.givenOnly || d.people[pi].vn && len(d.people[pi].key) >= 2) {
			s.join(d, pi, c, why)
			continue
		}
		d.note(c.a, c.b, "rejected", "candidates", c.why, "")
	}
}

// initialClaims reports a weak candidate that would join a person known
// only by one initial ("tài công H.") as the full name: a run with no cue
// of its own that merely starts or ends with that letter ("đoạn Mỹ Hòa
// Hưng", "Hầu hết") is no evidence that it names the person.
func (s *Scorer) initialClaims(d *doc, p *person, c candidate) bool {
	return len(p.key) == 1 && initials(p.key) == 1 && !s.initialsOnly(d, c.a, c.b)
}

// listNeighbour reports a person mentioned next to the candidate in a list
// (a comma, "và", an ellipsis, and titles or honorifics between).
func (s *Scorer) listNeighbour(d *doc, c *candidate) bool {
	a := c.runA
	if c.honor != nil {
		a = min(a, c.honor.a)
	}
	if c.title != nil && c.title.b == c.runA {
		a = min(a, c.title.a)
	}
	if a > 1 && d.in(listSeparators, a-1) && d.mention[a-2] >= 0 && d.sent[a-2] == d.sent[a] &&
		!s.appositiveWord(d, c, a) {
		return true
	}
	b := c.b
	if b+1 < len(d.toks) && d.in(listSeparators, b) && d.sent[b] == d.sent[c.a] {
		k := b + 1
		for _, kind := range []entryKind{entryTitle, entryHonorific} {
			if _, end, ok := d.cueAt(s, k, kind); ok {
				k = end
			}
		}
		return k < len(d.toks) && d.mention[k] >= 0
	}
	return false
}

// appositiveWord reports a weak candidate that is a single word after a
// comma at a-1 and a title, closed by a comma or dash right before the
// speech verb of the name before the comma: "Firhad Hakim, quan chức
// Kolkata, nói", "ông A, Giám đốc điều hành Redsun, thừa nhận". The
// clause is one person's, and the word is where or what they head. A list
// of titled names speaks with no such closing mark ("thủ môn Lehmann, hậu
// vệ Lauren, Toure"), unless the word is a foreign word and no given name
// ("bà X, Phó Giám Đốc Marketing cho biết").
func (s *Scorer) appositiveWord(d *doc, c *candidate, a int) bool {
	if c.honor != nil || c.title == nil || c.b-c.a != 1 || d.tokenText(a-1) != "," {
		return false
	}
	inRun := c.title.a == c.runA && c.title.b == c.a // "Phó Giám Đốc Marketing", written in title case
	if c.title.b != c.runA && !inRun {
		return false
	}
	b := c.b
	if b+1 < len(d.toks) && appositiveMark(d.tokenText(b)) && d.sent[b] == d.sent[c.a] && s.speechNext(d, b+1) {
		return true
	}
	// With no closing mark, a foreign word that is no given name still
	// names what the person heads: "bà X, Phó Giám Đốc Marketing cho biết".
	// A parenthesis may say whose ("Giám đốc Điều hành Marketing (Vinamilk)").
	w := d.tokenText(c.a)
	if b < len(d.toks) && d.tokenText(b) == "(" {
		for k := b + 1; k < len(d.toks) && k < b+8 && d.sent[k] == d.sent[c.a]; k++ {
			if d.tokenText(k) == ")" {
				b = k + 1
				break
			}
		}
	}
	return s.speechNext(d, b) && !vntext.IsVietnameseSyllable(w) && !d.in(s.surnames, c.a) && s.foreignGiven(d, c.a, c.b) == ""
}

// listSeparators are the words and marks that separate the names of a list.
var listSeparators = foldedWords(",", "và", "…", "cùng", "với")

// nameLikeRun reports whether a run can be a name by its words: foreign
// words, or Vietnamese syllables of which the last is a given name.
func (s *Scorer) nameLikeRun(d *doc, a, b int) bool {
	for k := a; k < b; k++ {
		if !d.isWord(k) {
			continue
		}
		if !d.vietnamese(k) {
			return true
		}
	}
	return s.people.GivenVI.KnownKey(d.tokenText(b - 1))
}

// byFamilyName returns the person whose Vietnamese name starts with the
// family name fam and who was named last before token at (else the last
// such person registered), or -1.
func (s *Scorer) byFamilyName(d *doc, fam string, at int) int {
	best, bestAt := -1, -1
	for pi := len(d.people) - 1; pi >= 0; pi-- {
		p := d.people[pi]
		if !p.vn || p.key[0] != fam {
			continue
		}
		if best < 0 {
			best = pi
		}
		// Of several people of the family, the one named last before it:
		// "... chuyển giao cho Lâm B - em trai của Lâm A. Khi còn sống, tỷ
		// phú họ Lâm từng tuyên bố" is A.
		for _, sp := range p.spans {
			if sp[0] < at && sp[0] > bestAt {
				best, bestAt = pi, sp[0]
			}
		}
	}
	return best
}

// register adds a strong candidate: a new person, or a mention of a person
// its name matches.
func (s *Scorer) register(d *doc, c candidate) {
	if pi, why := s.findPerson(d, c.a, c.b); pi >= 0 && !s.someoneElse(d, d.people[pi], c) {
		s.join(d, pi, c, why)
		return
	}
	p := d.newPerson()
	d.people = append(d.people, p)
	s.setName(d, p, c.a, c.b)
	s.join(d, len(d.people)-1, c, "")
}

// join adds candidate c as a mention of person pi, with the cues before it.
func (s *Scorer) join(d *doc, pi int, c candidate, why string) {
	p := d.people[pi]
	if why != "" {
		d.note(c.a, c.b, "merged", "merge", why, p.name)
	}
	var buf [shortKey]string
	if k := d.appendNameKey(buf[:0], c.a, c.b); len(k) > len(p.key) && !s.initialsOnly(d, c.a, c.b) ||
		len(k) == len(p.key) && initials(k) < initials(p.key) || s.moreUsedSpelling(d, p, k) {
		s.setName(d, p, c.a, c.b)
	}
	d.addMention(pi, c.a, c.b)
	title := c.title
	if c.titleElse {
		// Someone else's title: no role, and an introduction by no
		// description ("Bác sĩ nói" is not this one), though a person's.
		title = nil
	}
	for _, cs := range []*cueSpan{c.honor, c.roleNoun, c.title} {
		switch {
		case cs == nil:
		case cs == c.title && (c.titleElse || c.titleFar):
			p.addIntro("", cs.a)
		default:
			p.addIntro(cs.e.key, cs.a)
		}
	}
	if c.honor != nil && c.honor.e.gender != unknown {
		p.gcues = append(p.gcues, genderCue{tierHonorific, c.honor.e.gender,
			d.cueOf("gender", cueHonorific, c.honor.e.gender, c.honor.a, c.honor.b)})
	}
	if c.desc != nil && (c.desc.e.gender == female || c.desc.e.gender == male) {
		p.gcues = append(p.gcues, genderCue{tierHonorific, c.desc.e.gender,
			d.cueOf("gender", cueDescription, c.desc.e.gender, c.desc.a, c.desc.b)})
	}
	if c.roleNoun != nil {
		p.gcues = append(p.gcues, genderCue{tierHonorific, c.roleNoun.e.gender,
			d.cueOf("gender", cueRoleNoun, c.roleNoun.e.gender, c.roleNoun.a, c.roleNoun.b)})
	} else if rn, ok := s.genderedTitle(d, c, title); ok {
		p.gcues = append(p.gcues, genderCue{tierHonorific, rn.e.gender,
			d.cueOf("gender", cueRoleNoun, rn.e.gender, rn.a, rn.b)})
	}
	if title != nil && p.role == "" {
		p.role, p.roleBy = title.e.tag, d.cueOf("role", cueTitle, title.e.tag, title.a, title.b)
	}
	if c.roleNoun != nil && p.role == "" {
		if role, ok := s.roleTitles[d.joined(c.roleNoun.a, c.roleNoun.b)]; ok {
			p.role, p.roleBy = role, d.cueOf("role", cueTitle, role, c.roleNoun.a, c.roleNoun.b)
		}
	}
	for _, cs := range []*cueSpan{c.honor, c.roleNoun, title} {
		if cs == nil {
			continue
		}
		switch w := d.joined(cs.a, cs.b); {
		case s.violence.victims[w]:
			p.victim = true
		case s.violence.accused[w]:
			p.accused = true
		}
	}
}

// someoneElse reports a strong candidate that names someone other than
// the person p its name matches: an honorific of the other sex, with a
// fuller or shorter name, or with initials that two people of a story may
// share ("bà N.T.B" and "anh N.T.B").
func (s *Scorer) someoneElse(d *doc, p *person, c candidate) bool {
	return otherSex(p, c) && (!equalKeys(s.nameKey(d, c.a, c.b), p.key) || s.initialsOnly(d, c.a, c.b))
}

// otherSex reports a candidate whose honorific or gendered role noun gives
// the other sex than every honorific the person it would join has had:
// "ông Biden nói ... Bà Jill Biden phụ giúp chồng" are husband and wife.
// (The same name written whole twice with honorifics that disagree is one
// person of unknown sex: a slip of the writer's.)
func otherSex(p *person, c candidate) bool {
	g := unknown
	switch {
	case c.honor != nil && (c.honor.e.gender == female || c.honor.e.gender == male):
		g = c.honor.e.gender
	case c.roleNoun != nil && (c.roleNoun.e.gender == female || c.roleNoun.e.gender == male):
		g = c.roleNoun.e.gender
	default:
		return false
	}
	other := false
	for _, gc := range p.gcues {
		if gc.tier != tierHonorific {
			continue
		}
		if gc.gender == g {
			return false
		}
		other = other || gc.gender == female || gc.gender == male
	}
	return other
}

// passiveWords make the name before them the object of the verb after.
var passiveWords = foldedWords("bị")

// harmed marks as victims the people a sentence harms: a mention right after
// a harm verb (an honorific between), or followed (past a parenthesis of
// details, or details set off by commas) by "bị" and a harm verb. Only violence stories use it (rules
// whose near.person is victim), and a suspect stays a suspect.
func (s *Scorer) harmed(d *doc) {
	for _, p := range d.people {
		for _, sp := range p.spans {
			if s.harmBefore(d, sp[0]) || s.harmAfter(d, sp[1]) {
				p.victim = true
				break
			}
		}
	}
}

// harmBefore reports a harm verb ending right before token a, or before the
// honorific or kin word there.
func (s *Scorer) harmBefore(d *doc, a int) bool {
	for _, end := range []int{a, a - 1, a - 2, a - 3} {
		if end < 1 || end < a && !s.violence.ties.spans(d, end, a) {
			continue
		}
		// Back from end, not harmVerbAt's step forward: the verb must end
		// right at end, its words all words of a's sentence.
		for start := end - 1; start >= max(0, end-maxHarmVerb); start-- {
			if !d.isWord(start) || d.sent[start] != d.sent[a] {
				break
			}
			if s.violence.harmVerbs.spans(d, start, end) {
				return true
			}
		}
	}
	return false
}

// maxDetails bounds the parenthesis of details after a name ("(32 tuổi,
// trú tại ...)") that harmAfter looks past.
const maxDetails = 30

// maxAgent bounds the words of an agent between "bị" and the harm verb.
const maxAgent = 5

// agentCopula joins an agent to its name: "bị chồng là Phạm Văn T. đánh".
var agentCopula = foldedWords("là")

// harmAfter reports "bị" and a harm verb after token b, past a parenthesis
// and an agent. The agent may be a kin or role word with the name after
// "là" ("bị chồng là Phạm Văn Tâm đánh đập") and a name may carry its own
// parenthesis ("bị Lê Văn Tư (30 tuổi) đâm"), which does not count against
// the agent's words.
func (s *Scorer) harmAfter(d *doc, b int) bool {
	k := b
	if k < len(d.toks) && d.tokenText(k) == "(" {
		for k < len(d.toks) && d.tokenText(k) != ")" && k-b < maxDetails {
			k++
		}
		k++
	} else if c := appositionEnd(d, b); c > 0 {
		k = c
	}
	if k >= len(d.toks) || !d.in(passiveWords, k) || d.sent[k] != d.sent[b-1] {
		return false
	}
	words, named := 0, false
	for j := k + 1; j < len(d.toks) && words <= maxAgent && d.sent[j] == d.sent[k]; {
		if s.harmVerbAt(d, j) {
			return true
		}
		next := j
		for end := min(len(d.toks), j+3); end > j; end-- {
			if s.violence.harmAgents.spans(d, j, end) {
				next = end
				break
			}
		}
		switch {
		case next > j:
		case d.isWord(j) && d.isUpper(j) || d.isJoiner(j) && d.initial(j-1):
			next, named = j+1, true // a name, its initials and their dots
		case j > k+1 && !named && d.in(agentCopula, j):
			next = j + 1 // "chồng là" + the name
		case named && d.tokenText(j) == "(":
			// The name's details: "(30 tuổi)". They cost no agent words.
			end := j + 1
			for end < len(d.toks) && end-j < maxDetails && d.tokenText(end) != ")" {
				end++
			}
			if end >= len(d.toks) || d.tokenText(end) != ")" {
				return false
			}
			j = end + 1
			continue
		default:
			return false
		}
		words += next - j
		j = next
	}
	return false
}

// appositionEnd finds the details set off by commas after a name, as the
// press writes them as often as a parenthesis ("Chị Nguyễn Thị H., 28 tuổi,
// trú xã Yên Phú, bị chồng đánh"): the comma at token b, then words of the
// same sentence up to a comma that "bị" follows. It returns the token after
// that last comma, or 0. The details hold at least one word: a name right
// before ", bị" ("vợ anh Tú, bị ...") is the apposition's, not the subject.
func appositionEnd(d *doc, b int) int {
	if b >= len(d.toks) || d.tokenText(b) != "," {
		return 0
	}
	for j := b + 2; j+1 < len(d.toks) && j-b < maxDetails && d.sent[j] == d.sent[b]; j++ {
		if d.tokenText(j) == "," && d.in(passiveWords, j+1) {
			return j + 1
		}
	}
	return 0
}

// setName makes tokens [a, b) the person's name.
func (s *Scorer) setName(d *doc, p *person, a, b int) {
	p.key = s.nameKey(d, a, b)
	p.keyVN = d.wordsVietnamese(a, b)
	p.name = vntext.NFC(d.text(a, b))
	p.vn = len(p.key) >= 2 && len(p.key) <= 5 && s.surnames.has(p.key[0]) || s.thiName(d, a, b)
}

// thiName reports a name of three or four syllables whose second is a
// women's middle name that only Vietnamese names carry ("Moong Thị S.",
// "Ven Thị Son"): the family names of ethnic minorities are not all in the
// surname list, but the shape of the name is Vietnamese.
func (s *Scorer) thiName(d *doc, a, b int) bool {
	if b-a < 3 || b-a > 4 || !d.vietnamese(a) {
		return false
	}
	return d.in(vietnameseOnlyMiddles, a+1) && s.middle[d.tokenText(a+1)] != ""
}

// nameKey is the folded syllables of a name, without dots and hyphens.
func (s *Scorer) nameKey(d *doc, a, b int) []string {
	return d.appendNameKey(make([]string, 0, b-a), a, b)
}

// appendNameKey appends the name key of tokens [a, b) (nameKey) to key.
// findPerson and join, which only compare the key of every mention, give
// it a buffer on their stack: those keys were an eighth of the
// allocations of a check.
func (d *doc) appendNameKey(key []string, a, b int) []string {
	for k := a; k < b; k++ {
		if d.isWord(k) {
			key = append(key, d.tokenText(k))
		}
	}
	return key
}

// shortKey is room for the name keys findPerson and join compare: names
// of more words spill to the heap.
const shortKey = 6

// initials counts the single letters of a name key.
func initials(key []string) int {
	n := 0
	for _, w := range key {
		if utf8.RuneCountInString(w) == 1 {
			n++
		}
	}
	return n
}

// initialsOnly reports whether the name is made of single letters
// ("N.T.H").
func (s *Scorer) initialsOnly(d *doc, a, b int) bool {
	for k := a; k < b; k++ {
		if d.isWord(k) && utf8.RuneCountInString(d.tokenText(k)) > 1 {
			return false
		}
	}
	return true
}

// findPerson returns the person that tokens [a, b) name, and how the name
// matched (-1 if none). The most recently mentioned match wins.
func (s *Scorer) findPerson(d *doc, a, b int) (int, string) {
	var buf [shortKey]string
	key := d.appendNameKey(buf[:0], a, b)
	if len(key) == 0 {
		return -1, ""
	}
	best, bestHow, bestRank := -1, "", 0
	keyVN := len(d.people) > 0 && d.wordsVietnamese(a, b) // asked of the key against each person
	for pi := len(d.people) - 1; pi >= 0; pi-- {
		p := d.people[pi]
		if p.unnamed {
			continue
		}
		rank, how := s.nameMatch(key, keyVN, p)
		if rank > bestRank {
			best, bestHow, bestRank = pi, how, rank
		}
	}
	he, _, hon := d.cueEndingAt(s, a, entryHonorific)
	if best < 0 && len(key) == 1 && hon {
		return s.byChineseFamilyName(d, key[0]) // "ông Vương", not "Hoàng đế"
	}
	if best >= 0 && hon && len(key) == 1 && utf8.RuneCountInString(key[0]) == 1 && !slices.Contains(d.people[best].intro, he.key) {
		// "cô H." after "cô Hương" and a pupil listed as "Bùi B. H": the
		// initial with an honorific is the person introduced with that
		// honorific whose name it abbreviates, not one it merely ends.
		for pi := len(d.people) - 1; pi >= 0; pi-- {
			if p := d.people[pi]; pi != best && !p.unnamed && slices.Contains(p.intro, he.key) && initialsMatch(key, p.key) {
				return pi, "the initials of %s"
			}
		}
		if onlyChildIntros.has(he.key) && slices.ContainsFunc(d.people[best].intro, adultHonorifics.has) &&
			!slices.ContainsFunc(d.people[best].intro, childIntros.has) {
			// "tố cáo ông L.P.T. về hành vi dâm ô đối với cháu T.": a
			// child's initial is another person than the adult whose
			// initials end with it.
			return -1, ""
		}
	}
	return best, bestHow
}

// adultHonorifics are the honorifics of a grown man or woman.
var adultHonorifics = foldedWords("ông", "bà", "anh", "chị", "chú", "bác", "cô", "dì", "cậu", "thím", "mợ")

// byChineseFamilyName returns the one person named in full whose family
// name is w, when their name is given in its Sino-Vietnamese reading: the
// press calls them by it ("Ngoại trưởng Vương Nghị ... ông Vương cho biết"),
// never a Vietnamese by theirs. -1 when there is none or more than one.
func (s *Scorer) byChineseFamilyName(d *doc, w string) (int, string) {
	found := -1
	for pi, p := range d.people {
		if p.unnamed || len(p.key) < 2 || p.key[0] != w || !s.surnames.has(w) {
			continue
		}
		if found >= 0 {
			return -1, ""
		}
		found = pi
	}
	if found < 0 {
		return -1, ""
	}
	if !d.chineseKnown {
		d.chinese, d.chineseKnown = s.chineseContext(d), true
	}
	if !s.chineseName(d, d.people[found]) {
		return -1, ""
	}
	return found, "the family name of %s"
}

// nameMatch says whether a mention's key can name person p: 0 for no, a
// higher rank for a closer match, with how (%s stands for p's name). keyVN
// is allVietnamese(key), which the caller works out once for all people.
func (s *Scorer) nameMatch(key []string, keyVN bool, p *person) (int, string) {
	pk := p.key
	switch {
	case equalKeys(key, pk):
		return 6, "the same name"
	case len(key) >= 2 && len(pk) >= 2 && len(key) != len(pk) && initials(key) == len(key) && initials(pk) == len(pk):
		// Initials stand for a whole name: "N.H" and "N.H.H" are two
		// people a story keeps anonymous, not one by a part of the name.
		return 0, ""
	case len(key) < len(pk) && equalKeys(key, pk[len(pk)-len(key):]):
		if p.vn {
			return 5, "the given name of %s"
		}
		return 5, "the family name of %s"
	case len(pk) < len(key) && equalKeys(pk, key[len(key)-len(pk):]):
		return 4, "the full name of %s"
	case !p.vn && len(key) < len(pk) && equalKeys(key, pk[:len(key)]):
		return 3, "the first name of %s"
	case !p.vn && len(key) >= 2 && len(pk) >= 2 && len(key) != len(pk) && key[0] == pk[0] && key[len(key)-1] == pk[len(pk)-1] &&
		!vntext.IsVietnameseSyllable(key[len(key)-1]):
		// "Harsh Shringla" and "Harsh Vardhan Shringla": a middle name left out.
		return 3, "the same first and last name as %s"
	case initialsMatch(key, pk) && !(len(key) == 1 && len(pk) > 1 && p.keyVN):
		// A Vietnamese name once written in full goes on by its given name
		// ("chị Hải"); one initial alone ("chị H.") keeps someone else
		// anonymous, as a story does with a second family it tells of.
		return 3, "the initials of %s"
	case !p.vn && len(key) == 1 && len(pk) > 1 && slices.Contains(pk, key[0]) && !vntext.IsVietnameseSyllable(key[0]):
		return 2, "a part of the name of %s"
	case !p.vn && len(key) == 1 && len(key[0]) >= minMisspelt && slices.ContainsFunc(pk, func(w string) bool { return misspelt(key[0], w) }):
		return 2, "a misspelling of %s"
	case len(key) == len(pk) && (len(key) >= 3 || len(key) == 2 && !keyVN) && accentsOnly(key, pk):
		return 2, "a misspelling of %s"
	case !p.vn && len(key) == len(pk) && len(key) >= 2 && oneMisspelt(key, pk):
		return 2, "a misspelling of %s" // "Warren Buffet" for "Warren Buffett"
	case len(key) != len(pk) && min(len(key), len(pk)) >= 2 && sameJoined(key, pk):
		// "YounYuh Jung" for "Youn Yuh Jung": a space left out or added.
		return 2, "%s with a space left out or added"
	case len(key) == len(pk) && gluedWord(key, pk):
		return 2, "%s with the next word glued to it"
	case p.vn && keyVN && (sexMiddleLeftOut(key, pk) || sexMiddleLeftOut(pk, key)):
		// "Phạm Thị Kim Huệ ... HLV Phạm Kim Huệ": the middle name that
		// says the sex (Thị, Văn) is often left out.
		return 2, "%s without the middle name Thị or Văn"
	case p.vn && len(key) == len(pk) && len(key) >= 3 && key[0] != pk[0] && familyVariants[key[0]] == pk[0] &&
		equalKeys(key[1:], pk[1:]):
		// "Huỳnh Nghị Thanh ... Hoàng Nghị Thanh": one family name, as the
		// south and the north say it.
		return 2, "a variant of the family name of %s"
	}
	return 0, ""
}

// sexMiddleLeftOut reports a full name (long) whose second word is Thị or
// Văn and that, without it, is the short name of three words or more: "Phạm
// Thị Kim Huệ" and "Phạm Kim Huệ".
func sexMiddleLeftOut(long, short []string) bool {
	if len(short) < 3 || len(long) != len(short)+1 || long[1] != foldedThi && long[1] != foldedVan {
		return false
	}
	return long[0] == short[0] && equalKeys(long[2:], short[1:])
}

// familyVariants pairs the family names that are one name said the
// southern and the northern way: Huỳnh and Hoàng, Võ and Vũ.
var familyVariants = func() map[string]string {
	m := map[string]string{}
	for _, pair := range [][2]string{{"huỳnh", "hoàng"}, {"võ", "vũ"}} {
		a, b := vntext.FoldString(pair[0]), vntext.FoldString(pair[1])
		m[a], m[b] = b, a
	}
	return m
}()

// gluedWord reports a mention whose last word is a known person's with the
// next word of the sentence glued to it by a missing space ("Bùi Xuân
// Khuđược" after "Bùi Xuân Khu"): the rest is a Vietnamese syllable of two
// letters or more, the glued word none. Only a mention joins a person so,
// never the other way: the clean name must come first, or bare words
// ("Linux") would join a glued false name ("Linuxbằng").
func gluedWord(long, short []string) bool {
	n := len(long) - 1
	for i := 0; i < n; i++ {
		if long[i] != short[i] {
			return false
		}
	}
	l, w := long[n], short[n]
	if len(l) <= len(w) || !strings.HasPrefix(l, w) || vntext.IsVietnameseSyllable(l) {
		return false
	}
	rest := l[len(w):]
	return utf8.RuneCountInString(rest) >= 2 && vntext.IsVietnameseSyllable(rest)
}

// oneMisspelt reports two foreign names alike but for one long word one
// edit apart.
func oneMisspelt(a, b []string) bool {
	diff := 0
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if !misspelt(a[i], b[i]) {
			return false
		}
		diff++
	}
	return diff == 1
}

// accentsOnly reports two names of as many syllables that differ only in
// their diacritics, in one syllable ("Trương Mỹ Dung" / "Trương Mỹ Dũng",
// "Óscar Mingueza" / "Oscar Mingueza") or because one is written without
// any ("Pham Vu Thanh"): a typing slip, one person. Two-syllable
// Vietnamese names are left alone: "Minh Anh" and "Minh Ánh" may be two.
func accentsOnly(a, b []string) bool {
	diff, plain := 0, true
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		if vntext.FoldDiacritics(a[i]) != vntext.FoldDiacritics(b[i]) {
			return false
		}
		diff++
		if a[i] != vntext.FoldDiacritics(a[i]) && b[i] != vntext.FoldDiacritics(b[i]) {
			plain = false
		}
	}
	return diff == 1 || diff > 1 && plain
}

// wordsVietnamese is allVietnamese(s.nameKey(d, a, b)) from the answers
// the tokens keep (doc.vietnamese): findPerson asks it of every mention, and
// telling a syllable afresh each time was a sixth of its time.
func (d *doc) wordsVietnamese(a, b int) bool {
	for k := a; k < b; k++ {
		if d.isWord(k) && !d.vietnamese(k) {
			return false
		}
	}
	return true
}

// allVietnamese reports a name key made of Vietnamese syllables only.
func allVietnamese(key []string) bool {
	for _, w := range key {
		if !vntext.IsVietnameseSyllable(w) {
			return false
		}
	}
	return true
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !iySpelling(a[i], b[i]) {
			return false
		}
	}
	return true
}

// moreUsedSpelling reports a key that spells p's full name another way
// ("sỹ" for "sĩ") and, with this mention, names them more often than the
// spelling they go by: a caption's "Bùi Sĩ Lợi" gives way to the "Bùi Sỹ
// Lợi" of the text.
func (s *Scorer) moreUsedSpelling(d *doc, p *person, k []string) bool {
	if len(k) != len(p.key) || slices.Equal(k, p.key) || !equalKeys(k, p.key) {
		return false
	}
	same, other := 1, 0
	for _, sp := range p.spans {
		switch m := s.nameKey(d, sp[0], sp[1]); {
		case slices.Equal(m, k):
			same++
		case slices.Equal(m, p.key):
			other++
		}
	}
	return same > other
}

// iySpelling reports two spellings of one syllable that differ only in a
// final "i" or "y" after a consonant, with the same tone: the press writes
// "Bùi Sĩ Lợi" and "Bùi Sỹ Lợi", "Lý" and "Lí", "Kỳ" and "Kì" for one name.
// Folded keys carry the tone as a combining mark at the syllable's end
// ("si\u0303"), so the vowel is the letter before it.
func iySpelling(a, b string) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	ta, tb := "", ""
	if r, n := utf8.DecodeLastRuneInString(a); unicode.Is(unicode.Mn, r) {
		a, ta = a[:len(a)-n], a[len(a)-n:]
	}
	if r, n := utf8.DecodeLastRuneInString(b); unicode.Is(unicode.Mn, r) {
		b, tb = b[:len(b)-n], b[len(b)-n:]
	}
	if ta != tb || len(a) < 2 || a[:len(a)-1] != b[:len(b)-1] {
		return false
	}
	if x, y := a[len(a)-1], b[len(b)-1]; !(x == 'i' && y == 'y' || x == 'y' && y == 'i') {
		return false
	}
	return strings.IndexByte("bcdghklmnpqrstvx", a[len(a)-2]) >= 0 || strings.HasSuffix(a[:len(a)-1], "đ")
}

// initialsMatch reports whether short abbreviates long: every syllable of
// short is either the same as long's at that place or its first letter,
// with at least one initial, aligned at the end ("d corlou" / "didier
// corlou") or as a whole ("n t h" / "nguyễn thị hoa", "nguyễn văn h" /
// "nguyễn văn hùng").
func initialsMatch(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	if len(short) == len(long) {
		off = 0
	}
	abbrev := false
	for i, w := range short {
		l := long[off+i]
		if w == l {
			continue
		}
		if utf8.RuneCountInString(w) == 1 && firstLetter(l) == firstLetter(w) && utf8.RuneCountInString(l) > 1 {
			abbrev = true
			continue
		}
		return false
	}
	return abbrev
}

// firstLetter is a syllable's first letter without diacritics.
func firstLetter(w string) string {
	return string(vntext.FirstFolded(w))
}

// minMisspelt is the fewest bytes of a word misspelt may pair: nameMatch
// asks it first, before pairing a key word with each of a name's.
const minMisspelt = 6

// misspelt reports two long foreign words one edit apart ("susantyas",
// "susanetyas"). Vietnamese syllables are short, so they never qualify.
func misspelt(a, b string) bool {
	if a == b || len(a) < minMisspelt || len(b) < minMisspelt { // bytes >= runes: most words stop here
		return false
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la < 6 || lb < 6 || la-lb > 2 || lb-la > 2 || la < 9 && (la-lb > 1 || lb-la > 1) {
		return false // the lengths alone put them too far apart
	}
	if la >= 9 {
		return vntext.EditDistanceAtMost(a, b, 2)
	}
	return vntext.EditDistanceAtMost(a, b, 1)
}

// unnamedSources adds the people a story quotes without naming them: a
// description (người phụ nữ, đại diện công ty, nguồn tin, chị thu ngân)
// followed, in the same clause, by a speech verb. A description that was
// used to introduce a named person ("bác sĩ Lan ... bác sĩ cho biết"), or
// that points back ("chuyên gia này"), refers to that person instead.
func (s *Scorer) unnamedSources(d *doc) {
	const opens = 1<<entrySource | 1<<entryPossessive | 1<<entryHonorific | 1<<entryTitle
	var demCursor demonstrativeCursor
	for k := 0; k < len(d.toks); k++ {
		if !d.quote[k] && d.mention[k] < 0 && demCursor.after(d, k) <= k+3 {
			if dem := s.indefinitePersonTakenUp(d, k, demCursor.next); dem > k {
				// "... bắt quả tang một người vận chuyển ma túy. Người này
				// khai nhận ...", "... chặn một thanh niên ... Thanh niên
				// này khai ...": the one brought in with "một" speaks.
				if v, _, ok := s.speechAfterDescription(d, k, dem+1); ok {
					e := entry{kind: entrySource, gender: unknown, key: foldedPerson}
					if se, send, ok := s.sourceAt(d, k); ok && send == dem {
						e = se
					} else {
						// A role noun or title that says the sex ("Nam
						// thanh niên này", "Nữ sinh này") gives it.
						for _, kind := range []entryKind{entryRoleNoun, entryTitle} {
							if re, rend, ok := d.cueAt(s, k, kind); ok && rend == dem && (re.gender == female || re.gender == male) {
								e.gender = re.gender
								break
							}
						}
					}
					s.addSource(d, e, k, dem, dem+1, v)
					k = v
					continue
				}
			}
		}
		if d.quote[k] || d.mention[k] >= 0 ||
			d.startKinds[k]&opens == 0 && (k+1 >= len(d.toks) || d.startKinds[k+1]&(1<<entryHonorific|1<<entryTitle|1<<entrySource) == 0) &&
				!(d.in(ownerWords, k) && k+1 < len(d.toks) && d.tokenText(k+1) == s.words.mot) {
			continue // no description starts here ("một" before an honorific may, "chủ" before "một" does)
		}
		if k > 0 && d.in(compoundHeads, k-1) && d.sent[k-1] == d.sent[k] && d.tokenText(k) == foldedFather {
			continue // "khủng bố", "tuyên bố": the syllable ends a word, no father
		}
		if k > 0 && d.in(concurrentWords, k-1) && d.sent[k-1] == d.sent[k] {
			// "Bà X - Phó Chủ tịch Tập đoàn Y kiêm Đại diện Quỹ Z chia
			// sẻ": a second post of the person named before, no one else.
			continue
		}
		e, end, ok := s.sourceAt(d, k)
		if ok && d.capitalInside(k, end) {
			ok = false // "người Anh" is an Englishman, not "người anh" the brother
		}
		if pend, pe, ok2 := s.possessorAfter(d, k); ok2 {
			if s.insideIndefinite(d, k) {
				k = pend - 1 // "một người bà con phía vợ ông Hiệp cho biết": the relative speaks
				continue
			}
			if s.namedAppositive(d, k) {
				k = pend - 1 // "Derrick Hall - anh trai của Chadwick cho rằng": Derrick speaks
				continue
			}
			if s.pluralClassified(d, k) {
				k = pend - 1 // "Ba cô con gái của X từng chia sẻ": a group
				continue
			}
			if k >= 2 && companyOf.spans(d, k-2, k) || k >= 1 && companyOf.spans(d, k-1, k) {
				// "công ty quản lý của X thừa nhận": the management company
				// speaks, an organisation, no aide.
				k = pend - 1
				continue
			}
			// "con gái chị Loan kể": the description runs to the end of the name.
			if !ok {
				e, ok = pe, true
			}
			end = pend
			if v, descEnd, ok3 := s.speechAfterDescription(d, -1, pend); ok3 {
				if !groupPossessives.startsAt(d, k) { // "bạn bè X cho hay": a group speaks, not X
					s.addSource(d, e, k, end, descEnd, v)
				}
				k = v
			} else if q := d.quotationBefore(k); q >= 0 && s.starsAide(d, k, d.possessiveEnd(s, k), d.possessiveEnd(s, k)) {
				// "“...”, quản lý Khắc Việt viết": the words are the aide's.
				s.addQuotedSource(d, e, k, end, pend, q, cueQuoteDash, q, q+2)
				k = pend - 1
			} else if !s.colonSource(d, e, k, pend, true) {
				k = pend - 1
			}
			continue
		}
		if !ok {
			// An honorific with an occupation: "chị thu ngân", "một anh xe ôm";
			// an indefinite title: "một nhà nghiên cứu", "một giám đốc ngân hàng";
			// the head of an indefinite institution: "Giám đốc một công ty
			// lữ hành", "chủ một cửa hàng".
			if e, end, ok = s.honorificDescription(d, k); !ok {
				if e, end, ok = s.indefiniteTitle(d, k); !ok {
					e, end, ok = s.headOfIndefinite(d, k)
				}
				if !ok {
					if e, end, ok = s.bareTitle(d, k); ok {
						s.titleSpeaks(d, e, k, end)
						k = end - 1
					} else if e, end, ok = s.bareRole(d, k); ok {
						s.roleSpeaks(d, e, k, end)
						k = end - 1
					}
					continue
				}
			}
		}
		if pend := s.pairedSource(d, e, end); pend > end {
			k = pend - 1 // "cha mẹ": the parents, a group
			continue
		}
		if d.pluralBefore(s, k) || s.pluralClassified(d, k) || s.pluralConjunct(d, k, 3) || s.jointSubject(d, k) || end < len(d.toks) && d.isWord(end) && d.isUpper(end) && s.startsName(d, end) && !s.hometownAt(d, end) && !s.nationalityAt(d, end) ||
			s.describesNamed(d, k) || s.describesOrganisation(d, k) || s.possessorOfKin(d, k) || s.modifierNoun(d, k) {
			k = end - 1
			continue
		}
		if e.gender == unknown && d.tokenText(k) != s.words.mot && (!s.opensClause(d, k) || s.relativeMa(d, k)) && !s.agentOrRelayed(d, k) &&
			!(s.officeSpeaker(d, k, end) && s.precededByTheo(d, k) >= 0) {
			// A bare description of unknown gender inside a clause is an
			// object or a modifier, not who speaks: "yêu cầu cán bộ cho
			// biết", "để nhân viên phản ánh", "những điều bác sĩ nói".
			k = end - 1
			continue
		}
		if s.predicative(d, k) {
			k = end - 1 // "Là một cổ đông lớn, ông chia sẻ": what the speaker is
			continue
		}
		if s.oneInEvery(d, k) {
			k = end - 1 // "cứ ba người thì có một người cho biết": a share, no one person
			continue
		}
		if pi := s.agedBefore(d, e, k, end); pi >= 0 {
			// "Khi đó, Lò Thị Mai mới 19 tuổi. ... Cô gái 19 tuổi khi đó trả
			// lời: ...": a bare description with the age the story gave a
			// named person is that person, not someone new.
			p := d.people[pi]
			start, stop := d.span(k, end+2)
			p.mentions = append(p.mentions, Mention{Start: start, End: stop})
			p.spans = append(p.spans, [2]int{k, end + 2})
			for j := k; j < end+2; j++ {
				if d.mention[j] < 0 {
					d.mention[j] = pi
				}
			}
			if g := e.gender; g == female || g == male {
				p.gcues = append(p.gcues, genderCue{tierReference, g, d.cueOf("gender", cueDescription, g, k, end)})
			}
			if v, _, ok := s.speechAfterDescription(d, k, end+2); ok {
				if !p.quoted {
					p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
				}
				k = v
			} else {
				k = end + 1
			}
			continue
		}
		back := end < len(d.toks) && d.in(demonstratives, end)
		from := end
		if back {
			from = end + 1
		} else if n := s.aboveAfter(d, end); n > 0 {
			if s.indefiniteTakenUp(d, k, end) >= 0 {
				k = end - 1 // "Một quan chức công đoàn kêu gọi ... quan chức trên cho biết": a source already
				continue
			}
			back, from = true, end+n // "người phụ nữ (nói) trên cho biết"
		}
		// The description may run on with what it is about ("lãnh đạo UBND
		// xã Đắk Sôr", "người dân sống gần đó") before its verb.
		v, descEnd, ok := s.speechAfterDescription(d, k, from)
		if !ok {
			if !back {
				if v := s.speechAfterAnd(d, k, end); v >= 0 {
					s.addSource(d, e, k, end, end, v)
					k = v
					continue
				}
			}
			if !back && s.colonSource(d, e, k, end, false) {
				continue
			}
			if !back && s.theoSource(d, e, k, end) {
				continue
			}
			if !back && s.afterQuotation(d, e, k, end) {
				continue
			}
			if !back && s.indefiniteBeforeColon(d, e, k, end) {
				continue
			}
			k = end - 1
			continue
		}
		if k > 0 && d.in(objectMarkers, k-1) && d.sent[k-1] == d.sent[k] {
			// After a preposition or a verb that takes it as its object, a
			// description is not the subject of the verb after it: "hình
			// ảnh của người đàn ông đang trao đổi với ...", "khiến người vợ
			// cho rằng ...".
			k = end - 1
			continue
		}
		if pi := s.referredTo(d, d.joined(k, end), e.gender, k, back); pi >= 0 {
			p := d.people[pi]
			if !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			k = v
			continue
		}
		if back {
			if s.indefiniteEarlier(d, k, end) {
				// "Một người phụ nữ bị giật túi ... Người phụ nữ trên cho
				// biết": the woman brought in before, not yet a source.
				s.addSource(d, e, k, end, end, v)
			}
			k = v
			continue
		}
		if pi := s.officeHolder(d, k, descEnd); pi >= 0 {
			// "ông X - Phó Giám đốc Sở Y tế Hà Nội - cho biết ... Lãnh đạo
			// Sở Y tế cho hay": the one official named with that office.
			if p := d.people[pi]; !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			k = v
			continue
		}
		if pi := s.introducedAfter(d, d.joined(k, end), k, descEnd, end); pi >= 0 {
			p := d.people[pi]
			if !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			k = v
			continue
		}
		if descEnd == end && d.tokenText(k) != s.words.mot && (genericExperts.spans(d, k, end) || genericReaders.spans(d, k, end)) &&
			adviceVerbs.spans(d, v, s.speechEnd(d, v)) {
			// "Bác sĩ khuyến cáo ...", "chuyên gia khuyên ..." with no one
			// named so: the advice of the profession, not one person's words.
			k = v
			continue
		}
		if ci := d.onlyChild(); ci >= 0 && descEnd == end && k > 0 && d.tokenText(k-1) != s.words.mot &&
			(girlWords.spans(d, k, end) || boyWords.spans(d, k, end)) {
			// "anh tra khảo thì con gái trả lời": the daughter is the one
			// child the story names ("cháu L."), not someone new.
			if p := d.people[ci]; !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			k = v
			continue
		}
		if descEnd == end {
			if vi := s.speakingVictim(d, e.key, k, end); vi >= 0 {
				// "Nạn nhân kể lại mọi chuyện": the victim, no one new.
				if p := d.people[vi]; !p.quoted {
					p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
				}
				k = v
				continue
			}
		}
		s.addSource(d, e, k, end, descEnd, v)
		k = v
	}
}

// speakingVictim returns the victim a bare victim's title ("nạn nhân",
// "bị hại") at tokens [k, end), folded key, takes up when it speaks, or -1:
// a victim the story never names ("“...”, nạn nhân cho biết") is an
// unnamed source. Two searches, the near one first:
//
//  1. the victim just named ("T.H uống thuốc tự tử ... Nạn nhân kể lại
//     mọi chuyện"), read as victimAnaphors reads the bare title: the one
//     last mentioned, in its sentence or the two before, when named and a
//     victim (so introduced, or harmed in a sentence) and neither a
//     suspect, an official or an expert nor the doer of a harm told after
//     the mention. Anyone else mentioned last (the suspect: "Lò Văn Hải
//     cầm gậy đánh vợ. Nạn nhân kể lại") ends this search.
//  2. else namedVictim: the one named person the story titles a victim
//     anywhere, however late ("Nạn nhân kể lại mọi chuyện ... bị hại T.H
//     khẳng định").
//
// The near search comes first because a title opening its clause takes up
// whom the story has just told of, while a name after a victim's title
// elsewhere may be another attack's victim: the far answer stands in only
// where no victim was just named. roleSpeaks asks namedVictim alone, after
// its own search for the one named with the role.
func (s *Scorer) speakingVictim(d *doc, key string, k, end int) int {
	if s.violence.anaphors.spans(d, k, end) {
		for o := k - 1; o >= 0 && d.sent[o] >= d.sent[k]-2; o-- {
			i := d.mention[o]
			if i < 0 || d.quote[o] {
				continue
			}
			p := d.people[i]
			if p.unnamed || p.accused || p.fiction || p.role == roleOfficial || p.role == roleExpert || s.harmsAfter(d, o) {
				break
			}
			if p.victim {
				return int(i)
			}
			for _, sp := range p.spans {
				if s.harmBefore(d, sp[0]) || s.harmAfter(d, sp[1]) {
					return int(i)
				}
			}
			break // named, but not told as a victim
		}
	}
	return s.namedVictim(d, key)
}

// indefinitePersonTakenUp returns the demonstrative ending a description
// of a person at token k that opens its clause and takes up someone
// brought in with "một" and the same words in its sentence or the three
// before, not yet anyone's mention, with no one named and nothing quoted
// between ("Người này", "Thanh niên này" after "một thanh niên", "Người
// phụ nữ đó" after "một phụ nữ"); or -1. The words are a bare "người" or
// a description of a person a source list does not cover whole (those
// are taken up by the stages after); "Người ta" is people at large; after
// a quotation the interviewee may be meant. next is the first
// demonstrative after k (demonstrativeCursor).
func (s *Scorer) indefinitePersonTakenUp(d *doc, k, next int) int {
	dem := next
	if dem > k+3 || dem >= len(d.toks) {
		return -1
	}
	for j := k; j < dem; j++ {
		if !d.isWord(j) || d.sent[j+1] != d.sent[k] {
			return -1
		}
	}
	if !s.opensClause(d, k) || !s.personWords(d, k, dem) {
		return -1
	}
	for j := k - 1; j > 0 && d.sent[j] >= d.sent[k]-3; j-- {
		if d.mention[j] >= 0 || d.quote[j] {
			// Someone named, or words quoted, between: "“...” - người này
			// giải thích" may be the one interviewed all along.
			return -1
		}
		if d.tokenText(j-1) != s.words.mot {
			continue
		}
		if d.sameWords(j, k, dem-k) || d.tokenText(k) == foldedPerson && dem-k > 1 && d.sameWords(j, k+1, dem-k-1) ||
			dem-k == 1 && d.tokenText(k) == foldedPerson && d.tokenText(j) == foldedPerson {
			if s.predicative(d, j-1) || d.pluralBefore(s, j-1) {
				return -1
			}
			return dem
		}
	}
	return -1
}

// personWords reports the words [k, end) before a demonstrative as a
// description of a person that no source covers whole: a bare "người",
// a title or a role noun ("thanh niên", "nam thanh niên"), a word for a
// suspect ("đối tượng"), or "người" and a source ("người phụ nữ" taken up
// after "một phụ nữ").
func (s *Scorer) personWords(d *doc, k, end int) bool {
	if _, send, ok := s.sourceAt(d, k); ok && send == end && d.tokenText(k) != foldedPerson {
		return false // a source description of its own: "chuyên gia này"
	}
	if end == k+1 && d.tokenText(k) == foldedPerson {
		return true
	}
	for _, kind := range []entryKind{entryTitle, entryRoleNoun, entrySource} {
		if _, tend, ok := d.cueAt(s, k, kind); ok && tend == end {
			return true
		}
	}
	return s.violence.accused[d.joined(k, end)]
}

// sameWords reports whether the n tokens from a read as those from b.
func (d *doc) sameWords(a, b, n int) bool {
	if a+n > len(d.toks) || b+n > len(d.toks) {
		return false
	}
	for i := 0; i < n; i++ {
		if d.tokenText(a+i) != d.tokenText(b+i) {
			return false
		}
	}
	return true
}

// pointingBack are the demonstratives that take up one person: "người
// này", "người đó", "người ấy".
var pointingBack = foldedWords("này", "đó", "ấy")

// demonstrativeCursor finds the first demonstrative (pointingBack) after a
// token as unnamedSources walks the page, so that each token is asked
// once: asking the three tokens after every token was 1.5% of a check.
// next is the first demonstrative at or after from (len(d.toks): none).
type demonstrativeCursor struct{ from, next int }

// after returns the first demonstrative after token k, or len(d.toks).
// It is small enough to be inlined: only seek, once per demonstrative, is
// a call; and unnamedSources calls indefinitePersonTakenUp only where one
// is near enough.
func (c *demonstrativeCursor) after(d *doc, k int) int {
	if k+1 < c.from || k+1 > c.next {
		c.seek(d, k+1)
	}
	return c.next
}

// seek moves the cursor to the first demonstrative at or after token from.
func (c *demonstrativeCursor) seek(d *doc, from int) {
	k := from
	for k < len(d.toks) && !d.in(pointingBack, k) {
		k++
	}
	c.from, c.next = from, k
}

// genericExperts, bare and giving advice (adviceVerbs), speak for their
// profession.
var (
	genericExperts = foldedPhraseSet("bác sĩ", "chuyên gia", "các bác sĩ", "các chuyên gia")
	adviceVerbs    = foldedPhraseSet("khuyến cáo", "khuyên", "cảnh báo", "lưu ý", "nhắc nhở", "đề nghị")
	// genericReaders, bare before an advice verb, are the readers a
	// health story addresses, not a mother quoted: "khi tắm cho trẻ, mẹ
	// lưu ý không dùng nước quá nóng".
	genericReaders = foldedPhraseSet("mẹ", "bố", "ba mẹ", "bố mẹ", "cha mẹ", "mẹ bầu", "các mẹ")
)

// agedBefore returns the named person a bare description at tokens [k,
// end) followed by an age ("Cô gái 20 tuổi", "Chàng trai 24 tuổi") refers
// back to: the one the story gave that age before (sameAge), of a gender
// the description allows; -1 if none, or when "một" makes it someone new.
func (s *Scorer) agedBefore(d *doc, e entry, k, end int) int32 {
	if d.tokenText(k) == s.words.mot || !s.opensClause(d, k) {
		return -1
	}
	pi := s.sameAge(d, k, end)
	if pi < 0 {
		return -1
	}
	if g := s.honorificGender(d, d.people[pi]); (e.gender == female || e.gender == male) && (g == female || g == male) && g != e.gender {
		return -1
	}
	return pi
}

// modifierNoun reports a description at token k that ends a noun phrase
// begun by a lower-case word that is no clause opener: "cơ sở đào tạo giáo
// viên thông báo", "trung tâm hỗ trợ phụ huynh cho biết". The verb is the
// phrase's head's (an institution), not the people it serves.
func (s *Scorer) modifierNoun(d *doc, k int) bool {
	if k == 0 || d.sent[k-1] != d.sent[k] || !d.isWord(k-1) || d.isUpper(k-1) || d.quote[k-1] {
		return false
	}
	return d.in(servingVerbs, k-1)
}

// servingVerbs make the description after them the object of a noun
// phrase naming an institution or a service: "đào tạo giáo viên", "hỗ trợ
// học sinh", "phục vụ bệnh nhân".
var servingVerbs = foldedWords("tạo", "trợ", "vụ", "dưỡng", "tuyển", "dành", "cho")

// insideIndefinite reports a description at token k that only qualifies
// an indefinite description of a person a few lower-case words before it
// in the same phrase: "một người bà con phía vợ ông Hiệp", "một người làm
// thuê cho con trai bà Tư". The head before is the one described.
func (s *Scorer) insideIndefinite(d *doc, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6 && d.sent[j] == d.sent[k]; j-- {
		if !d.isWord(j) || d.mention[j] >= 0 || d.quote[j] || d.isUpper(j) && !d.sentenceStart(j) || d.in(phraseBreaks, j) {
			return false
		}
		if d.tokenText(j) == s.words.mot {
			_, end, ok := s.sourceAt(d, j)
			return ok && end < k
		}
	}
	return false
}

// concurrentWords ("kiêm") join a second post to the title of the person
// they follow.
var concurrentWords = foldedWords("kiêm")

// compoundHeads are the first syllables of words that end in "bố"
// (father): "khủng bố" (terrorism), "tuyên bố", "công bố", "phân bố", "ban
// bố": "mạng lưới khủng bố Al-Qaeda tuyên bố" quotes no father.
var compoundHeads = foldedWords("khủng", "tuyên", "công", "phân", "ban")

// foldedFather is "bố" as the folded text reads it.
var foldedFather = vntext.FoldString("bố")

// phraseBreaks end a noun phrase: what follows them is a new subject or
// a new member of a list.
var phraseBreaks = foldedWords("và", "hoặc", "hay", "cùng", "với", "rằng", "là", "thì", "mà", "nhưng")

// afterQuotation adds the unnamed source, described indefinitely by tokens
// [k, end), that stands right after a quotation and its comma, whatever
// the verb: "“Hãy về đi...”, một phụ nữ gào khóc bên thi thể chồng". As a
// name there is the words' speaker (quotedAt), so is someone brought in
// with "một". It reports whether it added one.
func (s *Scorer) afterQuotation(d *doc, e entry, k, end int) bool {
	if d.tokenText(k) != s.words.mot && !s.headsIndefinite(d, k) || k < 2 || !d.quoteMarkComma(k) {
		return false // ("“...”, bác sĩ một bệnh viện ở Kathmandu, cho biết" heads an institution left unnamed)
	}
	q := d.quotationBefore(k)
	if q < 0 {
		return false
	}
	s.addQuotedSource(d, e, k, end, end, q, cueQuoteDash, q, q+2)
	return true
}

// indefiniteBeforeColon adds the unnamed source described indefinitely by
// tokens [k, end) ("một ...") whose speech verb, within a few words of its
// own, is followed by a colon and a quotation, wherever the description
// stands: "Có câu chuyện tôi nhớ mãi về một phụ huynh trong lễ tốt nghiệp
// chia sẻ: “...”". The quotation says someone spoke; "một" says who is
// new. It reports whether it added one.
func (s *Scorer) indefiniteBeforeColon(d *doc, e entry, k, end int) bool {
	if d.tokenText(k) != s.words.mot || d.pluralBefore(s, k) {
		return false
	}
	for j, words := end, 0; j < len(d.toks) && words <= 5; j++ {
		if d.quote[j] || d.mention[j] >= 0 || d.sent[j] != d.sent[k] || d.toks[j].Newline || !d.isWord(j) {
			return false
		}
		if _, vend, ok := d.cueAt(s, j, entrySpeech); ok {
			if vend+1 < len(d.toks) && d.tokenText(vend) == ":" && quoteOpener(d.tokenText(vend+1)) {
				s.addSource(d, e, k, end, j, j)
				return true
			}
			return false
		}
		if d.in(descriptionBreaks, j) {
			return false
		}
		words++
	}
	return false
}

// namedAppositive reports a description at token k that stands in
// apposition right after a named person's mention: "X - anh trai của Y",
// "X, con gái ông Y,", where X opens the sentence or a clause. The description says who
// X is; the verb after it is X's.
func (s *Scorer) namedAppositive(d *doc, k int) bool {
	if k < 2 || !appositiveMark(d.tokenText(k-1)) || d.sent[k-2] != d.sent[k] {
		return false
	}
	m := d.mention[k-2]
	if m < 0 || d.people[m].unnamed {
		return false
	}
	if d.tokenText(k-1) != "," {
		return true
	}
	a := k - 2
	for a > 0 && d.mention[a-1] == m {
		a--
	}
	if d.firstInSentence(a) {
		return true
	}
	// Or the name, with its honorific or title, opens a later clause:
	// "..., nhưng bà Kris Jenner, mẹ của Kim cho biết".
	for _, kind := range []entryKind{entryHonorific, entryTitle} {
		if _, st, ok := d.cueEndingAt(s, a, kind); ok {
			a = st
			break
		}
	}
	return a > 0 && d.sent[a-1] == d.sent[a] && d.in(clauseOpeners, a-1) && d.tokenText(a-1) != s.words.va
}

// theoSource adds the unnamed source, described indefinitely by tokens
// [k, end), that a "theo" attribution opening its clause gives the words
// of: "Theo tiết lộ của một chủ nhà hàng, ...", "Theo một người bạn thân
// của cặp đôi, ...". The attribution ends at a comma within eight words,
// with no name or quotation in it. It reports whether it added one.
func (s *Scorer) theoSource(d *doc, e entry, k, end int) bool {
	if d.tokenText(k) != s.words.mot && e.gender != female && e.gender != male && !s.officeSpeaker(d, k, end) {
		return false // "theo một người hàng xóm"; a gendered description stands alone: "theo bà mẹ của cô"
	}
	st := s.precededByTheo(d, k)
	if st < 0 {
		return false
	}
	reach := 8
	if d.tokenText(k) == s.words.mot {
		// Someone new may be described at more length: "Theo một chủ vựa
		// bán khoai chuyên cung cấp khoai cho các cơ sở làm hành phi, ...".
		reach = 14
	}
	paren := false
	for j := end; j < len(d.toks) && j <= end+reach; j++ {
		if d.mention[j] >= 0 || d.quote[j] || d.sent[j] != d.sent[k] || d.toks[j].Newline {
			return false
		}
		switch t := d.tokenText(j); {
		case t == "(":
			paren = true
		case t == ")":
			paren = false
			reach++
		case t == "," && !paren:
			s.addQuotedSource(d, e, k, end, j, st, cueTheo, st, s.theoEnd(d, st))
			return true
		}
		if paren {
			// Where the office is, in parentheses, does not count against
			// the reach: "Theo lãnh đạo Phòng Nông nghiệp huyện X (tỉnh Y), ...".
			reach++
		}
	}
	return false
}

// pairedSource finds a description of a woman or a man followed at once
// by one of the other sex: "cha mẹ", "bố mẹ" are the parents, a group.
// It returns the end of the pair, or end when there is none.
func (s *Scorer) pairedSource(d *doc, e entry, end int) int {
	if e.gender != female && e.gender != male || end >= len(d.toks) || !d.isWord(end) {
		return end
	}
	// Two bare words of kin ("cha mẹ", "bố mẹ"), not a description and
	// whose it is ("con trai của một nữ bệnh nhân": her son).
	if next, nend, ok := d.cueAt(s, end, entrySource); ok && (next.gender == female || next.gender == male) &&
		next.gender != e.gender && (nend == end+1 || nend == end+2 && (d.tokenText(end+1) == s.words.cua || d.in(inLawWords, end+1))) &&
		len(strings.Fields(e.key)) == 1 {
		// ("cha mẹ của cô dâu": the parents of the bride, whose they are
		// after; "bố mẹ vợ", "cha mẹ chồng": the in-laws, a couple too.)
		return nend
	}
	return end
}

// inLawWords after a pair of kin words make them the in-laws or the
// birth or adoptive parents: "bố mẹ vợ", "cha mẹ chồng", "bố mẹ đẻ".
var inLawWords = foldedWords("vợ", "chồng", "đẻ", "nuôi", "ruột")

// addQuotedSource is addSource for a source whose words another cue than
// the verb tells (a quotation before it, a colon, "theo", a pronoun): the
// source it adds, if any, is quoted by a cue of that kind over tokens
// [ca, cb).
func (s *Scorer) addQuotedSource(d *doc, e entry, k, end, descEnd, v int, kind string, ca, cb int) {
	n := len(d.people)
	s.addSource(d, e, k, end, descEnd, v)
	if len(d.people) > n {
		d.people[n].quoteBy = d.cueOf("quoted", kind, "", ca, cb)
	}
}

// addSource adds an unnamed quoted person described by tokens [k, descEnd),
// whose head description [k, end) gives gender and role, speaking with the
// verb at v.
func (s *Scorer) addSource(d *doc, e entry, k, end, descEnd, v int) {
	if publicAtLarge.has(e.key) && (descEnd == end || publicPlaces.spans(d, end, descEnd) ||
		descEnd-end >= 3 && d.in(placeLinks, end) && d.in(demonstratives, descEnd-1)) {
		// "Người dân cho rằng", "người dân địa phương cho biết", "cư dân mạng
		// chỉ trích", "người dân tại thành phố này" (the place the story is
		// about): the public, no one person; "người dân xóm Lò Rèn kể" is
		// someone of the place, "một cư dân mạng" one of them.
		return
	}
	if headOfBody.spans(d, k, end) {
		// "Người đứng đầu FIFA khẳng định" with no holder of the body's
		// title named: most often a holder the story named otherwise, so
		// no one new.
		return
	}
	if pi := s.sameSource(d, e, k, descEnd); pi >= 0 {
		// "Chị bán hàng hỏi ... chị bán hàng trả lời": one woman.
		p := d.people[pi]
		start, stop := d.span(k, descEnd)
		p.mentions = append(p.mentions, Mention{Start: start, End: stop})
		p.spans = append(p.spans, [2]int{k, descEnd})
		for j := k; j < descEnd; j++ {
			if d.mention[j] < 0 {
				d.mention[j] = int32(pi)
			}
		}
		return
	}
	if pi := s.spouseAppositive(d, k, end); pi >= 0 {
		// "Ông xã Lê Văn Tùng cho biết": the husband, named; he speaks.
		if p := d.people[pi]; !p.quoted {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueSpeechVerb, "", v, s.speechEnd(d, v))
		}
		return
	}
	if pi := s.namedSpouse(d, k, descEnd); pi >= 0 {
		// "Kim Cương sánh đôi cùng ông xã Ưng Hoàng Phúc ... bà xã Ưng
		// Hoàng Phúc phủ nhận": the wife the story named speaks.
		p := d.people[pi]
		if !p.quoted {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueSpeechVerb, "", v, s.speechEnd(d, v))
		}
		if g := e.gender; g == female || g == male {
			p.gcues = append(p.gcues, genderCue{tierReference, g, d.cueOf("gender", cueDescription, g, k, end)})
		}
		return
	}
	p := d.newPerson()
	p.name, p.unnamed, p.quoted = vntext.NFC(d.text(k, descEnd)), true, true
	p.quoteBy = d.cueOf("quoted", cueSpeechVerb, "", v, s.speechEnd(d, v))
	if g := e.gender; g == female || g == male {
		head := k
		if _, hend, ok := s.sourceAt(d, k); ok {
			end = min(end, hend)
		}
		p.gcues = append(p.gcues, genderCue{tierHonorific, g, d.cueOf("gender", cueDescription, g, head, end)})
	}
	if role, ok := s.descriptionRole(d, k, end); ok {
		p.role, p.roleBy = role, d.cueOf("role", cueTitle, role, k, end)
	}
	d.people = append(d.people, p)
	// The possessor's mention stays theirs; the description's own words
	// are marked as this person's.
	start, stop := d.span(k, descEnd)
	p.mentions = append(p.mentions, Mention{Start: start, End: stop})
	p.spans = append(p.spans, [2]int{k, descEnd})
	pi := int32(len(d.people) - 1)
	for j := k; j < descEnd; j++ {
		if d.mention[j] < 0 {
			d.mention[j] = pi
		}
	}
}

// sameSource returns the unnamed source added earlier with the same
// description [k, descEnd) of a woman or a man, or -1. Repeated with its
// definite description ("người phụ nữ kể ... người phụ nữ nói"), a source
// is the same person; "một" or "khác" introduces another one, and a
// description of unknown gender (người dân, chuyên gia) is often generic.
// publicAtLarge are the descriptions that, with nothing after them, stand
// for the public rather than one person; publicPlaces are the words that
// place them no more closely.
var (
	publicAtLarge = foldedWords("người dân", "cư dân mạng", "người dùng")
	publicPlaces  = foldedPhraseSet("địa phương", "ở đây", "nơi đây", "quanh đây", "trong vùng")
)

// wifeWords and husbandWords name a spouse before whose they are ("bà xã
// X", "vợ của X") or before the spouse's own name ("X và vợ Y").
var (
	wifeWords    = foldedPhraseSet("vợ", "bà xã", "người vợ")
	husbandWords = foldedPhraseSet("chồng", "ông xã", "người chồng")
)

// spouseAppositive returns the person named right after a word for a
// spouse at token k, up to end, when the name is of the spouse word's sex:
// "ông xã Lê Văn Tùng", "bà xã Lê Thị Mai" call the named person the
// husband or the wife, where "bà xã Ưng Hoàng Phúc" (a man's name) is
// his wife. The name's sex is read from "Văn"/"Thị" or the given name's
// table; -1 when it says nothing or another sex.
func (s *Scorer) spouseAppositive(d *doc, k, end int) int {
	j, sex := wifeWords.longestAt(d, k), female
	if h := husbandWords.longestAt(d, k); h > j {
		j, sex = h, male
	}
	if j <= k || j >= end || end-j < 2 {
		return -1
	}
	m := d.mention[j]
	if m < 0 || d.mention[end-1] != m || d.people[m].unnamed {
		return -1
	}
	g := ""
	switch d.tokenText(end - 2) {
	case foldedVan:
		g = male
	case foldedThi:
		g = female
	default:
		g = s.people.GivenVI.GenderKey(d.tokenText(end - 1))
	}
	if g != sex {
		return -1
	}
	return int(m)
}

// namedSpouse returns, for an unnamed source described as someone's
// spouse ("bà xã Ưng Hoàng Phúc", "vợ của X", "chồng cô" is not: no name),
// the person the story names as that spouse: "A cùng ông xã B", "A và
// chồng B" (A is B's wife), "B và vợ - nhà báo A", "B cùng bà xã A". -1
// when there is none or more than one.
func (s *Scorer) namedSpouse(d *doc, k, descEnd int) int {
	wife := wifeWords.longestAt(d, k)
	husband := husbandWords.longestAt(d, k)
	if wife <= 0 && husband <= 0 {
		return -1
	}
	// spouseOf: the words for the spouse the description names; other:
	// the words the named spouse's partner is called by.
	end, spouseOf, other := max(wife, husband), &wifeWords, &husbandWords
	if husband > 0 {
		spouseOf, other = &husbandWords, &wifeWords
	}
	j := end
	if j < descEnd && d.tokenText(j) == s.words.cua {
		j++
	}
	if j >= descEnd || d.mention[j] < 0 || d.people[d.mention[j]].unnamed {
		return -1
	}
	b := d.mention[j]
	if j == end && k >= 2 && d.sent[k-2] == d.sent[k] && d.in(descriptionOpeners, k-1) && d.tokenText(k-1) != "," {
		// "A và vợ B": B is A's wife, the one the words name.
		if m := d.mention[k-2]; m >= 0 && m != b && !d.people[m].unnamed {
			return int(b)
		}
	}
	// The wife is the one named with her husband as "ông xã B", or after B
	// as "vợ".
	found := -1
	for t := 0; t+2 < len(d.toks); t++ {
		switch {
		case d.mention[t] == b && (t == 0 || d.mention[t-1] != b) && t >= 2:
			// A (sánh đôi) cùng ông xã B: the first person named in the
			// sentence before the word, no one else between.
			st := other.startsBefore(d, t)
			if st < 0 {
				continue
			}
			a := int32(-1)
			for m := st - 1; m >= 0 && d.sent[m] == d.sent[t]; m-- {
				if d.mention[m] >= 0 && !d.people[d.mention[m]].unnamed {
					a = d.mention[m]
				}
			}
			if a < 0 || a == b {
				continue
			}
			if found >= 0 && found != int(a) {
				return -1
			}
			found = int(a)
		}
		switch {
		case d.mention[t] == b && (t+1 >= len(d.toks) || d.mention[t+1] != b):
			// B và vợ - nhà báo A
			n := t + 1
			if w := d.tokenText(n); w != s.words.va && w != s.words.cung && w != s.words.voi && w != foldedBeside {
				continue
			}
			n++
			e := spouseOf.longestAt(d, n)
			if e <= 0 {
				continue
			}
			for m := e; m < len(d.toks) && m < e+6 && d.sent[m] == d.sent[t]; m++ {
				if d.mention[m] >= 0 {
					if d.mention[m] != b && !d.people[d.mention[m]].unnamed {
						if found >= 0 && found != int(d.mention[m]) {
							return -1
						}
						found = int(d.mention[m])
					}
					break
				}
			}
		}
	}
	return found
}

// startsBefore returns where a phrase of the set ends right before token
// k starts, or -1.
func (ps *phraseSet) startsBefore(d *doc, k int) int {
	for st := max(0, k-3); st < k; st++ {
		if ps.longestAt(d, st) == k {
			return st
		}
	}
	return -1
}

// foldedBeside is "bên" (beside): "A bên ông xã B".
var foldedBeside = vntext.FoldString("bên")

// repeatedSentenceSource returns the unnamed source added earlier with the
// same description in a sentence the text repeats word for word (a title
// or lead printed again above the body: "Từ vụ việc một cô gái Hà Nội lên
// mạng tố cáo ..." twice is one girl), or -1.
func (d *doc) repeatedSentenceSource(k, descEnd int) int {
	desc := d.joined(k, descEnd)
	var own string
	for pi, p := range d.people {
		if !p.unnamed || len(p.spans) == 0 || d.sent[p.spans[0][0]] == d.sent[k] || d.joined(p.spans[0][0], p.spans[0][1]) != desc {
			continue
		}
		if own == "" {
			own = d.sentenceText(k)
		}
		if d.sentenceText(p.spans[0][0]) == own {
			return pi
		}
	}
	return -1
}

// sentenceText is the folded text of the sentence of token k.
func (d *doc) sentenceText(k int) string {
	a, b := k, k
	for a > 0 && d.sent[a-1] == d.sent[k] {
		a--
	}
	for b < len(d.toks) && d.sent[b] == d.sent[k] {
		b++
	}
	return d.joined(a, b)
}

func (s *Scorer) sameSource(d *doc, e entry, k, descEnd int) int {
	if descEnd < len(d.toks) && d.tokenText(descEnd) == foldedOther {
		return -1
	}
	if pi := s.samePossessed(d, k, descEnd); pi >= 0 {
		return pi
	}
	if pi := d.repeatedSentenceSource(k, descEnd); pi >= 0 {
		return pi
	}
	if d.tokenText(k) == s.words.mot {
		return -1
	}
	if pi := s.definiteSource(d, k); pi >= 0 {
		return pi
	}
	if e.gender != female && e.gender != male {
		// A description of unknown gender is one person when the story
		// repeats it whole with what it is about: "lãnh đạo Bệnh viện Đa
		// khoa huyện X cho biết ... lãnh đạo Bệnh viện Đa khoa huyện X
		// cho hay" (an office has one head); "một người dân" twice is two.
		_, end, ok := s.sourceAt(d, k)
		if !ok {
			// A bare title: "Chủ tịch tỉnh X" after "Chủ tịch UBND tỉnh X"
			// is the office's one holder again.
			return d.sameOffice(k, descEnd)
		}
		if pi := s.shortenedOffice(d, k, end, descEnd); pi >= 0 {
			return pi
		}
		if descEnd == end {
			return s.indefiniteTakenUp(d, k, end)
		}
		if !ok || descEnd-end < 2 {
			return -1
		}
		desc := d.joined(k, descEnd)
		for pi, p := range d.people {
			if p.unnamed && len(p.spans) > 0 && d.joined(p.spans[0][0], p.spans[0][1]) == desc {
				return pi
			}
		}
		return -1
	}
	desc := d.joined(k, descEnd)
	head := s.sourceHead(d, k)
	for pi, p := range d.people {
		if !p.unnamed || len(p.spans) == 0 {
			continue
		}
		sp := p.spans[0]
		if d.joined(sp[0], sp[1]) == desc {
			return pi
		}
		// "Trong công viên, một người phụ nữ ngồi ... Người phụ nữ thấy
		// vậy bèn thốt lên": the definite head takes up the woman brought
		// in before, whatever words each description goes on with.
		if head != "" && s.sourceHead(d, sp[0]) == head {
			return pi
		}
		if s.sameOccupation(d, k, descEnd, sp[0], sp[1]) {
			return pi
		}
	}
	return -1
}

// sameOffice returns the unnamed source added earlier whose description
// reads as [k, descEnd) once the council words (UBND, HĐND) are left out,
// or -1.
func (d *doc) sameOffice(k, descEnd int) int {
	own := d.officeWords(k, descEnd)
	for pi, p := range d.people {
		if p.unnamed && len(p.spans) > 0 && p.spans[0][0] < k && slices.Equal(d.officeWords(p.spans[0][0], p.spans[0][1]), own) {
			return pi
		}
	}
	return -1
}

// officeWords are the folded words of tokens [a, b) but the council words.
func (d *doc) officeWords(a, b int) []string {
	var out []string
	for i := a; i < b; i++ {
		if !d.in(councilWords, i) {
			out = append(out, d.tokenText(i))
		}
	}
	return out
}

// shortenedOffice returns the unnamed source added earlier who speaks for
// an office ("lãnh đạo UBND xã Đắk Sôr") that a shorter description with
// the same head and only words of the earlier one takes up ("Lãnh đạo xã
// thông tin thêm"): an office has one head, or -1.
func (s *Scorer) shortenedOffice(d *doc, k, end, descEnd int) int {
	if end > descEnd || officeHeads.longestAt(d, k) <= 0 {
		return -1
	}
	head := d.joined(k, end)
	for pi, desc := range s.unnamedBefore(d, k) {
		a, b := desc[0], desc[1]
		if b-a <= descEnd-k || a+end-k > b || d.joined(a, a+end-k) != head {
			continue
		}
		words := make(map[string]bool, b-a)
		for i := a; i < b; i++ {
			words[d.tokenText(i)] = true
		}
		all := true
		for i := end; i < descEnd && all; i++ {
			all = words[d.tokenText(i)]
		}
		if all {
			return pi
		}
	}
	return -1
}

// samePossessed returns the unnamed source added earlier as the same kind
// of person of the same named person as the description [k, descEnd), or
// -1: a star's friend or aide quoted again ("một người bạn thân của X bật
// mí ... “...”, người bạn của X nói") is one source, "một" or not, and
// "thân" after the head is the same friend.
func (s *Scorer) samePossessed(d *doc, k, descEnd int) int {
	owner, head := s.possessedBy(d, k, descEnd)
	if owner < 0 {
		return -1
	}
	for pi, p := range d.people {
		if !p.unnamed || len(p.spans) == 0 {
			continue
		}
		sp := p.spans[0]
		if o, h := s.possessedBy(d, sp[0], sp[1]); o == owner && h == head {
			return pi
		}
	}
	return -1
}

// possessedBy reads a description [k, descEnd) that opens, after an
// optional "một", with a possessive head and holds a named person's
// mention: it returns that person and the head without a closing "thân",
// or -1.
func (s *Scorer) possessedBy(d *doc, k, descEnd int) (int, string) {
	if k < descEnd && d.tokenText(k) == s.words.mot {
		k++
	}
	_, end, ok := d.cueAt(s, k, entryPossessive)
	if !ok || end > descEnd {
		return -1, ""
	}
	owner := -1
	for j := end; j < descEnd; j++ {
		if m := d.mention[j]; m >= 0 && !d.people[m].unnamed {
			owner = int(m)
			break
		}
	}
	if owner < 0 {
		return -1, ""
	}
	if end-1 > k && d.tokenText(end-1) == foldedClose {
		end--
	}
	return owner, d.joined(k, end)
}

// possessedOwner is the named person of a description read by possessedBy,
// or -1.
func (s *Scorer) possessedOwner(d *doc, k, descEnd int) int {
	o, _ := s.possessedBy(d, k, descEnd)
	return o
}

// foldedClose is "thân" (close, of a friend) as the folded text reads it.
var foldedClose = vntext.FoldString("thân")

// sourceHead is the folded description of a woman or a man that opens the
// unnamed source at token k ("người phụ nữ" in "một người phụ nữ sống gần
// definiteSource returns the unnamed source that "vị" (the definite
// classifier of respect) before the description at token k takes up: the
// latest one added earlier with the same head ("Chuyên gia kỹ thuật của
// công ty cho biết ... vị chuyên gia giải thích"), or -1.
func (s *Scorer) definiteSource(d *doc, k int) int {
	if k == 0 || d.tokenText(k-1) != foldedVi {
		return -1
	}
	_, end, ok := s.sourceAt(d, k)
	if !ok {
		return -1
	}
	head := d.joined(k, end)
	for pi, desc := range s.unnamedBefore(d, k) {
		if _, pend, ok := s.sourceAt(d, desc[0]); ok && d.joined(desc[0], pend) == head {
			return pi
		}
	}
	return -1
}

// unnamedBefore yields, latest first, the unnamed sources added before
// token k with the token span of their first description, past its "một":
// the earlier descriptions a later one may take up.
func (s *Scorer) unnamedBefore(d *doc, k int) iter.Seq2[int, [2]int] {
	return func(yield func(int, [2]int) bool) {
		for pi := len(d.people) - 1; pi >= 0; pi-- {
			p := d.people[pi]
			if !p.unnamed || len(p.spans) == 0 || p.spans[0][0] >= k {
				continue
			}
			a, b := p.spans[0][0], p.spans[0][1]
			if d.tokenText(a) == s.words.mot {
				a++
			}
			if !yield(pi, [2]int{a, b}) {
				return
			}
		}
	}
}

// foldedVi is "vị", the classifier of respect before a title or a description.
var foldedVi = vntext.FoldString("vị")

// đó"), or "".
func (s *Scorer) sourceHead(d *doc, k int) string {
	if d.tokenText(k) == s.words.mot {
		k++
	}
	e, end, ok := s.sourceAt(d, k)
	if !ok || e.gender != female && e.gender != male {
		return ""
	}
	if end-1 > k && d.tokenText(end-1) == s.words.cua {
		end-- // "Anh bạn của chúng tôi" is the "anh bạn" brought in before
	}
	return d.joined(k, end)
}

// capitalInside reports a kinship word written with a capital after the
// first of tokens [a, b): inside a sentence that is a name or a country
// ("người Anh"), while "lãnh đạo Bộ" keeps its office.
func (d *doc) capitalInside(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if d.isWord(k) && d.isUpper(k) && d.startKinds[k]&(1<<entryHonorific) != 0 {
			return true
		}
	}
	return false
}

// occupationTitle reports a possessive word at tokens [a, b) that is also
// the title of an expert's or an ordinary occupation (luật sư, tài xế):
// right before a name it names that person's job, where an official's
// word (đại diện, người phát ngôn) or a kin word stands for someone of
// theirs.
// ownTitle reports a title [a, b) right before a Vietnamese full name at
// token j: "thư ký Hoàng Thị Bích Duyên báo cáo" is the secretary herself,
// named with her title, not someone's secretary ("đại diện Chi Pu", a
// star's, goes by a stage name).
func (s *Scorer) ownTitle(d *doc, a, b, j int) bool {
	_, tend, ok := d.cueAt(s, a, entryTitle)
	if !ok || tend < b || j >= len(d.toks) || d.mention[j] < 0 {
		return false
	}
	p := d.people[d.mention[j]]
	return p.vn && len(p.key) >= 3
}

func (s *Scorer) occupationTitle(d *doc, a, b int) bool {
	t, tend, ok := d.cueAt(s, a, entryTitle)
	return ok && tend >= b && (t.tag == roleExpert || t.tag == roleOrdinary)
}

// starsAide reports an aide's job at tokens [k, end) before the name of a
// person the story calls by a star's title elsewhere: "quản lý Khắc Việt
// viết" is the singer's manager writing ("ca sĩ Khắc Việt"), where
// "quản lý Nguyễn Văn A" with no other title is a manager named A.
func (s *Scorer) starsAide(d *doc, k, end, j int) bool {
	if !aideJobs.spans(d, k, end) || j >= len(d.toks) || d.mention[j] < 0 {
		return false
	}
	return s.starTitled(d, d.people[d.mention[j]], j)
}

// starTitled reports a person the story calls by a star's title ("ca sĩ",
// "diễn viên") at a mention other than the one starting at token skip.
func (s *Scorer) starTitled(d *doc, p *person, skip int) bool {
	for _, sp := range p.spans {
		if sp[0] == skip {
			continue
		}
		if t, ok := s.titleBefore(d, sp[0]); ok && t.e.tag == roleCelebrity {
			return true
		}
	}
	return false
}

// possessorOfKin reports a description at token k that says whose
// relative or aide the words before it name: "quản lý của nam ca sĩ cho
// biết" is the manager speaking, not the singer.
func (s *Scorer) possessorOfKin(d *doc, k int) bool {
	if k < 2 || d.tokenText(k-1) != s.words.cua {
		return false
	}
	_, _, ok := d.cueEndingAt(s, k-1, entryPossessive)
	return ok
}

// possessiveEnd is the end of the possessive description starting at k.
func (d *doc) possessiveEnd(s *Scorer, k int) int {
	if _, end, ok := d.cueAt(s, k, entryPossessive); ok {
		return end
	}
	return k
}

// kinPairs join two kin words into a couple or a family ("vợ chồng Harry":
// Harry and his wife; "bố mẹ Lan": her parents): the second word is no
// relative of the name speaking alone.
var kinPairs = foldedPhraseSet("vợ chồng", "bố mẹ", "cha mẹ", "ông bà", "anh chị", "anh em", "chị em", "mẹ con",
	"bố con", "cha con", "ba mẹ")

// companyOf are the firms a star's aide word may follow: "công ty quản lý
// của X" is the management company, not X's manager.
var companyOf = foldedPhraseSet("công ty", "hãng", "studio", "cty")

// aideJobs are the jobs of someone working for a star.
var aideJobs = foldedPhraseSet("quản lý", "người quản lý", "trợ lý", "vệ sĩ", "thư ký", "tài xế")

// foldedOther is "khác" as the folded text reads it.
var foldedOther = vntext.FoldString("khác")

// possessorAfter reads a possessive description followed by whose it is:
// "con gái [của] chị Loan", "luật sư của Trịnh Sảng". It returns the end of
// the possessor's mention and the description's source entry (gender).
func (s *Scorer) possessorAfter(d *doc, k int) (int, entry, bool) {
	_, end, ok := d.cueAt(s, k, entryPossessive)
	if !ok || d.pluralBefore(s, k) || k > 0 && d.sent[k-1] == d.sent[k] && kinPairs.spans(d, k-1, k+1) {
		return 0, entry{}, false
	}
	e, _, _ := d.cueAt(s, k, entrySource)
	j := end
	if j < len(d.toks) && d.tokenText(j) == s.words.cua {
		j++
	}
	if _, hend, ok := d.cueAt(s, j, entryHonorific); ok {
		j = hend
	}
	if j == end {
		// An occupation right before a name is that person's title:
		// "luật sư Mark Orth nói" is the lawyer himself, while "đại diện
		// Chi Pu" and "vợ Hùng" stand for someone of theirs.
		if (s.occupationTitle(d, k, end) || s.ownTitle(d, k, end, j) || spokespersons.spans(d, k, end) || addressWords.spans(d, k, end)) &&
			!s.starsAide(d, k, end, j) {
			return 0, entry{}, false
		}
	}
	if j >= len(d.toks) || d.mention[j] < 0 {
		return 0, entry{}, false
	}
	for i := k + 1; i <= j; i++ {
		if d.toks[i].Newline {
			// A caption's last words and the next line's name ("Kim khoe
			// ảnh với chị gái" / "Kim chia sẻ ...") are two lines, not
			// "chị gái Kim".
			return 0, entry{}, false
		}
	}
	m := d.mention[j]
	for j < len(d.toks) && d.mention[j] == m {
		j++
	}
	r := *e
	if r.gender != female && r.gender != male && end == k+1 && !(k > 0 && kinGender[d.tokenText(k-1)] != "") {
		if g, ok := kinGender[d.tokenText(k)]; ok {
			// "vợ Hailey", "chồng Harry": a wife is a woman and a husband a
			// man, whether the name is theirs or their spouse's ("vợ chồng
			// Harry" is the couple).
			r.gender = g
		}
	}
	return j, r, true
}

// groupPossessives are descriptions of several people that take their
// possessor's name after them: "bạn bè của X", "người hâm mộ Y".
var groupPossessives = foldedPhraseSet("bạn bè", "người hâm mộ", "fan")

// demonstratives after a description point back to someone already
// mentioned: "chuyên gia này", "người phụ nữ ấy".
var demonstratives = foldedWords("này", "ấy", "đó", "kia", "ta")

// referredTo returns the named person a description refers to: the person
// introduced with it ("bà đỡ" for "bà đỡ Hoa"), or, when it points back
// ("chuyên gia này"), the nearest person of a compatible gender; -1 if
// none.
func (s *Scorer) referredTo(d *doc, desc, gender string, k int, back bool) int {
	if pi := s.introducedAs(d, desc, k); pi >= 0 {
		return pi
	}
	if !back || strings.HasPrefix(desc, foldedNewsSource) {
		// "nguồn tin này khẳng định": the report just cited, not the
		// person it was about.
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-120; j-- {
		m := d.mention[j]
		if m < 0 || d.people[m].unnamed {
			continue
		}
		g := d.people[m].gender
		if g == "" {
			g = s.honorificGender(d, d.people[m]) // genders are decided after this stage
		}
		if gender == unknown || gender == "" || g == gender || g == unknown {
			return int(m)
		}
	}
	return -1
}

// honorificGender is the gender an honorific before one of p's mentions
// gives ("Bà Lò Thị Hoa"), or "": the person's gender before the gender
// stage has run, for "người phụ nữ này" to take her up.
func (s *Scorer) honorificGender(d *doc, p *person) string {
	for _, sp := range p.spans {
		if e, _, ok := d.cueEndingAt(s, sp[0], entryHonorific); ok && (e.gender == female || e.gender == male) {
			return e.gender
		}
	}
	// The middle names that say the sex outright: "Lò Thị Hoa", "Đinh Văn Khoa".
	if w := strings.Fields(vntext.FoldString(p.name)); len(w) >= 3 && p.vn {
		switch w[1] {
		case foldedThi:
			return female
		case foldedVan:
			return male
		}
	}
	return ""
}

// foldedThi and foldedVan are the middle names "Thị" and "Văn" as the
// folded text reads them.
var foldedThi, foldedVan = vntext.FoldString("thị"), vntext.FoldString("văn")

// foldedNewsSource is "nguồn tin" as the folded text reads it.
var foldedNewsSource = vntext.FoldString("nguồn tin")

// honorificDescription reads "chị thu ngân", "ông chủ quán", "một anh xe
// ôm": an honorific of known gender followed by an occupation.
func (s *Scorer) honorificDescription(d *doc, k int) (entry, int, bool) {
	at := k
	if d.tokenText(k) == s.words.mot {
		at = k + 1
	}
	e, end, ok := d.cueAt(s, at, entryHonorific)
	if !ok || e.gender == unknown || end >= len(d.toks) || d.isUpper(end) {
		return entry{}, 0, false
	}
	if _, tend, ok := d.cueAt(s, end, entryTitle); ok {
		return *e, tend, true
	}
	// A seller named by what she sells: "chị bán rau", "ông bán vé số".
	if d.tokenText(end) == foldedSell && end+1 < len(d.toks) && d.isWord(end+1) && !d.isUpper(end+1) {
		return *e, end + 2, true
	}
	return entry{}, 0, false
}

// foldedSell is "bán" as the folded text reads it.
var foldedSell = vntext.FoldString("bán")

// indefiniteTitle reads "một" and a title ("một nhà nghiên cứu", "một
// cầu thủ"): someone of that occupation, unnamed, of unknown gender.
func (s *Scorer) indefiniteTitle(d *doc, k int) (entry, int, bool) {
	if d.tokenText(k) != s.words.mot {
		return entry{}, 0, false
	}
	if _, end, ok := d.cueAt(s, k+1, entryTitle); ok && (end >= len(d.toks) || !d.isUpper(end) || s.nationalityAt(d, end) || s.hometownAt(d, end)) {
		return entry{kind: entrySource, gender: unknown}, end, true
	}
	return entry{}, 0, false
}

// hometownAt reports a Vietnamese city's or province's name at token k
// that ends before a lower-case word or a comma: "một nhạc sĩ Hà Nội nhận
// xét" is a musician from there, not one named Hà Nội.
func (s *Scorer) hometownAt(d *doc, k int) bool {
	kind, end := s.gazetteerAt(d, k, len(d.toks))
	if kind != "places" || end <= k {
		return false
	}
	return end >= len(d.toks) || !d.isUpper(end)
}

// nationalityAt reports a country's name at token k that ends before a
// lower-case word: "một nhà báo Mỹ sống ở ..." is a journalist from there,
// not one named Mỹ.
func (s *Scorer) nationalityAt(d *doc, k int) bool {
	end := k + 1
	if kind, cend := s.gazetteerAt(d, k, len(d.toks)); kind == "countries" && cend > k {
		end = cend
	} else if !d.in(demonyms, k) {
		return false
	}
	return end >= len(d.toks) || !d.isUpper(end)
}

// headOfIndefinite reads a title, or "chủ" (owner), before "một" and the
// institution it heads, past the capitalised name of the office and a
// "của": "Giám đốc một công ty lữ hành", "Trưởng phòng GD&ĐT một quận",
// "đại diện của một hãng", "chủ một cửa hàng trái cây". An institution
// left unnamed has an unnamed officer: someone of unknown gender, not the
// holder of the title named before. It returns the description up to
// "một"; what follows is the description's own words.
func (s *Scorer) headOfIndefinite(d *doc, k int) (entry, int, bool) {
	end := k + 1
	if !d.in(ownerWords, k) {
		e, tend, ok := d.cueAt(s, k, entryTitle)
		if !ok || e.tag != roleOfficial && e.tag != roleExpert {
			return entry{}, 0, false
		}
		end = tend
	}
	for j := end; j < len(d.toks) && j <= end+6 && d.sent[j] == d.sent[k]; j++ {
		switch t := d.tokenText(j); {
		case t == s.words.mot:
			if j+1 < len(d.toks) && d.isWord(j+1) && !d.isUpper(j+1) && !d.in(plurals, j+1) {
				return entry{kind: entrySource, gender: unknown}, j + 1, true
			}
			return entry{}, 0, false
		case t == s.words.cua && j == end, d.isWord(j) && d.isUpper(j) && d.mention[j] < 0,
			d.toks[j].Kind == vntext.Punct && (t == "&" || t == "-") && j > end:
		default:
			return entry{}, 0, false
		}
	}
	return entry{}, 0, false
}

// headsIndefinite reports a description at token k that heads an
// indefinite institution ("Giám đốc một công ty").
func (s *Scorer) headsIndefinite(d *doc, k int) bool {
	_, _, ok := s.headOfIndefinite(d, k)
	return ok
}

// ownerWords is "chủ", a set so that the test at every token of
// unnamedSources is a bit, not a string comparison.
var ownerWords = foldedWords("chủ")

// bareTitle reads an official's title without a name opening a clause
// ("Thứ trưởng Bộ Y tế nhấn mạnh", "Hiệu trưởng trường X cho biết"): one
// person, since an office has one holder. Not inside an appositive ("ông
// X - Giám đốc Sở Y tế - cho biết" is X), nor a compound that names an
// office ("đại sứ quán").
func (s *Scorer) bareTitle(d *doc, k int) (entry, int, bool) {
	if d.startKinds[k]&(1<<entryTitle) == 0 || !s.opensClause(d, k) {
		return entry{}, 0, false
	}
	e, end, ok := d.cueAt(s, k, entryTitle)
	if !ok || e.tag != roleOfficial && e.tag != roleExpert && !s.bareStar(d, e, k) || end >= len(d.toks) || d.tokenText(end) == officeSuffix ||
		d.isWord(end) && d.isUpper(end) && s.startsName(d, end) || d.pluralBefore(s, k) ||
		s.appositiveWithin(d, k, 40) {
		return entry{}, 0, false
	}
	return *e, end, true
}

// bareStar reports a star's trade with no sex of its own at token k ("MC",
// "ca sĩ", "cựu MC VTV"), which takes up the one person named with it
// before (titleSpeaks); "nữ ca sĩ", "nam diễn viên" are role nouns, which
// the anaphora read with their gender.
func (s *Scorer) bareStar(d *doc, e *entry, k int) bool {
	return e.tag == roleCelebrity && s.titleGender(d, k) == unknown
}

// bareRole returns the ordinary role at token k, with no name after it,
// that opens a clause: "Bệnh nhân cho biết", "Tại cơ quan điều tra, bị can
// khai nhận".
func (s *Scorer) bareRole(d *doc, k int) (entry, int, bool) {
	if d.startKinds[k]&(1<<entryTitle) == 0 || !s.opensClause(d, k) || d.pluralBefore(s, k) {
		return entry{}, 0, false
	}
	e, end, ok := d.cueAt(s, k, entryTitle)
	if !ok || e.tag != roleOrdinary || !singleRoles.spans(d, k, end) || end >= len(d.toks) ||
		d.isWord(end) && d.isUpper(end) && s.startsName(d, end) || s.appositiveWithin(d, k, 40) {
		return entry{}, 0, false
	}
	return *e, end, true
}

// singleRoles are the ordinary roles a story gives one person it follows,
// so that the role alone opening a sentence takes that person up ("bệnh
// nhân nam T.B.N. ... Bệnh nhân cho biết"); "người dân", "học sinh",
// "khán giả" as often stand for many.
var singleRoles = foldedPhraseSet("bệnh nhân", "người bệnh", "nạn nhân", "bị hại", "sản phụ", "thai phụ", "tài xế",
	"lái xe", "tài công", "chủ nhà", "chủ quán", "chủ tiệm", "chủ cơ sở", "bị can", "bị cáo", "nghi phạm", "nghi can",
	"hung thủ", "thủ phạm")

// roleSpeaks attributes a speech verb after the bare role [k, end) to the
// one person named earlier with that role ("bệnh nhân nam T.B.N. ...
// Bệnh nhân cho biết"); with nobody, to the one person the story follows,
// unnamed ("Bệnh nhân cho biết ..." opening a story about a patient it
// does not name). With more than one, it does nothing.
func (s *Scorer) roleSpeaks(d *doc, e entry, k, end int) {
	v, _, ok := s.speechAfterDescription(d, -1, end)
	if !ok {
		return
	}
	switch pi := s.titledBefore(d, e.key, k, end); {
	case pi >= 0:
		if p := d.people[pi]; !p.quoted {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
		}
	case pi == -1:
		if vi := s.namedVictim(d, e.key); vi >= 0 {
			// "Nạn nhân kể lại mọi chuyện ... bị hại T.H khẳng định": the
			// one victim the story names, however late, not someone new.
			if p := d.people[vi]; !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			return
		}
		// Nobody was named with the role: "Bệnh nhân cho biết ..." is the
		// one patient the story follows, unnamed.
		s.addSource(d, entry{kind: entrySource, gender: unknown}, k, end, end, v)
	}
}

// officeSuffix ("quán") after a title makes the place of the office: "đại sứ quán",
// "lãnh sự quán".
var officeSuffix = vntext.FoldString("quán")

// titleSpeaks attributes a speech verb after the bare title [k, end) to the
// person named earlier with that title ("Thứ trưởng Đỗ Văn Hà ... Thứ trưởng
// nhấn mạnh"), else, when nobody was, adds an unnamed source holding it.
// The title takes names of organisations and places before its verb, not
// words of its own.
func (s *Scorer) titleSpeaks(d *doc, e entry, k, end int) {
	v, descEnd, ok := s.speechAfterDescription(d, -1, end)
	if !ok {
		return
	}
	if k > 0 && (d.tokenText(k-1) == foldedFormer || d.tokenText(k-1) == foldedOnceHeld) {
		// "Cựu tổng thống thừa nhận": the former holder named before with
		// the title as a former one ("Cựu tổng thống Mỹ Barack Obama"), or
		// no one: not the title's present holder, nor a new source.
		pi := s.formerHolder(d, e.key, k)
		if pi < 0 && e.tag == roleCelebrity {
			// A star's trade has no one present holder to tell apart: "MC
			// X ... cựu MC VTV khẳng định" is X, who has left the channel.
			pi = s.titledBefore(d, e.key, k, end)
		}
		if pi >= 0 {
			if p := d.people[pi]; !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k-1, s.speechEnd(d, v))
			}
		}
		return
	}
	switch pi := s.titledBefore(d, e.key, k, end); {
	case pi >= 0:
		if p := d.people[pi]; !p.quoted {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
		}
	case pi == -1:
		if e.tag == roleCelebrity {
			// A star's trade alone takes up only a holder named before it:
			// no country's leader, no one named later, no new source.
			return
		}
		if pi := s.countryLeader(d, e, k, end); pi >= 0 {
			// "Tổng thống Nga Vladimir Putin ... Nhà lãnh đạo Nga nhấn mạnh":
			// the country's one leader named before.
			if p := d.people[pi]; !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			return
		}
		if pi := s.titledAfter(d, e.key, end); pi >= 0 {
			// "Phó Thủ tướng đánh giá ..." before a caption names "Phó Thủ
			// tướng Vũ Đức Đam": the one holder of the title in the story.
			if p := d.people[pi]; !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			return
		}
		if e.tag != roleOfficial {
			// An expert's title alone ("giáo sư cho rằng") takes up the
			// person named with it; with nobody named it is no source of its own.
			return
		}
		s.addSource(d, entry{kind: entrySource, gender: unknown}, k, end, descEnd, v)
	}
}

// officeHolder returns, for a leader word at k followed by the name of an
// office up to descEnd ("Lãnh đạo Sở Y tế cho hay"), the one person
// named before k with a title followed by that same name ("Phó Giám đốc
// Sở Y tế Hà Nội Hoàng Đức Hạnh"); -1 when there is none or more than one.
func (s *Scorer) officeHolder(d *doc, k, descEnd int) int {
	end := -1
	for n := 2; n <= 3; n++ {
		if k+n < descEnd && leaderWords.spans(d, k, k+n) {
			end = k + n
		}
	}
	if end < 0 || !d.isUpper(end) {
		return -1
	}
	n := descEnd - end
	return s.soleTitleHolder(d, k-1, 0, func(_ *entry, _, tend int) bool {
		if tend < len(d.toks) && d.in(councilWords, tend) && !d.in(councilWords, end) {
			tend++ // "Chủ tịch UBND TP Phú Quốc ... Lãnh đạo TP Phú Quốc cho biết": the city's council is the city's
		}
		if tend+n > k {
			return false
		}
		for i := range n {
			if d.tokenText(tend+i) != d.tokenText(end+i) {
				return false
			}
		}
		return true
	})
}

// councilWords name the people's council or committee of a place before
// the place: "UBND TP X" is the city X's office.
var councilWords = foldedWords("ubnd", "hđnd")

// formerHolder returns the one person named before token k with the title
// of folded key as a former one ("cựu"/"nguyên" before it), or -1.
func (s *Scorer) formerHolder(d *doc, key string, k int) int {
	return s.soleTitleHolder(d, k-2, 1, func(e *entry, j, _ int) bool {
		return (e.key == key || standingBase(e.key) == key) &&
			(d.tokenText(j-1) == foldedFormer || d.tokenText(j-1) == foldedOnceHeld)
	})
}

// soleTitleHolder returns the one person named right after a title that
// starts at a token from hi down to lo and that match accepts (given the
// title's entry, start and end); -1 when there is none or more than one,
// since a title that two people hold points back to neither.
func (s *Scorer) soleTitleHolder(d *doc, hi, lo int, match func(e *entry, j, tend int) bool) int {
	found := -1
	for j := hi; j >= lo; j-- {
		e, tend, ok := d.cueAt(s, j, entryTitle)
		if !ok || !match(e, j, tend) {
			continue
		}
		switch pi := s.titleHolder(d, j, tend); {
		case pi < 0 || pi == found:
		case found < 0:
			found = pi
		default:
			return -1
		}
	}
	return found
}

// headOfBody ("người đứng đầu") only takes up a holder named before.
var headOfBody = foldedPhraseSet("người đứng đầu")

// leaderWords are titles that stand for whoever leads a country, whatever
// their office: "nhà lãnh đạo Nga", "người đứng đầu Điện Kremlin".
var leaderWords = foldedPhraseSet("lãnh đạo", "nhà lãnh đạo", "người đứng đầu")

// countryLeader returns, for a leader word [k, end) followed by a country
// ("Nhà lãnh đạo Nga"), the one person named before k right after an
// official's title and that same country ("Tổng thống Nga Vladimir
// Putin"); -1 when there is none or more than one.
func (s *Scorer) countryLeader(d *doc, e entry, k, end int) int {
	if !leaderWords.spans(d, k, end) && !(k > 0 && leaderWords.spans(d, k-1, end)) {
		return -1
	}
	kind, cend := s.gazetteerAt(d, end, len(d.toks))
	if kind != "countries" || cend <= end {
		return -1
	}
	country := d.joined(end, cend)
	found := -1
	for j := k - 1; j > 0 && j >= k-2000; j-- {
		if d.mention[j] < 0 || d.people[d.mention[j]].unnamed || d.mention[j-1] == d.mention[j] {
			continue
		}
		st := j - (cend - end)
		if st <= 0 || d.joined(st, j) != country {
			continue
		}
		if t, _, ok := d.cueEndingAt(s, st, entryTitle); !ok || t.tag != roleOfficial {
			continue
		}
		switch pi := int(d.mention[j]); {
		case found < 0:
			found = pi
		case found != pi:
			return -1
		}
	}
	return found
}

// titledAfter returns the one named person the title with folded key is
// given to after token from, when nobody was named with it before; -1 when
// nobody is, or more than one person is.
func (s *Scorer) titledAfter(d *doc, key string, from int) int {
	found := -1
	for j := from; j < len(d.toks); j++ {
		e, tend, ok := d.cueAt(s, j, entryTitle)
		if !ok || e.key != key && standingBase(e.key) != key {
			continue
		}
		pi := s.titleHolder(d, j, tend)
		if pi >= 0 && s.starsAide(d, j, tend, tend) {
			continue // "quản lý Lê Bình" of singer Lê Bình is his manager, not him
		}
		switch {
		case pi < 0 || pi == found:
		case found >= 0:
			return -1
		default:
			found = pi
		}
	}
	return found
}

// onlyChild returns the one named person introduced as a child (cháu, bé
// before the name), or -1 when there is none or more than one.
func (d *doc) onlyChild() int {
	child := -1
	for pi, p := range d.people {
		if p.unnamed || !slices.ContainsFunc(p.intro, onlyChildIntros.has) {
			continue
		}
		if child >= 0 {
			return -1
		}
		child = pi
	}
	return child
}

// victimTitles are the words for the victim of a crime.
var victimTitles = foldedWords("nạn nhân", "bị hại", "người bị hại")

// namedVictim returns, for a victim's title key, the one named person the
// story titles as a victim anywhere, the name right after the title ("bị
// hại T.H", "nạn nhân Lê Văn A"), or -1 when the key is no victim's or
// there is none or more than one.
func (s *Scorer) namedVictim(d *doc, key string) int {
	if !victimTitles.has(key) {
		return -1
	}
	if !d.victimTitlesKnown {
		d.victimTitleEnds, d.victimTitlesKnown = d.victimTitleEnds[:0], true
		for j := 0; j < len(d.toks); j++ {
			if e, tend, ok := d.cueAt(s, j, entryTitle); ok && victimTitles.has(e.key) && tend < len(d.toks) {
				d.victimTitleEnds = append(d.victimTitleEnds, tend)
			}
		}
	}
	found := -1
	for _, tend := range d.victimTitleEnds {
		switch pi := d.mention[tend]; {
		case pi < 0 || int(pi) == found || d.people[pi].unnamed:
		case found >= 0:
			return -1
		default:
			found = int(pi)
		}
	}
	return found
}

// titledBefore returns the named person that the title with folded key,
// at tokens [k, end), refers back to: the one person named with that title
// earlier ("Thứ trưởng Bộ Y tế Đỗ Văn Hà", "ông Hà, Thứ trưởng"), or of
// several, the one whose title was followed by the same word ("Ngoại
// trưởng Ukraine Kuleba ... Ngoại trưởng Ukraine cho biết"). It returns -1
// when nobody was named with the title, -2 when it cannot tell who.
func (s *Scorer) titledBefore(d *doc, key string, k, end int) int {
	found, same, n := -1, -1, 0
	for j := k - 1; j >= 0; j-- {
		e, tend, ok := d.cueAt(s, j, entryTitle)
		if !ok || e.key != key && standingBase(e.key) != key {
			continue
		}
		pi := s.titleHolder(d, j, tend)
		if pi < 0 || s.starsAide(d, j, tend, tend) {
			continue
		}
		if pi == found {
			continue
		}
		if found < 0 {
			found = pi
		}
		n++
		if same < 0 && tend < len(d.toks) && end < len(d.toks) && d.tokenText(tend) == d.tokenText(end) {
			same = pi
		}
	}
	switch {
	case n == 0:
		return -1
	case n == 1:
		return found
	case same >= 0:
		return same
	}
	return -2
}

// titleHolder is the named person a title at tokens [j, end) belongs to:
// the name after it ("Thứ trưởng Bộ Y tế Đỗ Văn Hà"), else the name whose
// appositive it is ("ông Hà, Thứ trưởng"), within six tokens in its
// sentence (after it, past the whole name of an office up to 14); -1 if
// none.
func (s *Scorer) titleHolder(d *doc, j, end int) int {
	named := func(i int) bool {
		if i < 0 || i >= len(d.toks) || d.sent[i] != d.sent[j] || d.mention[i] < 0 {
			return false
		}
		// A full name: a lone word may be part of a name of an office
		// ("Bộ Quốc phòng").
		p := d.people[d.mention[i]]
		return !p.unnamed && len(p.key) >= 2
	}
	for i := end; i < end+14 && i < len(d.toks); i++ {
		if named(i) {
			return int(d.mention[i])
		}
		// The name of the office may be long ("Bộ trưởng Bộ Khoa học và Công
		// nghệ (KH&CN) Huỳnh Thành Đạt"); a clause break or a verb of speech
		// ends it.
		if t := d.tokenText(i); i >= end+6 && (t == "," || t == ";" || t == ":" || t == "." || d.toks[i].Newline) {
			break
		}
		if _, _, ok := d.cueAt(s, i, entrySpeech); ok && i >= end+6 {
			break
		}
	}
	for i := j - 1; i >= j-6; i-- {
		if named(i) {
			return int(d.mention[i])
		}
	}
	return -1
}

// startsName reports whether a capitalised name starts at token k: the
// description is then a title ("đại diện công ty, ông X" aside).
func (s *Scorer) startsName(d *doc, k int) bool {
	return d.mention[k] >= 0 || d.in(s.surnames, k) && k+1 < len(d.toks) && d.isUpper(k+1)
}

// pluralConjunct reports a description at token k joined by "và" or a
// comma to a plural one before it: "các nhà truyền giáo và giáo viên nói",
// "các HLV, chuyên gia cho rằng". depth bounds the list walked back.
func (s *Scorer) pluralConjunct(d *doc, k, depth int) bool {
	if depth == 0 || k < 2 {
		return false
	}
	if t := d.tokenText(k - 1); t != s.words.va && t != "," {
		return false
	}
	for _, kind := range []entryKind{entrySource, entryTitle} {
		if _, st, ok := d.cueEndingAt(s, k-1, kind); ok {
			return d.pluralBefore(s, st) || s.pluralConjunct(d, st, depth-1)
		}
	}
	return false
}

// jointSubject reports a description at token k joined by "và" to a body
// or a group before it: "..., cảnh sát và nhân viên y tế nói", "Gia đình
// và người thân cho biết", "Sở GTVT và lãnh đạo UBND TP khẳng định" speak
// jointly, no one person. A body is a capitalised name that is no person's
// (a place's only when it opens the clause), or a collective noun opening
// the clause: "đã đến Quảng Ngãi và bác sĩ trực cho biết" and "lập gia đình
// và người đàn ông đã nói" are no joint subjects.
func (s *Scorer) jointSubject(d *doc, k int) bool {
	if k < 2 || d.sent[k-2] != d.sent[k] || d.tokenText(k-1) != foldedAnd {
		return false
	}
	if d.mention[k-2] < 0 && d.isWord(k-2) && d.isUpper(k-2) && !d.sentenceStart(k-2) {
		st := k - 2
		for st > 0 && d.sent[st-1] == d.sent[st] && d.isWord(st-1) && d.isUpper(st-1) && d.mention[st-1] < 0 {
			st--
		}
		return !s.endsInPlace(d, st, k-1) || d.opensJoint(st)
	}
	st := collectives.startsBefore(d, k-1)
	return st >= 0 && d.opensJoint(st)
}

// endsInPlace reports a place or a country of the gazetteer ending the
// capitalised run [a, b).
func (s *Scorer) endsInPlace(d *doc, a, b int) bool {
	for k := a; k < b; k++ {
		if kind, end := s.gazetteerAt(d, k, b); end == b && (kind == "places" || kind == "countries") {
			return true
		}
	}
	return false
}

// opensJoint reports whether token st opens a clause a joint subject may
// start: its sentence's first word, or after a comma or a connective.
func (d *doc) opensJoint(st int) bool {
	return d.sentenceStart(st) || st > 0 && d.sent[st-1] == d.sent[st] && d.in(jointOpeners, st-1)
}

// jointOpeners open the clause a joint subject starts: "..., cho nên cảnh
// sát và nhân viên y tế nói".
var jointOpeners = foldedWords(",", ";", "nên", "thì", "nhưng", "còn", "mà", "khi")

// collectives are nouns of a body or a group of people.
var collectives = foldedPhraseSet("cảnh sát", "công an", "gia đình", "chính quyền", "nhà trường", "quân đội",
	"giới chức", "nhà chức trách", "lực lượng chức năng", "cơ quan chức năng", "bạn bè", "người dân", "cư dân")

// pluralBefore reports a plural word right before token k ("nhiều người
// dân"): a group, not a person.
func (d *doc) pluralBefore(s *Scorer, k int) bool {
	_, _, ok := d.cueEndingAt(s, k, entryPlural)
	return ok
}

// descriptionBreaks end the noun phrase of a description: a copula, a
// conjunction or a clause word after it starts another clause, whose verb
// is not the description's ("chuyên gia là người ...", "bác sĩ khi khám
// thì nói"); "và" joins a second person ("ông trưởng ban và bà chủ tịch
// nói"); a degree word makes the verb an attitude ("bố mẹ tôi rất phản
// đối").
var descriptionBreaks = foldedWords(strings.Fields(`là thì mà nhưng nếu khi vì để nên rằng hay hoặc song tuy dù và cùng rất khá hơi`)...)

// descriptionModals before a verb make it advice or a duty, not words
// reported ("mẹ cần lưu ý", "người dùng có thể thông tin"); a demonstrative
// after a description's own words points back to someone already named
// ("nữ sinh xinh xắn này chia sẻ", "người phát ngôn trên nói").
var descriptionModals = foldedWords(strings.Fields(`cần phải hãy nên muốn thể này ấy kia nọ`)...)

// above is "trên", a demonstrative when it ends a description ("phụ huynh
// trên nói") and a preposition when words follow ("trên địa bàn").
var above = vntext.FoldString("trên")

// groupAdverb ("đều") after a description says it stands for a group.
var groupAdverb = vntext.FoldString("đều")

// maxNameWords bounds the words of proper names a description may run on
// with beyond its usual reach of 12 tokens.
const maxNameWords = 8

// maxDescriptionWords is how many words of its own a description opening a
// clause may run on with before its verb: a relative clause of a few words
// ("người phụ nữ bán rau", "nguồn tin thân cận của cặp đôi", "người nhặt
// được chiếc ví").
const maxDescriptionWords = 6

// speechAfterDescription finds the speech verb that a description starting
// at token k (-1: a description with its possessor's name, which takes no
// words of its own) and ending before token from is the subject of: within 12
// tokens, in the clause. Names of organisations and places and a few linking
// words may stand between anywhere; a description that opens a clause, and
// so is its subject, may also run on with a relative clause of a few words
// of any kind ("chị bán hàng ở chợ", "người nhặt được chiếc ví"), but not
// with a passive right after its head ("nạn nhân được bác sĩ cho biết"
// quotes the doctor). It returns the verb's token and where the description
// ends.
func (s *Scorer) speechAfterDescription(d *doc, k, from int) (int, int, bool) {
	descEnd := from
	free := 0
	predicate := false // an adverb was seen: only the verb may follow
	subject := k < 0 || s.opensClause(d, k)
	if k < 0 || !subject {
		free = maxDescriptionWords + 1 // none allowed
	}
	limit := from + 12
	named := 0 // words of a proper name, which do not count against the limit
	asides := 0
	// orgPhrase: the description went on with a linking word and an
	// organisation's word ("tại công ty", "của viện"): the organisation's
	// description runs to the clause's end, whatever its length ("một nhà
	// nghiên cứu cấp cao tại công ty tư vấn quốc phòng và an ninh X cho
	// biết"); orgWords counts its words against maxOrgPhrase.
	orgPhrase, orgWords := false, 0
	for j := from; j < len(d.toks) && j < limit; j++ {
		if !orgPhrase && subject && j > from && orgLinks.has(d.tokenText(j-1)) {
			if _, _, ok := d.cueAt(s, j, entryOrgBefore); ok {
				orgPhrase = true
			}
		}
		if d.quote[j] || d.mention[j] >= 0 || j > from && d.sent[j] != d.sent[from-1] || d.toks[j].Newline {
			return 0, 0, false // (a new line ends the description: "“Ki bo” với con trai\nChia sẻ ...")
		}
		if c := d.dateAside(j); c > j && !predicate {
			// "Một quan chức Mỹ hôm 12/4 cho biết", "Hiệu trưởng trường X
			// ngày 8/3 cho biết": when the words were said.
			limit += c - j
			j = c - 1
			continue
		}
		if c := d.asideParen(j); c > j && !predicate {
			// "Con gái chị Loan (may mắn thoát chết) kể lại", "một người
			// dân (xin giấu tên) cho biết": a parenthesis says more about
			// the person; the verb follows it.
			limit += c - j + 1
			j = c
			continue
		}
		if j > from && d.tokenText(j) == "," && subject && !predicate {
			end := adminUnits.longestAt(d, j+1)
			if end > 0 && end+1 < len(d.toks) && d.tokenText(end) == "." && !d.toks[end+1].Space && d.isWord(end+1) && d.isUpper(end+1) {
				end++ // written close: "TP.HCM", "P.Hai Bà Trưng"
			}
			if end > 0 && end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
				// "một lãnh đạo Công an phường Kim Mã, quận Ba Đình, TP Hà
				// Nội cho biết": the address of the office goes on.
				limit += end - j + 1
				j = end - 1
				continue
			}
		}
		if c := s.asideEnd(d, k, j); subject && (!predicate || asides > 0 && asides < maxAsides) && c > j {
			// "Một bé trai 13 tuổi, có khuôn mặt khôi ngô, kể: ...": an
			// aside between commas after an indefinite description; the
			// verb must follow it, or another aside: "Một phụ nữ, 45
			// tuổi, sống ở xã bên, cho biết", "Một nữ sinh, được giấu tên,
			// đến từ Hòa Bình cho biết" (the last one may run on to the
			// verb).
			limit += c - j
			j, predicate = c, true
			asides++
			if d.tokenText(c) == "," && !s.endsDescription(d, c+1) {
				j = c - 1 // the closing comma opens the next aside
			}
			continue
		}
		if _, _, ok := d.cueAt(s, j, entrySpeech); ok && !(j > from && d.isUpper(j)) {
			// (A capitalised look-alike is part of a name: "Bộ Thông tin và
			// Truyền thông".)
			if free > 0 && s.negated(d, j) {
				return 0, 0, false // "đại diện của hãng từ chối bình luận"
			}
			return j, descEnd, true
		}
		if _, end, ok := d.cueAt(s, j, entryAdverb); ok && !(j > from && d.isUpper(j)) {
			// (Nor an adverb: "khu phố Lý Thường Kiệt" is a name.)
			if d.tokenText(j) == groupAdverb {
				return 0, 0, false // "lãnh đạo các nước đều nhận định": a group
			}
			if d.tokenText(j) == foldedWill {
				// "Bác sĩ sẽ giải thích ...", "luật sư sẽ khuyên anh": what
				// someone will say is no words reported.
				return 0, 0, false
			}
			j = end - 1
			predicate = true
			if end+1 < len(d.toks) && d.tokenText(end) == foldedMust && d.tokenText(j) != foldedWill {
				// "Một người phụ nữ bán hàng cũng phải thừa nhận rằng ...":
				// "phải" after an adverb says she had to say it, and she
				// said it (not "sẽ phải": what she will have to say).
				if _, _, ok := d.cueAt(s, end+1, entrySpeech); ok {
					j = end
				}
			}
			continue
		}
		if predicate {
			return 0, 0, false // "bác sĩ chỉ làm động tác hỏi": the verb after the adverb is not speech
		}
		if j < len(d.named) && d.named[j] {
			return 0, 0, false // "bác sĩ nhi khoa Paul Gilbert": a name, not an unnamed source
		}
		if orgPhrase && orgWords < maxOrgPhrase && d.isWord(j) && !d.isUpper(j) && !d.in(descriptionModals, j) && !orgNegator(d, j) &&
			(!d.in(descriptionBreaks, j) || d.tokenText(j) == s.words.va && s.orgAnd(d, j)) {
			// A word of the organisation's description, linked by "và" to
			// another field ("quốc phòng và an ninh"): it does not count
			// against the reach.
			orgWords++
			limit++
			descEnd = j + 1
			continue
		}
		switch t := d.tokenText(j); {
		case d.isWord(j) && d.isUpper(j) || j > from && d.toks[j].Kind == vntext.Punct && t == "-" && d.isUpper(j-1) && j+1 < len(d.toks) && d.isUpper(j+1):
			// The syllables of an office's or a place's name do not count
			// against the reach: "người có trách nhiệm của cơ quan điều tra
			// công an tỉnh Bà Rịa - Vũng Tàu cho biết".
			if named < maxNameWords {
				named++
				limit++
			}
		case d.toks[j].Kind == vntext.Number, d.in(s.descriptionLinks, j):
		case t == s.words.va && j > from && (d.isUpper(j-1) || j-2 >= from && d.isWord(j-1) && d.isUpper(j-2)) &&
			j+1 < len(d.toks) && d.isUpper(j+1):
			// "và" inside a name: "Sở Văn hóa và Thể thao", "Sở Thông tin
			// và Truyền thông" (only a word's first syllable is capitalised).
		case subject && d.isWord(j) && j > from && titleCase(d.text(j-1, j)) && !d.in(descriptionBreaks, j) &&
			!d.in(descriptionModals, j):
			// The rest of a word of a name: "Sở Y tế", "Bộ Giáo dục" (not
			// after an acronym: "Sở TN-MT giao ...").
		case d.toks[j].Kind == vntext.Punct && (t == "-" || t == "." || t == "&"):
		default:
			if _, end, ok := d.cueAt(s, j, entryOrgBefore); ok {
				j = end - 1
				descEnd = end
				continue
			}
			if _, end, ok := d.cueAt(s, j, entryTitle); ok {
				j = end - 1
				descEnd = end
				continue
			}
			if !d.isWord(j) || d.in(descriptionBreaks, j) || free >= maxDescriptionWords ||
				d.in(descriptionModals, j) && !(j > from && d.in(demonstratives, j) && (s.indefiniteFrom(d, k, j) || s.linkedFrom(d, from, j))) ||
				t == above && s.endsDescription(d, j+1) ||
				j == from && (t == s.words.duoc || t == s.words.bi) {
				return 0, 0, false
			}
			free++
		}
		descEnd = j + 1
	}
	return 0, 0, false
}

// orgLinks put an organisation after a description: "tại", "của",
// "thuộc", "ở".
var orgLinks = foldedWords("tại", "của", "thuộc", "ở")

// maxOrgPhrase bounds the lower-case words of an organisation's description
// (its name's capitalised words are bounded by maxNameWords): a clause ends
// well before.
const maxOrgPhrase = 20

// orgAnd reports a "và" at token j that joins two fields in an
// organisation's description ("tư vấn quốc phòng và an ninh"), not two
// predicates: a lower-case word follows that is neither a verb of telling
// nor an adverb ("và cho biết", "và đã nói" begin what the person did).
func (s *Scorer) orgAnd(d *doc, j int) bool {
	if j+1 >= len(d.toks) || !d.isWord(j+1) || d.isUpper(j+1) || d.sent[j+1] != d.sent[j] || d.in(descriptionBreaks, j+1) || orgNegator(d, j+1) {
		return false
	}
	if _, _, ok := d.cueAt(s, j+1, entrySpeech); ok {
		return false
	}
	_, _, ok := d.cueAt(s, j+1, entryAdverb)
	return !ok
}

// orgNegator reports a negator at token j, which begins a predicate ("người
// đại diện của bộ phận visa không dành thời gian ..."), not a word of an
// organisation's description: "không" in "hàng không", "phòng không",
// "không quân", "không gian" is a field's.
func orgNegator(d *doc, j int) bool {
	if !negators.spans(d, j, j+1) {
		return false
	}
	if j > 0 && orgBeforeNot.has(d.tokenText(j-1)) || j+1 < len(d.toks) && orgAfterNot.has(d.tokenText(j+1)) {
		return false
	}
	return true
}

var orgBeforeNot, orgAfterNot = foldedWords("hàng", "phòng"), foldedWords("quân", "gian", "khí", "lưu")

// speechAfterAnd returns the verb of telling after "và" that an
// indefinite description [k, end) opening its clause is the subject of,
// past a few words of what the person did first: "Ít nhất một cô dâu sau
// đó quay về nhà chồng và cho hay ...", "Một người phụ nữ tìm đến trụ sở
// công an và khai nhận ...". Nothing quoted or named, no comma and no other
// speech verb may stand between; -1 if there is no such verb.
func (s *Scorer) speechAfterAnd(d *doc, k, end int) int {
	if d.tokenText(k) != s.words.mot {
		return -1
	}
	if !s.opensClause(d, k) && !(k >= 2 && atLeast.spans(d, k-2, k) && (d.sentenceStart(k-2) || k >= 3 && d.in(clauseOpeners, k-3))) &&
		!(k > 0 && d.tokenText(k-1) == foldedWhen && d.sent[k-1] == d.sent[k]) {
		// ("sau khi một phụ nữ ... cầu cứu cảnh sát, nói là ...": the
		// subject of a clause of time speaks too.)
		return -1
	}
	commas := 0
	for j := end; j < len(d.toks) && j <= end+maxAndReach+4*commas && d.sent[j] == d.sent[k] && !d.toks[j].Newline; j++ {
		if d.tokenText(j) == "," && j > end && commas < maxAndCommas && !d.quote[j] {
			// A comma links the verb of telling as "và" does ("Một phụ nữ
			// chạy đến đồn, nói là ..."), or sets off where the person
			// came from: the verb must follow the comma at once.
			commas++
			if _, vend, ok := d.cueAt(s, j+1, entrySpeech); ok && runOnVerbEnds(d, j+1, vend) {
				return j + 1
			}
			continue
		}
		if d.quote[j] || d.mention[j] >= 0 || j < len(d.named) && d.named[j] || !d.isWord(j) && d.toks[j].Kind != vntext.Number {
			return -1
		}
		if d.tokenText(j) == s.words.va && j > end {
			if _, _, ok := d.cueAt(s, j+1, entrySpeech); ok && runOnVerbs.startsAt(d, j+1) {
				return j + 1
			}
			return -1
		}
		if _, _, ok := d.cueAt(s, j, entrySpeech); ok {
			return -1 // a verb of its own before "và": speechAfterDescription's
		}
	}
	return -1
}

// maxAndReach bounds the words between an indefinite description and the
// "và" before its verb of telling; atLeast may come before "một".
const maxAndReach = 12

// runOnVerbEnds reports whether the verb of telling at tokens [a, end) is
// one of the run-on verbs as a whole: "kể lể" (pleading, crying out) after
// a comma is how someone behaved, not what they told; "rằng" or "là" may
// close it.
func runOnVerbEnds(d *doc, a, end int) bool {
	for _, ws := range runOnVerbs.at(d, a) {
		if n := a + len(ws); d.wordsAt(a, ws) && (n == end || n+1 == end && d.in(thatWords, n)) {
			return true
		}
	}
	return false
}

// thatWords may end a verb of telling ("nói rằng", "cho biết là").
var thatWords = foldedWords("rằng", "là")

// maxAndCommas bounds the commas between an indefinite description and
// its verb of telling; each widens the reach by four words.
const maxAndCommas = 3

var atLeast = foldedPhraseSet("ít nhất")

// indefiniteFrom reports a description starting at token k (k >= 0) that
// "một" makes indefinite before token j: a demonstrative after its own
// words then points at a thing of its relative clause ("Trưởng phòng một
// quận có đào tạo hệ này cho biết"), not back at someone named ("nữ sinh
// xinh xắn này chia sẻ").
func (s *Scorer) indefiniteFrom(d *doc, k, j int) bool {
	for i := max(k, 0); i < j && k >= 0; i++ {
		if d.tokenText(i) == s.words.mot {
			return true
		}
	}
	return false
}

// linkedFrom reports a word of place or whose ("của", "tại", "ở",
// "thuộc") among tokens [from, j): a demonstrative after it points at the
// thing it brings in ("người làm công của tiệm vàng này cho biết"), not
// back at a person.
func (s *Scorer) linkedFrom(d *doc, from, j int) bool {
	for i := from; i < j; i++ {
		if d.in(placeLinks, i) {
			return true
		}
	}
	return false
}

// placeLinks bring in whose or where a description's person is.
var placeLinks = foldedWords("của", "tại", "ở", "thuộc")

// foldedMust and foldedWill are "phải" and "sẽ" as the folded text reads them.
var foldedMust, foldedWill = vntext.FoldString("phải"), vntext.FoldString("sẽ")

// adminUnits open the next part of an address after a comma: "..., quận
// Ba Đình, TP Hà Nội".
var adminUnits = foldedPhraseSet("quận", "huyện", "tỉnh", "tp", "tp.", "thành phố", "thị xã", "thị trấn", "xã", "phường")

// dateAside returns the end of a date at token j, a time word and a
// number with its slashes ("ngày 26/4", "hôm 12/4/2021", "sáng 28/4"), or
// -1.
func (d *doc) dateAside(j int) int {
	if !d.in(timeWords, j) || j+1 >= len(d.toks) || d.toks[j+1].Kind != vntext.Number || d.sent[j+1] != d.sent[j] {
		return -1
	}
	c := j + 1
	for c < len(d.toks) && d.sent[c] == d.sent[j] && (d.toks[c].Kind == vntext.Number || d.tokenText(c) == "/") {
		c++
	}
	return c
}

// timeWords open a date: "ngày 26/4", "hôm 12/4", "sáng 28/4".
var timeWords = foldedWords("ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm")

// asideParen returns the ")" that closes a parenthesis opening at token
// j, when it holds up to maxParenAside tokens of the same sentence with no
// quotation or name in it; -1 otherwise.
func (d *doc) asideParen(j int) int {
	if d.tokenText(j) != "(" {
		return -1
	}
	for c := j + 1; c < len(d.toks) && c <= j+maxParenAside+1 && d.sent[c] == d.sent[j] && !d.toks[c].Newline; c++ {
		if d.quote[c] || d.mention[c] >= 0 {
			return -1
		}
		if d.tokenText(c) == ")" {
			if c == j+1 {
				return -1
			}
			return c
		}
	}
	return -1
}

// maxParenAside bounds the parenthesis after a description.
const maxParenAside = 10

// asideEnd returns the comma that closes an aside opening with the comma
// at token j after the indefinite description at token k ("một ..."), or
// -1: up to twelve words, no quotation or name among them; the words of a
// place may be capitalised ("sống ở xã Tân Lập"). An aside may also run on
// to the speech verb with no comma before it ("..., đến từ bang Bihar cho
// biết"): then it returns the token before the verb.
func (s *Scorer) asideEnd(d *doc, k, j int) int {
	if k < 0 || d.tokenText(k) != s.words.mot || d.tokenText(j) != "," {
		return -1
	}
	for c := j + 1; c < len(d.toks) && c <= j+13 && d.sent[c] == d.sent[j] && !d.toks[c].Newline; c++ {
		if d.tokenText(c) == "," {
			if c == j+1 {
				return -1
			}
			return c
		}
		if d.toks[c].Kind == vntext.Number && !d.quote[c] {
			continue // an age: "Một người phụ nữ, 45 tuổi, kể"
		}
		if !d.isWord(c) || d.quote[c] || d.mention[c] >= 0 || c < len(d.named) && d.named[c] || d.isUpper(c) && c == j+1 {
			return -1
		}
		if _, _, ok := d.cueAt(s, c, entrySpeech); ok {
			if c > j+2 && !d.isUpper(c) && runOnVerbs.startsAt(d, c) && !d.in(runOnStops, c-1) && !s.predicateIn(d, j+1, c) {
				return c - 1
			}
			return -1
		}
	}
	return -1
}

// predicateIn reports a word of tense among tokens [a, b) ("đã", "vừa"):
// the words are what the person did, a predicate, not an aside about them.
func (s *Scorer) predicateIn(d *doc, a, b int) bool {
	for i := a; i < b; i++ {
		if d.in(tenseWords, i) {
			return true
		}
	}
	return false
}

// runOnVerbs may end an aside with no comma before them: the verbs of
// telling, which are no nouns ("thông tin", "đề nghị" may be); runOnStops
// before one make it passive or negated ("danh tính không được tiết lộ").
var (
	runOnVerbs = foldedPhraseSet("cho biết", "cho hay", "kể", "kể lại", "nói", "tâm sự", "chia sẻ", "thừa nhận",
		"khai", "khai nhận", "khẳng định", "tiết lộ", "xác nhận")
	runOnStops = foldedWords("được", "bị", "không", "chưa", "chẳng")
	tenseWords = foldedWords("đã", "đang", "vừa", "sẽ", "từng", "mới")
)

// maxAsides bounds the asides between commas after an indefinite
// description before its verb.
const maxAsides = 3

// endsDescription reports what may follow a description: its verb, an
// adverb, punctuation or the end of the text.
func (s *Scorer) endsDescription(d *doc, k int) bool {
	if k >= len(d.toks) || !d.isWord(k) {
		return true
	}
	if _, _, ok := d.cueAt(s, k, entrySpeech); ok {
		return true
	}
	_, _, ok := d.cueAt(s, k, entryAdverb)
	return ok
}

// titleCase reports a word written with a capital and then small letters
// ("Y", "Giáo"), as the syllables of a name are; not an acronym ("MT").
func titleCase(w string) bool {
	for i, r := range w {
		if i == 0 {
			if !unicode.IsUpper(r) {
				return false
			}
			continue
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// opensClause reports whether the description starting at token k opens a
// sentence or a clause ("..., một người dân kể"), where it is the subject;
// not when a comma lists it after another description ("những ông bố, bà
// mẹ có con nhỏ").
func (s *Scorer) opensClause(d *doc, k int) bool {
	if k > 1 && d.tokenText(k-1) == foldedFormer && d.tokenText(k-2) == s.words.mot && d.sent[k-2] == d.sent[k] {
		k-- // "một cựu quan chức nói" (a bare "cựu" title is a former holder named before)
	} else if k > 0 && (d.tokenText(k-1) == foldedFormer || d.tokenText(k-1) == foldedOnceHeld) && d.sent[k-1] == d.sent[k] {
		k-- // "Vị cựu tổng thống thừa nhận", "Nguyên bộ trưởng cho biết": the former holder named before
	}
	for n := 0; n < 2 && k > 0 && (d.tokenText(k-1) == s.words.mot || d.in(respectWords, k-1)) && d.sent[k-1] == d.sent[k]; n++ {
		k-- // "một chủ cơ sở sản xuất bánh cho biết", "Vị bộ trưởng nói", "Một vị lãnh đạo"
	}
	if d.sentenceStart(k) {
		return true
	}
	if k >= 2 && relayVerbs.spans(d, k-2, k) {
		// A news outlet relaying someone: "Reuters dẫn lời một quan chức Bộ
		// Y tế cho hay": who is relayed is the subject of the speech verb.
		return true
	}
	if k >= 2 && frontedTime.spans(d, k-2, k) && d.sent[k-2] == d.sent[k] && (d.sentenceStart(k-2) || k >= 3 && d.in(clauseOpeners, k-3)) {
		// A fronted time phrase with no comma after it: "Tuy nhiên, sau đó
		// giám đốc công ty thông báo", "Lúc này bảo vệ tòa nhà cho biết".
		return true
	}
	if !d.in(clauseOpeners, k-1) {
		return false
	}
	if _, _, ok := d.cueEndingAt(s, k-1, entrySource); ok && d.tokenText(k-1) == "," {
		return false
	}
	return true
}

// objectMarkers before a description make it an object: prepositions and
// verbs of meeting or causing ("theo quan điểm của một chuyên gia, ..." is
// read before, as a "theo" attribution).
var objectMarkers = foldedWords("của", "với", "về", "cho", "khiến", "gặp", "thấy")

// pluralClassified reports a description at token k after a classifier
// that a plural word counts: "Ba cô con gái của X từng chia sẻ", "hai cậu
// con trai", "các vị phụ huynh": a group.
func (s *Scorer) pluralClassified(d *doc, k int) bool {
	return k > 1 && d.in(personClassifiers, k-1) && d.sent[k-1] == d.sent[k] && d.pluralBefore(s, k-1)
}

// personClassifiers count people: "ba cô con gái", "hai cậu con trai",
// "các vị", "những nhà".
var personClassifiers = foldedWords("cô", "cậu", "chàng", "vị", "nhà", "bà", "ông", "anh", "chị", "em", "cháu")

// oneInEvery reports "một" at token k in a share of a group: "Cứ hai nam
// giới thì một người cho rằng", "cứ 3 người thì có một người cho biết".
func (s *Scorer) oneInEvery(d *doc, k int) bool {
	if d.tokenText(k) != s.words.mot {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-10 && d.sent[j] == d.sent[k]; j-- {
		if d.tokenText(j) == foldedEvery {
			return true
		}
	}
	return false
}

// foldedEvery is "cứ" as the folded text reads it.
var foldedEvery = vntext.FoldString("cứ")

// relativeMa reports a description at token k right after a "mà" that
// follows a word, not a comma: the relative clause of a thing ("địa điểm
// đầu tiên mà sinh viên thử trình bày ý định"), where the description is
// no speaker the story quotes; "..., mà người dân nói" is a turn.
func (s *Scorer) relativeMa(d *doc, k int) bool {
	return k >= 2 && d.tokenText(k-1) == foldedMa && d.isWord(k-2) && d.sent[k-2] == d.sent[k]
}

// agentOrRelayed reports a description at token k that a passive's
// "được" makes the agent of the verb after it ("đã được đại diện đội bóng
// phủ nhận") or that an outlet relays ("WSJ dẫn nguồn tin cho hay"): the
// one who speaks, though inside a clause.
func (s *Scorer) agentOrRelayed(d *doc, k int) bool {
	if k < 1 || d.sent[k-1] != d.sent[k] {
		return false
	}
	switch d.tokenText(k - 1) {
	case s.words.duoc:
		return true
	case foldedCite:
		return k < 2 || d.tokenText(k-2) != foldedGuide // not "hướng dẫn người dân ..."
	}
	return false
}

// foldedCite and foldedGuide are "dẫn" and "hướng" as the folded text reads them.
var foldedCite, foldedGuide = vntext.FoldString("dẫn"), vntext.FoldString("hướng")

// respectWords stand before a title as "một" does before a description:
// "Vị bộ trưởng nói", "ngài đại sứ cho biết".
var respectWords = foldedWords("vị", "ngài")

// foldedFormer is "cựu" as the folded text reads it, foldedOnceHeld
// "nguyên" (former, of an office).
var foldedFormer, foldedOnceHeld = vntext.FoldString("cựu"), vntext.FoldString("nguyên")

// frontedTime phrases open a clause before its subject: "sau đó", "lúc này".
var frontedTime = foldedPhraseSet("sau đó", "khi đó", "lúc đó", "lúc này", "khi này", "trước đó", "sau này")

// relayVerbs bring in whose words an outlet or a document relays.
var relayVerbs = foldedPhraseSet("dẫn lời", "trích lời")

// introducedAs returns the person last introduced with description desc
// ("bà đỡ", "bác sĩ") before token k, or -1.
func (s *Scorer) introducedAs(d *doc, desc string, k int) int {
	// A bare description (its verb, an adverb or "này" next, not what it
	// runs on with: "đại diện hệ thống Y cho biết" is Y's, maybe no one
	// named) may take up a title in an appositive.
	next := k + len(strings.Fields(desc))
	bare := next < len(d.toks) && (!d.isWord(next) || d.in(demonstratives, next) ||
		d.startKinds[next]&(1<<entrySpeech|1<<entryAdverb) != 0)
	// "ông thị trưởng", "bà giám đốc": an honorific before the title; the
	// title introduced the person, whose honorific must agree.
	title, sex := desc, ""
	if h, hend, ok := d.cueAt(s, k, entryHonorific); ok && hend < next && hend > k {
		title, sex = strings.Join(strings.Fields(desc)[hend-k:], " "), h.gender
	}
	title = s.synonymTitle(title)
	desc = s.synonymTitle(desc)
	// The people whose introductions were read: they do not depend on j,
	// and one named a thousand times in a long page would otherwise be read
	// at each of their mentions in the window (quadratic in the page).
	var readBuf [16]int32
	read := readBuf[:0]
	for j := k - 1; j >= 0 && j >= k-400; j-- {
		pi := d.mention[j]
		if pi < 0 || d.people[pi].unnamed {
			continue
		}
		agrees := title != desc && (sex != female && sex != male || s.honorificGender(d, d.people[pi]) == sex)
		if t, ok := s.appositiveTitleKey(d, j, k); ok && bare && (t == desc || agrees && t == title) {
			// "Bà X, bác sĩ trưởng của viện, cho hay ... bác sĩ nói": the
			// title in the appositive after her name introduced her.
			return int(pi)
		}
		if slices.Contains(read, pi) {
			continue
		}
		read = append(read, pi)
		for i, in := range d.people[pi].intro {
			in = s.synonymTitle(s.introTitle(in)) // "BS Lan ... Bác sĩ cho biết": the doctor named before
			if (in == desc || strings.HasPrefix(in, desc+" ") || agrees && (in == title || strings.HasPrefix(in, title+" "))) &&
				d.people[pi].introAt[i] < k {
				// An earlier introduction ("chuyên gia tư vấn X" is a
				// "chuyên gia"): "Bác sĩ nói" does not take up "các bác sĩ
				// ... đưa ông Arafat" further on.
				if aideJobs.byFirst[strings.Fields(desc)[0]] != nil && s.starTitled(d, d.people[pi], -1) {
					break // "quản lý Lê Bình" of singer Lê Bình is his manager: "quản lý" is not him
				}
				return int(pi)
			}
		}
	}
	return -1
}

// appositiveTitleKey is the folded title, read through its synonyms, that
// opens the appositive right after the mention ending at token j ("X,
// thị trưởng của Y", "X - phát ngôn viên công ty"), in a sentence before
// the one of token k.
func (s *Scorer) appositiveTitleKey(d *doc, j, k int) (string, bool) {
	if j+2 >= k || d.mention[j+1] == d.mention[j] || d.sent[j+2] != d.sent[j] || d.sent[k] == d.sent[j] {
		return "", false
	}
	if t := d.tokenText(j + 1); t != "," && t != "-" && t != "–" {
		return "", false
	}
	a := j
	for a > 0 && d.mention[a-1] == d.mention[j] {
		a--
	}
	if s.prepositionObject(d, a) {
		return "", false // "Chia sẻ với MC X, nữ ca sĩ cho biết": the title opens the clause whose subject she is
	}
	e, _, ok := d.cueAt(s, j+2, entryTitle)
	if !ok {
		return "", false
	}
	return s.synonymTitle(e.key), true
}

// introTitle is an introduction's description with a title's short form
// read as the title ("bs" as "bác sĩ"): "TS.BS X ... bác sĩ khuyên" is X.
func (s *Scorer) introTitle(in string) string {
	if full, ok := s.titleAbbrev[in]; ok {
		return full
	}
	return in
}

// synonymTitle is a description with a title that opens it read as the
// title it is a synonym of: "phát ngôn viên X ... Người phát ngôn nói" is
// X. The longest synonym that opens desc is the one.
func (s *Scorer) synonymTitle(desc string) string {
	best := ""
	for syn := range s.titleSynonyms {
		if len(syn) > len(best) && (desc == syn || strings.HasPrefix(desc, syn+" ")) {
			best = syn
		}
	}
	if best == "" {
		return desc
	}
	return s.titleSynonyms[best] + desc[len(best):]
}

// descriptionRole is the role of an unnamed source from its description.
func (s *Scorer) descriptionRole(d *doc, a, b int) (string, bool) {
	for k := a; k < b; k++ {
		if e, _, ok := d.cueAt(s, k, entryTitle); ok {
			return e.tag, true
		}
	}
	if strings.Contains(d.joined(a, b), foldedNewsSource) {
		return roleOther, true
	}
	return "", false
}

// genderedTitle finds a gendered role noun that is the person's own title
// though a modifier stands between it and the name, so that contextBefore
// took it as a title, not as a role noun: "nam ca sĩ nhạc rock X", "nữ
// diễn viên Hàn Quốc - X". The title must be near (no clause word between)
// and the person's own (not before "của").
func (s *Scorer) genderedTitle(d *doc, c candidate, title *cueSpan) (*cueSpan, bool) {
	if title == nil || c.titleElse || c.titleFar || title.b >= c.a || c.a-title.b > 4 {
		return nil, false
	}
	from := title.b
	if sex, ok := postposedSex[d.tokenText(from)]; ok && !d.isUpper(from) {
		// The sex after the title: "bệnh nhân nam T.B.N.", "sinh viên nữ X"
		// (lower case: "Nam" opening a name is no sex).
		for k := from + 1; k < c.a; k++ {
			if t := d.tokenText(k); d.mention[k] >= 0 || !(t == "-" || t == "–" || d.toks[k].Kind == vntext.Number || d.in(titleModifiers, k)) {
				return nil, false
			}
		}
		return &cueSpan{&entry{kind: entryRoleNoun, gender: sex, phrase: d.text(title.a, from+1), key: d.joined(title.a, from+1)}, title.a, from + 1}, true
	}
	for k := title.b; k < c.a; k++ {
		// Only modifiers between (a place or nationality, an age, a dash,
		// a describing word): a verb makes the name someone else's ("nữ
		// diễn viên ly hôn X").
		t := d.tokenText(k)
		if d.mention[k] >= 0 || !(d.isUpper(k) || t == "-" || t == "–" || d.toks[k].Kind == vntext.Number || d.in(titleModifiers, k)) {
			return nil, false
		}
	}
	e, st, ok := d.cueEndingAt(s, title.b, entryRoleNoun)
	if !ok || st < title.a-1 || e.gender != female && e.gender != male {
		return nil, false
	}
	if st > 0 && d.tokenText(st-1) == foldedOf {
		// "vợ của nam diễn viên tên X": the name may be the relative's.
		return nil, false
	}
	return &cueSpan{e, st, title.b}, true
}

// postposedSex are "nam" and "nữ" written after a title to give the sex.
var postposedSex = map[string]string{foldedMale: male, foldedFemale: female}

// titleModifiers are the syllables of words that describe a star between a
// gendered role noun and the name: "nam ca sĩ nhạc rock X", "nữ diễn viên
// gạo cội X", "nam diễn viên kém tuổi X", "nữ ca sĩ người Mỹ X".
var titleModifiers = foldedWords("trẻ", "nổi", "tiếng", "xinh", "đẹp", "gạo", "cội", "kỳ", "cựu", "đình", "đám",
	"tài", "năng", "kém", "tuổi", "đoản", "mệnh", "quá", "cố", "gốc", "người", "xứ", "nhạc", "rock", "pop", "jazz",
	"rap", "hài", "danh", "lừng", "triển", "vọng", "hạng", "gợi", "cảm", "điển", "trai", "thần", "tượng", "kiêm")

// sameJoined reports whether the words of a and b, joined without spaces,
// are the same text: strings.Join of both, made for every pair of names
// compared, was a quarter of a check's allocations.
func sameJoined(a, b []string) bool {
	i, j := 0, 0 // the word and the byte in it
	for _, w := range a {
		for k := 0; k < len(w); k++ {
			for i < len(b) && j == len(b[i]) {
				i, j = i+1, 0
			}
			if i == len(b) || b[i][j] != w[k] {
				return false
			}
			j++
		}
	}
	for i < len(b) && j == len(b[i]) {
		i, j = i+1, 0
	}
	return i == len(b)
}
