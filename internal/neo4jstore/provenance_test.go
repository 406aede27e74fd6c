package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// The named tests of docs/security.md, Provenance: one for each way restricted
// letters and blind copies leaked through their surroundings. TestNonInterference
// (internal/server) checks the property as a whole.
//
// By concern: this file (what only hidden material names or gives is hidden), and
// provenance_writes_test.go (writes and their answers), _history_ (history and
// sources), _stubs_ (stubs and proxies), _affiliations_ (memberships, holdings and
// the refresh of open views), _blind_ (letters with blind copies), _merge_ (merges
// and undoing them).

// reader is a caller below RESTRICTED_ROLE.
var reader = domain.WithRestricted(context.Background(), false)

// names are the display names of what the reader finds with a name filter.
func readerNames(tb testing.TB, store *neo4jstore.Store, name string) []string {
	tb.Helper()
	page, err := store.Correspondents(reader, domain.CorrespondentFilter{Name: name}, domain.PageRequest{})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, c := range page.Correspondents {
		out = append(out, c.DisplayName())
	}
	return out
}

func searchNames(tb testing.TB, ctx context.Context, store *neo4jstore.Store, text string) []string {
	tb.Helper()
	hits, err := store.Search(ctx, text, nil, 20)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, h := range hits {
		switch n := h.Node.(type) {
		case domain.Correspondent:
			out = append(out, n.DisplayName())
		case *domain.Letter:
			out = append(out, n.Title)
		}
	}
	return out
}

func TestCorrespondentsOnlyHiddenLettersNameAreHidden(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{person("Rhea Reader")}, BCC: []domain.PartyInput{person("Bea Blind")}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{person("Jane Informant")},
		CC:         []domain.PartyInput{{Office: &domain.OfficeInput{Title: "Keeper", Of: &domain.OrganisationInput{Name: "Secret Service"}}}}})
	for _, name := range []string{"Bea", "Jane", "Keeper", "Secret"} {
		if got := readerNames(t, store, name); len(got) != 0 {
			t.Errorf("reader's correspondents named %q = %q, want none", name, got)
		}
		if got := searchNames(t, reader, store, name); len(got) != 0 {
			t.Errorf("reader's search for %q = %q, want nothing", name, got)
		}
		if got := searchNames(t, neo4jtest.Context(), store, name); len(got) == 0 {
			t.Errorf("editor's search for %q found nothing", name)
		}
	}
	for _, name := range []string{"Bea Blind", "Jane Informant"} {
		if n, err := store.Node(reader, personID(t, name)); err == nil {
			t.Errorf("reader's node(%s) = %v, want NOT_FOUND", name, n)
		}
	}
	n, err := store.CountCorrespondents(reader, domain.CorrespondentFilter{})
	if err != nil || n != 2 {
		t.Errorf("reader's count of correspondents = %d, %v; want 2 (Pat and Rhea)", n, err)
	}
}

func TestDetailsOnlyHiddenLettersGiveAreHidden(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Open Society"}}}})
	secret := domain.PartyInput{Person: &domain.PersonInput{Name: "Pat Public", Honorific: "Dr.", Aliases: []string{"Agent P"},
		Emails: []string{"pat@hidden.example"}, AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q99"}},
		MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Open Society"}, Role: "informant"}}
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{secret},
		Recipients: []domain.PartyInput{person("Rhea Reader")}})
	create(t, store, domain.LetterInput{Title: "Blind", Authors: []domain.PartyInput{person("Rhea Reader")},
		Recipients: []domain.PartyInput{person("Sam")}, BCC: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Pat Public",
			Aliases: []string{"Blind P"}}}}})
	pat := personID(t, "Pat Public")
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want string
	}{
		{"reader", reader, "honorific  aliases [] emails [] ids [] memberships 0"},
		{"editor", neo4jtest.Context(), "honorific Dr. aliases [Agent P Blind P] emails [pat@hidden.example] ids [https://www.wikidata.org/wiki/Q99] memberships 1"},
	} {
		c, err := store.Correspondent(tc.ctx, pat)
		if err != nil {
			t.Fatal(err)
		}
		p := c.(*domain.Person)
		ms, err := store.Memberships(tc.ctx, []string{pat})
		if err != nil {
			t.Fatal(err)
		}
		got := "honorific " + p.Honorific + " aliases " + sprint(p.Aliases) + " emails " + sprint(p.Emails) +
			" ids " + sprint(p.AuthorityIDs) + " memberships " + sprint(len(ms[pat]))
		if got != tc.want {
			t.Errorf("%s sees %s, want %s", tc.name, got, tc.want)
		}
	}
	if got := searchNames(t, reader, store, "Agent"); len(got) != 0 {
		t.Errorf("reader's search for an alias only a restricted letter gives = %q", got)
	}
	// Unrestricting the letter shows what it says; restricting it again hides it.
	open, shut := false, true
	closed := letterID(t, "Closed")
	for _, tc := range []struct {
		restricted *bool
		want       []string
	}{{&open, []string{"Agent P"}}, {&shut, nil}} {
		if _, err := store.UpdateLetter(neo4jtest.Context(), closed, domain.LetterPatch{Restricted: tc.restricted}); err != nil {
			t.Fatal(err)
		}
		c, err := store.Correspondent(reader, pat)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.(*domain.Person).Aliases; !slices.Equal(got, tc.want) {
			t.Errorf("restricted %v: reader's aliases = %q, want %q", *tc.restricted, got, tc.want)
		}
	}
}

// A correspondent first named by a restricted letter and then, matched by email, by an
// open one under another spelling: the name it shows is the open letter's, as in a
// graph without the restricted letter, and the hidden spelling stays an alias for
// those who see it. Restricting the open letter, or undoing that, follows.
func TestNamesOnlyHiddenLettersGiveAreHidden(t *testing.T) {
	store := neo4jtest.Store(t)
	named := func(name string) []domain.PartyInput {
		return []domain.PartyInput{{Person: &domain.PersonInput{Name: name, Emails: []string{"jq@example.org"}}}}
	}
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: named("Jane Quietly Informant"),
		Recipients: []domain.PartyInput{person("Rhea Reader")}})
	create(t, store, domain.LetterInput{Title: "Open", Authors: named("J. Q. Public"), Recipients: []domain.PartyInput{person("Rhea Reader")}})
	create(t, store, domain.LetterInput{Title: "Later", Authors: named("Jane Public"), Recipients: []domain.PartyInput{person("Sam")}})
	id := personID(t, "J. Q. Public")
	look := func(ctx context.Context) string {
		t.Helper()
		c, err := store.Correspondent(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		p := c.(*domain.Person)
		return p.Name + " " + sprint(p.Aliases)
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want string
	}{
		{"reader", reader, "J. Q. Public [Jane Public]"},
		{"editor", neo4jtest.Context(), "J. Q. Public [Jane Quietly Informant Jane Public]"},
	} {
		if got := look(tc.ctx); got != tc.want {
			t.Errorf("%s sees %s, want %s", tc.name, got, tc.want)
		}
	}
	if got := searchNames(t, reader, store, "Quietly"); len(got) != 0 {
		t.Errorf("reader's search for the hidden spelling = %q", got)
	}
	// Restricting the open letter leaves the later one to name it; opening it again
	// gives its name back.
	open, shut := false, true
	for _, tc := range []struct {
		restricted *bool
		want       string
	}{{&shut, "Jane Public []"}, {&open, "J. Q. Public [Jane Public]"}} {
		if _, err := store.UpdateLetter(neo4jtest.Context(), letterID(t, "Open"), domain.LetterPatch{Restricted: tc.restricted}); err != nil {
			t.Fatal(err)
		}
		if got := look(reader); got != tc.want {
			t.Errorf("open letter restricted %v: reader sees %s, want %s", *tc.restricted, got, tc.want)
		}
	}
}

// TestPlaceDetailsOnlyHiddenLettersGiveAreHidden: a place's name, country and
// authority ids are what visible letters gave it, whichever letter came first.
func TestPlaceDetailsOnlyHiddenLettersGiveAreHidden(t *testing.T) {
	store := neo4jtest.Store(t)
	geo := func(n string) []string { return []string{"https://www.geonames.org/" + n} }
	for _, in := range []domain.LetterInput{
		{Title: "Closed first", Restricted: true, WrittenAt: &domain.PlaceInput{Name: "Gjirokastër", Country: "AL", AuthorityIDs: geo("782756")}},
		{Title: "Open after", WrittenAt: &domain.PlaceInput{Name: "Gjirokastra", AuthorityIDs: geo("782756")}},
		{Title: "Open first", WrittenAt: &domain.PlaceInput{Name: "Vlora"}},
		{Title: "Closed after", Restricted: true, WrittenAt: &domain.PlaceInput{Name: "Vlora", Country: "AL", AuthorityIDs: geo("3344107")}},
	} {
		in.Authors = []domain.PartyInput{person("Pat Public")}
		create(t, store, in)
	}
	look := func(ctx context.Context, title string) string {
		t.Helper()
		l, err := store.Letter(ctx, letterID(t, title))
		if err != nil {
			t.Fatal(err)
		}
		p := l.WrittenAt
		return p.Name + " " + p.Country + " " + sprint(p.AuthorityIDs)
	}
	for _, tc := range []struct {
		name, title string
		ctx         context.Context
		want        string
	}{
		{"a place a restricted letter named first, for a reader", "Open after", reader, "Gjirokastra  [https://www.geonames.org/782756]"},
		{"the same, for an admin", "Open after", neo4jtest.Context(), "Gjirokastra AL [https://www.geonames.org/782756]"},
		{"a place a restricted letter named after, for a reader", "Open first", reader, "Vlora  []"},
		{"the same, for an admin", "Open first", neo4jtest.Context(), "Vlora AL [https://www.geonames.org/3344107]"},
	} {
		if got := look(tc.ctx, tc.title); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	n, err := store.Node(reader, neo4jtest.Exec(t, `MATCH (p:Place {name: 'Vlora'}) RETURN p.id AS id`, nil)[0]["id"].(string))
	if err != nil {
		t.Fatal(err)
	}
	if p := n.(*domain.Place); p.Country != "" || len(p.AuthorityIDs) != 0 {
		t.Errorf("node(Vlora) for a reader: %+v, want no country and no authority id", p)
	}
}

// TestReindexForgetsLettersRestrictedSince: a letter public once and restricted since
// still counts in a reader's scores (Lucene keeps deleted documents in its
// statistics); after Reindex the scores are those of a graph that never held it.
func TestReindexForgetsLettersRestrictedSince(t *testing.T) {
	letters := []domain.LetterInput{
		{Title: "Alpha note", Body: "The treaty of the harbour."},
		{Title: "Beta note", Body: "The treaty of the river."},
	}
	scores := func(store *neo4jstore.Store) string {
		t.Helper()
		hits, err := store.Search(reader, "treaty", []domain.Label{domain.LabelLetter}, 20)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range hits {
			out = append(out, fmt.Sprintf("%s %.6f", h.Node.(*domain.Letter).Title, h.Score))
		}
		slices.Sort(out) // equal scores come in the index's order
		return strings.Join(out, ", ")
	}
	store := neo4jtest.Store(t)
	for _, in := range letters {
		create(t, store, in)
	}
	if err := store.Reindex(neo4jtest.Context()); err != nil {
		t.Fatal(err)
	}
	never := scores(store)

	store = neo4jtest.Store(t)
	for _, in := range letters {
		create(t, store, in)
	}
	toggled := create(t, store, domain.LetterInput{Title: "Toggle", Body: "The treaty of the harbour, toggled."})
	shut := true
	if _, err := store.UpdateLetter(neo4jtest.Context(), toggled.ID, domain.LetterPatch{Restricted: &shut}); err != nil {
		t.Fatal(err)
	}
	if got := scores(store); got == never {
		t.Logf("the scores forgot the restricted letter before Reindex (segments merged): %s", got)
	}
	if err := store.Reindex(neo4jtest.Context()); err != nil {
		t.Fatal(err)
	}
	if got := scores(store); got != never {
		t.Errorf("scores after Reindex: %s, want those of a graph without the letter: %s", got, never)
	}
}

func TestSearchFillsItsPageWithVisibleHits(t *testing.T) {
	store := neo4jtest.Store(t)
	// Restricted letters that say "walrus" often rank first for the editor.
	for _, title := range []string{"Walrus walrus walrus 1", "Walrus walrus walrus 2", "Walrus walrus walrus 3"} {
		create(t, store, domain.LetterInput{Title: title, Restricted: true, Body: "walrus walrus walrus"})
	}
	for _, title := range []string{"Open 1", "Open 2", "Open 3"} {
		create(t, store, domain.LetterInput{Title: title, Body: "A word on the walrus, and on much else besides."})
	}
	hits, err := store.Search(reader, "walrus", []domain.Label{domain.LabelLetter}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Errorf("reader's search for 2 hits gave %d", len(hits))
	}
}

func TestDeletingALetterRemovesWhatOnlyItAsserted(t *testing.T) {
	store := neo4jtest.Store(t)
	keep := create(t, store, domain.LetterInput{Title: "Keep", Authors: []domain.PartyInput{person("Pat Public")}})
	gone := create(t, store, domain.LetterInput{Title: "Gone", Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{{Office: &domain.OfficeInput{Title: "Keeper", Of: &domain.OrganisationInput{Name: "Only Here"}}}},
		RepliesTo:  []domain.LetterRef{{Title: "Only here too"}}})
	if err := store.DeleteLetter(neo4jtest.Context(), gone.ID); err != nil {
		t.Fatal(err)
	}
	rows := neo4jtest.Exec(t, `MATCH (n) WHERE n:Correspondent OR n:Letter RETURN coalesce(n.name, n.title) AS name ORDER BY name`, nil)
	var got []string
	for _, r := range rows {
		got = append(got, sprint(r["name"]))
	}
	if want := []string{"Keep", "Pat Public"}; !slices.Equal(got, want) {
		t.Errorf("after deleting %q: %q, want %q", gone.Title, got, want)
	}
	_ = keep
}

func letterID(tb testing.TB, title string) string {
	tb.Helper()
	rows := neo4jtest.Exec(tb, `MATCH (l:Letter {title: $t}) WHERE NOT l:Proxy RETURN l.id AS id`, map[string]any{"t": title})
	if len(rows) != 1 {
		tb.Fatalf("%d letters titled %q, want 1", len(rows), title)
	}
	return rows[0]["id"].(string)
}

func sprint(v any) string { return fmt.Sprint(v) }
