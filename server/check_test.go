package server

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"genderlens/scorer"
)

const (
	// checkHeadline is the example: a headline whose looks words a text-only check missed.
	checkHeadline = "Nữ phi công xinh đẹp khoe vòng 1 nóng bỏng"
	checkBody     = "Chị Nguyễn Thị Hà, cơ trưởng của hãng, cho biết: “Chuyến bay đã hạ cánh an toàn.”\nHành khách cảm ơn phái yếu trong tổ bay."
)

// TestCheckAPIDraft: POST /api/check scores the title with the text, as a published article is, and the result's
// offsets, lines and columns are those of the title, a blank line and the text; a byte order mark shifts nothing.
func TestCheckAPIDraft(t *testing.T) {
	ts, _ := newTestServer(t)
	post := func(t *testing.T, contentType, body string) *scorer.Result {
		t.Helper()
		resp, err := http.Post(ts.URL+"/api/check", contentType, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		var res scorer.Result
		if err := json.Unmarshal(b, &res); err != nil {
			t.Fatal(err)
		}
		return &res
	}
	asJSON := func(title, text string) string {
		b, _ := json.Marshal(map[string]string{"title": title, "text": text})
		return string(b)
	}
	textOnly := post(t, "application/json", asJSON("", checkBody))
	tests := []struct {
		name, contentType, body string
		scored                  string // the text the offsets refer to
		titleFindings           int    // findings on line 1, the title's
	}{
		{"title and text", "application/json", asJSON(checkHeadline, checkBody), checkHeadline + "\n\n" + checkBody, 3},
		// Title and text are trimmed as a published article's; the text still starts on line 3.
		{"untrimmed", "application/json", asJSON(" "+checkHeadline+" ", "\n"+checkBody+"\n"), checkHeadline + "\n\n" + checkBody, 3},
		{"no title", "application/json", asJSON("", checkBody), checkBody, 0},
		{"byte order mark, plain text", "text/plain; charset=utf-8", "\ufeff" + checkBody, checkBody, 0},
		{"byte order mark, JSON", "application/json", "\ufeff" + asJSON(checkHeadline, "\ufeff"+checkBody), checkHeadline + "\n\n" + checkBody, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := post(t, tt.contentType, tt.body)
			titleFindings := 0
			for _, f := range res.Findings {
				if got := tt.scored[f.Start:f.End]; got != f.Text {
					t.Errorf("finding %s: scored[%d:%d] = %q, text %q", f.Rule, f.Start, f.End, got, f.Text)
				}
				before := tt.scored[:f.Start]
				if line := strings.Count(before, "\n") + 1; line != f.Line {
					t.Errorf("finding %s on line %d, want %d", f.Rule, f.Line, line)
				}
				if f.Line == 1 && tt.titleFindings > 0 {
					titleFindings++
				}
			}
			if titleFindings < tt.titleFindings {
				t.Errorf("%d findings in the title, want at least %d: %+v", titleFindings, tt.titleFindings, res.Findings)
			}
			if tt.titleFindings > 0 && res.Score >= textOnly.Score {
				t.Errorf("score with the title %.1f, without %.1f: the title costs nothing", res.Score, textOnly.Score)
			}
		})
	}
}

// TestCheckPageDraft: the self-check page scores the title field with the text and places each finding in the field
// the editor typed it in: a column of the title, or a line:column of the text's own lines.
func TestCheckPageDraft(t *testing.T) {
	ts, _ := newTestServer(t)
	form := func(title, text string) (string, io.Reader) {
		return "application/x-www-form-urlencoded", strings.NewReader(url.Values{"title": {title}, "text": {text}}.Encode())
	}
	upload := func(content string) (string, io.Reader) {
		var b bytes.Buffer
		w := multipart.NewWriter(&b)
		f, _ := w.CreateFormFile("file", "bai-viet.txt")
		f.Write([]byte(content))
		w.Close()
		return w.FormDataContentType(), &b
	}
	tests := []struct {
		name    string
		lang    string
		body    func() (string, io.Reader)
		want    []string // in the findings table, in order
		notWant []string
		// titleShown: the title field shows the title again.
		titleShown bool
	}{
		{"title and text", "vi", func() (string, io.Reader) { return form(checkHeadline, checkBody) },
			[]string{"tiêu đề, cột 1<", "tiêu đề, cột 22<", "dòng 2:19<"}, []string{"dòng 4:"}, true},
		{"title and text in English", "en", func() (string, io.Reader) { return form(checkHeadline, checkBody) },
			[]string{"title, column 1<", "line 2:19<"}, nil, true},
		// The text's own lines, blank lines before it included.
		{"text after blank lines", "vi", func() (string, io.Reader) { return form(checkHeadline, "\n\n"+checkBody) },
			[]string{"tiêu đề, cột 1<", "dòng 4:19<"}, nil, true},
		{"no title", "vi", func() (string, io.Reader) { return form("", checkHeadline+"\n\n"+checkBody) },
			[]string{"dòng 1:1<", "dòng 4:19<"}, []string{"tiêu đề"}, false},
		{"uploaded file with a byte order mark", "vi", func() (string, io.Reader) { return upload("\ufeff" + checkHeadline + "\n\n" + checkBody) },
			[]string{"dòng 1:1<", "dòng 1:22<", "dòng 4:19<"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			contentType, body := tt.body()
			resp, err := http.Post(ts.URL+"/check?lang="+tt.lang, contentType, body)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, b)
			}
			page := html.UnescapeString(string(b))
			_, table, ok := strings.Cut(page, `<table class="findings">`)
			if !ok {
				t.Fatalf("no findings table: %s", page)
			}
			rest := table
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("findings table lacks %q (in order) in %s", w, table)
					continue
				}
				rest = rest[i:]
			}
			for _, w := range tt.notWant {
				if strings.Contains(table, w) {
					t.Errorf("findings table has %q: %s", w, table)
				}
			}
			if shown := strings.Contains(page, `value="`+checkHeadline+`"`); shown != tt.titleShown {
				t.Errorf("the title field shows the title again: %v, want %v", shown, tt.titleShown)
			}
		})
	}
	// The catalogue names the new field in both languages.
	for _, lang := range []string{"vi", "en"} {
		if translate(lang, "check.headline") == "check.headline" || translate(lang, "check.titlecol") == "check.titlecol" {
			t.Errorf("%s: the title field's words are missing", lang)
		}
	}
}
