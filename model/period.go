package model

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Period bounds an aggregate: From inclusive, To exclusive; zero bounds are open. Articles without a publication
// date count only in unbounded periods.
type Period struct {
	From, To time.Time
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool {
	if p.From.IsZero() && p.To.IsZero() {
		return true
	}
	if t.IsZero() {
		return false
	}
	return (p.From.IsZero() || !t.Before(p.From)) && (p.To.IsZero() || t.Before(p.To))
}

// Year is the calendar year y in Vietnam's time.
func Year(y int) Period {
	from := time.Date(y, 1, 1, 0, 0, 0, 0, vietnam)
	return Period{From: from, To: from.AddDate(1, 0, 0)}
}

// ActionMonth is the Action Month for gender equality and preventing gender-based violence of year y: 15 November
// to 15 December inclusive, in Vietnam's time.
func ActionMonth(y int) Period {
	return Period{From: time.Date(y, 11, 15, 0, 0, 0, 0, vietnam), To: time.Date(y, 12, 16, 0, 0, 0, 0, vietnam)}
}

// periodPatterns are the accepted spellings of ParsePeriod, matched in order.
func periodPatterns() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`^(\d{4})$`),
		regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`),
		regexp.MustCompile(`^(\d{4})-(\d{2})$`),
		regexp.MustCompile(`^action-month-(\d{4})$`),
	}
}

// PeriodAll names all time where a period is asked for and an absent one means something else (the API's
// /api/outlets defaults to the current year).
const PeriodAll = "all"

// ParsePeriod reads a period as the API and reports name it, in Vietnam's time: "" or "all" (all time), "2025",
// "2025-Q4", "2025-11", "action-month-2025" (15/11-15/12), or "FROM..TO" with dates YYYY-MM-DD, TO included, either
// side open when empty.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, PeriodAll) {
		return Period{}, nil
	}
	if from, to, ok := strings.Cut(s, ".."); ok {
		var p Period
		if from != "" {
			t, err := time.ParseInLocation("2006-01-02", from, vietnam)
			if err != nil {
				return Period{}, fmt.Errorf("period %q: start: want YYYY-MM-DD", s)
			}
			p.From = t
		}
		if to != "" {
			t, err := time.ParseInLocation("2006-01-02", to, vietnam)
			if err != nil {
				return Period{}, fmt.Errorf("period %q: end: want YYYY-MM-DD", s)
			}
			p.To = t.AddDate(0, 0, 1)
		}
		if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
			return Period{}, fmt.Errorf("period %q: the start is after the end", s)
		}
		return p, nil
	}
	pats := periodPatterns()
	if m := pats[0].FindStringSubmatch(s); m != nil {
		return Year(atoi(m[1])), nil
	}
	if m := pats[1].FindStringSubmatch(s); m != nil {
		from := time.Date(atoi(m[1]), time.Month(3*atoi(m[2])-2), 1, 0, 0, 0, 0, vietnam)
		return Period{From: from, To: from.AddDate(0, 3, 0)}, nil
	}
	if m := pats[2].FindStringSubmatch(s); m != nil {
		month := atoi(m[2])
		if month < 1 || month > 12 {
			return Period{}, fmt.Errorf("period %q: no month %d", s, month)
		}
		from := time.Date(atoi(m[1]), time.Month(month), 1, 0, 0, 0, 0, vietnam)
		return Period{From: from, To: from.AddDate(0, 1, 0)}, nil
	}
	if m := pats[3].FindStringSubmatch(s); m != nil {
		return ActionMonth(atoi(m[1])), nil
	}
	return Period{}, fmt.Errorf("period %q: want YYYY, YYYY-Qn, YYYY-MM, action-month-YYYY, YYYY-MM-DD..YYYY-MM-DD or all", s)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// Ended reports whether the period was over at t. A period still running at t, or not yet begun, has provisional
// figures; a period open at its end never ends.
func (p Period) Ended(t time.Time) bool { return !p.To.IsZero() && !t.Before(p.To) }
