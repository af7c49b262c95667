package server

import (
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"genderlens/scorer"
)

// checkView is the editor self-check page: the form, and after a submission the highlighted text and findings.
type checkView struct {
	Input, Section, Error string
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
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes+64<<10)
	text, section, code, msg := readCheckForm(r)
	view.Input, view.Section = text, section
	if msg != "" {
		view.Error = msg
		s.render(w, code, "check.html", p)
		return
	}
	res := s.opts.Scorer.Check(scorer.Document{Text: text, Section: section, Lang: p.Lang})
	view.Result = res
	view.Alerts = res.Alerts
	view.Method = s.opts.Scorer.Method(p.Lang)
	view.Segments, view.Findings = highlight(text, res.Findings)
	s.render(w, http.StatusOK, "check.html", p)
}

// readCheckForm returns the draft from the textarea or an uploaded .txt file; on a problem it returns the status and
// the catalog key of the message to show.
func readCheckForm(r *http.Request) (text, section string, code int, msg string) {
	err := r.ParseMultipartForm(maxBodyBytes)
	if err != nil && !errors.Is(err, http.ErrNotMultipart) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) || strings.Contains(err.Error(), "too large") {
			return "", "", http.StatusRequestEntityTooLarge, "check.toolarge"
		}
		return "", "", http.StatusBadRequest, "check.badform"
	}
	if errors.Is(err, http.ErrNotMultipart) {
		if err := r.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return "", "", http.StatusRequestEntityTooLarge, "check.toolarge"
			}
			return "", "", http.StatusBadRequest, "check.badform"
		}
	}
	text = strings.ReplaceAll(r.FormValue("text"), "\r\n", "\n")
	section = strings.TrimSpace(r.FormValue("section"))
	if f, hdr, err := r.FormFile("file"); err == nil {
		defer f.Close()
		if hdr.Size > 0 {
			ext := strings.ToLower(filepath.Ext(hdr.Filename))
			if ext != ".txt" && ext != "" {
				return text, section, http.StatusBadRequest, "check.filetype"
			}
			raw, err := io.ReadAll(io.LimitReader(f, maxBodyBytes+1))
			if err != nil {
				return text, section, http.StatusBadRequest, "check.badform"
			}
			if len(raw) > maxBodyBytes {
				return text, section, http.StatusRequestEntityTooLarge, "check.toolarge"
			}
			text = strings.ReplaceAll(string(raw), "\r\n", "\n")
		}
	}
	if len(text) > maxBodyBytes {
		return "", section, http.StatusRequestEntityTooLarge, "check.toolarge"
	}
	if !utf8.ValidString(text) {
		return "", section, http.StatusBadRequest, "check.notutf8"
	}
	if strings.TrimSpace(text) == "" {
		return text, section, http.StatusBadRequest, "check.empty"
	}
	return text, section, 0, ""
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
