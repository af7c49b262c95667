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

// matchRegions returns, in order and without overlap, the parts of the text that hold every token matching one of
// the needles (terms as foldedRune makes them). Parts separated by nothing that can make a token (spaces,
// punctuation) are one part, so that a phrase's words are always analysed together.
func matchRegions(a analysis.Analyzer, ft *foldedText, needles []string) []region {
	text, folded := ft.text, ft.folded
	var found []region
	for _, n := range needles {
		for from := 0; from < len(folded); {
			k := bytes.Index(folded[from:], []byte(n))
			if k < 0 {
				break
			}
			k += from
			end := k + len(n)
			if k > 0 && joinsWord(folded[k-1], n[0]) || end < len(folded) && joinsWord(n[len(n)-1], folded[end]) {
				// Part of a longer word ("nu" in "nuoc"), which is a token of its own: no match here.
				from = k + 1
				continue
			}
			found = append(found, region{wordStart(text, ft.source(k)), wordEnd(text, ft.source(end-1))})
			// Needles hold no space, so an occurrence that overlaps this one lies in the same words.
			from = end
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

// joinsWord says whether folded characters a and b, next to each other, are in the same token: both are ASCII
// letters, digits or underscores, which UAX #29 never separates. A character that folds to an ASCII letter is a
// Latin letter (a marked letter, or a sign like K for Kelvin), and marks dropped in folding never separate either.
func joinsWord(a, b byte) bool { return isWordByte(a) && isWordByte(b) }

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_'
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

// foldedText is a text lower-cased and folded character by character as the analyzer's filters do (foldedRune),
// with an index of its characters, to find where the query's terms can be and to mark them.
type foldedText struct {
	text   string
	folded []byte
	// starts holds the offset of each character in text, then len(text); foldedStarts the offset in folded of
	// what each character folds to, then len(folded).
	starts, foldedStarts []int32
	// clean is true for valid UTF-8 without U+FFFD.
	clean bool
}

var foldedTextPool = sync.Pool{New: func() any { return &foldedText{} }}

// fold makes ft the folded text; one pass does all, as it is a large part of a snippet's cost.
func (ft *foldedText) fold(text string) {
	folded := slices.Grow(ft.folded[:0], len(text)+utf8.UTFMax)
	starts := slices.Grow(ft.starts[:0], len(text)+1)[:len(text)+1]
	foldedStarts := slices.Grow(ft.foldedStarts[:0], len(text)+1)[:len(text)+1]
	clean := true
	table := foldedRunes()
	n := 0
	for i := 0; i < len(text); n++ {
		starts[n], foldedStarts[n] = int32(i), int32(len(folded))
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded = append(folded, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError {
			clean = false
		}
		if r < foldTableEnd {
			folded = append(folded, table[r]...)
		} else {
			folded = append(folded, foldRune(r)...)
		}
		i += size
	}
	starts[n], foldedStarts[n] = int32(len(text)), int32(len(folded))
	ft.text, ft.folded, ft.starts, ft.foldedStarts, ft.clean = text, folded, starts[:n+1], foldedStarts[:n+1], clean
}

// source is the offset in text of the character that byte k of folded comes from.
func (ft *foldedText) source(k int) int {
	// The last character whose folding starts at or before k: characters that fold to nothing share the offset.
	i, _ := slices.BinarySearch(ft.foldedStarts, int32(k)+1)
	return int(ft.starts[i-1])
}

// runeAt is the number of the character starting at byte offset b of text (or len(text)).
func (ft *foldedText) runeAt(b int) int {
	i, _ := slices.BinarySearch(ft.starts, int32(b))
	return i
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
