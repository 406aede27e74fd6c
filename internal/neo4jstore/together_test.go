package neo4jstore_test

import (
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// TestReadTogether checks that reads answered together, in one query, give what each
// gives alone, a read with no rows included.
func TestReadTogether(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	ana, bob := person("Ana Amani"), person("Bob Bell")
	for _, in := range []domain.LetterInput{
		{Title: "one", Date: day("1990-01-02"), Authors: []domain.PartyInput{ana}, Recipients: []domain.PartyInput{bob}},
		{Title: "two", Date: day("1990-03-04"), Authors: []domain.PartyInput{bob}, Recipients: []domain.PartyInput{ana}, CC: []domain.PartyInput{person("Cy Copied")}},
		{Title: "three", Authors: []domain.PartyInput{ana}, CC: []domain.PartyInput{bob}},
	} {
		create(t, store, in)
	}
	a, b := personID(t, "Ana Amani"), personID(t, "Bob Bell")
	two := 2
	written := domain.LetterPageRead{Filter: domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: a, Role: domain.RoleAuthor}}},
		Order: domain.OrderDateDesc, Page: domain.PageRequest{First: &two}}
	none := domain.LetterPageRead{Filter: domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: "nobody", Role: domain.RoleAny}}}}
	pairs := domain.PairPageRead{ID: a, Order: domain.PairByLetters}
	reads := domain.Reads{Correspondent: a, LetterPages: []domain.LetterPageRead{written, none},
		PairPages: []domain.PairPageRead{pairs}, Exchange: &domain.ExchangeRead{A: a, B: b}}

	var queries atomic.Int64
	neo4jstore.ObserveQueries(func(string, map[string]any, time.Duration) { queries.Add(1) })
	got, err := store.ReadTogether(ctx, reads)
	neo4jstore.ObserveQueries(nil)
	if err != nil {
		t.Fatalf("ReadTogether: %v", err)
	}
	if n := queries.Load(); n != 1 {
		t.Errorf("ReadTogether sent %d queries, want 1", n)
	}

	c, err := store.Correspondent(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	want := &domain.ReadResults{Correspondent: c}
	for _, r := range reads.LetterPages {
		page, err := store.Letters(ctx, r.Filter, r.Order, r.Page)
		if err != nil {
			t.Fatal(err)
		}
		want.LetterPages = append(want.LetterPages, page)
	}
	pp, err := store.Pairs(ctx, pairs.ID, pairs.Filter, pairs.Order, pairs.Page)
	if err != nil {
		t.Fatal(err)
	}
	want.PairPages = []*domain.PairPage{pp}
	e, err := store.Exchange(ctx, a, b, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want.Exchange = &e
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadTogether = %+v\nwant (each alone) %+v", got, want)
	}
	if len(got.LetterPages[0].Letters) != 2 || len(got.LetterPages[1].Letters) != 0 || e.AToB != 2 || e.BToA != 1 {
		t.Errorf("pages %d and %d letters, exchange %+v; want 2, 0 and 2 one way, 1 the other",
			len(got.LetterPages[0].Letters), len(got.LetterPages[1].Letters), e)
	}

	missing, err := store.ReadTogether(ctx, domain.Reads{Correspondent: "nobody", PairPages: []domain.PairPageRead{pairs}})
	if err != nil || missing.Correspondent != nil || len(missing.PairPages[0].Pairs) != 2 {
		t.Errorf("ReadTogether(missing correspondent) = %+v, %v; want no correspondent and Ana's 2 pairs", missing, err)
	}
}
