package scorer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devSet is ../shared/gold/dev.jsonl seen from this package's directory.
var devSetPath = filepath.Join("..", "..", "shared", "gold", "dev.jsonl")

type goldArticle struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Text     string `json:"text"`
	Gold     struct {
		People []struct {
			Name   string `json:"name"`
			Gender string `json:"gender"`
			Quoted bool   `json:"quoted"`
			Role   string `json:"role"`
		} `json:"people"`
		Language []struct {
			Text     string `json:"text"`
			Category string `json:"category"`
		} `json:"gendered_language"`
		GBV            bool `json:"gbv"`
		GenderEquality bool `json:"gender_equality_focus"`
		WomenFocus     bool `json:"women_focus"`
	} `json:"gold"`
}

func readDevSet(t testing.TB) []goldArticle {
	t.Helper()
	f, err := os.Open(devSetPath)
	if err != nil {
		t.Skipf("dev set not available (%v): the accuracy test needs ../shared next to the project", err)
	}
	defer f.Close()
	var out []goldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("parse %s: %v", devSetPath, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", devSetPath, err)
	}
	return out
}

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

func f1(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// occurrences returns every span of phrase in text, ignoring case.
func occurrences(text, phrase string) [][2]int {
	lt, lp := strings.ToLower(text), strings.ToLower(phrase)
	if len(lt) != len(text) {
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

// TestDevSetAccuracy measures the scorer on the annotated dev set exactly as
// ../shared/README.md defines, and fails below the floors.
func TestDevSetAccuracy(t *testing.T) {
	arts := readDevSet(t)
	s := newTestScorer(t)
	var tpF, fpF, fnF, tpM, fpM, fnM int
	var sysF, sysM, goldF, goldM int
	var findings, correct, goldPhrases, found int
	var gbvTP, gbvFP, gbvFN int
	var wfTP, wfFP, wfFN, geAgree int
	for _, a := range arts {
		res := s.Check(Document{Text: a.Text, Section: a.Category})
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
		tpF += min(sf, gf)
		fpF += max(0, sf-gf)
		fnF += max(0, gf-sf)
		tpM += min(sm, gm)
		fpM += max(0, sm-gm)
		fnM += max(0, gm-sm)
		sysF, sysM, goldF, goldM = sysF+sf, sysM+sm, goldF+gf, goldM+gm
		if testing.Verbose() && (sf != gf || sm != gm) {
			var ps []string
			for _, p := range res.People {
				ps = append(ps, p.Name+"/"+p.Gender+map[bool]string{true: "/Q", false: ""}[p.Quoted])
			}
			t.Logf("%s quoted F %d/%d M %d/%d people %v", a.ID, sf, gf, sm, gm, ps)
		}

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
		goldPhrases += len(a.Gold.Language)
		hitPhrase := make(map[int]bool)
		for _, f := range res.Findings {
			if f.Category == "positive" {
				continue
			}
			findings++
			ok := false
			for _, sp := range spans {
				if f.Start < sp.end && sp.start < f.End && sameLanguageCategory(f.Category, sp.cat) {
					ok = true
					hitPhrase[sp.phrase] = true
				}
			}
			if ok {
				correct++
			} else if testing.Verbose() {
				t.Logf("%s false finding %s %q", a.ID, f.Category, f.Text)
			}
		}
		found += len(hitPhrase)
		if testing.Verbose() {
			for pi, g := range a.Gold.Language {
				if !hitPhrase[pi] {
					t.Logf("%s missed %s %q", a.ID, g.Category, g.Text)
				}
			}
		}
		switch {
		case res.Topics.WomenFocus && a.Gold.WomenFocus:
			wfTP++
		case res.Topics.WomenFocus:
			wfFP++
		case a.Gold.WomenFocus:
			wfFN++
		}
		if res.Topics.GenderEquality == a.Gold.GenderEquality {
			geAgree++
		}
		switch {
		case res.Topics.GBV && a.Gold.GBV:
			gbvTP++
		case res.Topics.GBV:
			gbvFP++
		case a.Gold.GBV:
			gbvFN++
		}
	}
	_, _, f1F := f1(tpF, fpF, fnF)
	_, _, f1M := f1(tpM, fpM, fnM)
	share := func(f, m int) float64 {
		if f+m == 0 {
			return 0
		}
		return 100 * float64(f) / float64(f+m)
	}
	sysShare, goldShare := share(sysF, sysM), share(goldF, goldM)
	langP := 0.0
	if findings > 0 {
		langP = float64(correct) / float64(findings)
	}
	langR := 0.0
	if goldPhrases > 0 {
		langR = float64(found) / float64(goldPhrases)
	}
	_, _, gbvF1 := f1(gbvTP, gbvFP, gbvFN)
	t.Logf("articles %d", len(arts))
	t.Logf("quoted women: F1 %.3f (tp %d fp %d fn %d)", f1F, tpF, fpF, fnF)
	t.Logf("quoted men:   F1 %.3f (tp %d fp %d fn %d)", f1M, tpM, fpM, fnM)
	t.Logf("women's share of quoted: system %.1f%%, gold %.1f%%", sysShare, goldShare)
	t.Logf("gendered language: precision %.3f (%d/%d), recall %.3f (%d/%d)", langP, correct, findings, langR, found, goldPhrases)
	t.Logf("gbv: F1 %.3f (tp %d fp %d fn %d)", gbvF1, gbvTP, gbvFP, gbvFN)
	_, _, wfF1 := f1(wfTP, wfFP, wfFN)
	t.Logf("women_focus (no floor): F1 %.3f (tp %d fp %d fn %d); gender_equality agreement %d/%d",
		wfF1, wfTP, wfFP, wfFN, geAgree, len(arts))

	if f1F < 0.85 {
		t.Errorf("quoted women F1 %.3f < 0.85", f1F)
	}
	if f1M < 0.85 {
		t.Errorf("quoted men F1 %.3f < 0.85", f1M)
	}
	if d := sysShare - goldShare; d > 3 || d < -3 {
		t.Errorf("women's share %.1f%% is more than 3 points from gold %.1f%%", sysShare, goldShare)
	}
	if langP < 0.85 {
		t.Errorf("gendered-language precision %.3f < 0.85", langP)
	}
	if langR < 0.75 {
		t.Errorf("gendered-language recall %.3f < 0.75", langR)
	}
	if gbvF1 < 0.85 {
		t.Errorf("gbv F1 %.3f < 0.85", gbvF1)
	}
}
