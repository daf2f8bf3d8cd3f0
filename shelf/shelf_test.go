package shelf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// corpusPage reads a page of the corpus the parser's tests keep.
func corpusPage(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "parse", "testdata", "corpus", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenListsDatedIssuesNewestFirst(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2024-03-12", "20240313", "2024_03_11-晋中日报", "notes", "2024-13-40"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, filepath.Join(dir, "2024-03-14"), []byte("a file, not a folder"))
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Date)
	}
	if want := "2024-03-13 2024-03-12 2024-03-11"; strings.Join(got, " ") != want {
		t.Fatalf("entries %v, want %s", got, want)
	}
	if e, ok := s.Find("20240312"); !ok || filepath.Base(e.Dir) != "2024-03-12" {
		t.Errorf("Find(20240312) = %v, %v", e, ok)
	}
	if _, ok := s.Find("2024-03-01"); ok {
		t.Error("found a date not on the shelf")
	}
}

func TestOpenMissingShelf(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "nowhere"))
	if !errors.Is(err, ErrNoShelf) {
		t.Fatalf("err = %v, want ErrNoShelf", err)
	}
}

func TestLoadIssueReadsPageFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "11.txt"), corpusPage(t, "dev/d04.txt"))
	write(t, filepath.Join(dir, "03.txt"), corpusPage(t, "dev/d01.txt"))
	write(t, filepath.Join(dir, "d01.pdf"), []byte("%PDF-1.4 not read"))
	write(t, filepath.Join(dir, ".hidden"), []byte("not read"))
	write(t, filepath.Join(dir, "broken.txt"), []byte{0, 1, 2, 0, 0, 0, 0xff, 0})
	is, errs, err := LoadIssue(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(is.Pages) != 2 || is.Pages[0].Number != 3 || is.Pages[1].Number != 11 {
		t.Fatalf("pages %d", len(is.Pages))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "broken.txt") {
		t.Errorf("errs = %v, want one about broken.txt", errs)
	}
}

func TestStateRoundTrip(t *testing.T) {
	st := NewStore(t.TempDir())
	s, err := st.Load()
	if err != nil || len(s.Issues) != 0 {
		t.Fatalf("fresh state: %v, %v", s, err)
	}
	at := time.Unix(1710300000, 0)
	if err := st.Update(MarkRead("2024-03-13", "a1", at)); err != nil {
		t.Fatal(err)
	}
	if err := st.Update(SetPosition("2024-03-13", Position{Story: "a1", Para: 3, Offset: 42, At: at.Unix()})); err != nil {
		t.Fatal(err)
	}
	s, err = st.Load()
	if err != nil {
		t.Fatal(err)
	}
	is := s.Issue("2024-03-13")
	if is.Read["a1"] != at.Unix() || is.Position == nil || is.Position.Para != 3 || is.Position.Offset != 42 {
		t.Fatalf("state after round trip: %+v %+v", is, is.Position)
	}
	// No temporary files are left beside the state.
	ents, _ := os.ReadDir(filepath.Dir(st.Path()))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestCorruptStateIsSetAside(t *testing.T) {
	for name, content := range map[string]string{
		"not json":            "{\"issues\": {",
		"binary":              "\x00\x01\x02",
		"from a newer dubao":  `{"version": 99, "issues": {}}`,
		"wrong shape of json": `{"issues": [1, 2, 3]}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			st := NewStore(dir)
			write(t, st.Path(), []byte(content))
			s, err := st.Load()
			var w *Warning
			if !errors.As(err, &w) {
				t.Fatalf("err = %v, want a *Warning", err)
			}
			if !strings.HasPrefix(w.Error(), "reading state: could not be read, set aside as state.json.unread-") {
				t.Errorf("the warning %q does not say first what happened", w)
			}
			if s == nil || len(s.Issues) != 0 {
				t.Fatalf("state = %+v, want empty", s)
			}
			if _, err := os.Stat(st.Path()); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the corrupt file is still in place: %v", err)
			}
			aside, _ := filepath.Glob(st.Path() + ".unread-*")
			if len(aside) != 1 {
				t.Errorf("set aside: %v", aside)
			}
			// Reading goes on: the next write makes a good file.
			if err := st.Update(MarkRead("x", "y", time.Now())); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Load(); err != nil {
				t.Errorf("after a fresh write: %v", err)
			}
		})
	}
}

func TestTwoWritersLoseNoMarks(t *testing.T) {
	dir := t.TempDir()
	const each = 40
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := NewStore(dir) // each reader has its own store, as two processes would
			for i := range each {
				if err := st.Update(MarkRead("2024-03-13", fmt.Sprintf("w%d-%d", w, i), time.Now())); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	s, err := NewStore(dir).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(s.Issue("2024-03-13").Read); got != 2*each {
		t.Fatalf("%d marks survive, want %d", got, 2*each)
	}
}

func TestNewerPositionWins(t *testing.T) {
	st := NewStore(t.TempDir())
	st.Update(SetPosition("i", Position{Story: "new", At: 200}))
	st.Update(SetPosition("i", Position{Story: "old", At: 100}))
	s, _ := st.Load()
	if p := s.Issue("i").Position; p.Story != "new" {
		t.Errorf("position %q, want the newer one", p.Story)
	}
}

func TestStateDir(t *testing.T) {
	if got := StateDir("/x/state", "/home/u"); got != "/x/state/dubao" {
		t.Error(got)
	}
	if got := StateDir("relative", "/home/u"); got != "/home/u/.local/state/dubao" {
		t.Error(got)
	}
	if got := StateDir("", ""); got != "" {
		t.Error(got)
	}
}

// Two papers of one day are two issues, each with its paper's name and
// its own key; the first of the day may find its state under the date
// alone, as dubao kept it before it told papers apart.
func TestTwoPapersOnADay(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"20190222-晋中日报", "20190222-人民日报", "2019-02-21", "20190223_人民日报"} {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Key()+"|"+e.Legacy)
	}
	want := "2019-02-23/人民日报|2019-02-23 2019-02-22/人民日报|2019-02-22 2019-02-22/晋中日报| 2019-02-21|"
	if strings.Join(got, " ") != want {
		t.Fatalf("entries %q, want %q", strings.Join(got, " "), want)
	}
	for key, folder := range map[string]string{
		"2019-02-22/晋中日报": "20190222-晋中日报",
		"20190222-晋中日报":   "20190222-晋中日报",
		"2019-02-22":      "20190222-人民日报",
		"20190222晋中日报":    "20190222-晋中日报",
		"2019-02-21":      "2019-02-21",
	} {
		if e, ok := s.Find(key); !ok || filepath.Base(e.Dir) != folder {
			t.Errorf("Find(%s) = %v, %v; want %s", key, e.Dir, ok, folder)
		}
	}
	st := &State{Issues: map[string]*IssueState{
		"2019-02-22":      {Read: map[string]int64{"a": 1, "b": 5}, Position: &Position{Story: "a", At: 10}},
		"2019-02-22/人民日报": {Read: map[string]int64{"b": 7, "c": 8}, Position: &Position{Story: "c", At: 5}},
	}}
	is := st.Lookup("2019-02-22/人民日报", "2019-02-22")
	if len(is.Read) != 3 || is.Read["b"] != 7 || is.Position.Story != "a" {
		t.Fatalf("merged %+v %+v", is.Read, is.Position)
	}
	if is := st.Lookup("2019-02-22/晋中日报", ""); is != nil {
		t.Fatalf("the other paper has the first one's state: %+v", is)
	}
}
