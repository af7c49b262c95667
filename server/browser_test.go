package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser starts Debian's headless chromium for a test. It skips when no browser is installed, unless
// GENDERLENS_REQUIRE_BROWSER is set (CI sets it, so the web pages are always driven there).
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("GENDERLENS_REQUIRE_BROWSER") != "" {
			t.Fatal("no chromium found and GENDERLENS_REQUIRE_BROWSER is set")
		}
		t.Skip("no chromium installed (apt-get install chromium); skipping browser test")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
		return
	}
	p := filepath.Join(t.ArtifactDir(), name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Error(err)
	}
	t.Logf("screenshot %s", p)
}

func TestSelfCheckPageInBrowser(t *testing.T) {
	ts, _ := newTestServer(t)
	ctx := browser(t)
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
	marked := mustRun(t, ctx, chromedp.Text(chromedp.CSS("mark.finding")))
	tip := mustRun(t, ctx, chromedp.Text(chromedp.CSS("mark.finding .tip")))
	screenshot(t, ctx, "selfcheck-vi")
	if !strings.HasPrefix(marked, "phái yếu") {
		t.Errorf("highlighted text = %q, want it to start with phái yếu", marked)
	}
	if !strings.Contains(tip, "phụ nữ") {
		t.Errorf("tooltip %q lacks the suggestion phụ nữ", tip)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("a.lang")), chromedp.WaitVisible(chromedp.CSS("#text"))); err != nil {
		t.Fatal(err)
	}
	heading := mustRun(t, ctx, chromedp.Text(chromedp.CSS("h1")))
	lang := mustRun(t, ctx, chromedp.AttributeValue(chromedp.CSS("html"), "lang"))
	screenshot(t, ctx, "selfcheck-en")
	if heading != "Check a draft" || lang.Value != "en" {
		t.Errorf("after the language switch: h1 %q, lang %+v", heading, lang)
	}
}

// mustRun runs one action that yields a value and fails the test on error.
func mustRun[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestOverviewPageInBrowser(t *testing.T) {
	ts, _ := newTestServer(t)
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("table.outlets"))); err != nil {
		t.Fatal(err)
	}
	names := mustRun(t, ctx, chromedp.Text(chromedp.CSS("table.outlets tbody")))
	screenshot(t, ctx, "overview-vi")
	for _, want := range []string{"Báo A", "Cổng phường B", "Cổng TTĐT phường"} {
		if !strings.Contains(names, want) {
			t.Errorf("overview lacks %q: %q", want, names)
		}
	}
}
