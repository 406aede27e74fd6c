package ingesttest

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/canonical"
	"github.com/lettergraph/lettergraph/internal/seed"
)

// The hand-made seed input matches the corpus's expected document: the comparison
// reads the expected format, and the seed stays true to it.
func TestSeedMatchesItsExpectedDocument(t *testing.T) {
	in, err := seed.Letter()
	if err != nil {
		t.Fatalf("seed.Letter: %v", err)
	}
	want := Load(t, "../../seed/corpus/nejat-society-to-albania-pm.expected.json")
	CompareFrom(t, in, want, seed.Source)
}

// A comparison that skipped what the expected document leaves out would let a parser
// invent facts: every case changes the parsed letter one way and must fail with the
// named difference, and the unchanged letter must pass.
func TestCompareSeesEverything(t *testing.T) {
	want := Expected{MentionsOptional: []canonical.Party{{Organisation: &canonical.Organisation{Name: "MEK"}}}}
	want.Title = "A letter"
	want.Body = "Text."
	want.SourceFormat = "TEXT"
	want.Authors = []canonical.Party{{Person: &canonical.Person{Name: "Jane Doe"}}}
	want.CC = []canonical.Party{
		{Person: &canonical.Person{Name: "Anna Schmidt"}},
		{Office: &canonical.Office{Title: "Mayor", Of: &canonical.Organisation{Name: "Zagreb"}}},
	}
	want.Mentions = []canonical.Party{{Place: &canonical.Place{Name: "Tirana"}}}
	parsed := func() domain.LetterInput {
		in, err := want.Document.ToInput("parsed")
		if err != nil {
			t.Fatalf("ToInput: %v", err)
		}
		in.Source = "letter.txt"
		return in
	}
	day := time.Date(2019, 3, 12, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(in *domain.LetterInput)
		want   string // a failure containing this; "" for none
	}{
		{"unchanged", func(*domain.LetterInput) {}, ""},
		{"names compared by meaning", func(in *domain.LetterInput) { in.Authors[0].Person.Name = "Doe, Jane" }, ""},
		{"an optional mention found", func(in *domain.LetterInput) {
			in.Mentions = append(in.Mentions, domain.MentionInput{Party: &domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "MEK"}}})
		}, ""},
		{"mentions in another order", func(in *domain.LetterInput) {
			in.Mentions = append([]domain.MentionInput{{Party: &domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "MEK"}}}}, in.Mentions...)
		}, ""},
		{"invented subject", func(in *domain.LetterInput) { in.Subject = "Re: visas" }, `subject = "Re: visas", want none`},
		{"invented date", func(in *domain.LetterInput) { in.Date = &day }, `date = "2019-03-12", want none`},
		{"invented date text", func(in *domain.LetterInput) { in.DateText = "12 March" }, `dateText = "12 March", want none`},
		{"invented place", func(in *domain.LetterInput) { in.WrittenAt = &domain.PlaceInput{Name: "Tehran"} }, `place.name = "Tehran", want none`},
		{"invented cc party", func(in *domain.LetterInput) {
			in.CC = append(in.CC, domain.PartyInput{Organisation: &domain.OrganisationInput{Name: "The Media"}})
		}, "cc: 3 entries"},
		{"invented bcc party", func(in *domain.LetterInput) {
			in.BCC = []domain.PartyInput{{Person: &domain.PersonInput{Name: "Ole Lind"}}}
		}, "bcc: 1 entries"},
		{"invented onBehalfOf", func(in *domain.LetterInput) {
			in.OnBehalfOf = []domain.OrganisationInput{{Name: "Nejat Society"}}
		}, "onBehalfOf: 1 entries [organisation.name Nejat Society]"},
		{"invented capacity", func(in *domain.LetterInput) { in.Authors[0].Capacity = "CEO" }, `authors[0].capacity = "CEO", want none`},
		{"invented membership", func(in *domain.LetterInput) {
			in.Authors[0].MemberOf = &domain.MembershipInput{Organisation: domain.OrganisationInput{Name: "Nejat Society"}}
		}, `authors[0].memberOf.organisation.name = "Nejat Society", want none`},
		{"invented kind", func(in *domain.LetterInput) { in.CC[1].Office.Of.Kind = domain.OrgState }, `cc[1].office.of.kind = "STATE", want none`},
		{"invented alias", func(in *domain.LetterInput) { in.CC[0].Person.Aliases = []string{"Schmidt, Anna"} }, `cc[0].person.aliases[0] = "Schmidt, Anna", want none`},
		{"cc swapped", func(in *domain.LetterInput) { in.CC[0], in.CC[1] = in.CC[1], in.CC[0] }, `cc[0].person.name = none, want "Anna Schmidt"`},
		{"invented mention", func(in *domain.LetterInput) {
			in.Mentions = append(in.Mentions, domain.MentionInput{Place: &domain.PlaceInput{Name: "Tehran"}})
		}, `mentions: {place.name: "Tehran"} found, want it left out`},
		{"mention of other content", func(in *domain.LetterInput) { in.Mentions[0].Place.Name = "Durrës" }, `mentions: {place.name: "Tirana"} not found`},
		{"mention with an invented detail", func(in *domain.LetterInput) { in.Mentions[0].Place.Country = "Albania" }, `found, want it left out`},
		{"invented restricted", func(in *domain.LetterInput) { in.Restricted = true }, `restricted = "true", want none`},
		{"changed body", func(in *domain.LetterInput) { in.Body = "Other text." }, `body = "Other text.", want "Text."`},
		{"source other than the origin", func(in *domain.LetterInput) { in.Source = "elsewhere" }, `source = "elsewhere", want none`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := parsed()
			tt.change(&in)
			r := &recorder{TB: t}
			CompareFrom(r, in, want, "letter.txt")
			switch {
			case tt.want == "" && len(r.failures) > 0:
				t.Errorf("failures %q, want none", r.failures)
			case tt.want != "" && !slices.ContainsFunc(r.failures, func(f string) bool { return strings.Contains(f, tt.want) }):
				t.Errorf("failures %q, want one containing %q", r.failures, tt.want)
			}
		})
	}
}
