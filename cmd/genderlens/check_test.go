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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCapture(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, errOut)
			}
			compareGolden(t, tt.name+".golden", out)
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
			var res scorer.Result
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if positives := len(res.Positives()); tt.name == "positive signal only" && (positives == 0 || positives != len(res.Findings)) {
				t.Errorf("want positive signals only, got %+v", res.Findings)
			}
		})
	}
}

func TestCheckJSONOffsets(t *testing.T) {
	raw, err := os.ReadFile("testdata/draft.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCapture(t, string(raw), "check", "--format", "json", "--fail-on", "none", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res scorer.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.RulesVersion == "" || len(res.Findings) == 0 || len(res.People) == 0 {
		t.Fatalf("incomplete result: %s", out)
	}
	for _, f := range res.Findings {
		if got := string(raw[f.Start:f.End]); got != f.Text {
			t.Errorf("finding %s: input[%d:%d] = %q, text %q", f.Rule, f.Start, f.End, got, f.Text)
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
