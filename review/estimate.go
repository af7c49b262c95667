package review

import (
	"maps"
	"slices"

	"genderlens/model"
	"genderlens/scorer"
)

// Precision is how many of the scorer's findings (of a category or a rule) the review kept, of those it checked,
// with the 95% Wilson interval; Missed counts the findings officers added that the scorer did not find.
type Precision struct {
	Findings  int             `json:"findings"`
	Correct   int             `json:"correct"`
	Precision *float64        `json:"precision"`
	Interval  *model.Interval `json:"interval"`
	Missed    int             `json:"missed"`
}

func (p *Precision) finish() {
	if p.Findings > 0 {
		v := float64(p.Correct) / float64(p.Findings)
		p.Precision = &v
		p.Interval = model.WilsonOf(p.Correct, p.Findings)
	}
}

// Agreement compares the scorer's count of quoted sources of one gender with the reviewed count, article by article
// (as the accuracy test does): Agreed is the sum of the smaller of the two; precision is Agreed over Machine, recall
// Agreed over Reviewed, each with its 95% Wilson interval.
type Agreement struct {
	Machine   int             `json:"machine"`
	Reviewed  int             `json:"reviewed"`
	Agreed    int             `json:"agreed"`
	Precision *float64        `json:"precision"`
	PrecInt   *model.Interval `json:"precision_interval"`
	Recall    *float64        `json:"recall"`
	RecallInt *model.Interval `json:"recall_interval"`
}

func (a *Agreement) add(machine, reviewed int) {
	a.Machine += machine
	a.Reviewed += reviewed
	a.Agreed += min(machine, reviewed)
}

func (a *Agreement) finish() {
	if a.Machine > 0 {
		v := float64(a.Agreed) / float64(a.Machine)
		a.Precision, a.PrecInt = &v, model.WilsonOf(a.Agreed, a.Machine)
	}
	if a.Reviewed > 0 {
		v := float64(a.Agreed) / float64(a.Reviewed)
		a.Recall, a.RecallInt = &v, model.WilsonOf(a.Agreed, a.Reviewed)
	}
}

// QuotedError is the scorer's error on quoted sources over reviewed articles: agreement for women and for men, and
// the women's share of quoted sources by the scorer and by the review.
type QuotedError struct {
	Women         Agreement `json:"women"`
	Men           Agreement `json:"men"`
	MachineShare  *float64  `json:"machine_share"`
	ReviewedShare *float64  `json:"reviewed_share"`
}

// Estimates are what a set of reviewed articles says about the scorer.
type Estimates struct {
	// Articles is how many reviewed articles the estimates rest on (out-of-scope ones excluded).
	Articles   int                  `json:"articles"`
	Categories map[string]Precision `json:"categories"`
	Rules      map[string]Precision `json:"rules"`
	Quoted     QuotedError          `json:"quoted"`
}

// Tally accumulates reviewed articles into Estimates.
type Tally struct {
	e Estimates
}

// NewTally starts an empty tally.
func NewTally() *Tally {
	return &Tally{e: Estimates{Categories: map[string]Precision{}, Rules: map[string]Precision{}}}
}

// Add counts one article's machine result and its review; articles not marked reviewed, or out of scope, are
// skipped (only a whole review says which findings are right), and so reports whether it counted.
func (t *Tally) Add(machine *scorer.Result, o Outcome) bool {
	if o.Reviewed == nil || o.OutOfScope != nil {
		return false
	}
	t.e.Articles++
	for _, f := range o.Findings {
		if c, ok := model.LookupCategory(f.Category); ok && !c.Problem() {
			continue // positive signals and topics are not judged as findings
		}
		cat, rule := t.e.Categories[f.Category], t.e.Rules[f.Rule]
		switch {
		case f.Machine:
			cat.Findings++
			rule.Findings++
			if f.State != StateRejected {
				cat.Correct++
				rule.Correct++
			}
		case f.State == StateAdded:
			cat.Missed++
		}
		t.e.Categories[f.Category] = cat
		if f.Machine {
			t.e.Rules[f.Rule] = rule
		}
	}
	rev := o.Result.Counts.Quoted
	t.e.Quoted.Women.add(machine.Counts.Quoted.Female, rev.Female)
	t.e.Quoted.Men.add(machine.Counts.Quoted.Male, rev.Male)
	return true
}

// Estimates returns the figures so far.
func (t *Tally) Estimates() Estimates {
	e := t.e
	e.Categories, e.Rules = finishAll(e.Categories), finishAll(e.Rules)
	e.Quoted.Women.finish()
	e.Quoted.Men.finish()
	e.Quoted.MachineShare = share(e.Quoted.Women.Machine, e.Quoted.Men.Machine)
	e.Quoted.ReviewedShare = share(e.Quoted.Women.Reviewed, e.Quoted.Men.Reviewed)
	return e
}

func finishAll(m map[string]Precision) map[string]Precision {
	out := make(map[string]Precision, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		p := m[k]
		p.finish()
		out[k] = p
	}
	return out
}

func share(women, men int) *float64 {
	if women+men == 0 {
		return nil
	}
	v := float64(women) / float64(women+men)
	return &v
}

// Combine pools the estimates of several samples (the outlets of a district) as if one tally had counted them all:
// counts add up, and shares and intervals are computed again from the sums.
func Combine(es ...Estimates) Estimates {
	t := NewTally()
	for _, e := range es {
		t.e.Articles += e.Articles
		for _, m := range []struct{ from, into map[string]Precision }{{e.Categories, t.e.Categories}, {e.Rules, t.e.Rules}} {
			for k, p := range m.from {
				q := m.into[k]
				q.Findings += p.Findings
				q.Correct += p.Correct
				q.Missed += p.Missed
				m.into[k] = q
			}
		}
		for _, a := range []struct{ from, into *Agreement }{{&e.Quoted.Women, &t.e.Quoted.Women}, {&e.Quoted.Men, &t.e.Quoted.Men}} {
			a.into.Machine += a.from.Machine
			a.into.Reviewed += a.from.Reviewed
			a.into.Agreed += a.from.Agreed
		}
	}
	return t.Estimates()
}
