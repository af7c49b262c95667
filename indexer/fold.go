package indexer

import (
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// foldFilterName names the token filter that removes Vietnamese diacritics. It works on tokens, not on the text
// (unlike bleve's asciifolding char filter), so token offsets still point into the stored text and highlighted
// snippets mark the right characters.
const foldFilterName = "genderlens_vi_fold"

// init registers the filter in bleve's registry, which is how bleve finds analysis components by name, both when
// an index is created and when it is reopened.
func init() {
	registry.RegisterTokenFilter(foldFilterName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
}

type foldFilter struct{}

func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, tok := range input {
		tok.Term = foldTerm(tok.Term)
	}
	return input
}

// foldTerm drops combining marks after canonical decomposition and maps đ to d, so "phụ nữ", "phu nu", "hoà" and
// "hòa" index alike.
func foldTerm(term []byte) []byte {
	i := 0
	for i < len(term) && term[i] < utf8.RuneSelf {
		i++
	}
	if i == len(term) {
		return term
	}
	// Precomposed Latin letters (all of Vietnamese in NFC) fold through a table; anything else, combining marks
	// included, through NFD. The table keeps indexing and snippet marking free of per-token allocations.
	out := make([]byte, i, len(term))
	copy(out, term[:i])
	for i < len(term) {
		r, size := utf8.DecodeRune(term[i:])
		i += size
		if r < rune(len(latinFold)) && latinFold[r] != 0 {
			out = utf8.AppendRune(out, latinFold[r])
			continue
		}
		out = appendFolded(out, r)
	}
	return out
}

// latinFold maps each precomposed letter below U+1F00 (Latin-1, Latin Extended A and B, Latin Extended
// Additional, where Vietnamese letters live) to its folded letter; 0 means "fold through NFD".
var latinFold = func() []rune {
	t := make([]rune, 0x1F00)
	for r := rune(0x80); r < rune(len(t)); r++ {
		folded := appendFolded(nil, r)
		if f, size := utf8.DecodeRune(folded); size == len(folded) && f != utf8.RuneError {
			t[r] = f
		}
	}
	return t
}()

func appendFolded(out []byte, r rune) []byte {
	for _, d := range norm.NFD.String(string(r)) {
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
