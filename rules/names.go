package rules

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"genderlens/vntext"
)

// NameTable maps given names to the sex nearly all their bearers have, and
// knows the names that are used for both. It is
// read from a tab-separated file in people/: either "name<TAB>female|male"
// lines, or "name<TAB>bearers male<TAB>bearers female" lines, of which only
// names with at least min_count bearers, min_share of one sex, are kept.
// Lines starting with # are comments (a licence notice).
type NameTable struct {
	// index maps a folded name to the sexes it is listed or counted as:
	// sexFemale, sexMale, or both, which decides nothing.
	index map[string]uint8
	// counts are the bearers (male, female) of the counted names the index
	// has, for evidence that combines two names (see CountsKey).
	counts map[string][2]int
	// minShare is the share of one sex that decides (1 for listed tables).
	minShare float64
}

// The sexes of a name in NameTable.index, bits that add up: a name listed
// as both decides nothing.
const (
	sexFemale uint8 = 1 << iota
	sexMale
	sexEither = sexFemale | sexMale
)

// CountsKey returns the bearers of a counted name already folded
// (vntext.FoldString), male and female, and whether the table counts it.
func (t *NameTable) CountsKey(key string) (male, female int, ok bool) {
	if t == nil {
		return 0, 0, false
	}
	c, ok := t.counts[key]
	return c[0], c[1], ok
}

// MinShare is the share of one sex at which the table decides.
func (t *NameTable) MinShare() float64 {
	if t == nil {
		return 1
	}
	return t.minShare
}

// Len is the number of names in the table, whether or not they decide a
// gender.
func (t *NameTable) Len() int {
	if t == nil {
		return 0
	}
	return len(t.index)
}

// Known reports whether name is in the table at all, as a name of either
// sex.
func (t *NameTable) Known(name string) bool {
	return t.KnownKey(vntext.FoldString(name))
}

// KnownKey is Known for a name already folded (vntext.FoldString).
func (t *NameTable) KnownKey(key string) bool {
	if t == nil {
		return false
	}
	_, ok := t.index[key]
	return ok
}

// Gender returns the sex of a given name ("" when the table does not decide
// it). The name is compared folded: any case, either tone placement.
func (t *NameTable) Gender(name string) string {
	return t.GenderKey(vntext.FoldString(name))
}

// GenderKey is Gender for a name already folded (vntext.FoldString): the
// scorer's tokens are, and folding them again would cost a copy each.
func (t *NameTable) GenderKey(key string) string {
	if t == nil {
		return ""
	}
	switch t.index[key] {
	case sexFemale:
		return Female
	case sexMale:
		return Male
	}
	return ""
}

// minKnown is the fewest bearers that make a counted name known.
const minKnown = 5

// parseNameTable reads a table; see NameTable for the two layouts. Names
// that fold alike (hoà, hòa) are one name: their counts add up, and listed
// genders that disagree decide nothing.
func parseNameTable(r io.Reader, minCount int, minShare float64) (*NameTable, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read name table: %w", err)
	}
	var b tableBuilder
	b.reserve(bytes.Count(data, []byte("\n")) + 1)
	if err := b.add(string(data)); err != nil {
		return nil, err
	}
	return b.build(minCount, minShare), nil
}

// tableBuilder gathers the lines of one or more table files. Listed names
// go straight into the table's index, which build then completes with the
// counted ones: start-up reads 66,000 listed names, and a second map of
// them, or a map grown from empty, cost more than the rest of the work.
type tableBuilder struct {
	index   map[string]uint8 // listed names -> their sexes
	counted map[string][2]int
	lines   int // the lines to come, to size the maps
}

// reserve sizes the builder for about lines more lines.
func (b *tableBuilder) reserve(lines int) { b.lines += lines }

// add reads one file's lines. A line costs no allocation unless its name
// needs folding (most world names are plain lower-case ASCII already), and
// a listed name one map update.
func (b *tableBuilder) add(data string) error {
	for line := 1; data != ""; line++ {
		var s string
		s, data, _ = strings.Cut(data, "\n")
		s = strings.TrimSpace(s)
		if s == "" || s[0] == '#' {
			continue
		}
		name, rest, _ := strings.Cut(s, "\t")
		name = foldName(name)
		c1, c2, three := strings.Cut(rest, "\t")
		switch {
		case rest == "":
			return fmt.Errorf("line %d: want 2 or 3 tab-separated columns, got 1", line)
		case !three:
			var sex uint8
			switch c1 {
			case Female:
				sex = sexFemale
			case Male:
				sex = sexMale
			default:
				return fmt.Errorf("line %d: gender %q is not female or male", line, c1)
			}
			if b.index == nil {
				b.index = make(map[string]uint8, b.lines)
			}
			b.index[name] |= sex
		default:
			if strings.Contains(c2, "\t") {
				return fmt.Errorf("line %d: want 2 or 3 tab-separated columns, got more", line)
			}
			m, err1 := strconv.Atoi(c1)
			f, err2 := strconv.Atoi(c2)
			if err1 != nil || err2 != nil || m < 0 || f < 0 {
				return fmt.Errorf("line %d: want name, bearers male, bearers female", line)
			}
			if b.counted == nil {
				b.counted = make(map[string][2]int, b.lines)
			}
			c := b.counted[name]
			b.counted[name] = [2]int{c[0] + m, c[1] + f}
		}
	}
	return nil
}

// drop leaves a name out of the table, whichever files listed it.
func (b *tableBuilder) drop(name string) {
	delete(b.index, name)
	delete(b.counted, name)
}

// foldName folds a table name, skipping the work for plain lower-case ASCII.
func foldName(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < 'a' || c > 'z' {
			if c != '-' && c != '\'' {
				return vntext.FoldString(name)
			}
		}
	}
	return name
}

// build decides each name's gender and indexes the table. A counted name
// is known with at least minKnown bearers; with minCount of them and
// minShare of one sex it decides that sex. A name both listed and counted
// decides only when the two agree.
func (b *tableBuilder) build(minCount int, minShare float64) *NameTable {
	t := &NameTable{index: b.index, counts: b.counted, minShare: minShare}
	if t.index == nil {
		t.index = make(map[string]uint8, len(b.counted))
	}
	if minShare <= 0 {
		t.minShare = 1
	}
	for name, c := range b.counted {
		n, sex := c[0]+c[1], sexEither
		if n < minKnown {
			delete(t.counts, name) // too rare to be known as a name at all
			continue
		}
		switch {
		case n < max(1, minCount):
		case float64(c[1]) >= minShare*float64(n) && c[1] > c[0]:
			sex = sexFemale
		case float64(c[0]) >= minShare*float64(n) && c[0] > c[1]:
			sex = sexMale
		}
		t.index[name] |= sex
	}
	return t
}
