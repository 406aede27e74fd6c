package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/lettergraph/lettergraph/graph"
	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/export"
)

type exportCmd struct {
	Format      string `name:"format" short:"f" required:"" enum:"${export_formats}" help:"One of ${export_formats} (docs/exports.md): graphml and gexf draw the network of correspondents, ndjson is what import reads, csv writes letters.csv and links.csv into the folder -o names."`
	Output      string `name:"output" short:"o" default:"-" help:"File to write, or - for standard output; for csv, the folder to write letters.csv and links.csv in."`
	Filter      string `name:"filter" help:"Only the letters this filter selects: the GraphQL LetterFilter input in JSON, e.g. '{\"dateFrom\": \"1990-01-01\", \"involving\": [{\"correspondent\": \"01H…\", \"role\": \"AUTHOR\"}]}'."`
	CMIFTitle   string `name:"cmif-title" help:"CMIF: the file's title (titleStmt)."`
	CMIFEditor  string `name:"cmif-editor" help:"CMIF: its editor."`
	CMIFURL     string `name:"cmif-url" help:"CMIF: the URL it is published at (publicationStmt/idno)."`
	CMIFLicence string `name:"cmif-licence" help:"CMIF: the URL of its licence (default CC BY 4.0, as correspSearch asks)."`
}

// Run writes the export as an operator (restricted letters and blind copies
// included), to a file renamed into place only once it is whole, with a progress bar
// on a terminal and a summary on standard error.
func (c *exportCmd) Run(ctx context.Context, a *app) error {
	ctx = operator(ctx)
	f, err := graph.DecodeLetterFilter(c.Filter)
	if err != nil {
		return err
	}
	if c.Format == "csv" && c.Output == "-" {
		return fmt.Errorf("--format csv writes two files: name their folder with -o")
	}
	store, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	p := newExportProgress(store)
	if p.bar != nil && c.Format != "graphml" && c.Format != "gexf" {
		if n, err := store.CountLetters(ctx, f); err == nil {
			p.bar.ChangeMax(n)
		}
	}
	start := time.Now()
	opts := export.Options{Now: start, CMIF: export.CMIFHeader{Title: c.CMIFTitle, Editor: c.CMIFEditor, URL: c.CMIFURL, Licence: c.CMIFLicence}}
	var written int64
	if c.Format == "csv" {
		if err := os.MkdirAll(c.Output, 0o755); err != nil {
			return err
		}
		err = writeFiles([]string{filepath.Join(c.Output, "letters.csv"), filepath.Join(c.Output, "links.csv")}, &written,
			func(ws []io.Writer) error { return export.WriteCSVOf(ctx, p, f, ws[0], ws[1]) })
	} else {
		fm, _ := export.FormatByName(c.Format)
		write := func(ws []io.Writer) error { return fm.Write(ctx, p, f, ws[0], opts) }
		if c.Output == "-" {
			cw := &countingWriter{w: os.Stdout}
			err = write([]io.Writer{cw})
			written = cw.n
		} else {
			err = writeFiles([]string{c.Output}, &written, write)
		}
	}
	p.finish()
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(os.Stderr, "export: %s: %d letters, %d correspondents, %d edges; %.1f MB in %.1fs, %.0f letters/s\n",
		c.Format, p.letters, p.nodes, p.edges, float64(written)/1e6, took.Seconds(), rate(p.letters, took))
	return nil
}

// writeFiles writes each of paths through a temporary file beside it, renamed into
// place when write has succeeded, so that a failed export leaves no file that looks
// whole. It adds the bytes written to n.
func writeFiles(paths []string, n *int64, write func([]io.Writer) error) (err error) {
	files := make([]*os.File, len(paths))
	bufs := make([]*bufio.Writer, len(paths))
	counters := make([]*countingWriter, len(paths))
	ws := make([]io.Writer, len(paths))
	defer func() {
		for _, f := range files {
			if f != nil {
				f.Close()
				if err != nil {
					os.Remove(f.Name())
				}
			}
		}
	}()
	for i, p := range paths {
		if files[i], err = os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.partial"); err != nil {
			return err
		}
		bufs[i] = bufio.NewWriterSize(files[i], 1<<20)
		counters[i] = &countingWriter{w: bufs[i]}
		ws[i] = counters[i]
	}
	if err = write(ws); err != nil {
		return err
	}
	for i, p := range paths {
		if err = bufs[i].Flush(); err != nil {
			return err
		}
		if err = files[i].Chmod(0o644); err != nil { // CreateTemp makes it private
			return err
		}
		if err = files[i].Close(); err != nil {
			return err
		}
		if err = os.Rename(files[i].Name(), p); err != nil {
			return err
		}
		files[i] = nil
		*n += counters[i].n
	}
	return nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// exportProgress is the store's domain.Exporter counting what passes through it, for
// the progress bar (on a terminal) and the summary.
type exportProgress struct {
	domain.Exporter
	bar                   *progressbar.ProgressBar
	letters, nodes, edges int
}

func newExportProgress(ex domain.Exporter) *exportProgress {
	p := &exportProgress{Exporter: ex}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		p.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(os.Stderr), progressbar.OptionSetDescription("exporting"),
			progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	return p
}

func (p *exportProgress) tick() {
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

func (p *exportProgress) EachLetter(ctx context.Context, f domain.LetterFilter, fn func(*domain.LetterRecord) error) error {
	return p.Exporter.EachLetter(ctx, f, func(r *domain.LetterRecord) error {
		p.letters++
		p.tick()
		return fn(r)
	})
}

func (p *exportProgress) EachCorrespondent(ctx context.Context, f domain.LetterFilter, fn func(domain.Correspondent) error) error {
	return p.Exporter.EachCorrespondent(ctx, f, func(c domain.Correspondent) error {
		p.nodes++
		p.tick()
		return fn(c)
	})
}

func (p *exportProgress) EachEdge(ctx context.Context, f domain.LetterFilter, fn func(domain.DatedEdge) error) error {
	return p.Exporter.EachEdge(ctx, f, func(e domain.DatedEdge) error {
		p.edges++
		p.tick()
		return fn(e)
	})
}

func (p *exportProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
