package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedLoadsAndLintsClean(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if set.Version == "" {
		t.Error("rule set has no version")
	}
	if len(set.Rules) < 10 {
		t.Errorf("only %d rules", len(set.Rules))
	}
	for _, p := range Lint(EmbeddedFS()) {
		t.Error(p)
	}
	for _, r := range set.Rules {
		if r.File == "" || r.Line == 0 {
			t.Errorf("rule %s has no position", r.ID)
		}
		if len(r.Examples.Match) == 0 || len(r.Examples.NoMatch) == 0 {
			t.Errorf("rule %s lacks examples", r.ID)
		}
	}
}

const goodSet = "version: \"t1\"\n"

const goodRule = `indicator: B1.2
rules:
  - id: x.one
    kind: existence
    category: stereotype
    severity: warning
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [phái yếu]
    examples:
      match: ["phái yếu"]
      nomatch: ["phụ nữ"]
`

func TestLintFindsProblems(t *testing.T) {
	fsys := fstest.MapFS{
		"ruleset.yaml": {Data: []byte(goodSet)},
		"a.yaml":       {Data: []byte(goodRule)},
		"b.yaml": {Data: []byte(`rules:
  - id: x.one
    kind: existance
    category: looks
    severity: loud
    tokenz: [a]
    message: {vi: "a"}
`)},
		"c.yaml": {Data: []byte("rules: [\n")},
	}
	probs := Lint(fsys)
	var all []string
	for _, p := range probs {
		all = append(all, p.String())
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		`b.yaml:2: duplicate rule id "x.one"`,
		`kind "existance"`,
		`category "looks"`,
		`severity "loud"`,
		`b.yaml:6: unknown key "tokenz"`,
		"message needs vi and en",
		"examples.match",
		"indicator is missing",
		"c.yaml:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lint output lacks %q:\n%s", want, text)
		}
	}
	if _, err := Load(fsys); err == nil {
		t.Error("Load accepted a broken set")
	}
}

func TestLoadDirReplacesEmbedded(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ruleset.yaml"), []byte(goodSet), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(goodRule), 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if set.Version != "t1" || len(set.Rules) != 1 || set.Rules[0].Indicator != "B1.2" {
		t.Errorf("unexpected set %+v", set)
	}
	if _, err := LoadDir(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "load rules") {
		t.Errorf("missing dir: %v", err)
	}
}

func TestTextIn(t *testing.T) {
	tx := Text{VI: "xin chào", EN: "hello"}
	if tx.In("en") != "hello" || tx.In("") != "xin chào" || tx.In("vi") != "xin chào" {
		t.Error("Text.In")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(goodRule)
	f.Add("rules: [\n")
	f.Add("rules:\n  - examples: {match: [{text: a}], nomatch: [1]}\n    near: {within: -1}\n")
	f.Fuzz(func(t *testing.T, data string) {
		fsys := fstest.MapFS{
			"ruleset.yaml": {Data: []byte(goodSet)},
			"a.yaml":       {Data: []byte(data)},
		}
		set, err := Load(fsys)
		probs := Lint(fsys)
		if (err == nil) != (len(probs) == 0) {
			t.Fatalf("Load err=%v but Lint found %d problems", err, len(probs))
		}
		if err == nil && set == nil {
			t.Fatal("nil set without error")
		}
	})
}
