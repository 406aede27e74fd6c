package textdate

import (
	"time"

	"github.com/lettergraph/lettergraph/internal/domain"
)

// era is the era written after a year.
type era int

const (
	eraNone era = iota
	eraSolar
	eraLunar
	eraGregorian
)

// numericCalendar returns the calendar of a numeric date or a bare year y written with
// era e.
func numericCalendar(y int, e era) string {
	switch {
	case e == eraLunar:
		return CalendarLunarHijri
	case e == eraSolar:
		return CalendarSolarHijri
	case e == eraGregorian:
		return CalendarGregorian
	case y >= minHijriNumeric && y <= maxHijriNumeric:
		return CalendarSolarHijri
	}
	return CalendarGregorian
}

// named returns the reading of a date with a month name, or none when the era written
// contradicts the month's calendar.
func named(m monthName, prec domain.DatePrecision, y, d int, e era) []reading {
	switch {
	case e == eraLunar && m.cal != CalendarLunarHijri,
		e == eraSolar && m.cal != CalendarSolarHijri,
		e == eraGregorian && m.cal != CalendarGregorian:
		return nil
	}
	return []reading{{m.cal, prec, y, m.month, d}}
}

// reading is one way to read a date-like form.
type reading struct {
	cal     string
	prec    domain.DatePrecision
	y, m, d int // d is unused below DAY precision
}

// date returns r as a Date, if there is such a day, month or year.
func (r reading) date() (Date, bool) {
	var first, last time.Time
	switch r.cal {
	case CalendarGregorian:
		if r.y < minGregorianYear || r.y > maxGregorianYear || r.m < 1 || r.m > 12 {
			return Date{}, false
		}
		day := 1
		if r.prec == domain.PrecisionDay {
			day = r.d
		}
		t := time.Date(r.y, time.Month(r.m), day, 0, 0, 0, 0, time.UTC)
		if day < 1 || t.Day() != day { // 31 April becomes 1 May
			return Date{}, false
		}
		first, last = domain.DateBounds(t, r.prec)
		return Date{Date: ptr(first), Precision: r.prec, NotBefore: ptr(first), NotAfter: ptr(last), Calendar: r.cal}, true
	case CalendarSolarHijri:
		if r.y < minHijriYear || r.y > maxHijriYear {
			return Date{}, false
		}
		var ok bool
		switch r.prec {
		case domain.PrecisionDay:
			if first, ok = SolarHijriToGregorian(r.y, r.m, r.d); ok {
				return Date{Date: ptr(first), Precision: r.prec, NotBefore: ptr(first), NotAfter: ptr(first), Calendar: r.cal}, true
			}
		case domain.PrecisionMonth:
			first, last, ok = solarHijriMonthBounds(r.y, r.m)
		case domain.PrecisionYear:
			first, last, ok = solarHijriYearBounds(r.y)
		}
		if ok {
			return Date{Precision: r.prec, NotBefore: ptr(first), NotAfter: ptr(last), Calendar: r.cal}, true
		}
	case CalendarLunarHijri:
		return r.lunarDate()
	}
	return Date{}, false
}

// lunarDate is a lunar Hijri reading's date. A day of the Umm al-Qura table is that
// day; one of the tabular calendar is that day within two days either side. A month
// or a year is its bounds, as a Solar Hijri one.
func (r reading) lunarDate() (Date, bool) {
	if r.y < minLunarYear || r.y > maxLunarYear || r.m < 1 || r.m > 12 {
		return Date{}, false
	}
	day := func(y, m, d int) (time.Time, time.Time, time.Time, bool) {
		t, exact, ok := LunarHijriToGregorian(y, m, d)
		if exact || !ok {
			return t, t, t, ok
		}
		return t, t.AddDate(0, 0, -2), t.AddDate(0, 0, 2), true
	}
	switch r.prec {
	case domain.PrecisionDay:
		if t, first, last, ok := day(r.y, r.m, r.d); ok {
			return Date{Date: ptr(t), Precision: r.prec, NotBefore: ptr(first), NotAfter: ptr(last), Calendar: r.cal}, true
		}
	case domain.PrecisionMonth, domain.PrecisionYear:
		lastMonth := r.m
		if r.prec == domain.PrecisionYear {
			lastMonth = 12
		}
		_, first, _, ok1 := day(r.y, r.m, 1)
		_, _, last, ok2 := day(r.y, lastMonth, lunarHijriMonthDays(r.y, lastMonth))
		if ok1 && ok2 {
			return Date{Precision: r.prec, NotBefore: ptr(first), NotAfter: ptr(last), Calendar: r.cal}, true
		}
	}
	return Date{}, false
}

// resolve returns the one date among readings. A day name written with the date
// settles which of two orders is meant ("Tuesday, 05/03/2019" is 5 March); otherwise
// it is not checked, since a wrong day name is a slip and the date is what was meant.
func resolve(readings []reading, weekday int) (Date, bool) {
	var dates []Date
	for _, r := range readings {
		d, ok := r.date()
		if ok && !containsDate(dates, d) {
			dates = append(dates, d)
		}
	}
	if len(dates) > 1 && weekday >= 0 {
		var matching []Date
		for _, d := range dates {
			if d.Date != nil && int(d.Date.Weekday()) == weekday {
				matching = append(matching, d)
			}
		}
		dates = matching
	}
	if len(dates) != 1 {
		return Date{}, false
	}
	return dates[0], true
}

func containsDate(dates []Date, d Date) bool {
	for _, o := range dates {
		if o.Calendar == d.Calendar && o.Precision == d.Precision && o.NotBefore.Equal(*d.NotBefore) {
			return true
		}
	}
	return false
}

func ptr(t time.Time) *time.Time { return &t }
