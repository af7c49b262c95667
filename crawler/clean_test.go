package crawler

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"genderlens/config"

	"github.com/PuerkitoBio/goquery"
)

// Pages written for the project in the shape of Vietnamese news and portal templates, with the blocks that are not
// article text where those templates put them.
const (
	newsPageWithBlocks = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Nữ kỹ sư mang nước sạch về bản - Báo Thử</title>
<meta property="og:type" content="article">
</head><body>
<header><div class="banner-top"><a href="/qc"><img src="/qc/top.jpg" alt="Khuyến mãi"></a></div></header>
<div class="social-share top"><a href="#">Facebook</a> <a href="#">Zalo</a></div>
<h1 class="title-detail">Nữ kỹ sư mang nước sạch về bản</h1>
<p class="description">Chị Lò Thị Mai cùng đồng nghiệp hoàn thành hệ thống nước sạch cho 120 hộ dân.</p>
<article class="fck_detail">
<p class="Normal">Sau hai năm khảo sát, chị Mai và nhóm kỹ sư đã đưa nguồn nước từ khe núi về tận bản Nà Lốc.</p>
<div class="ads-inline"><span>Quảng cáo</span><a href="https://qc.example/sua"><img src="/qc/sua.jpg" alt="Sữa"></a><p>Mua sữa bột giảm giá 50% hôm nay</p></div>
<p class="Normal">Người dân trong bản không còn phải gánh nước từ suối xa mỗi sáng, các em nhỏ đến trường đúng giờ hơn.</p>
<p><strong>Xem thêm:</strong> <a href="/thoi-su/bai-khac-khong-lien-quan-12345.htm">Bản vùng cao đón điện lưới quốc gia</a></p>
<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0">Đơn vị quảng cáo tự động</ins>
<p class="Normal downloads-note">Tài liệu thiết kế hệ thống được nhóm chia sẻ cho các xã lân cận cùng áp dụng.</p>
<div id="banner-giua-bai"><a href="https://qc.example/xe"><img src="/qc/xe.jpg" alt="Xe"></a>Ưu đãi mua xe máy trả góp</div>
<p class="roads">Đường lên bản nay đã được bê tông hóa, xe chở vật liệu vào tận nơi.</p>
<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul>
<li><a href="/a/nuoc-sach-cho-vung-cao-11111.htm">Nước sạch cho vùng cao</a></li>
<li><a href="/a/ky-su-tre-ve-ban-22222.htm">Kỹ sư trẻ về bản</a></li></ul></div>
<div class="sponsor-box">Nội dung do nhãn hàng tài trợ: nước khoáng thiên nhiên</div>
<p class="Normal">Chị Mai cho biết nhóm sẽ tiếp tục hỗ trợ ba bản khác trong năm tới.</p>
<p class="author"><strong>Minh Nhật</strong> - <strong>Trường Thịnh</strong></p>
</article>
<div class="box-comment"><h3>Ý kiến</h3><form action="/comment"><textarea name="c">Ý kiến của bạn</textarea><input type="text" name="ten"><button>Gửi bình luận</button></form></div>
<div class="width_common box-category"><h2>Tin khác</h2><ul><li><a href="/b/tin-a-33333.htm">Tin A</a></li><li><a href="/b/tin-b-44444.htm">Tin B</a></li></ul></div>
</body></html>`

	portalPageWithBlocks = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Phường Thử tổ chức hội nghị phụ nữ</title></head><body>
<form id="form1" method="post" action="news.aspx?id=1002"><input type="hidden" name="__VIEWSTATE" value="x">
<table width="980"><tr><td colspan="2" id="QuangCao_Top"><img src="/images/qc1.gif" alt="Quảng cáo"></td></tr>
<tr><td width="200" class="menu"><a href="default.aspx">Trang chủ</a><br><a href="news.aspx?cat=2">Tin tức</a></td>
<td valign="top"><div class="tieu-de">Phường Thử tổ chức hội nghị phụ nữ</div><div class="ngay">17/01/2022</div>
<div class="noi-dung">
<p>Sáng 15/01, Hội Liên hiệp Phụ nữ phường tổ chức hội nghị tổng kết công tác năm 2021.</p>
<div class="box_quangcao"><p>QUẢNG CÁO</p><a href="https://qc.example"><img src="/qc/ngang.gif"></a></div>
<p>Năm qua, hội đã vận động 45 hội viên vay vốn phát triển kinh tế gia đình.</p>
<p>Tin liên quan:</p>
<ul><li><a href="news.aspx?id=998">Hội nghị giữa nhiệm kỳ</a></li><li><a href="news.aspx?id=997">Ra mắt câu lạc bộ</a></li></ul>
<p>Hội nghị đã khen thưởng 12 tập thể và 20 cá nhân có thành tích xuất sắc.</p>
<p>Minh Nhật, Trường Thịnh</p>
</div>
<div class="chia-se"><a href="#">Chia sẻ</a> <a href="#">In bài</a></div>
<table class="binhluan"><tr><td>Gửi ý kiến</td></tr><tr><td><textarea></textarea></td></tr></table>
</td></tr></table></form></body></html>`
)

func TestExtractCleansBody(t *testing.T) {
	fetched := time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone)
	tests := []struct {
		name, page, url string
		outlet          config.Outlet
		keep            []string
		drop            []string
		author          string
	}{
		{name: "news", page: newsPageWithBlocks, url: "https://baothu.example/thoi-su/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm",
			keep: []string{"Sau hai năm khảo sát", "Người dân trong bản", "Tài liệu thiết kế hệ thống", "Đường lên bản nay",
				"Chị Mai cho biết"},
			drop: []string{"Quảng cáo", "sữa bột", "Xem thêm", "Bản vùng cao đón điện", "Đơn vị quảng cáo", "xe máy trả góp",
				"Tin liên quan", "Nước sạch cho vùng cao", "tài trợ", "Ý kiến", "bình luận", "Facebook", "Tin A", "Minh Nhật"},
			author: "Minh Nhật - Trường Thịnh"},
		{name: "portal", page: portalPageWithBlocks, url: "http://phuongthu.example/news.aspx?id=1002",
			keep: []string{"Sáng 15/01", "Năm qua, hội đã vận động", "Hội nghị đã khen thưởng"},
			drop: []string{"QUẢNG CÁO", "Tin liên quan", "Hội nghị giữa nhiệm kỳ", "Ra mắt câu lạc bộ", "Chia sẻ", "In bài",
				"Gửi ý kiến", "Minh Nhật"},
			author: "Minh Nhật, Trường Thịnh"},
		{name: "portal with selectors", page: portalPageWithBlocks, url: "http://phuongthu.example/news.aspx?id=1002",
			outlet: config.Outlet{ID: "phuong-thu", Selectors: config.Selectors{Body: ".noi-dung", Title: ".tieu-de"}},
			keep:   []string{"Sáng 15/01", "Năm qua, hội đã vận động", "Hội nghị đã khen thưởng"},
			drop:   []string{"QUẢNG CÁO", "Tin liên quan", "Hội nghị giữa nhiệm kỳ", "Minh Nhật"},
			author: "Minh Nhật, Trường Thịnh"},
		// A label standing in a short article's text takes only itself with it.
		{name: "short article", url: "https://baothu.example/thoi-su/phuong-ra-quan-don-ve-sinh-20260105.htm",
			page: `<html><head><meta property="og:type" content="article"><title>Phường ra quân dọn vệ sinh</title></head><body>` +
				`<h1>Phường ra quân dọn vệ sinh</h1><article><p>Sáng Chủ nhật, hơn 200 đoàn viên và hội viên phụ nữ phường ra quân dọn vệ sinh các tuyến phố.</p>` +
				`<p>Quảng cáo</p><p>Chị Hoa, chi hội trưởng, cho biết việc này được duy trì mỗi tháng một lần.</p></article></body></html>`,
			keep: []string{"Sáng Chủ nhật", "Chị Hoa, chi hội trưởng"}, drop: []string{"Quảng cáo"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := url.Parse(tt.url)
			page, err := ExtractPage(tt.page, u, tt.outlet, nil, fetched)
			if err != nil {
				t.Fatal(err)
			}
			body := page.Article.Body
			for _, s := range tt.keep {
				if !strings.Contains(body, s) {
					t.Errorf("body lost %q:\n%s", s, body)
				}
			}
			for _, s := range tt.drop {
				if strings.Contains(body, s) {
					t.Errorf("body holds %q:\n%s", s, body)
				}
			}
			if page.Article.Author != tt.author {
				t.Errorf("author %q, want %q", page.Article.Author, tt.author)
			}
			for _, img := range page.Article.Images {
				if strings.Contains(img.URL, "/qc/") {
					t.Errorf("ad image %s kept", img.URL)
				}
			}
		})
	}
}

// TestAdWordOnWrapper: a page or layout wrapper whose class names ads ("has-ads") is not an ad slot.
func TestAdWordOnWrapper(t *testing.T) {
	page := strings.Replace(strings.Replace(newsPageWithBlocks, "<body>", `<body class="page has-ads">`, 1),
		`<article class="fck_detail">`, `<div class="layout-ads"><article class="fck_detail">`, 1)
	page = strings.Replace(page, "</article>", "</article>"+strings.Repeat("<p>Chân trang dài của bố cục trang. </p>", 40)+"</div>", 1)
	u, _ := url.Parse("https://baothu.example/thoi-su/nu-ky-su-mang-nuoc-sach-ve-ban-20260101.htm")
	p, err := ExtractPage(page, u, config.Outlet{}, nil, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p.Article.Body, "Sau hai năm khảo sát") || strings.Contains(p.Article.Body, "sữa bột") {
		t.Errorf("body %q", p.Article.Body)
	}
}

func TestAdClassTokens(t *testing.T) {
	tests := []struct {
		class string
		ad    bool
	}{
		{"ads", true}, {"ads-inline", true}, {"box_ads", true}, {"advert", true}, {"advertisement-slot", true},
		{"adsbygoogle", true}, {"box-quangcao", true}, {"quang-cao", true}, {"QuangCao_Phai", true}, {"banner-top", true},
		{"sponsor-box", true}, {"qc", true}, {"item ad-slot", true},
		{"downloads", false}, {"roads", false}, {"leads", false}, {"heading", false}, {"shadow", false},
		{"loadsmore", false}, {"badge", false}, {"Normal downloads-note", false}, {"bannerless", false},
	}
	for _, tt := range tests {
		doc := mustDoc(t, `<div class="`+tt.class+`">x</div>`)
		if got := isAdNode(doc.Find("div").Nodes[0]); got != tt.ad {
			t.Errorf("class %q: ad %v, want %v", tt.class, got, tt.ad)
		}
	}
}

func TestBylineAuthors(t *testing.T) {
	fetched := time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone)
	tests := []struct{ byline, want string }{
		{`<p class="author">Minh Nhật - Trường Thịnh</p>`, "Minh Nhật - Trường Thịnh"},
		{`<div class="byline"><span class="author">Minh Nhật</span> - <span class="author">Trường Thịnh</span> | 17/01/2022</div>`, "Minh Nhật - Trường Thịnh"},
		{`<div class="tac-gia"><a rel="author" href="/tg/1">Minh Nhật</a>, <a rel="author" href="/tg/2">Trường Thịnh</a></div>`, "Minh Nhật, Trường Thịnh"},
		{`<p class="author">Nhóm PV</p>`, "Nhóm PV"},
		{`<p class="author">Bởi Minh Nhật | Trường Thịnh · 2 giờ trước</p>`, "Minh Nhật | Trường Thịnh"},
		{`<p class="author">Đức Long · 2 giờ trước</p>`, "Đức Long"},
		{`<p style="text-align:right"><strong>Minh Nhật - Trường Thịnh</strong></p>`, "Minh Nhật - Trường Thịnh"},
	}
	text := `<p>Đoạn văn thứ nhất của bài báo nói về phụ nữ làm kinh tế ở vùng cao, với nhiều chi tiết đáng chú ý và đủ dài.</p>` +
		`<p>Đoạn thứ hai cũng dài như vậy để vượt qua ngưỡng hai trăm ký tự của trình trích xuất bài viết trong dự án.</p>`
	for _, tt := range tests {
		page := `<html><head><title>Tiêu đề bài báo thử nghiệm - Báo</title></head><body><h1>Tiêu đề bài báo thử nghiệm</h1>` +
			`<div class="detail-content">` + text + tt.byline + `</div></body></html>`
		u, _ := url.Parse("https://baothu.example/a/tieu-de-bai-bao-thu-nghiem-12345.htm")
		p, err := ExtractPage(page, u, config.Outlet{}, nil, fetched)
		if err != nil {
			t.Fatal(err)
		}
		if p.Article.Author != tt.want {
			t.Errorf("%s: author %q, want %q", tt.byline, p.Article.Author, tt.want)
		}
		if strings.Contains(p.Article.Body, "Minh Nhật") || strings.Contains(p.Article.Body, "Đức Long") {
			t.Errorf("%s: by-line left in the body: %q", tt.byline, p.Article.Body)
		}
	}
}

func mustDoc(t *testing.T, s string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
