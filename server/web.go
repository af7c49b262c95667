package server

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"strings"
	"time"

	"genderlens/model"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageFuncs are the helpers every page template may use.
var pageFuncs = template.FuncMap{
	"pct":   func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"deref": func(f *float64) float64 { return *f },
	"score": func(f float64) string { return fmt.Sprintf("%.1f", f) },
}

// pageTemplates pairs the layout with each page, parsed once; a page defines "title" and "content".
func parsePages() (map[string]*template.Template, error) {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	// Files starting with "_" hold partials that every page may use.
	shared := []string{"templates/layout.html"}
	for _, n := range names {
		if base := n[len("templates/"):]; strings.HasPrefix(base, "_") {
			shared = append(shared, n)
		}
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		base := n[len("templates/"):]
		if base == "layout.html" || strings.HasPrefix(base, "_") {
			continue
		}
		t, err := template.New(base).Funcs(pageFuncs).ParseFS(templateFS, append(shared, n)...)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", n, err)
		}
		pages[base] = t
	}
	return pages, nil
}

// page is what every template receives.
type page struct {
	Lang, Other string
	// SwitchURL is the current page in the other language.
	SwitchURL string
	Nav       string
	Data      any
	Generated time.Time
	// Unit is the monitoring unit; render sets it.
	Unit model.Unit
}

// T translates a user interface key into the page's language, naming the monitoring unit where the text does.
func (p page) T(key string) string { return unitText(p.Unit, p.Lang, translate(p.Lang, key)) }

// TV translates key like T, as HTML in which the unit's name and the Vietnamese words given for "{vi}" are marked
// lang="vi": they are names and examples, not text to translate, and a screen reader should read them as Vietnamese.
func (p page) TV(key string, vi ...string) template.HTML {
	s := html.EscapeString(translate(p.Lang, key))
	mark := func(v string) string { return `<span lang="vi">` + html.EscapeString(v) + `</span>` }
	if name := p.UnitName(); name != "" {
		s = strings.NewReplacer("{unit}", mark(name), "{Unit}", mark(name)).Replace(s)
	}
	for _, v := range vi {
		s = strings.Replace(s, "{vi}", mark(v), 1)
	}
	return template.HTML(unitText(p.Unit, p.Lang, s)) // escaped above; the level labels need no escaping
}

// UnitName is the unit's configured name for the header, empty when it has none.
func (p page) UnitName() string { return strings.TrimSpace(p.Unit.Name) }

// unitText fills a text's unit placeholders: {unit} is the unit's name (or level), {Unit} the same capitalised,
// {level} its level ("phường", "ward").
func unitText(u model.Unit, lang, s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return strings.NewReplacer("{unit}", u.Display(lang), "{Unit}", model.Capitalize(u.Display(lang)),
		"{level}", u.LevelLabel(lang)).Replace(s)
}

func newPage(r *http.Request, nav string, data any) page {
	lang := pageLang(r)
	other := "en"
	if lang == "en" {
		other = "vi"
	}
	q := url.Values{}
	for k, v := range r.URL.Query() {
		q[k] = v
	}
	q.Set("lang", other)
	if other == "vi" {
		q.Del("lang")
	}
	sw := r.URL.Path
	if enc := q.Encode(); enc != "" {
		sw += "?" + enc
	}
	return page{Lang: lang, Other: other, SwitchURL: sw, Nav: nav, Data: data, Generated: time.Now()}
}

// pageLang is the language a page is asked in: ?lang=en in the URL (the forms post to URLs that carry it), or a lang
// field of a form the handler has already parsed. It never parses a form itself: that is the handler's to do, within
// the body limit and with the errors it answers.
func pageLang(r *http.Request) string {
	if r.URL.Query().Get("lang") == "en" || (r.PostForm != nil && r.PostForm.Get("lang") == "en") {
		return "en"
	}
	return "vi"
}

// render executes a page into a buffer first, so a template error becomes a clean 500 page, never half a page.
func (s *Server) render(w http.ResponseWriter, code int, name string, p page) {
	p.Unit = s.opts.Unit
	t, ok := s.pages[name]
	if !ok {
		s.opts.Logger.Error("no such page template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.opts.Logger.Error("render page", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(buf.Bytes())
}
