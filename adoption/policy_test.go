package adoption

import (
	"path/filepath"
	"strings"
	"testing"

	"genderlens/internal/golden"
)

func TestPresets(t *testing.T) {
	for _, name := range PresetNames() {
		p, err := LoadPolicy("preset:" + name)
		if err != nil {
			t.Fatalf("preset %s: %v", name, err)
		}
		if p.Version == "" || len(p.Targets) != 2 {
			t.Errorf("preset %s: version %q, %d targets", name, p.Version, len(p.Targets))
		}
		// The reports are Vietnamese: the documents a preset follows are named in Vietnamese there, in English on
		// English pages.
		if p.Source.VI == "" || p.Source.EN == "" || strings.Contains(p.Source.VI, "Decision") || strings.Contains(p.Source.VI, "Plan") ||
			strings.Contains(p.Source.EN, "Quyết định") || strings.Contains(p.Source.EN, "Kế hoạch") {
			t.Errorf("preset %s: source %+v, want it in both languages", name, p.Source)
		}
	}
	def, err := LoadPolicy("")
	if err != nil || def.TargetFor(2025).Share != 0.8 {
		t.Errorf("the default policy should be Hanoi's (80%% by 2025): %v", err)
	}
	if _, err := LoadPolicy("preset:mars"); err == nil {
		t.Error("unknown preset accepted")
	}
	if _, err := LoadPolicy(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("missing file accepted")
	}
}

// TestPolicySourceAsOneText checks that a policy file written before sources had two languages still loads, its one
// text standing for both.
func TestPolicySourceAsOneText(t *testing.T) {
	b, err := presetFiles.ReadFile("presets/hanoi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "source:")
	end := strings.Index(text, "report_deadline:")
	old := text[:start] + "source: \"Kế hoạch 331/KH-UBND\"\n" + text[end:]
	p, err := ParsePolicy([]byte(old), "old.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p.Source.VI != "Kế hoạch 331/KH-UBND" || p.Source.EN != p.Source.VI {
		t.Errorf("source %+v, want the one text in both languages", p.Source)
	}
}

// TestInvalidPolicies compares each invalid policy's error with its golden file (go test -update rewrites them).
func TestInvalidPolicies(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no invalid policies: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, err := LoadPolicy(file)
			if err == nil {
				t.Fatal("accepted")
			}
			got := strings.ReplaceAll(err.Error(), filepath.ToSlash(file), "FILE") + "\n"
			golden.Assert(t, strings.TrimSuffix(file, ".yaml")+".golden", []byte(got))
		})
	}
}
