package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"genderlens/config"
	"genderlens/review"
)

// getReview reads an article's review through the API, as a client checking what the page recorded would.
func getReview(t *testing.T, base, articleURL string) ReviewView {
	t.Helper()
	code, _, body := fetch(t, "GET", base+"/api/review?url="+url.QueryEscape(articleURL), nil)
	if code != http.StatusOK {
		t.Fatalf("GET /api/review = %d: %s", code, body)
	}
	var v ReviewView
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func findingOf(t *testing.T, v ReviewView, category string) review.FindingReview {
	t.Helper()
	for _, f := range v.Findings {
		if f.Category == category {
			return f
		}
	}
	t.Fatalf("%s has no %s finding: %+v", v.URL, category, v.Findings)
	return review.FindingReview{}
}

// TestArticleReviewForms posts every kind of correction through the article page's forms, as a browser without
// script sends them, and checks with GET /api/review that the right correction was recorded and that the page says
// so after the redirect.
func TestArticleReviewForms(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	people := "https://hotay.example/tin-02"
	stereo := findingOf(t, getReview(t, ts.URL, fixtureStereo), "stereotype")
	place := func(f review.FindingReview) url.Values {
		return url.Values{"category": {f.Category}, "start": {strconv.Itoa(f.Start)}, "end": {strconv.Itoa(f.End)}}
	}
	with := func(v url.Values, kv ...string) url.Values {
		out := url.Values{"token": {testToken}}
		for k, vs := range v {
			out[k] = vs
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out.Set(kv[i], kv[i+1])
		}
		return out
	}
	text := "Nhiều dự án phần mềm có thành viên nữ."
	tests := []struct {
		name, article string
		form          url.Values
		check         func(t *testing.T, c review.Correction, v ReviewView)
	}{
		{"confirm", fixtureStereo, with(place(stereo), "kind", "confirm_finding", "by", "Cán bộ Hà"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.By != "Cán bộ Hà" || c.ByRole != review.ByOfficer || c.Finding.Rule != stereo.Rule || findingOf(t, v, "stereotype").State != review.StateConfirmed {
				t.Errorf("%+v", c)
			}
		}},
		{"object", fixtureStereo, with(place(stereo), "kind", "objection", "reason", "Trích nguyên văn lời nhân vật"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Reason != "Trích nguyên văn lời nhân vật" || len(findingOf(t, v, "stereotype").Objections) != 1 {
				t.Errorf("%+v", c)
			}
		}},
		{"decide", fixtureStereo, nil, func(t *testing.T, c review.Correction, v ReviewView) {
			f := findingOf(t, v, "stereotype")
			if c.Decision != review.DecisionUpheld || f.State != review.StateRejected || f.Objections[0].Open() {
				t.Errorf("%+v: state %s", c, f.State)
			}
		}},
		{"reject", fixtureStereo, with(place(stereo), "kind", "reject_finding", "reason", "không phải định kiến"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Kind != review.KindRejectFinding || findingOf(t, v, "stereotype").State != review.StateRejected {
				t.Errorf("%+v", c)
			}
		}},
		{"add by phrase", fixtureStereo, with(nil, "kind", "add_finding", "category", "gender_marking", "text", "thành viên nữ", "start", "", "end", ""), func(t *testing.T, c review.Correction, v ReviewView) {
			f := findingOf(t, v, "gender_marking")
			if f.State != review.StateAdded || f.Text != "thành viên nữ" || f.End-f.Start != len("thành viên nữ") {
				t.Errorf("%+v", f)
			}
		}},
		{"add by place", fixtureStereo, nil, func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Finding.Text != "phần mềm" || c.Finding.Category != "appearance" {
				t.Errorf("%+v", c.Finding)
			}
		}},
		{"set gender", people, with(nil, "kind", "set_gender", "person", "Trần Văn Hùng", "gender", "female", "role", "expert"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Gender != "female" || c.Role != "" || v.Corrected.People.Female != 2 {
				t.Errorf("%+v, people %+v", c, v.Corrected.People)
			}
		}},
		{"set quoted off", people, with(nil, "kind", "set_quoted", "person", "Trần Văn Hùng"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Quoted == nil || *c.Quoted || v.Corrected.Quoted.Female != 1 {
				t.Errorf("%+v, quoted %+v", c, v.Corrected.Quoted)
			}
		}},
		{"set quoted on", people, with(nil, "kind", "set_quoted", "person", "Trần Văn Hùng", "quoted", "true"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Quoted == nil || !*c.Quoted || v.Corrected.Quoted.Female != 2 {
				t.Errorf("%+v, quoted %+v", c, v.Corrected.Quoted)
			}
		}},
		{"set role", people, with(nil, "kind", "set_role", "person", "Trần Văn Hùng", "role", "expert", "gender", "male"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Role != "expert" || c.Gender != "" {
				t.Errorf("%+v", c)
			}
		}},
		{"add person", people, with(nil, "kind", "add_person", "person", "Lê Thị Hoa", "gender", "female", "role", "ordinary", "quoted", "true"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Person != "Lê Thị Hoa" || c.Quoted == nil || !*c.Quoted || len(v.People) != 3 {
				t.Errorf("%+v, people %d", c, len(v.People))
			}
		}},
		{"merge", people, with(nil, "kind", "merge_people", "person", "Lê Thị Hoa", "into", "Nguyễn Thị Lan"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Into != "Nguyễn Thị Lan" || len(v.People) != 2 {
				t.Errorf("%+v, people %d", c, len(v.People))
			}
		}},
		{"remove", people, with(nil, "kind", "remove_person", "person", "Trần Văn Hùng"), func(t *testing.T, c review.Correction, v ReviewView) {
			if len(v.People) != 1 {
				t.Errorf("%+v, people %+v", c, v.People)
			}
		}},
		{"out of scope", people, with(nil, "kind", "out_of_scope", "scope", "advertisement"), func(t *testing.T, c review.Correction, v ReviewView) {
			if v.OutOfScope == nil || v.OutOfScope.Scope != "advertisement" {
				t.Errorf("%+v", v.OutOfScope)
			}
		}},
		{"in scope", people, with(nil, "kind", "in_scope", "scope", "advertisement"), func(t *testing.T, c review.Correction, v ReviewView) {
			if v.OutOfScope != nil || c.Scope != "" {
				t.Errorf("%+v, %+v", c, v.OutOfScope)
			}
		}},
		{"topic", people, with(nil, "kind", "set_topic", "topic", "gender_equality", "flag", "yes"), func(t *testing.T, c review.Correction, v ReviewView) {
			if c.Topic != "gender_equality" || c.Flag == nil || !*c.Flag {
				t.Errorf("%+v", c)
			}
		}},
		{"reviewed", people, with(nil, "kind", "reviewed", "by", "Phòng VH-TT"), func(t *testing.T, c review.Correction, v ReviewView) {
			if v.Reviewed == nil || v.Reviewed.By != "Phòng VH-TT" {
				t.Errorf("%+v", v.Reviewed)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := tt.form
			before := getReview(t, ts.URL, tt.article)
			switch tt.name {
			case "decide":
				obs := findingOf(t, before, "stereotype").Objections
				form = with(nil, "kind", "decision", "objection", strconv.Itoa(obs[0].ID), "decision", "upheld")
			case "add by place":
				i := strings.Index(text, "phần mềm")
				start := strings.Index(before.Title+"\n\n"+text, text) + i
				form = with(nil, "kind", "add_finding", "category", "appearance", "start", strconv.Itoa(start),
					"end", strconv.Itoa(start+len("phần mềm")), "text", "")
			}
			form.Set("text_hash", before.TextHash)
			code, h, body := fetch(t, "POST", ts.URL+"/article/review?url="+url.QueryEscape(tt.article), form)
			if code != http.StatusSeeOther {
				t.Fatalf("POST = %d, want 303: %s", code, errorText(body))
			}
			loc := h.Get("Location")
			if !strings.HasPrefix(loc, articleLink(tt.article)+"&recorded=") {
				t.Errorf("redirect to %q", loc)
			}
			v := getReview(t, ts.URL, tt.article)
			if len(v.History) != len(before.History)+1 {
				t.Fatalf("history %d corrections, want %d", len(v.History), len(before.History)+1)
			}
			c := v.History[len(v.History)-1]
			if c.Kind != form.Get("kind") || c.ByRole != review.ByOfficer || c.TextHash != before.TextHash {
				t.Errorf("recorded %+v", c)
			}
			tt.check(t, c, v)
			// The page it redirects to says what was recorded.
			_, _, page := fetch(t, "GET", ts.URL+loc, nil)
			if !strings.Contains(page, `class="notice ok-box" role="status">Đã ghi nhận: <span class="correction">`+translate("vi", "rkind."+c.Kind)) {
				t.Errorf("the page after the redirect does not say what was recorded")
			}
		})
	}
	// The article page shows the review: the reviewed score beside the machine's, the states, the history.
	_, _, page := fetch(t, "GET", ts.URL+articleLink(fixtureStereo), nil)
	for _, want := range []string{"Sau rà soát:", "đã bác bỏ", "do cán bộ thêm", "Chấp nhận phản đối", "Trích nguyên văn lời nhân vật",
		"Lịch sử sửa đổi (6)", "Bài chưa được rà soát."} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	_, _, page = fetch(t, "GET", ts.URL+articleLink(people)+"&lang=en", nil)
	for _, want := range []string{"Reviewed by", "Phòng VH-TT", "Machine and reviewed figures", "Back in scope"} {
		if !strings.Contains(page, want) {
			t.Errorf("English article page lacks %q", want)
		}
	}
}

// errorText is the error box of a page, to say why a form was refused.
func errorText(body string) string {
	if i := strings.Index(body, `<div class="error"`); i >= 0 {
		return body[i:min(len(body), i+400)]
	}
	return body[:min(len(body), 400)]
}

// TestArticleReviewRefused: a form without the token, with a wrong one, with an editor's token for what editors
// may not do or for another outlet, with bad input, or for an unknown article is refused with a page in the
// request's language, and nothing is recorded.
func TestArticleReviewRefused(t *testing.T) {
	ts, srv := newPagesTestServer(t)
	srv.opts.Editors = []config.Editor{{Outlet: "bao-ho-tay", Token: "editor-ho-tay-123"}, {Outlet: "phuong-sen", Token: "editor-sen-456"}}
	stereo := findingOf(t, getReview(t, ts.URL, fixtureStereo), "stereotype")
	form := func(token string, kv ...string) url.Values {
		f := url.Values{"category": {stereo.Category}, "start": {strconv.Itoa(stereo.Start)}, "end": {strconv.Itoa(stereo.End)}}
		if token != "" {
			f.Set("token", token)
		}
		for i := 0; i+1 < len(kv); i += 2 {
			f.Set(kv[i], kv[i+1])
		}
		return f
	}
	target := "/article/review?url=" + url.QueryEscape(fixtureStereo)
	tests := []struct {
		name, path string
		form       url.Values
		code       int
		want       string
	}{
		{"no token", target, form("", "kind", "reject_finding"), 401, "Cần nhập mã truy cập"},
		{"no token en", target + "&lang=en", form("", "kind", "reject_finding"), 401, "The access token is required"},
		{"wrong token", target, form("wrong-token", "kind", "reject_finding"), 403, "Mã truy cập không đúng"},
		{"wrong token en", target + "&lang=en", form("wrong-token", "kind", "reject_finding"), 403, "Wrong access token"},
		{"editor rejects", target, form("editor-ho-tay-123", "kind", "reject_finding"), 403, "chỉ dùng để phản đối"},
		{"editor of another outlet", target, form("editor-sen-456", "kind", "objection", "reason", "sai"), 403, "dành cho cơ quan khác"},
		{"objection without reason", target, form(testToken, "kind", "objection"), 400, "Phản đối cần có lý do"},
		{"no kind", target, form(testToken), 400, "Hãy chọn một thao tác"},
		{"unknown kind", target, form(testToken, "kind", "delete_everything"), 400, "Chưa ghi được sửa đổi"},
		{"no such finding", target, form(testToken, "kind", "reject_finding", "start", "1"), 400, "Chưa ghi được sửa đổi"},
		{"bad place", target, form(testToken, "kind", "reject_finding", "start", "abc"), 400, "Vị trí của phát hiện không hợp lệ"},
		{"phrase not in text", target, form(testToken, "kind", "add_finding", "start", "", "end", "", "text", "không có trong bài"), 400, "không có trong bài"},
		{"empty phrase", target + "&lang=en", form(testToken, "kind", "add_finding", "start", "", "end", "", "text", " "), 400, "Type the finding&#39;s phrase"},
		{"unknown category", target, form(testToken, "kind", "add_finding", "category", "nope", "text", "phần mềm", "start", "", "end", ""), 400, "Chưa ghi được sửa đổi"},
		{"no such person", target, form(testToken, "kind", "set_gender", "person", "Không Ai", "gender", "female"), 400, "Chưa ghi được sửa đổi"},
		{"text changed", target, form(testToken, "kind", "reject_finding", "text_hash", "0123456789abcdef"), 409, "Nội dung bài đã thay đổi"},
		{"unknown article", "/article/review?url=" + url.QueryEscape("https://hotay.example/nope"), form(testToken, "kind", "reject_finding"), 404, "Không có bài viết này"},
		{"no url", "/article/review", form(testToken, "kind", "reject_finding"), 400, "Thiếu địa chỉ của bài viết"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, h, body := fetch(t, "POST", ts.URL+tt.path, tt.form)
			if code != tt.code {
				t.Fatalf("POST = %d, want %d: %s", code, tt.code, errorText(body))
			}
			if !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(body, tt.want) {
				t.Errorf("page lacks %q: %s", tt.want, errorText(body))
			}
			if code == 401 && h.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
			if tok := tt.form.Get("token"); tok != "" && strings.Contains(body, tok) {
				t.Error("the page shows the token")
			}
		})
	}
	if v := getReview(t, ts.URL, fixtureStereo); len(v.History) != 0 {
		t.Errorf("refused forms recorded %d corrections", len(v.History))
	}
	// An editor's objection is recorded like the officer's, with the editor's role.
	code, _, body := fetch(t, "POST", ts.URL+target, form("editor-ho-tay-123", "kind", "objection", "reason", "Trích lời nhân vật"))
	if code != http.StatusSeeOther {
		t.Fatalf("editor's objection = %d: %s", code, errorText(body))
	}
	if v := getReview(t, ts.URL, fixtureStereo); len(v.History) != 1 || v.History[0].ByRole != review.ByEditor {
		t.Errorf("history %+v", v.History)
	}
}

// TestOutletReviewSection: the outlet page says how many of the year's articles are reviewed, shows the machine and
// reviewed figures where a correction changed them, the review sample, the estimates from its reviewed part and the
// open objections; the overview shows the reviewed count beside each outlet's figures.
func TestOutletReviewSection(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	page := func(path string) string {
		t.Helper()
		code, _, body := fetch(t, "GET", ts.URL+path, nil)
		if code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, code)
		}
		return body
	}
	wantIn := func(where, body string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q", where, w)
			}
		}
	}
	outlet := page("/outlets/bao-ho-tay?year=2025")
	wantIn("outlet page before review", outlet, "0/12 bài đã rà soát", "Mẫu rà soát ngẫu nhiên của năm",
		"12 bài được chọn ngẫu nhiên trong 12 bài của năm để rà soát; đã rà soát 0.", "Không có phản đối nào đang chờ.",
		`href="/article?url=`+url.QueryEscape(fixtureStereo)+`"`)
	if strings.Contains(outlet, "Số liệu của máy và sau rà soát") {
		t.Error("the outlet page compares machine and reviewed figures before any correction")
	}
	post := func(form url.Values) {
		t.Helper()
		form.Set("token", testToken)
		if code, _, body := fetch(t, "POST", ts.URL+"/article/review?url="+url.QueryEscape(fixtureStereo), form); code != http.StatusSeeOther {
			t.Fatalf("POST %v = %d: %s", form, code, errorText(body))
		}
	}
	for _, f := range getReview(t, ts.URL, fixtureStereo).Findings {
		if f.Category == "stereotype" {
			post(url.Values{"kind": {"reject_finding"}, "category": {f.Category}, "start": {strconv.Itoa(f.Start)}, "end": {strconv.Itoa(f.End)}})
		}
	}
	post(url.Values{"kind": {"reviewed"}, "by": {"Phòng VH-TT"}})
	f := findingOf(t, getReview(t, ts.URL, fixtureSexual), "appearance")
	code, _, body := fetch(t, "POST", ts.URL+"/article/review?url="+url.QueryEscape(fixtureSexual), url.Values{"token": {testToken},
		"kind": {"objection"}, "category": {f.Category}, "start": {strconv.Itoa(f.Start)}, "end": {strconv.Itoa(f.End)}, "reason": {"Mô tả trang phục"}})
	if code != http.StatusSeeOther {
		t.Fatalf("objection = %d: %s", code, errorText(body))
	}

	outlet = page("/outlets/bao-ho-tay?year=2025")
	wantIn("outlet page after review", outlet, "1/12 bài đã rà soát", "Số liệu của máy và sau rà soát", "Tỷ lệ bài: Định kiến, rập khuôn giới",
		"đã rà soát 1.", "Ước lượng chỉ dựa trên 1 bài", "Độ chính xác theo loại phát hiện", "Sai số về nguồn tin được trích dẫn",
		"Mô tả trang phục", `href="`+articleLink(fixtureSexual)+`#review"`)
	// Both stereotype findings were rejected: the scorer's precision on them is 0 of 2.
	if !regexp.MustCompile(`Định kiến, rập khuôn giới</th><td class="num">2</td><td class="num">0%`).MatchString(outlet) {
		t.Error("the precision table does not show 0% of 2 stereotype findings")
	}
	wantIn("English outlet page", page("/outlets/bao-ho-tay?year=2025&lang=en"), "1 of 12 reviewed", "Machine and reviewed figures",
		"rest on the 1 reviewed articles of the random sample only", "Open objections")
	wantIn("overview", page("/?year=2025"), "1/12 bài đã rà soát", "0/2 bài đã rà soát")
}

// TestArticleReviewStaleAndUnmatched: corrections made on another version of the text, and corrections of a person
// the current result does not have, are listed on the article page to be reviewed again, not applied.
func TestArticleReviewStaleAndUnmatched(t *testing.T) {
	ts, srv := newPagesTestServer(t)
	hash := getReview(t, ts.URL, fixtureStereo).TextHash
	for _, c := range []review.Correction{
		{URL: fixtureStereo, Outlet: "bao-ho-tay", Kind: review.KindSetGender, TextHash: "an-older-text", Person: "Phạm Quốc Bảo",
			Gender: "female", By: "Cán bộ Hà", ByRole: review.ByOfficer},
		{URL: fixtureStereo, Outlet: "bao-ho-tay", Kind: review.KindSetRole, TextHash: hash, Person: "Trần Thị Vắng", Role: "expert",
			By: "Cán bộ Hà", ByRole: review.ByOfficer},
	} {
		if _, err := srv.opts.Review.Store.Record(c); err != nil {
			t.Fatal(err)
		}
	}
	for path, wants := range map[string][]string{
		articleLink(fixtureStereo): {"được ghi trên một phiên bản khác của bài", "Sửa giới tính <span lang=\"vi\">Phạm Quốc Bảo</span>: Nữ",
			"không áp dụng được", "Sửa vai trò <span lang=\"vi\">Trần Thị Vắng</span>: Chuyên gia", "Lịch sử sửa đổi (2)"},
		articleLink(fixtureStereo) + "&lang=en": {"made on another version of the text", "could not be applied"},
	} {
		_, _, page := fetch(t, "GET", ts.URL+path, nil)
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("GET %s lacks %q", path, w)
			}
		}
	}
	if v := getReview(t, ts.URL, fixtureStereo); v.Changed {
		t.Error("a stale or unmatched correction changed the figures")
	}
}
