package server_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/seed"
)

func TestSearch(t *testing.T) {
	a := newAPI(t)
	ctx := context.Background()
	if _, _, err := seed.Load(ctx, a.store); err != nil {
		t.Fatalf("seed: %v", err)
	}
	for _, in := range []domain.LetterInput{
		{Title: "نامه به علي", Body: "سلام، مُحَمَّد عزیز. درباره‌ی ویزا", Language: "fa",
			Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "علی رضایی"}}}},
		{Title: "Au café", Body: "Nous avons bu un café à Tirana.", Authors: []domain.PartyInput{{Person: &domain.PersonInput{Name: "José Martí"}}}},
	} {
		if _, _, err := a.store.CreateLetter(ctx, in); err != nil {
			t.Fatalf("CreateLetter: %v", err)
		}
	}
	type hit struct {
		Score   float64
		Excerpt *string
		Node    struct {
			Typename string `json:"__typename"`
			Title    string
			Name     string
		}
	}
	tests := []struct {
		name      string
		text      string
		kinds     []string
		want      []string // titles or names, in any order
		inExcerpt string
	}{
		{"english words in the body", "visas Iranians", nil, []string{"Letter from the CEO of Nejat Society to the Albania PM"}, "<mark>visas</mark>"},
		{"accent-free query finds accents", "cafe", []string{"LETTER"}, []string{"Au café"}, "<mark>café</mark>"},
		{"accented query finds the name without", "jose marti", nil, []string{"José Martí"}, "<mark>José</mark>"},
		{"persian: persian yeh finds arabic yeh", "علی", []string{"LETTER"}, []string{"نامه به علي"}, "<mark>علي</mark>"},
		{"persian: without harakat finds with", "محمد", nil, []string{"نامه به علي"}, "<mark>مُحَمَّد</mark>"},
		{"persian name", "رضائی", []string{"PERSON"}, []string{"علی رضایی"}, "<mark>رضایی</mark>"},
		{"acronym", "ASILA", []string{"ORGANISATION"}, []string{"Association for Supporting Iranians Living in Albania"}, "<mark>ASILA</mark>"},
		{"prefix", "khodab*", nil, []string{"Ebrahim Khodabandeh"}, "<mark>Khodabandeh</mark>"},
		{"no match", "zebra", nil, nil, ""},
		{"letters only, though a name matches too", "Iranians", []string{"LETTER"}, []string{"Letter from the CEO of Nejat Society to the Albania PM"}, ""},
		{"organisations and letters", "Iranians", []string{"ORGANISATION", "LETTER"}, []string{"Association for Supporting Iranians Living in Albania", "Letter from the CEO of Nejat Society to the Albania PM"}, ""},
		{"people only, though a letter matches too", "Iranians", []string{"PERSON"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got struct{ Search []hit }
			a.data(t, `query ($t: String!, $k: [SearchKind!]) { search(text: $t, kinds: $k) {
				score excerpt node { __typename ... on Letter { title } ... on Correspondent { name } } } }`,
				map[string]any{"t": tt.text, "k": tt.kinds}, &got)
			var names []string
			for _, h := range got.Search {
				names = append(names, h.Node.Title+h.Node.Name)
				if len(tt.kinds) > 0 && !slices.Contains(tt.kinds, strings.ToUpper(h.Node.Typename)) {
					t.Errorf("search(%q, kinds %q) found a %s, %q", tt.text, tt.kinds, h.Node.Typename, h.Node.Title+h.Node.Name)
				}
			}
			for _, w := range tt.want {
				found := false
				for i, n := range names {
					if n == w {
						found = true
						if e := got.Search[i].Excerpt; tt.inExcerpt != "" && (e == nil || !strings.Contains(*e, tt.inExcerpt)) {
							t.Errorf("excerpt of %q = %v, want it to contain %q", w, e, tt.inExcerpt)
						}
					}
				}
				if !found {
					t.Errorf("search(%q) = %q, want %q among them", tt.text, names, w)
				}
			}
			if tt.want == nil && len(names) != 0 {
				t.Errorf("search(%q) = %q, want nothing", tt.text, names)
			}
		})
	}
	r := a.do(t, `{ search(text: "()") { score } }`, nil)
	if c, _ := code(t, r); c != "BAD_USER_INPUT" {
		t.Errorf("search with no words: %s", c)
	}
}
