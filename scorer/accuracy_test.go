package scorer_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"genderlens/internal/demo"
	"genderlens/rules"
	"genderlens/scorer"
	"genderlens/vntext"
)

// The annotated sets of ../shared/gold, seen from this package's directory.
// train is for reading errors and building rules, dev has been read before,
// check is only ever measured in aggregate: its articles and per-article
// errors are never printed, so nobody can tune to them.
var goldDir = filepath.Join("..", "..", "shared", "gold")

// -accuracy.detail names a set (train, dev or demo) whose per-article errors
// are logged: people by name, missed and false findings.
var accuracyDetail = flag.String("accuracy.detail", "", "log the per-article errors of this set (train, dev or demo; never check)")

// -accuracy.findings also logs the correct findings, so that the precision of
// each rule phrase can be counted.
var accuracyFindings = flag.Bool("accuracy.findings", false, "with -accuracy.detail, log correct findings too")

// goldArticle is one line of the annotated sets (see ../shared/README.md).
type goldArticle struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	// byCount: the people are annotated by count only (demo articles).
	byCount bool
	Title   string `json:"title"`
	Text    string `json:"text"`
	Gold    struct {
		People   []goldPerson `json:"people"`
		Language []struct {
			Text     string `json:"text"`
			Category string `json:"category"`
		} `json:"gendered_language"`
		GBV            bool `json:"gbv"`
		GenderEquality bool `json:"gender_equality_focus"`
		WomenFocus     bool `json:"women_focus"`
	} `json:"gold"`
}

type goldPerson struct {
	Name   string `json:"name"`
	Gender string `json:"gender"` // F, M, U
	Quoted bool   `json:"quoted"`
	Role   string `json:"role"`
}

// readGold loads one annotated set, or skips when ../shared is absent.
func readGold(t testing.TB, name string) []goldArticle {
	t.Helper()
	path := filepath.Join(goldDir, name+".jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("annotated set not available (%v): the accuracy test needs ../shared next to the project", err)
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("parse %s: %v", path, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// demoGold turns the demo articles' own annotations (quoted sources by
// gender, flagged phrases) into the same form. Their people are annotated
// by count only, so they add no names.
func demoGold(t testing.TB) []goldArticle {
	t.Helper()
	arts, err := demo.Articles()
	if err != nil {
		t.Fatalf("demo articles: %v", err)
	}
	var out []goldArticle
	for _, a := range arts {
		g := goldArticle{ID: a.Outlet + "/" + a.Slug, Category: a.Section, Text: demoText(a), byCount: true}
		for range a.Sources.Female {
			g.Gold.People = append(g.Gold.People, goldPerson{Gender: "F", Quoted: true})
		}
		for range a.Sources.Male {
			g.Gold.People = append(g.Gold.People, goldPerson{Gender: "M", Quoted: true})
		}
		for _, f := range a.Flagged {
			g.Gold.Language = append(g.Gold.Language, struct {
				Text     string `json:"text"`
				Category string `json:"category"`
			}{f.Text, f.Category})
		}
		out = append(out, g)
	}
	return out
}

// demoText is the text the crawler extracts from a demo article page: title,
// lead, body and the image caption.
func demoText(a demo.Article) string {
	parts := []string{a.Title, a.Lead}
	parts = append(parts, demo.Paragraphs(a.Body)...)
	if a.Image != nil && a.Image.Caption != "" {
		parts = append(parts, a.Image.Caption)
	}
	return strings.Join(parts, "\n")
}

// floors are the minimums. train and dev must meet them; check is
// only reported, since a gate on it would invite tuning to it.
type floors struct {
	quotedF1, shareDelta, langP, langR, gbvF1 float64
}

var accuracyFloors = floors{quotedF1: 0.85, shareDelta: 3, langP: 0.85, langR: 0.75, gbvF1: 0.90}

// figures are the measures of ../shared/README.md for one set.
type figures struct {
	articles                         int
	tpF, fpF, fnF, tpM, fpM, fnM     int
	sysF, sysM, goldF, goldM         int
	findings, correct, phrases, hits int
	gbvTP, gbvFP, gbvFN              int
	// By name: gold quoted people matched to a quoted system person.
	nameTP, nameFP, nameFN, genderOK int
	byCategory                       map[string][2]int // gold phrases found / all, by category
}

func f1(tp, fp, fn int) float64 {
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

func (f *figures) womenF1() float64 { return f1(f.tpF, f.fpF, f.fnF) }
func (f *figures) menF1() float64   { return f1(f.tpM, f.fpM, f.fnM) }
func (f *figures) sysShare() float64 {
	return 100 * ratio(f.sysF, f.sysF+f.sysM)
}
func (f *figures) goldShare() float64 {
	return 100 * ratio(f.goldF, f.goldF+f.goldM)
}
func (f *figures) langP() float64 { return ratio(f.correct, f.findings) }
func (f *figures) langR() float64 { return ratio(f.hits, f.phrases) }
func (f *figures) gbvF1() float64 { return f1(f.gbvTP, f.gbvFP, f.gbvFN) }

// sameLanguageCategory treats appearance and sexualization as one, as the
// measure in ../shared/README.md does.
func sameLanguageCategory(a, b string) bool {
	norm := func(c string) string {
		if c == "sexualization" {
			return "appearance"
		}
		return c
	}
	return norm(a) == norm(b)
}

// occurrences returns every span of phrase in text, ignoring case.
func occurrences(text, phrase string) [][2]int {
	lt, lp := strings.ToLower(text), strings.ToLower(phrase)
	if len(lt) != len(text) || len(lp) != len(phrase) {
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

// nameKey folds a name into its syllables for matching mentions.
func nameKey(name string) []string {
	k := vntext.FoldString(strings.TrimSuffix(name, " (không tên)"))
	var out []string
	for _, sp := range vntext.Syllables(k) {
		out = append(out, k[sp.Start:sp.End])
	}
	return out
}

// sameName reports whether two names can be the same person: one's
// syllables all occur in the other ("Li" in "Li Mingjiang", "Lavrov" in
// "Sergei Lavrov").
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
	case "female":
		return "F"
	case "male":
		return "M"
	}
	return "U"
}

// cueSummary lists a person's cues as "decides/kind "text"".
func cueSummary(p scorer.Person) string {
	var parts []string
	for _, c := range p.Cues {
		parts = append(parts, fmt.Sprintf("%s/%s %q", c.Decides, c.Kind, c.Text))
	}
	return strings.Join(parts, "; ")
}

// measure scores every article and accumulates the figures; detail logs
// each article's errors.
func measure(t *testing.T, s *scorer.Scorer, arts []goldArticle, detail bool) *figures {
	t.Helper()
	fig := &figures{articles: len(arts), byCategory: map[string][2]int{}}
	for _, a := range arts {
		res := s.Check(scorer.Document{Text: a.Text, Section: a.Category})
		var log []string
		logf := func(format string, args ...any) {
			if detail {
				log = append(log, fmt.Sprintf(format, args...))
			}
		}

		// Quoted sources by gender, by count.
		gf, gm := 0, 0
		for _, p := range a.Gold.People {
			if p.Quoted && p.Gender == "F" {
				gf++
			}
			if p.Quoted && p.Gender == "M" {
				gm++
			}
		}
		sf, sm := res.Counts.Quoted.Female, res.Counts.Quoted.Male
		fig.tpF += min(sf, gf)
		fig.fpF += max(0, sf-gf)
		fig.fnF += max(0, gf-sf)
		fig.tpM += min(sm, gm)
		fig.fpM += max(0, sm-gm)
		fig.fnM += max(0, gm-sm)
		fig.sysF, fig.sysM, fig.goldF, fig.goldM = fig.sysF+sf, fig.sysM+sm, fig.goldF+gf, fig.goldM+gm
		if sf != gf || sm != gm {
			logf("quoted women %d (gold %d), men %d (gold %d)", sf, gf, sm, gm)
		}

		// Quoted people by name: each gold quoted person is matched to at
		// most one quoted system person with a compatible name.
		used := make([]bool, len(res.People))
		for _, g := range a.Gold.People {
			if !g.Quoted || a.byCount {
				continue
			}
			gk := nameKey(g.Name)
			unnamed := strings.HasSuffix(g.Name, "(không tên)")
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
				fig.nameFN++
				logf("missed quoted %s %s", g.Gender, g.Name)
				continue
			}
			used[match] = true
			fig.nameTP++
			p := res.People[match]
			if genderLetter(p.Gender) == g.Gender {
				fig.genderOK++
			} else {
				logf("gender of %q: %s, gold %s (%s)", p.Name, genderLetter(p.Gender), g.Gender, cueSummary(p))
			}
		}
		goldNamed := make([][]string, 0, len(a.Gold.People))
		for _, g := range a.Gold.People {
			goldNamed = append(goldNamed, nameKey(g.Name))
		}
		for i, p := range res.People {
			if !p.Quoted || used[i] || a.byCount {
				continue
			}
			fig.nameFP++
			what := "not a quoted person in gold"
			for j, g := range a.Gold.People {
				if !p.Unnamed && sameName(goldNamed[j], nameKey(p.Name)) {
					what = "gold: named, not quoted"
					if g.Quoted {
						what = "gold: the same person counted twice"
					}
					break
				}
			}
			logf("false quoted %s %q (%s): %s", genderLetter(p.Gender), p.Name, what, cueSummary(p))
		}

		// Gendered language.
		type goldSpan struct {
			start, end, phrase int
			cat                string
		}
		var spans []goldSpan
		for pi, g := range a.Gold.Language {
			for _, o := range occurrences(a.Text, g.Text) {
				spans = append(spans, goldSpan{o[0], o[1], pi, g.Category})
			}
		}
		fig.phrases += len(a.Gold.Language)
		hit := make(map[int]bool)
		for _, f := range res.Findings {
			if f.Category == "positive" {
				continue
			}
			fig.findings++
			ok := false
			for _, sp := range spans {
				if f.Start < sp.end && sp.start < f.End && sameLanguageCategory(f.Category, sp.cat) {
					ok = true
					hit[sp.phrase] = true
				}
			}
			if ok {
				fig.correct++
				if *accuracyFindings {
					logf("correct finding %s %q (%s)", f.Category, f.Text, f.Rule)
				}
			} else {
				logf("false finding %s %q (%s)", f.Category, f.Text, f.Rule)
			}
		}
		fig.hits += len(hit)
		for pi, g := range a.Gold.Language {
			c := fig.byCategory[g.Category]
			c[1]++
			if hit[pi] {
				c[0]++
			} else {
				logf("missed %s %q", g.Category, g.Text)
			}
			fig.byCategory[g.Category] = c
		}

		switch {
		case a.byCount:
		case res.Topics.GBV && a.Gold.GBV:
			fig.gbvTP++
		case res.Topics.GBV:
			fig.gbvFP++
			logf("gbv: system true, gold false")
		case a.Gold.GBV:
			fig.gbvFN++
			logf("gbv: system false, gold true")
		}
		if detail && len(log) > 0 {
			t.Logf("%s (%s):\n\t%s", a.ID, a.Category, strings.Join(log, "\n\t"))
		}
	}
	return fig
}

// report logs one set's figures as a row of the README's table.
func (f *figures) report(t *testing.T, set string) {
	t.Helper()
	t.Logf("%s: %d articles", set, f.articles)
	t.Logf("  quoted women F1 %.3f (tp %d fp %d fn %d); quoted men F1 %.3f (tp %d fp %d fn %d)",
		f.womenF1(), f.tpF, f.fpF, f.fnF, f.menF1(), f.tpM, f.fpM, f.fnM)
	t.Logf("  women's share of quoted sources: system %.1f%%, gold %.1f%%", f.sysShare(), f.goldShare())
	if f.nameTP+f.nameFN > 0 {
		t.Logf("  quoted people by name: F1 %.3f (matched %d, missed %d, false %d); gender right for %d of %d matched",
			f1(f.nameTP, f.nameFP, f.nameFN), f.nameTP, f.nameFN, f.nameFP, f.genderOK, f.nameTP)
	}
	t.Logf("  gendered language: precision %.3f (%d/%d), recall %.3f (%d/%d)",
		f.langP(), f.correct, f.findings, f.langR(), f.hits, f.phrases)
	cats := make([]string, 0, len(f.byCategory))
	for c := range f.byCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var parts []string
	for _, c := range cats {
		parts = append(parts, fmt.Sprintf("%s %d/%d", c, f.byCategory[c][0], f.byCategory[c][1]))
	}
	t.Logf("  recall by category: %s", strings.Join(parts, ", "))
	t.Logf("  gbv F1 %.3f (tp %d fp %d fn %d)", f.gbvF1(), f.gbvTP, f.gbvFP, f.gbvFN)
	t.Logf("  | %s (%d) | %.2f | %.2f | %.1f / %.1f | %.2f | %.2f | %.2f |", set, f.articles,
		f.womenF1(), f.menF1(), f.sysShare(), f.goldShare(), f.langP(), f.langR(), f.gbvF1())
}

// gate fails the test where a figure is below its floor.
func (f *figures) gate(t *testing.T, set string, fl floors) {
	t.Helper()
	check := func(name string, got, floor float64) {
		if got < floor {
			t.Errorf("%s: %s %.3f is below the floor %.2f", set, name, got, floor)
		}
	}
	check("quoted women F1", f.womenF1(), fl.quotedF1)
	check("quoted men F1", f.menF1(), fl.quotedF1)
	if d := math.Abs(f.sysShare() - f.goldShare()); d > fl.shareDelta {
		t.Errorf("%s: women's share %.1f%% is %.1f points from gold %.1f%% (at most %.0f)",
			set, f.sysShare(), d, f.goldShare(), fl.shareDelta)
	}
	check("gendered-language precision", f.langP(), fl.langP)
	check("gendered-language recall", f.langR(), fl.langR)
	if f.gbvTP+f.gbvFN > 0 {
		check("gbv F1", f.gbvF1(), fl.gbvF1)
	}
}

// TestAccuracy measures the scorer on every annotated set exactly as
// ../shared/README.md defines. It fails below the floors on train, dev and
// the demo articles, and only reports check.
//
// Each set is gated under the gender evidence its annotators used. dev was
// annotated from the text's own cues: its two readers left unknown every
// person whose sex the article does not state (a well-known person, a name
// alone; see ../shared/README.md, which reports that difference from train
// and check). So dev is gated with rules.EvidenceText, and its figures under
// the default policy (names) are reported beside them. train, check and the
// demo use names and common knowledge, the default.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the accuracy test over the annotated sets")
	}
	// GENDERLENS_RULES measures a rule set directory instead of the
	// embedded one, to compare a change before making it.
	set, err := rules.Embedded()
	if dir := os.Getenv("GENDERLENS_RULES"); dir != "" {
		set, err = rules.LoadDir(dir)
	}
	if err != nil {
		t.Fatal(err)
	}
	s, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	if *accuracyDetail == "check" {
		t.Fatal("-accuracy.detail=check: check is measured in aggregate only; read train's errors instead")
	}
	textSet := *set
	textSet.People.GenderEvidence = rules.EvidenceText
	textOnly, err := scorer.New(&textSet)
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		name, set string
		s         *scorer.Scorer
		gated     bool
	}{
		{"train", "train", s, true},
		{"dev", "dev", textOnly, true},
		{"dev-names", "dev", s, false},
		{"check", "check", s, false},
		{"demo", "demo", s, true},
	} {
		t.Run(run.name, func(t *testing.T) {
			var arts []goldArticle
			if run.set == "demo" {
				arts = demoGold(t)
			} else {
				arts = readGold(t, run.set)
			}
			fig := measure(t, run.s, arts, run.set != "check" && *accuracyDetail == run.name)
			fig.report(t, run.name)
			if run.gated {
				fig.gate(t, run.name, accuracyFloors)
			}
		})
	}
}
