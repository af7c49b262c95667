package scorer

import (
	"reflect"
	"testing"

	"genderlens/vntext"
)

// TestInsertResumesPath checks that the trie insert builds walking on from
// the last key's path (see matcher.last) is the one inserting each key from
// the root builds, and that every rule phrase's key, which Load composes
// from folded list items, is vntext.FoldString of the phrase as compile
// would otherwise make it.
func TestInsertResumesPath(t *testing.T) {
	s := newTestScorer(t)
	fresh := newMatcher()
	var toks []vntext.Token
	for _, e := range s.m.entries {
		if want := vntext.Spaced(vntext.FoldString(e.phrase), &toks); e.key != want {
			t.Errorf("%q: key %q, want %q", e.phrase, e.key, want)
		}
		fresh.last, fresh.path = "", nil // from the root
		if err := fresh.insert(e); err != nil {
			t.Fatal(err)
		}
	}
	fresh.finish()
	got := s.m
	// New adds the phrase sets' first words to the vocabulary after the
	// rules (registerFirsts): those ids start no phrase and are no soft
	// punctuation.
	for id := len(fresh.root); id < len(got.root); id++ {
		if got.root[id] != -1 || got.soft[id] {
			t.Errorf("vocabulary id %d added after the rules: root %d, soft %v", id, got.root[id], got.soft[id])
		}
	}
	extra := *got
	extra.root, extra.soft = got.root[:min(len(got.root), len(fresh.root))], got.soft[:min(len(got.soft), len(fresh.soft))]
	got = &extra
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"outs", got.outs, fresh.outs}, {"ctx", got.ctx, fresh.ctx}, {"kids", got.kids, fresh.kids},
		{"flags", got.flags, fresh.flags}, {"root", got.root, fresh.root}, {"soft", got.soft, fresh.soft},
		{"maxDepth", got.maxDepth, fresh.maxDepth}, {"entries", len(got.entries), len(fresh.entries)},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s differs", c.name)
		}
	}
	for _, e := range s.m.entries {
		a, b := walk(got, e.key), walk(fresh, e.key)
		if a != b || a < 0 {
			t.Fatalf("%q: node %d, from the root %d", e.key, a, b)
		}
	}
}

// walk returns the node a key reaches, -1 if none.
func walk(m *matcher, key string) int32 {
	node := int32(0)
	for _, syl := range splitSpaces(key) {
		id := m.vocab.get(syl)
		if id < 0 {
			return -1
		}
		next, ok := m.edges.get(edgeKey(node, id))
		if !ok {
			return -1
		}
		node = next
	}
	return node
}

func splitSpaces(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
