package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// day returns midnight UTC of the given date.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// fmtDate formats an optional date for failure messages.
func fmtDate(d *time.Time) string {
	if d == nil {
		return "<nil>"
	}
	return d.Format(time.RFC3339)
}

// minimalInput returns a valid letter with one author.
func minimalInput() *LetterInput {
	return &LetterInput{
		Title:   "Letter to the Prime Minister",
		Authors: []PartyInput{{Person: &PersonInput{Name: "Ebrahim Khodabandeh"}}},
	}
}

// wantInvalid fails t unless err is a BAD_USER_INPUT *Error about field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	wantCode(t, err, CodeBadUserInput, field)
}

// wantCode fails t unless err is an *Error with the code and field.
func wantCode(t *testing.T, err error, code Code, field string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want %s error on field %q", code, field)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %T(%v), want *Error", err, err)
	}
	if e.Code != code {
		t.Errorf("err.Code = %q, want %q (err: %v)", e.Code, code, err)
	}
	if e.Field != field {
		t.Errorf("err.Field = %q, want %q (err: %v)", e.Field, field, err)
	}
}

// wantDate fails t unless got is the date want (nil for none).
func wantDate(t *testing.T, name string, got, want *time.Time) {
	t.Helper()
	switch {
	case got == nil && want == nil:
	case got == nil || want == nil || !got.Equal(*want) || got.Location() != time.UTC:
		t.Errorf("%s = %s, want %s", name, fmtDate(got), fmtDate(want))
	}
}

func TestLetterInputNormalizeValid(t *testing.T) {
	tests := []struct {
		name          string
		mutate        func(in *LetterInput)
		wantPrecision DatePrecision
		wantDate      *time.Time
		wantNotBefore *time.Time
		wantNotAfter  *time.Time
		wantFormat    SourceFormat
	}{
		{
			name:          "minimal without date",
			mutate:        func(in *LetterInput) {},
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name:          "no parties at all",
			mutate:        func(in *LetterInput) { in.Authors = nil },
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name:          "body only",
			mutate:        func(in *LetterInput) { in.Title = ""; in.Body = "Dear Sir," },
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name:          "subject only",
			mutate:        func(in *LetterInput) { in.Title = ""; in.Subject = "Re: asylum" },
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name:          "date defaults to day precision",
			mutate:        func(in *LetterInput) { in.Date = ptr(day(2022, time.March, 15)) },
			wantPrecision: PrecisionDay,
			wantDate:      ptr(day(2022, time.March, 15)),
			wantNotBefore: ptr(day(2022, time.March, 15)),
			wantNotAfter:  ptr(day(2022, time.March, 15)),
			wantFormat:    FormatJSON,
		},
		{
			name:          "time of day truncated",
			mutate:        func(in *LetterInput) { in.Date = ptr(time.Date(2022, time.March, 15, 14, 30, 5, 7, time.UTC)) },
			wantPrecision: PrecisionDay,
			wantDate:      ptr(day(2022, time.March, 15)),
			wantNotBefore: ptr(day(2022, time.March, 15)),
			wantNotAfter:  ptr(day(2022, time.March, 15)),
			wantFormat:    FormatJSON,
		},
		{
			name: "month precision spans the month",
			mutate: func(in *LetterInput) {
				in.Date = ptr(day(2022, time.March, 15))
				in.DatePrecision = PrecisionMonth
			},
			wantPrecision: PrecisionMonth,
			wantDate:      ptr(day(2022, time.March, 1)),
			wantNotBefore: ptr(day(2022, time.March, 1)),
			wantNotAfter:  ptr(day(2022, time.March, 31)),
			wantFormat:    FormatJSON,
		},
		{
			name: "month precision in february of a leap year",
			mutate: func(in *LetterInput) {
				in.Date = ptr(day(2024, time.February, 10))
				in.DatePrecision = PrecisionMonth
			},
			wantPrecision: PrecisionMonth,
			wantDate:      ptr(day(2024, time.February, 1)),
			wantNotBefore: ptr(day(2024, time.February, 1)),
			wantNotAfter:  ptr(day(2024, time.February, 29)),
			wantFormat:    FormatJSON,
		},
		{
			name: "year precision spans the year",
			mutate: func(in *LetterInput) {
				in.Date = ptr(day(2022, time.March, 15))
				in.DatePrecision = PrecisionYear
			},
			wantPrecision: PrecisionYear,
			wantDate:      ptr(day(2022, time.January, 1)),
			wantNotBefore: ptr(day(2022, time.January, 1)),
			wantNotAfter:  ptr(day(2022, time.December, 31)),
			wantFormat:    FormatJSON,
		},
		{
			name: "explicit bounds kept",
			mutate: func(in *LetterInput) {
				in.Date = ptr(day(2022, time.March, 15))
				in.DatePrecision = PrecisionMonth
				in.DateNotBefore = ptr(day(2022, time.March, 10))
				in.DateNotAfter = ptr(day(2022, time.March, 20))
			},
			wantPrecision: PrecisionMonth,
			wantDate:      ptr(day(2022, time.March, 1)),
			wantNotBefore: ptr(day(2022, time.March, 10)),
			wantNotAfter:  ptr(day(2022, time.March, 20)),
			wantFormat:    FormatJSON,
		},
		{
			name: "bounds without date",
			mutate: func(in *LetterInput) {
				in.DateNotBefore = ptr(day(2021, time.January, 1))
				in.DateNotAfter = ptr(day(2021, time.June, 30))
			},
			wantPrecision: PrecisionUnknown,
			wantNotBefore: ptr(day(2021, time.January, 1)),
			wantNotAfter:  ptr(day(2021, time.June, 30)),
			wantFormat:    FormatJSON,
		},
		{
			name:          "equal bounds are fine",
			mutate:        func(in *LetterInput) { in.DateNotBefore = ptr(day(2021, 5, 1)); in.DateNotAfter = ptr(day(2021, 5, 1)) },
			wantPrecision: PrecisionUnknown,
			wantNotBefore: ptr(day(2021, time.May, 1)),
			wantNotAfter:  ptr(day(2021, time.May, 1)),
			wantFormat:    FormatJSON,
		},
		{
			name:          "source format kept",
			mutate:        func(in *LetterInput) { in.SourceFormat = FormatEmail },
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatEmail,
		},
		{
			name:          "title of exactly MaxShortText runes",
			mutate:        func(in *LetterInput) { in.Title = strings.Repeat("é", MaxShortText) },
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name:          "body of exactly MaxBody bytes",
			mutate:        func(in *LetterInput) { in.Body = strings.Repeat("a", MaxBody) },
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		// The limits are inclusive: exactly the most allowed passes (mutation testing
		// found no test at the boundary of these).
		{
			name: "cc of exactly MaxParties parties",
			mutate: func(in *LetterInput) {
				for i := range MaxParties {
					in.CC = append(in.CC, PartyInput{Person: &PersonInput{Name: fmt.Sprintf("Person %d", i)}})
				}
			},
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name: "related of exactly MaxParties letters",
			mutate: func(in *LetterInput) {
				for i := range MaxParties {
					in.Related = append(in.Related, LetterRef{Title: fmt.Sprintf("Letter %d", i)})
				}
			},
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name: "aliases of exactly MaxParties names",
			mutate: func(in *LetterInput) {
				p := &PersonInput{Name: "Jane Doe"}
				for i := range MaxParties {
					p.Aliases = append(p.Aliases, fmt.Sprintf("Alias %d", i))
				}
				in.Authors = []PartyInput{{Person: p}}
			},
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
		{
			name: "every kind of party",
			mutate: func(in *LetterInput) {
				in.Authors = []PartyInput{{Person: &PersonInput{Name: "Ebrahim Khodabandeh"}, Capacity: "Chairman",
					MemberOf: &MembershipInput{Organisation: OrganisationInput{Name: "Nejat Society"}, Role: "chair"}}}
				in.Recipients = []PartyInput{{Office: &OfficeInput{Title: "Prime Minister", Of: &OrganisationInput{Name: "Albania", Kind: OrgState}}, As: "Prime Minister"}}
				in.CC = []PartyInput{{Organisation: &OrganisationInput{Acronym: "UNHCR", Kind: OrgGroup}}, {ID: "c1"}}
				in.BCC = []PartyInput{{Person: &PersonInput{ID: "p1"}}}
				in.OnBehalfOf = []OrganisationInput{{Name: "Nejat Society", AuthorityIDs: []string{"https://www.wikidata.org/wiki/Q1"}}}
				in.WrittenAt = &PlaceInput{Name: "Tirana", Country: "Albania"}
				in.Mentions = []MentionInput{{Place: &PlaceInput{ID: "pl1"}}, {Letter: &LetterRef{Title: "Earlier letter"}}}
				in.RepliesTo = []LetterRef{{ExternalID: "<abc@example.com>"}}
				in.Related = []LetterRef{{ID: "l1"}}
			},
			wantPrecision: PrecisionUnknown,
			wantFormat:    FormatJSON,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := minimalInput()
			tt.mutate(in)
			if err := in.Normalize("input"); err != nil {
				t.Fatalf("Normalize() = %v, want nil", err)
			}
			if in.DatePrecision != tt.wantPrecision {
				t.Errorf("DatePrecision = %q, want %q", in.DatePrecision, tt.wantPrecision)
			}
			if in.SourceFormat != tt.wantFormat {
				t.Errorf("SourceFormat = %q, want %q", in.SourceFormat, tt.wantFormat)
			}
			wantDate(t, "Date", in.Date, tt.wantDate)
			wantDate(t, "DateNotBefore", in.DateNotBefore, tt.wantNotBefore)
			wantDate(t, "DateNotAfter", in.DateNotAfter, tt.wantNotAfter)
		})
	}
}

func TestLetterInputNormalizeCleans(t *testing.T) {
	in := &LetterInput{
		Title:      "  Letter   to the\tMinister ",
		Subject:    " Re:  asylum ",
		Body:       "\n  Dear Sir,\n\n  Thank you.  \n",
		DateText:   " 1  May  2022 ",
		PlaceText:  " Tirana ",
		Source:     "  seed/letter.txt ",
		ExternalID: " <abc@example.com> ",
		Language:   " EN-gb ",
	}
	if err := in.Normalize("input"); err != nil {
		t.Fatalf("Normalize() = %v, want nil", err)
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{name: "title", got: in.Title, want: "Letter to the Minister"},
		{name: "subject", got: in.Subject, want: "Re: asylum"},
		{name: "body trimmed, inside kept", got: in.Body, want: "Dear Sir,\n\n  Thank you."},
		{name: "dateText", got: in.DateText, want: "1 May 2022"},
		{name: "placeText", got: in.PlaceText, want: "Tirana"},
		{name: "source", got: in.Source, want: "seed/letter.txt"},
		{name: "externalId", got: in.ExternalID, want: "<abc@example.com>"},
		{name: "language canonical", got: in.Language, want: "en-GB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
			}
		})
	}
}

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

func TestPersonNormalize(t *testing.T) {
	tests := []struct {
		name          string
		in            PersonInput
		wantName      string
		wantHonorific string
		wantAliases   []string
		wantEmails    []string
	}{
		{name: "plain name", in: PersonInput{Name: "Edi Rama"}, wantName: "Edi Rama"},
		{name: "mr. split off", in: PersonInput{Name: "Mr. Edi Rama"}, wantName: "Edi Rama", wantHonorific: "Mr."},
		{name: "h.e. split off", in: PersonInput{Name: "  H.E.  Edi   Rama "}, wantName: "Edi Rama", wantHonorific: "H.E."},
		{name: "his excellency split off", in: PersonInput{Name: "His Excellency Edi Rama"}, wantName: "Edi Rama", wantHonorific: "His Excellency"},
		{name: "given honorific wins", in: PersonInput{Name: "Mr. Edi Rama", Honorific: " Dr "}, wantName: "Edi Rama", wantHonorific: "Dr"},
		{name: "he is a surname", in: PersonInput{Name: "He Jiankui"}, wantName: "He Jiankui"},
		{name: "only an honorific kept as name", in: PersonInput{Name: "Mr."}, wantName: "Mr."},
		{name: "id without name", in: PersonInput{ID: " p1 "}, wantName: ""},
		{
			name:        "aliases cleaned and deduplicated",
			in:          PersonInput{Name: "Edi Rama", Aliases: []string{" E.  Rama ", "E. Rama", "", "Rama"}},
			wantName:    "Edi Rama",
			wantAliases: []string{"E. Rama", "Rama"},
		},
		{
			name:       "emails lower-cased",
			in:         PersonInput{Name: "Edi Rama", Emails: []string{" Edi.Rama@Example.COM "}},
			wantName:   "Edi Rama",
			wantEmails: []string{"edi.rama@example.com"},
		},
		{
			name:       "angle-bracketed email",
			in:         PersonInput{Name: "Edi Rama", Emails: []string{"<edi@example.com>"}},
			wantName:   "Edi Rama",
			wantEmails: []string{"edi@example.com"},
		},
		{
			name:       "emails differing only in case deduplicated",
			in:         PersonInput{Name: "Edi Rama", Emails: []string{"Edi.Rama@Example.COM", "edi.rama@example.com"}},
			wantName:   "Edi Rama",
			wantEmails: []string{"edi.rama@example.com"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.in
			if err := p.normalize("p"); err != nil {
				t.Fatalf("normalize(%+v) = %v, want nil", tt.in, err)
			}
			if p.Name != tt.wantName {
				t.Errorf("Name = %q, want %q", p.Name, tt.wantName)
			}
			if p.Honorific != tt.wantHonorific {
				t.Errorf("Honorific = %q, want %q", p.Honorific, tt.wantHonorific)
			}
			if !slices.Equal(p.Aliases, tt.wantAliases) {
				t.Errorf("Aliases = %q, want %q", p.Aliases, tt.wantAliases)
			}
			if !slices.Equal(p.Emails, tt.wantEmails) {
				t.Errorf("Emails = %q, want %q", p.Emails, tt.wantEmails)
			}
		})
	}
}

func TestLetterInputNormalizePerson(t *testing.T) {
	in := minimalInput()
	in.Authors[0].Person = &PersonInput{Name: "Mr.  Edi Rama", Emails: []string{"EDI@Example.com"}}
	if err := in.Normalize("input"); err != nil {
		t.Fatalf("Normalize() = %v, want nil", err)
	}
	p := in.Authors[0].Person
	tests := []struct {
		name string
		got  string
		want string
	}{
		{name: "honorific", got: p.Honorific, want: "Mr."},
		{name: "name", got: p.Name, want: "Edi Rama"},
		{name: "email", got: strings.Join(p.Emails, ","), want: "edi@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
			}
		})
	}
}

func TestOrganisationNormalize(t *testing.T) {
	tests := []struct {
		name        string
		in          OrganisationInput
		wantName    string
		wantAcronym string
	}{
		{name: "name cleaned", in: OrganisationInput{Name: "  Nejat   Society "}, wantName: "Nejat Society"},
		{name: "acronym becomes name", in: OrganisationInput{Acronym: " ASILA "}, wantName: "ASILA", wantAcronym: "ASILA"},
		{name: "acronym kept beside name", in: OrganisationInput{Name: "Nejat Society", Acronym: "NS"}, wantName: "Nejat Society", wantAcronym: "NS"},
		{name: "id with acronym keeps empty name", in: OrganisationInput{ID: "o1", Acronym: "NS"}, wantName: "", wantAcronym: "NS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.in
			if err := o.normalize("o"); err != nil {
				t.Fatalf("normalize(%+v) = %v, want nil", tt.in, err)
			}
			if o.Name != tt.wantName || o.Acronym != tt.wantAcronym {
				t.Errorf("normalize(%+v) gives Name, Acronym = %q, %q, want %q, %q", tt.in, o.Name, o.Acronym, tt.wantName, tt.wantAcronym)
			}
		})
	}
}

func TestLetterPatchNormalize(t *testing.T) {
	tests := []struct {
		name          string
		patch         LetterPatch
		wantField     string // "" for no error
		wantPrecision *DatePrecision
		wantDate      *time.Time
		wantNotBefore *time.Time
		wantNotAfter  *time.Time
	}{
		{name: "empty patch", patch: LetterPatch{}},
		{name: "body of exactly MaxBody bytes", patch: LetterPatch{Body: ptr(strings.Repeat("x", MaxBody))}},
		{name: "clear date alone", patch: LetterPatch{ClearDate: true}},
		{
			name:      "clear and set date",
			patch:     LetterPatch{ClearDate: true, Date: ptr(day(2022, 3, 15))},
			wantField: "input.date",
		},
		{
			name:      "clear date and set bound",
			patch:     LetterPatch{ClearDate: true, DateNotBefore: ptr(day(2022, 3, 15))},
			wantField: "input.date",
		},
		{
			name:          "set date fills precision and bounds",
			patch:         LetterPatch{Date: ptr(time.Date(2022, 3, 15, 9, 0, 0, 0, time.UTC))},
			wantPrecision: ptr(PrecisionDay),
			wantDate:      ptr(day(2022, 3, 15)),
			wantNotBefore: ptr(day(2022, 3, 15)),
			wantNotAfter:  ptr(day(2022, 3, 15)),
		},
		{
			name:          "set month date",
			patch:         LetterPatch{Date: ptr(day(2023, 2, 14)), DatePrecision: ptr(PrecisionMonth)},
			wantPrecision: ptr(PrecisionMonth),
			wantDate:      ptr(day(2023, 2, 1)),
			wantNotBefore: ptr(day(2023, 2, 1)),
			wantNotAfter:  ptr(day(2023, 2, 28)),
		},
		{
			name:          "set year date",
			patch:         LetterPatch{Date: ptr(day(2023, 2, 14)), DatePrecision: ptr(PrecisionYear)},
			wantPrecision: ptr(PrecisionYear),
			wantDate:      ptr(day(2023, 1, 1)),
			wantNotBefore: ptr(day(2023, 1, 1)),
			wantNotAfter:  ptr(day(2023, 12, 31)),
		},
		{
			name:      "bounds reversed",
			patch:     LetterPatch{DateNotBefore: ptr(day(2022, 3, 15)), DateNotAfter: ptr(day(2022, 3, 14))},
			wantField: "input.dateNotAfter",
		},
		{
			name:      "bad precision",
			patch:     LetterPatch{Date: ptr(day(2022, 3, 15)), DatePrecision: ptr(DatePrecision("DECADE"))},
			wantField: "input.datePrecision",
		},
		{
			name:      "title too long",
			patch:     LetterPatch{Title: ptr(strings.Repeat("x", MaxShortText+1))},
			wantField: "input.title",
		},
		{
			name:      "body too long",
			patch:     LetterPatch{Body: ptr(strings.Repeat("x", MaxBody+1))},
			wantField: "input.body",
		},
		{
			name:      "bad language",
			patch:     LetterPatch{Language: ptr("not a language!")},
			wantField: "input.language",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.patch
			err := p.Normalize("input")
			if tt.wantField != "" {
				wantInvalid(t, err, tt.wantField)
				return
			}
			if err != nil {
				t.Fatalf("Normalize() = %v, want nil", err)
			}
			switch {
			case p.DatePrecision == nil && tt.wantPrecision == nil:
			case p.DatePrecision == nil || tt.wantPrecision == nil || *p.DatePrecision != *tt.wantPrecision:
				t.Errorf("DatePrecision = %v, want %v", p.DatePrecision, tt.wantPrecision)
			}
			wantDate(t, "Date", p.Date, tt.wantDate)
			wantDate(t, "DateNotBefore", p.DateNotBefore, tt.wantNotBefore)
			wantDate(t, "DateNotAfter", p.DateNotAfter, tt.wantNotAfter)
		})
	}
}

func TestLetterPatchNormalizeCleans(t *testing.T) {
	p := LetterPatch{
		Title:    ptr("  New   title "),
		Body:     ptr("\n body \n"),
		Language: ptr("fa-ir"),
		Source:   ptr(""),
	}
	if err := p.Normalize("input"); err != nil {
		t.Fatalf("Normalize() = %v, want nil", err)
	}
	tests := []struct {
		name string
		got  *string
		want string
	}{
		{name: "title", got: p.Title, want: "New title"},
		{name: "body", got: p.Body, want: "body"},
		{name: "language", got: p.Language, want: "fa-IR"},
		{name: "source cleared stays empty", got: p.Source, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got == nil {
				t.Fatalf("%s = nil, want %q", tt.name, tt.want)
			}
			if *tt.got != tt.want {
				t.Errorf("%s = %q, want %q", tt.name, *tt.got, tt.want)
			}
		})
	}
}

func TestDateBounds(t *testing.T) {
	plus5 := time.FixedZone("UTC+5", 5*60*60)
	tests := []struct {
		name      string
		date      time.Time
		prec      DatePrecision
		wantFirst time.Time
		wantLast  time.Time
	}{
		{name: "day", date: day(2022, 3, 15), prec: PrecisionDay, wantFirst: day(2022, 3, 15), wantLast: day(2022, 3, 15)},
		{name: "day truncates time", date: time.Date(2022, 3, 15, 23, 59, 59, 0, time.UTC), prec: PrecisionDay, wantFirst: day(2022, 3, 15), wantLast: day(2022, 3, 15)},
		{name: "day keeps the local calendar day", date: time.Date(2022, 3, 15, 2, 0, 0, 0, plus5), prec: PrecisionDay, wantFirst: day(2022, 3, 15), wantLast: day(2022, 3, 15)},
		{name: "unknown precision is the day", date: day(2022, 3, 15), prec: PrecisionUnknown, wantFirst: day(2022, 3, 15), wantLast: day(2022, 3, 15)},
		{name: "month of 31 days", date: day(2022, 3, 15), prec: PrecisionMonth, wantFirst: day(2022, 3, 1), wantLast: day(2022, 3, 31)},
		{name: "month of 30 days", date: day(2022, 4, 30), prec: PrecisionMonth, wantFirst: day(2022, 4, 1), wantLast: day(2022, 4, 30)},
		{name: "february of a leap year", date: day(2024, 2, 10), prec: PrecisionMonth, wantFirst: day(2024, 2, 1), wantLast: day(2024, 2, 29)},
		{name: "february of a common year", date: day(2023, 2, 10), prec: PrecisionMonth, wantFirst: day(2023, 2, 1), wantLast: day(2023, 2, 28)},
		{name: "february 2000 is leap", date: day(2000, 2, 1), prec: PrecisionMonth, wantFirst: day(2000, 2, 1), wantLast: day(2000, 2, 29)},
		{name: "february 1900 is not leap", date: day(1900, 2, 1), prec: PrecisionMonth, wantFirst: day(1900, 2, 1), wantLast: day(1900, 2, 28)},
		{name: "december", date: day(2022, 12, 25), prec: PrecisionMonth, wantFirst: day(2022, 12, 1), wantLast: day(2022, 12, 31)},
		{name: "year", date: day(2022, 7, 4), prec: PrecisionYear, wantFirst: day(2022, 1, 1), wantLast: day(2022, 12, 31)},
		{name: "leap year", date: day(2024, 2, 29), prec: PrecisionYear, wantFirst: day(2024, 1, 1), wantLast: day(2024, 12, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, last := DateBounds(tt.date, tt.prec)
			if !first.Equal(tt.wantFirst) || !last.Equal(tt.wantLast) || first.Location() != time.UTC || last.Location() != time.UTC {
				t.Errorf("DateBounds(%s, %s) = %s, %s, want %s, %s", tt.date.Format(time.RFC3339), tt.prec,
					first.Format(time.RFC3339), last.Format(time.RFC3339), tt.wantFirst.Format(time.RFC3339), tt.wantLast.Format(time.RFC3339))
			}
		})
	}
}

func TestAuthorityIDsAreCanonical(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"https kept", []string{"https://www.wikidata.org/wiki/Q1"}, []string{"https://www.wikidata.org/wiki/Q1"}},
		{"http becomes https", []string{"http://d-nb.info/gnd/118540238"}, []string{"https://d-nb.info/gnd/118540238"}},
		{"trailing slash dropped", []string{"https://viaf.org/viaf/24602065/"}, []string{"https://viaf.org/viaf/24602065"}},
		{"host case folded", []string{"https://VIAF.org/viaf/1"}, []string{"https://viaf.org/viaf/1"}},
		{"spellings of one id become one", []string{"http://d-nb.info/gnd/1", "https://d-nb.info/gnd/1/"}, []string{"https://d-nb.info/gnd/1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &PersonInput{Name: "A", AuthorityIDs: append([]string(nil), tt.in...)}
			if err := p.normalize("p"); err != nil {
				t.Fatalf("normalize: %v", err)
			}
			if !slices.Equal(p.AuthorityIDs, tt.want) {
				t.Errorf("AuthorityIDs = %q, want %q", p.AuthorityIDs, tt.want)
			}
		})
	}
}
