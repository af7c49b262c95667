package scorer

import (
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	"genderlens/internal/uvarint"
)

// TrieBlobFile is the embedded rule set's trie, built once by
// TestTrieBlobCurrent (`go test ./scorer -run TrieBlobCurrent -update`
// rewrites it): inserting the 123,000 phrases of the rules and lexicons and
// numbering the nodes was over half of `genderlens check`'s start-up on one
// small file, and reading the arrays back takes a few milliseconds.
//
// The blob starts with a hash of everything the trie is built from: the
// matcher's vocabulary before the phrases and every phrase's entry, its
// folded key included, but for its phrase (see entriesSum). compile uses
// the blob only when that hash is the hash of the phrases it is given, so that any change to
// the rules, the lexicons, the way the scorer turns them into entries or
// the folding makes a stale blob that is not used (the trie is built as
// before: slow, never wrong). A change to how the trie is built (insert,
// finish) must change trieBlobFormat; TestTrieBlobCurrent, which builds the
// trie and compares it with the blob, fails until the blob is rewritten.
const TrieBlobFile = "trie.bin"

//go:embed trie.bin
var trieBlob string

// trieBlobFormat names the layout of the blob and the trie-building code
// that wrote it: it is hashed with the phrases.
const trieBlobFormat = "genderlens trie 3\n"

// inputHash is the hash of what compile builds the trie from: the format,
// the words the matcher has before (the soft punctuation) and the entries
// in their order, given as the entriesSum of each hashChunk of them.
func (m *matcher) inputHash(entries int, chunks []uint64) [sha256.Size]byte {
	var b []byte
	b = appendString(b, trieBlobFormat)
	b = binary.AppendUvarint(b, uint64(len(m.words)))
	for id, w := range m.words {
		b = append(appendString(b, w), boolByte(m.soft[id]))
	}
	// How insert treats each kind of entry, and the node flags' values: a
	// change to either changes the trie the same entries make.
	for k := range entryKinds {
		b = append(b, boolByte(k.crossable())|boolByte(k.context())<<1)
	}
	b = append(b, nodeCrossBelow, nodeOuts, nodeCtx)
	b = binary.AppendUvarint(b, uint64(entries))
	for _, c := range chunks {
		b = binary.LittleEndian.AppendUint64(b, c)
	}
	return sha256.Sum256(b)
}

// hashChunk is the number of entries of a range that entriesSum sums.
const hashChunk = 1024

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// entriesSum is a 64-bit checksum of what the trie takes of each entry:
// its key, and what insert compares to keep it or not (kind, rule, gender,
// tag and replacement). The phrase is not summed: the trie does not depend
// on it, and the entries kept are es's own. The ranges are summed on every
// core while they are folded (compile).
//
// The sum is two CRC-32s of different polynomials, which processors
// compute in hardware: some 6 MB of entries in well under a millisecond,
// where SHA-256 took 4 ms of a load. It only has to tell the embedded
// rules' entries from those of edited rules or an edited scorer, not to
// resist anyone forging a collision: the blob and the rules are both
// the program's own.
func entriesSum(es []entry) uint64 {
	var c, ieee uint32
	b := make([]byte, 0, 2<<10) // the entries are summed 2 KB at a time
	flush := func() {
		c, ieee = crc32.Update(c, castagnoli, b), crc32.Update(ieee, crc32.IEEETable, b)
		b = b[:0]
	}
	for i := range es {
		e := &es[i]
		b = append(b, byte(e.kind))
		b = binary.LittleEndian.AppendUint32(b, uint32(e.rule))
		b = appendString(b, e.key)
		b = appendString(b, e.gender)
		b = appendString(b, e.tag)
		b = appendString(b, e.replacement)
		if len(b) > 1<<10 {
			flush()
		}
	}
	flush()
	return uint64(c)<<32 | uint64(ieee)
}

// appendString appends s with its length before it.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// encodeTrie returns the blob of a matcher that compile built (b0 is
// m.built): of its words, those the trie has, not those New added after.
//
// Layout, integers little-endian: the hash (32 bytes); then uvarints: the
// number of entries given, of dropped indices, of words, of nodes, of outs
// and ctx entries, maxDepth; then the dropped indices (uint32), the words
// (a uvarint length and bytes each), flags (a byte a node), childFrom
// (nodes+1), edgeID (nodes), outs.off (nodes+1), outs.ents, ctx.off
// (nodes+1), ctx.ents, all uint32. kids, root, soft and meta follow from
// them and are built on loading.
func (m *matcher) encodeTrie(b0 builtFrom) []byte {
	b := append([]byte(nil), b0.sum[:]...)
	dropped, words := b0.dropped, m.words[:b0.words]
	nodes := len(m.flags)
	for _, n := range []int{b0.given, len(dropped), len(words), nodes, len(m.outs.ents), len(m.ctx.ents), m.maxDepth} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	u32s := func(xs []int32) {
		for _, x := range xs {
			b = binary.LittleEndian.AppendUint32(b, uint32(x))
		}
	}
	u32s(dropped)
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	b = append(b, m.flags...)
	u32s(m.childFrom)
	u32s(m.edgeID)
	u32s(m.outs.off)
	u32s(m.outs.ents)
	u32s(m.ctx.off)
	u32s(m.ctx.ents)
	return b
}

var errBlob = errors.New("trie blob: malformed")

// blobReader reads a blob, failing (err set, zero values) past its end.
type blobReader struct {
	s   string
	err error
}

func (r *blobReader) uvarint() int {
	v, n := uvarint.FromString(r.s)
	if n <= 0 || v > 1<<31 {
		r.err = errBlob
		return 0
	}
	r.s = r.s[n:]
	return int(v)
}

func (r *blobReader) bytes(n int) string {
	if r.err != nil || n < 0 || n > len(r.s) {
		r.err = errBlob
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// int32s reads n uint32s, each below limit.
func (r *blobReader) int32s(n int, limit int) []int32 {
	if n < 0 || n > len(r.s)/4 {
		r.err = errBlob
	}
	s := r.bytes(4 * n)
	if r.err != nil {
		return nil
	}
	xs := make([]int32, n)
	for i := range xs {
		x := le32(s[4*i:])
		if uint64(x) >= uint64(limit) {
			r.err = errBlob
			return nil
		}
		xs[i] = int32(x)
	}
	return xs
}

// loadTrie makes m the trie of blob, which encodeTrie wrote, when the
// blob's hash is sum, the hash of es, and returns the entries kept (es's
// memory). It reports false, m unchanged, for another hash; an error for a
// blob of that hash that does not read.
func (m *matcher) loadTrie(blob string, sum [sha256.Size]byte, es []entry) ([]entry, bool, error) {
	if len(blob) < len(sum) || blob[:len(sum)] != string(sum[:]) {
		return nil, false, nil
	}
	r := &blobReader{s: blob[len(sum):]}
	given, nDropped, nWords, nodes := r.uvarint(), r.uvarint(), r.uvarint(), r.uvarint()
	nOuts, nCtx, maxDepth := r.uvarint(), r.uvarint(), r.uvarint()
	if r.err == nil && (given != len(es) || nWords < len(m.words) || nodes < 1) {
		r.err = fmt.Errorf("trie blob: %d entries, %d words, %d nodes for %d entries, %d words", given, nWords, nodes, len(es), len(m.words))
	}
	dropped := r.int32s(nDropped, len(es))
	words := make([]string, 0, nWords)
	for range nWords {
		if r.err != nil {
			break
		}
		words = append(words, r.bytes(r.uvarint()))
	}
	flags := r.bytes(nodes)
	childFrom := r.int32s(nodes+1, nodes+1)
	edgeID := r.int32s(nodes, nWords)
	outsOff := r.int32s(nodes+1, nOuts+1)
	outsEnts := r.int32s(nOuts, len(es)-nDropped)
	ctxOff := r.int32s(nodes+1, nCtx+1)
	ctxEnts := r.int32s(nCtx, len(es)-nDropped)
	if r.err == nil && (r.s != "" || !ascending(childFrom) || !ascending(outsOff) || !ascending(ctxOff)) {
		r.err = errBlob
	}
	if r.err != nil {
		return nil, false, r.err
	}
	for id, w := range words[:len(m.words)] {
		if w != m.words[id] {
			return nil, false, fmt.Errorf("trie blob: word %d is %q, not %q", id, w, m.words[id])
		}
	}
	// The entries kept, in es's memory as compile keeps them: the runs
	// between the few dropped move down with one copy each, where an
	// append an entry moved all 10 MB of them one at a time.
	kept := len(es) // the entries before the first dropped stay
	if len(dropped) > 0 {
		kept = int(dropped[0])
	}
	for i, d := range dropped {
		next := len(es)
		if i+1 < len(dropped) {
			next = int(dropped[i+1])
		}
		if next <= int(d) {
			return nil, false, errors.New("trie blob: dropped entries out of order")
		}
		kept += copy(es[kept:], es[d+1:next])
	}
	es = es[:kept]
	m.entries = es
	m.meta = make([]entryMeta, len(es))
	for i := range es {
		m.meta[i] = entryMeta{rule: es[i].rule, kind: es[i].kind}
	}
	// The words are added in their order: the vocabulary table is the one
	// inserting the phrases made.
	for _, w := range words[len(m.words):] {
		m.id(w, true)
	}
	m.flags = []uint8(flags)
	m.childFrom, m.edgeID = childFrom, edgeID
	m.outs = nodeEntries{off: outsOff, ents: outsEnts}
	m.ctx = nodeEntries{off: ctxOff, ents: ctxEnts}
	m.maxDepth = maxDepth
	m.kids = make([]uint64, nodes)
	for n := range nodes {
		var k uint64
		for _, id := range edgeID[childFrom[n]:childFrom[n+1]] {
			k |= kidBit(id)
		}
		m.kids[n] = k
	}
	if len(m.words) != nWords {
		return nil, false, errors.New("trie blob: a word twice")
	}
	for c := childFrom[0]; c < childFrom[1]; c++ {
		m.root[edgeID[c]] = c
	}
	m.head, m.sibling, m.parent, m.into = [2][]int32{}, nil, nil, nil
	return es, true, nil
}

// ascending reports whether xs never decreases: the offsets of each node's
// children and entries.
func ascending(xs []int32) bool {
	for i := 1; i < len(xs); i++ {
		if xs[i] < xs[i-1] {
			return false
		}
	}
	return true
}
