package indexer

import (
	"html"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// bleve's html highlighter (simple fragmenter, simple fragment scorer, html formatter) chose a snippet's fragment
// by walking 200 characters forth and back from every match, a fifth of a search's cost. bestFragment makes the
// same choice, byte for byte, from an index of the text's characters; TestSnippetRegionsSameAsWholeText compares
// the two.

// fragmentRunes is the length of a fragment in characters: bleve's simple fragmenter's default.
const fragmentRunes = 200

// bestFragment returns what bleve's html highlighter returns for text and the matches: the first fragment around a
// match holding the most distinct terms, the matches in it marked and the rest escaped, with an ellipsis where text
// goes on. It reports false for a text with invalid UTF-8 or U+FFFD, where bleve's fragmenter skips fragments.
func bestFragment(ft *foldedText, ms []match) (string, bool) {
	if !ft.clean {
		return "", false
	}
	text, byteOf := ft.text, ft.starts
	n := len(byteOf) - 1
	slices.SortStableFunc(ms, func(a, b match) int { return a.start - b.start })

	// Terms are numbered so that a fragment's score (how many distinct terms it holds whole) is a count of flags.
	var terms []string
	termOf := make([]int, len(ms))
	for i, m := range ms {
		t := slices.Index(terms, m.term)
		if t < 0 {
			t = len(terms)
			terms = append(terms, m.term)
		}
		termOf[i] = t
	}
	seen := make([]bool, len(terms))

	bestStart, bestEnd, bestScore := 0, 0, -1
	maxbegin := 0
	for i, m := range ms {
		// A fragment starts at the match and runs fragmentRunes characters on...
		startR := ft.runeAt(m.start)
		endR := min(startR+fragmentRunes, n)
		used := endR - startR
		// ...or back, if the text ends first, but not into the previous match.
		mb := ft.runeAt(maxbegin)
		if startR > mb {
			startR = max(startR-(fragmentRunes-used), mb)
		}
		start, end := int(byteOf[startR]), int(byteOf[endR])
		// Then it moves back by half the smaller room (after its last whole match, before its start) to centre.
		minend := end
		for _, in := range ms[i:] {
			if in.end > end {
				break
			}
			minend = in.end
		}
		room := endR - ft.runeAt(minend)
		if start >= maxbegin {
			room = min(room, startR-mb)
		} else {
			room = 0
		}
		if offset := room / 2; offset > 0 {
			start, end = int(byteOf[startR-offset]), int(byteOf[endR-offset])
		}
		maxbegin = m.end

		clear(seen)
		score := 0
		for j, in := range ms {
			if in.start >= start && in.end <= end && !seen[termOf[j]] {
				seen[termOf[j]] = true
				score++
			}
		}
		if score > bestScore {
			bestStart, bestEnd, bestScore = start, end, score
		}
	}

	var b strings.Builder
	if bestStart != 0 {
		b.WriteString(simple.DefaultSeparator)
	}
	curr := bestStart
	for _, m := range ms {
		if m.start < curr {
			continue
		}
		if m.end > bestEnd {
			break
		}
		b.WriteString(html.EscapeString(text[curr:m.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[m.start:m.end]))
		b.WriteString("</mark>")
		curr = m.end
	}
	b.WriteString(html.EscapeString(text[curr:bestEnd]))
	if bestEnd != len(text) {
		b.WriteString(simple.DefaultSeparator)
	}
	return b.String(), true
}
