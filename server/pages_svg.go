package server

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// Charts are drawn on the server as inline SVG so that pages work offline, print, and need no script. The CSP blocks
// style attributes, so every colour is a presentation attribute (fill, stroke); text sizes likewise.

// chartSeries is one line of a chart; a nil value is a month without data, drawn as a gap, never as zero.
type chartSeries struct {
	Name   string
	Colour string
	// Dashed draws the line dashed, so that series stay apart in black-and-white print.
	Dashed bool
	Values []*float64
}

const (
	chartW, chartH                   = 640, 240
	chartLeft, chartRight, chartTop  = 44, 12, 12
	chartBottom                      = 30
	chartPlotW, chartPlotH           = chartW - chartLeft - chartRight, chartH - chartTop - chartBottom
	chartAxis, chartGrid, chartLabel = "#555", "#d5d5dc", "#333"
)

// lineChart draws series over the x labels on a 0..top scale; tick formats the y axis labels. title is the chart's
// accessible name.
func lineChart(title string, labels []string, top float64, tick func(float64) string, series ...chartSeries) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		chartW, chartH, html.EscapeString(title))
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(title))
	x := func(i int) float64 {
		if len(labels) <= 1 {
			return chartLeft + chartPlotW/2
		}
		return chartLeft + float64(i)*chartPlotW/float64(len(labels)-1)
	}
	y := func(v float64) float64 { return chartTop + chartPlotH*(1-min(max(v, 0), top)/top) }
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="1"/>`,
			chartLeft, chartW-chartRight, y(v), y(v), chartGrid)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" font-size="11" fill="%s">%s</text>`,
			chartLeft-6, y(v)+4, chartLabel, html.EscapeString(tick(v)))
	}
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s"/>`, chartLeft, chartLeft, chartTop, chartTop+chartPlotH, chartAxis)
	fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s"/>`, chartLeft, chartW-chartRight, chartTop+chartPlotH, chartTop+chartPlotH, chartAxis)
	for i, l := range labels {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="11" fill="%s">%s</text>`,
			x(i), chartH-10, chartLabel, html.EscapeString(l))
	}
	for _, s := range series {
		dash := ""
		if s.Dashed {
			dash = ` stroke-dasharray="6 4"`
		}
		// Consecutive months with data form one polyline; a month without data breaks the line.
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5"%s/>`, strings.Join(pts, " "), s.Colour, dash)
			}
			pts = pts[:0]
		}
		for i, v := range s.Values {
			if i >= len(labels) {
				break
			}
			if v == nil {
				flush()
				continue
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(*v)))
		}
		flush()
		for i, v := range s.Values {
			if i >= len(labels) || v == nil {
				continue
			}
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s %s: %s</title></circle>`,
				x(i), y(*v), s.Colour, html.EscapeString(s.Name), html.EscapeString(labels[i]), html.EscapeString(tick(*v)))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every piece of text above is escaped
}

// sparkline is a small line of values on 0..top without axes, for a table cell; the figures are beside it in text.
func sparkline(title string, values []*float64, top float64) template.HTML {
	const w, h = 120, 28
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="spark" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		w, h, w, h, html.EscapeString(title), html.EscapeString(title))
	fmt.Fprintf(&b, `<line x1="0" x2="%d" y1="%d" y2="%d" stroke="%s"/>`, w, h-1, h-1, chartGrid)
	step := float64(w-4) / float64(max(len(values)-1, 1))
	type pt struct{ x, y float64 }
	var run []pt
	flush := func() {
		switch {
		case len(run) == 1:
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.5" fill="#5b2a86"/>`, run[0].x, run[0].y)
		case len(run) > 1:
			ps := make([]string, len(run))
			for i, p := range run {
				ps[i] = fmt.Sprintf("%.1f,%.1f", p.x, p.y)
			}
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#5b2a86" stroke-width="2"/>`, strings.Join(ps, " "))
		}
		run = run[:0]
	}
	for i, v := range values {
		if v == nil {
			flush()
			continue
		}
		run = append(run, pt{2 + float64(i)*step, 2 + float64(h-5)*(1-min(max(*v, 0), top)/top)})
	}
	flush()
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// progressBar draws a rate (0-1) as a bar against a target share, marked by a line; title is the accessible name and
// the labels say the same in words.
func progressBar(title string, rate, target float64, rateLabel, targetLabel string) template.HTML {
	const w, h, barY, barH, pad = 480, 64, 18, 24, 8
	plot := float64(w - 2*pad)
	rate, target = max(0, min(1, rate)), max(0, min(1, target))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="bar" viewBox="0 0 %d %d" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg"><title>%s</title>`,
		w, h, html.EscapeString(title), html.EscapeString(title))
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="#e6e1ee" stroke="#555"/>`, pad, barY, plot, barH)
	fill := "#5b2a86"
	if rate >= target-1e-9 {
		fill = "#1b6e3a"
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, pad, barY, plot*rate, barH, fill)
	tx := pad + plot*target
	fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#a11" stroke-width="3"/>`, tx, tx, barY-6, barY+barH+6)
	anchor := "middle"
	switch {
	case target > 0.85:
		anchor = "end"
	case target < 0.15:
		anchor = "start"
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="%s" font-size="12" fill="#a11">%s</text>`, tx, barY-9, anchor, html.EscapeString(targetLabel))
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="12" fill="#1b1b1f">%s</text>`, pad, barY+barH+16, html.EscapeString(rateLabel))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
