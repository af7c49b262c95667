package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion names the field layout (indexFields and the analyzers); an index written with another layout is
// rebuilt on open.
const mappingVersion = "5"

// mappingVersionKey is where the layout's version is kept in the index's internal storage.
const mappingVersionKey = "genderlens_mapping_version"

// foldedAnalyzer indexes Vietnamese text without diacritics or case, so "phu nu" finds "phụ nữ" (see foldFilter).
// Stored text is NFC first so that what is highlighted is what was stored.
const foldedAnalyzer = "vi_folded"

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(foldedAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, foldFilterName},
	}); err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", foldedAnalyzer, err)
	}
	im.DefaultAnalyzer = foldedAnalyzer
	if err := im.AddCustomAnalyzer(bigramAnalyzer, map[string]any{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name, foldFilterName, bigramFilterName},
	}); err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", bigramAnalyzer, err)
	}

	dm := bleve.NewDocumentStaticMapping()
	for _, f := range indexFields {
		dm.AddFieldMappingsAt(f.name, fieldMapping(f.kind))
	}
	im.DefaultMapping = dm
	im.DefaultField = fieldText
	return im, nil
}

// fieldMapping is how bleve maps a field of this kind. Every field is left out of _all: text is the catch-all.
func fieldMapping(kind fieldKind) *mapping.FieldMapping {
	switch kind {
	case kindText:
		return searchedMapping(foldedAnalyzer, false)
	case kindBigrams:
		return searchedMapping(bigramAnalyzer, true)
	}
	var f *mapping.FieldMapping
	switch kind {
	case kindStoredOnly:
		f = bleve.NewTextFieldMapping()
		f.Index = false
		f.IncludeTermVectors = false
	case kindKeyword:
		f = bleve.NewKeywordFieldMapping()
	case kindNumber:
		f = bleve.NewNumericFieldMapping()
	case kindDate:
		f = bleve.NewDateTimeFieldMapping()
	default:
		panic(fmt.Sprintf("field kind %d has no mapping", kind))
	}
	f.Store = true
	f.IncludeInAll = false
	return f
}

// searchedMapping is a field searched with the analyzer and not stored; positions are kept for phrases.
func searchedMapping(analyzer string, positions bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = positions
	return f
}
