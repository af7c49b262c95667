package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"genderlens/internal/golden"
	"genderlens/scorer"
)

func runCapture(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut syncBuffer
	env := &environment{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code = run(context.Background(), env, args)
	return code, out.String(), errOut.String()
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"draft_txt", []string{"check", "testdata/draft.txt"}, 1},
		{"draft_txt_en_fail_none", []string{"check", "--lang", "en", "--fail-on", "none", "testdata/draft.txt"}, 0},
		{"draft_json", []string{"check", "testdata/draft.json"}, 0},
		{"draft_json_fail_info", []string{"check", "--fail-on", "info", "testdata/draft.json"}, 1},
		{"draft_html", []string{"check", "--fail-on", "warning", "testdata/draft.html"}, 1},
		// --explain answers "why": each person's cues, what was rejected or merged, what a condition cancelled.
		{"draft_txt_explain", []string{"check", "--explain", "--fail-on", "none", "testdata/draft.txt"}, 0},
		{"draft_html_explain_en", []string{"check", "--explain", "--lang", "en", "--fail-on", "none", "testdata/draft.html"}, 0},
		// A .json draft's title is scored: line 1 is the title, the text starts on line 3.
		{"draft_title_json", []string{"check", "--fail-on", "none", "testdata/draft_title.json"}, 0},
		{"draft_title_json_explain_en", []string{"check", "--explain", "--lang", "en", "--fail-on", "warning", "testdata/draft_title.json"}, 1},
		// A lead read from a meta tag is not text of the file: its findings are placed in the extracted text.
		{"draft_meta_html", []string{"check", "--fail-on", "none", "testdata/draft_meta.html"}, 0},
		{"draft_meta_html_explain", []string{"check", "--explain", "--fail-on", "none", "testdata/draft_meta.html"}, 0},
		// A positive signal is never a problem: --fail-on info does not fail on it.
		{"positive_fail_info", []string{"check", "--fail-on", "info", "testdata/positive.txt"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCapture(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errOut)
			}
			golden.Assert(t, filepath.Join("testdata", tt.name+".golden"), []byte(out))
		})
	}
}

// TestCheckFailOnProblemsOnly: --fail-on looks at problems; a positive signal (severity info) is good practice and
// never fails a draft, while an info-level problem does.
func TestCheckFailOnProblemsOnly(t *testing.T) {
	for _, tt := range []struct {
		name, draft string
		code        int
	}{
		{"positive signal only", "Tỷ lệ nữ trong hội đồng\nTheo Luật Bình đẳng giới, tỷ lệ nữ trong hội đồng đã tăng lên 30%.", 0},
		{"an info-level problem", "Nữ bác sĩ trực đêm\nNữ bác sĩ đã trực suốt 36 giờ.", 1},
		{"nothing", "Giá xăng tăng\nGiá xăng tăng 500 đồng từ chiều nay.", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCapture(t, tt.draft, "check", "--format", "json", "--fail-on", "info", "-")
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errOut)
			}
			var files []struct {
				Result scorer.Result `json:"result"`
			}
			if err := json.Unmarshal([]byte(out), &files); err != nil || len(files) != 1 {
				t.Fatalf("%v: %s", err, out)
			}
			res := files[0].Result
			if positives := len(res.Positives()); tt.name == "positive signal only" && (positives == 0 || positives != len(res.Findings)) {
				t.Errorf("want positive signals only, got %+v", res.Findings)
			}
		})
	}
}

// TestCheckJSONOffsets: in --format json, start and end are byte offsets into the checked text, the file as given
// (a byte order mark left out) or the entry's "text" when there is one, and line:col are that text's.
func TestCheckJSONOffsets(t *testing.T) {
	dir := t.TempDir()
	bom := filepath.Join(dir, "bom.txt")
	raw, err := os.ReadFile("testdata/draft.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bom, append([]byte("\ufeff"), raw...), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, stdin string
		derived           bool // the entry carries the checked text
	}{
		{"stdin", "-", string(raw), false},
		{"txt", "testdata/draft.txt", "", false},
		{"txt with a byte order mark", bom, "", false},
		{"json with a title", "testdata/draft_title.json", "", true},
		{"html", "testdata/draft.html", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCapture(t, tt.stdin, "check", "--format", "json", "--fail-on", "none", tt.file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var entries []checkOutput
			if err := json.Unmarshal([]byte(out), &entries); err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				t.Fatalf("%d entries, want 1", len(entries))
			}
			e := entries[0]
			res := e.Result
			if res == nil || res.RulesVersion == "" || len(res.Findings) == 0 || len(res.People) == 0 {
				t.Fatalf("incomplete result: %s", out)
			}
			text := e.Text
			if !tt.derived {
				if e.Text != "" {
					t.Errorf("entry carries the text of a file checked as given")
				}
				text = strings.TrimPrefix(string(raw), "\ufeff")
			} else if e.Text == "" {
				t.Fatalf("no text in the entry: %s", out)
			}
			pos := newLineIndex(text)
			for _, f := range res.Findings {
				if got := text[f.Start:f.End]; got != f.Text {
					t.Errorf("finding %s: text[%d:%d] = %q, text %q", f.Rule, f.Start, f.End, got, f.Text)
				}
				if line, col := pos.at(f.Start); line != f.Line || col != f.Column {
					t.Errorf("finding %s at %d:%d, want %d:%d", f.Rule, f.Line, f.Column, line, col)
				}
			}
		})
	}
}

// TestCheckJSONShape: --format json is an array of {"file", "result"} in the order given, whatever the number of
// files.
func TestCheckJSONShape(t *testing.T) {
	tests := [][]string{
		{"testdata/draft.txt"},
		{"testdata/draft.txt", "testdata/draft.json"},
		{"testdata/draft.html", "testdata/draft.txt", "testdata/draft_title.json"},
	}
	for _, files := range tests {
		code, out, errOut := runCapture(t, "", append([]string{"check", "--format", "json", "--fail-on", "none"}, files...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", files, code, errOut)
		}
		var entries []map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &entries); err != nil {
			t.Fatalf("%v: not an array of objects: %v\n%s", files, err, out)
		}
		if len(entries) != len(files) {
			t.Fatalf("%v: %d entries", files, len(entries))
		}
		for i, e := range entries {
			var file string
			json.Unmarshal(e["file"], &file)
			if file != files[i] {
				t.Errorf("%v: entry %d is %q", files, i, file)
			}
			var res map[string]any
			if err := json.Unmarshal(e["result"], &res); err != nil || res["rules_version"] == nil {
				t.Errorf("%v: entry %d has no result: %s", files, i, e["result"])
			}
		}
	}
}

// TestCheckJSONListsNotNull: in check --format json every list is [] when empty, never null, with and without
// --explain, for one input and several.
func TestCheckJSONListsNotNull(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, []byte("Trời mưa to."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"check", "--format", "json", "--fail-on", "none", empty},
		{"check", "--format", "json", "--fail-on", "none", "--explain", empty},
		{"check", "--format", "json", "--fail-on", "none", "--explain", "testdata/draft.txt"},
		{"check", "--format", "json", "--fail-on", "none", "--explain", empty, "testdata/draft.txt", "testdata/draft.html"},
	} {
		code, out, errOut := runCapture(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var v any
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		for _, path := range nullPaths(v, "$") {
			t.Errorf("%v: %s is null", args, path)
		}
		if slices.Contains(args, "--explain") && !strings.Contains(out, `"explain"`) {
			t.Errorf("%v: no explain object", args)
		}
	}
}

// nullPaths lists where a decoded JSON value holds null.
func nullPaths(v any, at string) []string {
	switch v := v.(type) {
	case nil:
		return []string{at}
	case map[string]any:
		var out []string
		for k, x := range v {
			out = append(out, nullPaths(x, at+"."+k)...)
		}
		return out
	case []any:
		var out []string
		for i, x := range v {
			out = append(out, nullPaths(x, fmt.Sprintf("%s[%d]", at, i))...)
		}
		return out
	}
	return nil
}

// TestCheckBOM: a byte order mark at the start of a draft shifts no column and hides no word from the rules.
func TestCheckBOM(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct{ name, first string }{
		{"draft.txt", ":1:1: "}, {"draft_title.json", ":1:1: "}, {"draft.html", ":2:56: "},
	} {
		name := tt.name
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			plain, bom := filepath.Join(dir, "plain-"+name), filepath.Join(dir, "bom-"+name)
			if err := os.WriteFile(plain, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(bom, append([]byte("\ufeff"), raw...), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, format := range []string{"text", "json"} {
				_, want, _ := runCapture(t, "", "check", "--explain", "--format", format, "--fail-on", "none", plain)
				code, got, errOut := runCapture(t, "", "check", "--explain", "--format", format, "--fail-on", "none", bom)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				if got = strings.ReplaceAll(got, bom, plain); got != want {
					t.Errorf("--format %s with a byte order mark:\n%s\nwithout:\n%s", format, got, want)
				}
				if format == "text" && !strings.HasPrefix(got, plain+tt.first) {
					t.Errorf("the first finding is not at %s:\n%s", tt.first, got)
				}
			}
		})
	}
}

// TestFailsAt: --fail-on counts problems at or above the severity; positive signals and topic flags never count.
func TestFailsAt(t *testing.T) {
	finding := func(category, severity string) scorer.Finding {
		return scorer.Finding{Category: category, Severity: severity}
	}
	tests := []struct {
		name     string
		findings []scorer.Finding
		failOn   string
		want     bool
	}{
		{"none", nil, "info", false},
		{"positive only", []scorer.Finding{finding("positive", "info")}, "info", false},
		{"positive marked as an error", []scorer.Finding{finding("positive", "error")}, "info", false},
		{"topic", []scorer.Finding{finding("topic", "warning")}, "info", false},
		{"positive and a note", []scorer.Finding{finding("positive", "info"), finding("gender_marking", "info")}, "info", true},
		{"a note under warning", []scorer.Finding{finding("gender_marking", "info")}, "warning", false},
		{"a warning", []scorer.Finding{finding("stereotype", "warning")}, "warning", true},
		{"unknown category", []scorer.Finding{finding("new_category", "error")}, "error", true},
	}
	for _, tt := range tests {
		if got := failsAt(&scorer.Result{Findings: tt.findings}, tt.failOn); got != tt.want {
			t.Errorf("%s: failsAt(%s) = %v, want %v", tt.name, tt.failOn, got, tt.want)
		}
	}
}

func TestCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"missing file", []string{"check", filepath.Join(dir, "nope.txt")}, "", "no such file"},
		{"bad json", []string{"check", write("a.json", `{"title": 1`)}, "", "want a JSON object"},
		{"empty json text", []string{"check", write("b.json", `{"title": "x", "text": ""}`)}, "", "empty"},
		{"not utf8", []string{"check", write("c.txt", "\xff\xfe\x00a")}, "", "UTF-8"},
		{"html without text", []string{"check", write("d.html", "<html><body><nav>x</nav></body></html>")}, "", "no article text"},
		{"bad rules dir", []string{"check", "--rules", filepath.Join(dir, "none"), "-"}, "x", "rules"},
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

// TestCheckBatchWithBadFile: a file that cannot be checked is reported by name and the others are still checked,
// in text and in JSON; the exit status says that some input was bad.
func TestCheckBatchWithBadFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(bad, []byte(`{"title": "x", "text": ""}`), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []string{"testdata/draft.txt", bad, "testdata/draft.json"}

	code, out, errOut := runCapture(t, "", append([]string{"check", "--fail-on", "none"}, files...)...)
	if code != 2 {
		t.Errorf("text: exit %d, want 2", code)
	}
	if !strings.Contains(errOut, bad) || !strings.Contains(errOut, "1 of 3 inputs") {
		t.Errorf("text: stderr %q does not name the bad file and the count", errOut)
	}
	for _, f := range []string{"testdata/draft.txt:", "testdata/draft.json:"} {
		if !strings.Contains(out, f) {
			t.Errorf("text: no findings of %s after the bad file:\n%s", f, out)
		}
	}

	code, out, errOut = runCapture(t, "", append([]string{"check", "--format", "json", "--fail-on", "none"}, files...)...)
	if code != 2 {
		t.Errorf("json: exit %d, want 2; stderr %s", code, errOut)
	}
	var entries []struct {
		File   string          `json:"file"`
		Result json.RawMessage `json:"result"`
		Error  string          `json:"error"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("json: not an array: %v\n%s", err, out)
	}
	if len(entries) != 3 {
		t.Fatalf("json: %d entries, want 3", len(entries))
	}
	for i, e := range entries {
		if e.File != files[i] {
			t.Errorf("json: entry %d is %q, want %q", i, e.File, files[i])
		}
		if wantErr := i == 1; wantErr != (e.Error != "") || wantErr != (e.Result == nil) {
			t.Errorf("json: entry %d: error %q, result %d bytes", i, e.Error, len(e.Result))
		}
	}
	if !strings.Contains(entries[1].Error, "empty") {
		t.Errorf("json: the bad file's error %q does not say why", entries[1].Error)
	}
}

func TestRulesCommands(t *testing.T) {
	if code, out, errOut := runCapture(t, "", "rules", "test"); code != 0 || !strings.Contains(out, "every example passed") {
		t.Errorf("rules test: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCapture(t, "", "rules", "lint"); code != 0 || !strings.Contains(out, "no problems") {
		t.Errorf("rules lint: exit %d\n%s%s", code, out, errOut)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ruleset.yaml"), []byte("version: \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("indicator: B1.2\nrules:\n  - id: x\n    kind: nosuchkind\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCapture(t, "", "rules", "lint", "--rules", dir)
	if code == 0 || !strings.Contains(out, "broken.yaml:") {
		t.Errorf("lint of a broken rule file: exit %d, output %q", code, out)
	}
}
