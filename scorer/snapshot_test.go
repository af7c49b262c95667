package scorer_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"genderlens/internal/demo"
	"genderlens/model"
	"genderlens/rules"
	"genderlens/scorer"
)

// TestSnapshotScoresAsFiles checks that the embedded rules loaded from their
// compiled snapshot (rules.Embedded) score exactly as the same rules compiled
// from their files: the same findings, people, cues and explanations, on the
// demo articles, every rule example and, where ../shared is at hand, the
// train and dev sets. rules.TestSnapshotCurrent checks that the snapshot is
// current; this checks that what it keeps is all the scorer needs.
func TestSnapshotScoresAsFiles(t *testing.T) {
	fromFiles, err := rules.Load(rules.EmbeddedFS())
	if err != nil {
		t.Fatal(err)
	}
	fromSnapshot, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if fromFiles.Version != fromSnapshot.Version {
		t.Fatalf("version %q from the files, %q from the snapshot", fromFiles.Version, fromSnapshot.Version)
	}
	a, err := scorer.New(fromFiles)
	if err != nil {
		t.Fatal(err)
	}
	b, err := scorer.New(fromSnapshot)
	if err != nil {
		t.Fatal(err)
	}
	var docs []scorer.Document
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, art := range arts {
		docs = append(docs, scorer.Document{Text: demoText(art), Section: art.Section})
	}
	for _, r := range fromFiles.Rules {
		for _, ex := range append(r.Examples.Match, r.Examples.NoMatch...) {
			docs = append(docs, scorer.Document{Text: ex.Text, Section: ex.Section})
		}
	}
	for _, set := range []string{"train", "dev"} {
		if _, err := os.Stat(filepath.Join(goldDir, set+".jsonl")); err != nil {
			t.Logf("%s set not available: %v", set, err)
			continue
		}
		for _, g := range readGold(t, set) {
			docs = append(docs, scorer.Document{Text: model.ScoredText(g.Title, "", g.Text, nil), Section: g.Category})
		}
	}
	for i, d := range docs {
		d.Explain = true
		ja, _ := json.Marshal(a.Check(d))
		jb, _ := json.Marshal(b.Check(d))
		if string(ja) != string(jb) {
			t.Errorf("document %d (%.60q): from the files\n%s\nfrom the snapshot\n%s", i, d.Text, ja, jb)
		}
	}
	t.Logf("%d documents scored alike", len(docs))
}
