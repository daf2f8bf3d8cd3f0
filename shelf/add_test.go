package shelf

import (
	"os"
	"path/filepath"
	"testing"
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
