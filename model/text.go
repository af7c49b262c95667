package model

import (
	"slices"
	"strings"
)

// ScoredText is the text the scorer reads for an article, and so the text a stored result's offsets refer to: title,
// lead, body and the image captions as blocks separated by a blank line, empty parts left out. Captions come last,
// one a line, so that adding them leaves the offsets into the rest unchanged; a caption that repeats an earlier
// one is read once.
func ScoredText(title, lead, body string, captions []string) string {
	parts := make([]string, 0, 4)
	for _, s := range []string{title, lead, body} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	var caps []string
	for _, c := range captions {
		// A caption is one line: its own line breaks would end sentences inside it.
		c = strings.Join(strings.Fields(c), " ")
		if c != "" && !slices.Contains(caps, c) {
			caps = append(caps, c)
		}
	}
	if len(caps) > 0 {
		parts = append(parts, strings.Join(caps, "\n"))
	}
	return strings.Join(parts, "\n\n")
}
