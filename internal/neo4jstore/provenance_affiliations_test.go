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

// Named tests of docs/security.md, Provenance (see provenance_test.go): memberships and holdings, and the refresh of open views.

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
