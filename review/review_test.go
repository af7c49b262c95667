package review_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"genderlens/review"
	"genderlens/scorer"
	"genderlens/scorer/scorertest"
)

// text is a short story of our own: one quoted woman, one quoted man, and an appearance phrase.
const text = "Bà Nguyễn Thị Lan cho biết: “Chúng tôi sẽ mở thêm lớp học.”\n" +
	"Ông Trần Văn Hùng nói rằng dự án kéo dài ba năm.\n" +
	"Nữ giám đốc xinh đẹp Lê Thị Mai có thân hình nóng bỏng."

func machine(t testing.TB) (*scorer.Scorer, *scorer.Result) {
	t.Helper()
	sc := scorertest.New(t)
	return sc, sc.Check(scorer.Document{Text: text})
}

func ref(f scorer.Finding) *review.FindingRef {
	return &review.FindingRef{Category: f.Category, Rule: f.Rule, Start: f.Start, End: f.End, Text: f.Text}
}

func officer(kind string) review.Correction {
	return review.Correction{URL: "https://example.test/a", Outlet: "x", Kind: kind, TextHash: review.TextHash(text),
		By: "officer@ward", ByRole: review.ByOfficer}
}

func TestApply(t *testing.T) {
	sc, res := machine(t)
	if len(res.Findings) == 0 || res.Counts.Quoted.Female == 0 {
		t.Fatalf("fixture: want findings and a quoted woman, got %+v", res.Counts)
	}
	first := res.Findings[0]
	quoted := func(v bool) *bool { return &v }
	woman := ""
	for _, p := range res.People {
		if p.Quoted && p.Gender == "female" {
			woman = p.Name
		}
	}
	phrase := "lớp học"
	at := strings.Index(text, phrase)
	tests := []struct {
		name  string
		cs    func() []review.Correction
		check func(t *testing.T, o review.Outcome)
	}{
		{"no corrections", func() []review.Correction { return nil }, func(t *testing.T, o review.Outcome) {
			if o.Changed || o.Result.Score != res.Score || len(o.Result.Findings) != len(res.Findings) {
				t.Errorf("changed without corrections: %+v", o.Result.Counts)
			}
		}},
		{"reject a finding", func() []review.Correction {
			c := officer(review.KindRejectFinding)
			c.Finding = ref(first)
			return []review.Correction{c}
		}, func(t *testing.T, o review.Outcome) {
			if len(o.Result.Findings) != len(res.Findings)-1 || !o.Changed {
				t.Errorf("findings %d, want %d", len(o.Result.Findings), len(res.Findings)-1)
			}
			if o.Findings[0].State != review.StateRejected || o.Result.Score < res.Score {
				t.Errorf("state %s, score %.1f (machine %.1f)", o.Findings[0].State, o.Result.Score, res.Score)
			}
		}},
		{"reject then confirm: the later wins", func() []review.Correction {
			a, b := officer(review.KindRejectFinding), officer(review.KindConfirmFinding)
			a.Finding, b.Finding = ref(first), ref(first)
			return []review.Correction{a, b}
		}, func(t *testing.T, o review.Outcome) {
			if o.Changed || o.Findings[0].State != review.StateConfirmed {
				t.Errorf("state %s, changed %v", o.Findings[0].State, o.Changed)
			}
		}},
		{"add a missed finding", func() []review.Correction {
			c := officer(review.KindAddFinding)
			c.Finding = &review.FindingRef{Category: "stereotype", Start: at, End: at + len(phrase), Text: phrase}
			return []review.Correction{c}
		}, func(t *testing.T, o review.Outcome) {
			if len(o.Result.Findings) != len(res.Findings)+1 || o.Result.Score >= res.Score {
				t.Errorf("findings %d score %.1f, machine %d %.1f", len(o.Result.Findings), o.Result.Score, len(res.Findings), res.Score)
			}
		}},
		{"a woman is not quoted", func() []review.Correction {
			c := officer(review.KindSetQuoted)
			c.Person, c.Quoted = woman, quoted(false)
			return []review.Correction{c}
		}, func(t *testing.T, o review.Outcome) {
			if o.Result.Counts.Quoted.Female != res.Counts.Quoted.Female-1 {
				t.Errorf("quoted women %d, machine %d", o.Result.Counts.Quoted.Female, res.Counts.Quoted.Female)
			}
		}},
		{"remove, add and regender people", func() []review.Correction {
			rm, add, g := officer(review.KindRemovePerson), officer(review.KindAddPerson), officer(review.KindSetGender)
			rm.Person = woman
			add.Person, add.Gender, add.Quoted = "Người phát ngôn (không tên)", "female", quoted(true)
			g.Person, g.Gender = add.Person, "male"
			return []review.Correction{rm, add, g}
		}, func(t *testing.T, o review.Outcome) {
			if o.Result.Counts.Quoted.Male != res.Counts.Quoted.Male+1 ||
				o.Result.Counts.Quoted.Female != res.Counts.Quoted.Female-1 {
				t.Errorf("quoted %+v, machine %+v", o.Result.Counts.Quoted, res.Counts.Quoted)
			}
		}},
		{"a correction of an unknown person is listed, not applied", func() []review.Correction {
			c := officer(review.KindSetGender)
			c.Person, c.Gender = "Không Ai Cả", "female"
			return []review.Correction{c}
		}, func(t *testing.T, o review.Outcome) {
			if len(o.Unmatched) != 1 || o.Changed {
				t.Errorf("unmatched %d changed %v", len(o.Unmatched), o.Changed)
			}
		}},
		{"made on other text: stale, not applied", func() []review.Correction {
			c := officer(review.KindRejectFinding)
			c.Finding, c.TextHash = ref(first), review.TextHash("an older version")
			r := officer(review.KindReviewed)
			r.TextHash = c.TextHash
			return []review.Correction{c, r}
		}, func(t *testing.T, o review.Outcome) {
			if len(o.Stale) != 2 || o.Changed || o.Reviewed != nil {
				t.Errorf("stale %d changed %v reviewed %v", len(o.Stale), o.Changed, o.Reviewed)
			}
		}},
		{"a story on gender-based violence the scorer missed", func() []review.Correction {
			yes := true
			c := officer(review.KindSetTopic)
			c.Topic, c.Flag = "gbv", &yes
			return []review.Correction{c}
		}, func(t *testing.T, o review.Outcome) {
			if !o.Result.Topics.GBV || !o.Changed || o.Result.Indicators["B1.3"] == 0 {
				t.Errorf("topics %+v indicators %v", o.Result.Topics, o.Result.Indicators)
			}
		}},
		{"out of scope, even on other text; back in scope", func() []review.Correction {
			c := officer(review.KindOutOfScope)
			c.Scope, c.TextHash = review.ScopeAdvertisement, "old"
			return []review.Correction{c}
		}, func(t *testing.T, o review.Outcome) {
			if o.OutOfScope == nil || !o.Changed {
				t.Errorf("out of scope %v", o.OutOfScope)
			}
		}},
		{"an upheld objection rejects the finding", func() []review.Correction {
			ob := officer(review.KindObjection)
			ob.ByRole, ob.Finding, ob.Reason, ob.ID = review.ByEditor, ref(first), "đây là tên chức danh", 1
			d := officer(review.KindDecision)
			d.Objection, d.Decision, d.ID = 1, review.DecisionUpheld, 2
			return []review.Correction{ob, d}
		}, func(t *testing.T, o review.Outcome) {
			if o.Findings[0].State != review.StateRejected || len(o.Findings[0].Objections) != 1 ||
				o.Findings[0].Objections[0].Decision == nil {
				t.Errorf("state %s objections %+v", o.Findings[0].State, o.Findings[0].Objections)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := *res
			o := review.Apply(sc, res, text, tt.cs())
			tt.check(t, o)
			if res.Score != before.Score || len(res.Findings) != len(before.Findings) {
				t.Error("Apply modified the machine result")
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *review.Correction)
		want string // "" valid
	}{
		{"valid reject", func(c *review.Correction) { c.Finding = &review.FindingRef{Category: "appearance", Text: "x"} }, ""},
		{"unknown kind", func(c *review.Correction) { c.Kind = "delete" }, "kind"},
		{"no finding", func(c *review.Correction) {}, "finding: required"},
		{"unknown category", func(c *review.Correction) { c.Finding = &review.FindingRef{Category: "rude"} }, "finding.category"},
		{"added without a span", func(c *review.Correction) {
			c.Kind, c.Finding = review.KindAddFinding, &review.FindingRef{Category: "appearance", Start: 5, End: 5}
		}, "do not make a span"},
		{"bad gender", func(c *review.Correction) { c.Kind, c.Person, c.Gender = review.KindSetGender, "A", "f" }, "gender"},
		{"bad role", func(c *review.Correction) { c.Kind, c.Person, c.Role = review.KindSetRole, "A", "boss" }, "role"},
		{"quoted missing", func(c *review.Correction) { c.Kind, c.Person = review.KindSetQuoted, "A" }, "quoted"},
		{"merge into self", func(c *review.Correction) { c.Kind, c.Person, c.Into = review.KindMergePeople, "An", " an " }, "themselves"},
		{"bad scope", func(c *review.Correction) { c.Kind, c.Scope = review.KindOutOfScope, "boring" }, "scope"},
		{"objection without reason", func(c *review.Correction) {
			c.Kind, c.Finding = review.KindObjection, &review.FindingRef{Category: "appearance"}
		}, "reason"},
		{"editor may only object", func(c *review.Correction) {
			c.ByRole, c.Kind, c.Scope = review.ByEditor, review.KindOutOfScope, review.ScopeDuplicate
		}, "may only object"},
		{"NUL in reason", func(c *review.Correction) {
			c.Kind, c.Scope, c.Reason = review.KindOutOfScope, review.ScopeDuplicate, "a\x00b"
		}, "control character"},
		{"no url", func(c *review.Correction) { c.URL, c.Kind = "", review.KindReviewed }, "url: required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := officer(review.KindRejectFinding)
			tt.edit(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, review.ErrInvalid)):
				t.Errorf("error %v, want one containing %q matching ErrInvalid", err, tt.want)
			}
		})
	}
}

func TestStoreKeepsHistoryAcrossReopenAndTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review", "corrections.jsonl")
	s, err := review.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) })
	for _, scope := range []string{review.ScopeAdvertisement, review.ScopeDuplicate} {
		c := officer(review.KindOutOfScope)
		c.Scope = scope
		if _, err := s.Record(c); err != nil {
			t.Fatal(err)
		}
	}
	ob := officer(review.KindObjection)
	ob.ByRole, ob.Finding, ob.Reason = review.ByEditor, &review.FindingRef{Category: "appearance", Text: "x"}, "sai"
	ob, err = s.Record(ob)
	if err != nil {
		t.Fatal(err)
	}
	bad := officer(review.KindDecision)
	bad.Objection, bad.Decision = 99, review.DecisionUpheld
	if _, err := s.Record(bad); !errors.Is(err, review.ErrInvalid) {
		t.Errorf("decision on a missing objection: %v", err)
	}
	// A crash in the middle of a write leaves a torn line: it was never acknowledged.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id":4,"url":"https://exa`)
	f.Close()
	s2, err := review.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	h := s2.Article("https://example.test/a")
	if len(h) != 3 || h[0].Scope != review.ScopeAdvertisement || h[1].Scope != review.ScopeDuplicate || h[2].ID != 3 {
		t.Fatalf("history after reopen: %+v", h)
	}
	if os := s2.Objections(""); len(os) != 1 || !os[0].Open() {
		t.Fatalf("objections: %+v", os)
	}
	d := officer(review.KindDecision)
	d.Objection, d.Decision = ob.ID, review.DecisionDismissed
	if d, err = s2.Record(d); err != nil || d.ID != 4 {
		t.Fatalf("record after a torn line: %+v %v", d, err)
	}
	s3, err := review.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if os := s3.Objections("x"); len(os) != 1 || os[0].Open() || s3.Len() != 4 {
		t.Fatalf("after decision: %+v, %d corrections", os, s3.Len())
	}
	// A damaged line in the middle is an error naming it, never a shorter history.
	b, _ := os.ReadFile(path)
	os.WriteFile(path, append([]byte("not json\n"), b...), 0o644)
	s4, err := review.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s4.Damaged(); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("damaged store: %v", err)
	}
	if _, err := s4.Record(officer(review.KindReviewed)); !errors.Is(err, review.ErrDamaged) {
		t.Errorf("write to a damaged store: %v", err)
	}
	if after, _ := os.ReadFile(path); len(after) != len(b)+len("not json\n") {
		t.Error("the damaged store was written to")
	}
}

func TestSampleIsStableAndUniform(t *testing.T) {
	var urls []string
	for i := range 200 {
		urls = append(urls, "https://example.test/"+strings.Repeat("a", i%7)+string(rune('a'+i%26))+"/"+time.Duration(i).String())
	}
	a := review.Sample("x", "2025", urls, 20)
	b := review.Sample("x", "2025", append([]string{"https://example.test/new"}, urls...), 20)
	if len(a) != 20 {
		t.Fatalf("sample of %d", len(a))
	}
	same := 0
	for _, u := range a {
		for _, v := range b {
			if u == v {
				same++
			}
		}
	}
	if same < 19 {
		t.Errorf("one new article changed %d of 20", 20-same)
	}
	if c := review.Sample("x", "2024", urls, 20); c[0] == a[0] && c[1] == a[1] {
		t.Error("another period draws the same sample")
	}
	if got := review.Sample("x", "2025", urls[:5], 20); len(got) != 5 {
		t.Errorf("sample larger than the set: %d", len(got))
	}
	// Every article is as likely: over many outlets, the first URL is drawn about size/len of the time.
	hits := 0
	for i := range 2000 {
		for _, u := range review.Sample(time.Duration(i).String(), "2025", urls, 20) {
			if u == urls[0] {
				hits++
			}
		}
	}
	if hits < 120 || hits > 290 { // expected 200
		t.Errorf("first URL drawn %d times in 2000, want about 200", hits)
	}
}
