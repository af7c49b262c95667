package model

import (
	"slices"
	"strings"
	"unicode"
)

// Names of the parts of a scored text.
const (
	PartTitle    = "title"
	PartLead     = "lead"
	PartBody     = "body"
	PartCaptions = "captions"
)

// TextPart is where one part of a scored text lies: Start and End are byte offsets into the scored text, From is the
// byte offset into the part as given of its first scored byte (the white space trimmed before it), so that an offset
// off in [Start, End] is off-Start+From in the part as given. The captions are rejoined one a line, so From is 0 and
// offsets past their first line do not map back.
type TextPart struct {
	Name       string
	Start, End int
	From       int
}

// ScoredText is the text the scorer reads for an article, and so the text a stored result's offsets refer to: title,
// lead, body and the image captions as blocks separated by a blank line, empty parts left out. Captions come last,
// one a line, so that adding them leaves the offsets into the rest unchanged; a caption that repeats an earlier
// one is read once.
func ScoredText(title, lead, body string, captions []string) string {
	text, _ := ScoredTextParts(title, lead, body, captions)
	return text
}

// ScoredTextParts is ScoredText with where each part that is not empty lies in it, in text order.
func ScoredTextParts(title, lead, body string, captions []string) (string, []TextPart) {
	var b strings.Builder
	parts := make([]TextPart, 0, 4)
	add := func(name, s string, from int) {
		if len(parts) > 0 {
			b.WriteString("\n\n")
		}
		parts = append(parts, TextPart{Name: name, Start: b.Len(), End: b.Len() + len(s), From: from})
		b.WriteString(s)
	}
	for _, p := range [...]struct{ name, s string }{{PartTitle, title}, {PartLead, lead}, {PartBody, body}} {
		if t := strings.TrimSpace(p.s); t != "" {
			add(p.name, t, len(p.s)-len(strings.TrimLeftFunc(p.s, unicode.IsSpace)))
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
		add(PartCaptions, strings.Join(caps, "\n"), 0)
	}
	return b.String(), parts
}

// DraftText is the text scored for an editor's draft, a title and a text: with a title, ScoredText of the two (line 1
// is the title, the text starts on line 3), so that the draft scores as it will once published; without one, the text
// as given, so that offsets into the result are offsets into the text. The parts say where the title and the text lie.
func DraftText(title, text string) (string, []TextPart) {
	if strings.TrimSpace(title) == "" {
		return text, []TextPart{{Name: PartBody, Start: 0, End: len(text)}}
	}
	return ScoredTextParts(title, "", text, nil)
}

// PartAt returns the part that holds the byte offset off of a scored text (a part's end belongs to it, so that an
// empty match at the end of the title is in the title); ok is false for an offset in the blank lines between parts
// or outside the text.
func PartAt(parts []TextPart, off int) (TextPart, bool) {
	for _, p := range parts {
		if off >= p.Start && off <= p.End {
			return p, true
		}
	}
	return TextPart{}, false
}
