package main

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadEquivalents(t *testing.T) {
	in := `# comment
2E81       ; 5382  #     CJK RADICAL CLIFF
2E8C..2E8D ; 5C0F  # [2] CJK RADICAL SMALL ONE..CJK RADICAL SMALL TWO

31D0       ; 4E00  #     CJK STROKE H
# 2E80; CJK RADICAL REPEAT
`
	got, err := readEquivalents(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []equivalent{
		{0x2E81, 0x5382, "CJK RADICAL CLIFF"},
		{0x2E8C, 0x5C0F, "CJK RADICAL SMALL ONE"},
		{0x2E8D, 0x5C0F, "CJK RADICAL SMALL TWO"},
		{0x31D0, 0x4E00, "CJK STROKE H"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	for _, bad := range []string{"2E81 5382", "2E81 ; XYZ", "4E00 ; 4E00", "2E8D..2E8C ; 5C0F", "# nothing"} {
		if _, err := readEquivalents(strings.NewReader(bad)); err == nil {
			t.Errorf("readEquivalents(%q) did not fail", bad)
		}
	}
}

func TestAlternates(t *testing.T) {
	equivs := []equivalent{
		{radical: 0x2F3E, ideograph: '戶'}, // ⼾: 户 has no radical of its own
		{radical: 0x2FA7, ideograph: '長'}, // ⾧: 长 has ⻓
		{radical: 0x2ED3, ideograph: '长'}, // ⻓
		{radical: 0x2F46, ideograph: '无'}, // ⽆: a simplified equivalent
		{radical: 0x2F32, ideograph: '干'}, // ⼲: one to many
	}
	st := map[rune][]rune{'户': {'戶'}, '长': {'長'}, '无': {'無'}, '干': {'幹', '乾', '干'}}
	ts := map[rune][]rune{'戶': {'户'}, '長': {'长'}, '無': {'无'}, '幹': {'干'}, '乾': {'干', '乾'}}
	got := alternates(equivs, st, ts)
	want := []alternate{{radical: 0x2F3E, simplified: '户', traditional: '戶'}}
	if !slices.Equal(got, want) {
		t.Errorf("alternates = %q, want %q", got, want)
	}
}

// The committed table is what the generator makes of the data today.
func TestTableUpToDate(t *testing.T) {
	in := filepath.Join("..", "..", "..", "..", "shared", "data", "EquivalentUnifiedIdeograph.txt")
	f, err := os.Open(in)
	if err != nil {
		t.Skipf("no Unicode data beside the repository: %v", err)
	}
	defer f.Close()
	equivs, err := readEquivalents(f)
	if err != nil {
		t.Fatal(err)
	}
	dir, err := moduleDir("github.com/longbridgeapp/opencc")
	if err != nil {
		t.Skip(err)
	}
	st, err := readOpenCC(filepath.Join(dir, "dictionary", "STCharacters.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ts, err := readOpenCC(filepath.Join(dir, "dictionary", "TSCharacters.txt"))
	if err != nil {
		t.Fatal(err)
	}
	variants, err := readVariants(filepath.Join(dir, "dictionary"))
	if err != nil {
		t.Fatal(err)
	}
	common, err := commonIdeographs()
	if err != nil {
		t.Fatal(err)
	}
	want, err := format.Source(generate(filepath.Base(in), equivs, st, ts, variants, common))
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("..", "..", "radicals_table.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("parse/radicals_table.go is stale: run go generate ./parse")
	}
}

func TestScriptFolds(t *testing.T) {
	st := map[rune][]rune{'干': {'幹', '乾', '干'}, '里': {'裏', '里'}, '后': {'后', '後'}, '于': {'於', '于'}, '台': {'臺', '台'}}
	ts := map[rune][]rune{'幹': {'干'}, '乾': {'干', '乾'}, '裏': {'里'}, '後': {'后'}, '於': {'于', '於'}, '著': {'著', '着'}, '臺': {'台'}}
	variants := map[rune][]rune{'裡': {'裏'}, '台': {'臺'}}
	got := scriptFolds(st, ts, variants)
	want := []fold{
		{'乾', '干'}, // not written in Simplified, read as its first candidate
		{'於', '于'}, // the same, though OpenCC keeps it as a second candidate
		{'幹', '干'},
		{'後', '后'},
		{'裏', '里'},
		{'裡', '里'}, // a Taiwan variant, by way of 裏
		{'臺', '台'},
		// Not 台, which Simplified writes (an STCharacters key), though
		// Hong Kong's variants take it back to 臺; nor 著, first its own.
	}
	slices.SortFunc(want, func(a, b fold) int { return int(a.traditional - b.traditional) })
	if !slices.Equal(got, want) {
		t.Errorf("scriptFolds = %q, want %q", got, want)
	}
}
