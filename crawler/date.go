package crawler

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"genderlens/model"
)

// newsZone is the time zone Vietnamese outlets print their dates in.
var newsZone = model.Vietnam()

var (
	// 17/01/2022, 17-01-2022, 17.01.2022 with an optional time and an optional GMT/UTC offset.
	numericDateRe = regexp.MustCompile(`(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?:\D{0,12}?(\d{1,2})\s*[:hg]\s*(\d{2})(?:\s*:\s*(\d{2}))?)?(?:\s*\(?\s*(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?`)
	// "10:30 17/01/2022": time first.
	timeFirstRe = regexp.MustCompile(`(\d{1,2})\s*[:h]\s*(\d{2})\D{1,12}?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)
	// "ngày 17 tháng 1 năm 2022".
	wordDateRe = regexp.MustCompile(`(?i)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})`)
	// "2 giờ trước", "35 phút trước", "3 ngày trước".
	relativeRe = regexp.MustCompile(`(?i)(\d+)\s*(giây|phút|giờ|tiếng|ngày|tuần)\s+trước`)
)

// ParseVietnameseDate reads the date forms Vietnamese outlets print ("Thứ Hai, 17/01/2022 - 10:30",
// "17-01-2022 10:30 GMT+7", "10:30 17/01/2022", "ngày 17 tháng 1 năm 2022", "2 giờ trước") and ISO 8601 / RFC 3339
// stamps. Times without an offset are in Asia/Ho_Chi_Minh; relative forms count back from now. ok is false when the
// text holds no date.
func ParseVietnameseDate(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := parseISO(s); ok {
		return t, true
	}
	if m := timeFirstRe.FindStringSubmatch(s); m != nil {
		if t, ok := buildDate(m[3], m[4], m[5], m[1], m[2], "", "", "", ""); ok {
			return t, true
		}
	}
	if m := numericDateRe.FindStringSubmatch(s); m != nil {
		if t, ok := buildDate(m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9]); ok {
			return t, true
		}
	}
	if m := wordDateRe.FindStringSubmatch(s); m != nil {
		if t, ok := buildDate(m[1], m[2], m[3], "", "", "", "", "", ""); ok {
			return t, true
		}
	}
	if m := relativeRe.FindStringSubmatch(s); m != nil && !now.IsZero() {
		n, err := strconv.Atoi(m[1])
		if err != nil || n > 100000 {
			return time.Time{}, false
		}
		unit := map[string]time.Duration{
			"giây": time.Second, "phút": time.Minute, "giờ": time.Hour, "tiếng": time.Hour,
			"ngày": 24 * time.Hour, "tuần": 7 * 24 * time.Hour,
		}[strings.ToLower(m[2])]
		return now.Add(-time.Duration(n) * unit).In(newsZone), true
	}
	return time.Time{}, false
}

var isoLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

func parseISO(s string) (time.Time, bool) {
	for _, layout := range isoLayouts {
		if t, err := time.ParseInLocation(layout, s, newsZone); err == nil {
			return t.In(newsZone), true
		}
	}
	return time.Time{}, false
}

func buildDate(day, month, year, hour, minute, second, sign, offH, offM string) (time.Time, bool) {
	atoi := func(s string) int {
		n, _ := strconv.Atoi(s)
		return n
	}
	d, mo, y := atoi(day), atoi(month), atoi(year)
	h, mi, se := atoi(hour), atoi(minute), atoi(second)
	if mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 || h > 23 || mi > 59 || se > 59 {
		return time.Time{}, false
	}
	loc := newsZone
	if sign != "" {
		off := atoi(offH)*3600 + atoi(offM)*60
		if off > 14*3600 {
			return time.Time{}, false
		}
		if sign == "-" {
			off = -off
		}
		loc = time.FixedZone("", off)
	}
	t := time.Date(y, time.Month(mo), d, h, mi, se, 0, loc)
	if t.Day() != d { // 31/02 rolls over; reject rather than invent a date
		return time.Time{}, false
	}
	return t.In(newsZone), true
}
