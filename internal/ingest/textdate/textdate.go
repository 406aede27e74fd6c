// Package textdate finds and reads the date of a letter as people write it: "12 March
// 2019", "March 12, 2019", "Monday, the 12th of March 2019", "2019-03-12", numeric
// dates whose order is certain ("13/03/2019"), Solar Hijri dates in Persian
// ("۱۴ مهر ۱۴۰۱", "۱۴۰۱/۰۷/۱۴") and lunar Hijri ones ("١٥ رمضان ١٤٤٤هـ", lunar.go). It reads, it does not guess: a numeric date whose day
// and month could be swapped, a two-digit year and a day that does not exist are no
// date at all, because a wrong date is worse than none.
package textdate

import (
	"strings"
	"time"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// The calendars a Date can be written in (Date.Calendar).
const (
	CalendarGregorian  = "gregorian"
	CalendarSolarHijri = "solar-hijri"
	CalendarLunarHijri = "lunar-hijri"
)

// Date is a date as read from text.
//
// A Solar Hijri month or year does not coincide with a Gregorian one ("مهر ۱۴۰۱" runs
// from 23 September to 22 October 2022), so for those Date is nil and NotBefore and
// NotAfter bound it exactly, while Precision still says what was written (MONTH or
// YEAR). A letter needs a Date for MONTH or YEAR precision, so an importer records
// such a date as UNKNOWN precision with these bounds.
type Date struct {
	Date      *time.Time           // the day, or the first day of the month/year; nil when only bounds are known
	Precision domain.DatePrecision // DAY, MONTH, YEAR (UNKNOWN never returned with ok=true)
	NotBefore *time.Time           // the first day it may be (set whenever Date is set: domain.DateBounds)
	NotAfter  *time.Time           // the last day it may be
	Text      string               // the date exactly as written in the input (original script and digits)
	Calendar  string               // "gregorian", "solar-hijri" or "lunar-hijri"
}

// Year ranges. A numeric date, or a year standing alone, in Solar Hijri range is read
// as Solar Hijri: 1301–1499 SH is 1922–2121 AD, the years of the letters this reads,
// while a Gregorian letter dated 1301–1499 AD is far rarer.
const (
	minGregorianYear, maxGregorianYear = 1000, 2999 // a date with a day or a named month
	minBareYear, maxBareYear           = 1500, 2100 // a Gregorian year or year-month alone
	minHijriNumeric, maxHijriNumeric   = 1301, 1499 // a numeric Solar Hijri date or year alone
	minHijriYear, maxHijriYear         = 1200, 1599 // any Solar Hijri date
)

// Find looks for one date in line and returns it with the text before and after it
// (trimmed of spaces and of separating commas), so that "Tehran, 12 March 2019" gives the
// date and before "Tehran". ok is false when line holds no date.
//
// The first date in the line wins. A label before the date ("Date:", "Dated",
// "تاریخ:") belongs to neither the date nor before; a day name ("Monday,", "شنبه") and
// an article ("the 12th", "le 12 mars") belong to the date and its Text. before loses
// trailing spaces, commas, colons, semicolons and dashes; after loses the same, and a
// full stop, at its start. A year alone ("2019", "۱۴۰۱") or a year and month alone
// ("2019-03") is a date only when it ends the line and nothing but a label, or a place
// and a comma ("Tehran, 2019"), comes before it: in prose ("in 1999 we met") a number
// is too often no date.
func Find(line string) (d Date, before, after string, ok bool) {
	s := newScanner(line)
	for i := 0; i < len(s.toks); {
		f, found := s.matchAt(i)
		if !found {
			i++
			continue
		}
		if f.ok {
			d = f.date
			d.Text = s.text(f.text, f.end)
			return d, trimBefore(line[:s.toks[f.start].start]), trimAfter(line[s.toks[f.end-1].end:]), true
		}
		// Skip a form that looks like a date and is none ("31 April 2019",
		// "05/03/2019") whole, so that "April 2019" is not read out of it.
		i = f.end
	}
	return findBare(line)
}

// Parse reads s when s is nothing but a date (after trimming spaces and trailing punctuation).
// A label before it ("Date:", "تاریخ:") is allowed and left out of Text. A year alone
// ("2019", or a Solar Hijri "۱۴۰۱") and a year and month ("2019-03") are dates here,
// s being nothing else.
func Parse(s string) (Date, bool) {
	s = strings.TrimLeftFunc(trimEnd(s), isBlank)
	sc := newScanner(s)
	n := len(sc.toks)
	if n == 0 {
		return Date{}, false
	}
	if f, found := sc.matchAt(0); found && f.ok && f.end == n {
		f.date.Text = sc.text(f.text, n)
		return f.date, true
	}
	w := sc.label(0)
	if d, ok := sc.bareAt(w); ok {
		d.Text = sc.text(w, n)
		return d, true
	}
	return Date{}, false
}

// findBare finds a year, or a year and month, that ends line and before which there is
// nothing, a label, or a place and a comma.
func findBare(line string) (Date, string, string, bool) {
	line = trimEnd(line)
	s := newScanner(line)
	n := len(s.toks)
	// A bare date and its era ("۱۴۰۱ ه.ش.") take at most eight tokens.
	for w := max(0, n-8); w < n; w++ {
		d, ok := s.bareAt(w)
		if !ok {
			continue
		}
		d.Text = s.text(w, n)
		if s.label(0) == w {
			return d, "", "", true
		}
		if s.isPunct(w-1, ",", "،") {
			if place := trimBefore(line[:s.toks[w-1].start]); placeLike(place) {
				return d, place, "", true
			}
		}
	}
	return Date{}, "", "", false
}

// placeLike reports whether s could be the place of a "Place, 2019" dateline: one to
// five words without digits or sentence punctuation, the first and last capitalised
// (or in a script without case), so that prose ("so we met, 1999") is not read as one.
func placeLike(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '،' })
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune("!?;:\"“”«»", r) }) {
		return false
	}
	return capitalised(words[0]) && capitalised(words[len(words)-1])
}

// capitalised reports whether the first letter of w is not lower case.
func capitalised(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return !unicode.IsLower(r)
		}
	}
	return false
}

// separators part a date from the text around it ("Tehran, 12 March", "Sent: …").
const separators = ",،;؛:-–—"

func trimBefore(s string) string {
	return strings.TrimRightFunc(strings.TrimLeftFunc(s, isBlank), func(r rune) bool {
		return isBlank(r) || strings.ContainsRune(separators, r)
	})
}

func trimAfter(s string) string {
	return strings.TrimRightFunc(strings.TrimLeftFunc(s, func(r rune) bool {
		return isBlank(r) || r == '.' || strings.ContainsRune(separators, r)
	}), isBlank)
}

// trimEnd trims trailing spaces and punctuation ("12 March 2019.").
func trimEnd(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return isBlank(r) || strings.ContainsRune(".,;:!?،؛", r) })
}
