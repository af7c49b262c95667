package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"genderlens/internal/jsonlog"
)

// Store keeps every correction ever recorded, in the order recorded, in one append-only file of JSON lines: a
// correction is never rewritten or removed, a later one supersedes it (its history stays). Each write is fsynced
// before it is acknowledged, so kill -9 loses nothing acknowledged; a torn last line was never acknowledged and is
// dropped.
type Store struct {
	now func() time.Time

	mu    sync.Mutex
	log   *jsonlog.Log // nil: memory only
	all   []Correction // by ID-1
	byURL map[string][]int
	// damaged is why the log could not be read to its end: the corrections before the damage are served, and writes
	// are refused so that nothing is appended after a line a person must repair first.
	damaged error
}

// ErrDamaged matches the error of a write to a store whose log is damaged.
var ErrDamaged = errors.New("the corrections log is damaged")

// OpenStore opens the store in path (created on the first write); an empty path keeps it in memory. The error is an
// I/O error. A line that is not a correction stops the reading there: the corrections before it are served, Damaged
// names the line, and writes are refused until a person repairs the file — the store is never silently shortened or
// rewritten.
func OpenStore(path string) (*Store, error) {
	s := &Store{now: time.Now, byURL: map[string][]int{}}
	if path == "" {
		return s, nil
	}
	l, lines, err := jsonlog.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open review store: %w", err)
	}
	s.log = l
	for i, line := range lines {
		var c Correction
		if err := json.Unmarshal(line, &c); err != nil {
			s.damaged = fmt.Errorf("read corrections %s: line %d: %w", path, i+1, err)
			break
		}
		if err := c.Validate(); err != nil {
			// Apply relies on every correction being valid: a hand-edited line is damage, not data.
			s.damaged = fmt.Errorf("read corrections %s: line %d: %w", path, i+1, err)
			break
		}
		if c.ID != len(s.all)+1 {
			s.damaged = fmt.Errorf("read corrections %s: line %d: correction %d where %d was expected", path, i+1,
				c.ID, len(s.all)+1)
			break
		}
		s.add(c)
	}
	return s, nil
}

// Damaged says why the log could not be read to its end, nil when it was.
func (s *Store) Damaged() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.damaged
}

// SetClock replaces the clock that dates corrections (tests).
func (s *Store) SetClock(now func() time.Time) { s.now = now }

func (s *Store) add(c Correction) {
	s.all = append(s.all, c)
	s.byURL[c.URL] = append(s.byURL[c.URL], len(s.all)-1)
}

// Record validates c, dates it, gives it the next ID and appends it; the returned correction is what was stored.
// Errors match ErrInvalid when c is invalid; any other error is a failed write and nothing was stored.
func (s *Store) Record(c Correction) (Correction, error) {
	if c.Kind == KindAddPerson && c.Gender == "" {
		c.Gender = "unknown"
	}
	if err := c.Validate(); err != nil {
		return Correction{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.damaged != nil {
		return Correction{}, fmt.Errorf("%w: %v", ErrDamaged, s.damaged)
	}
	if c.Kind == KindDecision {
		o, ok := s.objectionLocked(c.Objection)
		switch {
		case !ok:
			return Correction{}, invalidError{fmt.Sprintf("objection: no objection with id %d", c.Objection)}
		case o.URL != c.URL:
			return Correction{}, invalidError{fmt.Sprintf("objection: objection %d is on another article", c.Objection)}
		}
	}
	c.ID = len(s.all) + 1
	c.At = s.now().UTC().Truncate(time.Second)
	if s.log != nil {
		line, err := json.Marshal(c)
		if err != nil {
			return Correction{}, fmt.Errorf("encode correction: %w", err)
		}
		if err := s.log.Append(line); err != nil {
			return Correction{}, fmt.Errorf("save correction to %s: %w", s.log.Path(), err)
		}
	}
	s.add(c)
	return c, nil
}

func (s *Store) objectionLocked(id int) (Correction, bool) {
	if id < 1 || id > len(s.all) || s.all[id-1].Kind != KindObjection {
		return Correction{}, false
	}
	return s.all[id-1], true
}

// Article returns every correction of the article at url, oldest first.
func (s *Store) Article(url string) []Correction {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.byURL[url]
	out := make([]Correction, len(idx))
	for i, j := range idx {
		out[i] = s.all[j]
	}
	return out
}

// URLs lists the articles with at least one correction, sorted.
func (s *Store) URLs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.byURL))
}

// All returns every correction, oldest first.
func (s *Store) All() []Correction {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.all)
}

// Len is the number of corrections recorded.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.all)
}

// KindCounts counts the corrections recorded of each kind (the metrics), without copying the log.
func (s *Store) KindCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for _, c := range s.all {
		n[c.Kind]++
	}
	return n
}

// Objection is an objection with its decision, if any.
type Objection struct {
	Correction
	Decision *Correction `json:"decision"`
}

// Open reports whether the objection waits for a decision.
func (o Objection) Open() bool { return o.Decision == nil }

// Objections lists the objections, oldest first, each with its latest decision; outlet limits them to one outlet
// ("" for all).
func (s *Store) Objections(outlet string) []Objection {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Objection
	at := map[int]int{}
	for _, c := range s.all {
		switch c.Kind {
		case KindObjection:
			if outlet == "" || c.Outlet == outlet {
				at[c.ID] = len(out)
				out = append(out, Objection{Correction: c})
			}
		case KindDecision:
			if i, ok := at[c.Objection]; ok {
				d := c
				out[i].Decision = &d
			}
		}
	}
	return out
}
