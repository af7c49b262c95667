package server

import (
	"strings"
	"testing"

	"genderlens/internal/browsertest"

	"github.com/chromedp/chromedp"
)

func TestSelfCheckPageInBrowser(t *testing.T) {
	ts, _ := newTestServer(t)
	ctx := browsertest.New(t)
	draft := "Hội thảo công nghệ\n\nBà Nguyễn Thị Lan, Giám đốc trung tâm, cho biết phái yếu ngày càng tham gia nhiều dự án phần mềm."
	err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/check"),
		chromedp.WaitVisible(chromedp.CSS("#text")),
		chromedp.SetValue(chromedp.CSS("#text"), draft),
		chromedp.Click(chromedp.CSS("button[type=submit]")),
		chromedp.WaitVisible(chromedp.CSS("mark.finding")),
		chromedp.Focus(chromedp.CSS("mark.finding")),
	)
	if err != nil {
		t.Fatal(err)
	}
	marked := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("mark.finding")))
	tip := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("mark.finding .tip")))
	browsertest.Screenshot(t, ctx, "selfcheck-vi")
	if !strings.HasPrefix(marked, "phái yếu") {
		t.Errorf("highlighted text = %q, want it to start with phái yếu", marked)
	}
	if !strings.Contains(tip, "phụ nữ") {
		t.Errorf("tooltip %q lacks the suggestion phụ nữ", tip)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("a.lang")), chromedp.WaitVisible(chromedp.CSS("#text"))); err != nil {
		t.Fatal(err)
	}
	heading := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("h1")))
	lang := browsertest.MustRun(t, ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
	browsertest.Screenshot(t, ctx, "selfcheck-en")
	if heading != "Check a draft" || lang.Value != "en" {
		t.Errorf("after the language switch: h1 %q, lang %+v", heading, lang)
	}
}

func TestOverviewPageInBrowser(t *testing.T) {
	ts, _ := newTestServer(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("table.outlets"))); err != nil {
		t.Fatal(err)
	}
	names := browsertest.MustRun(t, ctx, chromedp.Text(chromedp.CSS("table.outlets tbody")))
	browsertest.Screenshot(t, ctx, "overview-vi")
	for _, want := range []string{"Báo A", "Cổng phường B", "Cổng TTĐT phường"} {
		if !strings.Contains(names, want) {
			t.Errorf("overview lacks %q: %q", want, names)
		}
	}
}
