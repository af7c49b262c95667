package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion names the field layout; an index written with another layout is rebuilt on open.
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
	// Title, lead and body are searched through two fields that hold the three as an array (so that no phrase spans
	// two of them) and are not stored: text, their folded syllables, and bigrams, pairs of neighbouring syllables
	// with positions, for phrases. The originals are stored only, for display and for marking snippets. Indexing
	// each text once, instead of per field and again in _all, halves the postings to write and merge.
	for _, name := range []string{"title", "lead", "body", "captions"} {
		dm.AddFieldMappingsAt(name, storedOnly())
	}
	searchedOnly := func(analyzer string, positions bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = positions
		return f
	}
	dm.AddFieldMappingsAt("text", searchedOnly(foldedAnalyzer, false))
	dm.AddFieldMappingsAt("bigrams", searchedOnly(bigramAnalyzer, true))
	for _, name := range []string{"url", "outlet", "section", "author", "content_hash", "rules_version", "categories", "rule_ids", "topics", "month"} {
		dm.AddFieldMappingsAt(name, keyword())
	}
	for _, name := range []string{"score", "finding_count", "people_female", "people_male", "people_unknown",
		"quoted_female", "quoted_male", "quoted_unknown", "stored_at"} {
		dm.AddFieldMappingsAt(name, num())
	}
	dm.AddFieldMappingsAt("published", date())
	dm.AddFieldMappingsAt("crawled", date())
	dm.AddFieldMappingsAt("indicators_json", storedOnly())
	dm.AddFieldMappingsAt("result", storedOnly())
	dm.AddFieldMappingsAt("roles_json", storedOnly())
	im.DefaultMapping = dm
	// Every field is left out of _all: text is the catch-all.
	im.DefaultField = "text"
	return im, nil
}
