package gold_test

import (
	"reflect"
	"strings"
	"testing"

	"genderlens/gold"
	"genderlens/scorer/scorertest"
)

// Short articles written for these tests, with what the embedded rules find in them.
const (
	// Two quoted people: a woman (Thị, "Bà") and a man (Văn, "Ông").
	harvest = `Bà Nguyễn Thị Lan, giám đốc hợp tác xã, cho biết: "Năm nay mùa màng tốt hơn hẳn." Ông Trần Văn Hùng nói rằng giá lúa đã tăng mạnh.`
	// Appearance ("vóc dáng", "đôi chân dài") and sexualization ("gợi cảm"); one person, not quoted.
	premiere = "Nữ diễn viên Mai Hương khoe vóc dáng gợi cảm và đôi chân dài miên man trong buổi ra mắt phim."
	// A gbv story; one quoted man.
	arrest = "Người chồng bị bắt vì đánh đập vợ nhiều lần. Thượng tá Lê Văn Nam cho biết vụ bạo lực gia đình đang được điều tra."
	// An unnamed quoted villager and a quoted man.
	flood = `Một người dân trong xóm cho biết: "Đêm qua nước lên rất nhanh." Anh Phạm Quốc Bảo kể lại rằng cả nhà phải chạy lên đồi.`
)

func person(name, gender string, quoted bool) gold.Person {
	return gold.Person{Name: name, Gender: gender, Quoted: quoted}
}

func article(id, text string, people []gold.Person, phrases []gold.Phrase, gbv bool) gold.Article {
	return gold.Article{ID: id, Category: "Thử", Text: text, Gold: gold.Labels{People: people, Language: phrases, GBV: gbv}}
}

// TestMeasure checks each part of the published measure on articles whose answers are known.
func TestMeasure(t *testing.T) {
	s := scorertest.New(t)
	lan, hung := person("Nguyễn Thị Lan", "F", true), person("Trần Văn Hùng", "M", true)
	none := map[string]gold.CategoryRecall{}
	noFindings := map[string]gold.CategoryPrecision{}
	premiereFindings := func(correct int) map[string]gold.CategoryPrecision {
		// premiere's four findings: three of appearance, one of sexualization.
		return map[string]gold.CategoryPrecision{"appearance": {min(correct, 3), 3}, "sexualization": {max(correct-3, 0), 1}}
	}
	tests := []struct {
		name  string
		arts  []gold.Article
		want  gold.Figures
		lines []string // substrings of the detail's lines, in order
	}{
		{
			name: "quoted people all right",
			arts: []gold.Article{article("a", harvest, []gold.Person{lan, hung}, nil, false)},
			want: gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, MenTP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 1, GoldMen: 1}, NameTP: 2, GenderRight: 2, ByCategory: none, ByFinding: noFindings},
		},
		{
			name:  "gold says the man is a woman",
			arts:  []gold.Article{article("a", harvest, []gold.Person{lan, person("Trần Văn Hùng", "F", true)}, nil, false)},
			want:  gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, WomenFN: 1, MenFP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 2}, NameTP: 2, GenderRight: 1, ByCategory: none, ByFinding: noFindings},
			lines: []string{"quoted women 1 (gold 2), men 1 (gold 0)", `gender of "Trần Văn Hùng": M, gold F (gender/`},
		},
		{
			name:  "quoted in the system, only named in gold",
			arts:  []gold.Article{article("a", harvest, []gold.Person{lan, person("Hùng", "M", false)}, nil, false)},
			want:  gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, MenFP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 1}, NameTP: 1, NameFP: 1, GenderRight: 1, NameErrors: gold.NameErrors{FalseUnquoted: 1}, ByCategory: none, ByFinding: noFindings},
			lines: []string{"quoted women 1 (gold 1), men 1 (gold 0)", `false quoted M "Trần Văn Hùng" (gold: named, not quoted)`},
		},
		{
			name:  "missed quoted person",
			arts:  []gold.Article{article("a", harvest, []gold.Person{lan, hung, person("Đỗ Minh Châu", "F", true)}, nil, false)},
			want:  gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, WomenFN: 1, MenTP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 2, GoldMen: 1}, NameTP: 2, NameFN: 1, GenderRight: 2, NameErrors: gold.NameErrors{MissedAbsent: 1}, ByCategory: none, ByFinding: noFindings},
			lines: []string{"quoted women 1 (gold 2)", "missed quoted F Đỗ Minh Châu"},
		},
		{
			name: "missed: named and found, but not quoted",
			arts: []gold.Article{article("a", premiere, []gold.Person{person("Mai Hương", "F", true)}, nil, false)},
			want: gold.Figures{Articles: 1, Counts: gold.Counts{WomenFN: 1, GoldWomen: 1, Findings: 4}, NameFN: 1, NameErrors: gold.NameErrors{MissedUnquoted: 1}, ByCategory: none, ByFinding: premiereFindings(0)},
			lines: []string{"quoted women 0 (gold 1)", "missed quoted F Mai Hương", `false finding appearance "vóc dáng"`,
				`false finding appearance "dáng gợi cảm"`, `false finding sexualization "dáng gợi cảm"`, `false finding appearance "đôi chân dài"`},
		},
		{
			// An unnamed speaker the system does not find.
			name:  "missed: found but not quoted, and unnamed",
			arts:  []gold.Article{article("a", harvest, []gold.Person{lan, hung, person("bà con (không tên)", "U", true)}, nil, false)},
			want:  gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, MenTP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 1, GoldMen: 1}, NameTP: 2, NameFN: 1, GenderRight: 2, NameErrors: gold.NameErrors{MissedUnnamed: 1}, ByCategory: none, ByFinding: noFindings},
			lines: []string{"missed quoted U bà con (không tên)"},
		},
		{
			name: "unnamed quoted person matches an unnamed source",
			arts: []gold.Article{article("a", flood, []gold.Person{person("người dân (không tên)", "U", true), person("Bảo", "M", true)}, nil, false)},
			want: gold.Figures{Articles: 1, Counts: gold.Counts{MenTP: 1, SystemMen: 1, GoldMen: 1}, NameTP: 2, GenderRight: 2, ByCategory: none, ByFinding: noFindings},
		},
		{
			name: "gendered language: overlap, case and the appearance-sexualization pair",
			arts: []gold.Article{article("a", premiere, []gold.Person{person("Mai Hương", "F", false)}, []gold.Phrase{
				{Text: "Vóc Dáng gợi cảm", Category: "appearance"},
				{Text: "chân dài", Category: "sexualization"},
				{Text: "nhan sắc", Category: "appearance"},
			}, false)},
			// Four findings, each overlapping a phrase of its category; two phrases of three found.
			want:  gold.Figures{Articles: 1, Counts: gold.Counts{Findings: 4, Correct: 4, Phrases: 3, Hits: 2}, ByCategory: map[string]gold.CategoryRecall{"appearance": {1, 2}, "sexualization": {1, 1}}, ByFinding: premiereFindings(4)},
			lines: []string{`missed appearance "nhan sắc"`},
		},
		{
			name: "a finding of another category is false",
			arts: []gold.Article{article("a", premiere, nil, []gold.Phrase{{Text: "đôi chân dài", Category: "stereotype"}}, false)},
			want: gold.Figures{Articles: 1, Counts: gold.Counts{Findings: 4, Correct: 0, Phrases: 1, Hits: 0}, ByCategory: map[string]gold.CategoryRecall{"stereotype": {0, 1}}, ByFinding: premiereFindings(0)},
			lines: []string{`false finding appearance "vóc dáng"`, `false finding appearance "dáng gợi cảm"`,
				`false finding sexualization "dáng gợi cảm"`, `false finding appearance "đôi chân dài"`, `missed stereotype "đôi chân dài"`},
		},
		{
			name: "gbv true positive, false positive, false negative",
			arts: []gold.Article{
				article("tp", arrest, []gold.Person{person("Lê Văn Nam", "M", true)}, nil, true),
				article("fp", arrest, []gold.Person{person("Lê Văn Nam", "M", true)}, nil, false),
				article("fn", harvest, []gold.Person{lan, hung}, nil, true),
			},
			want:  gold.Figures{Articles: 3, Counts: gold.Counts{WomenTP: 1, MenTP: 3, SystemWomen: 1, SystemMen: 3, GoldWomen: 1, GoldMen: 3, GBVTP: 1, GBVFP: 1, GBVFN: 1}, NameTP: 4, GenderRight: 4, ByCategory: none, ByFinding: noFindings},
			lines: []string{"gbv: system true, gold false", "gbv: system false, gold true"},
		},
		{
			// The annotators read the title (in many sets it also holds the lead), and the service scores it.
			name: "the title is scored with the text",
			arts: []gold.Article{{ID: "t", Category: "Thử", Title: premiere, Text: harvest, Gold: gold.Labels{
				People:   []gold.Person{lan, hung, person("Mai Hương", "F", false)},
				Language: []gold.Phrase{{Text: "vóc dáng gợi cảm", Category: "appearance"}, {Text: "đôi chân dài", Category: "appearance"}}}}},
			want: gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, MenTP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 1, GoldMen: 1, Findings: 4, Correct: 4, Phrases: 2, Hits: 2}, NameTP: 2, GenderRight: 2, ByCategory: map[string]gold.CategoryRecall{"appearance": {2, 2}}, ByFinding: premiereFindings(4)},
		},
		{
			name: "annotated by count: no names matched, no gbv",
			arts: []gold.Article{{ID: "demo", Text: harvest, ByCount: true, Gold: gold.Labels{
				People: []gold.Person{{Gender: "F", Quoted: true}, {Gender: "F", Quoted: true}}, GBV: true}}},
			want:  gold.Figures{Articles: 1, Counts: gold.Counts{WomenTP: 1, WomenFN: 1, MenFP: 1, SystemWomen: 1, SystemMen: 1, GoldWomen: 2}, ByCategory: none, ByFinding: noFindings},
			lines: []string{"quoted women 1 (gold 2), men 1 (gold 0)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := gold.Measure(s, tt.arts, gold.Options{})
			// Each article's counts are kept, in order, and add up to the set's.
			if len(got.Samples) != len(tt.arts) {
				t.Fatalf("%d samples for %d articles", len(got.Samples), len(tt.arts))
			}
			var sum gold.Counts
			for _, c := range got.Samples {
				sum = addCounts(sum, c)
			}
			if sum != got.Counts {
				t.Errorf("samples add up to %+v, counts are %+v", sum, got.Counts)
			}
			got.Samples = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("figures\n got %+v\nwant %+v", got, tt.want)
			}
			detailed := gold.Measure(s, tt.arts, gold.Options{Detail: true})
			var lines []string
			for _, e := range detailed.Errors {
				lines = append(lines, e.Lines...)
			}
			if len(lines) != len(tt.lines) {
				t.Fatalf("%d error lines, want %d:\n%s", len(lines), len(tt.lines), strings.Join(lines, "\n"))
			}
			for i, want := range tt.lines {
				if !strings.Contains(lines[i], want) {
					t.Errorf("line %d %q lacks %q", i+1, lines[i], want)
				}
			}
			detailed.Errors, detailed.Samples = nil, nil
			if !reflect.DeepEqual(detailed, got) {
				t.Errorf("the detail changed the figures:\n%+v\n%+v", detailed, got)
			}
		})
	}
}

// TestMeasureDetail: only articles with errors are listed, with their id and category; Findings adds the correct
// findings.
func TestMeasureDetail(t *testing.T) {
	s := scorertest.New(t)
	arts := []gold.Article{
		article("right", harvest, []gold.Person{person("Nguyễn Thị Lan", "F", true), person("Trần Văn Hùng", "M", true)}, nil, false),
		article("wrong", arrest, nil, nil, true),
		{ID: "film", Category: "Giải trí", Text: premiere, Gold: gold.Labels{Language: []gold.Phrase{{Text: "đôi chân dài", Category: "appearance"}}}},
	}
	fig := gold.Measure(s, arts, gold.Options{Detail: true})
	want := []gold.ArticleErrors{
		{ID: "wrong", Category: "Thử", Lines: []string{"quoted women 0 (gold 0), men 1 (gold 0)",
			`false quoted M "Lê Văn Nam" (not a quoted person in gold): gender/middle_name "Văn"`}},
		{ID: "film", Category: "Giải trí", Lines: []string{`false finding appearance "vóc dáng" (appearance.looks)`,
			`false finding appearance "dáng gợi cảm" (appearance.features)`, `false finding sexualization "dáng gợi cảm" (sexualization.sexy-features)`}},
	}
	if len(fig.Errors) != len(want) {
		t.Fatalf("errors %+v", fig.Errors)
	}
	for i, w := range want {
		g := fig.Errors[i]
		if g.ID != w.ID || g.Category != w.Category || len(g.Lines) != len(w.Lines) {
			t.Fatalf("article %d: %+v, want %+v", i, g, w)
		}
		for j := range w.Lines {
			if !strings.HasPrefix(g.Lines[j], w.Lines[j]) {
				t.Errorf("%s line %d: %q, want it to start %q", g.ID, j+1, g.Lines[j], w.Lines[j])
			}
		}
	}
	withFindings := gold.Measure(s, arts[2:], gold.Options{Detail: true, Findings: true})
	if got := strings.Join(withFindings.Errors[0].Lines, "\n"); !strings.Contains(got, `correct finding appearance "đôi chân dài" (appearance.features)`) {
		t.Errorf("Findings: lines lack the correct finding:\n%s", got)
	}
	if got := gold.Measure(s, arts[2:], gold.Options{Findings: true}); got.Errors != nil {
		t.Errorf("Findings without Detail recorded %+v", got.Errors)
	}
}

// TestFiguresAndFloors checks the measures computed from counts, the report's lines and the floors.
func TestFiguresAndFloors(t *testing.T) {
	good := gold.Figures{Articles: 10, Counts: gold.Counts{WomenTP: 9, WomenFN: 1, MenTP: 18, MenFP: 1, MenFN: 1, SystemWomen: 9, SystemMen: 19, GoldWomen: 10, GoldMen: 19, Findings: 10, Correct: 9, Phrases: 10, Hits: 8, GBVTP: 3}, ByCategory: map[string]gold.CategoryRecall{"stereotype": {2, 2}, "appearance": {6, 8}}, ByFinding: map[string]gold.CategoryPrecision{"stereotype": {2, 2}, "appearance": {7, 8}}}
	tests := []struct {
		name  string
		f     gold.Figures
		below []string
	}{
		{"meets the floors", good, nil},
		{"nothing at all", gold.Figures{}, []string{
			"gendered-language precision 0.000 is below the floor 0.85",
			"gendered-language recall 0.000 is below the floor 0.75",
		}},
		{"every figure short", gold.Figures{Counts: gold.Counts{WomenTP: 1, WomenFN: 1, MenTP: 1, MenFP: 1, SystemWomen: 1, SystemMen: 2, GoldWomen: 2, GoldMen: 1, Findings: 2, Correct: 1, Phrases: 4, Hits: 2, GBVTP: 1, GBVFN: 1}}, []string{
			"quoted women F1 0.667 is below the floor 0.85",
			"quoted men F1 0.667 is below the floor 0.85",
			"women's share 33.3% is 33.3 points from gold 66.7% (at most 3)",
			"gendered-language precision 0.500 is below the floor 0.85",
			"gendered-language recall 0.500 is below the floor 0.75",
			"gbv F1 0.667 is below the floor 0.90",
		}},
		// gbv F1 is checked only where the gold has gbv stories: false positives alone are not measured.
		{"gbv without gold stories", func() gold.Figures { f := good; f.GBVTP, f.GBVFP = 0, 2; return f }(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Below(gold.DefaultFloors); !reflect.DeepEqual(got, tt.below) {
				t.Errorf("Below:\n got %q\nwant %q", got, tt.below)
			}
		})
	}
	want := []string{
		"good: 10 articles",
		"  quoted women F1 0.947 (tp 9 fp 0 fn 1); quoted men F1 0.947 (tp 18 fp 1 fn 1)",
		"  women's share of quoted sources: system 32.1%, gold 34.5%",
		"  gendered language: precision 0.900 (9/10), recall 0.800 (8/10)",
		"  recall by category: appearance 6/8, stereotype 2/2",
		"  precision by category: appearance 7/8, stereotype 2/2",
		"  gbv F1 1.000 (tp 3 fp 0 fn 0)",
		"  | good (10) | 0.95 | 0.95 | 32.1 / 34.5 | 0.90 | 0.80 | 1.00 |",
	}
	if got := good.Report("good"); !reflect.DeepEqual(got, want) {
		t.Errorf("Report:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without a gbv story in the gold there is no F1 to report, only what the system flagged.
	noGBV := good
	noGBV.GBVTP, noGBV.GBVFP, noGBV.GBVFN = 0, 2, 0
	if got := noGBV.Report("quiet"); got[len(got)-2] != "  gbv F1 not measured: no gbv story in the gold; flagged by the system: 2" ||
		!strings.HasSuffix(got[len(got)-1], "| 0.90 | 0.80 | – |") {
		t.Errorf("Report without gbv stories:\n%s", strings.Join(got, "\n"))
	}
	byName := good
	byName.NameTP, byName.NameFP, byName.NameFN, byName.GenderRight = 8, 1, 2, 7
	byName.NameErrors = gold.NameErrors{MissedUnnamed: 1, MissedUnquoted: 1, FalseTwice: 1}
	if got := byName.Report("x")[3:5]; !reflect.DeepEqual(got, []string{
		"  quoted people by name: F1 0.842 (matched 8, missed 2, false 1); gender right for 7 of 8 matched",
		"  missed: 1 unnamed, 1 found but not quoted, 0 not found; false: 0 not in gold, 0 in gold unquoted, 1 counted twice"}) {
		t.Errorf("Report by name: %q", got)
	}
	if f := gold.F1(0, 0, 0); f != 1 {
		t.Errorf("F1 with nothing to find and nothing found = %v, want 1", f)
	}
}

// addCounts adds every field of two Counts, through reflection so that a field added to Counts is added here too.
func addCounts(a, b gold.Counts) gold.Counts {
	va, vb := reflect.ValueOf(&a).Elem(), reflect.ValueOf(b)
	for i := range va.NumField() {
		va.Field(i).SetInt(va.Field(i).Int() + vb.Field(i).Int())
	}
	return a
}
