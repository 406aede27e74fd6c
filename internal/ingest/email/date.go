package email

import (
	"strings"
	"time"
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// parseDate reads the calendar day of a Date header as written, that is in the
// message's own time zone: "Fri, 21 Nov 1997 23:55:06 -0600" is 21 November whatever
// the time in UTC. It accepts RFC 5322 dates with comments and folding anywhere, the
// obsolete forms of §4.3 (two- and three-digit years, zone names), asctime order
// ("Fri Nov 21 09:55:06 1997") and ISO 8601 ("1997-11-21T…"). ok is false when no
// valid day can be read; the time of day and the zone are not checked.
func parseDate(s string) (day time.Time, ok bool) {
	s, _ = stripComments(s)
	tokens := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == ',' || r == '\r' || r == '\n'
	})
	if len(tokens) == 1 {
		return isoDate(tokens[0])
	}
	mi := -1
	for i, t := range tokens {
		if len(t) >= 3 && len(t) <= 9 {
			if _, known := months[strings.ToLower(t[:3])]; known && isLetters(t) {
				mi = i
				break
			}
		}
	}
	if mi < 0 {
		if len(tokens) > 0 {
			return isoDate(tokens[0])
		}
		return time.Time{}, false
	}
	month := months[strings.ToLower(tokens[mi][:3])]
	var dayTok, yearTok string
	if mi > 0 && isDigits(tokens[mi-1]) && len(tokens[mi-1]) <= 2 {
		dayTok = tokens[mi-1] // day month year (RFC 5322)
		yearTok = nextNumber(tokens[mi+1:])
	} else {
		rest := tokens[mi+1:] // month day … year (asctime)
		if len(rest) == 0 || !isDigits(rest[0]) || len(rest[0]) > 2 {
			return time.Time{}, false
		}
		dayTok = rest[0]
		yearTok = nextNumber(rest[1:])
	}
	year, ok := fullYear(yearTok)
	if !ok {
		return time.Time{}, false
	}
	return validDay(year, month, atoi(dayTok))
}

// isoDate reads the date of an ISO 8601 timestamp, "1997-11-21" with anything after.
func isoDate(t string) (time.Time, bool) {
	if len(t) < 10 || t[4] != '-' || t[7] != '-' || !isDigits(t[:4]) || !isDigits(t[5:7]) || !isDigits(t[8:10]) {
		return time.Time{}, false
	}
	if len(t) > 10 && t[10] != 'T' && t[10] != 't' {
		return time.Time{}, false
	}
	return validDay(atoi(t[:4]), time.Month(atoi(t[5:7])), atoi(t[8:10]))
}

// nextNumber returns the first all-digit token (a year), skipping times such as
// "09:55:06".
func nextNumber(tokens []string) string {
	for _, t := range tokens {
		if isDigits(t) {
			return t
		}
	}
	return ""
}

// fullYear applies RFC 5322 §4.3: two-digit years 00–49 are 2000–2049, 50–99 and
// three-digit years are counted from 1900.
func fullYear(t string) (int, bool) {
	if !isDigits(t) || len(t) < 2 || len(t) > 4 {
		return 0, false
	}
	y := atoi(t)
	switch {
	case len(t) == 2 && y < 50:
		y += 2000
	case len(t) < 4:
		y += 1900
	}
	return y, y >= 1000
}

func validDay(y int, m time.Month, d int) (time.Time, bool) {
	if m < time.January || m > time.December || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 April, 30 February
		return time.Time{}, false
	}
	return t, true
}

func isDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// atoi reads a string that isDigits accepted.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
