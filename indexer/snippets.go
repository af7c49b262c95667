package indexer

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"golang.org/x/text/unicode/norm"
)

// snippetMaker highlights the query's words in a page of hits from their stored text. Asking bleve to highlight
// means running the query again per text field to get term locations, which walks the whole posting lists of
// common words: at 100,000 articles that cost more than ranking. Analysing the twenty stored texts with the
// index's own analyzer finds the same words for a fraction of it.
type snippetMaker struct {
	analyzer    analysis.Analyzer
	highlighter highlight.Highlighter
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

// queryTerms is a query analysed as the index analyses text: single words, any occurrence of which is marked,
// and phrases, whose words are marked only where they follow one another.
type queryTerms struct {
	words   map[string]bool
	phrases [][]string
}

func (sm *snippetMaker) terms(q string) queryTerms {
	qt := queryTerms{words: map[string]bool{}}
	for _, part := range splitQuery(norm.NFC.String(q)) {
		var terms []string
		for _, tok := range sm.analyzer.Analyze([]byte(part.text)) {
			terms = append(terms, string(tok.Term))
		}
		switch {
		case len(terms) == 0:
		case part.phrase && len(terms) > 1:
			qt.phrases = append(qt.phrases, terms)
		default:
			// A "word" the analyzer splits (TP.HCM) must match as a whole in bleve too, but marking each piece
			// where it occurs is close enough for a snippet.
			for _, t := range terms {
				qt.words[t] = true
			}
		}
	}
	return qt
}

func (qt queryTerms) empty() bool { return len(qt.words) == 0 && len(qt.phrases) == 0 }

// snippets returns, per field with a match, its best fragment with the matches in <mark> and the rest escaped.
func (sm *snippetMaker) snippets(id string, qt queryTerms, fields map[string]string) map[string][]string {
	if qt.empty() {
		return nil
	}
	var out map[string][]string
	for field, text := range fields {
		if text == "" {
			continue
		}
		tokens := sm.analyzer.Analyze([]byte(text))
		locs := search.TermLocationMap{}
		add := func(tok *analysis.Token) {
			term := string(tok.Term)
			locs[term] = append(locs[term], &search.Location{Pos: uint64(tok.Position), Start: uint64(tok.Start), End: uint64(tok.End)})
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
		if len(locs) == 0 {
			continue
		}
		dm := &search.DocumentMatch{ID: id, Locations: search.FieldTermLocationMap{field: locs}}
		doc := document.NewDocument(id)
		doc.AddField(document.NewTextField(field, nil, []byte(text)))
		if frags := sm.highlighter.BestFragmentsInField(dm, doc, field, 1); len(frags) > 0 {
			if out == nil {
				out = map[string][]string{}
			}
			out[field] = frags
		}
	}
	return out
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
