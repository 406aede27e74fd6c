package server_test

import (
	"fmt"
	"testing"
)

// TestPlainListsAreBounded: a plain list (a letter's parties, an organisation's
// members) returns its first items in order, DefaultListSize (20) when the caller
// does not say, and the rest on asking.
func TestPlainListsAreBounded(t *testing.T) {
	a := newAPI(t)
	var recipients []any
	for i := 1; i <= 25; i++ {
		recipients = append(recipients, map[string]any{"person": map[string]any{"name": fmt.Sprintf("Recipient %02d", i)},
			"memberOf": map[string]any{"organisation": map[string]any{"name": "The Big Club"}}})
	}
	var made struct {
		CreateLetter struct{ Letter struct{ ID string } }
	}
	a.data(t, `mutation ($in: LetterInput!) { createLetter(input: $in) { letter { id } } }`,
		map[string]any{"in": map[string]any{"title": "To everyone", "recipients": recipients}}, &made)

	const query = `query ($id: ID!, $n: Int) {
	  letter(id: $id) {
	    recipients(first: $n) { position correspondent { name } }
	    authors(first: $n) { position }
	    recipients20: recipients { position }
	  }
	  correspondents(filter: {kinds: [ORGANISATION]}) { nodes { ... on Organisation { members(first: $n) { person { name } } all: members { role } } } }
	}`
	tests := []struct {
		name      string
		first     any // nil: the default
		wantCount int
	}{
		{"the default", nil, 20},
		{"fewer", 3, 3},
		{"none", 0, 0},
		{"all of them", 25, 25},
		{"more than there are", 1000, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct {
				Letter struct {
					Recipients []struct {
						Position      int
						Correspondent struct{ Name string }
					}
					Recipients20 []struct{ Position int }
				}
				Correspondents struct {
					Nodes []struct {
						Members []struct{ Person struct{ Name string } }
						All     []struct{ Role *string }
					}
				}
			}
			vars := map[string]any{"id": made.CreateLetter.Letter.ID}
			if tt.first != nil {
				vars["n"] = tt.first
			}
			a.data(t, query, vars, &got)
			if n := len(got.Letter.Recipients); n != tt.wantCount {
				t.Fatalf("recipients: got %d, want %d", n, tt.wantCount)
			}
			for i, r := range got.Letter.Recipients {
				if want := fmt.Sprintf("Recipient %02d", i+1); r.Position != i+1 || r.Correspondent.Name != want {
					t.Errorf("recipient %d: got %d %q, want %d %q", i, r.Position, r.Correspondent.Name, i+1, want)
				}
			}
			if n := len(got.Letter.Recipients20); n != 20 {
				t.Errorf("recipients without first: got %d, want 20", n)
			}
			if len(got.Correspondents.Nodes) != 1 {
				t.Fatalf("organisations: got %d, want 1", len(got.Correspondents.Nodes))
			}
			org := got.Correspondents.Nodes[0]
			if n := len(org.Members); n != tt.wantCount {
				t.Errorf("members: got %d, want %d", n, tt.wantCount)
			}
			if n := len(org.All); n != 20 {
				t.Errorf("members without first: got %d, want 20", n)
			}
		})
	}
}
