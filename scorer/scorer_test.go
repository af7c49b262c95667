package scorer

import (
	"encoding/json"
	"fmt"
	"testing"

	"genderlens/rules"
)

func newTestScorer(t testing.TB) *Scorer {
	t.Helper()
	set, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(set)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRuleExamples(t *testing.T) {
	s := newTestScorer(t)
	for _, f := range s.TestExamples() {
		t.Errorf("%s:%d: %s: %s: %q", f.File, f.Line, f.Rule, f.Problem, f.Example)
	}
}

func TestCheckSynthetic(t *testing.T) {
	s := newTestScorer(t)
	text := "Nữ bác sĩ cứu sống bệnh nhân\nBà Nguyễn Thị Lan, Giám đốc Bệnh viện X, cho biết: “Ca mổ kéo dài 6 giờ”. " +
		"Theo PGS.TS Trần Văn Hùng, đây là ca khó. Ông Hùng nói thêm rằng người đẹp nào cũng cần khám định kỳ.\nMinh Anh"
	res := s.Check(Document{Text: text})
	out, _ := json.MarshalIndent(res, "", " ")
	t.Log(string(out))
	if res.Counts.Quoted.Female != 1 || res.Counts.Quoted.Male != 1 {
		t.Errorf("quoted counts %+v", res.Counts.Quoted)
	}
	for _, f := range res.Findings {
		if text[f.Start:f.End] != f.Text {
			t.Errorf("offset mismatch %+v", f)
		}
	}
}

func TestConcurrentCheckMatchesSequential(t *testing.T) {
	s := newTestScorer(t)
	texts := []string{
		"Bà Nguyễn Thị Lan cho biết: “Phái đẹp cũng cần khám”.",
		"Ông Trần Văn Hùng nói người đẹp đi chơi khuya là sai. Nạn nhân bị chồng đánh, đây là bạo lực gia đình.",
		"PGS.TS Lê Thị Hạnh nhận định giá điện sẽ tăng.\nMinh Anh",
	}
	want := make([]string, len(texts))
	for i, tx := range texts {
		b, _ := json.Marshal(s.Check(Document{Text: tx}))
		want[i] = string(b)
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for r := 0; r < 50; r++ {
				i := (g + r) % len(texts)
				b, _ := json.Marshal(s.Check(Document{Text: texts[i]}))
				if string(b) != want[i] {
					done <- fmt.Errorf("goroutine %d: result %d differs", g, i)
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestEnglishMessages(t *testing.T) {
	s := newTestScorer(t)
	res := s.Check(Document{Text: "Nữ bác sĩ trực đêm.", Lang: "en"})
	if len(res.Findings) == 0 || res.Findings[0].Message != "The profession is marked with the person's sex where it is not relevant." {
		t.Errorf("English message: %+v", res.Findings)
	}
	vi := s.Check(Document{Text: "Nữ bác sĩ trực đêm."})
	if len(vi.Findings) == 0 || vi.Findings[0].Message == res.Findings[0].Message {
		t.Errorf("default must be Vietnamese: %+v", vi.Findings)
	}
	if s.RulesVersion() == "" || res.RulesVersion != s.RulesVersion() {
		t.Error("rules version")
	}
}

// TestResultsOutliveNextCheck: the key text of a document is the pooled
// buffer the next check folds into (RefoldShared), so a result must keep
// nothing sliced from it. Each result is compared with its JSON taken right
// after its check, once every other document has been checked.
func TestResultsOutliveNextCheck(t *testing.T) {
	s := newTestScorer(t)
	texts := []string{
		"Bà Nguyễn Thị Lan, giám đốc công ty, cho biết: \"Chúng tôi sẽ tăng lương cho công nhân nữ\".",
		"Ông Trần Văn Hùng nói với phóng viên rằng giá rau đã tăng gấp đôi.",
		"Nữ diễn viên xinh đẹp khoe vòng eo thon gọn trong bộ váy bó sát.",
		"Chị Mai kể lại vụ bạo hành. Anh ta đã đánh vợ nhiều lần, theo lời chị.",
		"Theo TS. Lê Minh, bác sĩ bệnh viện tỉnh, bệnh nhân đã qua cơn nguy kịch.",
	}
	for _, explain := range []bool{false, true} {
		var results []*Result
		var want [][]byte
		for round := 0; round < 3; round++ {
			for _, text := range texts {
				res := s.Check(Document{Text: text, Explain: explain})
				b, err := json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				results, want = append(results, res), append(want, b)
			}
		}
		for i, res := range results {
			if b, _ := json.Marshal(res); string(b) != string(want[i]) {
				t.Errorf("explain=%v: result %d changed after later checks:\n%s\nwas\n%s", explain, i, b, want[i])
			}
		}
	}
}
