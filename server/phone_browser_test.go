package server

import (
	"encoding/json"
	"testing"

	"genderlens/internal/browsertest"

	"github.com/chromedp/chromedp"
)

// TestPhoneLayoutInBrowser opens the pages an officer or an editor reads on a phone at 390 px: the overview's key
// figures, the self-check's suggestions and the first search results must be on screen without scrolling sideways.
// It saves a screenshot of each (go test -run Phone -artifacts -outputdir DIR).
func TestPhoneLayoutInBrowser(t *testing.T) {
	ts, _ := newPagesTestServer(t)
	ctx := browsertest.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	draft := "Nữ phi công xinh đẹp khoe vòng 1 nóng bỏng\n\nBà Nguyễn Thị Lan, Giám đốc trung tâm, cho biết phái yếu ngày càng tham gia nhiều dự án phần mềm."
	for _, tc := range []struct {
		name, path string
		// submit, when set, fills the self-check form with the draft and sends it.
		submit bool
		ready  string
		within []string
		// before must come above after on the page.
		before, after string
		// open opens every <details> first (the review's sections and their forms).
		open bool
	}{
		{name: "overview", path: "/?year=2025", ready: "table.outlets",
			within: []string{"#outlet-bao-ho-tay .figure-articles", "#outlet-bao-ho-tay .figure-score", "#outlet-bao-ho-tay .figure-women",
				"#outlet-phuong-sen .figure-women"}},
		{name: "overview-en", path: "/?year=2025&lang=en", ready: "table.outlets",
			within: []string{"#outlet-bao-ho-tay .figure-articles", "#outlet-bao-ho-tay .figure-score", "#outlet-bao-ho-tay .figure-women"}},
		{name: "check", path: "/check", submit: true, ready: "table.findings",
			within: []string{"table.findings tbody tr:first-child td.suggest", "table.findings tbody tr:last-child td.suggest", ".score-badge"}},
		{name: "article", path: "/article?url=https%3A%2F%2Fhotay.example%2Fnguoi-dep-san-bay", ready: "table.findings",
			within: []string{"table.findings tbody tr:first-child td.suggest"}},
		{name: "article-review", path: "/article?url=https%3A%2F%2Fhotay.example%2Fphu-nu-khoi-nghiep", ready: "#review", open: true,
			within: []string{"#rf1-token", "#rf1 .actions", "#add-text", "#p0-gender", "#p0-token", "#rv-token"}},
		{name: "search", path: "/search?q=phuong", ready: "li.hit",
			within: []string{"li.hit h3", "#hits-h"}, before: "li.hit", after: "aside.facets"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(ts.URL + tc.path)}
			if tc.submit {
				actions = append(actions, chromedp.WaitVisible(chromedp.CSS("#text")), chromedp.SetValue(chromedp.CSS("#text"), draft),
					chromedp.Click(chromedp.CSS(".check-form button[type=submit]")))
			}
			actions = append(actions, chromedp.WaitVisible(chromedp.CSS(tc.ready)))
			if tc.open {
				actions = append(actions, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("details").forEach(d => d.open = true)`))
			}
			if err := chromedp.Do(ctx, actions...); err != nil {
				t.Fatal(err)
			}
			browsertest.Screenshot(t, ctx, "phone-"+tc.name)
			sels, _ := json.Marshal(append(append([]string{}, tc.within...), tc.before, tc.after))
			type box struct{ Left, Right, Top, Width float64 }
			type layout struct {
				Viewport, ScrollWidth float64
				Boxes                 map[string]*box
			}
			script := `(() => {
				const out = {Viewport: window.innerWidth, ScrollWidth: document.scrollingElement.scrollWidth, Boxes: {}};
				for (const sel of ` + string(sels) + `) {
					if (!sel) continue;
					const el = document.querySelector(sel);
					if (!el) { out.Boxes[sel] = null; continue; }
					const r = el.getBoundingClientRect();
					out.Boxes[sel] = {Left: r.left, Right: r.right, Top: r.top + window.scrollY, Width: r.width};
				}
				return out;
			})()`
			got := browsertest.MustRun(t, ctx, chromedp.Evaluate[layout](script))
			if got.Viewport != 390 {
				t.Fatalf("viewport %v px wide, want 390", got.Viewport)
			}
			if got.ScrollWidth > got.Viewport {
				t.Errorf("the page is %v px wide at a %v px viewport: it scrolls sideways", got.ScrollWidth, got.Viewport)
			}
			for _, sel := range tc.within {
				b := got.Boxes[sel]
				switch {
				case b == nil:
					t.Errorf("%s: not on the page", sel)
				case b.Width <= 0:
					t.Errorf("%s: not shown (width %v)", sel, b.Width)
				case b.Left < 0 || b.Right > got.Viewport:
					t.Errorf("%s spans %.0f-%.0f px, outside the %v px viewport", sel, b.Left, b.Right, got.Viewport)
				}
			}
			if tc.before != "" {
				b, a := got.Boxes[tc.before], got.Boxes[tc.after]
				if b == nil || a == nil || b.Top >= a.Top {
					t.Errorf("%s must come before %s on a phone: %+v, %+v", tc.before, tc.after, b, a)
				}
			}
		})
	}
}
