package rules

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"genderlens/internal/uvarint"
)

// SnapshotFile is the embedded rule set compiled: the Set that Load makes of
// the YAML files and name tables, gob-encoded, with a hash of the files it was
// made from. Decoding it takes a quarter of the time of compiling them, which
// was most of `genderlens check`'s start-up on one small file. Embedded uses
// it only while that hash is the embedded files', so a stale snapshot is slow,
// never wrong; TestSnapshotCurrent fails when it is stale, and
// `go test ./rules -update` rewrites it.
const SnapshotFile = "compiled.gob"

//go:embed compiled.gob
var snapshotData string

// snapshot is what SnapshotFile holds after its tables. The rules' phrase
// lists and their folded keys (unexported, which gob leaves out) are not in
// it: they follow it as a section of their own (see phraseSection).
type snapshot struct {
	Source string
	Set    *Set
	// KeyFields names, by rule, the fields of the rule's keys (the map
	// Rule.Keys reads), sorted: their lists are in the section.
	KeyFields [][]string
}

// phraseLists visits, in a fixed order, the slots of the phrase lists of r
// that a snapshot carries in its phrase section (some 110,000 phrases; the
// section then holds the rule's keys). A slot gives the list's address; for
// a list of a nil Near, Unless, About, UnlessAlso or SpareMen it gives nil, unless
// create is set: then it creates the condition (a decoded rule whose
// condition had nothing but lists).
func phraseLists(r *Rule, visit func(slot func(create bool) *[]string)) {
	visit(func(bool) *[]string { return &r.Tokens })
	visit(func(bool) *[]string { return &r.Exceptions })
	for _, c := range []**Near{&r.Near, &r.Unless, &r.About, &r.UnlessAlso} {
		cond := func(create bool) *Near {
			if *c == nil && create {
				*c = &Near{}
			}
			return *c
		}
		visit(func(create bool) *[]string {
			if n := cond(create); n != nil {
				return &n.Tokens
			}
			return nil
		})
		visit(func(create bool) *[]string {
			if n := cond(create); n != nil {
				return &n.Exceptions
			}
			return nil
		})
	}
	spare := func(create bool) *SpareMen {
		if r.SpareMen == nil && create {
			r.SpareMen = &SpareMen{}
		}
		return r.SpareMen
	}
	for _, list := range []func(*SpareMen) *[]string{
		func(m *SpareMen) *[]string { return &m.Men },
		func(m *SpareMen) *[]string { return &m.Women },
		func(m *SpareMen) *[]string { return &m.Both },
		func(m *SpareMen) *[]string { return &m.Stars },
	} {
		visit(func(create bool) *[]string {
			if m := spare(create); m != nil {
				return list(m)
			}
			return nil
		})
	}
}

// snapshotTables are the people name tables, which SnapshotFile holds first,
// apart from the set, so that they are built while the set decodes.
type snapshotTables struct {
	GivenVI, MiddleVI, GivenWorld *tableWire
}

// sourceHash is a hash of every file of fsys, names and contents, in
// lexical order: what a snapshot was compiled from.
func sourceHash(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\n", name)
		n, err := io.Copy(h, f)
		fmt.Fprintf(h, "\n%d\n", n)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hash rule files: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// CompileSnapshot loads the rule set in fsys and returns it encoded as
// SnapshotFile holds it.
func CompileSnapshot(fsys fs.FS) ([]byte, error) {
	set, err := Load(fsys)
	if err != nil {
		return nil, err
	}
	src, err := sourceHash(fsys)
	if err != nil {
		return nil, err
	}
	p := &set.People
	tables := snapshotTables{wireTable(p.GivenVI), wireTable(p.MiddleVI), wireTable(p.GivenWorld)}
	bare := *set // the tables are encoded apart
	bare.People.GivenVI, bare.People.MiddleVI, bare.People.GivenWorld = nil, nil, nil
	// The phrase lists are written to their section and taken out of the
	// rules that gob encodes (copies: set is not changed).
	bare.Rules = slices.Clone(set.Rules)
	snap := snapshot{Source: src, Set: &bare, KeyFields: make([][]string, len(set.Rules))}
	var section phraseSection
	for i := range bare.Rules {
		r := &bare.Rules[i]
		for _, c := range []**Near{&r.Near, &r.Unless, &r.About, &r.UnlessAlso} {
			if *c != nil {
				n := **c
				*c = &n
			}
		}
		if r.SpareMen != nil {
			sm := *r.SpareMen
			r.SpareMen = &sm
		}
		snap.KeyFields[i] = slices.Sorted(maps.Keys(r.keys))
		section.add(r, snap.KeyFields[i])
		phraseLists(r, func(slot func(bool) *[]string) {
			if l := slot(false); l != nil {
				*l = nil
			}
		})
		r.keys = nil
	}
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode(&tables); err != nil {
		return nil, fmt.Errorf("encode rule snapshot: %w", err)
	}
	if err := enc.Encode(&snap); err != nil {
		return nil, fmt.Errorf("encode rule snapshot: %w", err)
	}
	b.Write(section.bytes())
	return b.Bytes(), nil
}

// phraseSection is the phrase lists of a snapshot's rules as CompileSnapshot
// writes them after its gob, with add: the lengths (uvarints: each list's,
// then each of its phrases' in bytes) apart from the phrases' bytes, so that
// reading the lists touches the lengths only, and a phrase's bytes are read
// from the binary when it is used.
type phraseSection struct{ lens, text []byte }

// add writes the phrase lists of r (see phraseLists) and then the keys of
// the fields in keyFields.
func (ps *phraseSection) add(r *Rule, keyFields []string) {
	write := func(l []string) {
		ps.lens = binary.AppendUvarint(ps.lens, uint64(len(l)))
		for _, p := range l {
			ps.lens = binary.AppendUvarint(ps.lens, uint64(len(p)))
			ps.text = append(ps.text, p...)
		}
	}
	phraseLists(r, func(slot func(bool) *[]string) {
		if l := slot(false); l != nil {
			write(*l)
		} else {
			write(nil)
		}
	})
	for _, f := range keyFields {
		write(r.keys[f])
	}
}

// bytes is the section: the lengths' size, the lengths and the bytes.
func (ps *phraseSection) bytes() []byte {
	b := binary.AppendUvarint(nil, uint64(len(ps.lens)))
	return append(append(b, ps.lens...), ps.text...)
}

// readPhraseSection gives the rules of set back the lists CompileSnapshot
// wrote to the phrase section, section (see phraseSection). The phrases
// are parts of section, not copies: decoding the snapshot's 200,000
// phrases and keys with gob made as many strings, a quarter of start-up.
func readPhraseSection(set *Set, keyFields [][]string, section string) error {
	if len(keyFields) != len(set.Rules) {
		return fmt.Errorf("phrase section: keys for %d rules of %d", len(keyFields), len(set.Rules))
	}
	size, n := uvarint.FromString(section)
	if n <= 0 || size > uint64(len(section)-n) {
		return fmt.Errorf("phrase section: bad size")
	}
	lens, text := section[n:n+int(size)], section[n+int(size):]
	at, used := 0, 0 // in lens, in text
	var err error
	uvarint := func() int {
		v, n := uvarint.FromString(lens[at:])
		if n <= 0 || v > uint64(len(text)) {
			err = fmt.Errorf("phrase section: bad length at byte %d", at)
			return 0
		}
		at += n
		return int(v)
	}
	read := func() []string {
		n := uvarint()
		if n == 0 || err != nil {
			return nil
		}
		if n > len(lens)-at {
			err = fmt.Errorf("phrase section: list of %d at byte %d", n, at)
			return nil
		}
		list := make([]string, n)
		for j := range list {
			size := uvarint()
			if err == nil && size > len(text)-used {
				err = fmt.Errorf("phrase section: phrase of %d bytes past the end", size)
			}
			if err != nil {
				return nil
			}
			list[j] = text[used : used+size]
			used += size
		}
		return list
	}
	for i := range set.Rules {
		r := &set.Rules[i]
		phraseLists(r, func(slot func(bool) *[]string) {
			if l := read(); l != nil {
				*slot(true) = l
			}
		})
		if len(keyFields[i]) > 0 {
			r.keys = make(map[string][]string, len(keyFields[i]))
		}
		for _, f := range keyFields[i] {
			r.keys[f] = read()
		}
		if err != nil {
			return err
		}
	}
	if at != len(lens) || used != len(text) {
		return fmt.Errorf("phrase section: %d bytes of lengths and %d of phrases left over", len(lens)-at, len(text)-used)
	}
	return nil
}

// fromSnapshot decodes data, a CompileSnapshot of the files of fsys, and
// returns its set when it was compiled from them as they are. The files are
// hashed while the snapshot decodes.
func fromSnapshot(fsys fs.FS, data string) (*Set, error) {
	hashed := make(chan string, 1)
	go func() {
		src, err := sourceHash(fsys)
		if err != nil {
			src = ""
		}
		hashed <- src
	}()
	r := strings.NewReader(data) // an io.ByteReader: gob reads no more than its messages
	dec := gob.NewDecoder(r)
	var tables snapshotTables
	if err := dec.Decode(&tables); err != nil {
		<-hashed
		return nil, fmt.Errorf("decode rule snapshot: %w", err)
	}
	// The tables' maps are built on other goroutines while the set decodes.
	var built [3]*NameTable
	var tableErrs [3]error
	var wg sync.WaitGroup
	for i, w := range []*tableWire{tables.GivenVI, tables.MiddleVI, tables.GivenWorld} {
		wg.Go(func() { built[i], tableErrs[i] = w.table() })
	}
	var snap snapshot
	err := dec.Decode(&snap)
	if err == nil && snap.Set == nil {
		err = errors.New("no rule set")
	}
	if err == nil {
		err = readPhraseSection(snap.Set, snap.KeyFields, data[len(data)-r.Len():])
	}
	wg.Wait()
	src := <-hashed
	switch {
	case err != nil:
		return nil, fmt.Errorf("decode rule snapshot: %w", err)
	case errors.Join(tableErrs[:]...) != nil:
		return nil, fmt.Errorf("decode rule snapshot: %w", errors.Join(tableErrs[:]...))
	case src == "" || snap.Source != src:
		return nil, fmt.Errorf("rule snapshot: compiled from other files than these (go test ./rules -update rewrites it)")
	}
	p := &snap.Set.People
	p.GivenVI, p.MiddleVI, p.GivenWorld = built[0], built[1], built[2]
	return snap.Set, nil
}

// tableWire is a NameTable as a snapshot holds it: its names in one
// string, so that decoding allocates that string once and the table's keys
// are parts of it, rather than a string and a reflected map update a name
// (the world table has 60,000).
type tableWire struct {
	Names    string   // the folded names, in order, one after another
	Ends     []uint32 // where each name ends in Names
	Sexes    []uint8  // by name
	Counted  []uint32 // the names with bearer counts, by index
	Bearers  [][2]int // by Counted: male, female
	MinShare float64
}

func wireTable(t *NameTable) *tableWire {
	if t == nil {
		return nil
	}
	names := slices.Sorted(maps.Keys(t.index))
	w := &tableWire{Ends: make([]uint32, len(names)), Sexes: make([]uint8, len(names)), MinShare: t.minShare}
	var b strings.Builder
	for i, name := range names {
		b.WriteString(name)
		w.Ends[i], w.Sexes[i] = uint32(b.Len()), t.index[name]
		if c, ok := t.counts[name]; ok {
			w.Counted, w.Bearers = append(w.Counted, uint32(i)), append(w.Bearers, c)
		}
	}
	w.Names = b.String()
	return w
}

func (w *tableWire) table() (*NameTable, error) {
	if w == nil {
		return nil, nil
	}
	if len(w.Sexes) != len(w.Ends) || len(w.Bearers) != len(w.Counted) {
		return nil, fmt.Errorf("name table: %d names, %d sexes, %d counted, %d counts", len(w.Ends), len(w.Sexes), len(w.Counted), len(w.Bearers))
	}
	t := &NameTable{index: make(map[string]uint8, len(w.Ends)), minShare: w.MinShare}
	names := make([]string, len(w.Ends))
	start := uint32(0)
	for i, end := range w.Ends {
		if end < start || int(end) > len(w.Names) {
			return nil, fmt.Errorf("name table: name %d ends at %d", i, end)
		}
		names[i] = w.Names[start:end]
		t.index[names[i]] = w.Sexes[i]
		start = end
	}
	if w.Counted != nil {
		t.counts = make(map[string][2]int, len(w.Counted))
	}
	for i, at := range w.Counted {
		if int(at) >= len(names) {
			return nil, fmt.Errorf("name table: counted name %d of %d", at, len(names))
		}
		t.counts[names[at]] = w.Bearers[i]
	}
	return t, nil
}

// GobEncode encodes the table as a snapshot does (a snapshot encodes its
// tables apart, but gob needs every type of the set to be encodable).
func (t *NameTable) GobEncode() ([]byte, error) {
	var b bytes.Buffer
	err := gob.NewEncoder(&b).Encode(wireTable(t))
	return b.Bytes(), err
}

// GobDecode decodes a table that GobEncode encoded.
func (t *NameTable) GobDecode(data []byte) error {
	var w tableWire
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err != nil {
		return err
	}
	built, err := w.table()
	if err != nil {
		return err
	}
	*t = *built
	return nil
}

// GobEncode encodes a person example for a snapshot. Gob alone drops a
// pointer to false, which would turn "quoted: false" into "not checked".
func (p PersonExample) GobEncode() ([]byte, error) {
	var b []byte
	for _, s := range []string{p.Name, p.Gender, p.Role} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	switch {
	case p.Quoted == nil:
		b = append(b, 0)
	case *p.Quoted:
		b = append(b, 2)
	default:
		b = append(b, 1)
	}
	return b, nil
}

// GobDecode decodes a person example that GobEncode encoded.
func (p *PersonExample) GobDecode(b []byte) error {
	var fields [3]string
	for i := range fields {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return fmt.Errorf("person example: bad field %d", i)
		}
		fields[i], b = string(b[k:k+int(n)]), b[k+int(n):]
	}
	if len(b) != 1 || b[0] > 2 {
		return fmt.Errorf("person example: bad quoted flag")
	}
	*p = PersonExample{Name: fields[0], Gender: fields[1], Role: fields[2]}
	if b[0] > 0 {
		q := b[0] == 2
		p.Quoted = &q
	}
	return nil
}
