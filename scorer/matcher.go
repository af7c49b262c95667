package scorer

import (
	"fmt"

	"genderlens/vntext"
)

// entryKind says what a trie entry is for.
type entryKind uint8

const (
	entryRule          entryKind = iota // a phrase a rule matches
	entryException                      // a phrase that cancels an overlapping rule match
	entryNear                           // a proximity rule's context phrase
	entryUnless                         // a phrase that cancels a rule match near it
	entryHonorific                      // people cue: honorific (gender in entry.gender)
	entryTitle                          // people cue: title (role in entry.role)
	entrySpeech                         // people cue: speech verb
	entryOrg                            // people cue: place or organisation word
	entryPronoun                        // people cue: pronoun referring back
	entryNotCue                         // a phrase where a cue word has another sense
	entryUnnamed                        // people cue: a description standing for an unnamed source
	entrySpeakerFamily                  // people cue: the speaker's spouse in their own words
)

// entry is one compiled phrase.
type entry struct {
	kind        entryKind
	rule        int32  // index into Scorer.rules for rule entries
	replacement string // substitution rules: the better wording
	gender      string
	role        string
	phrase      string
	target      entryKind // entryNotCue: the cue kind it cancels
}

// matcher is a syllable trie over folded text: each edge is one syllable
// (or punctuation) id. Walking from every token reads each token at most
// maxDepth times, so matching is linear in the text and independent of the
// number of phrases, unlike a regexp alternation per rule.
type matcher struct {
	vocab    map[string]int32
	edges    map[uint64]int32
	outs     [][]int32 // entries ending at each node
	entries  []entry
	maxDepth int
}

func newMatcher() *matcher {
	return &matcher{vocab: map[string]int32{}, edges: map[uint64]int32{}, outs: [][]int32{nil}}
}

// add compiles phrase into the trie.
func (m *matcher) add(phrase string, e entry) error {
	key := vntext.FoldString(phrase)
	toks := vntext.Tokens(key)
	if len(toks) == 0 {
		return fmt.Errorf("phrase %q has no syllables", phrase)
	}
	node := int32(0)
	for _, t := range toks {
		syl := key[t.Start:t.End]
		id, ok := m.vocab[syl]
		if !ok {
			id = int32(len(m.vocab))
			m.vocab[syl] = id
		}
		edge := uint64(node)<<32 | uint64(uint32(id))
		next, ok := m.edges[edge]
		if !ok {
			next = int32(len(m.outs))
			m.outs = append(m.outs, nil)
			m.edges[edge] = next
		}
		node = next
	}
	e.phrase = phrase
	for _, x := range m.outs[node] {
		if o := m.entries[x]; o.kind == e.kind && o.rule == e.rule && o.gender == e.gender && o.role == e.role &&
			o.target == e.target && o.replacement == e.replacement {
			return nil // the same phrase in another spelling (ủy/uỷ)
		}
	}
	m.entries = append(m.entries, e)
	m.outs[node] = append(m.outs[node], int32(len(m.entries)-1))
	if len(toks) > m.maxDepth {
		m.maxDepth = len(toks)
	}
	return nil
}

// hit is a phrase found at tokens [start, end).
type hit struct {
	start, end int32
	entry      int32
}

// scan finds every phrase in the token stream. A phrase does not run across
// a line break. ids holds the vocabulary id of each token (-1 if unknown).
func (m *matcher) scan(toks []vntext.Token, ids []int32, hits []hit) []hit {
	for i := range toks {
		if ids[i] < 0 {
			continue
		}
		node := int32(0)
		for j := i; j < len(toks) && j-i < m.maxDepth; j++ {
			if ids[j] < 0 || j > i && toks[j].Newline {
				break
			}
			next, ok := m.edges[uint64(node)<<32|uint64(uint32(ids[j]))]
			if !ok {
				break
			}
			node = next
			for _, e := range m.outs[node] {
				hits = append(hits, hit{start: int32(i), end: int32(j + 1), entry: e})
			}
		}
	}
	return hits
}

// lookup maps every token of the folded text to its vocabulary id.
func (m *matcher) lookup(key string, toks []vntext.Token, ids []int32) []int32 {
	for _, t := range toks {
		id, ok := m.vocab[key[t.Start:t.End]]
		if !ok {
			id = -1
		}
		ids = append(ids, id)
	}
	return ids
}
