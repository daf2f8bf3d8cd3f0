package parse

import (
	"encoding/json"
	"fmt"
	"testing"
)

// TestIssueParsesFilesAtOnce parses a 24-page issue, its files at once:
// every page comes out as the file parsed alone gives it, under the file's
// name, and a file that does not parse is reported in the files' order,
// whichever goroutine finishes first.
func TestIssueParsesFilesAtOnce(t *testing.T) {
	names := []string{"dev/d01.txt", "dev/d02.txt", "dev/d03.txt", "dev/d04.txt", "dev/d05.txt", "dev/d06.txt"}
	var files []File
	for i := range 24 {
		files = append(files, File{Name: fmt.Sprintf("%02d.txt", i+1), Data: readCorpus(t, names[i%len(names)])})
	}
	files[7].Data = []byte("   \n")
	files[15].Data = []byte("%PDF-1.4 not text")
	want := map[string]string{} // file name → its pages as JSON, parsed alone
	for _, f := range files {
		pages, err := Pages(f.Data)
		if err != nil {
			continue
		}
		for _, p := range pages {
			b, _ := json.Marshal(p.JSON())
			want[f.Name] += string(b)
		}
	}
	is, errs, err := Issue(files)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range is.Pages {
		b, _ := json.Marshal(p.JSON())
		got[p.Source] += string(b)
	}
	if len(got) != len(want) || len(is.Pages) != 22 {
		t.Fatalf("%d files' pages (%d pages), want %d files' (22 pages)", len(got), len(is.Pages), len(want))
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: the issue's page is not the page parsed alone", name)
		}
	}
	if len(errs) != 2 || errs[0].Error()[:6] != "08.txt" || errs[1].Error()[:6] != "16.txt" {
		t.Errorf("errors %v, want 08.txt's then 16.txt's", errs)
	}
}
