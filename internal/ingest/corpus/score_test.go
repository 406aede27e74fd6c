package corpus

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// expected reads an expected document from JSON.
func expected(t *testing.T, s string) Expected {
	t.Helper()
	var e Expected
	if err := decodeStrict([]byte(s), &e); err != nil {
		t.Fatalf("expected document: %v", err)
	}
	return e
}

// letter reads a parser's answer, written as a canonical document.
func letter(t *testing.T, s string) domain.LetterInput {
	t.Helper()
	var e Expected
	if err := json.Unmarshal([]byte(s), &e); err != nil {
		t.Fatal(err)
	}
	in, err := e.Document.ToInput("got")
	if err != nil {
		t.Fatal(err)
	}
	return in
}

const want = `{
  "subject": "Visa refusals",
  "date": "2019-03-12", "datePrecision": "DAY",
  "placeText": "Tirana", "place": {"name": "Tirana"},
  "bodyStartsWith": "Since January", "bodyEndsWith": "before the summer.",
  "authors": [{"person": {"name": "John Smith"}, "capacity": "Research Coordinator",
    "memberOf": {"organisation": {"name": "Amnesty"}, "role": "Research Coordinator"}}],
  "onBehalfOf": [{"organisation": {"name": "Amnesty"}}],
  "recipients": [{"person": {"name": "Edi Rama", "honorific": "Mr."}, "as": "Prime Minister",
    "holds": {"office": {"title": "Prime Minister", "of": {"name": "Albania"}}}}],
  "cc": [{"office": {"title": "Minister of Interior", "of": {"name": "Albania"}}},
    {"person": {"name": "Anna Schmidt"}}]
}`

func TestCompare(t *testing.T) {
	tests := []struct {
		name string
		got  string
		// right and invented per field; fields not named are all right, none invented
		right, invented map[Field]int
		diffs           []string
	}{
		{name: "the same letter", got: `{"subject": "visa  REFUSALS", "body": "Since January we saw it before the summer.",
			"date": "2019-03-12", "placeText": "Tirana", "place": {"name": "Tirana"},
			"authors": [{"person": {"name": "JOHN SMITH"}, "capacity": "research coordinator",
			  "memberOf": {"organisation": {"name": "Amnesty"}, "role": "Research Coordinator"}}],
			"onBehalfOf": [{"organisation": {"name": "Amnesty"}}],
			"recipients": [{"person": {"name": "Mr. Edi Rama"}, "as": "Prime Minister",
			  "holds": {"office": {"title": "Prime Minister", "of": {"name": "Albania"}}}}],
			"cc": [{"person": {"name": "Anna Schmidt"}}, {"office": {"title": "Minister of Interior", "of": {"name": "Albania"}}}]}`},
		{name: "nothing read", got: `{"body": "x"}`,
			right: map[Field]int{Authors: 0, Capacities: 0, Recipients: 0, TitlesUsed: 0, CC: 0, Organisations: 0,
				Offices: 0, Dates: 0, Places: 0, Subject: 0, BodyBounds: 0},
			invented: map[Field]int{Dates: 1},
			diffs: []string{`authors: missed person "john smith"`, `dates: missed 2019-03-12 DAY`, `dates: invented no date`,
				`body bounds: missed starts "Since January"`, `body bounds: missed ends "before the summer."`}},
		{name: "an invented copy and a wrong capacity", got: `{"subject": "Visa refusals", "body": "Since January … before the summer.",
			"date": "2019-03-12", "place": {"name": "Tirana"},
			"authors": [{"person": {"name": "John Smith"}, "capacity": "Coordinator",
			  "memberOf": {"organisation": {"name": "Amnesty"}, "role": "Research Coordinator"}}],
			"onBehalfOf": [{"organisation": {"name": "Amnesty"}}],
			"recipients": [{"person": {"name": "Edi Rama"}, "as": "Prime Minister",
			  "holds": {"office": {"title": "Prime Minister", "of": {"name": "Albania"}}}}],
			"cc": [{"office": {"title": "Minister of Interior", "of": {"name": "Albania"}}},
			  {"person": {"name": "Anna Schmidt"}}, {"organisation": {"name": "The Media"}, "nameAsWritten": "Press"}]}`,
			right: map[Field]int{Capacities: 0}, invented: map[Field]int{Capacities: 1, CC: 1},
			diffs: []string{`capacities: missed person "john smith" as "research coordinator"`,
				`capacities: invented person "john smith" as "coordinator"`, `cc: invented organisation "press"`}},
		{name: "an office of another organisation", got: `{"subject": "Visa refusals", "body": "Since January … before the summer.",
			"date": "2019-03-12", "place": {"name": "Tirana"},
			"authors": [{"person": {"name": "John Smith"}, "capacity": "Research Coordinator",
			  "memberOf": {"organisation": {"name": "Amnesty"}, "role": "Research Coordinator"}}],
			"onBehalfOf": [{"organisation": {"name": "Amnesty"}}],
			"recipients": [{"person": {"name": "Edi Rama"}, "as": "Prime Minister",
			  "holds": {"office": {"title": "Prime Minister", "of": {"name": "Albania"}}}}],
			"cc": [{"office": {"title": "Minister of Interior"}}, {"person": {"name": "Anna Schmidt"}}]}`,
			right: map[Field]int{Offices: 1}, invented: map[Field]int{Offices: 1}},
	}
	w := expected(t, want)
	full, _, err := Compare(w.asInput(), w)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			score, diffs, err := Compare(letter(t, tt.got), w)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range Fields {
				wantRight, ok := tt.right[f]
				if !ok {
					wantRight = full[f].Expected
				}
				if got := score[f]; got.Right != wantRight || got.Invented != tt.invented[f] || got.Expected != full[f].Expected {
					t.Errorf("%s: got %+v, want right %d of %d, invented %d", f, got, wantRight, full[f].Expected, tt.invented[f])
				}
			}
			var shown []string
			for _, d := range diffs {
				shown = append(shown, d.String())
			}
			for _, d := range tt.diffs {
				if !slices.Contains(shown, d) {
					t.Errorf("differences %q lack %q", shown, d)
				}
			}
		})
	}
	if got := full.Total(); got.Expected != 15 || got.Right != 13 {
		// the expected document against itself: every fact but the body bounds,
		// whose stand-in body quotes neither
		t.Errorf("the expected document against itself = %+v, want 13 right of 15", got)
	}
}
