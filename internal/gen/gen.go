package gen

import (
	"fmt"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// Config describes a corpus; the same Config (Seed included) always gives the same letters.
type Config struct {
	Letters int    // how many letters
	Seed    uint64 // the random seed
	// Correspondents is the size of the population; 0 chooses about 3 per 100 letters, at least 50
	Correspondents int
	From, To       int // years of the date span; 0 means 1950..2024
}

// Defaults of Config.
const (
	DefaultFrom = 1950
	DefaultTo   = 2024
	// MinCorrespondents is the smallest population: three persons, three organisations
	// and three offices, with room to spare.
	MinCorrespondents = 10
)

// normalize fills in the defaults and checks cfg.
func (cfg Config) normalize() (Config, error) {
	if cfg.Letters < 0 {
		return cfg, fmt.Errorf("gen: letters is %d; it cannot be negative", cfg.Letters)
	}
	if cfg.Correspondents == 0 {
		cfg.Correspondents = max(50, cfg.Letters*3/100)
	}
	if cfg.Correspondents < MinCorrespondents {
		return cfg, fmt.Errorf("gen: correspondents is %d; at least %d are needed", cfg.Correspondents, MinCorrespondents)
	}
	if cfg.From == 0 {
		cfg.From = DefaultFrom
	}
	if cfg.To == 0 {
		cfg.To = DefaultTo
	}
	if cfg.From < 1 || cfg.To > 9998 || cfg.To < cfg.From {
		return cfg, fmt.Errorf("gen: the years %d..%d are not a span of years", cfg.From, cfg.To)
	}
	return cfg, nil
}

// Generate calls emit with each letter in order (index 0..Letters-1); it stops at the first error emit returns.
//
// Each letter is emitted as a fresh value that shares nothing with the generator or
// with other letters, so emit may keep it, change it or normalise it on another
// goroutine.
func Generate(cfg Config, emit func(i int, in domain.LetterInput) error) error {
	cfg, err := cfg.normalize()
	if err != nil {
		return err
	}
	g := newGenerator(cfg)
	for i := range cfg.Letters {
		if err := emit(i, g.letter(i)); err != nil {
			return err
		}
	}
	return nil
}
