package neo4jstore_test

import (
	"slices"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

func day(s string) *time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func person(name string) domain.PartyInput {
	return domain.PartyInput{Person: &domain.PersonInput{Name: name}}
}

func create(tb testing.TB, store *neo4jstore.Store, in domain.LetterInput) *domain.Letter {
	tb.Helper()
	l, created, err := store.CreateLetter(neo4jtest.Context(), in)
	if err != nil {
		tb.Fatalf("CreateLetter(%q): %v", in.Title, err)
	}
	if !created {
		tb.Fatalf("CreateLetter(%q): created = false, want true", in.Title)
	}
	return l
}

// personID returns the id of the one person with the name.
func personID(tb testing.TB, name string) string {
	tb.Helper()
	rows := neo4jtest.Exec(tb, `MATCH (p:Person {name: $name}) RETURN p.id AS id`, map[string]any{"name": name})
	if len(rows) != 1 {
		tb.Fatalf("%d persons named %q, want 1", len(rows), name)
	}
	return rows[0]["id"].(string)
}

func titles(letters []*domain.Letter) []string {
	out := make([]string, len(letters))
	for i, l := range letters {
		out[i] = l.Title
	}
	return out
}

func TestCreateReadUpdateDelete(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()

	l := create(t, store, domain.LetterInput{
		Title: "On the harbour", Body: "Dear Anna, the harbour froze.", Date: day("1893-01-14"),
		DateText: "14th January 1893", Language: "en", SourceFormat: domain.FormatText,
		Authors:    []domain.PartyInput{person("Dr. Karl Weber")},
		Recipients: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Anna Berg"}, As: "Director of the Museum"}},
		CC:         []domain.PartyInput{person("Ole Lind"), {Organisation: &domain.OrganisationInput{Name: "Harbour Board"}}},
		BCC:        []domain.PartyInput{person("Secret Sam")},
		WrittenAt:  &domain.PlaceInput{Name: "Bergen", Country: "Norway"},
	})
	got, err := store.Letter(ctx, l.ID)
	if err != nil {
		t.Fatalf("Letter: %v", err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", got.Title, "On the harbour"},
		{"date", got.Date.Format(time.DateOnly), "1893-01-14"},
		{"precision", got.DatePrecision, domain.PrecisionDay},
		{"notBefore", got.DateNotBefore.Format(time.DateOnly), "1893-01-14"},
		{"author", got.Authors[0].Correspondent.DisplayName(), "Karl Weber"},
		{"author honorific", got.Authors[0].Correspondent.(*domain.Person).Honorific, "Dr."},
		{"recipient as", got.Recipients[0].As, "Director of the Museum"},
		{"cc count", len(got.CC), 2},
		{"cc[1]", got.CC[1].Correspondent.DisplayName(), "Harbour Board"},
		{"bcc", got.BCC[0].Correspondent.DisplayName(), "Secret Sam"},
		{"place", got.WrittenAt.Name, "Bergen"},
		{"content hash", got.ContentHash != "", true},
		{"imported at", got.ImportedAt.IsZero(), false},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}

	title, month := "On the frozen harbour", domain.PrecisionMonth
	updated, err := store.UpdateLetter(ctx, l.ID, domain.LetterPatch{Title: &title, Date: day("1893-02-01"), DatePrecision: &month})
	if err != nil {
		t.Fatalf("UpdateLetter: %v", err)
	}
	if updated.Title != title || updated.DatePrecision != month || updated.DateNotAfter.Format(time.DateOnly) != "1893-02-28" {
		t.Errorf("updated = %q %s until %s, want %q MONTH until 1893-02-28", updated.Title, updated.DatePrecision, updated.DateNotAfter.Format(time.DateOnly), title)
	}
	if updated.Body != got.Body || len(updated.CC) != 2 {
		t.Errorf("update touched what it was not given: body %q, %d cc", updated.Body, len(updated.CC))
	}
	cleared, err := store.UpdateLetter(ctx, l.ID, domain.LetterPatch{ClearDate: true})
	if err != nil {
		t.Fatalf("UpdateLetter(clear date): %v", err)
	}
	if cleared.Date != nil || cleared.DatePrecision != domain.PrecisionUnknown || cleared.DateNotBefore != nil {
		t.Errorf("cleared date = %v %s %v, want nil UNKNOWN nil", cleared.Date, cleared.DatePrecision, cleared.DateNotBefore)
	}

	if err := store.DeleteLetter(ctx, l.ID); err != nil {
		t.Fatalf("DeleteLetter: %v", err)
	}
	if _, err := store.Letter(ctx, l.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("Letter after delete: err = %v, want NOT_FOUND", err)
	}
	if err := store.DeleteLetter(ctx, l.ID); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("DeleteLetter again: err = %v, want NOT_FOUND", err)
	}
	if _, err := store.UpdateLetter(ctx, l.ID, domain.LetterPatch{Title: &title}); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("UpdateLetter after delete: err = %v, want NOT_FOUND", err)
	}
	// What only the letter asserted goes with it (docs/security.md, Provenance).
	if rows := neo4jtest.Exec(t, `MATCH (p:Person {name: 'Anna Berg'}) RETURN p.id AS id`, nil); len(rows) != 0 {
		t.Errorf("Anna Berg after delete: %d nodes, want 0", len(rows))
	}
}

func TestLetterFilters(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "A: Weber to Berg", Body: "about the harbour ice", Date: day("1893-01-14"),
		Language: "en", SourceFormat: domain.FormatText, WrittenAt: &domain.PlaceInput{Name: "Bergen", Country: "Norway"},
		Authors: []domain.PartyInput{person("Karl Weber")}, Recipients: []domain.PartyInput{person("Anna Berg")},
		CC: []domain.PartyInput{person("Ole Lind")}})
	create(t, store, domain.LetterInput{Title: "B: Berg to Weber", Body: "the museum café opens", Date: day("1893-05-01"),
		DatePrecision: domain.PrecisionMonth, Language: "de", SourceFormat: domain.FormatEmail,
		Authors: []domain.PartyInput{person("Anna Berg")}, Recipients: []domain.PartyInput{person("Karl Weber")},
		BCC: []domain.PartyInput{person("Ole Lind")}})
	create(t, store, domain.LetterInput{Title: "C: Lind to all, undated", Body: "greetings from the harbour",
		Authors: []domain.PartyInput{person("Ole Lind")}, Recipients: []domain.PartyInput{person("Anna Berg"), person("Karl Weber")},
		Related: []domain.LetterRef{{Title: "D: a stub"}}})
	create(t, store, domain.LetterInput{Title: "E: uncertain 1890s", Body: "a letter of the 1890s",
		DateNotBefore: day("1890-01-01"), DateNotAfter: day("1899-12-31"),
		Authors: []domain.PartyInput{person("Karl Weber")}})
	weber, berg, lind := personID(t, "Karl Weber"), personID(t, "Anna Berg"), personID(t, "Ole Lind")
	bergen := neo4jtest.Exec(t, `MATCH (p:Place {name: 'Bergen'}) RETURN p.id AS id`, nil)[0]["id"].(string)

	tests := []struct {
		name   string
		filter domain.LetterFilter
		want   []string // titles, newest first
	}{
		{"all, stubs excluded, undated last", domain.LetterFilter{}, []string{"B: Berg to Weber", "A: Weber to Berg", "E: uncertain 1890s", "C: Lind to all, undated"}},
		// Undated letters tie on date and break the tie by id, which holds no time
		// (newID): the two undated ones come last in some order (see below).
		{"stubs included", domain.LetterFilter{IncludeStubs: true}, []string{"B: Berg to Weber", "A: Weber to Berg", "E: uncertain 1890s", "C: Lind to all, undated", "D: a stub"}},
		{"weber as author", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: weber, Role: domain.RoleAuthor}}}, []string{"A: Weber to Berg", "E: uncertain 1890s"}},
		{"weber as recipient", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: weber, Role: domain.RoleRecipient}}}, []string{"B: Berg to Weber", "C: Lind to all, undated"}},
		{"weber in any role", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: weber, Role: domain.RoleAny}}}, []string{"B: Berg to Weber", "A: Weber to Berg", "E: uncertain 1890s", "C: Lind to all, undated"}},
		{"lind copied", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: lind, Role: domain.RoleCC}}}, []string{"A: Weber to Berg"}},
		{"lind blind-copied", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: lind, Role: domain.RoleBCC}}}, []string{"B: Berg to Weber"}},
		{"berg to weber, both roles", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: berg, Role: domain.RoleAuthor}, {CorrespondentID: weber, Role: domain.RoleRecipient}}}, []string{"B: Berg to Weber"}},
		{"date range, uncertain dates overlap", domain.LetterFilter{DateFrom: day("1893-01-01"), DateTo: day("1893-03-31")}, []string{"A: Weber to Berg", "E: uncertain 1890s"}},
		{"month precision overlaps", domain.LetterFilter{DateFrom: day("1893-05-31")}, []string{"B: Berg to Weber", "E: uncertain 1890s"}},
		{"before 1893", domain.LetterFilter{DateTo: day("1892-12-31")}, []string{"E: uncertain 1890s"}},
		{"place", domain.LetterFilter{PlaceID: bergen}, []string{"A: Weber to Berg"}},
		{"source format", domain.LetterFilter{Formats: []domain.SourceFormat{domain.FormatEmail}}, []string{"B: Berg to Weber"}},
		{"language", domain.LetterFilter{Language: "de"}, []string{"B: Berg to Weber"}},
		{"text", domain.LetterFilter{Text: "harbour"}, []string{"A: Weber to Berg", "C: Lind to all, undated"}},
		{"text without diacritics", domain.LetterFilter{Text: "cafe"}, []string{"B: Berg to Weber"}},
		{"text and correspondent", domain.LetterFilter{Text: "harbour", Involving: []domain.Involvement{{CorrespondentID: lind}}}, []string{"A: Weber to Berg", "C: Lind to all, undated"}},
		{"text with operators is safe", domain.LetterFilter{Text: `harbour) OR (x:"`}, nil},
		{"unknown correspondent", domain.LetterFilter{Involving: []domain.Involvement{{CorrespondentID: "nobody"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := store.Letters(ctx, tt.filter, domain.OrderDateDesc, domain.PageRequest{})
			if err != nil {
				t.Fatalf("Letters: %v", err)
			}
			got := titles(page.Letters)
			if tt.filter.IncludeStubs && len(got) == 5 {
				slices.Sort(got[3:]) // the two undated letters tie on date
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Letters = %q, want %q", got, tt.want)
			}
			n, err := store.CountLetters(ctx, tt.filter)
			if err != nil {
				t.Fatalf("CountLetters: %v", err)
			}
			if n != len(tt.want) {
				t.Errorf("CountLetters = %d, want %d", n, len(tt.want))
			}
		})
	}
}

func TestLetterOrders(t *testing.T) {
	store := neo4jtest.Store(t)
	ctx := neo4jtest.Context()
	for _, in := range []domain.LetterInput{
		{Title: "beta", Date: day("1900-01-01")},
		{Title: "Alpha", Date: day("1901-01-01")},
		{Title: "gamma"},
	} {
		create(t, store, in)
	}
	tests := []struct {
		order domain.LetterOrder
		want  []string
	}{
		{domain.OrderDateDesc, []string{"Alpha", "beta", "gamma"}},
		{domain.OrderDateAsc, []string{"gamma", "beta", "Alpha"}},
		{domain.OrderTitleAsc, []string{"Alpha", "beta", "gamma"}},
		{domain.OrderTitleDesc, []string{"gamma", "beta", "Alpha"}},
		{domain.OrderImportedAtAsc, []string{"beta", "Alpha", "gamma"}},
		{domain.OrderImportedAtDesc, []string{"gamma", "Alpha", "beta"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.order), func(t *testing.T) {
			page, err := store.Letters(ctx, domain.LetterFilter{}, tt.order, domain.PageRequest{})
			if err != nil {
				t.Fatalf("Letters: %v", err)
			}
			if got := titles(page.Letters); !slices.Equal(got, tt.want) {
				t.Errorf("Letters(%s) = %q, want %q", tt.order, got, tt.want)
			}
		})
	}
}

// TestLettersReadOnlyThePartsAskedFor checks that a page read with some parts fills
// those and leaves the others out, and says which it filled.
func TestLettersReadOnlyThePartsAskedFor(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "parts", Body: "a long body",
		Authors: []domain.PartyInput{person("Ann Author")}, Recipients: []domain.PartyInput{person("Rob Recipient")}})
	tests := []struct {
		name            string
		parts           domain.LetterParts
		body            string
		authors, recips int
	}{
		{"all", 0, "a long body", 1, 1},
		{"authors only", domain.PartsChosen | domain.PartAuthors, "", 1, 0},
		{"body only", domain.PartsChosen | domain.PartBody, "a long body", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := store.Letters(neo4jtest.Context(), domain.LetterFilter{Parts: tt.parts}, "", domain.PageRequest{})
			if err != nil || len(page.Letters) != 1 {
				t.Fatalf("Letters = %+v, %v", page, err)
			}
			l := page.Letters[0]
			if l.Body != tt.body || len(l.Authors) != tt.authors || len(l.Recipients) != tt.recips {
				t.Errorf("got body %q, %d authors, %d recipients; want %q, %d, %d", l.Body, len(l.Authors), len(l.Recipients), tt.body, tt.authors, tt.recips)
			}
			if want := tt.parts.OrAll() &^ domain.PartsChosen; l.Parts != want {
				t.Errorf("Parts = %b, want %b", l.Parts, want)
			}
		})
	}
}
