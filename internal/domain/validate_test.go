package domain

import (
	"errors"
	"fmt"
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
