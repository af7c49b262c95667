package scorer

import (
	"genderlens/rules"
	"genderlens/vntext"
)

// spareMen drops the looks matches of a rule with spare_men that describe
// a man or a boy in passing: a man's face, skin or build in a life story,
// a crime report or a health story ("ông ngày một khỏe ra, da dẻ hồng
// hào") is what the annotated sets leave, a woman's looks what they flag.
// In the sections of KeepIn a man's looks stay (the appearance rules name
// entertainment: there the annotated sets flag a star's face, build and
// weight as they do a woman's). An article of unknown section (a draft checked
// with no --section) keeps them too: the section cannot tell a star's
// looks from a man's in passing, and a flag too many is safer there than a
// woman's looks read as a man's and lost.
func (s *Scorer) spareMen(d *doc, r *rules.Rule, ri int32, ms []match) []match {
	sm := r.SpareMen
	if d.section == "" {
		return ms
	}
	for _, sec := range sm.KeepIn {
		if s.inSection(d, sec) {
			return ms
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if a, b, male := s.lookOwner(d, sm, ri, m); male {
			if d.explain {
				d.drop(r, m, "a man's looks in passing: \""+d.text(a, b)+"\" before it")
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// lookOwner finds whose looks match m describes: the person named right
// after "của" following it ("gương mặt của cô", "vẻ ngoài sành điệu của
// X"), else the nearest person or person word before it in its sentence,
// within sm.Within tokens, passing over a possessor ("cô con gái của Tom
// Cruise sở hữu ..." is hers). It returns that person's tokens and whether
// the person is male; an owner of unknown gender, or none, is not.
func (s *Scorer) lookOwner(d *doc, sm *rules.SpareMen, ri int32, m match) (int, int, bool) {
	sent := d.sent[m.start]
	// "của" within three tokens after the match names the owner, unless a
	// person stands between ("đẹp như bạn gái của Phan": hers).
	for t := m.end; t < min(len(d.toks), m.end+7) && d.sent[t] == sent; t++ {
		if a, b, g := s.genderAt(d, ri, t, true); g == "male" && d.crowd(a) {
			t = b - 1 // the men the looks win over ("khiến hàng triệu đàn ông khao khát của X")
			continue
		} else if d.sexAdjective(t) {
			t++ // "vẻ ngoài mộc mạc nhưng nữ tính của cô": a quality, no person
			continue
		} else if g != "" || d.toks[t].Kind == vntext.Punct {
			break
		}
		if d.tokenText(t) != s.words.cua {
			continue
		}
		for u := t + 1; u < min(len(d.toks), t+4) && d.sent[u] == sent; u++ {
			if a, b, g := s.genderAt(d, ri, u, true); g != "" {
				return a, b, g == "male"
			}
		}
		return 0, 0, false
	}
	// pa, pb, pg: the last possessor passed over, the owner when no one
	// stands before it ("Bức ảnh của cầu thủ X khoe ...": his).
	pa, pb, pg := 0, 0, ""
	lo := max(0, m.start-sm.Within)
	for t := m.start - 1; t >= lo && d.sent[t] == sent; t-- {
		if d.mention != nil && d.mention[t] >= 0 && !s.knownMention(d, t) {
			return 0, 0, false // the nearest person's gender is not known: nothing to spare
		}
		if a, b, g := s.genderAt(d, ri, t, false); g != "" {
			// A person word right before another is its possessor's
			// head: "vợ cậu", "mẹ anh" are hers, "chồng chị" his.
			if a > 0 && d.sent[a-1] == sent {
				if a2, b2, g2 := s.genderAt(d, ri, a-1, false); g2 != "" && g != "both" {
					a, b, g = a2, b2, g2
				}
			}
			if k := s.possessorCua(d, a); k >= 0 {
				pa, pb, pg = a, b, g
				t = k // a possessor: whose looks, the words before "của" say
				// The head before "của" may lie past the window ("Bà xã của
				// danh thủ X sở hữu nhan sắc"): look at a few words more.
				lo = max(0, min(lo, k-possessedWithin))
				continue
			}
			return a, b, g == "male"
		}
	}
	if pg != "" {
		return pa, pb, pg == "male"
	}
	return s.ownerAfter(d, ri, m)
}

// possessedWithin is how far before a possessor's "của" its head is looked
// for: "bà xã", "cô bạn gái", "người vợ sắp cưới".
const possessedWithin = 4

// possessorCua returns the token of the "của" that makes the person
// starting at token a a possessor: right before the person or before a
// title of up to three words that no person word holds ("vợ của cầu thủ
// Văn Hậu", "bạn gái của tay vợt X" are hers), or -1.
func (s *Scorer) possessorCua(d *doc, a int) int {
	for k := a - 1; k >= 0 && k >= a-4 && d.sent[k] == d.sent[a]; k-- {
		switch {
		case d.tokenText(k) == s.words.cua:
			return k
		case d.toks[k].Kind == vntext.Punct, d.mention != nil && d.mention[k] >= 0:
			return -1
		}
	}
	return -1
}

// ownerAfter finds the owner of looks told before anyone in their
// sentence: a fronted phrase whose subject follows ("Với khuôn mặt bầu
// bĩnh, ông Horie ...", "Đôi mắt sáng, gương mặt bầu bĩnh là nét riêng
// của chú bé Tôm"). When no one stands between the sentence's start and
// the match, the first person within ownerAfterWithin tokens after it is
// the owner. It returns that person's tokens and whether the person is
// male; none, or a person of unknown gender first, is not.
func (s *Scorer) ownerAfter(d *doc, ri int32, m match) (int, int, bool) {
	sent := d.sent[m.start]
	for t := m.start - 1; t >= 0 && d.sent[t] == sent; t-- {
		if d.mention != nil && d.mention[t] >= 0 {
			return 0, 0, false
		}
		if _, _, g := s.genderAt(d, ri, t, false); g != "" {
			return 0, 0, false
		}
	}
	for t := m.end; t < min(len(d.toks), m.end+ownerAfterWithin) && d.sent[t] == sent; t++ {
		if d.mention != nil && d.mention[t] >= 0 && !s.knownMention(d, t) {
			return 0, 0, false
		}
		if a, b, g := s.genderAt(d, ri, t, true); g == "male" && d.crowd(a) {
			t = b - 1 // the men the looks win over, not their owner
		} else if g != "" {
			return a, b, g == "male"
		}
	}
	return 0, 0, false
}

// crowdWords are the words before a noun for men that make them a crowd
// ("nhiều đàn ông", "hàng triệu đàn ông", "những chàng trai"): after a
// looks phrase they are the men it wins over ("Vẻ đẹp khiến hàng triệu
// đàn ông khao khát của X"), never its owner.
var crowdWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"nhiều", "những", "các", "mọi", "bao", "triệu", "nghìn", "ngàn", "vạn", "số"} {
		m[vntext.FoldString(w)] = true
	}
	return m
}()

// sexAdjectives are "nữ tính" and "nam tính" (feminine, masculine): a
// quality of looks, whose first word is no woman or man.
var sexAdjectives = [2]string{vntext.FoldString("nữ"), vntext.FoldString("nam")}

// foldedTinh is "tính" folded, once: sexAdjective is asked at every looks word.
var foldedTinh = vntext.FoldString("tính")

// sexAdjective reports whether token t starts "nữ tính" or "nam tính".
func (d *doc) sexAdjective(t int) bool {
	if t+1 >= len(d.toks) || d.tokenText(t+1) != foldedTinh {
		return false
	}
	w := d.tokenText(t)
	return w == sexAdjectives[0] || w == sexAdjectives[1]
}

// crowd reports whether the word starting at token a is made a crowd by
// the word before it.
func (d *doc) crowd(a int) bool {
	return a > 0 && d.sent[a-1] == d.sent[a] && crowdWords[d.tokenText(a-1)]
}

// ownerAfterWithin is how far after looks told before anyone their owner
// is looked for: a fronted list of features runs long before its subject
// ("Đôi mắt sáng long lanh, nụ cười rất tươi, gương mặt bầu bĩnh và cái
// đầu rất to là những nét riêng khiến chú bé ...": 22 tokens; "Với giọng
// hát giàu nội lực, truyền cảm cùng ngoại hình sáng sân khấu ..., thí
// sinh X").
const ownerAfterWithin = 24

// knownMention reports whether the person mentioned at t has a known gender.
func (s *Scorer) knownMention(d *doc, t int) bool {
	g := d.people[d.mention[t]].gender
	return g == "male" || g == "female"
}

// genderAt says the gender of a person at token t: a person the people
// pipeline found there, or a spare_men word of rule ri ending (forward:
// starting) at t: "male", "female" or "both" (a couple, or, for a rule
// with spare_men.stars, a star whose looks are his trade: the match stays). "" when there is none or its
// gender is unknown.
func (s *Scorer) genderAt(d *doc, ri int32, t int, forward bool) (int, int, string) {
	if d.mention != nil && d.mention[t] >= 0 {
		p := d.people[d.mention[t]]
		if p.gender == "male" || p.gender == "female" {
			g := p.gender
			if p.role == roleCelebrity && len(s.rules[ri].SpareMen.Stars) > 0 {
				g = "both" // a rule with stars keeps a star's looks: his trade
			}
			a, b := t, t+1
			for b < len(d.toks) && d.mention[b] == d.mention[t] {
				b++
			}
			for a > 0 && d.mention[a-1] == d.mention[t] {
				a--
			}
			return a, b, g
		}
	}
	best, bestA, bestB := "", 0, 0
	check := func(a int) {
		for _, h := range d.hitsAt(a) {
			e := s.m.meta[h.entry]
			if e.rule != ri || e.kind < entrySpareMan || partOfName(d, a, int(h.end)) {
				continue
			}
			if !forward && int(h.end) != t+1 {
				continue
			}
			if best == "" || int(h.end)-a > bestB-bestA || int(h.end)-a == bestB-bestA && e.kind == entrySpareBoth {
				g := "female"
				switch e.kind {
				case entrySpareMan:
					g = "male"
				case entrySpareBoth:
					g = "both"
				}
				best, bestA, bestB = g, a, int(h.end)
			}
		}
	}
	if forward {
		check(t)
		return bestA, bestB, best
	}
	// A word ending at t may start a few tokens before it ("chú bé").
	for a := t; a >= max(0, t-3); a-- {
		check(a)
	}
	return bestA, bestB, best
}
