package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Letter is the score of one input of a corpus.
type Letter struct {
	Path        string
	Score       Score
	Differences []Difference
	Err         error // the input did not parse, or not into one letter
}

// ParseFunc reads the letters of the input at path (cmd/lettergraph reads it as
// `lettergraph import` does; this package does not import the parsers, whose tests
// use it).
type ParseFunc func(path string) ([]domain.LetterInput, error)

// Run scores parse on every input in dir that has an expected document beside it
// (NAME.expected.json for NAME.txt, or any other extension), in name order. An input
// that fails, or reads into another number of letters than expected,
// scores nothing right and is reported in Err; Run itself fails only when dir cannot
// be read or an expected document is malformed.
func Run(dir string, parse ParseFunc) ([]Letter, error) {
	inputs, err := pairs(dir)
	if err != nil {
		return nil, err
	}
	var out []Letter
	for _, in := range inputs {
		want, err := Load(in.expected)
		if err != nil {
			return nil, err
		}
		if len(want) == 1 && want[0].Error != "" {
			continue // a bad input, which the tests check fails: no letter to score
		}
		got, perr := parse(in.path)
		if perr == nil && len(got) != len(want) {
			perr = fmt.Errorf("read %d letters, want %d", len(got), len(want))
		}
		for i, w := range want {
			l := Letter{Path: in.path, Err: perr}
			if perr == nil {
				l.Score, l.Differences, l.Err = Compare(got[i], w)
			}
			if l.Err != nil {
				l.Score = missedAll(w)
			}
			out = append(out, l)
		}
	}
	return out, nil
}

// missedAll scores an expected document none of whose facts was read.
func missedAll(w Expected) Score {
	s, _, err := Compare(w.asInput(), w)
	if err != nil {
		return Score{}
	}
	for f, t := range s {
		s[f] = Tally{Expected: t.Expected}
	}
	return s
}

// asInput is the expected document as a letter.
func (e Expected) asInput() domain.LetterInput {
	in, _ := e.Document.ToInput("expected")
	if in.Title == "" && in.Subject == "" && in.Body == "" {
		in.Body = "(described by the body checks)"
	}
	return in
}

type pair struct{ path, expected string }

// pairs finds the inputs of dir that have an expected document.
func pairs(dir string) ([]pair, error) {
	var out []pair
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if strings.HasSuffix(name, ".expected.json") || strings.HasSuffix(name, ".md") {
			return nil
		}
		exp := strings.TrimSuffix(p, filepath.Ext(p)) + ".expected.json"
		if _, err := os.Stat(exp); err == nil {
			out = append(out, pair{p, exp})
		}
		return nil
	})
	slices.SortFunc(out, func(a, b pair) int { return strings.Compare(a.path, b.path) })
	return out, err
}
