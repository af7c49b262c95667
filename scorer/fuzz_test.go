package scorer

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkOffsets asserts input[start:end] == text for every finding and
// mention, and 1-based line/column positions.
func checkOffsets(t *testing.T, in string, res *Result) {
	t.Helper()
	for _, f := range res.Findings {
		if f.Start < 0 || f.End < f.Start || f.End > len(in) || in[f.Start:f.End] != f.Text {
			t.Fatalf("finding %s [%d,%d) text %q does not match input", f.Rule, f.Start, f.End, f.Text)
		}
		if f.Text != "" {
			line := 1 + strings.Count(in[:f.Start], "\n")
			col := 1 + utf8.RuneCountInString(in[strings.LastIndexByte(in[:f.Start], '\n')+1:f.Start])
			if f.Line != line || f.Column != col {
				t.Fatalf("finding %s at line %d col %d, want %d:%d", f.Rule, f.Line, f.Column, line, col)
			}
		}
	}
	for _, p := range res.People {
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End < m.Start || m.End > len(in) {
				t.Fatalf("mention of %s out of range: %+v", p.Name, m)
			}
		}
	}
}

func TestOffsetsNFCAndNFD(t *testing.T) {
	s := newTestScorer(t)
	text := "Người đẹp khoe đường cong gợi cảm\nBà Nguyễn Thị Hoà, nữ bác sĩ, cho biết: “Phái đẹp cũng khoẻ”. Thuý nói thêm."
	for _, in := range []string{norm.NFC.String(text), norm.NFD.String(text)} {
		res := s.Check(Document{Text: in})
		checkOffsets(t, in, res)
		if len(res.Findings) < 4 {
			t.Errorf("too few findings on %d-byte input: %+v", len(in), res.Findings)
		}
		if res.Counts.Quoted.Female != 1 {
			t.Errorf("quoted %+v", res.Counts.Quoted)
		}
	}
}

func FuzzCheck(f *testing.F) {
	s := newTestScorer(f)
	for _, seed := range []string{
		"Bà Nguyễn Thị Lan cho biết: “Người đẹp”.",
		norm.NFD.String("Ông Hùng nói: \"phái yếu\"… TS. Lê Văn A"),
		"\xff\xfe“", "“”‘’«»", "PGS.TS.\n\n", "a.a.a.a.a",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		res := s.Check(Document{Text: in})
		checkOffsets(t, in, res)
		// The JSON contract: lists are [], never null, with or without an explanation.
		for _, r := range []*Result{res, s.Check(Document{Text: in, Explain: true})} {
			raw, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(raw, &v); err != nil {
				t.Fatal(err)
			}
			if hasNull(v) {
				t.Fatalf("null in %s", raw)
			}
		}
		if utf8.ValidString(in) {
			nfd := norm.NFD.String(in)
			checkOffsets(t, nfd, s.Check(Document{Text: nfd}))
		}
	})
}

// TestLinearTime checks that a large input is handled in time proportional
// to its size. Eight times the text may take at most 20 times as long: a
// quadratic step would take 64 times, while a linear pass over more memory
// than the caches hold takes 8 to 15 times. Each size is timed best of two
// after a GC. Under -race the same code measured 9 to 20 times from run to
// run, so the test skips there and CI runs it once without the race detector.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds a 8 MB input")
	}
	if raceEnabled {
		t.Skip("timing: under -race it depends on the heap's size; CI runs it without -race")
	}
	s := newTestScorer(t)
	unit := "Bà Nguyễn Thị Lan, giám đốc, cho biết: “Phái đẹp rất khoẻ”. Ông Hùng nói người đẹp đi chơi khuya. " +
		"Theo PGS.TS Trần Văn Minh, a.a.a.a ‘x ‘y Lan nói. Thuý. "
	small := strings.Repeat(unit, 1<<20/len(unit))
	big := strings.Repeat(unit, 8<<20/len(unit))
	measure := func(in string) time.Duration {
		best := time.Duration(1 << 62)
		for range 2 {
			runtime.GC()
			start := time.Now()
			res := s.Check(Document{Text: in})
			if len(res.Findings) == 0 {
				t.Fatal("no findings")
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	ts, tb := measure(small), measure(big)
	t.Logf("1 MB: %v, 8 MB: %v (ratio %.1f)", ts, tb, float64(tb)/float64(ts))
	if tb > 20*ts+time.Second {
		t.Errorf("8 MB took %v, 1 MB %v: not linear", tb, ts)
	}
}

// hasNull reports a null anywhere in a decoded JSON value.
func hasNull(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case map[string]any:
		for _, x := range v {
			if hasNull(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if hasNull(x) {
				return true
			}
		}
	}
	return false
}
