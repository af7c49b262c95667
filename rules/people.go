package rules

import (
	"bytes"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"go.yaml.in/yaml/v3"
)

// PeopleDir is the folder of the people lexicons: the words the scorer finds
// people, their gender, their role and their quotes with, and the gazetteers
// that tell people from places and organisations. Like the rules, they are
// data with examples.
const PeopleDir = "people"

// Genders of the lexicons and of person examples.
const (
	Female  = "female"
	Male    = "male"
	Unknown = "unknown"
)

// Roles a person can have, as the titles lexicon groups them.
func Roles() []string { return []string{"expert", "official", "celebrity", "ordinary", "other"} }

// Gendered is a lexicon of phrases grouped by the gender they signal;
// Unknown holds the phrases that signal none (em, bác).
type Gendered struct {
	Female  []string `yaml:"female"`
	Male    []string `yaml:"male"`
	Unknown []string `yaml:"unknown"`
}

// Each calls f for every phrase with its gender.
func (g Gendered) Each(f func(phrase, gender string)) {
	for _, p := range g.Female {
		f(p, Female)
	}
	for _, p := range g.Male {
		f(p, Male)
	}
	for _, p := range g.Unknown {
		f(p, Unknown)
	}
}

func (g *Gendered) merge(o Gendered) {
	g.Female = append(g.Female, o.Female...)
	g.Male = append(g.Male, o.Male...)
	g.Unknown = append(g.Unknown, o.Unknown...)
}

// People is the compiled people lexicon of a rule set.
type People struct {
	// Honorifics precede a name: bà, chị (female), ông, anh (male), em
	// (none). Not lists longer phrases in which such a word has another
	// sense (đàn ông, anh em).
	Honorifics Gendered
	Not        []string
	// References refer back to a person just mentioned: cô ấy, ông,
	// chồng cô (female: her husband).
	References Gendered
	// SpeakerFamily, in a speaker's own quoted words, name the speaker's
	// spouse: "chồng tôi" makes the speaker a woman.
	SpeakerFamily Gendered
	// Titles give a person's role: role -> phrases.
	Titles map[string][]string
	// TitleAbbreviations give the title a short form stands for ("bs":
	// "bác sĩ"), so that "Bác sĩ cho biết" takes up "BS Lan" named before.
	TitleAbbreviations map[string]string
	// TitleSynonyms give the title another title of several words is a
	// synonym of ("phát ngôn viên": "người phát ngôn"), so that
	// "Người phát ngôn nói" takes up "phát ngôn viên X" named before.
	TitleSynonyms map[string]string
	// RoleNouns are titles that also carry gender: nữ diễn viên, hoa hậu.
	RoleNouns Gendered
	// Speech verbs attribute words to the person before them; NotSpeech
	// are phrases in which a speech word has another sense or is passive
	// (kể từ, được đánh giá); Adverbs may stand between a subject and its
	// verb (cũng, đã); Theo introduces an attribution before a name
	// (theo, theo lời).
	Speech    []string
	NotSpeech []string
	Adverbs   []string
	Theo      []string
	// NotBefore and NotAfter are single words that, before or after a
	// speech word, give it another sense: a noun ("những chia sẻ",
	// "thông tin này") or an ability ("khẳng định được vị thế").
	NotBefore []string
	NotAfter  []string
	// Sources are descriptions that stand for an unnamed quoted person
	// (người phụ nữ, một người dân, đại diện, nguồn tin); Plural are the
	// words that make such a description a group (các, những).
	Sources Gendered
	Plural  []string
	// DescriptionLinks are single words that may continue such a
	// description before its verb ("đại diện của công ty", "lãnh đạo UBND
	// xã", "nguồn tin thân cận với").
	DescriptionLinks []string
	// Possessive are descriptions that take the name of whose they are
	// ("con gái chị Loan", "luật sư của Trịnh Sảng"): the description
	// speaks, not the person named.
	Possessive []string
	// Names: family names, gendered middle names, capitalised words that
	// are never names, and the given-name tables.
	Surnames []string
	Middle   Gendered
	NotNames []string
	// RankNames are the words for a child's rank in the family (Hai, Ba,
	// Năm ... Út) that southern speech uses as a name after a kinship
	// honorific ("chú Năm", "bà Ba"): a name there even when the word is
	// a common word elsewhere (a number, "năm" a year).
	RankNames []string
	// Particles of foreign family names: lower case inside a name ("van
	// Persie"), and a name that starts with one ("De Bruyne") has no given
	// name to look up.
	Particles []string
	// GenderEvidence is what may decide a person's gender: EvidenceNames
	// (the default) adds the given- and middle-name tables and well-known
	// people to the text's own cues; EvidenceText keeps to the text's own
	// cues (honorifics, pronouns, kinship words, gendered role nouns, and
	// the middle names listed as saying the sex, Thị and Văn).
	GenderEvidence string
	// UnambiguousGiven is when a Vietnamese given name counts as a cue of
	// the text itself under EvidenceText: nearly all its bearers are of one
	// sex ("Yến", not "Huy").
	UnambiguousGiven Threshold
	// FullNameVI is when a Vietnamese middle and given name that do not
	// decide alone decide together: each has at least MinCount bearers and
	// their combined odds give one sex at least MinShare.
	FullNameVI Threshold
	GivenVI    *NameTable
	MiddleVI   *NameTable
	GivenWorld *NameTable
	// Gazetteer: proper names that are not people, by kind, and the words
	// that mark a capitalised run as a place or organisation (before it:
	// đường, công ty; inside it: Bank, FC).
	Gazetteer map[string][]string
	OrgBefore []string
	// NotOrgBefore are common words that end in one of OrgBefore but are
	// no place word: "môi trường" (environment), not "trường" (school).
	NotOrgBefore []string
	OrgInside    []string
	// Notable are well-known people and their gender, used after the
	// text's own cues and before the name tables.
	Notable Gendered
	// SharedSurnames are foreign family names borne by too many people for
	// the name alone to mean the notable one who has it ("Lopez", "Rice").
	SharedSurnames []string
	// Violence holds the words by which a violence story tells its victims
	// and suspects (rules whose near.person is a victim read them).
	Violence Violence
	// Examples are texts with the people that must (and must not) be found.
	Examples []PeopleExample
}

// Violence is the violence lexicon: the words that make a person a victim
// or a suspect, and those that make a named person a character of a film or
// a book, who is no victim to shield.
type Violence struct {
	// Victims and Accused, before a name, describe the person ("nạn nhân",
	// "bị can").
	Victims []string `yaml:"victims"`
	Accused []string `yaml:"accused"`
	// HarmVerbs are acts of violence whose object, or whose subject in the
	// passive ("bị" + verb), is the victim.
	HarmVerbs []string `yaml:"harm_verbs"`
	// HarmAgents are who did it, between "bị" and the verb ("bị chồng
	// đánh").
	HarmAgents []string `yaml:"harm_agents"`
	// Ties are honorifics and kin words that may stand between a harm verb
	// and its object's name ("đánh đập cô bạn gái X").
	Ties []string `yaml:"ties"`
	// Anaphors call the person just named a victim when they open a clause
	// ("nạn nhân"); ChildAnaphors do so only as the subject of a harm in
	// the passive ("Em bị ..."); AnaphorPredicates after an anaphor make it
	// a description instead ("nạn nhân là ...").
	Anaphors          []string `yaml:"anaphors"`
	ChildAnaphors     []string `yaml:"child_anaphors"`
	AnaphorPredicates []string `yaml:"anaphor_predicates"`
	// FictionBefore name a character right before the name ("nhân vật",
	// "vai"), FictionRoles may stand between them ("cô bé"), and
	// FictionAfter name the actor right after it ("do", "thủ vai").
	FictionBefore []string `yaml:"fiction_before"`
	FictionRoles  []string `yaml:"fiction_roles"`
	FictionAfter  []string `yaml:"fiction_after"`
}

// lists returns every list of the lexicon, always in one order, so that
// files can be merged and checked list by list.
func (v *Violence) lists() []*[]string {
	return []*[]string{&v.Victims, &v.Accused, &v.HarmVerbs, &v.HarmAgents, &v.Ties, &v.Anaphors, &v.ChildAnaphors,
		&v.AnaphorPredicates, &v.FictionBefore, &v.FictionRoles, &v.FictionAfter}
}

// Gender evidence policies (People.GenderEvidence).
const (
	EvidenceNames = "names"
	EvidenceText  = "text"
)

// GazetteerKinds are the kinds of non-person names the gazetteer lists.
func GazetteerKinds() []string {
	return []string{"countries", "places", "organisations", "media", "clubs", "competitions", "bands", "brands", "works"}
}

// PeopleExample is a text and what the scorer must find in it.
type PeopleExample struct {
	Text    string          `yaml:"text"`
	Section string          `yaml:"section"`
	People  []PersonExample `yaml:"people"`
	// Absent are names that must not be found as people.
	Absent []string `yaml:"absent"`
	File   string   `yaml:"-"`
	Line   int      `yaml:"-"`
}

// PersonExample is a person an example must find. Empty fields are not
// checked; Quoted is checked when set.
type PersonExample struct {
	Name   string `yaml:"name"`
	Gender string `yaml:"gender"`
	Quoted *bool  `yaml:"quoted"`
	Role   string `yaml:"role"`
}

// The layouts of the people files, one per lexicon kind, so that a key that
// does not belong in a file is reported.
type (
	honorificsFile struct {
		Lexicon   string          `yaml:"lexicon"`
		Female    []string        `yaml:"female"`
		Male      []string        `yaml:"male"`
		Unknown   []string        `yaml:"unknown"`
		Not       []string        `yaml:"not"`
		RoleNouns Gendered        `yaml:"role_nouns"`
		Examples  []PeopleExample `yaml:"examples"`
	}
	referencesFile struct {
		Lexicon       string          `yaml:"lexicon"`
		Female        []string        `yaml:"female"`
		Male          []string        `yaml:"male"`
		Unknown       []string        `yaml:"unknown"`
		SpeakerFamily Gendered        `yaml:"speaker_family"`
		Examples      []PeopleExample `yaml:"examples"`
	}
	titlesFile struct {
		Lexicon   string   `yaml:"lexicon"`
		Expert    []string `yaml:"expert"`
		Official  []string `yaml:"official"`
		Celebrity []string `yaml:"celebrity"`
		Ordinary  []string `yaml:"ordinary"`
		Other     []string `yaml:"other"`
		// Abbreviations map a title's short form to the title.
		Abbreviations map[string]string `yaml:"abbreviations"`
		// Synonyms map a title to another of the same role that names
		// the same office ("phát ngôn viên": "người phát ngôn").
		Synonyms map[string]string `yaml:"synonyms"`
		Examples []PeopleExample   `yaml:"examples"`
	}
	speechFile struct {
		Lexicon string   `yaml:"lexicon"`
		Verbs   []string `yaml:"verbs"`
		Not     []string `yaml:"not"`
		Adverbs []string `yaml:"adverbs"`
		Theo    []string `yaml:"theo"`
		// NotBefore/NotAfter: one word each (checked).
		NotBefore []string        `yaml:"not_before"`
		NotAfter  []string        `yaml:"not_after"`
		Examples  []PeopleExample `yaml:"examples"`
	}
	sourcesFile struct {
		Lexicon    string   `yaml:"lexicon"`
		Female     []string `yaml:"female"`
		Male       []string `yaml:"male"`
		Unknown    []string `yaml:"unknown"`
		Plural     []string `yaml:"plural"`
		Possessive []string `yaml:"possessive"`
		// Links: one word each (checked).
		Links    []string        `yaml:"description_links"`
		Examples []PeopleExample `yaml:"examples"`
	}
	namesFile struct {
		Lexicon    string          `yaml:"lexicon"`
		Surnames   []string        `yaml:"surnames"`
		Middle     Gendered        `yaml:"middle"`
		NotNames   []string        `yaml:"not_names"`
		RankNames  []string        `yaml:"rank_names"`
		Particles  []string        `yaml:"particles"`
		Evidence   string          `yaml:"gender_evidence"`
		GivenVI    *tableSpec      `yaml:"given_vi"`
		MiddleVI   *tableSpec      `yaml:"middle_vi"`
		Unambig    *Threshold      `yaml:"unambiguous_given"`
		FullNameVI *Threshold      `yaml:"full_name_vi"`
		GivenWorld *tableSpec      `yaml:"given_world"`
		Examples   []PeopleExample `yaml:"examples"`
	}
	notableFile struct {
		Lexicon        string          `yaml:"lexicon"`
		Female         []string        `yaml:"female"`
		Male           []string        `yaml:"male"`
		SharedSurnames []string        `yaml:"shared_surnames"`
		Examples       []PeopleExample `yaml:"examples"`
	}
	violenceFile struct {
		Lexicon  string `yaml:"lexicon"`
		Violence `yaml:",inline"`
		Examples []PeopleExample `yaml:"examples"`
	}
	gazetteerFile struct {
		Lexicon       string          `yaml:"lexicon"`
		Countries     []string        `yaml:"countries"`
		Places        []string        `yaml:"places"`
		Organisations []string        `yaml:"organisations"`
		Media         []string        `yaml:"media"`
		Clubs         []string        `yaml:"clubs"`
		Competitions  []string        `yaml:"competitions"`
		Bands         []string        `yaml:"bands"`
		Brands        []string        `yaml:"brands"`
		Works         []string        `yaml:"works"`
		Before        []string        `yaml:"before"`
		NotBefore     []string        `yaml:"not_before"`
		Inside        []string        `yaml:"inside"`
		Examples      []PeopleExample `yaml:"examples"`
	}
)

// tableSpec names a name table's files and how much of them to trust.
// Threshold is how many bearers a counted name needs, and what share of one
// sex, to decide.
type Threshold struct {
	MinCount int     `yaml:"min_count"`
	MinShare float64 `yaml:"min_share"`
}

type tableSpec struct {
	// Files are read in order as one table.
	Files []string `yaml:"files"`
	// MinCount and MinShare: a given name decides gender only with at
	// least MinCount bearers of whom at least MinShare are of one sex
	// (tables with counts).
	MinCount int     `yaml:"min_count"`
	MinShare float64 `yaml:"min_share"`
	// Except are names the files list that are left out of the table:
	// common words that some people bear as names but that, in the press,
	// mostly name things ("Apple", "Great", "Memory").
	Except []string `yaml:"except"`
}

// lexiconKinds maps a file's lexicon kind to a fresh value of its layout.
var lexiconKinds = map[string]func() any{
	"honorifics": func() any { return &honorificsFile{} },
	"references": func() any { return &referencesFile{} },
	"titles":     func() any { return &titlesFile{} },
	"speech":     func() any { return &speechFile{} },
	"sources":    func() any { return &sourcesFile{} },
	"names":      func() any { return &namesFile{} },
	"gazetteer":  func() any { return &gazetteerFile{} },
	"notable":    func() any { return &notableFile{} },
	"violence":   func() any { return &violenceFile{} },
}

// LexiconKinds lists the kinds a people file can declare.
func LexiconKinds() []string {
	out := make([]string, 0, len(lexiconKinds))
	for k := range lexiconKinds {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// parsePeople reads every people/*.yaml file into p, reporting to log (the
// name tables are built on goroutines of their own: log.wait waits for them).
func parsePeople(fsys fs.FS, p *People, log *problemLog, hash func(string, []byte)) {
	add := log.add
	names, err := fs.Glob(fsys, PeopleDir+"/*.yaml")
	if err != nil {
		add(PeopleDir, 0, "list people lexicons: %v", err)
		return
	}
	slices.Sort(names)
	p.Titles = map[string][]string{}
	p.Gazetteer = map[string][]string{}
	if len(names) == 0 {
		add(PeopleDir, 0, "missing: the rule set needs the people lexicons (%s/*.yaml)", PeopleDir)
		return
	}
	for _, f := range readYAML(fsys, names) {
		name := f.name
		if f.err != nil {
			add(name, 0, "read: %v", f.err)
			continue
		}
		hash(name, f.data)
		doc, err := f.parsed()
		if err != nil {
			add(name, yamlLine(err), "parse: %v", err)
			continue
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
			add(name, 1, "expected a mapping with a lexicon key")
			continue
		}
		root := doc.Content[0]
		kind := ""
		if v := mapValue(root, "lexicon"); v != nil {
			kind = v.Value
		}
		mk, ok := lexiconKinds[kind]
		if !ok {
			add(name, root.Line, "lexicon %q is not one of %s", kind, strings.Join(LexiconKinds(), ", "))
			continue
		}
		v := mk()
		checkKeys(root, reflect.TypeOf(v), name, add)
		if err := root.Decode(v); err != nil {
			add(name, yamlLine(err), "decode: %v", err)
			continue
		}
		if exNodes := mapValue(root, "examples"); exNodes != nil {
			setExamplePositions(v, name, exNodes)
		}
		mergeLexicon(fsys, p, v, name, log, hash)
	}
	for _, ex := range p.Examples {
		if strings.TrimSpace(ex.Text) == "" {
			add(ex.File, ex.Line, "example: empty text")
		}
		if len(ex.People) == 0 && len(ex.Absent) == 0 {
			add(ex.File, ex.Line, "example: say which people must be found (people) or not (absent)")
		}
		for _, pe := range ex.People {
			if pe.Name == "" {
				add(ex.File, ex.Line, "example: a person needs a name")
			}
			switch pe.Gender {
			case "", Female, Male, Unknown:
			default:
				add(ex.File, ex.Line, "example: gender %q is not female, male or unknown", pe.Gender)
			}
			if pe.Role != "" && !slices.Contains(Roles(), pe.Role) {
				add(ex.File, ex.Line, "example: role %q is not one of %s", pe.Role, strings.Join(Roles(), ", "))
			}
		}
	}
	for _, need := range []struct {
		what string
		ok   bool
	}{
		{"honorifics", len(p.Honorifics.Female)+len(p.Honorifics.Male) > 0},
		{"speech verbs", len(p.Speech) > 0},
		{"family names", len(p.Surnames) > 0},
	} {
		if !need.ok {
			add(PeopleDir, 0, "missing: no people lexicon lists %s", need.what)
		}
	}
}

// setExamplePositions records the file and line of each example.
func setExamplePositions(v any, file string, n *yaml.Node) {
	exs := reflect.ValueOf(v).Elem().FieldByName("Examples")
	if !exs.IsValid() || n.Kind != yaml.SequenceNode {
		return
	}
	for i := 0; i < exs.Len() && i < len(n.Content); i++ {
		ex := exs.Index(i).Addr().Interface().(*PeopleExample)
		ex.File, ex.Line = file, n.Content[i].Line
	}
}

// mergeLexicon adds one decoded file to p. Several files of one kind add up,
// so a district can keep its own gazetteer in a file of its own.
func mergeLexicon(fsys fs.FS, p *People, v any, file string, log *problemLog, hash func(string, []byte)) {
	add := log.add
	phrases := func(field string, lists ...[]string) {
		for _, l := range lists {
			for _, s := range l {
				if strings.TrimSpace(s) == "" {
					add(file, 0, "%s: empty phrase", field)
				}
			}
		}
	}
	// words checks a list of single words, which the scorer looks up one
	// token at a time.
	words := func(field string, l []string) {
		phrases(field, l)
		for _, w := range l {
			if len(strings.Fields(w)) > 1 {
				add(file, 0, "%s: %q: one word each", field, w)
			}
		}
	}
	switch f := v.(type) {
	case *honorificsFile:
		phrases("honorifics", f.Female, f.Male, f.Unknown, f.Not)
		p.Honorifics.merge(Gendered{Female: f.Female, Male: f.Male, Unknown: f.Unknown})
		p.Not = append(p.Not, f.Not...)
		p.RoleNouns.merge(f.RoleNouns)
		p.Examples = append(p.Examples, f.Examples...)
	case *violenceFile:
		dst := p.Violence.lists()
		for i, l := range f.Violence.lists() {
			phrases("violence", *l)
			*dst[i] = append(*dst[i], *l...)
		}
		words("anaphor_predicates", f.AnaphorPredicates)
		p.Examples = append(p.Examples, f.Examples...)
	case *referencesFile:
		phrases("references", f.Female, f.Male, f.Unknown)
		p.References.merge(Gendered{Female: f.Female, Male: f.Male, Unknown: f.Unknown})
		p.SpeakerFamily.merge(f.SpeakerFamily)
		p.Examples = append(p.Examples, f.Examples...)
	case *titlesFile:
		for role, l := range map[string][]string{"expert": f.Expert, "official": f.Official, "celebrity": f.Celebrity,
			"ordinary": f.Ordinary, "other": f.Other} {
			phrases(role, l)
			p.Titles[role] = append(p.Titles[role], l...)
		}
		for short, full := range f.Abbreviations {
			words("abbreviations", []string{short})
			phrases("abbreviations."+short, []string{full})
			if p.TitleAbbreviations == nil {
				p.TitleAbbreviations = map[string]string{}
			}
			p.TitleAbbreviations[short] = full
		}
		roleOf := map[string]string{}
		for role, l := range map[string][]string{"expert": f.Expert, "official": f.Official, "celebrity": f.Celebrity,
			"ordinary": f.Ordinary, "other": f.Other} {
			for _, t := range l {
				roleOf[strings.ToLower(t)] = role
			}
		}
		for syn, title := range f.Synonyms {
			phrases("synonyms."+syn, []string{syn, title})
			// Both are titles of this file, of one role: a synonym
			// takes up the person the other introduced.
			if r := roleOf[strings.ToLower(syn)]; r == "" || r != roleOf[strings.ToLower(title)] {
				add(file, 0, "synonyms: %q and %q must both be titles of one role", syn, title)
			}
			if p.TitleSynonyms == nil {
				p.TitleSynonyms = map[string]string{}
			}
			p.TitleSynonyms[syn] = title
		}
		p.Examples = append(p.Examples, f.Examples...)
	case *speechFile:
		phrases("speech", f.Verbs, f.Not, f.Adverbs, f.Theo)
		p.Speech = append(p.Speech, f.Verbs...)
		p.NotSpeech = append(p.NotSpeech, f.Not...)
		p.Adverbs = append(p.Adverbs, f.Adverbs...)
		p.Theo = append(p.Theo, f.Theo...)
		words("not_before", f.NotBefore)
		words("not_after", f.NotAfter)
		p.NotBefore = append(p.NotBefore, f.NotBefore...)
		p.NotAfter = append(p.NotAfter, f.NotAfter...)
		p.Examples = append(p.Examples, f.Examples...)
	case *sourcesFile:
		phrases("sources", f.Female, f.Male, f.Unknown, f.Plural, f.Possessive)
		p.Sources.merge(Gendered{Female: f.Female, Male: f.Male, Unknown: f.Unknown})
		p.Plural = append(p.Plural, f.Plural...)
		p.Possessive = append(p.Possessive, f.Possessive...)
		words("description_links", f.Links)
		p.DescriptionLinks = append(p.DescriptionLinks, f.Links...)
		p.Examples = append(p.Examples, f.Examples...)
	case *namesFile:
		phrases("names", f.Surnames, f.NotNames, f.Middle.Female, f.Middle.Male, f.Particles)
		p.Particles = append(p.Particles, f.Particles...)
		if f.Unambig != nil {
			if f.Unambig.MinShare <= 0.5 || f.Unambig.MinShare > 1 || f.Unambig.MinCount < 1 {
				add(file, 0, "unambiguous_given: want min_count >= 1 and min_share above 0.5 and at most 1")
			}
			p.UnambiguousGiven = *f.Unambig
		}
		if f.FullNameVI != nil {
			if f.FullNameVI.MinShare <= 0.5 || f.FullNameVI.MinShare > 1 || f.FullNameVI.MinCount < 1 {
				add(file, 0, "full_name_vi: want min_count >= 1 and min_share above 0.5 and at most 1")
			}
			p.FullNameVI = *f.FullNameVI
		}
		switch f.Evidence {
		case "":
		case EvidenceNames, EvidenceText:
			p.GenderEvidence = f.Evidence
		default:
			add(file, 0, "gender_evidence: want %q or %q, got %q", EvidenceNames, EvidenceText, f.Evidence)
		}
		p.Surnames = append(p.Surnames, f.Surnames...)
		p.Middle.merge(f.Middle)
		p.NotNames = append(p.NotNames, f.NotNames...)
		words("rank_names", f.RankNames)
		p.RankNames = append(p.RankNames, f.RankNames...)
		if f.GivenVI != nil {
			loadTable(fsys, file, "given_vi", *f.GivenVI, &p.GivenVI, log, hash)
		}
		if f.MiddleVI != nil {
			loadTable(fsys, file, "middle_vi", *f.MiddleVI, &p.MiddleVI, log, hash)
		}
		if f.GivenWorld != nil {
			loadTable(fsys, file, "given_world", *f.GivenWorld, &p.GivenWorld, log, hash)
		}
		p.Examples = append(p.Examples, f.Examples...)
	case *notableFile:
		phrases("notable", f.Female, f.Male)
		p.Notable.merge(Gendered{Female: f.Female, Male: f.Male})
		words("shared_surnames", f.SharedSurnames)
		p.SharedSurnames = append(p.SharedSurnames, f.SharedSurnames...)
		p.Examples = append(p.Examples, f.Examples...)
	case *gazetteerFile:
		for kind, l := range map[string][]string{"countries": f.Countries, "places": f.Places,
			"organisations": f.Organisations, "media": f.Media, "clubs": f.Clubs, "competitions": f.Competitions,
			"bands": f.Bands, "brands": f.Brands, "works": f.Works} {
			phrases(kind, l)
			p.Gazetteer[kind] = append(p.Gazetteer[kind], l...)
		}
		phrases("before", f.Before)
		phrases("not_before", f.NotBefore)
		phrases("inside", f.Inside)
		p.OrgBefore = append(p.OrgBefore, f.Before...)
		p.NotOrgBefore = append(p.NotOrgBefore, f.NotBefore...)
		p.OrgInside = append(p.OrgInside, f.Inside...)
		p.Examples = append(p.Examples, f.Examples...)
	}
}

// loadTable reads a name table named by a names lexicon into *dst. The
// files are read and hashed in order; the table is built on a goroutine of
// its own (the world table alone is a megabyte of text), and *dst is set
// by log.wait.
func loadTable(fsys fs.FS, file, field string, spec tableSpec, dst **NameTable, log *problemLog, hash func(string, []byte)) {
	add := log.add
	if len(spec.Files) == 0 {
		add(file, 0, "%s.files: name the table files", field)
		log.set(dst, nil)
		return
	}
	if spec.MinShare < 0 || spec.MinShare > 1 {
		add(file, 0, "%s.min_share: want a share from 0 to 1, got %v", field, spec.MinShare)
	}
	files := make([][]byte, len(spec.Files))
	for i, f := range spec.Files {
		path := PeopleDir + "/" + f
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			add(file, 0, "%s.files: %v", field, err)
			log.set(dst, nil)
			return
		}
		hash(path, data)
		files[i] = data
	}
	log.async(dst, func(add func(string, int, string, ...any)) *NameTable {
		var b tableBuilder
		for _, data := range files {
			b.reserve(bytes.Count(data, []byte("\n")) + 1)
		}
		for i, data := range files {
			// The table's names are slices of the text, which nothing else
			// holds or changes: no copy of the megabyte of world names.
			if err := b.add(unsafe.String(unsafe.SliceData(data), len(data))); err != nil {
				add(PeopleDir+"/"+spec.Files[i], 0, "%v", err)
				return nil
			}
		}
		for _, w := range spec.Except {
			if strings.ContainsAny(w, " \t") || w == "" {
				add(file, 0, "%s.except: want one word each, got %q", field, w)
				continue
			}
			b.drop(foldName(w))
		}
		return b.build(spec.MinCount, spec.MinShare)
	})
}

// problemLog collects the problems of the people lexicons in the order of a
// sequential read, though the name tables are built on goroutines of their
// own: a table's problems are put where its build started, and the table
// is stored where a sequential read would have stored it, in the same order.
type problemLog struct {
	problems []Problem
	pending  sync.WaitGroup
	tables   []*tableResult
}

// tableResult is a name table to store and the problems its build found,
// which go after the first at of the log's.
type tableResult struct {
	dst      **NameTable
	table    *NameTable
	at       int
	problems []Problem
}

func (l *problemLog) add(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
}

// set stores t in *dst, in its turn among the tables.
func (l *problemLog) set(dst **NameTable, t *NameTable) {
	l.tables = append(l.tables, &tableResult{dst: dst, table: t, at: len(l.problems)})
}

// async builds a table on a goroutine of its own.
func (l *problemLog) async(dst **NameTable, build func(add func(string, int, string, ...any)) *NameTable) {
	r := &tableResult{dst: dst, at: len(l.problems)}
	l.tables = append(l.tables, r)
	l.pending.Go(func() {
		r.table = build(func(file string, line int, format string, args ...any) {
			r.problems = append(r.problems, Problem{File: file, Line: line, Message: fmt.Sprintf(format, args...)})
		})
	})
}

// wait waits for the tables, stores them, and returns every problem.
func (l *problemLog) wait() []Problem {
	l.pending.Wait()
	out := make([]Problem, 0, len(l.problems))
	from := 0
	for _, r := range l.tables {
		*r.dst = r.table
		out = append(append(out, l.problems[from:r.at]...), r.problems...)
		from = r.at
	}
	return append(out, l.problems[from:]...)
}
