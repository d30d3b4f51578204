// Command mentions prints the gazetteer's mentions of a text as JSON
// lines: a tool to look at what the gazetteer finds, and the small
// program whose start-up time and peak memory we measure.
//
//	go run ./internal/gazetteer/internal/mentions [-date 2023-11-07] [-dict DIR] < article.txt
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/truce/truce/internal/domain"
	"github.com/truce/truce/internal/gazetteer"
	"github.com/truce/truce/internal/text"
)

type dirs []string

func (d *dirs) String() string     { return fmt.Sprint(*d) }
func (d *dirs) Set(s string) error { *d = append(*d, s); return nil }

func main() {
	var ds dirs
	flag.Var(&ds, "dict", "a dictionary directory (repeatable)")
	date := flag.String("date", "", "the article's date, YYYY-MM-DD")
	flag.Parse()
	if err := run(ds, *date); err != nil {
		fmt.Fprintln(os.Stderr, "mentions:", err)
		os.Exit(1)
	}
}

func run(ds dirs, date string) error {
	var d domain.Date
	if date != "" {
		var err error
		if d, err = domain.ParseDate(date); err != nil {
			return err
		}
	}
	g, err := gazetteer.Load(gazetteer.Options{Dirs: ds})
	if err != nil {
		return err
	}
	raw, err := io.ReadAll(os.Stdin)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	for _, m := range g.Mentions(text.Parse(string(raw)), d) {
		if err := enc.Encode(m.Mention); err != nil {
			return err
		}
	}
	return nil
}
