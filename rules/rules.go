// Package rules loads the gender-indicator rule set: YAML files, one per
// indicator group, each rule with a kind, an indicator, a category, a
// bilingual message and suggestion, patterns, conditions and examples that
// must and must not match. The set is embedded in the binary and can be
// replaced by a directory.
package rules

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"genderlens/internal/parallel"
	"genderlens/internal/strictyaml"
	"genderlens/model"
	"genderlens/vntext"

	"go.yaml.in/yaml/v3"
)

//go:embed *.yaml people
var embedded embed.FS

// SetFile is the file that carries the rule set's version and scoring
// weights; every other *.yaml file holds rules.
const SetFile = "ruleset.yaml"

// Rule kinds, modelled on Vale's.
const (
	KindExistence    = "existence"    // any listed phrase is a finding
	KindSubstitution = "substitution" // a phrase with a better wording
	KindProximity    = "proximity"    // a phrase only near a person or cue
	KindBalance      = "balance"      // shares of women among sources
	KindTopic        = "topic"        // cues that set an article topic
)

// ListsFile holds named word lists that rules share: a phrase "@name" in
// tokens, exceptions, near.tokens or unless.tokens stands for every phrase
// of the list.
const ListsFile = "lists.yaml"

// Set is a loaded, validated rule set.
type Set struct {
	// Version is ruleset.yaml's version followed by a hash of every file
	// the set is compiled from ("2026.12.0+1a2b3c4d"), so that any change
	// to the rules or lexicons makes a new version and stored articles are
	// rescored.
	Version string
	Rules   []Rule
	Scoring Scoring
	People  People
	// Sections names the outlet sections rules may be limited to, each
	// with the names outlets and annotators give it (slugs, Vietnamese,
	// English): "sport" is also "Thể thao" and "the-thao". A rule's
	// sections and not_sections use these names only, so one vocabulary
	// decides what a section is.
	Sections map[string][]string
}

// Scoring holds the numbers of the content score, documented in README.md and explained to readers by
// scorer.Method.
type Scoring struct {
	// Groups weights each indicator group in the overall score. Every group a rule scores in needs a weight, and
	// B1.2 (which applies to every article) must have one.
	Groups map[string]float64 `yaml:"groups"`
	// Penalty is the penalty points of one problem finding of each severity; every severity costs something.
	Penalty map[string]float64 `yaml:"penalty"`
	// HalfLife is the penalty points that halve a group's score: a group scores its base × 2^(-points/HalfLife).
	HalfLife float64 `yaml:"half_life"`
	// Bonus is the penalty points a positive signal gives back to its group.
	Bonus float64 `yaml:"bonus"`
	// MaxOffset is the largest share of a group's penalty points that its positive signals give back; below 1, so
	// that a problem always costs something.
	MaxOffset float64 `yaml:"max_offset"`
}

// Central is a topic rule's test that the article is about its cues, not
// mentioning them in passing (a list of crimes in a story on the dark web, a
// trafficking programme in a briefing on flights home): the cues count when
// the article has at most Brief sentences, or one cue is in its first Lead
// sentences (the title is the first), or two cues are Spread sentences
// apart or more (the story comes back to it). A zero field is not tested.
type Central struct {
	Brief  int `yaml:"brief"`
	Lead   int `yaml:"lead"`
	Spread int `yaml:"spread"`
}

// Near is a proximity condition: the match must lie within Within words of
// a person of the given kind (female, male, any, victim) or of one of
// Tokens, in the same sentence.
type Near struct {
	Person string   `yaml:"person"`
	Tokens []string `yaml:"tokens"`
	Within int      `yaml:"within"`
	// Side restricts where the context may be: before or after the match
	// ("" for either side).
	Side string `yaml:"side"`
	// Extend makes the finding cover the context too ("gương mặt thanh
	// tú" rather than "gương mặt").
	Extend bool `yaml:"extend"`
	// Exceptions are longer words in which a context phrase has another
	// sense: "dài" judges a body part, "kéo dài" (to last) does not
	// ("chấn thương vùng ngực kéo dài"). A context phrase that one of them
	// overlaps does not count. Near only, not Unless.
	Exceptions []string `yaml:"exceptions"`
	// Sentences lets an Unless look that many sentences back as well as in
	// the match's own: a word the story used just before ("quan hệ tình
	// dục" a sentence up makes "quan hệ với cháu X." its short form). A Near
	// with side after looks that many sentences ahead instead: what
	// followed ("... Từ đó, T. ghen tuông"). Not for About, nor a Near on
	// both sides; Within still bounds the distance in tokens.
	Sentences int `yaml:"sentences"`
}

// AsClass is the condition of a rule's as_class. Its rule's phrases are
// roles marked with a sex word, first or last ("nữ đạo diễn", "trọng tài
// nữ"). An article that somewhere names the holders of the role of that
// sex as a class ("những nữ đạo diễn", "ba nữ đạo diễn", "các trọng tài
// nữ") is about women (or men) in that role: the sex is its news, so no mention
// of the role in it is a mark added in passing. One woman named in her post
// ("nữ thủ tướng X từ chức") is not a class.
type AsClass struct {
	// Sex are the words that mark the sex: the role is the phrase without
	// its first or last word when that word is one of them.
	Sex []string `yaml:"sex"`
	// Before are the words (up to three syllables each) that make a class
	// of the marked role right before it: "những", "các", "thế hệ".
	Before []string `yaml:"before"`
	// Count, when positive: a number in digits of at least Count right
	// before the marked role is a class too ("10 nữ tỷ phú"); a smaller one
	// counts people the story follows ("2 nữ giáo viên").
	Count int `yaml:"count"`
	// NotAfter are words right after the class that make it particular
	// people ("những nữ phi công này").
	NotAfter []string `yaml:"not_after"`
}

// SpareMen is the condition of a rule's spare_men: within Within tokens
// before the match in its sentence, the nearest person found by the people
// pipeline or word of Men (male) or Women (female) decides whose looks the
// match describes; "của" right after the match names the owner instead
// ("gương mặt của cô"). A male owner drops the match, except in the
// sections of KeepIn, where a man's looks are what he is sold by.
type SpareMen struct {
	Men   []string `yaml:"men"`
	Women []string `yaml:"women"`
	// Both are words for a man and a woman together ("ông bà", "vợ
	// chồng"): their looks are not a man's alone, and the match stays.
	Both []string `yaml:"both"`
	// Stars are words for a man whose looks are his trade ("nam diễn
	// viên", "người mẫu nam"): his looks stay flagged, as a star's found
	// by the people pipeline do.
	Stars  []string `yaml:"stars"`
	Within int      `yaml:"within"`
	KeepIn []string `yaml:"keep_in"`
}

// NearPersons are the person kinds a Near condition can ask for.
func NearPersons() []string {
	return []string{"female", "male", "any", "victim", "victim_named", "victim_private", "victim_traceable", "female_named", "traceable"}
}

// Balance is the condition of a balance rule. With MinFemale > 0 it fires
// when at least MinFemale women are in the group (a positive signal);
// otherwise it fires when at least MinSources people of the group are
// counted and women's share of them is below MinShare.
type Balance struct {
	Of         string  `yaml:"of"` // quoted, people, experts, officials
	MinShare   float64 `yaml:"min_share"`
	MinSources int     `yaml:"min_sources"`
	MinFemale  int     `yaml:"min_female"`
}

// Example is one example text with its place in the file. Flag is the text
// the rule must flag in it: a match example of a rule that reports spans
// names the span, so an example shows what is flagged, not only that
// something is.
type Example struct {
	Text    string `yaml:"text"`
	Flag    string `yaml:"flag"`
	Section string `yaml:"section"`
	Line    int    `yaml:"-"`
}

// UnmarshalYAML accepts a plain string or {text, flag, section}.
func (e *Example) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*e = Example{Text: n.Value, Line: n.Line}
		return nil
	}
	type plain Example
	var v plain
	if err := n.Decode(&v); err != nil {
		return fmt.Errorf("example: %w", err)
	}
	*e = Example(v)
	e.Line = n.Line
	return nil
}

// Examples are texts the rule must and must not fire on.
type Examples struct {
	Match   []Example `yaml:"match"`
	NoMatch []Example `yaml:"nomatch"`
}

// Rule is one rule of the set.
type Rule struct {
	ID         string      `yaml:"id"`
	Kind       string      `yaml:"kind"`
	Indicator  string      `yaml:"indicator"`
	Category   string      `yaml:"category"`
	Severity   string      `yaml:"severity"`
	Message    model.Label `yaml:"message"`
	Suggestion model.Label `yaml:"suggestion"`

	// Tokens are the phrases of existence, proximity and topic rules.
	Tokens []string `yaml:"tokens"`
	// Swap maps a phrase to its better wording (substitution rules).
	Swap map[string]string `yaml:"swap"`
	// Exceptions are longer phrases that cancel an overlapping match.
	Exceptions []string `yaml:"exceptions"`
	// Near restricts proximity rules.
	Near *Near `yaml:"near"`
	// Unless drops a match that has one of its tokens (or a person) near
	// it: "nữ thủ tướng đầu tiên" is news about sex, not gender marking.
	Unless *Near `yaml:"unless"`
	// UnlessAlso is a second, independent Unless, for a cancelling
	// context of another reach than the first: a scenery word right
	// before a feature, and an identification notice ("đặc điểm nhận
	// dạng", "truy tìm") anywhere in the sentence or the one before.
	UnlessAlso *Near `yaml:"unless_also"`
	// About is a second context condition of proximity rules: besides its
	// Near context, the match must also be about someone, a person of the
	// given kind or one of its tokens within its words ("gương mặt" next to
	// "thanh tú" and a woman in the sentence, not a product's face).
	About *Near `yaml:"about"`
	// WhenTopics: fire only when the article has all these topics.
	WhenTopics []string `yaml:"when_topics"`
	// NotTopics: never in an article with any of these topics (a worker's
	// sex in a story of gender-based violence against her is the story).
	NotTopics []string `yaml:"not_topics"`
	// Sections / NotSections restrict by the outlet's section, named as in
	// ruleset.yaml's sections ("health", "sport").
	Sections    []string `yaml:"sections"`
	NotSections []string `yaml:"not_sections"`
	// SkipNames drops a match written with a capital in mid-sentence: it is
	// then part of a proper name (the award "Người đẹp Biển", a film).
	SkipNames bool `yaml:"skip_names"`
	// ClauseStart keeps only matches that open a clause (a sentence, or
	// after a comma, colon or conjunction): "Phụ nữ luôn cần ..." states a
	// rule, "26 phụ nữ phải ra hầu tòa" does not.
	ClauseStart bool `yaml:"clause_start"`
	// SkipQuotes drops matches inside quotations: a source's own words are
	// theirs, not the outlet's.
	SkipQuotes bool `yaml:"skip_quotes"`
	// SkipSpeech drops matches inside quoted speech only: a quotation of at
	// least eight tokens is what someone said ("Tôi không thể dựa
	// vào nhan sắc mà lười biếng"); a shorter one is a word the outlet
	// marks (người đẹp "siêu vòng ba"), still the outlet's.
	SkipSpeech bool `yaml:"skip_speech"`
	// SpeechTokens, with SkipSpeech, is the least length in tokens of a
	// quotation that is speech, for a rule whose words the outlet often
	// quotes as an epithet of several syllables ("mỹ nhân cổ trang thập
	// niên 90"): 0 is the default, eight.
	SpeechTokens int `yaml:"speech_tokens"`
	// SpareMen drops a looks match that describes a man or a boy in
	// passing: the nearest person before it in its sentence (a person
	// found, or one of Men / Women) is male. The annotated sets flag a
	// woman's looks wherever they are, a man's only where looks sell him.
	SpareMen *SpareMen `yaml:"spare_men"`
	// AsClass drops a sex-marked role ("nữ đạo diễn") in an article that
	// names the role's holders of that sex as a class: they are then what
	// the story is about (see AsClass).
	AsClass *AsClass `yaml:"as_class"`
	// Topic and MinHits configure topic rules: the topic is set when cues
	// of the rule occur at least MinHits times (distinct phrases count once
	// each unless Weighted).
	Topic   string `yaml:"topic"`
	MinHits int    `yaml:"min_hits"`
	// Central (topic rules only) counts the cues only when the topic is
	// what the article is about, not a passing mention.
	Central *Central `yaml:"central"`
	Balance *Balance `yaml:"balance"`

	Examples Examples `yaml:"examples"`

	File string `yaml:"-"`
	Line int    `yaml:"-"`

	// keys holds, by field (as validate names it: "tokens",
	// "near.tokens"...), the key of each of the field's phrases as Load
	// left them, which Load folds to find duplicates ("" where it did
	// not): see Keys.
	keys map[string][]string
}

// Keys returns the keys Load computed for the phrases of a field (named as
// in Load's messages: "tokens", "near.exceptions", "spare_men.men"...):
// vntext.Spaced(vntext.FoldString(phrase)), as the matcher compiles them,
// one for each phrase in order, "" where there is none; nil when it
// computed none. A phrase composed of lists was not folded whole: its key
// joins the keys of its list items and words, each folded once. Compiling
// the rule uses them rather than fold 35,000 phrases again; they hold only
// while the field is not changed.
func (r *Rule) Keys(field string) []string { return r.keys[field] }

// ruleFile is the layout of a rules file.
type ruleFile struct {
	Indicator string `yaml:"indicator"`
	Rules     []Rule `yaml:"rules"`
}

type setFile struct {
	Version  string              `yaml:"version"`
	Scoring  Scoring             `yaml:"scoring"`
	Sections map[string][]string `yaml:"sections"`
}

type listsFile struct {
	Lists map[string][]string `yaml:"lists"`
}

// EmbeddedFS returns the rule files compiled into the binary.
func EmbeddedFS() fs.FS { return embedded }

// Embedded loads the rule set compiled into the binary: from its snapshot
// (SnapshotFile) when that is current, else from the files.
func Embedded() (*Set, error) {
	if s, err := fromSnapshot(embedded, snapshotData); err == nil {
		return s, nil
	}
	s, err := Load(embedded)
	if err != nil {
		return nil, fmt.Errorf("embedded rules: %w", err)
	}
	return s, nil
}

// EmbeddedScoring returns the scoring numbers of the embedded rule set from its ruleset.yaml alone, without compiling
// the rules: for explaining the score (a report's methodology) where no scorer is at hand.
func EmbeddedScoring() (Scoring, error) {
	data, err := embedded.ReadFile(SetFile)
	if err != nil {
		return Scoring{}, fmt.Errorf("embedded rules: %w", err)
	}
	var sf setFile
	if err := yaml.Unmarshal(data, &sf); err != nil {
		return Scoring{}, fmt.Errorf("embedded rules: %s: %w", SetFile, err)
	}
	return sf.Scoring, nil
}

// LoadDir loads a directory that replaces the embedded rule set.
func LoadDir(dir string) (*Set, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("load rules %s: %w", dir, err)
	}
	s, err := Load(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("load rules %s: %w", dir, err)
	}
	return s, nil
}

// Load reads and validates every *.yaml file at the root of fsys. It fails
// with all problems Lint finds.
func Load(fsys fs.FS) (*Set, error) {
	set, problems := parse(fsys)
	if len(problems) > 0 {
		errs := make([]error, len(problems))
		for i, p := range problems {
			errs[i] = errors.New(p.String())
		}
		return nil, errors.Join(errs...)
	}
	return set, nil
}

// ruleFiles lists the rule files in a stable order.
func ruleFiles(fsys fs.FS) ([]string, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list rule files: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// parse reads every file and collects the set and all problems found.
func parse(fsys fs.FS) (*Set, []Problem) {
	var problems []Problem
	add := func(file string, line int, format string, args ...any) {
		problems = append(problems, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
	}
	names, err := ruleFiles(fsys)
	if err != nil {
		add(".", 0, "%v", err)
		return nil, problems
	}
	// The version's hash runs on a goroutine of its own, fed the files in
	// the order they are read (rule files here, then the people files on
	// the goroutine below), so the parsing does not wait for it.
	h := sha256.New()
	type hashed struct {
		name string
		data []byte // not changed once read
	}
	toHash := make(chan hashed, 256)
	hashDone := make(chan struct{})
	go func() {
		defer close(hashDone)
		for f := range toHash {
			fmt.Fprintf(h, "%s %d\n", f.name, len(f.data))
			h.Write(f.data)
		}
	}()
	hashFile := func(name string, data []byte) { toHash <- hashed{name, data} }
	// The rule files are read and hashed first; the version's hash then
	// goes on with the people files on the goroutine that reads them.
	files := readYAML(fsys, names)
	for _, f := range files {
		if f.err == nil {
			hashFile(f.name, f.data)
		}
	}
	set := &Set{}
	// The people lexicons and name tables (half the work) do not depend on
	// the rules: they are read on another goroutine meanwhile, and their
	// problems join the rules' below, in the order of a sequential read, so
	// the version and the messages are the same.
	var people problemLog
	peopleDone := make(chan struct{})
	go func() {
		defer close(peopleDone)
		parsePeople(fsys, &set.People, &people, hashFile)
	}()
	sawSet, setLine := false, 0
	seen := map[string]string{}
	var lists map[string][]string
	for _, f := range files {
		name := f.name
		if f.err != nil {
			add(name, 0, "read: %v", f.err)
			continue
		}
		doc, err := f.parsed()
		if err != nil {
			add(name, yamlLine(err), "parse: %v", err)
			continue
		}
		if len(doc.Content) == 0 {
			add(name, 1, "empty file")
			continue
		}
		root := doc.Content[0]
		if root.Kind != yaml.MappingNode {
			add(name, root.Line, "expected a mapping")
			continue
		}
		switch path.Base(name) {
		case SetFile:
			sawSet = true
			checkKeys(root, reflect.TypeFor[setFile](), name, add)
			var sf setFile
			if err := root.Decode(&sf); err != nil {
				add(name, yamlLine(err), "decode: %v", err)
				continue
			}
			if sf.Version == "" {
				add(name, root.Line, "version is missing")
			}
			set.Version = sf.Version
			set.Scoring = sf.Scoring
			set.Sections = sf.Sections
			setLine = root.Line
			continue
		case ListsFile:
			checkKeys(root, reflect.TypeFor[listsFile](), name, add)
			var lf listsFile
			if err := root.Decode(&lf); err != nil {
				add(name, yamlLine(err), "decode: %v", err)
				continue
			}
			lists = lf.Lists
			continue
		}
		checkKeys(root, reflect.TypeFor[ruleFile](), name, add)
		var rf ruleFile
		if err := root.Decode(&rf); err != nil {
			add(name, yamlLine(err), "decode: %v", err)
			continue
		}
		ruleNodes := mapValue(root, "rules")
		for i := range rf.Rules {
			r := &rf.Rules[i]
			r.File = name
			if ruleNodes != nil && i < len(ruleNodes.Content) {
				r.Line = ruleNodes.Content[i].Line
			}
			if r.Indicator == "" {
				r.Indicator = rf.Indicator
			}
			if prev, ok := seen[r.ID]; ok && r.ID != "" {
				add(name, r.Line, "duplicate rule id %q (first in %s)", r.ID, prev)
			}
			seen[r.ID] = name
			set.Rules = append(set.Rules, *r)
		}
	}
	// Lists may be read after the rules that use them, so they are expanded
	// once every file is in. A rule is expanded and checked without the
	// others, so the rules are on every core (folding their phrases to find
	// duplicates is the costly part), and reported in order.
	msgs := make([][]string, len(set.Rules))
	folded := foldLists(lists)
	parallel.For(len(set.Rules), 4, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			msgs[i] = append(expandLists(&set.Rules[i], lists, folded), validate(&set.Rules[i])...)
		}
	})
	for i := range set.Rules {
		r := &set.Rules[i]
		for _, msg := range msgs[i] {
			add(r.File, r.Line, "rule %s: %s", r.ID, msg)
		}
	}
	if !sawSet {
		add(SetFile, 0, "missing: the rule set needs a %s with its version", SetFile)
	} else {
		for _, msg := range validateScoring(set.Scoring, set.Rules) {
			add(SetFile, setLine, "scoring: %s", msg)
		}
		for _, msg := range validateSections(set.Sections) {
			add(SetFile, setLine, "sections: %s", msg)
		}
		for i := range set.Rules {
			r := &set.Rules[i]
			for _, msg := range unknownSections(r, set.Sections) {
				add(r.File, r.Line, "rule %s: %s", r.ID, msg)
			}
		}
	}
	<-peopleDone
	close(toHash)
	<-hashDone
	problems = append(problems, people.wait()...)
	if set.Version != "" {
		set.Version += "+" + hex.EncodeToString(h.Sum(nil))[:8]
	}
	return set, problems
}

// yamlFile is a file read, whose YAML is parsed on a goroutine of its own.
type yamlFile struct {
	name string
	data []byte // not changed once read
	err  error  // reading
	doc  yaml.Node
	perr error // parsing
	done chan struct{}
}

// readYAML reads the files in order and starts parsing each: parsing the
// YAML is most of loading the rules, and the files do not depend on one
// another, so they are parsed on every core while the first ones are
// decoded.
func readYAML(fsys fs.FS, names []string) []*yamlFile {
	files := make([]*yamlFile, len(names))
	for i, name := range names {
		f := &yamlFile{name: name, done: make(chan struct{})}
		files[i] = f
		if f.data, f.err = fs.ReadFile(fsys, name); f.err != nil {
			close(f.done)
			continue
		}
		go func() {
			defer close(f.done)
			f.perr = yaml.Unmarshal(f.data, &f.doc)
		}()
	}
	return files
}

// parsed waits for the file's YAML and returns its document node.
func (f *yamlFile) parsed() (*yaml.Node, error) {
	<-f.done
	return &f.doc, f.perr
}

// singleSpaced is strings.Join(strings.Fields(p), " "), without the copies
// when p is already written so, as nearly every phrase is.
func singleSpaced(p string) string {
	prevSpace := true
	for _, r := range p {
		space := isSpace(r)
		if space && (r != ' ' || prevSpace) {
			return strings.Join(strings.Fields(p), " ")
		}
		prevSpace = space
	}
	if prevSpace && p != "" {
		return strings.Join(strings.Fields(p), " ")
	}
	return p
}

// isSpace is unicode.IsSpace, which looks the White_Space table up for any
// rune past Latin-1: the Vietnamese letters of the rules' phrases lie below
// or among the spaces from U+1680 on (ạ is U+1EA1), so those are told apart
// first.
func isSpace(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || '\t' <= r && r <= '\r'
	case r <= 0xFF:
		return r == 0x85 || r == 0xA0
	case r < 0x1680 || 0x1680 < r && r < 0x2000:
		return false
	}
	return unicode.IsSpace(r)
}

// foldLists returns, for each list, the folded key of each item that a
// composed phrase may join as it is (see composable), "" for the others.
func foldLists(lists map[string][]string) map[string][]string {
	out := make(map[string][]string, len(lists))
	for name, items := range lists {
		keys := make([]string, len(items))
		var toks []vntext.Token
		for i, it := range items {
			keys[i] = composedKey(it, &toks)
		}
		out[name] = keys
	}
	return out
}

// composedKey is the key of a part of composed phrases, "" when the
// phrase's key is not the parts' joined (see composable): vntext.FoldString
// of the part, which must also be its vntext.Spaced (tokens one space
// apart), so that the joined key is too.
func composedKey(p string, toks *[]vntext.Token) string {
	if !composable(p) {
		return ""
	}
	k := vntext.FoldString(p)
	if vntext.Spaced(k, toks) != k {
		return ""
	}
	return k
}

// composable reports whether the key of a phrase joining p to other parts
// with single spaces is the parts' keys joined so: p is single-spaced, not
// empty, and does not open with a combining mark (which would fold with
// the part before). Folding is per syllable, and a space ends one.
func composable(p string) bool {
	if p == "" || singleSpaced(p) != p {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p)
	return !unicode.Is(unicode.Mn, r)
}

// expandLists replaces "@name" phrases by the phrases of the named list. A
// phrase may also compose lists with words, a construction rather than a
// phrase: "@female_traits của @women_roles" stands for every trait followed by
// "của" and every role, in the order of the lists. folded is foldLists of
// lists: a composed phrase's key joins its parts' keys, folded once each,
// rather than fold every combination (see Rule.Keys).
// maxComposed is the most phrases one composed phrase may stand for. Every
// phrase is compiled into the matcher and loaded at each start, so a
// product of three lists (11 x 52 x 11) would slow every start-up for one
// construction that a proximity rule expresses in a few hundred phrases.
const maxComposed = 10000

func expandLists(r *Rule, lists, folded map[string][]string) []string {
	var bad []string
	if r.keys == nil {
		r.keys = map[string][]string{}
	}
	var toks []vntext.Token
	// part is a word of a composed phrase: its alternatives (the items of a
	// list, or the word) and their keys.
	type part struct{ alts, keys []string }
	var parts []part
	var idx []int
	var phrase, key []byte
	// compose sets parts to the parts of p, false when a list is unknown.
	compose := func(field, p string, report bool) bool {
		parts = parts[:0]
		for _, w := range strings.Fields(p) {
			name, ok := strings.CutPrefix(w, "@")
			if !ok {
				parts = append(parts, part{[]string{w}, []string{composedKey(w, &toks)}})
				continue
			}
			l, found := lists[name]
			if !found {
				if report {
					bad = append(bad, fmt.Sprintf("%s: no list %q in %s", field, name, ListsFile))
				}
				return false
			}
			parts = append(parts, part{l, folded[name]})
		}
		return true
	}
	expand := func(field string, in []string) []string {
		// The phrases are counted first, so that out is made once.
		n := 0
		for _, p := range in {
			if !strings.Contains(p, "@") {
				n++
				continue
			}
			if compose(field, p, false) {
				c := 1
				for _, pt := range parts {
					c *= len(pt.alts)
				}
				if c > maxComposed {
					bad = append(bad, fmt.Sprintf("%s: %q stands for %d phrases, more than %d: make a word list the context of a proximity rule (near, about) instead",
						field, p, c, maxComposed))
				}
				n += c
			}
		}
		out := make([]string, 0, n)
		var keys []string // aligned with out once a phrase composes lists
		for _, p := range in {
			if !strings.Contains(p, "@") {
				out = append(out, p)
				if keys != nil {
					keys = append(keys, "") // folded by validate
				}
				continue
			}
			if keys == nil {
				keys = make([]string, len(out), n)
			}
			if !compose(field, p, true) {
				continue
			}
			// Every combination of the parts' alternatives, the last part's
			// changing fastest, each phrase and key written once: the
			// phrase joins the alternatives as strings.TrimSpace(head + " " +
			// alt) would, one part after another, and the key joins their
			// keys while the phrase so far and every key are not empty.
			idx = slices.Grow(idx[:0], len(parts))[:len(parts)]
			clear(idx)
			empty := false
			for _, pt := range parts {
				empty = empty || len(pt.alts) == 0
			}
			for !empty {
				phrase, key = phrase[:0], key[:0]
				keyed := false
				for i, pt := range parts {
					alt, ak := pt.alts[idx[i]], pt.keys[idx[i]]
					head := len(phrase) > 0
					switch {
					case ak == "":
						keyed = false
					case !head:
						key, keyed = append(key[:0], ak...), true
					case keyed:
						key = append(append(key, ' '), ak...)
					}
					if !head {
						phrase = append(phrase, strings.TrimSpace(alt)...)
					} else if alt = strings.TrimRightFunc(alt, unicode.IsSpace); alt != "" {
						phrase = append(append(phrase, ' '), alt...)
					}
				}
				out = append(out, string(phrase))
				if keyed {
					keys = append(keys, string(key))
				} else {
					keys = append(keys, "")
				}
				// The next combination.
				i := len(parts) - 1
				for ; i >= 0; i-- {
					if idx[i]++; idx[i] < len(parts[i].alts) {
						break
					}
					idx[i] = 0
				}
				empty = i < 0
			}
		}
		if keys != nil {
			r.keys[field] = keys
		}
		return out
	}
	r.Tokens = expand("tokens", r.Tokens)
	r.Exceptions = expand("exceptions", r.Exceptions)
	if r.Near != nil {
		r.Near.Tokens = expand("near.tokens", r.Near.Tokens)
		r.Near.Exceptions = expand("near.exceptions", r.Near.Exceptions)
	}
	if r.Unless != nil {
		r.Unless.Tokens = expand("unless.tokens", r.Unless.Tokens)
	}
	if r.UnlessAlso != nil {
		r.UnlessAlso.Tokens = expand("unless_also.tokens", r.UnlessAlso.Tokens)
	}
	if r.About != nil {
		r.About.Tokens = expand("about.tokens", r.About.Tokens)
	}
	if r.SpareMen != nil {
		r.SpareMen.Men = expand("spare_men.men", r.SpareMen.Men)
		r.SpareMen.Women = expand("spare_men.women", r.SpareMen.Women)
		r.SpareMen.Both = expand("spare_men.both", r.SpareMen.Both)
		r.SpareMen.Stars = expand("spare_men.stars", r.SpareMen.Stars)
	}
	return bad
}

// checkKeys adds a problem for every key of n, at any depth, that the Go type t does not declare: a misspelt condition
// ("near.tokns") would otherwise be ignored and the rule would silently match more than its author meant.
func checkKeys(n *yaml.Node, t reflect.Type, file string, add func(string, int, string, ...any)) {
	for _, u := range strictyaml.Check(n, t) {
		add(file, u.Line, "%s: %v", u.Path, u)
	}
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// yamlLine extracts the line number from a yaml error, 0 when absent.
func yamlLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	var line int
	if i := strings.Index(msg, "line "); i >= 0 {
		fmt.Sscanf(msg[i+5:], "%d", &line)
	}
	return line
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// validateScoring returns what is wrong with the scoring numbers: the score's stated properties (every problem
// costs something, positive signals never cancel a problem) hold only for numbers in these ranges.
func validateScoring(sc Scoring, rules []Rule) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, g := range slices.Sorted(maps.Keys(sc.Groups)) {
		if w := sc.Groups[g]; !(w > 0) {
			bad("groups.%s: want a weight above 0, got %v", g, w)
		}
	}
	if _, ok := sc.Groups[model.IndicatorStereotypes]; !ok {
		bad("groups.%s: required, since it applies to every article and takes the findings of groups that do not apply", model.IndicatorStereotypes)
	}
	missing := map[string]string{}
	for _, r := range rules {
		if g := model.IndicatorGroup(r.Indicator); r.Indicator != "" && r.Kind != KindTopic {
			if _, ok := sc.Groups[g]; !ok && missing[g] == "" {
				missing[g] = r.ID
			}
		}
	}
	for _, g := range slices.Sorted(maps.Keys(missing)) {
		bad("groups.%s: missing, but rule %s scores in it", g, missing[g])
	}
	for _, sev := range model.Severities() {
		if p, ok := sc.Penalty[sev]; !ok || !(p > 0) {
			bad("penalty.%s: want points above 0 (every problem costs something), got %v", sev, sc.Penalty[sev])
		}
	}
	for _, sev := range slices.Sorted(maps.Keys(sc.Penalty)) {
		if !slices.Contains(model.Severities(), sev) {
			bad("penalty.%s: not a severity (want %s)", sev, strings.Join(model.Severities(), ", "))
		}
	}
	if !(sc.HalfLife > 0) {
		bad("half_life: want points above 0, got %v", sc.HalfLife)
	}
	if !(sc.Bonus >= 0) {
		bad("bonus: want 0 or more points, got %v", sc.Bonus)
	}
	if !(sc.MaxOffset >= 0 && sc.MaxOffset < 1) {
		bad("max_offset: want a share from 0 up to (not including) 1, got %v", sc.MaxOffset)
	}
	return out
}

// validate returns what is wrong with one rule.
func validate(r *Rule) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if r.ID == "" {
		bad("id is missing")
	}
	if r.Indicator == "" {
		bad("indicator is missing")
	}
	if !contains(model.CategoryIDs(), r.Category) {
		bad("category %q is not one of %s", r.Category, strings.Join(model.CategoryIDs(), ", "))
	}
	switch r.Severity {
	case "info", "warning", "error":
	default:
		bad("severity %q is not info, warning or error", r.Severity)
	}
	if r.Message.VI == "" || r.Message.EN == "" {
		bad("message needs vi and en")
	}
	if r.SpeechTokens < 0 || r.SpeechTokens > 0 && !r.SkipSpeech {
		bad("speech_tokens needs skip_speech and a positive number, not %d", r.SpeechTokens)
	}
	if r.Kind != KindTopic && (r.Suggestion.VI == "" || r.Suggestion.EN == "") && r.Kind != KindSubstitution {
		bad("suggestion needs vi and en")
	}
	if len(r.Examples.Match) == 0 {
		bad("needs at least one example under examples.match")
	}
	spans := r.Kind == KindExistence || r.Kind == KindSubstitution || r.Kind == KindProximity
	for _, ex := range r.Examples.Match {
		switch {
		case spans && ex.Flag == "":
			bad("example at line %d: say which text the rule flags (flag: ...)", ex.Line)
		case ex.Flag != "" && !strings.Contains(ex.Text, ex.Flag):
			bad("example at line %d: flag %q does not occur in its text", ex.Line, ex.Flag)
		}
	}
	for _, ex := range r.Examples.NoMatch {
		if ex.Flag != "" {
			bad("example at line %d: a nomatch example flags nothing; drop flag", ex.Line)
		}
	}
	if len(r.Examples.NoMatch) == 0 {
		bad("needs at least one example under examples.nomatch")
	}
	for _, t := range r.WhenTopics {
		if !contains(model.Topics(), t) {
			bad("when_topics: unknown topic %q", t)
		}
	}
	for _, t := range r.NotTopics {
		if !contains(model.Topics(), t) {
			bad("not_topics: unknown topic %q", t)
		}
		if contains(r.WhenTopics, t) {
			// A slip of the list: the rule needs and forbids the topic.
			bad("not_topics: %q is in when_topics too: the rule would never apply", t)
		}
	}
	if r.keys == nil {
		r.keys = map[string][]string{}
	}
	var toks []vntext.Token
	phrases := func(field string, list []string) {
		seen := make(map[string]bool, len(list))
		keys := r.keys[field] // expandLists's keys of composed phrases
		if len(keys) != len(list) {
			keys = make([]string, len(list))
		}
		r.keys[field] = keys
		for i, p := range list {
			// Phrases are matched folded, so "thuý"/"thúy" are one phrase.
			// A composed phrase's key is its folded parts' (composable:
			// single-spaced and not empty).
			k := keys[i]
			if k == "" {
				if strings.TrimSpace(p) == "" {
					bad("%s: empty phrase", field)
				}
				sp := singleSpaced(p)
				k = vntext.FoldString(sp)
				if sp == p {
					keys[i] = vntext.Spaced(k, &toks)
				}
			}
			if seen[k] {
				bad("%s: duplicate phrase %q", field, p)
			}
			seen[k] = true
		}
	}
	phrases("exceptions", r.Exceptions)
	for _, u := range []struct {
		key string
		n   *Near
	}{{"unless", r.Unless}, {"unless_also", r.UnlessAlso}} {
		if u.n == nil {
			continue
		}
		if u.n.Within <= 0 {
			bad("%s.within must be positive", u.key)
		}
		if u.n.Person == "" && len(u.n.Tokens) == 0 {
			bad("%s needs a person or tokens", u.key)
		}
		if u.n.Person != "" && !contains(NearPersons(), u.n.Person) {
			bad("%s.person %q is not one of %s", u.key, u.n.Person, strings.Join(NearPersons(), ", "))
		}
		switch u.n.Side {
		case "", "before", "after":
		default:
			bad("%s.side %q is not before or after", u.key, u.n.Side)
		}
		phrases(u.key+".tokens", u.n.Tokens)
		if len(u.n.Exceptions) > 0 {
			bad("%s.exceptions is not supported: put the longer phrase in the rule's exceptions", u.key)
		}
		if u.n.Sentences < 0 {
			bad("%s.sentences must not be negative", u.key)
		}
	}
	if r.UnlessAlso != nil && r.Unless == nil {
		bad("unless_also without unless: write it as unless")
	}
	if r.SpareMen != nil {
		if r.SpareMen.Within <= 0 {
			bad("spare_men.within must be positive")
		}
		if len(r.SpareMen.Men) == 0 {
			bad("spare_men needs men")
		}
		phrases("spare_men.men", r.SpareMen.Men)
		phrases("spare_men.women", r.SpareMen.Women)
		phrases("spare_men.both", r.SpareMen.Both)
		phrases("spare_men.stars", r.SpareMen.Stars)
	}
	if c := r.AsClass; c != nil {
		if len(c.Sex) == 0 {
			bad("as_class needs sex")
		}
		if len(c.Before) == 0 && c.Count <= 0 {
			bad("as_class needs before or count")
		}
		if c.Count < 0 {
			bad("as_class.count must not be negative")
		}
		for _, w := range c.Before {
			if n := len(strings.Fields(w)); n == 0 || n > 3 {
				bad("as_class.before: %q must be one to three words", w)
			}
		}
		// The scorer tests sex and not_after one token at a time: a longer
		// phrase would never match.
		for _, l := range []struct {
			key   string
			words []string
		}{{"sex", c.Sex}, {"not_after", c.NotAfter}} {
			for _, w := range l.words {
				if len(strings.Fields(w)) != 1 {
					bad("as_class.%s: %q must be one word", l.key, w)
				}
			}
		}
		if r.Kind != KindExistence {
			bad("as_class is for existence rules")
		}
	}
	// context checks a proximity condition (near, about): the same keys,
	// named by the key they sit under.
	context := func(key string, n *Near) {
		if n.Within <= 0 {
			bad("%s.within must be positive", key)
		}
		if n.Person != "" && !contains(NearPersons(), n.Person) {
			bad("%s.person %q is not one of %s", key, n.Person, strings.Join(NearPersons(), ", "))
		}
		switch n.Side {
		case "", "before", "after":
		default:
			bad("%s.side %q is not before or after", key, n.Side)
		}
		if n.Person == "" && len(n.Tokens) == 0 {
			bad("%s needs a person or tokens", key)
		}
		phrases(key+".tokens", n.Tokens)
		if n.Sentences != 0 && (key != "near" || n.Side != "after") {
			bad("%s.sentences is not supported: only unless looks back over sentences, and near with side: after ahead", key)
		}
		if n.Sentences < 0 {
			bad("%s.sentences must not be negative", key)
		}
	}
	if r.About != nil {
		if r.Kind != KindProximity {
			bad("about is for proximity rules only")
		}
		context("about", r.About)
		if len(r.About.Exceptions) > 0 {
			bad("about.exceptions is not supported: put the longer phrase in the rule's exceptions")
		}
		if r.About.Extend {
			bad("about.extend is not supported: only near's context extends a finding")
		}
	}
	switch r.Kind {
	case KindExistence:
		if len(r.Tokens) == 0 {
			bad("existence rule needs tokens")
		}
		phrases("tokens", r.Tokens)
	case KindSubstitution:
		if len(r.Swap) == 0 {
			bad("substitution rule needs swap")
		}
		for k, v := range r.Swap {
			if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
				bad("swap: empty phrase or replacement")
			}
		}
	case KindProximity:
		if len(r.Tokens) == 0 {
			bad("proximity rule needs tokens")
		}
		phrases("tokens", r.Tokens)
		if r.Near == nil {
			bad("proximity rule needs near")
		} else {
			context("near", r.Near)
			phrases("near.exceptions", r.Near.Exceptions)
		}
	case KindBalance:
		if r.Balance == nil {
			bad("balance rule needs balance")
		} else {
			switch r.Balance.Of {
			case "quoted", "people", "experts", "officials":
			default:
				bad("balance.of %q is not quoted, people, experts or officials", r.Balance.Of)
			}
			if r.Balance.MinFemale <= 0 && (r.Balance.MinShare <= 0 || r.Balance.MinShare > 1) {
				bad("balance.min_share must be in (0, 1]")
			}
		}
	case KindTopic:
		if !contains(model.Topics(), r.Topic) {
			bad("topic %q is not one of %s", r.Topic, strings.Join(model.Topics(), ", "))
		}
		if len(r.Tokens) == 0 {
			bad("topic rule needs tokens")
		}
		phrases("tokens", r.Tokens)
		if len(r.WhenTopics) > 0 {
			// The scorer reads every topic rule's cues before it sets any
			// topic (a central rule lends its cues to the others of its
			// topic): no topic is known when another's rules are read.
			bad("a topic rule's when_topics is not supported: the topics are decided together")
		}
		if len(r.NotTopics) > 0 {
			bad("a topic rule's not_topics is not supported: the topics are decided together")
		}
		// A topic is decided before the people are found: its context is phrases only.
		if r.Near != nil {
			if r.Near.Within <= 0 {
				bad("near.within must be positive")
			}
			if r.Near.Person != "" || len(r.Near.Tokens) == 0 {
				bad("a topic rule's near needs tokens and no person")
			}
			phrases("near.tokens", r.Near.Tokens)
		}
	default:
		bad("kind %q is not existence, substitution, proximity, balance or topic", r.Kind)
	}
	if c := r.Central; c != nil {
		switch {
		case r.Kind != KindTopic:
			bad("central is only for topic rules")
		case c.Brief < 0 || c.Lead < 0 || c.Spread < 0:
			bad("central.brief, central.lead and central.spread must not be negative")
		case c.Brief == 0 && c.Lead == 0 && c.Spread == 0:
			bad("central needs brief, lead or spread (sentences)")
		case c.Spread == 1:
			bad("central.spread must be 2 or more: cues in adjacent sentences are one passage")
		}
	}
	return out
}
