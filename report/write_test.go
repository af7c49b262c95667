package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"strings"
	"testing"
)

// TestFaultCSVFormulas: CSVText puts an apostrophe before every cell start a spreadsheet reads as a formula, and the
// report's CSV writes an outlet name that starts like one (names come from the configuration or from crawled
// outlets the configuration lacks) as text.
func TestFaultCSVFormulas(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"": "", "Báo A": "Báo A", "1-2": "1-2", " =1": " =1", "'=1": "'=1",
	} {
		if got := CSVText(in); got != want {
			t.Errorf("CSVText(%q) = %q, want %q", in, got, want)
		}
	}

	idx := openTestIndex(t)
	outlets := append([]Outlet{{ID: "bao-x", Name: `=HYPERLINK("http://evil.example/","x")`, Kind: "newspaper"}}, testOutlets...)
	r, err := Build(context.Background(), idx, testPolicy(t), testEvidence(), outlets, 2025, false)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := r.WriteCSV(&out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("a cell starts a formula: %q", cell)
			}
			found = found || cell == `'=HYPERLINK("http://evil.example/","x")`
		}
	}
	if !found {
		t.Errorf("the hostile outlet name is not in the CSV as text:\n%s", out.String())
	}
}
