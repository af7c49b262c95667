package server

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"genderlens/internal/browsertest"
	"genderlens/model"
	"genderlens/review"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestReviewInBrowser reviews an article of the fixture in headless chromium as an officer would: rejects a finding
// with the keyboard alone (Enter opens its section, the token is typed, Tab reaches the button, Enter presses it),
// adds a missed finding by selecting its words in the article's text, marks the article reviewed, and then sees the
// outlet page's figures change: the reviewed count and the rate of the added finding's category.
func TestReviewInBrowser(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	ctx := browsertest.New(t)
	outletURL := ts.URL + "/outlets/bao-ho-tay?year=2025"
	articleURL := ts.URL + articleLink(fixtureStereo)
	const phrase = "thành viên nữ"

	if err := chromedp.Do(ctx, chromedp.Navigate(outletURL), chromedp.WaitVisible(chromedp.CSS("#review-h"))); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "reviewed count before", textOf(t, ctx, "p.lead .reviewed-count"), "0/12 bài đã rà soát")
	before := textOf(t, ctx, "table.categories tbody")

	// Reject the first finding with the keyboard only.
	err := chromedp.Do(ctx,
		chromedp.Navigate(articleURL),
		chromedp.WaitVisible(chromedp.CSS("#rf1 > summary")),
		chromedp.Focus(chromedp.CSS("#rf1 > summary")),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.CSS("#rf1-token")),
		chromedp.Focus(chromedp.CSS("#rf1-token")),
		chromedp.KeyEvent(testToken),
		chromedp.KeyEvent(kb.Tab), // confirm
		chromedp.KeyEvent(kb.Tab), // reject
	)
	if err != nil {
		t.Fatal(err)
	}
	if got := browsertest.MustRun(t, ctx, chromedp.Evaluate[string](`document.activeElement.value`)); got != review.KindRejectFinding {
		t.Fatalf("two Tabs after the token reach %q, want the reject button", got)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS("p.ok-box"))); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "flash after reject", textOf(t, ctx, "p.ok-box"), "Đã ghi nhận", "Bác bỏ phát hiện", "Phái yếu")
	wantAll(t, "rejected finding", textOf(t, ctx, "#rf1 > summary"), "đã bác bỏ")
	browsertest.Screenshot(t, ctx, "article-review-vi")

	// Add a missed finding by selecting its words in the article's text: the script fills the phrase and its place.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => {
			const walker = document.createTreeWalker(document.getElementById("marked"), NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.data.indexOf("`+phrase+`");
				if (i >= 0 && !n.parentElement.closest(".tip")) {
					const r = document.createRange();
					r.setStart(n, i);
					r.setEnd(n, i + "`+phrase+`".length);
					document.getSelection().removeAllRanges();
					document.getSelection().addRange(r);
					return;
				}
			}
			throw new Error("phrase not in the article text");
		})()`),
	)
	if err != nil {
		t.Fatal(err)
	}
	browsertest.MustRun(t, ctx, chromedp.Poll[bool](`document.getElementById("add-start").value !== ""`, chromedp.WithPollingTimeout(5*time.Second)))
	wantAll(t, "phrase filled from the selection", browsertest.MustRun(t, ctx, chromedp.Value(chromedp.CSS("#add-text"))), phrase)
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS("#add-category")),
		chromedp.SetValue(chromedp.CSS("#add-category"), model.CategoryGenderMarking),
		chromedp.SendKeys(chromedp.CSS("#add-by"), "Cán bộ Hà"),
		chromedp.SendKeys(chromedp.CSS("#add-token"), testToken+kb.Enter),
	)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "flash after add", waitFlash(t, ctx, "Thêm phát hiện"), "Thêm phát hiện", phrase, "Cán bộ Hà")
	v := getReview(t, ts.URL, fixtureStereo)
	added := findingOf(t, v, model.CategoryGenderMarking)
	d := fixtureText(t, fixtureStereo)
	if added.State != review.StateAdded || added.Text != phrase || added.Start != strings.Index(d, phrase) {
		t.Errorf("added finding %+v, want %q at %d", added, phrase, strings.Index(d, phrase))
	}

	// A selection that starts in a highlight leaves its tooltip out: the phrase and the place are the text's.
	err = chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const mark = document.querySelector("#marked mark");
		const after = mark.nextSibling;
		const r = document.createRange();
		r.setStart(mark.firstChild, 0);
		r.setEnd(after, after.data.indexOf(" nghiệp"));
		document.getSelection().removeAllRanges();
		document.getSelection().addRange(r);
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	const across = "Phái yếu khởi"
	browsertest.MustRun(t, ctx, chromedp.Poll[bool](`document.getElementById("add-text").value === `+strconv.Quote(across), chromedp.WithPollingTimeout(5*time.Second)))
	if got := browsertest.MustRun(t, ctx, chromedp.Value(chromedp.CSS("#add-end"))); got != strconv.Itoa(len(across)) {
		t.Errorf("a selection of %q from the text's start ends at %s, want byte %d", across, got, len(across))
	}

	// Mark it reviewed, by mouse this time.
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector(".reviewed-form").closest("details").open = true`),
		chromedp.WaitVisible(chromedp.CSS("#rv-token")),
		chromedp.SendKeys(chromedp.CSS("#rv-token"), testToken),
		chromedp.Click(chromedp.CSS(".reviewed-form button")),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFlash(t, ctx, "Đã rà soát")
	wantAll(t, "review state", evalText(t, ctx, "p.review-state"), "Đã rà soát bởi")

	if err := chromedp.Do(ctx, chromedp.Navigate(outletURL), chromedp.WaitVisible(chromedp.CSS("#review-h"))); err != nil {
		t.Fatal(err)
	}
	wantAll(t, "reviewed count after", textOf(t, ctx, "p.lead .reviewed-count"), "1/12 bài đã rà soát")
	wantAll(t, "machine and reviewed figures", textOf(t, ctx, "table.review-figures"), "Đánh dấu giới không cần thiết")
	if after := textOf(t, ctx, "table.categories tbody"); after == before {
		t.Errorf("the outlet's category rates did not change: %q", after)
	}
	browsertest.Screenshot(t, ctx, "outlet-review-vi")
}

// waitFlash waits for the page after a form's redirect, which says what was recorded, and returns the notice's
// text: the page before it may still show the previous correction's notice, and an evaluation during the navigation
// fails, so it asks again until then. The text comes from the same evaluation: a node query right after a
// navigation may still use the old document's node ids ("No node with given id found").
func waitFlash(t *testing.T, ctx context.Context, want string) string {
	t.Helper()
	js := `(document.querySelector("p.ok-box") || {textContent: ""}).textContent`
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if text, err := chromedp.Run(ctx, chromedp.Evaluate[string](js)); err == nil && strings.Contains(text, want) {
			return text
		}
	}
	t.Fatalf("no notice saying %q after 10s", want)
	return ""
}

// evalText is the text of the first element sel selects, read by an evaluation in the page rather than by a node
// query, so that it is safe right after a form's redirect (see waitFlash). It waits up to 10s for the element.
func evalText(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	js := `(document.querySelector(` + strconv.Quote(sel) + `) || {textContent: ""}).textContent`
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if text, err := chromedp.Run(ctx, chromedp.Evaluate[string](js)); err == nil && text != "" {
			return text
		}
	}
	t.Fatalf("no element %s with text after 10s", sel)
	return ""
}

// fixtureText is the scored text of a fixture article, which findings' places refer to.
func fixtureText(t *testing.T, u string) string {
	t.Helper()
	for _, a := range fixtureArticles() {
		if a.URL == u {
			return model.ScoredText(a.Title, a.Lead, a.Body, nil) // the fixture has no images
		}
	}
	t.Fatalf("no fixture article %s", u)
	return ""
}
