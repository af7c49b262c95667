package gold

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"

	"genderlens/model"
	"genderlens/scorer"
	"genderlens/vntext"
)

// Options say what Measure records besides the figures.
type Options struct {
	// Detail records each article's errors in Figures.Errors: quoted counts that differ, quoted people missed or
	// false by name, wrong genders with the cues that decided them, missed and false findings, gbv errors.
	Detail bool
	// Findings, with Detail, records the correct findings too, so that the precision of each rule phrase can be
	// counted.
	Findings bool
}

// ArticleErrors are the errors of one article, one line each, as Measure records them with Options.Detail.
type ArticleErrors struct {
	ID, Category string
	Lines        []string
}

// Counts are the sums behind the headline figures of ../shared/README.md. They add up over articles, which is what
// lets Intervals resample a set's articles.
type Counts struct {
	// Quoted sources by gender, by count per article: true and false positives and false negatives, and the sums of
	// the system's and the gold's quoted women and men.
	WomenTP, WomenFP, WomenFN int
	MenTP, MenFP, MenFN       int
	SystemWomen, SystemMen    int
	GoldWomen, GoldMen        int
	// Gendered language: findings (positive signals aside), those overlapping a gold phrase of the same category,
	// gold phrases, and gold phrases found.
	Findings, Correct, Phrases, Hits int
	// Article-level gbv topic.
	GBVTP, GBVFP, GBVFN int
}

// add adds o's counts to c.
func (c *Counts) add(o Counts) {
	c.WomenTP, c.WomenFP, c.WomenFN = c.WomenTP+o.WomenTP, c.WomenFP+o.WomenFP, c.WomenFN+o.WomenFN
	c.MenTP, c.MenFP, c.MenFN = c.MenTP+o.MenTP, c.MenFP+o.MenFP, c.MenFN+o.MenFN
	c.SystemWomen, c.SystemMen = c.SystemWomen+o.SystemWomen, c.SystemMen+o.SystemMen
	c.GoldWomen, c.GoldMen = c.GoldWomen+o.GoldWomen, c.GoldMen+o.GoldMen
	c.Findings, c.Correct, c.Phrases, c.Hits = c.Findings+o.Findings, c.Correct+o.Correct, c.Phrases+o.Phrases, c.Hits+o.Hits
	c.GBVTP, c.GBVFP, c.GBVFN = c.GBVTP+o.GBVTP, c.GBVFP+o.GBVFP, c.GBVFN+o.GBVFN
}

// Figures are the measures of ../shared/README.md over one set, with the counts behind them.
type Figures struct {
	Articles int
	Counts
	// Samples are each article's own counts, in the set's order; they sum to Counts.
	Samples []Counts
	// ByCategory gives, per gold category, the gold phrases found and all of them.
	ByCategory map[string]CategoryRecall
	// ByFinding gives, per finding category, the findings and those correct: where the false ones are.
	ByFinding map[string]CategoryPrecision
	// Quoted people by name: gold quoted people matched to a quoted system person (TP), missed (FN), quoted system
	// people matched to none (FP), and matched people whose gender is right. Articles annotated by count add nothing.
	NameTP, NameFP, NameFN, GenderRight int
	// NameErrors say where the by-name misses and false people are, so that a blind set's figures can point at the
	// stage to work on without anyone reading its articles.
	NameErrors NameErrors
	// Errors are the articles with at least one error line, in the set's order (only with Options.Detail).
	Errors []ArticleErrors
}

// NameErrors classify the errors of the quoted people by name. A gold quoted person missed is unnamed ("người dân
// (không tên)"), or named and found by the system but not as quoted (attribution), or named and not found at all
// (detection or merging). A quoted system person matched to none is absent from the gold (no person, or one the
// annotators did not list), or in the gold but not quoted, or quoted in the gold and matched already (counted twice).
type NameErrors struct {
	MissedUnnamed, MissedUnquoted, MissedAbsent int
	FalseAbsent, FalseUnquoted, FalseTwice      int
}

// CategoryRecall is the gold phrases of one category found by a correct finding, of all of them.
type CategoryRecall struct {
	Found, All int
}

// CategoryPrecision is the findings of one category that overlap a gold phrase of theirs, of all of them.
type CategoryPrecision struct {
	Correct, All int
}

// F1 is 2TP / (2TP + FP + FN), and 1 when there is nothing to find and nothing found.
func F1(tp, fp, fn int) float64 {
	if 2*tp+fp+fn == 0 {
		return 1
	}
	return 2 * float64(tp) / float64(2*tp+fp+fn)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WomenF1 is the F1 of quoted women, by count per article.
func (f *Counts) WomenF1() float64 { return F1(f.WomenTP, f.WomenFP, f.WomenFN) }

// MenF1 is the F1 of quoted men, by count per article.
func (f *Counts) MenF1() float64 { return F1(f.MenTP, f.MenFP, f.MenFN) }

// SysShare is the women's share of the quoted women and men the system counts, in percent (0 when none).
func (f *Counts) SysShare() float64 { return 100 * ratio(f.SystemWomen, f.SystemWomen+f.SystemMen) }

// GoldShare is the women's share of the quoted women and men of the gold, in percent (0 when none).
func (f *Counts) GoldShare() float64 { return 100 * ratio(f.GoldWomen, f.GoldWomen+f.GoldMen) }

// LangP is the gendered-language precision: correct findings over all findings (0 when none).
func (f *Counts) LangP() float64 { return ratio(f.Correct, f.Findings) }

// LangR is the gendered-language recall: gold phrases found over all gold phrases (0 when none).
func (f *Counts) LangR() float64 { return ratio(f.Hits, f.Phrases) }

// GBVF1 is the article-level F1 of the gbv topic.
func (f *Counts) GBVF1() float64 { return F1(f.GBVTP, f.GBVFP, f.GBVFN) }

// NameF1 is the F1 of quoted people matched by name.
func (f *Figures) NameF1() float64 { return F1(f.NameTP, f.NameFP, f.NameFN) }

// ByName reports whether the set has named quoted people to match (not only people annotated by count).
func (f *Figures) ByName() bool { return f.NameTP+f.NameFN > 0 }

// GBVMeasured reports whether the set has gbv stories in its gold, without which gbv F1 says nothing.
func (f *Counts) GBVMeasured() bool { return f.GBVTP+f.GBVFN > 0 }

// Categories are the gold categories of ByCategory, sorted.
func (f *Figures) Categories() []string {
	cats := make([]string, 0, len(f.ByCategory))
	for c := range f.ByCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	return cats
}

// Report is the figures of one set as text lines, the last one a row of the README's accuracy table; with two
// articles or more, the line before it gives the figures' 95% intervals (seed 1, so reports can be compared).
func (f *Figures) Report(set string) []string {
	out := []string{
		fmt.Sprintf("%s: %d articles", set, f.Articles),
		fmt.Sprintf("  quoted women F1 %.3f (tp %d fp %d fn %d); quoted men F1 %.3f (tp %d fp %d fn %d)",
			f.WomenF1(), f.WomenTP, f.WomenFP, f.WomenFN, f.MenF1(), f.MenTP, f.MenFP, f.MenFN),
		fmt.Sprintf("  women's share of quoted sources: system %.1f%%, gold %.1f%%", f.SysShare(), f.GoldShare()),
	}
	if f.ByName() {
		out = append(out, fmt.Sprintf("  quoted people by name: F1 %.3f (matched %d, missed %d, false %d); gender right for %d of %d matched",
			f.NameF1(), f.NameTP, f.NameFN, f.NameFP, f.GenderRight, f.NameTP))
		e := f.NameErrors
		out = append(out, fmt.Sprintf("  missed: %d unnamed, %d found but not quoted, %d not found; false: %d not in gold, %d in gold unquoted, %d counted twice",
			e.MissedUnnamed, e.MissedUnquoted, e.MissedAbsent, e.FalseAbsent, e.FalseUnquoted, e.FalseTwice))
	}
	out = append(out, fmt.Sprintf("  gendered language: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		f.LangP(), f.Correct, f.Findings, f.LangR(), f.Hits, f.Phrases))
	var parts []string
	for _, c := range f.Categories() {
		parts = append(parts, fmt.Sprintf("%s %d/%d", c, f.ByCategory[c].Found, f.ByCategory[c].All))
	}
	var precision []string
	for _, c := range slices.Sorted(maps.Keys(f.ByFinding)) {
		precision = append(precision, fmt.Sprintf("%s %d/%d", c, f.ByFinding[c].Correct, f.ByFinding[c].All))
	}
	// Without a gbv story in the gold, F1 is 1 or 0 by convention only: say
	// so rather than print a figure a reader would take for a measurement.
	gbv, gbvCell := fmt.Sprintf("  gbv F1 %.3f (tp %d fp %d fn %d)", f.GBVF1(), f.GBVTP, f.GBVFP, f.GBVFN), fmt.Sprintf("%.2f", f.GBVF1())
	if !f.GBVMeasured() {
		gbv, gbvCell = fmt.Sprintf("  gbv F1 not measured: no gbv story in the gold; flagged by the system: %d", f.GBVFP), "–"
	}
	out = append(out,
		fmt.Sprintf("  recall by category: %s", strings.Join(parts, ", ")),
		fmt.Sprintf("  precision by category: %s", strings.Join(precision, ", ")),
		gbv)
	if iv, ok := f.Intervals(DefaultResamples, 1); ok {
		out = append(out, iv.report())
	}
	return append(out,
		fmt.Sprintf("  | %s (%d) | %.2f | %.2f | %.1f / %.1f | %.2f | %.2f | %s |", set, f.Articles,
			f.WomenF1(), f.MenF1(), f.SysShare(), f.GoldShare(), f.LangP(), f.LangR(), gbvCell),
	)
}

// Floors are minimums of the figures.
type Floors struct {
	// QuotedF1 is the minimum of the quoted women's and the quoted men's F1.
	QuotedF1 float64 `json:"quoted_f1"`
	// ShareDelta is the most the system's women's share may be from the gold's, in points.
	ShareDelta float64 `json:"share_delta"`
	// LangP and LangR are the minimum gendered-language precision and recall.
	LangP float64 `json:"language_precision"`
	LangR float64 `json:"language_recall"`
	// GBVF1 is the minimum gbv F1, checked only where the gold has gbv stories.
	GBVF1 float64 `json:"gbv_f1"`
}

// DefaultFloors are the accuracy floors the project's CI gates the train and dev sets on.
var DefaultFloors = Floors{QuotedF1: 0.85, ShareDelta: 3, LangP: 0.85, LangR: 0.75, GBVF1: 0.90}

// Below lists, in English, each figure under its floor; it is empty when every figure meets them.
func (f *Figures) Below(fl Floors) []string {
	var out []string
	check := func(name string, got, floor float64) {
		if got < floor {
			out = append(out, fmt.Sprintf("%s %.3f is below the floor %.2f", name, got, floor))
		}
	}
	check("quoted women F1", f.WomenF1(), fl.QuotedF1)
	check("quoted men F1", f.MenF1(), fl.QuotedF1)
	if d := math.Abs(f.SysShare() - f.GoldShare()); d > fl.ShareDelta {
		out = append(out, fmt.Sprintf("women's share %.1f%% is %.1f points from gold %.1f%% (at most %.0f)",
			f.SysShare(), d, f.GoldShare(), fl.ShareDelta))
	}
	check("gendered-language precision", f.LangP(), fl.LangP)
	check("gendered-language recall", f.LangR(), fl.LangR)
	if f.GBVMeasured() {
		check("gbv F1", f.GBVF1(), fl.GBVF1)
	}
	return out
}

// sameLanguageCategory treats appearance and sexualization as one, as the measure in ../shared/README.md does.
func sameLanguageCategory(a, b string) bool {
	norm := func(c string) string {
		if c == model.CategorySexualization {
			return model.CategoryAppearance
		}
		return c
	}
	return norm(a) == norm(b)
}

// occurrences returns every span of phrase in text, ignoring case.
func occurrences(text, phrase string) [][2]int {
	lt, lp := strings.ToLower(text), strings.ToLower(phrase)
	if len(lt) != len(text) || len(lp) != len(phrase) {
		// Lowering changed byte lengths: the spans would not be the text's, so match the case as written.
		lt, lp = text, phrase
	}
	var out [][2]int
	for off := 0; lp != ""; {
		i := strings.Index(lt[off:], lp)
		if i < 0 {
			break
		}
		out = append(out, [2]int{off + i, off + i + len(lp)})
		off += i + len(lp)
	}
	return out
}

// unnamedMark ends the description of an unnamed quoted individual in the gold.
const unnamedMark = "(không tên)"

// nameKey folds a name into its syllables for matching mentions.
func nameKey(name string) []string {
	k := vntext.FoldString(strings.TrimSuffix(name, " "+unnamedMark))
	var out []string
	for _, sp := range vntext.Syllables(k) {
		out = append(out, k[sp.Start:sp.End])
	}
	return out
}

// sameName reports whether two names can be the same person: one's syllables all occur in the other ("Li" in
// "Li Mingjiang", "Lavrov" in "Sergei Lavrov").
func sameName(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// genderLetter maps the scorer's genders to the gold's letters.
func genderLetter(g string) string {
	switch g {
	case model.Female:
		return Female
	case model.Male:
		return Male
	}
	return Unknown
}

// cueSummary lists a person's cues as "decides/kind "text"".
func cueSummary(p scorer.Person) string {
	var parts []string
	for _, c := range p.Cues {
		parts = append(parts, fmt.Sprintf("%s/%s %q", c.Decides, c.Kind, c.Text))
	}
	return strings.Join(parts, "; ")
}

// Measure scores every article with s and measures the results against the gold as ../shared/README.md defines.
func Measure(s *scorer.Scorer, arts []Article, opts Options) Figures {
	fig := Figures{Articles: len(arts), ByCategory: map[string]CategoryRecall{}, ByFinding: map[string]CategoryPrecision{}}
	for _, a := range arts {
		var c Counts
		if lines := measureArticle(&fig, &c, s, a, opts); len(lines) > 0 {
			fig.Errors = append(fig.Errors, ArticleErrors{ID: a.ID, Category: a.Category, Lines: lines})
		}
		fig.Counts.add(c)
		fig.Samples = append(fig.Samples, c)
	}
	return fig
}

// measureArticle counts one article's headline figures in c, adds its other figures to fig and returns its error
// lines (none without opts.Detail).
func measureArticle(fig *Figures, c *Counts, s *scorer.Scorer, a Article, opts Options) []string {
	// The title is scored with the text, as the service scores a crawled article (model.ScoredText): in many
	// annotated articles the title field also holds the lead, and the annotators read it.
	text := model.ScoredText(a.Title, "", a.Text, nil)
	res := s.Check(scorer.Document{Text: text, Section: a.Category})
	var log []string
	logf := func(format string, args ...any) {
		if opts.Detail {
			log = append(log, fmt.Sprintf(format, args...))
		}
	}

	// Quoted sources by gender, by count.
	gf, gm := 0, 0
	for _, p := range a.Gold.People {
		if p.Quoted && p.Gender == Female {
			gf++
		}
		if p.Quoted && p.Gender == Male {
			gm++
		}
	}
	sf, sm := res.Counts.Quoted.Female, res.Counts.Quoted.Male
	c.WomenTP += min(sf, gf)
	c.WomenFP += max(0, sf-gf)
	c.WomenFN += max(0, gf-sf)
	c.MenTP += min(sm, gm)
	c.MenFP += max(0, sm-gm)
	c.MenFN += max(0, gm-sm)
	c.SystemWomen, c.SystemMen = c.SystemWomen+sf, c.SystemMen+sm
	c.GoldWomen, c.GoldMen = c.GoldWomen+gf, c.GoldMen+gm
	if sf != gf || sm != gm {
		logf("quoted women %d (gold %d), men %d (gold %d)", sf, gf, sm, gm)
	}

	// Quoted people by name: each gold quoted person is matched to at most one quoted system person with a
	// compatible name.
	used := make([]bool, len(res.People))
	for _, g := range a.Gold.People {
		if !g.Quoted || a.ByCount {
			continue
		}
		gk := nameKey(g.Name)
		unnamed := strings.HasSuffix(g.Name, unnamedMark)
		match := -1
		for i, p := range res.People {
			if used[i] || !p.Quoted {
				continue
			}
			if unnamed && p.Unnamed || !unnamed && !p.Unnamed && sameName(gk, nameKey(p.Name)) {
				match = i
				break
			}
		}
		if match < 0 {
			fig.NameFN++
			switch {
			case unnamed:
				fig.NameErrors.MissedUnnamed++
			case slices.ContainsFunc(res.People, func(p scorer.Person) bool {
				return !p.Quoted && !p.Unnamed && sameName(gk, nameKey(p.Name))
			}):
				fig.NameErrors.MissedUnquoted++
			default:
				fig.NameErrors.MissedAbsent++
			}
			logf("missed quoted %s %s", g.Gender, g.Name)
			continue
		}
		used[match] = true
		fig.NameTP++
		p := res.People[match]
		if genderLetter(p.Gender) == g.Gender {
			fig.GenderRight++
		} else {
			logf("gender of %q: %s, gold %s (%s)", p.Name, genderLetter(p.Gender), g.Gender, cueSummary(p))
		}
	}
	goldNamed := make([][]string, 0, len(a.Gold.People))
	for _, g := range a.Gold.People {
		goldNamed = append(goldNamed, nameKey(g.Name))
	}
	for i, p := range res.People {
		if !p.Quoted || used[i] || a.ByCount {
			continue
		}
		fig.NameFP++
		what, count := "not a quoted person in gold", &fig.NameErrors.FalseAbsent
		for j, g := range a.Gold.People {
			if !p.Unnamed && sameName(goldNamed[j], nameKey(p.Name)) {
				what, count = "gold: named, not quoted", &fig.NameErrors.FalseUnquoted
				if g.Quoted {
					what, count = "gold: the same person counted twice", &fig.NameErrors.FalseTwice
				}
				break
			}
		}
		*count++
		logf("false quoted %s %q (%s): %s", genderLetter(p.Gender), p.Name, what, cueSummary(p))
	}

	// Gendered language: every occurrence of a gold phrase is a gold span.
	type goldSpan struct {
		start, end, phrase int
		cat                string
	}
	var spans []goldSpan
	for pi, g := range a.Gold.Language {
		for _, o := range occurrences(text, g.Text) {
			spans = append(spans, goldSpan{o[0], o[1], pi, g.Category})
		}
	}
	c.Phrases += len(a.Gold.Language)
	hit := make(map[int]bool)
	for _, f := range res.Findings {
		if f.Category == model.CategoryPositive {
			continue
		}
		c.Findings++
		ok := false
		for _, sp := range spans {
			if f.Start < sp.end && sp.start < f.End && sameLanguageCategory(f.Category, sp.cat) {
				ok = true
				hit[sp.phrase] = true
			}
		}
		fc := fig.ByFinding[f.Category]
		fc.All++
		if ok {
			fc.Correct++
		}
		fig.ByFinding[f.Category] = fc
		if ok {
			c.Correct++
			if opts.Findings {
				logf("correct finding %s %q (%s)", f.Category, f.Text, f.Rule)
			}
		} else {
			logf("false finding %s %q (%s)", f.Category, f.Text, f.Rule)
		}
	}
	c.Hits += len(hit)
	for pi, g := range a.Gold.Language {
		cr := fig.ByCategory[g.Category]
		cr.All++
		if hit[pi] {
			cr.Found++
		} else {
			logf("missed %s %q", g.Category, g.Text)
		}
		fig.ByCategory[g.Category] = cr
	}

	switch {
	case a.ByCount:
	case res.Topics.GBV && a.Gold.GBV:
		c.GBVTP++
	case res.Topics.GBV:
		c.GBVFP++
		logf("gbv: system true, gold false")
	case a.Gold.GBV:
		c.GBVFN++
		logf("gbv: system false, gold true")
	}
	return log
}
