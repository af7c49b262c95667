package demo

import (
	"fmt"

	"genderlens/adoption"
)

// ProcessEvidence is fictional process evidence for the demo outlets in a year, so that the demo district shows
// outlets at different levels: the newspaper pilots the indicator set, the district portal applies it officially,
// and the radio station has not started.
func ProcessEvidence(year int) []adoption.Evidence {
	share := func(f float64) *float64 { return &f }
	return []adoption.Evidence{
		{
			Outlet: "baohotay", Year: year,
			Decision:    &adoption.DocumentRef{Ref: "Quyết định 15/QĐ-BHT về áp dụng thí điểm Bộ chỉ số về giới", Date: fmt.Sprintf("%d-02-10", year)},
			FocalPerson: "Đỗ Thu Hằng, Phó Tổng biên tập",
			Note:        "Dữ liệu minh hoạ cho bản demo.",
			RecordedBy:  "demo",
		},
		{
			Outlet: "hoasen", Year: year,
			Decision:             &adoption.DocumentRef{Ref: "Kế hoạch 08/KH-UBND áp dụng Bộ chỉ số về giới trong truyền thông", Date: fmt.Sprintf("%d-01-20", year)},
			FocalPerson:          "Lê Minh Châu, Trưởng Phòng Văn hóa - Thông tin",
			SelfAssessment:       &adoption.DocumentRef{Ref: "Phiếu tự đánh giá theo mẫu của Bộ TT&TT", Date: fmt.Sprintf("%d-10-05", year)},
			ReportSent:           fmt.Sprintf("%d-11-10", year),
			StaffTrainedShare:    share(0.6),
			WomenLeadershipShare: share(0.4),
			Note:                 "Dữ liệu minh hoạ cho bản demo.",
			RecordedBy:           "demo",
		},
	}
}
