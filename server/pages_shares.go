package server

import (
	"fmt"
	"html"
	"html/template"

	"genderlens/model"
)

// The pages show every share with what it rests on: the base (n), the 95% Wilson interval, and "not enough data"
// instead of a percentage below the minimum sample. The figures come judged from the store (minSampleStore); these
// helpers only lay them out.

// shareCatalog holds the words of the shares' cells and notes; init merges it into catalog.
var shareCatalog = map[string]map[string]string{
	"vi": {
		"figures.interval":   "khoảng tin cậy 95%",
		"figures.note":       "n là số nguồn tin (với tỷ lệ bài: số bài) mà tỷ lệ được tính trên đó; khoảng sau n là khoảng tin cậy 95%% (Wilson). Tỷ lệ tính trên dưới %d nguồn tin hoặc bài được ghi \"%s\". Tỷ lệ nguồn tin nữ tính trên các nguồn đã rõ giới; tỷ lệ chưa rõ giới tính trên mọi nguồn.",
		"figures.chartnote":  "Mỗi tỷ lệ chỉ được vẽ cho tháng có từ %d nguồn tin trở lên (với tỷ lệ nữ: nguồn tin đã rõ giới).",
		"col.resultyear":     "Kết quả năm",
		"district.yearnote":  "Số liệu các cơ quan là của năm %d (01/01-31/12, giờ Việt Nam); mỗi mục tiêu đã qua hạn được so với kết quả của chính năm mục tiêu.",
		"outlet.periodnote":  "Số liệu năm %d (01/01-31/12, giờ Việt Nam).",
		"figures.unknownhdr": "Nguồn tin chưa rõ giới",
	},
	"en": {
		"figures.interval":   "95% confidence interval",
		"figures.note":       "n is the number of sources (for shares of articles: articles) a share is computed from; the range after n is its 95%% confidence interval (Wilson). Shares computed from fewer than %d sources or articles read \"%s\". The women's share is of sources of known gender; the unknown share is of all sources.",
		"figures.chartnote":  "A month's share is plotted only from %d sources up (for the women's share, sources of known gender).",
		"col.resultyear":     "Result of",
		"district.yearnote":  "Outlet figures are for %d (1 January-31 December, Vietnam time); each past target is measured by its own year's result.",
		"outlet.periodnote":  "Figures for %d (1 January-31 December, Vietnam time).",
		"figures.unknownhdr": "Sources of unknown gender",
	},
}

func init() {
	for lang, words := range shareCatalog {
		for k, v := range words {
			catalog[lang][k] = v
		}
	}
}

// Women is a women's share for a table cell.
func (p page) Women(f model.GenderFigures) template.HTML {
	return p.share(f.WomenShare, f.WomenShareBase, f.WomenShareInterval, f.WomenShareEnoughData)
}

// Unknown is an unknown-gender share for a table cell.
func (p page) Unknown(f model.GenderFigures) template.HTML {
	return p.share(f.UnknownShare, f.UnknownShareBase, f.UnknownShareInterval, f.UnknownShareEnoughData)
}

// Rate is a share of articles for a table cell.
func (p page) Rate(r model.Rate) template.HTML {
	return p.share(r.Rate, r.Base, r.Interval, r.EnoughData)
}

// FiguresNote explains n, the interval and "not enough data" under a table of shares.
func (p page) FiguresNote(minSample int) string {
	return fmt.Sprintf(p.T("figures.note"), minSample, model.NotEnoughData.In(p.Lang))
}

// share lays out one share: "–" without data; "not enough data" and n below the minimum sample; else the
// percentage, then n and the interval on a second line.
func (p page) share(v *float64, base int, iv *model.Interval, enough bool) template.HTML {
	switch {
	case v == nil:
		return "–"
	case !enough:
		return template.HTML(fmt.Sprintf(`<span class="nodata">%s</span> <span class="basis">n = %d</span>`,
			html.EscapeString(model.NotEnoughData.In(p.Lang)), base))
	}
	out := fmt.Sprintf(`%s <span class="basis">n = %d`, percent(*v), base)
	if iv != nil {
		out += fmt.Sprintf(` · <span title="%s">%s–%s</span>`, html.EscapeString(p.T("figures.interval")),
			percentNumber(iv.Low), percent(iv.High))
	}
	return template.HTML(out + "</span>")
}

// percent is a share as the pages show it, a whole percentage; percentNumber the same without the sign.
func percent(f float64) string       { return percentNumber(f) + "%" }
func percentNumber(f float64) string { return fmt.Sprintf("%.0f", f*100) } // as pctp rounds

// enoughShares keeps the shares whose base reaches the minimum sample, nil elsewhere, for charts that must not draw
// a point a table would call "not enough data".
func enoughShares(values []*float64, enough []bool) []*float64 {
	out := make([]*float64, len(values))
	for i, v := range values {
		if enough[i] {
			out[i] = v
		}
	}
	return out
}
