package shelf

import (
	"runtime"

	"github.com/dubaoreader/dubao/model"
)

// A DayFound is one day of the shelf searched.
type DayFound struct {
	Entry  Entry
	Issue  *model.Issue // the day's issue when it has hits, else nil
	Hits   []model.Hit  // in reading order: what model.Index.Search finds in Issue
	Err    error        // the day could not be read
	Parsed int          // how many of its files were parsed, not found in the cache
}

// Search looks for query in the issues of entries and gives found each day
// in the order of entries (newest first, for a shelf's), as soon as it and
// the days before it are searched; found returns false to stop. The days
// are searched at once (after the first, which has every CPU to itself),
// as many as there are CPUs and a few ahead, each
// from its pages' folded text in the cache (model.SearchPage): only the
// days a few ahead are held at a time, and a day without hits is let go at
// once. It matches as the reader's search does.
func (c *Cache) Search(entries []Entry, query string, found func(DayFound) bool) {
	q := model.FoldQuery(query)
	if len(entries) == 0 {
		return
	}
	// The newest day first, alone, its files parsed at once if they must
	// be: the first results come as soon as they can.
	if !found(c.searchDay(entries[0], q, nil)) {
		return
	}
	entries = entries[1:]
	n := len(entries)
	workers := runtime.GOMAXPROCS(0)
	window := make(chan struct{}, 2*workers)
	results := make([]chan DayFound, n)
	for i := range results {
		results[i] = make(chan DayFound, 1)
	}
	stop := make(chan struct{})
	defer close(stop)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range n {
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	for range workers {
		go func() {
			var buf []byte
			for i := range next {
				results[i] <- c.searchDay(entries[i], q, &buf)
			}
		}()
	}
	for i := range n {
		day := <-results[i]
		<-window
		if !found(day) {
			return
		}
	}
}

// searchDay searches the issue of one day for the folded query q. A day
// whose pages are as the cache has them, and none of whose folded texts
// has q, is let go without its pages being made or its issue assembled,
// and the buffer its summary was read into (*buf, when buf is given) is
// kept for the next day's; else the day's pages keep it, and *buf is nil.
func (c *Cache) searchDay(e Entry, q string, buf *[]byte) DayFound {
	day := DayFound{Entry: e}
	paths, err := PageFiles(e.Dir)
	if err != nil {
		day.Err = err
		return day
	}
	var room []byte
	if buf != nil {
		room = *buf
	}
	sum, b := c.readSummaryInto(e.Dir, room)
	var sigs []fileSig
	if sum != nil {
		var same bool
		if sigs, same = sum.check(paths); same && !sum.mayHave(q, c.parser.Version) {
			if buf != nil {
				*buf = b
			}
			return day
		}
	}
	if buf != nil {
		*buf = nil // the day's pages share it
	}
	l, err := c.loadDir(e.Dir, paths, sum, sigs)
	if err != nil {
		day.Err = err
		return day
	}
	day.Parsed = l.Parsed
	for i, p := range l.Issue.Pages {
		day.Hits = append(day.Hits, model.SearchPage(p, i, l.Folded[i], q)...)
	}
	if len(day.Hits) > 0 {
		day.Issue = l.Issue
	}
	return day
}

// Between returns the entries from one date to another, both included;
// "" leaves that end open.
func (s *Shelf) Between(from, to string) []Entry {
	var out []Entry
	for _, e := range s.Entries {
		if (from == "" || e.Date >= from) && (to == "" || e.Date <= to) {
			out = append(out, e)
		}
	}
	return out
}
