package scorer

import (
	"slices"
	"strings"

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
	d.chinese = s.chineseContext(d)
	for pi, p := range d.people {
		if p.unnamed {
			// Not a named person's friend or aide ("một người bạn của Trần
			// nói rằng anh sẽ ..."): the pronoun is as likely the named one's.
			if len(p.gcues) == 0 && len(p.spans) > 0 && (d.tokenText(p.spans[0][0]) == s.words.mot ||
				singleRoles.spans(d, p.spans[0][0], p.spans[0][1]) || s.headsIndefinite(d, p.spans[0][0])) &&
				s.possessedOwner(d, p.spans[0][0], p.spans[0][1]) < 0 {
				// "Một quan chức giấu tên ... nói rằng ... Ông này từ chối
				// tiết lộ": someone brought in with "một" and a description
				// of unknown gender takes the pronoun that opens the next
				// clause or sentence about them; so does the one patient or
				// victim a story follows ("Bệnh nhân cho biết trước đó, anh
				// ..."), and the head of an institution left unnamed
				// ("Giám đốc một công ty ... Ông này nói").
				s.referencesAfter(d, p, int32(pi), p.spans[0][0], p.spans[0][1])
			}
			continue
		}
		s.middleCue(d, p)
		s.patronymicCue(d, p)
		s.highlandCue(d, p)
		for _, sp := range p.spans {
			s.referencesAfter(d, p, int32(pi), sp[0], sp[1])
			s.appositiveRoleCue(d, p, sp[0], sp[1])
			s.copulaRoleCue(d, p, sp[0], sp[1])
			s.descriptionBeforeCue(d, p, sp[0], sp[1])
			s.spouseBeforeCue(d, p, int32(pi), sp[0])
			s.kinNamedCue(d, p, int32(pi), sp[0])
		}
		if s.textOnly {
			s.unambiguousCue(d, p)
		} else {
			s.notableCue(d, p)
			s.tableCue(d, p)
		}
	}
	// A person the cues leave unknown: a pronoun opening the next sentence
	// is theirs also when the others named around them are all of the other
	// sex by their own cues ("Trịnh Lan ... Trương Kha không đồng ý. Anh
	// giữ ..." with Lan a woman).
	known := make([]string, len(d.people))
	for pi, p := range d.people {
		known[pi], _ = decide(p.gcues, p.gwhy) // before decideGender: nothing reads gwhy yet
	}
	for pi, p := range d.people {
		if p.unnamed || known[pi] != unknown {
			continue
		}
		for _, sp := range p.spans {
			s.referencesAfterGiven(d, p, int32(pi), sp[0], sp[1], known)
		}
	}
	s.roleNounAnaphora(d, known)
	s.ageDescriptionCues(d)
	s.demonstrativeRoleCues(d, known)
	s.onlyChildCue(d, known)
	s.realNames(d)
	for pi, p := range d.people {
		if p.unnamed || len(p.gcues) > 0 {
			continue
		}
		for _, sp := range p.spans {
			if s.listRoleCue(d, p, int32(pi), sp[0]) {
				break
			}
		}
	}
}

// ageDescriptionCues gives a named person with an age set off after the
// name ("N.K.H. (10 tuổi)", "Ngà, 24 tuổi,") the gender of a description
// with the same age elsewhere in the text: "vụ bé gái 10 tuổi bị xâm hại",
// "nam thanh niên 24 tuổi bị bắt giữ". Crime news describes its victim or
// suspect so in the lead and names them by initials or a given name that
// say nothing of the sex. Only where the age is one named person's, and the
// descriptions of that age agree; weaker than an honorific or a middle name.
func (s *Scorer) ageDescriptionCues(d *doc) {
	var ages []string // the age of each person, "" if none given
	aged := false
	for _, p := range d.people {
		age := ""
		if !p.unnamed {
			for _, sp := range p.spans {
				if age = d.ageAt(sp[1]); age != "" {
					aged = true
					break
				}
			}
		}
		ages = append(ages, age)
	}
	if !aged {
		return
	}
	for pi, age := range ages {
		if age == "" || slices.Index(ages, age) != pi || slices.Index(ages[pi+1:], age) >= 0 {
			continue
		}
		g, at, ae := "", -1, -1
		for k := 1; k+1 < len(d.toks); k++ {
			if d.toks[k].Kind != vntext.Number || d.tokenText(k+1) != foldedAge || d.tokenText(k) != age {
				continue
			}
			for _, kind := range []entryKind{entryRoleNoun, entrySource} {
				e, st, ok := d.cueEndingAt(s, k, kind)
				if !ok || e.gender != female && e.gender != male || d.mention[st] >= 0 && !d.people[d.mention[st]].unnamed {
					continue
				}
				switch {
				case g == "":
					g, at, ae = e.gender, st, k
				case g != e.gender:
					g = unknown
				}
				break
			}
		}
		if g == female || g == male {
			p := d.people[pi]
			p.gcues = append(p.gcues, genderCue{tierReference, g, d.cueOf("gender", cueDescription, g, at, ae)})
		}
	}
}

// onlyChildCue gives the one person a story introduces as a child (cháu,
// bé, em before the name), of no gender yet, the sex of the words for a
// girl or a boy the story uses, when it uses only one kind: "cháu N.T.P.N
// (7 tuổi) ... bà C. khẳng định con gái mình bị hãm hại". A story of a
// child victim names the child by initials and the parents call her their
// daughter.
func (s *Scorer) onlyChildCue(d *doc, known []string) {
	child := d.onlyChild()
	if child < 0 || known[child] != unknown {
		return
	}
	g, at, ae := "", -1, -1
	for k := 0; k < len(d.toks); k++ {
		kg := ""
		n := girlWords.longestAt(d, k)
		if n > k {
			kg = female
		} else if n = boyWords.longestAt(d, k); n > k {
			kg = male
		} else {
			continue
		}
		if g != "" && g != kg {
			return
		}
		if g == "" {
			g, at, ae = kg, k, n
		}
		k = n - 1
	}
	if g != "" {
		p := d.people[child]
		p.gcues = append(p.gcues, genderCue{tierReference, g, d.cueOf("gender", cueDescription, g, at, ae)})
	}
}

// onlyChildIntros are the child's words of childIntros without "em", which
// is as often a younger sibling or any young person addressed.
var onlyChildIntros = foldedWords("bé", "cháu", "cô bé", "cậu bé", "em bé", "cháu bé")

// girlWords and boyWords name a girl or a boy, a daughter or a son.
var (
	girlWords = foldedPhraseSet("con gái", "bé gái", "cháu gái", "cô bé", "em gái", "nữ sinh", "con gái tôi")
	boyWords  = foldedPhraseSet("con trai", "bé trai", "cháu trai", "cậu bé", "em trai", "nam sinh", "con trai tôi")
)

// demonstrativeRoleCues reads a gendered role noun with a demonstrative
// ("thiếu nữ này", "người phụ nữ trên", "nam thanh niên này") as taking up
// the nearest person named before it in its sentence or the one before who
// may be of that sex; when that person has no gender yet, the noun gives it:
// "Trí thấy T.H. say, nảy sinh ý định giao cấu với thiếu nữ này".
func (s *Scorer) demonstrativeRoleCues(d *doc, known []string) {
	for k := 1; k < len(d.toks); k++ {
		if d.quote[k] || d.mention[k] >= 0 || d.startKinds[k]&(1<<entryRoleNoun|1<<entrySource) == 0 {
			continue
		}
		e, end, ok := d.cueAt(s, k, entryRoleNoun)
		if !ok {
			e, end, ok = d.cueAt(s, k, entrySource)
		}
		if !ok || e.gender != female && e.gender != male || end >= len(d.toks) || !d.pointsBack(end) {
			continue
		}
		for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-1; j-- {
			m := d.mention[j]
			if m >= 0 && s.accountOwnerBefore(d, j, k) {
				// "Theo lời tố cáo của C., người đàn ông này ...": the one whose
				// account frames the clause is not the one it takes up.
				break
			}
			if m < 0 || d.people[m].unnamed || d.quote[j] || known[m] != unknown && known[m] != e.gender ||
				childNouns.spans(d, k, end) && !slices.ContainsFunc(d.people[m].intro, childIntros.has) {
				continue // "cậu bé này" is a child, not the businessman named before
			}
			// Only a Vietnamese name or initials: a foreign word taken for a
			// name ("SARS-CoV-2", "Youtuber") is as likely no one.
			if p := d.people[m]; known[m] == unknown && (p.vn || initials(p.key) == len(p.key)) {
				p.gcues = append(p.gcues, genderCue{tierReference, e.gender, d.cueOf("gender", cueReference, e.gender, k, end+1)})
			}
			break
		}
		k = end
	}
}

// childNouns are the role nouns of a child.
var childNouns = foldedPhraseSet("cậu bé", "cô bé", "bé gái", "bé trai", "em bé", "cháu bé", "bé")

// pointBack are the demonstratives after a noun that point back to someone
// just named.
var pointBack = foldedWords("này", "ấy", "trên")

// pointsBack reports a demonstrative at token k (pointBack). "trên" is one
// only where it closes the description, before punctuation or the
// predicate ("người phụ nữ trên đã trình báo"); before a noun it is the
// preposition: "nam thanh niên trên xe máy" is someone on a motorbike.
func (d *doc) pointsBack(k int) bool {
	if !d.in(pointBack, k) {
		return false
	}
	if d.tokenText(k) != foldedAbove || k+1 >= len(d.toks) || !d.isWord(k+1) {
		return true
	}
	return d.in(predicateOpeners, k+1)
}

var (
	foldedAbove = vntext.FoldString("trên")
	// predicateOpeners open a predicate right after its subject: a word
	// of tense, the passive, a negation or a copula.
	predicateOpeners = foldedWords("đã", "đang", "vừa", "sẽ", "từng", "mới", "bị", "được", "không", "chưa", "là",
		"cũng", "còn", "vẫn", "đều", "khai", "cho")
)

// ageAt returns the age set off at token b after a name, "(10 tuổi" or ",
// 24 tuổi" (a closing initial's dot may come first), or "".
func (d *doc) ageAt(b int) string {
	if b+1 < len(d.toks) && b > 0 && d.tokenText(b) == "." && d.initial(b-1) {
		b++
	}
	if b+2 >= len(d.toks) || d.tokenText(b) != "(" && d.tokenText(b) != "," || d.toks[b+1].Kind != vntext.Number ||
		d.tokenText(b+2) != foldedAge {
		return ""
	}
	return d.tokenText(b + 1)
}

// maxListItems bounds how far back a list of names is followed to its head.
const maxListItems = 8

// listRoleCue gives a person with no gender cue of their own the gender of
// a role noun that heads the list of names they close: "Nữ diễn viên Go
// Bo Gyeol, Han Ji Min, Gong Hye Jin đều gửi lời chúc" are three actresses.
// Every item before the mention [a, ...) must be a named person set off by
// a comma alone; an item with its own honorific or title ("hoa hậu
// A, ca sĩ B") opens another head, and the list is left alone. The cue is
// the weakest: it only speaks for a name nothing else speaks for.
func (s *Scorer) listRoleCue(d *doc, p *person, pi int32, a int) bool {
	k := a
	for range maxListItems {
		if k < 2 || d.sent[k-1] != d.sent[a] {
			return false
		}
		if d.tokenText(k-1) != "," {
			return false // "hoa hậu A và B": B is as often A's husband
		}
		m := d.mention[k-2]
		if m < 0 || m == pi || d.people[m].unnamed || d.quote[k-2] {
			return false
		}
		st := k - 2
		for st > 0 && d.mention[st-1] == m {
			st--
		}
		if e, rs, ok := d.cueEndingAt(s, st, entryRoleNoun); ok {
			if e.gender != female && e.gender != male {
				return false
			}
			p.gcues = append(p.gcues, genderCue{tierTable, e.gender, d.cueOf("gender", cueRoleNoun, e.gender, rs, st)})
			return true
		}
		if _, _, ok := d.cueEndingAt(s, st, entryHonorific); ok {
			return false
		}
		if _, _, ok := d.cueEndingAt(s, st, entryTitle); ok {
			return false
		}
		k = st
	}
	return false
}

// realNames gives a stage name the gender cues of the real name the story
// gives right after it ("Rapper Tyga - tên thật là Michael Ray
// Nguyen-Stevenson"): they are one person.
func (s *Scorer) realNames(d *doc) {
	for pi, p := range d.people {
		if p.unnamed {
			continue
		}
		for _, sp := range p.spans {
			k := sp[1]
			for k < len(d.toks) && (appositiveMark(d.tokenText(k)) || d.tokenText(k) == "(") {
				k++
			}
			end := realNameWords.longestAt(d, k)
			if end <= 0 || end >= len(d.toks) || d.mention[end] < 0 || int(d.mention[end]) == pi {
				continue
			}
			if q := d.people[d.mention[end]]; !q.unnamed {
				p.gcues = append(p.gcues, q.gcues...)
			}
		}
	}
}

// realNameWords introduce a person's real name after the name they go by.
var realNameWords = foldedPhraseSet("tên thật là", "tên thật", "tên khai sinh là", "tên khai sinh", "tên đầy đủ là",
	"tên thật của anh là", "tên thật của cô là")

// roleNounAnaphora gives a person whom nothing else sexes the sex of a
// gendered role noun that refers back to them by their title: "rapper
// Wowy ... Mỹ Tâm biết tới nam rapper khi ...". The role noun, with no
// name after it, names the nearest person introduced with the same title
// (its words after "nam"/"nữ") in its sentence or the two before.
func (s *Scorer) roleNounAnaphora(d *doc, known []string) {
	for k := 0; k < len(d.toks); k++ {
		if d.quote[k] || d.mention[k] >= 0 || d.startKinds[k]&(1<<entryRoleNoun) == 0 {
			continue
		}
		e, end, ok := d.cueAt(s, k, entryRoleNoun)
		if !ok || e.gender != female && e.gender != male || end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
			continue
		}
		words := strings.Fields(e.key)
		if len(words) < 2 || words[0] != foldedMale && words[0] != foldedFemale {
			continue
		}
		base := strings.Join(words[1:], " ")
		if commonRoles.has(base) {
			k = end - 1
			continue
		}
		for j := k - 1; j >= 0 && d.sent[j] >= d.sent[k]-2; j-- {
			m := d.mention[j]
			if m < 0 || d.people[m].unnamed || !slices.Contains(d.people[m].intro, base) {
				continue
			}
			if p := d.people[m]; known[m] == unknown {
				p.gcues = append(p.gcues, genderCue{tierReference, e.gender, d.cueOf("gender", cueReference, e.gender, k, end)})
			}
			break
		}
		k = end - 1
	}
}

// commonRoles are what many people of a story are (patients, staff,
// students): "nữ bệnh nhân" may be any of them, not the one named last.
var commonRoles = foldedWords("bệnh nhân", "nạn nhân", "du khách", "nhân viên", "bị cáo", "bị can", "sinh",
	"sinh viên", "sinh lớp", "công nhân", "tù", "phạm nhân", "nghi phạm")

// foldedMale and foldedFemale are "nam" and "nữ" as the folded text reads
// them.
var (
	foldedMale   = vntext.FoldString("nam")
	foldedFemale = vntext.FoldString("nữ")
)

// chineseWords mark a story about Chinese-language public life, whose
// people's names the press gives in their Sino-Vietnamese reading.
var chineseWords = []string{"trung quốc", "hoa ngữ", "hồng kông", "hong kong", "đài loan", "cbiz", "tvb",
	"weibo", "đại lục", "bắc kinh", "thượng hải", "c-pop", "tân hoa xã"}

// vietnameseWords mark a story set in Vietnam: the country, its two great
// cities and its local government. A story that names them as often as
// China is about Vietnamese people who deal with China ("tàu Trung Quốc",
// a match against a Chinese club), whose names are Vietnamese.
var vietnameseWords = []string{"việt nam", "hà nội", "tp.hcm", "tphcm", "tp hcm", "tp hồ chí minh",
	"thành phố hồ chí minh", "sài gòn", "ubnd"}

// chineseContext reports a story that names China-related places or media
// at least twice, and more often than Vietnam.
func (s *Scorer) chineseContext(d *doc) bool {
	// The kinds are read from the small meta array, not the entries (over
	// 100 bytes each): the loop goes over every hit of the document.
	n, vn := 0, 0
	for _, h := range d.hits { // the matcher found them with everything else
		switch s.m.meta[h.entry].kind {
		case entryChinese:
			n++
		case entryVietnamese:
			vn++
		}
	}
	return n >= 2 && n > vn
}

// chineseName reports a person whose name the press gives in its
// Sino-Vietnamese reading: everyone in a story about China, and anyone
// named right after China, Hong Kong or Taiwan in a story set in Vietnam
// ("Bộ trưởng Quốc phòng Trung Quốc Ngụy Phượng Hòa" beside "Bộ trưởng
// Phan Văn Giang").
func (s *Scorer) chineseName(d *doc, p *person) bool {
	if d.chinese {
		return true
	}
	for _, sp := range p.spans {
		if _, _, ok := d.cueEndingAt(s, sp[0], entryChinese); ok {
			return true
		}
		if k := sp[1]; k+2 < len(d.toks) && d.tokenText(k) == "(" {
			if _, end, ok := d.cueAt(s, k+1, entryChinese); ok && end < len(d.toks) && d.tokenText(end) == ")" {
				return true // "Lưu Gia Linh (Hồng Kông)"
			}
		}
	}
	return false
}

// vietnameseOnlyMiddles are middle names that no Sino-Vietnamese reading of
// a Chinese name carries: in a story that also speaks of China ("sang Trung
// Quốc bán con"), "Lương Thị Săn" is still a Vietnamese woman's name.
var vietnameseOnlyMiddles = foldedWords("thị")

// shortName reports a Vietnamese name of two syllables with no family
// name, as stage and short names go ("Đình Tú", "Hồng Đăng", "Quốc Cơ"):
// the first syllable is a middle name.
func (s *Scorer) shortName(d *doc, p *person) bool {
	if p.vn || len(p.key) != 2 || s.chineseName(d, p) || s.surnames.has(p.key[0]) {
		return false
	}
	sp := p.longestSpan()
	if sp[1]-sp[0] != 2 {
		return false
	}
	return d.vietnamese(sp[0]) && d.vietnamese(sp[0]+1)
}

// shortNameCues read a short name's first syllable as a middle name, for
// a person introduced with a title or an honorific, or quoted (a short
// name with neither is as often a place or a firm: "Bảo Việt"; one that
// speaks is a person: "Quốc Vượng khai", "Hồng Đăng chia sẻ") whom no
// other cue has decided: on its own when the table decides it ("Quốc Cơ"), else weighed
// with the given name ("Hồng Đăng"). They come after the quotes, the
// weakest evidence of all: they do not choose whom a pronoun takes up.
func (s *Scorer) shortNameCues(d *doc) {
	if s.textOnly {
		return
	}
	for _, p := range d.people {
		if p.unnamed || len(p.intro) == 0 && !p.quoted || !s.shortName(d, p) {
			continue
		}
		if g, _ := decide(p.gcues, nil); g != unknown {
			continue
		}
		mid := p.longestSpan()[0]
		if g := s.people.MiddleVI.GenderKey(p.key[0]); g != "" {
			p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+1)})
			continue
		}
		if g, bearers := s.fullNameGender(p.key[0], p.key[1]); g != "" {
			c := d.cueOf("gender", cueFullName, g, mid, mid+2)
			bearers[0].Name = d.cueOf("", "", "", mid, mid+1).Text
			bearers[1].Name = d.cueOf("", "", "", mid+1, mid+2).Text
			c.Bearers = bearers
			p.gcues = append(p.gcues, genderCue{tierTable, g, c})
		}
	}
}

// middleCue reads the middle name of a Vietnamese full name.
func (s *Scorer) middleCue(d *doc, p *person) {
	if p.vn && len(p.key) == 2 && p.key[1] == foldedThi && s.surnames.has(p.key[0]) {
		// A family name and "Thị", the given name typed in lower case or
		// left off ("Em Lê Thị ý Nhi, học sinh lớp 12"): a woman.
		sp := p.longestSpan()
		if sp[1]-sp[0] == 2 && sp[1] < len(d.toks) && d.isWord(sp[1]) && !d.isUpper(sp[1]) {
			p.gcues = append(p.gcues, genderCue{tierMiddle, female, d.cueOf("gender", cueMiddleName, female, sp[0]+1, sp[1])})
		}
		return
	}
	if !p.vn || len(p.key) < 3 || !vietnameseOnlyMiddles.has(p.key[1]) && s.chineseName(d, p) {
		return
	}
	sp := p.longestSpan()
	if sp[1]-sp[0] < 3 {
		return
	}
	mid := sp[0] + 1
	if g, ok := s.middle[p.key[1]]; ok {
		p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+1)})
		return
	}
	if s.textOnly {
		return // the counts table is knowledge of names, not a cue of the text
	}
	if len(p.key) == 4 {
		if g := s.people.MiddleVI.GenderKey(p.key[1] + " " + p.key[2]); g != "" {
			p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+2)})
			return
		}
	}
	if g := s.people.MiddleVI.GenderKey(p.key[1]); g != "" {
		p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, mid, mid+1)})
	}
}

// patronymics are the words inside an Arabic name that say whose son or
// daughter its bearer is: "Nayef bin Sultan", "Abdullah ibn Hussein" (a
// man), "Fatima bint Ali" (a woman).
var patronymics = map[string]string{"bin": male, "ibn": male, "bint": female}

// patronymicCue reads "bin", "ibn" or "bint" between two capitalised parts
// of a person's name as Văn and Thị are read: it states the sex.
func (s *Scorer) patronymicCue(d *doc, p *person) {
	if p.vn {
		return
	}
	sp := p.longestSpan()
	for k := sp[0] + 1; k < sp[1]-1; k++ {
		if g, ok := patronymics[d.tokenText(k)]; ok && d.isUpper(k-1) && d.isUpper(k+1) && !d.isUpper(k) {
			p.gcues = append(p.gcues, genderCue{tierMiddle, g, d.cueOf("gender", cueMiddleName, g, k, k+1)})
			return
		}
	}
}

// highlandCue reads the word that opens an Ê Đê or M'nông name as Văn and
// Thị are read: "Y" before a man's name ("Y Moan Niê"), "H'" glued to a
// woman's ("H'Lan Êban"). It states the sex whatever the rest of the name.
func (s *Scorer) highlandCue(d *doc, p *person) {
	sp := p.longestSpan()
	a, b := sp[0], sp[1]
	if b-a < 2 || !d.isUpper(a) || !d.isUpper(b-1) {
		return
	}
	switch t := d.tokenText(a); {
	case t == "y" && d.isUpper(a+1) && d.toks[a+1].Space:
		if _, end := s.gazetteerAt(d, a+1, b); end > 0 {
			return // "Y Hà Nội": a school of medicine, not a man
		}
		p.gcues = append(p.gcues, genderCue{tierMiddle, male, d.cueOf("gender", cueMiddleName, male, a, a+1)})
	case t == "h" && b-a >= 3 && (d.tokenText(a+1) == "'" || d.tokenText(a+1) == "’") &&
		!d.toks[a+1].Space && !d.toks[a+2].Space && d.isUpper(a+2):
		p.gcues = append(p.gcues, genderCue{tierMiddle, female, d.cueOf("gender", cueMiddleName, female, a, a+2)})
	}
}

// notableCue gives a well-known person their known gender.
func (s *Scorer) notableCue(d *doc, p *person) {
	g, ok := s.notable[strings.Join(p.key, " ")]
	if !ok || g == "" {
		return // not a notable, or a shared family name alone
	}
	sp := p.longestSpan()
	p.gcues = append(p.gcues, genderCue{tierNotable, g, d.cueOf("gender", cueNotable, g, sp[0], sp[1])})
}

// tableCue looks the given name up: the first word of a foreign name in the
// world table, else the last syllable of a Vietnamese name.
func (s *Scorer) tableCue(d *doc, p *person) {
	sp := p.longestSpan()
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
		foreign = foreign || !d.vietnamese(k)
	}
	// Not the "Shea" of "O'Shea": a family name, whatever "Shea" alone is.
	if !p.vn && foreign && !d.in(s.particles, words[0]) && !d.nameApostrophe(words[0]-1) &&
		(len(words) > 1 || len(p.intro) == 0 || childIntro(p.intro) || d.calledBy(p)) {
		first := words[0]
		if g := s.foreignGiven(d, first, first+1); g != "" {
			p.gcues = append(p.gcues, genderCue{tierTable, g, d.cueOf("gender", cueGivenName, g, first, first+1)})
			return
		}
	}
	if foreign {
		if g, c := s.nicknamedGiven(d, words); g != "" {
			p.gcues = append(p.gcues, genderCue{tierTable, g, c})
			return
		}
	}
	last := words[len(words)-1]
	if !foreign && s.chineseName(d, p) {
		return // Sino-Vietnamese readings of Chinese names do not follow Vietnamese name statistics
	}
	if g := s.people.GivenVI.GenderKey(d.tokenText(last)); g != "" {
		p.gcues = append(p.gcues, genderCue{tierTable, g, d.cueOf("gender", cueGivenName, g, last, last+1)})
		return
	}
	if p.vn && len(words) >= 3 && !slices.ContainsFunc(p.gcues, func(c genderCue) bool { return c.tier == tierMiddle }) {
		mid := last - 1
		middle := d.tokenText(mid)
		if len(p.key) == 4 && last-2 == words[len(words)-3] {
			if _, _, ok := s.people.MiddleVI.CountsKey(p.key[1] + " " + p.key[2]); ok {
				mid, middle = last-2, p.key[1]+" "+p.key[2]
			}
		}
		if g, bearers := s.fullNameGender(middle, d.tokenText(last)); g != "" {
			c := d.cueOf("gender", cueFullName, g, mid, last+1)
			// The names as the text writes them, not folded.
			bearers[0].Name = d.cueOf("", "", "", mid, last).Text
			bearers[1].Name = d.cueOf("", "", "", last, last+1).Text
			c.Bearers = bearers
			p.gcues = append(p.gcues, genderCue{tierTable, g, c})
		}
	}
}

// nicknamedGiven reads a Vietnamese stage name made of a given name (with
// its middle name) and one foreign nickname before or after it: "Hương
// Baby", "Hạnh Sino", "Trizzie Phương Trinh". The Vietnamese words, written
// with their tone marks (which romanised Korean, Chinese or Western names
// lack), decide by the Vietnamese tables: the given name, else the middle
// and given name together. It returns "" when the name is not such.
func (s *Scorer) nicknamedGiven(d *doc, words []int) (string, Cue) {
	if len(words) < 2 || len(words) > 3 {
		return "", Cue{}
	}
	nick := -1
	for i, k := range words {
		if !d.vietnamese(k) {
			if nick >= 0 {
				return "", Cue{}
			}
			nick = i
		}
	}
	if nick != 0 && nick != len(words)-1 {
		return "", Cue{}
	}
	vn := words[1:]
	if nick != 0 {
		vn = words[:len(words)-1]
	}
	marked := false
	for _, k := range vn {
		raw := d.text(k, k+1)
		marked = marked || vntext.FoldDiacritics(raw) != raw
	}
	if !marked || d.in(s.surnames, vn[0]) {
		return "", Cue{} // "David Nguyễn", "Lê Taylor": a family name, not a given one
	}
	given := vn[len(vn)-1]
	if g := s.people.GivenVI.GenderKey(d.tokenText(given)); g != "" {
		return g, d.cueOf("gender", cueGivenName, g, given, given+1)
	}
	if len(vn) == 2 {
		if g, bearers := s.fullNameGender(d.tokenText(vn[0]), d.tokenText(given)); g != "" {
			c := d.cueOf("gender", cueFullName, g, vn[0], given+1)
			bearers[0].Name = d.cueOf("", "", "", vn[0], given).Text
			bearers[1].Name = d.cueOf("", "", "", given, given+1).Text
			c.Bearers = bearers
			return g, c
		}
	}
	return "", Cue{}
}

// childIntros are the words a child is introduced with; a child goes by
// the given name ("bé Angela", "cháu Kevin"), where a lone word after a
// title is often a family name ("Tổng thống Silva").
var childIntros = foldedWords("bé", "cháu", "em", "cô bé", "cậu bé", "em bé", "cháu bé")

// childIntro reports a person introduced only with words for a child.
func childIntro(intro []string) bool {
	for _, in := range intro {
		if !childIntros.has(in) {
			return false
		}
	}
	return len(intro) > 0
}

// unambiguousCue is the given-name cue of the text-only policy: the last
// syllable of a Vietnamese name when nearly all its bearers are of one sex.
func (s *Scorer) unambiguousCue(d *doc, p *person) {
	if len(p.key) == 0 || !vntext.IsVietnameseSyllable(p.key[len(p.key)-1]) || s.chineseName(d, p) {
		return
	}
	th := s.people.UnambiguousGiven
	m, f, ok := s.people.GivenVI.CountsKey(p.key[len(p.key)-1])
	if !ok || th.MinCount == 0 || m+f < th.MinCount {
		return
	}
	g := ""
	switch {
	case float64(f) >= th.MinShare*float64(m+f):
		g = female
	case float64(m) >= th.MinShare*float64(m+f):
		g = male
	default:
		return
	}
	sp := p.longestSpan()
	p.gcues = append(p.gcues, genderCue{tierTable, g, d.cueOf("gender", cueGivenName, g, sp[1]-1, sp[1])})
}

// fullNameGender weighs a middle and a given name that do not decide alone
// ("Hồng Thăng", "Ngọc Lâm") as independent evidence: the odds of the two
// multiply, each smoothed by one bearer of either sex. Both names need
// full_name_vi.min_count bearers, and their combined share of one sex
// full_name_vi.min_share. It returns the sex and the counts it weighed.
func (s *Scorer) fullNameGender(middle, given string) (string, []NameBearers) {
	th := s.people.FullNameVI
	if th.MinShare <= 0 {
		return "", nil
	}
	m1, f1, ok1 := s.people.MiddleVI.CountsKey(middle)
	m2, f2, ok2 := s.people.GivenVI.CountsKey(given)
	if !ok1 || !ok2 || m1+f1 < th.MinCount || m2+f2 < th.MinCount {
		return "", nil
	}
	odds := float64(m1+1) / float64(f1+1) * float64(m2+1) / float64(f2+1)
	g := ""
	switch need := th.MinShare / (1 - th.MinShare); {
	case odds >= need:
		g = male
	case 1/odds >= need:
		g = female
	default:
		return "", nil
	}
	return g, []NameBearers{{middle, m1, f1}, {given, m2, f2}}
}

// referencesAfter records the words after the mention [a, b) that refer
// back to the person: a pronoun or gendered description opening the next
// clause or sentence while the person is its topic, and family words about
// them ("chồng cô").
func (s *Scorer) referencesAfter(d *doc, p *person, pi int32, a, b int) {
	s.referencesAfterGiven(d, p, pi, a, b, nil)
}

// referencesAfterGiven is referencesAfter; with known (each person's
// gender from their own cues), a pronoun opening the next sentence is the
// person's unless someone named around them may have the pronoun's sex,
// and only such pronouns are read (the rest were read before).
func (s *Scorer) referencesAfterGiven(d *doc, p *person, pi int32, a, b int, known []string) {
	if !d.firstInSentence(a) {
		return // the person is not the subject: a later pronoun refers to someone else
	}
	if p.unnamed && strings.Contains(vntext.FoldString(p.name), foldedNewsSource) {
		// "Một nguồn tin cho biết ..., cô bị sốc": a source says what
		// happened to the person the story is about; the pronoun is hers.
		return
	}
	// After a preposition ("lập gia đình với tỷ phú X") the person is no
	// subject either: the next sentence goes on about someone else.
	object := s.prepositionObject(d, a)
	clauseStart := false
	for k := b; k < len(d.toks) && k < b+60; k++ {
		if d.sent[k] > d.sent[a]+1 || d.mention[k] >= 0 && d.mention[k] != pi || object && d.sent[k] != d.sent[a] {
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
		afterMark := clauseStart
		clauseStart = false
		e, end, ok := d.cueAt(s, k, entryReference)
		if !ok || e.gender != female && e.gender != male {
			continue // "vị này" refers back but says nothing of gender
		}
		// Whether the word opens a clause is asked only of the few words that
		// refer back, not of every word after every mention.
		subject := afterMark || d.sent[k] != d.sent[a] && (d.sentenceStart(k) || afterSentenceAdverb(d, k)) ||
			d.sent[k] == d.sent[a] && (s.afterOwnSpeechVerb(d, b, k) || !p.unnamed && s.ownSubordinateClause(d, a, b, k))
		if end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
			continue // "của anh Hùng" introduces someone else
		}
		if d.properNoun(k) {
			continue
		}
		family := vntext.Tokens(vntext.FoldString(e.phrase))
		if len(family) >= 2 && k == b+1 {
			if t := d.tokenText(b); t == s.words.va || t == s.words.cung || t == s.words.voi {
				// "Kusuma và con gái cô": the two are joined; whose daughter
				// she is the sentence before says, not this name.
				continue
			}
		}
		possessor := !subject && len(family) < 2 && d.sent[k] == d.sent[a] && d.tokenText(k-1) == foldedOf &&
			!s.othersBefore(d, pi, a, "", nil) && !s.describesOther(d, end)
		if !subject && len(family) < 2 && !possessor {
			// A lone pronoun mid-clause may be an object or someone else; after
			// "của", with nobody else named around, it is the subject's:
			// "Giáo sư X và các đồng nghiệp của ông ...".
			continue
		}
		g := e.gender
		if len(family) >= 2 && k == b+1 && appositiveMark(d.tokenText(b)) {
			// "Đặng Tiệp, vợ ông": she is his wife, not a man with a wife.
			if ig, ok := kinGender[d.tokenText(k)]; ok {
				g = ig
			} else {
				continue
			}
		} else if len(family) < 2 && d.sent[k] != d.sent[a] && s.othersBefore(d, pi, a, g, known) &&
			(!adultPronouns.has(e.key) || s.adultsBefore(d, pi, a, g, known)) {
			// A pronoun opening the next sentence may refer to another person
			// of the story; not "hắn", "anh", "ông" to a child named around
			// ("H. kéo cháu N. vào phòng ... hắn chui xuống gầm giường").
			continue
		} else if known != nil && (len(family) >= 2 || d.sent[k] == d.sent[a]) {
			continue // read in the first pass
		}
		p.gcues = append(p.gcues, genderCue{tierReference, g, d.cueOf("gender", cueReference, g, k, end)})
		k = end - 1
	}
}

// describesOther reports a kinship or role noun at token k, right after a
// pronoun-like word: "của cô vợ Claudia", "của anh chồng", "của cô con gái"
// describe another person with "cô" or "anh" as their honorific; the word
// is no possessive pronoun of the person named before.
func (s *Scorer) describesOther(d *doc, k int) bool {
	if k >= len(d.toks) || !d.isWord(k) {
		return false
	}
	if _, ok := kinGender[d.tokenText(k)]; ok {
		return true
	}
	for _, kind := range []entryKind{entryRoleNoun, entryReference} {
		if _, _, ok := d.cueAt(s, k, kind); ok {
			return true
		}
	}
	return false
}

// ownSubordinateClause reports a pronoun at token k that opens a clause
// after one of pronounClauseOpeners, in the sentence of the person whose
// mention ends at b, with no speech verb, description or other pronoun
// between (whose words or whom the clause may be about).
func (s *Scorer) ownSubordinateClause(d *doc, a, b, k int) bool {
	if k-b < 2 || !d.in(pronounClauseOpeners, k-1) {
		return false
	}
	if s.afterCua(d, a) || s.possessed(d, a) || s.possessorOfKin(d, a) {
		return false // "Vợ của Mạnh ..., trong khi anh ...": the subject is someone else
	}
	if _, _, ok := d.cueEndingAt(s, a, entryPossessive); ok || a > 0 && kinGender[d.tokenText(a-1)] != "" {
		return false // "Ba Sáu ít chữ nên ông ...": Sáu's father is the subject
	}
	for _, kind := range []entryKind{entryRoleNoun, entrySource, entryPossessive, entryReference} {
		if _, end, ok := d.cueAt(s, k, kind); ok && end > k+1 {
			return false // "vì cô con gái nuôi của mình": a description of someone else
		}
		if _, _, ok := d.cueAt(s, k+1, kind); ok && k+1 < len(d.toks) {
			return false // "cô" + "con gái": the same
		}
	}
	for j := b; j < k-1; j++ {
		if d.quote[j] || d.startKinds[j]&(1<<entrySpeech|1<<entryReference|1<<entryRoleNoun|1<<entryHonorific|1<<entrySource) != 0 {
			return false
		}
	}
	return true
}

// pronounClauseOpeners open a clause, in the sentence of the person named
// as its subject, whose own subject a pronoun right after them is the
// same person: "X trở lại màn ảnh sau khi cô kết hôn", "X nghỉ diễn vì anh
// bị ốm", "X rất vui nhưng cô vẫn lo".
var pronounClauseOpeners = foldedWords("khi", "vì", "nên", "nhưng", "dù", "tuy", "nếu", "song")

// sentenceAdverbs open a sentence before its subject with no comma: "Sau
// đó cô lại được chọn biểu diễn", "Hiện anh sống ở Đà Lạt".
var sentenceAdverbs = foldedPhraseSet("sau đó", "ngay sau đó", "rồi", "lúc đó", "khi đó", "từ đó", "sau này", "hiện",
	"hiện nay", "hiện tại", "giờ đây", "bây giờ", "vì thế", "vì vậy", "do đó", "bởi vậy", "thế nhưng", "tuy nhiên",
	"nhưng", "còn",
	// the day or part of a day fronted: "Sáng nay ông tuyên bố ..."
	"hôm nay", "hôm qua", "sáng nay", "chiều nay", "tối nay", "sáng qua", "chiều qua", "tối qua", "trước đó")

// afterSentenceAdverb reports token k right after a sentence adverb that
// opens its sentence.
func afterSentenceAdverb(d *doc, k int) bool {
	for n := 1; n <= 3 && k-n >= 0; n++ {
		if d.sentenceStart(k - n) {
			return sentenceAdverbs.spans(d, k-n, k)
		}
	}
	return false
}

// afterOwnSpeechVerb reports a word that opens what a speech verb reports
// ("Pushpika tuyên bố cô bị thương", "X cho biết rằng anh ..."), where the
// verb is the predicate of the person whose mention ends at token b: in the
// person's own sentence, no one else named since, a few words after the
// name and no conjunction between that would open a clause with another
// subject ("X ... và các nhà quan sát cáo buộc rằng bà ...").
func (s *Scorer) afterOwnSpeechVerb(d *doc, b, k int) bool {
	// A verb that ends in "rằng" itself ("cho rằng anh ...") ends right
	// before the pronoun; else "rằng" or "là" may follow the verb.
	_, start, ok := d.cueEndingAt(s, k, entrySpeech)
	if !ok && k > 0 && (d.tokenText(k-1) == foldedRang || d.tokenText(k-1) == foldedLa) {
		_, start, ok = d.cueEndingAt(s, k-1, entrySpeech)
	}
	if !ok || start < b || start-b > 12 && !(start-b <= maxAppositiveSpan && appositiveSpan(d, b, start)) {
		return false
	}
	for j := b; j < start; j++ {
		if d.in(clauseConjunctions, j) {
			return false
		}
	}
	return true
}

// maxAppositiveSpan is how many tokens an appositive between a name and
// its speech verb may take: "X, người điều hành nghĩa trang Y ở Manaus,
// thủ phủ bang Amazonas, mô tả rằng anh ...".
const maxAppositiveSpan = 32

// appositiveSpan reports tokens [b, start) that set off a description of the
// person just named: a comma right after the name, a comma right before the
// verb, all in one sentence and no quotation inside.
func appositiveSpan(d *doc, b, start int) bool {
	if b >= start || d.tokenText(b) != "," || d.tokenText(start-1) != "," {
		return false
	}
	for j := b; j < start; j++ {
		if d.quote[j] || d.sent[j] != d.sent[b] {
			return false
		}
	}
	return true
}

// foldedRang and foldedLa are "rằng" and "là" as the folded text reads them.
var foldedRang, foldedLa = vntext.FoldString("rằng"), vntext.FoldString("là")

// clauseConjunctions join clauses that may have subjects of their own.
var clauseConjunctions = foldedWords("và", "nhưng", "còn", "mà")

// appositiveRoleCue reads a gendered role noun in apposition right after
// a mention ending at token b: "Minh - nam sinh lớp 11 ...", "Lan Anh, nữ
// giám đốc của ...". A comma after a name may also close a fronted phrase
// whose subject follows ("Ngả vào vòng tay ông Minh, cô bé vẫn khóc"), so
// after a comma the noun counts only where the name opens the sentence or
// clause, or where the noun runs on to "của" (a noun phrase, not a
// subject). A capital after the noun introduces another person ("Hùng,
// nữ ca sĩ Mai Lan") and a capital noun is a name ("Thụy Khuê - Thanh Niên"),
// but not after "của" or an honorific: "Chue, con gái của Daw Lin" is the
// daughter, Daw Lin whose.
func (s *Scorer) appositiveRoleCue(d *doc, p *person, a, b int) {
	if b+1 >= len(d.toks) || d.sent[b+1] != d.sent[a] {
		return
	}
	paren := d.tokenText(b) == "("
	if paren {
		// The age or birth year first: "N.X.V (32 tuổi, chồng chị L.)",
		// "Lan (SN 1990, vợ anh Tuấn)": the tie after it is still the
		// parenthesis's.
		if j := d.bioItemEnd(b + 1); j > 0 && j+1 < len(d.toks) && d.tokenText(j) == "," && d.sent[j+1] == d.sent[a] {
			b = j
		}
	}
	comma := false
	switch d.tokenText(b) {
	case ",":
		comma = !paren
	case "-", "–", "(":
	default:
		return
	}
	e, end, ok := d.cueAt(s, b+1, entryRoleNoun)
	if d.isUpper(b+1) && (d.tokenText(b) != "-" && d.tokenText(b) != "–" || !ok || d.mention[b+1] >= 0) {
		// A capital is a name ("Thụy Khuê - Thanh Niên"), except a
		// pageant's or a show's title written capitalised after a dash:
		// "Ngọc Dao - Á khôi 1 cuộc thi Y - cho biết".
		return
	}
	if !ok {
		// A gendered description of a source: "Trương Mạt, con gái đầu của
		// đạo diễn ...", "X, một phụ nữ 45 tuổi, ...".
		e, end, ok = d.cueAt(s, b+1, entrySource)
	}
	// "một" makes the noun a description of the name before it, whatever
	// comes before the name, when a comma or the sentence's end closes it
	// soon: "Tại chợ, Hạnh, một cô gái 20 tuổi, cho biết".
	indef := d.tokenText(b+1) == s.words.mot
	if !ok && indef {
		e, end, ok = d.cueAt(s, b+2, entryRoleNoun)
	}
	indef = indef && ok && d.appositiveClosed(a, end)
	if !ok || e.gender != female && e.gender != male {
		return
	}
	opens := d.sentenceStart(a) || a > 0 && (d.tokenText(a-1) == ";" || d.tokenText(a-1) == ":")
	// "bố của 30 cháu": the description says whose relative the person is.
	of := end > b+1 && d.tokenText(end-1) == foldedOf
	for k := end; !of && k < len(d.toks) && k < end+12 && d.sent[k] == d.sent[a]; k++ {
		if d.isWord(k) && d.isUpper(k) {
			if _, _, hon := d.cueEndingAt(s, k, entryHonorific); hon {
				// "X, con gái bà Daw Lin": a name after an honorific is
				// whose relative X is, not the noun's own bearer.
				of = true
				break
			}
			if comma || k == end && (!d.isUpper(b+1) || d.mention[k] >= 0) {
				return
			}
			break
		}
		if d.tokenText(k) == foldedOf {
			of = true
			break
		}
		if d.toks[k].Kind == vntext.Punct {
			break
		}
	}
	if comma && !opens && !of && !indef {
		return
	}
	p.gcues = append(p.gcues, genderCue{tierHonorific, e.gender, d.cueOf("gender", cueRoleNoun, e.gender, b+1, end)})
}

// bioItemEnd returns the end of an age or a birth year at token k ("32
// tuổi", "SN 1990", "sinh năm 1990"), or -1.
func (d *doc) bioItemEnd(k int) int {
	if k+1 >= len(d.toks) {
		return -1
	}
	switch t := d.tokenText(k); {
	case d.toks[k].Kind == vntext.Number && d.tokenText(k+1) == foldedAge:
		return k + 2
	case t == foldedSN && d.toks[k+1].Kind == vntext.Number:
		return k + 2
	case t == foldedBorn && k+2 < len(d.toks) && d.tokenText(k+1) == foldedYear && d.toks[k+2].Kind == vntext.Number:
		return k + 3
	}
	return -1
}

// copulaRoleCue reads a gendered role noun after "là" right after a
// mention [a, b): "Seo Ji Hye là nữ diễn viên ...", "X cũng là một người mẹ
// ...", "Y vốn là con gái của ...". Not when the mention is whose
// ("mẹ của X là ...", "người yêu X là nữ ca sĩ"): the copula's subject is
// then someone else.
func (s *Scorer) copulaRoleCue(d *doc, p *person, a, b int) {
	k := b
	if k < len(d.toks) && d.in(copulaAdverbs, k) {
		k++
	}
	if k+1 >= len(d.toks) || d.tokenText(k) != foldedLa || d.sent[k] != d.sent[a] {
		return
	}
	k++
	if d.tokenText(k) == s.words.mot {
		k++
	}
	e, end, ok := d.cueAt(s, k, entryRoleNoun)
	if !ok {
		e, end, ok = d.cueAt(s, k, entryReference)
	}
	if !ok || e.gender != female && e.gender != male || end < len(d.toks) && d.isWord(end) && d.isUpper(end) {
		return // "X là nữ diễn viên Y": another name; X is Y, by a name of its own
	}
	if s.afterCua(d, a) || s.possessed(d, a) || s.possessorOfKin(d, a) {
		return
	}
	if _, _, ok := d.cueEndingAt(s, a, entryPossessive); ok {
		return
	}
	p.gcues = append(p.gcues, genderCue{tierHonorific, e.gender, d.cueOf("gender", cueRoleNoun, e.gender, k, end)})
}

// descriptionBeforeCue reads a gendered description set off by a comma
// right before a mention [a, b) that is itself set off after it: "Huỳnh
// Dịch và người chồng thứ hai, Huỳnh Nghị Thanh, khi còn hạnh phúc", "cô
// con gái út, Mai Anh, năm nay lên mười": the name is the one described.
func (s *Scorer) descriptionBeforeCue(d *doc, p *person, a, b int) {
	if a < 3 || d.tokenText(a-1) != "," || b >= len(d.toks) || !appositiveMark(d.tokenText(b)) && d.tokenText(b) != "." {
		return
	}
	for st := a - 2; st >= max(0, a-6) && d.sent[st] == d.sent[a]; st-- {
		if d.mention[st] >= 0 || d.quote[st] || !d.isWord(st) {
			return
		}
		e, end, ok := d.cueAt(s, st, entryRoleNoun)
		if !ok {
			e, end, ok = d.cueAt(s, st, entryReference)
		}
		if !ok || end > a-1 || end-st < 2 || e.gender != female && e.gender != male || d.properNoun(st) {
			continue // (a lone pronoun is as likely a possessor: "Con rể cô, X"; a capital, a place: "Đông Anh")
		}
		if st > 0 && d.sent[st-1] == d.sent[st] && !d.in(descriptionOpeners, st-1) {
			return // the noun is inside a longer phrase ("Thái Bình công chúa, X": a list of titles)
		}
		// Only ordinals and "cũ", "mới", "út", "cả" may follow the noun.
		for j := end; j < a-1; j++ {
			if !d.in(descriptionTails, j) && d.toks[j].Kind != vntext.Number {
				return
			}
		}
		if st > 0 && d.tokenText(st-1) == foldedOf {
			return
		}
		p.gcues = append(p.gcues, genderCue{tierHonorific, e.gender, d.cueOf("gender", cueRoleNoun, e.gender, st, end)})
		return
	}
}

// maxKinListItems bounds the names a list after "là" is followed back over.
const maxKinListItems = 4

// kinNamedCue reads a gendered kin or role noun that "là" ties to the
// mention at token a: "con gái của chị là bé H.", "hai đứa con gái là bé A
// (11 tuổi) và bé C", "người bị hại là nữ sinh ... ": crime reporting names
// a victim or a relative so, by initials or a given name that say nothing of
// the sex. The noun (two words or more: a lone "chị" is as likely whose)
// opens the clause before "là", with only whose it is between ("của chị",
// a name, an ordinal); the mention is the predicate or an item of the list
// it opens.
func (s *Scorer) kinNamedCue(d *doc, p *person, pi int32, a int) {
	st := a
	if _, hs, ok := d.cueEndingAt(s, st, entryHonorific); ok {
		st = hs
	}
	for item := 0; ; item++ {
		if st < 2 || item > maxKinListItems || d.sent[st-1] != d.sent[a] {
			return
		}
		t := d.tokenText(st - 1)
		if t == foldedLa {
			break
		}
		if t != "," && t != foldedAnd {
			return
		}
		k := st - 2 // the item before: a name, its parenthesis after it
		if d.tokenText(k) == ")" {
			for k > 0 && d.tokenText(k) != "(" && d.sent[k] == d.sent[a] {
				k--
			}
			k--
		}
		if k > 0 && d.tokenText(k) == "." && d.initial(k-1) {
			k-- // the dot that closes an initial: "bé M. (10 tuổi) và bé K."
		}
		if k < 0 || d.mention[k] < 0 || d.mention[k] == pi || d.people[d.mention[k]].unnamed {
			return
		}
		for k > 0 && d.mention[k-1] == d.mention[k] {
			k--
		}
		st = k
		if _, hs, ok := d.cueEndingAt(s, st, entryHonorific); ok {
			st = hs
		}
	}
	la := st - 1
	for ns := la - 1; ns >= max(0, la-8) && d.sent[ns] == d.sent[a]; ns-- {
		if d.quote[ns] {
			return
		}
		e, end, ok := d.cueAt(s, ns, entryRoleNoun)
		if !ok || end > la {
			e, end, ok = d.cueAt(s, ns, entrySource)
		}
		if !ok || end > la || end-ns < 2 || e.gender != female && e.gender != male {
			continue
		}
		for j := end; j < la; j++ {
			if !d.in(descriptionTails, j) && !d.in(kinOwners, j) && d.mention[j] < 0 && d.toks[j].Kind != vntext.Number {
				return // a verb or another clause between: "con gái chị bị X đánh là ..."
			}
		}
		if ns > 0 && d.sent[ns-1] == d.sent[ns] && !d.in(kinClauseOpeners, ns-1) {
			return // inside a longer phrase: "báo cho con gái là ...", "đánh vợ là ..."
		}
		p.gcues = append(p.gcues, genderCue{tierHonorific, e.gender, d.cueOf("gender", cueRoleNoun, e.gender, ns, end)})
		return
	}
}

// kinOwners may stand between a kin noun and "là": whose kin it is.
var kinOwners = foldedWords("của", "chị", "anh", "ông", "bà", "cô", "chú", "bác", "em", "cháu", "bé", "nạn nhân",
	"mình", "hắn", "y", "thị", "này", "ấy", "đó", "đứa", "người")

// kinClauseOpeners may come right before the kin noun that opens a clause
// before "là": a count, a classifier, a comma or the opening of a sentence.
var kinClauseOpeners = foldedWords(",", ".", ":", ";", "(", "hai", "ba", "2", "3", "đứa", "cô", "người", "cậu", "và",
	"trong", "đó", "nhưng")

// spouseBeforeCue reads "vợ" or "chồng" (or "bà xã", "ông xã") right
// before a mention at token a that another person's name and "và",
// "cùng", "với" or "bên" come before: "Hoàng tử Harry và vợ Meghan" names
// Harry's wife, a woman.
func (s *Scorer) spouseBeforeCue(d *doc, p *person, pi int32, a int) {
	st, g := spouseWordBefore(d, a)
	if st < 2 {
		return
	}
	if m := d.mention[st-2]; m < 0 || m == pi || d.people[m].unnamed {
		return
	}
	p.gcues = append(p.gcues, genderCue{tierHonorific, g, d.cueOf("gender", cueRoleNoun, g, st, a)})
}

// spouseWordBefore returns where a word for a wife or a husband that ends
// right before token a starts, after "và", "cùng", "với" or "bên" in the
// same sentence ("X và vợ Y"), and the sex it says; -1 if there is none.
func spouseWordBefore(d *doc, a int) (int, string) {
	for n := 1; n <= 2 && a-n-1 >= 0; n++ {
		st := a - n
		g := ""
		switch {
		case wifeWords.spans(d, st, a):
			g = female
		case husbandWords.spans(d, st, a):
			g = male
		default:
			continue
		}
		if d.sent[st-1] != d.sent[a] || !d.in(descriptionOpeners, st-1) || d.tokenText(st-1) == "," {
			return -1, ""
		}
		return st, g
	}
	return -1, ""
}

// descriptionOpeners may stand before a description set off before a
// name: "và người chồng thứ hai, X", "cùng cô con gái, Y", "Ngoài ra, bà
// mẹ, Z".
var descriptionOpeners = foldedWords(",", "và", "cùng", "với", "bên", "là", ":")

// descriptionTails may follow the noun of a description set off before a
// name: "người chồng thứ hai", "cô con gái út", "người vợ cũ".
var descriptionTails = foldedWords("thứ", "hai", "ba", "tư", "năm", "nhất", "đầu", "cũ", "mới", "út", "cả", "lớn",
	"nhỏ", "đầu tiên", "tiên", "hiện", "tại", "sau", "trước", "của", "mình", "anh", "cô", "chị", "ông", "bà")

// copulaAdverbs may stand between a name and "là": "X cũng là", "X từng
// là", "X vốn là", "X chính là", "X hiện là".
var copulaAdverbs = foldedWords("cũng", "từng", "vốn", "chính", "hiện", "vẫn", "đã")

// appositiveClosed reports a comma or dash, or the sentence's end, within
// a few tokens after token end in the sentence of token a: the end of an
// appositive ("anh gặp Đào, một cô gái từ miệt vườn lên thành phố.").
func (d *doc) appositiveClosed(a, end int) bool {
	for k := end; k < end+12; k++ {
		if k >= len(d.toks) || d.sent[k] != d.sent[a] || appositiveMark(d.tokenText(k)) {
			return true
		}
	}
	return false
}

// foldedOf is "của" as the folded text reads it.
var foldedOf = vntext.FoldString("của")

// properNoun reports a capital inside a sentence: Vietnamese writes a
// pronoun or kin word in lower case there, so "Anh" is England, "Thanh
// Niên" a newspaper, not "anh" or "thanh niên". After a closing
// parenthesis ("(Theo Reuters) Ông cũng nói") a sentence may start.
func (d *doc) properNoun(k int) bool {
	return d.isUpper(k) && !d.sentenceStart(k) && d.tokenText(k-1) != ")"
}

// kinGender is the gender of the kin word a family reference starts with,
// for "X, vợ ông" where X is the kin.
var kinGender = func() map[string]string {
	m := map[string]string{}
	for w, g := range map[string]string{"vợ": female, "chồng": male, "mẹ": female, "bố": male, "cha": male,
		"con": "", "bạn": ""} {
		if g != "" {
			m[vntext.FoldString(w)] = g
		}
	}
	return m
}()

// appositiveMark is a comma or dash that opens an appositive.
func appositiveMark(t string) bool { return t == "," || t == "-" || t == "–" }

// othersBefore reports another person mentioned in the two sentences before
// the mention at token a: a pronoun that follows may be theirs.
// With known (each person's gender from their own cues), only a person who
// may be of gender g counts: one of that gender or unknown.
func (s *Scorer) othersBefore(d *doc, pi int32, a int, g string, known []string) bool {
	other := func(m int32) bool {
		return m >= 0 && m != pi && !d.people[m].unnamed && (known == nil || known[m] == g || known[m] == unknown)
	}
	return mentionedNear(d, a, other)
}

// mentionedNear reports whether a mention that other accepts lies in the two
// sentences before token a or in its own sentence.
func mentionedNear(d *doc, a int, other func(int32) bool) bool {
	for k := a - 1; k >= 0 && d.sent[k] >= d.sent[a]-2; k-- {
		if other(d.mention[k]) {
			return true
		}
	}
	for k := a; k < len(d.toks) && d.sent[k] == d.sent[a]; k++ {
		if other(d.mention[k]) {
			return true
		}
	}
	return false
}

// adultPronouns are the gendered pronouns that never stand for a child.
var adultPronouns = foldedWords("hắn", "gã", "anh ta", "ông ta", "anh ấy", "ông ấy", "bà ấy", "chị ấy", "anh", "ông",
	"bà", "chị", "bà ta", "chị ta", "mụ", "y")

// adultsBefore is othersBefore without the people introduced as children
// (cháu, bé, em before the name).
func (s *Scorer) adultsBefore(d *doc, pi int32, a int, g string, known []string) bool {
	other := func(m int32) bool {
		return m >= 0 && m != pi && !d.people[m].unnamed && (known == nil || known[m] == g || known[m] == unknown) &&
			!slices.ContainsFunc(d.people[m].intro, childIntros.has)
	}
	return mentionedNear(d, a, other)
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
		p.gender, p.gwhy = decide(p.gcues, p.gwhy)
	}
}

// decide applies the tiers to a person's gender cues. The cues that
// decided go in buf's array, the person's earlier ones: only output reads
// them, and it copies them.
func decide(cues []genderCue, buf []Cue) (string, []Cue) {
	skip := textOverMiddle(cues)
	for tier := tierHonorific; tier <= tierTable; tier++ {
		if tier == skip {
			continue
		}
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
		why := buf[:0]
		for _, c := range cues {
			if c.tier != tier || g != "" && c.gender != g {
				continue
			}
			if !slices.ContainsFunc(why, func(w Cue) bool { return w.Kind == c.cue.Kind && w.Text == c.cue.Text }) && len(why) < 4 {
				why = append(why, c.cue)
			}
		}
		if g == "" {
			why = append(why, Cue{}) // the conflict goes first
			copy(why[1:], why)
			why[0] = Cue{Decides: "gender", Kind: cueConflict, Value: unknown}
			return unknown, why
		}
		return g, why
	}
	return unknown, append(buf[:0], Cue{Decides: "gender", Kind: cueNone, Value: unknown})
}

// textOverMiddle returns the middle-name tier when the text itself says the
// other sex at least twice and never the middle's: "Phạm Văn Phương ...
// Chị cho biết ... chồng chị" is a woman whatever "Văn" says. No honorific
// or role noun may have spoken (they decide first anyway). Otherwise it
// returns 0: no tier is skipped.
func textOverMiddle(cues []genderCue) int {
	mid, ref := "", ""
	nref := 0
	for _, c := range cues {
		switch c.tier {
		case tierHonorific:
			return 0
		case tierMiddle:
			if mid != "" && mid != c.gender {
				return 0
			}
			mid = c.gender
		case tierReference:
			if c.gender != female && c.gender != male || ref != "" && ref != c.gender {
				return 0
			}
			ref = c.gender
			nref++
		}
	}
	if mid == "" || ref == "" || ref == mid || nref < 2 {
		return 0
	}
	return tierMiddle
}

// accountOwnerBefore reports a mention ending at token j that is the
// possessor ("của X") closing a framing phrase right before the
// description at k, a comma between: "Theo lời kể của chị H., gã này ...".
func (s *Scorer) accountOwnerBefore(d *doc, j, k int) bool {
	m := d.mention[j]
	a := j
	for a > 0 && d.mention[a-1] == m {
		a--
	}
	if a == 0 || d.tokenText(a-1) != foldedOf && !(a > 1 && d.tokenText(a-2) == foldedOf) {
		return false
	}
	e := j + 1
	if e < k && d.tokenText(e) == "." {
		e++
	}
	return e+1 == k && d.tokenText(e) == ","
}

// calledBy reports a person one of whose mentions follows "tên" ("một
// người bạn trai ngoại quốc tên Anthony", "cô gái tên Mary"): the word
// after it is what they are called, a given name, not a family name after
// a title.
func (d *doc) calledBy(p *person) bool {
	for _, sp := range p.spans {
		if sp[1]-sp[0] == 1 && sp[0] > 0 && d.tokenText(sp[0]-1) == foldedName {
			return true
		}
	}
	return false
}
