package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"genderlens/model"
)

// Encoding a page of hits (twenty articles, their snippets, the facets) as JSON is most of what GET /api/articles
// costs once the store has the result cached. articleAnswers keeps the encoded answers by request for as long as the
// store's search generation (Store.SearchGeneration) is the same: the same request then has the same result, so the
// same bytes, but for took_ms, which is written afresh into every answer.

// maxArticleAnswers bounds the answers kept; the first answer of a newer generation drops all others.
const maxArticleAnswers = 256

// answerKey is a request of GET /api/articles as apiArticles normalised it, with the name of its period.
type answerKey struct {
	query, outlets, period, section, category, topic, rulesVersion string
	size, offset                                                   int
	facets                                                         bool
}

func answerKeyOf(req model.SearchRequest, period string) answerKey {
	return answerKey{query: req.Query, outlets: strings.Join(req.Outlets, "\x00"), period: period,
		section: req.Section, category: req.Category, topic: req.Topic, rulesVersion: req.RulesVersion,
		size: req.Size, offset: req.From, facets: req.Facets}
}

// encodedAnswer is an answer's JSON around the value of took_ms.
type encodedAnswer struct{ before, after []byte }

type articleAnswers struct {
	mu         sync.Mutex
	generation uint64
	answers    map[answerKey]encodedAnswer
}

func newArticleAnswers() *articleAnswers {
	return &articleAnswers{answers: map[answerKey]encodedAnswer{}}
}

func (a *articleAnswers) get(k answerKey, gen uint64) (encodedAnswer, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.generation != gen {
		return encodedAnswer{}, false
	}
	e, ok := a.answers[k]
	return e, ok
}

// put keeps the answer to k computed at generation gen, which the caller read before searching; the caller checks
// that the store's generation is still gen, so that no answer from before a write is kept after it.
func (a *articleAnswers) put(k answerKey, gen uint64, e encodedAnswer) {
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case gen < a.generation:
		return
	case gen > a.generation:
		clear(a.answers)
		a.generation = gen
	}
	if _, ok := a.answers[k]; !ok && len(a.answers) >= maxArticleAnswers {
		for old := range a.answers {
			delete(a.answers, old)
			break
		}
	}
	a.answers[k] = e
}

// tookPlaceholder stands for took_ms while an answer is encoded: a number no search takes, found once at the top
// level (inside a JSON string its quotes would be escaped).
const tookPlaceholder = `"took_ms":-1234567890123`

// encodeAnswer encodes v, a map holding "took_ms": -1234567890123, as writeJSON would, cut around that value.
func encodeAnswer(v map[string]any) (encodedAnswer, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		return encodedAnswer{}, err
	}
	b := buf.Bytes()
	i := bytes.Index(b, []byte(tookPlaceholder))
	if i < 0 {
		return encodedAnswer{}, errors.New("encode the answer: took_ms is missing")
	}
	key := len(`"took_ms":`)
	return encodedAnswer{before: bytes.Clone(b[:i+key]), after: bytes.Clone(b[i+len(tookPlaceholder):])}, nil
}

// write sends the answer with took_ms ms, as writeJSON sends a 200.
func (e encodedAnswer) write(w http.ResponseWriter, tookMS int64) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	var took [20]byte
	_, _ = w.Write(e.before)
	_, _ = w.Write(strconv.AppendInt(took[:0], tookMS, 10))
	_, _ = w.Write(e.after)
}
