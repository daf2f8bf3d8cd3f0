package shelf

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dubaoreader/dubao/internal/safefile"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dubaoreader/dubao/model"
	"github.com/dubaoreader/dubao/parse"
)

// fill sets every field of the value v points to, recursively, to
// something random: so that a field added to the model and forgotten by
// the cache's codec is seen.
func fill(rng *rand.Rand, v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(rng, v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).Name == "Source" {
				continue // set by parse.Assemble from the file's name, not kept
			}
			fill(rng, v.Field(i))
		}
	case reflect.Slice:
		n := 1 + rng.IntN(3)
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(rng, v.Index(i))
		}
	case reflect.String:
		v.SetString(string([]rune("报纸版面标题ab 1")[:1+rng.IntN(8)]))
	case reflect.Int:
		v.SetInt(int64(rng.IntN(2000) - 1000))
	case reflect.Float64:
		v.SetFloat(rng.Float64() * 800)
	default:
		panic("fill: a field of kind " + v.Kind().String() + " the codec test does not know")
	}
}

// Every field of a page, its articles and its geometry comes back from the
// cache's codec as it went in.
func TestCodecKeepsEveryField(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for range 50 {
		var pages []*model.Page
		fill(rng, reflect.ValueOf(&pages).Elem())
		folded := make([]string, len(pages))
		for i := range folded {
			folded[i] = fmt.Sprint("folded", i)
		}
		scrambled := rng.IntN(2) == 0
		b := encodePages("v", filePages{pages: pages, folded: folded, scrambled: scrambled})
		fp, err := decodePages(b, "v")
		if err != nil || fp.err != nil {
			t.Fatal(err, fp.err)
		}
		got, gotFolded := fp.pages, fp.folded
		if !reflect.DeepEqual(got, pages) || !slices.Equal(gotFolded, folded) || fp.scrambled != scrambled {
			a, _ := json.Marshal(pages)
			g, _ := json.Marshal(got)
			t.Fatalf("round trip\n got %s\nwant %s", g, a)
		}
		// Cut short or changed anywhere, it is damaged, never a panic.
		for range 20 {
			bad := slices.Clone(b)
			switch i := rng.IntN(len(b)); rng.IntN(2) {
			case 0:
				bad = bad[:i]
			default:
				bad[i] ^= byte(1 + rng.IntN(255))
			}
			if _, err := decodePages(bad, "v"); err == nil {
				t.Fatalf("a damaged file decoded")
			}
		}
		if _, err := decodePages(b, "w"); err == nil {
			t.Fatal("a file of another parser version decoded")
		}
	}
}

// issueDir writes a folder of three pages from the parser's corpus.
func issueDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "2024-03-13")
	for i, name := range []string{"seed/000_5477695c32189c33.txt", "dev/d01.txt", "dev/d02.txt"} {
		write(t, filepath.Join(dir, fmt.Sprintf("%02d.txt", i+1)), corpusPage(t, name))
	}
	return dir
}

// issueJSON is the issue's JSON, to compare issues by.
func issueJSON(t *testing.T, is *model.Issue) string {
	t.Helper()
	b, err := json.Marshal(is.JSON())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// parsedAfresh is the issue of dir parsed without any cache.
func parsedAfresh(t *testing.T, dir string) string {
	t.Helper()
	paths, _ := PageFiles(dir)
	files, _ := ReadFiles(paths)
	is, _, err := parse.Issue(files)
	if err != nil {
		t.Fatal(err)
	}
	return issueJSON(t, is)
}

func loadDir(t *testing.T, c *Cache, dir string) *Loaded {
	t.Helper()
	l, err := c.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The cache parses a file once: loaded again, an issue is the same as
// parsed afresh, with no file parsed; counted, it needs not even the
// files' bytes. Its folded texts are the pages'.
func TestCacheParsesOnce(t *testing.T) {
	dir := issueDir(t)
	c := NewCache(t.TempDir(), TextParser())
	want := parsedAfresh(t, dir)
	first := loadDir(t, c, dir)
	if first.Parsed != 3 || issueJSON(t, first.Issue) != want {
		t.Fatalf("first load: parsed %d files", first.Parsed)
	}
	again := loadDir(t, c, dir)
	if again.Parsed != 0 || issueJSON(t, again.Issue) != want {
		t.Fatalf("second load: parsed %d files, or another issue", again.Parsed)
	}
	for i, p := range again.Issue.Pages {
		if again.Folded[i] != model.FoldPage(p) {
			t.Fatalf("page %d: the folded text kept is not the page's", i)
		}
	}
	// Files given by path, not as a folder, are kept each on its own.
	paths, _ := PageFiles(dir)
	for i, want := range []int{3, 0} {
		l, err := c.Load(paths[1:])
		if err != nil || l.Parsed != want*2/3 {
			t.Fatalf("Load by paths, pass %d: parsed %d, want %d (%v)", i, l.Parsed, want, err)
		}
	}
	// Files already read (standard input) are kept by their bytes.
	b, _ := os.ReadFile(paths[0])
	for i, want := range []int{1, 0} {
		l, err := c.LoadFiles([]parse.File{{Name: "-", Data: b}})
		if err != nil || l.Parsed != want || l.Issue.Pages[0].Source != "-" {
			t.Fatalf("LoadFiles, pass %d: parsed %d, want %d (%v)", i, l.Parsed, want, err)
		}
	}
	c.Read = func(path string) ([]byte, error) { return nil, fmt.Errorf("read %s: not now", path) }
	sum, err := c.Count(dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Date != again.Issue.Date || len(sum.Stories) != len(again.Issue.Stories) || sum.Stories[0] != again.Issue.Stories[0].Key() {
		t.Fatalf("count %v", sum)
	}
}

// An edited page file, a new parser version and a damaged cache file are
// each parsed again, and the issue is the one parsed afresh.
func TestCacheInvalidation(t *testing.T) {
	dir := issueDir(t)
	cacheDir := t.TempDir()
	c := NewCache(cacheDir, TextParser())
	loadDir(t, c, dir)

	t.Run("a page file edited", func(t *testing.T) {
		page := filepath.Join(dir, "02.txt")
		b, _ := os.ReadFile(page)
		write(t, page, append(b, []byte("\n本报讯 一段新加的文字。\n")...))
		l := loadDir(t, c, dir)
		if l.Parsed != 1 || issueJSON(t, l.Issue) != parsedAfresh(t, dir) {
			t.Fatalf("parsed %d files, want the one edited", l.Parsed)
		}
		sum, _ := c.Count(dir)
		if len(sum.Stories) != len(l.Issue.Stories) {
			t.Fatalf("count after the edit: %d stories, want %d", len(sum.Stories), len(l.Issue.Stories))
		}
	})
	t.Run("the same size, the same second", func(t *testing.T) {
		page := filepath.Join(dir, "03.txt")
		info, _ := os.Stat(page)
		b, _ := os.ReadFile(page)
		b[len(b)-1] ^= 1
		write(t, page, b)
		os.Chtimes(page, info.ModTime(), info.ModTime())
		if l := loadDir(t, c, dir); issueJSON(t, l.Issue) != parsedAfresh(t, dir) {
			t.Fatal("a file changed in place is not seen")
		}
	})
	t.Run("the parser version bumped", func(t *testing.T) {
		p := TextParser()
		p.Version += "+1"
		l := loadDir(t, NewCache(cacheDir, p), dir)
		if l.Parsed != 3 {
			t.Fatalf("parsed %d files, want all 3", l.Parsed)
		}
	})
	t.Run("damaged cache files", func(t *testing.T) {
		var n int
		filepath.Walk(cacheDir, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				b, _ := os.ReadFile(path)
				b[len(b)/2] ^= 0x55
				os.WriteFile(path, b[:len(b)-n%3], 0o644)
				n++
			}
			return nil
		})
		l := loadDir(t, c, dir)
		if l.Parsed != 3 || issueJSON(t, l.Issue) != parsedAfresh(t, dir) {
			t.Fatalf("parsed %d files, want all 3", l.Parsed)
		}
		if l := loadDir(t, c, dir); l.Parsed != 0 {
			t.Fatalf("not written again: parsed %d files", l.Parsed)
		}
	})
}

// TestHelperFillCache is run as another process by TestTwoProcesses.
func TestHelperFillCache(t *testing.T) {
	cacheDir, dir := os.Getenv("DUBAO_TEST_CACHE"), os.Getenv("DUBAO_TEST_ISSUE")
	if cacheDir == "" {
		t.Skip("run by TestTwoProcesses")
	}
	for range 20 {
		if _, err := NewCache(cacheDir, TextParser()).LoadDir(dir); err != nil {
			t.Fatal(err)
		}
	}
}

// Two dubao processes filling the cache at once each get the issue whole,
// and leave a cache that gives it whole.
func TestCacheTwoProcesses(t *testing.T) {
	dir := issueDir(t)
	cacheDir := t.TempDir()
	want := parsedAfresh(t, dir)
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range 2 {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFillCache$", "-test.count=1")
			cmd.Env = append(os.Environ(), "DUBAO_TEST_CACHE="+cacheDir, "DUBAO_TEST_ISSUE="+dir)
			out, err := cmd.CombinedOutput()
			if err != nil {
				errs[i] = fmt.Errorf("%v: %s", err, out)
			}
		})
	}
	// And this process with them, touching a page file on the way.
	for i := range 20 {
		l := loadDir(t, NewCache(cacheDir, TextParser()), dir)
		if issueJSON(t, l.Issue) != want {
			t.Fatal("another issue while filling")
		}
		if i == 10 {
			now := time.Now()
			os.Chtimes(filepath.Join(dir, "01.txt"), now, now)
		}
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	l := loadDir(t, NewCache(cacheDir, TextParser()), dir)
	if l.Parsed != 0 || issueJSON(t, l.Issue) != want {
		t.Fatalf("after: parsed %d", l.Parsed)
	}
	tmp, _ := filepath.Glob(filepath.Join(cacheDir, "*", "*", ".tmp-*"))
	if len(tmp) > 0 {
		t.Fatalf("temporary files left: %v", tmp)
	}
}

// A file over the size limit says so, even when it is the only one.
func TestCacheTooLarge(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2024-03-13")
	os.MkdirAll(dir, 0o755)
	f, _ := os.Create(filepath.Join(dir, "01.txt"))
	f.Truncate(MaxPageSize + 1)
	f.Close()
	_, err := NewCache(t.TempDir(), TextParser()).LoadDir(dir)
	if err == nil || !errors.Is(err, safefile.ErrTooLarge) && !strings.Contains(err.Error(), "more than the") {
		t.Fatalf("err %v, want one saying the file is too large", err)
	}
}

// scrambledPage is a page as plain pdftotext leaves two columns: each
// line of the one column runs on, after a space, into the line beside it.
func scrambledPage(t *testing.T) []byte {
	t.Helper()
	a := strings.Split(string(corpusPage(t, "dev/d01.txt")), "\n")
	b := strings.Split(string(corpusPage(t, "dev/d02.txt")), "\n")
	var out strings.Builder
	for i := range min(len(a), len(b)) {
		out.WriteString(a[i] + "  " + b[i] + "\n")
	}
	return []byte(out.String())
}

// The cache keeps with a file's pages whether its text is scrambled, so
// an issue loaded again — from a folder's summary, or file by file —
// still names the file, though nothing is read through or parsed.
func TestCacheKeepsScrambled(t *testing.T) {
	dir := issueDir(t)
	odd := filepath.Join(dir, "04.txt")
	write(t, odd, scrambledPage(t))
	if !parse.Scrambled(scrambledPage(t)) {
		t.Fatal("the made page does not read as scrambled")
	}
	c := NewCache(t.TempDir(), TextParser())
	paths, _ := PageFiles(dir)
	for pass, load := range []func() (*Loaded, error){
		func() (*Loaded, error) { return c.LoadDir(dir) },
		func() (*Loaded, error) { return c.LoadDir(dir) },
		func() (*Loaded, error) { return c.Load(paths) },
		func() (*Loaded, error) { return NewCache(c.Dir(), TextParser()).Load(paths) },
	} {
		l, err := load()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(l.Scrambled, []string{odd}) {
			t.Errorf("pass %d: scrambled %q, want the one file %s", pass, l.Scrambled, odd)
		}
		// A folder's pages are kept in its summary, not each in a file of
		// its own: loaded by paths, they are parsed once more.
		if want := []int{4, 0, 4, 0}[pass]; l.Parsed != want {
			t.Errorf("pass %d: parsed %d files, want %d", pass, l.Parsed, want)
		}
	}
}
