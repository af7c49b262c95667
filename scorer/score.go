package scorer

import (
	"math"
	"slices"

	"genderlens/model"
	"genderlens/rules"
)

// Indicator groups scored per article; README.md in rules/ documents the
// method and Method explains it to readers.
const (
	groupPresence   = model.IndicatorPresence
	groupStereotype = model.IndicatorStereotypes
	groupGBV        = model.IndicatorViolence
)

// groupOf maps an indicator such as "B1.2.1" to its group "B1.2".
func groupOf(indicator string) string { return model.IndicatorGroup(indicator) }

// score fills res.Indicators and res.Score.
func (s *Scorer) score(res *Result) {
	groups, overall := scoreOf(s.set.Scoring, res)
	for g, v := range groups {
		res.Indicators[g] = round1(v)
	}
	res.Score = round1(overall)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// scoreOf computes, before rounding, the score of each indicator group that
// applies to the article and the overall score. The properties it keeps,
// each asserted by score_test.go:
//   - a group that does not apply to the article (see applicableGroups) is
//     left out and the weights of the others renormalised;
//   - every problem finding lowers its group's score (strictly, before
//     rounding), so a problem never raises the overall score, whatever its
//     group: applicability depends on the people and topics, never on the
//     findings, and a problem of a group that does not apply is counted in
//     B1.2, which always does;
//   - a positive signal gives back part of its own group's penalty, never
//     more than MaxOffset of it: it never lifts a group above its base, the
//     score without problems;
//   - the overall score is the weighted geometric mean of the groups, so a
//     group near 0 pulls the article down whatever the others: three
//     appearance findings keep an article below the presets' pilot threshold.
func scoreOf(sc rules.Scoring, res *Result) (map[string]float64, float64) {
	base := applicableGroups(sc, res)
	points := map[string]float64{}
	bonus := map[string]float64{}
	charge := func(f Finding) {
		g := groupOf(f.Indicator)
		if !IsProblem(f) {
			if _, ok := base[g]; ok && f.Category == model.CategoryPositive {
				bonus[g] += sc.Bonus
			}
			return
		}
		if _, ok := base[g]; !ok {
			g = groupStereotype
		}
		points[g] += sc.Penalty[f.Severity]
	}
	for _, f := range res.Findings {
		charge(f)
	}
	for _, f := range res.Alerts {
		charge(f)
	}
	groups := make(map[string]float64, len(base))
	var logSum, weights float64
	for _, g := range slices.Sorted(mapKeys(base)) { // sorted: the same sum, to the last bit, every time
		p := points[g] - math.Min(bonus[g], sc.MaxOffset*points[g])
		v := base[g] * math.Exp2(-p/sc.HalfLife)
		groups[g] = v
		w := sc.Groups[g]
		logSum += w * math.Log(v/100) // of shares, so that groups all at 100 give exactly 100
		weights += w
	}
	if weights == 0 {
		return groups, 100
	}
	return groups, 100 * math.Exp(logSum/weights)
}

// applicableGroups returns the indicator groups that apply to the article,
// each with its base score (its score without problems): B1.1 when someone
// of known gender is quoted or named, with the balance score of
// presenceScore; B1.3 for a story about gender-based violence; B1.2 and any
// other weighted group always, from 100.
func applicableGroups(sc rules.Scoring, res *Result) map[string]float64 {
	base := map[string]float64{}
	for g := range sc.Groups {
		switch g {
		case groupPresence:
			if v, ok := presenceScore(res.Counts); ok {
				base[g] = v
			}
		case groupGBV:
			if res.Topics.GBV {
				base[g] = 100
			}
		default:
			base[g] = 100
		}
	}
	return base
}

// presenceScore rates the balance of women and men among quoted sources
// (or, with none quoted, among people named): 100 at parity or better, and
// proportionally less below it. Add-one smoothing keeps a story with one
// man quoted from scoring 0. ok is false when nobody of known gender is
// counted: B1.1 then does not apply.
func presenceScore(c Counts) (score float64, ok bool) {
	g := c.Quoted
	if g.Female+g.Male == 0 {
		g = c.People
	}
	if g.Female+g.Male == 0 {
		return 0, false
	}
	share := (float64(g.Female) + 1) / (float64(g.Female+g.Male) + 2)
	return 100 * math.Min(1, share/0.5), true
}

// IsProblem reports whether a finding is a problem: every finding but
// positive signals (and topic flags). Problem counts and lists, and check
// --fail-on, look at problems only.
func IsProblem(f Finding) bool {
	c, ok := model.LookupCategory(f.Category)
	return !ok || c.Problem()
}
