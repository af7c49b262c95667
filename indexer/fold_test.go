package indexer

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// referenceFold is the plain definition foldTerm must keep to: NFD, drop combining marks, đ to d. Indexes
// written before the table existed hold terms folded this way.
func referenceFold(term []byte) []byte {
	var out []byte
	for _, r := range norm.NFD.String(string(term)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case r == 'Đ':
			r = 'D'
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

func TestFoldTerm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"phụ", "phu"}, {"nữ", "nu"}, {"đẳng", "dang"}, {"ĐÀ", "DA"}, {"hoà", "hoa"}, {"hòa", "hoa"},
		{norm.NFD.String("khoẻ"), "khoe"}, {"abc", "abc"}, {"x\u0301", "x"}, {"ø", "ø"}, {"ﬁ", "ﬁ"}, {"日本", "日本"},
		{"\xff", "\xef\xbf\xbd"},
	} {
		if got := string(foldTerm([]byte(tc.in))); got != tc.want {
			t.Errorf("foldTerm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzFoldTerm(f *testing.F) {
	for _, s := range []string{"phụ nữ", "Đà Nẵng", norm.NFD.String("thuý"), "ǅ", "ẞ", "\xff\xfe", "ḯ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := foldTerm([]byte(s)), referenceFold([]byte(s)); string(got) != string(want) {
			t.Fatalf("foldTerm(%q) = %q, reference %q", s, got, want)
		}
	})
}

func BenchmarkFoldTerm(b *testing.B) {
	words := [][]byte{[]byte("phụ"), []byte("nữ"), []byte("bình"), []byte("đẳng"), []byte("giới"), []byte("the")}
	for b.Loop() {
		for _, w := range words {
			foldTerm(w)
		}
	}
}
