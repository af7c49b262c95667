package scorer

import (
	"slices"
	"testing"

	"genderlens/vntext"
)

// TestPhraseSetFirstIDs: the ids path of phraseSet.at answers as the word
// lists do. For every token of the rule examples and every registered set,
// the set's bit is on the token's vocabulary id exactly when the token is
// one of the set's first words.
func TestPhraseSetFirstIDs(t *testing.T) {
	s := newTestScorer(t)
	if len(registeredFirsts) == 0 || len(registeredFirsts) > 64 {
		t.Fatalf("%d registered phrase sets", len(registeredFirsts))
	}
	tokens := 0
	for _, r := range s.rules {
		for _, ex := range append(r.Examples.Match, r.Examples.NoMatch...) {
			d := s.analyse(Document{Text: ex.Text})
			for k := range d.toks {
				w, id := d.tokenText(k), d.ids[k]
				for i, words := range registeredFirsts {
					want := slices.Contains(words, w)
					got := id >= 0 && s.firstOf[id]&(1<<i) != 0
					if got != want {
						t.Fatalf("%q in %q, set %d: bit %v, first word %v", w, ex.Text, i, got, want)
					}
				}
				tokens++
			}
			s.release(d)
		}
	}
	// A set of its own words gets a bit; one made after the package's
	// variables falls back to the filter.
	if ps := foldedPhraseSet("nhà cầm quân"); ps.bit != 0 {
		t.Errorf("a set made at run time has bit %x", ps.bit)
	}
	if epithetHeads.bit == 0 {
		t.Error("a package set has no bit")
	}
	t.Logf("%d tokens, %d sets", tokens, len(registeredFirsts))
}

// TestWordSetIDs: doc.in answers from vocabulary ids as the sets' maps do.
// For every token of the rule examples and every word set with a bit, the
// package's and the scorer's own, in agrees with the set's words.
func TestWordSetIDs(t *testing.T) {
	s := newTestScorer(t)
	sets := append(slices.Clip(registeredWords), s.ownWordSets()...)
	if len(registeredWords) < 60 || len(sets) > maxWordSets {
		t.Fatalf("%d package word sets, %d in all", len(registeredWords), len(sets))
	}
	for _, ws := range sets {
		if ws.bit < 0 {
			t.Fatalf("a set of %d words has no bit", len(ws.words))
		}
	}
	tokens := 0
	for _, r := range s.rules {
		for _, ex := range append(r.Examples.Match, r.Examples.NoMatch...) {
			d := s.analyse(Document{Text: ex.Text})
			for k := range d.toks {
				for _, ws := range sets {
					if got, want := d.in(ws, k), ws.words[d.tokenText(k)]; got != want {
						t.Fatalf("%q in %q, set %d: in %v, in its words %v", d.tokenText(k), ex.Text, ws.bit, got, want)
					}
				}
				tokens++
			}
			s.release(d)
		}
	}
	// A set made after the package's variables has no bit and asks its words.
	if ws := foldedWords("Nhà"); ws.bit != -1 || !ws.has(vntext.FoldString("nhà")) {
		t.Errorf("a set made at run time: bit %d, words %v", ws.bit, ws.words)
	}
	t.Logf("%d tokens, %d sets", tokens, len(sets))
}
