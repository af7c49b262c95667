package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"genderlens/gold"
)

// evalSet is a small annotated set written for this test: two quoted people, a sexualising description, and an
// article whose gold disagrees with the scorer on the man's gender.
func evalSet(t *testing.T, wrongGender bool) []gold.Article {
	t.Helper()
	long := "Ông Vũ Văn Long"
	gender := gold.Male
	if wrongGender {
		gender = gold.Female
	}
	return []gold.Article{
		{ID: "cho", Outlet: "Báo Thử", Category: "Xã hội", Title: "Chợ đông",
			Text: `Chị Đặng Thị Thu, chủ một quán cơm ở chợ Đông Ba, nói: "Khách đông hơn từ khi con đường được sửa." ` + long + `, trưởng thôn, cho biết sẽ trồng thêm cây xanh dọc bờ sông.`,
			Gold: gold.Labels{People: []gold.Person{
				{Name: "Đặng Thị Thu", Gender: gold.Female, Quoted: true, Role: "ordinary"},
				{Name: "Vũ Văn Long", Gender: gender, Quoted: true, Role: "official"},
			}}},
		{ID: "tham-do", Outlet: "Báo Thử", Category: "Giải trí", Title: "Thảm đỏ",
			Text: "Hoa hậu Ngọc Anh diện váy dạ hội khoe thân hình nóng bỏng trên thảm đỏ tối qua.",
			Gold: gold.Labels{People: []gold.Person{{Name: "Ngọc Anh", Gender: gold.Female, Role: "celebrity"}},
				Language: []gold.Phrase{{Text: "khoe thân hình nóng bỏng", Category: "sexualization"}}}},
	}
}

func writeEvalSet(t *testing.T, name string, arts []gold.Article) string {
	t.Helper()
	var buf bytes.Buffer
	if err := gold.Write(&buf, arts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRulesEval: the figures of the accuracy test, as text and JSON, from a file or stdin; --floors gates them.
func TestRulesEval(t *testing.T) {
	right := writeEvalSet(t, "district.jsonl", evalSet(t, false))
	wrong := writeEvalSet(t, "wrong.jsonl", evalSet(t, true))
	rightText, err := os.ReadFile(right)
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCapture(t, "", "rules", "eval", right)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"district: 2 articles\n",
		"  quoted women F1 1.000 (tp 1 fp 0 fn 0); quoted men F1 1.000 (tp 1 fp 0 fn 0)\n",
		"  women's share of quoted sources: system 50.0%, gold 50.0%\n",
		"  quoted people by name: F1 1.000 (matched 2, missed 0, false 0); gender right for 2 of 2 matched\n",
		"  gendered language: precision 1.000 (3/3), recall 1.000 (1/1)\n",
		"  recall by category: sexualization 1/1\n",
		"  precision by category: appearance 1/1, sexualization 2/2\n",
		"  gbv F1 not measured: no gbv story in the gold; flagged by the system: 0\n",
		// Every resample of two right articles is right; the one without findings is left out of precision.
		"  95% intervals (bootstrap, 2000 resamples of the articles): women F1 1.00-1.00, men F1 1.00-1.00, share gap +0.0 to +0.0 points, language P 1.00-1.00, R 1.00-1.00\n",
		"  | district (2) | 1.00 | 1.00 | 50.0 / 50.0 | 1.00 | 1.00 | – |\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// The same file on stdin, flags after the file, --floors met.
	code, out, errOut = runCapture(t, string(rightText), "rules", "eval", "-", "--floors")
	if code != 0 || !strings.Contains(out, "stdin: 2 articles") || !strings.Contains(out, "every figure meets the floors") {
		t.Errorf("stdin --floors: exit %d\n%s%s", code, out, errOut)
	}

	// Gold says the man is a woman: quoted women F1 2/3, men 0, shares 50 against 100.
	code, out, errOut = runCapture(t, "", "rules", "eval", "--json", "--detail", "--floors", wrong)
	if code != 1 {
		t.Errorf("below the floors: exit %d, want 1", code)
	}
	for _, want := range []string{"3 figure(s) below the floors", "quoted women F1 0.667 is below the floor 0.85",
		"quoted men F1 0.000 is below the floor 0.85", "women's share 50.0% is 50.0 points from gold 100.0% (at most 3)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q: %s", want, errOut)
		}
	}
	var fig struct {
		Set         string
		Articles    int
		QuotedWomen struct {
			F1         float64
			TP, FP, FN int
		} `json:"quoted_women"`
		QuotedMen struct {
			F1         float64
			TP, FP, FN int
		} `json:"quoted_men"`
		WomenShare struct{ System, Gold *float64 } `json:"women_share"`
		ByName     *struct {
			Matched     int
			GenderRight int `json:"gender_right"`
		} `json:"quoted_by_name"`
		Language struct{ Precision, Recall float64 }
		Recall   map[string]struct{ Found, All int } `json:"recall_by_category"`
		Floors   *struct {
			QuotedF1 float64 `json:"quoted_f1"`
		}
		Intervals *struct {
			Resamples int
			WomenF1   struct{ Low, High float64 }  `json:"quoted_women_f1"`
			GBV       *struct{ Low, High float64 } `json:"gbv_f1"`
		}
		Below  []string `json:"below_floors"`
		Errors []struct {
			ID    string
			Lines []string
		}
	}
	if err := json.Unmarshal([]byte(out), &fig); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if fig.Set != "wrong" || fig.Articles != 2 || fig.QuotedWomen.TP != 1 || fig.QuotedWomen.FN != 1 ||
		fig.QuotedMen.FP != 1 || fig.QuotedMen.F1 != 0 || fig.WomenShare.System == nil || *fig.WomenShare.System != 50 ||
		*fig.WomenShare.Gold != 100 || fig.ByName == nil || fig.ByName.Matched != 2 || fig.ByName.GenderRight != 1 ||
		fig.Language.Precision != 1 || fig.Recall["sexualization"].Found != 1 || fig.Floors == nil ||
		fig.Floors.QuotedF1 != 0.85 || len(fig.Below) != 3 || fig.Intervals == nil || fig.Intervals.Resamples != 2000 ||
		fig.Intervals.WomenF1.Low > 0.667 || fig.Intervals.WomenF1.High < 0.667 || fig.Intervals.GBV != nil {
		t.Errorf("--json figures: %+v\n%s", fig, out)
	}
	if len(fig.Errors) != 1 || fig.Errors[0].ID != "cho" || !strings.Contains(strings.Join(fig.Errors[0].Lines, "\n"), `gender of "Vũ Văn Long": M, gold F`) {
		t.Errorf("--json --detail errors: %+v", fig.Errors)
	}

	// --detail as text: the article's errors before the figures.
	code, out, _ = runCapture(t, "", "rules", "eval", "--detail", wrong)
	if code != 0 || !strings.HasPrefix(out, "cho (Xã hội):\n\tquoted women 1 (gold 2), men 1 (gold 0)\n\tgender of \"Vũ Văn Long\": M, gold F") {
		t.Errorf("--detail: exit %d\n%s", code, out)
	}
}

// TestRulesEvalPooled: several files are measured each, then pooled; --floors gates the pooled figures; --json gives
// {"sets": [...], "pooled": {...}}.
func TestRulesEvalPooled(t *testing.T) {
	right := writeEvalSet(t, "right.jsonl", evalSet(t, false))
	wrong := writeEvalSet(t, "wrong.jsonl", evalSet(t, true))
	code, out, errOut := runCapture(t, "", "rules", "eval", "--floors", right, wrong)
	if code != 1 || !strings.Contains(errOut, "2 files: ") || !strings.Contains(errOut, "below the floors") {
		t.Errorf("pooled below the floors: exit %d, stderr %q", code, errOut)
	}
	// Each set in order, then the four articles pooled: 2 of 3 quoted women found, 2 men where gold has 1.
	iRight, iWrong := strings.Index(out, "  | right (2) | 1.00 | 1.00 |"), strings.Index(out, "  | wrong (2) | 0.67 | 0.00 |")
	iPooled := strings.Index(out, "  | pooled (4) | 0.80 | 0.67 |")
	if iRight < 0 || iWrong < iRight || iPooled < iWrong || !strings.Contains(out, "on 2 files, pooled\n") {
		t.Errorf("text output (right %d, wrong %d, pooled %d):\n%s", iRight, iWrong, iPooled, out)
	}
	code, out, errOut = runCapture(t, "", "rules", "eval", "--json", right, wrong)
	var many struct {
		Sets []struct {
			Set      string
			Articles int
		}
		Pooled struct {
			Set         string
			Articles    int
			QuotedWomen struct{ TP, FN int } `json:"quoted_women"`
		}
	}
	if err := json.Unmarshal([]byte(out), &many); err != nil || code != 0 {
		t.Fatalf("--json: exit %d, %v: %s%s", code, err, out, errOut)
	}
	if len(many.Sets) != 2 || many.Sets[0].Set != "right" || many.Sets[1].Set != "wrong" || many.Pooled.Set != "pooled" ||
		many.Pooled.Articles != 4 || many.Pooled.QuotedWomen.TP != 2 || many.Pooled.QuotedWomen.FN != 1 {
		t.Errorf("--json over two files: %+v", many)
	}
}

// TestRulesEvalErrors: an unreadable or invalid set is a usage error (exit 2) that says what is wrong and where.
func TestRulesEvalErrors(t *testing.T) {
	dir := t.TempDir()
	badLine := filepath.Join(dir, "bad.jsonl")
	good := `{"id":"a","text":"Chị Thu nói: \"Chợ đông.\"","gold":{"people":[],"gendered_language":[]}}`
	if err := os.WriteFile(badLine, []byte(good+"\n"+`{"id":"b","title":"thiếu nội dung"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, []byte("\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"missing file", []string{"rules", "eval", filepath.Join(dir, "none.jsonl")}, "", "none.jsonl: no such file"},
		{"bad line", []string{"rules", "eval", badLine}, "", `bad.jsonl: line 2: no "text"`},
		{"bad json on stdin", []string{"rules", "eval", "-"}, good + "\n{not json", "annotated set -: line 2: invalid character"},
		{"no articles", []string{"rules", "eval", empty}, "", "empty.jsonl: no articles"},
		{"no file", []string{"rules", "eval"}, "", "want `rules eval FILE...`"},
		{"a bad file among several", []string{"rules", "eval", empty, badLine}, "", "empty.jsonl: no articles"},
		{"stdin twice", []string{"rules", "eval", "-", "-"}, good + "\n", "stdin (-) can be read once"},
		{"eval flag on test", []string{"rules", "test", "--json"}, "", "flags of `rules eval`"},
		{"bad rules dir", []string{"rules", "eval", "--rules", filepath.Join(dir, "none"), empty}, "", "none"},
		{"unknown action", []string{"rules", "measure"}, "", "rules eval FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCapture(t, tt.stdin, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr %q lacks %q", errOut, tt.want)
			}
		})
	}
}
