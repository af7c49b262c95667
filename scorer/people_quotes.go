package scorer

import (
	"slices"

	"genderlens/vntext"
)

// Stage 5 of the people finder: who is quoted. Monitors count a person as
// quoted when their words are reported, directly or indirectly:
//   - a speech verb after the name in the same clause, past an appositive
//     ("ông A, Giám đốc Sở Y tế, cho biết"), a parenthesis or adverbs, or
//     after a list of names ("Thanh Thảo, Hà Kiều Anh… chúc");
//   - a colon after the name ("X: “...”");
//   - "Theo X, ...", "theo lời kể của X";
//   - a quotation followed by a dash and the name ("“...” - X");
//   - a pronoun or description as the subject of a speech verb or colon
//     ("“...”, bà nói", "Anh bức xúc: “...”"), attributed to the person it
//     refers to;
// and not when the verb is passive ("X được đánh giá") or the name is
// inside someone else's quotation.

// quotes marks the quoted people.
func (s *Scorer) quotes(d *doc) {
	for pi, p := range d.people {
		if p.unnamed {
			continue
		}
		for _, sp := range p.spans {
			if p.quoted && p.quoteBy.Kind != cueAnaphor {
				// A description that took the person up earlier
				// ("Chủ quán tiết lộ") gives way to their own words by
				// name, which ownWords reads for their family.
				break
			}
			s.quotedAt(d, p, int32(pi), sp[0], sp[1])
		}
	}
	s.anaphora(d)
	s.titleAfterQuotation(d)
	s.epithets(d)
	s.pairAnaphora(d)
	s.interview(d)
	for _, p := range d.people {
		if p.quoted && !p.unnamed {
			s.ownWords(d, p)
		}
	}
}

// interviewAnswers is how many answers make an article an interview: two,
// since pages of other outlets (and the corpus's cut ones) keep an excerpt
// of a few questions; one answer may be a line of dialogue.
const interviewAnswers = 2

// interview marks as quoted the person an interview is with. An article
// written as questions and answers, where at least three lines open with a
// dash right after a line that ends in a question mark ("Chị dự định gì
// sau khi sinh con?\n- Mình sẽ nghỉ ..."), gives the interviewee's words
// in every answer, with no speech verb. The interviewee is introduced in
// the title or the lead, or in the caption or the question right before
// the first answer: of the people named before the first answer, the one
// named last ("Ông Nguyễn Văn T.\n- Thành thật mà nói ..."), outside the
// answers (a name in an answer is someone the interviewee speaks of). When one of
// them is already quoted ("Ông X: ..." as the title, "ông đã chủ động cho
// biết"), the lead has told who answers; a name with no gender cue is as
// likely a place the lead mentions, and is left alone.
func (s *Scorer) interview(d *doc) {
	first, answers, breaks := -1, 0, 0
	for k := 1; k < len(d.toks); k++ {
		if !d.toks[k].Newline || d.tokenText(k-1) != "?" {
			continue
		}
		breaks++
		switch d.tokenText(k) {
		case "-", "–", "—":
			answers++
			if first < 0 {
				first = k
			}
		}
	}
	asked := false // the questions, not the answers, open with a dash
	if answers < interviewAnswers {
		if answers > 0 || breaks < dashedAnswers {
			return // (a page with fewer lines ending in a question has no second pass)
		}
		if first, answers = dashedQuestions(d); answers < dashedAnswers {
			return
		}
		asked = true
	}
	s.interviewAddress(d, first, asked)
	best, last := -1, -1
	for pi, p := range d.people {
		if p.unnamed || p.fiction {
			continue
		}
		at := -1
		for _, sp := range p.spans {
			if sp[0] < first && sp[0] > at && !d.quote[sp[0]] && (asked || !dashLine(d, sp[0])) {
				at = sp[0]
			}
		}
		if at < 0 {
			continue
		}
		if p.quoted {
			return
		}
		if at > last {
			best, last = pi, at
		}
	}
	if best < 0 {
		s.unnamedInterviewee(d, first, asked)
		return
	}
	if d.people[best].gender == unknown {
		return
	}
	p := d.people[best]
	p.quoted, p.quoteBy = true, d.cueOf("quoted", cueInterview, "", first, first+1)
}

// dashedAnswers is how many answers make an interview laid out with
// dashed questions: pages of other outlets give it as an excerpt of a
// few questions.
const dashedAnswers = 2

// dashedQuestions counts the answers of an interview laid out the other
// way round from the one interview reads first: each question on a line
// that opens with a dash and ends with a question mark, its answer on the
// next line with no dash ("- Chị nghĩ sao về vai diễn này?\nTôi thấy
// ..."). It returns the first answer's first token and the count.
func dashedQuestions(d *doc) (first, n int) {
	first = -1
	for k := 1; k < len(d.toks); k++ {
		if !d.toks[k].Newline || d.tokenText(k-1) != "?" {
			continue
		}
		switch d.tokenText(k) {
		case "-", "–", "—":
			continue
		}
		if !askLine(d, k-1) {
			continue
		}
		n++
		if first < 0 {
			first = k
		}
	}
	return first, n
}

// unnamedInterviewee adds the person a question-and-answer interview is
// with when no one is named before the first answer (at token first): the
// page gives the answers of someone its title or picture introduced
// ("- Vai diễn này có khó với chị không?\nTôi ..."). Only the pronoun the
// questions address them with, the same every time, tells of them; with
// none, nothing is added.
func (s *Scorer) unnamedInterviewee(d *doc, first int, asked bool) {
	for _, p := range d.people {
		for _, sp := range p.spans {
			if !p.unnamed && sp[1] < len(d.toks) && d.tokenText(sp[1]) == ":" && labelAt(d, sp[0]) {
				return // "- Ông Trần Văn A: ...", "HLV X: ...": a name labels the answers
			}
		}
	}
	g, at := s.addressedGender(d, asked)
	if g == "" {
		return
	}
	p := d.newPerson()
	p.name, p.unnamed, p.quoted = "người trả lời phỏng vấn", true, true
	p.quoteBy = d.cueOf("quoted", cueInterview, "", first, first+1)
	p.gcues = append(p.gcues, genderCue{tierReference, g, d.cueOf("gender", cueReference, g, at, at+1)})
	// Their one mention is a pronoun inside a question: the words after it
	// ("Chị có lo khi khán giả ...?") describe no one.
	p.role, p.roleBy = s.defaultRole(d, p)
	d.people = append(d.people, p)
	start, stop := d.span(at, at+1)
	p.mentions = append(p.mentions, Mention{Start: start, End: stop})
	p.spans = append(p.spans, [2]int{at, at + 1})
	if d.mention[at] < 0 {
		d.mention[at] = int32(len(d.people) - 1)
	}
}

// interviewAddress gives the interviewee of a question-and-answer
// interview the gender of the pronoun the questions address them with
// ("Vì sao ông lại ...?", "Thưa bà, ...?"): the text's own word for them. The
// interviewee is the one named person the lead quotes before the first
// answer (at token first), or the one who labels an answer ("- Thiếu tướng X:
// ..."); the address must be of one gender every time. A pronoun before a
// name, or with "ấy", "ta", "này", speaks of someone else.
func (s *Scorer) interviewAddress(d *doc, first int, asked bool) {
	who := -1
	for pi, p := range d.people {
		if p.unnamed || p.fiction || !p.quoted {
			continue
		}
		for _, sp := range p.spans {
			if sp[0] < first && !d.quote[sp[0]] || dashLine(d, sp[0]) && sp[1] < len(d.toks) && d.tokenText(sp[1]) == ":" {
				if who >= 0 && who != pi {
					return // two speakers: whom the questions address is not told
				}
				who = pi
			}
		}
	}
	if who < 0 || len(d.people[who].gcues) > 0 {
		return
	}
	if gender, at := s.addressedGender(d, asked); gender != "" {
		p := d.people[who]
		p.gcues = append(p.gcues, genderCue{tierReference, gender, d.cueOf("gender", cueReference, gender, at, at+1)})
	}
}

// addressedGender is the gender of the pronoun an interview's questions
// address the interviewee with, and where it stands; "" when there is none
// or the questions use both. asked: the questions are the lines that open
// with a dash (dashedQuestions), not the others.
func (s *Scorer) addressedGender(d *doc, asked bool) (string, int) {
	gender, at := "", -1
	answer := false // the line is an answer, not a question
	for k := 0; k < len(d.toks); k++ {
		if d.toks[k].Newline || k == 0 {
			if asked {
				answer = !askLine(d, k)
			} else {
				answer = dashLine(d, k)
			}
		}
		if answer || d.quote[k] || !d.isWord(k) || d.isUpper(k) && !d.sentenceStart(k) {
			continue
		}
		g := ""
		switch {
		case addressMale.has(d.tokenText(k)):
			g = male
		case addressFemale.has(d.tokenText(k)):
			g = female
		default:
			continue
		}
		if k+1 < len(d.toks) && (d.isWord(k+1) && d.isUpper(k+1) || d.in(notAddress, k+1)) || k > 0 && d.in(plurals, k-1) {
			continue
		}
		// The honorifics' not-list knows the compounds in which the word is
		// no pronoun: "bà con", "cô giáo", "anh em", "ông bà".
		if _, _, ok := d.cueAt(s, k, entryNotHonorific); ok {
			continue
		}
		if !questionAhead(d, k) {
			continue
		}
		if gender != "" && gender != g {
			return "", -1
		}
		gender, at = g, k
	}
	return gender, at
}

// questionAhead reports a question mark after token k in its sentence, on
// its line: k is in a question. A sentence is short, so the walk is cheap
// whatever the length of the line.
func questionAhead(d *doc, k int) bool {
	for q := k + 1; q < len(d.toks) && !d.toks[q].Newline; q++ {
		switch d.tokenText(q) {
		case "?":
			return true
		case ".", "!":
			return false
		}
	}
	return false
}

// addressMale and addressFemale are the pronouns an interviewer addresses a
// man or a woman with; notAddress, after one, makes it speak of another.
var (
	addressMale   = foldedWords("ông", "anh")
	addressFemale = foldedWords("bà", "chị", "cô")
	notAddress    = foldedWords("ấy", "ta", "này", "kia", "nọ")
)

// labelAt reports a mention at token a that opens its line, after a dash
// or a title of a few words at most: "- Ông X", "HLV X" labelling an answer.
func labelAt(d *doc, a int) bool {
	for j := a; j >= 0 && j >= a-4; j-- {
		if d.toks[j].Newline || j == 0 {
			return true
		}
	}
	return false
}

// askLine reports whether token k is on a line that opens with a dash or
// with the interviewer's label ("PV: Chị chuẩn bị gì?", "Phóng viên:
// ..."): a question of an interview whose answers are not marked.
func askLine(d *doc, k int) bool {
	if dashLine(d, k) {
		return true
	}
	k = firstOfLine(d, k)
	return k+1 < len(d.toks) && d.tokenText(k+1) == ":" && d.tokenText(k) == foldedPV ||
		k+2 < len(d.toks) && d.tokenText(k+2) == ":" && reporterLabel.spans(d, k, k+2)
}

var (
	foldedPV      = vntext.FoldString("pv")
	reporterLabel = foldedPhraseSet("phóng viên")
)

// dashLine reports whether token k is on a line that opens with a dash.
func dashLine(d *doc, k int) bool {
	switch d.tokenText(firstOfLine(d, k)) {
	case "-", "–", "—":
		return true
	}
	return false
}

// firstOfLine is the first token of token k's line (0 on the first).
func firstOfLine(d *doc, k int) int {
	for k > 0 && !d.toks[k].Newline {
		k--
	}
	return k
}

// quotedAt marks p quoted when the mention [a, b) is attributed words.
func (s *Scorer) quotedAt(d *doc, p *person, pi int32, a, b int) {
	if d.quote[a] {
		return // a name inside a quotation is spoken of
	}
	if q := d.quotationBefore(a); q >= 0 {
		if _, st, ok := d.cueEndingAt(s, a, entryPossessive); ok && s.starsAide(d, st, a, a) {
			return // "“...”, quản lý Khắc Việt viết": the singer's manager speaks
		}
		if k := s.titlesStart(d, a); k > 0 && d.tokenText(k-1) == s.words.cua || s.possessed(d, a) {
			// "“...”, đại diện của Whirlpool cho biết", "“...”, đại diện
			// Vietravel thông tin": whose spokesman, not the speaker.
			return
		}
		// "“...”, Frans Wuwung, một thủy thủ ..., cho biết": a name right
		// after a quotation is its speaker, however long the appositive.
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueQuoteDash, "", q, q+2)
		if v, end, _, ok := s.speechAfter(d, b, pi, 60); ok {
			p.quoteBy = d.cueOf("quoted", cueSpeechVerb, "", v, end)
		}
		return
	}
	if e := s.nameIntroAt(d, a); e > 0 {
		if q := d.quotationBefore(e); q >= 0 {
			// "“...”, thành viên có tên Phong an ủi": a description that
			// names its person right after the quotation is its speaker.
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueQuoteDash, "", q, q+2)
			return
		}
	}
	if st := s.precededByTheo(d, a); st >= 0 && !(b < len(d.toks) && d.in(movements, b) && !aboutMatter.spans(d, b, b+2)) {
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueTheo, "", st, s.theoEnd(d, st))
		return
	}
	if s.statementOf(d, a) {
		// "Bài phát biểu của ông X nhấn mạnh ...": the statement speaks for
		// X, its verb reports X's words.
		if v, end, _, ok := s.speechAfter(d, b, pi, 30); ok && d.plainBetween(pi, b, v) {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueSpeechVerb, "", v, end)
			return
		}
	}
	if st := s.citedAfter(d, a); st >= 0 {
		// The cue is the whole citation: "dẫn lời", "dẫn bài phát biểu của".
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueTheo, "", st, max(st+2, s.titlesStart(d, a)))
		return
	}
	if s.possessed(d, a) || s.possessedList(d, a) || s.prepositionObject(d, a) || s.metObject(d, a) || s.directedObject(d, a) {
		// "Phụ huynh của cháu X cho biết": the parent speaks, not X; "kết
		// hôn với nữ diễn viên X nhưng đã phủ nhận": X is no subject; nor
		// is whom someone met ("Y đã gặp X thông báo ...": Y speaks).
		return
	}
	if v, end, colon, ok := s.speechAfterAppositive(d, b, pi); ok && !s.appositiveSpeaker(d, pi, a, v) &&
		(s.speechNext(d, b) || !s.inReport(d, pi, a)) && !(colon && v == b && s.objectOfSpeaker(d, pi, a)) &&
		!(v > b && d.tokenText(b) == "," && s.objectOfSpeaker(d, pi, s.listStart(d, a))) &&
		!(colon && s.nominalized(d, a)) &&
		!(judging.spans(d, v, end) && s.passiveAgent(d, a)) &&
		!(!colon && s.objectRelative(d, a, end)) {
		kind := cueSpeechVerb
		if colon {
			kind = cueColon
		}
		p.quoted, p.quoteBy = true, d.cueOf("quoted", kind, "", v, end)
		return
	}
	if v, end, ok := s.frontedSpeech(d, a); ok {
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueSpeechVerb, "", v, end)
		return
	}
	if v, end, ok := s.longAppositiveColon(d, pi, a, b); ok {
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueSpeechVerb, "", v, end)
		return
	}
	if dash, ok := d.quoteDashBefore(a); ok {
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueQuoteDash, "", dash, dash+1)
		return
	}
	if c := s.quoteSentenceBefore(d, a); c >= 0 {
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueQuoteDash, "", c, c+1)
		return
	}
	if c := s.colonClosesSentence(d, pi, a, b); c >= 0 {
		kind, st := cueColon, c
		if d.tokenText(c) != ":" {
			kind, st = cueSpeechVerb, c+1-voiceVerbs.endingAt(d, c+1) // a verb of the voice: "quát “...”"
		}
		p.quoted, p.quoteBy = true, d.cueOf("quoted", kind, "", st, c+1)
		return
	}
	if v, q := s.callsByLabel(d, a, b); q >= 0 {
		p.quoted, p.quoteBy = true, d.cueOf("quoted", cueSpeechVerb, "", v, v+1)
	}
}

// frontedSpeech finds a speech verb opening the sentence of the mention at
// a, whose subject the mention is: "Phát biểu tại Đêm hội, Đại sứ X mong
// muốn ...", "Trả lời báo chí, bà Y đề xuất ...". The phrase before the
// comma right before the name (its titles) is what the subject did; the
// main verb need not be one of speech. No one else is named and no colon
// stands between, and the verb is no noun ("Phát biểu của ông X, ...").
func (s *Scorer) frontedSpeech(d *doc, a int) (int, int, bool) {
	k := s.titlesStart(d, a)
	if k > 0 && d.tokenText(k-1) != "," {
		// A title with its office between: "Đại sứ Việt Nam tại Nam Phi X".
		for j, n := k-1, 0; j > 0 && n < 10 && d.sent[j] == d.sent[a] && d.isWord(j) && d.mention[j] < 0; j, n = j-1, n+1 {
			if d.tokenText(j-1) == "," && d.startKinds[j]&(1<<entryTitle|1<<entryHonorific) != 0 {
				k = j
				break
			}
		}
	}
	if k < 2 || d.tokenText(k-1) != "," {
		return 0, 0, false
	}
	for j := k - 2; j >= 0 && d.sent[j] == d.sent[a]; j-- {
		if d.mention[j] >= 0 || d.tokenText(j) == ":" {
			return 0, 0, false // (a title in quotation marks may stand in the phrase: "tại Đêm hội “...”")
		}
		if d.quote[j] || quoteOpener(d.tokenText(j)) {
			continue
		}
		if d.sentenceStart(j) {
			end := frontedSpeechVerbs.longestAt(d, j)
			if end <= 0 || !d.isUpper(j) || end >= k-1 || d.tokenText(end) == s.words.cua {
				return 0, 0, false
			}
			return j, end, true
		}
	}
	return 0, 0, false
}

// frontedSpeechVerbs open a sentence with what its subject said, where or
// to whom: "Phát biểu tại ...", "Trả lời báo chí", "Chia sẻ với PV" (not
// "Cho rằng ...", a belief, nor "Thông tin ...", as often a noun).
var frontedSpeechVerbs = foldedPhraseSet("phát biểu", "chia sẻ", "trả lời", "trao đổi", "tâm sự", "bình luận",
	"giải thích", "phát biểu ý kiến")

// longAppositiveWindow is how far a speech verb may follow a name across
// a long appositive when it opens a quotation with a colon.
const longAppositiveWindow = 50

// longAppositiveColon finds the speech verb of the mention [a, b) past an
// appositive too long for the usual window, when the verb ends in a colon
// that opens a quotation, or any verb does ("TS. Y - ... khen ngợi: “...”"):
// "PGS.TS X - nguyên Phó Cục trưởng Cục A, Bộ B,
// Trưởng ban tổ chức cuộc thi C của Bộ D nhận xét: “...”". The appositive
// opens with a title right after the name, and the name is the subject:
// nothing but a fronted phrase and a comma ("Nhận xét về dự án, TS. X -
// ...") or "như" ("Đúng như bà X - ... nhận xét:") comes before its titles.
func (s *Scorer) longAppositiveColon(d *doc, pi int32, a, b int) (int, int, bool) {
	if b+1 >= len(d.toks) || !appositiveMark(d.tokenText(b)) || !s.appositiveSoon(d, b+1) {
		return 0, 0, false
	}
	v, end, colon, ok := s.speechAfter(d, b, pi, longAppositiveWindow)
	if !ok || !colon && (end+1 >= len(d.toks) || d.tokenText(end) != ":" || !d.quoteOpensAt(end+1)) {
		return 0, 0, false
	}
	if s.appositiveSpeaker(d, pi, a, v) || s.inReport(d, pi, a) {
		return 0, 0, false
	}
	k := s.titlesStart(d, a)
	if k > 1 && d.tokenText(k-1) == "." {
		k = s.titlesStart(d, k-1) // an abbreviated title: "TS. X"
	}
	if d.opensSentence(b, pi) || d.sentenceStart(k) {
		return v, end, true
	}
	if t := d.tokenText(k - 1); t != "," && t != s.words.nhu {
		return 0, 0, false
	}
	for j := k - 1; j >= 0 && !d.sentenceStart(j); j-- {
		if d.quote[j] || d.mention[j] >= 0 && d.mention[j] != pi {
			return 0, 0, false // a fronted clause with a person of its own
		}
	}
	return v, end, true
}

// callsByLabel finds "gọi" right after the mention [a, b) (an adverb or
// "tự" between) and, in its clause, "là" and a quotation: the person
// calls something by a label of their own words ("Thủ tướng X gọi vụ
// việc là “thảm họa”", "người mà ông Y gọi là “một người bạn cũ”"). It
// returns the verb and the quotation's opening mark, or -1: a phone call
// ("gọi điện"), a name someone is given ("được gọi là", "thường gọi là"),
// or a label with no quotation are no words.
func (s *Scorer) callsByLabel(d *doc, a, b int) (int, int) {
	if s.passiveAgent(d, a) {
		return 0, -1
	}
	v := d.whileDoing(b)
	if _, end, ok := d.cueAt(s, v, entryAdverb); ok {
		v = end
	}
	if v < len(d.toks) && d.tokenText(v) == foldedSelf {
		v++
	}
	if v >= len(d.toks) || d.tokenText(v) != foldedCall || d.sent[v] != d.sent[a] {
		return 0, -1
	}
	for k := v + 1; k < len(d.toks) && k < v+14 && d.sent[k] == d.sent[v] && !d.quote[k] && d.mention[k] < 0; k++ {
		switch t := d.tokenText(k); {
		case t == s.words.la:
			if d.quoteOpensAt(k + 1) {
				return v, k + 1
			}
			return 0, -1
		case t == ",", t == ";", t == ":":
			return 0, -1
		}
	}
	return 0, -1
}

var (
	foldedCall = vntext.FoldString("gọi")
	foldedSelf = vntext.FoldString("tự")
)

// colonClosesSentence returns the colon that ends the sentence the mention
// [a, b) is the subject of, when a quotation opens right after it, or -1:
// "Trong khi đó, Chủ tịch CLB, ông X hi vọng sự thay đổi sẽ mang đến diện
// mạo mới, sự tích cực trong lối chơi: “...”". A verb of the voice right
// before the quotation stands for the colon, and then the last token of
// the verb is returned ("X cầm dao đe dọa “...”"). The mention opens its
// sentence or a clause (after a comma or a conjunction), is the first
// person of its sentence, no one else is named and no speech verb stands
// before the colon, within 40 words.
func (s *Scorer) colonClosesSentence(d *doc, pi int32, a, b int) int {
	t := s.titlesStart(d, a)
	if e := s.nameIntroAt(d, a); e > 0 {
		t = s.titlesStart(d, e) // "nam sinh tên là X.T": the description opens the clause
	}
	if !d.sentenceStart(t) && d.tokenText(t-1) != "," && !d.in(clauseConjunctions, t-1) || s.passiveAgent(d, a) {
		// The subject opens the sentence or a clause ("..., nhưng nam
		// sinh X cầm dao dọa “...”"), or follows a fronted phrase; not
		// "đã được ông X thông qua".
		return -1
	}
	for k := a - 1; k >= 0 && d.sent[k] == d.sent[a] && !d.toks[k+1].Newline; k-- {
		if d.mention[k] >= 0 && d.mention[k] != pi || d.quote[k] {
			return -1
		}
	}
	for k := b; k < len(d.toks) && k < b+40 && d.sent[k] == d.sent[a] && !d.toks[k].Newline; k++ {
		if _, _, ok := d.cueAt(s, k, entrySpeech); ok {
			return -1 // "..., mặc dù một nguồn tin nói với People rằng:": the verb has a subject of its own
		}
		switch {
		case d.quote[k], d.mention[k] >= 0 && d.mention[k] != pi, d.tokenText(k) == ";":
			return -1
		case d.tokenText(k) == ":":
			if d.quoteOpensAt(k+1) && s.colonQuotes(d, b, k) {
				return k
			}
			return -1
		case k+1 < len(d.toks) && d.quoteOpensAt(k+1) && voiceVerbs.endingAt(d, k+1) > 0:
			// "X cầm dao đe dọa “đứa nào vào can tao giết”", "Y hét lên
			// “...”": a verb of the voice right before the words, as a
			// colon would be.
			return k
		}
	}
	return -1
}

// voiceVerbs say how words were uttered; before a quotation with no colon
// they introduce it ("quát “...”"). Alone they are acts: "cầm dao đe dọa
// nạn nhân" threatens with a knife.
var voiceVerbs = foldedPhraseSet("đe dọa", "dọa", "hăm dọa", "đe", "quát", "quát lên", "hét", "hét lên", "la", "la lên",
	"chửi", "gào", "gào lên", "thét", "thét lên", "van xin", "cầu xin", "năn nỉ", "nạt", "mắng", "hô", "hô lên")

// quoteSentenceBefore returns the closing mark of a quotation that opens
// its line and ends right before the sentence the mention at a opens, on
// the same line, or -1: "“Chuyến đi này cảm động lắm... Đau đớn quá”. Bác
// Nguyễn Văn Hòa, một CCB của phường, không nén được xúc động." The words
// come first and the next sentence names their speaker by how they spoke,
// with no speech verb. Nothing before the quotation attributes it: it
// opens the line.
func (s *Scorer) quoteSentenceBefore(d *doc, a int) int {
	k := s.titlesStart(d, a)
	if k < 3 || d.toks[k].Newline || !d.toks[k].Space || d.quote[k] {
		return -1 // a straight mark glued to the next word opens a quotation: "Miss World"
	}
	c := k - 1
	if d.tokenText(c) == "." {
		c--
	}
	switch d.tokenText(c) {
	case "”", "\"", "»":
	default:
		return -1
	}
	if d.toks[c].Newline || !d.quote[c-1] {
		return -1
	}
	o, words := c-1, 0
	for o >= 0 && d.quote[o] {
		if d.isWord(o) {
			words++
		}
		if d.toks[o].Newline && o > 0 && d.quote[o-1] {
			return -1 // a quotation over several lines: its speaker may be named before it
		}
		o--
	}
	if words < 8 || o > 0 && !d.toks[o].Newline && !d.toks[o+1].Newline {
		return -1
	}
	return c
}

// appositiveSpeaker reports that the verb (or colon) at v, which the
// mention at token a reaches, belongs to the person named before it in the
// same sentence, whose appositive the mention is part of: "Anh A, con rể
// thiếu tá B (...), một cựu sĩ quan ... cho biết", "ông A, đại diện một hệ
// thống bán lẻ tại đường Lê Hồng Phong, Quận 10, chia sẻ", "B - Phó giáo
// sư tại Trung tâm Ung thư MD Anderson - nói". One clause has one speaker;
// names in a list ("Tuấn, Phát và Kiệt khai") all speak.
func (s *Scorer) appositiveSpeaker(d *doc, pi int32, a, v int) bool {
	if a == 0 || s.listed(d, a) {
		return false
	}
	k := a - 1
	for k >= 0 && d.sent[k] == d.sent[a] && (d.mention[k] < 0 || d.mention[k] == pi) {
		k--
	}
	if k < 0 || d.sent[k] != d.sent[a] {
		return false
	}
	other := d.mention[k]
	pa := k
	for pa > 0 && d.mention[pa-1] == other {
		pa--
	}
	if s.notSubject(d, pa) {
		return false
	}
	if d.in(plurals, min(k+2, len(d.toks)-1)) {
		return false // "X, các cầu thủ Y, Z ... phản đối": a list, not an appositive
	}
	b := a
	for b < len(d.toks) && d.mention[b] == pi {
		b++
	}
	if b-a > k+1-pa {
		// "thay mặt đoàn Chủ tịch Đại hội, Trưởng ban Tổ chức T.Ư Đảng Trần
		// Đình Hoan cho biết": a full name does not sit in the appositive of
		// a shorter mention (here a word taken for a given name).
		return false
	}
	seps, paren := 0, 0
	for j := k + 1; j < a; j++ {
		switch t := d.tokenText(j); {
		case t == "(":
			paren++
		case t == ")" && paren > 0:
			paren--
		case paren == 0 && (t == "," || t == "-" || t == "–" || t == ";" || t == ":"):
			seps++
		}
	}
	if seps > 1 {
		return false // an appositive opens with one mark: "X, Trưởng ban Kiểm soát Y, thông tin"
	}
	if s.joinedBefore(d, a) && eachBefore(d, b, v) {
		// "ông A, Chi cục phó X và ông B, Đội phó Y đều phủ định": "đều"
		// makes the verb the whole list's, B's as well as A's.
		return false
	}
	pv, _, _, ok := s.speechAfter(d, k+1, other, 30)
	return ok && pv == v
}

// joinedBefore reports "và" or "cùng" right before the mention at a, past
// its honorific, title or role noun.
func (s *Scorer) joinedBefore(d *doc, a int) bool {
	j := s.titlesStart(d, a)
	if j == 0 {
		return false
	}
	t := d.tokenText(j - 1)
	return t == s.words.va || t == s.words.cung
}

// foldedEach is "đều" (all, both): before a verb it makes a list its subject.
var foldedEach = vntext.FoldString("đều")

// eachBefore reports "đều" among the tokens [b, v) before a verb.
func eachBefore(d *doc, b, v int) bool {
	for j := b; j < v; j++ {
		if d.tokenText(j) == foldedEach {
			return true
		}
	}
	return false
}

// inReport reports a mention inside what another person's speech verb
// reports: "Ông A, Giám đốc Trung tâm, xác nhận sự việc chị P. tử vong và
// cho biết thêm ...": P is spoken of, and the verb after her is A's. The
// verb stands a few words before the mention with no mark between, and
// another person is named before the verb in the sentence (a verb that
// opens the sentence is the mention's own: "Trao đổi với phóng viên ông
// B cho biết"). A speech verb right after the mention stays its own: "X
// cho rằng việc bị can Y khai nhận ..." retells what Y said.
func (s *Scorer) inReport(d *doc, pi int32, a int) bool {
	k := s.titlesStart(d, a)
	for j, n := k-1, 0; j >= 0 && n < 6 && d.sent[j] == d.sent[a]; j, n = j-1, n+1 {
		if !d.isWord(j) || d.mention[j] >= 0 || d.quote[j] {
			return false
		}
		if _, end, ok := d.cueAt(s, j, entrySpeech); ok && end <= k {
			for i := j - 1; i >= 0 && d.sent[i] == d.sent[a]; i-- {
				if m := d.mention[i]; m >= 0 && m != pi && !d.people[m].unnamed {
					return true
				}
			}
			return false
		}
	}
	return false
}

// plurals open a phrase about several people (after a comma, a clause
// whose subject is a group).
var plurals = foldedWords("các", "những")

// notSubject reports a mention starting at token a that cannot be the
// subject of a verb after it: inside a quotation, an object ("gửi đến Tổng
// thống Nga X", "điện đàm với Thủ tướng Ấn Độ X", "pha bóng của X"), or in
// a clause attributed with "theo" ("Theo điều phối viên ... Nhà Trắng, X,
// Tổng thống Y đã nói"): the verb after it is another person's.
func (s *Scorer) notSubject(d *doc, a int) bool {
	if d.quote[a] || s.precededByTheo(d, a) >= 0 || s.possessed(d, a) || s.prepositionObject(d, a) {
		return true
	}
	phrase := true // no punctuation yet between the token and the mention
	for j, n := a-1, 0; j >= 0 && n < 25 && d.sent[j] == d.sent[a] && !d.quote[j]; j, n = j-1, n+1 {
		if d.mention[j] >= 0 {
			return false
		}
		if _, _, ok := d.cueAt(s, j, entrySpeech); ok {
			return false
		}
		if !d.isWord(j) {
			phrase = false
			continue
		}
		if phrase && n < 8 && d.in(prepositions, j) {
			return true
		}
		if _, _, ok := d.cueAt(s, j, entryTheo); ok && theoOpensClause(d, j) {
			return true
		}
	}
	return false
}

// precededByTheo returns the first token of a "theo" attribution before
// the name at token a ("Theo bà X", "theo lời kể của HLV X", "Theo Chủ tịch
// xã X"), or -1. The attribution opens a clause.
func (s *Scorer) precededByTheo(d *doc, a int) int {
	if !d.quote[a] && a > 0 && d.tokenText(a-1) == foldedTheo && d.isUpper(a-1) && d.sentenceStart(a-1) && d.glued(a-1, a) {
		// "TheoQuang Hà, ...": the space after "Theo" lost in the source,
		// which then reads as a heading run into the next sentence.
		return a - 1
	}
	if d.quote[a] || a == 0 || d.toks[a].Newline {
		return -1
	}
	k := a
	for moved := true; moved && k > 0; {
		moved = false
		if _, st, ok := d.cueEndingAt(s, k, entryHonorific); ok && d.sent[st] == d.sent[a] {
			k, moved = st, true
		}
		if _, st, ok := d.cueEndingAt(s, k, entryRoleNoun); ok && d.sent[st] == d.sent[a] {
			k, moved = st, true
		}
		if t, ok := s.titleBefore(d, k); ok && d.sent[t.a] == d.sent[a] {
			k, moved = t.a, true
		}
		// "Theo bạn trai cũ X, ...", "Theo chồng X": a family word or a
		// partner right before the name, "former" after it, says who X is
		// ("Theo vợ ông X" is the wife's account: an honorific stands between).
		if j := k; k == a {
			if j > 1 && d.tokenText(j-1) == foldedExPartner {
				j--
			}
			for _, kind := range []entryKind{entrySource, entryPossessive} {
				if _, st, ok := d.cueEndingAt(s, j, kind); ok && d.sent[st] == d.sent[a] {
					k, j, moved = st, st, true
				}
			}
		}
	}
	if _, st, ok := d.cueEndingAt(s, k, entryTheo); ok && d.sent[st] == d.sent[a] {
		// A report or complaint opening the clause is the paper, not words:
		// "Đơn tố giác của bà X gửi công an xã"; received, it is X's account.
		if theoOpensClause(d, st) && !d.in(reportNouns, st) || reportReceived(d, st) {
			return st
		}
	}
	return -1
}

// reportReceived reports a citation at token st that is the object of
// receiving ("tiếp nhận tin báo của chị X", "nhận được đơn tố cáo của bà
// Y"): the police took the person's account, wherever the clause stands.
func reportReceived(d *doc, st int) bool {
	if st < 2 || !d.in(reportNouns, st) {
		return false
	}
	t := d.tokenText(st - 1)
	return t == foldedReceive || t == foldedGot && d.tokenText(st-2) == foldedReceive
}

// reportNouns open the citations of a report or complaint; foldedReceive
// and foldedGot are "nhận" and "được" as the folded text reads them.
var (
	reportNouns   = foldedWords("tin", "đơn")
	foldedReceive = vntext.FoldString("nhận")
	foldedGot     = vntext.FoldString("được")
)

// foldedExPartner is "cũ" (former), after a partner word: "bạn trai cũ".
var foldedExPartner = vntext.FoldString("cũ")

// citedAfter returns the first token of a citation right before the name
// at token a, past its honorific or title ("Tờ báo dẫn lời HLV X: ...",
// "trích lời của Y"), or -1: a medium citing X reports X's words,
// wherever the phrase stands. X stays the subject of a verb after it
// ("dẫn lời ông X cho biết").
func (s *Scorer) citedAfter(d *doc, a int) int {
	if d.quote[a] || a == 0 || d.toks[a].Newline {
		return -1
	}
	k := s.titlesStart(d, a)
	for n := 2; n <= 4 && k-n >= 0; n++ {
		if citations.spans(d, k-n, k) && d.sent[k-n] == d.sent[a] && !d.quote[k-n] {
			return k - n
		}
	}
	return s.relayedStatement(d, a, k)
}

// relayedStatement returns the first token of a medium's relay of a
// statement of the person whose title or name starts at token k ("Reuters
// dẫn bài phát biểu dự kiến của ông X", "AFP trích tuyên bố của bà Y"), or
// -1: the statement is X's words. A relay verb, a statement noun with a
// modifier or none, then "của".
func (s *Scorer) relayedStatement(d *doc, a, k int) int {
	if k < 3 || d.tokenText(k-1) != s.words.cua {
		return -1
	}
	j := k - 1
	for n := 2; n >= 1; n-- {
		if j-n >= 0 && statementModifiers.spans(d, j-n, j) {
			j -= n
			break
		}
	}
	for n := 3; n >= 1; n-- {
		if j-n < 1 || !statementNouns.spans(d, j-n, j) {
			continue
		}
		for m := 2; m >= 1; m-- {
			st := j - n - m
			if st >= 0 && relayStatementVerbs.spans(d, st, j-n) && d.sent[st] == d.sent[a] && !d.quote[st] {
				return st
			}
		}
	}
	return -1
}

// relayStatementVerbs relay a statement noun ("dẫn bài phát biểu của X");
// statementModifiers stand between the noun and "của" ("bài phát biểu dự
// kiến của X", "tuyên bố mới nhất của Y").
var (
	relayStatementVerbs = foldedPhraseSet("dẫn", "dẫn lại", "trích", "trích dẫn")
	statementModifiers  = foldedPhraseSet("dự kiến", "mới nhất", "mới đây", "gần đây", "trước đó", "hôm qua")
)

// statementOf reports a name that owns a statement noun: "phát biểu của
// ông X", "tuyên bố của Tổng thống Y", "lời khai của Z".
func (s *Scorer) statementOf(d *doc, a int) bool {
	k := s.titlesStart(d, a)
	if k < 2 || d.tokenText(k-1) != s.words.cua {
		return false
	}
	for n := 1; n <= 3 && k-1-n >= 0; n++ {
		if statementNouns.spans(d, k-1-n, k-1) && d.sent[k-1-n] == d.sent[a] {
			// "người phát ngôn của X": a spokesperson is someone who speaks
			// for X, not a statement of X's.
			return !(k-2-n >= 0 && spokespersons.spans(d, k-2-n, k-1))
		}
	}
	return false
}

// plainBetween reports tokens [b, v) with no comma, quotation or other
// person: the verb at v has the phrase before b as its subject, not the
// next clause's ("Sau bài phát biểu của ông X, bà Y nói").
func (d *doc) plainBetween(pi int32, b, v int) bool {
	for j := b; j < v; j++ {
		if d.tokenText(j) == "," || d.quote[j] || d.mention[j] >= 0 && d.mention[j] != pi {
			return false
		}
	}
	return true
}

// statementNouns name what a person said.
var statementNouns = foldedPhraseSet("phát biểu", "bài phát biểu", "lời phát biểu", "tuyên bố", "lời tuyên bố",
	"bản tuyên bố", "thông điệp", "lời khai", "lời kể", "chia sẻ", "lời chia sẻ", "tâm sự", "lời tâm sự", "phát ngôn",
	// a complaint to the police says what the complainant tells: "đơn tố
	// cáo của chị X tố cáo ông Y có hành vi ..."
	"đơn tố cáo", "đơn tố giác", "đơn trình báo", "đơn kêu cứu", "lời tố cáo")

// citations before a name report that person's words.
var citations = foldedPhraseSet("dẫn lời", "dẫn lại lời", "dẫn lời của", "dẫn lại lời của", "trích lời",
	"trích lời của", "trích dẫn lời", "trích dẫn lời của")

// theoOpensClause reports that the attribution at token st opens a clause:
// at the start of a sentence, after a clause opener or a contrast, or after
// "cũng" that itself opens one ("Cũng theo ông X, ...", the common way to
// go on with someone's account).
func theoOpensClause(d *doc, st int) bool {
	if st > 0 && d.tokenText(st-1) == foldedCung {
		st--
	}
	return d.sentenceStart(st) || st > 0 && d.in(clauseOpeners, st-1) || contrastBefore(d, st)
}

// asksQuestion reports a sentence, the one of token k, that ends with a
// question mark.
func (d *doc) asksQuestion(k int) bool {
	j := k
	for j+1 < len(d.toks) && d.sent[j+1] == d.sent[k] && !d.toks[j+1].Newline {
		j++
	}
	for j > k && d.quote[j] {
		j-- // past the closing quotation mark
	}
	return d.tokenText(j) == "?" || j+1 < len(d.toks) && d.tokenText(j+1) == "?"
}

// workTitleAfter returns the token after a short title in quotation marks
// (one to eight words) that opens at token k in its sentence, or -1.
func workTitleAfter(d *doc, k int) int {
	if k+2 >= len(d.toks) || !quoteOpener(d.tokenText(k)) {
		return -1
	}
	for j := k + 1; j < len(d.toks) && j <= k+9 && d.sent[j] == d.sent[k] && !d.toks[j].Newline; j++ {
		switch t := d.tokenText(j); {
		case t == "”" || t == "\"" || t == "»":
			if j == k+1 {
				return -1
			}
			return j + 1
		case !d.isWord(j) && d.toks[j].Kind != vntext.Number:
			return -1
		}
	}
	return -1
}

// theoBefore reports a "theo" form ("theo", "theo lời", "theo chia sẻ của")
// opening a clause right before token k.
func (s *Scorer) theoBefore(d *doc, k int) bool {
	_, st, ok := d.cueEndingAt(s, k, entryTheo)
	return ok && d.sent[st] == d.sent[k] && theoOpensClause(d, st)
}

// foldedCung is "cũng" (also).
var foldedCung = vntext.FoldString("cũng")

// glued reports tokens i and j written with nothing between them in the
// input: "TheoQuang", a word run into a name.
func (d *doc) glued(i, j int) bool {
	_, e := d.span(i, i+1)
	st, _ := d.span(j, j+1)
	return e == st
}

// foldedTheo is "theo" (according to).
var foldedTheo = vntext.FoldString("theo")

// movements after "theo X" make "theo" "follow": "theo ông bố Youri sang
// Mỹ", "theo chồng về quê" go somewhere with X, who says nothing.
var movements = foldedWords("sang", "về", "đến", "tới", "ra", "vào", "lên", "xuống", "đi", "qua")

// aboutMatter is "về việc" (regarding), which after a report and its
// author says what was reported ("tin báo của chị X về việc bị mất xe"),
// no going anywhere.
var aboutMatter = foldedPhraseSet("về việc")

// contrasts open a clause that turns against the one before, with no
// comma: "Mặc dù ..., song theo tiến sĩ X", "Tuy nhiên theo ông Y".
var contrasts = foldedPhraseSet("song", "tuy nhiên", "thế nhưng", "tuy vậy", "dù vậy", "mặt khác")

// contrastBefore reports a contrast word right before token k; "song song"
// is "side by side", no contrast.
func contrastBefore(d *doc, k int) bool {
	if k >= 2 && d.tokenText(k-1) == d.tokenText(k-2) {
		return false
	}
	return contrasts.spans(d, k-1, k) || contrasts.spans(d, k-2, k)
}

// clauseOpeners may stand before an attribution that opens a clause: ",
// theo bà X", "mà theo ông Tuấn".
var clauseOpeners = foldedWords(",", "mà", "và", "nhưng", "thì", "còn", "(", ";")

// theoEnd is the end of the theo phrase starting at st.
func (s *Scorer) theoEnd(d *doc, st int) int {
	if _, end, ok := d.cueAt(s, st, entryTheo); ok {
		return end
	}
	return st + 1
}

// possessed reports "của [honorific/title] X": X is the possessor of the
// phrase's head noun, which is then the subject of any verb that follows.
func (s *Scorer) possessed(d *doc, a int) bool {
	if s.bodyOf(d, a) {
		return true
	}
	if st := s.titleAcross(d, a); st > 0 && d.tokenText(st-1) == s.words.cua {
		return true // "của Tổng thống Mỹ Joe Biden", "của Chủ tịch Juventus, Andrea Agnelli"
	}
	k := a
	if k > 2 && lateWords.spans(d, k-2, k) {
		k -= 2 // "gia đình tài tử quá cố X": the late star's family speaks
	}
	for _, kind := range []entryKind{entryHonorific, entryTitle, entryRoleNoun} {
		if _, st, ok := d.cueEndingAt(s, k, entryPossessive); ok && !s.occupationTitle(d, st, k) && !couples.spans(d, max(0, st-1), k) &&
			!spokespersons.spans(d, st, k) && !s.ownTitle(d, st, k, a) && !addressWords.spans(d, st, k) {
			if _, _, honor := d.cueEndingAt(s, k, entryHonorific); !honor {
				return true // "công ty quản lý Nhã Phương": "quản lý" is whose, not her title ("cháu Minh" is Minh)
			}
		}
		if _, st, ok := d.cueEndingAt(s, k, kind); ok {
			k = st
			if k > 0 && lateWords.spans(d, k-1, k) {
				k-- // "gia đình cố nghệ sĩ X"
			}
		}
	}
	if k > 0 && d.tokenText(k-1) == s.words.cua {
		return true
	}
	if _, _, honor := d.cueAt(s, k, entryHonorific); honor && k > 0 && d.tokenText(k-1) == foldedHouse {
		return true // "chạy sang nhà ông X báo tin": X's house, X says nothing
	}
	if k > 1 && (d.in(countWords, k-1) || d.toks[k-1].Kind == vntext.Number) && k < a {
		k-- // "người nhà hai bị cáo X và Y": the number of those whose they are
	}
	// "Con gái chị Loan kể": the daughter speaks.
	_, st, ok := d.cueEndingAt(s, k, entryPossessive)
	if ok && couples.spans(d, max(0, st-1), k) {
		return false // "vợ chồng anh T. và chị P. tố cáo": the couple, named, speaks
	}
	if ok && k == a && addressWords.spans(d, st, k) {
		// "bạn Quốc Cường bày tỏ": the young man himself, unless the words
		// before say whose ("phụ huynh của bạn Quốc Cường").
		return st > 0 && d.tokenText(st-1) == s.words.cua
	}
	return ok
}

// titleAcrossWords is how many words of a country's or an organisation's
// name may stand between a title and the name it gives.
const titleAcrossWords = 5

// titleAcross returns the start of a title that names the mention at token
// a across the country or organisation whose title it is, with or without
// a comma before the name: "Tổng thống Mỹ | Joe Biden", "Phó Chủ tịch Man
// Utd, | Ed Woodward", "Chủ tịch Juventus, | Andrea Agnelli"; or -1. The
// words between are capitalised; a title right before the name is
// titlesStart's.
func (s *Scorer) titleAcross(d *doc, a int) int {
	j := a
	if j > 0 && d.tokenText(j-1) == "," {
		j--
	}
	for i := j - 1; i > 0 && i >= j-titleAcrossWords && d.sent[i] == d.sent[a]; i-- {
		if !d.isWord(i) || !d.isUpper(i) || d.mention[i] >= 0 {
			return -1
		}
		if _, st, ok := d.cueEndingAt(s, i, entryTitle); ok && d.sent[st] == d.sent[a] {
			return st
		}
	}
	return -1
}

// bodies are a government, a cabinet or a team known by its leader's name:
// "chính quyền Biden khẳng định", "chính phủ Merkel cho biết", "nội các
// Abe", "ê-kíp của Phạm Băng Băng": the body speaks, not the leader.
var bodies = foldedPhraseSet("chính quyền", "chính phủ", "nội các", "ê kíp", "ê - kíp", "êkíp", "ban vận động",
	"chiến dịch tranh cử", "phe")

// bodyOf reports a mention at token a that names whose government or team
// a body word before it is, past the leader's titles and country and a
// "của": "Chính quyền Tổng thống Mỹ Joe Biden cho biết".
func (s *Scorer) bodyOf(d *doc, a int) bool {
	k := s.titlesStart(d, a)
	if kind, st := s.gazetteerEndingAt(d, k); kind == "countries" && st < k {
		k = s.titlesStart(d, st) // "Tổng thống Mỹ | Joe Biden"
	}
	if k > 0 && d.tokenText(k-1) == s.words.cua {
		k--
	}
	for n := 1; n <= 3 && k-n >= 0; n++ {
		if st := k - n; bodies.spans(d, st, k) && d.sent[st] == d.sent[a] {
			// Not the end of an office's name: "Thủ tướng Chính phủ X",
			// "Văn phòng Chính phủ X" are X's titles.
			_, _, title := d.cueEndingAt(s, st, entryTitle)
			_, _, org := d.cueEndingAt(s, st, entryOrgBefore)
			return !title && !org
		}
	}
	return false
}

// gazetteerEndingAt returns the kind and the start of the longest gazetteer
// name ending right before token k, or "" and k.
func (s *Scorer) gazetteerEndingAt(d *doc, k int) (string, int) {
	if e, st, ok := d.cueEndingAt(s, k, entryGazetteer); ok {
		return e.tag, st
	}
	return "", k
}

// spokespersons right before a name are that person's title: "người phát
// ngôn Ned Price cho biết" quotes Price; whose spokesperson takes "của"
// ("người phát ngôn của Ned Price").
var spokespersons = foldedPhraseSet("người phát ngôn", "phát ngôn viên", "phó phát ngôn viên", "nữ phát ngôn viên",
	"nữ người phát ngôn")

// addressWords are possessive words that, right before a name with no
// "của", are how the press addresses a young person or a reader: "bạn Lò
// Văn Tú (Gia Lâm) cho biết" quotes Tú, where "bạn của Tú" is Tú's friend;
// "cháu L. kể" quotes the child L. (a grandchild is "cháu ông X", "cháu
// của X").
var addressWords = foldedPhraseSet("bạn", "cháu")

// couples name a husband and wife together, the names after them being
// theirs: "vợ chồng anh T.".
var couples = foldedPhraseSet("vợ chồng", "chồng vợ")

// foldedHouse is "nhà" (house, home), before an honorific and a name.
var foldedHouse = vntext.FoldString("nhà")

// countWords count the people a title names: "hai bị cáo X và Y".
var countWords = foldedWords("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "các", "những")

// possessedList reports a mention at a listed after others ("X và Y", "X,
// Y") whose first name is whose someone else is: "người nhà hai bị cáo X
// và Y kháng cáo": the family speaks, for both.
func (s *Scorer) possessedList(d *doc, a int) bool {
	j, moved := a, false
	for n := 0; n < 10 && s.joinedBefore(d, j); n++ {
		// Only along "và" and "cùng": a comma may close a fronted phrase
		// ("Trước cáo buộc của X, Y và Z đã phủ nhận").
		k := s.listBefore(d, j)
		if k < 0 {
			break
		}
		m := d.mention[k]
		for k > 0 && d.mention[k-1] == m {
			k--
		}
		j, moved = k, true
	}
	return moved && s.possessed(d, j)
}

// lateWords mark the dead before or after their title: "cố nghệ sĩ X",
// "tài tử quá cố X".
var lateWords = foldedPhraseSet("cố", "quá cố")

// judging verbs rate someone; said of the agent of a passive ("Tài lãnh
// đạo của ông được Thủ tướng X nhìn nhận", "được HLV Y đánh giá cao") they
// report a judgement, not words: the agent is not quoted. "được X cho
// biết" still gives X's words.
var judging = foldedPhraseSet("đánh giá", "đánh giá cao", "nhìn nhận", "nhận xét", "khen", "ca ngợi")

// passiveAgent reports "được" or "bị" right before the mention at a, past
// its honorific, title or role noun: the person is the agent of a passive.
func (s *Scorer) passiveAgent(d *doc, a int) bool {
	k := s.titlesStart(d, a)
	if k == 0 {
		return false
	}
	t := d.tokenText(k - 1)
	return t == s.words.duoc || t == s.words.bi
}

// foldedBy is "do" (by, because): after a noun mid-sentence it names the
// agent of what the noun tells of ("bản án do thẩm phán X tuyên").
var foldedBy = vntext.FoldString("do")

// agentOfThing reports "do" before the titles starting at k, after a
// noun mid-sentence: the person is the agent of a clause about a thing
// ("quyết định do Phó chủ tịch UBND tỉnh X ký ... yêu cầu": the decision
// requires, not X). The office may stand between the title and the name.
func (s *Scorer) agentOfThing(d *doc, k int) bool {
	for n := 0; n < 6 && k > 0 && d.sent[k-1] == d.sent[k]; n++ {
		if _, st, ok := d.cueEndingAt(s, k, entryOrgBefore); ok && st < k {
			k = st
		} else if d.isWord(k-1) && (d.allCaps(k-1) || d.isUpper(k-1) && !d.sentenceStart(k-1)) {
			k--
		} else {
			break
		}
		k = s.titlesStart(d, k)
	}
	return k > 1 && d.tokenText(k-1) == foldedBy && !d.sentenceStart(k-1) && d.isWord(k-2) && !d.isUpper(k-2)
}

// prepositions before a name make it an object, not a subject; so does
// "nơi" (where), which opens a relative clause ("viện quân y Percy, nơi
// Arafat qua đời hôm thứ năm, cho hay": the verb is the main clause's).
var prepositions = foldedWords("với", "cho", "về", "tới", "đến", "từ", "vì", "bởi", "giữa", "nơi")

// outletNouns name a newspaper or a channel before its name.
var outletNouns = foldedPhraseSet("báo", "tờ", "tạp chí", "đài", "kênh", "trang", "nhật báo", "tuần báo")

// prepositionObject reports a preposition before the mention at token a,
// past its honorific, title or role noun and an appositive title ("với MC,
// nữ diễn viên X").
func (s *Scorer) prepositionObject(d *doc, a int) bool {
	k := a
	comma := false
	for moved := true; moved && k > 0; {
		moved = false
		for _, kind := range []entryKind{entryHonorific, entryTitle, entryRoleNoun} {
			if _, st, ok := d.cueEndingAt(s, k, kind); ok {
				k, moved = st, true
			}
		}
		if e, st, ok := d.cueEndingAt(s, k, entryGazetteer); !moved && ok && k < a+1 && (e.tag == "countries" || e.tag == "places") {
			// "với nhà lãnh đạo Triều Tiên Kim Jong Un": the country
			// between the title and the name.
			k, moved = st, true
		}
		if !moved && k > 1 && d.tokenText(k-1) == "," {
			if _, st, ok := d.cueEndingAt(s, k-1, entryTitle); ok && !(d.properNoun(st) && outletNouns.endingAt(d, st) > 0) {
				// Not an outlet's name that reads as a title: "Trao đổi với
				// báo Thanh Niên, bà X cho biết" (thanh niên: a young man).
				k, moved, comma = st, true, true
			}
		}
	}
	if s.agentOfThing(d, k) {
		return true
	}
	if k == 0 || !d.in(prepositions, k-1) {
		return s.listenerOfSpeech(d, k)
	}
	if _, _, ok := d.cueEndingAt(s, k-1, entrySpeech); ok && comma {
		// "Trao đổi với phóng viên, bà X cho biết": the phrase before the
		// comma says whom X spoke to; X is the subject after it.
		return false
	}
	return true
}

// metObject reports a mention at token a that is, alone or in a list of
// names ("X và Z"), the object of a verb of meeting or visiting: "Y đã
// gặp X và Z thông báo rút khỏi": the speech verb after it is the
// subject's. Verbs that make their object the subject of the next one
// ("mời X phát biểu", "đề nghị X giải trình") are left out.
func (s *Scorer) metObject(d *doc, a int) bool {
	k := s.titlesStart(d, a)
	for k > 1 && (d.tokenText(k-1) == s.words.va || d.tokenText(k-1) == ",") && d.sent[k-2] == d.sent[a] {
		m := d.mention[k-2]
		if m < 0 || d.people[m].unnamed {
			break
		}
		j := k - 2
		for j > 0 && d.mention[j-1] == m {
			j--
		}
		k = s.titlesStart(d, j)
	}
	if k > 1 && (d.toks[k-1].Kind == vntext.Number || d.in(objectCounts, k-1)) {
		k-- // "chở theo hai tuyển thủ X và Y": how many, then who
	}
	for n := 1; n <= 2 && k-n >= 0; n++ {
		if d.sent[k-n] == d.sent[a] && !d.isUpper(k-n) && meetingVerbs.spans(d, k-n, k) {
			return true
		}
	}
	return false
}

// directedObject reports a name that is the object of a verb telling
// someone what to do ("Công chứng viên yêu cầu bà X đến công an xin xác
// nhận", "buộc ông Y phải tuyên bố", "đề nghị anh Z giải thích"): a
// speech verb after it is what the person is asked to say, not their words.
func (s *Scorer) directedObject(d *doc, a int) bool {
	k := s.titlesStart(d, a)
	for n := 1; n <= 3 && k-n >= 0; n++ {
		if d.sent[k-n] == d.sent[a] && !d.isUpper(k-n) && directives.spans(d, k-n, k) {
			return true
		}
	}
	return false
}

// directives take as their object the person told or asked to do
// something.
var directives = foldedPhraseSet("yêu cầu", "đề nghị", "buộc", "bắt buộc", "ép", "ép buộc", "nhờ", "ra lệnh cho",
	"ra lệnh", "chỉ đạo", "khuyên", "kêu gọi", "hối thúc", "thúc giục", "cho phép", "giao cho", "đòi",
	// threatening, scolding or insulting someone: the one threatened is
	// spoken to ("quay lại đe dọa chị X rằng: “...”": the attacker speaks)
	"đe dọa", "đe doạ", "dọa", "doạ", "hăm dọa", "hăm doạ", "dọa dẫm", "uy hiếp", "quát", "mắng", "quát mắng",
	"chửi", "chửi mắng", "lăng mạ", "cảnh cáo")

// objectCounts count the people a verb takes: "gặp hai cầu thủ X và Y".
var objectCounts = foldedWords("hai", "ba", "bốn", "năm", "các", "những")

// meetingVerbs take the person met or visited as their object; so do
// verbs of carrying or escorting someone ("xe chở theo X và Y đã đến nơi:
// trại tạm giam").
var meetingVerbs = foldedPhraseSet("gặp", "gặp gỡ", "gặp mặt", "tiếp", "tiếp đón", "tiếp kiến", "thăm", "đến thăm",
	"thăm hỏi", "hội kiến", "chở", "chở theo", "áp giải", "dẫn giải")

// listenerOfSpeech reports a name that is the one spoken to: a speech verb
// and "với" or "cho" at most eight lower-case words before it, in the same clause
// ("chia sẻ với MC đình đám Oprah Winfrey rằng:", "tâm sự với cô bạn thân
// Lan"). Whatever follows, a colon or a verb, is the speaker's, not the
// listener's.
func (s *Scorer) listenerOfSpeech(d *doc, k int) bool {
	for j, n := k-1, 0; j > 0 && n < 8; j, n = j-1, n+1 {
		if !d.isWord(j) || d.mention[j] >= 0 || d.quote[j] || d.sent[j] != d.sent[k] || d.in(clauseLinks, j) {
			return false
		}
		if d.in(listenerPrepositions, j) {
			_, _, ok := d.cueEndingAt(s, j, entrySpeech)
			return ok
		}
		if d.isUpper(j) && !d.allCaps(j) {
			return false // another name or a new phrase
		}
	}
	return false
}

// listenerPrepositions introduce the one spoken to after a speech verb.
var listenerPrepositions = foldedWords("với", "cho")

// clauseLinks end the phrase of the one spoken to: what follows them is
// what was said or a new clause ("nói với báo chí rằng Y ...").
var clauseLinks = foldedWords("rằng", "là", "và", "nhưng", "khi", "thì", "mà")

// speechFollows reports a speech verb or colon within n tokens after b in
// the same clause (strict: across a comma only into a titled appositive).
func (s *Scorer) speechFollows(d *doc, b, n int) bool {
	_, _, _, ok := s.speechAfter(d, b, -1, n)
	return ok
}

// speechNext reports a speech verb right after token b, adverbs allowed
// ("Kiatisuk chia sẻ", "Gunya cũng nói").
func (s *Scorer) speechNext(d *doc, b int) bool {
	if b >= len(d.toks) || d.quote[b-1] {
		return false
	}
	b = d.whileDoing(b)
	if _, end, ok := d.cueAt(s, b, entryAdverb); ok {
		b = end
	}
	_, _, ok := d.cueAt(s, b, entrySpeech)
	return ok
}

// whileDoing skips what someone does while speaking, "vừa ... vừa" before
// the speech verb ("Phúc vừa đánh giày vừa kể:"): it returns the token
// after the second "vừa", or b when there is none within a few words.
func (d *doc) whileDoing(b int) int {
	if b >= len(d.toks) || d.tokenText(b) != foldedWhile {
		return b
	}
	for k := b + 1; k < len(d.toks) && k <= b+6 && d.isWord(k); k++ {
		if d.tokenText(k) == foldedWhile {
			return k + 1
		}
	}
	return b
}

// foldedWhile is "vừa" as the folded text reads it.
var foldedWhile = vntext.FoldString("vừa")

// speechEnd is the end of the speech verb starting at v.
func (s *Scorer) speechEnd(d *doc, v int) int {
	if _, end, ok := d.cueAt(s, v, entrySpeech); ok {
		return end
	}
	return v + 1
}

// speechAfter finds the speech verb (or colon) the mention ending at b is
// the subject of, within n tokens. It returns the cue's tokens and whether
// it is a colon. A window under 30 tokens is strict: it crosses a comma only
// into an appositive that starts with a title ("Kaitlyn Loftus, một nghiên
// cứu sinh ..., cho biết") or along a list of names, so that "X được hé lộ,
// nhiều khán giả đánh giá" does not make X a speaker.
// speechAfterAppositive is speechAfter(d, b, self, 30); past that window a
// verb still counts after a long appositive between commas ("Ông X, ủy
// viên ... đồng thời là chủ 2 hầm cá ở xã Y, huyện Z, nhớ lại: ..."), if a
// comma stands right before it and the appositive opened right after the
// name.
func (s *Scorer) speechAfterAppositive(d *doc, b int, self int32) (int, int, bool, bool) {
	v, end, colon, ok := s.speechAfter(d, b, self, 30)
	if ok || b >= len(d.toks) || d.tokenText(b) != "," {
		return v, end, colon, ok
	}
	v, end, colon, ok = s.speechAfter(d, b, self, 30+maxAppositiveExtra)
	if !ok || v < b+30 || d.tokenText(v-1) != "," {
		return 0, 0, false, false
	}
	return v, end, colon, ok
}

// maxAppositiveExtra is how much longer an appositive may be.
const maxAppositiveExtra = 15

func (s *Scorer) speechAfter(d *doc, b int, self int32, n int) (int, int, bool, bool) {
	strict := n < 30
	if b >= len(d.toks) || d.quote[b-1] {
		return 0, 0, false, false
	}
	paren := 0
	appos, hadAppos := false, false
	passive := false   // the subject's own verb was passive: "X bị bắt, khai nhận"
	nominal := false   // another name opened a clause made a noun ("việc Y ..."): only a colon is X's
	subClause := false // an organisation opened a subordinate clause: its verbs are not X's

	// Tokens in parentheses do not count against the window: "X (trú tại
	// 332B Trần Hưng Đạo, TP Long Xuyên), kể"; nor do those of a title in
	// quotation marks inside an appositive ("X - tác giả cuốn sách “...”
	// cho biết").
	limit := b + n
	for k := b; k < len(d.toks) && k < limit; k++ {
		if paren > 0 || d.tokenText(k) == "(" || appos && d.quote[k] {
			limit++
		}
		if k > b && (d.toks[k].Newline || d.sent[k] != d.sent[b-1] && d.tokenText(k-1) != ":") {
			return 0, 0, false, false
		}
		t := d.tokenText(k)
		switch {
		case t == "(":
			paren++
			continue
		case t == ")" && paren > 0:
			paren--
			continue
		case paren > 0:
			continue // an aside: "(bà ngoại của Dung)"
		case d.quote[k] && appos:
			continue // a phrase in quotation marks inside an appositive
		case d.quote[k] && shortQuote(d, k):
			// A label, a nickname or a product's name in quotation marks
			// ("Chị X, một “đại lý” đổi nước, cho biết", "trồng 7 sào dưa
			// “hắc mỹ nhân” phấn khởi cho biết"): a phrase of the clause,
			// not someone's words.
			continue
		case d.quote[k]:
			return 0, 0, false, false
		case t == ";":
			if next := s.skipCues(d, k+1); next < len(d.toks) && d.mention[next] >= 0 && d.mention[next] != self && onlyAsides(d, b, k) {
				// "Lê Xuân Q. (huyện Thanh Trì); Nguyễn Văn H. và ... khai": a
				// list of names with their details, one verb for all.
				appos = false
				continue
			}
			return 0, 0, false, false // a semicolon opens a clause with a subject of its own
		case t == s.words.duoc && !appos && k > b && s.ableTo(d, k):
			// "X không kìm được xúc động khi phát biểu": "được" after a
			// negated verb says X could not help it; it is no passive.
			continue
		case t == s.words.duoc && !appos && !passive && s.reportedlySaid(d, k+1):
			// "Alexey được cho là đã thừa nhận với cảnh sát rằng ...":
			// "reportedly"; the speech verb after it is still the subject's.
			k += 2
			continue
		case (t == s.words.duoc || t == s.words.bi) && !appos && (passive || s.passiveSpeech(d, k+1)):
			return 0, 0, false, false // passive: "X được phía Y cho biết" reports Y
		case (t == s.words.duoc || t == s.words.bi) && !appos:
			// A passive of another verb ("X bị bắt", "X bị tuyên 5 năm tù")
			// leaves X the subject of a speech verb coordinated after it ("và
			// khai nhận", ", khai", "nhưng vẫn kêu oan"), unless another
			// subject opens the next clause.
			passive = true
			continue
		case passive && !appos && (t == "," || t == s.words.va || d.in(turns, k)) && k+1 < len(d.toks) && s.subjectAt(d, k+1):
			return 0, 0, false, false
		case t == s.words.va && k > b && copulaAt(d, s, k+1):
			// "X, thành viên hội đồng ... và cũng là Phó hiệu trưởng ...
			// chia sẻ": "và (cũng) là" goes on saying who X is; the
			// appositive goes on.
			appos, hadAppos = true, true
			continue
		case t == s.words.va && !appos && k > b && !s.coordinatedWith(d, k+1) && !s.sameSubjectVerb(d, k+1):
			return 0, 0, false, false // "X và nhiều tin đồn cho rằng": a new clause
		case !appos && k > b && d.in(subordinators, k) && d.isWord(k+1) && d.isUpper(k+1) && d.mention[k+1] < 0 && !s.subjectAt(d, k+1):
			// "X từ chức ngay sau khi CLB thông báo": an organisation opens
			// the clause after "khi"; a speech verb in it is the
			// organisation's. A colon further on may still give X's words
			// ("X tiếc nuối sau khi Tottenham sa thải HLV Y: “...”").
			subClause = true
			continue
		case !appos && k > b && d.in(subordinators, k) && k+1 < len(d.toks) && !d.isUpper(k+1) && s.orgNounAt(d, k+1):
			// "X và Y hò hẹn khi công ty đại diện của họ phủ nhận": a firm, an
			// office or a team named by its common noun opens the clause after
			// "khi"; its verb is theirs, not X's (a colon further on may still
			// give X's words, as above).
			subClause = true
			continue
		case !appos && k > b && d.in(subordinators, k) && s.subjectAt(d, k+1):
			// "Bà X xúc động khi con trai bà kể lại": the clause after "khi"
			// has a subject of its own, whose verb it is.
			return 0, 0, false, false
		case !appos && k > b && d.in(turns, k) && s.subjectAt(d, k+1):
			// "Anh đóng thế cho X, Y, Z... nhưng anh khẳng định": the clause
			// after "nhưng" has a subject of its own, and the list before it
			// is the object of another verb.
			return 0, 0, false, false
		case !appos && k > b && t == foldedMa && k+2 < len(d.toks) && (s.subjectAt(d, k+1) || s.outletAt(d, k+1)):
			// "Không chỉ nhận định X sẽ gặp khó, mà tờ Y còn dự báo ...": the
			// clause after "mà" has a subject of its own, a person or an outlet.
			return 0, 0, false, false
		case !appos && k > b && (d.in(causatives, k) || genericSubjects.startsAt(d, k) && !objectPronoun(d, k)):
			// "X xuất hiện cùng Y, khiến nhiều người tin rằng": the verb has
			// its own subject.
			return 0, 0, false, false
		case !appos && k > b+1 && d.tokenText(k-1) == "," && mediaSubjects.startsAt(d, k):
			// "Khi X thành công, truyền thông Thái Lan hy vọng rằng ...": the
			// press as a whole opens the main clause; the hope is theirs.
			// (Not mid-phrase: "xử lý các yêu cầu truyền thông".)
			return 0, 0, false, false
		case t == "," || t == "-" || t == "–":
			switch next := s.skipCues(d, k+1); {
			case next < len(d.toks) && d.mention[next] >= 0 && d.mention[next] != self && !appos &&
				(s.inFrontedClause(d, b) || t == "," && s.objectOfOpeningVerb(d, b)):
				// "Sau khi chia tay Kylie, Tyga tiết lộ": the name before the
				// comma ends a fronted clause; the one after is the subject.
				return 0, 0, false, false
			case !appos && t == "," && s.inFrontedPhrase(d, b) && s.orgOpensAt(d, k+1):
				// "Về vụ việc sản phụ X tử vong tại huyện Y, Sở Y tế đề nghị
				// ...": an organisation opens the main clause after the
				// fronted one; its verb is not X's.
				return 0, 0, false, false
			case next < len(d.toks) && d.mention[next] >= 0 && d.mention[next] != self:
				// A list of names: "Tuấn, Phát và Kiệt khai", "NSƯT Kim Xuân, NSND
				// Hồng Vân... cũng thể hiện".
				appos = false
			case !appos && t == "," && s.acronymSubject(d, k+1):
				// "Đối với các bị cáo X, Y và Z, HĐXX nhận định ...": a body
				// known by its initials opens a clause right before its own
				// speech verb; the names before it are spoken of.
				return 0, 0, false, false
			case !appos && t == "," && demonstrativeClauses.startsAt(d, k+1):
				// "X sáng tạo ra câu thoại ấy, đó là cảnh Y nói với Z rằng": the
				// clause after the comma has a subject of its own.
				return 0, 0, false, false
			case !appos && t == "," && k+2 < len(d.toks) && d.tokenText(k+1) == s.words.nhu && s.describedAt(d, k+2):
				// "... trả ơn bầu Đức, như cầu thủ này chia sẻ": "như" and a
				// description open a clause of their own ("as the player
				// said"); the verb is the description's.
				return 0, 0, false, false
			case !appos && t == "," && k+1 < len(d.toks) && (d.in(plurals, k+1) || shareOpeners.startsAt(d, k+1)):
				// "Chứng kiến X sa sút, những CĐV đã yêu cầu ...", "phóng tác
				// từ tác phẩm của thi hào X, một số khán giả nhận định": a group
				// or a share of one opens a clause of its own; its verb is not X's.
				return 0, 0, false, false
			case t == "," && k+1 < len(d.toks) && d.in(subordinators, k+1):
				// "X từ chức ..., khi Tổng thống Y yêu cầu": a subordinate
				// clause opens, not an appositive; its subject, if any, is
				// checked at the subordinator.
				if strict {
					return 0, 0, false, false
				}
				appos = false
			case t == "," && k+2 < len(d.toks) && (d.in(turns, k+1) || d.tokenText(k+1) == foldedMa) &&
				s.subjectAt(d, k+2):
				// "X ghi bàn, nhưng trọng tài cho rằng ...": a title after a
				// turn opens a clause with its own subject (the turn's case
				// below ends the window), no appositive.
				appos = false
			case s.appositiveSoon(d, k+1):
				appos, hadAppos = true, true
			case !appos && t == "," && k+1 < len(d.toks) && !(k+2 < len(d.toks) && d.isUpper(k+2)) && func() bool {
				_, _, ok := d.cueAt(s, k+1, entryReference)
				return ok
			}():
				// "quay phim là X nhưng sau đó hãng thay đổi, anh có thể giải
				// thích ...?": a pronoun after the comma opens a clause with
				// its own subject; whose verb it is, anaphora reads.
				return 0, 0, false, false
			case !appos && t == "," && s.bodySubject(d, k+1, self):
				// "Ông A đến thăm thủ đô, Indonesia đã kêu gọi ...": a country or
				// an organisation opens a clause of its own; its verb is not A's.
				return 0, 0, false, false
			case appos && t != "," && s.compoundDash(d, k):
				// "Trung tâm bảo tồn di tích lịch sử - văn hóa Cố đô Hoa Lư": a
				// dash between two words of one name stays inside the appositive.
			case appos && t == "," && s.appositiveGoesOn(d, k+1):
				// "Ủy ban Văn hóa, Giáo dục, Thanh Thiếu niên và Nhi đồng",
				// "Trạm Sa Kỳ, thuộc Đồn Biên phòng Hà Tiên": the name of the
				// office goes on after the comma.
			case appos:
				appos = false // the appositive closes
			case k+1 < len(d.toks) && d.tokenText(k+1) == s.words.va:
			case t == "," && k == b && !hadAppos && s.speechNext(d, k+1) && s.titledAppositiveName(d, b):
				// "Giám đốc bệnh viện, Aashish Chaudhry, cho biết": the name is
				// the appositive of the title opening the sentence, and the
				// comma closing it leads to their verb.
			case strict:
				return 0, 0, false, false
			}
		}
		if m := d.mention[k]; m >= 0 && m != self && appos {
			continue // a person inside the appositive: "phụ huynh của bạn X"
		}
		if m := d.mention[k]; m >= 0 && m != self {
			if !s.listed(d, k) {
				end := k
				for end < len(d.toks) && d.mention[end] == m {
					end++
				}
				if s.objectColon(d, k, end) && d.opensSentence(b, self) {
					// "Tiền đạo X cũng tiếc nuối sau khi Tottenham sa thải HLV
					// Y: “...”": Y is the object; the words are the subject's.
					return end, end + 1, true, true
				}
				if s.nominalized(d, k) && d.opensSentence(b, self) {
					// "Thủ quân X vui trước việc Y đồng ý đến Arsenal: “...”":
					// Y's clause is a noun; its verbs are Y's, but a colon
					// closing it gives X's words.
					nominal = true
					k = end - 1
					continue
				}
				if s.comparedWith(d, k, end) {
					// "Chị X, cũng bán hàng rong như chị Y, thì tiết lộ ...": Y
					// is what X is compared with; the verb after the comma is X's.
					k = end - 1
					continue
				}
				if s.metObject(d, k) && !s.passiveAgent(d, k) {
					// "X đã gặp Y và Z thông báo rút khỏi ...": those met are
					// the verb's object; the speech verb after them is X's.
					k = end - 1
					continue
				}
				if !s.verbCoordinated(d, end) {
					return 0, 0, false, false
				}
				// "X cầu hôn Y và tuyên bố": Y is the object; the verb is X's.
				k = end - 1
				continue
			}
		}
		if k == b && s.verbCoordinated(d, k) && self >= 0 {
			return 0, 0, false, false // "... cầu hôn Y và tuyên bố": Y is not the one speaking
		}
		if t == ":" && !passive && (k-b <= 15 || k-b <= 25 && k+1 < len(d.toks) && quoteOpener(d.tokenText(k+1)) ||
			k-b <= 30 && hadAppos && d.quoteOpensAt(k+1) && d.opensSentence(b, self) ||
			n >= longAppositiveWindow && hadAppos && d.quoteOpensAt(k+1)) && s.colonQuotes(d, b, k) {
			// A colon further on still gives the subject's words when a
			// quotation opens right after it ("Ông X, quản lý một khách sạn
			// trên đường Y, cũng rơi vào cảnh tương tự: “...”"), and up to 30
			// words when the name opens the sentence and a long appositive
			// follows it ("Ông A, Tổng giám đốc công ty B sở hữu thương hiệu
			// C, kỳ vọng: “...”"); longAppositiveColon looks further and
			// checks the subject itself.
			return k, k + 1, true, true
		}
		if _, end, ok := d.cueAt(s, k, entrySpeech); ok && !s.negated(d, k) && !d.nameWord(k) && !(end-1 > k && d.nameWord(end-1) && d.vietnamese(end-1)) && !s.order(d, k, end) && !s.sharesPicture(d, k, end) &&
			!(k > b && d.tokenText(k-1) == foldedAct) && !(k > b && d.tokenText(k-1) == foldedWill) && !nominal {
			// "vì việc tiết lộ bí mật": after "việc" the verb names an act,
			// a noun; nobody speaks. (A capitalised Vietnamese last word is a
			// name's: "thị trấn An Thới" holds no "trấn an"; "viết trên
			// Twitter" stays.)
			if subClause {
				return 0, 0, false, false
			}
			if end < len(d.toks) && bareReports.spans(d, k, end) && d.in(clauseEnds, end) {
				// "anh Câu tới công an phường báo cáo.": reporting to the
				// police with nothing reported is an act, no one's words.
				return 0, 0, false, false
			}
			if passive && !s.afterClauseBreak(d, k) {
				return 0, 0, false, false // "X bị bắt, báo chí đồng loạt lên tiếng"
			}
			return k, end, false, true
		}
	}
	return 0, 0, false, false
}

// bareReports are verbs of reporting to an authority that say nothing
// when nothing follows them; clauseEnds close the clause right after.
var (
	bareReports = foldedPhraseSet("báo cáo", "trình báo", "báo án", "tố giác")
	clauseEnds  = foldedWords(".", ";", ",", "!")
)

// acronymSubject reports a body's initials at token k, no title or name,
// right before a speech verb, an adverb allowed between: "HĐXX nhận
// định", "VKS cũng đề nghị".
func (s *Scorer) acronymSubject(d *doc, k int) bool {
	if k+1 >= len(d.toks) || !d.allCaps(k) || d.mention[k] >= 0 || d.initial(k) {
		return false
	}
	for _, kind := range []entryKind{entryTitle, entryHonorific, entryRoleNoun} {
		if _, _, ok := d.cueAt(s, k, kind); ok {
			return false // "X, GS chuyên ngành ..." is who X is
		}
	}
	v := k + 1
	if _, end, ok := d.cueAt(s, v, entryAdverb); ok {
		v = end
	}
	_, _, ok := d.cueAt(s, v, entrySpeech)
	return ok && v < len(d.toks) && d.sent[v] == d.sent[k]
}

// foldedAlso is "cũng" (also), as in "và cũng là".
var foldedAlso = vntext.FoldString("cũng")

// copulaAt reports "là" or "cũng là" at token k: after "và", what follows
// says more of who the subject is.
func copulaAt(d *doc, s *Scorer, k int) bool {
	if k < len(d.toks) && d.tokenText(k) == foldedAlso {
		k++
	}
	return k < len(d.toks) && d.tokenText(k) == s.words.la
}

// comparedWith reports the mention [k, end) right after "như" (like),
// its honorific or title between, and closed by a comma: what the subject
// is compared with ("X, cũng mua công trái như chị Y, thì ..."), not who
// speaks ("như chị Y cho biết" has no comma).
func (s *Scorer) comparedWith(d *doc, k, end int) bool {
	st := s.titlesStart(d, k)
	return st > 0 && d.tokenText(st-1) == s.words.nhu && end < len(d.toks) && d.tokenText(end) == ","
}

// foldedSaidToBe is "cho là" (after "được": reportedly).
var foldedSaidToBe = vntext.FoldString("cho là")

// reportedlySaid reports "cho là" at token k followed, past an adverb, by a
// speech verb: "(được) cho là đã thừa nhận".
func (s *Scorer) reportedlySaid(d *doc, k int) bool {
	if k+2 >= len(d.toks) || d.joined(k, k+2) != foldedSaidToBe {
		return false
	}
	v := k + 2
	if _, end, ok := d.cueAt(s, v, entryAdverb); ok {
		v = end
	}
	_, _, ok := d.cueAt(s, v, entrySpeech)
	return ok && !s.negated(d, v)
}

// shortQuoteWords is the most words a phrase in quotation marks may have
// and still be a label rather than words quoted.
const shortQuoteWords = 4

// shortQuote reports that the quotation token k is in holds at most
// shortQuoteWords tokens.
func shortQuote(d *doc, k int) bool {
	a, b := k, k
	for a > 0 && d.quote[a-1] {
		a--
	}
	for b < len(d.toks) && d.quote[b] {
		b++
	}
	return b-a <= shortQuoteWords
}

// ableTo reports "được" at token k after a negated verb ("không kìm được",
// "chẳng nhịn được"): the verb's complement (X could not help it), not a
// passive, which follows the subject, an adverb or the negator itself
// ("X đã được khen", "không được phép", "cần được xem xét").
func (s *Scorer) ableTo(d *doc, k int) bool {
	if k < 2 || !d.isWord(k-1) || d.isUpper(k-1) || d.mention[k-1] >= 0 || negators.spans(d, k-1, k) {
		return false
	}
	if _, _, adverb := d.cueEndingAt(s, k, entryAdverb); adverb {
		return false
	}
	return negators.spans(d, k-2, k-1)
}

// foldedAct is "việc" (the act of), which makes a noun of the verb after it.
var foldedAct = vntext.FoldString("việc")

// nominalized reports a mention at token a (its titles before it) right
// after "việc": the name opens a clause made a noun ("vui trước việc X
// đồng ý đến Arsenal: “...”"), and a colon closing it gives the words of
// the sentence's subject, not X's.
func (s *Scorer) nominalized(d *doc, a int) bool {
	k := s.titlesStart(d, a)
	return k > 0 && d.tokenText(k-1) == foldedAct && d.sent[k-1] == d.sent[a]
}

// inParens reports token j inside parentheses opened in its sentence.
func (d *doc) inParens(j int) bool {
	for i := j - 1; i >= 0 && d.sent[i] == d.sent[j]; i-- {
		switch d.tokenText(i) {
		case ")":
			return false
		case "(":
			return true
		}
	}
	return false
}

// clauseBreaks end the passive clause of a subject whose next verb is its
// own: "X bị bắt và khai nhận", "X bị tuyên án nhưng vẫn kêu oan".
var clauseBreaks = foldedWords(",", "và", "rồi", "nhưng", "song")

// afterClauseBreak reports a speech verb at token k that follows a clause
// break, adverbs allowed between ("nhưng vẫn kêu oan", ", sau đó khai"),
// and so has no other subject before it.
func (s *Scorer) afterClauseBreak(d *doc, k int) bool {
	j := k - 1
	for j > 0 {
		if _, st, ok := d.cueEndingAt(s, j+1, entryAdverb); ok && st < j+1 {
			j = st - 1
			continue
		}
		break
	}
	return j >= 0 && d.in(clauseBreaks, j)
}

// passiveSpeech reports a speech word among the few words of a passive
// that starts at token k, whatever phrase cancels it: "được phía Y cho
// biết", "được cho là", "bị tố", "được mời phát biểu" report someone
// else's words, or none.
func (s *Scorer) passiveSpeech(d *doc, k int) bool {
	for j := k; j < len(d.toks) && j < k+5 && d.isWord(j); j++ {
		if t := d.tokenText(j); t == s.words.va || d.in(turns, j) || d.in(subordinators, j) {
			return false // "bị bắt và khai nhận": a second verb, the subject's own
		}
		if d.startKinds[j]&(1<<entrySpeech) != 0 {
			return true
		}
	}
	return false
}

// sameSubjectVerb reports a speech verb within three lower-case words
// after "và" at k-1 with no subject of its own before it: "X thở phào sau
// chiến thắng và tự tin nói: ...", X's second predicate. A group, a
// generic subject, a pronoun or a name after "và" opens a clause.
func (s *Scorer) sameSubjectVerb(d *doc, k int) bool {
	if k >= len(d.toks) || d.in(plurals, k) || genericSubjects.startsAt(d, k) {
		return false
	}
	if _, _, ok := d.cueAt(s, k, entryReference); ok {
		return false
	}
	if _, _, ok := d.cueAt(s, k, entryHonorific); ok {
		return false
	}
	for j := k; j < len(d.toks) && j <= k+3; j++ {
		if !d.isWord(j) || d.isUpper(j) || d.mention[j] >= 0 || d.quote[j] {
			return false
		}
		if _, _, ok := d.cueAt(s, j, entrySpeech); ok {
			return j > k && !s.negated(d, j)
		}
		if d.in(haveWords, j) {
			return false // "và có nhiều tuyên bố": a statement had, a noun
		}
	}
	return false
}

// haveWords make the speech word after them a noun: "có nhiều tuyên bố".
var haveWords = foldedWords("có", "nhiều")

// order reports "bảo" (to tell) at [v, end) used to give an order: the
// one told comes right after it and no words of theirs follow ("Lý bảo
// anh Tám quay đầu xe", "Hoàn bảo chị đưa mẹ đến bệnh viện"). Told
// something, the words follow a colon or "rằng": "bảo tôi: “...”", "bảo
// tôi rằng ...", or a quotation right after the one told: "bảo tôi “cứ
// hát đi”".
func (s *Scorer) order(d *doc, v, end int) bool {
	if end != v+1 || d.tokenText(v) != foldedTell || end >= len(d.toks) {
		return false
	}
	k := end
	if !d.isWord(k) {
		return false
	}
	if d.isUpper(k) {
		for k < len(d.toks) && d.isWord(k) && d.isUpper(k) {
			k++
		}
	} else if _, e, ok := d.cueAt(s, k, entryHonorific); ok {
		k = e
		for k < len(d.toks) && d.isWord(k) && d.isUpper(k) {
			k++
		}
	} else if _, e, ok := d.cueAt(s, k, entryReference); ok {
		k = e
	} else if d.in(told, k) {
		k++
	} else {
		return false
	}
	if k >= len(d.toks) {
		return false
	}
	t := d.tokenText(k)
	return t != ":" && t != "," && t != s.words.rang && t != s.words.la && !d.quote[k] && !quoteOpener(t)
}

var (
	foldedTell = vntext.FoldString("bảo")
	// told are pronouns for the one told.
	told = foldedWords("tôi", "em", "nó", "họ", "mình", "con", "cháu", "chúng tôi", "ta")
)

// nameWord reports a word written with a capital inside a sentence: a
// speech word there is part of a name ("Bảo Anh", "Tố Hữu", vua Bảo Đại).
func (d *doc) nameWord(k int) bool {
	return d.isWord(k) && d.isUpper(k) && !d.sentenceStart(k) && k > 0 && d.tokenText(k-1) != ":" && !d.quote[k-1]
}

// colonQuotes reports whether the colon at k, after a mention ending at b,
// may introduce the person's words: right after the name ("X: ..."), or
// further on when words start anew after it (a quotation mark, a new line,
// a capital: "X tỏ ra lo lắng: Với ..."). A colon the clause runs on from
// in lower case lists or names things ("X đổ tiền vào hai liveshow: lần
// ...").
func (s *Scorer) colonQuotes(d *doc, b, k int) bool {
	if k+1 < len(d.toks) && scoreAfterColon(d, k) {
		return false
	}
	if k > b && d.in(credits, k-1) && d.isUpper(k-1) && (k+1 >= len(d.toks) || !d.quoteOpensAt(k+1)) {
		// A caption's credit, capitalised and with no quotation after it:
		// "X và Y trong phim - Ảnh: T.F.S" ("nhớ lại qua ảnh: “...”" quotes).
		return false
	}
	if k+1 < len(d.toks) && titleColon(d, k) {
		return false
	}
	if k == b && labelColon(d, b, k) {
		return false
	}
	if _, _, verb := d.cueEndingAt(s, k, entrySpeech); !verb && fieldLineAfter(d, k) {
		// "Lịch gặp gỡ cùng cô X, Giám đốc khu vực:\nThời gian: 9h30 ...": the
		// colon opens a form's fields, a schedule or an address, not words.
		return false
	}
	if (k >= 2 && listColon.spans(d, k-2, k) || k >= 1 && listColon.spans(d, k-1, k)) && !d.quoteOpensAt(k+1) {
		// "Danh sách thành viên ... như sau:", "đánh các học sinh gồm: Em
		// A; ...": a list follows, unless a quotation does ("tài khoản X
		// viết như sau: “...”").
		return false
	}
	if k > b && !d.in(sayingNouns, k-1) && quotedItems(d, k+1) && s.countedNounBefore(d, b, k) {
		// "bị phạt 10 năm tù về 2 tội: “Buôn lậu” và “Trốn thuế”": short
		// quotations in a series after a counted noun are the items' names
		// (charges, titles), not anyone's words; after a noun of saying
		// they are ("có 3 lời khuyên: “Ăn chín”, “uống sôi”").
		return false
	}
	if k > b && !d.quoteOpensAt(k+1) && s.countedNounBefore(d, b, k) {
		// "kiểm tra tập trung 5 nội dung: Số liệu ...", "liên hệ tại các
		// địa chỉ: Cục ...": a counted or plural noun before the colon
		// announces the items that follow, not words.
		return false
	}
	if k == b || k+1 >= len(d.toks) {
		return true
	}
	switch d.tokenText(k + 1) {
	case "“", "\"", "«", "‘", "'":
		return true
	}
	if d.mention[k+1] >= 0 && !d.quote[k+1] && !d.toks[k+1].Newline {
		// A name right after the colon: a label or a roster ("... Tiền đạo:
		// Ryan Babel, ..."), not words.
		return false
	}
	if kind, end := s.gazetteerAt(d, k+1, len(d.toks)); end > k+1 && (kind == "countries" || kind == "places") &&
		end < len(d.toks) && d.tokenText(end) == "," && !d.toks[k+1].Newline {
		// A list of places after the colon ("tại ba thành phố lớn: Hà Nội,
		// Huế, TP.HCM") is where, not words.
		return false
	}
	if d.toks[k+1].Kind == vntext.Number && !d.toks[k+1].Newline {
		// A figure after the colon ("chấp nhận mức giá cao: 7 triệu đồng")
		// is what the sentence counts, not someone's words.
		return false
	}
	return d.quote[k+1] || d.toks[k+1].Newline || d.isUpper(k+1) || !d.isWord(k+1)
}

// labelColon reports a colon right after a name that labels an item, not
// the person's words: the text after it names the person again in the third
// person, as in a list of players with a line on each ("Thủ môn Lê Văn An:
// Thủ môn Văn An từng được chuyển nhượng ..."). Someone speaking does not
// name themselves at once. The last two words of the name must recur (one
// when the name is a single word) before the sentence or the line ends, and
// no quotation may open before them.
// fieldLineAfter reports a colon at token k that ends its line when the
// next line opens with a field's label: one to three words and a colon
// with no quotation after it ("Thời gian: ...", "Địa điểm: ...").
func fieldLineAfter(d *doc, k int) bool {
	if k+1 >= len(d.toks) || !d.toks[k+1].Newline {
		return false
	}
	for j := k + 1; j < len(d.toks) && j <= k+4; j++ {
		if j > k+1 && d.toks[j].Newline {
			return false
		}
		if d.tokenText(j) == ":" {
			return j > k+1 && !d.quoteOpensAt(j+1)
		}
		if !d.isWord(j) {
			return false
		}
	}
	return false
}

func labelColon(d *doc, b, k int) bool {
	if b < 1 || !d.isWord(b-1) || !d.isUpper(b-1) {
		return false
	}
	two := d.isWord(b-2) && d.isUpper(b-2) && !d.toks[b-1].Newline
	for j := k + 1; j < len(d.toks) && j <= k+12; j++ {
		if j > k+1 && d.toks[j].Newline {
			return false
		}
		switch d.tokenText(j) {
		case ".", "!", "?", "“", "\"", "«":
			return false
		}
		if d.quote[j] {
			return false
		}
		if d.isWord(j) && d.isUpper(j) && d.tokenText(j) == d.tokenText(b-1) &&
			(!two || j-1 > k && d.isUpper(j-1) && d.tokenText(j-1) == d.tokenText(b-2)) {
			return true
		}
	}
	return false
}

// listColon words before a colon open a list, not someone's words.
var listColon = foldedPhraseSet("như sau", "gồm", "bao gồm", "gồm có", "cụ thể")

// countedNounBefore reports a number or a plural word ("các", "những",
// "hai", ...) among the three tokens before the colon at k, after b, with
// only lower-case words from it to the colon: a counted noun.
func (s *Scorer) countedNounBefore(d *doc, b, k int) bool {
	for j := k - 1; j >= b && j >= k-3; j-- {
		if !d.isWord(j) && d.toks[j].Kind != vntext.Number || d.isUpper(j) && d.toks[j].Kind != vntext.Number {
			return false
		}
		if d.toks[j].Kind == vntext.Number || d.in(plurals, j) {
			return j < k-1
		}
	}
	return false
}

// foldedOr is "hoặc" (or), which joins quoted items as "và" does.
var foldedOr = vntext.FoldString("hoặc")

// sayingNouns count sayings, not things: "3 câu:", "2 lời khuyên:", "mấy chữ:".
var sayingNouns = foldedWords("câu", "lời", "ý", "điều", "khuyên", "nhắn", "chữ", "từ", "hiệu")

// quotedItems reports a series of short quotations opening at o: one of
// at most six words, closed, then a comma, "và" or "hoặc" and another
// quotation ("“Giết người”, “Cướp tài sản”", "“A” và “B”").
func quotedItems(d *doc, o int) bool {
	if !d.quoteOpensAt(o) {
		return false
	}
	words := 0
	j := o + 1
	for ; j < len(d.toks) && words <= 6; j++ {
		if d.toks[j].Newline {
			return false
		}
		switch d.tokenText(j) {
		case "”", "\"", "»":
			if words == 0 || j+2 >= len(d.toks) {
				return false
			}
			if t := d.tokenText(j + 1); t == "," || t == foldedAnd || t == foldedOr {
				return d.quoteOpensAt(j + 2)
			}
			return false
		}
		if d.isWord(j) {
			words++
		}
	}
	return false
}

// credits end a photo caption with its source after a colon ("- Ảnh:
// T.F.S", "Nguồn: Reuters"): no words of the people the caption names.
// The words compare folded; the caller wants the capital.
var credits = foldedWords("ảnh", "nguồn", "video", "clip", "họa")

// titleColon reports a colon inside the title of a film, show, game or
// book: glued to a capitalised word (or a numeral) and followed by words in
// title case, "Spider-Man: No Way Home", "Avengers: Civil War", "NCIS: New
// Orleans", "Hiên Viên Kiếm: Thiên Chi Ngân". A quotation after a colon
// starts as a sentence does, with one capital: "Ông Minh nhấn mạnh: Trước
// tiên ...".
func titleColon(d *doc, k int) bool {
	if k == 0 || d.toks[k].Space || k+1 >= len(d.toks) || d.toks[k+1].Newline {
		return false
	}
	if !(d.isWord(k-1) && d.isUpper(k-1)) && d.toks[k-1].Kind != vntext.Number {
		return false
	}
	if !d.isWord(k+1) || !d.isUpper(k+1) {
		return false
	}
	if k+2 >= len(d.toks) || d.toks[k+2].Newline {
		return false
	}
	if d.isWord(k + 2) {
		return d.isUpper(k + 2)
	}
	// One word, then a comma or a bracket: "A Shaun the Sheep Movie:
	// Farmageddon, Wolfwalkers".
	t := d.tokenText(k + 2)
	return !d.vietnamese(k+1) && (t == "," || t == "(" || t == ")" || t == ";")
}

// scoreAfterColon reports a colon that gives a figure, not words: a number
// right after it and the line ending within a few tokens, as in a ranking
// or a table ("1. Nguyễn Văn A (cờ vua, Hà Nội): 1.288 điểm", "Trần B: 2
// bàn").
func scoreAfterColon(d *doc, k int) bool {
	if d.toks[k+1].Kind != vntext.Number {
		return false
	}
	for j := k + 2; j < len(d.toks) && j <= k+6; j++ {
		if d.toks[j].Newline {
			return true
		}
	}
	return k+6 >= len(d.toks)
}

// compoundDash reports a dash at token k between two small words of one
// name ("lịch sử - văn hóa", "thương binh - xã hội"), not a dash that closes
// an appositive before its verb ("X - Giám đốc Sở - cho biết").
func (s *Scorer) compoundDash(d *doc, k int) bool {
	if k == 0 || k+1 >= len(d.toks) || !d.isWord(k-1) || !d.isWord(k+1) || d.isUpper(k+1) {
		return false
	}
	if _, _, ok := d.cueAt(s, k+1, entrySpeech); ok {
		return false
	}
	_, _, ok := d.cueAt(s, k+1, entryAdverb)
	return !ok
}

// appositiveGoesOn reports what continues the name of an office after a
// comma inside an appositive: a capitalised word that starts no person's
// name, or a word that places the office ("thuộc", "trực thuộc").
func (s *Scorer) appositiveGoesOn(d *doc, k int) bool {
	if k >= len(d.toks) || d.mention[k] >= 0 {
		return false
	}
	if d.in(officeLinks, k) {
		return true
	}
	return d.isWord(k) && d.isUpper(k) && !s.startsName(d, k) && !s.titleSoon(d, k)
}

// detailsOfName reports a closing bracket at p whose opening bracket comes
// right after a person's name: "Jim Macnamara (Úc)".
func detailsOfName(d *doc, p int) bool {
	if p < 0 || d.tokenText(p) != ")" {
		return false
	}
	for j := p - 1; j > 0 && p-j < 12; j-- {
		if d.tokenText(j) == "(" {
			return d.mention[j-1] >= 0
		}
	}
	return false
}

// bodySubjectKinds are the gazetteer kinds that speak as bodies: a
// country, an organisation, a medium, a club, a company.
var bodySubjectKinds = map[string]bool{"countries": true, "organisations": true, "media": true, "clubs": true, "brands": true}

// bodySubject reports a country or an organisation at token k, written
// with a capital and followed by a word of the same clause: the subject of
// a new clause ("..., Indonesia đã kêu gọi", "..., Bộ Ngoại giao cho
// biết"), not an appositive ("ông A, Bộ Y tế, cho biết"). The clause
// before the comma ends in a lower-case word or a number and names no
// office or other person after self (no title, no capitalised word): "Tiến sĩ X của Viện Y, Na Uy
// cho rằng" places Y.
func (s *Scorer) bodySubject(d *doc, k int, self int32) bool {
	if k < 2 || k >= len(d.toks) || !d.isWord(k) || !d.isUpper(k) || d.mention[k] >= 0 || s.startsName(d, k) {
		return false
	}
	if p := k - 2; !detailsOfName(d, p) && (d.isUpper(p) || d.mention[p] >= 0 || !d.isWord(p) && d.toks[p].Kind != vntext.Number) {
		// "nhà cổ sinh vật học X thuộc Đại học Carleton, Canada cho biết":
		// after a name, the country places the office before it. After the
		// name's details in brackets a body opens a clause: "X (Úc), Ban
		// biên tập đã đề nghị ...".
		return false
	}
	for j := k - 2; j >= 0 && !detailsOfName(d, k-2) && d.mention[j] != self && d.sent[j] == d.sent[k]; j-- {
		if t := d.tokenText(j); t == "," || t == "(" || t == ":" || t == "-" || t == "–" {
			break
		}
		if kind, end := s.gazetteerAt(d, j, k); end > j && (kind == "places" || kind == "countries") && !d.isUpper(j-1) {
			continue // "đến dự hội nghị tại Jakarta hôm qua, Indonesia ...": where it happened
		}
		if _, _, ok := d.cueAt(s, j, entryTitle); ok || d.mention[j] >= 0 || d.isWord(j) && d.isUpper(j) && !d.sentenceStart(j) {
			// "Tiến sĩ X của Viện Nghiên cứu Hải dương, Na Uy cũng cho rằng":
			// a place after an office named in the clause places it.
			return false
		}
	}
	e := 0
	if kind, end := s.gazetteerAt(d, k, len(d.toks)); end > k && bodySubjectKinds[kind] {
		e = end
	} else if _, end, ok := d.cueAt(s, k, entryOrgBefore); ok {
		e = end
		for e < len(d.toks) && d.isWord(e) && d.isUpper(e) && d.mention[e] < 0 {
			e++
		}
	}
	if e == 0 || e >= len(d.toks) || d.toks[e].Newline || d.sent[e] != d.sent[k] {
		return false
	}
	return d.isWord(e) && !d.isUpper(e)
}

// officeLinks place an office within another after a comma.
var officeLinks = foldedWords("thuộc", "trực thuộc")

// causatives open a clause with a subject of its own ("khiến nhiều người
// cho rằng"), and genericSubjects are such subjects: whoever speaks after
// them is not the person named before. The speaker's "tôi" and a plural
// "họ" are too: in "các anh X, Y khi nghe tôi nói ... đều ủng hộ" the one
// speaking is the interviewee, not X or Y.
var (
	causatives = foldedWords("khiến")
	// familyHeads open the family words among the references: "con gái
	// anh", "vợ ông", "chồng cô".
	familyHeads = foldedWords("con", "vợ", "chồng", "bạn", "mẹ", "bố", "cha", "người")
	// demonstrativeClauses open a clause with a demonstrative subject.
	demonstrativeClauses = foldedPhraseSet("đó là", "đây là", "điều đó", "điều này", "việc này", "chuyện này")
	genericSubjects      = foldedPhraseSet("nhiều người", "người ta", "mọi người", "không ít", "ai cũng", "dư luận", "cư dân",
		"tôi", "chúng tôi", "chúng ta", "họ")
	// mediaSubjects are the press as a whole, a subject after a comma.
	mediaSubjects = foldedPhraseSet("truyền thông", "giới truyền thông", "báo chí", "báo giới", "giới báo chí")
)

// objectPronoun reports a pronoun at token k that is the object of a
// preposition ("nhắn tin với tôi kể lại": the one who texted tells).
func objectPronoun(d *doc, k int) bool {
	return k > 0 && d.in(subjectPronouns, k) && d.in(pronounPrepositions, k-1)
}

// subjectPronouns are the pronouns among genericSubjects ("chúng tôi",
// "chúng ta" start with "chúng").
var subjectPronouns = foldedWords("tôi", "chúng", "họ")

// pronounPrepositions make the pronoun after them an object.
var pronounPrepositions = foldedWords("với", "cùng", "về", "tới", "đến", "từ", "của")

// outletWords name a newspaper or a channel before its name: "tờ Siam Sport".
var outletWords = foldedWords("tờ", "báo", "kênh", "đài", "trang")

// outletAt reports a word for an outlet at token k followed by its
// capitalised name.
func (s *Scorer) outletAt(d *doc, k int) bool {
	return d.in(outletWords, k) && d.isWord(k+1) && d.isUpper(k+1)
}

// describedAt reports a title or a role noun at token k: someone described
// ("cầu thủ này", "vị HLV").
func (s *Scorer) describedAt(d *doc, k int) bool {
	for _, kind := range []entryKind{entryTitle, entryRoleNoun} {
		if _, _, ok := d.cueAt(s, k, kind); ok {
			return true
		}
	}
	return false
}

// shareOpeners open a clause whose subject is a share of a group: "một số
// khán giả", "đa số cư dân", "hầu hết người dân".
var shareOpeners = foldedPhraseSet("một số", "một vài", "đa số", "phần lớn", "hầu hết")

// subordinators open a clause that may have a subject of its own.
var subordinators = foldedWords("khi", "lúc", "nếu", "vì", "do", "bởi")

// turns open a clause that turns against the one before ("..., nhưng anh
// khẳng định"): with a subject of its own right after, the verb is that
// subject's, not a name's before the turn.
var turns = foldedWords("nhưng")

// frontedOpeners open an adverbial clause at the head of a sentence ("Sau
// khi chia tay X, Y nói"): a name inside it is no subject of the main verb.
var frontedOpeners = foldedPhraseSet("sau khi", "trước khi", "khi", "từ khi", "kể từ khi", "trong khi", "lúc",
	"dù", "mặc dù", "tuy", "nếu", "vì", "do", "bởi", "về vụ việc", "liên quan đến", "liên quan tới")

// inFrontedPhrase reports whether the mention ending at token b lies in a
// phrase opened by a fronted opener or "để" (a purpose) at the head of its
// sentence or right after a comma, with no comma between: "Văn bản nêu rõ,
// để báo cáo về vụ việc sản phụ X tử vong, Vụ ... đề nghị".
func (s *Scorer) inFrontedPhrase(d *doc, b int) bool {
	if s.inFrontedClause(d, b) {
		return true
	}
	m := d.mention[b-1]
	a := b - 1
	for a > 0 && d.mention[a-1] == m {
		a--
	}
	for j := a - 1; j > 0 && d.sent[j] == d.sent[a]; j-- {
		t := d.tokenText(j)
		if t == ";" || t == ":" || d.quote[j] {
			return false
		}
		if d.tokenText(j-1) != "," && !d.sentenceStart(j) {
			continue
		}
		if t == foldedFor {
			return true
		}
		for _, ws := range frontedOpeners.byFirst[t] {
			if frontedOpeners.spans(d, j, j+len(ws)) && j+len(ws) < a {
				return true
			}
		}
		return false
	}
	return false
}

// innerDash reports a dash at token j inside a line, between two words
// of one name ("Bà mẹ - Trẻ em"), not one opening a line of dialogue.
func innerDash(d *doc, j int) bool {
	if j < 1 || d.toks[j].Newline || d.toks[j-1].Newline && j-1 == 0 || !d.isWord(j-1) {
		return false
	}
	t := d.tokenText(j)
	return t == "-" || t == "–"
}

// foldedFor is "để" (in order to) as the folded text reads it.
var foldedFor = vntext.FoldString("để")

// orgOpensAt reports a capitalised organisation opening at token k: a word
// that makes the run after it an organisation ("Sở Y tế", "Vụ Pháp chế",
// "Bệnh viện Bạch Mai"), followed by a capitalised word.
func (s *Scorer) orgOpensAt(d *doc, k int) bool {
	if k >= len(d.toks) || !d.isWord(k) || !d.isUpper(k) || d.mention[k] >= 0 {
		return false
	}
	_, end, ok := d.cueAt(s, k, entryOrgBefore)
	return ok && end < len(d.toks) && d.isWord(end) && d.isUpper(end)
}

// orgNounAt reports a common noun at token k that names a place or an
// organisation ("công ty", "hãng", "đội").
func (s *Scorer) orgNounAt(d *doc, k int) bool {
	_, _, ok := d.cueAt(s, k, entryOrgBefore)
	return ok
}

// inFrontedClause reports whether the mention ending at token b lies in a
// clause a fronted opener starts at the head of its sentence, with no
// comma between them, and not at its very start.
func (s *Scorer) inFrontedClause(d *doc, b int) bool {
	m := d.mention[b-1]
	a := b - 1
	for a > 0 && d.mention[a-1] == m {
		a--
	}
	for j := a - 1; j >= 0 && d.sent[j] == d.sent[a]; j-- {
		t := d.tokenText(j)
		if t == "," || t == ";" || t == ":" || d.quote[j] {
			return false
		}
		if d.sentenceStart(j) {
			for _, ws := range frontedOpeners.byFirst[t] {
				if frontedOpeners.spans(d, j, j+len(ws)) && j+len(ws) < a {
					return true
				}
			}
			return false
		}
	}
	return false
}

// objectOfOpeningVerb reports the mention ending at token b as the object
// of a verb phrase opening its sentence ("Chê bai X, Y tuyên bố", "Gặp lại
// X, Y cho biết"): two or more plain lower-case words before the name and
// its titles, none a person word, a name, a count ("Hai", "Các") or a
// comma. The name after the comma is the subject, not a second one of a
// list.
func (s *Scorer) objectOfOpeningVerb(d *doc, b int) bool {
	m := d.mention[b-1]
	a := b - 1
	for a > 0 && d.mention[a-1] == m {
		a--
	}
	ts := s.titlesStart(d, a)
	words := 0
	for j := ts - 1; j >= 0 && d.sent[j] == d.sent[a]; j-- {
		if !d.isWord(j) || d.quote[j] || d.mention[j] >= 0 || d.in(countWords, j) || d.toks[j].Kind == vntext.Number ||
			s.subjectAt(d, j) {
			return false
		}
		words++
		if d.sentenceStart(j) {
			return words >= 2
		}
		if d.isUpper(j) {
			return false // a capitalised word inside the sentence: a name
		}
	}
	return false
}

// subjectAt reports a person word at token k that can be a clause's
// subject: an honorific, a reference ("con trai bà", "cô"), an unnamed
// source, a gendered role noun or a title.
func (s *Scorer) subjectAt(d *doc, k int) bool {
	for _, kind := range []entryKind{entryHonorific, entryReference, entrySource, entryRoleNoun, entryTitle, entryPossessive} {
		if _, _, ok := d.cueAt(s, k, kind); ok {
			return true
		}
	}
	return false
}

// coordinatedWith reports what may follow "và" inside one subject or
// predicate: a name, a person word ("và chồng"), or a speech verb ("và
// cho biết").
func (s *Scorer) coordinatedWith(d *doc, k int) bool {
	if k >= len(d.toks) {
		return false
	}
	if d.mention[k] >= 0 || d.isUpper(k) {
		return true
	}
	for _, kind := range []entryKind{entryHonorific, entryReference, entrySource, entryPossessive, entryTitle, entryRoleNoun} {
		if _, _, ok := d.cueAt(s, k, kind); ok {
			return true
		}
	}
	if _, end, ok := d.cueAt(s, k, entryAdverb); ok {
		k = end
	}
	_, _, ok := d.cueAt(s, k, entrySpeech)
	return ok
}

// notOnly open "not only ... (but also)": the verb after it happened.
var notOnly = foldedPhraseSet("không chỉ", "không những", "chẳng những", "không riêng")

// negators before a verb say the act did not happen: "không lên tiếng
// thừa nhận", "từ chối trả lời", "rất ít khi chia sẻ".
var negators = foldedPhraseSet("không", "chưa", "chẳng", "chả", "chối", "không hề", "chưa hề", "chưa từng", "không muốn",
	"ít khi", "hiếm khi",
	// never, however far an adverb then pushes the verb: "chưa bao giờ
	// chính thức xác nhận"
	"chưa bao giờ", "không bao giờ", "chẳng bao giờ",
	// advice and wishes: "Lâm nên nói rõ với bạn gái", "hãy chia sẻ", "đừng
	// nói": what someone should say, not what they said
	"nên", "hãy", "đừng")

// negated reports a negation right before the verb at token k.
func (s *Scorer) negated(d *doc, k int) bool {
	if askedAbout(d, k) {
		return true
	}
	if k > 1 && d.tokenText(k-1) == foldedMa {
		// "không vì thế mà phủ định", "chẳng phải vì vậy mà khẳng định": a
		// negator before a reason and "mà" negates the verb after it.
		for j := k - 2; j >= 0 && j >= k-6 && d.isWord(j); j-- {
			if negators.spans(d, j, j+1) {
				return true
			}
		}
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if !d.isWord(j) {
			return false
		}
		if notOnly.spans(d, j, j+2) && j+2 <= k {
			return false // "không chỉ trả lời", "không những khẳng định ... mà còn"
		}
		if negators.spans(d, j, j+1) || negators.spans(d, j-1, j+1) || j >= 2 && negators.spans(d, j-2, j+1) {
			return true // "không", "ít khi", "chưa bao giờ"
		}
	}
	if k > 0 && d.in(orWords, k-1) {
		// "không xuất hiện cùng nhau hay chia sẻ ...": "hay" or "hoặc"
		// after a negated verb goes on with the negation.
		for j := k - 2; j >= 0 && j >= k-14 && d.sent[j] == d.sent[k]; j-- {
			if t := d.tokenText(j); t == "," || t == ";" || !d.isWord(j) {
				return false
			}
			if negators.spans(d, j, j+1) || negators.spans(d, j-1, j+1) {
				return true
			}
		}
	}
	return false
}

// askedAbout reports a speech verb at token k that an interviewer's
// question asks the person to use: "Ông đánh giá thế nào về trận đấu tới?",
// "X đánh giá ra sao về đối thủ?". An interrogative ("sao", "thế nào")
// follows within a few words and the sentence ends with a question mark
// before any colon or quotation: the words are the reporter's.
func askedAbout(d *doc, k int) bool {
	asked := false
	for j := k + 1; j < len(d.toks) && d.sent[j] == d.sent[k]; j++ {
		switch t := d.tokenText(j); {
		case t == "?":
			return asked
		case t == ":" || d.quote[j] || quoteOpener(t):
			return false
		case j <= k+8 && (t == interrogSao || t == interrogNao && d.tokenText(j-1) == interrogThe):
			asked = true
		}
	}
	return false
}

// foldedMa is "mà", which after a negated reason carries the negation on.
var foldedMa = vntext.FoldString("mà")

// The interrogatives of askedAbout, folded: "ra sao", "(như) thế nào".
var (
	interrogSao = vntext.FoldString("sao")
	interrogNao = vntext.FoldString("nào")
	interrogThe = vntext.FoldString("thế")
)

// orWords join a verb to the one before as an alternative.
var orWords = foldedWords("hay", "hoặc")

// verbCoordinated reports "và" (adverbs allowed) then a speech verb at
// token k: a second verb of the clause's subject.
func (s *Scorer) verbCoordinated(d *doc, k int) bool {
	if k >= len(d.toks) || d.tokenText(k) != s.words.va {
		return false
	}
	k++
	if _, end, ok := d.cueAt(s, k, entryAdverb); ok {
		k = end
	}
	_, _, ok := d.cueAt(s, k, entrySpeech)
	return ok
}

// listed reports whether the mention at token k is coordinated with the
// name before it ("X, Y và Z"): only a comma, "và", "cùng" or an ellipsis
// stand between.
func (s *Scorer) listed(d *doc, k int) bool {
	if k == 0 || d.mention[k-1] == d.mention[k] {
		return true // inside the same mention
	}
	j := k - 1
	limit := k - 6
	joined, paren := false, false
	for j >= 0 && j >= limit && d.mention[j] < 0 {
		switch t := d.tokenText(j); t {
		case ";", s.words.va, s.words.cung, s.words.voi, s.words.ca:
			joined = true
			j--
			continue
		case ",", "…", ".":
			j--
			continue
		case ")":
			// The details of the name before, in parentheses: "Lê Xuân Q.
			// (huyện Thanh Trì); Nguyễn Văn H. và ... khai".
			paren = true
			o := j - 1
			for o >= 0 && o > j-25 && d.tokenText(o) != "(" && d.sent[o] == d.sent[k] {
				o--
			}
			if o < 0 || d.tokenText(o) != "(" {
				return false
			}
			limit -= j - o + 1
			j = o - 1
			continue
		}
		moved := false
		for _, kind := range []entryKind{entryHonorific, entryTitle, entryRoleNoun} {
			if _, st, ok := d.cueEndingAt(s, j+1, kind); ok {
				j, moved = st-1, true
				break
			}
		}
		if e, st, ok := d.cueEndingAt(s, j+1, entryGazetteer); !moved && ok && (e.tag == "countries" || e.tag == "places") {
			// "X và Tổng thống Mỹ Y cam kết": the country between the
			// title and the name.
			j, moved = st-1, true
		}
		if !moved {
			return false
		}
	}
	if j < 0 || d.mention[j] < 0 {
		return false
	}
	if paren && !joined {
		// "X (30 tuổi), Y (25 tuổi) khai" lists the suspects when X opens
		// the clause; "Sau khi bắt X (30 tuổi), trung tá Y cho biết" makes
		// X an object, with only a comma before Y.
		a := j
		for a > 0 && d.mention[a-1] == d.mention[j] {
			a--
		}
		return clauseOpens(d, s.titlesStart(d, a))
	}
	return true
}

// onlyAsides reports that the tokens [b, k) are parenthesised asides only
// (or none): the details of a name ("X (30 tuổi, trú tại ...)").
func onlyAsides(d *doc, b, k int) bool {
	depth := 0
	for j := b; j < k; j++ {
		switch d.tokenText(j) {
		case "(":
			depth++
		case ")":
			if depth == 0 {
				return false
			}
			depth--
		default:
			if depth == 0 {
				return false
			}
		}
	}
	return depth == 0
}

// skipCues returns the first token from k that is not part of an honorific,
// title or role noun.
func (s *Scorer) skipCues(d *doc, k int) int {
	for moved := true; moved && k < len(d.toks); {
		moved = false
		for _, kind := range []entryKind{entryHonorific, entryTitle, entryRoleNoun} {
			if _, end, ok := d.cueAt(s, k, kind); ok {
				k, moved = end, true
				break
			}
		}
	}
	return k
}

// quoteDashBefore reports "“...” - X": a dash before the name right after a
// quotation. It returns the dash's token.
func (d *doc) quoteDashBefore(a int) (int, bool) {
	if a < 2 {
		return 0, false
	}
	switch d.tokenText(a - 1) {
	case "-", "–", "—":
	default:
		return 0, false
	}
	switch d.tokenText(a - 2) {
	case "”", "\"", "»", "’":
		// Not a short name in quotation marks inside a sentence: "điều
		// hành “phòng chat X” - Moon, 24 tuổi, ..." names what Moon ran.
		return a - 1, d.speechQuotation(a - 2)
	}
	return 0, false
}

// anaphora attributes "“...”, ông nói", "bà đỡ liền nói", "Anh bức xúc:
// “...”" to the person the pronoun or description refers to: the person
// introduced with that very description, else the nearest person of its
// gender, else the nearest person of unknown gender.
func (s *Scorer) anaphora(d *doc) {
	const opens = 1<<entryReference | 1<<entryHonorific | 1<<entryRoleNoun
	for k := 0; k < len(d.toks); k++ {
		if d.startKinds[k]&opens == 0 || d.quote[k] || d.mention[k] >= 0 {
			continue // no cue starts here
		}
		e, end, ok := d.cueAt(s, k, entryReference)
		if !ok {
			if e, end, ok = d.cueAt(s, k, entryHonorific); !ok {
				if e, end, ok = d.cueAt(s, k, entryRoleNoun); !ok {
					continue
				}
			}
		}
		if re, rend, rok := d.cueAt(s, k, entryRoleNoun); rok && rend > end && (re.gender == female || re.gender == male) {
			// The longer description: "nàng hậu" (a beauty queen), not "nàng".
			e, end = re, rend
		}
		if e.kind == entryRoleNoun && (e.gender == female || e.gender == male) && end < len(d.toks) && d.isUpper(end) &&
			d.mention[end] < 0 {
			// "người đẹp Vĩnh Long", "nữ ca sĩ Hàn Quốc": where the person is
			// from, not a name.
			if kind, pend := s.gazetteerAt(d, end, len(d.toks)); pend > end && (kind == "countries" || kind == "places") {
				end = pend
			}
		}
		if end >= len(d.toks) || d.isWord(end) && d.isUpper(end) {
			continue // a name follows: not an anaphor
		}
		if d.properNoun(k) {
			continue
		}
		if k > 1 && !d.sentenceStart(k) && !d.isUpper(k) && d.isWord(k-1) && d.isUpper(k-1) && d.mention[k-1] < 0 &&
			d.sent[k-1] == d.sent[k] && (!d.sentenceStart(k-1) || innerDash(d, k-2)) {
			// "Vụ Sức khỏe Bà mẹ - Trẻ em đề nghị": a lower-case word after a
			// capitalised one mid-sentence ends the name of an office; no
			// pronoun ("Rồi chị nói" opens a sentence).
			continue
		}
		if (e.gender == female || e.gender == male) && end-k == 1 && end < len(d.toks) {
			// "Cô ca sĩ này cho biết", "anh diễn viên này chia sẻ": a
			// pronoun, an occupation and "này" point back to the person named
			// with it.
			if _, tend, ok := d.cueAt(s, end, entryTitle); ok && tend < len(d.toks) && d.tokenText(tend) == foldedThis {
				end = tend
			}
		}
		if d.tokenText(end) == foldedThis {
			// "Ông này thừa nhận", "Nữ diễn viên này cho biết": the
			// demonstrative points back to the person just named.
			end++
		}
		if _, _, ok := d.cueEndingAt(s, k, entryPossessive); ok || s.possessorOfKin(d, k) {
			continue // "con trai bà kể lại", "quản lý của nam ca sĩ cho biết": the son, the manager speaks
		}
		if e.kind == entryReference && end-k >= 2 && d.in(familyHeads, k) {
			continue // a family word ("con trai bà", "vợ anh") names the relative, who speaks
		}
		if d.pluralBefore(s, k) || k > 0 && d.toks[k-1].Kind == vntext.Number {
			continue // "hai nữ sinh tố cáo", "các bà mẹ chia sẻ": a group
		}
		if k > 0 && d.tokenText(k-1) == foldedBy {
			continue // "ca khúc ... do cô trình bày": the agent of a passive sings, says nothing
		}
		if k > 0 && d.tokenText(k-1) == s.words.cua && !d.sentenceStart(k) {
			// "những phẩm chất nổi bật của anh: kỹ thuật ...": the pronoun
			// owns what comes before; the colon lists it, nobody speaks.
			continue
		}
		if s.reportOpensAt(d, k) {
			// "Ngoại trưởng Ukraine tiết lộ rằng ông đã hối thúc ...": the
			// pronoun opens what the speaker before it reports, and is that
			// speaker; its verb quotes no one else.
			continue
		}
		if e.kind == entryReference && e.gender != female && e.gender != male && !d.sentenceStart(k) && (k == 0 || d.tokenText(k-1) != ",") &&
			!s.adverbAfterComma(d, k) &&
			!(reportFrames.endingAt(d, k) > 0 && d.sentenceStart(k-reportFrames.endingAt(d, k))) {
			// "vị này" refers back only opening a sentence or a clause after a
			// fronted phrase ("Tại cơ quan điều tra, đối tượng này khai nhận"):
			// "Đơn vị này cho rằng" is no person.
			continue
		}
		v, vend, ok := s.verbAfterSubject(d, end)
		long := false // the verb is a colon closing a long sentence: weaker, so the referent must be near
		if !ok && e.kind == entryRoleNoun {
			// "Người đẹp sinh năm 1997 từng chia sẻ": a description may carry a
			// short modifier before its verb.
			v, vend, ok = s.verbAfterModifier(d, end)
		}
		if !ok && (e.gender == female || e.gender == male) {
			v, vend, ok = s.verbAfterCoordination(d, end)
		}
		if !ok && e.kind == entryRoleNoun && (e.gender == female || e.gender == male) {
			// "Nữ ca sĩ “Mưa chiều” chia sẻ", "mỹ nhân “Vô cực” cho biết": the
			// star is called by the title of her work, in quotation marks.
			if t := workTitleAfter(d, end); t > end {
				v, vend, ok = s.verbAfterSubject(d, t)
			}
		}
		if !ok && (e.gender == female || e.gender == male) && end < len(d.toks) && d.tokenText(end) == "," && s.theoBefore(d, k) &&
			!d.asksQuestion(k) {
			// "Theo cô, đây là bộ ảnh đẹp nhất", "Theo nam ca sĩ, ...": the
			// account is the referent's, as "Theo X, ..." is X's; not an
			// interviewer's question ("Theo ông, đội có cần thay đổi?").
			v, vend, ok = end, end, true
		}
		if !ok && (e.gender == female || e.gender == male) && d.sentenceStart(k) {
			// "Ông nhìn tấm ảnh rồi quay sang tôi: “...”": a pronoun opening a
			// sentence that ends with a colon opening a quotation speaks it,
			// as a name does (colonClosesSentence).
			if c := s.colonClosesSentence(d, -1, k, end); c >= 0 {
				v, vend, ok, long = c, c+1, true, true
			}
		}
		if !ok {
			continue
		}
		if d.tokenText(v) == ":" && v+1 < len(d.toks) && d.mention[v+1] >= 0 && !d.toks[v+1].Newline {
			continue // a label naming someone: "Nữ diễn viên chính xuất sắc: Kate Hudson"
		}
		if e.kind == entryRoleNoun && k > 1 && d.tokenText(k-1) == s.words.mot &&
			(d.tokenText(k-2) == s.words.duoc || d.tokenText(k-2) == s.words.bi) {
			continue // "được một nữ sinh ghi lại và chia sẻ": someone new, a passive's agent, not the woman named before
		}
		if e.kind == entryRoleNoun && (e.gender == female || e.gender == male) && k > 0 && d.tokenText(k-1) == s.words.mot &&
			!d.pluralBefore(s, k-1) && s.bringsIn(d, k-1) {
			// "một hotgirl mạng xã hội bất ngờ hé lộ": "một" brings in
			// someone new, unnamed, not the woman named before (not "X, một
			// cô giáo ...", "vốn là một nữ nghệ sĩ", "được một nữ sinh ghi
			// lại": who X is, and a passive's agent).
			descEnd := v // the modifiers run to the verb ("một hotgirl mạng xã hội"), not its adverb ("bất ngờ")
			for descEnd > end {
				_, st, ok := d.cueEndingAt(s, descEnd, entryAdverb)
				if !ok || st >= descEnd || st < end {
					break
				}
				descEnd = st
			}
			if descEnd > end && !d.isWord(descEnd-1) {
				descEnd = end
			}
			s.addQuotedSource(d, *e, k-1, end, descEnd, v, cueSpeechVerb, v, vend)
			k = v
			continue
		}
		desc := d.joined(k, end)
		pi := -1
		if len(vntext.Tokens(desc)) > 1 {
			pi = s.introducedAs(d, desc, k)
		}
		if pi < 0 && e.kind == entryRoleNoun && end-k >= 2 {
			// "T. kể, một nữ đương sự ... Vừa thấy thư ký, nữ đương sự liền
			// giả lả: “...”": the role noun repeats the one "một" brought
			// in a few sentences before, whoever is named between.
			if j, jend, ok := s.indefiniteRepeated(d, k, end); ok {
				s.addAnaphorSource(d, entry{kind: entrySource, gender: e.gender}, j, jend, k, v, vend)
				k = v
				continue
			}
		}
		if pi < 0 {
			// "... lời thuật lại của một phụ nữ. Chị này cho biết": the
			// anaphor refers to the unnamed person just introduced.
			if j, jend, src, ok := s.indefiniteBefore(d, k, e.gender); ok {
				s.addSource(d, src, j, jend, jend, v)
				p := d.people[len(d.people)-1]
				p.quoteBy = d.cueOf("quoted", cueAnaphor, "", k, vend)
				anaphorGender(d, p, src, *e, k, end)
				k = v
				continue
			}
		}
		if pi < 0 && k > 0 && d.in(turns, k-1) {
			// "X đóng thế cho Y, Z... nhưng anh khẳng định": the pronoun after
			// the turn takes up the subject the sentence opens with, not the
			// names the first clause is about.
			pi = s.openingSubject(d, k, e.gender)
		}
		if pi < 0 {
			if j, jend, src, ok := s.parentBefore(d, k, end, e.gender); ok {
				s.addAnaphorSource(d, src, j, jend, k, v, vend)
				k = v
				continue
			}
		}
		if pi < 0 && (e.gender == female || e.gender == male) {
			// "Giáo sư X ... cho rằng ... “...”, ông nói": a pronoun right
			// after a quotation is the one person the paragraph named before
			// it, however long the quotation.
			pi = s.paragraphSpeaker(d, k, e.gender)
		}
		fallback, object, at := -1, -1, -1
		subject, subjectAt := -1, -1 // the nearest person of unknown gender who opens their sentence
		// The words of a quotation the pronoun closes ("“...” - chị kể",
		// "“...”, ông nói") do not count against the reach back to its referent, as long
		// as no one nearer may be it (someone of unknown gender or an object
		// found within the usual reach is still preferred to someone of the
		// pronoun's gender further back).
		lo := k - 120
		if k > 1 && d.quote[k-2] && !d.quote[k-1] && (d.tokenText(k-1) == "," || d.tokenText(k-1) == "-" || d.tokenText(k-1) == "–") {
			for j := k - 1; j >= 0 && j >= lo; j-- {
				if d.quote[j] {
					lo--
				}
			}
		}
		for j := k - 1; j >= 0 && (j >= k-120 || j >= lo && fallback < 0 && object < 0) && pi < 0; j-- {
			m := d.mention[j]
			switch {
			case m < 0:
			case d.people[m].unnamed:
				if e.kind == entryRoleNoun && e.gender != unknown && d.people[m].gender == e.gender && s.sameHead(d, k, end, d.people[m]) {
					// "Mẹ em H. kể lại ... Người mẹ nghẹn ngào: “...”": the role
					// noun takes up the unnamed mother just described, not H.
					pi, at = int(m), j
				}
			case d.quote[j]:
				// "“... ý kiến của Charlie ...”, ông cho hay": a person named
				// inside the words is spoken of; the pronoun is their speaker.
			case (e.gender == unknown || d.people[m].gender == e.gender) && (d.sentenceStart(k) || afterSentenceAdverb(d, k) ||
				k > 0 && d.tokenText(k-1) == "," && d.sent[j] == d.sent[k] && subjectBefore(d, j, e.gender)) && s.objectMention(d, j):
				// "X đến chúc mừng nhạc sĩ Y. Anh thừa nhận ...", "... có sự tham
				// gia của NSND Y. Chị nói": a pronoun opening a sentence takes up
				// the subject before, not the object; so does one opening a
				// clause of the same sentence ("X cho biết trong cuộc gặp với Y
				// tuần trước, ông đã yêu cầu ...").
				if object < 0 {
					object = int(m)
				}
			case e.kind == entryHonorific && e.gender == unknown && childIntros.has(e.key) && end-k == 1 &&
				!slices.ContainsFunc(d.people[m].intro, childIntros.has):
				// "Bà C. gặng hỏi thì cháu kể ...": a child's word takes up
				// the child the story introduced so ("cháu N."), not the
				// adult named nearer; an adult only when no child is near.
				if fallback < 0 {
					fallback = int(m)
				}
			case (e.gender == unknown || d.people[m].gender == e.gender) && d.inParens(j):
				// "X (em dâu bà Y) luôn tay ..., bà nói": a person named in an
				// aside is no subject; the pronoun takes up X if X fits.
				if object < 0 {
					object = int(m)
				}
			case e.gender == unknown || d.people[m].gender == e.gender:
				pi, at = int(m), j
			case d.people[m].gender == unknown || e.kind == entryRoleNoun && e.gender != unknown && tableOnly(d.people[m]):
				// Of unknown gender, or of the other by a name table alone:
				// "Nguyễn Ánh Ngà ... Nam thanh niên khai": the text's own
				// description outweighs the table's guess at the given name.
				if fallback < 0 {
					fallback = int(m)
				}
				if subject < 0 && s.openingSubject(d, j, unknown) == int(m) {
					subject, subjectAt = int(m), j
				}
			}
			if pi < 0 && j > 0 && d.mention[j-1] == m {
				for j > 0 && d.mention[j-1] == m {
					j-- // one mention is one candidate
				}
			}
		}
		if pi < 0 && object < 0 && fallback < 0 {
			// "Tôi về quê thăm ông nội. Ông nói: “...”": no one is named, and
			// the pronoun repeats the head of a description of a relative
			// or a person just brought in: the words are that person's.
			if j, jend, src, ok := s.headedBefore(d, k, end, e.gender); ok {
				s.addAnaphorSource(d, src, j, jend, k, v, vend)
				k = v
				continue
			}
		}
		if long && at >= 0 && d.sent[at] < d.sent[k]-2 || long && pi < 0 {
			continue // someone named sentences back, or of another gender, is no sure referent
		}
		if subject >= 0 && d.sent[subjectAt] >= d.sent[k]-1 && d.sentenceStart(k) &&
			(pi < 0 && object >= 0 || pi >= 0 && d.sent[at] < d.sent[subjectAt]) {
			// "Nhà văn X rất hài lòng với vai diễn của Y. Ông tâm sự": a
			// pronoun opening a sentence takes up the subject of the one
			// before, of no known gender, rather than an object of its own
			// gender or someone of its gender named sentences back.
			pi = subject
		}
		if pi < 0 {
			pi = object
		}
		if pi < 0 {
			pi = fallback
		}
		if pi < 0 {
			continue
		}
		p := d.people[pi]
		if !p.quoted {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, vend)
		}
		if e.gender == female || e.gender == male {
			p.gcues = append(p.gcues, genderCue{tierReference, e.gender, d.cueOf("gender", cueReference, e.gender, k, end)})
		}
		k = v
	}
}

// tableOnly reports a person whose gender rests on name tables alone.
func tableOnly(p *person) bool {
	for _, c := range p.gcues {
		if c.tier != tierTable {
			return false
		}
	}
	return len(p.gcues) > 0
}

// reportFrames open a sentence before its subject, with or without a
// comma: "Được biết nghi phạm này khai ...".
var reportFrames = foldedPhraseSet("được biết", "theo đó", "cũng theo đó")

// paragraphSpeaker returns, for a pronoun of the given gender at token k
// right after a quotation and a comma or dash, the one named person
// mentioned outside quotations between the start of the line and the
// quotation, of that gender or of none known; -1 otherwise.
func (s *Scorer) paragraphSpeaker(d *doc, k int, gender string) int {
	c := d.quotationBefore(k)
	if c < 0 {
		return -1
	}
	open := c
	for open > 0 && d.quote[open-1] {
		open--
	}
	found := -1
	for j := open - 1; j >= 0; j-- {
		if m := d.mention[j]; m >= 0 && !d.quote[j] && !d.people[m].unnamed {
			g := d.people[m].gender
			if g == "" {
				g = s.honorificGender(d, d.people[m]) // genders are decided after this stage
			}
			switch {
			case found == int(m):
			case found >= 0 || g != "" && g != unknown && g != gender:
				return -1
			default:
				found = int(m)
			}
		}
		if d.toks[j].Newline {
			break
		}
	}
	return found
}

// reportOpensAt reports a token k right after a speech verb and "rằng"
// ("tiết lộ rằng", "cho biết rằng"): the start of the reported words.
func (s *Scorer) reportOpensAt(d *doc, k int) bool {
	if k < 2 || d.tokenText(k-1) != s.words.rang {
		return false
	}
	_, _, ok := d.cueEndingAt(s, k-1, entrySpeech)
	if !ok {
		_, _, ok = d.cueEndingAt(s, k, entrySpeech) // "tiết lộ rằng" is one entry
	}
	return ok
}

// subjectBefore reports a named person of the given gender (or any, for
// unknown) before the mention at token j in its sentence: the subject a
// pronoun later in the sentence takes up rather than the object at j.
func subjectBefore(d *doc, j int, gender string) bool {
	m := d.mention[j]
	for i := j - 1; i >= 0 && d.sent[i] == d.sent[j]; i-- {
		o := d.mention[i]
		if o < 0 || o == m || d.quote[i] || d.people[o].unnamed {
			continue
		}
		if gender == unknown || d.people[o].gender == gender {
			return true
		}
	}
	return false
}

// titleAfterQuotation attributes "“...”, người mẫu chia sẻ" to the person
// the title was given to: a title with no name, right after a quotation and
// before its speech verb (a few words between: "người mẫu sinh năm 1990"),
// speaks for the nearest person named before the quotation, in its
// sentence or the three before, when they were introduced with that title.
func (s *Scorer) titleAfterQuotation(d *doc) {
	for k := 2; k < len(d.toks); k++ {
		if d.startKinds[k]&(1<<entryTitle) == 0 || d.mention[k] >= 0 || d.quote[k] {
			continue
		}
		q := d.quotationBefore(k)
		if q < 0 || k-q > 3 {
			continue
		}
		e, end, ok := d.cueAt(s, k, entryTitle)
		if !ok || end >= len(d.toks) || d.isWord(end) && d.isUpper(end) {
			continue // a name follows: quotedAt reads it
		}
		v, _, ok := s.verbAfterSubject(d, end)
		if !ok {
			v, _, ok = s.verbAfterModifier(d, end)
		}
		if !ok || d.tokenText(v) == ":" {
			continue
		}
		open := q
		for open > 0 && d.quote[open-1] {
			open--
		}
		for j := open - 1; j >= 0 && d.sent[j] >= d.sent[open]-3; j-- {
			m := d.mention[j]
			if m < 0 || d.quote[j] || d.people[m].unnamed {
				continue
			}
			p := d.people[m]
			if g := s.titleGender(d, k); (g == female || g == male) && (p.gender == female || p.gender == male) && p.gender != g {
				// "Người đẹp đi cùng bạn trai X. “...”, người đẹp tâm sự":
				// a woman's title takes up no man named last.
				break
			}
			if slices.Contains(p.intro, e.key) && !p.quoted {
				p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, s.speechEnd(d, v))
			}
			break
		}
		k = v
	}
}

// titleGender is the gender of a gendered role noun starting at token k
// ("người đẹp", "nam ca sĩ"), or unknown.
func (s *Scorer) titleGender(d *doc, k int) string {
	if e, _, ok := d.cueAt(s, k, entryRoleNoun); ok {
		return e.gender
	}
	return unknown
}

// epithetHeads name a person just named by what they are, with where they
// come from, their club or their age after it, no name: "HLV Park Hang-seo
// ... “...”, nhà cầm quân người Hàn Quốc nói", "Ronaldo ghi hai bàn. Ngôi
// sao người Bồ Đào Nha chia sẻ ...".
var epithetHeads = foldedPhraseSet("nhà cầm quân", "chiến lược gia", "thuyền trưởng", "ngôi sao", "chân sút",
	"tiền đạo", "tiền vệ", "hậu vệ", "trung vệ", "thủ thành", "thủ môn", "hlv", "huấn luyện viên", "cựu hlv",
	"danh thủ", "cựu danh thủ", "cầu thủ", "tay vợt", "võ sĩ", "nhà vô địch", "tỷ phú", "tài tử", "chính trị gia",
	"nhà ngoại giao")

// epithets quotes the person an epithet opening a clause refers to when a
// speech verb follows it: the first person named in the nearest sentence
// before it (or earlier in its own), outside quotations. The epithet must
// carry a tail that says it is no new person's title: "người" and a
// nationality, a capitalised club or country, or an age ("55 tuổi").
func (s *Scorer) epithets(d *doc) {
	for k := 0; k < len(d.toks); k++ {
		if d.quote[k] || d.mention[k] >= 0 || !epithetHeads.mayStart(d, k) {
			continue // before the phrase lookup: it runs for every token
		}
		end := epithetHeads.longestAt(d, k)
		if end < 0 || !s.opensClause(d, k) || end >= len(d.toks) || d.mention[end] >= 0 {
			continue
		}
		if !s.epithetTail(d, end) {
			continue
		}
		v, vend, ok := s.verbAfterModifier(d, end)
		if !ok || d.tokenText(v) == ":" {
			continue
		}
		pi := s.sameOrigin(d, k, end)
		if pi < 0 {
			pi = s.sameAge(d, k, end)
		}
		for j := k - 1; pi < 0 && j >= 0 && d.sent[j] >= d.sent[k]-2; j-- {
			m := d.mention[j]
			if m < 0 || d.quote[j] || d.people[m].unnamed {
				continue
			}
			// The first named person of that sentence.
			first := j
			for i := j - 1; i >= 0 && d.sent[i] == d.sent[j]; i-- {
				if mi := d.mention[i]; mi >= 0 && !d.quote[i] && !d.people[mi].unnamed {
					first = i
				}
			}
			pi = d.mention[first]
			break
		}
		if pi < 0 {
			continue
		}
		if p := d.people[pi]; !p.quoted && p.gender != female {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, vend)
		}
		k = v
	}
}

// sameOrigin returns the person, named in the sentence of the epithet at
// k or the two before, whose title carries the capitalised word that
// follows the epithet (after "người"): "Ngoại trưởng Nga Sergei Lavrov ...
// Nhà ngoại giao Nga kêu gọi" is Lavrov, not the host named first; or -1.
func (s *Scorer) sameOrigin(d *doc, k, end int) int32 {
	w := end
	if d.tokenText(w) == nguoiKey {
		w++
	}
	if w >= len(d.toks) || !d.isWord(w) || !d.isUpper(w) {
		return -1
	}
	origin := d.tokenText(w)
	for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-2; j-- {
		m := d.mention[j]
		if m < 0 || d.quote[j] || d.people[m].unnamed || j > 0 && d.mention[j-1] == m {
			continue
		}
		for i := j - 1; i >= 0 && i >= j-3 && d.mention[i] < 0; i-- {
			if d.tokenText(i) == origin {
				return m
			}
		}
	}
	return -1
}

// sameAge returns the person the story has already given the age of an
// epithet ending at end ("ngôi sao 73 tuổi"): the named person nearest to
// an earlier "73 tuổi" in the same sentence, outside quotations ("Ngôi sao
// 73 tuổi - Youn Yuh Jung trở thành ..."; later "Bà cũng khen minh tinh X.
// Cuối cùng, ngôi sao 73 tuổi gửi lời cảm ơn" is Youn, not X); or -1.
func (s *Scorer) sameAge(d *doc, k, end int) int32 {
	if end+1 >= len(d.toks) || d.toks[end].Kind != vntext.Number || d.tokenText(end+1) != s.words.tuoi {
		return -1
	}
	age := d.tokenText(end)
	for j := 0; j+1 < k; j++ {
		if d.quote[j] || d.toks[j].Kind != vntext.Number || d.tokenText(j) != age || d.tokenText(j+1) != s.words.tuoi {
			continue
		}
		best, dist := int32(-1), ageReach+1
		for i := max(j-ageReach, 0); i <= min(j+1+ageReach, len(d.toks)-1); i++ {
			m := d.mention[i]
			if m < 0 || d.quote[i] || d.sent[i] != d.sent[j] || d.people[m].unnamed {
				continue
			}
			if n := max(j-i, i-j-1); n < dist {
				best, dist = m, n
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// ageReach is how many tokens from an age its person's name may stand:
// "Youn Yuh Jung, 73 tuổi", "Ngôi sao 73 tuổi - Youn Yuh Jung".
const ageReach = 4

// epithetTail reports what follows an epithet at token k and makes it one:
// "người" and a capitalised word, a capitalised word that starts no name,
// or a number and "tuổi".
func (s *Scorer) epithetTail(d *doc, k int) bool {
	switch {
	case k+1 < len(d.toks) && d.tokenText(k) == nguoiKey && d.isWord(k+1) && d.isUpper(k+1):
		return true
	case d.isWord(k) && d.isUpper(k) && !s.startsName(d, k):
		return true
	case k+1 < len(d.toks) && d.toks[k].Kind == vntext.Number && d.tokenText(k+1) == s.words.tuoi:
		return true
	}
	return false
}

// openingSubject is the named person whose mention opens the sentence of
// token k (within its first four words, past an honorific, title or role
// noun: "Diễn viên đóng thế X"), when of the given gender or of unknown
// gender; -1 if none.
func (s *Scorer) openingSubject(d *doc, k int, gender string) int {
	a := k
	for a > 0 && !d.sentenceStart(a) {
		a--
	}
	m := int32(-1)
	for j := a; j < k && j <= a+4; j++ {
		if t := d.tokenText(j); t == "," || t == ":" || d.quote[j] {
			break
		}
		if d.mention[j] >= 0 {
			m = d.mention[j]
			break
		}
	}
	if m < 0 || d.people[m].unnamed {
		return -1
	}
	if g := d.people[m].gender; gender != unknown && g != gender && g != unknown {
		return -1
	}
	return int(m)
}

// objectMention reports that the mention ending at token j is no subject:
// the possessor after "của", the object of a preposition, or a name after a
// verb of a clause whose subject is named before it in the sentence ("X
// đến chúc mừng nhạc sĩ Y").
func (s *Scorer) objectMention(d *doc, j int) bool {
	m := d.mention[j]
	a := j
	for a > 0 && d.mention[a-1] == m {
		a--
	}
	if s.afterCua(d, a) || s.prepositionObject(d, a) {
		return true
	}
	for k := a - 1; k >= 0 && d.sent[k] == d.sent[a]; k-- {
		if t := d.tokenText(k); t == "," || t == ";" || t == ":" || d.quote[k] {
			return false // another clause: the name may open its own
		}
		if o := d.mention[k]; o >= 0 && o != m && !d.people[o].unnamed {
			return true
		}
	}
	return false
}

// afterCua reports "của" before the mention at token a, past its
// honorific, title or role noun: the name is a possessor. Kin words before
// a name are not ("hai mẹ con chị X", "vợ chồng ca sĩ Y" are X and Y).
func (s *Scorer) afterCua(d *doc, a int) bool {
	k := a
	for _, kind := range []entryKind{entryHonorific, entryTitle, entryRoleNoun} {
		if _, st, ok := d.cueEndingAt(s, k, kind); ok {
			k = st
		}
	}
	return k > 0 && d.tokenText(k-1) == s.words.cua
}

// indefiniteBefore finds an unnamed person introduced with "một" ("một
// phụ nữ", "một người đàn ông") in the sentence of token k or the one
// before, nearer than any person already found, and of the anaphor's
// gender when it has one, or of none when it is someone the story brings
// in ("... gặp một chủ quán ở chợ. Ông nói ...": the anaphor gives the
// gender). It returns the description's tokens and entry.
func (s *Scorer) indefiniteBefore(d *doc, k int, gender string) (int, int, entry, bool) {
	for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-1; j-- {
		if d.mention[j] >= 0 {
			return 0, 0, entry{}, false
		}
		if d.quote[j] || d.tokenText(j) != s.words.mot {
			continue
		}
		src, end, ok := d.cueAt(s, j, entrySource)
		if !ok {
			src, end, ok = d.cueAt(s, j+1, entrySource)
		}
		if !ok || end > k || gender != unknown && src.gender != gender && (src.gender != unknown || !s.newcomer(d, j, k)) {
			continue
		}
		if _, _, kin := d.cueEndingAt(s, j, entryPossessive); kin {
			// "là con một giáo viên. Em này cho hay": whose child, not the
			// one the anaphor takes up.
			continue
		}
		return j, end, *src, true
	}
	return 0, 0, entry{}, false
}

// sameHead reports whether the role noun at [k, end), past a word that
// only says the sex or that it is a person ("người mẹ", "nữ sinh"), has
// its head among the first words of the unnamed person p's description.
func (s *Scorer) sameHead(d *doc, k, end int, p *person) bool {
	for k < end-1 && d.in(headFillers, k) {
		k++
	}
	if len(p.spans) == 0 {
		return false
	}
	a, b := p.spans[0][0], p.spans[0][1]
	for j := a; j+(end-k) <= b && j < a+4; j++ {
		same := true
		for i := 0; i < end-k && same; i++ {
			same = d.tokenText(j+i) == d.tokenText(k+i)
		}
		if same {
			return true
		}
	}
	return false
}

// headFillers open a role noun before its head: "người mẹ", "nữ sinh".
var headFillers = foldedWords("người", "nữ", "nam", "bà", "ông", "cô", "chị", "anh")

// indefiniteRepeated finds, within the four sentences before the role
// noun at [k, end) or before a bare repetition of its words, the same words
// brought in by "một" as someone new ("một nữ đương sự"), outside
// quotations. It returns the description's
// tokens [j, jend), "một" included.
func (s *Scorer) indefiniteRepeated(d *doc, k, end int) (int, int, bool) {
	n := end - k
	limit := d.sent[k] - 4
	for j := k - 1; j > 0 && d.sent[j] >= limit; j-- {
		if d.quote[j] || j+n > k {
			continue
		}
		same := true
		for i := 0; i < n && same; i++ {
			same = d.tokenText(j+i) == d.tokenText(k+i) && d.mention[j+i] < 0
		}
		if same && d.tokenText(j-1) != s.words.mot && !d.pluralBefore(s, j) {
			// The same words again, bare, keep the one "một" brought in
			// in view: four sentences from each ("Một nam thanh niên ...
			// nam thanh niên tức giận ... nam thanh niên nói rằng").
			limit = min(limit, d.sent[j]-4)
			continue
		}
		if !same || d.tokenText(j-1) != s.words.mot || d.pluralBefore(s, j-1) {
			continue
		}
		if m := j - 2; m > 0 && d.sent[m] == d.sent[j] {
			if w := d.tokenText(m); d.in(predicateWords, m) || w == s.words.la || w == s.words.duoc || w == s.words.bi ||
				w == "," && d.mention[m-1] >= 0 {
				continue // who someone is ("X, một nữ ...", "là một nữ ..."), or a passive's agent
			}
		}
		return j - 1, j + n, true
	}
	return 0, 0, false
}

// addAnaphorSource adds the unnamed source a description at j..jend brings
// in, quoted by the verb at v through the pronoun at k..vend that takes it up.
func (s *Scorer) addAnaphorSource(d *doc, src entry, j, jend, k, v, vend int) {
	s.addQuotedSource(d, src, j, jend, jend, v, cueAnaphor, k, vend)
}

// headedBefore finds, within the four sentences before the one-word
// pronoun at [k, end), a description of a person of its gender headed by
// that very word ("ông ngoại", "ông cụ" for "ông"; "bà ngoại" for "bà"),
// outside quotations and not plural, with no person mentioned between.
// It returns the description's tokens and entry.
func (s *Scorer) headedBefore(d *doc, k, end int, gender string) (int, int, entry, bool) {
	if end != k+1 || gender != female && gender != male {
		return 0, 0, entry{}, false
	}
	w := d.tokenText(k)
	for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-4; j-- {
		if d.mention[j] >= 0 {
			return 0, 0, entry{}, false
		}
		if d.quote[j] || d.tokenText(j) != w {
			continue
		}
		src, send, ok := d.cueAt(s, j, entrySource)
		if !ok || send <= j+1 || send > k || src.gender != gender || d.pluralBefore(s, j) {
			continue
		}
		return j, send, *src, true
	}
	return 0, 0, entry{}, false
}

// bringsIn reports whether "một" at token j brings in someone new as the
// subject of what follows: not after "là", "được", "bị" or a predicate word
// ("vốn là một nữ nghệ sĩ", "được một nữ sinh ghi lại", "như một cô gái"),
// nor after a comma that follows a name in its sentence ("Celine, một cô
// giáo bị bắt cóc, kể lại": who Celine is).
func (s *Scorer) bringsIn(d *doc, j int) bool {
	if j == 0 || d.sent[j-1] != d.sent[j] {
		return true
	}
	w := d.tokenText(j - 1)
	if d.in(predicateWords, j-1) || w == s.words.la || w == s.words.duoc || w == s.words.bi {
		return false
	}
	if w == "," {
		for i := j - 2; i >= 0 && d.sent[i] == d.sent[j]; i-- {
			if d.mention[i] >= 0 {
				return false
			}
		}
	}
	return true
}

// parentBefore finds the mother or father, described without a name, who
// opens the sentence right before the pronoun "bà" or "ông" at [k, end)
// that opens its own: "Trong đó, mẹ của nữ diễn viên tỏ ra cẩn trọng. Bà
// yêu cầu ...". The pronoun takes up the parent, not a woman or man named
// sentences before. It returns the description's tokens and entry.
func (s *Scorer) parentBefore(d *doc, k, end int, gender string) (int, int, entry, bool) {
	w := d.tokenText(k)
	if end != k+1 || parentWords[w] == "" || !d.sentenceStart(k) {
		return 0, 0, entry{}, false
	}
	for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-1; j-- {
		if m := d.mention[j]; m >= 0 {
			// The child the parent is named by ("bố Tâm", "mẹ của Lan")
			// is no referent of its own: look at the parent before it.
			a := j
			for a > 0 && d.mention[a-1] == m {
				a--
			}
			p := a - 1
			if p > 0 && d.tokenText(p) == s.words.cua {
				p--
			}
			if d.people[m].unnamed || p < 0 || d.sent[p] != d.sent[a] || !parentOf(w, d.tokenText(p)) {
				return 0, 0, entry{}, false
			}
			j = p + 1
			continue
		}
		if d.quote[j] || d.sent[j] == d.sent[k] || !parentOf(w, d.tokenText(j)) || !s.opensClause(d, j) {
			continue
		}
		src, send, ok := d.cueAt(s, j, entrySource)
		if !ok || src.gender != gender || d.pluralBefore(s, j) || send > k {
			continue
		}
		if _, rend, ok := d.cueAt(s, send, entryRoleNoun); ok && d.tokenText(send-1) == s.words.cua && rend <= k {
			send = rend // whose mother: "mẹ của nữ diễn viên"
		}
		if c := send; c < k && (d.mention[c] >= 0 || d.tokenText(c) == s.words.cua && c+1 < k && d.mention[c+1] >= 0) {
			// whose parent, named: "bố Tâm", "mẹ của Lan"
			if d.mention[c] < 0 {
				c++
			}
			for m := d.mention[c]; c < k && d.mention[c] == m; c++ {
			}
			send = c
		}
		return j, send, *src, true
	}
	return 0, 0, entry{}, false
}

// parentWords pair the pronoun for an elder with the parent it takes up.
var parentWords = map[string]string{
	vntext.FoldString("bà"): vntext.FoldString("mẹ"), vntext.FoldString("ông"): vntext.FoldString("bố"),
}

// foldedCha is "cha", a father as "bố" is.
var foldedCha = vntext.FoldString("cha")

// parentOf reports whether the word w, a parent ("mẹ"; "bố" or "cha"), is
// what the elder's pronoun p takes up.
func parentOf(p, w string) bool {
	return parentWords[p] != "" && (w == parentWords[p] || w == foldedCha && parentWords[p] == parentWords[foldedOng])
}

var foldedOng = vntext.FoldString("ông")

// verbAfterSubject finds, after a subject ending at token b, a speech verb
// (adverbs allowed between) or a colon after at most three words ("Anh bức
// xúc: ..."). It returns the cue's start and end.
func (s *Scorer) verbAfterSubject(d *doc, b int) (int, int, bool) {
	v := b
	if v < len(d.toks) {
		if _, end, ok := d.cueAt(s, v, entryAdverb); ok {
			v = end
		}
	}
	if v >= len(d.toks) {
		return 0, 0, false
	}
	if _, end, ok := d.cueAt(s, v, entrySpeech); ok && !s.negated(d, v) && !s.order(d, v, end) && !s.sharesPicture(d, v, end) {
		return v, end, true
	}
	for j := v; j < len(d.toks) && j < v+4; j++ {
		if d.tokenText(j) == ":" {
			return j, j + 1, true
		}
		if !d.isWord(j) || d.isUpper(j) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// verbAfterCoordination finds a speech verb coordinated after a short verb
// phrase of the subject ending at token b, as speechAfter does for a name:
// "cô chỉ cười và nói rằng ...", "ông gật đầu rồi nói: “...”". Up to four
// lower-case words, no comma, quotation or person, then "và" or "rồi" and
// the speech verb itself (a colon after them may open a clause of someone
// else's).
func (s *Scorer) verbAfterCoordination(d *doc, b int) (int, int, bool) {
	for j := b + 1; j < len(d.toks) && j <= b+5; j++ {
		if i := j - 1; d.quote[i] || d.mention[i] >= 0 || !d.isWord(i) || d.isUpper(i) || d.sent[i] != d.sent[b] {
			return 0, 0, false
		}
		if d.in(coordinators, j) {
			if v, end, ok := s.verbAfterSubject(d, j+1); ok && d.tokenText(v) != ":" {
				return v, end, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// coordinators join two verbs of one subject: "cười và nói", "gật đầu rồi nói".
var coordinators = foldedWords("và", "rồi")

// verbAfterModifier finds a speech verb after up to five words or numbers
// that qualify a description ("sinh năm 1997", "30 tuổi"), with no comma,
// quotation or person between.
func (s *Scorer) verbAfterModifier(d *doc, b int) (int, int, bool) {
	for j := b; j < len(d.toks) && j < b+6; j++ {
		if d.quote[j] || d.mention[j] >= 0 || j > b && d.sent[j] != d.sent[b] || d.toks[j].Kind == vntext.Punct {
			return 0, 0, false
		}
		if j > b {
			if v, end, ok := s.verbAfterSubject(d, j); ok && d.tokenText(v) != ":" {
				return v, end, true
			}
		}
	}
	return 0, 0, false
}

// ownWords reads the quotation that goes with a quoted person's words for
// the speaker's own family: "chồng tôi" in her words makes her a wife.
func (s *Scorer) ownWords(d *doc, p *person) {
	if p.quoteBy.Kind != cueSpeechVerb && p.quoteBy.Kind != cueColon && p.quoteBy.Kind != cueAnaphor {
		return
	}
	// The cue's token: find it from its offset.
	k := d.tokenAt(p.quoteBy.End)
	for j := k; j < len(d.toks) && j < k+12 && !d.toks[j].Newline; j++ {
		if d.quote[j] {
			for ; j < len(d.toks) && d.quote[j]; j++ {
				if e, end, ok := d.cueAt(s, j, entrySpeakerFamily); ok {
					p.gcues = append(p.gcues, genderCue{tierReference, e.gender,
						d.cueOf("gender", cueSpeakerFamily, e.gender, j, end)})
				}
			}
			return
		}
	}
}

// tokenAt returns the first token that starts at or after input offset off.
func (d *doc) tokenAt(off int) int {
	lo, hi := 0, len(d.toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.key.Offset(d.toks[mid].Start) < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// pairWords stand for the two people just named, as one subject: "Taylor
// Swift và X từng hẹn hò ... Tuy nhiên, cả hai đều đã lên tiếng phủ nhận".
var pairWords = foldedPhraseSet("cả hai", "cả hai người", "hai người", "hai người này", "cặp đôi", "cặp đôi này",
	"hai vợ chồng", "vợ chồng này", "hai vợ chồng này")

// pairAnaphora attributes a speech verb whose subject is a pair word that
// opens a clause to the two people named last in that sentence and the two
// before it. A name after the pair word ("vợ chồng Ham So Won nói") names
// the pair instead, and a passive ("cặp đôi được cho rằng") quotes nobody.
func (s *Scorer) pairAnaphora(d *doc) {
	// Look for the pair word only a few tokens before a speech verb: there
	// are far fewer verbs than tokens.
	next := 0
	for sv := 0; sv < len(d.toks); sv++ {
		if d.startKinds[sv]&(1<<entrySpeech) == 0 {
			continue
		}
		for k := max(next, sv-10); k < sv; k++ {
			if end := pairWords.longestAt(d, k); end > 0 {
				if v := s.pairAt(d, k, end); v > 0 {
					next = v
					break
				}
			}
			end := numberedGroupAt(d, k) // "hai đối tượng này" before "hai đối tượng"
			if end <= 0 {
				end = groupWords.longestAt(d, k)
			}
			if end > 0 {
				if v := s.groupAt(d, k, end); v > 0 {
					next = v
					break
				}
			}
		}
	}
}

// pairAt quotes the pair the pair word at tokens [k, end) stands for, and
// returns the speech verb's token, or 0.
func (s *Scorer) pairAt(d *doc, k, end int) int {
	if d.quote[k] || d.mention[k] >= 0 || !s.opensClause(d, k) && !connectiveBefore(d, k) {
		return 0
	}
	if end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
		return 0
	}
	v, vend, ok := s.pairVerb(d, end)
	if !ok {
		return 0
	}
	var pair []int32
	for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-2 && len(pair) < 2; j-- {
		m := d.mention[j]
		if m < 0 || d.people[m].unnamed || d.quote[j] || len(pair) == 1 && pair[0] == m {
			continue
		}
		pair = append(pair, m)
	}
	return quoteTogether(d, pair, k, vend, v)
}

// groupWords stand for the suspects just named in a list, in a crime
// story's wording: "Công an bắt A (30 tuổi), B và C. Tại cơ quan điều tra,
// các đối tượng khai nhận ...".
var groupWords = foldedPhraseSet("các đối tượng", "các đối tượng này", "các đối tượng trên", "những đối tượng này",
	"nhóm đối tượng", "các bị can", "các bị can này", "các bị cáo", "các nghi phạm", "các nghi can", "hai đối tượng",
	"ba đối tượng", "bốn đối tượng", "hai bị can", "ba bị can", "hai nghi phạm", "ba nghi phạm",
	// the pronouns and words a crime report uses for the suspects just
	// named: "Chúng là A và B. Tại cơ quan điều tra, chúng khai ..."
	"chúng", "bọn chúng", "chúng nó", "cả bọn", "bọn này", "hai tên", "ba tên", "các tên", "hai kẻ", "ba kẻ")

// numberedGroupAt returns the end of a group word made of a number, a noun
// of one or two words (in quotation marks or not) and "này" or "trên"
// starting at token k ("3 ”đinh tặc” này", "hai thanh niên này", "4 tên
// cướp trên"), or -1: the people just listed, counted, as the group words
// above stand for them.
func numberedGroupAt(d *doc, k int) int {
	if !d.in(countNumbers, k) && d.toks[k].Kind != vntext.Number {
		return -1
	}
	words, quoted, person := 0, false, false
	for j := k + 1; j < len(d.toks) && j <= k+8 && d.sent[j] == d.sent[k]; j++ {
		switch t := d.tokenText(j); {
		case t == foldedThis || t == above:
			// A noun in quotation marks is a nickname for the group
			// ("3 ”đinh tặc” này"); a plain one must name people: "hai
			// tờ báo này", "hai cơ quan này" are not the suspects.
			if words == 0 || !quoted && !person {
				return -1
			}
			return j + 1
		case d.in(quoteMarks, j):
			quoted = true
		case !d.isWord(j) || d.isUpper(j) || d.mention[j] >= 0:
			return -1
		default:
			if words++; words > 2 {
				return -1
			}
			if words == 1 {
				person = d.in(groupNouns, j)
			}
		}
	}
	return -1
}

// groupNouns are the heads of a counted noun that names people in a crime
// report: "hai thanh niên này", "4 tên cướp trên", "ba đối tượng này".
var groupNouns = foldedWords("thanh", "thiếu", "đối", "tên", "kẻ", "bị", "nghi", "người", "cô", "cậu", "chàng",
	"gã", "phụ", "học", "nam", "nữ", "sinh", "công", "tài", "lái", "cán", "nhân", "chiến", "cảnh", "anh", "chị",
	"ông", "bà", "em", "cháu", "thợ", "quái", "đàn", "cướp", "nghĩa", "tay", "bác", "đồng", "phạm")

// countNumbers are the number words that count a group: "hai", "ba" ... "mười".
var countNumbers = foldedWords("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")

// quoteMarks are the tokens that open or close a quotation around a word.
var quoteMarks = foldedWords("“", "”", "\"", "'", "''", "‘", "’", "«", "»")

// notThem are the words after "chúng" that make it "we" or a plural marker,
// not the suspects: "chúng tôi", "chúng ta", "chúng em".
var notThem = foldedWords("tôi", "ta", "mình", "em", "cháu", "con", "tớ", "tao", "bay", "mày")

// groupAt quotes the list of names the group word at tokens [k, end)
// stands for, and returns the speech verb's token, or 0. The list is the
// one that ends with the last person named before the word, in its
// sentence or the two before, who is no victim; it needs two names at
// least.
func (s *Scorer) groupAt(d *doc, k, end int) int {
	if d.quote[k] || d.mention[k] >= 0 || !s.opensClause(d, k) && !connectiveBefore(d, k) {
		return 0
	}
	if end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
		return 0 // "các đối tượng Lê Văn A, ..." names the group itself
	}
	if end < len(d.toks) && d.in(notThem, end) {
		return 0 // "chúng tôi": we
	}
	v, vend, ok := s.pairVerb(d, end)
	if !ok {
		return 0
	}
	last := -1
	for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-2; j-- {
		if m := d.mention[j]; m >= 0 && !d.people[m].unnamed && !d.quote[j] {
			last = j
			break
		}
	}
	if last < 0 || d.people[d.mention[last]].victim {
		return 0
	}
	a := last
	for a > 0 && d.mention[a-1] == d.mention[last] {
		a--
	}
	group := []int32{d.mention[last]}
	for {
		j := s.listBefore(d, a)
		if j < 0 {
			break
		}
		if h := s.dashHeadBefore(d, j); h >= 0 {
			// "A - hàng xóm của gia đình ông X, và B": X is named inside
			// A's appositive; A is the item of the list.
			j = h
		}
		m := d.mention[j]
		if d.people[m].unnamed || d.people[m].victim {
			break
		}
		if !slices.Contains(group, m) {
			group = append(group, m)
		}
		a = j
		for a > 0 && d.mention[a-1] == m {
			a--
		}
	}
	return quoteTogether(d, group, k, vend, v)
}

// dashHeadBefore returns the last token of the name that opens a dash
// appositive holding the possessor whose mention ends at token j ("Lê
// Xuân Toàn - không nghề nghiệp, hàng xóm của gia đình ông Thảo"), or -1
// when the mention at j is no possessor inside such an appositive.
func (s *Scorer) dashHeadBefore(d *doc, j int) int {
	a := j
	for a > 0 && d.mention[a-1] == d.mention[j] {
		a--
	}
	a = s.titlesStart(d, a)
	if a == 0 {
		return -1
	}
	if d.tokenText(a-1) != s.words.cua {
		if _, _, ok := d.cueEndingAt(s, a, entryPossessive); !ok {
			return -1
		}
	}
	for k := a - 1; k > 0 && d.sent[k] == d.sent[j]; k-- {
		if t := d.tokenText(k); t == ";" || t == "." {
			return -1
		}
		if m := d.mention[k-1]; m >= 0 && m != d.mention[j] && (d.tokenText(k) == "-" || d.tokenText(k) == "–") {
			return k - 1
		}
	}
	return -1
}

// quoteTogether quotes the people ms that a word for two or more at tokens
// [k, vend) stands for, and returns the speech verb's token v; with fewer
// than two it quotes no one and returns 0.
func quoteTogether(d *doc, ms []int32, k, vend, v int) int {
	if len(ms) < 2 {
		return 0
	}
	for _, m := range ms {
		if p := d.people[m]; !p.quoted {
			p.quoted, p.quoteBy = true, d.cueOf("quoted", cueAnaphor, "", k, vend)
		}
	}
	return v
}

// listBefore returns the last token of the name listed right before the
// mention starting at a ("A (30 tuổi), B và C": B before C, A before B),
// past a comma, "và", "cùng" or a semicolon (or a comma or semicolon and
// then "và" or "cùng"), the details of that name in
// parentheses and the honorific or title of the mention, or -1.
func (s *Scorer) listBefore(d *doc, a int) int {
	j := s.titlesStart(d, a)
	j--
	if j < 0 {
		return -1
	}
	switch t := d.tokenText(j); {
	case t == "," || t == ";" || t == s.words.va || t == s.words.cung:
		j--
	default:
		return -1
	}
	if t := d.tokenText(j + 1); (t == s.words.va || t == s.words.cung) && j >= 0 && (d.tokenText(j) == "," || d.tokenText(j) == ";") {
		j-- // "A (...); và B", "A, cùng B"
	}
	if j >= 0 && d.tokenText(j) == ")" {
		for j >= 0 && d.tokenText(j) != "(" && d.sent[j] == d.sent[a] {
			j--
		}
		j--
	}
	if j < 0 || d.mention[j] < 0 || d.sent[j] != d.sent[a] {
		return -1
	}
	return j
}

// longestAt returns the end of the longest phrase of the set that starts
// at token a, or -1.
func (ps *phraseSet) longestAt(d *doc, a int) int {
	best := -1
	for _, ws := range ps.at(d, a) {
		if a+len(ws) > best && d.wordsAt(a, ws) {
			best = a + len(ws)
		}
	}
	return best
}

// foldedThis is "này" (this), after a pronoun or description that points
// back.
var foldedThis = vntext.FoldString("này")

// speakUp ("lên tiếng") may come before the verb of what is said: "đã lên
// tiếng phủ nhận".
var speakUp = foldedPhraseSet("lên tiếng")

// pairVerb finds the speech verb after a pair word ending at b: adverbs
// ("đều đã") and "lên tiếng" may stand between.
func (s *Scorer) pairVerb(d *doc, b int) (int, int, bool) {
	k := b
	for moved := true; moved && k < len(d.toks); {
		moved = false
		if _, end, ok := d.cueAt(s, k, entryAdverb); ok {
			k, moved = end, true
		}
		if end := speakUp.longestAt(d, k); end > 0 {
			k, moved = end, true
		}
	}
	if k >= len(d.toks) || d.quote[k] {
		return 0, 0, false
	}
	if _, end, ok := d.cueAt(s, k, entrySpeech); ok && !s.negated(d, k) && !s.order(d, k, end) && !s.sharesPicture(d, k, end) {
		return k, end, true
	}
	return 0, 0, false
}

// sharesPicture reports "chia sẻ" at tokens [v, end) whose object, a few
// words on, is a picture or a clip ("chia sẻ với fans hình ảnh ngôi nhà",
// "chia sẻ trên Instagram bức ảnh ..."): a post, not words, unless a colon
// or a quotation in the sentence gives its caption.
func (s *Scorer) sharesPicture(d *doc, v, end int) bool {
	if !shareVerbs.spans(d, v, min(end, v+2)) {
		return false
	}
	if s.sharedPictureBefore(d, v, end) {
		return true
	}
	found := false
	for j := end; j < len(d.toks) && d.sent[j] == d.sent[v]; j++ {
		t := d.tokenText(j)
		if found && d.quote[j] && shortQuote(d, j) {
			// "chia sẻ những hình ảnh "bỏng mắt"": a few quoted words
			// after the picture describe it, they are no caption.
			continue
		}
		if t == ":" || d.quote[j] {
			return false
		}
		if !found && (t == "," || t == s.words.rang || j > end+10 || t == foldedLa || d.in(contentOpeners, j)) {
			return false
		}
		if !found {
			if e, rend, ok := d.cueAt(s, j, entryReference); ok && rend == j+1 && (e.gender == female || e.gender == male) {
				// "Cô chia sẻ cô rất thích bộ ảnh này": a clause with its own
				// subject says what she shared in words.
				return false
			}
		}
		if !found && pictureNouns.longestAt(d, j) > 0 {
			found = true
		}
	}
	return found
}

// sharedPictureBefore reports "chia sẻ" at tokens [v, end) in a relative
// clause on a picture named just before its subject ("bức ảnh áo tắm cô
// mới chia sẻ trên trang cá nhân", "đoạn clip anh đăng kèm"): the picture
// is what was shared, unless a colon or a quotation later in the sentence
// gives the words.
func (s *Scorer) sharedPictureBefore(d *doc, v, end int) bool {
	for j := end; j < len(d.toks) && d.sent[j] == d.sent[v]; j++ {
		if d.tokenText(j) == ":" || d.quote[j] {
			return false
		}
	}
	// Up to six words back, not counting the sharer's name.
	for j, words := v-1, 0; j >= 0 && words < 7 && d.sent[j] == d.sent[v]; j-- {
		if !d.isWord(j) || d.quote[j] {
			return false
		}
		if d.mention[j] < 0 {
			words++
		}
		if pictureNouns.longestAt(d, j) > 0 && !(j > 0 && d.tokenText(j-1) == foldedNhiep) &&
			!(j+1 < len(d.toks) && d.tokenText(j+1) == foldedHuong) {
			return true // not "nhiếp ảnh gia X chia sẻ", "ảnh hưởng"
		}
	}
	return false
}

// foldedNhiep and foldedHuong are "nhiếp" and "hưởng": "nhiếp ảnh" is
// photography and "ảnh hưởng" influence, no picture.
var foldedNhiep, foldedHuong = vntext.FoldString("nhiếp"), vntext.FoldString("hưởng")

// contentOpeners open what was said after a sharing verb, before any
// picture it names: "chia sẻ đây là bộ ảnh cô thích nhất" shares words.
var contentOpeners = foldedWords("đây", "đó", "tôi", "mình")

var (
	shareVerbs   = foldedPhraseSet("chia sẻ", "hé lộ", "tiết lộ", "bật mí", "khoe")
	pictureNouns = foldedPhraseSet("hình ảnh", "ảnh", "bức ảnh", "loạt ảnh", "bộ ảnh", "tấm ảnh", "bức hình", "video",
		"clip", "khoảnh khắc", "đoạn video", "đoạn clip")
)

// connectives open a clause without a comma: "Tuy nhiên cả hai đều ...".
var connectives = foldedPhraseSet("tuy nhiên", "thế nhưng", "song", "sau đó", "khi đó", "lúc đó", "rồi")

// connectiveBefore reports a connective right before token k.
func connectiveBefore(d *doc, k int) bool {
	return connectives.spans(d, k-1, k) || connectives.spans(d, k-2, k)
}

// titlesStart returns where the honorifics, titles and role nouns written
// right before the mention at token a start, within a's sentence ("Bác",
// "Giám đốc", "nữ bác sĩ" before the name), or a when there are none.
func (s *Scorer) titlesStart(d *doc, a int) int {
	k := a
	for moved := true; moved && k > 0; {
		moved = false
		for _, kind := range []entryKind{entryHonorific, entryTitle, entryRoleNoun} {
			if _, st, ok := d.cueEndingAt(s, k, kind); ok && d.sent[st] == d.sent[a] {
				k, moved = st, true
			}
		}
	}
	return k
}

// quoteOpensAt reports an opening quotation mark at token k.
func (d *doc) quoteOpensAt(k int) bool {
	if k >= len(d.toks) {
		return false
	}
	switch d.tokenText(k) {
	case "“", "\"", "«":
		return true
	}
	return false
}

// opensSentence reports that the mention of person self ending at b opens
// its sentence, at most an honorific or a title (three words) before it.
func (d *doc) opensSentence(b int, self int32) bool {
	a := b - 1
	for a > 0 && d.mention[a-1] == self && self >= 0 {
		a--
	}
	for k := a; k >= 0 && k >= a-3; k-- {
		if d.sentenceStart(k) {
			return true
		}
		if !d.isWord(k - 1) {
			return false
		}
	}
	return false
}

// objectColon reports a mention [a, end) that is the object of a verb (a
// lower-case word before it and its titles, no "và") and is followed by a
// colon that opens a quotation.
func (s *Scorer) objectColon(d *doc, a, end int) bool {
	if end+1 >= len(d.toks) || d.tokenText(end) != ":" || !d.quoteOpensAt(end+1) {
		return false
	}
	k := s.titlesStart(d, a)
	return k > 0 && !d.sentenceStart(k) && d.isWord(k-1) && !d.isUpper(k-1) && d.tokenText(k-1) != s.words.va &&
		d.tokenText(k-1) != s.words.cung && !d.in(prepositions, k-1)
}

// objectOfSpeaker reports a name that ends a clause another person of its
// sentence speaks: "Jolie giải thích lý do cô chia tay Brad Pitt: “...”".
// The name is the object of a word before it, and someone named earlier in
// listStart returns where the list of names that the mention at token a
// ends begins: "chỉ trích dữ dội Ed Woodward và Agnelli, nói": the object
// is the whole list, and objectOfSpeaker looks before it.
func (s *Scorer) listStart(d *doc, a int) int {
	for {
		k := s.titlesStart(d, a)
		if k < 2 || d.tokenText(k-1) != s.words.va && d.tokenText(k-1) != "," {
			return a
		}
		m := d.mention[k-2]
		if m < 0 || m == d.mention[a] {
			return a
		}
		j := k - 2
		for j > 0 && d.mention[j-1] == m {
			j--
		}
		a = j
	}
}

// the sentence has a speech verb before it; the colon is that person's.
func (s *Scorer) objectOfSpeaker(d *doc, pi int32, a int) bool {
	k := s.titlesStart(d, a)
	if st := s.titleAcross(d, a); st >= 0 && st < k && d.tokenText(a-1) == "," {
		// "chỉ trích Phó Chủ tịch Man Utd, Ed Woodward: “...”": the title
		// and its club, then the name, are the object.
		k = st
	}
	if k == 0 || d.sentenceStart(k) || !d.isWord(k-1) || d.isUpper(k-1) || d.tokenText(k-1) == s.words.va {
		return false
	}
	verb := false
	end := a
	for end < len(d.toks) && d.mention[end] == pi {
		end++
	}
	object := s.objectColon(d, a, end)
	for j := k - 1; j >= 0 && d.sent[j] == d.sent[a] && !d.toks[j+1].Newline; j-- {
		if d.quote[j] {
			return false
		}
		if _, _, ok := d.cueAt(s, j, entrySpeech); ok && !s.negated(d, j) {
			verb = true
		}
		if m := d.mention[j]; m >= 0 && m != pi && (verb || object && d.opensSentence(j+1, m)) {
			return true
		}
	}
	return false
}

// titledAppositiveName reports a name ending at token b that follows a
// comma closing a sentence-opening title and what it heads: "Giám đốc điều
// hành của bệnh viện, Aashish Chaudhry, cho biết". The words before the
// comma hold no speech verb and no other capitalised run but the title's
// body ("Người phát ngôn Bộ Ngoại giao Mỹ, Ned Price, nói").
func (s *Scorer) titledAppositiveName(d *doc, b int) bool {
	j := b - 1
	for j >= 0 && d.sent[j] == d.sent[b-1] && (d.isWord(j) && d.isUpper(j) || d.tokenText(j) == ".") {
		j--
	}
	if j < 1 || j == b-1 || d.tokenText(j) != "," || d.sent[j] != d.sent[b-1] {
		return false
	}
	st := j
	for st > 0 && d.sent[st-1] == d.sent[j] {
		st--
	}
	_, end, ok := d.cueAt(s, st, entryTitle)
	if !ok || end > j {
		return false
	}
	for k := end; k < j; k++ {
		if d.quote[k] || !d.isWord(k) && d.tokenText(k) != "&" {
			return false
		}
		if _, _, ok := d.cueAt(s, k, entrySpeech); ok {
			return false
		}
	}
	return true
}

// objectRelative reports a mention at token a that opens a relative clause
// after "mà" whose speech verb, ending at end, has nothing after it in its
// clause: "số thức ăn mà Tarrare yêu cầu, ...", "điều mà bà X đề nghị."
// The head noun is what the verb is about (what was asked for); nobody's
// words are given.
func (s *Scorer) objectRelative(d *doc, a, end int) bool {
	k := s.titlesStart(d, a)
	if k == 0 || d.tokenText(k-1) != foldedMa || d.sent[k-1] != d.sent[a] {
		return false
	}
	if end >= len(d.toks) || d.sent[end] != d.sent[a] {
		return true
	}
	switch d.tokenText(end) {
	case ",", ".", ";", ")", "!", "?":
		return true
	}
	return false
}

// nameIntroAt returns where "(có) tên (là)" starts before a name at token
// a ("thành viên có tên Phong", "cô gái tên là Trâm"): the end of the
// description that names the person so; 0 if there is none.
func (s *Scorer) nameIntroAt(d *doc, a int) int {
	k := a - 1
	if k > 0 && d.tokenText(k) == s.words.la {
		k--
	}
	if k < 2 || d.tokenText(k) != foldedName || d.sent[k] != d.sent[a] {
		return 0
	}
	if d.tokenText(k-1) == foldedHave {
		k--
	}
	return k
}

// adverbAfterComma reports an adverb between a fronted phrase's comma and
// the reference at token k: "Tại cơ quan điều tra, bước đầu đối tượng đã
// khai nhận" opens its clause at "bước đầu".
func (s *Scorer) adverbAfterComma(d *doc, k int) bool {
	_, st, ok := d.cueEndingAt(s, k, entryAdverb)
	return ok && st > 0 && d.tokenText(st-1) == "," && d.sent[st] == d.sent[k]
}
