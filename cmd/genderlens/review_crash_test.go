package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"genderlens/internal/wait"
)

// TestReviewSurvivesKill9 kills serve with SIGKILL while officers record corrections, twice, and checks after each
// restart that every correction the server acknowledged (201) is in the article's history, in order, and still
// decides the article's figures.
func TestReviewSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the review kill -9 test (it runs serve as a process over a demo crawl, three times)")
	}
	cfgPath, _, want := demoConfig(t, context.Background())
	total := 0
	for _, n := range want {
		total += n
	}
	const token = "officer-token-for-the-crash-test"
	addr := freeAddr(t)
	start := func(extra string) (*exec.Cmd, *syncBuffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		var logs syncBuffer
		cmd.Stdout, cmd.Stderr = &logs, &logs
		cmd.Env = append(os.Environ(), "GENDERLENS_RUN_MAIN=1", "GENDERLENS_API_TOKEN="+token,
			"GENDERLENS_ARGS=serve --config "+cfgPath+" --listen "+addr+" "+extra)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		wait.For(t, 90*time.Second, func() error {
			var h struct {
				Articles int `json:"articles"`
			}
			if err := getJSON("http://"+addr+"/healthz", &h); err != nil || h.Articles != total {
				return fmt.Errorf("serve not ready (%v, %d of %d articles); log:\n%s", err, h.Articles, total, logs.String())
			}
			return nil
		})
		return cmd, &logs
	}
	cmd, _ := start("")
	var list struct {
		Articles []struct {
			URL string `json:"url"`
		} `json:"articles"`
	}
	if err := getJSON("http://"+addr+"/api/articles?size=20", &list); err != nil || len(list.Articles) < 8 {
		t.Fatalf("articles: %v %d", err, len(list.Articles))
	}
	var urls []string
	for _, a := range list.Articles[:8] {
		urls = append(urls, a.URL)
	}

	// acked[url] lists the ids of the corrections acknowledged for it, in the order acknowledged.
	acked := map[string][]int{}
	var mu sync.Mutex
	post := func(u string, i int) (int, bool) {
		kinds := []string{`{"kind":"out_of_scope","scope":"duplicate","reason":"lần %d"}`, `{"kind":"in_scope","reason":"lần %d"}`}
		body := fmt.Sprintf(kinds[i%2], i)
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/review?url="+url.QueryEscape(u), bytes.NewBufferString(body))
		req.Header.Set("Authorization", "Bearer "+token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, false
		}
		defer res.Body.Close()
		var out struct {
			Correction struct {
				ID int `json:"id"`
			} `json:"correction"`
		}
		if res.StatusCode != http.StatusCreated || json.NewDecoder(res.Body).Decode(&out) != nil {
			return 0, false
		}
		return out.Correction.ID, true
	}
	for round := range 2 {
		var wg sync.WaitGroup
		var n int
		killed := make(chan struct{})
		var once sync.Once
		for w, u := range urls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; ; i++ {
					id, ok := post(u, i)
					if !ok {
						return // the server is gone
					}
					mu.Lock()
					acked[u] = append(acked[u], id)
					n++
					if n == 150 {
						once.Do(func() {
							cmd.Process.Signal(syscall.SIGKILL)
							close(killed)
						})
					}
					mu.Unlock()
				}
			}()
		}
		<-killed
		wg.Wait()
		_ = cmd.Wait()

		cmd, _ = start("--no-crawl")
		for _, u := range urls {
			var rv struct {
				History []struct {
					ID int `json:"id"`
				} `json:"history"`
				OutOfScope *struct {
					ID int `json:"id"`
				} `json:"out_of_scope"`
			}
			if err := getJSON("http://"+addr+"/api/review?url="+url.QueryEscape(u), &rv); err != nil {
				t.Fatal(err)
			}
			have := map[int]bool{}
			for i, c := range rv.History {
				have[c.ID] = true
				if i > 0 && c.ID <= rv.History[i-1].ID {
					t.Errorf("round %d: %s: history out of order at %d", round, u, c.ID)
				}
			}
			for _, id := range acked[u] {
				if !have[id] {
					t.Errorf("round %d: %s: acknowledged correction %d lost after kill -9", round, u, id)
				}
			}
			// The latest recorded correction decides the scope, acknowledged or not (one cut short is not there).
			last := rv.History[len(rv.History)-1].ID
			if oos := rv.OutOfScope != nil; oos && rv.OutOfScope.ID != last {
				t.Errorf("round %d: %s: out of scope by %d, but the latest correction is %d", round, u, rv.OutOfScope.ID, last)
			}
		}
		t.Logf("round %d: %d corrections acknowledged before and after the kill", round, n)
	}
}
