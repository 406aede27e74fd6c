package gen

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"sync"

	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
)

// chunk is how many letters a worker makes and encodes at a time: enough to make the
// hand-off cheap, few enough that the writer starts early and memory stays small.
const chunk = 256

// WriteNDJSON writes the corpus as canonical NDJSON (canonical.Write per letter).
//
// Letters are made and encoded by one worker per CPU and written in order, so the
// output is the same whatever the number of CPUs. w is buffered here; there is no need
// to buffer it before.
func WriteNDJSON(w io.Writer, cfg Config) error {
	cfg, err := cfg.normalize()
	if err != nil {
		return err
	}
	g := newGenerator(cfg)
	bw := bufio.NewWriterSize(w, 1<<20)
	workers := min(runtime.GOMAXPROCS(0), 8)
	if workers <= 1 || cfg.Letters <= chunk {
		var buf bytes.Buffer
		for lo := 0; lo < cfg.Letters; lo += chunk {
			buf.Reset()
			if err := g.encode(&buf, lo, min(lo+chunk, cfg.Letters)); err != nil {
				return err
			}
			if _, err := bw.Write(buf.Bytes()); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	if err := g.writeParallel(bw, workers); err != nil {
		return err
	}
	return bw.Flush()
}

// encode appends letters lo..hi-1 to buf as NDJSON.
func (g *generator) encode(buf *bytes.Buffer, lo, hi int) error {
	for i := lo; i < hi; i++ {
		if err := canonical.Write(buf, canonical.FromInput(g.letter(i))); err != nil {
			return err
		}
	}
	return nil
}

// job is one chunk of letters; its encoding is handed back on done.
type job struct {
	lo, hi int
	done   chan *bytes.Buffer
}

// writeParallel has workers encode chunks while the caller writes them, in order.
// Jobs queue in order on a channel as deep as twice the workers, which bounds the
// memory in flight; a write error stops the feeding, and the chunks already handed
// out are waited for and dropped.
func (g *generator) writeParallel(w io.Writer, workers int) error {
	jobs := make(chan job)
	order := make(chan job, 2*workers)
	stop := make(chan struct{})
	pool := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				buf := pool.Get().(*bytes.Buffer)
				buf.Reset()
				// A bytes.Buffer never fails a write, and the documents are plain data
				// that JSON always encodes, so there is no error to hand on.
				_ = g.encode(buf, j.lo, j.hi)
				j.done <- buf
			}
		})
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for lo := 0; lo < g.cfg.Letters; lo += chunk {
			j := job{lo: lo, hi: min(lo+chunk, g.cfg.Letters), done: make(chan *bytes.Buffer, 1)}
			// A job is queued for writing only once a worker has it, so the writer
			// never waits for a chunk that nobody makes.
			select {
			case jobs <- j:
			case <-stop:
				return
			}
			order <- j
		}
	}()
	var err error
	for j := range order {
		buf := <-j.done
		if err == nil {
			if _, err = w.Write(buf.Bytes()); err != nil {
				close(stop)
			}
		}
		pool.Put(buf)
	}
	wg.Wait()
	return err
}
