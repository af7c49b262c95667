package indexer

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"genderlens/vntext"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Analysing a window of text (Unicode word boundaries, then lower case, then folding) was most of a search's cost,
// and most of a window holds none of the query's terms. The analyzer makes a token's term from its characters one
// by one, so the term appears in the text folded the same way, character by character: only the words around an
// occurrence of a query term can match, and only they are analysed. Word boundaries never cross a space or a line
// break (UAX #29 breaks on both sides of one, unless a combining mark follows it), so the words between two of them
// analyse alone exactly as they do within the window, and the matches, their offsets and the snippet are the same.

// region is a part of a text, text[start:end], that begins and ends at a word boundary.
type region struct{ start, end int }

// matchRegions returns, in order and without overlap, the parts of text that hold every token matching one of the
// needles (terms as foldedRune makes them). Parts separated by nothing that can make a token (spaces, punctuation)
// are one part, so that a phrase's words are always analysed together.
func matchRegions(a analysis.Analyzer, text string, needles []string) []region {
	buf := foldPool.Get().(*foldBuffers)
	defer foldPool.Put(buf)
	buf.fold(text)
	folded, src := buf.folded, buf.src
	var found []region
	for _, n := range needles {
		for from := 0; from < len(folded); {
			k := bytes.Index(folded[from:], []byte(n))
			if k < 0 {
				break
			}
			k += from
			found = append(found, region{wordStart(text, int(src[k])), wordEnd(text, int(src[k+len(n)-1]))})
			// Needles hold no space, so an occurrence that overlaps this one lies in the same words.
			from = k + len(n)
		}
	}
	if len(found) == 0 {
		return nil
	}
	slices.SortFunc(found, func(a, b region) int { return a.start - b.start })
	out := found[:1]
	for _, r := range found[1:] {
		last := &out[len(out)-1]
		if r.start <= last.end || !hasToken(a, text[last.end:r.start]) {
			last.end = max(last.end, r.end)
			continue
		}
		out = append(out, r)
	}
	return out
}

// wordStart moves i back to the start of its words: just after a space or line break not followed by a combining
// mark or format character (which would join the space), or the start of text.
func wordStart(text string, i int) int {
	for i > 0 {
		if c := text[i-1]; (c == ' ' || c == '\n') && !joinsBack(text[i:]) {
			break
		}
		i--
	}
	return i
}

// wordEnd moves i, inside a character, forward to the end of its words: the next space or line break, or the end of
// text.
func wordEnd(text string, i int) int {
	for i < len(text) && text[i] != ' ' && text[i] != '\n' {
		i++
	}
	return i
}

// joinsBack says whether s begins with a character that UAX #29 joins to the one before it, even a space: a mark,
// a format character or a zero-width joiner.
func joinsBack(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= utf8.RuneSelf && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf)
}

// hasToken says whether s analyses to at least one token. A letter of the Latin script or a digit always makes a
// token (TestLettersMakeTokens), so only a text of other characters (spaces, punctuation, symbols, other scripts:
// some of these make no token) is analysed to know.
func hasToken(a analysis.Analyzer, s string) bool {
	for _, r := range s {
		if makesToken(r) {
			return true
		}
	}
	return len(a.Analyze([]byte(s))) > 0
}

// makesToken says whether r is a character known to be part of a token wherever it is: an ASCII letter or digit, or
// a letter of the Latin ranges that Vietnamese is written in.
func makesToken(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0xC0 && r < 0x250, r >= 0x1E00 && r < 0x1F00:
		return unicode.IsLetter(r)
	}
	return false
}

// foldBuffers holds a text lower-cased and folded character by character as the analyzer's filters do
// (foldedRune), and for each of its bytes the offset in the text of the character it comes from.
type foldBuffers struct {
	folded []byte
	src    []int32
}

var foldPool = sync.Pool{New: func() any { return &foldBuffers{} }}

func (b *foldBuffers) fold(text string) {
	folded, src := b.folded[:0], b.src[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded = append(folded, c)
			src = append(src, int32(i))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		f := foldedRune(r)
		folded = append(folded, f...)
		for range len(f) {
			src = append(src, int32(i))
		}
		i += size
	}
	b.folded, b.src = folded, src
}

// foldedRune is what the analyzer's lower-case and fold filters (vntext.FoldTerm) make of r, with a final sigma
// (which the lower-case filter writes ς at the end of a token) written σ like any other.
func foldedRune(r rune) string {
	if r < foldTableEnd {
		return foldedRunes()[r]
	}
	return foldRune(r)
}

// foldTableEnd bounds the runes whose folding is kept in a table: Latin, Greek and Cyrillic letters, the combining
// marks and general punctuation (quotes, dashes), that is nearly every character of Vietnamese news.
const foldTableEnd = 0x2070

var foldedRunes = sync.OnceValue(func() *[foldTableEnd]string {
	var t [foldTableEnd]string
	for r := range rune(foldTableEnd) {
		t[r] = foldRune(r)
	}
	return &t
})

func foldRune(r rune) string {
	return strings.ReplaceAll(string(vntext.FoldTerm(utf8.AppendRune(nil, unicode.ToLower(r)))), "ς", "σ")
}
