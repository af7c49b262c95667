package scorer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"genderlens/internal/parallel"
	"genderlens/vntext"
)

// entryKind says what a trie entry is for.
type entryKind uint8

const (
	entryRule          entryKind = iota // a phrase a rule matches
	entryException                      // a phrase that cancels an overlapping rule match
	entryNear                           // a proximity rule's context phrase
	entryUnless                         // a phrase that cancels a rule match near it
	entryNearException                  // a longer word in which a proximity rule's context phrase has another sense
	entryAbout                          // a proximity rule's second context phrase: what the match is about
	entryHonorific                      // people: honorific before a name (gender)
	entryRoleNoun                       // people: a role noun that carries gender (nữ diễn viên)
	entryReference                      // people: a word referring back to a person (gender)
	entrySpeakerFamily                  // people: the speaker's spouse in their own words (gender)
	entryTitle                          // people: title (role)
	entrySpeech                         // people: speech verb
	entryNotSpeech                      // people: a phrase in which a speech word has another sense
	entryNotHonorific                   // people: a phrase in which an honorific word has another sense
	entryUnlessAlso                     // a phrase of a rule's second unless (unless_also)
	entryAdverb                         // people: may stand between a subject and its verb
	entryTheo                           // people: attribution before a name (theo, theo lời)
	entrySource                         // people: a description standing for an unnamed source (gender)
	entryPlural                         // people: a word that makes a description a group
	entryOrgBefore                      // people: a word before a run that makes it a place or organisation
	entryNotOrgBefore                   // people: a common word ending in an entryOrgBefore word, which it is not
	entryGazetteer                      // people: a proper name that is not a person (kind in tag)
	entryPossessive                     // people: a description that takes its possessor's name after it
	entryChinese                        // people: a place or medium of Chinese-language public life
	entryVietnamese                     // people: Vietnam or a place or body of Vietnamese public life
	entrySpareMan                       // a rule's spare_men word for a man
	entrySpareWoman                     // a rule's spare_men word for a woman
	entrySpareBoth                      // a rule's spare_men word for a couple or a star: the match stays
)

// entryKinds is the number of kinds; entrySpareBoth must stay the last.
const entryKinds = entrySpareBoth + 1

// entry is one compiled phrase.
type entry struct {
	kind        entryKind
	rule        int32  // index into Scorer.rules for rule entries, -1 otherwise
	replacement string // substitution rules: the better wording
	gender      string
	tag         string // the role of a title, the kind of a gazetteer name
	phrase      string
	key         string // the folded syllables of phrase, one space apart, as doc.joined writes them
}

// entryMeta is what the scan's consumers ask of nearly every hit, kept
// apart from the entries (over 100 bytes each) in an array that stays in
// cache: a hit's kind and rule, and whether that rule is a topic rule.
type entryMeta struct {
	rule  int32
	kind  entryKind
	topic bool // set by Scorer.New once the rules are known
}

// crossable reports whether a phrase of this kind may match across a comma,
// a quotation mark or a line break inside it ("đảm việc nước, giỏi việc
// nhà"). People cues may not: "cho, biết" is no speech verb.
func (k entryKind) crossable() bool { return k <= entryAbout }

// matcher is a syllable trie over folded text: each edge is one syllable
// (or punctuation) id. Walking from every token reads each token at most
// maxDepth+maxSkips times, so matching is linear in the text and
// independent of the number of phrases, unlike a regexp alternation per
// rule.
type matcher struct {
	vocab vocabTable
	// edges are the trie's edges while it is built; finish lays them out
	// by node (childFrom, edgeID) and drops the table.
	edges edgeTable
	// childFrom and edgeID are the edges once the trie is finished: the
	// nodes are numbered breadth first (see renumber), so the children of
	// node n are the nodes childFrom[n] up to childFrom[n+1], in the order
	// of their syllable ids, and edgeID[c] is the id of the syllable that
	// leads to node c. A step of a walk searches a few ids that lie
	// together where it probed a 6 MB hash table at random, and the
	// nodes near the root, which most walks visit, have their flags and
	// kids close together.
	childFrom, edgeID []int32
	// outs are the entries ending at each node, but for context kinds.
	outs nodeEntries
	// ctx are the entries of context kinds (see context) ending at each
	// node: a document holds four times as many of their hits as of all
	// the others, and only proximity conditions ask for them, so the scan
	// records one hit per node for them apart (see doc.ctxAt).
	ctx nodeEntries
	// head and sibling chain the entries ending at each node while the
	// trie is built, for outs and ctx (see nodeEntries): the first entry
	// at a node by kind (-1: none), and by entry the next at its node.
	head    [2][]int32
	sibling []int32
	// parent and into are, by node while the trie is built, its parent
	// and the id of the syllable that leads to it from there: renumber
	// groups the children of each node by them.
	parent, into []int32
	// kids has bit id%64 set for each child edge of a node by syllable id:
	// a walk stops without a lookup at a leaf (no bit, as most phrases
	// end) and at most nodes where the next syllable has no edge (four in
	// five lookups found none).
	kids     []uint64
	entries  []entry
	meta     []entryMeta // by entry
	maxDepth int
	soft     []bool   // by vocabulary id: punctuation a rule phrase may run across
	words    []string // by vocabulary id: the folded word
	// root is the root's edges as a slice by vocabulary id (-1: none): every
	// token starts a walk, so the first step needs no search.
	root []int32
	// flags are a node's bits (nodeCrossBelow, nodeOuts, nodeCtx), one
	// byte each: most nodes a scan reaches end no phrase, and testing a
	// bit here reads neither of their outs and ctx slices.
	flags []uint8
	// last is the key inserted last and path the nodes its syllables reach
	// (with the end of each syllable in it): phrases composed of lists
	// come one head after another ("tính cách của phụ nữ", "tính cách của
	// vợ"...), so insert walks on from the prefix they share.
	last string
	path []pathStep
	// built is set when compile built the trie, not read it from a blob.
	built builtFrom
}

// nodeEntries are the entries ending at each node, all in one array:
// those of node n are ents[off[n]:off[n+1]]. A slice of its own per node
// was 130,000 small allocations and 6 MB of slice headers at every start.
type nodeEntries struct {
	off  []int32 // by node, and one more
	ents []int32
}

// at returns the entries ending at node.
func (l *nodeEntries) at(node int32) []int32 { return l.ents[l.off[node]:l.off[node+1]] }

// pathStep is one syllable of matcher.last: where it ends in the key and
// the node it reaches.
type pathStep struct {
	end  int
	node int32
}

const (
	// nodeCrossBelow marks the nodes under which a crossable phrase
	// continues: only there is punctuation worth skipping.
	nodeCrossBelow uint8 = 1 << iota
	nodeOuts             // outs.at(node) is not empty
	nodeCtx              // ctx.at(node) is not empty
)

// context reports the kinds of phrase that only proximity conditions
// (near, unless, about and their exceptions) look for around a match.
func (k entryKind) context() bool {
	return k == entryNear || k == entryUnless || k == entryNearException || k == entryAbout || k == entryUnlessAlso
}

// kidBit is the bit of syllable id in a node's kids.
func kidBit(id int32) uint64 { return 1 << (uint32(id) & 63) }

// maxSkips bounds the punctuation one match may run across.
const maxSkips = 3

func newMatcher() *matcher {
	m := &matcher{head: [2][]int32{{-1}, {-1}}, kids: []uint64{0}, flags: []uint8{0}, parent: []int32{-1}, into: []int32{-1}}
	for _, p := range []string{",", "\"", "“", "”", "'", "‘", "’", "«", "»", "-", "–", "—", "…"} {
		m.soft[m.id(p, true)] = true
	}
	return m
}

// reserve makes room for about n more phrases: growing the node arrays one
// doubling at a time copied them again and again at start-up. The rules
// make some 1.6 nodes a phrase (1.3 in round 18; longer composed phrases
// since): room for 1.75, since an array that outgrows its room is copied
// whole (the edge table rehashed), while room never used costs no memory
// touched.
func (m *matcher) reserve(n int) {
	nodes := n + 3*n/4
	m.meta = slices.Grow(m.meta, n)
	m.head[0] = slices.Grow(m.head[0], nodes)
	m.head[1] = slices.Grow(m.head[1], nodes)
	m.parent = slices.Grow(m.parent, nodes)
	m.into = slices.Grow(m.into, nodes)
	m.sibling = slices.Grow(m.sibling, n)
	m.kids = slices.Grow(m.kids, nodes)
	m.flags = slices.Grow(m.flags, nodes)
	size := max(64, len(m.edges.keys))
	for 4*(m.edges.n+nodes) > 3*size {
		size *= 2
	}
	if size > len(m.edges.keys) {
		m.edges.growTo(size) // at once: each doubling wrote every slot again
	}
}

// id returns the vocabulary id of a syllable, adding it when add is set.
func (m *matcher) id(syl string, add bool) int32 {
	if !add {
		return m.vocab.get(syl)
	}
	id := m.vocab.add(syl, int32(len(m.soft)))
	if int(id) == len(m.soft) {
		m.soft = append(m.soft, false)
		m.root = append(m.root, -1)
		m.words = append(m.words, syl)
	}
	return id
}

// insert adds e, whose phrase and key are set, to the trie.
func (m *matcher) insert(e entry) error {
	if e.key == "" {
		return fmt.Errorf("phrase %q has no syllables", e.phrase)
	}
	// The syllables shared with the last key are walked already: their
	// nodes are on the path (only the flag below may be new).
	common := 0
	for common < len(e.key) && common < len(m.last) && e.key[common] == m.last[common] {
		common++
	}
	node := int32(0)
	depth := 0
	for depth < len(m.path) {
		st := m.path[depth]
		if st.end > common || st.end < len(e.key) && e.key[st.end] != ' ' {
			break
		}
		if e.kind.crossable() {
			m.flags[node] |= nodeCrossBelow
		}
		node = st.node
		depth++
	}
	m.path = m.path[:depth]
	rest, at := e.key, 0
	if depth > 0 {
		at = min(m.path[depth-1].end+1, len(e.key))
		rest = e.key[at:]
	}
	m.last = e.key
	for ; rest != ""; depth++ {
		var syl string
		syl, rest, _ = strings.Cut(rest, " ")
		at += len(syl)
		id := m.id(syl, true)
		edge := edgeKey(node, id)
		// No edge when the node's bit for id is not set: most lookups of
		// new syllables would miss in a large table.
		next, ok := int32(0), false
		if m.kids[node]&kidBit(id) != 0 {
			next, ok = m.edges.get(edge)
		}
		if !ok {
			next = int32(len(m.kids))
			m.head[0] = append(m.head[0], -1)
			m.head[1] = append(m.head[1], -1)
			m.parent = append(m.parent, node)
			m.into = append(m.into, id)
			m.kids = append(m.kids, 0)
			m.kids[node] |= kidBit(id)
			m.flags = append(m.flags, 0)
			m.edges.put(edge, next)
			if node == 0 {
				m.root[id] = next
			}
		}
		if e.kind.crossable() {
			m.flags[node] |= nodeCrossBelow
		}
		node = next
		m.path = append(m.path, pathStep{end: at, node: node})
		at++ // the space
	}
	head, flag := &m.head[0][node], nodeOuts
	if e.kind.context() {
		head, flag = &m.head[1][node], nodeCtx
	}
	// The new entry goes last in its node's chain.
	last := int32(-1)
	for x := *head; x >= 0; x = m.sibling[x] {
		if o := &m.entries[x]; o.kind == e.kind && o.rule == e.rule && o.gender == e.gender && o.tag == e.tag &&
			o.replacement == e.replacement {
			return nil // the same phrase in another spelling (ủy/uỷ), or listed twice
		}
		last = x
	}
	x := int32(len(m.entries))
	m.entries = append(m.entries, e)
	m.meta = append(m.meta, entryMeta{rule: e.rule, kind: e.kind})
	m.sibling = append(m.sibling, -1)
	if last < 0 {
		*head = x
	} else {
		m.sibling[last] = x
	}
	m.flags[node] |= flag
	if depth > m.maxDepth {
		m.maxDepth = depth
	}
	return nil
}

// compile compiles entries, each with its phrase set, into the trie of a
// new matcher, in their order, and returns the first entry that fails. An
// entry's key, when it is set, is vntext.Spaced of its phrase's key
// (vntext.FoldString): rules.Rule.Keys, which Load computed checking the
// phrases. The other phrases are folded on every core first: that is the
// costly part, and it needs nothing of the trie. The entries kept become
// the matcher's: es is its memory. blob is the embedded trie
// (TrieBlobFile), or "" to build it.
func (m *matcher) compile(es []entry, blob string) (entry, error) {
	// Each range of entries is summed as it is folded, on every core too
	// (see entriesSum).
	sums := make([]uint64, (len(es)+hashChunk-1)/hashChunk)
	parallel.For(len(es), hashChunk, func(lo, hi int) {
		var toks []vntext.Token
		for i := lo; i < hi; i++ {
			if es[i].key == "" {
				es[i].key = vntext.Spaced(vntext.FoldString(es[i].phrase), &toks)
			}
		}
		sums[lo/hashChunk] = entriesSum(es[lo:hi]) // lo is a multiple of hashChunk (parallel.For)
	})
	// The embedded rules' trie is read from blob when it was built from
	// these very entries (see TrieBlobFile).
	sum := m.inputHash(len(es), sums)
	if _, ok, err := m.loadTrie(blob, sum, es); ok || err != nil {
		if err != nil {
			err = fmt.Errorf("read trie blob: %w", err)
		}
		return entry{rule: -1}, err
	}
	m.reserve(len(es))
	// Entries kept are written over the start of es, never past the one
	// being read.
	m.entries = es[:0]
	m.built = builtFrom{sum: sum, given: len(es)}
	for i := range es {
		e := es[i]
		n := len(m.entries)
		if err := m.insert(e); err != nil {
			return e, err
		}
		if len(m.entries) == n {
			m.built.dropped = append(m.built.dropped, int32(i))
		}
	}
	m.finish()
	m.built.words = len(m.words)
	return entry{}, nil
}

// builtFrom is what encodeTrie needs to know of the entries a trie was
// built from: their hash, their number and those not kept, and the number
// of words the trie has (New gives more words ids after it).
type builtFrom struct {
	sum     [32]byte
	given   int
	dropped []int32
	words   int
}

// finish numbers the nodes breadth first and lays the chains of entries by
// node out as outs and ctx, once the trie is built; insert may not be
// called after it.
func (m *matcher) finish() {
	m.renumber()
	for i, l := range []*nodeEntries{&m.outs, &m.ctx} {
		head := m.head[i]
		l.off = make([]int32, len(head)+1)
		n := 0
		for _, x := range head {
			for ; x >= 0; x = m.sibling[x] {
				n++
			}
		}
		l.ents = make([]int32, 0, n)
		for node, x := range head {
			l.off[node] = int32(len(l.ents))
			for ; x >= 0; x = m.sibling[x] {
				l.ents = append(l.ents, x)
			}
		}
		l.off[len(head)] = int32(len(l.ents))
	}
	m.head, m.sibling = [2][]int32{}, nil
	m.last, m.path = "", nil // insert's walk, done with
}

// renumber numbers the nodes breadth first, the children of each node in
// the order of their syllable ids, and lays the edges out by node
// (childFrom, edgeID) in place of the edge table, which only insert needs.
// The arrays by node (kids, flags, head) and root follow the new numbers.
func (m *matcher) renumber() {
	n := len(m.kids)
	// The children of each node, grouped by a counting sort of parent: the
	// children of old node p are kids of byParent[from[p]:from[p+1]].
	from := make([]int32, n+1)
	for c := 1; c < n; c++ {
		from[m.parent[c]+1]++
	}
	for i := 1; i <= n; i++ {
		from[i] += from[i-1]
	}
	byParent := make([]int32, n)
	fill := slices.Clone(from[:n])
	for c := 1; c < n; c++ {
		p := m.parent[c]
		byParent[fill[p]] = int32(c)
		fill[p]++
	}
	// Breadth first from the root: order holds the old number of each new
	// one, and a node's children get the next numbers as it is reached.
	order := make([]int32, 1, n)
	renum := make([]int32, n)
	childFrom, edgeID := make([]int32, n+1), make([]int32, n)
	into := m.into
	for at := 0; at < len(order); at++ {
		cs := byParent[from[order[at]]:from[order[at]+1]]
		if len(cs) > 1 {
			slices.SortFunc(cs, func(a, b int32) int { return cmp.Compare(into[a], into[b]) })
		}
		childFrom[at] = int32(len(order))
		for _, c := range cs {
			renum[c] = int32(len(order))
			edgeID[len(order)] = into[c]
			order = append(order, c)
		}
	}
	childFrom[len(order)] = int32(len(order))
	kids, flags := make([]uint64, n), make([]uint8, n)
	head := [2][]int32{make([]int32, n), make([]int32, n)}
	for now, old := range order {
		kids[now], flags[now] = m.kids[old], m.flags[old]
		head[0][now], head[1][now] = m.head[0][old], m.head[1][old]
	}
	for id, node := range m.root {
		if node >= 0 {
			m.root[id] = renum[node]
		}
	}
	m.kids, m.flags, m.head = kids, flags, head
	m.childFrom, m.edgeID = childFrom, edgeID
	m.edges, m.parent, m.into = edgeTable{}, nil, nil
}

// child returns the node the edge of syllable id leads to from node, in a
// finished trie: a binary search of the node's children narrows a long
// list (the nodes near the root have hundreds), a scan ends it.
func (m *matcher) child(node, id int32) (int32, bool) {
	lo, hi := m.childFrom[node], m.childFrom[node+1]
	for hi-lo > 8 {
		mid := int32(uint32(lo+hi) >> 1)
		if m.edgeID[mid] <= id {
			lo = mid
		} else {
			hi = mid
		}
	}
	for c := lo; c < hi; c++ {
		if m.edgeID[c] == id {
			return c, true
		}
	}
	return 0, false
}

// hit is a phrase found at tokens [start, end).
type hit struct {
	start, end int32
	entry      int32
}

// scan finds every phrase in the token stream. ids holds the vocabulary id
// of each token (-1 if unknown). A phrase runs across a line break or soft
// punctuation only when its entry is crossable; the trie's own edge for a
// punctuation mark wins over skipping it. The phrases of context kinds go
// to ctxHits, one hit per node whose entry is the node (see matcher.ctx).
func (m *matcher) scan(toks []vntext.Token, ids []int32, hits, ctxHits []hit) ([]hit, []hit) {
	// The trie's arrays in locals: the appends to hits would otherwise
	// make the compiler load them from m again at every step.
	root, kids, flags, soft, maxDepth := m.root, m.kids, m.flags, m.soft, m.maxDepth
	outs, entries := m.outs, m.entries
	for i := range toks {
		// Most tokens start no phrase: skip them before setting up a walk.
		id := ids[i]
		if id < 0 || soft[id] || root[id] < 0 {
			continue
		}
		node := root[id] // the first step, from the root
		crossed := false
		skips := 0
	walk:
		for j := i; ; {
			// node is reached at token j: the phrases ending there.
			f := flags[node]
			if f&nodeOuts != 0 {
				for _, e := range outs.ents[outs.off[node]:outs.off[node+1]] {
					// Only phrases of three syllables or more run across punctuation:
					// "MC, nữ diễn viên" is no "MC nữ".
					if crossed && (!entries[e].kind.crossable() || j+1-i-skips < 3) {
						continue
					}
					hits = append(hits, hit{start: int32(i), end: int32(j + 1), entry: e})
				}
			}
			// Context kinds are all crossable: only the length rule applies.
			if f&nodeCtx != 0 && !(crossed && j+1-i-skips < 3) {
				ctxHits = append(ctxHits, hit{start: int32(i), end: int32(j + 1), entry: node})
			}
			// The next step, across soft punctuation where a crossable
			// phrase continues.
			for {
				j++
				if j >= len(toks) || j-i-skips >= maxDepth {
					break walk
				}
				id := ids[j]
				if toks[j].Newline {
					crossed = true
				}
				if id < 0 {
					break walk
				}
				// No edge for this syllable when its bit is not set (at a leaf,
				// none at all).
				if kids[node]&kidBit(id) != 0 {
					if next, ok := m.child(node, id); ok {
						node = next
						break
					}
				}
				if !soft[id] || skips >= maxSkips || flags[node]&nodeCrossBelow == 0 {
					break walk
				}
				skips++
				crossed = true
			}
		}
	}
	return hits, ctxHits
}

// lookup maps every token of the folded text to its vocabulary id, in ids'
// memory. It is not inlined: in analyse, the loop's variables were spilled
// and reloaded at every token.
//
//go:noinline
func (m *matcher) lookup(key string, toks []vntext.Token, ids []int32) []int32 {
	ids = slices.Grow(ids[:0], len(toks))[:len(toks)]
	v := &m.vocab
	if v.n == 0 {
		for i := range ids {
			ids[i] = -1
		}
		return ids
	}
	for i := range toks {
		w := key[toks[i].Start:toks[i].End]
		if len(w) > 16 {
			ids[i] = v.get(w)
			continue
		}
		lo, hi := pack(w)
		ids[i] = v.probe(lo, hi, len(w)) // vocabTable.get, in line
	}
	return ids
}
