package text

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/lettergraph/lettergraph/internal/domain"
	"github.com/lettergraph/lettergraph/internal/ingest/textdate"
)

// dated is a date line: the date (or, for an ambiguous numeric date, only its text and
// the span of its readings) and the place written with it.
type dated struct {
	text      string // the date as written
	date      *time.Time
	precision domain.DatePrecision
	notBefore *time.Time
	notAfter  *time.Time
	place     string // "Tehran" in "Tehran, 12 March 2019"
}

// apply sets the letter's date fields.
func (d dated) apply(in *domain.LetterInput) {
	in.Date, in.DatePrecision = d.date, d.precision
	in.DateNotBefore, in.DateNotAfter = d.notBefore, d.notAfter
	in.DateText = d.text
}

// dateLabels introduce a date line.
var dateLabels = foldSet("date", "dated", "datum", "تاریخ", "fecha", "data")

// dateLineIn is dateLine for a letter whose language writes numeric dates day first
// (every language the parser knows but English): there "12/03/2020" is 12 March. A
// date with dots ("12.03.2020") is read day first in any language.
func dateLineIn(s string, dayFirst bool) (dated, bool) {
	s = strings.TrimSpace(arabicDayOf.ReplaceAllString(quotedDay.ReplaceAllString(s, "$1"), "$1 "))
	if s == "" || runes(s) > 80 {
		return dated{}, false
	}
	if label, rest, ok := cutColon(s); ok && (dateLabels[fold(label)] || lex.is(secLabelDate, label)) {
		s = strings.TrimSpace(rest)
	} else if f := strings.Fields(s); len(f) > 1 && dateLabels[fold(f[0])] {
		s = strings.TrimSpace(s[len(f[0]):])
	}
	if d, before, after, ok := textdate.Find(s); ok {
		before, after = trimJoiners(before, true), trimJoiners(after, false)
		if refNumber.MatchString(after) {
			after = "" // "12 марта 2020 г. № 58": the letter's number after its date
		}
		if equivalentDate(after) {
			after = "" // "٩ ذو القعدة ١٤٤٣هـ (٨ يونيو ٢٠٢٢م)": the same day in another calendar
		}
		if before != "" && after != "" {
			return dated{}, false
		}
		out := dated{text: d.Text, date: d.Date, precision: d.Precision, notBefore: d.NotBefore, notAfter: d.NotAfter}
		if out.date == nil {
			// A Solar Hijri month or year is no Gregorian one: only its bounds are
			// known (textdate.Date).
			out.precision = domain.PrecisionUnknown
		} else if out.precision == "" {
			out.precision = domain.PrecisionDay
		}
		at := cleanPlace(dropWeekday(before + after))
		if at != "" {
			if _, ok := parsePlace(at, true); !ok {
				return dated{}, false
			}
			out.place = at
		}
		if out.text == "" {
			out.text = s
		}
		return out, true
	}
	return numericIn(s, dayFirst)
}

// equivalentDate reports whether what follows a date is the same date again, in
// another calendar or form: in brackets, after a slash or a dash, or after a word
// saying so ("الموافق", "corresponding to").
func equivalentDate(s string) bool {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()[]/=–—-"))
	if s == "" {
		return false
	}
	if f := foldLine(s); len(f.w) > 2 && equivalentWords[f.w[0]] && equivalentWords[f.w[1]] {
		s = f.after(2) // "corresponding to", "برابر با"
	} else if len(f.w) > 1 && equivalentWords[f.w[0]] {
		s = f.after(1)
	}
	if d, before, after, ok := textdate.Find(s); ok && (d.Date != nil || d.NotBefore != nil) {
		return words(before) == 0 && words(after) <= 1
	}
	_, ok := numericIn(s, true)
	return ok && words(s) <= 2
}

// equivalentWords introduce a date's equivalent in another calendar.
var equivalentWords = foldSet("الموافق", "موافق", "برابر", "با", "corresponding", "equivalent", "to")

// arabicDayOf is a day and "من" (of) before its month, as Gulf letters write it:
// "٢٥ من ربيع الأول".
var arabicDayOf = regexp.MustCompile(`(\p{Nd}{1,2})\s+من\s+`)

// quotedDay is a day in quotes, as Russian official letters write it: «12» апреля.
var quotedDay = regexp.MustCompile(`[«"„](\d{1,2})[»"“]`)

// refNumber matches a reference number standing after a date: "№ 58", "No. 41/1987".
var refNumber = regexp.MustCompile(`^(?i:№|no\.?|n°|nr\.?)\s*[\p{L}\d./-]*\d[\p{L}\d./-]*$`)

// cleanPlace drops what stands before a place's name in a date line: a postal code
// ("6 Frankfurt am Main", "75008 Paris") and a preposition ("En Alcalá de Henares",
// "در تهران"), when a name follows.
func cleanPlace(s string) string {
	for range 2 {
		f := foldLine(s)
		if len(f.w) < 2 {
			return s
		}
		first := f.word(0)
		n, joiner := lex.prefix(secDateJoiner, f)
		if !joiner && strings.IndexFunc(first, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			return arabicBi(s)
		}
		if !joiner || n >= len(f.w) {
			n = 1
		}
		if rest := f.after(n); startsUpper(rest) || !hasCase(rest) {
			s = rest
		} else {
			return s
		}
	}
	return arabicBi(s)
}

// arabicBi drops the preposition bi- glued to a town's name: "بالدار البيضاء" (in
// Casablanca) is "الدار البيضاء".
func arabicBi(s string) string {
	if rest, ok := strings.CutPrefix(s, "بال"); ok && rest != "" {
		return "ال" + rest
	}
	return s
}

// dateColumn returns the column of a line set in columns (parts apart by three spaces
// or more) that is a date line: "No. 41/1987          Lisbon, 2 March 1987".
func dateColumn(t string) (string, bool) {
	cols := splitGap(t)
	if len(cols) < 2 {
		return "", false
	}
	for i := len(cols) - 1; i >= 0; i-- {
		if isDateLine(cols[i]) {
			if i > 0 {
				// "г. Самара          «12» апреля 2022 г.": the place in the column
				// before the date's.
				if at := cleanPlace(cols[i-1]); at != "" {
					if _, ok := parsePlace(at, true); ok {
						return cols[i-1] + ", " + cols[i], true
					}
				}
			}
			return cols[i], true
		}
	}
	return "", false
}

// numericIn reads a numeric date within a line ("Montevecchio, lì 12/03/2020"),
// with the place before it.
func numericIn(s string, dayFirst bool) (dated, bool) {
	loc := findNumeric(s)
	if loc == nil {
		return dated{}, false
	}
	before, after := trimJoiners(s[:loc[0]], true), trimJoiners(s[loc[1]:], false)
	if after != "" && !refNumber.MatchString(after) { // "02.10.2023 № 14-08/5521": the letter's number after its date
		return dated{}, false
	}
	text := s[loc[0]:loc[1]]
	d, ok := ambiguousDate(text)
	if !ok {
		return dated{}, false
	}
	if d.date == nil && (dayFirst || s[loc[3]] == '.') {
		day, _ := strconv.Atoi(s[loc[2]:loc[3]])
		month, _ := strconv.Atoi(s[loc[4]:loc[5]])
		year, _ := strconv.Atoi(s[loc[6]:loc[7]])
		t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		d.date, d.precision, d.notBefore, d.notAfter = &t, domain.PrecisionDay, &t, &t
	}
	if before != "" {
		before = dropWeekday(before)
		if _, ok := parsePlace(before, true); !ok {
			return dated{}, false
		}
		d.place = before
	}
	return d, true
}

// numericAnywhere finds what may be a numeric date in a line; findNumeric says
// which is one.
var numericAnywhere = regexp.MustCompile(`\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b`)

// findNumeric returns the submatch indexes of the first numeric date in s: its two
// separators alike and no number glued before it, so that a file number
// ("01-14/2387", "Az. 3/12.05.2019") is no date. nil when there is none.
func findNumeric(s string) []int {
	for _, loc := range numericAnywhere.FindAllStringSubmatchIndex(s, -1) {
		if s[loc[3]] != s[loc[5]] {
			continue
		}
		if loc[0] > 0 && strings.ContainsRune("/.-", rune(s[loc[0]-1])) && loc[0] > 1 && s[loc[0]-2] >= '0' && s[loc[0]-2] <= '9' {
			continue
		}
		return loc
	}
	return nil
}

// firstNumericDate returns the first numeric date in s, or "".
func firstNumericDate(s string) string {
	if loc := findNumeric(s); loc != nil {
		return s[loc[0]:loc[1]]
	}
	return ""
}

// trimJoiners trims the punctuation and the date joiners ("den", "le", "lì", "في")
// at the edge of the text before a date (end) or after it (start).
func trimJoiners(s string, end bool) string {
	for {
		s = trimDateEdge(s)
		f := foldLine(s)
		if len(f.w) == 0 {
			return s
		}
		var n int
		var ok bool
		if end {
			n, ok = lex.suffix(secDateJoiner, f)
			if ok {
				s = f.upto(len(f.w) - n)
			}
		} else {
			n, ok = lex.prefix(secDateJoiner, f)
			if ok {
				s = f.after(n)
			}
		}
		if !ok {
			return s
		}
	}
}

// numericDate is a date written with numbers only, day and month in either order.
var numericDate = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)

// ambiguousDate keeps a numeric date whose day and month can be read either way: the
// letter gets the text, precision UNKNOWN and the span from the earlier reading to the
// later, so that a search by date range still finds it.
func ambiguousDate(s string) (dated, bool) {
	m := numericDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return dated{}, false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	var readings []time.Time
	for _, dm := range [][2]int{{a, b}, {b, a}} {
		day, month := dm[0], dm[1]
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if month >= 1 && month <= 12 && day >= 1 && t.Day() == day {
			readings = append(readings, t)
		}
	}
	out := dated{text: s, precision: domain.PrecisionUnknown}
	switch {
	case len(readings) == 0:
		return dated{}, false
	case len(readings) == 2 && readings[0].Equal(readings[1]), len(readings) == 1:
		// One reading only: the day is unambiguous after all.
		d := readings[0]
		out.date, out.precision, out.notBefore, out.notAfter = &d, domain.PrecisionDay, &d, &d
	default:
		lo, hi := readings[0], readings[1]
		if hi.Before(lo) {
			lo, hi = hi, lo
		}
		out.notBefore, out.notAfter = &lo, &hi
	}
	return out, true
}

func trimDateEdge(s string) string {
	return strings.Trim(s, " \t,.;:،؛-–—()")
}

// dropWeekday removes a weekday written with the date.
func dropWeekday(s string) string {
	toks := tokenize(s)
	var keep []string
	for _, t := range toks {
		if weekdays[t.f] || t.f == "" {
			continue
		}
		keep = append(keep, strings.Trim(t.w, ",،"))
	}
	if len(keep) == len(toks) {
		return s
	}
	return trimDateEdge(strings.Join(keep, " "))
}
