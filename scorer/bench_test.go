package scorer

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"genderlens/rules"
)

var corpusPath = filepath.Join("..", "..", "shared", "corpus", "dantri-2019-2021.jsonl")

type corpusArticle struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// readCorpus loads the Dân Trí corpus as documents (title line + body).
func readCorpus(tb testing.TB) ([]Document, int64) {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		tb.Skipf("corpus not available (%v): the benchmark needs ../shared next to the project", err)
	}
	defer f.Close()
	var docs []Document
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var a corpusArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("parse %s: %v", corpusPath, err)
		}
		text := a.Text
		if !strings.HasPrefix(text, a.Title) {
			text = a.Title + "\n" + text
		}
		d := Document{Text: text, Section: sectionOf(a.URL)}
		docs = append(docs, d)
		size += int64(len(d.Text))
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", corpusPath, err)
	}
	return docs, size
}

// sectionOf takes the section slug from a dantri.com.vn URL.
func sectionOf(url string) string {
	parts := strings.Split(url, "/")
	if len(parts) > 3 {
		return parts[3]
	}
	return ""
}

// BenchmarkCheckCorpus runs the full check over the whole corpus; b.SetBytes
// makes `go test -bench` report MB/s. Once, outside the timed loop, it also
// runs the rule phrases as one regexp per rule over the same corpus and
// reports how many times slower that is ("regexp-x"), although the regexps
// only match and the check also finds people, topics and scores.
func BenchmarkCheckCorpus(b *testing.B) {
	docs, perPass := checkCorpus(b)
	b.StopTimer()
	res := regexpRules(b)
	rstart := time.Now()
	for _, d := range docs {
		for _, re := range res {
			re.FindAllStringIndex(d.Text, -1)
		}
	}
	b.ReportMetric(float64(time.Since(rstart))/float64(perPass), "regexp-x")
}

// BenchmarkCheckCorpusAlone is BenchmarkCheckCorpus's timed loop without
// its comparison with regexps, which takes minutes: for profiling and for
// runs alternated with another build.
//
//	go test -run XXX -bench CheckCorpusAlone -benchtime 5x -cpu 1 -benchmem ./scorer/
func BenchmarkCheckCorpusAlone(b *testing.B) { checkCorpus(b) }

// checkCorpus is the timed loop of the corpus benchmarks: every document
// checked, once a pass. It returns the documents and the time of a pass,
// and reports the process's CPU time a pass ("cpu-ms/op"): on a machine
// busy with other work the wall clock of a pass swings by a factor of
// two, its CPU time far less.
func checkCorpus(b *testing.B) ([]Document, time.Duration) {
	docs, size := readCorpus(b)
	s := newTestScorer(b)
	b.SetBytes(size)
	b.ResetTimer()
	start, cpuStart := time.Now(), processTime()
	iters := 0
	for b.Loop() {
		for _, d := range docs {
			s.Check(d)
		}
		iters++
	}
	cpu := processTime() - cpuStart
	b.ReportMetric(float64(cpu.Milliseconds())/float64(max(1, iters)), "cpu-ms/op")
	return docs, time.Since(start) / time.Duration(max(1, iters))
}

// regexpRules compiles the rule set the naive way: one regexp per rule, an
// alternation of its phrases with Unicode-aware boundaries, run one rule at
// a time. It is the baseline the syllable trie is measured against.
func regexpRules(tb testing.TB) []*regexp.Regexp {
	set, err := rules.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	var out []*regexp.Regexp
	for _, r := range set.Rules {
		var alts []string
		for _, p := range r.Tokens {
			alts = append(alts, regexp.QuoteMeta(p))
		}
		for p := range r.Swap {
			alts = append(alts, regexp.QuoteMeta(p))
		}
		if len(alts) == 0 {
			continue
		}
		// \b is ASCII-only in Go, so boundaries are spelt out.
		out = append(out, regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(`+strings.Join(alts, "|")+`)(?:$|[^\pL\pN])`))
	}
	return out
}

// BenchmarkRegexpPerRule matches the same phrases over the same corpus with
// one regexp per rule (matching only: no people, no conditions, no NFC
// folding): the baseline of the regexp-x ratio.
func BenchmarkRegexpPerRule(b *testing.B) {
	docs, size := readCorpus(b)
	res := regexpRules(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			for _, re := range res {
				re.FindAllStringIndex(d.Text, -1)
			}
		}
	}
}

// BenchmarkTrieOnly is the matcher alone (fold, tokenise, trie scan), the
// like-for-like counterpart of BenchmarkRegexpPerRule.
func BenchmarkTrieOnly(b *testing.B) {
	docs, size := readCorpus(b)
	s := newTestScorer(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			s.release(s.analyse(d))
		}
	}
}
