package shelf

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestIssueFolder(t *testing.T) {
	cases := []struct{ date, paper, want string }{
		{"2024-03-13", "", "2024-03-13"},
		{"20240313", "晋中日报", "2024-03-13-晋中日报"},
		{"2024-03-13", "../../etc passwd", "2024-03-13-etc-passwd"},
		{"2024-03-13", "a\x1b[31mb", "2024-03-13-a31mb"},
	}
	for _, c := range cases {
		got, err := IssueFolder(c.date, c.paper)
		if err != nil || got != c.want {
			t.Errorf("IssueFolder(%q, %q) = %q, %v; want %q", c.date, c.paper, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "2024-13-01", "yesterday", "2024-03-13/../x"} {
		if _, err := IssueFolder(bad, ""); err == nil {
			t.Errorf("IssueFolder(%q) took a bad date", bad)
		}
	}
}

// TestAdd: files are filed into the day's folder, which the shelf then
// lists; the same file twice is kept once, another of the same name is
// written beside it and nothing is overwritten.
func TestAdd(t *testing.T) {
	dir := t.TempDir()
	folder, _ := IssueFolder("2024-03-13", "晋中日报")
	target, added, err := Add(dir, folder, map[string][]byte{"/x/01.pdf": []byte("one"), "/y/02.pdf": []byte("two")}, []string{"/x/01.pdf", "/y/02.pdf"})
	if err != nil || len(added) != 2 {
		t.Fatalf("Add: %v %v", added, err)
	}
	_, added, err = Add(dir, folder, map[string][]byte{"/z/01.pdf": []byte("one"), "/w/02.pdf": []byte("TWO")}, []string{"/z/01.pdf", "/w/02.pdf"})
	if err != nil || !added[0].Same || added[1].Same || added[1].Name != "02-2.pdf" {
		t.Fatalf("second Add: %+v %v", added, err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "02.pdf")); string(b) != "two" {
		t.Errorf("02.pdf overwritten: %q", b)
	}
	sh, err := Open(dir)
	if err != nil || len(sh.Entries) != 1 || sh.Entries[0].Date != "2024-03-13" {
		t.Fatalf("shelf after Add: %+v %v", sh, err)
	}
	files, err := PageFiles(target)
	if err != nil || len(files) != 3 {
		t.Errorf("PageFiles of a folder of PDFs: %v %v", files, err)
	}
}

// TestAddBesideWhatIsNotAFile: a FIFO, a folder or a longer file where a
// page would go is kept, not waited on or read whole, and the page is
// written beside it.
func TestAddBesideWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "2024-03-13")
	if err := os.MkdirAll(filepath.Join(target, "02.pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(target, "01.pdf"), 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(target, "03.pdf"), []byte("three and more"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var added []Added
	var err error
	go func() {
		defer close(done)
		_, added, err = Add(dir, "2024-03-13", map[string][]byte{"/x/01.pdf": []byte("one"), "/x/02.pdf": []byte("two"), "/x/03.pdf": []byte("three")},
			[]string{"/x/01.pdf", "/x/02.pdf", "/x/03.pdf"})
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Add waits on a FIFO of a page's name")
	}
	if err != nil || len(added) != 3 || added[0].Name != "01-2.pdf" || added[1].Name != "02-2.pdf" || added[2].Name != "03-2.pdf" {
		t.Fatalf("Add: %+v %v", added, err)
	}
}
