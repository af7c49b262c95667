package indexer

import "github.com/blevesearch/bleve/v2/mapping"

// Test hooks for the external benchmarks, which compare the store with raw bleve on the same mapping and fields.

// NewMappingForTest is the store's index mapping.
func NewMappingForTest() (mapping.IndexMapping, error) { return newMapping() }

// FieldsForTest is the field map the store gives bleve for d.
func FieldsForTest(d Document) map[string]any { return normalise(d).fields() }
