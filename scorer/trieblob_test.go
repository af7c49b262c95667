package scorer

import (
	"flag"
	"os"
	"reflect"
	"slices"
	"testing"

	"genderlens/rules"
)

var updateTrie = flag.Bool("update", false, "rewrite "+TrieBlobFile+" from the embedded rules (TestTrieBlobCurrent)")

// buildFresh compiles set into a scorer without the embedded trie, and
// returns it with the blob of its trie.
func buildFresh(t *testing.T, set *rules.Set) (*Scorer, []byte) {
	t.Helper()
	s, err := newScorer(set, "")
	if err != nil {
		t.Fatal(err)
	}
	b := s.m.built
	if b.given == 0 {
		t.Fatal("the trie was not built")
	}
	return s, s.m.encodeTrie(b)
}

// sameTrie fails unless the trie of b is that of a, built: the same
// nodes, edges, entries and words. (New gives the words of its word sets
// ids after the trie's, in an order of map iteration: those may differ.)
func sameTrie(t *testing.T, a, b *Scorer) {
	t.Helper()
	ma, mb := a.m, b.m
	n := ma.built.words
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"entries", ma.entries, mb.entries}, {"meta", ma.meta, mb.meta},
		{"words", ma.words[:n], mb.words[:n]}, {"soft", ma.soft[:n], mb.soft[:n]}, {"root", ma.root[:n], mb.root[:n]},
		{"flags", ma.flags, mb.flags}, {"kids", ma.kids, mb.kids}, {"childFrom", ma.childFrom, mb.childFrom},
		{"edgeID", ma.edgeID, mb.edgeID}, {"outs", ma.outs, mb.outs}, {"ctx", ma.ctx, mb.ctx},
		{"maxDepth", ma.maxDepth, mb.maxDepth}, {"edges", ma.edges, mb.edges},
		{"build", [3]any{ma.head, ma.sibling, ma.parent}, [3]any{mb.head, mb.sibling, mb.parent}},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			t.Errorf("%s differs", f.name)
		}
	}
	if len(mb.words) < n {
		t.Fatalf("%d words, %d built", len(mb.words), n)
	}
	for id, w := range ma.words[:n] {
		if got := mb.vocab.get(w); got != int32(id) {
			t.Fatalf("word %q has id %d, %d built", w, got, id)
		}
	}
	for id := n; id < len(mb.words); id++ {
		if mb.root[id] >= 0 || mb.soft[id] {
			t.Fatalf("word %q, given an id after the trie's, starts a phrase", mb.words[id])
		}
	}
}

// TestTrieBlobCurrent checks that the embedded trie (TrieBlobFile) is the
// trie of the embedded rules, byte for byte, and that the scorer reading
// it has the matcher that building it gives. With -update it rewrites it.
func TestTrieBlobCurrent(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	built, blob := buildFresh(t, set)
	if *updateTrie {
		if err := os.WriteFile(TrieBlobFile, blob, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d bytes", TrieBlobFile, len(blob))
		return
	}
	if string(blob) != trieBlob {
		t.Fatalf("%s is stale (%d bytes, %d built): go test ./scorer -run TrieBlobCurrent -update", TrieBlobFile, len(trieBlob), len(blob))
	}
	// The rules loaded from their files (as --rules DIR does) have the same
	// phrases: they read the blob too.
	files, err := rules.Load(rules.EmbeddedFS())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		set  *rules.Set
	}{{"the embedded rules", set}, {"the rules loaded from their files", files}} {
		read, err := New(c.set)
		if err != nil {
			t.Fatal(err)
		}
		if read.m.built.given != 0 {
			t.Fatalf("New built the trie of %s; it should have read it", c.name)
		}
		sameTrie(t, built, read)
	}
}

// TestTrieBlobStale checks that a blob is not read for other phrases than
// its own: one phrase more, or two in another order, and the trie is built.
func TestTrieBlobStale(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	_, blob := buildFresh(t, set)
	for _, change := range []func(s *rules.Set){
		func(s *rules.Set) {
			i := slices.IndexFunc(s.Rules, func(r rules.Rule) bool { return len(r.Tokens) > 0 })
			s.Rules[i].Tokens = append(slices.Clip(s.Rules[i].Tokens), "cô gái vàng mười")
		},
		func(s *rules.Set) { s.People.Speech = append(slices.Clip(s.People.Speech), "nói khẽ") },
		func(s *rules.Set) {
			s.People.Speech = slices.Clone(s.People.Speech)
			s.People.Speech[0], s.People.Speech[1] = s.People.Speech[1], s.People.Speech[0]
		},
	} {
		other := *set
		other.Rules = slices.Clone(set.Rules)
		change(&other)
		want, _ := buildFresh(t, &other)
		got, err := newScorer(&other, string(blob))
		if err != nil {
			t.Fatal(err)
		}
		if got.m.built.given == 0 {
			t.Fatal("a stale blob was read")
		}
		sameTrie(t, want, got)
	}
}
