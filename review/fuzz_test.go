package review_test

import (
	"os"
	"path/filepath"
	"testing"

	"genderlens/review"
)

// FuzzOpenStore: whatever the log holds, opening it never panics, serves a prefix of whole corrections, and either
// reads to the end or says where it stopped.
func FuzzOpenStore(f *testing.F) {
	f.Add([]byte(`{"id":1,"url":"u","kind":"reviewed","by_role":"officer"}` + "\n"))
	f.Add([]byte(`{"id":2}` + "\n"))
	f.Add([]byte("\n\n{"))
	f.Add([]byte(`{"id":1,"url":"u","kind":"objection","finding":{"category":"appearance"}}` + "\n" + `{"id":2,"kind":"decision","objection":1}` + "\n"))
	sc, res := machine(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "c.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := review.OpenStore(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range s.All() {
			if c.ID != i+1 {
				t.Fatalf("correction %d has id %d", i+1, c.ID)
			}
		}
		_ = s.Objections("")
		for _, u := range s.URLs() {
			// Every correction served can be applied.
			review.Apply(sc, res, text, s.Article(u))
		}
	})
}
