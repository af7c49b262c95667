// Package model is genderlens's vocabulary: the words every other package shares, declared once.
//
// Genders, people's roles, finding categories, topics, outlet kinds and their Vietnamese and English labels; the
// reporting period and Vietnam's time zone; counts and rates of the indicator set's figures and the aggregate that
// holds them, each share with its base, 95% Wilson interval and whether it reaches the minimum sample; the query
// types of the article store; and the definition of the text the scorer reads. It imports nothing of genderlens, so
// storage, scoring, reports, pages and metrics can all take their lists and labels from here and cannot disagree. A
// newcomer reads this package first.
package model
