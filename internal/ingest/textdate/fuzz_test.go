package textdate

import (
	"strings"
	"testing"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

var fuzzSeeds = []string{
	"Tehran, 12 March 2019", "March 12, 2019", "Tuesday, the 12th of March, 2019",
	"Sent: Tue, 12 Mar 2019 10:15:00 +0000", "2019-03-12T10:00:00Z", "13/03/2019",
	"Tuesday, 05/03/2019", "12/03/19", "Room 12/3", "version 2.0", "in 1999 we met",
	"Tehran, 2019", "2019-03", "Paris, le 12 mars 2019", "12 de marzo de 2019",
	"تهران، ۱۴ مهر ۱۴۰۱", "تاریخ: ۱۴۰۱/۰۷/۱۴", "سه‌شنبه ۱۲ مهر ۱۴۰۱", "۱۴ مهر ۱۴۰۱ ه.ش.",
	"۱۴۴۴/۰۳/۱۲ ه.ق", "۱۴۰۱", "31 April 2019", "1.12.03.2019", "\xff12\xfe March 2019",
	"12\u200f March\u200e 2019", "99999999999999999999/1/1",
}

// checkDate checks what holds of every date Find and Parse return.
func checkDate(t *testing.T, in string, d Date) {
	t.Helper()
	switch d.Precision {
	case domain.PrecisionDay, domain.PrecisionMonth, domain.PrecisionYear:
	default:
		t.Fatalf("%q: Precision = %q, want DAY, MONTH or YEAR", in, d.Precision)
	}
	if d.Calendar != CalendarGregorian && d.Calendar != CalendarSolarHijri && d.Calendar != CalendarLunarHijri {
		t.Fatalf("%q: Calendar = %q", in, d.Calendar)
	}
	if d.NotBefore == nil || d.NotAfter == nil || d.NotAfter.Before(*d.NotBefore) {
		t.Fatalf("%q: bounds %v..%v, want both, in order", in, d.NotBefore, d.NotAfter)
	}
	if d.Date == nil && (d.Calendar == CalendarGregorian || d.Precision == domain.PrecisionDay) {
		t.Fatalf("%q: no Date for a %s %s date", in, d.Calendar, d.Precision)
	}
	if d.Date != nil && d.Calendar == CalendarLunarHijri {
		// The tabular calendar's day, within two days either side.
		if d.Precision != domain.PrecisionDay || d.Date.Before(*d.NotBefore) || d.Date.After(*d.NotAfter) ||
			d.NotAfter.Sub(*d.NotBefore) > 4*24*time.Hour {
			t.Fatalf("%q: %s", in, describe(d))
		}
	} else if d.Date != nil {
		first, last := domain.DateBounds(*d.Date, d.Precision)
		if !d.Date.Equal(first) || !d.NotBefore.Equal(first) || !d.NotAfter.Equal(last) {
			t.Fatalf("%q: %s", in, describe(d))
		}
	}
	if d.Text == "" || !strings.Contains(in, d.Text) {
		t.Fatalf("%q: Text %q is not in the input", in, d.Text)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		d, before, after, ok := Find(line)
		if !ok {
			if d != (Date{}) || before != "" || after != "" {
				t.Fatalf("Find(%q) = %+v, %q, %q, false; want zero values", line, d, before, after)
			}
			return
		}
		checkDate(t, line, d)
		if !strings.Contains(line, before) || !strings.Contains(line, after) {
			t.Fatalf("Find(%q): before %q or after %q is not in the line", line, before, after)
		}
		if len(before)+len(d.Text)+len(after) > len(line) {
			t.Fatalf("Find(%q): before %q, text %q and after %q overlap", line, before, d.Text, after)
		}
		// The text Find reports reads as the same date on its own.
		p, ok := Parse(d.Text)
		if !ok || describe(p) != describe(d) {
			t.Fatalf("Find(%q) = %s from %q, but Parse(%q) = %s, %v", line, describe(d), d.Text, d.Text, describe(p), ok)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Parse(s)
		if !ok {
			if d != (Date{}) {
				t.Fatalf("Parse(%q) = %+v, false; want the zero Date", s, d)
			}
			return
		}
		checkDate(t, s, d)
		// A string that is nothing but a date is a line in which Find finds it.
		if fd, _, _, ok := Find(s); !ok || describe(fd) != describe(d) {
			t.Fatalf("Parse(%q) = %s, but Find finds %s, %v", s, describe(d), describe(fd), ok)
		}
	})
}
