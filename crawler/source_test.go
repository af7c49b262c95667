package crawler

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/model"

	"golang.org/x/text/unicode/norm"
)

// TestSourceMap extracts pages written for the test, as `genderlens check` does, and checks that a phrase of the
// extracted text maps back to where the page has it.
func TestSourceMap(t *testing.T) {
	const head = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Phái đẹp và công nghệ - Báo Thử</title>`
	tests := []struct {
		name   string
		page   string
		phrase string // in the extracted text (its first occurrence)
		want   string // what the page has at the mapped offset; "" when the phrase has no place in the page
	}{
		{"body paragraph", head + "</head>\n<body><article><h1>Tin</h1>\n<p>Bà Trần Thị Thu cho biết phái đẹp tham gia nhiều hơn.</p></article></body></html>",
			"phái đẹp", "phái đẹp tham gia"},
		// The title is in <title> and <h1>: the headline in the body wins.
		{"title in the body", head + "</head><body><article><h1>Phái đẹp và công nghệ</h1><p>Hội thảo về chuyển đổi số thu hút hơn 200 người tham dự.</p></article></body></html>",
			"Phái đẹp", "Phái đẹp và công nghệ</h1>"},
		{"entities and inline tags", head + "</head><body><article><h1>Tin</h1><p>Bà&nbsp;Lan <b>n&oacute;i</b>   rằng ph&aacute;i yếu cũng làm được việc lớn.</p></article></body></html>",
			"phái yếu", "ph&aacute;i yếu"},
		{"decomposed page", head + "</head><body><article><h1>Tin</h1><p>" + norm.NFD.String("Bà Lan nói rằng phái yếu cũng làm được việc lớn trong ngành.") + "</p></article></body></html>",
			"phái yếu", norm.NFD.String("phái yếu")},
		// Captions come last in the extracted text but sit in the middle of the page.
		{"caption", head + "</head><body><article><h1>Tin</h1><p>Hội thảo về chuyển đổi số thu hút hơn 200 người tham dự.</p>" +
			"<figure><img src=\"/a.jpg\"><figcaption>Các nữ lập trình viên khoe thân hình tại hội thảo.</figcaption></figure>" +
			"<p>Ông Lê Văn Nam nhấn mạnh cần đào tạo thêm kỹ năng bảo mật cho cán bộ.</p></article></body></html>",
			"khoe thân", "khoe thân hình tại"},
		// A lead read from the meta description is nowhere in the page's text.
		{"lead from a meta tag", `<html><head><meta name="description" content="Phái yếu và chuyển đổi số."></head><body><article><h1>Tin</h1><p>Hội thảo về chuyển đổi số thu hút hơn 200 người tham dự.</p></article></body></html>`,
			"Phái yếu", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := url.Parse("file:///draft.html")
			page, err := ExtractPage(tt.page, u, config.Outlet{}, nil, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			a := page.Article
			var captions []string
			for _, im := range a.Images {
				captions = append(captions, im.Caption)
			}
			text := model.ScoredText(a.Title, a.Lead, a.Body, captions)
			off := strings.Index(text, tt.phrase)
			if off < 0 {
				t.Fatalf("%q not in the extracted text %q", tt.phrase, text)
			}
			at, ok := NewSourceMap(tt.page, text).PageOffset(off)
			switch {
			case tt.want == "" && ok:
				t.Errorf("mapped to %d (%q), want no place", at, tt.page[at:])
			case tt.want != "" && !ok:
				t.Errorf("no place in the page, want %q", tt.want)
			case tt.want != "" && !strings.HasPrefix(tt.page[at:], tt.want):
				t.Errorf("mapped to %q, want %q", tt.page[at:min(len(tt.page), at+40)], tt.want)
			}
		})
	}
}

// FuzzSourceMap: any page and text map without a panic, to offsets inside the page.
func FuzzSourceMap(f *testing.F) {
	f.Add("<html><head><title>Tin</title></head><body><h1>Tin</h1><p>Bà&nbsp;Lan n&oacute;i.</p></body></html>", "Tin\n\nBà Lan nói.", 7)
	f.Add("<p>a&amp;b</p><script>x</script>", "a&b", 2)
	f.Fuzz(func(t *testing.T, page, text string, off int) {
		m := NewSourceMap(page, text)
		for _, o := range []int{off, 0, len(text), len(text) / 2} {
			if at, ok := m.PageOffset(o); ok && (at < 0 || at > len(page)) {
				t.Fatalf("PageOffset(%d) = %d outside the page of %d bytes", o, at, len(page))
			}
		}
	})
}
