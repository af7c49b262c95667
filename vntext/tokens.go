package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // a syllable of letters (digits allowed inside)
	Number             // a run starting with a digit
	Punct              // one punctuation or symbol rune
)

// Token is a syllable, number or punctuation rune of a string.
type Token struct {
	Start, End int  // byte offsets in the tokenised string
	Kind       Kind //
	Space      bool // whitespace precedes the token
	Newline    bool // a line break precedes the token (or it starts the text)
}

// Span is a byte range [Start, End).
type Span struct{ Start, End int }

// Tokens splits s into syllables, numbers and punctuation. Syllables are
// maximal runs of Unicode letters, digits and combining marks, so the
// boundaries hold for any script, unlike regexp's ASCII-only \b.
func Tokens(s string) []Token { return AppendTokens(make([]Token, 0, len(s)/4+1), s) }

// AppendTokens appends the tokens of s to toks, as Tokens gives them.
func AppendTokens(toks []Token, s string) []Token {
	space, newline := false, true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsWordRune(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !IsWordRune(r2) {
					break
				}
				j += n
			}
			k := Word
			if unicode.IsDigit(r) {
				k = Number
			}
			toks = append(toks, Token{Start: i, End: j, Kind: k, Space: space, Newline: newline})
			space, newline = false, false
			i = j
			continue
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			space, newline = true, true
		case unicode.IsSpace(r):
			space = true
		default:
			toks = append(toks, Token{Start: i, End: i + size, Kind: Punct, Space: space, Newline: newline})
			space, newline = false, false
		}
		i += size
	}
	return toks
}

// Syllables returns the spans of the letter/digit runs of s.
func Syllables(s string) []Span {
	var out []Span
	for _, t := range Tokens(s) {
		if t.Kind != Punct {
			out = append(out, Span{t.Start, t.End})
		}
	}
	return out
}

// maxAbbreviation is the length in bytes of the longest abbreviation
// IsAbbreviation knows ("tsks", "đ/c").
const maxAbbreviation = 4

// IsAbbreviation reports whether word (any case) is a known abbreviation
// that takes a full stop, such as "TS" in "TS. Lan". Titles (TS., PGS.TS.,
// ThS.) and place prefixes (TP.) dominate Vietnamese news.
func IsAbbreviation(word string) bool {
	// A sentence's last word, asked about at every full stop, is nearly
	// always longer than any abbreviation.
	if len(word) > maxAbbreviation {
		return false
	}
	// ASCII words, nearly all that are asked, are lower-cased on the stack.
	var buf [8]byte
	if len(word) <= len(buf) && isASCII(word) {
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		return isAbbreviation(string(buf[:len(word)]))
	}
	return isAbbreviation(strings.ToLower(word))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isAbbreviation(lower string) bool {
	switch lower {
	case "ts", "pgs", "gs", "ths", "bs", "ks", "tp", "tt", "q", "p", "tx", "ck",
		"bsck", "nxb", "mr", "mrs", "ms", "dr", "st", "tr", "no", "vs", "ctv",
		"ncs", "hlv", "tsks", "đ/c", "v.v":
		return true
	}
	return false
}

func isClosingQuote(r rune) bool {
	return r == '"' || r == '”' || r == '’' || r == '»' || r == '\''
}

// Sentences splits s into sentences. A line break always ends one; . ! ? …
// end one when followed by a space and not preceded by an abbreviation or a
// single-letter initial (N.T.Y.N., TS. Lan, TP.HCM). Closing quotes after the
// terminal mark stay with the sentence. The scan looks only at the bytes
// that can matter (ASCII punctuation and the 0xE2 lead byte of …, U+2028 and
// U+2029), so the letters of a Vietnamese text are not decoded.
func Sentences(s string) []Span { return AppendSentences(nil, s) }

// AppendSentences appends the sentences of s, as Sentences gives them, to
// out: a checker reuses one slice from document to document.
func AppendSentences(out []Span, s string) []Span {
	start := -1
	stops := newByteScanner(s, sentenceStops)
	flush := func(end int) {
		if start >= 0 {
			e := end
			for e > start {
				r, n := utf8.DecodeLastRuneInString(s[start:e])
				if !unicode.IsSpace(r) {
					break
				}
				e -= n
			}
			if e > start {
				out = append(out, Span{start, e})
			}
		}
		start = -1
	}
	for i := 0; i < len(s); {
		if start < 0 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += size
				continue
			}
			start = i
		}
		i = stops.from(i) // inside a sentence most bytes are letters
		if i >= len(s) {
			break
		}
		c := s[i]
		switch c {
		case '\n', '\r':
			flush(i)
			i++
			continue
		case '.', '!', '?':
			i = sentenceEnd(s, i, 1, &start, flush)
			continue
		case 0xE2:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '\u2028', '\u2029':
				flush(i)
				i += size
			case '…':
				i = sentenceEnd(s, i, size, &start, flush)
			default:
				i += size
			}
			continue
		}
		i++
	}
	flush(len(s))
	return out
}

// sentenceStops are the bytes Sentences stops at.
const sentenceStops = "\n\r.!?\xE2"

// sentenceEnd handles a terminal mark at s[i:i+size]: it takes following
// terminal marks and closing quotes, and ends the sentence when a space
// follows and the mark is not an abbreviation's full stop. It returns where
// scanning resumes.
func sentenceEnd(s string, i, size int, start *int, flush func(int)) int {
	j := i + size
	for j < len(s) {
		r2, n := utf8.DecodeRuneInString(s[j:])
		if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' || isClosingQuote(r2) || r2 == ')' {
			j += n
			continue
		}
		break
	}
	if j >= len(s) {
		return j
	}
	next, _ := utf8.DecodeRuneInString(s[j:])
	if !unicode.IsSpace(next) {
		if s[i] == '.' && j == i+size && *start >= 0 && gluedSentence(s[*start:i], s[j:]) {
			flush(j) // "... nhà Glazer.Chính vì vậy": a space lost after the stop
		}
		return j
	}
	if s[i] == '.' && j == i+size && *start >= 0 && endsWithAbbreviation(s[*start:i]) {
		return j
	}
	if lowercaseNext(s[j:]) {
		return j // "Thanh Thảo, Pha Lê… chúc": the sentence goes on
	}
	flush(j)
	return j
}

// gluedSentence reports a full stop with no space after it that still ends
// a sentence: a word of three or more letters ending in a lower-case one
// before it (no abbreviation, no initial, no domain's "TP.HCM"), and a
// capitalised word of lower-case letters after it that is no domain's
// ending ("Glazer.Chính", not "Zing.vn", "TP.HCM", "Ng.T.Đ").
func gluedSentence(before, after string) bool {
	j := len(before)
	n := 0
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(before[:j])
		if !unicode.IsLetter(r) {
			break
		}
		if n == 0 && !unicode.IsLower(r) {
			return false
		}
		n++
		j -= size
	}
	if n < 3 || j > 0 && before[j-1] == '.' || IsAbbreviation(before[j:]) {
		return false
	}
	r, size := utf8.DecodeRuneInString(after)
	if !unicode.IsUpper(r) {
		return false
	}
	m := 0
	for _, r2 := range after[size:] {
		if !unicode.IsLetter(r2) {
			break
		}
		if !unicode.IsLower(r2) {
			return false
		}
		m++
	}
	if m < 1 {
		return false
	}
	switch strings.ToLower(after[:size+m]) {
	case "vn", "com", "net", "org", "gov", "edu", "info":
		return false
	}
	return true
}

// lowercaseNext reports whether the first word after spaces (on the same
// line) starts with a lower-case letter.
func lowercaseNext(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			return false
		case unicode.IsSpace(r):
			continue
		default:
			return unicode.IsLower(r)
		}
	}
	return false
}

// endsWithAbbreviation reports whether the text before a full stop ends with
// an abbreviation or a single-letter initial.
func endsWithAbbreviation(before string) bool {
	// The word asked about is what follows the last full stop, or the
	// whole last word: an initial (one rune) or an abbreviation, at most
	// maxAbbreviation bytes either way. The look-back stops at that stop or
	// past them, where it read the whole last word, dots and all, at every full
	// stop of the text (1.6% of a check).
	j := len(before)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if r == '.' || !IsWordRune(r) && r != '/' {
			break
		}
		if j -= n; len(before)-j > maxAbbreviation {
			return false
		}
	}
	w := before[j:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return IsAbbreviation(w)
}

// Quotes returns the spans of quoted passages, quote marks included: “…”,
// ‘…’, «…» and straight "…" pairs. Straight quotes pair up within a
// paragraph; an unclosed quote runs to the end of its paragraph, as
// Vietnamese news often continues a quotation over a line break, and the
// next paragraph goes on with it when its first quote mark closes it at
// the paragraph's end (continuesQuote).
func Quotes(s string) []Span { return AppendQuotes(nil, s) }

// AppendQuotes appends the quoted passages of s, as Quotes gives them, to
// out.
func AppendQuotes(out []Span, s string) []Span {
	open := -1
	var closer rune
	stops := newByteScanner(s, quoteStops)
	// carried is the closer of a quotation left open at the last line
	// break: a paragraph whose first quote mark closes it goes on with it
	// ("Anh hứa ...⏎Chúc mừng ..., cô gái của tôi.\"").
	var carried rune
	// nested counts quotations opened inside the open one (a source
	// quoting what others said: "Mọi người nói: "Cô ấy ..." và tôi nghĩ:
	// "..."."), whose closers must not close the outer quotation.
	nested := 0
	for i := 0; i < len(s); {
		// Nothing else can open or close a quotation.
		if i = stops.from(i); i >= len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case open < 0 && carried != 0 && r != '\n':
			if p := paragraphStart(s, i); continuesQuote(s[p:], carried) {
				open, closer = p, carried
				carried = 0
				continue // read the mark again as the closer
			}
			carried = 0
			continue
		case open < 0 && (r == '“' || r == '‘' || r == '«' || r == '"'):
			if r == '‘' {
				// ‘ is also used as an apostrophe-like mark; require a closer.
				if !strings.ContainsRune(lineRest(s[i+size:min(len(s), i+size+maxQuoteLookahead)]), '’') {
					break
				}
			}
			open = i
			switch r {
			case '“':
				closer = '”'
			case '‘':
				closer = '’'
			case '«':
				closer = '»'
			default:
				closer = '"'
			}
		case open >= 0 && innerOpener(s, i, r, closer):
			nested++
		case open >= 0 && nested > 0 && (r == '”' || r == '"'):
			nested--
		case open >= 0 && (r == closer || closer == '”' && r == '"' || closer == '"' && r == '”'):
			out = append(out, Span{open, i + size})
			open = -1
		case open >= 0 && r == '\n':
			out = append(out, Span{open, i})
			open, nested = -1, 0
			if closer == '”' || closer == '"' {
				carried = closer
			}
		case r == '\n':
			carried = 0
		}
		i += size
	}
	if open >= 0 {
		out = append(out, Span{open, len(s)})
	}
	return out
}

// innerOpener reports whether the mark r at i opens a quotation inside one
// that closes with closer: a “ inside “…”, or a straight or curly opening
// mark right after a colon and before a word (“nói: "Ồ, ..."”), which a
// closing mark never is.
func innerOpener(s string, i int, r, closer rune) bool {
	switch {
	case r == '“' && closer == '”':
		return true
	case r != '"' && r != '“':
		return false
	}
	before := strings.TrimRight(s[:i], " ")
	next, _ := utf8.DecodeRuneInString(s[i+1:])
	if r == '“' {
		next, _ = utf8.DecodeRuneInString(s[i+len("“"):])
	}
	word := i+1 < len(s) && (unicode.IsLetter(next) || unicode.IsDigit(next))
	if r == '"' && word && len(before) < i && openedTitle(s[i+1:]) {
		// A straight mark after a space and before a word, with two more
		// marks to come on the line, opens a name inside the quotation
		// (a film, a song: "Cả gia đình "Hoa nắng" nhớ nhau", anh viết),
		// whose closer is the next mark; the outer one closes after.
		return true
	}
	return strings.HasSuffix(before, ":") && word
}

// openedTitle reports whether the rest of the line after a straight mark
// holds two closing marks, straight or curly, the first before any other
// mark: the inner quotation's, then, after any more inner ones, the outer
// one's. A closing mark follows
// a non-space and comes before no letter; a mark after a space opens, so a
// line of unclosed marks ("gọi là "ma ám” và "bình thường.) nests nothing.
func openedTitle(rest string) bool {
	// Bounded like the search for ‘'s closer, so that a line of many marks
	// stays linear: a title quoted in a quotation closes well within it.
	rest = lineRest(rest[:min(len(rest), maxQuoteLookahead)])
	closers := 0
	for i := 0; i < len(rest) && closers < 2; {
		r, size := utf8.DecodeRuneInString(rest[i:])
		if r == '"' || r == '”' {
			prev, _ := utf8.DecodeLastRuneInString(rest[:i])
			next, _ := utf8.DecodeRuneInString(rest[i+size:])
			switch {
			case i > 0 && !unicode.IsSpace(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next):
				closers++
			case closers == 0:
				return false // the next mark opens: no inner quotation closes here
			}
		}
		i += size
	}
	return closers == 2
}

// paragraphStart is the index just after the line break before i, or 0.
func paragraphStart(s string, i int) int {
	return strings.LastIndexByte(s[:i], '\n') + 1
}

// continuesQuote reports whether the paragraph p goes on with a quotation
// left open at the line break before it: its first quote mark closes one
// (” or ", with an odd number of straight quotes in the paragraph, so the
// mark pairs with none of its own), and closes it at the paragraph's end
// (only sentence punctuation after it), as a reply or a message
// continued over a line break ends.
func continuesQuote(p string, closer rune) bool {
	line := lineRest(p)
	k := strings.IndexAny(line, "“”\"«")
	if k < 0 {
		return false
	}
	r, size := utf8.DecodeRuneInString(line[k:])
	switch {
	case r == '”':
	case r == '"' && strings.Count(line, "\"") == 1:
	default:
		return false
	}
	rest := line[k+size:]
	if strings.Trim(rest, " .,;:!?…\t\r") == "" {
		return true
	}
	// "...” – HLV X nói thêm.", "...”, ông X nói.": the quotation closes
	// before its attribution, a comma or a dash and words with no quote
	// mark of their own.
	if r != '”' || strings.ContainsAny(rest, "“”\"«»") {
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "-") ||
		strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

// byteScanner finds, at positions that only move forward, the next of a
// few bytes: it keeps the next position of each, found with
// strings.IndexByte (many bytes a step), so a text's letters are passed
// over without being looked at one by one.
type byteScanner struct {
	s     string
	stops string  // at most len(next) bytes
	next  [6]int  // next[k]: the next stops[k] at or after the last position asked, len(s) if none
	valid [6]bool // next[k] is known
}

func newByteScanner(s, stops string) byteScanner {
	return byteScanner{s: s, stops: stops}
}

// from returns the index of the first stop byte at or after i, or len(s);
// i must not be below the i of an earlier call.
func (b *byteScanner) from(i int) int {
	best := len(b.s)
	for k := 0; k < len(b.stops); k++ {
		if !b.valid[k] || b.next[k] < i {
			b.valid[k] = true
			if j := strings.IndexByte(b.s[i:], b.stops[k]); j >= 0 {
				b.next[k] = i + j
			} else {
				b.next[k] = len(b.s)
			}
		}
		best = min(best, b.next[k])
	}
	return best
}

// quoteStops are the bytes that can start a quotation mark or a line
// break: ", \n, and the lead bytes of “ ” ‘ ’ (0xE2) and « » (0xC2).
const quoteStops = "\"\n\xE2\xC2"

// maxQuoteLookahead bounds the search for the closer of ‘, so that many
// of them on one line stay linear.
const maxQuoteLookahead = 2000

func lineRest(s string) string {
	if k := strings.IndexByte(s, '\n'); k >= 0 {
		return s[:k]
	}
	return s
}

// Spaced returns the tokens of s one space apart, s itself when it is
// written so already (as nearly every folded phrase is): the form in which
// a rule phrase's key is compiled. toks is scratch space for the tokens,
// which the caller may pass again.
func Spaced(s string, toks *[]Token) string {
	*toks = AppendTokens((*toks)[:0], s)
	at := 0
	for i, t := range *toks {
		if t.Start != at {
			break
		}
		at = t.End + 1
		if i == len(*toks)-1 && t.End == len(s) {
			return s
		}
		if t.End >= len(s) || s[t.End] != ' ' {
			break
		}
	}
	var b strings.Builder
	for i, t := range *toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[t.Start:t.End])
	}
	return b.String()
}
