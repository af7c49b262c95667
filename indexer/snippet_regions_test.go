package indexer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"genderlens/internal/demo"

	"golang.org/x/text/unicode/norm"
)

// sameSnippets fails t unless the snippets of the query over the texts are the same with the regions as with every
// window analysed whole.
func sameSnippets(t *testing.T, fast, full *snippetMaker, query string, texts map[string]string) {
	t.Helper()
	aq := fast.analyse(query)
	got := fast.snippets("x", aq, texts)
	want := full.snippets("x", aq, texts)
	if !reflect.DeepEqual(got, want) {
		var names []string
		for f := range texts {
			names = append(names, fmt.Sprintf("%s %.200q", f, texts[f]))
		}
		t.Fatalf("query %q over %s:\nregions:  %q\nwhole:    %q", query, strings.Join(names, ", "), got, want)
	}
}

func snippetMakers(t testing.TB) (fast, full *snippetMaker) {
	t.Helper()
	fast, err := newSnippetMaker()
	if err != nil {
		t.Fatal(err)
	}
	full, err = newSnippetMaker()
	if err != nil {
		t.Fatal(err)
	}
	full.fullAnalysis = true
	return fast, full
}

// snippetQueries are queries of every kind: words with and without diacritics, phrases, pieces of words, terms the
// analyzer splits, numbers, other scripts, a final sigma.
var snippetQueries = []string{
	"phụ nữ", "phu nu", "PHỤ NỮ", `"phụ nữ"`, `"bình đẳng giới"`, `"binh dang gioi" phụ nữ`, "nữ", "nu", "a", "đ", "d",
	"TP.HCM", "tp", "hcm", `"tp hcm"`, "ha noi", `"Hà Nội"`, "2021", "1", "20/11", `"bạo lực gia đình"`, "bạo lực",
	"ông", "bà", "chị em", `"chị em"`, "giới", `"nữ giới"`, "σοφία", "ΣΟΦΊΑΣ", "东京", "ไทย", "phái yếu", `"phái yếu"`,
	"hoà", "hòa", norm.NFD.String("hoà giải"), "’", "-", `"của"`, "của", "và", "các", "“phụ nữ”", "phu-nu", "x",
}

// adversarialTexts put what could make a part of a text analyse differently from the whole next to query terms:
// combining marks and format characters after spaces, no-break spaces, tabs and CR, joined words, final sigmas,
// other scripts, invalid UTF-8.
var adversarialTexts = []string{
	"phụ nữ, phụ nữ; \"phụ nữ\" (phụ nữ) phụ-nữ phụ.nữ phụ'nữ phụ’nữ phụ_nữ phụ\u00a0nữ phụ\tnữ phụ\r\nnữ phụ\u2009nữ",
	"phụ \u0301nữ phụ \u200dnữ phụ \u00adnữ \u0301phụ nữ\u0301 \u200bphụ nữ",
	"TP.HCM tp.hcm TP. HCM TP .HCM 20/11/2025 3,5 3.5 1.000.000 đ 1tp tp1 a.b.c",
	"ΣΟΦΊΑΣ σοφίας σοφίαΣ Σ σ ς phụ nữ ΣΣ",
	"東京 phụ nữ東京 ไทยphụ nữ ไทย Ⱥphụ ⱥ nữ ǅ ǆ ﬁ phụ ﬀnữ",
	"bình – đẳng — giới … bình… đẳng…giới “bình đẳng” giới «bình» đẳng, giới",
	"bình \n\nđẳng \n giới   bình  đẳng  giới",
	"phụ \xffnữ \xff phụ nữ\xff \xe1\xba",
	"🙂 phụ 🙂 nữ 👩‍👩‍👧 phụ nữ ✓ phụ ✓ nữ ① phụ nữ",
	"a a a a a a a a a a x a a x a",
}

func TestSnippetRegionsSameAsWholeText(t *testing.T) {
	fast, full := snippetMakers(t)
	for _, text := range adversarialTexts {
		for _, q := range snippetQueries {
			sameSnippets(t, fast, full, q, map[string]string{fieldBody: text})
		}
	}
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(15, 6))
	for _, a := range arts {
		texts := map[string]string{fieldTitle: a.Title, fieldLead: a.Lead, fieldBody: strings.Join(demo.Paragraphs(a.Body), "\n\n")}
		for _, q := range append(snippetQueries, queriesFrom(rng, texts[fieldBody], 10)...) {
			sameSnippets(t, fast, full, q, texts)
		}
	}
}

// TestSnippetRegionsSameOnCorpus compares the snippets of the corpus articles (../shared/corpus, real news text),
// whole and by regions, for the fixed queries and for words and phrases taken from each article.
func TestSnippetRegionsSameOnCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.jsonl"))
	if len(files) == 0 {
		t.Skip("corpus not available in ../shared/corpus")
	}
	fast, full := snippetMakers(t)
	rng := rand.New(rand.NewPCG(15, 7))
	every := 1
	switch {
	case testing.Short():
		every = 20
	case raceEnabled:
		every = 8 // the whole corpus takes minutes under -race; without it, seconds
	}
	n := 0
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for i := 0; sc.Scan(); i++ {
			if i%every != 0 {
				continue
			}
			var l struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			texts := map[string]string{fieldTitle: norm.NFC.String(l.Title), fieldBody: norm.NFC.String(l.Text)}
			qs := queriesFrom(rng, texts[fieldBody], 4)
			if i%10 == 0 {
				qs = append(qs, snippetQueries...)
			}
			for _, q := range qs {
				sameSnippets(t, fast, full, q, texts)
			}
			n++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d articles compared", n)
}

// queriesFrom takes n queries from text: one to three neighbouring words, as words or as a phrase.
func queriesFrom(rng *rand.Rand, text string, n int) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	var out []string
	for range n {
		i := rng.IntN(len(words))
		q := strings.Join(words[i:min(len(words), i+1+rng.IntN(3))], " ")
		if rng.IntN(2) == 0 {
			q = `"` + strings.ReplaceAll(q, `"`, "") + `"`
		}
		out = append(out, q)
	}
	return out
}

// TestLettersMakeTokens checks what the regions rely on to keep a phrase's words together without analysing what
// lies between them: a character makesToken trusts is part of a token alone and next to any other character.
func TestLettersMakeTokens(t *testing.T) {
	sm, err := newSnippetMaker()
	if err != nil {
		t.Fatal(err)
	}
	// Neighbours of every kind: space, punctuation, marks, format characters, symbols, emoji, other scripts,
	// characters the analyzer makes no token of (superscripts, Thai, letters newer than its Unicode tables).
	neighbours := []string{"", " ", ".", "'", "’", "_", "-", "\u0301", "\u0E31", "\u200d", "\u00ad", "\u00a0", "©", "🙂",
		"²", "¼", "ก", "ไ", "ກ", "က", "ក", "\U000323A4", "東", "カ", "한", "١", "Ⅻ", "①", "\xff"}
	trusted := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !makesToken(r) {
			continue
		}
		trusted++
		for _, before := range neighbours {
			for _, after := range neighbours {
				text := before + string(r) + after
				if len(sm.analyzer.Analyze([]byte(text))) == 0 {
					t.Errorf("%q (%U) analyses to no token", text, r)
				}
			}
		}
	}
	if trusted < 600 {
		t.Errorf("makesToken trusts %d characters, want the Latin letters of Vietnamese at least", trusted)
	}
}

// TestFoldedRuneIsTheAnalyzers checks that every character folds in foldedRune as the analyzer folds it alone.
func TestFoldedRuneIsTheAnalyzers(t *testing.T) {
	sm, err := newSnippetMaker()
	if err != nil {
		t.Fatal(err)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) || !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			continue
		}
		toks := sm.analyzer.Analyze([]byte(string(r)))
		if len(toks) != 1 {
			continue // made part of no token alone: TestLettersMakeTokens reports it
		}
		if got, want := foldedRune(r), strings.ReplaceAll(string(toks[0].Term), "ς", "σ"); got != want {
			t.Errorf("foldedRune(%U) = %q, the analyzer makes %q", r, got, want)
		}
	}
}

// BenchmarkSnippets makes the snippets of every demo article for a word query and a phrase query, by regions and
// by analysing whole windows with bleve's highlighter (the way before), in the same run.
func BenchmarkSnippets(b *testing.B) {
	fast, full := snippetMakers(b)
	arts, err := demo.Articles()
	if err != nil {
		b.Fatal(err)
	}
	var docs []map[string]string
	for _, a := range arts {
		docs = append(docs, map[string]string{fieldTitle: a.Title, fieldLead: a.Lead, fieldBody: strings.Join(demo.Paragraphs(a.Body), "\n\n")})
	}
	for _, q := range []string{"phu nu", `"bình đẳng giới"`} {
		for _, sm := range []struct {
			name string
			sm   *snippetMaker
		}{{"regions", fast}, {"whole", full}} {
			b.Run(q+"/"+sm.name, func(b *testing.B) {
				aq := sm.sm.analyse(q)
				b.ReportAllocs()
				cpu := processCPU()
				for b.Loop() {
					for _, d := range docs {
						sm.sm.snippets("x", aq, d)
					}
				}
				b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}
