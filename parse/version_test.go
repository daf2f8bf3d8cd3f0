package parse

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// versionGolden keeps the Version and a digest of what the parser made of
// the pages in testdata, as of the last time the Version was raised.
const versionGolden = "testdata/version.golden"

// outputDigest is the SHA-256 of the trees the parser makes of the text
// pages of testdata/corpus and the geometry sheets of testdata/geom.
func outputDigest(t *testing.T) string {
	t.Helper()
	text, _ := filepath.Glob("testdata/corpus/*/*.txt")
	sheets, _ := filepath.Glob("testdata/geom/*.json")
	if len(text) == 0 || len(sheets) == 0 {
		t.Fatal("no pages in testdata/corpus or testdata/geom")
	}
	h := sha256.New()
	for _, name := range text {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Pages(b)
		fmt.Fprintf(h, "%s %v\n", filepath.ToSlash(name), err)
		for _, p := range pages {
			json.NewEncoder(h).Encode(p.JSON())
		}
	}
	for _, name := range sheets {
		if strings.HasSuffix(name, ".golden.json") {
			continue
		}
		fmt.Fprintf(h, "%s\n", filepath.ToSlash(name))
		json.NewEncoder(h).Encode(SheetPage(readSheet(t, name)).JSON())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestVersionFollowsOutput fails when the parser makes another tree of a
// page of testdata while Version stays what it was: the cache of parsed
// issues (package shelf) keys every page by Version, and would go on
// showing the old parse. Raise Version in version.go, then rewrite the
// digest with go test ./parse -run TestVersionFollowsOutput -update.
func TestVersionFollowsOutput(t *testing.T) {
	digest := outputDigest(t)
	b, err := os.ReadFile(versionGolden)
	if err != nil && !*update {
		t.Fatalf("%v: write it with -update", err)
	}
	fields := strings.Fields(string(b))
	var was int
	var wasDigest string
	if len(fields) == 2 {
		was, _ = strconv.Atoi(fields[0])
		wasDigest = fields[1]
	}
	switch {
	case digest == wasDigest && Version == was:
		return
	case digest != wasDigest && Version <= was:
		t.Fatalf("the parser's output changed but Version is still %d: raise it in version.go (cached parses of the old output would be shown), then run with -update", Version)
	case !*update:
		t.Fatalf("Version %d, output digest %s; %s says %d, %s: run with -update", Version, digest, versionGolden, was, wasDigest)
	}
	if err := os.WriteFile(versionGolden, []byte(fmt.Sprintf("%d %s\n", Version, digest)), 0o644); err != nil {
		t.Fatal(err)
	}
}
