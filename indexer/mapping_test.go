package indexer

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "write the mapping of a new mappingVersion to testdata")

// TestMappingLayout holds the mapping of each layout version: an index written with it opens without a rebuild
// only while the mapping stays the same, so a change to the schema must come with a new mappingVersion.
func TestMappingLayout(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "mapping-v"+mappingVersion+".json")
	want, err := os.ReadFile(path)
	if os.IsNotExist(err) && *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatalf("no mapping recorded for layout %s (run go test -update once for a new layout): %v", mappingVersion, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the mapping differs from %s: bump mappingVersion so that existing indexes are rebuilt", path)
	}
}

func TestSchemaNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range indexFields {
		if seen[f.name] {
			t.Errorf("field %s declared twice", f.name)
		}
		seen[f.name] = true
	}
}
