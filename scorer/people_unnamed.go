package scorer

import (
	"slices"
	"strings"

	"genderlens/vntext"
)

// Unnamed sources, continued (see unnamedSources in people_merge.go): the
// readings of a description's head that decide its gender.

// sourceAt returns the source description starting at token k, like
// d.cueAt(s, k, entrySource), except that "một" before a description of a
// woman or a man keeps that gender: "một người mẹ" is a mother, though
// "một người" alone is someone of unknown gender and is the longer match
// at "một".
func (s *Scorer) sourceAt(d *doc, k int) (entry, int, bool) {
	e, end, ok := d.cueAt(s, k, entrySource)
	if !ok && k < len(d.toks) && d.startKinds[k]&(1<<entrySource) != 0 {
		e, end, ok = d.shorterSource(s, k)
	}
	if ok && e.gender != unknown || d.tokenText(k) != s.words.mot {
		return *e, end, ok
	}
	if g, gend, gok := d.cueAt(s, k+1, entrySource); gok && gend >= end && (g.gender == female || g.gender == male) {
		return *g, gend, true
	}
	return *e, end, ok
}

// shorterSource returns the longest source description starting at token
// k that no phrase of another sense cancels, when the longest one is
// cancelled: in "Mẹ cháu bé cho biết" the phrase "cháu bé" (a child, no
// honorific) cancels "mẹ cháu", but "mẹ" before it is still the mother who
// speaks.
func (d *doc) shorterSource(s *Scorer, k int) (*entry, int, bool) {
	best, end := int32(-1), -1
	for _, h := range d.hitsAt(k) {
		if s.m.meta[h.entry].kind == entrySource && int(h.end) > end && !d.notCue(s, k, int(h.end), entrySource) {
			best, end = h.entry, int(h.end)
		}
	}
	if best < 0 {
		return &noEntry, -1, false
	}
	return &s.m.entries[best], end, true
}

// anaphorGender gives the unnamed person p, introduced by a description of
// unknown gender (src: "một thanh niên", "một người"), the gender of the
// pronoun at tokens [k, end) that quotes them ("Anh ta nói").
func anaphorGender(d *doc, p *person, src, pronoun entry, k, end int) {
	if src.gender != unknown || pronoun.gender != female && pronoun.gender != male {
		return
	}
	p.gcues = append(p.gcues, genderCue{tierReference, pronoun.gender, d.cueOf("gender", cueReference, pronoun.gender, k, end)})
}

// newcomer reports whether the indefinite description of unknown gender
// at token j ("một") brings in the person whom the pronoun at token k
// quotes: not when the description says what someone already named is
// ("Kissinger tự gọi mình là một sinh viên", "Là một người mẫu, chị ...",
// "Từ một người ham chơi, anh ...", "ông X, một người có nhiều gắn bó
// ..."), nor when the anaphor is a plural or a role noun ("hai thanh niên
// là: ..."). After "là" anywhere the description is what someone is
// ("Lấy mình là một cổ đông lớn, ông chia sẻ ... Theo ông, ..."): a
// subject inverted after "là" ("Bước xuống xe là một thanh niên") is too
// rare to tell apart.
func (s *Scorer) newcomer(d *doc, j, k int) bool {
	if d.pluralBefore(s, k) {
		return false
	}
	if _, _, ok := d.cueAt(s, k, entryRoleNoun); ok {
		return false
	}
	if j == 0 || d.sent[j-1] != d.sent[j] {
		return true
	}
	w := d.tokenText(j - 1)
	if d.in(predicateWords, j-1) || w == s.words.la {
		return false
	}
	if w != "," {
		return true
	}
	for i := j - 2; i >= 0 && d.sent[i] == d.sent[j]; i-- {
		if d.mention[i] >= 0 {
			return false // "X, một người ..."
		}
	}
	return true
}

// predicateWords before "một" make the description say what someone is or
// was: "từ một người ham chơi", "như một người mẹ", "thành một ngôi sao".
var predicateWords = foldedWords("từ", "như", "thành", "làm")

// colonSource adds the unnamed source described by tokens [k, end) when
// the description, indefinite, headed by an honorific, followed by whose
// it is (possessed: "Mẹ của Lan khóc: “...”") or of one stranger of known
// sex ("Người phụ nữ ..."), opens its clause and, after a few lower-case
// words of how the person spoke, a colon opens a quotation: "Chị thu ngân
// khôi hài: “...”", "Một hành khách xúc động: “...”". Three words at most;
// someone new (with "một", a relative of one, a stranger) may be described
// at more length, with an age, where they are from and a parenthesis. It
// reports whether it added one.
func (s *Scorer) colonSource(d *doc, e entry, k, end int, possessed bool) bool {
	if !s.opensClause(d, k) && !contrastBefore(d, k) { // (or after "song", "tuy nhiên": "..., song mẹ một thí sinh ...:")
		return false
	}
	kinOfOne := s.kinOfIndefinite(d, k, end)
	gendered := s.genderedStranger(d, e, k) && !s.indefiniteEarlier(d, k, end)
	if _, kend, ok := d.cueAt(s, k, entryPossessive); ok && kend < end {
		// "Mẹ nạn nhân nghẹn ngào: “...”", "Bố cháu bức xúc: “...”": a
		// relative, whose the description says, speaks.
		possessed = true
	}
	if _, _, ok := d.cueAt(s, k, entryHonorific); !ok && !possessed && d.tokenText(k) != s.words.mot && !kinOfOne && !gendered {
		// A bare description ("Nữ sinh tiếp tục:", "Người dân bức xúc:")
		// is someone named before, or a group.
		return false
	}
	reach := 3
	newcomer := gendered || d.tokenText(k) == s.words.mot || kinOfOne
	if gendered {
		reach = 10
	} else if d.tokenText(k) == s.words.mot || kinOfOne {
		// Someone new may be described at more length before the colon:
		// "Một người đàn ông lớn tuổi ngồi gần đó lắc đầu: “...”", "mẹ
		// một thí sinh khác cũng lạc quan: “...”".
		reach = 7
	}
	for j := end; j < len(d.toks) && j <= end+reach; j++ {
		if d.quote[j] || d.mention[j] >= 0 || d.sent[j] != d.sent[k] || j > end && d.toks[j].Newline {
			return false
		}
		if c := d.asideParen(j); c > j {
			// "Con trai ông Tư (12 tuổi) nghẹn ngào: “...”": a parenthesis
			// about the person does not count against the reach.
			reach += c - j + 1
			j = c
			continue
		}
		t := d.tokenText(j)
		if t == "," && (d.tokenText(k) == s.words.mot || kinOfOne) {
			// "Mẹ một thí sinh khác, thi khối D, đợi con tại trường X,
			// cũng khá lạc quan: “...”": someone new, described between
			// commas before how they spoke.
			if c := s.colonAfterAsides(d, k, j); c >= 0 {
				s.addQuotedSource(d, e, k, end, j, c, cueColon, c, c+1)
				return true
			}
			return false
		}
		if j+1 >= len(d.toks) {
			return false
		}
		if n := threatVoice.endingAt(d, j+1); n > 0 && j+1-n >= end && quoteOpener(d.tokenText(j+1)) {
			// A verb of threatening or scolding right before a quotation
			// introduces it, with no colon: "một thanh niên đe dọa “...”",
			// "Người đàn ông quát “...”" (a threat in words during a crime
			// is counted by both readers of the violence sets; a slogan
			// shouted, "hô “...”", is not such speech).
			s.addQuotedSource(d, e, k, end, end, j+1-n, cueSpeechVerb, j+1-n, j+1)
			return true
		}
		if t == ":" {
			if j == end || j+1 >= len(d.toks) || !quoteOpener(d.tokenText(j+1)) {
				return false
			}
			s.addQuotedSource(d, e, k, end, end, j, cueColon, end, j+1)
			return true
		}
		if d.toks[j].Kind == vntext.Number && j > end {
			continue // an age: "Một người đàn ông chừng 60 tuổi lắc đầu: “...”"
		}
		if d.isUpper(j) && d.isWord(j) && newcomer && j > end {
			continue // where someone new is from: "Một bệnh nhân quê Đồng Tháp cằn nhằn: “...”"
		}
		if !d.isWord(j) || d.isUpper(j) || d.in(descriptionBreaks, j) || d.in(descriptionModals, j) || t == above {
			return false
		}
	}
	return false
}

// threatVoice are the verbs of the voice (voiceVerbs) that threaten or
// scold someone in words.
var threatVoice = foldedPhraseSet("đe dọa", "dọa", "hăm dọa", "quát", "quát lên", "chửi", "mắng", "nạt")

// genderedStranger reports a bare description at token k of one woman or
// one man that is no one's relative ("người phụ nữ", "chàng trai", "bà
// cụ"): a single person, as the story's own words for a stranger, who may
// be described at some length before the colon that opens their words
// ("Người phụ nữ khoảng 50 tuổi từ chối với lý do: “...”"). One brought in
// with "một" a few sentences before is taken up by a later stage.
func (s *Scorer) genderedStranger(d *doc, e entry, k int) bool {
	if e.gender != female && e.gender != male {
		return false
	}
	_, _, kin := d.cueAt(s, k, entryPossessive)
	return !kin
}

// kinOfIndefinite reports a kin word [k, end) before an indefinite
// description: "mẹ một thí sinh", "bố một nạn nhân": the relative of
// someone new, new too.
func (s *Scorer) kinOfIndefinite(d *doc, k, end int) bool {
	if _, pend, ok := d.cueAt(s, k, entryPossessive); !ok || pend != end {
		return false
	}
	return end < len(d.toks) && d.tokenText(end) == s.words.mot
}

// asidesReach is how far past the first comma the colon of a description
// with asides may stand; asideVerbWords, how many words of how the person
// spoke may stand between the last comma and the colon.
const (
	asidesReach    = 30
	asideVerbWords = 4
)

// colonAfterAsides returns the colon that opens a quotation after asides
// between commas, from the comma at token j on, when at most a few
// lower-case words follow the last comma: ", thi khối D, đợi con tại
// trường X, cũng khá lạc quan: “"; or -1. No one is named and nothing is
// quoted before it.
func (s *Scorer) colonAfterAsides(d *doc, k, j int) int {
	last := j
	for i := j + 1; i < len(d.toks) && i <= j+asidesReach; i++ {
		if d.quote[i] || d.mention[i] >= 0 || d.sent[i] != d.sent[k] || d.toks[i].Newline {
			return -1
		}
		switch t := d.tokenText(i); {
		case t == ",":
			last = i
		case t == ":":
			if i-last-1 < 1 || i-last-1 > asideVerbWords || !d.quoteOpensAt(i+1) {
				return -1
			}
			for w := last + 1; w < i; w++ {
				if !d.isWord(w) || d.isUpper(w) {
					return -1
				}
			}
			return i
		}
	}
	return -1
}

// quoteOpener reports a token that opens a quotation.
func quoteOpener(t string) bool { return t == "“" || t == "\"" || t == "«" }

// namedAfterDescription reports a lone name at token a that a description
// of a person names with "tên": "nam sinh tên Đạt", "một thành viên có
// tên Phong", "cô con gái tên là Trâm". A thing may be named so too
// ("ngọn núi có tên ...", "ứng dụng có tên ..."): the word before "tên"
// must end a description of a person (a source, title or honorific). A
// gendered description is recorded on c as a cue of the person's gender.
func (s *Scorer) namedAfterDescription(d *doc, a int, c *candidate) bool {
	k := a - 1
	if k > 0 && d.tokenText(k) == s.words.la {
		k--
	}
	if k < 1 || d.tokenText(k) != foldedName {
		return false
	}
	k--
	if k > 0 && d.tokenText(k) == foldedHave {
		k--
	}
	if k < 0 || d.sent[k] != d.sent[a] {
		return false
	}
	if s.describedBefore(d, k+1, c) {
		return true
	}
	// The description may go on with where the person works before "tên":
	// "Thư ký tòa quận 1 (TP HCM) tên T.", "một bị đơn ở phường 5 tên M.".
	for j, words := k, 0; j > 0 && words < maxDescriptionWords && d.sent[j] == d.sent[a]; j-- {
		switch t := d.tokenText(j); {
		case t == ")":
			for j > 0 && d.tokenText(j) != "(" && d.sent[j-1] == d.sent[a] {
				j--
			}
			if s.describedBefore(d, j, c) {
				return true
			}
		case d.isWord(j) || d.toks[j].Kind == vntext.Number:
			if _, _, ok := d.cueAt(s, j, entrySpeech); ok {
				return false
			}
			words++
			if s.describedBefore(d, j, c) {
				return true
			}
		default:
			return false
		}
	}
	return false
}

// describedBefore reports a description of a person (a source, a role
// noun, a title or an honorific) that ends at token end.
func (s *Scorer) describedBefore(d *doc, end int, c *candidate) bool {
	for _, kind := range []entryKind{entrySource, entryRoleNoun, entryTitle, entryHonorific} {
		if e, st, ok := d.cueEndingAt(s, end, kind); ok {
			if kind == entrySource || kind == entryRoleNoun {
				c.desc = &cueSpan{e, st, end}
			}
			return true
		}
	}
	return false
}

// foldedName and foldedHave are "tên" and "có" as the folded text reads
// them.
var (
	foldedName = vntext.FoldString("tên")
	foldedHave = vntext.FoldString("có")
)

// descriptionsTakenUp merges into a named person the unnamed source whose
// definite description opens a sentence right after them and describes a
// person of their gender: "Elly Trần cho biết cô rất vui. Bà mẹ hai con
// cho biết thêm ...", "Hoa hậu X ... Người đẹp sinh năm 1996 chia sẻ": the
// press names a star again by what she is. A new person comes in with
// "một", or with "khác" or words of where they are or what they do after
// the description ("Người phụ nữ bán rau gần đó kể"); a relative
// ("mẹ", "con gái" ...) is someone else.
func (s *Scorer) descriptionsTakenUp(d *doc) {
	s.indefinitesTakenUp(d)
	// Unnamed quoted sources of each sex, counted once: a story with exactly
	// two of one sex may name one woman twice.
	unnamedBySex := map[string]int{}
	for _, o := range d.people {
		if o.unnamed && o.quoted && !o.takenUp {
			unnamedBySex[o.gender]++
		}
	}
	for _, p := range d.people {
		if !p.unnamed || !p.quoted || len(p.spans) != 1 || p.gender != female && p.gender != male {
			continue
		}
		k, end := p.spans[0][0], p.spans[0][1]
		if d.tokenText(k) == s.words.mot || d.pluralBefore(s, k) ||
			!d.sentenceStart(k) && d.quotationBefore(k) < 0 && !s.afterFrontedClause(d, k) {
			continue
		}
		if _, _, ok := d.cueAt(s, k, entryPossessive); ok {
			continue // a relative: "Mẹ nữ ca sĩ cho biết"
		}
		_, cend, ok := d.cueAt(s, k, entrySource)
		if !ok {
			continue
		}
		tail := true
		for j := cend; j < end; j++ {
			if !d.in(takenUpTails, j) && d.toks[j].Kind != vntext.Number {
				tail = false
				break
			}
		}
		if !tail {
			continue
		}
		// The nearest named person before, in this sentence or the two
		// before, must be of the description's gender.
		var q *person
		for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-3; j-- {
			m := d.mention[j]
			if m < 0 || d.quote[j] {
				continue
			}
			if r := d.people[m]; r.unnamed {
				// (an unnamed one up to three sentences back: a quotation
				// of two sentences may come between)
				if r != p && r.quoted && !r.takenUp && r.gender == p.gender && unnamedBySex[r.gender] == 2 {
					// "Người phụ nữ cho biết ... “...”, người mẹ nói", "Một
					// phụ nữ Mỹ giấu tên ... Nữ du khách tầm 30 tuổi tường
					// thuật": the story's one other unnamed woman, named again
					// by what she is.
					q = r
					break
				}
				continue
			}
			if d.sent[j] < d.sent[k]-2 {
				break
			}
			if d.people[m].gender == p.gender && !(kinDescriptions.has(d.joined(k, cend)) && slices.ContainsFunc(d.people[m].intro, childIntros.has)) {
				// "người mẹ" after a girl named as "cháu"/"em" is her mother.
				q = d.people[m]
			}
			break
		}
		if q == nil || q.fiction {
			continue
		}
		if !q.quoted {
			q.quoted, q.quoteBy = true, p.quoteBy
		}
		p.takenUp = true
	}
}

// takenUpTails may follow a description that refers back to a star: an age
// or a birth year, "trẻ", "xinh đẹp", how many children ("hai con").
var takenUpTails = foldedWords("sinh", "năm", "tuổi", "trẻ", "xinh", "đẹp", "con", "hai", "ba", "một", "này", "ấy",
	"xinh đẹp", "nổi", "tiếng", "đình", "đám", "8x", "9x", "7x", "x",
	// an age given roughly: "nữ du khách khoảng 30 tuổi"
	"khoảng", "tầm", "chừng", "ngoài")

// describesNamed is appositiveWithin(d, k, 40) for a description at token
// k that may speak unnamed: it describes the person named before it in
// its sentence ("X, 35 tuổi, ngụ xã Y, một người làm nghề chài lưới, cho
// biết"), unless it follows a quotation ("“... ông X ...” - một phát ngôn
// viên của công ty cho biết": the name is in the speaker's words) or a
// comma and a conjunction open a new clause ("X và Y chia tay, mặc dù một
// nguồn tin nói ..."), or a verb relays whose words they are ("Nhà báo X
// trích dẫn từ một nguồn tin giấu tên cho biết ...").
func (s *Scorer) describesNamed(d *doc, k int) bool {
	if !s.appositiveWithin(d, k, 40) || d.quotationBefore(k) >= 0 {
		return false
	}
	if k > 0 && d.tokenText(k-1) == s.words.duoc && d.sent[k-1] == d.sent[k] {
		// "Khi Hiền về đến nhà, được mẹ nói lại ...": after "được" the
		// description is the agent of a passive, the one who tells, not
		// an appositive of the person named before.
		return false
	}
	if k > 0 && d.tokenText(k-1) == "," && s.framedSentence(d, k) {
		// "Trả lời câu hỏi về việc X có được tại ngoại, người có trách
		// nhiệm của cơ quan điều tra cho biết": the name is in the frame
		// the sentence opens with, and the description after its comma is
		// the subject.
		return false
	}
	for j := k - 1; j >= 0 && j >= k-40 && d.sent[j] == d.sent[k]; j-- {
		if d.mention[j] >= 0 || j < len(d.named) && d.named[j] {
			return true
		}
		if j > 0 && d.tokenText(j-1) == "," && d.in(newClauseWords, j) || d.tokenText(j) == foldedCite {
			return false // (after "dẫn", "trích dẫn (từ)": whose words are relayed)
		}
	}
	return true
}

// framedSentence reports a sentence that opens with the frame of a reply
// or of what it is about ("Trả lời câu hỏi ...", "Trao đổi với PV về ...",
// "Liên quan đến vụ ...", "Khi được hỏi ..."), closed by its first comma,
// right before token k. After a second comma a name is the subject and the
// description its appositive: "Trao đổi với PV, chị Mai, một phụ huynh ở
// quận X cho biết".
func (s *Scorer) framedSentence(d *doc, k int) bool {
	st := k - 1
	for st > 0 && d.sent[st-1] == d.sent[k] {
		st--
		if d.tokenText(st) == "," {
			return false
		}
	}
	if st >= k || d.mention[st] >= 0 {
		return false
	}
	if st+1 < k && d.tokenText(st) == foldedWhen {
		st++ // "Khi được hỏi ..."
	}
	return frameOpeners.startsAt(d, st)
}

// frameOpeners open a sentence with what the words that follow answer or
// are about.
var frameOpeners = foldedPhraseSet("trả lời", "trao đổi", "liên quan", "phản hồi", "được hỏi", "làm việc với", "nói với",
	"chia sẻ với", "về việc", "về vụ")

// foldedWhen is "khi" as the folded text reads it.
var foldedWhen = vntext.FoldString("khi")

// newClauseWords, after a comma, open a clause of its own: "mặc dù",
// "dù", "tuy", "nhưng", "song", "trong khi", "khi", "vì", "bởi".
var newClauseWords = foldedWords("mặc", "dù", "tuy", "nhưng", "song", "trong", "khi", "vì", "bởi")

// predicative reports an indefinite description at token k that says
// what someone is or was, after "là" or a predicate word in its clause:
// "Lấy mình là một cổ đông lớn, ông chia sẻ ...", "Từ một người ham chơi,
// anh ...". The speaker is the subject after it, not someone new.
func (s *Scorer) predicative(d *doc, k int) bool {
	if d.tokenText(k) != s.words.mot || k == 0 || d.sent[k-1] != d.sent[k] {
		return false
	}
	w := d.tokenText(k - 1)
	if w == foldedFrom && k >= 2 && d.tokenText(k-2) == foldedCite {
		return false // "trích dẫn từ một nguồn tin cho biết": relayed words
	}
	return w == s.words.la || d.in(predicateWords, k-1)
}

// foldedFrom is "từ" as the folded text reads it.
var foldedFrom = vntext.FoldString("từ")

// indefiniteTakenUp returns the unnamed source that the bare description
// [k, end), of unknown gender, takes up: the latest one headed by the same
// words, after "một" or before what it is about, in this sentence or the
// three before ("một nguồn tin trong quân đội cho biết ... “...”, nguồn
// tin nhận định"; "người phát ngôn của hãng B cho biết ... người phát
// ngôn cho biết thêm"), or -1. Bare and with no such source before, it
// may be someone new.
func (s *Scorer) indefiniteTakenUp(d *doc, k, end int) int {
	desc := d.joined(k, end)
	for pi := len(d.people) - 1; pi >= 0; pi-- {
		p := d.people[pi]
		if !p.unnamed || len(p.spans) == 0 || p.spans[0][0] >= k {
			continue
		}
		a := p.spans[0][0]
		if d.sent[a] < d.sent[k]-3 {
			continue
		}
		if d.tokenText(a) == s.words.mot {
			a++
		}
		if _, pend, ok := s.sourceAt(d, a); ok && d.joined(a, pend) == desc {
			return pi
		}
	}
	return -1
}

// introducedAfter returns the one named person introduced further on with
// the bare description [k, end) that speaks before anyone was ("Bác sĩ
// nói rằng ông thất vọng ... Lê Văn An, bác sĩ riêng của ông ... Bác sĩ
// An cho biết"): a lead that names the person later. It returns -1 for a
// description with words after it or "một" (someone new), or when no one
// or more than one person is introduced with it.
func (s *Scorer) introducedAfter(d *doc, desc string, k, descEnd, end int) int {
	if descEnd != end || d.tokenText(k) == s.words.mot {
		return -1
	}
	found := -1
	for pi, p := range d.people {
		if p.unnamed {
			continue
		}
		for i, in := range p.intro {
			in = s.introTitle(in)
			if (in == desc || strings.HasPrefix(in, desc+" ")) && p.introLast[i] > k {
				if found >= 0 && found != pi {
					return -1
				}
				found = pi
			}
		}
	}
	return found
}

// describesOrganisation reports a bare description at token k set off by
// dashes right after a capitalised name that is no person's: "Tập đoàn Đèo
// Cả - chủ đầu tư dự án - thông báo" says what the company is, and the
// verb is the company's.
func (s *Scorer) describesOrganisation(d *doc, k int) bool {
	if k < 2 || d.tokenText(k) == s.words.mot || d.sent[k-2] != d.sent[k] {
		return false
	}
	if t := d.tokenText(k - 1); t != "-" && t != "–" {
		return false
	}
	if !d.isWord(k-2) || !d.isUpper(k-2) || d.mention[k-2] >= 0 || d.quote[k-2] {
		return false
	}
	// Set off: a second dash closes it ("... cho UBND TP Hà Nội - lãnh đạo
	// ban quản lý thông tin" ends a paraphrase with its speaker).
	for j := k + 1; j < len(d.toks) && j <= k+12 && d.sent[j] == d.sent[k]; j++ {
		if t := d.tokenText(j); t == "-" || t == "–" {
			return true
		}
	}
	return false
}

// indefinitesTakenUp merges the unnamed source of a bare description of a
// woman or a man into the one brought in before with "một" and the same
// head, when a later stage (a pronoun, a role noun) made that one a source
// after unnamedSources had added the bare one: "một cô gái 34 tuổi ... cô
// gái liên tục yêu cầu ... “...”, cô gái cho biết" is one woman.
func (s *Scorer) indefinitesTakenUp(d *doc) {
	for _, p := range d.people {
		if !p.unnamed || !p.quoted || p.takenUp || len(p.spans) != 1 || p.gender != female && p.gender != male {
			continue
		}
		k := p.spans[0][0]
		if d.tokenText(k) == s.words.mot {
			continue
		}
		head := s.sourceHead(d, k)
		if head == "" {
			continue
		}
		for _, q := range d.people {
			if q == p || !q.unnamed || q.takenUp || len(q.spans) == 0 || q.gender != p.gender {
				continue
			}
			a := q.spans[0][0]
			if a < k && d.tokenText(a) == s.words.mot && s.sourceHead(d, a) == head {
				if !q.quoted {
					q.quoted, q.quoteBy = true, p.quoteBy
				}
				p.takenUp = true
				break
			}
		}
	}
}

// sameOccupation reports two honorific descriptions, [a, b) and [c, e), of
// one sex and one occupation, the honorifics aside: "Chị bán hàng hỏi ...
// cô bán hàng khẳng định" is one woman, the writer choosing another word
// of address.
func (s *Scorer) sameOccupation(d *doc, a, b, c, e int) bool {
	h1, end1, ok1 := d.cueAt(s, a, entryHonorific)
	h2, end2, ok2 := d.cueAt(s, c, entryHonorific)
	if !ok1 || !ok2 || h1.gender != h2.gender || h1.gender != female && h1.gender != male || end1 >= b || end2 >= e {
		return false
	}
	return d.joined(end1, b) == d.joined(end2, e)
}

// officeSpeaker reports a description at tokens [k, end) of the one who
// speaks for a body, followed by which body: "Theo đại diện công ty X,
// ...", "Theo lãnh đạo UBND xã Y, ...", or of one person followed by
// "của" and whose they are: "Theo bác sĩ của đội tuyển, ...". Bare
// ("theo lãnh đạo", "theo người dân", "theo bác sĩ") it is no one in
// particular.
func (s *Scorer) officeSpeaker(d *doc, k, end int) bool {
	if end >= len(d.toks) || !d.isWord(end) || d.sent[end] != d.sent[k] {
		return false
	}
	if !officeHeads.spans(d, k, end) && (d.tokenText(end) != s.words.cua || manyOrNone.spans(d, k, end)) {
		return false
	}
	// Of several bodies it is several people ("đại diện các trường", "đại
	// diện từ một số hệ thống bán lẻ"); named in apposition it is that
	// person ("theo người phát ngôn Bộ Ngoại giao, ông X, ...").
	for j := end; j < len(d.toks) && j < end+14 && d.sent[j] == d.sent[k]; j++ {
		if _, _, ok := d.cueAt(s, j, entryPlural); ok && !d.isUpper(j) {
			return false
		}
		if d.tokenText(j) == "," {
			if j+1 < len(d.toks) && d.mention[j+1] >= 0 {
				return false
			}
			if _, _, ok := d.cueAt(s, j+1, entryHonorific); ok {
				return false
			}
			break
		}
	}
	return true
}

// officeHeads speak for a body: its representative, its head, its
// spokesperson.
var officeHeads = foldedPhraseSet("đại diện", "người đại diện", "lãnh đạo", "người phát ngôn", "phát ngôn viên",
	"người đứng đầu")

// manyOrNone are descriptions that, even with whose they are, stand for
// a group or for no person: "theo người dân của xã", "theo người nhà của
// nạn nhân", "theo nguồn tin của báo X" (a source, which monitors do not
// count as a person).
var manyOrNone = foldedPhraseSet("người dân", "cư dân", "cư dân mạng", "người thân", "người nhà", "thân nhân",
	"nguồn tin", "phụ huynh", "bạn bè", "gia đình", "người hâm mộ", "fan", "hàng xóm", "nhân viên", "cán bộ")

// aboveAfter returns how many tokens after a description at token end
// point back to it as "the one above": "nói trên" always, "trên" right
// before a speech verb ("người phụ nữ trên cho biết"; "người dân trên địa
// bàn" is a place); 0 if none.
func (s *Scorer) aboveAfter(d *doc, end int) int {
	if end+1 >= len(d.toks) || d.sent[end] != d.sent[end-1] {
		return 0
	}
	if d.tokenText(end) == foldedSay && d.tokenText(end+1) == above {
		return 2
	}
	if d.tokenText(end) == above {
		if _, _, ok := d.cueAt(s, end+1, entrySpeech); ok {
			return 1
		}
	}
	return 0
}

// foldedSay is "nói" as the folded text reads it.
var foldedSay = vntext.FoldString("nói")

// indefiniteEarlier reports that the description [k, end) that points
// back was brought in with "một" in its sentence or the three before, as
// no one's mention: someone new then, who speaks now.
func (s *Scorer) indefiniteEarlier(d *doc, k, end int) bool {
	n := end - k
	for j := k - 1; j > 0 && d.sent[j] >= d.sent[k]-3; j-- {
		if d.tokenText(j-1) != s.words.mot || d.quote[j] || d.mention[j] >= 0 || d.mention[j-1] >= 0 || j+n > k {
			continue
		}
		same := true
		for i := 0; i < n && same; i++ {
			same = d.tokenText(j+i) == d.tokenText(k+i)
		}
		if same {
			return true
		}
	}
	return false
}

// kinDescriptions are the descriptions of a parent or a spouse that take up
// the adult named before, never the child.
var kinDescriptions = foldedWords("người mẹ", "bà mẹ", "người cha", "người bố", "ông bố", "người vợ", "người chồng")

// afterFrontedClause reports a description at token k right after the
// comma that closes a short clause opening its sentence with nobody named
// in it ("Nhắc đến chuyện cũ, người mẹ nghẹn ngào: ..."): the description
// is the sentence's subject, as at its start.
func (s *Scorer) afterFrontedClause(d *doc, k int) bool {
	if k < 2 || d.tokenText(k-1) != "," {
		return false
	}
	for j := k - 2; j >= 0 && d.sent[j] == d.sent[k]; j-- {
		if k-j > 12 || d.mention[j] >= 0 || d.quote[j] || d.tokenText(j) == "," {
			return false
		}
	}
	return true
}
