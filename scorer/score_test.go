package scorer

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"genderlens/adoption"
	"genderlens/model"
	"genderlens/rules"
)

// TestScoreApplicableGroups: a group that does not apply to an article is
// left out of its indicators and of the weights, not scored 100.
func TestScoreApplicableGroups(t *testing.T) {
	s := newTestScorer(t)
	sc := s.Scoring()
	half := func(points float64) float64 { return 100 * math.Exp2(-points/sc.HalfLife) }
	// geo is the weighted geometric mean of groups, as the method states it.
	geo := func(groups map[string]float64) float64 {
		var l, w float64
		for g, v := range groups {
			l += sc.Groups[g] * math.Log(v)
			w += sc.Groups[g]
		}
		return math.Exp(l / w)
	}
	oneMan := 100 * (0.0 + 1) / (1 + 2) / 0.5 // B1.1 with one man quoted: add-one smoothing
	for _, tc := range []struct {
		name, text string
		want       map[string]float64
	}{
		{"nobody, no violence: B1.2 alone", "Giá xăng tăng\nGiá xăng tăng 500 đồng từ chiều nay.",
			map[string]float64{"B1.2": 100}},
		{"one man quoted: B1.1 and B1.2, no B1.3", "Giá xăng tăng\nÔng Trần Văn Hùng cho biết giá xăng sẽ tăng 500 đồng.",
			map[string]float64{"B1.1": oneMan, "B1.2": 100}},
		{"a violence story: all three", "Chồng đánh vợ nhập viện\nNgười chồng bị bắt vì đánh vợ nhập viện. Bà Nguyễn Thị Lan, " +
			"cán bộ phường, cho biết đây là bạo lực gia đình kéo dài. Ông Trần Văn Hùng nói phường sẽ hỗ trợ nạn nhân.",
			map[string]float64{"B1.1": 100, "B1.2": 100, "B1.3": 100}},
		{"sensational wording outside a violence story counts in B1.2", "Bắt nghi phạm\nKẻ yêu râu xanh bị bắt sau nhiều ngày lẩn trốn.",
			map[string]float64{"B1.2": half(sc.Penalty["error"])}},
		{"appearance with balanced sources", "Buổi tiệc\nBà Nguyễn Thị Lan cho biết buổi tiệc rất vui. Ông Trần Văn Hùng nói " +
			"khách rất đông. Người đẹp diện váy mới.",
			map[string]float64{"B1.1": 100, "B1.2": half(sc.Penalty["warning"])}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := s.Check(Document{Text: tc.text})
			if len(res.Indicators) != len(tc.want) {
				t.Errorf("indicators %v, want the groups of %v", res.Indicators, tc.want)
			}
			for g, v := range tc.want {
				if got, ok := res.Indicators[g]; !ok || got != round1(v) {
					t.Errorf("%s = %v (present %v), want %v", g, got, ok, round1(v))
				}
			}
			if want := round1(geo(tc.want)); res.Score != want {
				t.Errorf("score %v, want %v (the weighted geometric mean of %v)", res.Score, want, tc.want)
			}
		})
	}
}

// TestEveryProblemCosts: one more problem of any severity, in any group
// (applicable or not), lowers the score before rounding and never raises it
// after.
func TestEveryProblemCosts(t *testing.T) {
	s := newTestScorer(t)
	sc := s.Scoring()
	balanced := Counts{Quoted: model.GenderCounts{Female: 1, Male: 1}}
	for _, tc := range []struct {
		name   string
		counts Counts
		gbv    bool
		add    Finding
	}{
		{"info in B1.2", balanced, false, Finding{Indicator: "B1.2.2", Category: "gender_marking", Severity: "info"}},
		{"warning in B1.2", balanced, false, Finding{Indicator: "B1.2.1", Category: "appearance", Severity: "warning"}},
		{"error in B1.2", Counts{}, false, Finding{Indicator: "B1.2.1", Category: "sexualization", Severity: "error"}},
		{"balance alert in B1.1", Counts{Quoted: model.GenderCounts{Male: 4}}, false, Finding{Indicator: "B1.1.2", Category: "balance", Severity: "warning"}},
		{"error in B1.3, a violence story", balanced, true, Finding{Indicator: "B1.3", Category: "victim_blaming", Severity: "error"}},
		{"error in B1.3, not a violence story", balanced, false, Finding{Indicator: "B1.3", Category: "sensational_gbv", Severity: "error"}},
		{"info in B1.3 with a positive signal", balanced, true, Finding{Indicator: "B1.3", Category: "sensational_gbv", Severity: "info"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := &Result{Counts: tc.counts, Topics: Topics{GBV: tc.gbv}, Indicators: map[string]float64{},
				Findings: []Finding{{Indicator: "B1.3", Category: "positive", Severity: "info"}}}
			_, before := scoreOf(sc, res)
			s.score(res)
			rounded := res.Score
			if tc.add.Category == "balance" {
				res.Alerts = append(res.Alerts, tc.add)
			} else {
				res.Findings = append(res.Findings, tc.add)
			}
			_, after := scoreOf(sc, res)
			s.score(res)
			if !(after < before) || res.Score > rounded {
				t.Errorf("score %v -> %v (rounded %v -> %v): a problem must cost something", before, after, rounded, res.Score)
			}
		})
	}
}

// randomResult draws the parts of a result the score depends on: people,
// the violence topic, and findings of every group, category and severity,
// positive signals among them.
func randomResult(r *rand.Rand) *Result {
	res := &Result{Indicators: map[string]float64{}, Topics: Topics{GBV: r.IntN(3) == 0}}
	res.Counts.Quoted = model.GenderCounts{Female: r.IntN(3), Male: r.IntN(5)}
	if r.IntN(2) == 0 {
		res.Counts.People = model.GenderCounts{Female: r.IntN(4), Male: r.IntN(4)}
	}
	for range r.IntN(12) {
		res.Findings = append(res.Findings, randomFinding(r, r.IntN(4) == 0))
	}
	return res
}

var scoreIndicators = []string{"B1.1", "B1.1.2", "B1.1.3", "B1.2.1", "B1.2.2", "B1.3"}

func randomFinding(r *rand.Rand, positive bool) Finding {
	f := Finding{Indicator: scoreIndicators[r.IntN(len(scoreIndicators))], Severity: model.Severities()[r.IntN(3)]}
	if positive {
		f.Category, f.Severity = model.CategoryPositive, model.SeverityInfo
		return f
	}
	var problems []string
	for _, c := range model.Categories() {
		if c.Problem() {
			problems = append(problems, c.ID)
		}
	}
	f.Category = problems[r.IntN(len(problems))]
	return f
}

// FuzzScoreProperties checks, on results drawn from the seed, the score's
// stated properties: adding a problem lowers the score (before rounding,
// and never raises it after); adding a positive signal never lowers it;
// positive signals never lift a score above the same article without its
// problems; every score lies in [0, 100].
func FuzzScoreProperties(f *testing.F) {
	for seed := range uint64(500) {
		f.Add(seed)
	}
	s := newTestScorer(f)
	sc := s.Scoring()
	f.Fuzz(func(t *testing.T, seed uint64) {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		res := randomResult(r)
		groups, score := scoreOf(sc, res)
		if !(score > 0 && score <= 100) {
			t.Fatalf("score %v out of (0, 100]", score)
		}
		for g, v := range groups {
			if !(v > 0 && v <= 100) {
				t.Fatalf("%s = %v out of (0, 100]", g, v)
			}
		}
		s.score(res)
		rounded := res.Score

		more := *res
		more.Indicators = map[string]float64{}
		more.Findings = append(slices.Clone(res.Findings), randomFinding(r, false))
		_, worse := scoreOf(sc, &more)
		s.score(&more)
		if !(worse < score) || more.Score > rounded {
			t.Fatalf("adding %+v: %v -> %v (rounded %v -> %v)", more.Findings[len(more.Findings)-1], score, worse, rounded, more.Score)
		}

		pos := *res
		pos.Findings = append(slices.Clone(res.Findings), randomFinding(r, true))
		if _, better := scoreOf(sc, &pos); better < score {
			t.Fatalf("a positive signal lowered the score %v -> %v", score, better)
		}

		clean := *res
		clean.Findings = nil
		for _, f := range res.Findings {
			if !IsProblem(f) {
				clean.Findings = append(clean.Findings, f)
			}
		}
		if _, best := scoreOf(sc, &clean); score > best || best != scoreWithout(sc, res) {
			t.Fatalf("with problems %v, without %v (and without positive signals %v)", score, best, scoreWithout(sc, res))
		}
	})
}

// scoreWithout is the score of res with no finding at all.
func scoreWithout(sc rules.Scoring, res *Result) float64 {
	bare := *res
	bare.Findings, bare.Alerts = nil, nil
	_, v := scoreOf(sc, &bare)
	return v
}

// TestAppearanceBelowPilot: an article with three or more appearance or
// sexualisation findings scores below the pilot threshold of every preset
// policy, even at its best otherwise: balanced sources (B1.1 at 100) and a
// violence story reported well (B1.3 applies, at 100, with support
// information).
func TestAppearanceBelowPilot(t *testing.T) {
	s := newTestScorer(t)
	// The bound holds because no positive signal gives points back to B1.2;
	// a rule that did would soften the appearance findings.
	for _, r := range s.rules {
		if r.Category == model.CategoryPositive && groupOf(r.Indicator) == groupStereotype {
			t.Fatalf("rule %s is a positive signal in B1.2: check that three appearance findings still stay below the pilot threshold", r.ID)
		}
	}
	for _, name := range adoption.PresetNames() {
		p, err := adoption.Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		pilot := *p.Pilot.Content.MinScore
		if off := p.Official.Content.MinScore; off == nil || *off <= pilot {
			t.Errorf("%s: official threshold %v is not above pilot %v", name, off, pilot)
		}
		for n := 3; n <= 12; n++ {
			for sexual := 0; sexual <= n; sexual++ {
				res := &Result{Indicators: map[string]float64{}, Topics: Topics{GBV: true},
					Counts:   Counts{Quoted: model.GenderCounts{Female: 2, Male: 2}},
					Findings: []Finding{{Indicator: "B1.3", Category: "positive", Severity: "info"}}}
				for i := range n {
					f := Finding{Indicator: "B1.2.1", Category: "appearance", Severity: "warning"}
					if i < sexual {
						f.Category, f.Severity = "sexualization", "error"
					}
					res.Findings = append(res.Findings, f)
				}
				s.score(res)
				if res.Score >= pilot {
					t.Errorf("%s: %d appearance findings (%d sexualisation) score %v, at or above the pilot threshold %v", name, n, sexual, res.Score, pilot)
				}
			}
		}
		// The same with real text: balanced sources, three appearance findings.
		text := "Buổi tiệc từ thiện\nBà Nguyễn Thị Lan cho biết buổi tiệc gây quỹ được 200 triệu đồng. Ông Trần Văn Hùng nói " +
			"khách rất đông. Người đẹp diện váy mới, nhan sắc rạng rỡ, đôi chân dài miên man."
		res := s.Check(Document{Text: text})
		n := 0
		for _, f := range res.Findings {
			if f.Category == model.CategoryAppearance || f.Category == model.CategorySexualization {
				n++
			}
		}
		if n < 3 || res.Score >= pilot {
			t.Errorf("%s: a story with %d appearance findings scores %v (pilot %v): %+v", name, n, res.Score, pilot, res.Findings)
		}
	}
}

// TestIssueDraftBelowThresholds: the draft of issue 12, in this project's words, scored 78.4 before (84.8 as the
// issue wrote it): "thân hình bốc lửa", "vòng 1 căng tràn", "thiên chức của người phụ nữ" and five gender-marked
// professions, with balanced sources. It is now far below the pilot threshold.
func TestIssueDraftBelowThresholds(t *testing.T) {
	s := newTestScorer(t)
	draft := "Ngày hội nghề nghiệp của phụ nữ thành phố\n\nMột nữ phi công có thân hình bốc lửa xuất hiện với vòng 1 căng tràn. " +
		"Nữ bác sĩ, nữ giám đốc, nữ tài xế và nữ kỹ sư cũng tham dự. Bà Nguyễn Thị Lan, trưởng ban tổ chức, cho biết ngày hội " +
		"thu hút 2.000 người. Ông Trần Văn Hùng nói thiên chức của người phụ nữ là chăm lo gia đình."
	res := s.Check(Document{Text: draft})
	marked := 0
	for _, f := range res.Findings {
		if f.Category == model.CategoryGenderMarking {
			marked++
		}
	}
	if res.Indicators[groupPresence] != 100 || marked != 5 {
		t.Fatalf("want balanced sources and five gender-marked professions: %v, %+v", res.Indicators, res.Findings)
	}
	t.Logf("the issue's draft scores %v (%v)", res.Score, res.Indicators)
	for _, name := range adoption.PresetNames() {
		p, err := adoption.Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		if res.Score >= *p.Pilot.Content.MinScore {
			t.Errorf("%s: the issue's draft scores %v, not below the pilot threshold %v", name, res.Score, *p.Pilot.Content.MinScore)
		}
	}
}

// TestPositiveSignalsAreNoProblems: positive signals are good practice: no
// problem, whatever their severity, and they never lower a score.
func TestPositiveSignalsAreNoProblems(t *testing.T) {
	s := newTestScorer(t)
	text := "Đường dây nóng hỗ trợ nạn nhân\nTheo Luật Bình đẳng giới, tỷ lệ nữ trong hội đồng đã tăng lên 30%."
	res := s.Check(Document{Text: text})
	if len(res.Positives()) == 0 {
		t.Fatalf("no positive signal in %q: %+v", text, res.Findings)
	}
	for _, f := range res.Findings {
		if IsProblem(f) != (f.Category != model.CategoryPositive) {
			t.Errorf("IsProblem(%s) = %v", f.Category, IsProblem(f))
		}
	}
	if res.Score != 100 {
		t.Errorf("an article with only positive signals scores %v, want 100", res.Score)
	}
}

// TestMethodStatesTheNumbers: the explanation is made from the scoring
// numbers, so changing one changes the text.
func TestMethodStatesTheNumbers(t *testing.T) {
	s := newTestScorer(t)
	sc := s.Scoring()
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"vi", []string{"B1.1 hiện diện cân bằng của nữ và nam (trọng số 0,4)", "B1.3 đưa tin về bạo lực trên cơ sở giới (0,2)",
			"trung bình nhân có trọng số", "lưu ý 2, cảnh báo 8, nghiêm trọng 15", "2^(-điểm phạt / 10)",
			"cảnh báo (24 điểm phạt) đưa điểm nhóm xuống còn 19", "trả lại 5 điểm phạt", "tối đa 50%"}},
		{"en", []string{"B1.1 equitable presence of women and men (weight 0.4)", "weighted geometric mean",
			"note 2, warning 8, serious 15", "2^(-points / 10)", "three warnings (24 points) leave a group at 19", "gives back 5 penalty points", "at most 50%"}},
	} {
		text := strings.Join(Method(sc, tc.lang), "\n")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s method lacks %q:\n%s", tc.lang, w, text)
			}
		}
	}
	changed := sc
	changed.HalfLife = 12
	if text := strings.Join(Method(changed, "en"), "\n"); !strings.Contains(text, "2^(-points / 12)") || strings.Contains(text, "/ 10)") {
		t.Errorf("the method does not follow the half-life:\n%s", text)
	}
}
