package indexer

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/model"

	"golang.org/x/text/unicode/norm"
)

// searchFixture stores a few short articles written for this test.
func searchFixture(t testing.TB) *Index {
	t.Helper()
	ix, err := Open(t.TempDir(), Options{BatchWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	docs := []Document{
		Document{Article: model.Article{URL: "https://a.example/1", Outlet: "bao-a", Section: "Xã hội", Title: "Phụ nữ phường Trúc Bạch học nghề",
			Body: "Hội Liên hiệp phụ nữ phường mở lớp dạy nghề cho 40 chị em.", Published: time.Date(2025, 11, 20, 9, 0, 0, 0, model.Vietnam())}, Categories: []string{"stereotype"},
			Topics: []string{model.TopicWomenFocus}},
		Document{Article: model.Article{URL: "https://a.example/2", Outlet: "bao-a", Section: "Kinh tế", Title: "Giá rau tăng",
			Body:      "Nữ giám đốc hợp tác xã cho biết giá rau tăng vì mưa; phụ huynh lo lắng.",
			Published: time.Date(2025, 10, 2, 9, 0, 0, 0, model.Vietnam())}, Categories: []string{"gender_marking"}},
		// NFD text and the other tone placement: still found by the NFC, folded query.
		Document{Article: model.Article{URL: "https://b.example/3", Outlet: "phuong-b", Section: "Xã hội", Title: norm.NFD.String("Hòa giải ở cơ sở"),
			Body:      norm.NFD.String("Tổ hoà giải gặp gỡ phụ nữ và nam giới trong khu dân cư."),
			Published: time.Date(2024, 3, 8, 9, 0, 0, 0, model.Vietnam())}, Topics: []string{model.TopicGenderEquality}},
		Document{Article: model.Article{URL: "https://b.example/4", Outlet: "phuong-b", Title: "Đường Đội Cấn thông xe", Body: "Đường thông xe sau ba tháng sửa chữa <b>nhanh</b>."}},
	}
	for _, d := range docs {
		d.RulesVersion = "v1"
		if err := ix.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return ix
}

func urlsOf(res model.SearchResult) string {
	var out []string
	for _, a := range res.Articles {
		out = append(out, a.URL[len("https://"):])
	}
	return strings.Join(out, " ")
}

func TestSearch(t *testing.T) {
	ix := searchFixture(t)
	tests := []struct {
		name string
		req  model.SearchRequest
		want string // hosts/paths of hits in order; order matters only when the query has no words
		sort bool
	}{
		{"with diacritics", model.SearchRequest{Query: "phụ nữ"}, "a.example/1 a.example/2 b.example/3", true},
		{"without diacritics", model.SearchRequest{Query: "phu nu"}, "a.example/1 a.example/2 b.example/3", true},
		{"upper case", model.SearchRequest{Query: "PHU NU"}, "a.example/1 a.example/2 b.example/3", true},
		{"NFD query", model.SearchRequest{Query: norm.NFD.String("phụ nữ")}, "a.example/1 a.example/2 b.example/3", true},
		{"d with stroke", model.SearchRequest{Query: "duong doi can"}, "b.example/4", true},
		{"tone placement", model.SearchRequest{Query: "hoà giải"}, "b.example/3", true},
		{"phrase", model.SearchRequest{Query: `"phụ nữ phường"`}, "a.example/1", true},
		{"curly phrase folded", model.SearchRequest{Query: "“phu nu phuong”"}, "a.example/1", true},
		{"phrase not adjacent", model.SearchRequest{Query: `"nữ phụ"`}, "", true},
		{"two-syllable phrase, other tone placement", model.SearchRequest{Query: `"hòa giải"`}, "b.example/3", true},
		{"long phrase", model.SearchRequest{Query: `"hợp tác xã cho biết giá rau"`}, "a.example/2", true},
		{"long phrase out of order", model.SearchRequest{Query: `"hợp tác xã biết cho"`}, "", true},
		{"phrase never spans title and body", model.SearchRequest{Query: `"tăng nữ"`}, "", true},
		{"one-word phrase", model.SearchRequest{Query: `"rau"`}, "a.example/2", true},
		{"phrase of a lone mark restricts nothing", model.SearchRequest{Query: `"-" rau`}, "a.example/2", true},
		{"all words must match", model.SearchRequest{Query: "phụ nữ rau"}, "a.example/2", true},
		{"punctuation only", model.SearchRequest{Query: "- ."}, "b.example/4 a.example/1 a.example/2 b.example/3", true},
		{"outlet", model.SearchRequest{Query: "phu nu", Outlets: []string{"phuong-b"}}, "b.example/3", true},
		{"period", model.SearchRequest{Query: "phu nu", Period: model.ActionMonth(2025)}, "a.example/1", true},
		{"section", model.SearchRequest{Section: "Xã hội"}, "a.example/1 b.example/3", false},
		{"category", model.SearchRequest{Category: "gender_marking"}, "a.example/2", false},
		{"topic", model.SearchRequest{Topic: model.TopicGenderEquality}, "b.example/3", false},
		{"newest first without query", model.SearchRequest{Outlets: []string{"bao-a"}}, "a.example/1 a.example/2", false},
		{"paging", model.SearchRequest{Outlets: []string{"bao-a"}, Size: 1, From: 1}, "a.example/2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			got := urlsOf(res)
			if tt.sort {
				f := strings.Fields(got)
				sort.Strings(f)
				got = strings.Join(f, " ")
				w := strings.Fields(tt.want)
				sort.Strings(w)
				tt.want = strings.Join(w, " ")
			}
			if got != tt.want {
				t.Errorf("hits = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSearchSnippetsAndFacets(t *testing.T) {
	ix := searchFixture(t)
	res, err := ix.Search(context.Background(), model.SearchRequest{Query: "thong xe", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Articles) != 1 {
		t.Fatalf("total %d, hits %d; want 1", res.Total, len(res.Articles))
	}
	body := strings.Join(res.Articles[0].Snippets["body"], " ")
	if !strings.Contains(body, "<mark>thông</mark> <mark>xe</mark>") || !strings.Contains(body, "&lt;b&gt;") {
		t.Errorf("body snippet %q: want marked matches and escaped HTML", body)
	}
	// A phrase is marked only where its words follow one another: in the body, not in the title.
	res, err = ix.Search(context.Background(), model.SearchRequest{Query: `"đường thông xe"`})
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("phrase search: %v, %+v", err, res)
	}
	if got := res.Articles[0].Snippets; got["title"] != nil || !strings.Contains(strings.Join(got["body"], " "), "<mark>Đường</mark> <mark>thông</mark> <mark>xe</mark> sau") {
		t.Errorf("phrase snippets %q", got)
	}
	all, err := ix.Search(context.Background(), model.SearchRequest{Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"outlet":   "bao-a=2 phuong-b=2",
		"month":    "2024-03=1 2025-10=1 2025-11=1",
		"category": "gender_marking=1 stereotype=1",
	}
	for name, w := range want {
		var parts []string
		for _, c := range all.Facets[name] {
			parts = append(parts, c.Value+"="+strconv.Itoa(c.Count))
		}
		sort.Strings(parts)
		if got := strings.Join(parts, " "); got != w {
			t.Errorf("facet %s = %q, want %q", name, got, w)
		}
	}
}

// FuzzSearchQuery: any query text is a valid search (never an error), finds at most the stored articles, and its
// snippets keep text escaped with balanced marks.
func FuzzSearchQuery(f *testing.F) {
	ix := searchFixture(f)
	for _, q := range []string{"phu nu", `"phụ nữ phường"`, `"`, `""`, "“”", `"-" rau`, "TP.HCM", "\xff", norm.NFD.String("hoà giải"), "<b>"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), model.SearchRequest{Query: q, Facets: true})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if res.Total > 4 || len(res.Articles) > 4 {
			t.Fatalf("Search(%q): total %d, %d articles", q, res.Total, len(res.Articles))
		}
		for _, a := range res.Articles {
			for field, frags := range a.Snippets {
				for _, s := range frags {
					rest := strings.ReplaceAll(strings.ReplaceAll(s, "<mark>", ""), "</mark>", "")
					if strings.ContainsAny(rest, "<>") || strings.Count(s, "<mark>") != strings.Count(s, "</mark>") {
						t.Fatalf("Search(%q): %s snippet %q", q, field, s)
					}
				}
			}
		}
	})
}
