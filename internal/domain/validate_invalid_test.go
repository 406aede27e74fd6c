package domain

import (
	"strings"
	"testing"
	"time"
)

func TestLetterInputNormalizeInvalid(t *testing.T) {
	person := func(name string) *PersonInput { return &PersonInput{Name: name} }
	tests := []struct {
		name      string
		mutate    func(in *LetterInput)
		wantField string
	}{
		{
			name:      "empty letter",
			mutate:    func(in *LetterInput) { in.Title = "  "; in.Subject = ""; in.Body = "\n\t" },
			wantField: "input",
		},
		{
			name:      "title too long",
			mutate:    func(in *LetterInput) { in.Title = strings.Repeat("é", MaxShortText+1) },
			wantField: "input.title",
		},
		{
			name:      "title not utf-8",
			mutate:    func(in *LetterInput) { in.Title = "bad \xff title" },
			wantField: "input.title",
		},
		{
			name:      "subject too long",
			mutate:    func(in *LetterInput) { in.Subject = strings.Repeat("x", MaxShortText+1) },
			wantField: "input.subject",
		},
		{
			name:      "externalId too long",
			mutate:    func(in *LetterInput) { in.ExternalID = strings.Repeat("x", MaxShortText+1) },
			wantField: "input.externalId",
		},
		{
			name:      "body too long",
			mutate:    func(in *LetterInput) { in.Body = strings.Repeat("a", MaxBody+1) },
			wantField: "input.body",
		},
		{
			name:      "body not utf-8",
			mutate:    func(in *LetterInput) { in.Body = "Dear \xff Sir" },
			wantField: "input.body",
		},
		{
			name:      "bad language tag",
			mutate:    func(in *LetterInput) { in.Language = "not a language!" },
			wantField: "input.language",
		},
		{
			name:      "bad source format",
			mutate:    func(in *LetterInput) { in.SourceFormat = "PDF" },
			wantField: "input.sourceFormat",
		},
		{
			name:      "lower-case source format",
			mutate:    func(in *LetterInput) { in.SourceFormat = "json" },
			wantField: "input.sourceFormat",
		},
		{
			name: "notAfter before notBefore",
			mutate: func(in *LetterInput) {
				in.DateNotBefore = ptr(day(2022, time.May, 2))
				in.DateNotAfter = ptr(day(2022, time.May, 1))
			},
			wantField: "input.dateNotAfter",
		},
		{
			name: "notAfter before the date's month",
			mutate: func(in *LetterInput) {
				in.Date = ptr(day(2022, time.May, 10))
				in.DatePrecision = PrecisionMonth
				in.DateNotAfter = ptr(day(2022, time.April, 30))
			},
			wantField: "input.dateNotAfter",
		},
		{
			name:      "day precision without date",
			mutate:    func(in *LetterInput) { in.DatePrecision = PrecisionDay },
			wantField: "input.datePrecision",
		},
		{
			name:      "unknown precision with date",
			mutate:    func(in *LetterInput) { in.Date = ptr(day(2022, 1, 1)); in.DatePrecision = PrecisionUnknown },
			wantField: "input.datePrecision",
		},
		{
			name:      "bad precision",
			mutate:    func(in *LetterInput) { in.Date = ptr(day(2022, 1, 1)); in.DatePrecision = "WEEK" },
			wantField: "input.datePrecision",
		},
		{
			name:      "party with none of id, person, organisation, office",
			mutate:    func(in *LetterInput) { in.CC = []PartyInput{{}} },
			wantField: "input.cc[0]",
		},
		{
			name:      "party with id and person",
			mutate:    func(in *LetterInput) { in.CC = []PartyInput{{ID: "p1", Person: person("Edi Rama")}} },
			wantField: "input.cc[0]",
		},
		{
			name: "party with organisation and office",
			mutate: func(in *LetterInput) {
				in.CC = []PartyInput{{Organisation: &OrganisationInput{Name: "X"}, Office: &OfficeInput{Title: "Y"}}}
			},
			wantField: "input.cc[0]",
		},
		{
			name: "second party bad",
			mutate: func(in *LetterInput) {
				in.BCC = []PartyInput{{ID: "p1"}, {}}
			},
			wantField: "input.bcc[1]",
		},
		{
			name: "capacity on a recipient",
			mutate: func(in *LetterInput) {
				in.Recipients = []PartyInput{{Person: person("Edi Rama"), Capacity: "Prime Minister"}}
			},
			wantField: "input.recipients[0].capacity",
		},
		{
			name:      "as on an author",
			mutate:    func(in *LetterInput) { in.Authors[0].As = "Chairman" },
			wantField: "input.authors[0].as",
		},
		{
			name:      "as on a cc",
			mutate:    func(in *LetterInput) { in.CC = []PartyInput{{ID: "p1", As: "Minister"}} },
			wantField: "input.cc[0].as",
		},
		{
			name:      "capacity too long",
			mutate:    func(in *LetterInput) { in.Authors[0].Capacity = strings.Repeat("x", MaxShortText+1) },
			wantField: "input.authors[0].capacity",
		},
		{
			name: "memberOf on an organisation party",
			mutate: func(in *LetterInput) {
				in.Authors = []PartyInput{{
					Organisation: &OrganisationInput{Name: "Nejat Society"},
					MemberOf:     &MembershipInput{Organisation: OrganisationInput{Name: "ASILA"}},
				}}
			},
			wantField: "input.authors[0]",
		},
		{
			name: "holds on a party by id",
			mutate: func(in *LetterInput) {
				in.Authors = []PartyInput{{ID: "p1", Holds: &HoldingInput{Office: OfficeInput{Title: "Chairman"}}}}
			},
			wantField: "input.authors[0]",
		},
		{
			name: "memberOf ends before it starts",
			mutate: func(in *LetterInput) {
				in.Authors[0].MemberOf = &MembershipInput{
					Organisation: OrganisationInput{Name: "Nejat Society"},
					From:         ptr(day(2020, 1, 1)), To: ptr(day(2019, 1, 1)),
				}
			},
			wantField: "input.authors[0].memberOf.to",
		},
		{
			name:      "memberOf organisation without name",
			mutate:    func(in *LetterInput) { in.Authors[0].MemberOf = &MembershipInput{} },
			wantField: "input.authors[0].memberOf.organisation.name",
		},
		{
			name:      "holds office without title",
			mutate:    func(in *LetterInput) { in.Authors[0].Holds = &HoldingInput{} },
			wantField: "input.authors[0].holds.office.title",
		},
		{
			name:      "empty person name without id",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.Name = "   " },
			wantField: "input.authors[0].person.name",
		},
		{
			name:      "person name without letters",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.Name = "..." },
			wantField: "input.authors[0].person.name",
		},
		{
			name:      "person name too long",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.Name = strings.Repeat("a", MaxShortText+1) },
			wantField: "input.authors[0].person.name",
		},
		{
			name: "alias too long",
			mutate: func(in *LetterInput) {
				in.Authors[0].Person.Aliases = []string{"ok", strings.Repeat("a", MaxShortText+1)}
			},
			wantField: "input.authors[0].person.aliases[1]",
		},
		{
			name:      "bad email",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.Emails = []string{"not an email"} },
			wantField: "input.authors[0].person.emails[0]",
		},
		{
			name:      "email with display name",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.Emails = []string{"Edi <edi@example.com>"} },
			wantField: "input.authors[0].person.emails[0]",
		},
		{
			name:      "second email bad",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.Emails = []string{"edi@example.com", "edi@"} },
			wantField: "input.authors[0].person.emails[1]",
		},
		{
			name:      "authority id not a URI",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.AuthorityIDs = []string{"Q42"} },
			wantField: "input.authors[0].person.authorityIds[0]",
		},
		{
			name:      "authority id not http",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.AuthorityIDs = []string{"ftp://viaf.org/viaf/1"} },
			wantField: "input.authors[0].person.authorityIds[0]",
		},
		{
			name:      "authority id without host",
			mutate:    func(in *LetterInput) { in.Authors[0].Person.AuthorityIDs = []string{"https:///wiki/Q42"} },
			wantField: "input.authors[0].person.authorityIds[0]",
		},
		{
			name: "organisation authority id",
			mutate: func(in *LetterInput) {
				in.Recipients = []PartyInput{{Organisation: &OrganisationInput{Name: "X", AuthorityIDs: []string{"wikidata:Q1"}}}}
			},
			wantField: "input.recipients[0].organisation.authorityIds[0]",
		},
		{
			name: "bad organisation kind",
			mutate: func(in *LetterInput) {
				in.Recipients = []PartyInput{{Organisation: &OrganisationInput{Name: "Nejat Society", Kind: "CLUB"}}}
			},
			wantField: "input.recipients[0].organisation.kind",
		},
		{
			name: "bad kind of office's organisation",
			mutate: func(in *LetterInput) {
				in.Recipients = []PartyInput{{Office: &OfficeInput{Title: "Minister", Of: &OrganisationInput{Name: "Albania", Kind: "state"}}}}
			},
			wantField: "input.recipients[0].office.of.kind",
		},
		{
			name: "organisation without name or acronym",
			mutate: func(in *LetterInput) {
				in.Recipients = []PartyInput{{Organisation: &OrganisationInput{Kind: OrgNGO}}}
			},
			wantField: "input.recipients[0].organisation.name",
		},
		{
			name: "partOf without name",
			mutate: func(in *LetterInput) {
				in.Recipients = []PartyInput{{Organisation: &OrganisationInput{Name: "X", PartOf: &OrganisationInput{}}}}
			},
			wantField: "input.recipients[0].organisation.partOf.name",
		},
		{
			name:      "office without title",
			mutate:    func(in *LetterInput) { in.CC = []PartyInput{{Office: &OfficeInput{}}} },
			wantField: "input.cc[0].office.title",
		},
		{
			name:      "onBehalfOf without name",
			mutate:    func(in *LetterInput) { in.OnBehalfOf = []OrganisationInput{{Name: "ok"}, {}} },
			wantField: "input.onBehalfOf[1].name",
		},
		{
			name:      "writtenAt without name",
			mutate:    func(in *LetterInput) { in.WrittenAt = &PlaceInput{Country: "Albania"} },
			wantField: "input.writtenAt.name",
		},
		{
			name: "writtenAt bad authority id",
			mutate: func(in *LetterInput) {
				in.WrittenAt = &PlaceInput{Name: "Tirana", AuthorityIDs: []string{"geonames 3183875"}}
			},
			wantField: "input.writtenAt.authorityIds[0]",
		},
		{
			name:      "mention of nothing",
			mutate:    func(in *LetterInput) { in.Mentions = []MentionInput{{}} },
			wantField: "input.mentions[0]",
		},
		{
			name: "mention of two things",
			mutate: func(in *LetterInput) {
				in.Mentions = []MentionInput{{Place: &PlaceInput{ID: "pl1"}, Letter: &LetterRef{ID: "l1"}}}
			},
			wantField: "input.mentions[0]",
		},
		{
			name:      "mentioned letter with two references",
			mutate:    func(in *LetterInput) { in.Mentions = []MentionInput{{Letter: &LetterRef{ID: "l1", Title: "x"}}} },
			wantField: "input.mentions[0].letter",
		},
		{
			name:      "letter ref with id and title",
			mutate:    func(in *LetterInput) { in.Related = []LetterRef{{ID: "l1", Title: "Earlier letter"}} },
			wantField: "input.related[0]",
		},
		{
			name:      "letter ref with id and externalId",
			mutate:    func(in *LetterInput) { in.Related = []LetterRef{{ID: "l1", ExternalID: "<a@b>"}} },
			wantField: "input.related[0]",
		},
		{
			name:      "letter ref with nothing",
			mutate:    func(in *LetterInput) { in.RepliesTo = []LetterRef{{Title: "  "}} },
			wantField: "input.repliesTo[0]",
		},
		{
			name:      "letter ref title too long",
			mutate:    func(in *LetterInput) { in.Related = []LetterRef{{Title: strings.Repeat("t", MaxShortText+1)}} },
			wantField: "input.related[0].title",
		},
		{
			name:      "too many cc",
			mutate:    func(in *LetterInput) { in.CC = make([]PartyInput, MaxParties+1) },
			wantField: "input.cc",
		},
		{
			name:      "too many related",
			mutate:    func(in *LetterInput) { in.Related = make([]LetterRef, MaxParties+1) },
			wantField: "input.related",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := minimalInput()
			tt.mutate(in)
			wantInvalid(t, in.Normalize("input"), tt.wantField)
		})
	}
}

func TestLetterInputNormalizePrefix(t *testing.T) {
	tests := []struct {
		name      string
		prefix    string
		wantField string
	}{
		{name: "input", prefix: "input", wantField: "input.cc[0]"},
		{name: "other root", prefix: "letters[3]", wantField: "letters[3].cc[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := minimalInput()
			in.CC = []PartyInput{{}}
			wantInvalid(t, in.Normalize(tt.prefix), tt.wantField)
		})
	}
}
