package server

import (
	"math"
	"testing"
	"time"

	"genderlens/adoption"
	"genderlens/model"
)

func TestTargetPath(t *testing.T) {
	hanoi := []adoption.Target{{Year: 2025, Level: adoption.Pilot, Share: 0.8}, {Year: 2030, Level: adoption.Official, Share: 1}}
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, model.Vietnam()) }
	tests := []struct {
		level      adoption.Level
		now        time.Time
		share, way float64
	}{
		{adoption.Pilot, at(2021, 6, 1), 0.8, 0},    // before the path starts
		{adoption.Pilot, at(2022, 1, 1), 0.8, 0},    // the path starts with the plan
		{adoption.Pilot, at(2024, 1, 1), 0.8, 0.4},  // half way through 2022-2025
		{adoption.Pilot, at(2026, 1, 1), 0.8, 0.8},  // reached at the end of 2025
		{adoption.Pilot, at(2027, 3, 1), 0.8, 0.8},  // and held after
		{adoption.Official, at(2025, 6, 1), 1, 0},   // starts after the pilot target's year
		{adoption.Official, at(2028, 7, 2), 1, 0.5}, // half way through 2026-2030
		{adoption.Official, at(2031, 1, 1), 1, 1},   // reached
	}
	for _, tt := range tests {
		share, way, ok := targetPath(hanoi, tt.level, tt.now)
		if !ok || share != tt.share || math.Abs(way-tt.way) > 0.002 {
			t.Errorf("targetPath(%s, %s) = %v, %v, %v; want %v, %v", tt.level, tt.now.Format("2006-01-02"), share, way, ok, tt.share, tt.way)
		}
	}
	if _, _, ok := targetPath([]adoption.Target{{Year: 2025, Level: adoption.Pilot, Share: 0.7}}, adoption.Official, at(2026, 1, 1)); ok {
		t.Error("a level without a target got a path")
	}
}
