package scorer

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

func TestZZPeople(t *testing.T) {
	if os.Getenv("GL_SURVEY") == "" {
		t.Skip()
	}
	s := newTestScorer(t)
	f, _ := os.Open(corpusPath)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		if n%97 != 0 {
			continue
		}
		var a struct{ Text, URL string }
		json.Unmarshal(sc.Bytes(), &a)
		res := s.Check(Document{Text: a.Text, Section: sectionOf(a.URL)})
		for _, p := range res.People {
			if p.Gender == unknown && !p.Quoted {
				continue
			}
			m := p.Mentions[0]
			t.Logf("%-7s Q=%-5v %-9s %-28s | %-50s | %s", p.Gender, p.Quoted, p.Role, p.Name, p.Evidence, a.Text[max(0, m.Start-40):min(len(a.Text), m.End+30)])
		}
	}
}
