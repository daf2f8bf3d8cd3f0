package layout

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir holds the project's newspaper pages, shared between checkouts.
// Tests that read it still mean something without it.
const corpusDir = "../../../shared/corpus"

// corpusText returns every line of the corpus pages (*.txt) and every
// string of their gold article trees (*.gold.json), or nothing when the
// corpus is not there.
func corpusText(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		switch {
		case d.IsDir():
			return nil
		case strings.HasSuffix(name, ".gold.json"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				return err
			}
			texts = appendStrings(texts, v)
		case strings.HasSuffix(name, ".txt"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, strings.Split(string(data), "\n")...)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		tb.Fatalf("read corpus: %v", err)
	}
	return texts
}

// corpusParagraphs returns the gold paragraphs of the corpus: real
// paragraphs, as the reader will wrap them.
func corpusParagraphs(tb testing.TB) []string {
	tb.Helper()
	var paras []string
	matches, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*.gold.json"))
	for _, path := range matches {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatalf("read corpus: %v", err)
		}
		var page struct {
			Articles []struct{ Paragraphs []string }
		}
		if err := json.Unmarshal(data, &page); err != nil {
			tb.Fatalf("read %s: %v", path, err)
		}
		for _, a := range page.Articles {
			paras = append(paras, a.Paragraphs...)
		}
	}
	return paras
}

func appendStrings(dst []string, v any) []string {
	switch v := v.(type) {
	case string:
		return append(dst, v)
	case []any:
		for _, e := range v {
			dst = appendStrings(dst, e)
		}
	case map[string]any:
		for _, e := range v {
			dst = appendStrings(dst, e)
		}
	}
	return dst
}

// samplePara is a paragraph that needs every rule, for when the corpus is
// not there.
const samplePara = "3月12日上午，市侨商会三届五次全委（扩大）会议召开。会议指出，" +
	"2023年全市职工收入增长率达到94.38%，“十四五”规划——尤其是COVID-19之后的" +
	"《职工权益保障条例》——得到了落实……参会代表认为，要把5K项目、1/3的资金和3.5亿元" +
	"用好。The quick brown fox jumps over the lazy dog. 「让职工满意」是工作的出发点。"
