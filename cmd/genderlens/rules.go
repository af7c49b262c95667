package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"genderlens/gold"
	"genderlens/rules"
	"genderlens/scorer"
)

func runRules(_ context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "rules", "rules test|lint [--rules DIR] | rules eval FILE|-... [--rules DIR] [--json] [--detail] [--floors]", `  genderlens rules test                # run every rule's examples
  genderlens rules lint --rules ./my-rules
  genderlens rules test --rules ./my-rules
  genderlens rules eval ../shared/gold/train.jsonl     # the accuracy test's figures on an annotated set
  genderlens rules eval --rules ./my-rules --floors reviewed.jsonl   # exit 1 below the accuracy floors
  genderlens rules eval 2025.jsonl 2026.jsonl   # each set, then the two pooled`)
	rulesDir := fs.String("rules", "", "rule set `dir`ectory instead of the embedded rules")
	asJSON := fs.Bool("json", false, "rules eval: print the figures as one JSON object (with several files: {\"sets\": [...], \"pooled\": {...}})")
	detail := fs.Bool("detail", false, "rules eval: also print each article's errors")
	floors := fs.Bool("floors", false, fmt.Sprintf("rules eval: exit 1 when a figure is below the accuracy floors (quoted F1 %.2f, women's share within %.0f points, language precision %.2f and recall %.2f, gbv F1 %.2f); with several files, the pooled figures",
		gold.DefaultFloors.QuotedF1, gold.DefaultFloors.ShareDelta, gold.DefaultFloors.LangP, gold.DefaultFloors.LangR, gold.DefaultFloors.GBVF1))
	// The action comes first ("rules lint --rules DIR"), and flags may also precede it or follow eval's file.
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	var action string
	if len(positional) > 0 {
		action, positional = positional[0], positional[1:]
	}
	switch action {
	case "test", "lint":
		if len(positional) > 0 {
			return usageErrorf("unexpected arguments %v", positional)
		}
		if *asJSON || *detail || *floors {
			return usageErrorf("--json, --detail and --floors are flags of `rules eval`")
		}
	case "eval":
		if len(positional) == 0 {
			return usageErrorf("want `rules eval FILE...` (annotated sets, one JSON article a line; - for stdin)")
		}
		stdin := 0
		for _, f := range positional {
			if f == "-" {
				stdin++
			}
		}
		if stdin > 1 {
			return usageErrorf("rules eval: stdin (-) can be read once")
		}
		sc, err := loadScorer(*rulesDir)
		if err != nil {
			return usageError{err}
		}
		return evalRules(env, sc, positional, *asJSON, *detail, *floors)
	default:
		return usageErrorf("want `rules test`, `rules lint` or `rules eval FILE...`")
	}
	switch action {
	case "lint":
		fsys := rules.EmbeddedFS()
		if *rulesDir != "" {
			if _, err := os.Stat(*rulesDir); err != nil {
				return usageError{err}
			}
			fsys = os.DirFS(*rulesDir)
		}
		problems := rules.Lint(fsys)
		for _, p := range problems {
			if *rulesDir != "" {
				p.File = filepath.Join(*rulesDir, p.File)
			}
			fmt.Fprintln(env.stdout, p.String())
		}
		if len(problems) > 0 {
			return fmt.Errorf("%d problem(s)", len(problems))
		}
		fmt.Fprintln(env.stdout, "rules: no problems")
		return nil
	default:
		sc, err := loadScorer(*rulesDir)
		if err != nil {
			return usageError{err}
		}
		failures := sc.TestExamples()
		for _, f := range failures {
			file := f.File
			if *rulesDir != "" {
				file = filepath.Join(*rulesDir, file)
			}
			fmt.Fprintf(env.stdout, "%s:%d: %s: %s: %q\n", file, f.Line, f.Rule, f.Problem, f.Example)
		}
		if len(failures) > 0 {
			return fmt.Errorf("%d example(s) failed", len(failures))
		}
		fmt.Fprintf(env.stdout, "rules %s: every example passed\n", sc.RulesVersion())
		return nil
	}
}

// parseInterspersed parses flags wherever they are among the positional arguments, which it returns in order; after
// "--" every argument is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional, args = append(positional, rest[0]), rest[1:]
	}
}

// evalRules scores annotated sets with sc and prints the accuracy test's figures (as text or JSON) for each, and
// with several files their pooled figures as well; with floors, figures below gold.DefaultFloors (the pooled ones
// when there are several sets: together they are the test set) are an error.
func evalRules(env *environment, sc *scorer.Scorer, files []string, asJSON, detail, floors bool) error {
	type measured struct {
		set, file string
		fig       gold.Figures
	}
	var sets []measured
	var all []gold.Article
	for _, file := range files {
		arts, set, err := readGoldSet(env, file)
		if err != nil {
			return usageError{err}
		}
		sets = append(sets, measured{set, file, gold.Measure(sc, arts, gold.Options{Detail: detail})})
		all = append(all, arts...)
	}
	gated := sets[0]
	if len(sets) > 1 {
		// Measured again as one set rather than summed: the intervals resample the articles of all of them.
		gated = measured{"pooled", fmt.Sprintf("%d files", len(sets)), gold.Measure(sc, all, gold.Options{})}
	}
	var below []string
	if floors {
		below = gated.fig.Below(gold.DefaultFloors)
	}
	if asJSON {
		var out any = evalJSON(&gated.fig, gated.set, sc.RulesVersion(), detail, floors, below)
		if len(sets) > 1 {
			many := evalSets{Sets: []evalFigures{}, Pooled: out.(evalFigures)}
			for i := range sets {
				many.Sets = append(many.Sets, evalJSON(&sets[i].fig, sets[i].set, sc.RulesVersion(), detail, false, nil))
			}
			out = many
		}
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write figures: %w", err)
		}
	} else {
		for _, m := range sets {
			for _, e := range m.fig.Errors {
				fmt.Fprintf(env.stdout, "%s (%s):\n\t%s\n", e.ID, e.Category, strings.Join(e.Lines, "\n\t"))
			}
			fmt.Fprintf(env.stdout, "rules %s on %s\n", sc.RulesVersion(), m.file)
			for _, line := range m.fig.Report(m.set) {
				fmt.Fprintln(env.stdout, line)
			}
		}
		if len(sets) > 1 {
			fmt.Fprintf(env.stdout, "rules %s on %s, pooled\n", sc.RulesVersion(), gated.file)
			for _, line := range gated.fig.Report(gated.set) {
				fmt.Fprintln(env.stdout, line)
			}
		}
		if floors && len(below) == 0 {
			fmt.Fprintln(env.stdout, "every figure meets the floors")
		}
	}
	if len(below) > 0 {
		return fmt.Errorf("%s: %d figure(s) below the floors: %s", gated.file, len(below), strings.Join(below, "; "))
	}
	return nil
}

// evalSets is `rules eval --json` over several files: each set's figures, and the pooled ones (with the floors).
type evalSets struct {
	Sets   []evalFigures `json:"sets"`
	Pooled evalFigures   `json:"pooled"`
}

// readGoldSet reads an annotated set from file ("-": stdin) and names it after the file, as the accuracy test names
// its sets ("train" for train.jsonl).
func readGoldSet(env *environment, file string) (arts []gold.Article, set string, err error) {
	var r io.Reader = env.stdin
	set = "stdin"
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, "", fmt.Errorf("read annotated set: %w", err)
		}
		defer f.Close()
		r = f
		set = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	}
	arts, err = gold.Read(r)
	if err != nil {
		return nil, "", fmt.Errorf("read annotated set %s: %w", file, err)
	}
	if len(arts) == 0 {
		return nil, "", fmt.Errorf("read annotated set %s: no articles", file)
	}
	return arts, set, nil
}

// evalFigures is `rules eval --json`: the figures of the accuracy test and the counts behind them. A share is null
// when nobody of known gender is quoted; quoted_by_name is null when the set names no quoted person; intervals (95%,
// bootstrap over the articles, seed 1) are null for a single article; floors and below_floors are there with
// --floors, errors with --detail.
type evalFigures struct {
	Set              string                  `json:"set"`
	RulesVersion     string                  `json:"rules_version"`
	Articles         int                     `json:"articles"`
	QuotedWomen      evalF1                  `json:"quoted_women"`
	QuotedMen        evalF1                  `json:"quoted_men"`
	WomenShare       evalShare               `json:"women_share"`
	QuotedByName     *evalByName             `json:"quoted_by_name"`
	Language         evalLanguage            `json:"language"`
	RecallByCategory map[string]evalCategory `json:"recall_by_category"`
	GBV              evalF1                  `json:"gbv"`
	Intervals        *gold.Intervals         `json:"intervals"`
	Floors           *gold.Floors            `json:"floors,omitempty"`
	BelowFloors      *[]string               `json:"below_floors,omitempty"`
	Errors           *[]evalArticleErrors    `json:"errors,omitempty"`
}

type evalF1 struct {
	F1 float64 `json:"f1"`
	TP int     `json:"tp"`
	FP int     `json:"fp"`
	FN int     `json:"fn"`
}

// evalShare is the women's share of quoted women and men, in percent.
type evalShare struct {
	System *float64 `json:"system"`
	Gold   *float64 `json:"gold"`
}

type evalByName struct {
	F1          float64 `json:"f1"`
	Matched     int     `json:"matched"`
	Missed      int     `json:"missed"`
	False       int     `json:"false"`
	GenderRight int     `json:"gender_right"`
	// Where the misses and false people are (gold.NameErrors).
	MissedUnnamed  int `json:"missed_unnamed"`
	MissedUnquoted int `json:"missed_found_unquoted"`
	MissedAbsent   int `json:"missed_not_found"`
	FalseAbsent    int `json:"false_not_in_gold"`
	FalseUnquoted  int `json:"false_in_gold_unquoted"`
	FalseTwice     int `json:"false_counted_twice"`
}

type evalLanguage struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Findings  int     `json:"findings"`
	Correct   int     `json:"correct"`
	Phrases   int     `json:"phrases"`
	Found     int     `json:"found"`
}

type evalCategory struct {
	Found int `json:"found"`
	All   int `json:"all"`
}

type evalArticleErrors struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Lines    []string `json:"lines"`
}

func evalJSON(f *gold.Figures, set, version string, detail, floors bool, below []string) evalFigures {
	share := func(pct float64, women, men int) *float64 {
		if women+men == 0 {
			return nil
		}
		return &pct
	}
	out := evalFigures{
		Set: set, RulesVersion: version, Articles: f.Articles,
		QuotedWomen: evalF1{f.WomenF1(), f.WomenTP, f.WomenFP, f.WomenFN},
		QuotedMen:   evalF1{f.MenF1(), f.MenTP, f.MenFP, f.MenFN},
		WomenShare: evalShare{share(f.SysShare(), f.SystemWomen, f.SystemMen),
			share(f.GoldShare(), f.GoldWomen, f.GoldMen)},
		Language:         evalLanguage{f.LangP(), f.LangR(), f.Findings, f.Correct, f.Phrases, f.Hits},
		RecallByCategory: map[string]evalCategory{},
		GBV:              evalF1{f.GBVF1(), f.GBVTP, f.GBVFP, f.GBVFN},
	}
	if iv, ok := f.Intervals(gold.DefaultResamples, 1); ok {
		out.Intervals = &iv
	}
	if f.ByName() {
		e := f.NameErrors
		out.QuotedByName = &evalByName{f.NameF1(), f.NameTP, f.NameFN, f.NameFP, f.GenderRight,
			e.MissedUnnamed, e.MissedUnquoted, e.MissedAbsent, e.FalseAbsent, e.FalseUnquoted, e.FalseTwice}
	}
	for c, r := range f.ByCategory {
		out.RecallByCategory[c] = evalCategory{r.Found, r.All}
	}
	if floors {
		fl := gold.DefaultFloors
		out.Floors = &fl
		list := append([]string{}, below...)
		out.BelowFloors = &list
	}
	if detail {
		list := []evalArticleErrors{}
		for _, e := range f.Errors {
			list = append(list, evalArticleErrors{e.ID, e.Category, e.Lines})
		}
		out.Errors = &list
	}
	return out
}
