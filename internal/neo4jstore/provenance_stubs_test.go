package neo4jstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/neo4jstore"
	"github.com/lettergraph/lettergraph/internal/neo4jstore/neo4jtest"
)

// Named tests of docs/security.md, Provenance (see provenance_test.go): stubs and the proxies of restricted letters.

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
