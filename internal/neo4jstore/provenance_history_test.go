package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// Named tests of docs/security.md, Provenance (see provenance_test.go): history and sources.

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

// TestHistoryOfALetterDeletedBesideHiddenMaterial: what a sixteenth probe found. A
// public letter deleted, whose author a restricted letter or a blind copy also
// named, left a reader's history (and the history of its recipient): the author,
// hidden then, hid the line, where without the hidden material the author was
// deleted with the letter and the line showed. The same when the other letter that
// named the author was public at the deletion and restricted later. A reader's
// history, whole and of each correspondent, is compared with that of the same
// writes without the hidden material.
func TestHistoryOfALetterDeletedBesideHiddenMaterial(t *testing.T) {
	admin := neo4jtest.Context()
	for _, hide := range []string{"a restricted letter", "a blind copy", "a letter restricted later"} {
		look := func(hidden bool) string {
			store := neo4jtest.Store(t)
			p1 := create(t, store, domain.LetterInput{Title: "P1", Authors: []domain.PartyInput{person("Vic Visible")},
				Recipients: []domain.PartyInput{person("Ann Open")}})
			p2 := create(t, store, domain.LetterInput{Title: "P2", Authors: []domain.PartyInput{person("Ann Open")},
				Recipients: []domain.PartyInput{person("Carl Keep")}})
			var later *domain.Letter
			if hidden {
				switch hide {
				case "a restricted letter":
					create(t, store, domain.LetterInput{Title: "R", Restricted: true, Authors: []domain.PartyInput{person("Vic Visible")}})
				case "a blind copy":
					if _, err := store.AddParty(admin, p2.ID, domain.RoleBCC, person("Vic Visible"), 0); err != nil {
						t.Fatal(err)
					}
				default:
					later = create(t, store, domain.LetterInput{Title: "P3", Authors: []domain.PartyInput{person("Vic Visible")}})
				}
			}
			vic, ann := personID(t, "Vic Visible"), personID(t, "Ann Open")
			if err := store.DeleteLetter(admin, p1.ID); err != nil {
				t.Fatal(err)
			}
			if later != nil {
				shut := true
				if _, err := store.UpdateLetter(admin, later.ID, domain.LetterPatch{Restricted: &shut}); err != nil {
					t.Fatal(err)
				}
			}
			var out []string
			for _, id := range []string{"", ann, vic} {
				changes, err := store.History(reader, id, 20, "")
				if err != nil {
					t.Fatal(err)
				}
				var lines []string
				for _, c := range changes {
					lines = append(lines, fmt.Sprintf("%s of %d", c.Operation, len(c.Nodes)))
				}
				out = append(out, strings.Join(lines, ", "))
			}
			return strings.Join(out, "; ")
		}
		if got, want := look(true), look(false); got != want {
			t.Errorf("beside %s, a reader's history (whole; Ann's; Vic's):\n got %s\nwant %s (without it)", hide, got, want)
		}
	}
}
