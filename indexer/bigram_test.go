package indexer

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

func TestBigramFilter(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(bigramAnalyzer)
	tests := []struct{ in, want string }{
		{"", ""},
		{"Giới", ""},
		{"Bình đẳng giới", "binh dang@1[0:13] dang gioi@2[6:20]"},
		// Positions follow the words, not the punctuation between them.
		{"bạo lực, gia đình", "bao luc@1[0:11] luc gia@2[6:16] gia dinh@3[13:23]"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range a.Analyze([]byte(tt.in)) {
			got = append(got, fmt.Sprintf("%s@%d[%d:%d]", tok.Term, tok.Position, tok.Start, tok.End))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("bigrams of %q = %q, want %q", tt.in, g, tt.want)
		}
	}
	if got := bigramTerms([]string{"bao", "luc", "gia", "dinh"}); strings.Join(got, "|") != "bao luc|luc gia|gia dinh" {
		t.Errorf("bigramTerms = %q", got)
	}
	// The filter must not write into its input's terms.
	in := analysis.TokenStream{{Term: []byte("a"), Position: 1}, {Term: []byte("b"), Position: 2}}
	bigramFilter{}.Filter(in)
	if string(in[0].Term) != "a" || string(in[1].Term) != "b" {
		t.Errorf("input changed: %q %q", in[0].Term, in[1].Term)
	}
}

func TestSnippetsOfLongText(t *testing.T) {
	sm, err := newSnippetMaker()
	if err != nil {
		t.Fatal(err)
	}
	filler := strings.Repeat("Người dân trong khu phố họp bàn về việc giữ vệ sinh chung. ", 200) // ~12 KB
	tests := []struct {
		name, query, text, want string
	}{
		{"match deep in the text", "bình đẳng", filler + "Bàn về bình đẳng giới. " + filler, "<mark>bình</mark> <mark>đẳng</mark>"},
		{"phrase across a window edge", `"bình đẳng giới"`, strings.ToValidUTF8(filler[:snippetWindow-6], "") + " bình đẳng giới " + filler, "<mark>bình</mark> <mark>đẳng</mark> <mark>giới</mark>"},
		{"no match", "bình đẳng", filler, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sm.snippets("x", sm.analyse(tt.query), map[string]string{fieldBody: tt.text})[fieldBody]
			if tt.want == "" {
				if got != nil {
					t.Errorf("snippet %q, want none", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0], tt.want) || !strings.HasPrefix(got[0], "…") || !strings.HasSuffix(got[0], "…") {
				t.Errorf("snippet %q, want one fragment with %q between ellipses", got, tt.want)
			}
		})
	}
}

func FuzzSnippetWindows(f *testing.F) {
	f.Add(strings.Repeat("phụ nữ ", 2000), 3)
	f.Add(strings.Repeat("ữ", 5000), 0)
	f.Fuzz(func(t *testing.T, text string, from int) {
		if from < 0 || from > len(text) || !utf8.ValidString(text) {
			return // stored text is valid UTF-8
		}
		start := windowStart(text, from)
		if start < from || start > len(text) || (start < len(text) && !utf8.RuneStart(text[start])) {
			t.Fatalf("windowStart(%d) = %d", from, start)
		}
		if start == len(text) {
			return
		}
		end := windowEnd(text, start)
		if end <= start || end > len(text) || (end < len(text) && !utf8.RuneStart(text[end])) {
			t.Fatalf("windowEnd(%d) = %d of %d", start, end, len(text))
		}
		if end < len(text) && end-snippetOverlap <= start {
			t.Fatalf("window [%d,%d) too short to move on", start, end)
		}
	})
}

func TestTrimCutWords(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"…i Liên hiệp <mark>Phụ</mark> <mark>nữ</mark> phường. Phát b…", "…Liên hiệp <mark>Phụ</mark> <mark>nữ</mark> phường. Phát…"},
		{"Tiêu đề <mark>phụ</mark> nữ", "Tiêu đề <mark>phụ</mark> nữ"},
		{"…<mark>nữ</mark> ở đây…", "…<mark>nữ</mark> ở…"},
		{"…ở đây <mark>nữ</mark>…", "…đây <mark>nữ</mark>…"},
		{"…ng&amp; b <mark>x</mark> c&lt;…", "…ng&amp; b <mark>x</mark> c&lt;…"},
		{"…abc…", "…abc…"},
		{"…a\nb <mark>x</mark>", "…b <mark>x</mark>"},
	} {
		if got := trimCutWords(tt.in); got != tt.want {
			t.Errorf("trimCutWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
