package parse

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/dubaoreader/dubao/model"
)

// TestResultsOwnTheirMemory parses pages of every kind one after another
// and at once, keeping each result, and only then writes them out: a
// result that shares memory the parse keeps from page to page (the pooled
// rooms of lines, pieces and paragraph texts) would by then hold a later
// page's text.
func TestResultsOwnTheirMemory(t *testing.T) {
	names := []string{"seed/000_5477695c32189c33.txt", "dev/d01.txt", "dev-miner/d01.txt", "dev/d02.txt", "dev-miner/d02.txt"}
	var datas [][]byte
	for _, n := range names {
		datas = append(datas, readCorpus(t, n))
	}
	pagesJSON := func(ps []*model.Page) string {
		var s string
		for _, p := range ps {
			b, err := json.Marshal(p.JSON())
			if err != nil {
				t.Fatal(err)
			}
			s += string(b)
		}
		return s
	}
	want := make([]string, len(names)) // each page written out at once
	for i, d := range datas {
		ps, err := Pages(d)
		if err != nil {
			t.Fatalf("%s: %v", names[i], err)
		}
		want[i] = pagesJSON(ps)
	}
	// One after another, then all at once, each kept until the end.
	kept := make([][]*model.Page, 0, 3*len(names))
	for range 2 {
		for _, d := range datas {
			ps, _ := Pages(d)
			kept = append(kept, ps)
		}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	at := len(kept)
	kept = append(kept, make([][]*model.Page, len(names))...)
	for i, d := range datas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ps, _ := Pages(d)
			mu.Lock()
			kept[at+i] = ps
			mu.Unlock()
		}()
	}
	wg.Wait()
	for k, ps := range kept {
		i := k % len(names)
		if got := pagesJSON(ps); got != want[i] {
			t.Errorf("%s (parse %d): kept result changed after later parses", names[i], k)
		}
	}
}
