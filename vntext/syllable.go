package vntext

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
	if len(w) == 0 {
		return false
	}
	for _, c := range w {
		if c == 'f' || c == 'j' || c == 'w' || c == 'z' {
			return false
		}
	}
	// The onsets, longest first: at most one of each length begins w.
	for l := min(3, len(w)); l >= 0; l-- {
		if isOnset(w[:l]) && syllableRest(w[l:], l == 2 && w[0] == 'g' && w[1] == 'i') {
			return true
		}
	}
	return false
}

// isOnset reports whether p is one of onsets.
func isOnset(p []byte) bool {
	switch len(p) {
	case 0:
		return true
	case 1:
		switch p[0] {
		case 'b', 'c', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x':
			return true
		}
		return false
	case 2:
		switch string(p) {
		case "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr":
			return true
		}
		return false
	}
	return string(p) == "ngh"
}

// syllableRest reports whether rest, what follows an onset, is one to
// three vowels (none after "gi") and a final consonant or none.
func syllableRest(rest []byte, gi bool) bool {
	n := 0
	for n < len(rest) && isVowelByte(rest[n]) {
		n++
	}
	if n == 0 && !gi || n > 3 {
		return false
	}
	switch string(rest[n:]) {
	case "", "c", "ch", "m", "n", "ng", "nh", "p", "t":
		return true
	}
	return false
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
