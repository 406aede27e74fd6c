package cmif

import (
	"fmt"
	"strings"
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// dateAttrs are what a TEI <date> says: the attributes that carry a date, as written,
// and the element's text. Other attributes (@cert, @calendar, @evidence …) are not
// read.
type dateAttrs struct {
	When, NotBefore, NotAfter, From, To string
	Text                                string
}

// letterDate is a letter's date as the domain holds it, plus Readable: the date in
// words for the generated title ("13 June 1794", "between 1 June 1794 and 30 June
// 1794"), or the text of the element when its attributes give no date.
type letterDate struct {
	Date                *time.Time
	Precision           domain.DatePrecision
	NotBefore, NotAfter *time.Time
	Text                string
	Readable            string
}

// dateError says which attribute of a <date> could not be read.
type dateError struct {
	Attr, Value, Expected string
}

// point is one date attribute read: the first and last day it stands for.
type point struct {
	first, last time.Time
	prec        domain.DatePrecision
}

// readDate applies the date rules: @when ("YYYY", "YYYY-MM" or "YYYY-MM-DD", a time
// after the day is ignored) gives the date at YEAR, MONTH or DAY precision;
// @notBefore (else @from) and @notAfter (else @to) give the bounds, a partial date
// standing for its first or last day. Without @when the precision is UNKNOWN, except
// that bounds on one and the same day are that day. Text is the element's text, or
// else the attributes as written ("notBefore 1794-06-01, notAfter 1794-06-30"). It
// fails on a value that is not such a date, or bounds that end before they start.
func readDate(a dateAttrs) (letterDate, *dateError) {
	var d letterDate
	points := map[string]*point{}
	for _, at := range []struct{ name, v string }{
		{"when", a.When}, {"notBefore", a.NotBefore}, {"notAfter", a.NotAfter}, {"from", a.From}, {"to", a.To},
	} {
		if at.v == "" {
			continue
		}
		pt, ok := parsePoint(at.v)
		if !ok {
			return letterDate{}, &dateError{at.name, at.v, "a date such as 1794-06-13, 1794-06 or 1794"}
		}
		points[at.name] = &pt
	}
	lower, lowerAttr := firstOf(points, "notBefore", "from")
	upper, upperAttr := firstOf(points, "notAfter", "to")
	if lower != nil {
		d.NotBefore = &lower.first
	}
	if upper != nil {
		d.NotAfter = &upper.last
	}
	when := points["when"]
	switch {
	case when != nil:
		d.Date, d.Precision = &when.first, when.prec
	case lower != nil && upper != nil && lower.first.Equal(upper.last):
		d.Date, d.Precision = &lower.first, domain.PrecisionDay
	default:
		d.Precision = domain.PrecisionUnknown
	}
	// The domain derives missing bounds from the date; check them as it will see them.
	if d.Date != nil {
		first, last := domain.DateBounds(*d.Date, d.Precision)
		if lower == nil {
			lower, lowerAttr = &point{first: first}, "when"
		}
		if upper == nil {
			upper, upperAttr = &point{last: last}, "when"
		}
	}
	if lower != nil && upper != nil && upper.last.Before(lower.first) {
		attr := upperAttr
		if attr == "when" {
			attr = lowerAttr
		}
		return letterDate{}, &dateError{attr, attrValue(a, attr),
			fmt.Sprintf("bounds in order: %s is before %s", upper.last.Format(time.DateOnly), lower.first.Format(time.DateOnly))}
	}
	d.Text = a.Text
	if d.Text == "" {
		d.Text = writtenAttrs(a)
	}
	d.Readable = readable(d, points)
	if d.Readable == "" {
		d.Readable = a.Text
	}
	return d, nil
}

// parsePoint reads "YYYY", "YYYY-MM" or "YYYY-MM-DD", the last optionally followed by
// a time or a time zone (xs:dateTime, at most "T23:59:59.999999999+14:00"), which is
// dropped.
func parsePoint(s string) (point, bool) {
	if len(s) > len("2006-01-02T15:04:05.999999999+14:00") {
		return point{}, false
	}
	if len(s) > 10 && strings.ContainsRune("T+-Z", rune(s[10])) {
		s = s[:10]
	}
	for _, f := range []struct {
		layout string
		prec   domain.DatePrecision
	}{{"2006-01-02", domain.PrecisionDay}, {"2006-01", domain.PrecisionMonth}, {"2006", domain.PrecisionYear}} {
		if len(s) != len(f.layout) || !digitsAt(s) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil {
			return point{}, false
		}
		first, last := domain.DateBounds(t, f.prec)
		return point{first: first, last: last, prec: f.prec}, true
	}
	return point{}, false
}

// digitsAt reports whether s is digits with dashes only at positions 4 and 7, so that
// time.Parse's leniency (signs, spaces) lets nothing else through.
func digitsAt(s string) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case i == 4 || i == 7:
			if s[i] != '-' {
				return false
			}
		case s[i] < '0' || s[i] > '9':
			return false
		}
	}
	return true
}

func firstOf(points map[string]*point, names ...string) (*point, string) {
	for _, n := range names {
		if p := points[n]; p != nil {
			return p, n
		}
	}
	return nil, ""
}

func attrValue(a dateAttrs, name string) string {
	return map[string]string{"when": a.When, "notBefore": a.NotBefore, "notAfter": a.NotAfter, "from": a.From, "to": a.To}[name]
}

// writtenAttrs renders the date attributes as written: @when alone as its value,
// otherwise "name value" pairs ("notBefore 1794-06-01, notAfter 1794-06-30").
func writtenAttrs(a dateAttrs) string {
	if a.NotBefore == "" && a.NotAfter == "" && a.From == "" && a.To == "" {
		return a.When
	}
	var parts []string
	if a.When != "" {
		parts = append(parts, a.When)
	}
	for _, at := range []struct{ name, v string }{
		{"notBefore", a.NotBefore}, {"notAfter", a.NotAfter}, {"from", a.From}, {"to", a.To},
	} {
		if at.v != "" {
			parts = append(parts, at.name+" "+at.v)
		}
	}
	return strings.Join(parts, ", ")
}

// readable renders the date in English words, each bound at the precision it was
// written with.
func readable(d letterDate, points map[string]*point) string {
	if d.Date != nil {
		return inWords(*d.Date, d.Precision)
	}
	lower, _ := firstOf(points, "notBefore", "from")
	upper, _ := firstOf(points, "notAfter", "to")
	switch {
	case lower != nil && upper != nil:
		return "between " + inWords(lower.first, lower.prec) + " and " + inWords(upper.first, upper.prec)
	case lower != nil:
		return "not before " + inWords(lower.first, lower.prec)
	case upper != nil:
		return "not after " + inWords(upper.first, upper.prec)
	}
	return ""
}

func inWords(t time.Time, prec domain.DatePrecision) string {
	switch prec {
	case domain.PrecisionYear:
		return t.Format("2006")
	case domain.PrecisionMonth:
		return t.Format("January 2006")
	}
	return t.Format("2 January 2006")
}
