package vntext

import (
	"bytes"
	"strings"
)

// IsVietnameseSyllable reports whether word could be one Vietnamese
// syllable: an initial consonant (or none), one to three vowels and a
// final consonant from the few Vietnamese allows. "Domenech", "Lavrov" and
// "Zara" are not; "Nguyễn", "hoà" and "Tom" are. It tells foreign names
// from Vietnamese words without a dictionary.
func IsVietnameseSyllable(word string) bool {
	// The scorer asks this of most capitalised words: the folded word goes
	// in a buffer on the stack, not a new string.
	var buf [32]byte
	w := appendFoldDiacritics(buf[:0], word)
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

// onsets are the initial consonants, longest first so that "ngh" is tried
// before "ng" and "n".
var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h", "k",
	"l", "m", "n", "p", "q", "r", "s", "t", "v", "x", ""}
