// Package vntext normalises Vietnamese text for matching: NFC, a folded
// matching key that ignores case and tone-mark placement, diacritic folding
// for search, and syllable, word and sentence segmentation. Every derived
// string keeps a map back to the byte offsets of the input as given.
package vntext
