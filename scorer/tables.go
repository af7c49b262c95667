package scorer

import "math/bits"

// The matcher looks up every token's syllable, and while the trie is built
// its edges: about a fifth of a check was once spent in Go maps doing so,
// most of it probing for keys that are not there. These two open-addressing
// tables (linear probing, at most half full) answer the same questions with
// one multiply or one hash and, for a miss, usually one slot read. A built
// trie finds a child among its parent's edges instead (matcher.child).

// edgeTable maps a trie edge, node<<32 | syllable id, to the child node,
// while the trie is built: a finished trie's walks find a child among its
// parent's edges instead (matcher.child).
// The keys are an array of their own, so that a probe, most often for an
// edge that is not there, reads 8 bytes a slot.
type edgeTable struct {
	keys  []uint64 // noEdge when the slot is free
	next  []int32
	n     int
	shift uint // 64 - log2(len(keys))
}

// noEdge is no real edge: node numbers are int32, so a key's top bit is 0.
const noEdge = ^uint64(0)

func edgeKey(node, id int32) uint64 { return uint64(node)<<32 | uint64(uint32(id)) }

// slot is where the search for key starts (Fibonacci hashing).
func (t *edgeTable) slot(key uint64) int {
	return int((key * 0x9E3779B97F4A7C15) >> t.shift)
}

func (t *edgeTable) get(key uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.next[i], true
		case noEdge:
			return 0, false
		}
	}
}

func (t *edgeTable) put(key uint64, next int32) {
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	for i := t.slot(key); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			t.next[i] = next
			return
		case noEdge:
			t.keys[i], t.next[i] = key, next
			t.n++
			return
		}
	}
}

func (t *edgeTable) grow() { t.growTo(max(64, 2*len(t.keys))) }

// growTo rebuilds the table with size slots, a power of two.
func (t *edgeTable) growTo(size int) {
	keys, next := t.keys, t.next
	t.keys, t.next = make([]uint64, size), make([]int32, size)
	for i := range t.keys {
		t.keys[i] = noEdge
	}
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.n = 0
	for i, k := range keys {
		if k != noEdge {
			t.put(k, next[i])
		}
	}
}

// vocabTable maps a folded syllable to its vocabulary id. A word of up to
// 16 bytes (nearly every syllable) is kept in its slot as two integers, so
// that a lookup reads no string; longer words go to a map.
type vocabTable struct {
	slots []vocabSlot
	n     int
	shift uint // 64 - log2(len(slots))
	long  map[string]int32
}

type vocabSlot struct {
	lo, hi uint64 // the word's bytes, zero-padded
	n      int32  // its length
	id     int32  // -1 when the slot is free
}

// pack reads a word of up to 16 bytes as two integers, every byte in one
// of them for a given length (the slot keeps the length too): two loads
// that may overlap, not a copy into a zeroed buffer, which called memmove
// for every token looked up.
func pack(w string) (lo, hi uint64) {
	switch n := len(w); {
	case n >= 8:
		return le64(w), le64(w[n-8:])
	case n >= 4:
		return uint64(le32(w)) | uint64(le32(w[n-4:]))<<32, 0
	case n > 0:
		return uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16, 0
	}
	return 0, 0
}

func le64(w string) uint64 {
	_ = w[7]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func le32(w string) uint32 {
	_ = w[3]
	return uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24
}

func (t *vocabTable) slot(lo, hi uint64, n int) int {
	h := (lo ^ bits.RotateLeft64(hi, 29) ^ uint64(n)<<58) * 0x9E3779B97F4A7C15
	return int(h >> t.shift)
}

// get returns the id of word, or -1.
func (t *vocabTable) get(word string) int32 {
	if len(word) > 16 {
		if id, ok := t.long[word]; ok {
			return id
		}
		return -1
	}
	if t.n == 0 {
		return -1
	}
	lo, hi := pack(word)
	return t.probe(lo, hi, len(word))
}

// probe returns the id of the word of n bytes that packs to lo and hi, or
// -1; the table must not be empty.
func (t *vocabTable) probe(lo, hi uint64, n int) int32 {
	for i := t.slot(lo, hi, n); ; i = (i + 1) & (len(t.slots) - 1) {
		if s := &t.slots[i]; s.lo == lo && s.hi == hi && int(s.n) == n || s.id < 0 { // a free slot's id is -1
			return s.id
		}
	}
}

// add returns the id of word, giving it the id next if it is new.
func (t *vocabTable) add(word string, next int32) int32 {
	if id := t.get(word); id >= 0 {
		return id
	}
	if len(word) > 16 {
		if t.long == nil {
			t.long = map[string]int32{}
		}
		t.long[word] = next
		return next
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	lo, hi := pack(word)
	t.insert(vocabSlot{lo: lo, hi: hi, n: int32(len(word)), id: next})
	return next
}

func (t *vocabTable) insert(v vocabSlot) {
	mask := len(t.slots) - 1
	i := t.slot(v.lo, v.hi, int(v.n))
	for t.slots[i].id >= 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = v
	t.n++
}

func (t *vocabTable) grow() {
	old := t.slots
	size := max(64, 2*len(old))
	t.slots = make([]vocabSlot, size)
	for i := range t.slots {
		t.slots[i].id = -1
	}
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
	t.n = 0
	for _, v := range old {
		if v.id >= 0 {
			t.insert(v)
		}
	}
}
