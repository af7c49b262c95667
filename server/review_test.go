package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"genderlens/config"
	"genderlens/model"
	"genderlens/review"

	"github.com/prometheus/client_golang/prometheus"
)

const editorToken = "editor-token-of-bao-ho-tay"

// newReviewTestServer serves the pages' fixture with an officer's token and an editor's token for Báo Hồ Tây.
func newReviewTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	idx, sc := fixtureStore(t)
	srv, err := New(Options{
		Outlets: []config.Outlet{{ID: "bao-ho-tay", Name: "Báo Hồ Tây", Kind: "newspaper"}, {ID: "phuong-sen", Name: "Cổng phường Sen", Kind: "ward_portal"}},
		Store:   idx, Scorer: sc, Registry: prometheus.NewRegistry(), APIToken: testToken,
		Editors: []config.Editor{{Outlet: "bao-ho-tay", Token: editorToken}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// call sends a request and decodes a JSON answer.
func call(t *testing.T, method, u, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s %s: %d, not JSON: %s", method, u, res.StatusCode, b)
	}
	return res.StatusCode, out
}

func reviewURL(ts *httptest.Server, article string) string {
	return ts.URL + "/api/review?url=" + url.QueryEscape(article)
}

func TestReviewAPIEveryKind(t *testing.T) {
	ts := newReviewTestServer(t)
	officer, editor := "Bearer "+testToken, "Bearer "+editorToken
	// A search answered before any correction is cached: the corrections must still show in the same search after.
	var primed model.SearchResult
	getJSON(t, ts.URL+"/api/articles?outlet=bao-ho-tay&size=50", &primed)
	_, before := call(t, "GET", reviewURL(ts, fixtureSexual), "", "")
	findings := before["findings"].([]any)
	if len(findings) < 2 {
		t.Fatalf("fixture: want two findings or more on %s, got %v", fixtureSexual, findings)
	}
	f0, f1 := findings[0].(map[string]any), findings[1].(map[string]any)
	ref := func(f map[string]any) string {
		return `{"category":"` + f["category"].(string) + `","start":` + jsonNum(f["start"]) + `,"end":` + jsonNum(f["end"]) + `}`
	}
	_, stereo := call(t, "GET", reviewURL(ts, fixtureStereo), "", "")
	people := stereo["people"].([]any)
	if len(people) < 2 {
		t.Fatalf("fixture: want two people on %s", fixtureStereo)
	}
	p0, p1 := people[0].(map[string]any)["name"].(string), people[1].(map[string]any)["name"].(string)
	tests := []struct {
		name, article, token, body string
		want                       int
		wantErr                    string
	}{
		// Findings.
		{"confirm", fixtureSexual, officer, `{"kind":"confirm_finding","finding":` + ref(f0) + `}`, 201, ""},
		{"reject with a reason", fixtureSexual, officer, `{"kind":"reject_finding","reason":"tên chức danh","finding":` + ref(f1) + `}`, 201, ""},
		{"reject a finding the article does not have", fixtureSexual, officer, `{"kind":"reject_finding","finding":{"category":"appearance","start":1,"end":3}}`, 400, "has no appearance finding"},
		{"reject without a finding", fixtureSexual, officer, `{"kind":"reject_finding"}`, 400, "finding: required"},
		{"unknown category", fixtureSexual, officer, `{"kind":"reject_finding","finding":{"category":"rude","start":0,"end":3}}`, 400, "category"},
		{"add by phrase", fixtureSexual, officer, `{"kind":"add_finding","finding":{"category":"appearance","text":"bộ váy trắng"}}`, 201, ""},
		{"add a phrase the text lacks", fixtureSexual, officer, `{"kind":"add_finding","finding":{"category":"appearance","text":"áo dài đỏ"}}`, 400, "does not occur"},
		{"add a span past the end", fixtureSexual, officer, `{"kind":"add_finding","finding":{"category":"appearance","start":5,"end":99999}}`, 400, "not a span"},
		{"add a span inside a letter", fixtureSexual, officer, `{"kind":"add_finding","finding":{"category":"appearance","start":1,"end":4}}`, 400, "cuts a word"},
		{"add with a text not at the span", fixtureSexual, officer, `{"kind":"add_finding","finding":{"category":"appearance","start":0,"end":15,"text":"X"}}`, 400, "is not the text"},
		// People.
		{"set gender", fixtureStereo, officer, `{"kind":"set_gender","person":"` + p0 + `","gender":"female"}`, 201, ""},
		{"set gender of nobody", fixtureStereo, officer, `{"kind":"set_gender","person":"Không Ai","gender":"female"}`, 400, "no person"},
		{"bad gender", fixtureStereo, officer, `{"kind":"set_gender","person":"` + p0 + `","gender":"F"}`, 400, "gender"},
		{"set quoted", fixtureStereo, officer, `{"kind":"set_quoted","person":"` + p1 + `","quoted":false}`, 201, ""},
		{"set quoted without a value", fixtureStereo, officer, `{"kind":"set_quoted","person":"` + p1 + `"}`, 400, "quoted"},
		{"set role", fixtureStereo, officer, `{"kind":"set_role","person":"` + p1 + `","role":"expert"}`, 201, ""},
		{"bad role", fixtureStereo, officer, `{"kind":"set_role","person":"` + p1 + `","role":"boss"}`, 400, "role"},
		{"merge into self", fixtureStereo, officer, `{"kind":"merge_people","person":"` + p0 + `","into":"` + p0 + `"}`, 400, "themselves"},
		{"merge into nobody", fixtureStereo, officer, `{"kind":"merge_people","person":"` + p0 + `","into":"Không Ai"}`, 400, "no person"},
		{"merge", fixtureStereo, officer, `{"kind":"merge_people","person":"` + p1 + `","into":"` + p0 + `"}`, 201, ""},
		{"add a person", fixtureStereo, officer, `{"kind":"add_person","person":"Chị Hoa (không tên)","gender":"female","quoted":true,"role":"ordinary"}`, 201, ""},
		{"add a person of bad gender", fixtureStereo, officer, `{"kind":"add_person","person":"X","gender":"nữ"}`, 400, "gender"},
		{"remove a non-person", fixtureStereo, officer, `{"kind":"remove_person","person":"Chị Hoa (không tên)"}`, 201, ""},
		// The article.
		{"set a topic", fixtureStereo, officer, `{"kind":"set_topic","topic":"gender_equality","flag":true}`, 201, ""},
		{"set an unknown topic", fixtureStereo, officer, `{"kind":"set_topic","topic":"sport","flag":true}`, 400, "topic"},
		{"set a topic without a flag", fixtureStereo, officer, `{"kind":"set_topic","topic":"gbv"}`, 400, "flag"},
		{"out of scope", "https://hotay.example/tin-01", officer, `{"kind":"out_of_scope","scope":"advertisement"}`, 201, ""},
		{"bad scope", "https://hotay.example/tin-01", officer, `{"kind":"out_of_scope","scope":"dull"}`, 400, "scope"},
		{"back in scope", "https://hotay.example/tin-01", officer, `{"kind":"in_scope"}`, 201, ""},
		{"out of scope again", "https://hotay.example/tin-02", officer, `{"kind":"out_of_scope","scope":"duplicate"}`, 201, ""},
		{"reviewed", fixtureSexual, officer, `{"kind":"reviewed"}`, 201, ""},
		// Objections.
		{"editor objects", fixtureSexual, editor, `{"kind":"objection","reason":"đây là tên một cuộc thi","finding":` + ref(f0) + `}`, 201, ""},
		{"objection without a reason", fixtureSexual, editor, `{"kind":"objection","finding":` + ref(f0) + `}`, 400, "reason"},
		{"editor of another outlet's article", "https://sen.example/tin-1", editor, `{"kind":"reviewed"}`, 403, "only object"},
		{"editor may not reject", fixtureSexual, editor, `{"kind":"reject_finding","finding":` + ref(f0) + `}`, 403, "only object"},
		{"decide a missing objection", fixtureSexual, officer, `{"kind":"decision","objection":999,"decision":"upheld"}`, 400, "no objection"},
		{"bad decision", fixtureSexual, officer, `{"kind":"decision","objection":1,"decision":"maybe"}`, 400, "decision"},
		// Requests.
		{"no token", fixtureSexual, "", `{"kind":"reviewed"}`, 401, "Bearer"},
		{"wrong token", fixtureSexual, "Bearer nope", `{"kind":"reviewed"}`, 403, "wrong token"},
		{"lower-case scheme", fixtureSexual, "bearer " + testToken, `{"kind":"reviewed"}`, 201, ""},
		{"unknown kind", fixtureSexual, officer, `{"kind":"delete"}`, 400, "kind"},
		{"unknown field", fixtureSexual, officer, `{"kind":"reviewed","colour":1}`, 400, "unknown field"},
		{"trailing data", fixtureSexual, officer, `{"kind":"reviewed"} x`, 400, "after the object"},
		{"id set by the client", fixtureSexual, officer, `{"kind":"reviewed","id":7}`, 400, "set by the server"},
		{"stale text hash", fixtureSexual, officer, `{"kind":"reviewed","text_hash":"0000"}`, 409, "changed"},
		{"unknown article", "https://hotay.example/none", officer, `{"kind":"reviewed"}`, 404, "no stored article"},
		{"no url", "", officer, `{"kind":"reviewed"}`, 400, "url: required"},
		{"control character", fixtureSexual, officer, `{"kind":"reviewed","reason":"a\u0000b"}`, 400, "control character"},
		{"too large", fixtureSexual, officer, `{"kind":"reviewed","reason":"` + strings.Repeat("a", 2<<20) + `"}`, 413, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := call(t, "POST", reviewURL(ts, tt.article), tt.token, tt.body)
			if code != tt.want {
				t.Fatalf("status %d, want %d: %v", code, tt.want, body)
			}
			if tt.wantErr != "" && !strings.Contains(body["error"].(string), tt.wantErr) {
				t.Errorf("error %q, want it to contain %q", body["error"], tt.wantErr)
			}
			if code == 201 {
				c := body["correction"].(map[string]any)
				if c["id"].(float64) < 1 || c["at"] == "" || c["text_hash"] == "" || c["outlet"] == "" {
					t.Errorf("the server did not complete the correction: %v", c)
				}
			}
		})
	}

	// The officer decides the open objection: upheld rejects the finding.
	_, open := call(t, "GET", ts.URL+"/api/objections?outlet=bao-ho-tay", "", "")
	objs := open["objections"].([]any)
	if len(objs) != 1 {
		t.Fatalf("open objections: %v", open)
	}
	id := jsonNum(objs[0].(map[string]any)["id"])
	if code, body := call(t, "POST", reviewURL(ts, fixtureSexual), editor, `{"kind":"decision","objection":`+id+`,"decision":"upheld"}`); code != 403 {
		t.Errorf("editor decides: %d %v", code, body)
	}
	if code, body := call(t, "POST", reviewURL(ts, fixtureSexual), officer, `{"kind":"decision","objection":`+id+`,"decision":"upheld"}`); code != 201 {
		t.Fatalf("decide: %d %v", code, body)
	}
	_, decided := call(t, "GET", ts.URL+"/api/objections?status=decided", "", "")
	if n := len(decided["objections"].([]any)); n != 1 {
		t.Errorf("decided objections: %d", n)
	}
	for _, q := range []string{"?status=shut", "?outlet=nope"} {
		if code, _ := call(t, "GET", ts.URL+"/api/objections"+q, "", ""); code != 400 {
			t.Errorf("GET /api/objections%s: %d, want 400", q, code)
		}
	}

	// The review shows every state, the history both the editor's objection and the officer's decision.
	_, rv := call(t, "GET", reviewURL(ts, fixtureSexual), "", "")
	states := map[string]int{}
	for _, f := range rv["findings"].([]any) {
		states[f.(map[string]any)["state"].(string)]++
	}
	if states[review.StateRejected] != 2 || states[review.StateAdded] != 1 || rv["reviewed"] == nil {
		t.Errorf("states %v, reviewed %v", states, rv["reviewed"])
	}
	roles := map[string]bool{}
	for _, c := range rv["history"].([]any) {
		roles[c.(map[string]any)["by_role"].(string)] = true
	}
	if !roles[review.ByEditor] || !roles[review.ByOfficer] {
		t.Errorf("history roles %v", roles)
	}

	// The outlet's figures use the reviewed values, say how many were reviewed and keep the machine's.
	var agg AggregateView
	getJSON(t, ts.URL+"/api/outlets/bao-ho-tay/aggregates?period=2025", &agg)
	f := agg.Figures
	if f.Reviewed != 2 || f.OutOfScope != 1 || f.Articles != 11 || f.Machine == nil || f.Machine.Articles != 12 {
		t.Fatalf("reviewed %d out of scope %d articles %d machine %+v", f.Reviewed, f.OutOfScope, f.Articles, f.Machine)
	}
	if *f.Score == *f.Machine.Score {
		t.Errorf("score unchanged by review: %.2f", *f.Score)
	}
	// Search hits show the reviewed figures and the review's state.
	var hits model.SearchResult
	getJSON(t, ts.URL+"/api/articles?outlet=bao-ho-tay&size=50", &hits)
	hitOf := map[string]model.SearchHit{}
	for _, h := range hits.Articles {
		hitOf[h.URL] = h
	}
	if h := hitOf[fixtureSexual]; !h.Reviewed || h.Score == 0 {
		t.Errorf("search hit of the reviewed article: %+v", h)
	}
	if h := hitOf["https://hotay.example/tin-02"]; !h.OutOfScope {
		t.Errorf("search hit of the out-of-scope article: %+v", h)
	}
	if f.Quoted.GenderCounts == f.Machine.Quoted.GenderCounts {
		t.Errorf("quoted sources unchanged by review: %+v", f.Quoted.GenderCounts)
	}
}

func jsonNum(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, res.StatusCode)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}
