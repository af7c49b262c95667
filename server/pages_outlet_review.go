package server

import (
	"html/template"
	"strconv"

	"genderlens/model"
	"genderlens/review"
)

// outletReview is the review part of the outlet page for a year: how many articles are reviewed, the machine and
// reviewed figures where they differ, the year's review sample with what its reviewed part says of the scorer, and
// the outlet's open objections.
type outletReview struct {
	Reviewed, Total, OutOfScope int
	// Differ are the main figures whose reviewed value differs from the machine's.
	Differ []figureDiff
	Sample ReviewSample
	// Categories are the estimates' finding categories in display order, each with its precision.
	Categories []categoryPrecision
	Objections []objectionView
}

// figureDiff is one figure by the machine and after review; Rate is set for shares (shown with n and interval),
// Score for the content score.
type figureDiff struct {
	Label                  string
	Score                  bool
	MachineScore, Reviewed *float64
	MachineRate, Rate      model.Rate
	MachineQ, Q            model.GenderFigures
	Quoted                 bool
}

type categoryPrecision struct {
	Key string
	review.Precision
}

// objectionView is an open objection with the link to its article.
type objectionView struct {
	review.Objection
	Link string
}

// outletReviewView gathers the review part of an outlet's year; fig are the year's figures.
func (s *Server) outletReviewView(lang, id string, year int, fig model.Aggregate) outletReview {
	v := outletReview{Reviewed: fig.Reviewed, Total: fig.Total(), OutOfScope: fig.OutOfScope}
	if m := fig.Machine; m != nil {
		if !sameFloat(m.Score, fig.Score) {
			v.Differ = append(v.Differ, figureDiff{Label: translate(lang, "col.score"), Score: true, MachineScore: m.Score, Reviewed: fig.Score})
		}
		if !sameFloat(m.Quoted.WomenShare, fig.Quoted.WomenShare) || m.Quoted.WomenShareBase != fig.Quoted.WomenShareBase {
			v.Differ = append(v.Differ, figureDiff{Label: translate(lang, "col.women"), Quoted: true, MachineQ: m.Quoted, Q: fig.Quoted})
		}
		for _, c := range findingCategories {
			mr, r := m.CategoryRate(c), fig.CategoryRate(c)
			if mr.Articles != r.Articles || mr.Base != r.Base {
				v.Differ = append(v.Differ, figureDiff{Label: translate(lang, "col.rate") + ": " + translate(lang, "cat."+c), MachineRate: mr, Rate: r})
			}
		}
	}
	_, view, err := periodParam(strconv.Itoa(year), "", "")
	if err == nil {
		v.Sample = s.reviewSample(id, model.Year(year), view)
	}
	cats := v.Sample.Estimates.Categories
	for _, c := range model.CategoryIDs() {
		if p, ok := cats[c]; ok {
			v.Categories = append(v.Categories, categoryPrecision{Key: c, Precision: p})
		}
	}
	for _, o := range s.opts.Review.Store.Objections(id) {
		if o.Open() {
			v.Objections = append(v.Objections, objectionView{Objection: o, Link: articleLink(o.URL)})
		}
	}
	return v
}

func sameFloat(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// Estimate is an estimated share with its base and 95% interval, for a table cell; the estimates show n whatever
// its size, since the interval says how much it is worth.
func (p page) Estimate(v *float64, iv *model.Interval, n int) template.HTML {
	return p.share(v, n, iv, true)
}
