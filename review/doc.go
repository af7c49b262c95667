// Package review keeps what officers and editors say about the scorer's output: corrections of findings and people,
// articles marked out of scope or reviewed, and editors' objections with the officer's decision. It stores them
// append-only with their history, applies them to a stored article's result (anchored to its text: a correction made
// on other text is flagged for re-review, never applied), draws the random review sample of an outlet and period,
// and estimates from the reviewed sample how precise the scorer is.
package review
