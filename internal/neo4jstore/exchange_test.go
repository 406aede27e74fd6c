package neo4jstore_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func TestExchangeAndPairs(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	letter := func(title, date string, authors, recipients, cc []string) {
		in := domain.LetterInput{Title: title}
		if date != "" {
			in.Date = day(date)
		}
		for _, n := range authors {
			in.Authors = append(in.Authors, person(n))
		}
		for _, n := range recipients {
			in.Recipients = append(in.Recipients, person(n))
		}
		for _, n := range cc {
			in.CC = append(in.CC, person(n))
		}
		create(t, store, in)
	}
	letter("1", "1900-01-01", []string{"Ann"}, []string{"Bob"}, []string{"Cy"})
	letter("2", "1901-01-01", []string{"Ann"}, []string{"Bob"}, nil)
	letter("3", "1902-06-01", []string{"Bob"}, []string{"Ann"}, []string{"Cy", "Dee"})
	letter("4", "", []string{"Cy"}, []string{"Ann"}, nil)
	letter("5", "1950-01-01", []string{"Eve"}, []string{"Dee"}, []string{"Ann", "Cy"})
	ann, bob, cy := personID(t, "Ann"), personID(t, "Bob"), personID(t, "Cy")

	t.Run("exchange", func(t *testing.T) {
		tests := []struct {
			name       string
			a, b       string
			from, to   *time.Time
			ab, ba     int
			reciprocal bool
		}{
			{"ann and bob", ann, bob, nil, nil, 2, 1, true},
			{"bob and ann", bob, ann, nil, nil, 1, 2, true},
			{"ann and cy, copies count", ann, cy, nil, nil, 1, 1, true},
			{"in 1901 and after", ann, bob, day("1901-01-01"), nil, 1, 1, true},
			{"before 1901", ann, bob, nil, day("1900-12-31"), 1, 0, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e, err := store.Exchange(ctx, tt.a, tt.b, tt.from, tt.to)
				if err != nil {
					t.Fatalf("Exchange: %v", err)
				}
				if e.AToB != tt.ab || e.BToA != tt.ba || e.Reciprocal() != tt.reciprocal {
					t.Errorf("Exchange = %+v (reciprocal %v), want %d, %d, %v", e, e.Reciprocal(), tt.ab, tt.ba, tt.reciprocal)
				}
			})
		}
	})

	t.Run("pairs of ann", func(t *testing.T) {
		page, err := store.Pairs(ctx, ann, domain.PairFilter{}, domain.PairByLetters, domain.PageRequest{})
		if err != nil {
			t.Fatalf("Pairs: %v", err)
		}
		got := map[string]domain.Pair{}
		var order []string
		for _, p := range page.Pairs {
			got[p.Correspondent.DisplayName()] = p
			order = append(order, p.Correspondent.DisplayName())
		}
		if len(order) != 4 || order[0] != "Cy" {
			t.Fatalf("order = %q, want Cy (4 letters) first of Cy, Bob, Dee, Eve", order)
		}
		b := got["Bob"]
		if b.Letters != 3 || b.WroteTo != 2 || b.ReceivedFrom != 1 || b.First.Format(time.DateOnly) != "1900-01-01" || b.Last.Format(time.DateOnly) != "1902-06-01" {
			t.Errorf("Bob = %+v", b)
		}
		c := got["Cy"]
		if c.Letters != 4 || c.CopiedOnMine != 1 || c.ReceivedFrom != 1 || c.CopiedAlongside != 1 {
			t.Errorf("Cy = %+v, want 4 letters: copied on Ann's, wrote to her, and copied alongside her", c)
		}
		if e := got["Eve"]; e.CopiedOnTheirs != 1 || e.Letters != 1 {
			t.Errorf("Eve = %+v, want Ann copied on Eve's letter", e)
		}
	})

	t.Run("orders, role and paging", func(t *testing.T) {
		names := func(f domain.PairFilter, order domain.PairOrder, req domain.PageRequest) ([]string, *domain.PairPage) {
			t.Helper()
			page, err := store.Pairs(ctx, ann, f, order, req)
			if err != nil {
				t.Fatalf("Pairs: %v", err)
			}
			var out []string
			for _, p := range page.Pairs {
				out = append(out, p.Correspondent.DisplayName())
			}
			return out, page
		}
		if got, _ := names(domain.PairFilter{}, domain.PairByWroteTo, domain.PageRequest{First: intp(1)}); len(got) != 1 || got[0] != "Bob" {
			t.Errorf("most written to = %q, want Bob", got)
		}
		if got, _ := names(domain.PairFilter{Role: domain.RoleAuthor}, domain.PairByName, domain.PageRequest{}); len(got) != 3 || got[0] != "Bob" || got[2] != "Eve" {
			t.Errorf("authors of letters with Ann = %q, want Bob, Cy, Eve", got)
		}
		first, page := names(domain.PairFilter{}, domain.PairByName, domain.PageRequest{First: intp(2)})
		rest, _ := names(domain.PairFilter{}, domain.PairByName, domain.PageRequest{First: intp(5), After: page.PageInfo.EndCursor})
		if all := append(first, rest...); len(all) != 4 || all[0] != "Bob" || all[3] != "Eve" {
			t.Errorf("paged by name = %q, want Bob, Cy, Dee, Eve", all)
		}
		_, byLast := names(domain.PairFilter{}, domain.PairByLastDate, domain.PageRequest{First: intp(1)})
		if more, _ := names(domain.PairFilter{}, domain.PairByLastDate, domain.PageRequest{First: intp(9), After: byLast.PageInfo.EndCursor}); len(more) != 3 {
			t.Errorf("after the first by last date: %q, want the 3 others", more)
		}
	})
}

// TestBetweenFromEitherEnd checks that what two correspondents share is the same
// whichever of them the query starts from: the busier one, or the quieter.
func TestBetweenFromEitherEnd(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	for i := range 3 {
		create(t, store, domain.LetterInput{Title: fmt.Sprintf("ann to bob %d", i), Authors: []domain.PartyInput{person("Ann Busy")}, Recipients: []domain.PartyInput{person("Bob Quiet")}})
	}
	for i := range 5 {
		create(t, store, domain.LetterInput{Title: fmt.Sprintf("ann to others %d", i), Authors: []domain.PartyInput{person("Ann Busy")}, Recipients: []domain.PartyInput{person(fmt.Sprintf("Other %d", i))}})
	}
	create(t, store, domain.LetterInput{Title: "bob to ann", Authors: []domain.PartyInput{person("Bob Quiet")}, CC: []domain.PartyInput{person("Ann Busy")}})
	ann, bob := personID(t, "Ann Busy"), personID(t, "Bob Quiet")

	for _, ends := range [][2]string{{ann, bob}, {bob, ann}} {
		e, err := store.Exchange(ctx, ends[0], ends[1], nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := [2]int{e.AToB, e.BToA}; (ends[0] == ann && got != [2]int{3, 1}) || (ends[0] == bob && got != [2]int{1, 3}) {
			t.Errorf("Exchange(%s, %s) = %v", ends[0], ends[1], got)
		}
		f := domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: ends[0]}, {CorrespondentID: ends[1]}}}
		page, err := store.Letters(ctx, f, domain.OrderTitleAsc, domain.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"ann to bob 0", "ann to bob 1", "ann to bob 2", "bob to ann"}
		if got := titles(page.Letters); !slices.Equal(got, want) {
			t.Errorf("letters between %s and %s = %q, want %q", ends[0], ends[1], got, want)
		}
	}
}
