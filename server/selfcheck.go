package server

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"genderlens/model"
	"genderlens/scorer"
)

// checkView is the editor self-check page: the form, and after a submission the highlighted text and findings.
type checkView struct {
	Input, Section, Error string
	Title                 string // the draft's title, scored with the text
	Result                *scorer.Result
	Segments              []segment
	Findings              []findingView
	Alerts                []scorer.Finding
	// Method explains how the score is computed, in the page's language.
	Method []string
}

// segment is a run of the input, highlighted when Finding is set.
type segment struct {
	Text    string
	Finding *findingView
}

type findingView struct {
	scorer.Finding
	N int
	// Where is the finding's place in what the editor gave: a column of the title, or line:column of the text.
	Where string
}

// checkPage shows the self-check form and, on POST, scores the draft without storing it.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	p := newPage(r, "check", nil)
	view := &checkView{}
	p.Data = view
	if r.Method != http.MethodPost {
		s.render(w, http.StatusOK, "check.html", p)
		return
	}
	title, text, section, code, msg := readCheckForm(r)
	view.Title, view.Input, view.Section = title, text, section
	if msg != "" {
		view.Error = msg
		s.render(w, code, "check.html", p)
		return
	}
	// The title is scored with the text as a published article is; the highlighted text shows both.
	scored, parts := model.DraftText(title, text)
	res := s.opts.Scorer.Check(scorer.Document{Text: scored, Section: section, Lang: p.Lang})
	view.Result = res
	view.Alerts = res.Alerts
	view.Method = s.opts.Scorer.Method(p.Lang)
	view.Segments, view.Findings = highlight(scored, res.Findings)
	for i := range view.Findings {
		view.Findings[i].Where = draftPlace(p.Lang, scored, text, parts, view.Findings[i].Start)
	}
	s.render(w, http.StatusOK, "check.html", p)
}

// draftPlace says where byte offset off of the scored draft is in what the editor gave: "tiêu đề, cột 5" in the
// title field, "dòng 3:7" in the text field (its own lines, not the scored text's, which has the title first).
func draftPlace(lang, scored, text string, parts []model.TextPart, off int) string {
	part, ok := model.PartAt(parts, off)
	switch {
	case ok && part.Name == model.PartTitle:
		return fmt.Sprintf("%s %d", translate(lang, "check.titlecol"), utf8.RuneCountInString(scored[part.Start:off])+1)
	case ok:
		off = min(off-part.Start+part.From, len(text))
		text = text[:off]
	default:
		text = scored[:min(max(off, 0), len(scored))]
	}
	line := strings.Count(text, "\n") + 1
	col := utf8.RuneCountInString(text[strings.LastIndexByte(text, '\n')+1:]) + 1
	return fmt.Sprintf("%s %d:%d", translate(lang, "line"), line, col)
}

// readCheckForm returns the draft's title (one line) and text from the form, the text from the textarea or an
// uploaded .txt file, a leading byte order mark left out; on a problem it returns the status and the catalog key of
// the message to show.
func readCheckForm(r *http.Request) (title, text, section string, code int, msg string) {
	// The route's body limit (formBodyBytes) bounds what is read; within it everything stays in memory. ParseForm
	// first: ParseMultipartForm drops its error on a form that is not multipart.
	err := r.ParseForm()
	if err == nil {
		if err = r.ParseMultipartForm(formMemoryBytes); errors.Is(err, http.ErrNotMultipart) {
			err = nil
		}
	}
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) || strings.Contains(err.Error(), "too large") {
			return "", "", "", http.StatusRequestEntityTooLarge, "check.toolarge"
		}
		return "", "", "", http.StatusBadRequest, "check.badform"
	}
	// A headline is one line; its white space collapsed, columns count as the field shows it again.
	title = strings.Join(strings.Fields(r.FormValue("title")), " ")
	text = strings.TrimPrefix(strings.ReplaceAll(r.FormValue("text"), "\r\n", "\n"), utf8BOM)
	section = strings.TrimSpace(r.FormValue("section"))
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		if hdr.Size > 0 {
			ext := strings.ToLower(filepath.Ext(hdr.Filename))
			if ext != ".txt" && ext != "" {
				return title, text, section, http.StatusBadRequest, "check.filetype"
			}
			raw, err := io.ReadAll(io.LimitReader(f, maxBodyBytes+1))
			if err != nil {
				return title, text, section, http.StatusBadRequest, "check.badform"
			}
			if len(raw) > maxBodyBytes {
				return title, text, section, http.StatusRequestEntityTooLarge, "check.toolarge"
			}
			text = strings.TrimPrefix(strings.ReplaceAll(string(raw), "\r\n", "\n"), utf8BOM)
		}
	}
	if len(title)+len(text) > maxBodyBytes {
		return title, "", section, http.StatusRequestEntityTooLarge, "check.toolarge"
	}
	if !utf8.ValidString(title) || !utf8.ValidString(text) {
		return "", "", section, http.StatusBadRequest, "check.notutf8"
	}
	if strings.TrimSpace(text) == "" {
		return title, text, section, http.StatusBadRequest, "check.empty"
	}
	return title, text, section, 0, ""
}

// highlight cuts text into plain and highlighted runs. Findings are byte ranges of text; one that overlaps an earlier
// one is listed but not highlighted again, so the marks never nest.
func highlight(text string, findings []scorer.Finding) ([]segment, []findingView) {
	views := make([]findingView, 0, len(findings))
	for i, f := range findings {
		if f.End <= f.Start || f.Start < 0 || f.End > len(text) {
			continue
		}
		views = append(views, findingView{Finding: f, N: i + 1})
	}
	sort.SliceStable(views, func(i, j int) bool { return views[i].Start < views[j].Start })
	var segs []segment
	pos := 0
	for i := range views {
		f := &views[i]
		if f.Start < pos {
			continue
		}
		if f.Start > pos {
			segs = append(segs, segment{Text: text[pos:f.Start]})
		}
		segs = append(segs, segment{Text: text[f.Start:f.End], Finding: f})
		pos = f.End
	}
	if pos < len(text) {
		segs = append(segs, segment{Text: text[pos:]})
	}
	return segs, views
}
