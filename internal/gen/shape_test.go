package gen

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// shape is what a corpus looks like, measured from its letters as an importer would
// see them (after Normalize).
type shape struct {
	letters                int
	persons, orgs, offices int     // distinct correspondents in any role
	perCorrespondent       []int   // letters each correspondent appears on, descending
	authored               []int   // letters each author wrote, descending
	top1Share              float64 // share of appearances taken by the top 1% of correspondents
	cc                     [maxCC + 1]int
	ccMean                 float64
	precision              map[domain.DatePrecision]int
	uncertain              int // UNKNOWN with bounds
	first, last            time.Time
	languages              map[string]int
	replies, related, bcc  int
	pairs5, topPair        int   // author–recipient pairs with at least 5 letters; the most letters of one pair
	bodies                 []int // body sizes, descending
	capacity, as_          int
}

// key identifies a correspondent the way the importer's identity rules would.
func key(p domain.PartyInput) string {
	switch {
	case p.Person != nil:
		return "person:" + domain.NormalizeName(p.Person.Name)
	case p.Organisation != nil:
		return "org:" + domain.NormalizeName(p.Organisation.Name)
	case p.Office != nil:
		return "office:" + domain.NormalizeTitle(p.Office.Title) + "|" + domain.NormalizeName(p.Office.Of.Name)
	}
	return "id:" + p.ID
}

func measure(t testing.TB, cfg Config) shape {
	t.Helper()
	s := shape{precision: map[domain.DatePrecision]int{}, languages: map[string]int{}}
	appear, wrote, pairs := map[string]int{}, map[string]int{}, map[[2]string]int{}
	err := Generate(cfg, func(i int, in domain.LetterInput) error {
		if err := in.Normalize("gen"); err != nil {
			return fmt.Errorf("letter %d: %w", i, err)
		}
		s.letters++
		seen := map[string]bool{}
		for _, list := range [][]domain.PartyInput{in.Authors, in.Recipients, in.CC, in.BCC} {
			for _, p := range list {
				if k := key(p); !seen[k] {
					seen[k] = true
					appear[k]++
				}
				if p.Capacity != "" {
					s.capacity++
				}
				if p.As != "" {
					s.as_++
				}
			}
		}
		for _, a := range in.Authors {
			wrote[key(a)]++
			for _, r := range in.Recipients {
				pk := [2]string{key(a), key(r)}
				if pk[1] < pk[0] {
					pk[0], pk[1] = pk[1], pk[0]
				}
				pairs[pk]++
			}
		}
		s.cc[len(in.CC)]++
		s.precision[in.DatePrecision]++
		if in.DatePrecision == domain.PrecisionUnknown && in.DateNotBefore != nil {
			s.uncertain++
		}
		for _, d := range []*time.Time{in.DateNotBefore, in.DateNotAfter} {
			if d != nil && (s.first.IsZero() || d.Before(s.first)) {
				s.first = *d
			}
			if d != nil && d.After(s.last) {
				s.last = *d
			}
		}
		s.languages[in.Language]++
		if len(in.RepliesTo) > 0 {
			s.replies++
		}
		if len(in.Related) > 0 {
			s.related++
		}
		if len(in.BCC) > 0 {
			s.bcc++
		}
		s.bodies = append(s.bodies, len(in.Body))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for k, n := range appear {
		s.perCorrespondent = append(s.perCorrespondent, n)
		total += n
		switch {
		case strings.HasPrefix(k, "person:"):
			s.persons++
		case strings.HasPrefix(k, "org:"):
			s.orgs++
		default:
			s.offices++
		}
	}
	for _, n := range wrote {
		s.authored = append(s.authored, n)
	}
	desc := func(a, b int) int { return cmp.Compare(b, a) }
	slices.SortFunc(s.perCorrespondent, desc)
	slices.SortFunc(s.authored, desc)
	top := 0
	for _, n := range s.perCorrespondent[:max(1, len(s.perCorrespondent)/100)] {
		top += n
	}
	s.top1Share = float64(top) / float64(total)
	ccs := 0
	for n, c := range s.cc {
		ccs += n * c
	}
	s.ccMean = float64(ccs) / float64(s.letters)
	slices.SortFunc(s.bodies, desc)
	for _, n := range pairs {
		if n >= 5 {
			s.pairs5++
		}
		s.topPair = max(s.topPair, n)
	}
	return s
}

// percentile returns the p-th percentile of a descending list.
func percentile(desc []int, p float64) int {
	if len(desc) == 0 {
		return 0
	}
	i := int(float64(len(desc)-1) * (1 - p/100))
	return desc[i]
}

func (s shape) share(n int) float64 { return float64(n) / float64(s.letters) }

func (s shape) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "letters %d; correspondents %d (persons %d, organisations %d, offices %d)\n",
		s.letters, len(s.perCorrespondent), s.persons, s.orgs, s.offices)
	pc := func(name string, l []int) {
		fmt.Fprintf(&b, "%s: p50 %d, p90 %d, p99 %d, max %d\n", name,
			percentile(l, 50), percentile(l, 90), percentile(l, 99), l[0])
	}
	pc("letters per correspondent", s.perCorrespondent)
	pc("letters per author", s.authored)
	fmt.Fprintf(&b, "top 1%% of correspondents: %.1f%% of appearances\n", 100*s.top1Share)
	fmt.Fprintf(&b, "cc: mean %.2f, histogram %v; bcc %.1f%%\n", s.ccMean, s.cc, 100*s.share(s.bcc))
	fmt.Fprintf(&b, "dates %s..%s; precision %v; uncertain %.1f%%\n", s.first.Format(time.DateOnly),
		s.last.Format(time.DateOnly), s.precision, 100*s.share(s.uncertain))
	fmt.Fprintf(&b, "languages %v\n", s.languages)
	fmt.Fprintf(&b, "replies %.1f%%, related %.1f%%; pairs with ≥5 letters %d, top pair %d\n",
		100*s.share(s.replies), 100*s.share(s.related), s.pairs5, s.topPair)
	pc("body bytes", s.bodies)
	fmt.Fprintf(&b, "capacities %d, as %d\n", s.capacity, s.as_)
	return b.String()
}

func TestShape(t *testing.T) {
	if testing.Short() {
		t.Skip("measures 20k letters")
	}
	s := measure(t, Config{Letters: 20000, Seed: 1})
	t.Log("\n" + s.String())
	pct := func(n int) float64 { return 100 * s.share(n) }
	tests := []struct {
		name     string
		got      float64
		min, max float64
	}{
		// Heavy tail: the top 1% of correspondents are on a large share of letters,
		// while the typical one is on a handful.
		// (20k letters have 600 correspondents, so the top 1% are six of them.)
		{name: "top 1% share of appearances (%)", got: 100 * s.top1Share, min: 15, max: 65},
		{name: "median letters per correspondent", got: float64(percentile(s.perCorrespondent, 50)), min: 2, max: 60},
		{name: "busiest over median correspondent", got: float64(s.perCorrespondent[0]) / float64(percentile(s.perCorrespondent, 50)), min: 50, max: 1000},
		{name: "letters of the busiest author", got: float64(s.authored[0]), min: 300, max: 5000},
		{name: "cc mean", got: s.ccMean, min: 1.0, max: 1.4},
		{name: "letters without cc (%)", got: pct(s.cc[0]), min: 38, max: 52},
		{name: "letters with bcc (%)", got: pct(s.bcc), min: 2, max: 4},
		{name: "DAY precision (%)", got: pct(s.precision[domain.PrecisionDay]), min: 78, max: 84},
		{name: "MONTH precision (%)", got: pct(s.precision[domain.PrecisionMonth]), min: 6.5, max: 9.5},
		{name: "YEAR precision (%)", got: pct(s.precision[domain.PrecisionYear]), min: 3, max: 5},
		{name: "uncertain (%)", got: pct(s.uncertain), min: 4, max: 6},
		{name: "undated (%)", got: pct(s.precision[domain.PrecisionUnknown] - s.uncertain), min: 1.4, max: 2.6},
		{name: "English (%)", got: pct(s.languages["en"]), min: 70, max: 92},
		{name: "German (%)", got: pct(s.languages["de"]), min: 1, max: 12},
		{name: "French (%)", got: pct(s.languages["fr"]), min: 1, max: 12},
		{name: "Persian (%)", got: pct(s.languages["fa"]), min: 1, max: 12},
		{name: "replies (%)", got: pct(s.replies), min: 18, max: 26},
		{name: "pairs with 5 letters or more", got: float64(s.pairs5), min: 200, max: 5000},
		{name: "organisations among correspondents (%)", got: 100 * float64(s.orgs) / float64(len(s.perCorrespondent)), min: 3, max: 8},
		{name: "offices among correspondents (%)", got: 100 * float64(s.offices) / float64(len(s.perCorrespondent)), min: 3, max: 8},
		{name: "median body (bytes)", got: float64(percentile(s.bodies, 50)), min: 500, max: 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got < tt.min || tt.got > tt.max {
				t.Errorf("got %.2f, want %.2f..%.2f", tt.got, tt.min, tt.max)
			}
		})
	}
	if got, want := s.first.Year(), 1950; got != want {
		t.Errorf("got the first date in %d, want %d", got, want)
	}
	if got, want := s.last.Year(), 2024; got != want {
		t.Errorf("got the last date in %d, want %d", got, want)
	}
}
