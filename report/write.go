package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"genderlens/model"

	"github.com/xuri/excelize/v2"
)

// Formats the writers support.
var Formats = []string{"xlsx", "csv", "html"}

// Write writes the report in format (xlsx, csv or html).
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "xlsx":
		return r.WriteXLSX(w)
	case "csv":
		return r.WriteCSV(w)
	case "html":
		return r.WriteHTML(w)
	}
	return fmt.Errorf("format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// WriteCSV writes the outlet table as CSV, UTF-8 with a byte-order mark so that Excel reads Vietnamese correctly.
// Shares are percentages with two decimals (25.00 is 25%), their headers end in "(%)"; scores have one decimal; a
// figure without data is empty, and a share below the minimum sample reads NotEnoughDataText. Three last columns
// repeat on every row the period, when the figures were read and whether they are provisional, since a CSV has no
// place for a note.
func (r *Report) WriteCSV(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	t := r.OutletTable()
	kinds := columnKinds(t)
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Header
		if kinds[i] == Share {
			header[i] += " (%)"
		}
	}
	header = append(header, "Kỳ báo cáo", "Số liệu tính đến (giờ Việt Nam)", "Số liệu tạm tính")
	if err := cw.Write(header); err != nil {
		return err
	}
	partial := "không"
	if r.Partial() {
		partial = "có"
	}
	status := []string{r.PeriodText(), r.AsOf.In(model.Vietnam()).Format("02/01/2006 15:04"), partial}
	for _, row := range t.Rows {
		rec := make([]string, len(row), len(row)+len(status))
		for i, v := range row {
			rec[i] = csvValue(v)
		}
		if err := cw.Write(append(rec, status...)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// CSVText is text s as a CSV cell that no spreadsheet runs as a formula: a cell starting with =, +, -, @, a tab or
// a carriage return gets a leading apostrophe (OWASP's CSV injection advice), which spreadsheets show as text.
// Titles, authors and names come from crawled sites, so any of them may be hostile. Numbers are not passed through
// it: the figures genderlens writes are never negative.
func CSVText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func csvValue(v Value) string {
	if !v.Valid {
		return ""
	}
	if v.NotEnoughData {
		return NotEnoughDataText
	}
	switch v.Kind {
	case Count:
		return strconv.FormatInt(int64(v.Num), 10)
	case Score:
		return strconv.FormatFloat(v.Num, 'f', 1, 64)
	case Share:
		return strconv.FormatFloat(100*v.Num, 'f', 2, 64)
	}
	return CSVText(v.Text)
}

// columnKinds is the kind of each column's values, read from the rows (a value without data keeps its kind).
func columnKinds(t Table) []Kind {
	kinds := make([]Kind, len(t.Columns))
	for _, row := range t.Rows {
		for i, v := range row {
			if i < len(kinds) && v.Kind != Text {
				kinds[i] = v.Kind
			}
		}
	}
	return kinds
}

// displayValue is a value as the HTML page shows it, Vietnamese style (decimal comma).
func displayValue(v Value) string {
	if !v.Valid {
		return "—"
	}
	if v.NotEnoughData {
		return NotEnoughDataText
	}
	switch v.Kind {
	case Count:
		return strconv.FormatInt(int64(v.Num), 10)
	case Score:
		return strings.Replace(strconv.FormatFloat(v.Num, 'f', 1, 64), ".", ",", 1)
	case Share:
		return strings.Replace(strconv.FormatFloat(100*v.Num, 'f', 1, 64), ".", ",", 1) + "%"
	}
	return CSVText(v.Text)
}

// XLSX layout: row 1 is the table's title, then one row per note, then a blank row, then the header row.
func headerRow(t Table) int { return len(t.Notes) + 3 }

// WriteXLSX writes one sheet per table, with Vietnamese names and headers, number formats (0.0 for scores, 0.0% for
// shares, since limits such as "at most 2%" need the decimal: 2.8% must not show as 3%), the header rows frozen and
// column widths set. Numbers are stored unrounded; a share below the minimum sample is the text NotEnoughDataText.
// Every sheet starts with the period and when the figures were read.
func (r *Report) WriteXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	stamp := r.stamp()
	for i, t := range r.Tables() {
		t.Notes = append([]string{stamp}, t.Notes...)
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Sheet); err != nil {
			return err
		}
		if err := writeSheet(f, t, styles); err != nil {
			return fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

type xlsxStyles struct {
	title, header, note, text int
	byKind                    map[Kind]int
}

func newStyles(f *excelize.File) (*xlsxStyles, error) {
	s := &xlsxStyles{byKind: map[Kind]int{}}
	var errs []error
	style := func(st *excelize.Style) int {
		id, err := f.NewStyle(st)
		errs = append(errs, err)
		return id
	}
	scoreFmt, shareFmt := "0.0", "0.0%"
	s.title = style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	s.header = style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}})
	s.note = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	s.text = style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	s.byKind[Text] = s.text
	s.byKind[Count] = style(&excelize.Style{NumFmt: 1})
	s.byKind[Score] = style(&excelize.Style{CustomNumFmt: &scoreFmt})
	s.byKind[Share] = style(&excelize.Style{CustomNumFmt: &shareFmt})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

func writeSheet(f *excelize.File, t Table, s *xlsxStyles) error {
	sheet := t.Sheet
	cell := func(col, row int) string {
		name, _ := excelize.CoordinatesToCellName(col, row)
		return name
	}
	last := len(t.Columns)
	if err := f.SetCellStr(sheet, "A1", t.Title); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", "A1", s.title); err != nil {
		return err
	}
	width := 0.0
	for i, c := range t.Columns {
		width += c.Width
		colName, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, colName, colName, c.Width); err != nil {
			return err
		}
	}
	for i, note := range t.Notes {
		row := 2 + i
		if err := f.SetCellStr(sheet, cell(1, row), note); err != nil {
			return err
		}
		if last > 1 {
			if err := f.MergeCell(sheet, cell(1, row), cell(last, row)); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, cell(1, row), cell(last, row), s.note); err != nil {
			return err
		}
		lines := math.Ceil(float64(len([]rune(note))) * 1.1 / math.Max(width, 20))
		if err := f.SetRowHeight(sheet, row, 15*math.Max(lines, 1)); err != nil {
			return err
		}
	}
	hr := headerRow(t)
	for i, c := range t.Columns {
		if err := f.SetCellStr(sheet, cell(i+1, hr), c.Header); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, cell(1, hr), cell(last, hr), s.header); err != nil {
		return err
	}
	for ri, row := range t.Rows {
		y := hr + 1 + ri
		for ci, v := range row {
			ref := cell(ci+1, y)
			var err error
			style := s.byKind[v.Kind]
			switch {
			case !v.Valid:
			case v.NotEnoughData:
				err, style = f.SetCellStr(sheet, ref, NotEnoughDataText), s.text
			case v.Kind == Text:
				err = f.SetCellStr(sheet, ref, v.Text)
			case v.Kind == Count:
				err = f.SetCellInt(sheet, ref, int64(v.Num))
			default:
				err = f.SetCellFloat(sheet, ref, v.Num, -1, 64)
			}
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, Split: false, XSplit: 0, YSplit: hr,
		TopLeftCell: cell(1, hr+1), ActivePane: "bottomLeft"})
}

// WriteHTML writes a standalone, printable A4 page in Vietnamese with every table. Everything is escaped.
func (r *Report) WriteHTML(w io.Writer) error {
	var parts []Table
	for _, t := range r.Tables() {
		parts = append(parts, splitColumns(t, pageWidth)...)
	}
	return pageTemplate.Execute(w, map[string]any{"Title": r.Title(), "Period": r.PeriodText(), "Status": r.StatusNotes(),
		"Tables": parts})
}

// pageWidth is how many column-width units (Column.Width, about one character) fit across the printed page.
const pageWidth = 160

// splitColumns cuts a table too wide for the page into several, each repeating the first two (identifying) columns,
// so every printed table fits the page. The values are the table's, only their arrangement changes.
func splitColumns(t Table, width float64) []Table {
	total := 0.0
	for _, c := range t.Columns {
		total += c.Width
	}
	const keys = 2
	if total <= width || len(t.Columns) <= keys+1 {
		return []Table{t}
	}
	keyWidth := t.Columns[0].Width + t.Columns[1].Width
	var parts []Table
	for start := keys; start < len(t.Columns); {
		end, w := start, keyWidth
		for end < len(t.Columns) && (end == start || w+t.Columns[end].Width <= width) {
			w += t.Columns[end].Width
			end++
		}
		part := Table{Sheet: t.Sheet, Title: t.Title, Columns: append(append([]Column{}, t.Columns[:keys]...), t.Columns[start:end]...)}
		if len(parts) == 0 {
			part.Notes = t.Notes
		} else {
			part.Title += " (tiếp)"
		}
		for _, row := range t.Rows {
			part.Rows = append(part.Rows, append(append([]Value{}, row[:keys]...), row[start:end]...))
		}
		parts = append(parts, part)
		start = end
	}
	return parts
}

var pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"cell":    displayValue,
	"numeric": func(v Value) bool { return v.Kind != Text },
}).Parse(`<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<style>
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; page-break-after: avoid; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 8pt; }
th, td { border: 1px solid #999; padding: 2pt 3pt; vertical-align: top; text-align: left; }
th { background: #ddebf7; }
td.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
@media screen { body { max-width: 277mm; margin: 10mm auto; } }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>Kỳ báo cáo: {{.Period}}</p>
{{range .Status}}<p><strong>{{.}}</strong></p>
{{end}}{{range .Tables}}<section>
<h2>{{.Title}}</h2>
{{range .Notes}}<p>{{.}}</p>
{{end}}<table>
<thead><tr>{{range .Columns}}<th>{{.Header}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr>{{range .}}<td{{if numeric .}} class="n"{{end}}>{{cell .}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
</section>
{{end}}</body>
</html>
`))
