package scorer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"genderlens/rules"
	"genderlens/vntext"
)

// Stages 1 and 2 of the people finder: capitalised runs become candidates
// with what stands before them (honorific, role noun, title, "theo"), and
// the runs that name places, organisations, clubs, media, competitions,
// bands, brands or works are set aside.

// candidate is a capitalised run that may name a person.
type candidate struct {
	a, b     int // the name's tokens, after what the run starts with is stripped
	runA     int // where the capitalised run starts
	honor    *cueSpan
	roleNoun *cueSpan
	title    *cueSpan
	strong   bool   // it names a person on its own; weak ones only join a person named elsewhere
	family   bool   // "họ Phạm": a family name standing for a person named elsewhere
	why      string // for weak candidates: why they are not people on their own
	// givenOnly: a country's name that may only be the given name of a
	// Vietnamese full name found elsewhere ("Đức" of "Lê Anh Đức").
	givenOnly bool
	// desc is a description that names them with "tên": "cô con gái tên Trâm".
	desc *cueSpan
	// titleElse: the title stands before "của" and the name after it, far
	// back ("các bác sĩ Pháp không chẩn đoán được bệnh của ông Arafat"): it
	// tells a person is named, not what they are.
	titleElse bool
	// titleFar: the title stands before a word that opens a clause of its
	// own ("các bác sĩ ... đã đề xuất đưa ông Arafat"): it still gives a
	// role, as the press often writes a player's or a star's so, but no
	// description for a later "Bác sĩ nói" to take up.
	titleFar bool
}

// reason says why a run is not a person: text, with %s standing for arg.
// It is written out only for an explanation, so most runs cost no string.
type reason struct {
	text, arg string
	// place: the words before the run make it a place or organisation
	// ("thành phố Thanh Đảo"), which the article's other mentions of the
	// same name then are too.
	place bool
	// org: the run itself opens with a word for an organisation or place
	// ("Tổng cục ...", "Công ty ..."); its short name may follow in
	// parentheses.
	org bool
	// thing: the run is the name of a place, an organisation or a work the
	// gazetteer knows ("Cát Bà", "Bà Rịa"), whose words name no one.
	thing bool
	// firm: a firm's word before the run ("công ty Hoàng Quân"): the name is
	// the firm's wherever it stands bare, unless the story also writes it
	// as an owner ("công ty quản lý của X": X's agency).
	firm bool
}

// String writes the reason out, when the document asked for an explanation.
func (r reason) String(d *doc) string {
	if !d.explain || r.arg == "" {
		return r.text
	}
	return strings.Replace(r.text, "%s", r.arg, 1)
}

// orgGoesOn reports an organisation's name that ends at token end or goes
// on in lower case to token k ("Tổng cục Phát thanh Truyền hình Quốc gia").
func (d *doc) orgGoesOn(end, k int) bool {
	if end < 0 || k < end || k-end > 4 {
		return false
	}
	for j := end; j < k; j++ {
		if !d.isWord(j) || d.sent[j] != d.sent[k] {
			return false
		}
	}
	return true
}

// englishPossessive reports an English possessive glued to the run that
// ends at token b and followed by a capitalised word: "Rainey's Black".
func (d *doc) englishPossessive(b int) bool {
	if b+2 >= len(d.toks) || d.toks[b].Space || d.toks[b+1].Space || !d.toks[b+2].Space {
		return false
	}
	if t := d.tokenText(b); t != "'" && t != "’" || d.tokenText(b+1) != "s" {
		return false
	}
	return d.isWord(b+2) && d.isUpper(b+2)
}

// foldedGui is "gửi" (to send), as in "Người gửi:" (sender).
var foldedGui = vntext.FoldString("gửi")

// mailHeaderFields are the fields of an e-mail header as the folded text
// reads them.
var mailHeaderFields = map[string]bool{"from": true, "to": true, "sent": true, "subject": true, "cc": true, "date": true}

// cueSpan is a cue found at tokens [a, b). Its entry is the matcher's own
// (as cueAt gives it), not a copy: a candidate keeps up to four cueSpans,
// and a copy of an entry was 104 bytes.
type cueSpan struct {
	e    *entry
	a, b int
}

// candidates finds the capitalised runs of the text (stage 1) and sets
// aside those that are not people (stage 2).
func (s *Scorer) candidates(d *doc) []candidate {
	n := len(d.toks)
	byline := s.bylineStart(d)
	out := d.cands[:0] // the doc's, reused from one check to the next
	defer func() { d.cands = out }()
	// Before merging there are no mentions yet: the names found so far
	// mark where a later title is in someone's appositive.
	d.named = resize(d.named, n)
	d.nonPerson = resize(d.nonPerson, n)
	var places map[string]int
	var firms map[string]bool
	orgEnd := -1 // the end of the last run that names an organisation
	// placeEnd is the end of the last run set aside as a place by the word
	// before it; placePlural says that word was plural ("các huyện").
	placeEnd, placePlural, placeAdmin := -1, false, false
	for i := 0; i < n; {
		if !d.isWord(i) || !d.isUpper(i) || i >= byline {
			i++
			continue
		}
		j := d.runEnd(s, i)
		c, why := s.candidate(d, i, j)
		if why.text == "" && c.a < c.b {
			if r, ok := s.placeListItem(d, i, j, c, placeEnd, placePlural, placeAdmin); ok {
				c, why = candidate{}, r
			}
		}
		if k := c.a; why.text == "" && c.a < c.b && k >= 2 && d.tokenText(k-1) == "." && d.in(adminAbbrevs, k-2) &&
			d.isUpper(k-2) && !d.toks[k-1].Space && (k < 4 || d.tokenText(k-3) != ".") && c.honor == nil {
			// "P.Phạm Ngũ Lão", "Q.Ninh Kiều", "H. Phước Sơn": the ward,
			// district or county of an address, abbreviated (not
			// "P.T.B.A.", a person's initials).
			c, why = candidate{}, reason{text: "after \"%s\": a place or organisation", arg: d.text(k-2, k), place: true}
		}
		if why.text == "" && c.a < c.b && s.dashedPlaceHalf(d, i, j, c, orgEnd) {
			c, why = candidate{}, reason{text: "the second half of a place's name joined by a dash", place: true}
		}
		if why.text == "" && i >= 2 && d.tokenText(i-1) == "(" && j < n && d.tokenText(j) == ")" && d.orgGoesOn(orgEnd, i-1) {
			// "Tổng cục Phát thanh Truyền hình (Quảng Điện)": the short name
			// of the organisation just named, here and where it stands alone.
			c, why = candidate{}, reason{text: "the short name of the organisation before it", place: true, org: true}
		}
		if why.text == "" && c.a < c.b && (inCredit(d, i) || captionCredit(d, i, j) || theoCreditLine(d, c.a, j)) {
			// "(Ảnh: Hoàng Thuận)", "(Nguồn: Lê Hân)": who took the picture,
			// as a byline, is no one in the story; the name's mentions
			// elsewhere in the text still count.
			c, why = candidate{}, reason{text: "in a photo or source credit (%s)", arg: d.text(max(i-2, 0), j)}
		}
		if why.text == "" && c.a < c.b && c.honor == nil && c.roleNoun == nil && c.b == j && s.firmCopula(d, j) {
			// "Minh Long là công ty gốm sứ lớn": the story says what the name is.
			c, why = candidate{}, reason{text: "said to be a firm (%s)", arg: d.text(j, min(j+3, n)), place: true, firm: true}
		}
		if why.org || why.place {
			orgEnd = j
		}
		if why.place {
			// The list of places this run opens or goes on: "các huyện Thanh
			// Trì, Thanh Oai".
			if placeEnd < 0 || !d.listGoesOn(placeEnd, i) {
				placePlural, placeAdmin = s.pluralPlaceBefore(d, i), s.adminPlaceBefore(d, i)
			}
			placeEnd = j
		} else if why.text != "" && d.listGoesOn(placeEnd, i) {
			// A place the gazetteer knows goes on the list: "các huyện
			// Phúc Thọ, Ba Vì, Đan Phượng".
			placeEnd = j
		}
		switch {
		case why.text != "":
			d.note(i, j, "rejected", "non_person", why.String(d), "")
			if why.place || why.org || why.thing {
				for k := i; k < j; k++ {
					d.nonPerson[k] = true
				}
			}
			if why.place {
				if places == nil {
					places = map[string]int{}
				}
				places[d.joined(i, j)]++
				if why.firm {
					if firms == nil {
						firms = map[string]bool{}
					}
					firms[d.joined(i, j)] = true
				}
				if why.org {
					// A short name defined in parentheses stands for the
					// organisation wherever it stands bare.
					places[d.joined(i, j)] += n
				}
			}
		case c.a < c.b:
			out = append(out, c)
			if c.strong {
				for k := c.a; k < c.b; k++ {
					d.named[k] = true
				}
			}
		}
		i = j
	}
	if places != nil {
		for _, c := range out {
			if k := d.joined(c.a, c.b); firms[k] && c.runA > 0 && d.tokenText(c.runA-1) == foldedOf {
				delete(firms, k) // "công ty quản lý của X": X owns it, a person
			}
		}
		for k := range firms {
			places[k] += n
		}
		out = s.dropPlaces(d, out, places)
	}
	s.repeatedGivenNames(d, out)
	s.repeatedSpeakingGiven(d, out)
	return out
}

// repeatedSpeakingGiven makes a person of a lone Vietnamese given name,
// with no cue before it, that a crime story keeps coming back to and that
// speaks where it opens a sentence ("nhân lúc vợ vắng nhà, Tuấn đã ... Tuấn
// đã thừa nhận hành vi"): the press names a suspect or a victim by the
// given name alone. A lone capitalised word opening a sentence is as
// likely a common word ("Mai sẽ ..."), so it counts only when the same
// word also stands bare inside a sentence, where only a name is
// capitalised, and when it speaks.
func (s *Scorer) repeatedSpeakingGiven(d *doc, cands []candidate) {
	lone := func(c candidate) bool {
		return !c.strong && c.why == noCue && c.b-c.a == 1 && c.honor == nil && c.title == nil && c.roleNoun == nil &&
			d.vietnamese(c.a) && !d.allCaps(c.a) && s.people.GivenVI.KnownKey(d.tokenText(c.a)) &&
			!s.notNames.has(d.tokenText(c.a)) && !s.isCueWord(d, c.a, c.b)
	}
	var inner, speaks map[string]bool
	for _, c := range cands {
		if !lone(c) {
			continue
		}
		k := d.tokenText(c.a)
		if !d.sentenceStart(c.a) {
			if inner == nil {
				inner = map[string]bool{}
			}
			inner[k] = true
		} else if s.speechNext(d, c.b) {
			if speaks == nil {
				speaks = map[string]bool{}
			}
			speaks[k] = true
		}
	}
	if speaks == nil || inner == nil {
		return
	}
	for i := range cands {
		if c := &cands[i]; lone(*c) && inner[d.tokenText(c.a)] && speaks[d.tokenText(c.a)] {
			c.strong, c.why = true, ""
			d.named[c.a] = true
		}
	}
}

// noCue is why a capitalised run with no cue of a person stays weak.
const noCue = "no cue of a person (honorific, title, family name, speech)"

// repeatedGivenNames makes a person of a Vietnamese name of two syllables
// with no family name, both of them name syllables, that the article
// keeps coming back to with no cue (three mentions or more): a star known
// by a stage name or given name ("Trọng Nhân đánh dấu sự trở lại ...
// Covid-19 khiến Trọng Nhân thay đổi ... Trọng Nhân hy vọng ..."), whom the
// article describes later only with a pronoun or a role noun. Places and
// organisations the article shows as such were set aside before.
func (s *Scorer) repeatedGivenNames(d *doc, cands []candidate) {
	var count map[string]int
	pair := func(c candidate) bool {
		if c.strong || c.why != noCue || c.b-c.a != 2 || c.honor != nil || c.title != nil || c.roleNoun != nil {
			return false
		}
		first, last := d.tokenText(c.a), d.tokenText(c.a+1)
		if !d.vietnamese(c.a) || !d.vietnamese(c.a+1) ||
			s.notNames.has(first) || s.notNames.has(last) || d.commonPhrase(s, c.a, c.b) {
			return false
		}
		_, _, middle := s.people.MiddleVI.CountsKey(first)
		return (middle || s.people.GivenVI.KnownKey(first)) && s.people.GivenVI.KnownKey(last)
	}
	for _, c := range cands {
		if pair(c) {
			if count == nil {
				count = map[string]int{}
			}
			count[d.joined(c.a, c.b)]++
		}
	}
	if count == nil {
		return
	}
	// A gendered pronoun opening the sentence after a mention takes the
	// name up as a person's ("... cuộc sống của Trọng Nhân. Anh gặp ...").
	taken := map[string]bool{}
	for _, c := range cands {
		if !pair(c) {
			continue
		}
		for k := c.b; k < len(d.toks) && k < c.b+40; k++ {
			if d.sent[k] == d.sent[c.a] {
				continue
			}
			if d.sent[k] == d.sent[c.a]+1 && d.sentenceStart(k) {
				if e, _, ok := d.cueAt(s, k, entryReference); ok && (e.gender == female || e.gender == male) {
					taken[d.joined(c.a, c.b)] = true
				}
			}
			break
		}
	}
	for i := range cands {
		if c := &cands[i]; pair(*c) && count[d.joined(c.a, c.b)] >= 3 && taken[d.joined(c.a, c.b)] {
			c.strong, c.why = true, ""
			for k := c.a; k < c.b; k++ {
				d.named[k] = true
			}
		}
	}
}

// dropPlaces sets aside the candidates that the article itself shows to be
// a place or organisation elsewhere ("thành phố Thanh Đảo", then "cử
// chuyên gia tới Thanh Đảo"): a mention with no honorific, role noun or
// title right before it is the same place, when the name stands as a place
// at least as often as it stands bare (a word before a name is no proof
// that it is a place: "yêu cầu Trương Hằng").
func (s *Scorer) dropPlaces(d *doc, cands []candidate, places map[string]int) []candidate {
	bare := func(c candidate) bool {
		if c.honor == nil && c.roleNoun == nil && c.title != nil && c.title.b == c.a && forBody.spans(d, c.title.a, c.title.b) {
			// "Đại diện Hoàng Quân cho biết": who speaks for a body is no
			// cue that the body is a person.
			return true
		}
		return c.honor == nil && c.roleNoun == nil && (c.title == nil || c.title.b < c.a) && c.a == c.runA
	}
	// The keys are built in one buffer and looked up as they are: only a
	// name that is also a place is copied, into named.
	var buf []byte
	key := func(c candidate) []byte {
		buf = buf[:0]
		for k := c.a; k < c.b; k++ {
			if k > c.a {
				buf = append(buf, ' ')
			}
			buf = append(buf, d.tokenText(k)...)
		}
		return buf
	}
	named := map[string]int{}
	for _, c := range cands {
		if k := key(c); places[string(k)] > 0 {
			named[string(k)]++
			if !bare(c) {
				named[string(k)] += len(d.toks) // a person's cue: the name is a person's
			}
		}
	}
	kept := cands[:0]
	for _, c := range cands {
		if k := key(c); places[string(k)] > 0 && (places[string(k)] >= named[string(k)] || s.brandLike(d, c, named[string(k)])) &&
			!s.isNotable(d, c.a, c.b) {
			d.note(c.a, c.b, "rejected", "non_person", "a place or organisation elsewhere in the article", "")
			for k := c.a; k < c.b; k++ {
				d.named[k] = false
			}
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// forBody are titles of someone who speaks for a body, before the body's
// name as often as before their own.
var forBody = foldedPhraseSet("đại diện", "người đại diện", "lãnh đạo", "ban lãnh đạo", "người phát ngôn",
	"phát ngôn viên")

// brandLike reports a one-word name that is no Vietnamese syllable and no
// given name, which no mention gives a person's cue (named counts a
// person's cue as the document's length): a firm or a brand ("tập đoàn
// Karofi", then "Karofi nhận định"), whatever the number of its bare
// mentions. A foreign person's name goes with a title or an honorific
// somewhere, or is two words; an initial ("H.") may be anyone's.
func (s *Scorer) brandLike(d *doc, c candidate, named int) bool {
	if c.b-c.a != 1 || named >= len(d.toks) || len(d.tokenText(c.a)) < 3 || d.vietnamese(c.a) ||
		d.in(s.surnames, c.a) {
		return false
	}
	return s.people.GivenWorld == nil || s.people.GivenWorld.GenderKey(d.tokenText(c.a)) == ""
}

// runEnd returns the end of the capitalised run that starts at token i.
// A Vietnamese full name ends where a title starts inside the run:
// "Nguyễn Bá Diệp Phó Chủ tịch", "Phạm Đại Dương Bí thư" (a title's first
// words are capitalised; a given name may be any word, so no list of
// words that end a name would do).
func (d *doc) runEnd(s *Scorer, i int) int {
	j := d.capitalisedRunEnd(s, i)
	for k := i + 2; k < j; k++ {
		if _, end, ok := d.cueAt(s, k, entryTitle); ok && end > j && d.fullNameBefore(s, i, k) && !s.placeRun(d, i, k) {
			j = k // "Nguyễn Bá Diệp | Phó Chủ tịch"
			break
		}
	}
	return j
}

// placeRun reports a run [a, b) that is a name in the gazetteer
// ("Đồng Tháp", a province, not a family name Đồng).
func (s *Scorer) placeRun(d *doc, a, b int) bool {
	_, end := s.gazetteerAt(d, a, b)
	return end == b
}

// fullNameBefore reports a family name in [i, end) with at least one more
// word after it before end.
func (d *doc) fullNameBefore(s *Scorer, i, end int) bool {
	for k := i; k < end-1; k++ {
		if d.in(s.surnames, k) {
			return true
		}
	}
	return false
}

// capitalisedRunEnd returns the end of the run of capitalised words,
// initials and name particles that starts at token i.
func (d *doc) capitalisedRunEnd(s *Scorer, i int) int {
	n := len(d.toks)
	j := i + 1
	for j < n {
		t := d.toks[j]
		switch {
		case t.Newline:
			return j
		case j-i >= 2 && d.in(runBreakers, j) && !d.givenPronounWord(j):
			// "Bộ trưởng Nguyễn Danh Thái Xin Bộ trưởng nói rõ ...": a
			// caption glued to the question after it. These words open
			// sentences and are no one's given name.
			return j
		case t.Kind == vntext.Word && d.isUpper(j) && t.Space:
			j++
		case d.isJoiner(j) && !t.Space && j+1 < n && d.isWord(j+1) && !d.toks[j+1].Space &&
			(d.isUpper(j+1) || d.tokenText(j) == "-") && d.sent[j+1] == d.sent[j-1]:
			// (Not a full stop that lost its space: "nhà Glazer.Chính vì
			// vậy" ends a sentence, vntext.Sentences says.)
			// Initials and joined names: N.T.H, D.Corlou, Al-Swaisat, Young-nam.
			j += 2
		case d.nameApostrophe(j):
			// "O'Brien", "D'Errico", the Ê Đê "H'Hen Niê": one letter, an
			// apostrophe, the rest of the name.
			j += 2
		case d.tokenText(j) == "." && !t.Space && d.initial(j-1) && j+1 < n && d.isWord(j+1) &&
			d.toks[j+1].Space && !d.toks[j+1].Newline && d.isUpper(j+1) && !d.in(s.notNames, j+1):
			// "R. Mancini": an initial, its dot, then the name. A word that
			// is never a name opens the next sentence: "đối tượng tên H.
			// Tại cơ quan điều tra, H. khai".
			j += 2
		case t.Kind == vntext.Word && t.Space && d.in(s.particles, j) && j+1 < n && d.isWord(j+1) &&
			d.toks[j+1].Space && d.isUpper(j+1) && !d.toks[j+1].Newline:
			j += 2
		case t.Kind == vntext.Word && t.Space && d.in(s.particles, j) && j+2 < n && d.isWord(j+1) && !d.isUpper(j+1) &&
			d.toks[j+1].Space && d.in(s.particles, j+1) && d.isWord(j+2) && d.toks[j+2].Space && d.isUpper(j+2) &&
			!d.toks[j+1].Newline && !d.toks[j+2].Newline:
			// Two particles: "Ursula von der Leyen", "Mark van der Berg".
			j += 3
		default:
			return j
		}
	}
	return j
}

// nameApostrophe reports an apostrophe at token j that joins the single
// capital letter before it to a capitalised word after it, all glued: the
// "'" of "O'Brien" or the "’" of "H’Hen". A quotation mark stands apart
// from at least one of its neighbours.
func (d *doc) nameApostrophe(j int) bool {
	if j < 1 || j+1 >= len(d.toks) || d.toks[j].Space || d.toks[j+1].Space || !d.capitalLetter(j-1) {
		return false
	}
	if t := d.tokenText(j); t != "'" && t != "’" {
		return false
	}
	return d.isWord(j+1) && d.isUpper(j+1)
}

// givenPronounWord reports "Chúng" closing a name (the Hmong "Thào Seo
// Chúng") rather than opening "Chúng tôi", "Chúng ta": no pronoun's second
// word follows it.
func (d *doc) givenPronounWord(j int) bool {
	return d.tokenText(j) == foldedChung && (j+1 >= len(d.toks) || !d.in(pluralPronounTails, j+1))
}

var (
	foldedChung        = vntext.FoldString("chúng")
	pluralPronounTails = foldedWords("tôi", "ta", "mình", "em", "nó", "con", "cháu", "tao", "mày")
)

// runBreakers end a run of capitalised words after two of them: they open
// a question or a sentence glued to a name ("... Nguyễn Thanh P. Một vấn
// đề ..."), and no Vietnamese given name is one of them.
// ("Không", "Nên", "Đang", "Để" are: Tôn Ngộ Không, Nguyễn Văn Nên,
// Nguyễn Hữu Đang, Trương Ngọc Để).
var runBreakers = foldedWords("xin", "thưa", "một", "theo", "trong", "khi", "với", "và", "nhưng", "nếu",
	"cũng", "là", "bị", "đã", "vừa", "rồi", "tôi", "chúng", "họ", "thì", "mà", "hoặc", "các", "những", "vậy")

// commonWordAt reports a family name at token a that opens a common word
// with the next one, written in title case in a heading: "Chung Kết Chính
// Thức" (the final), not a Chung.
func (d *doc) commonWordAt(s *Scorer, a int) bool {
	_, end, ok := d.cueAt(s, a, entryNotHonorific)
	return ok && end >= a+2
}

// namesakePlaces are the places that Vietnam names after people: streets,
// schools, hospitals, bridges, parks.
var namesakePlaces = foldedWords("đường", "phố", "ngõ", "hẻm", "ngách", "đại lộ", "trường", "thpt", "thcs",
	"tiểu học", "mầm non", "bệnh viện", "bv", "cầu", "công viên", "quảng trường", "khu phố", "chợ")

// namesakeUnits are the units of a city that Vietnam names after people:
// wards, often (phường Nguyễn Du, Phạm Ngũ Lão). Not districts, which
// seldom are, while "Phó Chủ tịch UBND quận Trương Văn Lâm" (the district
// named earlier in the story) is common.
var namesakeUnits = foldedWords("phường")

// namesakeUnit reports a full name of three words or more filling the run
// [a, b) right after the word for a ward (e, at token st) that
// a title does not govern directly: "chủ khách sạn ở phường Phạm Ngũ Lão",
// "Chủ tịch UBND phường Nguyễn Cư Trinh" name the ward after a historical
// figure, and the description before is the person. Right after the title
// the unit's name may be left out: "Chủ tịch xã Nguyễn Văn Hùng" is the
// chairman. Only the wards of cities are named so: a
// province's or a commune's chairman follows its word ("Chủ tịch UBND tỉnh
// Phạm Văn Nam").
func (s *Scorer) namesakeUnit(d *doc, c *candidate, e *entry, st, a, b int) bool {
	if !namesakeUnits.has(e.key) || b-a < 3 || s.surnameAfter(d, a, b) != a {
		return false
	}
	return c.title == nil || c.title.b < st
}

// adminUnitWords are the words for an administrative unit, whose name
// follows them.
var adminUnitWords = foldedWords("xã", "phường", "thị trấn", "thị xã", "huyện", "quận", "tỉnh", "thôn", "ấp", "xóm",
	"khu phố", "tổ dân phố")

// namesakeRun reports a run that opens with a word for a place Vietnam
// names after people (e) ending at token end, and goes on to the name at
// token k with nothing but acronyms between: "BV Nguyễn Tri Phương",
// "Trường THPT Nguyễn Du". The name is the place's.
func (d *doc) namesakeRun(e *entry, end, k int) bool {
	if !namesakePlaces.has(e.key) {
		return false
	}
	for j := end; j < k; j++ {
		if !d.allCaps(j) {
			return false
		}
	}
	return true
}

// titleOfOthers reports an organisation's name opening a run at token a
// that no title before it governs as the person's: after "của" ("học sinh
// lớp 12 của Trường THPT Nguyễn Thượng Hiền") or in the appositive of a
// person just named ("Bà Lê Thị Hoa, Hiệu trưởng Trường THPT Nguyễn Du"),
// the name that ends it is the organisation's: a school, a street, a
// hospital named after someone.
func (s *Scorer) titleOfOthers(d *doc, a int, title *cueSpan) bool {
	if a > 0 && d.tokenText(a-1) == foldedOf {
		return true
	}
	return title != nil && title.a >= 2 && d.tokenText(title.a-1) == "," && d.named[title.a-2]
}

// appositiveOfNamed reports a title starting at token t that stands in
// apposition right after a named person: "X, Giám đốc ...", "X - người sáng
// lập ...".
func (s *Scorer) appositiveOfNamed(d *doc, t int) bool {
	if t < 2 || !d.named[t-2] {
		return false
	}
	switch d.tokenText(t - 1) {
	case ",", "-", "–":
		return true
	}
	return false
}

// compoundGoesOn reports a lower-case Vietnamese word right after a run
// ending at token b, no function word or speech verb: the run's last word
// opens a common word ("Bảo tàng", "Thị ủy", "Cao đẳng").
func (s *Scorer) compoundGoesOn(d *doc, b int) bool {
	if b >= len(d.toks) || !d.isWord(b) || d.isUpper(b) || !d.toks[b].Space || d.toks[b].Newline || !d.vietnamese(b) ||
		d.in(glueWords, b) {
		return false
	}
	_, _, ok := d.cueAt(s, b, entrySpeech)
	return !ok
}

// locatives are the prepositions of place: a name right after one is
// where something happens.
var locatives = foldedWords("ở", "tại")

// afterLocative reports a run at token runA, its name starting at a, that
// follows "ở" or "tại", or opens with one ("Tại Thu Cúc, ...").
func (d *doc) afterLocative(runA, a int) bool {
	if a == runA {
		return runA > 0 && d.sent[runA-1] == d.sent[runA] && d.in(locatives, runA-1)
	}
	return a == runA+1 && d.in(locatives, runA)
}

// initialCount is the number of initials in the run [a, b).
func (d *doc) initialCount(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if d.initial(k) {
			n++
		}
	}
	return n
}

// hiddenNameUse reports what follows initials at token b when they stand
// for a person: a speech verb within the clause, a birth year or age, or an
// appositive after a comma.
func (s *Scorer) hiddenNameUse(d *doc, b int) bool {
	return s.speechFollows(d, b, 12) || d.bioAfter(b) || b < len(d.toks) && d.tokenText(b) == "," && s.appositiveSoon(d, b+1)
}

// firmHeads are the words for a firm, a body or a product line that the
// press follows with what it does before its name: "công ty khoáng sản
// Minmetals", "cơ quan quản lý viễn thông Ofcom", "hãng nghiên cứu bảo mật
// Check Point", "ứng dụng đầu tư tài chính Coolcat".
var firmHeads = foldedPhraseSet("công ty", "tập đoàn", "hãng", "ngân hàng", "nhà mạng", "ứng dụng", "thương hiệu",
	"nhãn hàng", "cơ quan", "tổ chức", "quỹ", "chuyên trang", "trang", "tạp chí", "hệ thống", "nền tảng", "dịch vụ",
	"phần mềm", "sàn", "chuỗi", "nhà sản xuất", "nhà bán lẻ", "doanh nghiệp", "dòng", "mẫu")

// firmDescribed returns the start of a firm's word that a run of foreign
// words follows after one to eight lower-case Vietnamese syllables, with no
// cue of a person and no function word between (a verb's tense, "của";
// "và" only between two fields: "công ty tư vấn quốc phòng và an ninh
// Marapi"), or -1: the run names the firm.
func (s *Scorer) firmDescribed(d *doc, c *candidate, a, b int) int {
	if c.honor != nil || c.roleNoun != nil || c.title != nil || a != c.runA || d.toks[a].Newline {
		return -1
	}
	for k := a; k < b; k++ {
		if d.isWord(k) && d.vietnamese(k) {
			return -1
		}
	}
	// The name tables are asked last: a firm's noun before the run is rare
	// and the look back costs less than the lookups.
	notPerson := func(k int) int {
		if s.foreignGiven(d, a, b) != "" || s.isNotable(d, a, b) {
			return -1 // "Công ty thuê Jeremy Snyder": a person the firm hires
		}
		return k
	}
	for j := a - 1; j >= a-maxFirmField && j > 0; j-- {
		if !d.isWord(j) || d.isUpper(j) || !d.vietnamese(j) || d.sent[j] != d.sent[a] ||
			d.toks[j+1].Newline || d.mention[j] >= 0 {
			return -1
		}
		if _, _, ok := d.cueAt(s, j, entryTitle); ok || d.in(glueWords, j) && !(j < a-1 && d.tokenText(j) == foldedAnd) {
			// "công ty thuê luật sư John": a person's title; "hãng đã khởi
			// kiện X", "mẫu nước tiểu của X": a verb's object, a possessor.
			return -1
		}
		for n := 1; n <= 3 && j-n >= 0; n++ {
			if firmHeads.spans(d, j-n, j) {
				return notPerson(j - n)
			}
		}
	}
	return -1
}

// maxFirmField is the most lower-case syllables of a firm's field between its
// word and its name.
const maxFirmField = 8

// foldedAnd is "và" (and).
var foldedAnd = vntext.FoldString("và")

// titlePrefixes stand before a title: "Nguyên Giám đốc", "Cựu Bộ trưởng",
// "Quyền Chủ tịch", "Phó Giám đốc".
var titlePrefixes = foldedWords("nguyên", "cựu", "quyền", "phó", "tân")

// formerTitle returns the end of a title that starts inside the run [a, b)
// after title prefixes only and goes on past it in lower case ("Nguyên
// Giám | đốc", "Nguyên Phó Giám | đốc", "Nguyên Bộ | trưởng"), or -1: the
// capitals are the title's, "Nguyên" (former) no given name.
func (s *Scorer) formerTitle(d *doc, a, b int) int {
	for k := a; k < b; k++ {
		if _, end, ok := d.cueAt(s, k, entryTitle); ok && k > a && end > b {
			return end
		}
		if !d.in(titlePrefixes, k) {
			return -1
		}
	}
	return -1
}

// speechOrQuoteFollows reports a speech verb the run ending at b is the
// subject of, or a colon with a quotation opening after it. A colon alone
// after a name with no other cue of a person heads an item of a list or a
// headline: "Khu du lịch Bình Quới 2: Bến đò ...", "Samsung Galaxy Note20
// Ultra: Mẫu máy này ...", "Bảng xếp hạng THE Impact Rankings gồm ...:".
func (s *Scorer) speechOrQuoteFollows(d *doc, b int) bool {
	v, _, colon, ok := s.speechAfter(d, b, -1, 12)
	return ok && (!colon || d.quoteOpensAt(v+1))
}

// actsThenQuotes reports a colon opening a quotation within eight words
// after token b, in its sentence, with only lower-case words between (no
// one else named, nothing quoted, no comma): what the subject before b did
// as it spoke.
func (s *Scorer) actsThenQuotes(d *doc, b int) bool {
	for k := b; k < len(d.toks) && k < b+9 && d.sent[k] == d.sent[b-1] && !d.toks[k].Newline; k++ {
		if d.tokenText(k) == ":" {
			return k > b && d.quoteOpensAt(k+1)
		}
		if !d.isWord(k) || d.isUpper(k) || d.quote[k] {
			return false
		}
	}
	return false
}

// initial reports whether token i is a single capital letter that stands
// for a name: not the "O" of "O'Brien".
func (d *doc) initial(i int) bool {
	return d.capitalLetter(i) && !d.nameApostrophe(i+1)
}

// capitalLetter reports whether token i is a single capital letter.
func (d *doc) capitalLetter(i int) bool {
	if !d.isWord(i) || !d.isUpper(i) {
		return false
	}
	s, e := d.span(i, i+1)
	return utf8.RuneCountInString(d.input[s:e]) == 1
}

// openingConnectives open a sentence with a comma after them and are never a
// name there: "Song, một nguồn tin khẳng định ..." (song: however); "Song
// Hye Kyo" has no comma.
var openingConnectives = foldedWords("song")

// initialsOnly reports a run [a, b) of initials and the dots or dashes
// between them: "T", "L.T.M".
func (d *doc) initialsOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if !d.initial(k) && !d.isJoiner(k) {
			return false
		}
	}
	return b > a && d.initial(a)
}

// isJoiner reports a "." or "-" that can join the parts of a name.
func (d *doc) isJoiner(i int) bool {
	if d.toks[i].Kind != vntext.Punct {
		return false
	}
	t := d.tokenText(i)
	return t == "." || t == "-"
}

// creditLabels open a credit in parentheses: "(Ảnh: X)", "(Ảnh minh họa:
// X)", "(Nguồn: X)", "(Video: X)".
var creditLabels = map[string]bool{vntext.FoldString("ảnh"): true, vntext.FoldString("nguồn"): true,
	vntext.FoldString("video"): true, vntext.FoldString("clip"): true}

// maxCreditTokens bounds how far back from a name the opening of its credit
// is looked for.
const maxCreditTokens = 12

// inCredit reports whether token i is inside a parenthesised credit, after
// its label and colon: "(Ảnh: Nguyễn Quang)", "(Ảnh minh họa: Lê Hân -
// Trần Thanh)".
func inCredit(d *doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-maxCreditTokens; k-- {
		switch d.tokenText(k) {
		case ")":
			return false
		case "(":
			return false
		case ":":
			// the label: one word, maybe with a qualifier ("minh họa",
			// "chụp màn hình"), right after the parenthesis
			for o := k - 1; o >= 0 && o >= k-4; o-- {
				if d.tokenText(o) == "(" {
					return creditLabels[d.tokenText(o+1)]
				}
			}
			return false
		}
	}
	return false
}

// captionCredit reports a credit that ends a caption's line with no
// parentheses: "Đại sứ phát biểu tại buổi lễ. Ảnh: Duy Thành". The label
// opens its sentence, the name run [i, j) closes the line.
func captionCredit(d *doc, i, j int) bool {
	if i < 2 || d.tokenText(i-1) != ":" || !creditLabels[d.tokenText(i-2)] || !d.isUpper(i-2) || !d.sentenceStart(i-2) {
		return false
	}
	for ; j < len(d.toks) && d.toks[j].Kind == vntext.Punct && !d.toks[j].Newline && d.tokenText(j) != "("; j++ {
	}
	return j == len(d.toks) || d.toks[j].Newline
}

// theoCreditLine reports a line that is only "Theo" and the name run [i, j),
// with at most a parenthesis after it: "Theo Hoàng Thùy (VNE)" where a
// page hands over to text taken from another outlet's reporter. An account
// attributed with "Theo X" goes on after the name on its line.
func theoCreditLine(d *doc, i, j int) bool {
	if i < 1 || d.tokenText(i-1) != foldedTheo || !d.isUpper(i-1) || !d.toks[i-1].Newline && i-1 != 0 {
		return false
	}
	if j < len(d.toks) && d.tokenText(j) == "(" && !d.toks[j].Newline {
		for j++; j < len(d.toks) && !d.toks[j].Newline && d.tokenText(j) != ")"; j++ {
		}
		if j < len(d.toks) && d.tokenText(j) == ")" {
			j++
		}
	}
	return j == len(d.toks) || d.toks[j].Newline
}

// bylineStart returns the first token of the byline: up to two short last
// lines ("Kiều Anh", "Theo Reuters"), before any editor's notes that close
// the page ("* Mọi ý kiến ... gửi về hộp thư ...@..."). People named there
// are not people in the story.
func (s *Scorer) bylineStart(d *doc) int {
	n := len(d.toks)
	start := n
	for lines := 0; lines < 2; lines++ {
		first := lineStart(d, start)
		if first <= 0 {
			break
		}
		if lines == 0 && editorsNote(d, first, start) {
			start, lines = first, -1
			continue
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

// lineStart returns the first token of the line that ends before token
// end, or -1.
func lineStart(d *doc, end int) int {
	for i := end - 1; i >= 0; i-- {
		if d.toks[i].Newline {
			return i
		}
	}
	return -1
}

// editorsNote reports whether the line [a, b) is an outlet's note to
// readers rather than the story: it opens with an asterisk or gives an
// e-mail address.
func editorsNote(d *doc, a, b int) bool {
	if d.tokenText(a) == "*" {
		return true
	}
	for i := a; i < b; i++ {
		if d.tokenText(i) == "@" {
			return true
		}
	}
	return false
}

// maxBylineTokens bounds the last line of an article that is taken as the
// byline.
const maxBylineTokens = 6

// sentenceStart reports whether token i begins a sentence, a line, a
// quotation or a clause after a colon or dash.
func (d *doc) sentenceStart(i int) bool {
	if i == 0 || d.toks[i].Newline || d.sent[i] != d.sent[i-1] {
		return true
	}
	switch d.tokenText(i - 1) {
	case "\"", "'":
		// A straight quotation mark glued to the comma or stop that ends the
		// words quoted closes them ("...," Lan nói): what follows is the
		// speaker, inside the sentence, not a new one (after a space it
		// opens a quotation: `... chợ tình. "Gà" ...`).
		return i < 2 || d.toks[i-1].Space || !closesQuoted(d.tokenText(i-2))
	case "“", "-", "–", "—", "(", ":", "‘", "…", "[":
		return true
	}
	return false
}

// closesQuoted reports the punctuation that ends the words quoted before a
// closing quotation mark.
func closesQuoted(t string) bool {
	switch t {
	case ",", ".", "!", "?", "…":
		return true
	}
	return false
}

// contextBefore finds the honorific, role noun and title that end right
// before token a in its sentence (nothing before a line break describes a
// name).
func (s *Scorer) contextBefore(d *doc, a int, c *candidate) {
	if a == 0 || d.toks[a].Newline {
		return
	}
	if e, st, ok := d.cueEndingAt(s, a, entryHonorific); ok && d.sent[st] == d.sent[a] {
		c.honor = &cueSpan{e, st, a}
		a = st
	}
	if e, st, ok := d.cueEndingAt(s, a, entryRoleNoun); ok && d.sent[st] == d.sent[a] {
		c.roleNoun = &cueSpan{e, st, a}
	}
	if t, far, ok := s.titleWalk(d, a); ok {
		c.title, c.titleFar = t, far
	}
}

// possessorOfTitle reports a name that follows "của" after the title
// before it, whose title it then is not: 1 when "của" comes right after the
// title or one word after it ("Bác sĩ riêng của Arafat", "luật sư của ông
// X": whose doctor or lawyer, the title then no cue of a person at all), 2
// when further back ("cầu thủ Man City ăn mừng bàn thắng của Laporte": a
// person is named, of a role unsaid), else 0. A name after the
// organisation the title goes with is the title holder's ("Tổng giám đốc
// của Alibaba Trương Dũng"): the caller asks only of a name that fills its
// run, and not of a run a Vietnamese full name or a long foreign name ends.
func (s *Scorer) possessorOfTitle(d *doc, c *candidate) int {
	k := c.runA
	if c.honor != nil && c.honor.b == k {
		k = c.honor.a
	}
	if k <= c.title.b || d.tokenText(k-1) != s.words.cua {
		return 0
	}
	words := 0
	for j := c.runA; j < c.b; j++ {
		if d.isWord(j) && len(d.tokenText(j)) > 1 {
			words++
		}
	}
	if s.surnameAfter(d, c.runA+1, c.b) >= 0 || words > 3 && !d.allVietnamese(c.runA, c.b) {
		return 0 // the organisation's name, then the holder's: "của Zentrix Lò Văn Minh", "của Boston Dynamics Robert Playter"
	}
	if k-1-c.title.b <= 1 && !d.isUpper(c.title.b) {
		return 1
	}
	return 2
}

// titleBefore finds a title that ends before token a in its sentence,
// possibly followed by the organisation it belongs to: "Giám đốc Sở Y tế
// Hà Nội | Trần Văn A", "Bộ trưởng Tư pháp Chile | Luis Bates". Only words
// and dots may stand between (no comma, no verb of its own).
func (s *Scorer) titleBefore(d *doc, a int) (*cueSpan, bool) {
	t, far, ok := s.titleWalk(d, a)
	return t, ok && !far
}

// foldedCo and foldedQuan are "cơ quan" (an office, the authorities), whose
// second word opens the title "quan chức".
var foldedCo, foldedQuan = vntext.FoldString("cơ"), vntext.FoldString("quan")

// titleWalk is titleBefore, and also finds a title across a word that opens
// a clause of its own (far): a tense, a passive or a conjunction. Such a
// title tells a person is named ("các bác sĩ ... đã đề xuất đưa ông
// Arafat", "các cầu thủ đã chuyền cho Saka"), but may not be theirs.
func (s *Scorer) titleWalk(d *doc, a int) (*cueSpan, bool, bool) {
	for end := a; end > 0 && end >= a-10 && d.sent[end-1] == d.sent[a] && !d.toks[end].Newline; end-- {
		if e, st, ok := d.cueEndingAt(s, end, entryTitle); ok && !(st > 0 && d.tokenText(st-1) == foldedCo && d.tokenText(st) == foldedQuan) {
			// ("quan chức" inside "cơ quan chức năng", the authorities, is
			// no official's title: "Cơ quan chức năng yêu cầu bà X ...".)
			// Whether a clause word stands between the title and the run
			// is asked only here: most walks find no title.
			far := false
			for k := end; k < a && !far; k++ {
				far = d.in(clauseWords, k) && !d.isUpper(k)
			}
			return &cueSpan{e, st, end}, far, true
		}
		t := d.toks[end-1]
		if t.Kind == vntext.Punct && d.tokenText(end-1) != "." && d.tokenText(end-1) != "-" && !(d.tokenText(end-1) == "&" && (t.Space || end < a)) {
			// "&" joins two fields of one title ("chuyên gia tư vấn hướng
			// nghiệp & tuyển sinh X", "Bộ trưởng Bộ GD&ĐT X"); glued to the
			// run, it is part of its name ("A&M Texas").
			return nil, false, false
		}
		if d.mention[end-1] >= 0 || end < a && d.tokenText(end-1) == s.words.la {
			// A copula ends the title's phrase: "các nạn nhân là người Hồi
			// giáo Shiite" describes the victims, it names none.
			return nil, false, false
		}
		if _, _, ok := d.cueAt(s, end-1, entrySpeech); ok && !d.isUpper(end-1) {
			return nil, false, false
		}
		if d.startKinds[end-1]&(1<<entrySpeech) != 0 && !d.isUpper(end-1) && end+1 <= a && directives.spans(d, end-1, end+1) {
			// A demand that reports no words ("lãnh đạo phòng yêu cầu cô X
			// tường trình") still ends the walk: the title is the demander's.
			return nil, false, false
		}
	}
	return nil, false, false
}

// clauseWords never stand inside a title and the organisation it goes
// with: tenses, the passive, conjunctions.
var clauseWords = foldedWords("đã", "được", "bị", "đang", "sẽ", "cũng", "vẫn", "thì", "mà", "khi", "nhưng", "không",
	"đều", "rồi", "chưa", "như")

// orgEndingAt finds what ends right before the run [a, b) and makes it part
// of a place or organisation: a word that comes before such names ("công
// ty", "đường"), or the opening of an organisation's name written with
// lower-case words ("Đoàn Thanh niên | Cộng sản Hồ Chí Minh", "Đoàn Thanh
// niên | Thành phố"). After an organisation's name, a foreign name or a
// Vietnamese full name (at the end of the run) is still a person's: "đảng
// Dân chủ Joe Biden", "Ban Bí thư Võ Văn Thưởng".
func (s *Scorer) orgEndingAt(d *doc, a, b int) (*entry, int, bool) {
	if _, st, ok := d.cueEndingAt(s, a, entryNotOrgBefore); ok {
		// A common word ending in a place word ("nổi tiếng", not "tiếng")
		// leaves the run a person's, unless it describes a place word
		// before it: "bộ phim nổi tiếng Star Trek" is a film.
		if e, st2, ok := d.cueEndingAt(s, st, entryOrgBefore); ok && d.sent[st2] == d.sent[a] {
			return e, st2, true
		}
	}
	if e, st, ok := d.cueEndingAt(s, a, entryOrgBefore); ok && !(st > 0 && d.tokenText(st) == foldedDept && d.tokenText(st-1) == foldedInterior) {
		if _, vst, verb := d.cueEndingAt(s, a, entrySpeech); !verb || vst >= st {
			return e, st, true
		}
		// The word is the end of a verb: "yêu cầu Antonio Rudiger" is no bridge.
	}
	if d.toks[a].Newline {
		return &noEntry, 0, false
	}
	if k := s.surnameAfter(d, a, b); k >= 0 && b-k >= 2 {
		return &noEntry, 0, false // "Bộ Ngoại giao Việt Nam Đoàn Khắc Việt"
	}
	for k := a; k < b; k++ {
		if !d.vietnamese(k) {
			return &noEntry, 0, false
		}
	}
	if e, st, ok := s.orgNameBefore(d, a); ok {
		return e, st, true
	}
	e, st, ok := d.cueEndingAt(s, a, entryGazetteer)
	if !ok || e.tag != "organisations" {
		return &noEntry, 0, false
	}
	return e, st, true
}

// fullNameSpeaks reports a Vietnamese full name of three syllables or more
// that fills the run after an organisation and speaks right after it: the
// title before the organisation is this person's, even where someone was
// named just before ("Đồng ý với ông Tụng, Giám đốc Sở Khoa học thành phố
// Đào Văn Lượng cho rằng ..."). A street, school or hospital keeps the name
// of the person it honours.
func (s *Scorer) fullNameSpeaks(d *doc, e *entry, a, b int) bool {
	if namesakePlaces.has(e.key) || b-a < 3 || s.surnameAfter(d, a, b) != a {
		return false
	}
	_, _, ok := d.cueAt(s, b, entrySpeech)
	return ok
}

// "Nội vụ" (the interior) is a portfolio, not a department ("Vụ"):
// "Bộ trưởng Nội vụ Nayef bin Sultan" is the minister's name.
var foldedDept, foldedInterior = vntext.FoldString("vụ"), vntext.FoldString("nội")

// placePrepositions put a place after them: "ở Đức", "sang Nga".
var placePrepositions = foldedWords("ở", "tại", "sang", "khắp", "nước", "người", "tiếng", "phía", "trong", "ngoài")

// candidate decides what the capitalised run [a, b) is: a person's name
// (with the cues before it), or, with a reason, something else.
//
// clanWords before "họ X" make it a family's name: "gia tộc", "gia đình",
// "nhà", "dòng".
var clanWords = foldedWords("tộc", "đình", "nhà", "dòng")

func (s *Scorer) candidate(d *doc, a, b int) (candidate, reason) {
	c := candidate{runA: a}
	if a >= 2 && d.tokenText(a-1) == ":" && mailHeaderFields[d.tokenText(a-2)] {
		// A reader's letter printed with its e-mail header ("From: Lan Pham
		// To: ... Sent: Tuesday"): a letter writer, whom monitors do not
		// count, or a date.
		return c, reason{text: "a field of an e-mail header"}
	}
	if a >= 3 && d.tokenText(a-1) == ":" && d.tokenText(a-2) == foldedGui && d.tokenText(a-3) == nguoiKey {
		// "Người gửi: Thanh Tâm", the header of a reader's letter in
		// Vietnamese: a letter writer, whom monitors do not count.
		return c, reason{text: "a field of an e-mail header"}
	}
	if a > 0 && d.toks[a-1].Kind == vntext.Number && !d.toks[a].Newline {
		return c, reason{text: "after a house number: a street"}
	}
	if d.englishPossessive(b) || a >= 3 && d.englishPossessive(a-2) && d.isWord(a-3) && d.isUpper(a-3) {
		// "Ma Rainey's Black Bottom", "Grey's Anatomy": the English
		// possessive inside a capitalised title makes it a work or a brand,
		// and the name stands for it elsewhere in the article too.
		return c, reason{text: "before 's and a capitalised word: the title of a work or a brand", place: true}
	}
	if a > 1 && b-a == 1 && d.tokenText(a-1) == s.words.ho && !d.toks[a].Newline && d.in(clanWords, a-2) {
		// "gia tộc họ Hứa", "nhà họ Lý", "dòng họ Trần": a whole family,
		// whose words are not any one member's.
		return c, reason{text: "the name of a family (gia tộc họ ...)"}
	}
	if a > 0 && b-a == 1 && d.tokenText(a-1) == s.words.ho && !d.toks[a].Newline {
		c.a, c.b, c.family = a, b, true
		c.why = "a family name (họ ...) that names nobody in the text"
		// "nữ diễn viên họ Trương", "nam ca sĩ họ Đàm", "bà mẹ họ Lê": what
		// stands before "họ" describes the person the family name stands for.
		s.contextBefore(d, a-1, &c)
		return c, reason{}
	}
	if b-a == 1 && d.in(s.notNames, a) && !d.in(s.rankNames, a) && !d.isJoiner(a) && !d.explain && !d.givenOfFullName(s, a) {
		// "Theo", "Trong" opening a sentence: the commonest run, settled first
		// (an explanation takes the long way, which says why).
		return candidate{}, reason{}
	}
	s.contextBefore(d, a, &c)
	if c.title != nil && c.title.b == a && c.honor == nil && !(d.in(s.surnames, a) && b-a >= 2) &&
		!(s.surnameAfter(d, a, b) >= 0 && b-s.surnameAfter(d, a, b) >= 2) {
		// A title that ends in the word for a business ("chủ doanh nghiệp",
		// "chủ cơ sở") is followed by the business's name ("chủ doanh
		// nghiệp Sỹ Đăng"), a person's only with a family name, which may
		// follow the business's ("chủ cơ sở Thành Nam Trần Thị Liên").
		if e, st, ok := d.cueEndingAt(s, a, entryOrgBefore); ok && st >= c.title.a && businessWords.has(e.key) {
			return c, reason{text: "after \"%s\": a place or organisation", arg: e.phrase, org: true}
		}
	}
	// A place or organisation word before the run: "đường Lê Lợi",
	// "công ty Điện Quang". A person may still follow the organisation in
	// the same run when a title governs it: "Chủ tịch UBND phường Trúc
	// Bạch Trần Văn Khoa".
	if k := s.afterNationality(d, a, b); k > a {
		// "HLV người Đức Klopp", "nhà thám hiểm người Anh Freya Stark": the
		// person's nationality, then the name, judged on its own below.
		a = k
	} else if e, st, ok := s.orgEndingAt(d, a, b); ok && d.sent[st] == d.sent[a] && c.honor == nil &&
		!c.covers(st, a) {
		if kind, end := s.gazetteerAt(d, a, b); kind == "competitions" && end < b && b-end >= 2 && b-end <= 3 &&
			!d.vietnamese(end) && s.foreignGiven(d, end, end+1) != "" {
			// "minh tinh từng đoạt giải Oscar Jennifer Lawrence": the award,
			// then the full name of the one who won it, in one run.
			c.a, c.b, c.strong = end, b, true
			return c, reason{}
		}
		if kind, end := s.gazetteerAt(d, a, b); end == b && (kind == "countries" || kind == "places") {
			// "ngôi sao người Bồ Đào Nha": the whole run is the country, no
			// name ends it ("Đào Nha").
			return c, reason{text: "after \"%s\": a place or organisation", arg: e.phrase, place: true}
		}
		if c.title != nil && (!s.inAppositive(d, a) || s.fullNameSpeaks(d, e, a, b)) {
			// A title governs the organisation; the person's name ends the run:
			// "người phát ngôn Bộ Quốc phòng Trung Quốc | Wu Qian". In an
			// appositive the title is the person's before it: "Nguyễn Minh
			// Vương, Bí thư Đoàn trường THPT Đoàn Văn Tố".
			// A full name right after the word for a street, a school or a
			// hospital is the place's, whatever title comes before: "một
			// bệnh nhân ... ngụ tại đường Nguyễn Tri Phương".
			// So is one after such a word and an acronym: "thành viên Hội
			// đồng trường ĐH Tôn Đức Thắng".
			// Two words right after the word for a commune, a ward or a
			// district are the unit's own name, read like a full name as they
			// often are ("cán bộ Công an phường Hoàng Liệt", "lãnh đạo xã Vũ
			// Hòa"): the one who speaks is unnamed; a person named after the
			// unit follows its name ("phường Trúc Bạch Trần Văn Khoa").
			if k := s.nameAtEnd(d, a, b); k >= 0 && (k > a || !namesakePlaces.has(e.key) && !(adminUnitWords.has(e.key) && b-a == 2)) &&
				!(k > a && d.namesakeRun(e, a, k)) && !(k == a && s.namesakeUnit(d, &c, e, st, a, b)) {
				c.a, c.b, c.strong = k, b, true
				return c, reason{}
			}
		}
		// A firm's word ("công ty Hoàng Quân", "tập đoàn Kim Oanh") makes the
		// name the firm's wherever it stands bare in the story, as a short
		// name in parentheses does.
		return c, reason{text: "after \"%s\": a place or organisation", arg: e.phrase, place: true,
			firm: businessWords.has(e.key) || firmWords.has(e.key)}
	}
	if k := s.firmDescribed(d, &c, a, b); k >= 0 {
		return c, reason{text: "after \"%s\" and what it does: a firm or its product", arg: d.text(k, a), place: true}
	}
	if _, _, hon := d.cueEndingAt(s, a, entryHonorific); !hon && a > 0 && !d.toks[a].Newline && d.isWord(a-1) && !d.isUpper(a-1) {
		// "Ủy ban châu Âu Ursula von der Leyen", "WHO khu vực châu Âu Hans
		// Kluge": a place whose first word is in lower case ends inside the
		// run, and its capitalised end ("Âu", also a family name) is no part
		// of the name after it. Not after an honorific: "anh Quốc Thái" is
		// no England ("Anh Quốc").
		if kind, end := s.gazetteerAt(d, a-1, b); end > a && end < b && (kind == "countries" || kind == "places") {
			a = end
		}
	}
	titleCased := false // a title written in title case mid-sentence was stripped
	// Strip what the run starts with: a capitalised honorific, role noun or
	// title at the start of a sentence (Bà Lan, HLV Petrovic), a place
	// before a name (Nga Putin), an organisation (Sở TDTT Nghệ An Nguyễn
	// Hoàng Thụ), a word that is never a name.
	for a < b {
		if kind, end := s.gazetteerAt(d, a, b); kind == "countries" && end > a+1 && end < b {
			// A country whose first word is also an organisation's ("Đài
			// Loan", "Triều Tiên") before a name: "cơ quan phòng vệ Đài Loan
			// Chiu Kuo-cheng". Stripped as "Nga Putin" is below.
			a = end
			continue
		}
		if e, end, ok := d.cueAt(s, a, entryOrgBefore); ok && !d.in(s.surnames, a) && c.honor == nil && c.roleNoun == nil &&
			!(b == a+1 && end == b && d.givenNameNamedBefore(s, a)) {
			if k := s.surnameAfter(d, min(end, b), b); k >= 0 && (c.title != nil || d.sentenceStart(c.runA)) &&
				!s.titleOfOthers(d, c.runA, c.title) && !d.namesakeRun(e, end, k) {
				if t, ok := s.titleBefore(d, k); ok && c.title == nil {
					c.title = t
				}
				a = k
				continue
			}
			return c, reason{text: "starts with \"%s\": a place or organisation", arg: e.phrase, org: true}
		}
		if e, end, ok := d.cueAt(s, a, entryHonorific); ok && end < b && (d.sentenceStart(a) || d.allCaps(a) || a > 0 && d.tokenText(a-1) == ";") &&
			!d.nameApostrophe(end) { // "O'Leary" opening a title: no "o" (aunt); "...; Ông X, Giám đốc Sở": an item of a list
			c.honor = &cueSpan{e, a, end}
			a = end
			continue
		}
		if e, end, ok := d.cueAt(s, a, entryRoleNoun); ok && end < b && d.sentenceStart(a) {
			c.roleNoun = &cueSpan{e, a, end}
			a = end
			continue
		}
		if d.in(titlePrefixes, a) && a+1 < b && d.sentenceStart(a) && d.allCaps(a+1) {
			// A prefix opening the sentence before a title in capitals:
			// "Cựu HLV Glenn Hoddle chỉ ra", "Tân HLV X nói": "Cựu" (former)
			// is no name, and the acronym after it is the title, not an
			// organisation's initials.
			if e, end, ok := d.cueAt(s, a+1, entryTitle); ok && end < b {
				c.title = &cueSpan{e, a + 1, end}
				a = end
				continue
			}
		}
		// A title of two words or more written with every word capitalised
		// ("Tổng Giám Đốc Công ty") is a title wherever it stands.
		if e, end, ok := d.cueAt(s, a, entryTitle); ok && end < b && (d.allCaps(a) || d.sentenceStart(a) || end-a >= 2) &&
			!s.nameLikeTitle(d, a, end, b) {
			titleCased = titleCased || !d.allCaps(a) && !d.sentenceStart(a)
			c.title = &cueSpan{e, a, end}
			a = end
			continue
		}
		if kind, end := s.gazetteerAt(d, a, b); end > 0 && end < b &&
			(kind == "countries" || kind == "places" || c.title != nil || c.honor != nil || c.roleNoun != nil) &&
			!s.givenAfterPersonal(d, &c, kind, a, end) && !(end == a+1 && b == a+2 && s.vnNameAfterTitle(d, &c, a, b)) {
			// "Nga Putin", "Séc Milos Zeman", "Mỹ Joe Biden"; after a title,
			// any organisation: "ông chủ Twitter Dorsey", "HLV Chelsea Tuchel".
			a = end
			continue
		}
		if b-a > 1 && d.allCaps(a) && !d.initial(a) && d.in(s.orgInside, a) && c.honor == nil {
			// A ship's prefix: "HMS Queen Elizabeth", "USS Theodore Roosevelt".
			return c, reason{text: "\"%s\" marks an organisation or place", arg: d.text(a, a+1)}
		}
		if b-a > 1 && d.allCaps(a) && !d.initial(a) {
			a++ // an acronym of the organisation before the name: "TDTT | Nguyễn Hoàng Thụ"
			continue
		}
		if b-a == 1 && c.honor != nil && c.title == nil && d.in(s.rankNames, a) && d.isUpper(a) &&
			!d.commonPhrase(s, c.honor.a, a+1) {
			// A rank in the family after a kinship honorific is the name
			// the person goes by: "chú Năm thở dài", "cô Ba cho biết"; not
			// where the pair is a common noun the honorifics list cancels
			// ("anh Hai", the eldest brother or a gang's boss).
			break
		}
		if (d.in(s.notNames, a) && (!d.in(s.surnames, a) || b-a == 1) && !(b-a >= 2 && s.vnNameAfterTitle(d, &c, a, b))) ||
			d.isJoiner(a) {
			if b-a == 1 && (c.title != nil || c.honor != nil || d.givenOfFullName(s, a)) && !d.isJoiner(a) && d.vietnamese(a) {
				// "HLV Ảnh thở phào": a common word after a title may be the
				// given name of someone named in full ("HLV Huỳnh Văn Ảnh");
				// it joins them, or no one.
				c.a, c.b, c.why, c.givenOnly = a, b, "a common word, or the given name of no one named in full", true
				return c, reason{}
			}
			a++
			continue
		}
		break
	}
	if a >= b {
		return candidate{}, reason{}
	}
	if a > c.runA && !d.isUpper(a) && d.in(s.particles, a) {
		// "Oscar de la Renta" with the award's name stripped: the particle
		// left at the head says the rest belongs to the words before, a
		// brand or a place, not to a person of its own.
		return c, reason{text: "a name's particle left at its head (%s)", arg: d.text(c.runA, b)}
	}
	if a > c.runA {
		// After a title stripped from the run, its last word may open an
		// organisation's name written in lower case: "Giám Đốc | Công ty".
		if _, end, ok := d.cueAt(s, b-1, entryOrgBefore); ok && end > b {
			if b--; a >= b {
				return c, reason{text: "part of an organisation's name (%s)", arg: d.text(b, end)}
			}
		}
	}
	if titleCased && b-a == 1 && d.vietnamese(a) {
		// After a title written in title case, one Vietnamese word is as
		// likely the next word of a name of an office ("Trưởng Khoa Nam
		// học", "Bác sĩ Nam học") as a given name.
		return c, reason{text: "part of a title (%s)", arg: d.text(c.title.a, b)}
	}
	if k := s.formerTitle(d, a, b); k >= 0 {
		return c, reason{text: "part of a title (%s)", arg: d.text(a, k)}
	}
	if b-a == 2 && !d.in(s.surnames, a) && !s.nameLike(d, a) {
		// A word that is no name, then the first word of a title written on
		// in lower case: "Cựu Tổng | thống Mỹ tuyên bố".
		if _, end, ok := d.cueAt(s, b-1, entryTitle); ok && end > b {
			return c, reason{text: "part of a title (%s)", arg: d.text(a, end)}
		}
	}
	c.a, c.b = a, b
	if c.title != nil && a == c.runA {
		switch s.possessorOfTitle(d, &c) {
		case 1:
			c.title = nil
		case 2:
			c.titleElse = true
		}
	}
	if c.honor == nil && c.roleNoun == nil && (c.title == nil || c.title.b < c.runA) && d.afterLocative(c.runA, a) {
		// "tại Thu Cúc", "ở Santa Ana", "Tại Ninh Ba, ...": where, not who;
		// also after a title further back ("một quan chức cấp cao ở Jammu",
		// "các bác sĩ ở Noida"): the title's holder is unnamed.
		return c, reason{text: "after \"ở\" or \"tại\": a place", place: true}
	}
	if _, end, ok := d.cueAt(s, a, entryTitle); ok && end > b {
		return c, reason{text: "part of a title (%s)", arg: d.text(a, end)}
	}
	if e, end, ok := d.cueAt(s, a, entryRoleNoun); ok && end > b && b-a == 1 && (e.gender == female || e.gender == male) && d.sentenceStart(a) {
		// "Nam đạo diễn chia sẻ": a gendered role noun opening a sentence,
		// not "Nam", the first word of a woman's stage name met before.
		return c, reason{text: "part of a title (%s)", arg: d.text(a, end)}
	}
	if c.title != nil && c.title.b == c.runA {
		// The title before the run goes on into it: "Ủy viên Quốc vụ" (a
		// State Councillor) is a title whose second half is capitalised,
		// no one called Quốc.
		if _, end, ok := d.cueAt(s, c.title.a, entryTitle); ok && end > a && end >= b {
			return c, reason{text: "part of a title (%s)", arg: d.text(c.title.a, end)}
		}
	}
	if _, end, ok := d.cueAt(s, a, entryNotHonorific); ok && end >= b {
		return c, reason{text: "a common phrase (%s)", arg: d.text(a, end)}
	}
	singleHonor := c.honor != nil && !d.hasSpace(c.honor.a, c.honor.b)
	if c.honor != nil {
		if kind, end := s.gazetteerAt(d, c.honor.a, len(d.toks)); end >= b {
			// "Bà Rịa", "Bà Chiểu": the honorific's word opens the name of a place.
			return c, reason{text: "part of a name of %s (gazetteer)", arg: kind, thing: true}
		}
	}
	if kind, end := s.gazetteerAt(d, a, b); end == b && (!singleHonor || s.placeEpithet(d, kind, a, b)) &&
		!(kind == "countries" && b-a == 1 && d.vietnamese(a) && d.quoteMarkComma(a) && d.speechQuotation(a-2) && s.speechNext(d, b)) {
		// (Between a quotation and a speech verb, "“...”, Đức nói", the
		// word is the speaker's given name, not a country.)
		if kind == "countries" && b-a == 1 && d.vietnamese(a) && s.speechNext(d, b) &&
			(a == 0 || !d.in(prepositions, a-1) && !d.in(placePrepositions, a-1)) {
			// "Đức" (Germany) and "Nga" (Russia) are given names too: before
			// a speech verb the word may be the person of that name the
			// article has introduced ("Lê Anh Đức ... Tại cơ quan điều tra,
			// tên Đức đã khai nhận"); it joins them, or no one.
			c.a, c.b, c.why, c.givenOnly = a, b, "a country's name, or a given name that names no one in the text", true
			return c, reason{}
		}
		return c, reason{text: "a name of %s (gazetteer)", arg: kind, thing: true}
	}
	if kind, ok := s.gazetteerAround(d, a, b); ok && !singleHonor {
		return c, reason{text: "part of a name of %s (gazetteer)", arg: kind, thing: true}
	}
	if b-a == 1 && d.in(demonyms, a) {
		// "người dùng Việt", "khách Nhật", "Việt kiều": the word says where
		// people are from, no one's given name ("anh Việt" stays a name).
		if b < len(d.toks) && d.tokenText(b) == foldedKieu {
			return c, reason{text: "a nationality after a noun of people (%s)", arg: d.text(a, b+1)}
		}
		if n := s.afterPeopleNoun(d, a); n > 0 {
			return c, reason{text: "a nationality after a noun of people (%s)", arg: d.text(a-n, b)}
		}
		if n := stateHeads.endingAt(d, a); n > 0 {
			// "Thủ tướng Thái", "vua Thái", "Tổng thống Nga": the head of a
			// country, unnamed.
			return c, reason{text: "a nationality after a noun of people (%s)", arg: d.text(a-n, b)}
		}
	}
	for k := a; k < b; k++ {
		if d.allCaps(k) && !(b-a == 1 && s.undottedInitials(d, &c, a)) {
			return c, reason{text: "an acronym"}
		}
	}
	if ageGroup(d.tokenText(a)) && c.honor == nil && c.roleNoun == nil {
		// "HLV U23 Bulgaria:", "giải U60", "đội U19": a team or a class by
		// age ("under 23"), not a person. After a word for a person ("Bà
		// chủ U60 chia sẻ") it is her age, and she is the one described.
		return c, reason{text: "a team or class by age (%s)", arg: d.text(a, b), thing: true}
	}
	if c.title != nil && c.title.b == a && (b-a == 1 || !d.in(s.surnames, a)) && c.honor == nil && d.allVietnamese(a, b) &&
		departmentHeads.has(lastSyllable(c.title.e.key)) {
		// "Trưởng khoa Nhi", "Trưởng phòng Đào tạo", "Trưởng khoa Tai Mũi
		// Họng": the words after a head of a department name the
		// department, unless a family name opens a full name.
		return c, reason{text: "a department after its head's title"}
	}
	vn := b-a >= 2 && b-a <= 4 && d.in(s.surnames, a) && !d.commonWordAt(s, a) || s.thiName(d, a, b)
	if !vn && c.honor == nil {
		for k := a; k < b; k++ {
			if t := d.tokenText(k); len(t) > len("bank") && strings.HasSuffix(t, "bank") || t == "bank" {
				// "Eximbank", "TPBank", "LienVietPostBank": banks name
				// themselves so; no one's name ends in "bank".
				return c, reason{text: "a bank's name (%s)", arg: d.text(k, k+1)}
			}
		}
	}
	if !vn && b-a == 1 && a > 0 && c.honor == nil && c.title == nil && d.in(s.orgInside, a) && d.isWord(a-1) &&
		d.isUpper(a-1) && d.sent[a-1] == d.sent[a] && !d.toks[a].Newline {
		// "BBC News", "CCTV News", "VIB Online": the acronym before split
		// off, the word left marks an organisation, no one's name.
		return c, reason{text: "\"%s\" marks an organisation or place", arg: d.text(a, a+1)}
	}
	if !vn && b-a >= 2 {
		// "Giáo sư Jennifer Tour Chayes": a person's title, then a foreign
		// given name opening the run, make it a person's name, whatever
		// word it has inside.
		titledPerson := c.title != nil && c.title.b == a && b-a <= 4 && s.foreignGiven(d, a, b) != ""
		for k := a; k < b; k++ {
			if d.in(s.orgInside, k) && c.honor == nil && !titledPerson {
				return c, reason{text: "\"%s\" marks an organisation or place", arg: d.text(k, k+1)}
			}
		}
		if k := s.placeAtEnd(d, a, b); k > a && c.honor == nil && c.roleNoun == nil && !d.allVietnamese(a, k) {
			// "Honda Việt Nam", "Nielsen Việt Nam": a foreign firm's
			// branch in a country; "Halida Thanh Hóa", "Huda Huế": a
			// sponsor's club of a province. No name ends with a place's.
			return c, reason{text: "a firm's or club's name ending in a place (%s)", arg: d.text(a, b)}
		}
	}
	if !vn && c.honor == nil && c.roleNoun == nil && d.commonWordGoesOn(b) {
		// "Ngành Giáo dục", "Phe Dân chủ", ", Thành viên HĐQT": capitalised
		// at the head of a name or a line, the last word opens a common
		// word that goes on in lower case.
		if b-a < 3 || d.tokenText(b-2) != "." || !d.initial(b-3) {
			return c, reason{text: "its last word opens a common word (%s)", arg: d.text(b-1, b+1)}
		}
		// "đưa cho L. Nhân vật ...": the initial is the name, the word after
		// its dot opens the next sentence.
		b -= 2
		c.b = b
	}
	if !vn && c.honor == nil && c.roleNoun == nil && c.title != nil && c.title.b == a && c.title.e.tag == roleOfficial &&
		s.appositiveOfNamed(d, c.title.a) && s.foreignGiven(d, a, b) == "" && !s.isNotable(d, a, b) &&
		(!d.allVietnamese(a, b) || s.compoundGoesOn(d, b)) {
		// "Ông Lê Văn An, Tổng giám đốc Sunway lấy ví dụ", "Adrian Ballinger,
		// người sáng lập Alpenglow Expeditions cho biết": the title in the
		// appositive of a person just named is theirs; the name after it,
		// with no given name of a person, is the organisation's. Words
		// that could be a Vietnamese name must run on into a common word
		// in lower case ("Bí thư Thị ủy", "Giám đốc Bảo tàng", "Giám đốc
		// Khối Viễn thông"): "..., CEO Thúy Phan, ..." lists people.
		return c, reason{text: "the organisation of a title in a named person's appositive", org: true}
	}
	if !vn && c.honor == nil && c.roleNoun == nil {
		// A family name later in the run after other capitalised words:
		// "... Bhutan Phạm Sanh Châu".
		if k := s.surnameAfter(d, a+1, b); k >= 0 && b-k >= 2 {
			c.a, vn = k, true
		}
	}
	if b-a == 1 && b < len(d.toks) && d.tokenText(b) == "," && d.sentenceStart(a) && d.in(openingConnectives, a) {
		return c, reason{text: "a connective opening the sentence (%s)", arg: d.text(a, b)}
	}
	switch {
	case c.honor == nil && d.initialsOnly(a, b) && s.namedAfterDescription(d, a, &c):
		// "bé gái tên T.", "em học sinh tên L.T.M.": a description names a
		// child or a victim by initials.
		c.strong = true
	case c.honor == nil && d.initialsOnly(a, b) && d.initialCount(a, b) >= 2 && s.hiddenNameUse(d, b):
		// "N.V.H có hơn 5 năm trong nghề kể", "L.K.P, một người mẫu": the
		// press hides a person's full name behind its initials; an
		// organisation's acronym is written without dots.
		c.strong = true
	case b-a == 1 && d.initial(a) && c.honor == nil && s.initialAfterQuotation(d, a):
		// "“...”, C. kể": a child or victim the story hides behind one
		// letter, named as the speaker of the quotation just closed.
		c.strong = true
	case b-a == 1 && d.initial(a) && c.honor == nil && !d.initialAfterTitle(a, &c):
		c.why = "a single letter with no honorific"
	case b-a == 1 && d.initial(a) && c.honor == nil:
		// "tài công H.", "nạn nhân L.": papers hide a name in crime and
		// social stories behind a job or role word and an initial.
		c.strong = true
	case s.isNotable(d, a, b):
		c.strong = true // a well-known person: "Putin cảnh báo ..."
	case vn:
		c.strong = true
	case c.honor != nil || c.roleNoun != nil:
		c.strong = true
	case c.title != nil && b-a >= 2:
		c.strong = true
	case c.title != nil && !d.vietnamese(a) && !s.inAppositive(d, a) &&
		!(c.titleFar && c.title.b == a-1 && d.in(passiveMarkers, a-1)):
		// Not the agent of a passive after a title ("nạn nhân bị Pchome lừa
		// đảo"): victims are harmed by firms and apps as often as by people.
		// "HLV Domenech"; a single Vietnamese syllable after a title is as
		// likely the first word of an organisation ("Giám đốc Công an").
		c.strong = true
	case b-a >= 2 && b-a <= 4 && s.foreignGiven(d, a, b) != "":
		c.strong = true
	case s.romanisedEastAsian(d, a, b) && !s.isCueWord(d, a, b):
		// "Kim Ji Won", "Shin Tae Yong", "Zhang Ziyi": a Korean or Chinese
		// family name, then a given name in Latin letters.
		c.strong = true
	case b-a == 1 && s.appositiveTitle(d, b) && !d.vietnamese(a) && !s.isCueWord(d, a, b) &&
		!s.inAppositive(d, a):
		c.strong = true // "Dorsey - CEO của Twitter"
	case b-a >= 2 && b-a <= 4 && !s.isCueWord(d, a, b) && !s.inAppositive(d, a) &&
		(s.precededByTheo(d, a) >= 0 || s.speechOrQuoteFollows(d, b) || s.appositiveTitle(d, b) || d.afterQuotation(a) ||
			d.ageAfter(b) || d.bioAfter(b)):
		c.strong = true
	case b-a >= 2 && b-a <= 4 && !s.isCueWord(d, a, b) && b < len(d.toks) && d.tokenText(b) == "," && s.speechNext(d, b+1) &&
		s.titledAppositiveName(d, b):
		// "Giám đốc điều hành của bệnh viện, Aashish Chaudhry, cho biết":
		// set off after the title that opens the sentence, then speaking.
		c.strong = true
	case b-a == 1 && d.quoteMarkComma(a) && d.speechQuotation(a-2) && !d.vietnamese(a) && s.foreignGiven(d, a, b) != "" &&
		!s.isCueWord(d, a, b) && !s.inAppositive(d, a):
		// "“...” - James tự hào khoe": a foreign given name alone right
		// after a quotation and a dash or comma is its speaker.
		c.strong = true
	case b-a == 1 && s.nameLike(d, a) && s.namedAfterDescription(d, a, &c):
		c.strong = true // "nam sinh tên Đạt", "một thành viên có tên Phong"
	case b-a == 1 && !d.sentenceStart(a) && d.vietnamese(a) && s.nameLike(d, a) &&
		!s.isCueWord(d, a, b) && (d.bioAfter(b) || s.testimonyOf(d, a) || s.describedAfter(d, b)):
		// Crime news names a suspect or a victim by the given name alone,
		// with a birth year or an age right after it ("bắt được Điệp (SN
		// 1981, trú tại ...)", "Tuấn (24 tuổi)"), or gives their testimony
		// ("Theo lời khai của Điệp").
		c.strong = true
	case b-a == 1 && d.ageAfter(b) && s.nameLike(d, a) && !s.isCueWord(d, a, b) && (!d.vietnamese(a) || !d.sentenceStart(a)):
		// A given name alone with an age set off after it ("Khi Yumi, 36
		// tuổi, ở Osaka quyết định ...", "Tuấn, 24 tuổi, kể"): only people
		// have an age so given.
		c.strong = true
	case b-a == 1 && !d.sentenceStart(a) && s.speechNext(d, b) && !s.isCueWord(d, a, b) && !s.inAppositive(d, a) &&
		s.nameLike(d, a):
		// A lone capitalised word counts when it speaks ("Kiatisuk chia
		// sẻ", "Hùng cho biết"); opening a sentence, it is as likely a common
		// word, and a Vietnamese word must be a given name ("Cổng thông tin"
		// is no person).
		c.strong = true
	case b-a == 1 && d.sentenceStart(a) && !d.vietnamese(a) && !d.allCaps(a) && s.speechNext(d, b) && !s.isCueWord(d, a, b) &&
		s.pronounTakesUp(d, b):
		// "Xiao cho biết, cô không cần lời xin lỗi", "Okano nói: ... Ông
		// ...": a foreign word opening a sentence as a speaker is a person
		// when a gendered pronoun takes it up in that sentence or the next
		// (a firm or a country is "hãng", "họ", never "cô" or "ông").
		c.strong = true
	case b-a == 2 && d.sentenceStart(a) && d.vietnamese(a) && d.vietnamese(a+1) && s.nameLike(d, a+1) &&
		!s.isCueWord(d, a, b) && s.actsThenQuotes(d, b):
		// A stage name with no family name opening a sentence that, after
		// a few words of what the person did, opens a quotation with a
		// colon: "Quốc Cường làm mặt nghiêm mắng tôi: “...”", "Hải Đăng
		// quay sang tôi: “...”". The words are the person's.
		c.strong = true
	case b-a <= 4 && d.answerLabel(a, b) && !s.isCueWord(d, a, b) && !mailHeaderFields[d.tokenText(a)] &&
		(b-a >= 2 || s.nameLike(d, a)):
		// An interview laid out as questions and answers: "Các bạn tập
		// bao lâu?" then "- Adeline: Một bài chúng tôi tập ...": the name
		// labelling the answer is the one who gives it.
		c.strong = true
	default:
		c.why = noCue
	}
	return c, reason{}
}

// undottedInitials reports initials written without dots right after a
// person's honorific: "bà LTP nói", "Bà HTM (hàng xóm) bức xúc": crime and
// social reporting hides a name so too. Three or four letters ("trẻ em VN"
// is the country), none foreign to Vietnamese names (W, F, J, Z: "ông AWS"), not a title ("ông HLV"), and
// not the England of "Anh" opening a sentence.
func (s *Scorer) undottedInitials(d *doc, c *candidate, a int) bool {
	if c.honor == nil || c.honor.b != a || !initialsHonorifics.has(c.honor.e.key) || c.title != nil && c.title.a >= c.honor.b {
		return false
	}
	if _, _, ok := d.cueAt(s, a, entryTitle); ok {
		return false
	}
	if d.sentenceStart(c.honor.a) && d.tokenText(c.honor.a) == foldedAnh {
		return false
	}
	st, e := d.span(a, a+1)
	w := d.input[st:e]
	if n := utf8.RuneCountInString(w); n < 3 || n > 4 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) || strings.ContainsRune("WFJZ", r) {
			return false
		}
	}
	return true
}

var foldedAnh = vntext.FoldString("anh")

// initialsHonorifics are the honorifics of ordinary people the press puts
// before hidden names; not "cụ" ("công cụ BI") nor "thầy" ("thầy VTV3").
var initialsHonorifics = foldedWords("ông", "bà", "anh", "chị", "cô", "chú", "cháu", "em", "bé", "bác", "cậu", "dì")

// givenOfFullName reports a word at token a, capitalised mid-sentence, that
// is the given name of a Vietnamese full name written elsewhere in the
// text: "Nguyễn Thị Tiền ... kêu Tiền kiếm người" (tiền: money). Such a word
// is otherwise never a name; here it may join the person, or no one.
func (d *doc) givenOfFullName(s *Scorer, a int) bool {
	if d.sentenceStart(a) || !d.isUpper(a) || !d.vietnamese(a) {
		return false
	}
	if _, end := s.gazetteerAt(d, a, min(a+4, len(d.toks))); end > a {
		return false // "Lãnh đạo Chính phủ" of Phạm Minh Chính's story: a body's name
	}
	if !d.fullGivenKnown {
		d.fullGiven, d.fullGivenKnown = d.givenNamesClosingFullNames(s, d.fullGiven[:0]), true
	}
	w := d.tokenText(a)
	for _, j := range d.fullGiven {
		if j != a && d.tokenText(j) == w {
			return true
		}
	}
	return false
}

// givenNamesClosingFullNames appends to out the tokens that close a
// Vietnamese full name: a capitalised word after one to three more on its
// line, the first of them (not the one right before it) a surname. Read
// once per document: the candidates stage asks about many words.
func (d *doc) givenNamesClosingFullNames(s *Scorer, out []int) []int {
	for j := 2; j < len(d.toks); j++ {
		if !d.isUpper(j) {
			continue
		}
		for f := j - 1; f >= max(0, j-3); f-- {
			if !d.isWord(f) || !d.isUpper(f) || d.toks[f+1].Newline {
				break
			}
			if f < j-1 && d.in(s.surnames, f) {
				out = append(out, j)
				break
			}
		}
	}
	return out
}

// pronounTakesUp reports a lower-case gendered pronoun outside quotations
// after token b, in its sentence or the next.
func (s *Scorer) pronounTakesUp(d *doc, b int) bool {
	for k := b; k < len(d.toks) && d.sent[k] <= d.sent[b]+1; k++ {
		if d.quote[k] || d.isUpper(k) && !d.sentenceStart(k) {
			continue
		}
		if e, end, ok := d.cueAt(s, k, entryReference); ok && (e.gender == female || e.gender == male) &&
			!(end < len(d.toks) && d.isWord(end) && d.isUpper(end)) { // "ông Biden" is a name's honorific
			return true
		}
	}
	return false
}

// answerLabel reports a run [a, b) that labels an answer in a question
// and answer layout: it opens its line, after a dash or not, a colon
// follows it, and the line before ends with a question mark.
func (d *doc) answerLabel(a, b int) bool {
	if b >= len(d.toks) || d.tokenText(b) != ":" || a == 0 {
		return false
	}
	k := a
	if t := d.tokenText(k - 1); (t == "-" || t == "–") && k >= 2 {
		k--
	}
	return d.toks[k].Newline && d.tokenText(k-1) == "?"
}

// placeEpithet reports a place after an honorific that can be no one's
// name: "nàng Singapore", "mấy cô Hà Nội", "anh chàng Hàn Quốc" call a
// woman or man by where they are from. A one-word Vietnamese country or a
// province ("chị Nga", "anh Thái Bình") is often a given name, and stays.
func (s *Scorer) placeEpithet(d *doc, kind string, a, b int) bool {
	switch kind {
	case "countries":
		return b-a >= 2 || !d.vietnamese(a)
	case "places":
		return !d.allVietnamese(a, b) || cityEpithets.has(d.joined(a, b))
	}
	return false
}

// cityEpithets are cities whose names are no one's given name.
var cityEpithets = foldedWords("hà nội", "sài gòn")

// bioAfter reports a parenthesis right after token b-1 that opens with a
// person's birth year or age: "(SN 1981", "(sinh năm 1990", "(24 tuổi".
// The dot of a closing initial may come between: "N.V.H. (SN 1977",
// "Gia H. (SN 1996)".
func (d *doc) bioAfter(b int) bool {
	if b+1 < len(d.toks) && b > 0 && d.tokenText(b) == "." && d.initial(b-1) {
		b++
	}
	if b+2 >= len(d.toks) || d.tokenText(b) != "(" {
		return false
	}
	switch t := d.tokenText(b + 1); {
	case d.in(residenceWords, b+1):
		// "Bình (ngụ tại Chợ Lớn)", "Tuấn (trú xã ...)": only people live
		// somewhere.
		return true
	case t == foldedSN:
		return d.toks[b+2].Kind == vntext.Number
	case t == foldedBorn:
		return d.tokenText(b+2) == foldedYear
	case d.toks[b+1].Kind == vntext.Number:
		return d.tokenText(b+2) == foldedAge
	}
	return false
}

// residenceWords open where a person lives, in a parenthesis after the name.
var residenceWords = foldedWords("ngụ", "trú")

// ageAfter reports a person's age set off right after token b-1: "Payal
// Kumari, 18 tuổi, đã ...", "Lena Park (25 tuổi)". Only people have an age
// so given.
func (d *doc) ageAfter(b int) bool {
	if b+2 >= len(d.toks) || (d.tokenText(b) != "," && d.tokenText(b) != "(") {
		return false
	}
	return d.toks[b+1].Kind == vntext.Number && d.tokenText(b+2) == foldedAge
}

// testimonyOf reports "theo lời khai của" (by the testimony of) right
// before token a: only a person testifies.
func (s *Scorer) testimonyOf(d *doc, a int) bool {
	return a >= 4 && d.joined(a-4, a) == foldedTestimony
}

var (
	foldedSN        = vntext.FoldString("sn")
	foldedBorn      = vntext.FoldString("sinh")
	foldedYear      = vntext.FoldString("năm")
	foldedAge       = vntext.FoldString("tuổi")
	foldedTestimony = vntext.FoldString("theo lời khai của")
)

// orgNameBefore finds an organisation's name that the run at a goes on: a
// word that opens such names and, after it, words written as its name is,
// each capitalised on its first syllable, the last right before a: "Tổng
// công ty Xây dựng | Lũng Lô", "Công ty CP Xây dựng | Coteccons". A
// lower-case word after another ("Bộ Y tế khen", "Công ty thuê") is the
// sentence going on, not the name.
func (s *Scorer) orgNameBefore(d *doc, a int) (*entry, int, bool) {
	if a < 2 || !d.isWord(a-1) || d.isUpper(a-1) || !d.isWord(a-2) || !d.isUpper(a-2) || d.in(linkWords, a-1) {
		return &noEntry, 0, false
	}
	for p := a - 2; p > 0 && p >= a-8; p -= 2 {
		// [p, p+2) is one word of the name: "Xây dựng", "Cổ phần".
		if !d.isWord(p) || !d.isUpper(p) || d.allCaps(p) || d.isUpper(p+1) || d.sent[p] != d.sent[a] ||
			d.toks[p+1].Newline || d.toks[p+2].Newline || d.in(linkWords, p+1) ||
			!d.vietnamese(p) || !d.vietnamese(p+1) {
			break
		}
		q := p
		if d.isWord(q-1) && d.allCaps(q-1) {
			q-- // an acronym before it: "Công ty CP | Xây dựng"
		}
		if e, st, ok := d.cueEndingAt(s, q, entryOrgBefore); ok && d.sent[st] == d.sent[a] {
			return e, st, true
		}
		if q < p || !d.isWord(p-1) || d.isUpper(p-1) {
			break
		}
	}
	return &noEntry, 0, false
}

// linkWords join a name to what comes before it; the word before them ends
// the organisation's name: "nhiều sao Việt như | Thanh Thảo", "Phó Chủ tịch
// Tập đoàn Vingroup kiêm | Đại diện ...".
//
// The list was written unfolded, so that only its words without a tone
// mark ever matched the folded text; folding the others too ("và", "của",
// "với" ...) changed two corpus articles, both for the worse (places read as
// people), so they are left out.
var linkWords = foldedWords("như", "cho", "theo", "hay", "kiêm")

// givenAfterPersonal reports that the gazetteer name [a, end) that opens a
// run right after an honorific or a scholar's title is the person's given
// name: "bà Chelsea Clinton", "giáo sư Santos Ribeiro". A single word that
// the world table knows as a given name is; a place is not ("ông Mỹ"), nor
// a club or brand after a title of sport or business, which name their
// club: "HLV Chelsea Tuchel", "ông chủ Twitter Dorsey".
func (s *Scorer) givenAfterPersonal(d *doc, c *candidate, kind string, a, end int) bool {
	if kind == "countries" || kind == "places" || end != a+1 || c.roleNoun != nil || s.foreignGiven(d, a, end) == "" {
		return false
	}
	switch {
	case c.title != nil:
		return c.title.b == a && c.title.e.tag == roleExpert && (c.honor == nil || c.honor.b <= c.title.a)
	case c.honor != nil:
		return c.honor.b == a
	}
	return false
}

// vnNameAfterTitle reports a run [a, b) of Vietnamese syllables, mid-
// sentence, right after a title or honorific that is not an official's:
// a stage name whose first word is also a common word or a country ("diễn
// viên Đình Tú", "ca sĩ Đức Phúc", "NSƯT Đức Hải"). There the word is the
// name's, not a word opening a sentence or a country before a name
// ("Thủ tướng Đức Scholz" stays a country: an official's title, and a
// foreign name).
func (s *Scorer) vnNameAfterTitle(d *doc, c *candidate, a, b int) bool {
	// A capitalised title inside the run ("MC Mỹ Linh", "NSƯT Mỹ Uyên") was
	// stripped from its head: the name starts right after it, as after a
	// title in lower case.
	inRun := c.title != nil && c.title.b == a && c.title.a >= c.runA
	if a != c.runA && !inRun || d.sentenceStart(a) || d.allCaps(a) || d.in(s.rankNames, a) {
		return false // "ông Hai Trắng": a rank before the given name, read elsewhere
	}
	switch {
	case c.title != nil && c.title.b == a:
		if c.title.e.tag == roleOfficial || c.title.e.tag == roleOrdinary {
			return false // "tiểu thương Hàng Mã", "người dân Nga Sơn": where they are from
		}
	case c.honor != nil && c.honor.b == a:
	default:
		return false
	}
	for k := a; k < b; k++ {
		if !d.isWord(k) || !d.vietnamese(k) {
			return false
		}
	}
	return true
}

// initialAfterTitle reports a single initial at token a that closes with
// its dot right after a title or role noun ("tài xế H.", "bị can T."): the
// dot tells an abbreviated name from a letter that names a thing ("đội
// trưởng đội A").
func (d *doc) initialAfterTitle(a int, c *candidate) bool {
	if a+1 >= len(d.toks) || d.tokenText(a+1) != "." || d.toks[a+1].Space {
		return false
	}
	if a+2 < len(d.toks) && d.toks[a+2].Kind != vntext.Punct && !d.toks[a+2].Space && !d.toks[a+2].Newline {
		return false // "cầu thủ U.23": an age group, not a name
	}
	return c.title != nil && c.title.b == a || c.roleNoun != nil && c.roleNoun.b == a
}

// covers reports whether a cue found before the run (honorific, role noun,
// title) spans tokens [st, end): "người mẫu" is a title, not the word
// "mẫu" of a product.
func (c *candidate) covers(st, end int) bool {
	for _, cs := range []*cueSpan{c.honor, c.roleNoun, c.title} {
		if cs != nil && cs.a <= st && cs.b >= end {
			return true
		}
	}
	return false
}

// afterQuotation reports a name right after a quotation and a comma or
// dash: "“...”, Frans Wuwung, một thủy thủ ..., cho biết".
func (d *doc) afterQuotation(a int) bool {
	return d.quotationBefore(a) >= 0
}

// quotationBefore returns the closing mark of a quotation followed by a
// comma or dash and, at most, an honorific or title before the name at
// token a ("“...”, anh Nguyễn Văn Thành vui mừng nói"), or -1.
func (d *doc) quotationBefore(a int) int {
	for back := 0; back <= 3 && a-back >= 2; back++ {
		k := a - back
		if back > 0 && (!d.isWord(k) || d.isUpper(k) && !d.sentenceStart(k) && d.toks[k].Space) {
			return -1
		}
		if d.quoteMarkComma(k) && d.speechQuotation(k-2) {
			return k - 2
		}
	}
	return -1
}

// speechQuotation reports whether the quotation closing at token c reads as
// someone's words: it opens its sentence or follows a colon, or it is long.
// A short quotation inside a sentence is a title or a nickname ("với biệt
// danh “Nhà tiên tri xứ Omaha”, tỷ phú Warren Buffett").
func (d *doc) speechQuotation(c int) bool {
	j := c - 1
	words := 0
	for j >= 0 && d.quote[j] {
		if d.isWord(j) {
			words++
		}
		j--
	}
	return j < 0 || d.sentenceStart(j) || words >= 10
}

// quoteMarkComma reports a closing quotation mark and a comma or dash right
// before token k.
func (d *doc) quoteMarkComma(k int) bool {
	if k < 2 {
		return false
	}
	switch d.tokenText(k - 1) {
	case ",", "-", "–", "—":
	default:
		return false
	}
	switch d.tokenText(k - 2) {
	case "”", "\"", "»", "’":
		return true
	}
	return false
}

// isNotable reports whether tokens [a, b) name a well-known person.
func (s *Scorer) isNotable(d *doc, a, b int) bool {
	if !d.in(s.notableFirst, a) {
		return false // most runs: no need to build the joined name
	}
	d.scratch = d.scratch[:0]
	for k := a; k < b; k++ {
		if k > a {
			d.scratch = append(d.scratch, ' ')
		}
		d.scratch = append(d.scratch, d.tokenText(k)...)
	}
	_, ok := s.notable[string(d.scratch)] // no copy: the compiler looks the bytes up as they are
	return ok
}

// nameLike reports whether the single word at token a can be a name on its
// own: a foreign word, or a Vietnamese syllable that is a given name.
func (s *Scorer) nameLike(d *doc, a int) bool {
	return !d.vietnamese(a) || s.people.GivenVI.KnownKey(d.tokenText(a))
}

// gazetteerAround reports a gazetteer name that starts before the run and
// covers it: "châu Âu", "miền Trung".
func (s *Scorer) gazetteerAround(d *doc, a, b int) (string, bool) {
	for st := max(0, a-3); st <= a; st++ {
		if d.sent[st] != d.sent[a] {
			continue
		}
		for _, h := range d.hitsAt(st) {
			// At a itself, a name that goes on past the run in lower case:
			// "Đoàn Thanh | niên" (the Youth Union).
			if s.m.meta[h.entry].kind == entryGazetteer && (int(h.end) >= b && st < a || int(h.end) > b) {
				return s.m.entries[h.entry].tag, true
			}
		}
	}
	return "", false
}

// hasSpace reports whether tokens [a, b) span more than one syllable.
func (d *doc) hasSpace(a, b int) bool { return b-a > 1 }

// gazetteerAt returns the kind and end of the longest gazetteer name that
// starts at token a and ends within b (end 0 if none).
func (s *Scorer) gazetteerAt(d *doc, a, b int) (string, int) {
	kind, end := "", 0
	for _, h := range d.hitsAt(a) {
		if s.m.meta[h.entry].kind == entryGazetteer && int(h.end) <= b && int(h.end) > end {
			kind, end = s.m.entries[h.entry].tag, int(h.end)
		}
	}
	return kind, end
}

// genderedTitles calls f with "nữ" and "nam" before every title that has
// no sex of its own, as role nouns: "nữ đạo diễn", "nam bệnh nhân", "Nam
// ca sĩ chia sẻ". The honorifics' "not" list cancels them inside a place
// ("Hà Nam", "Việt Nam").
func genderedTitles(p *rules.People, f func(phrase, gender string)) {
	listed := map[string]bool{}
	p.RoleNouns.Each(func(ph, _ string) { listed[vntext.FoldString(ph)] = true })
	for _, role := range rules.Roles() {
		for _, t := range p.Titles[role] {
			k := vntext.FoldString(t)
			if strings.HasPrefix(k, vntext.FoldString("nữ ")) || strings.HasPrefix(k, "nam ") || listed[k] ||
				strings.Count(k, " ") > 1 {
				// A longer title takes its modifiers along ("diễn viên chính"): a
				// prize list's "Nữ diễn viên chính xuất sắc nhất: X" is no speaker.
				continue
			}
			for _, g := range []struct{ word, gender string }{{"nữ ", rules.Female}, {"nam ", rules.Male}} {
				if ph := g.word + t; !listed[vntext.FoldString(ph)] {
					listed[vntext.FoldString(ph)] = true
					f(ph, g.gender)
				}
			}
		}
	}
}

// standingTitles calls f with every official title followed by "thường
// trực" or "thường vụ" (standing, of the standing committee): "Phó Bí thư
// Thường trực Dương Minh Quang", "Phó Giám đốc thường trực ĐHQG Hà Nội
// Nguyễn Hoàng Hải". The words also open a body's name ("Thường trực Thành
// ủy"), which the gazetteer sets aside; after a title they belong to it.
func standingTitles(p *rules.People, f func(title, role string)) {
	listed := map[string]bool{}
	for _, t := range p.Titles[roleOfficial] {
		listed[vntext.FoldString(t)] = true
	}
	for _, t := range p.Titles[roleOfficial] {
		for _, w := range []string{" thường trực", " thường vụ"} {
			if !listed[vntext.FoldString(t+w)] {
				f(t+w, roleOfficial)
			}
		}
	}
}

// standingSuffixes are the folded endings standingTitles adds.
var standingSuffixes = []string{vntext.FoldString(" thường trực"), vntext.FoldString(" thường vụ")}

// standingBase is a title's folded key without the "thường trực" or
// "thường vụ" standingTitles added: "Phó Bí thư Thường trực X ... Phó Bí
// thư nói" is one person.
func standingBase(key string) string {
	for _, suf := range standingSuffixes {
		if b, ok := strings.CutSuffix(key, suf); ok {
			return b
		}
	}
	return key
}

// nguoiKey is "người" as token texts are folded.
var nguoiKey = vntext.FoldString("người")

// afterNationality returns the first token after the countries that open
// the run [a, b) when the word before it is "người" (a nationality: "người
// Bồ Đào Nha Ronaldo"), or -1. The rest must not be Vietnamese syllables
// only: "người Hà Nội", "người Việt Nam Thanh" name a place or a local.
func (s *Scorer) afterNationality(d *doc, a, b int) int {
	if a == 0 || d.toks[a].Newline || d.tokenText(a-1) != nguoiKey {
		return -1
	}
	k := a
	for k < b {
		kind, end := s.gazetteerAt(d, k, b)
		if end == 0 || end >= b || kind != "countries" {
			break
		}
		k = end
	}
	if k == a || b-k > 4 {
		return -1
	}
	for j := k; j < b; j++ {
		if !d.vietnamese(j) || d.in(s.eastAsian, k) {
			return k
		}
	}
	return -1
}

// commonWordGoesOn reports a run ending at token b whose last word and
// the lower-case word after it make a word the article writes elsewhere
// all in lower case ("giáo dục", "dân chủ", "thành viên"): the capital
// opens a phrase or a heading, not a name. A given name is seldom the
// article's common word with the same next word ("Hùng cho biết" has no
// "hùng cho").
func (d *doc) commonWordGoesOn(b int) bool {
	if b <= 0 || b >= len(d.toks) {
		return false
	}
	t, l := d.toks[b], d.toks[b-1]
	if t.Kind != vntext.Word || !t.Space || t.Newline || d.isUpper(b) || !l.Space && !l.Newline && b > 1 ||
		!d.vietnamese(b) || !d.vietnamese(b-1) ||
		d.in(glueWords, b) {
		return false
	}
	w1, w2 := d.tokenText(b-1), d.tokenText(b)
	d.commonAsked++
	if d.commonAsked > commonPairsAfter {
		// A page with this many capitalised runs (a list, a table, an
		// adversarial page) would make the scan below quadratic.
		if len(d.lowerPairs) == 0 {
			d.indexLowerPairs()
		}
		j, ok := d.lowerPairs[[2]string{w1, w2}]
		return ok && j != int32(b-1)
	}
	// The vocabulary ids are equal when the folded words are (and -1 for
	// both when neither is a rule word), so only the tokens with w1's id
	// can open the pair: walking their chain (sameIDChain) skips the rest
	// of the page without touching it, and the text is compared only
	// where the second id agrees too. On an ordinary page a few walks cost
	// less than building lowerPairs.
	d.sameIDChain()
	id2 := d.ids[b]
	for j := int(d.firstWithID[d.ids[b-1]+1]) - 1; j >= 0; j = int(d.nextWithID[j]) - 1 {
		if j+1 >= len(d.toks) || d.ids[j+1] != id2 {
			continue
		}
		if j != b-1 && d.lowerPairAt(j) && d.tokenText(j) == w1 && d.tokenText(j+1) == w2 {
			return true
		}
	}
	return false
}

// sameIDChain links, once a page, each token to the next one with its
// vocabulary id (nextWithID) and each id to its first token (firstWithID,
// indexed by id+1 so that the words without an id, -1, chain too), both
// as token+1 with 0 for none so that a pooled array is reset by clear.
// commonWordGoesOn asks up to commonPairsAfter questions a page, each of
// which scanned the whole page before.
func (d *doc) sameIDChain() {
	if d.idChainKnown {
		return
	}
	d.idChainKnown = true
	d.firstWithID = resize(d.firstWithID, len(d.vietnameseOf)+1)
	d.nextWithID = resize(d.nextWithID, len(d.ids))
	for j := len(d.ids) - 1; j >= 0; j-- {
		k := d.ids[j] + 1
		d.nextWithID[j] = d.firstWithID[k]
		d.firstWithID[k] = int32(j + 1)
	}
}

// commonPairsAfter is how many of a page's commonWordGoesOn questions
// scan the page before lowerPairs is built: about what building it costs.
const commonPairsAfter = 32

// lowerPairAt reports whether tokens j and j+1 are two words written in
// lower case in running text, as commonWordGoesOn looks for them.
func (d *doc) lowerPairAt(j int) bool {
	return d.toks[j].Kind == vntext.Word && (d.toks[j].Space || d.toks[j].Newline) && !d.isUpper(j) &&
		d.toks[j+1].Space && !d.toks[j+1].Newline
}

// indexLowerPairs fills lowerPairs with every pair lowerPairAt accepts,
// each with its first place, or -1 when it occurs more than once.
func (d *doc) indexLowerPairs() {
	if d.lowerPairs == nil {
		d.lowerPairs = map[[2]string]int32{}
	}
	for j := 0; j+1 < len(d.toks); j++ {
		if !d.lowerPairAt(j) {
			continue
		}
		k := [2]string{d.tokenText(j), d.tokenText(j + 1)}
		if _, seen := d.lowerPairs[k]; seen {
			d.lowerPairs[k] = -1
		} else {
			d.lowerPairs[k] = int32(j)
		}
	}
}

// glueWords are the function words that follow a name as often as any
// word: "hoa và", "minh của" elsewhere say nothing of "Hoa và".
var glueWords = foldedWords("và", "của", "là", "với", "cùng", "cho", "được", "bị", "đã", "đang", "sẽ", "cũng",
	"vẫn", "còn", "thì", "mà", "đến", "từ", "tại", "ở", "trong", "về", "vào", "ra", "khi", "nhưng", "hay", "hoặc",
	"này", "đó", "có", "không", "nói", "lại", "đều", "rồi", "vừa", "mới", "chưa", "người", "ấy")

// placeAtEnd returns the first token of a country's name of two words or
// more ("Việt Nam", "Hàn Quốc") or of a province's or city's that ends the
// run [a, b), or -1. One-word countries are left out: "Đức", "Anh", "Nga"
// are given names too; so are one-word Vietnamese cities ("Huế"), which the
// caller's foreign word before them rules out.
func (s *Scorer) placeAtEnd(d *doc, a, b int) int {
	for k := max(a+1, b-4); k <= b-1; k++ {
		kind, end := s.gazetteerAt(d, k, b)
		// A one-word foreign city is a surname too ("Patrick Houston").
		if end == b && (kind == "countries" && b-k >= 2 || kind == "places" && (b-k >= 2 || d.vietnamese(k))) {
			return k
		}
	}
	return -1
}

// allVietnamese reports whether the tokens [a, b) are all Vietnamese syllables.
func (d *doc) allVietnamese(a, b int) bool {
	for k := a; k < b; k++ {
		if !d.vietnamese(k) {
			return false
		}
	}
	return true
}

// nameAtEnd finds a person's name that ends the run [a, b) after an
// organisation or place: a Vietnamese full name, or, after the places a
// run starts with, two to four foreign words. It returns the name's first
// token, or -1.
func (s *Scorer) nameAtEnd(d *doc, a, b int) int {
	if k := s.surnameAfter(d, a, b); k >= 0 && b-k >= 2 {
		return k
	}
	k := a
	for k < b {
		kind, end := s.gazetteerAt(d, k, b)
		if end == 0 || end >= b || kind != "countries" && kind != "places" {
			break
		}
		k = end
	}
	if k == a || b-k < 2 || b-k > 4 {
		return -1 // no place before it: the run is the organisation's own name ("Đại học New South Wales")
	}
	if d.in(s.eastAsian, k) {
		return k
	}
	if _, st, ok := d.cueEndingAt(s, k, entryChinese); ok && st >= a && b-k <= 3 {
		// "Người phát ngôn Bộ Ngoại giao Trung Quốc Hoa Xuân Oánh": after
		// China, Taiwan or Hong Kong the press gives a name in its
		// Sino-Vietnamese reading, Vietnamese syllables all.
		return k
	}
	for j := k; j < b; j++ {
		if !d.vietnamese(j) {
			return k
		}
	}
	return -1
}

// surnameAfter finds a Vietnamese full name (family name + 1-3 syllables)
// starting at or after from and ending the run at b, or -1.
// A three-syllable name is preferred, then four, then two: in "phường
// Trúc Bạch Trần Văn Khoa" the name is Trần Văn Khoa, not Bạch Trần Văn Khoa.
func (s *Scorer) surnameAfter(d *doc, from, b int) int {
	best, bestRank := -1, 0
	for k := max(from, b-4); k+1 < b; k++ {
		if !d.in(s.surnames, k) {
			continue
		}
		if _, end := s.gazetteerAt(d, k, b); end > k {
			continue
		}
		rank := map[int]int{3: 3, 4: 2, 2: 1}[b-k]
		if rank > bestRank {
			best, bestRank = k, rank
		}
	}
	return best
}

// placeWordsInLatin are family names that are also Vietnamese words before
// a foreign place ("bang Minnesota", "Nam Sudan") or an English firm's first
// word ("Sun Microsystems"): not taken as a family name by romanisedEastAsian.
var placeWordsInLatin = foldedWords("bang", "nam", "na", "sun")

// romanisedEastAsian reports a Korean or Chinese name written in Latin
// letters: a family name that comes first in such names, then one or two
// words of a given name, all in ASCII letters, at least one of which is no
// Vietnamese syllable ("Ji", "Won", "Ziyi"; not "Kim Long", "Hong Kong").
func (s *Scorer) romanisedEastAsian(d *doc, a, b int) bool {
	if b-a < 2 || b-a > 3 || !d.in(s.eastAsian, a) || d.in(placeWordsInLatin, a) {
		return false
	}
	foreign := false
	for k := a; k < b; k++ {
		raw := d.text(k, k+1)
		if !d.isWord(k) || !isASCIIWord(raw) || len(raw) < 2 {
			return false
		}
		if k > a && !vntext.IsVietnameseSyllable(raw) {
			foreign = true
		}
	}
	return foreign
}

// foreignGiven returns the gender the world given-name table gives the first
// word of a foreign name ("Sergei Lavrov"), "" if none.
func (s *Scorer) foreignGiven(d *doc, a, b int) string {
	first := d.tokenText(a)
	if d.in(s.surnames, a) || d.in(s.eastAsian, a) || s.people.GivenWorld == nil || d.nameApostrophe(a+1) {
		// (The "L" of "L'Oréal" is no given name, whatever the table says of "l".)
		return ""
	}
	if g := s.people.GivenWorld.GenderKey(first); g != "" {
		return g
	}
	// Accents the table's spelling does not have: "Céline", "Zoë".
	if raw := d.text(a, a+1); !isASCIIWord(raw) && !vntext.IsVietnameseSyllable(raw) {
		if plain := vntext.FoldDiacritics(raw); plain != raw {
			if g := s.people.GivenWorld.Gender(plain); g != "" {
				return g
			}
		}
	}
	// German names are often written without umlauts in other languages'
	// press ("Joerg" for Jörg, "Juergen" for Jürgen).
	if !strings.Contains(first, "ae") && !strings.Contains(first, "oe") && !strings.Contains(first, "ue") {
		return "" // (Replace allocates even when nothing is replaced)
	}
	restored := umlauts.Replace(first)
	if g := s.people.GivenWorld.GenderKey(restored); g != "" {
		return g
	}
	// Scandinavian names lose the umlaut both ways: "Goeran" for Göran,
	// which the table writes "goran".
	return s.people.GivenWorld.Gender(vntext.FoldDiacritics(restored))
}

// umlauts restores the umlauts that "ae", "oe" and "ue" spell.
var umlauts = strings.NewReplacer("ae", "ä", "oe", "ö", "ue", "ü")

// isCueWord reports whether the run is only a cue word itself (Ông, Bà).
func (s *Scorer) isCueWord(d *doc, a, b int) bool {
	for _, k := range []entryKind{entryHonorific, entryReference, entryTitle, entrySpeech, entryRoleNoun} {
		if _, end, ok := d.cueAt(s, a, k); ok && end >= b {
			return true
		}
	}
	return false
}

// inAppositive reports whether token a follows a person's mention in the
// same clause with no speech verb between: "Bill Gates, người sáng lập
// Microsoft, thông tin ..." names an organisation, not a second speaker.
func (s *Scorer) inAppositive(d *doc, a int) bool { return s.appositiveWithin(d, a, 12) }

// appositiveWithin is inAppositive looking back n tokens.
func (s *Scorer) appositiveWithin(d *doc, a, n int) bool {
	for k := a - 1; k >= 0 && k >= a-n; k-- {
		if d.sent[k] != d.sent[a] {
			return false
		}
		if d.mention[k] >= 0 || k < len(d.named) && d.named[k] {
			return true
		}
		if _, _, ok := d.cueAt(s, k, entrySpeech); ok {
			return false
		}
	}
	return false
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

// appositiveSoon reports what opens an appositive after a name: a title
// soon, an age ("19 tuổi") or a family relation ("con gái nạn nhân", "vợ
// ông").
func (s *Scorer) appositiveSoon(d *doc, k int) bool {
	if s.titleSoon(d, k) {
		return true
	}
	if k+1 < len(d.toks) && d.toks[k].Kind == vntext.Number && d.tokenText(k+1) == s.words.tuoi {
		return true
	}
	if k+2 < len(d.toks) && d.tokenText(k) == foldedOne && d.tokenText(k+1) == foldedPerson {
		k++ // "X, một người có nhiệm vụ quản lý lò gạch, cho biết"
	}
	if k+1 < len(d.toks) && d.tokenText(k) == foldedPerson && d.isWord(k+1) && !d.isUpper(k+1) {
		// "Anh H.Đ., người có thâm niên trong nghề, cho biết": who the
		// person is, in a relative clause.
		return true
	}
	if quotedEpithet(d, k) {
		return true
	}
	_, _, ok := d.cueAt(s, k, entryPossessive)
	return ok
}

// describedAfter reports an appositive that opens at token b with "một"
// and a noun for who the person before it is: "Hạnh, một cô gái 20 tuổi,
// cho biết", "Thủ - một chàng trai quê Hưng Yên - tâm sự". Without "một"
// the noun may be another person's title ("kinh đô Huế, vua Gia Long").
func (s *Scorer) describedAfter(d *doc, b int) bool {
	if b+2 >= len(d.toks) || !appositiveMark(d.tokenText(b)) || d.tokenText(b+1) != s.words.mot {
		return false
	}
	_, _, ok := d.cueAt(s, b+2, entryRoleNoun)
	return ok
}

// nameLikeTitle reports a capitalised title of two words whose first word
// is a family name, followed by one more syllable that ends the run: a
// Vietnamese full name that reads as a title ("bị cáo Vũ Công Năm", not
// "vũ công" Năm, a dancer).
func (s *Scorer) nameLikeTitle(d *doc, a, end, b int) bool {
	return end-a == 2 && b-end == 1 && !d.allCaps(a) && d.in(s.surnames, a) && d.vietnamese(end)
}

// quotedEpithet reports a short epithet in quotation marks at token k that
// a description goes on after: "Nhà thơ X, “cha đẻ” cuộc thi Y, từng chia
// sẻ". The epithet starts in lower case (a quotation starts as a sentence
// does) and closes within four words; a capitalised one, within two
// ("Chris Pratt - “Sao” phim X cho biết", "Y, “Nữ hoàng” nhạc pop, chia
// sẻ"): the press capitalises a nickname, and a quotation that short is
// no sentence.
func quotedEpithet(d *doc, k int) bool {
	if k+2 >= len(d.toks) || !quoteOpener(d.tokenText(k)) || !d.isWord(k+1) {
		return false
	}
	last := k + 5
	if d.isUpper(k + 1) {
		last = k + 3
	}
	for j := k + 2; j < len(d.toks) && j <= last; j++ {
		switch t := d.tokenText(j); {
		case t == "”" || t == "\"" || t == "»":
			return j+1 < len(d.toks) && d.isWord(j+1) && !d.isUpper(j+1) && !d.toks[j+1].Newline
		case !d.isWord(j):
			return false
		}
	}
	return false
}

// foldedPerson is "người" as the folded text reads it.
var foldedPerson = vntext.FoldString("người")

// foldedOne is "một" (one, a), before "người" in an appositive.
var foldedOne = vntext.FoldString("một")

// titleSoon reports a title among the three tokens from k ("một nghiên cứu
// sinh", "người sáng lập", "nguyên giám đốc").
func (s *Scorer) titleSoon(d *doc, k int) bool {
	for j := k; j < len(d.toks) && j < k+3; j++ {
		if _, _, ok := d.cueAt(s, j, entryTitle); ok {
			return true
		}
		if !d.isWord(j) {
			return false
		}
	}
	return false
}

// isASCIIWord reports a word written in ASCII letters only.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// departmentHeads are the last words of titles that head a department
// ("trưởng khoa", "phó trưởng phòng", "trưởng ban"): a single word after
// them is the department's name.
var departmentHeads = foldedWords("khoa", "phòng", "ban")

// lastSyllable is the last space-separated syllable of a folded key.
func lastSyllable(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// placeSeparators join the items of a list of places.
var placeSeparators = foldedWords(",", "và", "hoặc", ";")

// listGoesOn reports one list separator, and nothing else, between the end
// of a run and token i: "Thanh Trì, Thanh Oai", "Phú Xuyên và Thường Tín".
func (d *doc) listGoesOn(end, i int) bool {
	return end >= 0 && i == end+1 && d.sent[end] == d.sent[i] && d.in(placeSeparators, end)
}

// pluralPlaceBefore reports a plural place word before the run at token i,
// with or without a colon: "các huyện Thanh Trì", "gồm các huyện: Triệu
// Sơn". After it, every item of the list is a place.
func (s *Scorer) pluralPlaceBefore(d *doc, i int) bool {
	end := i
	if end > 0 && d.tokenText(end-1) == ":" {
		end--
	}
	_, st, ok := d.cueEndingAt(s, end, entryOrgBefore)
	return ok && st > 0 && d.in(plurals, st-1)
}

// listItemEnds reports a list separator, a closing mark or the end of the
// sentence at token j, right after an item of a list.
func (d *doc) listItemEnds(j int) bool {
	if j >= len(d.toks) || d.toks[j].Newline || d.sent[j] != d.sent[j-1] {
		return true
	}
	switch t := d.tokenText(j); t {
	case ")", ":", ".", "…":
		return true
	default:
		return d.in(placeSeparators, j)
	}
}

// adminPlaces are the words for the places a list names one after another
// after one word: "huyện Sóc Sơn, Mê Linh", "đường Lê Lợi, Hai Bà Trưng".
var adminPlaces = foldedWords("huyện", "quận", "tỉnh", "xã", "phường", "thị xã", "thị trấn", "thành phố", "tp",
	"làng", "thôn", "ấp", "xóm", "bản", "đường", "phố")

// adminPlaceBefore reports one of the adminPlaces right before token i.
func (s *Scorer) adminPlaceBefore(d *doc, i int) bool {
	e, _, ok := d.cueEndingAt(s, i, entryOrgBefore)
	return ok && adminPlaces.has(e.key)
}

// adminAbbrevs are the abbreviations of the administrative units in an
// address: phường, quận, huyện, xã, thị xã, thị trấn.
var adminAbbrevs = foldedWords("p", "q", "h", "x", "tx", "tt")

// businessWords end a title that the name of a business follows: "chủ
// doanh nghiệp X", "chủ cơ sở X".
var businessWords = foldedWords("doanh nghiệp", "cơ sở", "công ty", "cty", "tập đoàn", "cửa hàng", "nhà hàng",
	"khách sạn", "trang trại", "hãng", "tiệm", "quán", "xưởng", "nhà máy")

// firmCopula reports "là" and a firm's word after token j, "một" or "một
// trong những" between: "X là công ty gốm sứ", "X là một trong những ngân
// hàng lớn".
func (s *Scorer) firmCopula(d *doc, j int) bool {
	if j+1 >= len(d.toks) || d.tokenText(j) != s.words.la {
		return false
	}
	k := j + 1
	if d.tokenText(k) == s.words.mot {
		k++
		if k+2 < len(d.toks) && oneOfThe.spans(d, k, k+2) {
			k += 2
		}
	}
	for n := 1; n <= 3 && k+n <= len(d.toks); n++ {
		w := d.joined(k, k+n)
		if businessWords.has(w) || firmWords.has(w) {
			return true
		}
	}
	return false
}

// oneOfThe ("trong những") after "một": one of the ...
var oneOfThe = foldedPhraseSet("trong những", "trong các")

// firmWords name a firm's kind besides businessWords: its name after them
// is the firm's.
var firmWords = foldedWords("tổng công ty", "ngân hàng", "tnhh", "tnhh mtv", "tnhh một thành viên", "thương hiệu",
	"nhãn hàng", "chuỗi")

// dashedPlaceHalf reports a short run right after a place or an
// organisation set aside and a dash: the second half of one name ("tỉnh
// Thừa Thiên - Huế", "Bà Rịa - Vũng Tàu", "Trung tâm du lịch Phong Nha - Kẻ
// Bàng"), which an appositive's verb follows ("ông A - Bí thư Tỉnh ủy Thừa
// Thiên - Huế cho biết"). A run with an honorific or a role noun, or a full
// name with a family name, is a person after all.
func (s *Scorer) dashedPlaceHalf(d *doc, i, j int, c candidate, orgEnd int) bool {
	if orgEnd < 0 || i != orgEnd+1 || c.honor != nil || c.roleNoun != nil || j-i > 2 || d.sent[orgEnd] != d.sent[i] {
		return false
	}
	if t := d.tokenText(orgEnd); t != "-" && t != "–" || !d.toks[orgEnd].Space || !d.toks[i].Space {
		return false
	}
	// A foreign name after a dash is a person's as often as not ("phim X -
	// Vincent Cassel"): only a Vietnamese place's second half is read so.
	return d.allVietnamese(i, j) && (j-i < 2 || !d.in(s.surnames, i))
}

// placeListItem sets aside a run that goes on a list of places: after a
// place set aside by the word before it ("các huyện Thanh Trì, Thanh Oai và
// Thường Tín", "huyện Sóc Sơn, Mê Linh"), or opening one after a plural
// place word and a colon ("gồm các huyện: Hoằng Hóa, Đông Sơn"). After a
// singular place word, a full name with a family name stays a person's
// ("tại huyện Đông Anh, Nguyễn Văn Hùng cho biết"), as does any run with
// an honorific, role noun or title before it.
func (s *Scorer) placeListItem(d *doc, i, j int, c candidate, placeEnd int, plural, admin bool) (reason, bool) {
	if c.honor != nil || c.roleNoun != nil || c.title != nil {
		return reason{}, false // (a country stripped from the run is no cue: "Nga Sơn")
	}
	if !d.listGoesOn(placeEnd, i) {
		if i < 2 || d.tokenText(i-1) != ":" || !s.pluralPlaceBefore(d, i) {
			return reason{}, false
		}
	} else if !plural && (!admin || d.in(s.surnames, c.a) && c.b-c.a >= 2 || !d.listItemEnds(j)) {
		// After a singular place word the list must go on or end right
		// after the item: "tại xã Bình Trị, TP.HCM, Trung lại giới thiệu"
		// names a man after the places.
		return reason{}, false
	}
	return reason{text: "an item of a list of places", place: true}, true
}

// commonPhrase reports a phrase that cancels an honorific (honorifics.yaml's
// not list) spanning exactly tokens [i, end): "anh hai", "bà ba".
func (d *doc) commonPhrase(s *Scorer, i, end int) bool {
	for _, h := range d.hitsAt(i) {
		if s.m.meta[h.entry].kind == entryNotHonorific && int(h.end) == end {
			return true
		}
	}
	return false
}

// ageGroup reports a word of "u" and a number as the folded text reads
// "U23", "U19", "U60": a team or a class by age.
func ageGroup(t string) bool {
	if len(t) < 2 || t[0] != 'u' {
		return false
	}
	for i := 1; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	return true
}

// demonyms are the short names of peoples that follow a noun as an
// adjective ("khách Việt", "du khách Hàn") and are given names too.
var demonyms = foldedWords("việt", "nhật", "hàn", "mỹ", "trung", "thái", "lào", "pháp", "đức", "nga", "anh", "úc",
	"ý")

// peopleNouns name people as a group or kind, never one by a name after
// them: "người dùng", "khách", "cư dân mạng".
var peopleNouns = foldedPhraseSet("người dùng", "khách", "du khách", "khách hàng", "người tiêu dùng", "cư dân mạng",
	"dân mạng", "người", "cộng đồng", "giới trẻ", "người hâm mộ", "fan", "doanh nghiệp", "nhà đầu tư", "chàng trai",
	"cô gái", "thương lái", "lao động", "du học sinh", "kiều bào", "người dân", "bé gái", "bé trai", "phụ nữ", "đàn ông",
	"trẻ em")

// stateHeads head a country and go before its short name ("Thủ tướng
// Thái"), not before a given name.
var stateHeads = foldedPhraseSet("thủ tướng", "tổng thống", "vua", "nhà vua", "quốc vương", "nữ hoàng", "hoàng gia",
	"ngoại trưởng", "chính phủ")

// endingAt returns how many tokens a phrase of the set that ends right
// before token a (in its sentence) has, or 0.
func (ps *phraseSet) endingAt(d *doc, a int) int {
	for n := 1; n <= 2 && a-n >= 0; n++ {
		if d.sent[a-n] == d.sent[a] && ps.spans(d, a-n, a) {
			return n
		}
	}
	return 0
}

// foldedKieu is "kiều" (of a people abroad: "Việt kiều") as the folded text
// reads it.
var foldedKieu = vntext.FoldString("kiều")

// afterPeopleNoun reports a word at token a right after a lower-case noun
// of people in its sentence, and how many tokens that noun has (0 if none).
func (s *Scorer) afterPeopleNoun(d *doc, a int) int {
	for n := 1; n <= 3 && a-n >= 0; n++ {
		if d.sent[a-n] != d.sent[a] || d.isUpper(a-n) {
			return 0
		}
		if peopleNouns.spans(d, a-n, a) {
			return n
		}
	}
	return 0
}

// initialAfterQuotation reports a lone initial at token a that tags the
// quotation just closed: a closing quote mark and a comma before it, its
// dot, then a speech verb ("“...”, C. kể", "\"...\", T. chia sẻ"). A
// letter standing for a district or a street is followed by a name, not
// by a verb of speech.
func (s *Scorer) initialAfterQuotation(d *doc, a int) bool {
	if !d.quoteMarkComma(a) || a+2 >= len(d.toks) || d.tokenText(a+1) != "." || d.toks[a+2].Newline {
		return false
	}
	_, _, ok := d.cueAt(s, a+2, entrySpeech)
	return ok
}

// givenNameNamedBefore reports a lone capitalised word at token a, also the
// head of an organisation's name ("Bộ", "Khoa", "Sở"), that repeats the
// given name of a Vietnamese full name written before it ("Vũ Đức Bộ ...
// bước đầu Bộ đã khai nhận", "Nguyễn Ngọc Khoa ... Khoa thừa nhận"): crime
// stories name a suspect by the given name alone. Not when a common word
// goes on in lower case ("Bộ trưởng", "Khoa học").
func (d *doc) givenNameNamedBefore(s *Scorer, a int) bool {
	if d.commonWordGoesOn(a + 1) {
		return false
	}
	// Equal words have equal vocabulary ids, so comparing ids first keeps
	// the text comparison for the few tokens that may be the same word.
	w, id := d.tokenText(a), d.ids[a]
	for j := a - 1; j >= 2 && j >= a-2000; j-- { // bounded: no walk over a whole long page per word
		if d.ids[j] == id && d.tokenText(j) == w && d.isUpper(j) && d.isUpper(j-1) && d.isWord(j-1) && d.isUpper(j-2) && d.in(s.surnames, j-2) &&
			(j+1 >= len(d.toks) || !d.isWord(j+1) || !d.isUpper(j+1)) {
			return true
		}
	}
	return false
}
