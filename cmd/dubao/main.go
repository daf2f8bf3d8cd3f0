// Command dubao reads the day's newspaper in a terminal.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/dubaoreader/dubao/parse"
)

func main() {
	if len(os.Args) >= 3 && os.Args[1] == "parse" {
		path := os.Args[len(os.Args)-1]
		var b []byte
		var err error
		if path == "-" {
			b, err = io.ReadAll(os.Stdin)
		} else {
			b, err = os.ReadFile(path)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "dubao:", err)
			os.Exit(1)
		}
		pages, err := parse.Pages(b)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dubao: %s: %v\n", path, err)
			os.Exit(1)
		}
		enc := json.NewEncoder(os.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(pages[0].JSON())
	}
}
