package jsonlog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAppendReopenTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "log.jsonl")
	l, lines, err := Open(path)
	if err != nil || len(lines) != 0 {
		t.Fatalf("open a missing log: %v %q", err, lines)
	}
	for _, line := range []string{`{"a":1}`, `{"a":2}`} {
		if err := l.Append([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Append([]byte("two\nlines")); err == nil {
		t.Error("a line with a newline was appended")
	}
	// A crash cut the next write short.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"a":3`)
	f.Close()
	l, lines, err = Open(path)
	if err != nil || len(lines) != 2 || string(lines[1]) != `{"a":2}` {
		t.Fatalf("reopen: %v %q", err, lines)
	}
	if err := l.Append([]byte(`{"a":4}`)); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if got := string(b); got != "{\"a\":1}\n{\"a\":2}\n{\"a\":4}\n" || strings.Contains(got, `"a":3`) {
		t.Errorf("the torn line was not replaced: %q", got)
	}
}
