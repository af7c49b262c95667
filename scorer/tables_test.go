package scorer

import (
	"fmt"
	"strings"
	"testing"

	"genderlens/vntext"
)

// TestTables checks the matcher's hash tables against Go maps, across
// growth, for words of every length around the 16 bytes kept in a slot.
func TestTables(t *testing.T) {
	var v vocabTable
	var e edgeTable
	words := map[string]int32{}
	edges := map[uint64]int32{}
	for i := range 5000 {
		w := fmt.Sprintf("%x", i*7919)
		w = strings.Repeat(w, 20)[:1+i%20] // 1 to 20 bytes
		if _, ok := words[w]; !ok {
			words[w] = int32(len(words))
		}
		if got := v.add(w, int32(len(words)-1)); got != words[w] {
			t.Fatalf("add(%q) = %d, want %d", w, got, words[w])
		}
		k := edgeKey(int32(i%97), int32(i))
		edges[k] = int32(i)
		e.put(k, int32(i))
	}
	for w, id := range words {
		if got := v.get(w); got != id {
			t.Errorf("get(%q) = %d, want %d", w, got, id)
		}
		if got := v.get(w + "!"); got != -1 {
			t.Errorf("get(%q) = %d, want -1", w+"!", got)
		}
	}
	for _, w := range []string{"", "zz", "đàn ông", strings.Repeat("q", 17)} {
		if got := v.get(w); got != -1 {
			t.Errorf("get(%q) = %d, want -1", w, got)
		}
	}
	for k, n := range edges {
		if got, ok := e.get(k); !ok || got != n {
			t.Errorf("edge %x = %d %v, want %d", k, got, ok, n)
		}
	}
	if _, ok := e.get(edgeKey(98, 1)); ok {
		t.Error("found an edge never put")
	}
}

// TestPack checks that words of one length that differ in any byte pack
// differently: a slot compares the packed words and their length.
func TestPack(t *testing.T) {
	for n := 1; n <= 16; n++ {
		w := []byte(strings.Repeat("a", n))
		lo, hi := pack(string(w))
		for i := range w {
			w[i] = 'b'
			if lo2, hi2 := pack(string(w)); lo2 == lo && hi2 == hi {
				t.Errorf("pack(%q) = pack(%q)", w, strings.Repeat("a", n))
			}
			w[i] = 'a'
		}
	}
}

func TestSpaced(t *testing.T) {
	for _, key := range []string{"a", "bà mẹ", "a  b", "a, b", "a ", " a b", "x-y z", "a b c"} {
		toks := vntext.Tokens(key)
		var words []string
		for _, tk := range toks {
			words = append(words, key[tk.Start:tk.End])
		}
		var buf []vntext.Token
		if got, want := vntext.Spaced(key, &buf), strings.Join(words, " "); got != want {
			t.Errorf("Spaced(%q) = %q, want %q", key, got, want)
		}
	}
}
