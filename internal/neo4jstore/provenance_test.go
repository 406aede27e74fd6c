package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/gen"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// The named tests of docs/security.md, Provenance: one for each way restricted
// letters and blind copies leaked through their surroundings. TestNonInterference
// (internal/server) checks the property as a whole.

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

func TestStubsOfHiddenLettersAreHidden(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Pat Public")},
		RepliesTo: []domain.LetterRef{{Title: "The secret report"}}, Related: []domain.LetterRef{{ExternalID: "<secret@example.org>"}}})
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want int
	}{{"reader", reader, 0}, {"editor", neo4jtest.Context(), 3}} {
		n, err := store.CountLetters(tc.ctx, domain.LetterFilter{IncludeStubs: true})
		if err != nil || n != tc.want {
			t.Errorf("%s counts %d letters and stubs (%v), want %d", tc.name, n, err, tc.want)
		}
	}
	rows := neo4jtest.Exec(t, `MATCH (l:Letter {stub: true}) RETURN l.importedAt AS at`, nil)
	for _, r := range rows {
		if at := r["at"]; at == nil || sprint(at) != "1970-01-01 00:00:00 +0000 UTC" {
			t.Errorf("a stub's importedAt = %v, want the epoch: it would date the restricted letter", at)
		}
	}
}

func TestContentHashOfReadersLeavesBlindCopiesOut(t *testing.T) {
	store := neo4jtest.Store(t)
	in := domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")},
		Recipients: []domain.PartyInput{person("Rhea Reader")}, BCC: []domain.PartyInput{person("Bea Blind")}}
	l := create(t, store, in)
	open := in
	open.BCC = nil
	if err := open.Normalize("input"); err != nil {
		t.Fatal(err)
	}
	full := in
	if err := full.Normalize("input"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want string
	}{{"reader", reader, domain.ContentHash(&open)}, {"editor", neo4jtest.Context(), domain.ContentHash(&full)}} {
		got, err := store.Letter(tc.ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ContentHash != tc.want {
			t.Errorf("%s reads contentHash %s, want %s", tc.name, got.ContentHash, tc.want)
		}
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

func TestProxyStandsForARestrictedLetter(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Secret", ExternalID: "<secret@example.org>", Restricted: true,
		Authors: []domain.PartyInput{person("Pat Public")}})
	reply := create(t, store, domain.LetterInput{Title: "Re: something", Authors: []domain.PartyInput{person("Rhea Reader")},
		RepliesTo: []domain.LetterRef{{ExternalID: "<secret@example.org>"}}})
	stands := func(ctx context.Context) string {
		l, err := store.Letter(ctx, reply.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.RepliesTo) != 1 {
			return sprint(len(l.RepliesTo)) + " replied to"
		}
		p := l.RepliesTo[0]
		return p.Title + " " + p.ExternalID + " stub " + sprint(p.Stub)
	}
	if got, want := stands(reader), " <secret@example.org> stub true"; got != want {
		t.Errorf("reader sees the reply to %q, want %q: a stub, as if the letter had never been written", got, want)
	}
	if got, want := stands(neo4jtest.Context()), "Secret <secret@example.org> stub false"; got != want {
		t.Errorf("editor sees the reply to %q, want %q", got, want)
	}
	// Published, the letter is the reply's parent for everyone, and the stub goes.
	open := false
	if _, err := store.UpdateLetter(neo4jtest.Context(), letterID(t, "Secret"), domain.LetterPatch{Restricted: &open}); err != nil {
		t.Fatal(err)
	}
	if got, want := stands(reader), "Secret <secret@example.org> stub false"; got != want {
		t.Errorf("after publishing, reader sees the reply to %q, want %q", got, want)
	}
	if n := neo4jtest.Exec(t, `MATCH (p:Proxy) RETURN count(p) AS n`, nil)[0]["n"]; n != int64(0) {
		t.Errorf("%v proxies left after publishing", n)
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

// TestWritesTellNothingOfHiddenLetters: a writer below RESTRICTED_ROLE writing what
// a restricted letter holds (the same document, its external id, a person only it
// names) gets the answers a graph without it would give.
func TestWritesTellNothingOfHiddenLetters(t *testing.T) {
	store := neo4jtest.Store(t)
	secret := domain.LetterInput{Title: "Secret", ExternalID: "<secret@example.org>",
		Authors: []domain.PartyInput{person("Jane Informant")}}
	hidden := secret
	hidden.Restricted = true
	r := create(t, store, hidden)

	l, created, err := store.CreateLetter(reader, secret)
	if err != nil || !created || l.ID == r.ID {
		t.Errorf("the same document by a writer who may not see the restricted one: created %v, %v, same letter %v; want a new letter",
			created, err, l != nil && l.ID == r.ID)
	}
	results, err := store.ImportLetters(reader, []domain.LetterInput{{Title: "Another",
		Authors: []domain.PartyInput{person("Jane Informant")}, Recipients: []domain.PartyInput{person("Someone New")}}})
	if err != nil || results[0].Err != nil {
		t.Fatal(err, results[0].Err)
	}
	// Jane is one of the writer's letters now, so "Another" matches her.
	if got := results[0]; got.CorrespondentsCreated != 1 || got.CorrespondentsMatched != 1 {
		t.Errorf("import: %d created, %d matched; want 1 and 1 (Jane, from the writer's own letter)",
			got.CorrespondentsCreated, got.CorrespondentsMatched)
	}
	// A person only a restricted letter names counts as made, not found.
	create(t, store, domain.LetterInput{Title: "Hidden too", Restricted: true, Authors: []domain.PartyInput{person("Only In Hiding")}})
	results, err = store.ImportLetters(reader, []domain.LetterInput{{Title: "Third",
		Authors: []domain.PartyInput{person("Only In Hiding")}}})
	if err != nil || results[0].Err != nil {
		t.Fatal(err, results[0].Err)
	}
	if got := results[0]; got.CorrespondentsCreated != 1 || got.CorrespondentsMatched != 0 {
		t.Errorf("import naming a person only a restricted letter names: %d created, %d matched; want 1 and 0",
			got.CorrespondentsCreated, got.CorrespondentsMatched)
	}
}

// TestWritesByIDTellNothingOfHiddenNodes: a writer below RESTRICTED_ROLE who names
// by id a correspondent or place only a restricted letter names is refused as for an
// id that never existed, with the same words, and the node stays hidden.
func TestWritesByIDTellNothingOfHiddenNodes(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Hidden Person")},
		WrittenAt: &domain.PlaceInput{Name: "Hidden Place"}})
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")}})
	hiddenPerson := personID(t, "Hidden Person")
	hiddenPlace := neo4jtest.Exec(t, `MATCH (p:Place {name: 'Hidden Place'}) RETURN p.id AS id`, nil)[0]["id"].(string)
	for _, tc := range []struct {
		name  string
		write func(id string) error
		ids   []string
	}{
		{"an author by id", func(id string) error {
			_, _, err := store.CreateLetter(reader, domain.LetterInput{Title: "New", Authors: []domain.PartyInput{{ID: id}}})
			return err
		}, []string{hiddenPerson}},
		{"a place of writing by id", func(id string) error {
			_, _, err := store.CreateLetter(reader, domain.LetterInput{Title: "New", WrittenAt: &domain.PlaceInput{ID: id}})
			return err
		}, []string{hiddenPlace}},
		{"a copy added by id", func(id string) error {
			_, err := store.AddParty(reader, open.ID, domain.RoleCC, domain.PartyInput{ID: id}, 0)
			return err
		}, []string{hiddenPerson}},
		{"a person updated by id", func(id string) error {
			_, _, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{ID: id, Name: "Renamed"}}, false)
			return err
		}, []string{hiddenPerson}},
	} {
		for _, id := range tc.ids {
			hidden, never := tc.write(id), tc.write("never-written")
			if hidden == nil || never == nil || strings.ReplaceAll(hidden.Error(), id, "ID") != strings.ReplaceAll(never.Error(), "never-written", "ID") {
				t.Errorf("%s: a hidden node's id answers %v, an id never written %v; want the same refusal", tc.name, hidden, never)
			}
		}
	}
	if n, err := store.CountCorrespondents(reader, domain.CorrespondentFilter{}); err != nil || n != 1 {
		t.Errorf("the reader's correspondents after the refused writes: %d (%v), want 1 (Pat)", n, err)
	}
}

// TestEditsTellNothingOfHiddenLinks: what a second probe from outside found. For a
// caller below RESTRICTED_ROLE, a membership or part only a restricted letter gave
// selects nothing in the organisation filter, is not there to remove and closes no
// cycle; a hidden node is no mention; the history of a deleted correspondent shows
// its open details; a merge keeps the name the moved links wrote.
func TestEditsTellNothingOfHiddenLinks(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	org := func(name string) *domain.OrganisationInput { return &domain.OrganisationInput{Name: name} }
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Quin Public")},
		Recipients: []domain.PartyInput{{Organisation: org("Org Public")}, {Organisation: org("Org Child")}, {Organisation: org("Org Parent")}}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true,
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Quin Public", Emails: []string{"quin@hidden.example"}},
			MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Org Public"}, Role: "mole"}}},
		Recipients: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Org Child", PartOf: org("Org Parent")}}, person("Hidden Person")}})
	quin, pub, child, parent := personID(t, "Quin Public"), orgID(t, "Org Public"), orgID(t, "Org Child"), orgID(t, "Org Parent")

	page, err := store.Correspondents(reader, domain.CorrespondentFilter{OrganisationID: pub}, domain.PageRequest{})
	if err != nil || len(page.Correspondents) != 0 {
		t.Errorf("a reader's correspondents of the organisation: %v (%v), want none", page, err)
	}
	hidden, never := store.AddLink(reader, domain.Link{Kind: domain.LinkMentions, From: open.ID, To: personID(t, "Hidden Person")}),
		store.AddLink(reader, domain.Link{Kind: domain.LinkMentions, From: open.ID, To: "never-written"})
	if hidden == nil || never == nil || domain.ErrorCode(hidden) != domain.ErrorCode(never) {
		t.Errorf("mentioning a hidden person: %v; an id never written: %v; want the same refusal", hidden, never)
	}
	if err := store.RemoveLink(reader, domain.LinkMemberOf, quin, pub); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("removing a membership only a restricted letter gave: %v, want NOT_FOUND", err)
	}
	if ms, err := store.Memberships(admin, []string{quin}); err != nil || len(ms[quin]) != 1 {
		t.Errorf("the admin's memberships of Quin after the refused removal: %v (%v), want the one", ms[quin], err)
	}
	if err := store.AddLink(reader, domain.Link{Kind: domain.LinkPartOf, From: parent, To: child}); err != nil {
		t.Errorf("a part that closes a cycle only through a hidden part: %v, want it added", err)
	}
	if err := store.DeleteNode(admin, quin); err != nil {
		t.Fatal(err)
	}
	changes, err := store.History(reader, "", 1, "")
	if err != nil || len(changes) != 1 || changes[0].Operation != "deleteNode" || strings.Contains(changes[0].Before, "hidden.example") {
		t.Errorf("the reader's line of the deletion: %+v (%v), want deleteNode without the hidden email", changes, err)
	}
}

// TestIdentityFollowsWhatTheCallerSees: for a writer below RESTRICTED_ROLE an email,
// alias or authority id only a restricted letter gave finds nobody, and does not keep
// a name from matching; those who see restricted letters match by them as before.
func TestIdentityFollowsWhatTheCallerSees(t *testing.T) {
	admin := neo4jtest.Context()
	for _, tc := range []struct {
		name        string
		in          domain.PersonInput
		readerFinds string // the name of the person found; "" for a new one
		adminFinds  string
	}{
		{"an email only a restricted letter gave", domain.PersonInput{Name: "Zora Newname", Emails: []string{"dora@hidden.example"}}, "", "Dora Public"},
		{"an alias only a restricted letter gave", domain.PersonInput{Name: "Ivy Secret Alias"}, "", "Ivy Public"},
		{"a name, beside an email the open view lacks", domain.PersonInput{Name: "Ivy Public", Emails: []string{"ivy2@open.example"}}, "Ivy Public", ""},
	} {
		for _, who := range []struct {
			ctx  context.Context
			want string
		}{{reader, tc.readerFinds}, {admin, tc.adminFinds}} {
			store := neo4jtest.Store(t) // each look-up in the same graph
			create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Dora Public"), person("Ivy Public")}})
			create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{
				{Person: &domain.PersonInput{Name: "Dora Public", Emails: []string{"dora@hidden.example"}}},
				{Person: &domain.PersonInput{Name: "Ivy Public", Aliases: []string{"Ivy Secret Alias"}, Emails: []string{"ivy@hidden.example"}}}}})
			in := tc.in
			c, created, err := store.UpsertCorrespondent(who.ctx, domain.PartyInput{Person: &in}, false)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !created {
				got = neo4jtest.Exec(t, `MATCH (c:Correspondent {id: $id}) RETURN c.name AS name`, map[string]any{"id": c.NodeID()})[0]["name"].(string)
			}
			if got != who.want {
				t.Errorf("%s, restricted %v: found %q (created %v), want %q", tc.name, domain.SeesRestricted(who.ctx), got, created, who.want)
			}
		}
	}
}

// TestOpenViewsForgetLostSources: what a fourth probe found. A correspondent or
// place whose only visible source is restricted (or deleted) keeps nothing of it in
// its open view: named again by an open letter, it shows only what that one says; and
// an identity look-up below RESTRICTED_ROLE prefers the candidate a visible source
// named first, not the one a hidden source made first.
func TestOpenViewsForgetLostSources(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	shut := true
	first := create(t, store, domain.LetterInput{Title: "First", Authors: []domain.PartyInput{{Person: &domain.PersonInput{
		Name: "Zz Restthree", Honorific: "Prof.", Aliases: []string{"RL3 Alias"}, Emails: []string{"rl3@x.example"}}}},
		WrittenAt: &domain.PlaceInput{Name: "Zzplace", Country: "Norway", AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q585"}}})
	if _, err := store.UpdateLetter(admin, first.ID, domain.LetterPatch{Restricted: &shut}); err != nil {
		t.Fatal(err)
	}
	later := create(t, store, domain.LetterInput{Title: "Later", Authors: []domain.PartyInput{person("Zz Restthree")},
		WrittenAt: &domain.PlaceInput{Name: "Zzplace"}})
	l, err := store.Letter(reader, later.ID)
	if err != nil {
		t.Fatal(err)
	}
	p, place := l.Authors[0].Correspondent.(*domain.Person), l.WrittenAt
	if got := p.Honorific + sprint(p.Aliases) + sprint(p.Emails) + " " + place.Country + sprint(place.AuthorityIDs); got != "[][] []" {
		t.Errorf("what the reader sees of them: %q, want nothing the restricted letter said", got)
	}

	create(t, store, domain.LetterInput{Title: "Hidden twin", Restricted: true,
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Twin Same", Emails: []string{"b@twin.example"}}}}})
	for _, e := range []string{"a@twin.example", "b@twin.example"} {
		create(t, store, domain.LetterInput{Title: "Twin " + e, Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Twin Same", Emails: []string{e}}}}})
	}
	c, created, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{Name: "Twin Same"}}, false)
	if err != nil || created {
		t.Fatalf("the reader's look-up of Twin Same: created %v, %v", created, err)
	}
	if got := sprint(c.(*domain.Person).Emails); got != "[a@twin.example]" {
		t.Errorf("the reader's look-up found the twin with %s, want the one open letters named first, [a@twin.example]", got)
	}
}

// TestHistoryAndSources: every direct write leaves a line of history, and a
// correspondent's sources are the letters and edits that assert it; a caller below
// RESTRICTED_ROLE sees neither the lines nor the sources of restricted material.
func TestHistoryAndSources(t *testing.T) {
	store := neo4jtest.Store(t)
	editor := neo4jtest.Context()
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Pat Public")}})
	if _, _, err := store.UpsertCorrespondent(editor, domain.PartyInput{Person: &domain.PersonInput{Name: "Pat Public", Emails: []string{"pat@example.org"}}}, false); err != nil {
		t.Fatal(err)
	}
	title := "Open, retitled"
	if _, err := store.UpdateLetter(editor, open.ID, domain.LetterPatch{Title: &title}); err != nil {
		t.Fatal(err)
	}
	pat := personID(t, "Pat Public")
	ops := func(ctx context.Context, id string) []string {
		changes, err := store.History(ctx, id, 20, "")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range changes {
			out = append(out, c.Operation)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		id   string
		want []string
	}{
		{"the editor's whole history", editor, "", []string{"updateLetter", "upsertCorrespondent", "createLetter", "createLetter"}},
		{"the reader's whole history", reader, "", []string{"updateLetter", "upsertCorrespondent", "createLetter"}},
		{"the letter's", editor, open.ID, []string{"updateLetter", "createLetter"}},
		{"Pat's", editor, pat, []string{"upsertCorrespondent"}},
	} {
		if got := ops(tc.ctx, tc.id); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	changes, err := store.History(editor, open.ID, 1, "")
	if err != nil || len(changes) != 1 {
		t.Fatal(err)
	}
	if got, want := changes[0].Before+" → "+changes[0].After, `{"title":"Open"} → {"title":"Open, retitled"}`; got != want {
		t.Errorf("the update's before and after: %s, want %s", got, want)
	}
	if older, err := store.History(editor, open.ID, 5, changes[0].Seq); err != nil || len(older) != 1 || older[0].Operation != "createLetter" {
		t.Errorf("the page before the newest: %v, %v; want the createLetter", older, err)
	}
	via := func(ctx context.Context) []string {
		sources, err := store.Sources(ctx, pat, nil, 20)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range sources {
			switch {
			case s.Letter != nil:
				out = append(out, s.Via+" "+s.Letter.Title)
			case s.Change != nil:
				out = append(out, s.Via+" "+s.Change.Operation)
			}
		}
		slices.Sort(out)
		return out
	}
	if got, want := via(editor), []string{"ASSERTS upsertCorrespondent", "WROTE Closed", "WROTE Open, retitled"}; !slices.Equal(got, want) {
		t.Errorf("the editor's sources of Pat: %q, want %q", got, want)
	}
	if got, want := via(reader), []string{"ASSERTS upsertCorrespondent", "WROTE Open, retitled"}; !slices.Equal(got, want) {
		t.Errorf("the reader's sources of Pat: %q, want %q", got, want)
	}
}

// TestSourcesOfAFact: the sources of one fact of a correspondent (a spelling, an
// email, an honorific, a membership) are the letters and edits that say it, newest
// first; a blind copy's and a restricted letter's only for those who see them.
func TestSourcesOfAFact(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	pat := func(name, honorific string, aliases, emails []string) domain.PartyInput {
		return domain.PartyInput{Person: &domain.PersonInput{Name: name, Honorific: honorific, Aliases: aliases, Emails: emails},
			MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Society"}, Role: "member"}}
	}
	create(t, store, domain.LetterInput{Title: "Open one", Authors: []domain.PartyInput{pat("Pat Public", "Dr.", nil, []string{"pat@open.example"})},
		Recipients: []domain.PartyInput{person("Rhea Reader")}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true,
		Authors:    []domain.PartyInput{pat("Pat Public", "", []string{"Agent P"}, []string{"pat@open.example", "pat@secret.example"})},
		Recipients: []domain.PartyInput{person("Rhea Reader")}})
	create(t, store, domain.LetterInput{Title: "Blind", Authors: []domain.PartyInput{person("Rhea Reader")}, Recipients: []domain.PartyInput{person("Sam")},
		BCC: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Pat Public", Aliases: []string{"Blind P"}, Emails: []string{"pat@open.example"}}}}})
	create(t, store, domain.LetterInput{Title: "Open two", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "P. Public", Emails: []string{"pat@open.example"}}}},
		Recipients: []domain.PartyInput{person("Sam")}})
	id, society := personID(t, "Pat Public"), orgID(t, "Society")
	for _, tc := range []struct {
		name string
		ctx  context.Context
		fact domain.Fact
		want []string
	}{
		{"an email, in another case", admin, domain.Fact{Kind: domain.FactEmail, Value: "PAT@Open.Example"}, []string{"Open two", "Blind", "Closed", "Open one"}},
		{"an email, for a reader", reader, domain.Fact{Kind: domain.FactEmail, Value: "pat@open.example"}, []string{"Open two", "Open one"}},
		{"an email only a restricted letter gives", admin, domain.Fact{Kind: domain.FactEmail, Value: "pat@secret.example"}, []string{"Closed"}},
		{"the same, for a reader", reader, domain.Fact{Kind: domain.FactEmail, Value: "pat@secret.example"}, nil},
		{"an alias a restricted letter gives", admin, domain.Fact{Kind: domain.FactName, Value: "Agent P"}, []string{"Closed"}},
		{"an alias a blind copy gives", admin, domain.Fact{Kind: domain.FactName, Value: "Blind P"}, []string{"Blind"}},
		{"the same, for a reader", reader, domain.Fact{Kind: domain.FactName, Value: "Blind P"}, nil},
		{"a spelling", reader, domain.Fact{Kind: domain.FactName, Value: "P. Public"}, []string{"Open two"}},
		{"an honorific", reader, domain.Fact{Kind: domain.FactHonorific, Value: "Dr."}, []string{"Open one"}},
		{"a membership", admin, domain.Fact{Kind: domain.FactMemberOf, Value: society}, []string{"Closed", "Open one"}},
		{"a membership, for a reader", reader, domain.Fact{Kind: domain.FactMemberOf, Value: society}, []string{"Open one"}},
		{"what no one says", admin, domain.Fact{Kind: domain.FactHolds, Value: society}, nil},
	} {
		fact := tc.fact
		sources, err := store.Sources(tc.ctx, id, &fact, 20)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got []string
		for _, s := range sources {
			if s.Letter != nil {
				got = append(got, s.Letter.Title)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
	if sources, err := store.Sources(admin, id, &domain.Fact{Kind: domain.FactEmail, Value: "pat@open.example"}, 1); err != nil || len(sources) != 1 || sources[0].Letter.Title != "Open two" {
		t.Errorf("the newest source of the email: %v, %v; want Open two", sources, err)
	}
	if _, err := store.Sources(admin, id, &domain.Fact{Kind: domain.FactAuthorityID, Value: "not a uri"}, 20); domain.ErrorCode(err) != domain.CodeBadUserInput {
		t.Errorf("an authority id that is no URI: %v, want BAD_USER_INPUT", err)
	}
}

// TestRestrictedEditsAreHidden: a restricted edit is a hidden source. What it writes
// (a new correspondent, an email, a new name) is seen only by those who see
// restricted letters, its line of history too, and only they may make one.
func TestRestrictedEditsAreHidden(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")}, Recipients: []domain.PartyInput{person("Rhea Reader")}})
	pat := personID(t, "Pat Public")
	for _, in := range []domain.PartyInput{
		{Person: &domain.PersonInput{ID: pat, Name: "Patricia Secret", Emails: []string{"pat@secret.example"}}},
		{Person: &domain.PersonInput{Name: "Ghost Writer"}},
	} {
		if _, _, err := store.UpsertCorrespondent(admin, in, true); err != nil {
			t.Fatal(err)
		}
	}
	look := func(ctx context.Context) string {
		t.Helper()
		c, err := store.Correspondent(ctx, pat)
		if err != nil {
			t.Fatal(err)
		}
		p := c.(*domain.Person)
		n, err := store.CountCorrespondents(ctx, domain.CorrespondentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		h, err := store.History(ctx, "", 20, "")
		if err != nil {
			t.Fatal(err)
		}
		return p.Name + " " + sprint(p.Aliases) + " " + sprint(p.Emails) + " correspondents " + sprint(n) + " lines " + sprint(len(h))
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want string
	}{
		{"reader", reader, "Pat Public [] [] correspondents 2 lines 1"},
		{"admin", admin, "Pat Public [Patricia Secret] [pat@secret.example] correspondents 3 lines 3"},
	} {
		if got := look(tc.ctx); got != tc.want {
			t.Errorf("%s sees %s, want %s", tc.name, got, tc.want)
		}
	}
	// The letters name Pat as they wrote her, as before the edit; a public rename
	// keeps the old name as the one the letters wrote.
	if _, _, err := store.UpsertCorrespondent(admin, domain.PartyInput{Person: &domain.PersonInput{ID: personID(t, "Rhea Reader"), Name: "Rhea Renamed"}}, false); err != nil {
		t.Fatal(err)
	}
	for _, ctx := range []context.Context{reader, admin} {
		l, err := store.Letter(ctx, letterID(t, "Open"))
		if err != nil {
			t.Fatal(err)
		}
		got := l.Authors[0].Correspondent.DisplayName() + " as " + l.Authors[0].Written + ", " + l.Recipients[0].Correspondent.DisplayName() + " as " + l.Recipients[0].Written
		if want := "Pat Public as , Rhea Renamed as Rhea Reader"; got != want {
			t.Errorf("the open letter's parties as written: %s, want %s", got, want)
		}
	}
	if _, _, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{Name: "Nobody"}}, true); domain.ErrorCode(err) != domain.CodeForbidden {
		t.Errorf("a restricted edit by a caller who does not see restricted letters: %v, want FORBIDDEN", err)
	}
}

// TestUnmergeRestoresTheGraph: undoing a merge gives back the graph as it was before
// it, node for node and link for link, the history aside.
func TestUnmergeRestoresTheGraph(t *testing.T) {
	store := neo4jtest.Store(t)
	editor := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "One", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Ann Smith", Emails: []string{"ann@example.org"}}}},
		Recipients: []domain.PartyInput{person("Bob"), person("Cy")}})
	create(t, store, domain.LetterInput{Title: "Two", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "A. Smith", Emails: []string{"asmith@example.org"}},
		MemberOf: &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Society"}, Role: "chair"}}},
		Recipients: []domain.PartyInput{person("Bob")}, CC: []domain.PartyInput{person("Ann Smith")}})
	before := neo4jtest.Fingerprint(t)
	ann, as := personID(t, "Ann Smith"), personID(t, "A. Smith")
	if _, err := store.MergeCorrespondents(editor, ann, []string{as}); err != nil {
		t.Fatal(err)
	}
	if len(neo4jtest.Diff(before, neo4jtest.Fingerprint(t), "before", "merged")) == 0 {
		t.Fatal("the merge changed nothing")
	}
	changes, err := store.History(editor, ann, 5, "")
	if err != nil || len(changes) == 0 || changes[0].Operation != "mergeCorrespondents" {
		t.Fatalf("the merge's line of history: %v, %v", changes, err)
	}
	back, err := store.UnmergeCorrespondents(editor, changes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 2 {
		t.Errorf("unmerge returned %d correspondents, want 2", len(back))
	}
	if d := neo4jtest.Diff(before, neo4jtest.Fingerprint(t), "before the merge", "after undoing it"); len(d) > 0 {
		t.Errorf("the graph after undoing the merge differs:\n%s", strings.Join(d, "\n"))
	}
	if _, err := store.UnmergeCorrespondents(editor, changes[0].ID); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("undoing it again: %v, want CONFLICT", err)
	}
	if _, err := store.UnmergeCorrespondents(editor, "no-such-change"); domain.ErrorCode(err) != domain.CodeNotFound {
		t.Errorf("undoing no merge: %v, want NOT_FOUND", err)
	}
}

// TestEditAndDeleteCorrespondents: removing an alias, an email and an authority id
// removes them for every caller and from identity (a letter naming the email no more
// finds the person), keeps them removed when the views are folded again, and deleting
// a correspondent takes it off the letters that named it.
func TestEditAndDeleteCorrespondents(t *testing.T) {
	store := neo4jtest.Store(t)
	editor := neo4jtest.Context()
	wrong := domain.PartyInput{Person: &domain.PersonInput{Name: "Pat Public", Aliases: []string{"Wrong Pat"},
		Emails: []string{"wrong@example.org"}, AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q1"}}}
	create(t, store, domain.LetterInput{Title: "One", Authors: []domain.PartyInput{wrong}, Recipients: []domain.PartyInput{person("Rhea"), person("Sam")}})
	pat := personID(t, "Pat Public")
	if _, err := store.EditCorrespondent(editor, pat, domain.Removal{Aliases: []string{"Wrong Pat"},
		Emails: []string{"wrong@example.org"}, AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q1"}}); err != nil {
		t.Fatal(err)
	}
	details := func(ctx context.Context) string {
		c, err := store.Correspondent(ctx, pat)
		if err != nil {
			t.Fatal(err)
		}
		p := c.(*domain.Person)
		return sprint(p.Aliases) + sprint(p.Emails) + sprint(p.AuthorityIDs)
	}
	for _, ctx := range []context.Context{editor, reader} {
		if got := details(ctx); got != "[][][]" {
			t.Errorf("after the edit: %s, want nothing", got)
		}
	}
	// Folding the open view again (restricting and publishing another letter of
	// Pat's) keeps the removed values out.
	other := create(t, store, domain.LetterInput{Title: "Two", Authors: []domain.PartyInput{person("Pat Public")}})
	shut, open := true, false
	for _, r := range []*bool{&shut, &open} {
		if _, err := store.UpdateLetter(editor, other.ID, domain.LetterPatch{Restricted: r}); err != nil {
			t.Fatal(err)
		}
	}
	if got := details(reader); got != "[][][]" {
		t.Errorf("after folding the view again: %s, want nothing", got)
	}
	// The removed email finds Pat no more.
	create(t, store, domain.LetterInput{Title: "Three", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Someone Else", Emails: []string{"wrong@example.org"}}}}})
	if n := len(neo4jtest.Exec(t, `MATCH (p:Person {name: 'Someone Else'}) RETURN p`, nil)); n != 1 {
		t.Errorf("%d people named Someone Else, want 1: the removed email still finds Pat", n)
	}
	if err := store.DeleteNode(editor, personID(t, "Rhea")); err != nil {
		t.Fatal(err)
	}
	l, err := store.Letter(editor, letterID(t, "One"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Recipients) != 1 || l.Recipients[0].Position != 1 {
		t.Errorf("recipients after deleting Rhea: %+v, want Sam alone at 1", l.Recipients)
	}
	changes, err := store.History(editor, "", 3, "")
	if err != nil || len(changes) == 0 || changes[0].Operation != "deleteNode" {
		t.Errorf("the newest line of history: %v, %v; want deleteNode", changes, err)
	}
}

// TestHistoryOfLettersVisibleNow: a reader reads the history of a letter visible now
// as if it had always been visible: the line that created it with blind copies, and
// the one that created it restricted before it was published, with the edits made
// meanwhile; never a line that only set or lifted the restriction, nor a blind copy's
// line, nor, in the line of a deletion, the node only its blind copy named.
func TestHistoryOfLettersVisibleNow(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	bcc := create(t, store, domain.LetterInput{Title: "Blind at birth", Authors: []domain.PartyInput{person("Pat Public")},
		BCC: []domain.PartyInput{person("Bea Blind")}})
	later := create(t, store, domain.LetterInput{Title: "Published later", Restricted: true, Authors: []domain.PartyInput{person("Pat Public")}})
	title := "Published later, retitled"
	open, shut := false, true
	for _, p := range []domain.LetterPatch{{Title: &title}, {Restricted: &open}} {
		if _, err := store.UpdateLetter(admin, later.ID, p); err != nil {
			t.Fatal(err)
		}
	}
	gone := create(t, store, domain.LetterInput{Title: "Gone", Authors: []domain.PartyInput{person("Pat Public")},
		BCC: []domain.PartyInput{person("Only Blind")}})
	if _, err := store.AddParty(admin, gone.ID, domain.RoleBCC, person("Bea Blind"), 0); err != nil {
		t.Fatal(err)
	}
	openGone, err := store.Letter(reader, gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.DeleteLetter(admin, gone.ID); err != nil {
		t.Fatal(err)
	}
	shutLater := create(t, store, domain.LetterInput{Title: "Restricted later", Authors: []domain.PartyInput{person("Pat Public")}})
	if _, err := store.UpdateLetter(admin, shutLater.ID, domain.LetterPatch{Restricted: &shut}); err != nil {
		t.Fatal(err)
	}
	lines := func(ctx context.Context, id string) string {
		t.Helper()
		changes, err := store.History(ctx, id, 50, "")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range changes {
			out = append(out, c.Operation+" "+sprint(len(c.Nodes))+" "+c.Before+" "+c.After)
		}
		return strings.Join(out, "; ")
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		id   string
		want string
	}{
		{"a letter created with a blind copy", reader, bcc.ID, `createLetter 1  {"letters":1}`},
		{"a letter created restricted, published later", reader, later.ID,
			`updateLetter 1 {"title":"Published later"} {"title":"Published later, retitled"}; createLetter 1  {"letters":1}`},
		{"the same, for an admin", admin, later.ID,
			`updateLetter 1 {"restricted":true} {"restricted":false}; updateLetter 1 {"title":"Published later"} {"title":"Published later, retitled"}; createLetter 1  {"letters":1}`},
		{"the whole history", reader, "",
			`deleteLetter 2 {"contentHash":"` + openGone.ContentHash + `","externalId":null,"title":"Gone"} ; createLetter 1  {"letters":1}; updateLetter 1 {"title":"Published later"} {"title":"Published later, retitled"}; createLetter 1  {"letters":1}; createLetter 1  {"letters":1}`},
	} {
		if got := lines(tc.ctx, tc.id); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

// TestHistoryHidesEditsOfHiddenDetails: removing a detail only a restricted letter
// gave is no line of a reader's history (it would name the detail).
func TestHistoryHidesEditsOfHiddenDetails(t *testing.T) {
	store := neo4jtest.Store(t)
	editor := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Pat Public")}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true,
		Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "Pat Public", Aliases: []string{"Agent P"}}}}})
	if _, err := store.EditCorrespondent(editor, personID(t, "Pat Public"), domain.Removal{Aliases: []string{"Agent P"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want bool
	}{{"editor", editor, true}, {"reader", reader, false}} {
		changes, err := store.History(tc.ctx, "", 10, "")
		if err != nil {
			t.Fatal(err)
		}
		got := len(changes) > 0 && changes[0].Operation == "editCorrespondent"
		if got != tc.want {
			t.Errorf("%s's history shows the edit: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestStubsKeepTheirIdentityAroundHiddenLetters: what a fifth probe found. A stub
// that visible letters refer to stays the same stub, with the same id, for callers
// below RESTRICTED_ROLE when a restricted letter with its external id or title is
// written (it becomes the proxy); their references and documents find a proxy, and
// complete it, as they would the stub; and neither a stub that only a restricted
// letter's reference made nor a proxy changes what their writes are answered.
func TestStubsKeepTheirIdentityAroundHiddenLetters(t *testing.T) {
	admin := neo4jtest.Context()
	readLetter := func(tb testing.TB, store *neo4jstore.Store, ctx context.Context, id string) *domain.Letter {
		tb.Helper()
		l, err := store.Letter(ctx, id)
		if err != nil || l == nil {
			tb.Fatalf("Letter(%s): %v, %v", id, l, err)
		}
		return l
	}
	stubs := func(tb testing.TB, store *neo4jstore.Store) int {
		tb.Helper()
		st, err := store.Statistics(reader)
		if err != nil {
			tb.Fatal(err)
		}
		return st.Stubs
	}

	t.Run("a restricted letter leaves a stub that visible letters refer to as it was", func(t *testing.T) {
		store := neo4jtest.Store(t)
		pub := create(t, store, domain.LetterInput{Title: "Pub7", Authors: []domain.PartyInput{person("Pat Public")},
			RepliesTo: []domain.LetterRef{{ExternalID: "later-secret"}}, Related: []domain.LetterRef{{Title: "Later Title"}},
			Mentions: []domain.MentionInput{{Letter: &domain.LetterRef{Title: "Title M"}}, {Letter: &domain.LetterRef{ExternalID: "xm"}},
				{Party: &domain.PartyInput{Person: &domain.PersonInput{Name: "Zed Named"}}}}})
		before := readLetter(t, store, reader, pub.ID)
		mentions := func(l *domain.Letter) []string {
			var out []string
			for _, n := range l.Mentions {
				out = append(out, n.NodeID())
			}
			return out
		}
		stubsBefore := stubs(t, store)
		create(t, store, domain.LetterInput{Title: "Secret A", ExternalID: "later-secret", Restricted: true,
			Authors: []domain.PartyInput{person("Jane Informant")}})
		create(t, store, domain.LetterInput{Title: "Later Title", Body: "hidden", Restricted: true,
			Authors: []domain.PartyInput{person("Jane Informant")}})
		create(t, store, domain.LetterInput{Title: "Secret M", ExternalID: "xm", Restricted: true,
			Authors: []domain.PartyInput{person("Jane Informant")}})
		create(t, store, domain.LetterInput{Title: "Title M", Body: "hidden", Restricted: true,
			Authors: []domain.PartyInput{person("Jane Informant")}})
		after := readLetter(t, store, reader, pub.ID)
		// The order of a letter's mentions is that of what they show (a sixth
		// probe: it was the order of writing, which the restricted letters changed).
		if got, want := mentions(after), mentions(before); !slices.Equal(got, want) {
			t.Errorf("reader: Pub7 mentions %v, want %v as before", got, want)
		}
		if n := before.Mentions; len(n) != 3 || n[0].NodeLabel() != domain.LabelPerson || n[1].(*domain.Letter).ExternalID != "xm" {
			t.Errorf("reader: Pub7 mentions %v, want Zed Named, then the stubs by title (xm has none)", mentions(before))
		}
		if len(after.RepliesTo) != 1 || after.RepliesTo[0].ID != before.RepliesTo[0].ID || !after.RepliesTo[0].Stub ||
			after.RepliesTo[0].ExternalID != "later-secret" {
			t.Errorf("reader: Pub7 replies to %+v, want the stub %s it replied to before", after.RepliesTo, before.RepliesTo[0].ID)
		}
		if len(after.Related) != 1 || after.Related[0].ID != before.Related[0].ID || after.Related[0].Title != "Later Title" {
			t.Errorf("reader: Pub7 is related to %+v, want the stub %s it was related to before", after.Related, before.Related[0].ID)
		}
		for _, id := range []string{before.RepliesTo[0].ID, before.Related[0].ID} {
			if n, err := store.Node(reader, id); err != nil || n == nil {
				t.Errorf("reader: node(%s) = %v, %v; want the stub", id, n, err)
			}
		}
		if got := stubs(t, store); got != stubsBefore {
			t.Errorf("reader: %d stubs, want %d as before", got, stubsBefore)
		}
		seen := readLetter(t, store, admin, pub.ID)
		if len(seen.RepliesTo) != 1 || seen.RepliesTo[0].Title != "Secret A" || len(seen.Related) != 1 || seen.Related[0].Body != "hidden" {
			t.Errorf("admin: Pub7 replies to %+v and is related to %+v, want the restricted letters", seen.RepliesTo, seen.Related)
		}
	})

	t.Run("a stub only a restricted letter's reference made is no conflict", func(t *testing.T) {
		store := neo4jtest.Store(t)
		create(t, store, domain.LetterInput{Title: "Secret1", Restricted: true, Authors: []domain.PartyInput{person("Jane Informant")},
			RepliesTo: []domain.LetterRef{{ExternalID: "hidden-stub-x"}}})
		if _, _, err := store.CreateLetter(reader, domain.LetterInput{Title: "EdReply", Authors: []domain.PartyInput{person("Ed Itor")},
			RepliesTo: []domain.LetterRef{{ExternalID: "hidden-stub-x"}}}); err != nil {
			t.Errorf("editor's reply to hidden-stub-x: %v, want it written", err)
		}
		if _, created, err := store.CreateLetter(reader, domain.LetterInput{Title: "EdFill", ExternalID: "hidden-stub-x",
			Authors: []domain.PartyInput{person("Ed Itor")}}); err != nil || !created {
			t.Errorf("editor's letter hidden-stub-x: created %v, %v; want it written", created, err)
		}
	})

	t.Run("a proxy is the stub to writers who do not see what it stands for", func(t *testing.T) {
		store := neo4jtest.Store(t)
		secret := create(t, store, domain.LetterInput{Title: "Secret2", ExternalID: "pre-ref", Restricted: true,
			Authors: []domain.PartyInput{person("Jane Informant")}})
		create(t, store, domain.LetterInput{Title: "Hidden Title Ref", Body: "hidden", Restricted: true,
			Authors: []domain.PartyInput{person("Jane Informant")}})
		pub := create(t, store, domain.LetterInput{Title: "Pub5", Authors: []domain.PartyInput{person("Pat Public")},
			Related: []domain.LetterRef{{ExternalID: "pre-ref"}, {Title: "Hidden Title Ref"}}})
		proxies := readLetter(t, store, reader, pub.ID).Related
		if len(proxies) != 2 {
			t.Fatalf("reader: Pub5 is related to %d letters, want 2 stubs", len(proxies))
		}
		byExt := proxies[0]
		if byExt.ExternalID != "pre-ref" {
			byExt = proxies[1]
		}
		byTitle := proxies[0]
		if byTitle.ID == byExt.ID {
			byTitle = proxies[1]
		}
		reply, _, err := store.CreateLetter(reader, domain.LetterInput{Title: "EdReply", Authors: []domain.PartyInput{person("Ed Itor")},
			RepliesTo: []domain.LetterRef{{ExternalID: "pre-ref"}, {Title: "Hidden Title Ref"}}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range readLetter(t, store, reader, reply.ID).RepliesTo {
			got = append(got, l.ID)
		}
		if want := []string{byExt.ID, byTitle.ID}; !sameSet(got, want) {
			t.Errorf("editor's reply replies to %v, want the stubs Pub5 refers to %v", got, want)
		}
		var seen []string
		for _, l := range readLetter(t, store, admin, reply.ID).RepliesTo {
			seen = append(seen, l.Title)
		}
		if want := []string{"Secret2", "Hidden Title Ref"}; !sameSet(seen, want) {
			t.Errorf("admin: the editor's reply replies to %q, want %q", seen, want)
		}
		// Updating another letter to the proxy's external id conflicts, as with a stub.
		ext := "pre-ref"
		if _, err := store.UpdateLetter(reader, pub.ID, domain.LetterPatch{ExternalID: &ext}); domain.ErrorCode(err) != domain.CodeConflict {
			t.Errorf("editor giving Pub5 the external id pre-ref: %v, want CONFLICT", err)
		}
		// Letters with their external id and title complete the proxies.
		for _, in := range []domain.LetterInput{
			{Title: "EdFill", ExternalID: "pre-ref", Authors: []domain.PartyInput{person("Ed Itor")}},
			{Title: "Hidden Title Ref", Body: "open", Authors: []domain.PartyInput{person("Ed Itor")}},
		} {
			l, created, err := store.CreateLetter(reader, in)
			if err != nil || !created {
				t.Fatalf("editor's %q: created %v, %v", in.Title, created, err)
			}
			if l.ID != byExt.ID && l.ID != byTitle.ID {
				t.Errorf("editor's %q is letter %s, want the stub it completes (%s or %s)", in.Title, l.ID, byExt.ID, byTitle.ID)
			}
			if l.Stub {
				t.Errorf("editor's %q is still a stub", in.Title)
			}
		}
		if got := stubs(t, store); got != 0 {
			t.Errorf("reader: %d stubs left, want 0", got)
		}
		if l := readLetter(t, store, admin, secret.ID); l.ExternalID != "pre-ref" || !l.Restricted {
			t.Errorf("admin: the restricted letter is %+v, want it as it was", l)
		}
	})
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// TestAffiliationDetailsFollowVisibleSources: what a seventh probe found. The role
// and dates of a membership or an office held that a caller below RESTRICTED_ROLE
// reads are those visible sources gave: not a restricted edit's, a restricted
// letter's or a blind copy's, and not revealed by a visible source that gives none.
func TestAffiliationDetailsFollowVisibleSources(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	org := domain.OrganisationInput{Name: "Ord Org"}
	day := func(s string) *time.Time {
		d, _ := time.Parse(time.DateOnly, s)
		return &d
	}
	member := func(name, role, from string) domain.PartyInput {
		p := person(name)
		p.MemberOf = &domain.MembershipInput{Organisation: org, Role: role}
		if from != "" {
			p.MemberOf.From = day(from)
		}
		return p
	}
	upsert := func(ctx context.Context, p domain.PartyInput, restricted bool) {
		t.Helper()
		if _, _, err := store.UpsertCorrespondent(ctx, p, restricted); err != nil {
			t.Fatal(err)
		}
	}
	details := func(ctx context.Context, name string) string {
		t.Helper()
		return membershipDetails(t, ctx, store, name)
	}
	upsert(admin, member("Pia Pond", "", ""), false)
	upsert(admin, member("Pia Pond", "spy", "1950-01-01"), true)
	upsert(admin, member("Uma Ulm", "", ""), false)
	create(t, store, domain.LetterInput{Title: "Blind", Authors: []domain.PartyInput{person("Pat Public")},
		BCC: []domain.PartyInput{member("Uma Ulm", "bccrole", "1910-01-01")}})
	upsert(admin, member("Rae Reed", "", ""), false)
	secret := create(t, store, domain.LetterInput{Title: "Secret", Restricted: true, Authors: []domain.PartyInput{person("Jane Informant")},
		Recipients: []domain.PartyInput{member("Rae Reed", "agent", "1930-01-01")}})
	upsert(admin, person("Sam Sage"), false)
	upsert(admin, member("Sam Sage", "secret", "1920-01-01"), true)
	upsert(reader, member("Sam Sage", "", ""), false)
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{member("Cleo Ceo", "CEO", "2001-01-01")}})

	for _, tc := range []struct{ name, reader, admin string }{
		{"Pia Pond", "@", "spy@1950-01-01"},
		{"Uma Ulm", "@", "bccrole@1910-01-01"},
		{"Rae Reed", "@", "agent@1930-01-01"},
		{"Sam Sage", "@", "secret@1920-01-01"},
		{"Cleo Ceo", "CEO@2001-01-01", "CEO@2001-01-01"},
	} {
		if got := details(reader, tc.name); got != tc.reader {
			t.Errorf("reader: %s's membership %q, want %q", tc.name, got, tc.reader)
		}
		if got := details(admin, tc.name); got != tc.admin {
			t.Errorf("admin: %s's membership %q, want %q", tc.name, got, tc.admin)
		}
	}
	// Restricted since, the letter that gave Cleo's details gives them to readers no
	// more; published again, it does; and publishing the secret one shows Rae's.
	restrict := func(id string, r bool) {
		t.Helper()
		if _, err := store.UpdateLetter(admin, id, domain.LetterPatch{Restricted: &r}); err != nil {
			t.Fatal(err)
		}
	}
	restrict(open.ID, true)
	if got := details(reader, "Cleo Ceo"); got != "" {
		t.Errorf("reader, the letter restricted: Cleo's membership %q, want none", got)
	}
	restrict(open.ID, false)
	restrict(secret.ID, false)
	for name, want := range map[string]string{"Cleo Ceo": "CEO@2001-01-01", "Rae Reed": "agent@1930-01-01"} {
		if got := details(reader, name); got != want {
			t.Errorf("reader, the letters published: %s's membership %q, want %q", name, got, want)
		}
	}
}

// membershipDetails is the memberships of the one person called name as the caller
// of ctx reads them: role@from, comma-separated.
func membershipDetails(tb testing.TB, ctx context.Context, store *neo4jstore.Store, name string) string {
	tb.Helper()
	id := personID(tb, name)
	m, err := store.Memberships(ctx, []string{id})
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, x := range m[id] {
		from := ""
		if x.From != nil {
			from = x.From.Format(time.DateOnly)
		}
		out = append(out, x.Role+"@"+from)
	}
	return strings.Join(out, ",")
}

// TestRemovedAffiliationsStayRemoved (probe 8): a membership an editor removed is
// not brought back, nor its details, by the claims of the letters before the
// removal when hidden material is written, published, restricted or deleted; one
// made again shows what the sources after the removal say.
func TestRemovedAffiliationsStayRemoved(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	day := func(s string) *time.Time {
		d, _ := time.Parse(time.DateOnly, s)
		return &d
	}
	member := func(name, role, from string) domain.PartyInput {
		p := person(name)
		p.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Rho Org"}, Role: role, From: day(from)}
		return p
	}
	letter := func(ctx context.Context, title string, restricted bool, author domain.PartyInput) *domain.Letter {
		t.Helper()
		l, _, err := store.CreateLetter(ctx, domain.LetterInput{Title: title, Restricted: restricted,
			Authors: []domain.PartyInput{author}, Recipients: []domain.PartyInput{person("Erin East")}})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	details := func(name string) string {
		t.Helper()
		return membershipDetails(t, reader, store, name)
	}
	restrict := func(id string, r bool) {
		t.Helper()
		if _, err := store.UpdateLetter(admin, id, domain.LetterPatch{Restricted: &r}); err != nil {
			t.Fatal(err)
		}
	}
	// Rita: a membership removed, and made again by a later letter.
	letter(reader, "R1", false, member("Rita Roe", "r1role", "2010-01-01"))
	if err := store.RemoveLink(reader, domain.LinkMemberOf, personID(t, "Rita Roe"), orgID(t, "Rho Org")); err != nil {
		t.Fatal(err)
	}
	letter(reader, "R3", false, member("Rita Roe", "", "2015-05-05"))
	// Remy: a membership removed, and made again by a restricted letter alone.
	letter(reader, "M1", false, member("Remy Rowe", "m1role", "2011-01-01"))
	if err := store.RemoveLink(reader, domain.LinkMemberOf, personID(t, "Remy Rowe"), orgID(t, "Rho Org")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Rita Roe": "@2015-05-05", "Remy Rowe": ""}
	check := func(when string) {
		t.Helper()
		for name, w := range want {
			if got := details(name); got != w {
				t.Errorf("%s: reader sees %s's membership %q, want %q", when, name, got, w)
			}
		}
	}
	check("before any hidden material")
	hidden := letter(admin, "H", true, person("Rita Roe"))
	secret := letter(admin, "S", true, member("Remy Rowe", "spy", "1999-01-01"))
	check("hidden letters written")
	restrict(hidden.ID, false)
	restrict(hidden.ID, true)
	restrict(secret.ID, false)
	restrict(secret.ID, true)
	check("hidden letters published and restricted again")
	if err := store.DeleteLetter(admin, hidden.ID); err != nil {
		t.Fatal(err)
	}
	check("a hidden letter deleted")
}

// derivedState is what the provenance rule keeps on the graph for callers below
// RESTRICTED_ROLE (hidden and searchable labels, open details, seen relationships
// and their open details), keyed by ids, one line each.
func derivedState(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, row := range neo4jtest.Exec(tb, `
		MATCH (n) WHERE n:Letter OR n:Correspondent OR n:Place
		RETURN [n.id, n:Hidden, n:Searchable] AS line, [k IN keys(n) WHERE k STARTS WITH 'open' | [k, n[k]]] AS open
		UNION ALL
		MATCH (a)-[r:HOLDS|MEMBER_OF|OF|PART_OF]->(b)
		RETURN [a.id, type(r), b.id, r.seen, r.openRole, r.openFrom, r.openTo] AS line, [] AS open`, nil) {
		open := toStringList(row["open"])
		sort.Strings(open) // keys(n) is in no fixed order
		out = append(out, fmt.Sprint(row["line"], open))
	}
	sort.Strings(out)
	return out
}

func toStringList(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// TestRefreshChangesNothing: after every kind of visible write, a refresh of the
// whole graph from its sources changes nothing that callers below RESTRICTED_ROLE
// read. Hidden material (a restricted letter written, published, restricted or
// deleted; a blind copy) makes the store refresh what it names, so state that a
// refresh would change is state that hidden material would reveal (probe 8 found
// removed memberships coming back that way).
func TestRefreshChangesNothing(t *testing.T) {
	store := neo4jtest.Store(t)
	var docs []domain.LetterInput
	if err := gen.Generate(gen.Config{Letters: 40, Seed: 11}, func(i int, in domain.LetterInput) error {
		in.BCC, in.Restricted = nil, false // visible writes only
		docs = append(docs, in)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	write := func(in domain.LetterInput) {
		t.Helper()
		if _, _, err := store.CreateLetter(reader, in); err != nil {
			t.Fatal(err)
		}
	}
	for _, in := range docs[:20] {
		write(in)
	}
	// Direct edits between the letters: memberships and offices removed, a
	// membership given by an edit, an alias and an email removed, a letter deleted.
	affiliations := neo4jtest.Exec(t, `MATCH (a:Person)-[r:MEMBER_OF|HOLDS]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, a.name AS name ORDER BY a.id, b.id LIMIT 6`, nil)
	if len(affiliations) < 4 {
		t.Fatalf("the corpus has %d memberships and offices held; want at least 4", len(affiliations))
	}
	for _, r := range affiliations {
		if err := store.RemoveLink(reader, domain.LinkKind(r["t"].(string)), r["a"].(string), r["b"].(string)); err != nil {
			t.Fatal(err)
		}
	}
	if org := orgOf(affiliations); org != "" {
		if err := store.AddLink(reader, domain.Link{Kind: domain.LinkMemberOf, From: affiliations[0]["a"].(string), To: org,
			Role: "edited role"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, row := range neo4jtest.Exec(t, `MATCH (p:Person) WHERE size(coalesce(p.aliases, [])) > 0 OR size(coalesce(p.emails, [])) > 0
		RETURN p.id AS id, p.aliases[0] AS alias, p.emails[0] AS email ORDER BY p.id LIMIT 3`, nil) {
		var rm domain.Removal
		if a, ok := row["alias"].(string); ok {
			rm.Aliases = []string{a}
		}
		if e, ok := row["email"].(string); ok {
			rm.Emails = []string{e}
		}
		if _, err := store.EditCorrespondent(reader, row["id"].(string), rm); err != nil {
			t.Fatal(err)
		}
	}
	// Later letters name the same people with their affiliations again.
	for _, in := range docs[20:] {
		write(in)
	}
	for _, r := range affiliations[:3] {
		p := person(r["name"].(string))
		if r["t"] == "MEMBER_OF" {
			p.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: nameOf(t, r["b"].(string))}, Role: "later"}
		}
		write(domain.LetterInput{Title: "Again " + r["name"].(string), Authors: []domain.PartyInput{p},
			Recipients: []domain.PartyInput{person("Erin East")}})
	}
	gone := neo4jtest.Exec(t, `MATCH (l:Letter) WHERE NOT l.stub RETURN l.id AS id ORDER BY l.id LIMIT 1`, nil)[0]["id"].(string)
	if err := store.DeleteLetter(reader, gone); err != nil {
		t.Fatal(err)
	}
	// Edits of correspondents: upserts that add details and rename, a party added
	// to a letter, references by title and external id (stubs, completed later),
	// a letter edited, a correspondent deleted, and a merge and its undoing.
	people := neo4jtest.Exec(t, `MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY p.id LIMIT 6`, nil)
	if _, _, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{ID: people[0]["id"].(string),
		Name: "Renamed Person", Aliases: []string{"An Alias"}, Emails: []string{"renamed@example.org"}}}, false); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.UpsertCorrespondent(reader, domain.PartyInput{Person: &domain.PersonInput{Name: people[1]["name"].(string),
		AuthorityIDs: []string{"https://viaf.org/viaf/123456"}}}, false); err != nil {
		t.Fatal(err)
	}
	some := neo4jtest.Exec(t, `MATCH (l:Letter) WHERE NOT l.stub RETURN l.id AS id ORDER BY l.id SKIP 2 LIMIT 2`, nil)
	if _, err := store.AddParty(reader, some[0]["id"].(string), domain.RoleCC, domain.PartyInput{Person: &domain.PersonInput{
		Name: "Cora Copied", Emails: []string{"cora@example.org"}}}, 0); err != nil {
		t.Fatal(err)
	}
	title := "A Renamed Letter"
	if _, err := store.UpdateLetter(reader, some[1]["id"].(string), domain.LetterPatch{Title: &title}); err != nil {
		t.Fatal(err)
	}
	write(domain.LetterInput{Title: "Refers", Authors: []domain.PartyInput{person("Erin East")},
		RepliesTo: []domain.LetterRef{{Title: "A Letter Not Yet Written"}, {ExternalID: "ext-later"}}})
	// A party added to the stub, with an affiliation and an email, before the
	// letter completes it naming that party plainly (probe 13).
	stub := neo4jtest.Exec(t, `MATCH (l:Letter {stub: true, title: 'A Letter Not Yet Written'}) RETURN l.id AS id`, nil)[0]["id"].(string)
	gus := person("Gus Stub")
	gus.Person.Emails = []string{"gus@example.org"}
	gus.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Stub Guild"}, Role: "stub role"}
	if _, err := store.AddParty(reader, stub, domain.RoleAuthor, gus, 0); err != nil {
		t.Fatal(err)
	}
	write(domain.LetterInput{Title: "A Letter Not Yet Written", Authors: []domain.PartyInput{person("Fay Later"), person("Gus Stub")}})
	if err := store.DeleteNode(reader, people[2]["id"].(string)); err != nil {
		t.Fatal(err)
	}
	admin := neo4jtest.Context()
	if _, err := store.MergeCorrespondents(admin, people[3]["id"].(string), []string{people[4]["id"].(string)}); err != nil {
		t.Fatal(err)
	}
	merge := neo4jtest.Exec(t, `MATCH (ch:Change {op: 'mergeCorrespondents'}) RETURN ch.id AS id`, nil)[0]["id"].(string)
	if _, err := store.MergeCorrespondents(admin, people[3]["id"].(string), []string{people[5]["id"].(string)}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.UnmergeCorrespondents(admin, merge); err != nil {
		t.Fatal(err)
	}

	before := derivedState(t)
	if err := store.RefreshEverything(neo4jtest.Context()); err != nil {
		t.Fatal(err)
	}
	after := derivedState(t)
	if !slices.Equal(before, after) {
		for _, line := range before {
			if !slices.Contains(after, line) {
				t.Errorf("kept by the writes: %s", line)
			}
		}
		for _, line := range after {
			if !slices.Contains(before, line) {
				t.Errorf("after a refresh:    %s", line)
			}
		}
	}
}

// orgOf is an organisation among the affiliations' other ends ("" for none).
func orgOf(affiliations []map[string]any) string {
	for _, r := range affiliations {
		if r["t"] == "MEMBER_OF" {
			return r["b"].(string)
		}
	}
	return ""
}

// nameOf is the name of the node with id.
func nameOf(tb testing.TB, id string) string {
	tb.Helper()
	return neo4jtest.Exec(tb, `MATCH (n {id: $id}) RETURN coalesce(n.name, n.title) AS name`, map[string]any{"id": id})[0]["name"].(string)
}

// TestDuplicatesOfLettersWithBlindCopies (probe 9): a writer below RESTRICTED_ROLE
// who writes a public letter again, without the blind copies it has, gets that letter
// back, as in a graph where it has none; not a new letter, nor a CONFLICT on its
// external id.
func TestDuplicatesOfLettersWithBlindCopies(t *testing.T) {
	store := neo4jtest.Store(t)
	for _, ext := range []string{"", "f-2"} {
		doc := domain.LetterInput{Title: "F1 " + ext, Body: "f one", ExternalID: ext,
			Authors: []domain.PartyInput{person("Fa One")}, Recipients: []domain.PartyInput{person("Fb One")}}
		withBCC := doc
		withBCC.BCC = []domain.PartyInput{person("Fc One")}
		first := create(t, store, withBCC)
		again, created, err := store.CreateLetter(reader, doc)
		if err != nil || created || again.ID != first.ID {
			t.Errorf("externalId %q: written again below RESTRICTED_ROLE: created %v, err %v, same letter %v; want the letter, not created",
				ext, created, err, err == nil && again.ID == first.ID)
		}
		// So does a writer who sees blind copies: the copy without them (a
		// recipient's) is the letter the copy with them (the sender's) is.
		again, created, err = store.CreateLetter(neo4jtest.Context(), doc)
		if err != nil || created || again.ID != first.ID {
			t.Errorf("externalId %q: written again by an admin without the blind copies: created %v, err %v; want the letter", ext, created, err)
		}
		if _, created, err := store.CreateLetter(neo4jtest.Context(), domain.LetterInput{Title: doc.Title + " other", Body: doc.Body,
			Authors: doc.Authors, Recipients: doc.Recipients}); err != nil || !created {
			t.Errorf("externalId %q: a different document: created %v, err %v", ext, created, err)
		}
	}
	// The other way round, and in one batch: the copy without blind copies first,
	// then the sender's, which adds its blind copies to the letter.
	bccOf := func(id string) []string {
		t.Helper()
		var names []string
		for _, row := range neo4jtest.Exec(t, `MATCH (:Letter {id: $id})-[:BCC]->(c) RETURN c.name AS n ORDER BY n`, map[string]any{"id": id}) {
			names = append(names, row["n"].(string))
		}
		return names
	}
	recipients := domain.LetterInput{Title: "F3", Body: "f three", Authors: []domain.PartyInput{person("Fa One")},
		Recipients: []domain.PartyInput{person("Fb One")}}
	senders := recipients
	senders.BCC = []domain.PartyInput{person("Fd Blind"), person("Fe Blind")}
	first := create(t, store, recipients)
	again, created, err := store.CreateLetter(neo4jtest.Context(), senders)
	if err != nil || created || again.ID != first.ID {
		t.Errorf("the sender's copy after a recipient's: created %v, err %v; want the letter", created, err)
	}
	if got := bccOf(first.ID); !slices.Equal(got, []string{"Fd Blind", "Fe Blind"}) {
		t.Errorf("the letter's blind copies after the sender's copy: %v, want Fd Blind and Fe Blind", got)
	}
	if _, _, err := store.CreateLetter(neo4jtest.Context(), senders); err != nil || !slices.Equal(bccOf(first.ID), []string{"Fd Blind", "Fe Blind"}) {
		t.Errorf("the sender's copy again: %v, blind copies %v; want them once each", err, bccOf(first.ID))
	}
	batch := recipients
	batch.Title = "F4"
	batchSenders := senders
	batchSenders.Title = "F4"
	res, err := store.ImportLetters(neo4jtest.Context(), []domain.LetterInput{batch, batchSenders})
	if err != nil || len(res) != 2 || res[0].LetterID != res[1].LetterID || !res[0].Created || res[1].Created {
		t.Fatalf("both copies in one batch: %+v, %v; want one letter, created once", res, err)
	}
	if got := bccOf(res[0].LetterID); !slices.Equal(got, []string{"Fd Blind", "Fe Blind"}) {
		t.Errorf("both copies in one batch: blind copies %v, want Fd Blind and Fe Blind", got)
	}
}

// TestStubScopeFollowsVisibility (probe 9): a stub a restricted letter's reference
// made is in the open scope of external ids once a visible letter refers to it too,
// so that an editor's letter given that id is a CONFLICT as in a graph without the
// restricted letter; and back in the hidden scope when only hidden letters refer to
// it again.
func TestStubScopeFollowsVisibility(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	create(t, store, domain.LetterInput{Title: "G1", Restricted: true, Authors: []domain.PartyInput{person("Ga Hee")},
		Related: []domain.LetterRef{{ExternalID: "h-ref"}}})
	open := create(t, store, domain.LetterInput{Title: "H2x", Authors: []domain.PartyInput{person("Gc Hee")},
		Related: []domain.LetterRef{{ExternalID: "h-ref"}}})
	ext := "h-ref"
	_, err := store.UpdateLetter(reader, open.ID, domain.LetterPatch{ExternalID: &ext})
	if domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("an editor gives a letter the id of a stub a visible letter refers to: %v, want CONFLICT", err)
	}
	if err := store.DeleteLetter(admin, open.ID); err != nil {
		t.Fatal(err)
	}
	other := create(t, store, domain.LetterInput{Title: "H3", Authors: []domain.PartyInput{person("Gc Hee")}})
	if _, err := store.UpdateLetter(reader, other.ID, domain.LetterPatch{ExternalID: &ext}); err != nil {
		t.Errorf("the stub referred to by a hidden letter alone again: an editor's id %v, want none (no such letter to them)", err)
	}
}

// TestPublishingLettersWithBlindCopies (probe 11): publishing (or restricting) a
// letter written with blind copies is refused as a CONFLICT when a letter of the
// scope it moves to has its content without them, as it is in a graph without
// blind copies; and nothing a blind copy of a second copy names becomes visible.
func TestPublishingLettersWithBlindCopies(t *testing.T) {
	store := neo4jtest.Store(t)
	admin := neo4jtest.Context()
	doc := domain.LetterInput{Title: "P1", Body: "pone body", Authors: []domain.PartyInput{person("Pa One")},
		Recipients: []domain.PartyInput{person("Pb One")}}
	secret := doc
	secret.Restricted = true
	secret.BCC = []domain.PartyInput{person("Pc One")}
	hidden := create(t, store, secret)
	if _, created, err := store.CreateLetter(reader, doc); err != nil || !created {
		t.Fatalf("an editor's copy of a restricted letter: created %v, %v; want a letter of its own", created, err)
	}
	open := false
	if _, err := store.UpdateLetter(admin, hidden.ID, domain.LetterPatch{Restricted: &open}); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("publishing the restricted letter with blind copies: %v, want CONFLICT", err)
	}
	// Restricting an editor's letter while a restricted letter written with blind
	// copies has its content.
	other := domain.LetterInput{Title: "P2", Body: "ptwo body", Authors: []domain.PartyInput{person("Pa One")},
		Recipients: []domain.PartyInput{person("Pb One")}}
	hiddenOther := other
	hiddenOther.Restricted = true
	hiddenOther.BCC = []domain.PartyInput{person("Pd One")}
	create(t, store, hiddenOther)
	editors, created, err := store.CreateLetter(reader, other)
	if err != nil || !created {
		t.Fatalf("an editor's copy of a restricted letter: created %v, %v; want a letter of its own", created, err)
	}
	restricted := true
	if _, err := store.UpdateLetter(admin, editors.ID, domain.LetterPatch{Restricted: &restricted}); domain.ErrorCode(err) != domain.CodeConflict {
		t.Errorf("restricting a letter whose content a restricted letter with blind copies has: %v, want CONFLICT", err)
	}

	// A second copy whose blind copy names an organisation and an office: they are
	// hidden, as everything only blind copies name.
	q := domain.LetterInput{Title: "Q1x", Body: "q one x", Authors: []domain.PartyInput{person("Qa Vis")},
		Recipients: []domain.PartyInput{person("Qb Vis")}, BCC: []domain.PartyInput{person("Qz Hid")}}
	first := create(t, store, q)
	again := q
	blind := person("Qz Hid")
	blind.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Qorg Leak"}}
	blind.Holds = &domain.HoldingInput{Office: domain.OfficeInput{Title: "Q Chief", Of: &domain.OrganisationInput{Name: "Qoffice Org"}}}
	again.BCC = []domain.PartyInput{blind}
	if l, created, err := store.CreateLetter(admin, again); err != nil || created || l.ID != first.ID {
		t.Fatalf("the second copy: created %v, %v; want the letter", created, err)
	}
	// A later copy's blind copy that names what the letter names openly leaves it
	// open (probe 12).
	x := domain.LetterInput{Title: "X1", Body: "x one", Recipients: []domain.PartyInput{person("Xb Bob")}}
	alice := person("Xa Alice")
	alice.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Xacme Corp"}, Role: "engineer"}
	x.Authors = []domain.PartyInput{alice}
	create(t, store, x)
	xAgain := x
	ghost := person("Xg Ghost")
	ghost.MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Xacme Corp"}}
	xAgain.BCC = []domain.PartyInput{ghost}
	if _, created, err := store.CreateLetter(admin, xAgain); err != nil || created {
		t.Fatalf("the copy with a blind copy: created %v, %v; want the letter", created, err)
	}
	if got := membershipDetails(t, reader, store, "Xa Alice"); got != "engineer@" {
		t.Errorf("a reader's view of Xa Alice's membership after a blind copy named its organisation: %q, want engineer@", got)
	}
	for _, name := range []string{"Qorg Leak", "Qoffice Org", "Q Chief"} {
		rows := neo4jtest.Exec(t, `MATCH (n:Correspondent) WHERE coalesce(n.name, n.title) = $name RETURN n:Hidden AS hidden`, map[string]any{"name": name})
		if len(rows) != 1 || rows[0]["hidden"] != true {
			t.Errorf("%s, named only by a blind copy: %v, want one hidden node", name, rows)
		}
	}
}

// TestPartiesFoundHiddenAreLinked (probe 14): a party a writer below
// RESTRICTED_ROLE adds to a letter, whose look-up finds a node only hidden material
// names (an office of a visible organisation that only a restricted letter names), is
// linked, as in a graph without that material, where the look-up makes it; not refused
// with the hidden node's id.
func TestPartiesFoundHiddenAreLinked(t *testing.T) {
	store := neo4jtest.Store(t)
	auditor := func() domain.PartyInput {
		return domain.PartyInput{Office: &domain.OfficeInput{Title: "Auditor", Of: &domain.OrganisationInput{Name: "Acme Audit"}}}
	}
	open := create(t, store, domain.LetterInput{Title: "Open", Authors: []domain.PartyInput{person("Ann Open")},
		CC: []domain.PartyInput{{Organisation: &domain.OrganisationInput{Name: "Acme Audit"}}}})
	create(t, store, domain.LetterInput{Title: "Closed", Restricted: true, Authors: []domain.PartyInput{person("Ann Open")},
		Recipients: []domain.PartyInput{auditor()}})
	for _, role := range []domain.Role{domain.RoleAuthor, domain.RoleRecipient, domain.RoleCC} {
		l, err := store.AddParty(reader, open.ID, role, auditor(), 0)
		if err != nil {
			t.Fatalf("AddParty(%s, the office): %v; want it linked", role, err)
		}
		var titles []string
		for _, p := range append(append(append([]domain.Party{}, l.Authors...), l.Recipients...), l.CC...) {
			if o, ok := p.Correspondent.(*domain.Office); ok {
				titles = append(titles, o.Title)
			}
		}
		if len(titles) == 0 {
			t.Errorf("AddParty(%s, the office): the letter names no office; want Auditor", role)
		}
	}
}

// TestSourceViaIsTheFirstRole (probe 14): a letter that names a correspondent in
// several roles is its source through the first of them in the order of a letter's
// parties, whatever order the database stores the relationships in.
func TestSourceViaIsTheFirstRole(t *testing.T) {
	store := neo4jtest.Store(t)
	create(t, store, domain.LetterInput{Title: "Twice", Authors: []domain.PartyInput{person("Vi Writer")},
		Recipients: []domain.PartyInput{person("Ro Both")}, CC: []domain.PartyInput{person("Ro Both")}})
	create(t, store, domain.LetterInput{Title: "Thrice", Authors: []domain.PartyInput{person("Vi Writer")},
		CC: []domain.PartyInput{person("Ro Both")}, Recipients: []domain.PartyInput{person("Ro Both")},
		Mentions: []domain.MentionInput{{Party: &domain.PartyInput{Person: &domain.PersonInput{Name: "Ro Both"}}}}})
	// The second role added later, in either order: relationships are stored, and
	// read, in the order they were made.
	for i, roles := range [][2]domain.Role{{domain.RoleCC, domain.RoleRecipient}, {domain.RoleRecipient, domain.RoleCC}} {
		in := domain.LetterInput{Title: fmt.Sprint("Later ", i), Authors: []domain.PartyInput{person("Vi Writer")}}
		if roles[0] == domain.RoleCC {
			in.CC = []domain.PartyInput{person("Ro Both")}
		} else {
			in.Recipients = []domain.PartyInput{person("Ro Both")}
		}
		l := create(t, store, in)
		if _, err := store.AddParty(reader, l.ID, roles[1], person("Ro Both"), 0); err != nil {
			t.Fatal(err)
		}
	}
	sources, err := store.Sources(reader, personID(t, "Ro Both"), nil, 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sources {
		if s.Letter != nil && s.Via != "ADDRESSED_TO" {
			t.Errorf("%s is a source via %s; want ADDRESSED_TO, its first role", s.Letter.Title, s.Via)
		}
	}
	if len(sources) < 4 {
		t.Errorf("%d sources; want the four letters", len(sources))
	}
}
