package demo

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"genderlens/internal/strictyaml"
	"genderlens/model"
)

// embedded holds content/*.yaml. The whole folder is embedded (it always has README.md) so that the package builds
// before the first content file exists.
//
//go:embed content
var embedded embed.FS

// Article is one sample article of a demo outlet, with the answers the scorer is expected to find.
type Article struct {
	// Outlet is the outlet id; it comes from the file, not from each article.
	Outlet string `yaml:"-"`
	// Slug is ASCII and unique within the outlet; article URLs are built from it.
	Slug        string `yaml:"slug"`
	Section     string `yaml:"section"`
	SectionName string `yaml:"section_name"`
	Title       string `yaml:"title"`
	Lead        string `yaml:"lead"`
	Author      string `yaml:"author"`
	// Quality is the indicator class the article was written to illustrate (see Qualities).
	Quality   string          `yaml:"quality"`
	Published time.Time       `yaml:"published"`
	Sources   SourceCounts    `yaml:"sources"`
	Flagged   []FlaggedPhrase `yaml:"flagged"`
	Image     *Image          `yaml:"image,omitempty"`
	// Body is paragraphs separated by blank lines; it repeats neither the title nor the lead.
	Body string `yaml:"body"`
}

// SourceCounts is how many quoted sources of each gender the article has.
type SourceCounts struct {
	Female  int `yaml:"female"`
	Male    int `yaml:"male"`
	Unknown int `yaml:"unknown"`
}

// FlaggedPhrase is a phrase that a scorer rule should flag, with the indicator category it belongs to.
type FlaggedPhrase struct {
	Text     string `yaml:"text"`
	Category string `yaml:"category"`
}

// Image is the article's illustration; its alt text and caption are scored too.
type Image struct {
	Alt     string `yaml:"alt"`
	Caption string `yaml:"caption"`
}

// OutletInfo names a demo outlet the way the crawl configuration does.
type OutletInfo struct {
	ID   string
	Name string
	// Kind is one of model.OutletKinds().
	Kind string
}

// Outlet ids, used to pick the HTML style of each site.
const (
	outletBaohotay = "baohotay"
	outletHoasen   = "hoasen"
	outletSonghong = "songhong"
)

// Unit is the demo's monitoring unit: the fictional district whose portal is one of the outlets.
var Unit = model.Unit{Name: "Quận Hoa Sen", Level: model.UnitDistrict}

// Outlets returns the three demo outlets in a fixed order.
func Outlets() []OutletInfo {
	return []OutletInfo{
		{ID: outletBaohotay, Name: "Báo Hồ Tây", Kind: "newspaper"},
		{ID: outletHoasen, Name: "Cổng thông tin điện tử quận Hoa Sen", Kind: "district_portal"},
		{ID: outletSonghong, Name: "Đài Phát thanh Sông Hồng", Kind: "radio_tv"},
	}
}

// Qualities returns the accepted values of Article.Quality.
func Qualities() []string {
	return []string{
		"balanced", "male_only", "female_only", "stereotype", "sexualised", "gender_marking", "derogatory",
		"gbv_good", "gbv_bad", "gender_equality", "neutral",
	}
}

func outletInfo(id string) (OutletInfo, bool) {
	for _, o := range Outlets() {
		if o.ID == id {
			return o, true
		}
	}
	return OutletInfo{}, false
}

// Content returns the embedded articles by outlet id, validated. Every outlet must have a file.
func Content() (map[string][]Article, error) {
	return LoadContent(embedded, "content")
}

// Articles returns the embedded articles of all outlets with their annotations, in Outlets order and each outlet's
// in file order. It is the annotated set the scorer's accuracy test scores.
func Articles() ([]Article, error) {
	content, err := Content()
	if err != nil {
		return nil, fmt.Errorf("load demo articles: %w", err)
	}
	var out []Article
	for _, o := range Outlets() {
		out = append(out, content[o.ID]...)
	}
	return out, nil
}

// LoadContent reads and validates dir/*.yaml in fsys, one file per outlet named after the outlet id. Errors name the
// file and the article; all problems are reported at once so that a content writer can fix them in one pass.
func LoadContent(fsys fs.FS, dir string) (map[string][]Article, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list demo content: %w", err)
	}
	out := make(map[string][]Article, len(names))
	var errs []error
	for _, name := range names {
		arts, err := loadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[arts[0].Outlet] = arts
	}
	for _, o := range Outlets() {
		if _, ok := out[o.ID]; !ok && !hasFileFor(names, o.ID) {
			errs = append(errs, fmt.Errorf("%s: missing content file for outlet %s", path.Join(dir, o.ID+".yaml"), o.ID))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func hasFileFor(names []string, id string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return path.Base(n) == id+".yaml" })
}

// contentFile is the YAML layout of one outlet's file; published stays a string so that a bad date gets an error
// naming the article rather than a bare YAML line number.
type contentFile struct {
	Outlet   string        `yaml:"outlet"`
	Articles []fileArticle `yaml:"articles"`
}

type fileArticle struct {
	Slug        string          `yaml:"slug"`
	Section     string          `yaml:"section"`
	SectionName string          `yaml:"section_name"`
	Title       string          `yaml:"title"`
	Lead        string          `yaml:"lead"`
	Author      string          `yaml:"author"`
	Published   string          `yaml:"published"`
	Quality     string          `yaml:"quality"`
	Sources     SourceCounts    `yaml:"sources"`
	Flagged     []FlaggedPhrase `yaml:"flagged"`
	Image       *Image          `yaml:"image"`
	Body        string          `yaml:"body"`
}

func loadFile(fsys fs.FS, name string) ([]Article, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var f contentFile
	// Unknown fields are almost always typos of known ones, which would silently drop answers.
	if err := strictyaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	stem := strings.TrimSuffix(path.Base(name), ".yaml")
	if _, ok := outletInfo(f.Outlet); !ok {
		return nil, fmt.Errorf("%s: unknown outlet %q (want one of baohotay, hoasen, songhong)", name, f.Outlet)
	}
	if f.Outlet != stem {
		return nil, fmt.Errorf("%s: outlet %q does not match the file name", name, f.Outlet)
	}
	if len(f.Articles) == 0 {
		return nil, fmt.Errorf("%s: no articles", name)
	}
	arts := make([]Article, 0, len(f.Articles))
	var errs []error
	for i, fa := range f.Articles {
		a := Article{
			Outlet: f.Outlet, Slug: fa.Slug, Section: fa.Section, SectionName: fa.SectionName, Title: fa.Title,
			Lead: fa.Lead, Author: fa.Author, Quality: fa.Quality, Sources: fa.Sources, Flagged: fa.Flagged,
			Image: fa.Image, Body: fa.Body,
		}
		var problems []string
		if fa.Published == "" {
			problems = append(problems, "published is empty")
		} else if t, err := time.Parse(time.RFC3339, fa.Published); err != nil {
			problems = append(problems, fmt.Sprintf("published %q is not RFC 3339 like 2026-03-07T08:15:00+07:00", fa.Published))
		} else {
			a.Published = t
		}
		problems = append(problems, articleProblems(a)...)
		for _, p := range problems {
			errs = append(errs, fmt.Errorf("%s: article %d (slug %q): %s", name, i+1, fa.Slug, p))
		}
		arts = append(arts, a)
	}
	errs = append(errs, setProblems(arts, func(i int, p string) error {
		return fmt.Errorf("%s: article %d (slug %q): %s", name, i+1, arts[i].Slug, p)
	})...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return arts, nil
}

// isSlug reports whether s is lowercase ASCII words joined by single hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// isCategory reports whether s looks like an indicator category id such as gender_marking.
func isCategory(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// reservedSections are first path segments that Báo Hồ Tây uses for itself, so no section may take them.
func reservedSections() []string {
	return []string{"tim-kiem", "sitemaps", "static", "uploads", "rss", "api", "tin-tuc", "tin", "chuyen-muc"}
}

// articleProblems checks one article on its own, except Published, whose textual form only the loader sees. It
// returns human-readable problems, not errors, so that callers can name the file or the outlet as they see fit.
func articleProblems(a Article) []string {
	var p []string
	req := func(field, v string) {
		if strings.TrimSpace(v) == "" {
			p = append(p, field+" is empty")
		}
	}
	switch {
	case a.Slug == "":
		p = append(p, "slug is empty")
	case !isSlug(a.Slug):
		p = append(p, fmt.Sprintf("slug %q must be lowercase ASCII words joined by '-'", a.Slug))
	}
	switch {
	case a.Section == "":
		p = append(p, "section is empty")
	case !isSlug(a.Section):
		p = append(p, fmt.Sprintf("section %q must be lowercase ASCII words joined by '-'", a.Section))
	case slices.Contains(reservedSections(), a.Section):
		p = append(p, fmt.Sprintf("section %q is a reserved path on the demo sites", a.Section))
	}
	req("section_name", a.SectionName)
	req("title", a.Title)
	req("lead", a.Lead)
	req("author", a.Author)
	req("body", a.Body)
	if !slices.Contains(Qualities(), a.Quality) {
		p = append(p, fmt.Sprintf("quality %q is not one of %s", a.Quality, strings.Join(Qualities(), ", ")))
	}
	s := a.Sources
	if s.Female < 0 || s.Male < 0 || s.Unknown < 0 {
		p = append(p, "source counts must not be negative")
	}
	switch a.Quality {
	case "male_only":
		if s.Male == 0 || s.Female > 0 {
			p = append(p, "quality male_only needs male sources and no female source")
		}
	case "female_only":
		if s.Female == 0 || s.Male > 0 {
			p = append(p, "quality female_only needs female sources and no male source")
		}
	}
	text := a.Title + "\n" + a.Lead + "\n" + a.Body
	for _, f := range a.Flagged {
		switch {
		case strings.TrimSpace(f.Text) == "":
			p = append(p, "a flagged phrase has empty text")
		case !strings.Contains(text, f.Text):
			p = append(p, fmt.Sprintf("flagged phrase %q does not occur verbatim in title, lead or body", f.Text))
		}
		if !isCategory(f.Category) {
			p = append(p, fmt.Sprintf("flagged phrase %q has bad category %q", f.Text, f.Category))
		}
	}
	if a.Image != nil && strings.TrimSpace(a.Image.Alt) == "" {
		p = append(p, "image alt is empty")
	}
	if paras := Paragraphs(a.Body); len(paras) > 0 {
		// The page shows title and lead itself; repeating them in the body would double them in the extracted text.
		if paras[0] == strings.TrimSpace(a.Title) {
			p = append(p, "body repeats the title as its first paragraph")
		}
		if paras[0] == strings.TrimSpace(a.Lead) {
			p = append(p, "body repeats the lead as its first paragraph")
		}
	}
	return p
}

// setProblems checks what involves several articles of one outlet: unique slugs, one name per section.
func setProblems(arts []Article, mk func(i int, problem string) error) []error {
	var errs []error
	slugs := map[string]int{}
	names := map[string]string{}
	for i, a := range arts {
		if a.Slug != "" {
			if j, dup := slugs[a.Slug]; dup {
				errs = append(errs, mk(i, fmt.Sprintf("slug duplicates article %d", j+1)))
			} else {
				slugs[a.Slug] = i
			}
		}
		if a.Section == "" || a.SectionName == "" {
			continue
		}
		if n, ok := names[a.Section]; ok && n != a.SectionName {
			errs = append(errs, mk(i, fmt.Sprintf("section %q is named %q here but %q before", a.Section, a.SectionName, n)))
		} else if !ok {
			names[a.Section] = a.SectionName
		}
	}
	return errs
}

// Paragraphs splits a body on blank lines; lines within one paragraph are joined with a space.
func Paragraphs(body string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}
