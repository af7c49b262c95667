package scorer_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"genderlens/adoption"
	"genderlens/internal/demo"
	"genderlens/rules"
	"genderlens/scorer"
)

// rankFloors are the rank correlations between the article score and the
// number of gold problem phrases that train and dev must reach (at most:
// the correlation must be negative). Measured with rules 2026.12.0: train
// -0.64, dev -0.55 (the score before it, with B1.3 at 100 outside violence
// stories and free info findings: -0.37 and -0.24); the floors leave room
// for rule changes, not for a score that stops ranking.
var rankFloors = map[string]float64{"train": -0.55, "dev": -0.45}

// TestScoreRanksGoldProblems: articles with more gold problems score lower.
// For each annotated set it reports Spearman's rank correlation between the
// score and the number of gold problem phrases (every gendered_language
// entry, the violence-reporting categories sensational_gbv, victim_blaming
// and victim_identification among them), and fails on train and dev above
// their floor. check is only reported in aggregate.
func TestScoreRanksGoldProblems(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"train", "dev", "check"} {
		t.Run(name, func(t *testing.T) {
			arts := readGold(t, name)
			scores := make([]float64, len(arts))
			problems := make([]float64, len(arts))
			withProblems := 0
			for i, a := range arts {
				scores[i] = s.Check(scorer.Document{Text: a.Text, Section: a.Category}).Score
				problems[i] = float64(len(a.Gold.Language))
				if len(a.Gold.Language) > 0 {
					withProblems++
				}
			}
			rho := spearman(scores, problems)
			t.Logf("%s: %d articles (%d with gold problems): Spearman rank correlation of score and gold problems %.3f",
				name, len(arts), withProblems, rho)
			if floor, ok := rankFloors[name]; ok && !(rho <= floor) {
				t.Errorf("%s: rank correlation %.3f is above the floor %.2f: the score no longer ranks articles as the annotations do", name, rho, floor)
			}
		})
	}
}

// spearman is Spearman's rank correlation of x and y: the Pearson
// correlation of their ranks, ties given their mean rank.
func spearman(x, y []float64) float64 {
	rx, ry := ranks(x), ranks(y)
	n := float64(len(x))
	var mx, my float64
	for i := range rx {
		mx += rx[i] / n
		my += ry[i] / n
	}
	var cov, vx, vy float64
	for i := range rx {
		cov += (rx[i] - mx) * (ry[i] - my)
		vx += (rx[i] - mx) * (rx[i] - mx)
		vy += (ry[i] - my) * (ry[i] - my)
	}
	if vx == 0 || vy == 0 {
		return 0
	}
	return cov / math.Sqrt(vx*vy)
}

func ranks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return v[idx[a]] < v[idx[b]] })
	r := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}

func TestSpearman(t *testing.T) {
	for _, tc := range []struct {
		x, y []float64
		want float64
	}{
		{[]float64{1, 2, 3, 4}, []float64{10, 20, 30, 40}, 1},
		{[]float64{1, 2, 3, 4}, []float64{4, 3, 2, 1}, -1},
		{[]float64{1, 2, 3, 4, 5}, []float64{0, 0, 1, 0, 0}, 0},
		{[]float64{1, 1, 2, 3}, []float64{1, 2, 3, 3}, 8.0 / 9},
	} {
		if got := spearman(tc.x, tc.y); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("spearman(%v, %v) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}

// TestScoreDistribution reports the score's distribution over the Dân Trí
// corpus (../shared/corpus) and the demo outlets, the figures the preset
// thresholds are set from (see the comments in adoption/presets/*.yaml):
// `go test -run TestScoreDistribution -v ./scorer/`. It only reports.
func TestScoreDistribution(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	pilot, official := presetThresholds(t)
	t.Logf("preset thresholds: pilot %.1f, official %.1f", pilot, official)

	f, err := os.Open(filepath.Join("..", "..", "shared", "corpus", "dantri-2019-2021.jsonl"))
	if err != nil {
		t.Skipf("corpus not available (%v): the distribution needs ../shared next to the project", err)
	}
	defer f.Close()
	var all []float64
	bySection := map[string][]float64{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a struct{ URL, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		text := a.Text
		if !strings.HasPrefix(text, a.Title) {
			text = a.Title + "\n" + text
		}
		section := ""
		if parts := strings.Split(a.URL, "/"); len(parts) > 3 {
			section = parts[3]
		}
		v := s.Check(scorer.Document{Text: text, Section: section}).Score
		all = append(all, v)
		bySection[section] = append(bySection[section], v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Dân Trí, %d articles: %s", len(all), summary(all, pilot, official))
	for _, sec := range slices.Sorted(func(yield func(string) bool) {
		for k := range bySection {
			if !yield(k) {
				return
			}
		}
	}) {
		t.Logf("  section %-12s %4d articles: mean %.1f", sec, len(bySection[sec]), mean(bySection[sec]))
	}

	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	byOutletYear := map[string][]float64{}
	var demoAll []float64
	for _, a := range arts {
		v := s.Check(scorer.Document{Text: demoText(a), Section: a.Section}).Score
		k := fmt.Sprintf("%s %d", a.Outlet, a.Published.Year())
		byOutletYear[k] = append(byOutletYear[k], v)
		demoAll = append(demoAll, v)
	}
	t.Logf("demo, %d articles: %s", len(demoAll), summary(demoAll, pilot, official))
	keys := make([]string, 0, len(byOutletYear))
	for k := range byOutletYear {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("  %-14s %2d articles: mean %.1f", k, len(byOutletYear[k]), mean(byOutletYear[k]))
	}
}

// TestDemoAppearanceBelowPilot: every demo article with three or more appearance or sexualisation findings scores
// below the pilot threshold (the worst scored 60.0, above the old threshold of 50).
func TestDemoAppearanceBelowPilot(t *testing.T) {
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := scorer.New(set)
	if err != nil {
		t.Fatal(err)
	}
	pilot, _ := presetThresholds(t)
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, a := range arts {
		res := s.Check(scorer.Document{Text: demoText(a), Section: a.Section})
		n := 0
		for _, f := range res.Findings {
			if f.Category == "appearance" || f.Category == "sexualization" {
				n++
			}
		}
		if n < 3 {
			continue
		}
		checked++
		t.Logf("%s/%s: %d appearance or sexualisation findings, score %.1f %v", a.Outlet, a.Slug, n, res.Score, res.Indicators)
		if res.Score >= pilot {
			t.Errorf("%s/%s: %d appearance or sexualisation findings score %.1f, not below the pilot threshold %.1f", a.Outlet, a.Slug, n, res.Score, pilot)
		}
	}
	if checked == 0 {
		t.Error("no demo article with three appearance or sexualisation findings: the test checks nothing")
	}
}

// presetThresholds returns the Hanoi preset's pilot and official content scores (the national preset has the same).
func presetThresholds(t *testing.T) (pilot, official float64) {
	t.Helper()
	p, err := adoption.Preset("hanoi")
	if err != nil {
		t.Fatal(err)
	}
	return *p.Pilot.Content.MinScore, *p.Official.Content.MinScore
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// summary gives the mean, quartiles and the shares of articles at or above the thresholds.
func summary(v []float64, pilot, official float64) string {
	v = slices.Sorted(slices.Values(v))
	q := func(p float64) float64 { return v[int(p*float64(len(v)-1))] }
	above := func(th float64) float64 {
		n := 0
		for _, x := range v {
			if x >= th {
				n++
			}
		}
		return 100 * float64(n) / float64(len(v))
	}
	return fmt.Sprintf("mean %.1f, p10 %.1f, p25 %.1f, median %.1f, p75 %.1f; %.0f%% at or above pilot, %.0f%% at or above official",
		mean(v), q(0.1), q(0.25), q(0.5), q(0.75), above(pilot), above(official))
}
