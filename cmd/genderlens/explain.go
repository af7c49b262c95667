package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"genderlens/crawler"
	"genderlens/model"
	"genderlens/scorer"
)

// writeExplanation prints, after a file's findings, why the result is what it is: each person with the cues that
// decided gender, quoted and role; the candidates the people finder rejected or merged; the rule matches a condition
// cancelled. Places are those of the findings (see positions).
func writeExplanation(w io.Writer, display string, pos positions, lang string, res *scorer.Result) {
	word := func(key string) string {
		s, _ := scorer.Label(lang, key)
		return s
	}
	fmt.Fprintf(w, "%s: %s (%d):\n", display, word("explain.people"), len(res.People))
	for _, p := range res.People {
		name := p.Name
		if p.Unnamed {
			name += " (" + word("explain.unnamed") + ")"
		}
		quoted := word("explain.notquoted")
		if p.Quoted {
			quoted = word("explain.quoted")
		}
		fmt.Fprintf(w, "  %s: %s, %s, %s\n", name, word("gender."+p.Gender), quoted, word("role."+p.Role))
		for _, c := range p.Cues {
			fmt.Fprintf(w, "    %s: %s", word("decides."+c.Decides), word("cue."+c.Kind))
			if c.Text != "" {
				fmt.Fprintf(w, " %q %s", c.Text, pos.at(c.Start))
			}
			for i, b := range c.Bearers { // the name-table counts a full_name cue weighed
				sep := "; "
				if i == 0 {
					sep = " ("
				}
				fmt.Fprintf(w, "%s%s: %d %s, %d %s", sep, b.Name, b.Male, word("gender.male"), b.Female, word("gender.female"))
			}
			if len(c.Bearers) > 0 {
				fmt.Fprint(w, ")")
			}
			fmt.Fprintln(w)
		}
		if len(p.Mentions) > 0 {
			at := make([]string, len(p.Mentions))
			for i, m := range p.Mentions {
				at[i] = pos.at(m.Start)
			}
			fmt.Fprintf(w, "    @ %s\n", strings.Join(at, ", "))
		}
	}
	if res.Explain == nil {
		return
	}
	fmt.Fprintf(w, "%s: %s (%d):\n", display, word("explain.setaside"), len(res.Explain.Candidates))
	for _, n := range res.Explain.Candidates {
		fmt.Fprintf(w, "  %q %s: %s (%s)", n.Text, pos.at(n.Start), word("outcome."+n.Outcome), word("stage."+n.Stage))
		if n.Person != "" {
			fmt.Fprintf(w, " %s %s", word("explain.into"), n.Person)
		}
		fmt.Fprintf(w, ": %s\n", n.Reason)
	}
	fmt.Fprintf(w, "%s: %s (%d):\n", display, word("explain.dropped"), len(res.Explain.Dropped))
	for _, d := range res.Explain.Dropped {
		fmt.Fprintf(w, "  %q %s [%s]: %s\n", d.Text, pos.at(d.Start), d.Rule, d.Reason)
	}
}

// positions turns byte offsets into the checked text into the places shown: 1-based line:column, the column in
// characters, of the text, or for an .html draft of the file where the text is found in it (see crawler.SourceMap);
// a place of the extracted text that the page does not have is shown as such ("extracted text 3:5").
type positions struct {
	text lineIndex
	// page and file are set for an .html draft: the map from the extracted text to the page, and the page's lines.
	page      *crawler.SourceMap
	file      lineIndex
	extracted string
}

func newPositions(d draft, lang string) positions {
	p := positions{text: newLineIndex(d.text)}
	if d.page != "" {
		p.page = crawler.NewSourceMap(d.page, d.text)
		p.file = newLineIndex(d.page)
		p.extracted = model.Label{VI: "văn bản trích ra", EN: "extracted text"}.In(lang)
	}
	return p
}

// place returns the line and column of off, and whether they are the extracted text's rather than the file's.
func (p positions) place(off int) (line, col int, extracted bool) {
	if p.page == nil {
		line, col = p.text.at(off)
		return line, col, false
	}
	if at, ok := p.page.PageOffset(off); ok {
		line, col = p.file.at(at)
		return line, col, false
	}
	line, col = p.text.at(off)
	return line, col, true
}

// at is the place of off as written after a quoted piece of text: "5:47", or "extracted text 3:5".
func (p positions) at(off int) string {
	line, col, extracted := p.place(off)
	if extracted {
		return fmt.Sprintf("%s %d:%d", p.extracted, line, col)
	}
	return fmt.Sprintf("%d:%d", line, col)
}

// prefix starts a finding's line: "file:5:47:" as compilers write it, or "file: extracted text 3:5:", which editors
// do not take for a place in the file.
func (p positions) prefix(display string, off int) string {
	line, col, extracted := p.place(off)
	if extracted {
		return fmt.Sprintf("%s: %s %d:%d:", display, p.extracted, line, col)
	}
	return fmt.Sprintf("%s:%d:%d:", display, line, col)
}

// lineIndex turns byte offsets of a text into 1-based line:column, the column in characters.
type lineIndex struct {
	text       string
	lineStarts []int
}

func newLineIndex(text string) lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{text: text, lineStarts: starts}
}

func (p lineIndex) at(off int) (line, col int) {
	off = min(max(off, 0), len(p.text))
	line = sort.SearchInts(p.lineStarts, off+1) // the last start <= off
	col = utf8.RuneCountInString(p.text[p.lineStarts[line-1]:off]) + 1
	return line, col
}
