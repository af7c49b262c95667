package crawler

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// SourceMap says where a page's extracted text lies in the page's HTML, so that a place in the text (a finding of
// `genderlens check` on an .html draft) can be shown at its place in the file. The extraction reads a parsed tree,
// which keeps no source offsets, and rewrites the text (entities decoded, white space collapsed, NFC); so the map
// searches each line of the extracted text (a paragraph, the title, a caption) in the page's text as the tokenizer
// sees it, white space collapsed as cleanText does, in canonical decomposition on both sides so that a page saved
// decomposed still matches. Lines are searched in order from inside <body>, then anywhere: a line found nowhere (a
// lead taken from a meta description, a title from JSON-LD that the page's headline words differently) has no place
// in the page.
type SourceMap struct {
	lineStarts []int // the byte offset in the text of each of its lines
	found      []int // per line, the byte offset in stream where it was found, or -1
	text       string
	// stream is the page's text in NFD with every run of white space one space; from[i] is the byte offset in the
	// page of the character stream[i] comes from.
	stream string
	from   []int32
}

// maxSourceMapPage bounds the pages mapped; the map holds four bytes per byte of text.
const maxSourceMapPage = 16 << 20

// NewSourceMap maps text, extracted from page, back to page.
func NewSourceMap(page, text string) *SourceMap {
	m := &SourceMap{text: text, lineStarts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			m.lineStarts = append(m.lineStarts, i+1)
		}
	}
	m.found = make([]int, len(m.lineStarts))
	for i := range m.found {
		m.found[i] = -1
	}
	if len(page) > maxSourceMapPage {
		return m
	}
	bodyFrom := m.readPage(page)
	cursor := bodyFrom
	for i, start := range m.lineStarts {
		line := text[start:m.lineEnd(i)]
		if strings.TrimSpace(line) == "" {
			continue
		}
		want := norm.NFD.String(line)
		at := -1
		for _, from := range []int{cursor, bodyFrom, 0} {
			if k := strings.Index(m.stream[from:], want); k >= 0 {
				at = from + k
				break
			}
		}
		if at >= 0 {
			m.found[i] = at
			cursor = at + len(want)
		}
	}
	return m
}

// PageOffset returns the byte offset in the page of byte offset off of the text; ok is false when off is in a line
// that was not found in the page.
func (m *SourceMap) PageOffset(off int) (int, bool) {
	off = min(max(off, 0), len(m.text))
	i := sort.SearchInts(m.lineStarts, off+1) - 1 // the last line start <= off
	at := m.found[i]
	if at < 0 {
		return 0, false
	}
	k := at + len(norm.NFD.String(m.text[m.lineStarts[i]:off]))
	if k >= len(m.from) {
		return 0, false
	}
	return int(m.from[k]), true
}

func (m *SourceMap) lineEnd(i int) int {
	if i+1 < len(m.lineStarts) {
		return m.lineStarts[i+1] - 1
	}
	return len(m.text)
}

// readPage builds the stream from the page's text tokens, scripts, styles and noscript left out as the extraction
// leaves them out, and returns where in it the
// body's text starts (0 when the page has no body or head tag).
func (m *SourceMap) readPage(page string) (bodyFrom int) {
	var b strings.Builder
	from := make([]int32, 0, len(page)/2)
	space := true // no space at the start, as cleanText
	emit := func(r rune, at int) {
		if unicode.IsSpace(r) || r == '\u200b' {
			if !space {
				b.WriteByte(' ')
				from = append(from, int32(at))
				space = true
			}
			return
		}
		space = false
		d := norm.NFD.String(string(r))
		b.WriteString(d)
		for range len(d) {
			from = append(from, int32(at))
		}
	}
	z := html.NewTokenizer(strings.NewReader(page))
	pos, skip := 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); {
			case a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Template:
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case a == atom.Body && tt == html.StartTagToken, a == atom.Head && tt == html.EndTagToken:
				bodyFrom = b.Len()
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			for i := 0; i < len(raw); {
				if raw[i] == '&' {
					if s, n := entity(raw[i:]); n > 0 {
						for _, r := range s {
							emit(r, start+i)
						}
						i += n
						continue
					}
				}
				r, size := utf8.DecodeRune(raw[i:])
				emit(r, start+i)
				i += size
			}
		}
	}
	m.stream, m.from = b.String(), from
	return bodyFrom
}

// entity decodes a character reference ending in a semicolon at the start of raw: the text it stands for and its
// length, or 0 when raw does not start with one (an ampersand standing for itself).
func entity(raw []byte) (string, int) {
	end := -1
	for i := 1; i < len(raw) && i <= 32; i++ {
		c := raw[i]
		if c == ';' {
			end = i
			break
		}
		if !(c == '#' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
	}
	if end < 0 {
		return "", 0
	}
	ref := string(raw[:end+1])
	if s := html.UnescapeString(ref); s != ref {
		return s, end + 1
	}
	return "", 0
}
