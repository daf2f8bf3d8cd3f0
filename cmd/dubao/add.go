package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/dubaoreader/dubao/model/clean"
	"github.com/dubaoreader/dubao/parse"
	"github.com/dubaoreader/dubao/shelf"
)

// addOptions are add's flags.
type addOptions struct{ paper, date, shelf string }

// flags returns add's flags, bound to o.
func (o *addOptions) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("add", flag.ContinueOnError)
	fs.StringVar(&o.paper, "paper", "", "the paper's name, for the issue's folder (2024-03-13-NAME; default: as the pages' running heads print it)")
	fs.StringVar(&o.date, "date", "", "the issue's date, 2024-03-12 or 20240312 (default: as the pages print it)")
	fs.StringVar(&o.shelf, "shelf", "", "the shelf (default $XDG_DATA_HOME/dubao/papers)")
	return fs
}

// addCmd files pages onto the shelf: the files are read as pages (PDFs or
// text), and those that read are copied into the shelf's folder for their
// day, named by the date and the paper — the date as the pages print it
// unless --date says, the paper as --paper says or else as the running
// heads print it. What they were read as is
// kept in the cache, so that the day opens at once.
func addCmd(args []string) error {
	var opt addOptions
	paths, err := parseFlags(opt.flags(), "add", args)
	if err != nil {
		return err
	}
	paper, date, shelfDir := &opt.paper, &opt.date, &opt.shelf
	if len(paths) == 0 {
		return errors.New("add: want the page files to add")
	}
	home, _ := os.UserHomeDir()
	dir := shelfPath(*shelfDir, home)
	if dir == "" {
		return errors.New("add: no shelf: give --shelf DIR")
	}
	var files []parse.File
	for _, p := range paths {
		if p == "-" {
			return errors.New("add: want files, not standard input")
		}
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		if info.IsDir() {
			return fmt.Errorf("%s: a folder; add its files", p)
		}
		b, err := readFile(p)
		if err != nil {
			return err
		}
		files = append(files, parse.File{Name: p, Data: b})
	}
	// Each file is read on its own, so that one that does not read is left
	// out and the others filed.
	cache := newCache()
	data := map[string][]byte{}
	var order []string
	printed, named := "", "" // the date and the paper's name the pages print
	for _, f := range files {
		l, err := cache.LoadFiles([]parse.File{f})
		if err == nil && len(l.Errs) > 0 {
			err = l.Errs[0]
		}
		if err != nil {
			say(fmt.Sprintf("%v; not added", err))
			continue
		}
		if len(l.Scrambled) > 0 {
			say(f.Name + ": " + parse.ScrambledAdvice + "; added as it reads")
		}
		is := l.Issue
		if printed == "" {
			printed = is.Date
		}
		if named == "" {
			named = parse.PaperName(is.Pages)
		}
		if _, dup := data[f.Name]; !dup {
			order = append(order, f.Name)
		}
		data[f.Name] = f.Data
	}
	if len(order) == 0 {
		return errors.New("add: no page could be read; nothing added")
	}
	day := *date
	if day == "" {
		day = printed
	}
	if day == "" {
		return errors.New("add: the pages print no date: give --date")
	}
	if *paper == "" {
		*paper = named
	}
	folder, err := shelf.IssueFolder(day, *paper)
	if err != nil {
		return fmt.Errorf("add: %w", err)
	}
	target, added, err := shelf.Add(dir, folder, data, order)
	for _, a := range added {
		if a.Same {
			fmt.Println(clean.Line(a.Name) + ": already on the shelf")
		}
	}
	if err != nil {
		return err
	}
	n := 0
	var names []string
	for _, a := range added {
		if !a.Same {
			n++
			names = append(names, a.Name)
		}
	}
	if n == 0 {
		fmt.Println("nothing new for " + clean.Line(target))
		return nil
	}
	fmt.Println(clean.Line(fmt.Sprintf("added %d file(s) to %s: %s", n, target, strings.Join(names, " "))))
	return nil
}
