package rules

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
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

// snapshot is what SnapshotFile holds after its tables. The rules' folded
// keys are unexported fields, which gob leaves out; they travel beside the
// set, by rule.
type snapshot struct {
	Source string
	Set    *Set
	Keys   []map[string][]string
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
	snap := snapshot{Source: src, Set: &bare, Keys: make([]map[string][]string, len(set.Rules))}
	for i := range set.Rules {
		snap.Keys[i] = set.Rules[i].keys
	}
	var b bytes.Buffer
	enc := gob.NewEncoder(&b)
	if err := enc.Encode(&tables); err != nil {
		return nil, fmt.Errorf("encode rule snapshot: %w", err)
	}
	if err := enc.Encode(&snap); err != nil {
		return nil, fmt.Errorf("encode rule snapshot: %w", err)
	}
	return b.Bytes(), nil
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
	dec := gob.NewDecoder(strings.NewReader(data))
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
	wg.Wait()
	src := <-hashed
	switch {
	case err != nil:
		return nil, fmt.Errorf("decode rule snapshot: %w", err)
	case errors.Join(tableErrs[:]...) != nil:
		return nil, fmt.Errorf("decode rule snapshot: %w", errors.Join(tableErrs[:]...))
	case snap.Set == nil || len(snap.Keys) != len(snap.Set.Rules):
		return nil, fmt.Errorf("rule snapshot: incomplete")
	case src == "" || snap.Source != src:
		return nil, fmt.Errorf("rule snapshot: compiled from other files than these (go test ./rules -update rewrites it)")
	}
	for i := range snap.Set.Rules {
		snap.Set.Rules[i].keys = snap.Keys[i]
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
