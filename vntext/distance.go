package vntext

// EditDistance is the Levenshtein distance of two short strings, counted in
// runes: a misspelt name, a mistyped configuration key. Up to 32 runes the
// rows live on the stack, so the scorer can call it per name pair.
func EditDistance(a, b string) int {
	return editDistance(a, b, -1)
}

// EditDistanceAtMost reports whether EditDistance(a, b) <= k. It stops as
// soon as a whole row of the table exceeds k (a row's least entry never
// falls in the next), which two unrelated names do after a few letters.
func EditDistanceAtMost(a, b string, k int) bool {
	return editDistance(a, b, k) <= k
}

// editDistance is EditDistance, or k+1 once it is sure to exceed k >= 0.
func editDistance(a, b string, k int) int {
	var bufA, bufB [32]rune
	var bufP, bufC [33]int
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	prev, cur := bufP[:0], bufC[:0]
	if len(rb)+1 > len(bufP) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		least := i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			least = min(least, cur[j])
		}
		if k >= 0 && least > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}
