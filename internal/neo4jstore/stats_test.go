package neo4jstore_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
	"github.com/lettergraph/lettergraph/internal/seed"
)

func TestTimelineAndStatistics(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	if _, _, err := seed.Load(ctx, store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	for _, in := range []domain.LetterInput{
		{Title: "a", Date: day("1893-01-14"), Authors: []domain.PartyInput{person("Ann")}, Recipients: []domain.PartyInput{person("Bob")}},
		{Title: "b", Date: day("1893-01-20"), Authors: []domain.PartyInput{person("Ann")}, CC: []domain.PartyInput{person("Bob")}},
		{Title: "c", Date: day("1893-03-01"), DatePrecision: domain.PrecisionMonth, Authors: []domain.PartyInput{person("Ann")}},
		{Title: "d", Date: day("1895-01-01"), DatePrecision: domain.PrecisionYear, Authors: []domain.PartyInput{person("Bob")}},
		{Title: "e", DateNotBefore: day("1890-01-01"), DateNotAfter: day("1899-12-31")},
	} {
		create(t, store, in)
	}

	tests := []struct {
		name     string
		bucket   domain.Bucket
		filter   domain.LetterFilter
		want     string
		unplaced int
	}{
		{"years", domain.BucketYear, domain.LetterFilter{}, "1893:3 1895:1", 2},
		{"months", domain.BucketMonth, domain.LetterFilter{}, "1893-01:2 1893-03:1", 3},
		{"filtered", domain.BucketYear, domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: personID(t, "Bob")}}}, "1893:2 1895:1", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := store.Timeline(ctx, tt.filter, tt.bucket)
			if err != nil {
				t.Fatalf("Timeline: %v", err)
			}
			got := ""
			for _, p := range tl.Points {
				if got != "" {
					got += " "
				}
				got += p.Period + ":" + strconv.Itoa(p.Letters)
			}
			if got != tt.want || tl.Unplaced != tt.unplaced {
				t.Errorf("Timeline = %q, unplaced %d; want %q, %d", got, tl.Unplaced, tt.want, tt.unplaced)
			}
		})
	}

	st, err := store.Statistics(ctx)
	if err != nil {
		t.Fatalf("Statistics: %v", err)
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"letters (with 3 stubs)", st.Nodes[domain.LabelLetter], 9},
		{"stubs", st.Stubs, 3},
		{"persons", st.Nodes[domain.LabelPerson], 4},
		{"offices", st.Nodes[domain.LabelOffice], 3},
		{"wrote", st.Links[domain.LinkWrote], 5},
		{"cc", st.Links[domain.LinkCC], 5},
		{"holds", st.Links[domain.LinkHolds], 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}

	top, err := store.TopCorrespondents(ctx, domain.RoleAuthor, 2)
	if err != nil {
		t.Fatalf("TopCorrespondents: %v", err)
	}
	if len(top) != 2 || top[0].Correspondent.DisplayName() != "Ann" || top[0].Letters != 3 || top[1].Letters != 1 {
		t.Errorf("top authors = %+v, want Ann (3) first", top)
	}
	if _, err := store.TopCorrespondents(ctx, domain.RoleAny, domain.MaxPageSize+1); domain.ErrorCode(err) != domain.CodeLimitExceeded {
		t.Errorf("too many: %v, want LIMIT_EXCEEDED", err)
	}
}

// TestTopCorrespondentsOfReaders: a reader's ranking counts the letters they may see
// only, however many restricted letters the busiest wrote, and whatever the size of
// the batches the threshold walk reads.
func TestTopCorrespondentsOfReaders(t *testing.T) {
	store := neo4jtest.Store(t)
	write := func(author string, n int, restricted bool) {
		for i := range n {
			create(t, store, domain.LetterInput{Title: fmt.Sprintf("%s %d %v", author, i, restricted), Restricted: restricted,
				Authors: []domain.PartyInput{person(author)}})
		}
	}
	write("Xavier Hidden", 5, true)
	write("Xavier Hidden", 1, false)
	write("Yolanda Open", 3, false)
	write("Zeno Open", 2, false)
	write("Walter Open", 1, false)
	names := func(top []domain.RoleCount) string {
		var out []string
		for _, c := range top {
			out = append(out, fmt.Sprintf("%s %d", c.Correspondent.DisplayName(), c.Letters))
		}
		return strings.Join(out, ", ")
	}
	for _, batch := range []int{1, 2, 20, 100} {
		restore := neo4jstore.SetTopBatch(batch)
		for _, tc := range []struct {
			name string
			ctx  context.Context
			n    int
			want string
		}{
			{"reader, top 2", reader, 2, "Yolanda Open 3, Zeno Open 2"},
			{"reader, top 4", reader, 4, "Yolanda Open 3, Zeno Open 2, Walter Open 1, Xavier Hidden 1"},
			{"reader, top 10", reader, 10, "Yolanda Open 3, Zeno Open 2, Walter Open 1, Xavier Hidden 1"},
			{"admin, top 2", neo4jtest.Context(), 2, "Xavier Hidden 6, Yolanda Open 3"},
		} {
			top, err := store.TopCorrespondents(tc.ctx, domain.RoleAuthor, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			if got := names(top); got != tc.want {
				t.Errorf("batch %d, %s: %q, want %q", batch, tc.name, got, tc.want)
			}
		}
		restore()
	}
}
