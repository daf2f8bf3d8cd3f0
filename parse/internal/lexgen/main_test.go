package main

import (
	"strings"
	"testing"
)

func TestReadBands(t *testing.T) {
	dict := strings.Join([]string{
		"天气 40 n",     // band 1 (40/20 = 2)
		"晴朗 20 a",     // band 0
		"多云转晴 170 l",  // band 3 (170/20 = 8)
		"雨 900 n",     // one ideograph: no word spans a break
		"阴天转多云天 50 l", // five or more: too long
		"B超 90 n",     // not all ideographs
		"微风 19 n",     // below minCount
		"天气 500 n",    // a repeat keeps the first
	}, "\n")
	bands, err := readBands(strings.NewReader(dict))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"晴朗"}, {"天气"}, nil, {"多云转晴"}}
	if len(bands) != len(want) {
		t.Fatalf("bands %q, want %q", bands, want)
	}
	for i := range want {
		if strings.Join(bands[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("band %d = %q, want %q", i, bands[i], want[i])
		}
	}
	if _, err := readBands(strings.NewReader("天气\n")); err == nil {
		t.Error("a line without a count was read")
	}
	if _, err := readBands(strings.NewReader("雨 9 n\n")); err == nil {
		t.Error("a dictionary with no kept word was read")
	}
}
