package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// Writer is what the importer needs of a store.
type Writer interface {
	ImportLetters(ctx context.Context, ins []domain.LetterInput) ([]domain.ImportResult, error)
}

// Options steer an import.
type Options struct {
	// Format names the format of every source; nil detects each one's.
	Format *Format
	// DryRun parses and validates but writes nothing.
	DryRun bool
	// Strict stops at the first document that fails.
	Strict bool
	// BatchSize is how many documents go into one write transaction (default 500).
	BatchSize int
}

// Outcome is what happened to one document.
type Outcome struct {
	Origin string
	// Letter is the canonical document as parsed (empty when parsing failed).
	Letter domain.LetterInput
	Result domain.ImportResult
	// Err is why the document was not written: a parse error, a validation error, a
	// conflict. It is also in Result.Err.
	Err error
	// Reading is how a plain-text letter's facts were found (nil for other formats);
	// its Review lists why the letter needs a look.
	Reading *document.Reading
}

// Summary counts what an import did.
type Summary struct {
	Read                  int // documents found, good or bad
	Created               int
	Unchanged             int // the same content was there already
	Failed                int
	Valid                 int // dry run: documents that would be written
	CorrespondentsCreated int
	CorrespondentsMatched int
	BytesRead             int64
}

// Add counts one document's outcome; dryRun counts a good one as Valid.
func (s *Summary) Add(o Outcome, dryRun bool) {
	s.Read++
	switch {
	case o.Err != nil:
		s.Failed++
	case dryRun:
		s.Valid++
	case o.Result.Created:
		s.Created++
	default:
		s.Unchanged++
	}
	s.CorrespondentsCreated += o.Result.CorrespondentsCreated
	s.CorrespondentsMatched += o.Result.CorrespondentsMatched
}

// ErrStrict is returned (wrapped) when Strict stops an import at a failed document.
var ErrStrict = errors.New("import stopped at the first failed document (strict)")

// Importer parses sources and writes their documents.
type Importer struct {
	Writer  Writer
	Options Options
	// OnOutcome, if set, is called for every document in order (for dry-run output,
	// failure reports and progress). It runs on the importing goroutine.
	OnOutcome func(Outcome)
	// OnBatch, if set, is called after every batch with the running summary.
	OnBatch func(Summary)
}

// Import reads every source in order and writes its documents. A source that cannot
// be read at all counts as one failed document and the import goes on (unless
// Strict). The error returned is the database's, a cancelled context's, or ErrStrict.
//
// A batch is written while the next one is parsed: the store and the parser work
// at the same time, and outcomes are still reported in order.
func (im *Importer) Import(ctx context.Context, sources []Source) (Summary, error) {
	run := im.newRun(ctx)
	for _, src := range sources {
		if err := run.source(src); err != nil {
			_ = run.finish() // what was written is counted; err says why it stopped
			return run.summary, err
		}
	}
	if err := run.flush(); err != nil {
		return run.summary, err
	}
	return run.summary, run.finish()
}

type run struct {
	im      *Importer
	ctx     context.Context
	summary Summary
	batch   []Outcome
	bytes   atomic.Int64
	size    int
	writing *writing // the batch being written
}

// writing is a batch handed to the store, and what the store answered.
type writing struct {
	batch   []Outcome
	idx     []int // the batch's documents that went to the store
	done    chan struct{}
	results []domain.ImportResult
	err     error
}

func (im *Importer) newRun(ctx context.Context) *run {
	size := im.Options.BatchSize
	if size <= 0 {
		size = 500
	}
	return &run{im: im, ctx: ctx, size: size}
}

// source parses one source, batching its documents. An error from writing (the
// database, a cancelled context, Strict) ends the import; an error reading or parsing
// the source fails that source and the import goes on.
func (r *run) source(src Source) error {
	rc, err := src.Open()
	if err != nil {
		return r.fail(src.Name, err)
	}
	defer rc.Close()
	var stop error
	err = Parse(&countingReader{r: rc, n: &r.bytes}, src.Name, r.im.Options.Format, func(it document.Item) error {
		stop = r.item(it)
		return stop
	})
	if err == nil || (stop != nil && errors.Is(err, stop)) {
		return err
	}
	return r.fail(src.Name, err)
}

// fail records a source that could not be read (or stopped being readable).
func (r *run) fail(origin string, err error) error {
	return r.item(document.Item{Origin: origin, Err: err})
}

// item takes one parsed document.
func (r *run) item(it document.Item) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	o := Outcome{Origin: it.Origin, Letter: it.Letter, Err: it.Err, Reading: it.Reading}
	if o.Err == nil && r.im.Options.DryRun {
		// Validate as the store would, on a copy: the dry run shows the document as
		// parsed, not as normalised.
		in := it.Letter
		o.Err = in.Normalize("document")
	}
	r.batch = append(r.batch, o)
	if o.Err != nil && r.im.Options.Strict {
		// Nothing after a failed document is parsed or written.
		if err := r.flush(); err != nil {
			return err
		}
		return r.finish()
	}
	if len(r.batch) >= r.size {
		return r.flush()
	}
	return nil
}

// flush finishes the batch being written, then hands the pending batch to the store,
// which writes it while the next is parsed.
func (r *run) flush() error {
	if err := r.finish(); err != nil {
		return err
	}
	if len(r.batch) == 0 {
		return nil
	}
	w := &writing{batch: r.batch, done: make(chan struct{})}
	r.batch = nil
	var ins []domain.LetterInput
	if !r.im.Options.DryRun {
		for i, o := range w.batch {
			if o.Err == nil {
				ins = append(ins, o.Letter)
				w.idx = append(w.idx, i)
			}
		}
	}
	r.writing = w
	if len(ins) == 0 {
		close(w.done)
		return nil
	}
	go func() {
		defer close(w.done)
		w.results, w.err = r.im.Writer.ImportLetters(r.ctx, ins)
	}()
	return nil
}

// finish waits for the batch being written, if any, and reports its outcomes.
func (r *run) finish() error {
	w := r.writing
	if w == nil {
		return nil
	}
	r.writing = nil
	<-w.done
	if w.err != nil {
		return w.err
	}
	batch := w.batch
	for k, i := range w.idx {
		batch[i].Result = w.results[k]
		batch[i].Err = w.results[k].Err
	}
	var strictErr error
	for _, o := range batch {
		if o.Err != nil {
			o.Result.Err = o.Err
		}
		r.summary.Add(o, r.im.Options.DryRun)
		if r.im.OnOutcome != nil {
			r.im.OnOutcome(o)
		}
		if o.Err != nil && r.im.Options.Strict && strictErr == nil {
			strictErr = fmt.Errorf("%s: %w: %w", o.Origin, o.Err, ErrStrict)
		}
	}
	r.summary.BytesRead = r.bytes.Load()
	if r.im.OnBatch != nil {
		r.im.OnBatch(r.summary)
	}
	return strictErr
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
