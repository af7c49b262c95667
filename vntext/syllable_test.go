package vntext

import (
	"bytes"
	"strings"
	"testing"
)

// onsets are the initial consonants, longest first so that "ngh" is tried
// before "ng" and "n".
var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k",
	"l", "m", "n", "p", "q", "r", "s", "t", "v", "x", ""}

// syllableByList is IsVietnameseSyllable written plainly, trying every
// onset in turn: the definition the fast version must keep.
func syllableByList(word string) bool {
	w := appendFoldDiacritics(nil, word)
	if len(w) == 0 || bytes.ContainsAny(w, "fjwz") {
		return false
	}
	for _, on := range onsets {
		if !bytes.HasPrefix(w, []byte(on)) {
			continue
		}
		rest := w[len(on):]
		n := 0
		for n < len(rest) && strings.IndexByte("aeiouy", rest[n]) >= 0 {
			n++
		}
		if n == 0 && on != "gi" || n > 3 {
			continue
		}
		switch string(rest[n:]) {
		case "", "c", "ch", "m", "n", "ng", "nh", "p", "t":
			return true
		}
	}
	return false
}

func TestIsVietnameseSyllableMatchesList(t *testing.T) {
	letters := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
		"u", "v", "x", "y", "z", "j", "w", "đ", "ư", "ơ", "ờ", "Ngh", "G", "Q", "1", "ж", ""}
	var words []string
	words = append(words, letters...)
	for _, a := range letters {
		for _, b := range letters {
			words = append(words, a+b)
			for _, c := range letters {
				words = append(words, a+b+c)
			}
		}
	}
	words = append(words, "Nguyễn", "nghiêng", "gìn", "gi", "Domenech", "Lavrov", "Zara", "hoà", "Tom", "khuỷu",
		"quốc", "giường", "ngoằng", "Oanh", "uyên", "strong", "")
	for _, w := range words {
		if got, want := IsVietnameseSyllable(w), syllableByList(w); got != want {
			t.Errorf("IsVietnameseSyllable(%q) = %v, want %v", w, got, want)
		}
	}
}
