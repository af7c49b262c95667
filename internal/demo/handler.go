package demo

import (
	"errors"
	"fmt"
	"hash/fnv"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"time"

	"genderlens/model"
)

// Handler serves the whole site of one demo outlet. Create it with NewHandler.
type Handler struct {
	info      OutletInfo
	base      string
	items     []*item // newest first
	byPath    map[string]*item
	bySlug    map[string]*item
	images    map[string]*item
	sections  []*section // in order of first appearance in the content
	bySection map[string]*section
	tmpl      *template.Template
	css       []byte
	newest    time.Time
}

// item is an article with everything the pages need precomputed.
type item struct {
	Article
	id    int
	path  string
	local time.Time
	paras []string
	img   string // root-relative image path; empty when the article has no image
	sec   *section
}

type section struct {
	slug, name string
	items      []*item // newest first
}

// NewHandler builds the site of outletID serving arts, whose absolute URLs (canonical links, sitemaps, feeds) start
// with base, e.g. "http://127.0.0.1:8001". The articles are validated like content files are.
func NewHandler(outletID string, arts []Article, base string) (*Handler, error) {
	info, ok := outletInfo(outletID)
	if !ok {
		return nil, fmt.Errorf("demo handler: unknown outlet %q", outletID)
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("demo handler %s: base URL: %w", outletID, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || strings.Trim(u.Path, "/") != "" {
		return nil, fmt.Errorf("demo handler %s: base URL %q must be scheme://host[:port]", outletID, base)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("demo handler %s: no articles", outletID)
	}
	var errs []error
	for _, a := range arts {
		for _, p := range articleProblems(a) {
			errs = append(errs, fmt.Errorf("outlet %s: article %q: %s", outletID, a.Slug, p))
		}
		if a.Published.IsZero() {
			errs = append(errs, fmt.Errorf("outlet %s: article %q: published is missing", outletID, a.Slug))
		}
		if a.Outlet != "" && a.Outlet != outletID {
			errs = append(errs, fmt.Errorf("outlet %s: article %q belongs to outlet %q", outletID, a.Slug, a.Outlet))
		}
	}
	errs = append(errs, setProblems(arts, func(i int, p string) error {
		return fmt.Errorf("outlet %s: article %q: %s", outletID, arts[i].Slug, p)
	})...)
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("demo handler: %w", err)
	}
	tmpl, err := template.ParseFS(assets, "templates/"+outletID+".html")
	if err != nil {
		return nil, fmt.Errorf("demo handler %s: parse templates: %w", outletID, err)
	}
	css, err := assets.ReadFile("static/" + outletID + ".css")
	if err != nil {
		return nil, fmt.Errorf("demo handler %s: read style: %w", outletID, err)
	}
	h := &Handler{
		info: info, base: strings.TrimRight(base, "/"), tmpl: tmpl, css: css,
		byPath: map[string]*item{}, bySlug: map[string]*item{}, images: map[string]*item{},
		bySection: map[string]*section{},
	}
	ids := articleIDs(outletID, arts)
	for _, a := range arts {
		a.Outlet = outletID
		it := &item{Article: a, id: ids[a.Slug], local: a.Published.In(model.Vietnam()), paras: Paragraphs(a.Body)}
		sec := h.bySection[a.Section]
		if sec == nil {
			sec = &section{slug: a.Section, name: a.SectionName}
			h.bySection[a.Section] = sec
			h.sections = append(h.sections, sec)
		}
		it.sec = sec
		it.path = h.articlePath(it)
		if a.Image != nil {
			it.img = h.imagePath(it)
			h.images[it.img] = it
		}
		h.items = append(h.items, it)
		h.byPath[it.path] = it
		h.bySlug[a.Slug] = it
		if a.Published.After(h.newest) {
			h.newest = a.Published
		}
	}
	slices.SortStableFunc(h.items, newestFirst)
	for _, it := range h.items {
		it.sec.items = append(it.sec.items, it)
	}
	return h, nil
}

func newestFirst(a, b *item) int {
	if c := b.Published.Compare(a.Published); c != 0 {
		return c
	}
	return strings.Compare(a.Slug, b.Slug)
}

// articleIDs gives every slug a stable five-digit id like real CMS article ids. Collisions are resolved in slug
// order, so an id only changes if a new slug happens to hash onto it first.
func articleIDs(outletID string, arts []Article) map[string]int {
	slugs := make([]string, 0, len(arts))
	for _, a := range arts {
		slugs = append(slugs, a.Slug)
	}
	slices.Sort(slugs)
	ids := make(map[string]int, len(slugs))
	used := map[int]bool{}
	for _, s := range slugs {
		f := fnv.New32a()
		_, _ = f.Write([]byte(outletID + "/" + s))
		n := int(f.Sum32() % 90000)
		for used[10000+n] {
			n = (n + 1) % 90000
		}
		used[10000+n] = true
		ids[s] = 10000 + n
	}
	return ids
}

// URL is the base URL of the site, without a trailing slash.
func (h *Handler) URL() string { return h.base }

// Outlet describes the outlet the handler serves.
func (h *Handler) Outlet() OutletInfo { return h.info }

// ArticleURL is the absolute canonical URL of one of the handler's articles, or "" for an unknown slug.
func (h *Handler) ArticleURL(slug string) string {
	it, ok := h.bySlug[slug]
	if !ok {
		return ""
	}
	return h.base + it.path
}
