package server

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"genderlens/report"
)

// reportMediaTypes are the download types of the report formats.
var reportMediaTypes = map[string]string{
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"csv":  "text/csv; charset=utf-8",
	"html": "text/html; charset=utf-8",
}

// reportDownload: GET /report?year=2025&format=xlsx|csv|html[&action_month=1]: the annual or Action Month report,
// built from the same model as `genderlens report`, as a download.
func (s *Server) reportDownload(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	year, err := yearParam(q.Get("year"))
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.year", q.Get("year"))
		return
	}
	format := q.Get("format")
	if format == "" {
		format = "xlsx"
	}
	if !slices.Contains(report.Formats, format) {
		s.errorPage(w, r, http.StatusBadRequest, "error.badrequest", "error.format", format)
		return
	}
	actionMonth, _ := strconv.ParseBool(q.Get("action_month"))
	outlets := make([]report.Outlet, len(s.opts.Outlets))
	for i, o := range s.opts.Outlets {
		outlets[i] = report.Outlet{ID: o.ID, Name: o.Name, Kind: o.Kind}
	}
	rep, err := report.Build(r.Context(), s.opts.Store, s.opts.Policy, s.opts.Evidence.Year(year), outlets, year, actionMonth)
	if err != nil {
		s.opts.Logger.Warn("build report", "year", year, "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "error.unavailable", "")
		return
	}
	rep.AsOf = s.opts.Now()
	rep.MinSample = s.opts.MinSample
	rep.Scoring = s.opts.Scorer.Scoring() // the methodology explains the rule set the server scores with
	rep.Unit = s.opts.Unit
	if err := rep.AddReview(s.opts.Review, s.opts.Store, s.opts.SampleSize); err != nil {
		s.opts.Logger.Warn("report review estimates: some sampled articles could not be read and are left out", "year", year, "err", err)
	}
	// Written to a buffer first, so a failure is an error page rather than half a file.
	var buf bytes.Buffer
	if err := rep.Write(&buf, format); err != nil {
		s.opts.Logger.Warn("write report", "year", year, "format", format, "err", err)
		s.errorPage(w, r, http.StatusServiceUnavailable, "error.unavailable", "")
		return
	}
	name := fmt.Sprintf("bao-cao-bo-chi-so-gioi-%d", year)
	if actionMonth {
		name = fmt.Sprintf("thang-hanh-dong-%d", year)
	}
	w.Header().Set("Content-Type", reportMediaTypes[format])
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name+"."+format))
	_, _ = w.Write(buf.Bytes())
}
