package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/lettergraph/lettergraph/internal/ingest"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/text"
)

// importTxTimeout bounds one batch's transaction.
const importTxTimeout = 10 * time.Minute

type importCmd struct {
	Paths     []string `arg:"" optional:"" name:"path" help:"Files, folders, globs, or - for standard input."`
	Format    string   `name:"format" default:"auto" help:"Format of every input: auto, or one of ${import_formats} (json also reads NDJSON)."`
	DryRun    bool     `name:"dry-run" help:"Print each document in canonical JSON (NDJSON) and write nothing."`
	Zones     bool     `name:"zones" help:"With --dry-run: print how each plain-text letter was cut into zones (letterhead, address, salutation, body, signature, copy list …), on standard error."`
	Strict    bool     `name:"strict" help:"Stop at the first document that fails."`
	BatchSize int      `name:"batch-size" default:"500" help:"Documents per write transaction."`
	Review    bool     `name:"review" help:"List the plain-text letters read with low confidence, each with its reasons (also with --dry-run); after importing (or alone), report likely duplicate correspondents."`
}

func (c *importCmd) Run(ctx context.Context, a *app) error {
	ctx = operator(ctx)
	if len(c.Paths) == 0 && !c.Review {
		return errors.New("name at least one file, folder, glob or - (standard input), or give --review")
	}
	format, err := ingest.FormatByName(c.Format)
	if err != nil {
		return err
	}
	sources, err := ingest.Sources(c.Paths, os.Stdin)
	if err != nil {
		return err
	}
	im := &ingest.Importer{Options: ingest.Options{Format: format, DryRun: c.DryRun, Strict: c.Strict, BatchSize: c.BatchSize}}
	if c.DryRun {
		if c.Zones {
			printZones(os.Stderr, sources, format)
		}
		return c.dryRun(ctx, im, sources)
	}
	// A batch of documents is one transaction, much longer than an API request: the
	// request deadline (QUERY_TIMEOUT) is no measure for it.
	a.cfg.QueryTimeout = max(a.cfg.QueryTimeout, importTxTimeout)
	store, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.Background())
	if len(sources) > 0 {
		im.Writer = store
		if err := c.importAll(ctx, a.log, im, sources); err != nil {
			return err
		}
	}
	if c.Review {
		return review(ctx, store, os.Stdout)
	}
	return nil
}

// dryRun prints what would be written, and failures on stderr.
func (c *importCmd) dryRun(ctx context.Context, im *ingest.Importer, sources []ingest.Source) error {
	var werr error
	var doubts toReview
	im.OnOutcome = func(o ingest.Outcome) {
		if o.Err != nil {
			fmt.Fprintf(os.Stderr, "FAILED %s: %v\n", o.Origin, o.Err)
			return
		}
		doubts.add(o)
		d := canonical.FromInput(o.Letter)
		if werr == nil {
			werr = canonical.Write(os.Stdout, d)
		}
	}
	sum, err := im.Import(ctx, sources)
	if err == nil {
		err = werr
	}
	fmt.Fprintf(os.Stderr, "dry run: read %d, valid %d, failed %d, to review %d; nothing written\n", sum.Read, sum.Valid, sum.Failed, len(doubts))
	if c.Review {
		doubts.print(os.Stderr)
	}
	return failedErr(sum, err)
}

// importAll writes every source, with a progress bar on a terminal and log lines
// otherwise, and prints the summary.
func (c *importCmd) importAll(ctx context.Context, log *slog.Logger, im *ingest.Importer, sources []ingest.Source) error {
	var total int64
	for _, s := range sources {
		if s.Size < 0 {
			total = -1
			break
		}
		total += s.Size
	}
	start := time.Now()
	var bar *progressbar.ProgressBar
	if term.IsTerminal(int(os.Stderr.Fd())) {
		bar = progressbar.NewOptions64(total, progressbar.OptionSetWriter(os.Stderr), progressbar.OptionShowBytes(true),
			progressbar.OptionSetDescription("importing"), progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
	}
	lastLog := time.Now()
	var doubts toReview
	im.OnOutcome = func(o ingest.Outcome) {
		doubts.add(o)
		if o.Err != nil {
			msg := fmt.Sprintf("FAILED %s: %v", o.Origin, o.Err)
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintln(os.Stderr, msg)
		}
	}
	im.OnBatch = func(s ingest.Summary) {
		if bar != nil {
			_ = bar.Set64(s.BytesRead)
			bar.Describe(fmt.Sprintf("%d letters", s.Read))
			return
		}
		if time.Since(lastLog) >= 5*time.Second {
			lastLog = time.Now()
			log.Info("importing", "read", s.Read, "created", s.Created, "unchanged", s.Unchanged, "failed", s.Failed,
				"bytes", s.BytesRead, "letters_per_second", rate(s.Read, time.Since(start)))
		}
	}
	sum, err := im.Import(ctx, sources)
	if bar != nil {
		_ = bar.Finish()
	}
	elapsed := time.Since(start)
	fmt.Fprintf(os.Stdout, "import: read %d, created %d, unchanged %d, failed %d, to review %d; correspondents created %d, matched %d; %.1fs, %.0f letters/s\n",
		sum.Read, sum.Created, sum.Unchanged, sum.Failed, len(doubts), sum.CorrespondentsCreated, sum.CorrespondentsMatched,
		elapsed.Seconds(), rate(sum.Read, elapsed))
	if c.Review {
		doubts.print(os.Stdout)
	}
	return failedErr(sum, err)
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// failedErr makes an import with failed documents end with status 1.
func failedErr(sum ingest.Summary, err error) error {
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d documents failed", sum.Failed, sum.Read)
	}
	return nil
}

// printZones prints the zones of each plain-text source on standard error.
func printZones(w io.Writer, sources []ingest.Source, format *ingest.Format) {
	for _, src := range sources {
		if src.Name == "-" {
			continue // standard input is read once, by the import itself
		}
		r, err := src.Open()
		if err != nil {
			continue
		}
		raw, err := io.ReadAll(io.LimitReader(r, text.MaxSize))
		r.Close()
		detected := ingest.Detect(raw)
		if err != nil || (format != nil && format.Name != "text") || (format == nil && detected != nil && detected.Name != "text") {
			continue
		}
		fmt.Fprintf(w, "== %s\n%s\n", src.Name, text.Zones(raw))
	}
}
