package cmif

import (
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

func TestReadDate(t *testing.T) {
	tests := []struct {
		name                     string
		in                       dateAttrs
		date, prec, nb, na, text string // dates "YYYY-MM-DD" or "" for none
		readable                 string
		errAttr                  string // the attribute at fault, for a failing case
	}{
		{"day", dateAttrs{When: "1794-06-13"}, "1794-06-13", "DAY", "", "", "1794-06-13", "13 June 1794", ""},
		{"month", dateAttrs{When: "1794-06"}, "1794-06-01", "MONTH", "", "", "1794-06", "June 1794", ""},
		{"year", dateAttrs{When: "1794"}, "1794-01-01", "YEAR", "", "", "1794", "1794", ""},
		{"dateTime", dateAttrs{When: "1794-06-13T10:15:00+01:00"}, "1794-06-13", "DAY", "", "", "1794-06-13T10:15:00+01:00", "13 June 1794", ""},
		{"date with zone", dateAttrs{When: "1794-06-13Z"}, "1794-06-13", "DAY", "", "", "1794-06-13Z", "13 June 1794", ""},
		{"text wins", dateAttrs{When: "1794-06-13", Text: "13. Juni 1794"}, "1794-06-13", "DAY", "", "", "13. Juni 1794", "13 June 1794", ""},
		{"range", dateAttrs{NotBefore: "1794-06-01", NotAfter: "1794-06-30"}, "", "UNKNOWN", "1794-06-01", "1794-06-30",
			"notBefore 1794-06-01, notAfter 1794-06-30", "between 1 June 1794 and 30 June 1794", ""},
		{"range of partial dates", dateAttrs{NotBefore: "1794", NotAfter: "1796-02"}, "", "UNKNOWN", "1794-01-01", "1796-02-29",
			"notBefore 1794, notAfter 1796-02", "between 1794 and February 1796", ""},
		{"same day", dateAttrs{NotBefore: "1794-06-13", NotAfter: "1794-06-13"}, "1794-06-13", "DAY", "1794-06-13", "1794-06-13",
			"notBefore 1794-06-13, notAfter 1794-06-13", "13 June 1794", ""},
		{"same month is not a month", dateAttrs{NotBefore: "1794-06", NotAfter: "1794-06"}, "", "UNKNOWN", "1794-06-01", "1794-06-30",
			"notBefore 1794-06, notAfter 1794-06", "between June 1794 and June 1794", ""},
		{"from to", dateAttrs{From: "1796-03-01", To: "1796-03-05"}, "", "UNKNOWN", "1796-03-01", "1796-03-05",
			"from 1796-03-01, to 1796-03-05", "between 1 March 1796 and 5 March 1796", ""},
		{"notBefore wins over from", dateAttrs{NotBefore: "1796-03-02", From: "1796-03-01"}, "", "UNKNOWN", "1796-03-02", "",
			"notBefore 1796-03-02, from 1796-03-01", "not before 2 March 1796", ""},
		{"only notBefore", dateAttrs{NotBefore: "1794-06"}, "", "UNKNOWN", "1794-06-01", "", "notBefore 1794-06", "not before June 1794", ""},
		{"only notAfter", dateAttrs{NotAfter: "1794-06"}, "", "UNKNOWN", "", "1794-06-30", "notAfter 1794-06", "not after June 1794", ""},
		{"when and bounds", dateAttrs{When: "1794", NotBefore: "1794-03-01"}, "1794-01-01", "YEAR", "1794-03-01", "",
			"1794, notBefore 1794-03-01", "1794", ""},
		{"text only", dateAttrs{Text: "Ostern"}, "", "UNKNOWN", "", "", "Ostern", "Ostern", ""},
		{"nothing", dateAttrs{}, "", "UNKNOWN", "", "", "", "", ""},
		{"leap day", dateAttrs{When: "1796-02-29"}, "1796-02-29", "DAY", "", "", "1796-02-29", "29 February 1796", ""},
		{"no such day", dateAttrs{When: "1795-02-29"}, "", "", "", "", "", "", "when"},
		{"overlong time", dateAttrs{When: "1794-06-13T" + strings.Repeat("0", 30)}, "", "", "", "", "", "", "when"},
		{"german form", dateAttrs{When: "13.06.1794"}, "", "", "", "", "", "", "when"},
		{"one-digit month", dateAttrs{When: "1794-6-13"}, "", "", "", "", "", "", "when"},
		{"sign", dateAttrs{When: "+1794"}, "", "", "", "", "", "", "when"},
		{"negative year", dateAttrs{When: "-0044-03-15"}, "", "", "", "", "", "", "when"},
		{"month and day only", dateAttrs{When: "--06-13"}, "", "", "", "", "", "", "when"},
		{"bad notAfter", dateAttrs{NotBefore: "1794", NotAfter: "soon"}, "", "", "", "", "", "", "notAfter"},
		{"bounds reversed", dateAttrs{NotBefore: "1794-06-02", NotAfter: "1794-06-01"}, "", "", "", "", "", "", "notAfter"},
		{"to before from", dateAttrs{From: "1794-06-02", To: "1794-06-01"}, "", "", "", "", "", "", "to"},
		{"notAfter before when", dateAttrs{When: "1794-06-13", NotAfter: "1794-06-01"}, "", "", "", "", "", "", "notAfter"},
		{"notBefore after when", dateAttrs{When: "1794-06", NotBefore: "1794-07-01"}, "", "", "", "", "", "", "notBefore"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readDate(tt.in)
			if tt.errAttr != "" {
				if err == nil || err.Attr != tt.errAttr {
					t.Fatalf("readDate error = %+v, want one about @%s", err, tt.errAttr)
				}
				return
			}
			if err != nil {
				t.Fatalf("readDate error = %+v", err)
			}
			for _, c := range []struct{ field, got, want string }{
				{"date", day(got.Date), tt.date}, {"precision", string(got.Precision), tt.prec},
				{"notBefore", day(got.NotBefore), tt.nb}, {"notAfter", day(got.NotAfter), tt.na},
				{"text", got.Text, tt.text}, {"readable", got.Readable, tt.readable},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
				}
			}
			// What readDate gives must be a date the domain accepts.
			in := domain.LetterInput{Title: "t", Date: got.Date, DatePrecision: got.Precision,
				DateNotBefore: got.NotBefore, DateNotAfter: got.NotAfter, DateText: got.Text}
			if err := in.Normalize("in"); err != nil {
				t.Errorf("Normalize: %v", err)
			}
		})
	}
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
