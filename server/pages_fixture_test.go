package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"genderlens/adoption"
	"genderlens/config"
	"genderlens/crawler"
	"genderlens/indexer"
	"genderlens/ingest"
	"genderlens/model"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
)

// The pages' tests run on demo-like data: two fictional outlets, articles scored by the real scorer through
// ingest.Score and stored in a real index, and evidence recorded for one outlet, so that Báo Hồ Tây is at pilot level
// in 2025 and Cổng phường Sen has not started. The monitoring unit is a ward, Phường Hồ Tây.

const (
	fixtureYear   = 2025
	fixtureStereo = "https://hotay.example/phu-nu-khoi-nghiep"
	fixtureSexual = "https://hotay.example/nguoi-dep-san-bay"
)

var ict = model.Vietnam()

// fixtureUnit is a ward, as units are since 1 July 2025; newTestServer keeps the default (an unnamed district).
var fixtureUnit = model.Unit{Name: "Phường Hồ Tây", Level: model.UnitWard}

func fixtureArticles() []crawler.Article {
	var out []crawler.Article
	// Ten balanced stories, one a month from January, some in the Action Month: the pilot needs ten articles.
	months := []time.Time{
		time.Date(fixtureYear, 1, 10, 8, 0, 0, 0, ict), time.Date(fixtureYear, 2, 12, 8, 0, 0, 0, ict),
		time.Date(fixtureYear, 4, 3, 8, 0, 0, 0, ict), time.Date(fixtureYear, 5, 20, 8, 0, 0, 0, ict),
		time.Date(fixtureYear, 6, 8, 8, 0, 0, 0, ict), time.Date(fixtureYear, 7, 15, 8, 0, 0, 0, ict),
		time.Date(fixtureYear, 9, 2, 8, 0, 0, 0, ict), time.Date(fixtureYear, 10, 9, 8, 0, 0, 0, ict),
		time.Date(fixtureYear, 11, 20, 8, 0, 0, 0, ict), time.Date(fixtureYear, 12, 5, 8, 0, 0, 0, ict),
	}
	for i, t := range months {
		out = append(out, crawler.Article{Article: model.Article{
			Outlet: "bao-ho-tay", URL: fmt.Sprintf("https://hotay.example/tin-%02d", i+1), Published: t, Section: "xa-hoi",
			Title: fmt.Sprintf("Phường Hồ Tây họp dân về đường làng, kỳ %d", i+1),
			Body: "Bà Nguyễn Thị Lan, Chủ tịch UBND phường, cho biết: “Phường sẽ hoàn thành tuyến đường trước mùa mưa.”\n\n" +
				"Ông Trần Văn Hùng, người dân tổ 5, nói: “Chúng tôi đồng tình với kế hoạch.”"}})
	}
	out = append(out,
		crawler.Article{Article: model.Article{
			Outlet: "bao-ho-tay", URL: fixtureStereo, Published: time.Date(fixtureYear, 3, 2, 8, 0, 0, 0, ict), Section: "kinh-te",
			Title: "Phái yếu khởi nghiệp công nghệ",
			Lead:  "Nhiều dự án phần mềm có thành viên nữ.",
			Body: "Ông Lê Minh Tuấn, Giám đốc trung tâm khởi nghiệp, cho biết: “Phái yếu ngày càng tham gia nhiều dự án.”\n\n" +
				"Ông Phạm Quốc Bảo, chuyên gia, nói: “Đây là tín hiệu tốt.”"}},
		crawler.Article{Article: model.Article{
			Outlet: "bao-ho-tay", URL: fixtureSexual, Published: time.Date(fixtureYear, 11, 25, 8, 0, 0, 0, ict), Section: "giai-tri",
			Title: "Người đẹp xuất hiện tại sân bay",
			Body:  "Người đẹp vừa xuất hiện tại sân bay trong bộ váy trắng. Nàng chân dài đình đám tái xuất sàn diễn."}},
		crawler.Article{Article: model.Article{
			Outlet: "phuong-sen", URL: "https://sen.example/tin-1", Published: time.Date(fixtureYear, 6, 10, 8, 0, 0, 0, ict),
			Title: "Phường Sen sửa chữa trường học",
			Body:  "Ông Đỗ Văn Nam, Phó Chủ tịch UBND phường, cho biết: “Trường sẽ xong trước năm học mới.”"}},
		crawler.Article{Article: model.Article{
			Outlet: "phuong-sen", URL: "https://sen.example/tin-2", Published: time.Date(fixtureYear, 11, 28, 8, 0, 0, 0, ict),
			Title: "Phường Sen ra quân Tháng hành động",
			Body:  "Ông Đỗ Văn Nam nói: “Phường treo băng rôn tuyên truyền về bình đẳng giới.”"}},
	)
	return out
}

// fixtureStore is a real store holding the fixture's articles, scored by the real scorer.
func fixtureStore(t *testing.T) (*indexer.Index, *scorer.Scorer) {
	t.Helper()
	idx, sc := testStore(t)
	var docs []indexer.Document
	for _, a := range fixtureArticles() {
		d, err := ingest.Score(sc, a)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	if err := idx.PutMany(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return idx, sc
}

// newPagesTestServer serves the fixture with evidence writes enabled by testToken.
func newPagesTestServer(t *testing.T) (*httptest.Server, *Server) {
	t.Helper()
	idx, sc := fixtureStore(t)
	ev, err := adoption.OpenEvidenceStore("")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ev.Create(adoption.Evidence{Outlet: "bao-ho-tay", Year: fixtureYear,
		Decision: &adoption.DocumentRef{Ref: "QĐ 12/QĐ-BHT", Date: "2025-02-01"}, FocalPerson: "Nguyễn Thị Mai, Phó Tổng biên tập",
		RecordedBy: "Phòng VH-TT"}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{
		Outlets: []config.Outlet{{ID: "bao-ho-tay", Name: "Báo Hồ Tây", Kind: "newspaper"}, {ID: "phuong-sen", Name: "Cổng phường Sen", Kind: "ward_portal"}},
		Store:   idx, Scorer: sc, Registry: prometheus.NewRegistry(), Evidence: ev, APIToken: testToken,
		Unit: fixtureUnit, CrawlHealth: fixtureCrawlHealth,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, srv
}

// crawlHealthTable is a CrawlHealthSource of fixed outcomes, as the crawler would report them.
type crawlHealthTable map[string]model.CrawlHealth

func (t crawlHealthTable) CrawlHealth(id string) (model.CrawlHealth, bool) {
	h, ok := t[id]
	return h, ok
}

// fixtureCrawlHealth: the newspaper's last crawl fetched pages and took none as an article; the ward portal has no
// crawl on record.
var fixtureCrawlHealth = crawlHealthTable{
	"bao-ho-tay": {
		LastCrawl: time.Date(fixtureYear, 12, 1, 1, 30, 0, 0, time.UTC), Pages: 75, Articles: 0, Stored: 0, Errors: 0,
		Skipped: map[string]int{"no_signal": 64, "listing": 11},
		Warnings: []string{`outlet bao-ho-tay: 75 pages fetched, none taken as an article: likely cause (no_signal): ` +
			`set article_pattern to match the article URLs (for example news\.aspx\?id=\d+), or selectors.date and selectors.body`},
	},
}
