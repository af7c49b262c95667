package model

import "time"

// vietnam is fixed at UTC+7: Vietnam has kept no daylight saving time since 1975, so a fixed zone needs no tzdata
// in the container.
var vietnam = time.FixedZone("ICT", 7*3600)

// Vietnam is the time zone of every date genderlens reports: periods, publication dates without an offset, years.
func Vietnam() *time.Location { return vietnam }
