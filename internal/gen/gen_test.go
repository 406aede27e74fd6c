package gen

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/ingest/document"
)

// ndjson returns the corpus of cfg as WriteNDJSON writes it.
func ndjson(t *testing.T, cfg Config) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteNDJSON(&buf, cfg); err != nil {
		t.Fatalf("WriteNDJSON(%+v): %v", cfg, err)
	}
	return buf.Bytes()
}

// letters returns the letters of cfg as Generate emits them.
func letters(t *testing.T, cfg Config) []domain.LetterInput {
	t.Helper()
	var out []domain.LetterInput
	if err := Generate(cfg, func(i int, in domain.LetterInput) error {
		out = append(out, in)
		return nil
	}); err != nil {
		t.Fatalf("Generate(%+v): %v", cfg, err)
	}
	return out
}

func TestDeterminism(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{name: "one chunk", cfg: Config{Letters: 100, Seed: 1}},
		{name: "many chunks, in parallel", cfg: Config{Letters: 3000, Seed: 42}},
		{name: "own population and span", cfg: Config{Letters: 1000, Seed: 7, Correspondents: 400, From: 1990, To: 1995}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, second := ndjson(t, tt.cfg), ndjson(t, tt.cfg)
			if !bytes.Equal(first, second) {
				t.Fatal("two runs of one Config wrote different bytes")
			}
			// Generate and WriteNDJSON are one corpus: encoding Generate's letters one
			// by one gives WriteNDJSON's bytes, however many workers wrote them.
			var seq bytes.Buffer
			for _, in := range letters(t, tt.cfg) {
				if err := canonical.Write(&seq, canonical.FromInput(in)); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(first, seq.Bytes()) {
				t.Fatal("WriteNDJSON differs from Generate encoded letter by letter")
			}
			if got, want := bytes.Count(first, []byte("\n")), tt.cfg.Letters; got != want {
				t.Errorf("got %d lines, want %d", got, want)
			}
		})
	}
}

func TestSeedsDiffer(t *testing.T) {
	a := letters(t, Config{Letters: 200, Seed: 1})
	b := letters(t, Config{Letters: 200, Seed: 2})
	same := 0
	for i := range a {
		if a[i].Body == b[i].Body {
			same++
		}
	}
	if same > 0 {
		t.Errorf("got %d of %d identical bodies under seeds 1 and 2, want none", same, len(a))
	}
	if got, want := a[0].Authors[0].Person, b[0].Authors[0].Person; got != nil && want != nil && got.Name == want.Name {
		t.Logf("first authors coincide (%s); possible but unlikely", got.Name)
	}
}

func TestValid(t *testing.T) {
	const n = 10000
	cfg := Config{Letters: n, Seed: 3}
	ids := map[string]int{}
	err := Generate(cfg, func(i int, in domain.LetterInput) error {
		if err := in.Normalize("gen"); err != nil {
			return fmt.Errorf("letter %d does not normalise: %w", i, err)
		}
		if got, want := in.ExternalID, fmt.Sprintf("gen:3:%d", i); got != want {
			return fmt.Errorf("letter %d: got externalId %q, want %q", i, got, want)
		}
		ids[in.ExternalID] = i
		if len(in.Authors) == 0 || len(in.Recipients) == 0 {
			return fmt.Errorf("letter %d: got %d authors and %d recipients, want at least one of each", i, len(in.Authors), len(in.Recipients))
		}
		if got, want := in.SourceFormat, domain.FormatJSON; got != want {
			return fmt.Errorf("letter %d: got source format %s, want %s", i, got, want)
		}
		seen := map[string]bool{}
		for _, list := range [][]domain.PartyInput{in.Authors, in.Recipients, in.CC, in.BCC} {
			for _, p := range list {
				if k := key(p); seen[k] {
					return fmt.Errorf("letter %d: %s is in two places", i, k)
				}
				seen[key(p)] = true
			}
		}
		for _, refs := range [][]domain.LetterRef{in.RepliesTo, in.Related} {
			for _, r := range refs {
				if r.ExternalID == "" {
					continue
				}
				if j, ok := ids[r.ExternalID]; !ok || j >= i {
					return fmt.Errorf("letter %d refers to %s, which is not an earlier letter", i, r.ExternalID)
				}
			}
		}
		if got := len(in.Body); got < 100 || got > 4000 {
			return fmt.Errorf("letter %d: got a body of %d bytes, want 100..4000", i, got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(ids); got != n {
		t.Errorf("got %d distinct externalIds, want %d", got, n)
	}
}

// TestReadBack reads the NDJSON back with the canonical reader, strictly: what the
// generator writes is what the importer takes.
func TestReadBack(t *testing.T) {
	cfg := Config{Letters: 1000, Seed: 5}
	want := letters(t, cfg)
	var got []domain.LetterInput
	err := canonical.Read(bytes.NewReader(ndjson(t, cfg)), "gen.ndjson", func(it document.Item) error {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Origin, it.Err)
		}
		got = append(got, it.Letter)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("read %d letters back, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Title != want[i].Title || got[i].Body != want[i].Body || got[i].ExternalID != want[i].ExternalID {
			t.Fatalf("letter %d read back as %q (%s), want %q (%s)", i, got[i].Title, got[i].ExternalID, want[i].Title, want[i].ExternalID)
		}
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
		want    Config
	}{
		{name: "defaults", cfg: Config{Letters: 100}, want: Config{Letters: 100, Correspondents: 50, From: 1950, To: 2024}},
		{name: "population grows with letters", cfg: Config{Letters: 100000}, want: Config{Letters: 100000, Correspondents: 3000, From: 1950, To: 2024}},
		{name: "only a start year", cfg: Config{Letters: 1, From: 2000}, want: Config{Letters: 1, Correspondents: 50, From: 2000, To: 2024}},
		{name: "no letters", cfg: Config{}, want: Config{Correspondents: 50, From: 1950, To: 2024}},
		{name: "negative letters", cfg: Config{Letters: -1}, wantErr: "negative"},
		{name: "too few correspondents", cfg: Config{Letters: 1, Correspondents: 3}, wantErr: "at least"},
		{name: "years backwards", cfg: Config{Letters: 1, From: 2000, To: 1990}, wantErr: "span"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.cfg.normalize()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one saying %q", err, tt.wantErr)
				}
				if err := Generate(tt.cfg, func(int, domain.LetterInput) error { return nil }); err == nil {
					t.Error("Generate took the Config")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	for _, in := range letters(t, Config{Letters: 2000, Seed: 9, From: 2001, To: 2002}) {
		if err := in.Normalize("gen"); err != nil {
			t.Fatal(err)
		}
		for _, d := range []*time.Time{in.DateNotBefore, in.DateNotAfter} {
			if d != nil && (d.Year() < 2001 || d.Year() > 2002) {
				t.Fatalf("%s: got a date bound %s, want one in 2001..2002", in.ExternalID, d.Format(time.DateOnly))
			}
		}
	}
}

func TestGenerateStops(t *testing.T) {
	stop := errors.New("enough")
	calls := 0
	err := Generate(Config{Letters: 100, Seed: 1}, func(i int, in domain.LetterInput) error {
		calls++
		if i == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("got error %v, want %v", err, stop)
	}
	if got, want := calls, 4; got != want {
		t.Errorf("got %d calls, want %d", got, want)
	}
}

// failingWriter takes n bytes, then fails.
type failingWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteNDJSONError(t *testing.T) {
	tests := []struct {
		name    string
		letters int
		room    int
	}{
		{name: "fails at once", letters: 5000, room: 0},
		{name: "fails midway", letters: 5000, room: 3 << 20},
		{name: "fails on flush", letters: 10, room: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteNDJSON(&failingWriter{n: tt.room}, Config{Letters: tt.letters, Seed: 1})
			if !errors.Is(err, errFull) {
				t.Errorf("got error %v, want %v", err, errFull)
			}
		})
	}
}

// TestLettersIndependent normalises each letter on other goroutines while the next
// ones are made. Under -race it fails if a letter shares anything Normalize writes to
// with the generator or with another letter; and the letters made meanwhile must be
// the ones a clean run makes.
func TestLettersIndependent(t *testing.T) {
	cfg := Config{Letters: 3000, Seed: 11}
	var encoded bytes.Buffer
	work := make(chan *domain.LetterInput, 64)
	errs := make(chan error, cfg.Letters)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for in := range work {
				errs <- in.Normalize("gen")
			}
		})
	}
	err := Generate(cfg, func(i int, in domain.LetterInput) error {
		if err := canonical.Write(&encoded, canonical.FromInput(in)); err != nil {
			return err
		}
		work <- &in
		return nil
	})
	close(work)
	wg.Wait()
	close(errs)
	if err != nil {
		t.Fatal(err)
	}
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(encoded.Bytes(), ndjson(t, cfg)) {
		t.Error("letters made while others were normalised differ from a clean run")
	}
}
