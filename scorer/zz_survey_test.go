package scorer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

func TestZZSurvey(t *testing.T) {
	if os.Getenv("GL_SURVEY") == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	byRule := map[string][]string{}
	gbv := 0
	var quoted GenderCounts
	n := 0
	for _, path := range []string{corpusPath, "../../shared/corpus/vntc-2004-2006.jsonl"} {
		f, _ := os.Open(path)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			var a struct{ Text, URL, Category string }
			json.Unmarshal(sc.Bytes(), &a)
			res := s.Check(Document{Text: a.Text, Section: a.Category})
			n++
			if res.Topics.GBV {
				gbv++
			}
			quoted.Female += res.Counts.Quoted.Female
			quoted.Male += res.Counts.Quoted.Male
			quoted.Unknown += res.Counts.Quoted.Unknown
			for _, fd := range res.Findings {
				ctx := a.Text[max(0, fd.Start-50):min(len(a.Text), fd.End+40)]
				byRule[fd.Rule] = append(byRule[fd.Rule], fmt.Sprintf("[%s] %s", a.Category, strings.ReplaceAll(ctx, "\n", "/")))
			}
		}
		f.Close()
	}
	t.Logf("articles %d gbv %d quoted %+v", n, gbv, quoted)
	var ids []string
	for id := range byRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		l := byRule[id]
		t.Logf("== %s: %d", id, len(l))
		step := max(1, len(l)/30)
		for i := 0; i < len(l); i += step {
			t.Logf("   %s", l[i])
		}
	}
}
