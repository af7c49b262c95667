package vntext

import (
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// The five Vietnamese tone marks as combining characters. Quality marks
// (circumflex, breve, horn) are part of the letter and are kept.
const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneTilde = '\u0303'
	toneHook  = '\u0309'
	toneDot   = '\u0323'
)

func isTone(r rune) bool {
	switch r {
	case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
		return true
	}
	return false
}

// NFC returns s in Unicode normalisation form C.
func NFC(s string) string { return norm.NFC.String(s) }

// foldEntry describes a precomposed letter: its lower-case form without tone
// and the tone mark it carried (0 when none).
type foldEntry struct {
	base  rune
	tone  rune
	plain rune      // lower case without any diacritic, đ -> d
	bare  rune      // case kept, without any diacritic, đ -> d (see FoldTerm); 0 when that is not one rune
	class runeClass // letter, combining mark or other, to skip unicode tables
	upper bool      // unicode.IsUpper
	lower bool      // unicode.IsLower
}

type runeClass uint8

const (
	classOther runeClass = iota
	classLetter
	classMark
)

const (
	tableLo = 0x00C0
	tableHi = 0x1EFF
)

// foldTable is computed once at start-up and only read afterwards; it covers
// Latin-1, Latin Extended-A/B and Latin Extended Additional, where all
// precomposed Vietnamese letters live.
var foldTable = buildFoldTable()

func buildFoldTable() []foldEntry {
	// 7,744 runes at every start: the decompositions go through reused
	// buffers rather than a few strings each.
	t := make([]foldEntry, tableHi-tableLo+1)
	var d, b, c, bs []byte
	enc := make([]byte, utf8.UTFMax)
	for r := rune(tableLo); r <= tableHi; r++ {
		class := classOther
		switch {
		case unicode.Is(unicode.Mn, r):
			class = classMark
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			class = classLetter
		}
		lower := unicode.ToLower(r)
		up, lo := unicode.IsUpper(r), unicode.IsLower(r)
		if !decomposes(enc, r) && !decomposes(enc, lower) {
			// Most of the range (Greek, Cyrillic, Armenian ...): the letter is
			// its own base and plain form, and its own bare form unless it is
			// a mark or đ.
			plain, bare := lower, r
			if lower == 'đ' {
				plain = 'd'
			}
			switch {
			case unicode.Is(unicode.Mn, r):
				bare = 0
			case r == 'đ':
				bare = 'd'
			case r == 'Đ':
				bare = 'D'
			}
			t[r-tableLo] = foldEntry{base: lower, plain: plain, bare: bare, class: class, upper: up, lower: lo}
			continue
		}
		d = norm.NFD.AppendString(d[:0], string(lower))
		b = b[:0]
		var tone rune
		plain := lower
		nonMarks := 0
		var first rune
		for _, x := range string(d) {
			if isTone(x) {
				tone = x
			} else {
				b = utf8.AppendRune(b, x)
			}
			if !unicode.Is(unicode.Mn, x) {
				if nonMarks == 0 {
					first = x
				}
				nonMarks++
			}
		}
		if nonMarks == 1 {
			plain = first
		}
		if lower == 'đ' {
			plain = 'd'
		}
		var bare rune
		if bs = appendBare(bs[:0], r); utf8.RuneCount(bs) == 1 {
			bare, _ = utf8.DecodeRune(bs)
		}
		c = norm.NFC.Append(c[:0], b...)
		if utf8.RuneCount(c) != 1 {
			t[r-tableLo] = foldEntry{base: lower, plain: plain, bare: bare, class: class, upper: up, lower: lo}
			continue
		}
		base, _ := utf8.DecodeRune(c)
		t[r-tableLo] = foldEntry{base: base, tone: tone, plain: plain, bare: bare, class: class, upper: up, lower: lo}
	}
	return t
}

// decomposes reports a rune with a canonical decomposition; buf holds at
// least utf8.UTFMax bytes.
func decomposes(buf []byte, r rune) bool {
	return !norm.NFD.IsNormal(buf[:utf8.EncodeRune(buf, r)])
}

// foldRune lower-cases r and splits off its tone mark.
func foldRune(r rune) (base, tone rune) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, 0
	}
	if r >= tableLo && r <= tableHi {
		e := foldTable[r-tableLo]
		return e.base, e.tone
	}
	return unicode.ToLower(r), 0
}

// IsWordRune reports whether r belongs to a syllable: a letter, a digit or a
// combining mark. Word boundaries are defined by its negation.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= tableLo && r <= tableHi {
		return foldTable[r-tableLo].class != classOther
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Key is the matching form of a text: lower case, NFC letters, and each
// syllable's tone mark moved to the end of the syllable, so both tone
// placement conventions ("hoà"/"hòa", "thuý"/"thúy") and NFC/NFD input give
// the same key. Offsets map every key byte back to the input; Tokens are the
// key's tokens, as Tokens(Text) would return them, found in the same pass.
type Key struct {
	Text   string
	Tokens []Token
	offs   []int32 // input offset of key byte i; len(Text)+1 entries
}

// Offset returns the input byte offset that key byte i (0 <= i <= len(Text))
// comes from. At syllable boundaries it is exact.
func (k *Key) Offset(i int) int {
	if uint(i) < uint(len(k.offs)) { // one test for the common case
		return int(k.offs[i])
	}
	if i < 0 {
		return 0
	}
	return int(k.offs[len(k.offs)-1])
}

// Fold builds the matching key of s.
func Fold(s string) *Key {
	k := &Key{}
	k.Refold(s, nil)
	return k
}

// Refold makes k the key of s, reusing k's memory for its offsets and
// tokens; buf, if not nil, is scratch space for the key bytes that the
// caller may pass again next time. It lets a long-running checker fold one
// document after another without allocating per byte.
func (k *Key) Refold(s string, buf *[]byte) {
	f := folder{key: nil, offs: k.offs[:0], toks: k.Tokens[:0]}
	if buf != nil {
		f.key = (*buf)[:0]
	}
	f.runTracked(s)
	k.Text, k.Tokens, k.offs = string(f.key), f.toks, f.offs
	if buf != nil {
		*buf = f.key
	}
}

// RefoldShared is Refold without the copy of the key text: Text is the
// bytes of *buf (which must not be nil) and holds only until buf is passed
// again. It is for a checker that keeps nothing sliced from Text once it
// folds the next document.
func (k *Key) RefoldShared(s string, buf *[]byte) {
	f := folder{key: (*buf)[:0], offs: k.offs[:0], toks: k.Tokens[:0]}
	f.runTracked(s)
	k.Text, k.Tokens, k.offs = unsafe.String(unsafe.SliceData(f.key), len(f.key)), f.toks, f.offs
	*buf = f.key
}

// FoldString returns only the key text of s, for compiling patterns.
// Loading the rules folds some 40,000 phrases, so a phrase that is its own
// key (lower-case ASCII) is returned as is, and another costs only the
// string it returns: the folder and its buffers are reused.
func FoldString(s string) string {
	if isFolded(s) {
		return s
	}
	f := folderPool.Get().(*folder)
	*f = folder{key: f.key[:0], tones: f.tones[:0]}
	f.run(s, false)
	out := string(f.key)
	if cap(f.key) <= 1<<16 {
		folderPool.Put(f)
	}
	return out
}

var folderPool = sync.Pool{New: func() any { return new(folder) }}

// isFolded reports an ASCII string without capitals, which folds to
// itself.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

type folder struct {
	key       []byte
	offs      []int32
	toks      []Token
	track     bool
	tones     []rune // tones seen in the current syllable
	inWord    bool
	wordStart int  // key index where the current syllable starts
	space     bool // whitespace since the last token
	newline   bool // a line break since the last token
	lastRune  int  // key index of the last emitted letter, -1 if none
	lastIn    int  // input offset of that letter
	wordIn    int  // input offset where the current syllable starts
	lower     bool // the last letter of the current syllable was lower case
	src       string
}

func (f *folder) emit(r rune, in int) {
	// Vietnamese letters and tone marks are two- and three-byte runes,
	// encoded here as utf8.AppendRune would.
	switch u := uint32(r); {
	case u < utf8.RuneSelf:
		f.key = append(f.key, byte(r))
		if f.track {
			f.offs = append(f.offs, int32(in))
		}
	case u < 0x800:
		f.key = append(f.key, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
		if f.track {
			f.offs = append(f.offs, int32(in), int32(in))
		}
	case u < 0xD800 || 0xE000 <= u && u < 0x10000:
		f.key = append(f.key, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
		if f.track {
			f.offs = append(f.offs, int32(in), int32(in), int32(in))
		}
	default:
		n := len(f.key)
		f.key = utf8.AppendRune(f.key, r)
		if f.track {
			for i := n; i < len(f.key); i++ {
				f.offs = append(f.offs, int32(in))
			}
		}
	}
}

// startWord opens a syllable at the current end of the key; in is the
// input offset of the letter that opens it.
func (f *folder) startWord(in int) {
	if !f.inWord {
		f.inWord = true
		f.wordStart = len(f.key)
		f.wordIn = in
		f.lower = false
	}
}

// LetterCase is unicode.IsUpper and unicode.IsLower of r, read from the
// fold table for the letters of Vietnamese: the scorer asks it of every
// capitalised word.
func LetterCase(r rune) (upper, lower bool) {
	if r >= tableLo && r <= tableHi {
		e := &foldTable[r-tableLo]
		return e.upper, e.lower
	}
	return unicode.IsUpper(r), unicode.IsLower(r)
}

// glued reports whether the capital letter at input offset in starts a new
// word glued to the syllable before it ("nóiTôi", "tậpTiêu" where a line
// break was lost): the part before is a Vietnamese syllable and the part
// from in is one too, or an acronym ("choDN"). "McDermott", "DeGeneres" and
// "iPhone" stay whole.
func (f *folder) glued(in int) bool {
	if !f.inWord || !f.lower {
		return false
	}
	end := in
	for end < len(f.src) {
		r, n := utf8.DecodeRuneInString(f.src[end:])
		if !IsWordRune(r) {
			break
		}
		end += n
	}
	right := f.src[in:end]
	if !IsVietnameseSyllable(f.src[f.wordIn:in]) {
		return false
	}
	if IsVietnameseSyllable(right) {
		return true
	}
	caps := 0
	for _, r := range right {
		if unicode.IsLower(r) {
			return false
		}
		caps++
	}
	return caps >= 2
}

// endWord writes the pending tone marks of the syllable that ends at input
// offset in, and records its token.
func (f *folder) endWord(in int) {
	// Tone marks go after the syllable's letters and map to its end; a
	// "syllable" of tone marks alone (a stray combining mark) maps to where
	// it starts, so its token does not begin past the input's end.
	at := in
	if len(f.key) == f.wordStart {
		at = f.wordIn
	}
	for _, t := range f.tones {
		if t >= 0x80 && t < 0x800 && f.track { // every tone mark: emit in line
			f.key = append(f.key, 0xC0|byte(t>>6), 0x80|byte(t)&0x3F)
			f.offs = append(f.offs, int32(at), int32(at))
			continue
		}
		f.emit(t, at)
	}
	f.tones = f.tones[:0]
	f.inWord = false
	f.lastRune = -1
	if f.track && len(f.key) > f.wordStart {
		k := Word
		if c := f.key[f.wordStart]; c < utf8.RuneSelf {
			if '0' <= c && c <= '9' { // unicode.IsDigit, without decoding
				k = Number
			}
		} else if c >= 0xD9 { // below U+0640 (lead byte 0xD9) no rune is a digit
			if r, _ := utf8.DecodeRune(f.key[f.wordStart:]); unicode.IsDigit(r) {
				k = Number
			}
		}
		f.addToken(Token{Start: f.wordStart, End: len(f.key), Kind: k, Space: f.space, Newline: f.newline})
		f.space, f.newline = false, false
	}
}

// addToken appends t, doubling the slice when full: append grows big
// slices by only 1.25x, which copies a multi-megabyte token list many times.
func (f *folder) addToken(t Token) {
	if len(f.toks) == cap(f.toks) {
		grown := make([]Token, len(f.toks), 2*cap(f.toks)+16)
		copy(grown, f.toks)
		f.toks = grown
	}
	f.toks = append(f.toks, t)
}

// other handles a rune that is not part of a syllable: whitespace sets the
// flags of the next token, anything else is a punctuation token.
func (f *folder) other(r rune, in int) {
	if f.inWord {
		f.endWord(in)
	}
	start := len(f.key)
	if r == ' ' {
		f.key = append(f.key, ' ')
		if f.track {
			f.offs = append(f.offs, int32(in))
		}
		f.space = true
		return
	}
	f.emit(r, in)
	switch {
	case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
		f.space, f.newline = true, true
	case unicode.IsSpace(r):
		f.space = true
	case f.track:
		f.addToken(Token{Start: start, End: len(f.key), Kind: Punct, Space: f.space, Newline: f.newline})
		f.space, f.newline = false, false
	}
}

func (f *folder) run(s string, track bool) {
	f.track = track
	// Size the outputs once from the input: growing a 100 MB slice by
	// doubling copies it again and again and stalls the GC on huge inputs.
	if want := len(s) + len(s)/8; cap(f.key) < want {
		f.key = make([]byte, 0, want)
	}
	if want := len(s) + len(s)/8 + 1; track && cap(f.offs) < want {
		f.offs = make([]int32, 0, want)
	}
	if want := len(s)/5 + 1; track && cap(f.toks) < want {
		f.toks = make([]Token, 0, want)
	}
	f.lastRune = -1
	f.newline = true
	f.src = s
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII fast path.
			isWord := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			if !isWord {
				f.other(rune(c), i)
				i++
				continue
			}
			upper := 'A' <= c && c <= 'Z'
			if upper && f.inWord && f.lower && f.glued(i) {
				f.endWord(i)
				f.space, f.newline = true, true
			}
			if upper {
				c += 'a' - 'A'
			}
			f.startWord(i)
			f.lower = !upper && c >= 'a'
			f.lastRune, f.lastIn = len(f.key), i
			f.key = append(f.key, c)
			if track {
				f.offs = append(f.offs, int32(i))
			}
			i++
			continue
		}
		// Vietnamese letters are two- and three-byte runes: decoded here
		// when valid, by utf8 otherwise (E0 and ED leads have narrower
		// continuation ranges, so they go to utf8 too).
		var r rune
		var size int
		switch {
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, size = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, size = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == utf8.RuneError && size == 1 {
			f.other(utf8.RuneError, i)
			i++
			continue
		}
		var upper, lower bool
		var base, tone rune
		if r >= tableLo && r <= tableHi {
			// One table read answers mark, word, case and fold for the letters
			// of Vietnamese.
			e := &foldTable[r-tableLo]
			if e.class != classLetter {
				if e.class == classMark {
					f.mark(r, i)
				} else {
					f.other(r, i)
				}
				i += size
				continue
			}
			upper, lower, base, tone = e.upper, e.lower, e.base, e.tone
		} else {
			if isMark(r) {
				f.mark(r, i)
				i += size
				continue
			}
			if !IsWordRune(r) {
				f.other(r, i)
				i += size
				continue
			}
			upper, lower = unicode.IsUpper(r), unicode.IsLower(r)
			base, tone = foldRune(r)
		}
		f.letter(upper, lower, base, tone, i)
		i += size
	}
	if f.inWord {
		f.endWord(len(s))
	}
	if track {
		f.offs = append(f.offs, int32(len(s)))
	}
}

// asciiKind classifies the ASCII bytes for runTracked.
var asciiKind = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = asciiLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = asciiUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = asciiDigit
	}
	t[' '] = asciiSpace
	return t
}()

const (
	asciiOther = iota
	asciiLower
	asciiUpper
	asciiDigit
	asciiSpace
)

// runTracked is run(s, true), the fold of every checked document: the same
// steps, with the key and its offsets in local variables and the commonest
// runes (ASCII letters, spaces, precomposed Vietnamese letters) handled in
// line. Before any method of f it stores them back (f.key, f.offs) and
// reloads them after.
func (f *folder) runTracked(s string) {
	f.track = true
	if want := len(s) + len(s)/8; cap(f.key) < want {
		f.key = make([]byte, 0, want)
	}
	if want := len(s) + len(s)/8 + 1; cap(f.offs) < want {
		f.offs = make([]int32, 0, want)
	}
	if want := len(s)/5 + 1; cap(f.toks) < want {
		f.toks = make([]Token, 0, want)
	}
	f.lastRune = -1
	f.newline = true
	f.src = s
	key, offs := f.key, f.offs
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			k := asciiKind[c]
			switch k {
			case asciiOther:
				f.key, f.offs = key, offs
				f.other(rune(c), i)
				key, offs = f.key, f.offs
				i++
				continue
			case asciiSpace:
				if f.inWord {
					f.key, f.offs = key, offs
					f.endWord(i)
					key, offs = f.key, f.offs
				}
				key = append(key, ' ')
				offs = append(offs, int32(i))
				f.space = true
				i++
				continue
			case asciiUpper:
				if f.inWord && f.lower && f.glued(i) {
					f.key, f.offs = key, offs
					f.endWord(i)
					key, offs = f.key, f.offs
					f.space, f.newline = true, true
				}
				c += 'a' - 'A'
			}
			if !f.inWord {
				f.inWord = true
				f.wordStart = len(key)
				f.wordIn = i
			}
			f.lower = k == asciiLower
			f.lastRune, f.lastIn = len(key), i
			key = append(key, c)
			offs = append(offs, int32(i))
			i++
			continue
		}
		var r rune
		var size int
		switch {
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, size = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, size = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r < tableLo || r > tableHi || foldTable[r-tableLo].class != classLetter {
			// Marks, symbols, other scripts and invalid bytes: the general
			// steps of run.
			f.key, f.offs = key, offs
			f.slowRune(r, size, i)
			key, offs = f.key, f.offs
			i += size
			continue
		}
		e := &foldTable[r-tableLo]
		if e.upper && f.inWord && f.lower && f.glued(i) {
			f.key, f.offs = key, offs
			f.endWord(i)
			key, offs = f.key, f.offs
			f.space, f.newline = true, true
		}
		if e.tone != 0 {
			f.tones = append(f.tones, e.tone)
		}
		if !f.inWord {
			f.inWord = true
			f.wordStart = len(key)
			f.wordIn = i
		}
		f.lower = e.lower
		f.lastRune, f.lastIn = len(key), i
		switch base := uint32(e.base); {
		case base < utf8.RuneSelf:
			key = append(key, byte(base))
			offs = append(offs, int32(i))
		case base < 0x800:
			key = append(key, 0xC0|byte(base>>6), 0x80|byte(base)&0x3F)
			offs = append(offs, int32(i), int32(i))
		default:
			f.key, f.offs = key, offs
			f.emit(e.base, i)
			key, offs = f.key, f.offs
		}
		i += size
	}
	f.key, f.offs = key, offs
	if f.inWord {
		f.endWord(len(s))
	}
	f.offs = append(f.offs, int32(len(s)))
}

// slowRune is run's step for a rune of size bytes at input offset i that is
// not a letter of the fold table.
func (f *folder) slowRune(r rune, size, i int) {
	if r == utf8.RuneError && size == 1 {
		f.other(utf8.RuneError, i)
		return
	}
	if r >= tableLo && r <= tableHi {
		if foldTable[r-tableLo].class == classMark {
			f.mark(r, i)
		} else {
			f.other(r, i)
		}
		return
	}
	if isMark(r) {
		f.mark(r, i)
		return
	}
	if !IsWordRune(r) {
		f.other(r, i)
		return
	}
	base, tone := foldRune(r)
	f.letter(unicode.IsUpper(r), unicode.IsLower(r), base, tone, i)
}

// letter adds a letter at input offset i, folded to base with its tone
// mark (or 0) held back for the syllable's end; a capital after a
// lower-case syllable may start a glued word.
func (f *folder) letter(upper, lower bool, base, tone rune, i int) {
	if upper && f.inWord && f.lower && f.glued(i) {
		f.endWord(i)
		f.space, f.newline = true, true
	}
	if tone != 0 {
		f.tones = append(f.tones, tone)
	}
	f.startWord(i)
	f.lower = lower
	f.lastRune, f.lastIn = len(f.key), i
	f.emit(base, i)
}

// mark handles a combining mark in decomposed input: tone marks join the
// syllable's tones, other marks compose with the preceding letter.
func (f *folder) mark(r rune, in int) {
	if isTone(r) {
		f.startWord(in)
		f.tones = append(f.tones, r)
		return
	}
	if f.lastRune >= 0 {
		prev, _ := utf8.DecodeRune(f.key[f.lastRune:])
		composed := []rune(norm.NFC.String(string([]rune{prev, r})))
		if len(composed) == 1 {
			c, tone := foldRune(composed[0])
			if tone != 0 {
				f.tones = append(f.tones, tone)
			}
			f.key = f.key[:f.lastRune]
			if f.track {
				f.offs = f.offs[:f.lastRune]
			}
			f.emit(c, f.lastIn)
			return
		}
	}
	f.startWord(in)
	f.emit(r, in)
}

// isMark reports a combining mark (Unicode Mn).
func isMark(r rune) bool {
	if r >= tableLo && r <= tableHi {
		return foldTable[r-tableLo].class == classMark
	}
	return unicode.Is(unicode.Mn, r)
}

// FoldDiacritics lower-cases s and removes all diacritics, with đ -> d, for
// diacritic-insensitive search: FoldDiacritics("Phụ nữ") == "phu nu".
func FoldDiacritics(s string) string {
	return string(appendFoldDiacritics(make([]byte, 0, len(s)), s))
}

// FirstFolded is the first rune of FoldDiacritics(s), utf8.RuneError when
// it is empty, without making the string.
func FirstFolded(s string) rune {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			return r
		}
		if isMark(r) {
			continue
		}
		if r >= tableLo && r <= tableHi {
			return foldTable[r-tableLo].plain
		}
		return unicode.ToLower(r)
	}
	return utf8.RuneError
}

// appendFoldDiacritics appends FoldDiacritics(s) to b.
func appendFoldDiacritics(b []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		if isMark(r) {
			continue
		}
		if r >= tableLo && r <= tableHi {
			b = utf8.AppendRune(b, foldTable[r-tableLo].plain)
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// FoldTerm returns term without diacritics, its case kept and đ made d, for a search index's terms: "phụ nữ" and
// "phu nu", "hoà" and "hòa" fold alike. Each character is decomposed (NFD) on its own and its combining marks
// (Unicode Mn) dropped; invalid UTF-8 becomes U+FFFD. Terms already in an index were folded this way, so the
// result must stay byte for byte the same. An ASCII term is returned as is, so a token filter allocates only for
// the others.
func FoldTerm(term []byte) []byte {
	i := 0
	for i < len(term) && term[i] < utf8.RuneSelf {
		i++
	}
	if i == len(term) {
		return term
	}
	out := make([]byte, i, len(term))
	copy(out, term[:i])
	for i < len(term) {
		if c := term[i]; c < utf8.RuneSelf {
			out = append(out, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		switch {
		case r < tableLo:
			// Latin-1 symbols and controls: none decomposes or is a mark.
			out = utf8.AppendRune(out, r)
		case r <= tableHi:
			// Vietnamese letters in NFC, and the combining marks of NFD input, fold through the table: indexing
			// and snippet marking then allocate nothing per character.
			switch e := &foldTable[r-tableLo]; {
			case e.class == classMark:
			case e.bare != 0:
				out = utf8.AppendRune(out, e.bare)
			default:
				out = appendBare(out, r)
			}
		default:
			out = appendBare(out, r)
		}
	}
	return out
}

// appendBare appends r without diacritics, case kept: its canonical decomposition less combining marks, đ -> d.
func appendBare(out []byte, r rune) []byte {
	var buf [32]byte
	for _, d := range string(norm.NFD.AppendString(buf[:0], string(r))) {
		switch {
		case unicode.Is(unicode.Mn, d):
			continue
		case d == 'đ':
			d = 'd'
		case d == 'Đ':
			d = 'D'
		}
		out = utf8.AppendRune(out, d)
	}
	return out
}
