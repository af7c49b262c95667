package scorer

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"genderlens/model"
	"genderlens/rules"
)

// Scoring returns the scoring numbers of the compiled rule set.
func (s *Scorer) Scoring() rules.Scoring { return s.set.Scoring }

// Method explains the content score of the compiled rule set in lang; see
// the package function Method.
func (s *Scorer) Method(lang string) []string { return Method(s.set.Scoring, lang) }

// Method explains how the content score is computed, in paragraphs for a
// reader (a report's methodology, an article page), in lang ("en" gives
// English, anything else Vietnamese). Every number in it comes from sc, so
// the text cannot drift from the formula scoreOf applies.
func Method(sc rules.Scoring, lang string) []string {
	en := lang == "en"
	num := func(v float64) string {
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if !en {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	var groups []string
	for _, g := range scoredGroups(sc) {
		w := num(sc.Groups[g])
		if len(groups) > 0 {
			groups = append(groups, fmt.Sprintf("%s %s (%s)", g, model.IndicatorLabel(g, lang), w))
			continue
		}
		weight := "trọng số"
		if en {
			weight = "weight"
		}
		groups = append(groups, fmt.Sprintf("%s %s (%s %s)", g, model.IndicatorLabel(g, lang), weight, w))
	}
	var penalties []string
	for _, sev := range model.Severities() {
		penalties = append(penalties, strings.ToLower(model.SeverityLabel(sev, lang))+" "+num(sc.Penalty[sev]))
	}
	// The example: three warnings (three appearance findings in the embedded rules).
	three := 3 * sc.Penalty[model.SeverityWarning]
	left := math.Round(100 * math.Exp2(-three/sc.HalfLife))
	offset := math.Round(100 * sc.MaxOffset)
	if en {
		return []string{
			"An article's content score (0-100) is the weighted geometric mean of the indicator groups that apply to it: " +
				strings.Join(groups, ", ") + ". " +
				"B1.2 applies to every article, B1.1 only when someone of known gender is quoted or named, B1.3 only to " +
				"gender-based violence stories. A group that does not apply is left out (it does not count as 100) " +
				"and the weights of the others are renormalised. With a geometric mean a very poor group pulls the " +
				"whole article down: good groups cannot make up for it.",
			"B1.1 starts from 100 × share / 0.5 (at most 100), where share = (women + 1) / (women + men + 2) among the sources " +
				"quoted (or the people named when nobody is quoted); B1.2 and B1.3 start from 100. Each problem adds " +
				"penalty points by severity: " + strings.Join(penalties, ", ") + ". A group scores its start × " +
				"2^(-points / " + num(sc.HalfLife) + "): every " + num(sc.HalfLife) + " penalty points halve it, so every " +
				"problem costs something, each costs less than the one before, and no score goes below 0. For example, " +
				"three warnings (" + num(three) + " points) leave a group at " + num(left) + ". A problem " +
				"in a group that does not apply to the article counts in B1.2. Each positive signal gives back " +
				num(sc.Bonus) + " penalty points to its own group, at most " + num(offset) + "% of the group's points: " +
				"a positive signal never cancels a problem, adds nothing to a group without problems, and is never " +
				"counted as a problem.",
		}
	}
	return []string{
		"Điểm nội dung (0-100) của một bài là trung bình nhân có trọng số của các nhóm chỉ số áp dụng cho bài: " +
			strings.Join(groups, ", ") + ". " +
			"B1.2 áp dụng cho mọi bài, B1.1 chỉ khi bài có người được trích dẫn hoặc nhắc đến mà xác định được giới, " +
			"B1.3 chỉ cho tin về bạo lực trên cơ sở giới. Nhóm không áp dụng được bỏ ra (không tính là 100 điểm) và " +
			"trọng số được chia lại cho các nhóm còn lại. Với trung bình nhân, một nhóm rất kém kéo cả bài xuống: " +
			"các nhóm tốt không bù được.",
		"B1.1 bắt đầu từ 100 × tỷ lệ / 0,5 (tối đa 100), với tỷ lệ = (nữ + 1) / (nữ + nam + 2) trong số nguồn được trích " +
			"dẫn (hoặc người được nhắc đến khi không có trích dẫn); B1.2 và B1.3 bắt đầu từ 100. Mỗi vấn đề cộng điểm " +
			"phạt theo mức độ: " + strings.Join(penalties, ", ") + ". Điểm của nhóm bằng điểm ban đầu × 2^(-điểm phạt / " +
			num(sc.HalfLife) + "): cứ " + num(sc.HalfLife) + " điểm phạt thì điểm nhóm giảm một nửa, nên vấn đề nào " +
			"cũng bị trừ điểm, vấn đề sau trừ ít hơn vấn đề trước và điểm không bao giờ dưới 0. Ví dụ: ba vấn đề mức " +
			"cảnh báo (" + num(three) + " điểm phạt) đưa điểm nhóm xuống còn " + num(left) + ". Vấn đề " +
			"thuộc nhóm không áp dụng cho bài được tính vào B1.2. Mỗi dấu hiệu tích cực trả lại " + num(sc.Bonus) +
			" điểm phạt cho nhóm của nó, tối đa " + num(offset) + "% số điểm phạt của nhóm: dấu hiệu tích cực không " +
			"xoá được vấn đề, không cộng điểm cho nhóm không có vấn đề và không bao giờ được tính là vấn đề.",
	}
}

// scoredGroups lists the weighted groups: the indicator set's in display
// order, then any other in name order.
func scoredGroups(sc rules.Scoring) []string {
	var out []string
	for _, g := range model.IndicatorGroups() {
		if _, ok := sc.Groups[g]; ok {
			out = append(out, g)
		}
	}
	for _, g := range slices.Sorted(mapKeys(sc.Groups)) {
		if !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// Rules returns the rules the scorer checks, in the rule set's order; callers must not modify them.
func (s *Scorer) Rules() []rules.Rule { return s.set.Rules }
