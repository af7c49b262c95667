package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"genderlens/config"
	"genderlens/indexer"
	"genderlens/model"
	"genderlens/scorer"

	"github.com/prometheus/client_golang/prometheus"
)

// newBenchServer is newTestServer for benchmarks: a real server (real bleve index in a temp dir, the embedded rules'
// scorer, a fresh prometheus registry) serving the given outlets on loopback.
func newBenchServer(tb testing.TB, outlets []config.Outlet) (*httptest.Server, *indexer.Index, *scorer.Scorer) {
	tb.Helper()
	idx, sc := testStore(tb)
	srv, err := New(Options{Outlets: outlets, Store: idx, Scorer: sc, Registry: prometheus.NewRegistry()})
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	tb.Cleanup(ts.Close)
	return ts, idx, sc
}

// benchArticle is a synthetic Vietnamese news article of about 5 KB: named women and men, direct and reported
// quotes, and a stereotyped phrase ("phái yếu"), its paragraphs repeated to size.
func benchArticle() string {
	paras := []string{
		"Hội nghị tổng kết công tác bình đẳng giới năm 2026 của quận diễn ra sáng 20/11 tại trụ sở UBND quận, với sự tham dự của đại diện các phường, các cơ quan báo chí và tổ chức đoàn thể trên địa bàn.",
		"Phát biểu khai mạc, bà Nguyễn Thị Lan, Phó Chủ tịch UBND quận, cho biết: “Năm nay, tỷ lệ nữ tham gia cấp ủy các phường đã đạt 32%, vượt chỉ tiêu đề ra. Chúng tôi sẽ tiếp tục tạo điều kiện để cán bộ nữ được đào tạo, bổ nhiệm.”",
		"Theo ông Trần Văn Hùng, Trưởng phòng Văn hóa - Thông tin, các cổng thông tin điện tử phường đã cải thiện rõ rệt cách đưa tin. “Trước đây, nhiều bài viết chỉ trích dẫn lãnh đạo nam. Nay phóng viên đã chủ động tìm các chuyên gia nữ”, ông Hùng nói.",
		"Tuy vậy, một số bài viết vẫn dùng những cách gọi như “phái yếu” hay nhấn mạnh ngoại hình của nữ doanh nhân. Chị Lê Thị Mai, phóng viên Báo Hồ Tây, chia sẻ rằng ban biên tập đã xây dựng bảng kiểm trước khi đăng bài.",
		"Bác sĩ Phạm Minh Tuấn, Bệnh viện Đa khoa quận, đề nghị các cơ quan báo chí thận trọng khi đưa tin về bạo lực gia đình: không nêu tên, địa chỉ của nạn nhân, không đổ lỗi cho người bị hại và luôn kèm số điện thoại đường dây nóng hỗ trợ.",
		"Bà Hoàng Thị Thu Hà, Chủ tịch Hội Liên hiệp Phụ nữ quận, cho rằng: “Phụ nữ không phải là phái yếu. Họ là lực lượng lao động chính trong nhiều ngành dịch vụ, y tế và giáo dục của quận.” Bà đề xuất mở thêm lớp tập huấn kỹ năng truyền thông cho cán bộ phường.",
		"Kết thúc hội nghị, UBND quận khen thưởng 12 tập thể và 25 cá nhân có thành tích xuất sắc, trong đó có 14 cá nhân là nữ. Anh Đỗ Quang Huy, cán bộ văn hóa phường, nhận bằng khen vì đã tổ chức tốt Tháng hành động vì bình đẳng giới.",
	}
	var b strings.Builder
	b.WriteString("Quận đẩy mạnh thực hiện bình đẳng giới trong truyền thông\n\n")
	for i := 0; b.Len() < 5*1024; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteString("\n\n")
	}
	return b.String()
}

// percentile returns the p-th percentile (0 < p <= 1) of sorted latencies, nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := max(0, min(int(math.Ceil(float64(len(sorted))*p))-1, len(sorted)-1))
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkCheckAPIConcurrent posts a ~5 KB Vietnamese article to POST /api/check from 50 concurrent clients sharing
// one keep-alive transport; b.N requests in all. Reports throughput (req/s) and latency percentiles.
func BenchmarkCheckAPIConcurrent(b *testing.B) {
	const clients = 50
	ts, _, _ := newBenchServer(b, []config.Outlet{{ID: "bao-a", Name: "Báo A", Kind: "newspaper"}})
	article := []byte(benchArticle())
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, IdleConnTimeout: time.Minute}
	b.Cleanup(tr.CloseIdleConnections)

	// Warm up: one request, so the first-request costs (connection, lazy init) stay out of the figures.
	warm := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	resp, err := warm.Post(ts.URL+"/api/check", "text/plain; charset=utf-8", bytes.NewReader(article))
	if err != nil {
		b.Fatal(err)
	}
	if body, _ := io.ReadAll(resp.Body); resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte(`"findings"`)) {
		b.Fatalf("warm-up: status %d: %.300s", resp.StatusCode, body)
	}
	resp.Body.Close()

	var remaining atomic.Int64
	remaining.Store(int64(b.N))
	lat := make([][]time.Duration, clients)
	var failed atomic.Bool
	var errMu sync.Mutex
	var firstErr string

	b.SetBytes(int64(len(article)))
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: tr, Timeout: 60 * time.Second}
			mine := make([]time.Duration, 0, b.N/clients+1)
			for remaining.Add(-1) >= 0 && !failed.Load() {
				t0 := time.Now()
				resp, err := client.Post(ts.URL+"/api/check", "text/plain; charset=utf-8", bytes.NewReader(article))
				var msg string
				if err != nil {
					msg = err.Error()
				} else {
					body, rerr := io.ReadAll(resp.Body)
					resp.Body.Close()
					switch {
					case rerr != nil:
						msg = "reading the body: " + rerr.Error()
					case resp.StatusCode != http.StatusOK:
						msg = fmt.Sprintf("status %d: %.300s", resp.StatusCode, body)
					}
				}
				mine = append(mine, time.Since(t0))
				if msg != "" {
					errMu.Lock()
					if firstErr == "" {
						firstErr = msg
					}
					errMu.Unlock()
					failed.Store(true)
					return
				}
			}
			lat[c] = mine
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if failed.Load() {
		b.Fatalf("POST /api/check: %s", firstErr)
	}

	all := slices.Concat(lat...)
	if len(all) != b.N {
		b.Fatalf("%d requests measured, want %d", len(all), b.N)
	}
	slices.Sort(all)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(ms(percentile(all, 0.50)), "p50_ms")
	b.ReportMetric(ms(percentile(all, 0.99)), "p99_ms")
}

// BenchmarkOverviewRender100x24 renders the district overview (GET /?year=2026) end to end, over loopback, for 100
// outlets with 24 months (2025-2026) of articles each: 4 a month, 9,600 documents in a real index.
func BenchmarkOverviewRender100x24(b *testing.B) {
	const (
		numOutlets = 100
		months     = 24
		perMonth   = 4
	)
	kinds := []string{"newspaper", "magazine", "radio_tv", "district_portal", "ward_portal"}
	outlets := make([]config.Outlet, numOutlets)
	for i := range outlets {
		kind := kinds[i%len(kinds)]
		name := fmt.Sprintf("Báo Thủ Đô số %d", i+1)
		switch kind {
		case "magazine":
			name = fmt.Sprintf("Tạp chí Văn hóa số %d", i+1)
		case "radio_tv":
			name = fmt.Sprintf("Đài Phát thanh số %d", i+1)
		case "district_portal":
			name = fmt.Sprintf("Cổng thông tin điện tử quận %d", i+1)
		case "ward_portal":
			name = fmt.Sprintf("Cổng thông tin điện tử phường %d", i+1)
		}
		outlets[i] = config.Outlet{ID: fmt.Sprintf("outlet-%03d", i+1), Name: name, Kind: kind}
	}
	ts, idx, sc := newBenchServer(b, outlets)

	setup := time.Now()
	ict := model.Vietnam()
	cats := model.GenderedLanguageCategories()
	topics := [][]string{nil, {model.TopicGenderEquality}, {model.TopicWomenFocus}, {model.TopicGBV, model.TopicWomenFocus}}
	sections := []string{"Thời sự", "Xã hội", "Kinh tế", "Văn hóa", "Pháp luật"}
	docs := make([]indexer.Document, 0, numOutlets*months*perMonth)
	for o, out := range outlets {
		for m := range months {
			for k := range perMonth {
				n := len(docs)
				pub := time.Date(2025, time.Month(1+m), 1+(k*7+o)%28, 8+k*3, (o*7)%60, 0, 0, ict)
				d := indexer.Document{Article: model.Article{
					URL:       fmt.Sprintf("https://%s.example.vn/tin-tuc/%d-%02d/bai-%d.html", out.ID, pub.Year(), pub.Month(), k+1),
					Outlet:    out.ID,
					Title:     fmt.Sprintf("Phường %d triển khai kế hoạch bình đẳng giới tháng %d/%d", o%20+1, pub.Month(), pub.Year()),
					Lead:      "Bà Nguyễn Thị Lan cho biết kế hoạch năm nay tập trung vào truyền thông.",
					Body:      "Ông Trần Văn Hùng nói: “Chúng tôi đã tổ chức 12 buổi tập huấn.” Bà Lê Thị Mai đề nghị bỏ cách gọi phái yếu.",
					Author:    "Thu Hà",
					Section:   sections[n%len(sections)],
					Published: pub},
					Crawled:      pub.Add(2 * time.Hour),
					RulesVersion: sc.RulesVersion(),
					Score:        float64(40 + (o*13+m*7+k*11)%61),
					People:       model.GenderCounts{Female: 1 + n%3, Male: 2 + n%2, Unknown: n % 2},
					Quoted:       model.GenderCounts{Female: n % 3, Male: 1 + n%2, Unknown: n % 4 / 3},
					QuotedByRole: map[string]model.GenderCounts{
						model.RoleOfficial: {Male: 1 + n%2},
						model.RoleExpert:   {Female: n % 3},
					},
					Topics:       topics[n%len(topics)],
					FindingCount: n % 4}
				for j := range d.FindingCount {
					d.Categories = append(d.Categories, cats[(n+j)%len(cats)])
				}
				docs = append(docs, d)
			}
		}
	}
	if err := idx.PutMany(context.Background(), docs); err != nil {
		b.Fatal(err)
	}
	if got := idx.Count(); got != len(docs) {
		b.Fatalf("index holds %d documents, want %d", got, len(docs))
	}
	b.Logf("setup: %d documents indexed in %s", len(docs), time.Since(setup).Round(time.Millisecond))

	client := &http.Client{Timeout: 60 * time.Second}
	url := ts.URL + "/?year=2026"
	fetch := func() (int, []byte, error) {
		resp, err := client.Get(url)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		return resp.StatusCode, body, err
	}
	// Warm up once, and check the page shows every outlet.
	code, body, err := fetch()
	if err != nil {
		b.Fatal(err)
	}
	if code != http.StatusOK {
		b.Fatalf("GET %s = %d: %.500s", url, code, body)
	}
	for _, o := range []config.Outlet{outlets[0], outlets[numOutlets-1]} {
		if !bytes.Contains(body, []byte(o.Name)) {
			b.Fatalf("the overview lacks %q", o.Name)
		}
	}

	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		code, body, err := fetch()
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		if code != http.StatusOK {
			b.Fatalf("GET %s = %d: %.500s", url, code, body)
		}
	}
	b.StopTimer()
	var total time.Duration
	for _, d := range lat {
		total += d
	}
	slices.Sort(lat)
	b.ReportMetric(ms(total)/float64(len(lat)), "ms/render")
	b.ReportMetric(ms(percentile(lat, 0.95)), "p95_ms")
	b.ReportMetric(float64(len(body)), "page_bytes")
}
