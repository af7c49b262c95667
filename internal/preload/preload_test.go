package preload

import (
	"testing"

	"genderlens/scorer"
)

// TestTake: the first caller gets the scorer compiled at start-up, one that
// checks a document; later callers are told to compile their own.
func TestTake(t *testing.T) {
	s, ok, err := Take()
	if !ok || err != nil || s == nil {
		t.Fatalf("first Take: %v, ok %v, err %v", s, ok, err)
	}
	res := s.Check(scorer.Document{Text: "Bà Lan cho biết: \"Chúng tôi đã sẵn sàng\"."})
	if res.Counts.Quoted.Female != 1 {
		t.Errorf("preloaded scorer: quoted women %d, want 1", res.Counts.Quoted.Female)
	}
	if s2, ok, err := Take(); ok || s2 != nil || err != nil {
		t.Errorf("second Take: %v, ok %v, err %v; want nothing", s2, ok, err)
	}
	if s3, err := Compile(); err != nil || s3 == nil || s3 == s {
		t.Errorf("Compile: %v, %v", s3, err)
	}
}
