package main

import (
	"bufio"
	"bytes"
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

Places (line:col, the column in characters) are those of the file, a leading byte order mark left out. A .json draft
is checked as its title, a blank line and its text, as a .txt draft whose first line is the title: line 1 is the title
and the text starts on line 3. An .html draft's findings are shown where the file has the extracted text; one the file
does not have as text (a lead from a meta tag) is shown in the extracted text: "file: extracted text 3:5: ...".

--format json writes an array with one {"file", "result"} per file, in the order given, whatever their number;
"result" is what POST /api/check answers; a file that cannot be checked has "error" instead. Its offsets, lines and columns are those of the checked text, which the
entry carries as "text" when it is not the file as given (.json and .html drafts).

Exit status: 0 no finding at --fail-on, 1 a finding at or above --fail-on, 2 bad flags or an input that could not
be checked (each is reported and the other files are still checked). Positive signals never fail a check.`)
	format := fs.String("format", "text", "output `format`: text (file:line:col: severity: category: message (suggestion) [rule]) or json")
	rulesDir := fs.String("rules", "", "rule set `dir`ectory instead of the embedded rules")
	failOn := fs.String("fail-on", "error", "exit 1 when a finding other than a positive signal has this `severity` or higher: info, warning, error, or none")
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
	done := checkFiles(ctx, env, inputs, func(d draft) *scorer.Result {
		return sc.Check(scorer.Document{Text: d.text, Section: *section, Lang: *lang, Explain: *explain})
	})
	stdout := bufio.NewWriter(env.stdout)
	defer stdout.Flush()
	failed, unreadable := false, 0
	results := []checkOutput{}
	for i, name := range inputs {
		c := <-done[i]
		display := name
		if name == "-" {
			display = "<stdin>"
		}
		if c.err != nil {
			// A file that cannot be read or holds no text is reported and the others are still checked, as a
			// linter does: one bad file in a batch must not cost the results of the rest.
			unreadable++
			stdout.Flush()
			fmt.Fprintf(env.stderr, "genderlens check: %v\n", c.err)
			if *format == "json" {
				results = append(results, checkOutput{File: display, Error: c.err.Error()})
			}
			continue
		}
		d, res := c.draft, c.res
		if *failOn != "none" && failsAt(res, *failOn) {
			failed = true
		}
		if *format == "json" {
			out := checkOutput{File: display, Result: res}
			if d.derived {
				out.Text = d.text
			}
			results = append(results, out)
			continue
		}
		if len(res.Findings) == 0 && !*explain {
			continue
		}
		pos := newPositions(d, *lang)
		for _, f := range res.Findings {
			fmt.Fprintf(stdout, "%s %s: %s: %s", pos.prefix(display, f.Start), model.SeverityLabel(f.Severity, *lang), f.Category, f.Message)
			if f.Suggestion != "" {
				fmt.Fprintf(stdout, " (%s)", f.Suggestion)
			}
			fmt.Fprintf(stdout, " [%s]", f.Rule)
			if *explain && f.Context != nil {
				because, _ := scorer.Label(*lang, "explain.context")
				fmt.Fprintf(stdout, " (%s %q %s)", because, f.Context.Text, pos.at(f.Context.Start))
			}
			fmt.Fprintln(stdout)
		}
		if *explain {
			writeExplanation(stdout, display, pos, *lang, res)
		}
	}
	if *format == "json" {
		// One shape whatever the number of files, so that a script reads one file's result as it reads ten.
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(results); err != nil {
			return err
		}
	}
	if unreadable > 0 {
		stdout.Flush()
		return usageErrorf("%d of %d inputs could not be checked (see above)", unreadable, len(inputs))
	}
	if failed {
		return errFindings
	}
	return nil
}

// failsAt reports whether a finding of res is a problem at or above the severity failOn. Positive signals (and the
// topic flags) are never problems, whatever their severity.
func failsAt(res *scorer.Result, failOn string) bool {
	for _, f := range res.Findings {
		if c, known := model.LookupCategory(f.Category); known && !c.Problem() {
			continue
		}
		if severityRank[f.Severity] >= severityRank[failOn] {
			return true
		}
	}
	return false
}

// checked is one input read and scored, or why it could not be read.
type checked struct {
	draft draft
	res   *scorer.Result
	err   error
}

// checkFiles reads and scores the inputs on GOMAXPROCS workers; the i-th channel delivers the i-th input's outcome.
func checkFiles(ctx context.Context, env *environment, inputs []string, score func(draft) *scorer.Result) []chan checked {
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
				d, err := readCheckInput(env, inputs[i])
				if err != nil {
					done[i] <- checked{err: err}
					continue
				}
				done[i] <- checked{draft: d, res: score(d)}
			}
		}()
	}
	return done
}

// checkOutput is one file's result in --format json.
type checkOutput struct {
	File string `json:"file"`
	// Text is the text the result's offsets, lines and columns refer to, when it is not the file as given.
	Text   string         `json:"text,omitempty"`
	Result *scorer.Result `json:"result,omitempty"`
	// Error says why the file could not be checked; such an entry has no result.
	Error string `json:"error,omitempty"`
}

// draft is one input read for checking.
type draft struct {
	// text is what is scored: the result's offsets, lines and columns refer to it.
	text string
	// derived is set when text is not the input as given (a .json draft's title and text, an .html page's extracted
	// text), so that --format json carries it.
	derived bool
	// page is an .html draft's HTML, for showing findings at their place in the file.
	page string
}

// utf8BOM is the byte order mark some editors put at the start of a UTF-8 file; it is not text, and as a character
// it would shift every column of the first line and hide the first word from the rules.
const utf8BOM = "\ufeff"

// readCheckInput returns the draft to score: the file as given for .txt and stdin; for .json the title and the text
// as a published article is scored (model.DraftText: line 1 is the title, the text starts on line 3); for .html the
// extracted article text (title, lead, body, captions). A leading byte order mark is left out.
func readCheckInput(env *environment, name string) (draft, error) {
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
		return draft{}, fmt.Errorf("read %s: %w", name, err)
	}
	if len(raw) > maxCheckInput {
		return draft{}, fmt.Errorf("%s: larger than %d MB", name, maxCheckInput>>20)
	}
	raw = bytes.TrimPrefix(raw, []byte(utf8BOM))
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		var in struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(raw, &in); err != nil {
			return draft{}, fmt.Errorf("%s: want a JSON object {\"title\", \"text\"}: %w", name, err)
		}
		if in.Text == "" {
			return draft{}, fmt.Errorf("%s: the \"text\" field is empty", name)
		}
		text, _ := model.DraftText(in.Title, in.Text)
		return draft{text: text, derived: true}, nil
	case ".html", ".htm":
		u, _ := url.Parse("file:///" + filepath.ToSlash(name))
		text := string(raw)
		if !utf8.ValidString(text) {
			return draft{}, fmt.Errorf("%s: not UTF-8 (save the page as UTF-8 or check the text instead)", name)
		}
		page, err := crawler.ExtractPage(text, u, config.Outlet{}, nil, time.Now())
		if err != nil {
			return draft{}, fmt.Errorf("%s: %w", name, err)
		}
		a := page.Article
		if strings.TrimSpace(a.Body) == "" {
			return draft{}, errors.New(name + ": no article text found in the page")
		}
		var captions []string
		for _, im := range a.Images {
			captions = append(captions, im.Caption)
		}
		return draft{text: model.ScoredText(a.Title, a.Lead, a.Body, captions), derived: true, page: text}, nil
	}
	if !utf8.Valid(raw) {
		return draft{}, fmt.Errorf("%s: not valid UTF-8 text", name)
	}
	return draft{text: string(raw)}, nil
}
