package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/ingest/corpus"
)

type scoreCmd struct {
	Dirs    []string `arg:"" name:"dir" help:"Folders of inputs with NAME.expected.json beside each; each is a column." type:"existingdir"`
	Verbose bool     `name:"verbose" short:"v" help:"List each letter's missed and invented facts."`
}

func (c *scoreCmd) Run(ctx context.Context, a *app) error {
	columns := make([][]corpus.Letter, len(c.Dirs))
	for i, dir := range c.Dirs {
		letters, err := corpus.Run(dir, ingest.ParseFile)
		if err != nil {
			return err
		}
		columns[i] = letters
	}
	if c.Verbose {
		printDifferences(os.Stdout, columns)
	}
	return printScore(os.Stdout, c.Dirs, columns)
}

func printDifferences(w io.Writer, columns [][]corpus.Letter) {
	for _, letters := range columns {
		for _, l := range letters {
			t := l.Score.Total()
			fmt.Fprintf(w, "%s: %d of %d facts, %d invented\n", l.Path, t.Right, t.Expected, t.Invented)
			if l.Err != nil {
				fmt.Fprintf(w, "\tFAILED: %v\n", l.Err)
			}
			for _, d := range l.Differences {
				fmt.Fprintf(w, "\t%s\n", d)
			}
		}
	}
	fmt.Fprintln(w)
}

// printScore prints facts right of facts expected, and invented, per field and in
// all, one column per folder.
func printScore(w io.Writer, dirs []string, columns [][]corpus.Letter) error {
	sums := make([]corpus.Score, len(columns))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "field\t")
	for i, dir := range dirs {
		sums[i] = corpus.Score{}
		failed := 0
		for _, l := range columns[i] {
			sums[i].Add(l.Score)
			if l.Err != nil {
				failed++
			}
		}
		fmt.Fprintf(tw, "%s (%d letters, %d failed)\t\tinvented\t", filepath.Base(dir), len(columns[i]), failed)
	}
	fmt.Fprintln(tw)
	row := func(name string, tally func(corpus.Score) corpus.Tally) {
		fmt.Fprintf(tw, "%s\t", name)
		for _, s := range sums {
			t := tally(s)
			fmt.Fprintf(tw, "%d / %d\t%s\t%d\t", t.Right, t.Expected, percent(t.Right, t.Expected), t.Invented)
		}
		fmt.Fprintln(tw)
	}
	for _, f := range corpus.Fields {
		row(string(f), func(s corpus.Score) corpus.Tally { return s[f] })
	}
	row("all facts", corpus.Score.Total)
	return tw.Flush()
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}
