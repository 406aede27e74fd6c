package domain

import (
	"encoding/hex"
	"testing"
	"time"
)

// hashInput returns a normalised letter with a date and parties in every role.
func hashInput() *LetterInput {
	return &LetterInput{
		Title:      "Letter to the Prime Minister",
		Subject:    "Asylum seekers in Albania",
		Body:       "Dear Prime Minister,\n\nWe write to you about the asylum seekers.\n\nYours sincerely",
		Date:       ptr(day(2022, time.May, 1)),
		DateText:   "1 May 2022",
		ExternalID: "<abc@example.com>",
		Authors:    []PartyInput{{Person: &PersonInput{Name: "Ebrahim Khodabandeh"}, Capacity: "Chairman"}},
		Recipients: []PartyInput{{Person: &PersonInput{Name: "Edi Rama"}, As: "Prime Minister"}},
		CC: []PartyInput{
			{Organisation: &OrganisationInput{Name: "UNHCR"}},
			{Office: &OfficeInput{Title: "Minister of Interior", Of: &OrganisationInput{Name: "Albania"}}},
		},
		BCC: []PartyInput{{ID: "p1"}},
	}
}

// normalizedHash normalises in and returns its content hash.
func normalizedHash(t *testing.T, in *LetterInput) string {
	t.Helper()
	if err := in.Normalize("input"); err != nil {
		t.Fatalf("Normalize() = %v, want nil", err)
	}
	return ContentHash(in)
}

func TestContentHashFormat(t *testing.T) {
	h := normalizedHash(t, hashInput())
	if b, err := hex.DecodeString(h); err != nil || len(b) != 32 {
		t.Errorf("ContentHash() = %q, want 64 hex digits of a SHA-256", h)
	}
	if again := normalizedHash(t, hashInput()); again != h {
		t.Errorf("ContentHash() of the same input = %q, want %q", again, h)
	}
}

func TestContentHashSame(t *testing.T) {
	base := normalizedHash(t, hashInput())
	tests := []struct {
		name   string
		mutate func(in *LetterInput)
	}{
		{name: "unchanged", mutate: func(in *LetterInput) {}},
		{name: "body white space", mutate: func(in *LetterInput) {
			in.Body = "  Dear   Prime Minister,\r\n\r\n  We write to you\tabout the asylum seekers.\nYours sincerely\n\n"
		}},
		{name: "title white space", mutate: func(in *LetterInput) { in.Title = " Letter  to the\tPrime Minister " }},
		{name: "source", mutate: func(in *LetterInput) { in.Source = "imports/2022-05-01.eml" }},
		{name: "source format", mutate: func(in *LetterInput) { in.SourceFormat = FormatEmail }},
		{name: "source format text", mutate: func(in *LetterInput) { in.SourceFormat = FormatText }},
		{name: "time of day", mutate: func(in *LetterInput) { in.Date = ptr(time.Date(2022, time.May, 1, 17, 45, 0, 0, time.UTC)) }},
		{name: "explicit day precision", mutate: func(in *LetterInput) { in.DatePrecision = PrecisionDay }},
		{name: "honorific on a person", mutate: func(in *LetterInput) { in.Recipients[0].Person.Name = "H.E. Edi Rama" }},
		{name: "case of a person's name", mutate: func(in *LetterInput) { in.Recipients[0].Person.Name = "EDI RAMA" }},
		{name: "place text", mutate: func(in *LetterInput) { in.PlaceText = "Tirana" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := hashInput()
			tt.mutate(in)
			if got := normalizedHash(t, in); got != base {
				t.Errorf("ContentHash() after %s = %q, want %q", tt.name, got, base)
			}
		})
	}
}

func TestContentHashDiffers(t *testing.T) {
	base := normalizedHash(t, hashInput())
	tests := []struct {
		name   string
		mutate func(in *LetterInput)
	}{
		{name: "title", mutate: func(in *LetterInput) { in.Title = "Second letter to the Prime Minister" }},
		{name: "subject", mutate: func(in *LetterInput) { in.Subject = "Asylum seekers" }},
		{name: "body", mutate: func(in *LetterInput) { in.Body += " P.S." }},
		{name: "body word split", mutate: func(in *LetterInput) {
			in.Body = "Dear Prime Minister, We write to you about the asylum seek ers. Yours sincerely"
		}},
		{name: "date", mutate: func(in *LetterInput) { in.Date = ptr(day(2022, time.May, 2)) }},
		{name: "no date", mutate: func(in *LetterInput) { in.Date = nil }},
		{name: "date precision", mutate: func(in *LetterInput) { in.DatePrecision = PrecisionMonth }},
		{name: "date text", mutate: func(in *LetterInput) { in.DateText = "May 2022" }},
		{name: "external id", mutate: func(in *LetterInput) { in.ExternalID = "<def@example.com>" }},
		{name: "cc order", mutate: func(in *LetterInput) { in.CC[0], in.CC[1] = in.CC[1], in.CC[0] }},
		{name: "cc moved to bcc", mutate: func(in *LetterInput) {
			in.BCC = append(in.BCC, in.CC[1])
			in.CC = in.CC[:1]
		}},
		{name: "author", mutate: func(in *LetterInput) { in.Authors[0].Person.Name = "Jane Doe" }},
		{name: "author and recipient swapped", mutate: func(in *LetterInput) {
			in.Authors, in.Recipients = []PartyInput{{Person: &PersonInput{Name: "Edi Rama"}}}, []PartyInput{{Person: &PersonInput{Name: "Ebrahim Khodabandeh"}}}
		}},
		{name: "extra recipient", mutate: func(in *LetterInput) {
			in.Recipients = append(in.Recipients, PartyInput{ID: "p2"})
		}},
		{name: "office organisation", mutate: func(in *LetterInput) { in.CC[1].Office.Of.Name = "Kosovo" }},
		{name: "bcc id", mutate: func(in *LetterInput) { in.BCC[0].ID = "p2" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := hashInput()
			tt.mutate(in)
			if got := normalizedHash(t, in); got == base {
				t.Errorf("ContentHash() after changing %s = %q, want a different hash", tt.name, got)
			}
		})
	}
}

func TestPartyInputKey(t *testing.T) {
	tests := []struct {
		name string
		in   PartyInput
		want string
	}{
		{name: "id", in: PartyInput{ID: "c1"}, want: "id:c1"},
		{name: "person by id", in: PartyInput{Person: &PersonInput{ID: "p1", Name: "Edi Rama"}}, want: "id:p1"},
		{name: "person by name", in: PartyInput{Person: &PersonInput{Name: "Mr. Édi Rama"}}, want: "person:edi rama"},
		{name: "organisation by id", in: PartyInput{Organisation: &OrganisationInput{ID: "o1"}}, want: "id:o1"},
		{name: "organisation by name", in: PartyInput{Organisation: &OrganisationInput{Name: "Nejat Society"}}, want: "org:nejat society"},
		{name: "office by id", in: PartyInput{Office: &OfficeInput{ID: "f1"}}, want: "id:f1"},
		{name: "office without organisation", in: PartyInput{Office: &OfficeInput{Title: "Prime Minister"}}, want: "office:prime minister@"},
		{name: "office of organisation", in: PartyInput{Office: &OfficeInput{Title: "Prime Minister", Of: &OrganisationInput{Name: "Albania"}}}, want: "office:prime minister@albania"},
		{name: "nothing", in: PartyInput{}, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.key(); got != tt.want {
				t.Errorf("key() = %q, want %q", got, tt.want)
			}
		})
	}
}
