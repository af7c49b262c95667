package crawler

import (
	"testing"
	"time"
)

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Example.org/a/b.html?utm_source=fb&utm_medium=x#top", "https://example.org/a/b.html"},
		{"http://example.org/a/b/", "https://example.org/a/b"},
		{"https://example.org:443/", "https://example.org"},
		{"https://example.org/?b=2&a=1&fbclid=xyz", "https://example.org?a=1&b=2"},
		{"http://127.0.0.1:8081/tin/x?trang=2", "http://127.0.0.1:8081/tin/x?trang=2"},
		{"https://example.org/tin-t%E1%BB%A9c/", "https://example.org/tin-t%E1%BB%A9c"},
		// Portals keep the article id in the query string: it is the page's identity, tracking around it is not.
		{"http://radio.example.vn/news.aspx?id=1002", "https://radio.example.vn/news.aspx?id=1002"},
		{"http://radio.example.vn/news.aspx?id=1003&utm_source=zalo&utm_campaign=tet", "https://radio.example.vn/news.aspx?id=1003"},
		{"https://phuong.example.vn/Pages/chi-tiet.aspx?ItemID=77&fbclid=x", "https://phuong.example.vn/Pages/chi-tiet.aspx?ItemID=77"},
		{"https://q.example.vn/index.php?view=article&option=com_content&id=5", "https://q.example.vn/index.php?id=5&option=com_content&view=article"},
		{"https://q.example.vn/?p=123&utm_medium=rss", "https://q.example.vn?p=123"},
	}
	for _, tt := range tests {
		got, err := CanonicalURL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "/relative/path", "example.org/x", "http://[::1"} {
		if got, err := CanonicalURL(bad); err == nil {
			t.Errorf("CanonicalURL(%q) = %q, want an error", bad, got)
		}
	}
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://www.example.org/a?utm_source=x#f", "http://127.0.0.1:80/", "https://a.b/%zz", "https://x/?a=1&a=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := CanonicalURL(s)
		if err != nil {
			return
		}
		// Canonicalisation is idempotent.
		c2, err := CanonicalURL(c)
		if err != nil || c2 != c {
			t.Fatalf("CanonicalURL not idempotent: %q -> %q -> %q (%v)", s, c, c2, err)
		}
	})
}

func TestParseVietnameseDate(t *testing.T) {
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone)
	at := func(y, mo, d, h, mi int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, 0, 0, newsZone) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"Thứ Hai, 17/01/2022 - 10:30", at(2022, 1, 17, 10, 30)},
		{"17-01-2022 10:30 GMT+7", at(2022, 1, 17, 10, 30)},
		{"Cập nhật: 10:30 17/01/2022", at(2022, 1, 17, 10, 30)},
		{"Chủ nhật, 7/3/2026, 08:05 (GMT+7)", at(2026, 3, 7, 8, 5)},
		{"ngày 17 tháng 1 năm 2022", at(2022, 1, 17, 0, 0)},
		{"2026-03-07T08:15:00+07:00", at(2026, 3, 7, 8, 15)},
		{"2026-03-07T01:15:00Z", at(2026, 3, 7, 8, 15)},
		{"2026-03-07", at(2026, 3, 7, 0, 0)},
		{"2 giờ trước", now.Add(-2 * time.Hour)},
		{"35 phút trước", now.Add(-35 * time.Minute)},
		{"17/01/2022 10:30 GMT+0", at(2022, 1, 17, 17, 30)},
	}
	for _, tt := range tests {
		got, ok := ParseVietnameseDate(tt.in, now)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseVietnameseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "Hà Nội", "31/02/2022", "99/99/9999", "Số 12/2022/NĐ-CP"} {
		if got, ok := ParseVietnameseDate(bad, now); ok {
			t.Errorf("ParseVietnameseDate(%q) = %v, want no date", bad, got)
		}
	}
}

func FuzzParseVietnameseDate(f *testing.F) {
	for _, s := range []string{"Thứ Hai, 17/01/2022 - 10:30", "17-01-2022 10:30 GMT+7", "2 giờ trước", "ngày 1 tháng 2 năm 2020"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, newsZone)
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseVietnameseDate(s, now)
		if ok && (got.Year() < 1900 || got.Year() > 2200) {
			t.Fatalf("ParseVietnameseDate(%q) = %v: implausible year", s, got)
		}
	})
}
