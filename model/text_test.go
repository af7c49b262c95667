package model

import (
	"reflect"
	"testing"
)

func TestScoredText(t *testing.T) {
	tests := []struct {
		title, lead, body string
		captions          []string
		want              string
	}{
		{"T", "L", "B", nil, "T\n\nL\n\nB"},
		{"T", "", "B", nil, "T\n\nB"},
		{" T ", "  ", "", nil, "T"},
		// Captions come last, one a line, repeats and blanks dropped, inner line breaks joined.
		{"T", "", "B", []string{"Ảnh 1", " ", "Người đẹp\ntạo dáng", "Ảnh 1"}, "T\n\nB\n\nẢnh 1\nNgười đẹp tạo dáng"},
		{"", "", "", []string{"C"}, "C"},
	}
	for _, tt := range tests {
		if got := ScoredText(tt.title, tt.lead, tt.body, tt.captions); got != tt.want {
			t.Errorf("ScoredText(%q, %q, %q, %q) = %q, want %q", tt.title, tt.lead, tt.body, tt.captions, got, tt.want)
		}
	}
}

func TestScoredTextParts(t *testing.T) {
	tests := []struct {
		title, lead, body string
		captions          []string
		want              []TextPart
	}{
		{"T", "L", "B", nil, []TextPart{{PartTitle, 0, 1, 0}, {PartLead, 3, 4, 0}, {PartBody, 6, 7, 0}}},
		// From counts the white space trimmed before a part, in bytes (a no-break space is two).
		{" Tít ", "", "\n\u00a0Bài\n", []string{"C"}, []TextPart{{PartTitle, 0, 4, 1}, {PartBody, 6, 10, 3}, {PartCaptions, 12, 13, 0}}},
		{"", "", "", nil, []TextPart{}},
	}
	for _, tt := range tests {
		text, parts := ScoredTextParts(tt.title, tt.lead, tt.body, tt.captions)
		if text != ScoredText(tt.title, tt.lead, tt.body, tt.captions) {
			t.Errorf("ScoredTextParts(%q, %q, %q, %q) text %q differs from ScoredText", tt.title, tt.lead, tt.body, tt.captions, text)
		}
		if !reflect.DeepEqual(parts, tt.want) {
			t.Errorf("ScoredTextParts(%q, %q, %q, %q) parts = %v, want %v", tt.title, tt.lead, tt.body, tt.captions, parts, tt.want)
		}
		given := map[string]string{PartTitle: tt.title, PartLead: tt.lead, PartBody: tt.body}
		for _, p := range parts {
			if s, ok := given[p.Name]; ok && text[p.Start:p.End] != s[p.From:p.From+p.End-p.Start] {
				t.Errorf("part %s: scored %q, given %q", p.Name, text[p.Start:p.End], s[p.From:p.From+p.End-p.Start])
			}
		}
	}
}

func TestDraftText(t *testing.T) {
	tests := []struct {
		title, text string
		want        string
		parts       []TextPart
	}{
		// Without a title the text is scored as given, so offsets are the text's.
		{"", "  Bài\n", "  Bài\n", []TextPart{{PartBody, 0, 7, 0}}},
		{" \n", "Bài", "Bài", []TextPart{{PartBody, 0, 4, 0}}},
		// With one, as a published article: the title on line 1, the text from line 3.
		{"Tít", "\nBài\n", "Tít\n\nBài", []TextPart{{PartTitle, 0, 4, 0}, {PartBody, 6, 10, 1}}},
	}
	for _, tt := range tests {
		got, parts := DraftText(tt.title, tt.text)
		if got != tt.want || !reflect.DeepEqual(parts, tt.parts) {
			t.Errorf("DraftText(%q, %q) = %q, %v; want %q, %v", tt.title, tt.text, got, parts, tt.want, tt.parts)
		}
	}
	_, parts := DraftText("Tít", "Bài")
	for _, c := range []struct {
		off  int
		want string
		ok   bool
	}{{0, PartTitle, true}, {4, PartTitle, true}, {5, "", false}, {6, PartBody, true}, {10, PartBody, true}, {11, "", false}} {
		p, ok := PartAt(parts, c.off)
		if ok != c.ok || p.Name != c.want {
			t.Errorf("PartAt(%d) = %q, %v; want %q, %v", c.off, p.Name, ok, c.want, c.ok)
		}
	}
}
