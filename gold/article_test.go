package gold_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"genderlens/gold"
	"genderlens/internal/golden"
)

// TestReadWriteRoundTrip: Write gives each article in the schema's field order, one compact line, null for an unknown
// url or date and [] for an empty list; unknown fields and blank lines are dropped; reading what Write wrote gives
// the same articles.
func TestReadWriteRoundTrip(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "roundtrip.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := gold.Read(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 {
		t.Fatalf("read %d articles, want 3", len(arts))
	}
	var out bytes.Buffer
	if err := gold.Write(&out, arts); err != nil {
		t.Fatal(err)
	}
	golden.Assert(t, filepath.Join("testdata", "roundtrip.golden"), out.Bytes())
	again, err := gold.Read(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var out2 bytes.Buffer
	if err := gold.Write(&out2, again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), out2.Bytes()) {
		t.Errorf("a second round trip changed the file:\n%s\nthen\n%s", out.Bytes(), out2.Bytes())
	}
}

// TestRoundTripSharedSets: every field of the annotated sets survives Read and Write (compared as JSON values, since
// the files' spacing differs). check is left out: it is only ever measured.
func TestRoundTripSharedSets(t *testing.T) {
	for _, set := range []string{"train", "dev"} {
		t.Run(set, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join("..", "..", "shared", "gold", set+".jsonl"))
			if err != nil {
				t.Skipf("annotated set not available: %v", err)
			}
			arts, err := gold.Read(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := gold.Write(&out, arts); err != nil {
				t.Fatal(err)
			}
			inLines := strings.Split(strings.TrimSpace(string(in)), "\n")
			outLines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(inLines) != len(outLines) {
				t.Fatalf("%d lines written for %d read", len(outLines), len(inLines))
			}
			for i := range inLines {
				var a, b any
				if err := json.Unmarshal([]byte(inLines[i]), &a); err != nil {
					t.Fatal(err)
				}
				if err := json.Unmarshal([]byte(outLines[i]), &b); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(a, b) {
					t.Errorf("line %d (%s) changed in the round trip", i+1, arts[i].ID)
				}
			}
		})
	}
}

// TestReadErrors: a bad line is an error that names its line; blank lines count.
func TestReadErrors(t *testing.T) {
	const ok = `{"id":"a","text":"Chị Hoa kể.","gold":{"people":[],"gendered_language":[]}}`
	tests := []struct {
		name, in string
		want     []string
	}{
		{"not json", ok + "\n\nxin chào\n", []string{"line 3:", "invalid character"}},
		{"no text", ok + "\n" + `{"id":"b","title":"Tin","gold":{}}` + "\n", []string{"line 2:", `no "text"`}},
		{"text null", `{"id":"b","text":null}`, []string{"line 1:", `no "text"`}},
		{"truncated", ok + "\n" + `{"id":"b","text":"Anh Nam`, []string{"line 2:", "unexpected end"}},
		{"two objects", ok + ok, []string{"line 1:", "invalid character"}},
		{"wrong type", `{"id":"b","text":"x","gold":{"gbv":"có"}}`, []string{"line 1:", "gbv"}},
		{"bad gender", ok + "\r\n" + `{"id":"b","text":"x","gold":{"people":[{"name":"Hoa","gender":"female"}]}}`,
			[]string{"line 2:", `person 1 ("Hoa"): gender "female", want F, M or U`}},
		{"bad category", `{"id":"b","text":"x","gold":{"gendered_language":[{"text":"x","category":"apperance"}]}}`,
			[]string{"line 1:", `phrase 1 ("x"): category "apperance"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := gold.Read(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error; read %d articles", len(arts))
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestReadAccepts: blank lines, a byte order mark, CRLF, a last line without a newline, unknown fields and lines
// longer than a scanner's default buffer are all fine.
func TestReadAccepts(t *testing.T) {
	long := strings.Repeat("Chị Hoa kể lại chuyện mùa lũ. ", 20000)
	in := "\ufeff" + `{"id":"a","text":"x","extra":{"nested":[1,2]}}` + "\r\n\r\n  \n" + `{"id":"b","text":"` + long + `"}`
	arts, err := gold.Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].ID != "a" || arts[1].Text != long {
		t.Errorf("read %d articles: %+v", len(arts), arts)
	}
	if arts, err := gold.Read(strings.NewReader("")); err != nil || len(arts) != 0 {
		t.Errorf("empty input: %v, %d articles", err, len(arts))
	}
}

// FuzzRead: Read never panics, and what it reads survives Write and Read unchanged.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("testdata", "roundtrip.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"text":""}`))
	f.Add([]byte("\n\n{\"id\":1}\n"))
	f.Add([]byte(`{"text":"a","gold":{"people":[{"gender":"U"}],"gendered_language":null}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		arts, err := gold.Read(bytes.NewReader(in))
		if err != nil {
			return
		}
		var once, twice bytes.Buffer
		if err := gold.Write(&once, arts); err != nil {
			t.Fatal(err)
		}
		again, err := gold.Read(bytes.NewReader(once.Bytes()))
		if err != nil {
			t.Fatalf("reading what Write wrote: %v\n%s", err, once.Bytes())
		}
		if err := gold.Write(&twice, again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Errorf("round trip changed:\n%s\n%s", once.Bytes(), twice.Bytes())
		}
	})
}
