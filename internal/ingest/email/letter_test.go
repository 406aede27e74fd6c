package email

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// names lists the parties' names and emails, "Name <email>", joined by "; ".
func names(list []domain.PartyInput) string {
	var parts []string
	for _, p := range list {
		parts = append(parts, p.Person.Name+" <"+strings.Join(p.Person.Emails, ",")+">")
	}
	return strings.Join(parts, "; ")
}

func TestLetterFields(t *testing.T) {
	long := strings.Repeat("ж", 1500)
	tests := []struct {
		name  string
		msg   string
		check func(t *testing.T, in domain.LetterInput)
	}{
		{"sender same as from is one author", "From: A <a@x.test>\nSender: a@X.test\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "A <a@x.test>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"sender without from is the author", "Sender: S <s@x.test>\nSubject: x\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "S <s@x.test>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"sender of the same name without an address is the author", "From: Jane Doe <jane@x.test>\nSender: Jane Doe <jane>\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "Jane Doe <jane@x.test>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"sender of the same name as a from without an address is the author", "From: Jane Doe <jane>\nSender: jane  DOE <jane@x.test>\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "Jane Doe <>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"sender of another name without addresses is added", "From: Jane Doe <jane>\nSender: John Roe <john>\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "Jane Doe <>; John Roe <>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"sender of another address with the same name is added", "From: Jane Doe <jane@x.test>\nSender: Jane Doe <office@x.test>\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "Jane Doe <jane@x.test>; Jane Doe <office@x.test>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"several from addresses", "From: a@x.test, B <b@x.test>\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Authors), "a@x.test <a@x.test>; B <b@x.test>"; got != want {
				t.Errorf("authors = %q, want %q", got, want)
			}
		}},
		{"repeated To fields are one list", "From: a@x.test\nTo: b@x.test\nTo: c@x.test, b@x.test\nBcc: d@x.test\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := names(in.Recipients), "b@x.test <b@x.test>; c@x.test <c@x.test>"; got != want {
				t.Errorf("recipients = %q, want %q", got, want)
			}
			if got, want := names(in.BCC), "d@x.test <d@x.test>"; got != want {
				t.Errorf("bcc = %q, want %q", got, want)
			}
		}},
		{"last first keeps the alias", "From: \"Doe, John\" <j@x.test>\n\n", func(t *testing.T, in domain.LetterInput) {
			p := in.Authors[0].Person
			if p.Name != "John Doe" || len(p.Aliases) != 1 || p.Aliases[0] != "Doe, John" {
				t.Errorf("author = %q aliases %q, want \"John Doe\" aliases [\"Doe, John\"]", p.Name, p.Aliases)
			}
		}},
		{"no subject", "From: a@x.test\nSubject:   \n\nbody", func(t *testing.T, in domain.LetterInput) {
			if in.Title != NoSubject || in.Subject != "" {
				t.Errorf("title, subject = %q, %q, want %q, \"\"", in.Title, in.Subject, NoSubject)
			}
		}},
		{"subject is cut to a short field", "From: a@x.test\nSubject: " + long + "\n\n", func(t *testing.T, in domain.LetterInput) {
			if n := len([]rune(in.Subject)); n != domain.MaxShortText {
				t.Errorf("len(subject) = %d runes, want %d", n, domain.MaxShortText)
			}
		}},
		{"date text unfolded", "From: a@x.test\nDate: Fri, 21 Nov 1997\n 09:55:06 -0600\n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := in.DateText, "Fri, 21 Nov 1997 09:55:06 -0600"; got != want {
				t.Errorf("dateText = %q, want %q", got, want)
			}
			if in.DatePrecision != domain.PrecisionDay || in.Date == nil {
				t.Errorf("date = %v, precision %s, want a day", in.Date, in.DatePrecision)
			}
		}},
		{"message id kept with brackets", "From: a@x.test\nMessage-ID:   <X@Y.test>  \n\n", func(t *testing.T, in domain.LetterInput) {
			if got, want := in.ExternalID, "<X@Y.test>"; got != want {
				t.Errorf("externalId = %q, want %q", got, want)
			}
		}},
		{"format and language", "From: a@x.test\n\n", func(t *testing.T, in domain.LetterInput) {
			if in.SourceFormat != domain.FormatEmail || in.Language != "" || in.Source != "test.eml" {
				t.Errorf("format, language, source = %q, %q, %q, want EMAIL, \"\", test.eml", in.SourceFormat, in.Language, in.Source)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := parseOne(t, tt.msg)
			if it.Err != nil {
				t.Fatal(it.Err)
			}
			tt.check(t, it.Letter)
			if err := it.Letter.Normalize("letter"); err != nil {
				t.Errorf("Normalize: %v", err)
			}
		})
	}
}

func TestAuthorsStayWithinTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("From: ")
	for i := range domain.MaxParties + 10 {
		fmt.Fprintf(&b, "p%d@x.test, ", i)
	}
	b.WriteString("\nSender: s@x.test\n\n")
	it := parseOne(t, b.String())
	if got := len(it.Letter.Authors); got != domain.MaxParties {
		t.Errorf("len(authors) = %d, want %d", got, domain.MaxParties)
	}
	if err := it.Letter.Normalize("letter"); err != nil {
		t.Errorf("Normalize: %v", err)
	}
}
