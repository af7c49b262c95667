package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// foldedAnalyzer indexes Vietnamese text without diacritics or case, so "phu nu" finds "phụ nữ". asciifolding only
// folds precomposed characters, which is why everything stored is NFC first.
const foldedAnalyzer = "vi_folded"

func newMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(foldedAnalyzer, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", foldedAnalyzer, err)
	}
	im.DefaultAnalyzer = foldedAnalyzer

	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = foldedAnalyzer
		f.Store = true
		f.IncludeTermVectors = true
		return f
	}
	keyword := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = true
		f.IncludeInAll = false
		return f
	}
	num := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.Store = true
		f.IncludeInAll = false
		return f
	}
	date := func() *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.Store = true
		f.IncludeInAll = false
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}

	dm := bleve.NewDocumentStaticMapping()
	for _, name := range []string{"title", "lead", "body"} {
		dm.AddFieldMappingsAt(name, text())
	}
	for _, name := range []string{"url", "outlet", "section", "author", "content_hash", "rules_version", "categories", "rule_ids", "topics"} {
		dm.AddFieldMappingsAt(name, keyword())
	}
	for _, name := range []string{"score", "finding_count", "people_female", "people_male", "people_unknown",
		"quoted_female", "quoted_male", "quoted_unknown"} {
		dm.AddFieldMappingsAt(name, num())
	}
	dm.AddFieldMappingsAt("published", date())
	dm.AddFieldMappingsAt("crawled", date())
	dm.AddFieldMappingsAt("indicators_json", storedOnly())
	dm.AddFieldMappingsAt("result", storedOnly())
	im.DefaultMapping = dm
	return im, nil
}
