package server_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/server/servertest"
)

const letterAdded = `
subscription ($who: ID) {
  letterAdded(involving: $who) { title authors { correspondent { name } } cc { correspondent { name } } }
}`

const upsertPerson = `mutation ($name: String!) { upsertCorrespondent(input: {person: {name: $name}}) { correspondent { id } } }`

// probing is a prober that adds letters titled "probe N" written by who.
func probing(tb testing.TB, a *api, who string) (probe func(), isProbe func(string) bool) {
	n := 0
	return func() {
			n++
			a.data(tb, createLetter, map[string]any{"input": map[string]any{"title": fmt.Sprintf("probe %d", n),
				"authors": []any{map[string]any{"id": who}}}}, &struct{}{})
		}, func(title string) bool {
			return strings.HasPrefix(title, "probe ")
		}
}

// TestLetterAdded subscribes over both transports, with and without involving, and
// checks that each letter created or imported arrives once, and only where it
// involves the correspondent asked about.
func TestLetterAdded(t *testing.T) {
	for _, transport := range []string{servertest.WS, servertest.SSE} {
		t.Run(transport, func(t *testing.T) {
			a := newAPI(t)
			var ana struct {
				UpsertCorrespondent struct{ Correspondent struct{ ID string } }
			}
			a.data(t, upsertPerson, map[string]any{"name": "Ana Amani"}, &ana)
			who := ana.UpsertCorrespondent.Correspondent.ID

			involving := servertest.Subscribe(t, a.url, transport, letterAdded, map[string]any{"who": who})
			everything := servertest.Subscribe(t, a.url, transport, letterAdded, nil)
			probe, isProbe := probing(t, a, who)
			first := involving.Await(t, probe, 10*time.Second)
			if !strings.Contains(string(first.Data), `"name":"Ana Amani"`) {
				t.Errorf("first response %s lacks the author's name", first.Data)
			}
			everything.Await(t, probe, 10*time.Second)

			create := func(title string, role string) {
				in := map[string]any{"title": title, "authors": []any{map[string]any{"person": map[string]any{"name": "Someone Else"}}}}
				if role != "" {
					in[role] = []any{map[string]any{"id": who}}
				}
				a.data(t, createLetter, map[string]any{"input": in}, &struct{}{})
			}
			create("to Ana", "recipients")
			create("not Ana", "")
			create("copied to Ana", "cc")
			create("blind copy to Ana", "bcc")
			create("to Ana", "recipients") // the same document again: no new letter
			docs := []any{map[string]any{"name": "two.ndjson", "format": "JSON", "content": `{"title":"imported from Ana","authors":[{"person":{"name":"Ana Amani"}}]}
{"title":"imported, not Ana","authors":[{"person":{"name":"Someone Else"}}]}`}}
			a.data(t, importDocuments, map[string]any{"docs": docs}, &struct{}{})
			a.data(t, importDocuments, map[string]any{"docs": docs}, &struct{}{}) // unchanged

			got := involving.LetterTitles(t, time.Second, isProbe)
			want := []string{"to Ana", "copied to Ana", "imported from Ana"}
			if !slices.Equal(got, want) {
				t.Errorf("involving Ana: got %q, want %q", got, want)
			}
			got = everything.LetterTitles(t, 200*time.Millisecond, isProbe)
			want = []string{"to Ana", "not Ana", "copied to Ana", "blind copy to Ana", "imported from Ana", "imported, not Ana"}
			if !slices.Equal(got, want) {
				t.Errorf("everything: got %q, want %q", got, want)
			}
		})
	}
}

func TestLetterAddedInvolvingNobody(t *testing.T) {
	a := newAPI(t)
	for _, transport := range []string{servertest.WS, servertest.SSE} {
		t.Run(transport, func(t *testing.T) {
			sub := servertest.Subscribe(t, a.url, transport, letterAdded, map[string]any{"who": "no-such-id"})
			r, ok := sub.Next(5 * time.Second)
			if !ok || len(r.Errors) != 1 {
				t.Fatalf("got %+v (%v), want one error", r, ok)
			}
			if got := r.Errors[0].Extensions["code"]; got != "NOT_FOUND" {
				t.Errorf("code = %v, want NOT_FOUND", got)
			}
		})
	}
}
