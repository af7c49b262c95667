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
	ascii := true
	for _, c := range term {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return term
	}
	out := make([]byte, 0, len(term))
	for _, r := range norm.NFD.String(string(term)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}
