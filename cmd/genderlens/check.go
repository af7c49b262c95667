package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"genderlens/config"
	"genderlens/crawler"
	"genderlens/model"
	"genderlens/scorer"
)

// maxCheckInput bounds one input; a news article is a few kilobytes, a whole book is not a draft.
const maxCheckInput = 64 << 20

var severityRank = map[string]int{"info": 1, "warning": 2, "error": 3}

func runCheck(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "check", "check [--format text|json] [--explain] [--rules DIR] [--fail-on SEVERITY] [--lang vi|en] [--section SLUG] FILE...|-", `  genderlens check bai-viet.txt                 # .txt: first line is the title
  genderlens check --explain bai-viet.txt       # and why: each person's cues, what was set aside
  genderlens check --format json bai-viet.html  # .html: the main text is extracted first
  genderlens check draft.json                   # {"title": "...", "text": "..."}
  cat bai-viet.txt | genderlens check -         # stdin is read as text
  genderlens check --fail-on warning *.txt && echo "no warnings"

Exit status: 0 no problem at --fail-on, 1 a problem at or above --fail-on (positive signals never count), 2 bad input or flags.`)
	format := fs.String("format", "text", "output `format`: text (file:line:col: category: message (suggestion)) or json")
	rulesDir := fs.String("rules", "", "rule set `dir`ectory instead of the embedded rules")
	failOn := fs.String("fail-on", "error", "exit 1 when a problem (any finding but a positive signal) has this `severity` or higher: info, warning, error, or none")
	lang := fs.String("lang", "vi", "language of messages and suggestions: vi or en")
	section := fs.String("section", "", "the article's section `slug`, for rules that depend on it (e.g. the-thao)")
	explain := fs.Bool("explain", false, "also say why: each person with the cues that decided gender, quoted and role; the candidates rejected or merged; the rule matches a condition cancelled")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usageErrorf("--format: want text or json, got %q", *format)
	}
	if *failOn != "none" && severityRank[*failOn] == 0 {
		return usageErrorf("--fail-on: want info, warning, error or none, got %q", *failOn)
	}
	if *lang != "vi" && *lang != "en" {
		return usageErrorf("--lang: want vi or en, got %q", *lang)
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		return usageErrorf("name a file to check, or - for standard input (see --help)")
	}
	sc, err := loadScorer(*rulesDir)
	if err != nil {
		return usageError{err}
	}

	// Files are read and scored on every core, and reported in the order given.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := checkFiles(ctx, env, inputs, func(text string) *scorer.Result {
		return sc.Check(scorer.Document{Text: text, Section: *section, Lang: *lang, Explain: *explain})
	})
	stdout := bufio.NewWriter(env.stdout)
	defer stdout.Flush()
	failed := false
	var results []checkOutput
	for i, name := range inputs {
		c := <-done[i]
		if c.err != nil {
			stdout.Flush()
			return usageError{c.err}
		}
		text, res := c.text, c.res
		for _, f := range res.Findings {
			// Positive signals (severity info) are good practice, never a reason to fail.
			if *failOn != "none" && scorer.IsProblem(f) && severityRank[f.Severity] >= severityRank[*failOn] {
				failed = true
			}
		}
		display := name
		if name == "-" {
			display = "<stdin>"
		}
		if *format == "json" {
			results = append(results, checkOutput{File: display, Result: res})
			continue
		}
		for _, f := range res.Findings {
			fmt.Fprintf(stdout, "%s:%d:%d: %s: %s", display, f.Line, f.Column, f.Category, f.Message)
			if f.Suggestion != "" {
				fmt.Fprintf(stdout, " (%s)", f.Suggestion)
			}
			fmt.Fprintf(stdout, " [%s]", f.Rule)
			if *explain && f.Context != nil {
				because, _ := scorer.Label(*lang, "explain.context")
				fmt.Fprintf(stdout, " (%s %q %s)", because, f.Context.Text, newPositions(text).at(f.Context.Start))
			}
			fmt.Fprintln(stdout)
		}
		if *explain {
			writeExplanation(stdout, display, text, *lang, res)
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		var v any = results
		if len(results) == 1 {
			v = results[0].Result
		}
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	if failed {
		return errFindings
	}
	return nil
}

// checked is one input read and scored, or why it could not be read.
type checked struct {
	text string
	res  *scorer.Result
	err  error
}

// checkFiles reads and scores the inputs on GOMAXPROCS workers; the i-th channel delivers the i-th input's outcome.
func checkFiles(ctx context.Context, env *environment, inputs []string, score func(string) *scorer.Result) []chan checked {
	done := make([]chan checked, len(inputs))
	for i := range done {
		done[i] = make(chan checked, 1) // a worker never waits for the printer
	}
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range inputs {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range min(runtime.GOMAXPROCS(0), len(inputs)) {
		go func() {
			for i := range next {
				text, err := readCheckInput(env, inputs[i])
				if err != nil {
					done[i] <- checked{err: err}
					continue
				}
				done[i] <- checked{text: text, res: score(text)}
			}
		}()
	}
	return done
}

// checkOutput is one file's result when several files are checked with --format json.
type checkOutput struct {
	File   string         `json:"file"`
	Result *scorer.Result `json:"result"`
}

// readCheckInput returns the text to score. Offsets in the result refer to this text: the file as given for .txt and
// stdin, the "text" field for .json, the extracted article text (title, lead, body) for .html.
func readCheckInput(env *environment, name string) (string, error) {
	var raw []byte
	var err error
	if name == "-" {
		raw, err = io.ReadAll(io.LimitReader(env.stdin, maxCheckInput+1))
	} else {
		var f *os.File
		f, err = os.Open(name)
		if err == nil {
			raw, err = io.ReadAll(io.LimitReader(f, maxCheckInput+1))
			f.Close()
		}
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(raw) > maxCheckInput {
		return "", fmt.Errorf("%s: larger than %d MB", name, maxCheckInput>>20)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		var in struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(raw, &in); err != nil {
			return "", fmt.Errorf("%s: want a JSON object {\"title\", \"text\"}: %w", name, err)
		}
		if in.Text == "" {
			return "", fmt.Errorf("%s: the \"text\" field is empty", name)
		}
		return in.Text, nil
	case ".html", ".htm":
		u, _ := url.Parse("file:///" + filepath.ToSlash(name))
		text := string(raw)
		if !utf8.ValidString(text) {
			return "", fmt.Errorf("%s: not UTF-8 (save the page as UTF-8 or check the text instead)", name)
		}
		page, err := crawler.ExtractPage(text, u, config.Outlet{}, nil, time.Now())
		if err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		a := page.Article
		if strings.TrimSpace(a.Body) == "" {
			return "", errors.New(name + ": no article text found in the page")
		}
		var captions []string
		for _, im := range a.Images {
			captions = append(captions, im.Caption)
		}
		return model.ScoredText(a.Title, a.Lead, a.Body, captions), nil
	}
	if !utf8.Valid(raw) {
		return "", fmt.Errorf("%s: not valid UTF-8 text", name)
	}
	return string(raw), nil
}
