// Package gold reads and writes annotated articles in the schema of ../shared/gold/*.jsonl and measures a scorer
// against them with the published definition (../shared/README.md, "How the scorer is measured"), so that any
// annotated set, the project's or a district's own reviews, is a test set for the rules.
package gold

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"genderlens/model"
)

// Genders of annotated people, as the annotated sets write them.
const (
	Female  = "F"
	Male    = "M"
	Unknown = "U"
)

// Article is one line of an annotated set: an article and what its annotators found in it.
type Article struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	// URL and Date (YYYYMMDD) are empty when unknown; the file writes them as null.
	URL      string `json:"url"`
	Date     string `json:"date"`
	Category string `json:"category"`
	Title    string `json:"title"`
	// Text is what the annotators read and the scorer scores.
	Text string `json:"text"`
	Gold Labels `json:"gold"`
	// ByCount marks articles whose people are annotated by count only (the demo articles: a gender and a quoted flag,
	// no name), so that people are not matched by name and gbv is not measured. It is not part of the file.
	ByCount bool `json:"-"`
}

// Labels are the annotations of one article.
type Labels struct {
	// People are the individuals quoted or named, one entry per person whatever the number of mentions.
	People []Person `json:"people"`
	// Language lists each flagged phrase once per article.
	Language            []Phrase `json:"gendered_language"`
	GBV                 bool     `json:"gbv"`
	GenderEqualityFocus bool     `json:"gender_equality_focus"`
	WomenFocus          bool     `json:"women_focus"`
}

// Person is one annotated individual. An unnamed quoted individual is a description ending in " (không tên)".
type Person struct {
	Name string `json:"name"`
	// Gender is Female, Male or Unknown.
	Gender string `json:"gender"`
	Quoted bool   `json:"quoted"`
	Role   string `json:"role"`
}

// Phrase is one flagged phrase and its gendered-language category (model.GenderedLanguageCategories).
type Phrase struct {
	Text     string `json:"text"`
	Category string `json:"category"`
}

// wireArticle is an Article as a line of the file: url and date null when unknown, text required.
type wireArticle struct {
	ID       string  `json:"id"`
	Outlet   string  `json:"outlet"`
	URL      *string `json:"url"`
	Date     *string `json:"date"`
	Category string  `json:"category"`
	Title    string  `json:"title"`
	Text     *string `json:"text"`
	Gold     Labels  `json:"gold"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// MarshalJSON writes the article as a line of an annotated set: the schema's field order, null for an unknown url
// or date, [] for empty lists.
func (a Article) MarshalJSON() ([]byte, error) {
	w := wireArticle{ID: a.ID, Outlet: a.Outlet, URL: nullable(a.URL), Date: nullable(a.Date), Category: a.Category,
		Title: a.Title, Text: &a.Text, Gold: a.Gold}
	if w.Gold.People == nil {
		w.Gold.People = []Person{}
	}
	if w.Gold.Language == nil {
		w.Gold.Language = []Phrase{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// The sets are read by people too: keep <, > and & as they are.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads one line of an annotated set and checks what the measure relies on: the text is present, every
// gender is F, M or U and every phrase's category is a gendered-language category. Unknown fields are ignored.
func (a *Article) UnmarshalJSON(data []byte) error {
	var w wireArticle
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	if w.Text == nil {
		return errors.New(`no "text"`)
	}
	for i, p := range w.Gold.People {
		if p.Gender != Female && p.Gender != Male && p.Gender != Unknown {
			return fmt.Errorf("person %d (%q): gender %q, want F, M or U", i+1, p.Name, p.Gender)
		}
	}
	cats := model.GenderedLanguageCategories()
	for i, ph := range w.Gold.Language {
		if !slices.Contains(cats, ph.Category) {
			return fmt.Errorf("phrase %d (%q): category %q, want one of %v", i+1, ph.Text, ph.Category, cats)
		}
	}
	*a = Article{ID: w.ID, Outlet: w.Outlet, Category: w.Category, Title: w.Title, Text: *w.Text, Gold: w.Gold}
	if w.URL != nil {
		a.URL = *w.URL
	}
	if w.Date != nil {
		a.Date = *w.Date
	}
	return nil
}

// Read reads an annotated set: one JSON article a line, blank lines skipped, lines of any length. An error names the
// line it is on.
func Read(r io.Reader) ([]Article, error) {
	br := bufio.NewReader(r)
	var out []Article
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if n == 1 {
			// A file saved by a Windows editor may start with a byte order mark.
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if trimmed := bytes.TrimSpace(line); len(trimmed) > 0 {
			var a Article
			if err := json.Unmarshal(trimmed, &a); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			out = append(out, a)
		}
		if err == io.EOF {
			return out, nil
		}
	}
}

// Write writes arts as an annotated set, one compact JSON article a line in the schema's field order.
func Write(w io.Writer, arts []Article) error {
	bw := bufio.NewWriter(w)
	for _, a := range arts {
		line, err := a.MarshalJSON()
		if err != nil {
			return fmt.Errorf("write article %q: %w", a.ID, err)
		}
		bw.Write(line)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write annotated set: %w", err)
	}
	return nil
}
