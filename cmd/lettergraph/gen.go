package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/lettergraph/lettergraph/internal/gen"
)

type genCmd struct {
	Letters        int    `name:"letters" short:"n" default:"10000" help:"How many letters."`
	Seed           uint64 `name:"seed" default:"1" help:"Random seed: the same seed gives the same corpus."`
	Correspondents int    `name:"correspondents" default:"0" help:"Population size; 0 for about 3 per 100 letters."`
	From           int    `name:"from" default:"1950" help:"First year of the dates."`
	To             int    `name:"to" default:"2024" help:"Last year of the dates."`
	Output         string `name:"output" short:"o" default:"-" help:"File to write, or - for standard output."`
}

func (c *genCmd) Run(ctx context.Context, a *app) error {
	var w io.Writer = os.Stdout
	if c.Output != "-" {
		f, err := os.Create(c.Output)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	start := time.Now()
	cfg := gen.Config{Letters: c.Letters, Seed: c.Seed, Correspondents: c.Correspondents, From: c.From, To: c.To}
	if err := gen.WriteNDJSON(bw, cfg); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d letters in %.1fs\n", c.Letters, time.Since(start).Seconds())
	return nil
}
