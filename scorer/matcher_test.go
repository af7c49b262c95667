package scorer

import (
	"slices"
	"strings"
	"testing"

	"genderlens/vntext"
)

// TestTrieAsReference checks the trie compile builds, walking on from the
// last key's path (see matcher.last), against a reference made with maps: every prefix of
// syllables of a rule or lexicon phrase is a node, reached from the root
// by its syllables and by nothing else; a node's entries are those whose
// key it is, in their order, the same phrase listed twice once; its flags
// say whether it ends phrases and whether a crossable phrase continues
// under it. It also checks that every rule phrase's key, which Load
// composes from folded list items, is vntext.FoldString of the phrase as
// compile would otherwise make it.
func TestTrieAsReference(t *testing.T) {
	s := newTestScorer(t)
	var toks []vntext.Token
	for _, e := range s.m.entries {
		if want := vntext.Spaced(vntext.FoldString(e.phrase), &toks); e.key != want {
			t.Errorf("%q: key %q, want %q", e.phrase, e.key, want)
		}
	}
	checkTrie(t, "rules", s.m.entries)
	// The cases the rules may not have: a crossable phrase under a prefix
	// another kind made, the same phrase twice, and one phrase of two
	// rules and of a context kind.
	e := func(kind entryKind, rule int32, key string) entry {
		return entry{kind: kind, rule: rule, phrase: key, key: key}
	}
	checkTrie(t, "synthetic", []entry{
		e(entryHonorific, -1, "a b c"), e(entryRule, 0, "a b d"), e(entryRule, 0, "a b"),
		e(entryRule, 1, "x y"), e(entryRule, 1, "x y"), e(entryRule, 2, "x y"), e(entryNear, 2, "x y"),
		e(entryTitle, -1, "x y z"), e(entryRule, 1, "x y"), e(entryNear, 3, "a"),
	})
	// New adds the phrase sets' first words to the vocabulary after the
	// rules (registerFirsts): those ids start no phrase and are no soft
	// punctuation.
	m := newMatcher()
	if _, err := m.compile(slices.Clone(s.m.entries), ""); err != nil {
		t.Fatal(err)
	}
	if m.maxDepth != s.m.maxDepth || !slices.Equal(m.soft, s.m.soft[:len(m.soft)]) {
		t.Errorf("depth %d, soft %d ids; New: %d, %d", m.maxDepth, len(m.soft), s.m.maxDepth, len(s.m.soft))
	}
	for id := len(m.root); id < len(s.m.root); id++ {
		if s.m.root[id] != -1 || s.m.soft[id] {
			t.Errorf("vocabulary id %d added after the rules: root %d, soft %v", id, s.m.root[id], s.m.soft[id])
		}
	}
}

// checkTrie compiles entries and checks the trie against a reference made
// with maps.
func checkTrie(t *testing.T, name string, entries []entry) {
	t.Helper()
	type ref struct {
		outs, ctx  []entry
		crossBelow bool
	}
	nodes := map[string]*ref{"": {}}
	same := func(a, b entry) bool {
		return a.kind == b.kind && a.rule == b.rule && a.gender == b.gender && a.tag == b.tag && a.replacement == b.replacement
	}
	for _, e := range entries {
		syls := splitSpaces(e.key)
		for n := range len(syls) + 1 {
			p := strings.Join(syls[:n], " ")
			r := nodes[p]
			if r == nil {
				r = &ref{}
				nodes[p] = r
			}
			if n < len(syls) && e.kind.crossable() {
				r.crossBelow = true
			}
			if n == len(syls) {
				l := &r.outs
				if e.kind.context() {
					l = &r.ctx
				}
				if !slices.ContainsFunc(*l, func(o entry) bool { return same(o, e) }) {
					*l = append(*l, e)
				}
			}
		}
	}
	m := newMatcher()
	if _, err := m.compile(slices.Clone(entries), ""); err != nil {
		t.Fatal(err)
	}
	if len(m.kids) != len(nodes) || len(m.edgeID) != len(nodes) {
		t.Errorf("%s: %d nodes (%d edges), want %d", name, len(m.kids), len(m.edgeID), len(nodes))
	}
	for p, r := range nodes {
		node := int32(0)
		if p != "" {
			node = walk(m, p)
		}
		if node < 0 {
			t.Fatalf("%s: %q reaches no node", name, p)
		}
		f := m.flags[node]
		for _, c := range []struct {
			name      string
			got, want []entry
			flag      uint8
		}{{"outs", entriesOf(m, m.outs.at(node)), r.outs, nodeOuts}, {"ctx", entriesOf(m, m.ctx.at(node)), r.ctx, nodeCtx}} {
			if len(c.got) != len(c.want) || !slices.EqualFunc(c.got, c.want, same) {
				t.Fatalf("%s: %q: %s %v, want %v", name, p, c.name, c.got, c.want)
			}
			if (f&c.flag != 0) != (len(c.want) > 0) {
				t.Errorf("%s: %q: %s flag %v, %d entries", name, p, c.name, f&c.flag != 0, len(c.want))
			}
		}
		if (f&nodeCrossBelow != 0) != r.crossBelow {
			t.Errorf("%s: %q: crossBelow %v, want %v", name, p, f&nodeCrossBelow != 0, r.crossBelow)
		}
	}
}

func entriesOf(m *matcher, xs []int32) []entry {
	out := make([]entry, len(xs))
	for i, x := range xs {
		out[i] = m.entries[x]
	}
	return out
}

// walk returns the node a key reaches, -1 if none.
func walk(m *matcher, key string) int32 {
	node := int32(0)
	for _, syl := range splitSpaces(key) {
		id := m.vocab.get(syl)
		if id < 0 {
			return -1
		}
		next, ok := m.child(node, id)
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
