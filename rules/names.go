package rules

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
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
	names   []string         // folded, sorted
	index   map[string]int32 // folded name -> position in names
	genders []string
	// counts are the bearers (male, female) of counted names, for evidence
	// that combines two names (see Counts).
	counts [][2]int
	// minShare is the share of one sex that decides (1 for listed tables).
	minShare float64
}

// Counts returns the bearers of a counted name, male and female, and
// whether the table counts it.
func (t *NameTable) Counts(name string) (male, female int, ok bool) {
	if t == nil {
		return 0, 0, false
	}
	return t.CountsKey(vntext.FoldString(name))
}

// CountsKey is Counts for a name already folded (vntext.FoldString).
func (t *NameTable) CountsKey(key string) (male, female int, ok bool) {
	if t == nil {
		return 0, 0, false
	}
	if i, found := t.index[key]; found && t.counts[i] != [2]int{} {
		return t.counts[i][0], t.counts[i][1], true
	}
	return 0, 0, false
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
	return len(t.names)
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
	if i, ok := t.index[key]; ok {
		return t.genders[i]
	}
	return ""
}

// minKnown is the fewest bearers that make a counted name known.
const minKnown = 5

// parseNameTable reads a table; see NameTable for the two layouts. Names
// that fold alike (hoà, hòa) are one name: their counts add up, and listed
// genders that disagree decide nothing.
func parseNameTable(r io.Reader, minCount int, minShare float64) (*NameTable, error) {
	type counts struct{ male, female int }
	listed := map[string]string{}
	counted := map[string]*counts{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		cols := strings.Split(s, "\t")
		name := vntext.FoldString(cols[0])
		switch len(cols) {
		case 2:
			if cols[1] != Female && cols[1] != Male {
				return nil, fmt.Errorf("line %d: gender %q is not female or male", line, cols[1])
			}
			if g, ok := listed[name]; ok && g != cols[1] {
				listed[name] = ""
			} else {
				listed[name] = cols[1]
			}
		case 3:
			m, err1 := strconv.Atoi(cols[1])
			f, err2 := strconv.Atoi(cols[2])
			if err1 != nil || err2 != nil || m < 0 || f < 0 {
				return nil, fmt.Errorf("line %d: want name, bearers male, bearers female", line)
			}
			c := counted[name]
			if c == nil {
				c = &counts{}
				counted[name] = c
			}
			c.male += m
			c.female += f
		default:
			return nil, fmt.Errorf("line %d: want 2 or 3 tab-separated columns, got %d", line, len(cols))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read name table: %w", err)
	}
	for name, c := range counted {
		n, g := c.male+c.female, ""
		if n < minKnown {
			continue // too rare to be known as a name at all
		}
		switch {
		case n < max(1, minCount):
		case float64(c.female) >= minShare*float64(n) && c.female > c.male:
			g = Female
		case float64(c.male) >= minShare*float64(n) && c.male > c.female:
			g = Male
		}
		if old, ok := listed[name]; ok && old != g {
			g = ""
		}
		listed[name] = g
	}
	t := &NameTable{names: make([]string, 0, len(listed)), genders: make([]string, 0, len(listed)),
		counts: make([][2]int, 0, len(listed)), minShare: minShare}
	if minShare <= 0 {
		t.minShare = 1
	}
	t.index = make(map[string]int32, len(listed))
	for _, name := range slices.Sorted(maps.Keys(listed)) {
		t.index[name] = int32(len(t.names))
		t.names = append(t.names, name)
		t.genders = append(t.genders, listed[name])
		var c [2]int
		if n := counted[name]; n != nil {
			c = [2]int{n.male, n.female}
		}
		t.counts = append(t.counts, c)
	}
	return t, nil
}
