// Package scorer audits one article against the gender indicator rule set:
// it finds the people named and quoted with their gender and role, the
// gendered language the rules describe, the article's topics, and scores
// each indicator group. Every person and finding carries the cues that
// decided it, with byte offsets into the input.
package scorer

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"genderlens/model"
	"genderlens/rules"
	"genderlens/vntext"
)

// Scorer checks documents against a compiled rule set. It is safe for
// concurrent use: Check only reads it.
type Scorer struct {
	set   *rules.Set
	rules []rules.Rule
	m     *matcher
	// firstOf has, by vocabulary id, the bits of the phrase sets a word
	// is the first word of a phrase of (see registeredFirsts); wordOf the
	// bits of the word sets it is in, two words an id (see wordSet).
	firstOf, wordOf []uint64
	// vietnameseOf says, by vocabulary id, whether the word is a
	// Vietnamese syllable (vntext.IsVietnameseSyllable): nearly every token
	// has an id, and doc.vietnamese then needs no test of its letters.
	vietnameseOf []bool
	pool         sync.Pool // of *doc
	// sections finds the rule set's sections an article is in.
	sections rules.SectionIndex
	// violence is the violence lexicon, folded (rules.Violence).
	violence violenceWords
	// victimTopics holds, for each rule that looks for a victim, the topics
	// it needs (nil: none); see needVictims.
	victimTopics [][]string
	// classTests holds each rule's as_class, folded (nil: none).
	classTests []*classTest

	// Single-syllable lexicons, folded.
	surnames  *wordSet
	notNames  *wordSet
	rankNames *wordSet
	orgInside *wordSet
	// notBefore and notAfter give a speech word another sense (rules.People).
	notBefore, notAfter *wordSet
	// descriptionLinks may continue an unnamed source's description.
	descriptionLinks *wordSet
	particles        *wordSet
	// textOnly: gender from the text's own cues only (rules.EvidenceText).
	textOnly   bool
	middle     map[string]string // thị -> female, văn -> male
	eastAsian  *wordSet          // family names written first in foreign names
	people     *rules.People
	words      keyWords
	roleTitles map[string]string // folded title -> role
	// notable maps a well-known person's folded name, and the family name
	// of a foreign one when only one notable has it, to their gender.
	notable map[string]string
	// titleAbbrev maps a title's folded short form to the folded title.
	titleAbbrev map[string]string
	// titleSynonyms maps a folded title to the folded title it is a
	// synonym of ("phat ngon vien": "nguoi phat ngon").
	titleSynonyms map[string]string
	// notableFirst are the first words of the notable keys.
	notableFirst *wordSet
}

// Document is one article to check.
type Document struct {
	// Text is the full input as given: title line(s) and body.
	Text string
	// Section is the outlet's section slug (e.g. "the-thao"), used by the
	// sections/not_sections conditions of rules.
	Section string
	// Lang selects the language of messages: "en" gives English, anything
	// else Vietnamese.
	Lang string
	// Explain asks for the candidates the people finder rejected or merged
	// and the rule matches that conditions cancelled (Result.Explain).
	Explain bool
}

// New compiles the rule set and the people lexicons into one matcher.
func New(set *rules.Set) (*Scorer, error) { return newScorer(set, trieBlob) }

// newScorer is New reading the trie from blob when it was built from the
// same phrases (see TrieBlobFile); blob "" builds it.
func newScorer(set *rules.Set, blob string) (*Scorer, error) {
	if set == nil {
		return nil, fmt.Errorf("new scorer: nil rule set")
	}
	s := &Scorer{set: set, rules: set.Rules, m: newMatcher(), people: &set.People, sections: rules.NewSectionIndex(set.Sections)}
	s.classTests = make([]*classTest, len(set.Rules))
	for i := range set.Rules {
		s.classTests[i] = newClassTest(set.Rules[i].AsClass)
	}
	n := 0
	for _, r := range set.Rules {
		n += len(r.Tokens) + len(r.Swap) + len(r.Exceptions)
		for _, c := range []*rules.Near{r.Near, r.Unless, r.About, r.UnlessAlso} {
			if c != nil {
				n += len(c.Tokens) + len(c.Exceptions)
			}
		}
		if sm := r.SpareMen; sm != nil {
			n += len(sm.Men) + len(sm.Women) + len(sm.Both) + len(sm.Stars)
		}
	}
	// The people lexicons' phrases are gathered first so that n counts them
	// too: past its capacity, phrases would be copied to twice the room.
	var people []entry
	peoplePhrases(&set.People, func(p string, e entry) {
		e.rule, e.phrase = -1, p
		people = append(people, e)
	})
	n += len(people)
	// The phrases are gathered, then compiled all at once (folded on every
	// core), in the order of the rules and then the people lexicons.
	phrases := make([]entry, 0, n)
	add := func(p string, e entry) {
		e.phrase = p
		phrases = append(phrases, e)
	}
	for i, r := range set.Rules {
		ri := int32(i)
		// field names the list for Rule.Keys: the folded keys Load
		// computed checking the phrases, so that they are not folded again.
		addAll := func(ps []string, kind entryKind, field string) {
			keys := r.Keys(field)
			if len(keys) != len(ps) {
				keys = nil
			}
			for i, p := range ps {
				e := entry{kind: kind, rule: ri}
				if keys != nil {
					e.key = keys[i] // "" when it has none: folded in compile
				}
				add(p, e)
			}
		}
		addAll(r.Tokens, entryRule, "tokens")
		for _, p := range slices.Sorted(mapKeys(r.Swap)) {
			add(p, entry{kind: entryRule, rule: ri, replacement: r.Swap[p]})
		}
		addAll(r.Exceptions, entryException, "exceptions")
		if r.Near != nil {
			addAll(r.Near.Tokens, entryNear, "near.tokens")
			addAll(r.Near.Exceptions, entryNearException, "near.exceptions")
		}
		if r.Unless != nil {
			addAll(r.Unless.Tokens, entryUnless, "unless.tokens")
		}
		if r.UnlessAlso != nil {
			addAll(r.UnlessAlso.Tokens, entryUnlessAlso, "unless_also.tokens")
		}
		if r.About != nil {
			addAll(r.About.Tokens, entryAbout, "about.tokens")
		}
		if r.SpareMen != nil {
			addAll(r.SpareMen.Men, entrySpareMan, "spare_men.men")
			addAll(r.SpareMen.Women, entrySpareWoman, "spare_men.women")
			addAll(r.SpareMen.Both, entrySpareBoth, "spare_men.both")
			addAll(r.SpareMen.Stars, entrySpareBoth, "spare_men.stars")
		}
	}
	phrases = append(phrases, people...)
	// The word sets are built on a goroutine of their own while the
	// phrases compile: inserting them into the trie is one core's work.
	var sets sync.WaitGroup
	sets.Go(func() { s.indexPeople(&set.People) })
	e, err := s.m.compile(phrases, blob)
	sets.Wait()
	if err != nil {
		if e.rule >= 0 {
			return nil, fmt.Errorf("compile rule %s: %w", set.Rules[e.rule].ID, err)
		}
		return nil, fmt.Errorf("compile people lexicon: %w", err)
	}
	// The package's word sets have their bits; the scorer's own come after.
	own := s.ownWordSets()
	for i, ws := range own {
		if b := len(registeredWords) + i; b < maxWordSets {
			ws.bit = b
		}
	}
	s.wordOf = s.m.registerWords(append(slices.Clip(registeredWords), own...))
	s.firstOf = s.m.registerFirsts()
	// Every id has its words, even those added last.
	if n := 2 * len(s.m.soft); len(s.wordOf) < n {
		s.wordOf = slices.Grow(s.wordOf, n-len(s.wordOf))[:n]
	}
	s.vietnameseOf = make([]bool, len(s.m.words))
	for id, w := range s.m.words {
		s.vietnameseOf[id] = vntext.IsVietnameseSyllable(w)
	}
	for i, e := range s.m.entries {
		s.m.meta[i].topic = e.rule >= 0 && s.rules[e.rule].Kind == rules.KindTopic
	}
	for _, r := range set.Rules {
		for _, n := range []*rules.Near{r.Near, r.About} {
			if n != nil && victimKinds[n.Person] {
				s.victimTopics = append(s.victimTopics, r.WhenTopics)
				break
			}
		}
	}
	return s, nil
}

// indexPeople builds the folded word sets and maps of the people lexicons
// that the people finder looks tokens up in.
func (s *Scorer) indexPeople(p *rules.People) {
	s.words = keyWords{
		loi: vntext.FoldString("lời"), duoc: vntext.FoldString("được"), bi: vntext.FoldString("bị"),
		cua: vntext.FoldString("của"), va: vntext.FoldString("và"), cung: vntext.FoldString("cùng"),
		voi: vntext.FoldString("với"), mot: vntext.FoldString("một"), la: vntext.FoldString("là"),
		nhu: vntext.FoldString("như"), thi: vntext.FoldString("thì"), rang: vntext.FoldString("rằng"),
		ho: vntext.FoldString("họ"), ca: vntext.FoldString("cả"), tuoi: vntext.FoldString("tuổi"),
	}
	v := &p.Violence
	s.violence = violenceWords{
		victims: foldedPhrases(v.Victims...), accused: foldedPhrases(v.Accused...),
		anaphorPredicates: foldedPhrases(v.AnaphorPredicates...),
		harmVerbs:         foldedPhraseSet(v.HarmVerbs...), harmAgents: foldedPhraseSet(v.HarmAgents...),
		ties: foldedPhraseSet(v.Ties...), anaphors: foldedPhraseSet(v.Anaphors...),
		childAnaphors: foldedPhraseSet(v.ChildAnaphors...), fictionBefore: foldedPhraseSet(v.FictionBefore...),
		fictionRoles: foldedPhraseSet(v.FictionRoles...), fictionAfter: foldedPhraseSet(v.FictionAfter...),
	}
	s.roleTitles = map[string]string{}
	for _, role := range rules.Roles() {
		for _, t := range p.Titles[role] {
			s.roleTitles[vntext.FoldString(t)] = role
		}
	}
	s.surnames = ownWordSet(p.Surnames)
	s.notNames = ownWordSet(p.NotNames)
	s.rankNames = ownWordSet(p.RankNames)
	s.orgInside = ownWordSet(p.OrgInside)
	s.notBefore = ownWordSet(p.NotBefore)
	s.notAfter = ownWordSet(p.NotAfter)
	s.descriptionLinks = ownWordSet(p.DescriptionLinks)
	s.particles = ownWordSet(p.Particles)
	s.textOnly = p.GenderEvidence == rules.EvidenceText
	s.eastAsian = ownWordSet(eastAsianSurnames)
	s.middle = map[string]string{}
	p.Middle.Each(func(ph, g string) { s.middle[vntext.FoldString(ph)] = g })
	s.titleAbbrev = map[string]string{}
	for short, full := range p.TitleAbbreviations {
		s.titleAbbrev[vntext.FoldString(short)] = vntext.FoldString(full)
	}
	s.titleSynonyms = map[string]string{}
	for syn, title := range p.TitleSynonyms {
		s.titleSynonyms[vntext.FoldString(syn)] = vntext.FoldString(title)
	}
	s.notable = notableIndex(p.Notable, func(w string) bool { return p.GivenWorld.Known(w) || s.surnames.has(w) },
		foldedSet(p.SharedSurnames))
	s.notableFirst = ownWordSet(nil)
	for name := range s.notable {
		first, _, _ := strings.Cut(name, " ")
		s.notableFirst.words[first] = true
	}
}

// violenceWords is rules.Violence folded for lookups at a token: single
// words and whole phrases (maps), or phrases of a few words (phraseSet).
type violenceWords struct {
	victims, accused, anaphorPredicates                  map[string]bool
	harmVerbs, harmAgents, ties, anaphors, childAnaphors phraseSet
	fictionBefore, fictionRoles, fictionAfter            phraseSet
}

// needVictims reports whether a rule that looks for a victim may apply to
// the document: only then are victims worked out past the harm verbs
// (victimAnaphors, characters), a scan of every token that most articles,
// with no violence story, do not need.
func (s *Scorer) needVictims(d *doc) bool {
	for _, topics := range s.victimTopics {
		all := true
		for _, t := range topics {
			all = all && d.topics[t]
		}
		if all {
			return true
		}
	}
	return false
}

// peoplePhrases gives cue the people lexicons' phrases for the matcher.
func peoplePhrases(p *rules.People, cue func(string, entry)) {
	p.Honorifics.Each(func(ph, g string) { cue(ph, entry{kind: entryHonorific, gender: g}) })
	p.RoleNouns.Each(func(ph, g string) { cue(ph, entry{kind: entryRoleNoun, gender: g}) })
	p.References.Each(func(ph, g string) { cue(ph, entry{kind: entryReference, gender: g}) })
	p.SpeakerFamily.Each(func(ph, g string) { cue(ph, entry{kind: entrySpeakerFamily, gender: g}) })
	p.Sources.Each(func(ph, g string) { cue(ph, entry{kind: entrySource, gender: g}) })
	for _, role := range rules.Roles() {
		for _, t := range p.Titles[role] {
			cue(t, entry{kind: entryTitle, tag: role})
		}
	}
	standingTitles(p, func(t, role string) { cue(t, entry{kind: entryTitle, tag: role}) })
	genderedTitles(p, func(ph, g string) { cue(ph, entry{kind: entryRoleNoun, gender: g}) })
	for _, list := range []struct {
		kind    entryKind
		phrases []string
	}{
		{entrySpeech, p.Speech}, {entryNotSpeech, p.NotSpeech}, {entryNotHonorific, p.Not},
		{entryAdverb, p.Adverbs}, {entryTheo, p.Theo}, {entryPlural, p.Plural}, {entryOrgBefore, p.OrgBefore}, {entryNotOrgBefore, p.NotOrgBefore},
		{entryPossessive, p.Possessive}, {entryChinese, chineseWords}, {entryVietnamese, vietnameseWords},
	} {
		for _, ph := range list.phrases {
			cue(ph, entry{kind: list.kind})
		}
	}
	for _, kind := range rules.GazetteerKinds() {
		for _, ph := range p.Gazetteer[kind] {
			cue(ph, entry{kind: entryGazetteer, tag: kind})
		}
	}
}

// notableIndex maps the folded names of notable people to their gender,
// and a foreign notable's family name alone (or after the first initial)
// when it is unambiguous: only one notable has it, and it is not also a
// given name ("Michel" of Charles Michel names many people) or a Vietnamese
// family name ("Vũ" of Victor Vũ, also the first word of "Vũ khí"):
// common names says which. A family name that many people share ("Lopez"
// of Jennifer Lopez and of footballers) maps to no gender: alone it still
// names someone, but not the notable one.
func notableIndex(g rules.Gendered, commonName func(string) bool, shared map[string]bool) map[string]string {
	full := map[string]string{}
	last := map[string]string{}
	g.Each(func(name, gender string) {
		k := strings.Join(strings.Fields(vntext.FoldString(name)), " ")
		full[k] = gender
		words := strings.Fields(k)
		if len(words) < 2 || vntext.IsVietnameseSyllable(words[0]) && vntext.IsVietnameseSyllable(words[len(words)-1]) {
			return // Vietnamese and Sino-Vietnamese names are matched whole
		}
		// The family name alone, and with the first initial ("F. Lampard").
		for _, k := range []string{words[len(words)-1], firstInitial(words[0]) + " " + strings.Join(words[1:], " ")} {
			if old, ok := last[k]; ok && old != gender {
				last[k] = ""
			} else {
				last[k] = gender
			}
		}
	})
	for fam, gender := range last {
		if !strings.Contains(fam, " ") && commonName(fam) {
			continue
		}
		if _, ok := full[fam]; ok || gender == "" {
			continue
		}
		if shared[fam] {
			gender = ""
		}
		full[fam] = gender
	}
	return full
}

// firstInitial is the first letter of a folded word.
func firstInitial(w string) string {
	for _, r := range w {
		return string(r)
	}
	return ""
}

// eastAsianSurnames come first in Chinese and Korean names written in Latin
// letters ("Li Mingjiang", "Park Hang-seo"); such a name's first word is no
// given name to look up.
var eastAsianSurnames = strings.Fields(`li lee wang zhang liu chen yang zhao huang zhou wu xu sun ma zhu hu guo he lin gao
luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu
ding ren shen yao jin kim park choi jung kang cho yoon jang lim shin seo kwon hwang ahn hong yoo jeon ko moon son bae
baek heo nam noh kwak sung cha joo woo min ryu na chae won chun bang kong hyun ham byun yeo jo oh ji qin xing niu
qian hua mao xia fang shi lei hou duan hao shao meng wan gu lai qiao bai fu fan jia wen zou zhai yan qu xue geng zhuang`)

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// keyWords are single words the people finder compares tokens with, in
// their folded form (tokens are folded, so "của" must be too).
type keyWords struct {
	loi, duoc, bi, cua, va, cung, voi, mot, la, nhu, thi, rang, ho, ca, tuoi string
}

// foldedPhrases is foldedSet of its arguments: token texts are folded, so
// every word compared with them must be too.
func foldedPhrases(list ...string) map[string]bool { return foldedSet(list) }

// wordSet is a set of folded words the people finder asks about tokens.
// A set with a bit answers for a token (doc.in) from its vocabulary id, an
// array lookup, rather than from a hash of its text: looking the tokens up
// in maps was a tenth of a check. The package's sets get their bit when
// made (see registeredWords), a Scorer's own in New.
type wordSet struct {
	words map[string]bool
	bit   int // the set's bit in Scorer.wordOf; -1: none, ask words
}

// has reports whether w, folded, is in the set.
func (ws *wordSet) has(w string) bool { return ws.words[w] }

// maxWordSets is the most sets with a bit: two words of Scorer.wordOf a
// vocabulary id.
const maxWordSets = 128

// registeredWords are the package's word sets, by bit.
var registeredWords []*wordSet

// foldedWords is newWordSet of its arguments.
func foldedWords(list ...string) *wordSet { return newWordSet(list) }

// newWordSet makes a set of the words of list, folded, and gives it a bit
// if the package's variables are being made.
func newWordSet(list []string) *wordSet {
	ws := &wordSet{words: foldedSet(list), bit: -1}
	if !registryClosed && len(registeredWords) < maxWordSets {
		ws.bit = len(registeredWords)
		registeredWords = append(registeredWords, ws)
	}
	return ws
}

// registerWords gives the words of the sets with a bit vocabulary ids (new
// ones start no phrase) and returns the sets' bits by id, two words an id:
// wordOf[2*id + bit/64]. Words of more than one syllable are never one
// token and get no id.
func (m *matcher) registerWords(sets []*wordSet) []uint64 {
	var wordOf []uint64
	for _, ws := range sets {
		if ws.bit < 0 {
			continue
		}
		for w := range ws.words {
			if strings.IndexByte(w, ' ') >= 0 {
				continue
			}
			id := m.id(w, true)
			if n := 2 * len(m.soft); len(wordOf) < n {
				wordOf = slices.Grow(wordOf, n-len(wordOf))[:n]
			}
			wordOf[2*int(id)+ws.bit>>6] |= 1 << (ws.bit & 63)
		}
	}
	return wordOf
}

// in reports whether token k is a word of ws.
func (d *doc) in(ws *wordSet, k int) bool {
	if ws.bit >= 0 && k < len(d.ids) {
		id := d.ids[k]
		return id >= 0 && d.wordOf[2*int(id)+ws.bit>>6]&(1<<(ws.bit&63)) != 0
	}
	return ws.words[d.tokenText(k)]
}

// ownWordSets are the word sets a Scorer makes of its rule set's lexicons.
func (s *Scorer) ownWordSets() []*wordSet {
	return []*wordSet{s.surnames, s.notNames, s.rankNames, s.orgInside, s.notBefore, s.notAfter,
		s.descriptionLinks, s.particles, s.eastAsian, s.notableFirst}
}

// ownWordSet makes a Scorer's word set of the words of list, folded: New
// gives it its bit.
func ownWordSet(list []string) *wordSet { return &wordSet{words: foldedSet(list), bit: -1} }

func foldedSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[vntext.FoldString(w)] = true
	}
	return m
}

// phraseSet holds folded phrases of a few words by their first word, so
// that the people finder can test the tokens at a place without building
// strings. firsts has the bit (firstBit) of every first word set: most
// tokens asked about start no phrase of the set, and the bit answers for
// them without a map lookup.
type phraseSet struct {
	byFirst map[string][][]string
	firsts  [16]uint64
	// bit is the set's bit in a Scorer's firstOf, 0 for a set made after
	// the package's variables (see registeredFirsts).
	bit uint64
}

// registeredFirsts are the first words of the package's phrase sets, by
// bit: New gives each a vocabulary id and marks it in firstOf, so that at
// answers most tokens from their id, without hashing their text. Sets
// made later (per rule set, in indexPeople) use the filter of firsts.
var (
	registeredFirsts [][]string
	registryClosed   bool
)

func init() { registryClosed = true }

func foldedPhraseSet(list ...string) phraseSet {
	ps := phraseSet{byFirst: map[string][][]string{}}
	for _, p := range list {
		ws := strings.Fields(vntext.FoldString(p))
		ps.byFirst[ws[0]] = append(ps.byFirst[ws[0]], ws)
		b := firstBit(ws[0])
		ps.firsts[b>>6] |= 1 << (b & 63)
	}
	if !registryClosed && len(registeredFirsts) < 64 {
		ps.bit = 1 << len(registeredFirsts)
		registeredFirsts = append(registeredFirsts, slices.Collect(mapKeys(ps.byFirst)))
	}
	return ps
}

// registerFirsts gives the first words of the registered phrase sets
// vocabulary ids (new ones start no phrase) and returns their bits by id.
func (m *matcher) registerFirsts() []uint64 {
	var firstOf []uint64
	for i, words := range registeredFirsts {
		for _, w := range words {
			id := m.id(w, true)
			firstOf = slices.Grow(firstOf, len(m.soft))[:max(len(firstOf), len(m.soft))]
			firstOf[id] |= 1 << i
		}
	}
	return slices.Grow(firstOf, len(m.soft))[:len(m.soft)]
}

// firstBit is a word's bit in a phraseSet's firsts, from its length and
// its first, second and last bytes; w is not empty.
func firstBit(w string) uint {
	// Vietnamese words share first and last letters (a "n", "h" or "g" and
	// their tone vowel), so the second byte is mixed in too, over 1,024
	// bits: fewer words outside a set pass its filter.
	h := uint(w[0])*31 + uint(w[len(w)-1])*7 + uint(len(w))
	if len(w) > 1 {
		h = h*131 + uint(w[1])
	}
	return h & 1023
}

// at returns the phrases whose first word is token a.
func (ps *phraseSet) at(d *doc, a int) [][]string {
	if a < 0 || a >= len(d.toks) {
		return nil
	}
	if ps.bit != 0 && a < len(d.ids) {
		if id := d.ids[a]; id < 0 || d.firstOf[id]&ps.bit == 0 {
			return nil
		}
		return ps.byFirst[d.tokenText(a)]
	}
	w := d.tokenText(a) // a token is never empty
	if b := firstBit(w); ps.firsts[b>>6]&(1<<(b&63)) == 0 {
		return nil
	}
	return ps.byFirst[w]
}

// wordsAt reports whether the words of phrase ws, whose first is token
// a's, are tokens [a, a+len(ws)).
func (d *doc) wordsAt(a int, ws []string) bool {
	if a+len(ws) > len(d.toks) {
		return false
	}
	for i := 1; i < len(ws); i++ {
		if d.tokenText(a+i) != ws[i] {
			return false
		}
	}
	return true
}

// mayStart reports whether token a may be the first word of one of the
// phrases: false is at's nil answer from the vocabulary id alone. It is
// small enough to inline, so that a stage that asks a set of every token
// (epithets) makes no call where no phrase starts.
func (ps *phraseSet) mayStart(d *doc, a int) bool {
	if ps.bit == 0 || uint(a) >= uint(len(d.ids)) {
		return true
	}
	id := d.ids[a]
	return id >= 0 && d.firstOf[id]&ps.bit != 0
}

// spans reports whether tokens [a, b) are one of the phrases.
func (ps *phraseSet) spans(d *doc, a, b int) bool {
	if b > len(d.toks) || a >= b {
		return false
	}
	for _, ws := range ps.at(d, a) {
		if len(ws) == b-a && d.wordsAt(a, ws) {
			return true
		}
	}
	return false
}

// startsAt reports whether one of the phrases starts at token a.
func (ps *phraseSet) startsAt(d *doc, a int) bool {
	for _, ws := range ps.at(d, a) {
		if d.wordsAt(a, ws) {
			return true
		}
	}
	return false
}

// RulesVersion is the version string of the compiled rule set.
func (s *Scorer) RulesVersion() string { return s.set.Version }

// doc is the analysis of one input shared by the rule kinds.
type doc struct {
	input   string
	section string // as given, for explanations
	// sections names the rule set's sections the article is in, for the
	// rules' sections and not_sections.
	sections []string
	lang     string
	explain  bool
	chinese  bool // the story is about Chinese-language public life (see chineseContext)
	// chineseKnown says chinese was computed (the merge may need it before
	// the gender stage sets it).
	chineseKnown bool

	// fullGiven are the tokens that close a full name, read once when
	// fullGivenKnown (givenOfFullName).
	fullGiven      []int
	fullGivenKnown bool

	// victimTitleEnds are the tokens right after each victim's title
	// ("nạn nhân", "bị hại"), read once when victimTitlesKnown
	// (namedVictim, asked at every such title that speaks).
	victimTitleEnds   []int
	victimTitlesKnown bool

	// commonAsked counts commonWordGoesOn's questions on this page; from
	// the commonPairsAfter-th on, lowerPairs (built once) answers them.
	commonAsked int
	lowerPairs  map[[2]string]int32
	// firstWithID and nextWithID chain the tokens of each vocabulary id,
	// built once a page when idChainKnown (sameIDChain).
	firstWithID, nextWithID []int32
	idChainKnown            bool

	key          *vntext.Key
	toks         []vntext.Token
	ids          []int32
	firstOf      []uint64 // the scorer's (Scorer.firstOf)
	wordOf       []uint64 // the scorer's (Scorer.wordOf)
	vietnameseOf []bool   // the scorer's (Scorer.vietnameseOf)
	cands        []candidate
	named        []bool // tokens of the strong candidates found so far (stage 1)
	scratch      []byte
	hits         []hit   // ordered by start token
	first        []int32 // first[i]: index of the first hit starting at token >= i
	// ctxHits are the trie nodes of context phrases reached, as hits whose
	// entry is the node (matcher.ctx), ordered by start token, and
	// ctxFirst indexes them as first does hits.
	ctxHits  []hit
	ctxFirst []int32
	// byEnd are hit indexes grouped by end token: those ending at token e
	// (exclusive) are byEnd[endFrom[e]:endFrom[e+1]].
	byEnd   []int32
	endFrom []int32
	fill    []int32 // scratch for the sort
	// startKinds[i] and endKinds[e] have bit k set when a hit of entry kind
	// k starts at token i or ends at token e (exclusive): most cue lookups
	// are answered "no" from them.
	startKinds, endKinds []uint32
	sent                 []int32 // sentence number of each token
	quote                []bool  // token lies inside a quotation
	upper                []bool  // token starts with an upper-case letter in the input
	// syllable caches vntext.IsVietnameseSyllable of each token without a
	// vocabulary id (see vietnamese): 0 not asked yet, 1 yes, 2 no.
	syllable []uint8
	// sentSpans and quoteSpans are scratch for the sentences and
	// quotations of the input, from which sent and quote are filled.
	sentSpans, quoteSpans []vntext.Span
	people                []*person
	spare                 []*person // people of earlier documents, for newPerson
	mention               []int32   // person index mentioned at each token, -1 if none

	// nonPerson marks the tokens of capitalised runs set aside as the name
	// of a place, an organisation or a work ("Cát Bà", "Bà Rịa"): a person
	// word inside one ("Bà") is no one near a rule's match.
	nonPerson []bool

	byRule, except [][]match // findings: each rule's matches and exceptions

	keyStore vntext.Key // reused across documents with keyBuf
	keyBuf   []byte
	topics   map[string]bool
	notes    []CandidateNote // --explain: what the people finder rejected or merged
	dropped  []DroppedMatch  // --explain: rule matches that conditions cancelled
}

// tokenText is the folded text of token i.
func (d *doc) tokenText(i int) string { return d.key.Text[d.toks[i].Start:d.toks[i].End] }

// span is the input byte range of tokens [i, j).
func (d *doc) span(i, j int) (int, int) {
	return d.key.Offset(d.toks[i].Start), d.key.Offset(d.toks[j-1].End)
}

// text is the input text of tokens [i, j).
func (d *doc) text(i, j int) string {
	a, b := d.span(i, j)
	return d.input[a:b]
}

// isUpper reports whether token i starts with an upper-case letter in the
// input.
// The people stages ask it some four million times a corpus pass, so
// analyse reads it once for every token (upperAt).
func (d *doc) isUpper(i int) bool { return d.upper[i] }

// vietnamese reports whether token i is a Vietnamese syllable
// (vntext.IsVietnameseSyllable, which folds case and marks, so the input's
// spelling and the key's give one answer). The people stages ask it of the
// same tokens again and again: a word of the vocabulary has its answer by
// id, and any other token's is kept.
func (d *doc) vietnamese(i int) bool {
	if id := d.ids[i]; id >= 0 {
		return d.vietnameseOf[id]
	}
	switch d.syllable[i] {
	case 1:
		return true
	case 2:
		return false
	}
	v := vntext.IsVietnameseSyllable(d.tokenText(i))
	d.syllable[i] = 2
	if v {
		d.syllable[i] = 1
	}
	return v
}

// upperAt reports whether the input at byte off starts with an upper-case
// letter.
func upperAt(input string, off int) bool {
	if off >= len(input) {
		return false
	}
	if c := input[off]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(input[off:])
	upper, _ := vntext.LetterCase(r)
	return upper
}

// isWord reports whether token i is a syllable.
func (d *doc) isWord(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].Kind == vntext.Word }

// allCaps reports whether token i is an acronym such as UBND or HLV.
func (d *doc) allCaps(i int) bool {
	s, e := d.span(i, i+1)
	n := 0
	for _, r := range d.input[s:e] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// hitsAt returns the hits that start at token i.
func (d *doc) hitsAt(i int) []hit {
	if i < 0 || i >= len(d.toks) {
		return nil
	}
	return d.hits[d.first[i]:d.first[i+1]]
}

// ctxAt returns the context hits that start at token i: their entries are
// trie nodes, whose phrases are s.m.ctx.at(h.entry).
func (d *doc) ctxAt(i int) []hit {
	if i < 0 || i >= len(d.toks) {
		return nil
	}
	return d.ctxHits[d.ctxFirst[i]:d.ctxFirst[i+1]]
}

// hitsEndingAt returns the hits that end at token end (exclusive), in no
// particular order.
func (d *doc) hitsEndingAt(end int) []int32 {
	if end <= 0 || end > len(d.toks) {
		return nil
	}
	return d.byEnd[d.endFrom[end]:d.endFrom[end+1]]
}

// notKind is the kind of phrase that cancels cues of kind k, if any.
func notKind(k entryKind) entryKind {
	switch k {
	case entrySpeech:
		return entryNotSpeech
	case entryHonorific, entryReference, entrySource, entryRoleNoun:
		return entryNotHonorific
	case entryOrgBefore:
		return entryNotOrgBefore
	}
	return 255
}

// cueAt returns the longest people cue of kind k starting at token i,
// unless a phrase gives the word another sense (đàn ông, kể từ). The entry
// is the matcher's own, not a copy (most calls ask only whether there is
// one; a copy was 104 bytes), or noEntry.
func (d *doc) cueAt(s *Scorer, i int, k entryKind) (*entry, int, bool) {
	if uint(i) >= uint(len(d.toks)) || d.startKinds[i]&(1<<k) == 0 {
		return &noEntry, -1, false
	}
	return d.cueStartingAt(s, i, k)
}

// noEntry is what cueAt and cueEndingAt point to when they find no cue: a
// zero entry, as the value they returned before. No caller writes through
// the pointer they return, which points into the matcher's entries.
var noEntry entry

// cueStartingAt is cueAt where a cue of kind k starts at token i.
func (d *doc) cueStartingAt(s *Scorer, i int, k entryKind) (*entry, int, bool) {
	best := int32(-1)
	end := -1
	for _, h := range d.hitsAt(i) {
		if s.m.meta[h.entry].kind == k && int(h.end) > end {
			best, end = h.entry, int(h.end)
		}
	}
	if end < 0 || d.notCue(s, i, end, k) || k == entrySpeech && (d.speechNoun(s, i, end) || d.bareDenial(i, end)) {
		return &noEntry, -1, false
	}
	return &s.m.entries[best], end, true
}

// bareDenial reports a denial [i, end) that ends its clause: "X không thừa
// nhận hành vi" answers a charge in words, "cặp đôi không thừa nhận." keeps
// quiet on a rumour. The end of a paragraph or of the text, with no stop
// written, ends it too.
func (d *doc) bareDenial(i, end int) bool {
	return (end >= len(d.toks) || d.in(clauseEnds, end) || d.sent[end] != d.sent[end-1]) && denials.spans(d, i, end)
}

// denials are speech verbs that say something only with what is denied
// after them.
var denials = foldedPhraseSet("không thừa nhận")

// speechNoun reports a speech word used as a noun: "những chia sẻ",
// "bài phát biểu", "thông tin này", "đơn tố cáo". A capital inside the
// sentence is a name's, not the noun maker: "Minh Thư kêu gọi".
func (d *doc) speechNoun(s *Scorer, i, end int) bool {
	return i > 0 && d.in(s.notBefore, i-1) && !d.properNoun(i-1) && !wordsEndingInSu.spans(d, i-2, i) ||
		end < len(d.toks) && d.in(s.notAfter, end) && !d.onMedium(end) && !s.testimonyPassive(d, i, end)
}

// testimonies are the verbs of a suspect's statement, which a passive with
// its agent may follow: "X khai được Y thuê chở hàng", "khai nhận được em T.
// giao". There "được" opens what was said, not an ability ("khẳng định được
// khả năng").
var testimonies = foldedPhraseSet("khai", "khai nhận", "khai báo", "thừa nhận", "thú nhận")

// testimonyPassive reports a testimony verb at [i, end) followed by
// "được" and a person: a name, an honorific, a title or a description.
func (s *Scorer) testimonyPassive(d *doc, i, end int) bool {
	if !testimonies.spans(d, i, end) || d.tokenText(end) != s.words.duoc || end+1 >= len(d.toks) {
		return false
	}
	k := end + 1
	if d.isWord(k) && d.isUpper(k) {
		return true
	}
	for _, kind := range []entryKind{entryHonorific, entryTitle, entrySource, entryReference} {
		if _, _, ok := d.cueAt(s, k, kind); ok {
			return true
		}
	}
	return false
}

// onMedium reports "trên" at token k followed by where words were said or
// posted: a name ("khẳng định trên Twitter") or a medium ("nói trên truyền
// hình", "cho biết trên trang cá nhân"), not "thông tin trên" (above).
func (d *doc) onMedium(k int) bool {
	if d.tokenText(k) != foldedOn || k+1 >= len(d.toks) || d.toks[k+1].Newline {
		return false
	}
	if d.isWord(k+1) && d.isUpper(k+1) {
		return true
	}
	// "đưa lời giải thích trên một số báo", "chia sẻ trên các trang mạng"
	if end := mediaQuantifiers.longestAt(d, k+1); end > 0 {
		return media.startsAt(d, end)
	}
	return media.startsAt(d, k+1)
}

var (
	foldedOn = vntext.FoldString("trên")
	// mediaQuantifiers may stand between "trên" and a medium.
	mediaQuantifiers = foldedPhraseSet("một số", "một vài", "một", "các", "nhiều", "những", "mọi")
	media            = foldedPhraseSet("truyền hình", "sóng", "trang", "mạng", "tài khoản", "kênh", "đài", "báo", "tờ", "tạp chí",
		"facebook", "twitter", "instagram", "weibo", "blog", "fanpage", "youtube", "tiktok")
)

// wordsEndingInSu end in "sự", the noun maker of "sự cho phép", but are
// words of their own: "chuyên gia quân sự cho biết", "cán bộ nhân sự cho
// rằng", "anh thực sự cho rằng", "nữ đương sự cho biết" (a party to a
// case). So do the parties "nguyên đơn" and "bị đơn", which end in "đơn"
// (a petition: "đơn trình bày").
var wordsEndingInSu = foldedPhraseSet("nhân sự", "quân sự", "hình sự", "dân sự", "thực sự", "lịch sự", "nghị sự",
	"đương sự", "nguyên đơn", "bị đơn")

// notCue reports whether a phrase that cancels cues of kind k overlaps
// tokens [i, end) and is not itself a longer cue of kind k.
func (d *doc) notCue(s *Scorer, i, end int, k entryKind) bool {
	nk := notKind(k)
	if nk == 255 {
		return false
	}
	for st := max(0, i-s.m.maxDepth+1); st < end; st++ {
		if d.startKinds[st]&(1<<nk) == 0 {
			continue // no phrase of kind nk starts here
		}
		for _, h := range d.hitsAt(st) {
			if s.m.meta[h.entry].kind == nk && int(h.end) > i {
				if k == entrySpeech && st == i-1 && s.nameEndsAt(d, st) {
					// "Nguyễn Văn Công khai ...": the phrase ("công khai")
					// would start inside a name, whose last word is no part of it.
					continue
				}
				// A cue that covers the whole cancelling phrase wins: "bà mẹ" is
				// not an honorific, but as a source description it is one.
				if st >= i && int(h.end) <= end && k != entryHonorific && k != entryReference {
					continue
				}
				if k == entryHonorific && st == i && d.honorificBeforeName(s, i, end, int(h.end)) {
					continue
				}
				if k == entrySpeech && d.demandOfNamed(s, int(h.end)) {
					continue
				}
				return true
			}
		}
	}
	return false
}

// demandOfNamed reports a not-speech phrase ending [.., end) in an honorific
// that a capitalised name follows: "yêu cầu ông Vi Văn Tám báo cáo" is an
// official's demand of someone named, words reported as any directive is,
// while "yêu cầu anh giao tiền" at a crime's scene stays a step of the story.
func (d *doc) demandOfNamed(s *Scorer, end int) bool {
	if end < 1 || end >= len(d.toks) || !d.isUpper(end) || d.sentenceStart(end) {
		return false
	}
	_, _, ok := d.cueEndingAt(s, end, entryHonorific)
	return ok
}

// nameEndsAt reports a Vietnamese given name at token st closing a name of
// two words or more: capitalised, after a capitalised word, inside a
// sentence ("Nguyễn Văn Công").
func (s *Scorer) nameEndsAt(d *doc, st int) bool {
	if st < 2 || !d.isUpper(st) || !d.isWord(st-1) || !d.isUpper(st-1) || d.sentenceStart(st-1) && d.sentenceStart(st) {
		return false
	}
	if s.people == nil || s.people.GivenVI == nil {
		return false
	}
	w := d.tokenText(st)
	if passiveMarkers.has(w) {
		return false // "Văn Quyến Được đánh giá": a heading run into "được", the passive
	}
	_, _, ok := s.people.GivenVI.CountsKey(w)
	return ok
}

// passiveMarkers are also given names, but before a verb they are passive.
var passiveMarkers = foldedWords("được", "bị")

// honorificBeforeName reports an honorific [i, end) that a two-word
// common phrase [i, phraseEnd) would cancel, but whose next word is
// capitalised: a title before a name, "ông Hoàng Cầm" (a family name, not
// "ông hoàng"), "anh Hùng" (not "anh hùng"). A capitalised honorific only
// counts opening a sentence ("Anh Hùng cho biết"), and not when the pair is
// a place ("(Anh Quốc)") or a longer phrase cancels it ("Anh hùng Lao động").
func (d *doc) honorificBeforeName(s *Scorer, i, end, phraseEnd int) bool {
	if phraseEnd != end+1 || end >= len(d.toks) || !d.isUpper(end) || d.allCaps(end) {
		return false
	}
	if !d.isUpper(i) {
		return true
	}
	_, gend := s.gazetteerAt(d, i, len(d.toks))
	return d.sentenceStart(i) && gend < phraseEnd
}

// cueEndingAt returns the longest cue of kind k that ends exactly at token
// end (exclusive), searching starts up to the trie depth back.
func (d *doc) cueEndingAt(s *Scorer, end int, k entryKind) (*entry, int, bool) {
	if uint(end-1) >= uint(len(d.toks)) || d.endKinds[end]&(1<<k) == 0 {
		return &noEntry, 0, false
	}
	return d.cueEndingAtSlow(s, end, k)
}

// cueEndingAtSlow is cueEndingAt where a cue of kind k ends at token end.
func (d *doc) cueEndingAtSlow(s *Scorer, end int, k entryKind) (*entry, int, bool) {
	if k == entryPossessive && end < len(d.toks) && d.toks[end].Newline {
		// A kin word ending a headline or a caption ("X khoe ảnh bên con",
		// no full stop) owns nothing on the next line.
		return &noEntry, 0, false
	}
	best, bestStart := int32(-1), end
	for _, hi := range d.hitsEndingAt(end) {
		h := d.hits[hi]
		if int(h.start) < bestStart && s.m.meta[h.entry].kind == k && !d.notCue(s, int(h.start), end, k) {
			best, bestStart = h.entry, int(h.start)
		}
	}
	if best < 0 {
		return &noEntry, 0, false
	}
	return &s.m.entries[best], bestStart, true
}

// Check audits one document.
func (s *Scorer) Check(in Document) *Result {
	d := s.analyse(in)
	res := &Result{
		RulesVersion: s.set.Version,
		Indicators:   map[string]float64{},
		QuotedByRole: map[string]model.GenderCounts{},
		People:       []Person{},
		Findings:     []Finding{},
		Alerts:       []Finding{},
	}
	fired := map[string]bool{}
	s.topicRules(d, fired)
	res.Topics = Topics{GBV: d.topics["gbv"], GenderEquality: d.topics["gender_equality"], WomenFocus: d.topics["women_focus"]}
	s.findPeople(d, res)
	if !res.Topics.WomenFocus && res.Counts.People.Female > 0 && res.Counts.People.Female >= 2*max(1, res.Counts.People.Male) {
		// A story mostly about named women focuses on women even without
		// topic words (B1.1.6).
		res.Topics.WomenFocus = true
	}
	res.Findings = s.findings(d, fired)
	alerts := s.balanceRules(d, res, fired)
	for _, f := range alerts {
		if f.Category == "positive" {
			res.Findings = append(res.Findings, f)
		} else {
			res.Alerts = append(res.Alerts, f)
		}
	}
	if res.Findings == nil {
		res.Findings = []Finding{} // every list is [] in JSON, never null
	}
	slices.SortStableFunc(res.Findings, func(a, b Finding) int { return a.Start - b.Start })
	setPositions(in.Text, res.Findings)
	s.score(res)
	if in.Explain {
		res.Explain = &Explanation{Candidates: slices.Clone(d.notes), Dropped: slices.Clone(d.dropped)}
		// In text order, as a reader goes through the article.
		slices.SortStableFunc(res.Explain.Candidates, func(a, b CandidateNote) int { return a.Start - b.Start })
		slices.SortStableFunc(res.Explain.Dropped, func(a, b DroppedMatch) int { return a.Start - b.Start })
		if res.Explain.Candidates == nil {
			res.Explain.Candidates = []CandidateNote{}
		}
		if res.Explain.Dropped == nil {
			res.Explain.Dropped = []DroppedMatch{}
		}
	}
	res.fired = fired
	s.release(d)
	return res
}

// Positives returns the positive signals among the findings.
func (r *Result) Positives() []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Category == "positive" {
			out = append(out, f)
		}
	}
	return out
}

// analyse folds, tokenises and matches the input once. The doc comes from
// a pool so that its per-token arrays are reused across documents; Check
// returns it with release.
func (s *Scorer) analyse(in Document) *doc {
	d, _ := s.pool.Get().(*doc)
	if d == nil {
		d = &doc{topics: map[string]bool{}}
	}
	d.input, d.section, d.lang, d.explain = in.Text, in.Section, in.Lang, in.Explain
	d.sections = s.sections.Of(in.Section)
	d.notes, d.dropped = d.notes[:0], d.dropped[:0]
	d.chinese, d.chineseKnown = false, false
	d.fullGivenKnown, d.victimTitlesKnown = false, false
	d.commonAsked, d.idChainKnown = 0, false
	clear(d.lowerPairs)
	clear(d.topics)
	// The key text is the pooled buffer itself, not a copy: what the
	// result keeps comes from the input or the rules, never from the key.
	d.keyStore.RefoldShared(in.Text, &d.keyBuf)
	d.key = &d.keyStore
	d.toks = d.key.Tokens
	n := len(d.toks)
	d.ids = s.m.lookup(d.key.Text, d.toks, d.ids[:0])
	d.firstOf, d.wordOf, d.vietnameseOf = s.firstOf, s.wordOf, s.vietnameseOf
	d.hits, d.ctxHits = s.m.scan(d.toks, d.ids, d.hits[:0], d.ctxHits[:0])
	ctxFirst := resize(d.ctxFirst, n+1)
	i := 0
	for k, h := range d.ctxHits {
		for ; i <= int(h.start); i++ {
			ctxFirst[i] = int32(k)
		}
	}
	for ; i <= n; i++ {
		ctxFirst[i] = int32(len(d.ctxHits))
	}
	d.ctxFirst = ctxFirst
	// The indexes over the hits, in local slices (the loops run over every
	// token and hit of every document): first, the counting sort by end
	// token for cueEndingAt, and the kind bits.
	hits, meta := d.hits, s.m.meta
	first := resize(d.first, n+1)
	endFrom := resize(d.endFrom, n+2)
	startKinds := resize(d.startKinds, n+1)
	endKinds := resize(d.endKinds, n+1)
	i = 0
	for k, h := range hits {
		for ; i <= int(h.start); i++ {
			first[i] = int32(k)
		}
		endFrom[h.end+1]++
		bit := uint32(1) << meta[h.entry].kind
		startKinds[h.start] |= bit
		endKinds[h.end] |= bit
	}
	for ; i <= n; i++ {
		first[i] = int32(len(hits))
	}
	for e := 1; e <= n+1; e++ {
		endFrom[e] += endFrom[e-1]
	}
	byEnd := resize(d.byEnd, len(hits))
	fill := resize(d.fill, n+1)
	copy(fill, endFrom[:n+1])
	for k, h := range hits {
		byEnd[fill[h.end]] = int32(k)
		fill[h.end]++
	}
	d.first, d.endFrom, d.startKinds, d.endKinds, d.byEnd, d.fill = first, endFrom, startKinds, endKinds, byEnd, fill
	quoteAt := resize(d.quote, n)
	sentAt := resize(d.sent, n)
	upper := resize(d.upper, n)
	d.quoteSpans = closeContinuedQuotes(in.Text, vntext.AppendQuotes(d.quoteSpans[:0], in.Text))
	d.sentSpans = vntext.AppendSentences(d.sentSpans[:0], in.Text)
	tokenPlaces(in.Text, d.key, d.toks, d.quoteSpans, d.sentSpans, quoteAt, sentAt, upper)
	d.quote, d.sent, d.upper = quoteAt, sentAt, upper
	d.syllable = resize(d.syllable, n)
	d.people = d.people[:0]
	d.mention = d.mention[:0]
	return d
}

// tokenPlaces fills, for every token, whether it lies inside a quotation,
// its sentence number and whether it starts with a capital in the input.
// It is a loop of its own: inside analyse its variables were spilled and
// reloaded at every token.
func tokenPlaces(text string, key *vntext.Key, toks []vntext.Token, quotes, sents []vntext.Span, quoteAt []bool, sentAt []int32, upper []bool) {
	qi, si := 0, 0
	for i := range toks {
		off := key.Offset(toks[i].Start)
		for qi < len(quotes) && quotes[qi].End <= off {
			qi++
		}
		quoteAt[i] = qi < len(quotes) && quotes[qi].Start < off
		for si+1 < len(sents) && off >= sents[si+1].Start {
			si++
		}
		sentAt[i] = int32(si)
		if off < len(text) && text[off] < utf8.RuneSelf { // ASCII in line
			upper[i] = 'A' <= text[off] && text[off] <= 'Z'
		} else {
			upper[i] = upperAt(text, off)
		}
	}
}

// closeContinuedQuotes turns around the quotations that open with a
// straight quote followed by a dash or a comma: that mark closes a
// quotation begun in an earlier paragraph ("...⏎Nho được ưa chuộng" - chị
// Huyền, chủ cửa hàng, thông tin.). The quotation is the paragraph up to
// the mark; the words after it are its attribution.
func closeContinuedQuotes(text string, quotes []vntext.Span) []vntext.Span {
	for i, q := range quotes {
		if text[q.Start] != '"' {
			continue
		}
		rest := strings.TrimLeft(text[q.Start+1:q.End], " ")
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") ||
			strings.HasPrefix(rest, ",") {
			quotes[i] = vntext.Span{Start: strings.LastIndexByte(text[:q.Start], '\n') + 1, End: q.Start + 1}
		}
	}
	return quotes
}

// release returns a doc to the pool. Results never point into a doc: they
// copy what they keep or slice the caller's input.
func (s *Scorer) release(d *doc) {
	if len(d.input) > maxPooledInput {
		return // do not keep the arrays of a huge document alive
	}
	d.input = ""
	// The people go to newPerson's spares, emptied. Only the arrays that
	// nothing else points to are kept: the result copies the mentions and
	// the cues that decided, and cues are appended to, never shared.
	for i, p := range d.people {
		*p = person{mentions: p.mentions[:0], spans: p.spans[:0], intro: p.intro[:0], introAt: p.introAt[:0], introLast: p.introLast[:0], gcues: p.gcues[:0], gwhy: p.gwhy[:0]}
		d.spare = append(d.spare, p)
		d.people[i] = nil
	}
	s.pool.Put(d)
}

// maxPooledInput is the largest document whose buffers are pooled.
const maxPooledInput = 4 << 20

// resize returns a zeroed slice of length n, reusing s when it is big
// enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// setPositions fills Line and Column (1-based, columns in characters) of
// findings sorted by Start, in one pass over the input.
func setPositions(input string, fs []Finding) {
	line, col, off := 1, 1, 0
	for i := range fs {
		if fs[i].Start == 0 && fs[i].End == 0 && fs[i].Text == "" {
			fs[i].Line, fs[i].Column = 0, 0
			continue
		}
		for off < fs[i].Start && off < len(input) {
			r, n := utf8.DecodeRuneInString(input[off:])
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			off += n
		}
		fs[i].Line, fs[i].Column = line, col
	}
}
