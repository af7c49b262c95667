package rules

import (
	"fmt"
	"genderlens/vntext"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"genderlens/model"
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

// goodScoring is the smallest valid scoring block.
const goodScoring = `scoring:
  groups: {B1.2: 1}
  penalty: {info: 1, warning: 2, error: 3}
  half_life: 10
`

const goodSet = "version: \"t1\"\n" + goodScoring

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
      match: [{text: "phái yếu", flag: "phái yếu"}]
      nomatch: ["phụ nữ"]
`

// goodPeople is the smallest people lexicon a rule set needs.
const goodPeople = `lexicon: honorifics
female: [bà]
male: [ông]
examples:
  - text: "Bà Lan nói."
    people: [{name: Lan, gender: female}]
`

const goodSpeech = `lexicon: speech
verbs: [nói]
examples:
  - text: "Ông Minh nói."
    people: [{name: Minh, quoted: true}]
`

const goodNames = `lexicon: names
surnames: [nguyễn]
examples:
  - text: "Nguyễn Minh nói."
    people: [{name: Nguyễn Minh}]
`

// minimalSet is a valid rule set with one rule.
// lintText is Lint's report on fsys, one problem per line.
func lintText(fsys fs.FS) string {
	var all []string
	for _, p := range Lint(fsys) {
		all = append(all, p.String())
	}
	return strings.Join(all, "\n")
}

func minimalSet() fstest.MapFS {
	return fstest.MapFS{
		"ruleset.yaml":      {Data: []byte(goodSet)},
		"a.yaml":            {Data: []byte(goodRule)},
		"people/hon.yaml":   {Data: []byte(goodPeople)},
		"people/sp.yaml":    {Data: []byte(goodSpeech)},
		"people/names.yaml": {Data: []byte(goodNames)},
	}
}

func TestLintFindsProblems(t *testing.T) {
	fsys := minimalSet()
	for name, data := range map[string]string{
		"b.yaml": `rules:
  - id: x.one
    kind: existance
    category: looks
    severity: loud
    tokenz: [a]
    message: {vi: "a"}
  - id: x.two
    kind: proximity
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: ["@nolist"]
    near: {tokns: [x], within: 2, side: under, sentences: 1}
    unless: {tokens: [y], within: 2, exceptions: [y z], sentences: -1}
    examples:
      match: ["no flag here", {text: "abc", flag: "xyz"}]
      nomatch: [{text: "abc", flag: "a"}]
  - id: x.three
    kind: topic
    topic: gbv
    category: topic
    severity: info
    indicator: B1.3
    message: {vi: "a", en: "a"}
    tokens: [hiếp dâm]
    near: {person: victim, within: 0}
    central: {brief: -1, leed: 3}
    examples:
      match: ["hiếp dâm"]
      nomatch: ["b"]
  - id: x.four
    kind: topic
    topic: gbv
    category: topic
    severity: info
    indicator: B1.3
    message: {vi: "a", en: "a"}
    tokens: [cưỡng hiếp]
    central: {}
    when_topics: [gbv]
    not_topics: [women_focus]
    examples:
      match: ["cưỡng hiếp"]
      nomatch: ["b"]
  - id: x.five
    kind: existence
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [chân dài]
    central: {spread: 1}
    when_topics: [gbv]
    not_topics: [violence, gbv]
    examples:
      match: [{text: "chân dài", flag: "chân dài"}]
      nomatch: ["b"]
`,
		"c.yaml":                "rules: [\n",
		"people/bad.yaml":       "lexicon: honorific\n",
		"people/gazetteer.yaml": "lexicon: gazetteer\ncountries: [Nga]\nclub: [Chelsea]\nexamples:\n  - text: x\n    absnt: [y]\n",
		"people/sources.yaml":   "lexicon: sources\nunknown: [nguồn tin]\ndescription_links: [của, giấu tên]\n",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	text := lintText(fsys)
	for _, want := range []string{
		`b.yaml:2: duplicate rule id "x.one"`,
		`kind "existance"`,
		`category "looks"`,
		`severity "loud"`,
		`b.yaml:6: rules[0].tokenz: unknown key "tokenz" (did you mean "tokens"?)`,
		`b.yaml:16: rules[1].near.tokns: unknown key "tokns" (did you mean "tokens"?)`,
		`near.side "under" is not before or after`,
		`unless.exceptions is not supported`,
		`near.sentences is not supported: only unless looks back over sentences`,
		`unless.sentences must not be negative`,
		`a topic rule's near needs tokens and no person`,
		`near.within must be positive`,
		`rules[2].central.leed: unknown key "leed" (did you mean "lead"?)`,
		`central.brief, central.lead and central.spread must not be negative`,
		`central needs brief, lead or spread (sentences)`,
		`central is only for topic rules`,
		`a topic rule's when_topics is not supported: the topics are decided together`,
		`not_topics: unknown topic "violence"`,
		`a topic rule's not_topics is not supported: the topics are decided together`,
		`not_topics: "gbv" is in when_topics too: the rule would never apply`,
		`tokens: no list "nolist" in lists.yaml`,
		`say which text the rule flags (flag: ...)`,
		`flag "xyz" does not occur in its text`,
		`a nomatch example flags nothing`,
		`lexicon "honorific" is not one of`,
		`people/gazetteer.yaml:3: club: unknown key "club" (did you mean "clubs"?)`,
		`people/gazetteer.yaml:6: examples[0].absnt: unknown key "absnt" (did you mean "absent"?)`,
		`example: say which people must be found (people) or not (absent)`,
		`description_links: "giấu tên": one word each`,
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

// TestLintAbout: the about condition of proximity rules is linted like near,
// each problem naming the about key.
func TestLintAbout(t *testing.T) {
	fsys := minimalSet()
	fsys["b.yaml"] = &fstest.MapFile{Data: []byte(`rules:
  - id: x.about
    kind: proximity
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [xinh]
    near: {tokens: [rất], within: 2}
    about: {persn: any, within: 0, side: under, exceptions: [x y], extend: true}
    examples:
      match: [{text: "rất xinh", flag: "xinh"}]
      nomatch: ["b"]
  - id: x.about-existence
    kind: existence
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [xinh]
    about: {person: someone, within: 3}
    examples:
      match: [{text: "xinh", flag: "xinh"}]
      nomatch: ["b"]
`)}
	text := lintText(fsys)
	for _, want := range []string{
		`rules[0].about.persn: unknown key "persn" (did you mean "person"?)`,
		`about.within must be positive`,
		`about.side "under" is not before or after`,
		`about needs a person or tokens`,
		`about.exceptions is not supported`,
		`about.extend is not supported`,
		`about is for proximity rules only`,
		`about.person "someone" is not one of`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lint output lacks %q:\n%s", want, text)
		}
	}
}

// TestLintUnlessAlsoAndAsClass: unless_also is linted as unless, and
// as_class's lists as the scorer reads them, each problem naming its key.
func TestLintUnlessAlsoAndAsClass(t *testing.T) {
	fsys := minimalSet()
	fsys["b.yaml"] = &fstest.MapFile{Data: []byte(`rules:
  - id: x.also
    kind: existence
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [xinh]
    unless: {tokens: [rất], within: 2, side: under}
    unless_also: {person: someone, within: 0, sentences: -1, exceptions: [x y]}
    as_class: {sex: [phụ nữ], count: -1, not_after: [này kia], before: [a b c d]}
    examples:
      match: [{text: "xinh", flag: "xinh"}]
      nomatch: ["b"]
  - id: x.alone
    kind: proximity
    category: appearance
    severity: info
    indicator: B1.2
    message: {vi: "a", en: "a"}
    suggestion: {vi: "b", en: "b"}
    tokens: [xinh]
    near: {tokens: [rất], within: 2}
    unless_also: {tokens: [không], within: 2}
    as_class: {before: [những]}
    examples:
      match: [{text: "rất xinh", flag: "xinh"}]
      nomatch: ["b"]
`)}
	text := lintText(fsys)
	for _, want := range []string{
		`unless.side "under" is not before or after`,
		`unless_also.within must be positive`,
		`unless_also.person "someone" is not one of`,
		`unless_also.sentences must not be negative`,
		`unless_also.exceptions is not supported`,
		`unless_also without unless`,
		`as_class.sex: "phụ nữ" must be one word`,
		`as_class.not_after: "này kia" must be one word`,
		`as_class.before: "a b c d" must be one to three words`,
		`as_class.count must not be negative`,
		`as_class needs sex`,
		`as_class is for existence rules`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lint output lacks %q:\n%s", want, text)
		}
	}
}

// TestNameTableChecksAtLoad: a bad line of a name table fails the load,
// and the except words are left out of a good one.
func TestNameTableChecksAtLoad(t *testing.T) {
	fsys := minimalSet()
	fsys["people/names.yaml"] = &fstest.MapFile{Data: []byte(goodNames + "given_world: {files: [w.tsv], except: [the]}\n")}
	fsys["people/w.tsv"] = &fstest.MapFile{Data: []byte("# a note\nanna\tfemale\nthe\tmale\nÉmile\tmale\n")}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	w := set.People.GivenWorld
	if w.Len() != 2 || w.Gender("Anna") != Female || w.Gender("ÉMILE") != Male || w.Known("the") {
		t.Errorf("lazy table: Len %d, Anna %q, ÉMILE %q, the %v", w.Len(), w.Gender("Anna"), w.Gender("ÉMILE"), w.Known("the"))
	}
	fsys["people/w.tsv"] = &fstest.MapFile{Data: []byte("anna\tfemale\nbob\tboth\n")}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), `people/w.tsv:0: line 2: gender "both" is not female or male`) {
		t.Errorf("Load of a bad table: %v", err)
	}
}

func TestLoadDirReplacesEmbedded(t *testing.T) {
	dir := t.TempDir()
	for name, f := range minimalSet() {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(set.Version, "t1+") || len(set.Rules) != 1 || set.Rules[0].Indicator != "B1.2" {
		t.Errorf("unexpected set %+v", set)
	}
	if len(set.People.Honorifics.Female) != 1 || len(set.People.Speech) != 1 || len(set.People.Examples) != 3 {
		t.Errorf("people lexicon not loaded: %+v", set.People)
	}
	if _, err := LoadDir(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "load rules") {
		t.Errorf("missing dir: %v", err)
	}
}

// TestVersionHashesContent: any change to a rule or lexicon file changes
// the version, so stored articles are rescored after it.
func TestVersionHashesContent(t *testing.T) {
	a, err := Load(minimalSet())
	if err != nil {
		t.Fatal(err)
	}
	changed := minimalSet()
	changed["people/sp.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(goodSpeech, "[nói]", "[nói, kể]", 1))}
	b, err := Load(changed)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Load(minimalSet())
	if a.Version == b.Version || a.Version != again.Version {
		t.Errorf("versions: %q, changed %q, again %q", a.Version, b.Version, again.Version)
	}
}

func TestListsExpand(t *testing.T) {
	fsys := minimalSet()
	fsys["lists.yaml"] = &fstest.MapFile{Data: []byte("lists:\n  weak: [phái yếu, chân yếu tay mềm]\n")}
	fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(goodRule, "tokens: [phái yếu]", "tokens: [\"@weak\", nữ nhi]", 1))}
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(set.Rules[0].Tokens, "|"); got != "phái yếu|chân yếu tay mềm|nữ nhi" {
		t.Errorf("tokens %q", got)
	}
}

// A phrase composing lists with words stands for every combination, in the
// order of the lists.
func TestListsCompose(t *testing.T) {
	fsys := minimalSet()
	fsys["lists.yaml"] = &fstest.MapFile{Data: []byte("lists:\n  sex: [đàn ông, phụ nữ]\n  then: [thì, thì phải]\n")}
	for _, tc := range []struct{ tokens, want string }{
		{`["là @sex thì"]`, "là đàn ông thì|là phụ nữ thì"},
		{`["@sex @then", nữ nhi]`, "đàn ông thì|đàn ông thì phải|phụ nữ thì|phụ nữ thì phải|nữ nhi"},
		{`["@sex"]`, "đàn ông|phụ nữ"},
	} {
		fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(goodRule, "tokens: [phái yếu]", "tokens: "+tc.tokens, 1))}
		set, err := Load(fsys)
		if err != nil {
			t.Fatalf("%s: %v", tc.tokens, err)
		}
		if got := strings.Join(set.Rules[0].Tokens, "|"); got != tc.want {
			t.Errorf("%s: tokens %q, want %q", tc.tokens, got, tc.want)
		}
	}
	fsys["a.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(goodRule, "tokens: [phái yếu]", `tokens: ["là @nosuch thì"]`, 1))}
	if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), `no list "nosuch"`) {
		t.Errorf("unknown list in a composed phrase: %v", err)
	}
}

func TestNameTable(t *testing.T) {
	tab, err := parseNameTable(strings.NewReader("# note\nhòa\t1\t99\nhoà\t0\t50\nanh\t60\t40\nrare\t1\t1\n"), 30, 0.97)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Hòa": Female, "HOÀ": Female, "anh": "", "rare": "", "x": ""} {
		if got := tab.Gender(name); got != want {
			t.Errorf("Gender(%q) = %q, want %q", name, got, want)
		}
	}
	if !tab.Known("Anh") || tab.Known("rare") || tab.Known("x") {
		t.Error("Known")
	}
	// Listed names: two spellings that disagree decide nothing; a name both
	// listed and counted decides only when the two agree.
	var b tableBuilder
	b.reserve(1)
	for _, file := range []string{"hòa\tfemale\nhoà\tmale\nlan\tfemale\nmai\tfemale\n", "lan\t0\t90\nmai\t90\t0\nrare\t1\t0\nnew\t0\t9\n"} {
		if err := b.add(file); err != nil {
			t.Fatal(err)
		}
	}
	tab = b.build(5, 0.9)
	for name, want := range map[string]string{"hoà": "", "lan": Female, "mai": "", "new": Female, "rare": ""} {
		if got := tab.Gender(name); got != want {
			t.Errorf("merged table: Gender(%q) = %q, want %q", name, got, want)
		}
	}
	if m, f, ok := tab.CountsKey("lan"); !ok || m != 0 || f != 90 {
		t.Errorf("merged table: CountsKey(lan) = %d %d %v", m, f, ok)
	}
	if !tab.Known("hòa") || tab.Known("rare") || tab.Len() != 4 {
		t.Errorf("merged table: Known or Len (%d)", tab.Len())
	}
	if _, err := parseNameTable(strings.NewReader("a\tboth\n"), 0, 0); err == nil {
		t.Error("accepted gender both")
	}
}

func TestTextIn(t *testing.T) {
	tx := model.Label{VI: "xin chào", EN: "hello"}
	if tx.In("en") != "hello" || tx.In("") != "xin chào" || tx.In("vi") != "xin chào" {
		t.Error("Text.In")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(goodRule)
	f.Add("rules: [\n")
	f.Add("rules:\n  - examples: {match: [{text: a}], nomatch: [1]}\n    near: {within: -1}\n")
	f.Add(strings.Replace(goodRule, "    examples:", "    unless: {tokens: [rất], within: 2}\n    unless_also: {tokens: [không], within: 9, sentences: 1}\n    as_class: {sex: [phái], before: [những], count: 3, not_after: [này]}\n    examples:", 1))
	f.Fuzz(func(t *testing.T, data string) {
		fsys := minimalSet()
		fsys["a.yaml"] = &fstest.MapFile{Data: []byte(data)}
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

func TestGenderEvidencePolicy(t *testing.T) {
	fsys := minimalSet()
	set, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if set.People.GenderEvidence != "" && set.People.GenderEvidence != EvidenceNames {
		t.Errorf("default policy = %q, want names", set.People.GenderEvidence)
	}
	fsys["people/names.yaml"] = &fstest.MapFile{Data: []byte(goodNames + "gender_evidence: text\nunambiguous_given: {min_count: 100, min_share: 0.99}\n")}
	if set, err = Load(fsys); err != nil || set.People.GenderEvidence != EvidenceText || set.People.UnambiguousGiven.MinCount != 100 {
		t.Errorf("text policy: %v, %+v", err, set)
	}
	fsys["people/names.yaml"] = &fstest.MapFile{Data: []byte(goodNames + "gender_evidence: guess\nunambiguous_given: {min_count: 0, min_share: 0.4}\n")}
	text := lintText(fsys)
	for _, want := range []string{`gender_evidence: want "names" or "text", got "guess"`, "unambiguous_given: want min_count >= 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("lint lacks %q:\n%s", want, text)
		}
	}
}

// TestScoringValidated: the score's properties (every problem costs
// something, a positive signal never cancels a problem) hold only for
// scoring numbers in range, so a rule set with others does not load.
func TestScoringValidated(t *testing.T) {
	for _, tc := range []struct {
		name, scoring, want string
	}{
		{"valid", goodScoring, ""},
		{"no scoring", "", "groups.B1.2: required"},
		{"free info", strings.Replace(goodScoring, "info: 1", "info: 0", 1), "penalty.info: want points above 0"},
		{"missing severity", strings.Replace(goodScoring, "error: 3", "", 1), "penalty.error: want points above 0"},
		{"unknown severity", strings.Replace(goodScoring, "error: 3", "error: 3, fatal: 9", 1), "penalty.fatal: not a severity"},
		{"zero weight", strings.Replace(goodScoring, "B1.2: 1", "B1.2: 1, B1.1: 0", 1), "groups.B1.1: want a weight above 0"},
		{"no half-life", strings.Replace(goodScoring, "half_life: 10", "half_life: 0", 1), "half_life: want points above 0"},
		{"cancelling bonus", goodScoring + "  max_offset: 1\n", "max_offset: want a share from 0 up to (not including) 1"},
		{"negative bonus", goodScoring + "  bonus: -1\n", "bonus: want 0 or more points"},
		{"rule group without weight", strings.Replace(goodScoring, "B1.2: 1", "B1.3: 1", 1), "groups.B1.2: missing, but rule x.one scores in it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := minimalSet()
			fsys["ruleset.yaml"] = &fstest.MapFile{Data: []byte("version: \"t1\"\n" + tc.scoring)}
			_, err := Load(fsys)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("valid scoring rejected: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), "ruleset.yaml:1: scoring: "+tc.want)):
				t.Fatalf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

// TestEmbeddedScoring: the scoring read alone is the embedded set's.
func TestEmbeddedScoring(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := EmbeddedScoring()
	if err != nil || !reflect.DeepEqual(sc, set.Scoring) {
		t.Errorf("EmbeddedScoring() = %+v, %v; the embedded set has %+v", sc, err, set.Scoring)
	}
}

func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

func TestSingleSpaced(t *testing.T) {
	for _, p := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "bà  mẹ ", "phụ nữ", "a\nb"} {
		if got, want := singleSpaced(p), strings.Join(strings.Fields(p), " "); got != want {
			t.Errorf("singleSpaced(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestGivenWorldExcept: the common words names.yaml leaves out of the world
// table are not given names, whatever the lists say; the other names stay.
func TestGivenWorldExcept(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := set.People.GivenWorld
	for _, word := range []string{"the", "apple", "Great", "memory", "lucky", "ashley"} {
		if w.Known(word) {
			t.Errorf("%q is still a world given name", word)
		}
	}
	for name, want := range map[string]string{"sergei": Male, "janka": Female, "santos": Male} {
		if got := w.Gender(name); got != want {
			t.Errorf("Gender(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestLintViolence: the violence lexicon's keys are checked, and its
// anaphor predicates, looked up one token at a time, are single words.
func TestLintViolence(t *testing.T) {
	fsys := minimalSet()
	fsys["people/violence.yaml"] = &fstest.MapFile{Data: []byte("lexicon: violence\nharm_verb: [đánh]\nanaphor_predicates: [là, được xác định]\n")}
	text := lintText(fsys)
	for _, want := range []string{
		`harm_verb: unknown key "harm_verb" (did you mean "harm_verbs"?)`,
		`anaphor_predicates: "được xác định": one word each`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lint lacks %q:\n%s", want, text)
		}
	}
}

// TestComposedKeys checks that the keys Load joins from folded list items
// and words (see expandLists) are the keys of the phrases themselves, for
// every phrase of the embedded rules, and that every phrase Load checks has
// one unless it is not single-spaced.
func TestComposedKeys(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var toks []vntext.Token
	for _, r := range set.Rules {
		fields := map[string][]string{"tokens": r.Tokens, "exceptions": r.Exceptions}
		if r.Near != nil {
			fields["near.tokens"], fields["near.exceptions"] = r.Near.Tokens, r.Near.Exceptions
		}
		if r.Unless != nil {
			fields["unless.tokens"] = r.Unless.Tokens
		}
		if r.UnlessAlso != nil {
			fields["unless_also.tokens"] = r.UnlessAlso.Tokens
		}
		if r.About != nil {
			fields["about.tokens"] = r.About.Tokens
		}
		if r.SpareMen != nil {
			fields["spare_men.men"], fields["spare_men.women"] = r.SpareMen.Men, r.SpareMen.Women
			fields["spare_men.both"], fields["spare_men.stars"] = r.SpareMen.Both, r.SpareMen.Stars
		}
		for field, list := range fields {
			keys := r.Keys(field)
			if keys == nil {
				continue
			}
			if len(keys) != len(list) {
				t.Fatalf("rule %s %s: %d keys for %d phrases", r.ID, field, len(keys), len(list))
			}
			for i, p := range list {
				if keys[i] == "" {
					continue
				}
				n++
				if want := vntext.Spaced(vntext.FoldString(p), &toks); keys[i] != want {
					t.Errorf("rule %s %s: key of %q is %q, want %q", r.ID, field, p, keys[i], want)
				}
			}
		}
	}
	if n < 30000 {
		t.Errorf("only %d phrases have keys", n)
	}
	t.Logf("%d keys checked", n)
}

// TestExpandListsOddItems pins the phrases composed of list items with
// spaces around them or none at all: each part joins as
// strings.TrimSpace(head + " " + item) would, one after another; an
// empty list makes no phrase, an unknown one is reported.
func TestExpandListsOddItems(t *testing.T) {
	lists := map[string][]string{"b": {" ", "c"}, "a": {" x", "y  "}, "e": {}}
	r := &Rule{Tokens: []string{"@b @a z", "w", "@e q", "@b", "@b @nope"}}
	bad := expandLists(r, lists, foldLists(lists))
	want := []string{"x z", "y z", "c  x z", "c y z", "w", "", "c"}
	if !slices.Equal(r.Tokens, want) {
		t.Errorf("phrases %q, want %q", r.Tokens, want)
	}
	if len(bad) != 1 || bad[0] != `tokens: no list "nope" in lists.yaml` {
		t.Errorf("problems %q", bad)
	}
	if keys := r.Keys("tokens"); len(keys) != len(r.Tokens) || keys[6] != "c" {
		t.Errorf("keys %q", keys)
	}
}

// TestExpandListsTooMany refuses a composed phrase that stands for more
// phrases than maxComposed, naming the field and the phrase.
func TestExpandListsTooMany(t *testing.T) {
	items := make([]string, 80)
	for i := range items {
		items[i] = fmt.Sprintf("w%d", i)
	}
	lists := map[string][]string{"a": items}
	r := &Rule{Tokens: []string{"@a hơn @a", "@a @a @a"}}
	bad := expandLists(r, lists, foldLists(lists))
	want := fmt.Sprintf("tokens: %q stands for 512000 phrases, more than %d", "@a @a @a", maxComposed)
	if len(bad) != 1 || !strings.HasPrefix(bad[0], want) {
		t.Errorf("problems %q, want one starting %q", bad, want)
	}
}

// TestComposeKeysOddParts checks keys composed of list items that do not
// fold alone as they do in a phrase: those are folded whole.
func TestComposeKeysOddParts(t *testing.T) {
	lists := map[string][]string{"a": {"Hoà", "thuý  kiều", " x", "\u0301a", "ĐẸP", "ủy,", "a,b", "x - y"}}
	r := &Rule{Tokens: []string{"cô @a Nga", "@a", "@a @a"}}
	if bad := expandLists(r, lists, foldLists(lists)); len(bad) > 0 {
		t.Fatal(bad)
	}
	keys := r.Keys("tokens")
	var toks []vntext.Token
	for i, p := range r.Tokens {
		if want := vntext.Spaced(vntext.FoldString(p), &toks); keys[i] != "" && keys[i] != want {
			t.Errorf("key of %q is %q, want %q", p, keys[i], want)
		}
	}
}
