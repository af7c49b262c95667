package crawler

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that end a paragraph of running text.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Pre: true, atom.Br: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Section: true, atom.Article: true,
	atom.Figure: true, atom.Figcaption: true, atom.Header: true, atom.Footer: true, atom.Hr: true, atom.Dd: true, atom.Dt: true,
}

// nodeParagraphs renders an HTML subtree as paragraphs separated by blank lines. Extractors' own plain-text output
// sometimes runs paragraphs together (table layouts), which would glue a byline onto the last sentence.
func nodeParagraphs(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := cleanText(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if a := atom.Lookup([]byte(n.Data)); a == atom.Script || a == atom.Style || a == atom.Noscript {
				return
			}
		}
		a := n.DataAtom
		if a == 0 && n.Type == html.ElementNode {
			// Nodes built by extractors (a readability output tree) may carry a tag name but no atom.
			a = atom.Lookup([]byte(strings.ToLower(n.Data)))
		}
		block := n.Type == html.ElementNode && blockAtoms[a]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}
