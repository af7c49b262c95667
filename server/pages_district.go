package server

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"genderlens/adoption"
	"genderlens/model"
)

// districtPage is the district overview: the year's adoption rate against its target, each outlet's status, reasons
// and trend, and the Action Month figures.
type districtPage struct {
	Year, Prev, Next int
	District         adoption.District
	Bar              template.HTML
	Caption          string
	Rows             []districtRow
	Action           []actionRow
	ActionTotal      actionRow
	RulesVersion     string
	Mixed            bool
	// MinSample is the smallest base a share is shown for.
	MinSample int
}

type districtRow struct {
	ID, Name, Kind, Link, EvidenceLink string
	Status                             statusView
	Figures                            model.Aggregate
	Trend                              template.HTML
}

// actionRow is one outlet's (or the district's) figures for the Action Month, 15/11-15/12.
type actionRow struct {
	Name, Link string
	Figures    model.Aggregate
}

// overview is the district overview at /, for ?year= (default: this year in Vietnam).
func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r)
	year, err := yearParam(r.URL.Query().Get("year"))
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.year", r.URL.Query().Get("year"))
		return
	}
	d := s.district(year)
	v := &districtPage{Year: year, Prev: year - 1, Next: year + 1, District: d, RulesVersion: s.opts.Scorer.RulesVersion(),
		Mixed: len(d.RulesVersions) > 1, MinSample: s.opts.MinSample}
	t := d.Target
	level := translate(lang, "level."+string(t.Level))
	v.Caption = fmt.Sprintf(translate(lang, "district.caption"), t.Outlets, d.Outlets, level, pctTick(t.Rate), pctTick(t.Share), t.Year)
	v.Bar = progressBar(v.Caption, t.Rate, t.Share,
		fmt.Sprintf(translate(lang, "district.barrate"), pctTick(t.Rate), t.Outlets, d.Outlets),
		fmt.Sprintf(translate(lang, "district.bartarget"), pctTick(t.Share), t.Year))

	statuses := map[string]adoption.Status{}
	for _, st := range d.Statuses {
		statuses[st.Outlet] = st
	}
	byYear := s.opts.Store.AggregateByOutlet(model.Filter{Period: model.Year(year)})
	byAction := s.opts.Store.AggregateByOutlet(model.Filter{Period: model.ActionMonth(year)})
	for _, o := range s.opts.Outlets {
		row := districtRow{ID: o.ID, Name: o.Name, Kind: o.Kind, Link: outletLink(o.ID),
			EvidenceLink: outletLink(o.ID) + "/evidence/" + strconv.Itoa(year),
			Status:       newStatusView(lang, statuses[o.ID])}
		if a := byYear[o.ID]; a != nil {
			row.Figures = *a
		}
		scores := make([]*float64, 12)
		for m, a := range s.monthly(o.ID, year) {
			scores[m] = a.Score
		}
		row.Trend = sparkline(fmt.Sprintf(translate(lang, "district.trend"), o.Name, year), scores, 100)
		v.Rows = append(v.Rows, row)
		ar := actionRow{Name: o.Name, Link: outletLink(o.ID)}
		if a := byAction[o.ID]; a != nil {
			ar.Figures = *a
		}
		v.Action = append(v.Action, ar)
	}
	v.ActionTotal = actionRow{Name: unitText(s.opts.Unit, lang, translate(lang, "district.total")), Figures: s.opts.Store.Aggregate(model.Filter{Period: model.ActionMonth(year)})}
	s.render(w, http.StatusOK, "overview.html", newPage(r, "overview", v))
}
