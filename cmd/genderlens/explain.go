package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"genderlens/scorer"
)

// writeExplanation prints, after a file's findings, why the result is what it is: each person with the cues that
// decided gender, quoted and role; the candidates the people finder rejected or merged; the rule matches a condition
// cancelled. Places are line:column of the checked text, like the findings'.
func writeExplanation(w io.Writer, display, text, lang string, res *scorer.Result) {
	pos := newPositions(text)
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

// positions turns byte offsets into 1-based line:column, the column in characters.
type positions struct {
	text       string
	lineStarts []int
}

func newPositions(text string) positions {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return positions{text: text, lineStarts: starts}
}

func (p positions) at(off int) string {
	off = min(max(off, 0), len(p.text))
	line := sort.SearchInts(p.lineStarts, off+1) // the last start <= off
	col := utf8.RuneCountInString(p.text[p.lineStarts[line-1]:off]) + 1
	return fmt.Sprintf("%d:%d", line, col)
}
