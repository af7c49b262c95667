package rules

import (
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"genderlens/internal/golden"
)

// TestSnapshotCurrent checks that the embedded snapshot holds what the
// embedded files compile to, and with -update rewrites it when it does not.
// The two are compared decoded: gob writes maps in no fixed order, so equal
// sets need not encode to equal bytes.
func TestSnapshotCurrent(t *testing.T) {
	fresh, err := CompileSnapshot(embedded)
	if err != nil {
		t.Fatal(err)
	}
	want, err := fromSnapshot(embedded, string(fresh))
	if err != nil {
		t.Fatalf("a snapshot just compiled does not load: %v", err)
	}
	got, err := fromSnapshot(embedded, snapshotData)
	if err == nil && reflect.DeepEqual(got, want) {
		return
	}
	if golden.Updating() {
		if err := os.WriteFile(SnapshotFile, fresh, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%v: the rules changed since %s was written; go test ./rules -update rewrites it", err, SnapshotFile)
	}
	t.Fatalf("%s differs from what the rule files compile to (the compiler changed?); go test ./rules -update rewrites it", SnapshotFile)
}

// TestSnapshotLoadsAsCompiled: a snapshot decodes to the set Load makes of
// the same files, phrase lists and folded keys included (those travel in
// the snapshot's phrase section, not in its gob). Empty and nil lists are
// the same to the scorer.
func TestSnapshotLoadsAsCompiled(t *testing.T) {
	want, err := Load(embedded)
	if err != nil {
		t.Fatal(err)
	}
	data, err := CompileSnapshot(embedded)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fromSnapshot(embedded, string(data))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmp.AllowUnexported(Rule{}, NameTable{})); diff != "" {
		t.Errorf("snapshot decodes to another set (-Load +snapshot):\n%s", diff)
	}
	// Compiling does not change the set it encodes.
	again, err := CompileSnapshot(embedded)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fromSnapshot(embedded, string(again)); err != nil {
		t.Fatal(err)
	}
}

// TestSnapshotRefusesOtherFiles: a snapshot is used only for the files it
// was compiled from; changed files, or a snapshot that does not decode, are
// compiled instead (Embedded falls back to Load).
func TestSnapshotRefusesOtherFiles(t *testing.T) {
	changed := fstest.MapFS{}
	err := fs.WalkDir(embedded, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(embedded, name)
		changed[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fromSnapshot(changed, snapshotData); err != nil {
		t.Fatalf("the same files in another file system: %v", err)
	}
	changed[ListsFile].Data = append(changed[ListsFile].Data, "\n# one more comment\n"...)
	if _, err := fromSnapshot(changed, snapshotData); err == nil || !strings.Contains(err.Error(), "other files") {
		t.Errorf("a changed file: got error %v, want one about other files", err)
	}
	for _, data := range []string{"", "not gob at all", snapshotData[:len(snapshotData)/2], snapshotData[:len(snapshotData)-1], snapshotData + "x"} {
		if _, err := fromSnapshot(embedded, data); err == nil {
			t.Errorf("snapshot of %d bytes of %d: no error", len(data), len(snapshotData))
		}
	}
}

// BenchmarkEmbedded loads the embedded rule set from its snapshot and from
// its files, in the same run: the snapshot is what `genderlens check` loads
// at start-up. Each load starts from a collected heap, as in a new process.
//
//	go test -run '^$' -bench Embedded -cpu 1,2 ./rules/
func BenchmarkEmbedded(b *testing.B) {
	for _, bc := range []struct {
		name string
		load func() (*Set, error)
	}{
		{"files", func() (*Set, error) { return Load(embedded) }},
		{"snapshot", func() (*Set, error) { return fromSnapshot(embedded, snapshotData) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				b.StartTimer()
				if _, err := bc.load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzPhraseSection: a phrase section that is not what CompileSnapshot
// wrote (cut short, corrupt) is an error, never a panic, and one that reads
// gives every rule back lists made of its bytes.
//
//	go test -run '^$' -fuzz FuzzPhraseSection ./rules/
func FuzzPhraseSection(f *testing.F) {
	rule := func() Rule {
		return Rule{ID: "a", Near: &Near{Within: 3}, keys: map[string][]string{"tokens": nil}}
	}
	var section phraseSection
	r := rule()
	r.Tokens, r.Near.Tokens = []string{"cô ấy", "nàng"}, []string{"đẹp"}
	r.SpareMen = &SpareMen{Men: []string{"vợ"}}
	r.keys["tokens"] = []string{"co ay", "nang"}
	section.add(&r, []string{"tokens"})
	valid := section.bytes()
	f.Add(valid)
	f.Add(valid[:len(valid)-1])
	f.Add(append(slices.Clone(valid), 0))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		set := &Set{Rules: []Rule{rule()}}
		err := readPhraseSection(set, [][]string{{"tokens"}}, string(data))
		if err != nil {
			return
		}
		r := set.Rules[0]
		total := 0
		for _, l := range [][]string{r.Tokens, r.Exceptions, r.Near.Tokens, r.Keys("tokens")} {
			for _, p := range l {
				total += len(p)
			}
		}
		if total > len(data) {
			t.Fatalf("%d bytes of phrases from a section of %d", total, len(data))
		}
	})
}

func TestPhraseSectionRoundTrip(t *testing.T) {
	want := Rule{ID: "a", Tokens: []string{"cô ấy", "nàng"}, Unless: &Near{Tokens: []string{"phim"}},
		SpareMen: &SpareMen{Stars: []string{"nam ca sĩ"}}, keys: map[string][]string{"tokens": {"co ay", "nang"}, "unless.tokens": {""}}}
	var section phraseSection
	section.add(&want, []string{"tokens", "unless.tokens"})
	data := section.bytes()
	got := []Rule{{ID: "a"}}
	if err := readPhraseSection(&Set{Rules: got}, [][]string{{"tokens", "unless.tokens"}}, string(data)); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got[0], cmp.AllowUnexported(Rule{})); diff != "" {
		t.Errorf("(-written +read):\n%s", diff)
	}
}
