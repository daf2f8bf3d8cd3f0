package shelf

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test when f takes more than a few seconds: a read that
// blocks on a FIFO or never ends on a device.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still going after 5 s", what)
	}
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenTakesCalendarDaysAndLinkedFolders(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"2024-02-29", "2024-02-30", "2023-02-29", "2024-13-01"} {
		write(t, filepath.Join(dir, d, "01.txt"), []byte("第1版"))
	}
	elsewhere := filepath.Join(t.TempDir(), "2024-03-01")
	write(t, filepath.Join(elsewhere, "01.txt"), []byte("第1版"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "2024-03-01")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "2024-03-02")); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Entries {
		got = append(got, e.Date)
	}
	if want := "2024-03-01 2024-02-29"; strings.Join(got, " ") != want {
		t.Errorf("days %v, want %s", got, want)
	}
}

// A FIFO or a link to /dev/zero among the pages of an issue is refused by
// its kind at once; the other pages are read. An issue of nothing else
// says why no page could be read.
func TestLoadIssueRefusesFIFOsAndDevices(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "03.txt"), corpusPage(t, "dev/d01.txt"))
	mkfifo(t, filepath.Join(dir, "04.txt"))
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "05.txt")); err != nil {
		t.Fatal(err)
	}
	within(t, "LoadIssue", func() {
		is, errs, err := LoadIssue(dir)
		if err != nil || len(is.Pages) != 1 {
			t.Fatalf("LoadIssue = %v, %v; want the one page", is, err)
		}
		if len(errs) != 2 || !strings.Contains(errs[0].Error(), "04.txt: a FIFO") || !strings.Contains(errs[1].Error(), "05.txt: a character device") {
			t.Errorf("errs = %v, want the FIFO and the device named", errs)
		}
	})
	only := t.TempDir()
	mkfifo(t, filepath.Join(only, "01.txt"))
	within(t, "LoadIssue of a FIFO", func() {
		_, _, err := LoadIssue(only)
		if err == nil || !strings.Contains(err.Error(), filepath.Join(only, "01.txt")+": a FIFO") {
			t.Errorf("err = %v, want the reason no page could be read", err)
		}
	})
}

func TestReadFilesSaysWhyAPageIsTooLarge(t *testing.T) {
	page := filepath.Join(t.TempDir(), "01.txt")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxPageSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, errs := ReadFiles([]string{page})
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "too large: 16 MB, more than the 16 MB allowed") {
		t.Errorf("errs = %v", errs)
	}
}

// A state file changed under a running reader — to one of a newer dubao,
// or cut short — is set aside with a warning when the next mark is saved,
// never written over.
func TestStateReplacedUnderAReaderIsSetAside(t *testing.T) {
	for name, content := range map[string]string{
		"a newer version": `{"version": 2, "issues": {"2024-03-13": {"read": {"a": 1}}}, "more": true}`,
		"cut short":       `{"version": 1, "issues": {"2024-03-13": {"read": {"a"`,
	} {
		t.Run(name, func(t *testing.T) {
			st := NewStore(t.TempDir())
			if err := st.Update(MarkRead("2024-03-13", "old", time.Unix(100, 0))); err != nil {
				t.Fatal(err)
			}
			if _, err := st.Load(); err != nil {
				t.Fatal(err)
			}
			write(t, st.Path(), []byte(content)) // from outside, while the reader runs
			err := st.Update(MarkRead("2024-03-13", "new", time.Unix(200, 0)))
			var w *Warning
			if !errors.As(err, &w) || !strings.HasPrefix(w.Error(), "saving state: could not be read, set aside as state.json.unread-") {
				t.Fatalf("Update = %v, want a warning that the file was set aside", err)
			}
			aside, _ := filepath.Glob(st.Path() + ".unread-*")
			if len(aside) != 1 {
				t.Fatalf("set aside: %v", aside)
			}
			if b, _ := os.ReadFile(aside[0]); string(b) != content {
				t.Errorf("set aside %q, want the file as it was: %q", b, content)
			}
			s, err := st.Load()
			if err != nil || s.Issue("2024-03-13").Read["new"] != 200 {
				t.Errorf("then the state %+v, %v: want the new mark", s.Issues["2024-03-13"], err)
			}
		})
	}
}

// A state file that is a FIFO neither hangs the start nor is written
// over: Load warns at once, the next save sets it aside.
func TestStateFIFO(t *testing.T) {
	st := NewStore(t.TempDir())
	mkfifo(t, st.Path())
	within(t, "Load", func() {
		s, err := st.Load()
		var w *Warning
		if !errors.As(err, &w) || !strings.Contains(w.Error(), "a FIFO") || s == nil {
			t.Errorf("Load = %v, %v; want an empty state and a warning naming the FIFO", s, err)
		}
	})
	within(t, "Update", func() {
		if err := st.Update(MarkRead("i", "a", time.Now())); err != nil {
			t.Errorf("Update after Load set it aside: %v", err)
		}
	})
	if s, err := st.Load(); err != nil || len(s.Issue("i").Read) != 1 {
		t.Errorf("then %v, %v", s, err)
	}
}

// A state file that cannot be set aside is not written over.
func TestStateNotSetAsideIsNotWritten(t *testing.T) {
	if os.Getuid() == 0 {
		t.Skip("root may rename in a read-only folder")
	}
	dir := t.TempDir()
	st := NewStore(dir)
	write(t, st.Path(), []byte("{damaged"))
	if err := os.WriteFile(st.Path()+".lock", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := st.Update(MarkRead("i", "a", time.Now())); err == nil || isWarning(err) {
		t.Errorf("Update = %v, want an error", err)
	}
	if b, _ := os.ReadFile(st.Path()); string(b) != "{damaged" {
		t.Errorf("the file is now %q", b)
	}
}

// The temporary files of writers killed half-way are removed by the next
// write.
func TestStaleTempsRemoved(t *testing.T) {
	if !lockExcludes {
		t.Skip("only old temporary files are removed without a lock")
	}
	st := NewStore(t.TempDir())
	for _, n := range []string{".state-1.tmp", ".state-2.tmp"} {
		write(t, filepath.Join(filepath.Dir(st.Path()), n), []byte("{"))
	}
	if err := st.Update(MarkRead("i", "a", time.Now())); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(st.Path()), ".state-*.tmp")); len(left) != 0 {
		t.Errorf("left: %v", left)
	}
}

// A cache entry that is not a regular file, or is too large to be one
// dubao wrote, is a miss: the folder or file is parsed again, never waited
// on or read without end, and the entry — dubao's own, under a name it
// gives — is replaced by rename with what was parsed. A folder there is
// left alone (rename refuses it), and the pages are still given.
func TestCacheEntriesThatAreNotFilesAreMisses(t *testing.T) {
	dir := issueDir(t)
	want := parsedAfresh(t, dir)
	paths, _ := PageFiles(dir)
	for _, plant := range []string{"fifo", "huge", "folder"} {
		t.Run(plant, func(t *testing.T) {
			c := NewCache(t.TempDir(), TextParser())
			sumPath := c.summaryPath(dir)
			b, _ := os.ReadFile(paths[0])
			pagesPath := c.pagesPath(c.key(b))
			for _, p := range []string{sumPath, pagesPath} {
				switch plant {
				case "fifo":
					mkfifo(t, p)
				case "huge":
					os.MkdirAll(filepath.Dir(p), 0o755)
					f, err := os.Create(p)
					if err != nil {
						t.Fatal(err)
					}
					f.Truncate(MaxSummarySize + 1)
					f.Close()
				case "folder":
					if err := os.MkdirAll(filepath.Join(p, "x"), 0o755); err != nil {
						t.Fatal(err)
					}
				}
			}
			for pass := range 2 {
				var l, one *Loaded
				var sum Summary
				var err, oerr, serr error
				within(t, "loading with a "+plant+" in the cache", func() {
					l, err = c.LoadDir(dir)
					sum, serr = c.Count(dir)
					one, oerr = c.Load(paths[:1])
				})
				if err != nil || serr != nil || oerr != nil {
					t.Fatalf("pass %d: %v / %v / %v", pass, err, serr, oerr)
				}
				if issueJSON(t, l.Issue) != want || sum.Date != l.Issue.Date || len(one.Issue.Pages) == 0 {
					t.Fatalf("pass %d: another issue than the one parsed afresh", pass)
				}
				wantParsed := 3
				if pass == 1 && plant != "folder" {
					wantParsed = 0 // the entries were written over
				}
				if l.Parsed != wantParsed || one.Parsed != wantParsed/3 {
					t.Fatalf("pass %d: parsed %d and %d, want %d and %d", pass, l.Parsed, one.Parsed, wantParsed, wantParsed/3)
				}
			}
			for _, p := range []string{sumPath, pagesPath} {
				info, err := os.Stat(p)
				if err != nil {
					t.Fatal(err)
				}
				if plant == "folder" != info.IsDir() || !info.IsDir() && (!info.Mode().IsRegular() || info.Size() > MaxSummarySize) {
					t.Fatalf("%s: %v, %d bytes after loading", filepath.Base(p), info.Mode(), info.Size())
				}
			}
		})
	}
}
