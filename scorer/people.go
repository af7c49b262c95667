package scorer

import (
	"sort"
	"strings"

	"genderlens/vntext"
)

// person is a person being assembled from mentions.
type person struct {
	key      []string // folded name syllables of the fullest mention
	name     string
	vn       bool // a Vietnamese full name (surname + given name)
	mentions []Mention
	spans    [][2]int // token ranges of the mentions
	honor    map[string]string
	pronoun  map[string]string
	quoted   bool
	quoteWhy string
	role     string
	roleWhy  string
	gender   string // decided by finish
	unnamed  bool   // a described source without a name
}

// candidate is a capitalised run that may name a person.
type candidate struct {
	a, b   int    // name tokens
	honor  string // gender of the honorific before the name, "" if none
	honorW string
	role   string
	roleW  string
}

// collectPeople finds the people of the document, their gender, role and
// whether they are quoted, and fills res.People and the counts.
func (s *Scorer) collectPeople(d *doc, res *Result) {
	n := len(d.toks)
	d.mention = resize(d.mention, n)
	for i := range d.mention {
		d.mention[i] = -1
	}
	byline := s.bylineStart(d)
	var later []candidate
	for i := 0; i < n; {
		if d.toks[i].Kind != vntext.Word || !d.isUpper(i) || i >= byline {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if d.toks[j].Kind == vntext.Word && d.isUpper(j) && d.toks[j].Space && !d.toks[j].Newline {
				j++
				continue
			}
			// Initials and hyphenated names: N.T.Y.N, Al-Swaisat.
			if j+1 < n && d.isJoiner(j) && !d.toks[j].Space && !d.toks[j+1].Space &&
				d.toks[j+1].Kind == vntext.Word && d.isUpper(j+1) {
				j += 2
				continue
			}
			break
		}
		c, ok := s.candidate(d, i, j)
		if ok {
			s.register(d, c)
		} else if c.b > c.a {
			later = append(later, c)
		}
		i = j
	}
	// Mentions before a person's first accepted mention ("Kiatisuk sẽ gặp
	// ...", then "Kiatisuk chia sẻ:"), and full names completing a short
	// one ("Maria Gunya" before "Gunya nhớ lại").
	for _, c := range later {
		if s.known(d, c.a, c.b) >= 0 || s.completes(d, c.a, c.b) {
			s.register(d, c)
		}
	}
	for _, p := range d.people {
		sort.Slice(p.mentions, func(i, j int) bool { return p.mentions[i].Start < p.mentions[j].Start })
	}
	for pi, p := range d.people {
		for _, sp := range p.spans {
			s.quotedAt(d, p, int32(pi), sp[0], sp[1])
			if d.firstInSentence(sp[0]) {
				s.pronounAfter(d, p, int32(pi), sp[1])
			}
		}
	}
	s.anaphora(d)
	for _, p := range d.people {
		out := s.finish(d, p)
		p.gender = out.Gender
		res.People = append(res.People, out)
		res.Counts.People.add(out.Gender)
		if out.Quoted {
			res.Counts.Quoted.add(out.Gender)
			g := res.QuotedByRole[out.Role]
			g.add(out.Gender)
			res.QuotedByRole[out.Role] = g
		}
	}
}

// firstInSentence reports whether no other person is mentioned earlier in
// the sentence of token a: a pronoun later in the sentence refers to its
// subject, not to a name further on.
func (d *doc) firstInSentence(a int) bool {
	for k := a - 1; k >= 0 && k >= a-60 && d.sent[k] == d.sent[a]; k-- {
		if d.mention[k] >= 0 && d.mention[k] != d.mention[a] {
			return false
		}
	}
	return true
}

// bylineStart returns the first token of the byline: up to two short last
// lines ("Kiều Anh", "Theo Reuters").
func (s *Scorer) bylineStart(d *doc) int {
	n := len(d.toks)
	start := n
	for lines := 0; lines < 2; lines++ {
		first := -1
		for i := start - 1; i >= 0; i-- {
			if d.toks[i].Newline {
				first = i
				break
			}
		}
		if first <= 0 {
			break
		}
		words := 0
		for i := first; i < start; i++ {
			if d.toks[i].Kind == vntext.Word {
				words++
			}
		}
		if words > maxBylineTokens {
			break
		}
		start = first
	}
	return start
}

// isJoiner reports a "." or "-" that can join the parts of a name.
func (d *doc) isJoiner(i int) bool {
	if d.toks[i].Kind != vntext.Punct {
		return false
	}
	t := d.tokenText(i)
	return t == "." || t == "-"
}

// sentenceStart reports whether token i begins a sentence or a quotation.
func (d *doc) sentenceStart(i int) bool {
	if i == 0 || d.toks[i].Newline || d.sent[i] != d.sent[i-1] {
		return true
	}
	p := d.tokenText(i - 1)
	return p == "\"" || p == "“" || p == "-" || p == "–" || p == "(" || p == ":"
}

// candidate decides whether the capitalised run [a, b) names a person.
func (s *Scorer) candidate(d *doc, a, b int) (candidate, bool) {
	c := candidate{}
	if _, st, ok := d.cueEndingAt(s, a, entryOrg); ok {
		// "đường Lê Lợi" is a street; "Chủ tịch UBND phường Trúc Bạch Trần
		// Văn Khoa" names the ward, then the person.
		// Only after a title, and with a place name of two or more
		// syllables first: "trường THCS Vũ Phạm Khải" is a school.
		k := s.surnameAfter(d, a+2, b)
		e, titled := s.titleBefore(d, st)
		if k < 0 || !titled {
			return c, false
		}
		c.a, c.b = k, b
		c.role, c.roleW = e.role, e.phrase
		return c, true
	}
	if d.toks[a].Newline {
		// Nothing before a line break describes this name.
	} else if e, st, ok := d.cueEndingAt(s, a, entryHonorific); ok && d.sent[st] == d.sent[a] {
		c.honor, c.honorW = e.gender, e.phrase
		if c.honor == "" {
			c.honor = unknown
		}
	}
	if e, st, ok := d.cueEndingAt(s, a, entryTitle); ok && !d.toks[a].Newline && d.sent[st] == d.sent[a] {
		c.role, c.roleW = e.role, e.phrase
	}
	// Strip what the run starts with: a capitalised honorific or title at
	// the start of a sentence (Bà Lan, HLV Petrovic), or a common word.
	for a < b {
		if _, _, ok := d.cueAt(s, a, entryOrg); ok && !s.surnames[d.tokenText(a)] {
			return c, false
		}
		if e, end, ok := d.cueAt(s, a, entryHonorific); ok && end < b && d.sentenceStart(a) {
			c.honor, c.honorW = e.gender, e.phrase
			if c.honor == "" {
				c.honor = unknown
			}
			a = end
			continue
		}
		if e, end, ok := d.cueAt(s, a, entryTitle); ok && end < b && (d.allCaps(a) || d.sentenceStart(a)) {
			c.role, c.roleW = e.role, e.phrase
			a = end
			continue
		}
		// A place before the name: "Tổng thống Mỹ Joe Biden"; a place
		// alone is no name ("Ba Lan", "Ai Cập" must not lose their first
		// word as a common one).
		if b-a >= 2 && s.places[d.joined(a, a+2)] {
			if b-a == 2 {
				return c, false
			}
			a += 2
			continue
		}
		if b-a >= 3 && s.places[d.tokenText(a)] {
			a++
			continue
		}
		if s.notNames[d.tokenText(a)] || d.isJoiner(a) {
			a++
			continue
		}
		break
	}
	if a >= b {
		return c, false
	}
	for k := a; k < b; k++ {
		if d.allCaps(k) {
			return c, false
		}
	}
	// Places, unless an honorific makes the word a name ("bà Nga"); a
	// description is no honorific ("cô gái Hải Phòng").
	if (c.honor == "" || strings.Contains(c.honorW, " ")) &&
		(s.places[d.joined(a, b)] || b-a >= 2 && s.places[d.joined(a, a+2)]) {
		return c, false
	}
	c.a, c.b = a, b
	vn := b-a >= 2 && b-a <= 4 && s.surnames[d.tokenText(a)]
	if !vn {
		// A surname inside the run after other capitalised words:
		// "... Bhutan Phạm Sanh Châu".
		if k := s.surnameAfter(d, a+1, b); k >= 0 {
			c.a, vn = k, true
		}
	}
	switch {
	case vn, c.honor != "":
		return c, true
	case c.role != "" && (b-a >= 2 || !s.inAppositive(d, c.a)):
		// "người sáng lập Microsoft" after a name is an organisation.
		return c, true
	case s.known(d, c.a, c.b) >= 0:
		return c, true
	case b-a >= 2 && b-a <= 4 && !s.isCueWord(d, c.a, c.b) &&
		(s.precededByTheo(d, c.a) || s.speechWithin(d, c.b, -1, 12)) && !s.inAppositive(d, c.a):
		// A name without any cue, such as a foreign name, counts when it
		// speaks.
		return c, true
	case b-a >= 2 && b-a <= 4 && !s.isCueWord(d, c.a, c.b) && s.appositiveTitle(d, c.b) && !s.inAppositive(d, c.a):
		// "Cheryl Bachelder - Giám đốc điều hành ...": a name with a title.
		return c, true
	case b-a == 1 && !d.sentenceStart(c.a) && !s.isCueWord(d, c.a, c.b) && s.speechNext(d, c.b) &&
		!s.inAppositive(d, c.a):
		// A name without any cue, such as a foreign name, counts when it
		// speaks. A lone capitalised word opening a sentence does not.
		return c, true
	}
	return c, false
}

// speechNext reports a speech verb right after token b ("Kiatisuk chia
// sẻ"): the only context in which a lone capitalised word is taken as a
// name, since Vietnamese capitalises the first syllable of many terms.
func (s *Scorer) speechNext(d *doc, b int) bool {
	if b >= len(d.toks) || d.quote[b-1] {
		return false
	}
	_, _, ok := d.cueAt(s, b, entrySpeech)
	return ok
}

// appositiveTitle reports a title right after a name: "X - Giám đốc",
// "X, CEO của", "X (giáo viên)".
func (s *Scorer) appositiveTitle(d *doc, b int) bool {
	if b >= len(d.toks) || d.toks[b].Kind != vntext.Punct {
		return false
	}
	switch d.tokenText(b) {
	case ",", "-", "–", "(":
		return s.titleSoon(d, b+1)
	}
	return false
}

// titleSoon reports a title among the two tokens from k ("một nghiên cứu
// sinh", "người sáng lập").
func (s *Scorer) titleSoon(d *doc, k int) bool {
	for j := k; j < len(d.toks) && j < k+2; j++ {
		if _, _, ok := d.cueAt(s, j, entryTitle); ok {
			return true
		}
	}
	return false
}

// surnameAfter finds a Vietnamese full name (surname + 1-3 syllables)
// starting at or after from and ending the run at b, or -1.
func (s *Scorer) surnameAfter(d *doc, from, b int) int {
	for k := from; k+1 < b; k++ {
		if s.surnames[d.tokenText(k)] && b-k <= 4 && !s.places[d.joined(k, b)] && !s.places[d.joined(k, k+2)] {
			return k
		}
	}
	return -1
}

// titleBefore finds a title ending within a few tokens before st in the
// same sentence ("Chủ tịch UBND | phường ...").
func (s *Scorer) titleBefore(d *doc, st int) (entry, bool) {
	for end := st; end > 0 && end >= st-3 && d.sent[end-1] == d.sent[st]; end-- {
		if e, _, ok := d.cueEndingAt(s, end, entryTitle); ok {
			return e, true
		}
	}
	return entry{}, false
}

// isCueWord reports whether the run is only a cue word itself (Ông, Bà).
func (s *Scorer) isCueWord(d *doc, a, b int) bool {
	for _, k := range []entryKind{entryHonorific, entryPronoun, entryTitle, entrySpeech} {
		if _, end, ok := d.cueAt(s, a, k); ok && end >= b {
			return true
		}
	}
	return false
}

// inAppositive reports whether token a follows a person's mention in the
// same clause with no speech verb between: "Bill Gates, người sáng lập
// Microsoft, thông tin ..." names an organisation, not a second speaker.
func (s *Scorer) inAppositive(d *doc, a int) bool {
	for k := a - 1; k >= 0 && k >= a-12; k-- {
		if d.sent[k] != d.sent[a] {
			return false
		}
		if d.mention[k] >= 0 {
			return true
		}
		if _, _, ok := d.cueAt(s, k, entrySpeech); ok {
			return false
		}
	}
	return false
}

func (d *doc) joined(a, b int) string {
	parts := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		parts = append(parts, d.tokenText(k))
	}
	return strings.Join(parts, " ")
}

// known returns the person whose name ends with tokens [a, b), or -1. The
// people sharing a last syllable are indexed, and only the most recent few
// are compared, so that matching stays linear on long inputs.
func (s *Scorer) known(d *doc, a, b int) int {
	list := d.byLast[d.tokenText(b-1)]
	for x := len(list) - 1; x >= 0 && x >= len(list)-maxSameName; x-- {
		pi := list[x]
		k := d.people[pi].key
		if len(k) < b-a {
			continue
		}
		match := true
		for y := 0; y < b-a; y++ {
			if k[len(k)-(b-a)+y] != d.tokenText(a+y) {
				match = false
				break
			}
		}
		if match {
			return int(pi)
		}
	}
	return -1
}

// maxSameName bounds how many people with the same given name are compared.
const maxSameName = 16

// shorter returns the person whose whole, shorter name ends tokens [a, b)
// ("Lưu" for "Lê Trường Lưu"), the longest such name first, or -1.
func (s *Scorer) shorter(d *doc, a, b int) int {
	for n := b - a - 1; n >= 1; n-- {
		if pi, ok := d.byKey[d.joined(b-n, b)]; ok {
			return int(pi)
		}
	}
	return -1
}

// completes reports whether tokens [a, b) end with a known person's
// shorter name.
func (s *Scorer) completes(d *doc, a, b int) bool { return s.shorter(d, a, b) >= 0 }

// register adds a mention, merging it with a person already named.
func (s *Scorer) register(d *doc, c candidate) {
	key := make([]string, 0, c.b-c.a)
	for k := c.a; k < c.b; k++ {
		key = append(key, d.tokenText(k))
	}
	pi := s.known(d, c.a, c.b)
	if pi < 0 {
		// An earlier short mention completed later (ông Lưu ... Lê Trường Lưu).
		pi = s.shorter(d, c.a, c.b)
	}
	start, end := d.span(c.a, c.b)
	if pi < 0 {
		pi = len(d.people)
		d.people = append(d.people, &person{honor: map[string]string{}, pronoun: map[string]string{}})
		last := key[len(key)-1]
		d.byLast[last] = append(d.byLast[last], int32(pi))
	}
	p := d.people[pi]
	if len(key) > len(p.key) {
		p.key = key
		p.name = vntext.NFC(d.input[start:end])
		p.vn = len(key) >= 2 && s.surnames[key[0]]
		d.byKey[strings.Join(key, " ")] = int32(pi)
	}
	p.mentions = append(p.mentions, Mention{Start: start, End: end})
	p.spans = append(p.spans, [2]int{c.a, c.b})
	if c.honor != "" {
		p.honor[c.honorW] = c.honor
	}
	if c.role != "" && p.role == "" {
		p.role, p.roleWhy = c.role, c.roleW
	}
	for k := c.a; k < c.b; k++ {
		d.mention[k] = int32(pi)
	}
}

// precededByTheo reports "Theo <title> X" or "theo lời X": attribution by
// "theo", with only honorifics, titles and their dots in between.
func (s *Scorer) precededByTheo(d *doc, a int) bool {
	if d.quote[a] {
		return false
	}
	k := a - 1
	for k >= 0 && k >= a-8 && !d.toks[k+1].Newline {
		t := d.tokenText(k)
		if t == "theo" {
			return true
		}
		if t == "." || t == s.words.loi {
			k--
			continue
		}
		moved := false
		for _, kind := range []entryKind{entryTitle, entryHonorific} {
			if _, st, ok := d.cueEndingAt(s, k+1, kind); ok {
				k, moved = st-1, true
				break
			}
		}
		if !moved {
			return false
		}
	}
	return false
}

// speechAfter reports whether a speech verb (or a colon) follows token b in
// the same sentence before another person is mentioned.
func (s *Scorer) speechAfter(d *doc, b int, self int32) bool {
	return s.speechWithin(d, b, self, 30)
}

// speechWithin is speechAfter with a window of n tokens. A short window is
// also strict: it crosses a comma only into an appositive that starts with
// a title ("Kaitlyn Loftus, một nghiên cứu sinh ..., cho biết"), so that
// "X được hé lộ, nhiều khán giả đánh giá" does not make X a speaker.
func (s *Scorer) speechWithin(d *doc, b int, self int32, n int) bool {
	strict := n < 30
	if d.quote[b-1] {
		return false
	}
	paren := 0
	appos := false
	for k := b; k < len(d.toks) && k < b+n; k++ {
		if k > b && (d.toks[k].Newline || d.sent[k] != d.sent[b-1] && d.tokenText(k-1) != ":") {
			return false
		}
		switch t := d.tokenText(k); {
		case t == "(":
			paren++
			continue
		case t == ")" && paren > 0:
			paren--
			continue
		case paren > 0:
			continue // an aside: "(bà ngoại của Dung)"
		case d.quote[k]:
			return false
		case (t == s.words.duoc || t == s.words.bi) && !appos:
			return false // passive: "X được phía Y cho biết" reports Y
		case strict && t == ",":
			switch {
			case appos:
				appos = false // the appositive closes
			case s.titleSoon(d, k+1):
				appos = true
			default:
				return false
			}
		}
		if d.mention[k] >= 0 && d.mention[k] != self {
			return false
		}
		if d.toks[k].Kind == vntext.Punct && d.tokenText(k) == ":" && k-b <= 15 {
			return true
		}
		if _, _, ok := d.cueAt(s, k, entrySpeech); ok {
			return true
		}
	}
	return false
}

// quotedAt marks p quoted when the mention [a, b) is attributed words.
func (s *Scorer) quotedAt(d *doc, p *person, pi int32, a, b int) {
	if p.quoted {
		return
	}
	switch {
	case s.precededByTheo(d, a):
		p.quoted, p.quoteWhy = true, "theo"
	case s.possessed(d, a):
		// "Phụ huynh của cháu X cho biết": the parent speaks, not X.
	case s.speechAfter(d, b, pi):
		p.quoted, p.quoteWhy = true, "speech verb"
		s.ownWords(d, p, b)
	}
}

// possessed reports "của [honorific/title] X": X is the possessor of the
// phrase's head noun, which is then the subject of any verb that follows.
func (s *Scorer) possessed(d *doc, a int) bool {
	k := a
	for _, kind := range []entryKind{entryHonorific, entryTitle} {
		if _, st, ok := d.cueEndingAt(s, k, kind); ok {
			k = st
		}
	}
	return k > 0 && d.tokenText(k-1) == s.words.cua
}

// ownWords reads the quotation that follows a speaker ("X chia sẻ: “...”")
// for the speaker's own family: "chồng tôi" in her words makes her a wife.
func (s *Scorer) ownWords(d *doc, p *person, b int) {
	k, colon := b, false
	for k < len(d.toks) && k < b+30 && !d.quote[k] && !d.toks[k].Newline {
		colon = colon || d.tokenText(k) == ":"
		k++
	}
	if k >= len(d.toks) || !d.quote[k] || !colon {
		return
	}
	for ; k < len(d.toks) && d.quote[k]; k++ {
		if e, _, ok := d.cueAt(s, k, entrySpeakerFamily); ok {
			p.pronoun["“"+e.phrase+"”"] = e.gender
		}
	}
}

// pronounAfter records pronouns that refer back to p after a mention.
func (s *Scorer) pronounAfter(d *doc, p *person, pi int32, b int) {
	if b >= len(d.toks) {
		return
	}
	for k := b; k < len(d.toks) && k < b+40; k++ {
		if d.sent[k] > d.sent[b-1]+1 || d.mention[k] >= 0 && d.mention[k] != pi {
			return
		}
		if d.quote[k] {
			continue
		}
		e, end, ok := d.cueAt(s, k, entryPronoun)
		if !ok {
			continue
		}
		if end < len(d.toks) && d.toks[end].Kind == vntext.Word && d.isUpper(end) {
			continue // "của anh Hùng" introduces someone else
		}
		p.pronoun[e.phrase] = e.gender
	}
}

// finish decides gender and role from the collected evidence.
func (s *Scorer) finish(d *doc, p *person) Person {
	out := Person{Name: p.name, Quoted: p.quoted, Mentions: p.mentions, Gender: unknown}
	var ev []string
	gender, why := agree(p.honor)
	if why != "" {
		ev = append(ev, "honorific "+why)
	}
	if gender == unknown {
		ev = append(ev, "conflicting honorifics")
	}
	if gender == "" && p.vn && len(p.key) >= 3 {
		switch vntext.FoldString(p.key[1]) {
		case vntext.FoldString("thị"):
			gender, why = female, "middle name Thị"
		case vntext.FoldString("văn"):
			gender, why = male, "middle name Văn"
		}
		if why != "" {
			ev = append(ev, why)
		}
	}
	if gender == "" {
		g, w := agree(p.pronoun)
		if w != "" {
			ev = append(ev, "pronoun "+w)
			gender = g
		}
	}
	if gender == "" && len(p.key) >= 1 && !p.unnamed {
		given := p.key[len(p.key)-1]
		shown := p.name[strings.LastIndexByte(p.name, ' ')+1:]
		switch {
		case s.femaleName[given]:
			gender = female
			ev = append(ev, "given name "+shown+" (table: female)")
		case s.maleName[given]:
			gender = male
			ev = append(ev, "given name "+shown+" (table: male)")
		}
	}
	if gender == "" || gender == unknown {
		gender = unknown
		if len(ev) == 0 {
			ev = append(ev, "no gender cue")
		}
	}
	out.Gender = gender
	out.Role, why = p.role, p.roleWhy
	if out.Role == "" {
		out.Role, why = s.appositiveRole(d, p)
	}
	if out.Role == "" {
		switch {
		case strings.Contains(d.section, "the-thao") || strings.Contains(d.section, "sport") ||
			strings.Contains(d.section, "giai-tri") || strings.Contains(d.section, "entertainment"):
			out.Role, why = roleCelebrity, "section"
		case len(p.honor) > 0:
			out.Role, why = roleOrdinary, "honorific without title"
		default:
			out.Role, why = roleOther, ""
		}
	}
	if why != "" {
		ev = append(ev, "role: "+why)
	}
	if p.quoted {
		ev = append(ev, "quoted: "+p.quoteWhy)
	}
	out.Evidence = strings.Join(ev, "; ")
	return out
}

// agree returns the gender all cues agree on ("" if none, unknown when they
// conflict) and the cues as evidence.
func agree(cues map[string]string) (string, string) {
	if len(cues) == 0 {
		return "", ""
	}
	// Ambiguous cues alone (em, bác) decide nothing.
	words := make([]string, 0, len(cues))
	g := ""
	for w, cg := range cues {
		words = append(words, w)
		if cg == unknown {
			continue
		}
		if g == "" {
			g = cg
		} else if g != cg {
			g = unknown
		}
	}
	sort.Strings(words)
	return g, strings.Join(words, ", ")
}

// appositiveRole looks for a title right after a mention: "X, Giám đốc Sở".
func (s *Scorer) appositiveRole(d *doc, p *person) (string, string) {
	for _, sp := range p.spans {
		b := sp[1]
		for k := b; k < len(d.toks) && k < b+8; k++ {
			if k > b && d.sent[k] != d.sent[b-1] || d.mention[k] >= 0 {
				break
			}
			if e, _, ok := d.cueAt(s, k, entryTitle); ok {
				return e.role, e.phrase
			}
		}
	}
	return "", ""
}

// anaphora attributes "…", ông nói / bà đỡ liền nói / nữ ca sĩ tâm sự to the
// person last mentioned, when the cue's gender does not contradict theirs.
func (s *Scorer) anaphora(d *doc) {
	genders := make([]string, len(d.people))
	for pi, p := range d.people {
		genders[pi] = s.finish(d, p).Gender
	}
	for k := 0; k < len(d.toks); k++ {
		if d.first[k] == d.first[k+1] || d.quote[k] || d.mention[k] >= 0 {
			continue // no cue starts here
		}
		if end, ok := s.unnamedSource(d, k); ok {
			k = end - 1
			continue
		}
		e, end, ok := d.cueAt(s, k, entryHonorific)
		if !ok {
			if e, end, ok = d.cueAt(s, k, entryPronoun); !ok {
				continue
			}
		}
		if end >= len(d.toks) || d.toks[end].Kind == vntext.Word && d.isUpper(end) {
			continue // a name follows: not an anaphor
		}
		v := end
		if s.adverbs[d.tokenText(v)] {
			v++
		}
		if v >= len(d.toks) {
			continue
		}
		if _, _, ok := d.cueAt(s, v, entrySpeech); !ok {
			continue
		}
		// The person introduced with this very description ("bà đỡ X" ...
		// "bà đỡ liền nói"), else the nearest person of the cue's gender,
		// else the nearest of unknown gender.
		pi, fallback := int32(-1), int32(-1)
		if strings.Contains(e.phrase, " ") {
			for j := k - 1; j >= 0 && j >= k-300 && pi < 0; j-- {
				if m := d.mention[j]; m >= 0 && d.people[m].honor[e.phrase] != "" {
					pi = m
				}
			}
		}
		for j := k - 1; j >= 0 && j >= k-80 && pi < 0; j-- {
			m := d.mention[j]
			switch {
			case m < 0:
			case e.gender == unknown || genders[m] == e.gender:
				pi = m
			case genders[m] == unknown && fallback < 0:
				fallback = m
			}
		}
		if pi < 0 {
			pi = fallback
		}
		if pi < 0 {
			continue
		}
		p := d.people[pi]
		if !p.quoted {
			p.quoted, p.quoteWhy = true, "\""+e.phrase+"\" + speech verb"
		}
		if e.gender != unknown && genders[pi] == unknown {
			p.pronoun[e.phrase] = e.gender
		}
	}
}

// unnamedSource records "vợ ông cho hay": a described, unnamed source
// followed by a speech verb. It returns the end of the description.
func (s *Scorer) unnamedSource(d *doc, k int) (int, bool) {
	e, end, ok := d.cueAt(s, k, entryUnnamed)
	if !ok || end >= len(d.toks) || d.toks[end].Kind == vntext.Word && d.isUpper(end) {
		return 0, false
	}
	v := end
	if s.adverbs[d.tokenText(v)] {
		v++
	}
	if v >= len(d.toks) {
		return 0, false
	}
	if _, _, ok := d.cueAt(s, v, entrySpeech); !ok {
		return 0, false
	}
	start, stop := d.span(k, end)
	p := &person{
		name:     d.input[start:stop],
		key:      nil,
		honor:    map[string]string{e.phrase: e.gender},
		pronoun:  map[string]string{},
		quoted:   true,
		quoteWhy: "unnamed source + speech verb",
		unnamed:  true,
		mentions: []Mention{{Start: start, End: stop}},
		spans:    [][2]int{{k, end}},
	}
	d.people = append(d.people, p)
	return end, true
}
