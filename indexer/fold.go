package indexer

import (
	"genderlens/vntext"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// foldFilterName names the token filter that removes Vietnamese diacritics (vntext.FoldTerm). It works on tokens,
// not on the text (unlike bleve's asciifolding char filter), so token offsets still point into the stored text and
// highlighted snippets mark the right characters.
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
		tok.Term = vntext.FoldTerm(tok.Term)
	}
	return input
}
