package domain

import (
	"slices"
	"strings"
	"testing"
	"time"
)

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
