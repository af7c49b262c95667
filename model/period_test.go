package model

import (
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	ict := Vietnam()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, ict) }
	tests := []struct {
		in      string
		want    Period
		wantErr bool
	}{
		{"", Period{}, false},
		{"all", Period{}, false},
		{"ALL", Period{}, false},
		{"2025", Period{day(2025, 1, 1), day(2026, 1, 1)}, false},
		{"2025-Q4", Period{day(2025, 10, 1), day(2026, 1, 1)}, false},
		{"2025-q1", Period{day(2025, 1, 1), day(2025, 4, 1)}, false},
		{"2025-11", Period{day(2025, 11, 1), day(2025, 12, 1)}, false},
		{"action-month-2025", Period{day(2025, 11, 15), day(2025, 12, 16)}, false},
		{"2025-11-15..2025-12-15", Period{day(2025, 11, 15), day(2025, 12, 16)}, false},
		{"2025-11-15..", Period{From: day(2025, 11, 15)}, false},
		{"..2025-12-15", Period{To: day(2025, 12, 16)}, false},
		{"2025-13", Period{}, true},
		{"2025-Q5", Period{}, true},
		{"2025-12-15..2025-11-15", Period{}, true},
		{"2025-02-30..", Period{}, true},
		{"last year", Period{}, true},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParsePeriod(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if !got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) {
			t.Errorf("ParsePeriod(%q) = %v..%v, want %v..%v", tt.in, got.From, got.To, tt.want.From, tt.want.To)
		}
	}
	// The Action Month includes the whole of 15 December in Vietnam, and not 14 November.
	am := ActionMonth(2025)
	for _, c := range []struct {
		t    time.Time
		want bool
	}{
		{time.Date(2025, 12, 15, 23, 59, 0, 0, ict), true},
		{time.Date(2025, 11, 15, 0, 0, 0, 0, ict), true},
		{time.Date(2025, 11, 14, 23, 59, 0, 0, ict), false},
		{time.Date(2025, 12, 15, 17, 30, 0, 0, time.UTC), false}, // 00:30 on 16/12 in Hanoi
	} {
		if got := am.Contains(c.t); got != c.want {
			t.Errorf("ActionMonth(2025).Contains(%v) = %v, want %v", c.t, got, c.want)
		}
	}
}

func TestPeriodEnded(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, Vietnam())
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tt := range []struct {
		name string
		p    Period
		t    time.Time
		want bool
	}{
		{"year not begun", Year(2026), at("2025-12-31 23:59"), false},
		{"year running", Year(2025), at("2025-11-20 14:05"), false},
		{"last minute of the year", Year(2025), at("2025-12-31 23:59"), false},
		{"year over", Year(2025), at("2026-01-01 00:00"), true},
		{"action month running", ActionMonth(2025), at("2025-12-15 23:00"), false},
		{"action month over", ActionMonth(2025), at("2025-12-16 00:00"), true},
		{"all time", Period{}, at("2030-01-01 00:00"), false},
	} {
		if got := tt.p.Ended(tt.t); got != tt.want {
			t.Errorf("%s: Ended = %v, want %v", tt.name, got, tt.want)
		}
	}
}
