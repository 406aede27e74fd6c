package neo4jstore_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func intp(n int) *int { return &n }

// walk pages through every letter in order, forward or backward, calling between
// pages, and returns the ids in display order (forward order for both).
func walk(tb testing.TB, store *neo4jstore.Store, order domain.LetterOrder, size int, backward bool, between func()) []string {
	tb.Helper()
	return walkFiltered(tb, store, domain.LetterFilter{}, order, size, backward, between)
}

// walkFiltered is walk over the letters f selects.
func walkFiltered(tb testing.TB, store *neo4jstore.Store, f domain.LetterFilter, order domain.LetterOrder, size int, backward bool, between func()) []string {
	tb.Helper()
	ctx := neo4jtest.Context()
	var ids []string
	req := domain.PageRequest{First: intp(size)}
	if backward {
		req = domain.PageRequest{Last: intp(size)}
	}
	for pages := 0; pages < 100; pages++ {
		page, err := store.Letters(ctx, f, order, req)
		if err != nil {
			tb.Fatalf("Letters(%+v): %v", req, err)
		}
		var got []string
		for _, l := range page.Letters {
			got = append(got, l.ID)
		}
		if backward {
			ids = append(got, ids...)
			if !page.PageInfo.HasPreviousPage {
				return ids
			}
			req = domain.PageRequest{Last: intp(size), Before: page.PageInfo.StartCursor}
		} else {
			ids = append(ids, got...)
			if !page.PageInfo.HasNextPage {
				return ids
			}
			req = domain.PageRequest{First: intp(size), After: page.PageInfo.EndCursor}
		}
		if between != nil {
			between()
		}
	}
	tb.Fatalf("more than 100 pages")
	return nil
}

func TestPagingHasNoDuplicatesOrGaps(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	// 23 letters over 5 dates, so that pages split runs of equal dates.
	for i := 0; i < 23; i++ {
		in := domain.LetterInput{Title: fmt.Sprintf("letter %02d", i)}
		if i%5 != 0 {
			in.Date = day(fmt.Sprintf("1900-0%d-01", 1+i%5))
		}
		create(t, store, in)
	}
	all, err := store.Letters(ctx, domain.LetterFilter{}, domain.OrderDateDesc, domain.PageRequest{First: intp(100)})
	if err != nil {
		t.Fatalf("Letters: %v", err)
	}
	var want []string
	for _, l := range all.Letters {
		want = append(want, l.ID)
	}
	if len(want) != 23 {
		t.Fatalf("%d letters, want 23", len(want))
	}

	for _, tt := range []struct {
		name     string
		size     int
		backward bool
	}{
		{"forward by 5", 5, false},
		{"forward by 1", 1, false},
		{"backward by 5", 5, true},
		{"backward by 7", 7, true},
		{"one page", 23, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := walk(t, store, domain.OrderDateDesc, tt.size, tt.backward, nil); !slices.Equal(got, want) {
				t.Errorf("walked ids =\n%q\nwant\n%q", got, want)
			}
		})
	}

	added := 0
	for _, tt := range []struct {
		name     string
		backward bool
		date     string
	}{
		{"forward while newer letters are added", false, "1950-01-01"},
		{"forward while letters are added among the others", false, "1900-03-01"},
		{"backward while older letters are added", true, "1800-01-01"},
		{"backward while letters are added among the others", true, "1900-02-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// Whether a letter added during the walk is seen depends on where it sorts;
			// no letter that existed at the start is skipped or repeated.
			got := walk(t, store, domain.OrderDateDesc, 4, tt.backward, func() {
				added++
				create(t, store, domain.LetterInput{Title: fmt.Sprintf("added %d", added), Date: day(tt.date)})
			})
			seen := map[string]int{}
			for _, id := range got {
				seen[id]++
			}
			for _, id := range want {
				if seen[id] != 1 {
					t.Errorf("letter %s seen %d times, want once", id, seen[id])
				}
			}
			for id, n := range seen {
				if n > 1 {
					t.Errorf("letter %s seen %d times", id, n)
				}
			}
		})
	}

	t.Run("page info", func(t *testing.T) {
		first, err := store.Letters(ctx, domain.LetterFilter{}, domain.OrderDateDesc, domain.PageRequest{First: intp(3)})
		if err != nil {
			t.Fatalf("Letters: %v", err)
		}
		if first.PageInfo.HasPreviousPage || !first.PageInfo.HasNextPage || len(first.Cursors) != 3 ||
			first.PageInfo.StartCursor != first.Cursors[0] || first.PageInfo.EndCursor != first.Cursors[2] {
			t.Errorf("first page info = %+v (%d cursors), want no previous, next, cursors matching", first.PageInfo, len(first.Cursors))
		}
	})

	t.Run("bad requests", func(t *testing.T) {
		for _, tt := range []struct {
			name string
			req  domain.PageRequest
			code domain.Code
		}{
			{"too large", domain.PageRequest{First: intp(domain.MaxPageSize + 1)}, domain.CodeLimitExceeded},
			{"negative", domain.PageRequest{First: intp(-1)}, domain.CodeBadUserInput},
			{"garbage cursor", domain.PageRequest{After: "not-a-cursor"}, domain.CodeBadUserInput},
			{"cursor of another order", domain.PageRequest{After: all.Cursors[0]}, domain.CodeBadUserInput},
		} {
			t.Run(tt.name, func(t *testing.T) {
				order := domain.OrderDateDesc
				if tt.name == "cursor of another order" {
					order = domain.OrderTitleAsc
				}
				_, err := store.Letters(ctx, domain.LetterFilter{}, order, tt.req)
				if got := domain.ErrorCode(err); got != tt.code {
					t.Errorf("error code = %q (%v), want %q", got, err, tt.code)
				}
			})
		}
	})
}

// TestBusyCorrespondentPagesFromTheIndex pages through a busy correspondent's letters
// in small pages, which read the sort key's index (pageOf), and checks them against
// one large page, which walks the correspondent's letters and sorts them.
func TestBusyCorrespondentPagesFromTheIndex(t *testing.T) {
	store := neo4jtest.Store(t)
	for i := range 30 {
		create(t, store, domain.LetterInput{Title: fmt.Sprintf("busy %02d", i), Date: day(fmt.Sprintf("19%02d-01-01", 50+i%7)),
			Authors: []domain.PartyInput{person("Busy Writer")}})
	}
	for i := range 3 {
		create(t, store, domain.LetterInput{Title: fmt.Sprintf("quiet %d", i), Date: day("1953-01-01"), Authors: []domain.PartyInput{person("Quiet Writer")}})
	}
	busy := personID(t, "Busy Writer")
	f := domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: busy, Role: domain.RoleAuthor}}}
	for _, order := range []domain.LetterOrder{domain.OrderDateDesc, domain.OrderDateAsc, domain.OrderTitleAsc} {
		all, err := store.Letters(neo4jtest.Context(), f, order, domain.PageRequest{First: intp(100)})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, l := range all.Letters {
			want = append(want, l.ID)
		}
		if len(want) != 30 {
			t.Fatalf("%s: one page of %d letters, want 30", order, len(want))
		}
		for _, backward := range []bool{false, true} {
			if got := walkFiltered(t, store, f, order, 3, backward, nil); !slices.Equal(got, want) {
				t.Errorf("%s, backward %v: pages of 3 give %d letters %q, want %q", order, backward, len(got), got, want)
			}
		}
	}
}
