package scorer

// Given names that are near-certain of one sex: at least 100 bearers and at
// least 99 percent of one sex among the 63,774 labelled names of
// ../shared/names/given_name_gender_counts.csv (derived counts are facts;
// regenerate with the same thresholds when that file changes). Names shared
// by both sexes (Anh, Linh, Minh, Ngọc, Sơn at 98%) are deliberately absent:
// a given name alone is weak evidence, so the table decides only when the
// text gives no honorific, middle name or pronoun.

const femaleGivenNames = `diễm huyền hằng lan loan my nguyệt nhung trâm tuyết yến`

const maleGivenNames = `công cường dũng hùng khải phong phát trường tuấn vũ`
