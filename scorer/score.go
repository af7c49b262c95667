package scorer

import (
	"math"
	"strings"
)

// Indicator groups scored per article; README.md in rules/ documents the
// method.
const (
	groupPresence   = "B1.1"
	groupStereotype = "B1.2"
	groupGBV        = "B1.3"
)

// groupOf maps an indicator such as "B1.2.1" to its group "B1.2".
func groupOf(indicator string) string {
	parts := strings.SplitN(indicator, ".", 3)
	if len(parts) < 2 {
		return indicator
	}
	return parts[0] + "." + parts[1]
}

// score fills res.Indicators and res.Score.
func (s *Scorer) score(res *Result) {
	sc := s.set.Scoring
	scores := map[string]float64{
		groupPresence:   presenceScore(res.Counts),
		groupStereotype: 100,
		groupGBV:        100,
	}
	apply := func(f Finding) {
		g := groupOf(f.Indicator)
		if _, ok := scores[g]; !ok {
			scores[g] = 100
		}
		if f.Category == "positive" {
			scores[g] += sc.Bonus
			return
		}
		scores[g] -= sc.Penalty[f.Severity]
	}
	for _, f := range res.Findings {
		apply(f)
	}
	for _, f := range res.Alerts {
		apply(f)
	}
	var sum, weights float64
	for g, v := range scores {
		v = math.Max(0, math.Min(100, v))
		v = math.Round(v*10) / 10
		res.Indicators[g] = v
		w, ok := sc.Groups[g]
		if !ok {
			w = 1.0 / float64(len(scores))
		}
		sum += w * v
		weights += w
	}
	if weights > 0 {
		res.Score = math.Round(sum/weights*10) / 10
	}
}

// presenceScore rates the balance of women and men among quoted sources
// (or, with none quoted, among people named): 100 at parity or better, and
// proportionally less below it. Add-one smoothing keeps a story with one
// man quoted from scoring 0.
func presenceScore(c Counts) float64 {
	g := c.Quoted
	if g.Female+g.Male == 0 {
		g = c.People
	}
	if g.Female+g.Male == 0 {
		return 100
	}
	share := (float64(g.Female) + 1) / (float64(g.Female+g.Male) + 2)
	return 100 * math.Min(1, share/0.5)
}
