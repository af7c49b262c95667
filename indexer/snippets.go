package indexer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	"golang.org/x/text/unicode/norm"
)

// snippetMaker highlights the query's words in a page of hits from their stored text. Asking bleve to highlight
// means running the query again per text field to get term locations, which walks the whole posting lists of
// common words: at 100,000 articles that cost more than ranking. Analysing the twenty stored texts with the
// index's own analyzer finds the same words for a fraction of it.
type snippetMaker struct {
	analyzer    analysis.Analyzer
	highlighter highlight.Highlighter
	// fullAnalysis analyses every window whole instead of only the words around the query's terms: the reference
	// the regions are tested and benchmarked against.
	fullAnalysis bool
}

func newSnippetMaker() (*snippetMaker, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	a := m.AnalyzerNamed(foldedAnalyzer)
	if a == nil {
		return nil, fmt.Errorf("snippets: analyzer %s missing", foldedAnalyzer)
	}
	hl, err := registry.NewCache().HighlighterNamed(html.Name)
	if err != nil {
		return nil, fmt.Errorf("snippets: %w", err)
	}
	return &snippetMaker{analyzer: a, highlighter: hl}, nil
}

// analysedQuery is a query split into words and phrases, each with its terms as the index's analyzer makes them.
type analysedQuery []analysedPart

type analysedPart struct {
	queryPart
	terms []string
}

func (sm *snippetMaker) analyse(q string) analysedQuery {
	var aq analysedQuery
	for _, part := range splitQuery(norm.NFC.String(q)) {
		ap := analysedPart{queryPart: part}
		for _, tok := range sm.analyzer.Analyze([]byte(part.text)) {
			ap.terms = append(ap.terms, string(tok.Term))
		}
		aq = append(aq, ap)
	}
	return aq
}

// marks is what a snippet marks: single words wherever they occur, and phrases only where their words follow one
// another.
type marks struct {
	words   map[string]bool
	phrases [][]string
	// needles are the distinct terms of words and phrases as they appear in folded text (see foldedText): a text
	// where none occurs has no match, and only the words around an occurrence need analysing.
	needles []string
}

func (aq analysedQuery) marks() marks {
	m := marks{words: map[string]bool{}}
	seen := map[string]bool{}
	addNeedle := func(t string) {
		// The lower-case filter writes a final sigma as ς; folded text has σ for both.
		t = strings.ReplaceAll(t, "ς", "σ")
		if !seen[t] {
			seen[t] = true
			m.needles = append(m.needles, t)
		}
	}
	for _, p := range aq {
		if p.phrase && len(p.terms) > 1 {
			m.phrases = append(m.phrases, p.terms)
			for _, t := range p.terms {
				addNeedle(t)
			}
			continue
		}
		// A "word" the analyzer splits (TP.HCM) must match as a whole in bleve too, but marking each piece
		// where it occurs is close enough for a snippet.
		for _, t := range p.terms {
			m.words[t] = true
			addNeedle(t)
		}
	}
	return m
}

// snippetWindow is how much of a long text is analysed at a time: the snippet comes from the first window with a
// match, so a long article costs one window, not its whole body. Windows overlap so that a phrase is not cut.
const (
	snippetWindow  = 4 << 10
	snippetOverlap = 256
)

// snippets returns, per field with a match, a fragment with the matches in <mark> and the rest escaped.
func (sm *snippetMaker) snippets(id string, aq analysedQuery, fields map[string]string) map[string][]string {
	qt := aq.marks()
	if len(qt.words) == 0 && len(qt.phrases) == 0 {
		return nil
	}
	var out map[string][]string
	for field, text := range fields {
		for start := 0; start < len(text); {
			end := windowEnd(text, start)
			if frag := sm.fragment(id, field, text[start:end], qt); frag != "" {
				if start > 0 && !strings.HasPrefix(frag, simple.DefaultSeparator) {
					frag = simple.DefaultSeparator + frag
				}
				if end < len(text) && !strings.HasSuffix(frag, simple.DefaultSeparator) {
					frag += simple.DefaultSeparator
				}
				if out == nil {
					out = map[string][]string{}
				}
				out[field] = []string{frag}
				break
			}
			if end == len(text) {
				break
			}
			start = windowStart(text, end-snippetOverlap)
		}
	}
	return out
}

// windowEnd is where the window starting at start ends: snippetWindow bytes on, moved forward to a space.
func windowEnd(text string, start int) int {
	end := start + snippetWindow
	if end >= len(text) {
		return len(text)
	}
	if i := strings.IndexAny(text[end:], " \n"); i >= 0 && i < snippetOverlap {
		return end + i
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return end
}

// windowStart moves i forward to the start of a word, so a window never begins inside a character or a word.
func windowStart(text string, i int) int {
	if j := strings.IndexAny(text[i:], " \n"); j >= 0 && j < snippetOverlap {
		return i + j + 1
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	return i
}

// fragment marks the query's matches in text and returns its best fragment, or "" without a match.
func (sm *snippetMaker) fragment(id, field, text string, qt marks) string {
	var ms []match
	if sm.fullAnalysis {
		ms = appendMatches(ms, sm.analyzer.Analyze([]byte(text)), 0, qt)
	} else {
		ft := foldedTextPool.Get().(*foldedText)
		defer foldedTextPool.Put(ft)
		ft.fold(text)
		for _, r := range matchRegions(sm.analyzer, ft, qt.needles) {
			ms = appendMatches(ms, sm.analyzer.Analyze([]byte(text[r.start:r.end])), r.start, qt)
		}
		if len(ms) > 0 {
			if frag, ok := bestFragment(ft, ms); ok {
				return trimCutWords(frag)
			}
		}
	}
	if len(ms) == 0 {
		return ""
	}
	locs := search.TermLocationMap{}
	for _, m := range ms {
		locs[m.term] = append(locs[m.term], &search.Location{Start: uint64(m.start), End: uint64(m.end)})
	}
	dm := &search.DocumentMatch{ID: id, Locations: search.FieldTermLocationMap{field: locs}}
	doc := document.NewDocument(id)
	doc.AddField(document.NewTextField(field, nil, []byte(text)))
	return trimCutWords(sm.highlighter.BestFragmentInField(dm, doc, field))
}

// trimCutWords drops the pieces of words the fragmenter cut at either end of a fragment ("…i Liên hiệp" becomes
// "…Liên hiệp"). Only plain text is trimmed: a piece holding a mark or an HTML entity is kept whole.
func trimCutWords(frag string) string {
	const sep = simple.DefaultSeparator
	if rest, ok := strings.CutPrefix(frag, sep); ok {
		if i := strings.IndexAny(rest, " \n"); i > 0 && !strings.ContainsAny(rest[:i], "<&") {
			frag = sep + rest[i+1:]
		}
	}
	if rest, ok := strings.CutSuffix(frag, sep); ok {
		if i := strings.LastIndexAny(rest, " \n"); i >= 0 && i < len(rest)-1 && !strings.ContainsAny(rest[i+1:], ">;") {
			frag = rest[:i] + sep
		}
	}
	return frag
}

// phraseAt says whether the phrase's terms start at tokens[i], at consecutive positions.
func phraseAt(tokens analysis.TokenStream, i int, phrase []string) bool {
	if i+len(phrase) > len(tokens) {
		return false
	}
	for j, term := range phrase {
		t := tokens[i+j]
		if string(t.Term) != term || t.Position != tokens[i].Position+j {
			return false
		}
	}
	return true
}

// match is a token to mark: its term and where it is in the text.
type match struct {
	term       string
	start, end int
}

// appendMatches appends the tokens that match the query: its words anywhere, its phrases where their terms follow
// one another. The tokens are those of a text from byte offset on.
func appendMatches(ms []match, tokens analysis.TokenStream, offset int, qt marks) []match {
	add := func(tok *analysis.Token) {
		ms = append(ms, match{term: string(tok.Term), start: offset + tok.Start, end: offset + tok.End})
	}
	for i, tok := range tokens {
		if qt.words[string(tok.Term)] {
			add(tok)
		}
		for _, ph := range qt.phrases {
			if phraseAt(tokens, i, ph) {
				for _, t := range tokens[i : i+len(ph)] {
					add(t)
				}
			}
		}
	}
	return ms
}
