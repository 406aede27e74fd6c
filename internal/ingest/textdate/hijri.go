package textdate

import "time"

// The Solar Hijri (Jalaali) calendar, Iran's civil calendar: a year begins at Nowruz,
// the spring equinox; Farvardin to Shahrivar have 31 days, Mehr to Bahman 30, and
// Esfand 29, or 30 in a leap year. Leap years follow the equinox, which Borkowski's
// algorithm (the one jalaali-js and most converters use) reproduces from a short table
// of the years at which the 33-year cycle shifts. It matches the official calendar for
// the years it has been in use and is the accepted prediction for years to come.

// jalaaliBreaks are the Solar Hijri years at which the 33-year leap pattern shifts.
var jalaaliBreaks = [...]int{
	-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210,
	1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
}

// The years SolarHijriToGregorian and GregorianToSolarHijri accept: 622 to 3622 AD,
// inside the range the break table covers (-61 to 3177), with a year to spare for the
// length of the last one.
const (
	minSolarHijriYear = 1
	maxSolarHijriYear = 3000
)

// nowruz returns the Gregorian day of 1 Farvardin of Solar Hijri year jy, which must
// lie within the break table (-61 ≤ jy < 3178).
func nowruz(jy int) time.Time {
	gy := jy + 621
	leapJ := -14 // leap days of the Solar Hijri calendar since 621 AD, as the algorithm counts them
	jp := jalaaliBreaks[0]
	jump := 0
	for _, jm := range jalaaliBreaks[1:] {
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += jump/33*8 + jump%33/4
		jp = jm
	}
	n := jy - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150 // the same count for the Gregorian calendar
	// time.Date normalises a March day past 31 into April, though none occurs.
	return time.Date(gy, time.March, 20+leapJ-leapG, 0, 0, 0, 0, time.UTC)
}

// solarHijriLeap reports whether Solar Hijri year y has 366 days. Measuring from one
// Nowruz to the next keeps month lengths and conversions consistent by construction.
func solarHijriLeap(y int) bool {
	return nowruz(y+1).Sub(nowruz(y)) > 365*24*time.Hour
}

// solarHijriMonthDays returns the number of days of month m (1–12) of Solar Hijri
// year y.
func solarHijriMonthDays(y, m int) int {
	switch {
	case m <= 6:
		return 31
	case m <= 11 || solarHijriLeap(y):
		return 30
	}
	return 29
}

// SolarHijriToGregorian returns the Gregorian day (midnight UTC) of day d of month m
// (1 = Farvardin … 12 = Esfand) of Solar Hijri year y. ok is false when there is no
// such day ("30 Esfand" of a common year, "31 Mehr") or y is outside 1–3000.
func SolarHijriToGregorian(y, m, d int) (t time.Time, ok bool) {
	if y < minSolarHijriYear || y > maxSolarHijriYear || m < 1 || m > 12 ||
		d < 1 || d > solarHijriMonthDays(y, m) {
		return time.Time{}, false
	}
	days := (m-1)*31 + d - 1
	if m > 6 {
		days = 6*31 + (m-7)*30 + d - 1
	}
	return nowruz(y).AddDate(0, 0, days), true
}

// GregorianToSolarHijri returns the Solar Hijri year, month and day of t's calendar
// day (its time and zone are ignored). ok is false when the year would be outside
// 1–3000.
func GregorianToSolarHijri(t time.Time) (y, m, d int, ok bool) {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	y = t.Year() - 621
	if y < minSolarHijriYear || y > maxSolarHijriYear+1 {
		return 0, 0, 0, false
	}
	start := nowruz(y)
	if t.Before(start) {
		y--
		start = nowruz(y)
	}
	if y < minSolarHijriYear || y > maxSolarHijriYear {
		return 0, 0, 0, false
	}
	days := int(t.Sub(start).Hours() / 24)
	if days < 6*31 {
		return y, days/31 + 1, days%31 + 1, true
	}
	days -= 6 * 31
	return y, days/30 + 7, days%30 + 1, true
}

// solarHijriMonthBounds returns the first and last Gregorian day of month m of Solar
// Hijri year y.
func solarHijriMonthBounds(y, m int) (first, last time.Time, ok bool) {
	first, ok = SolarHijriToGregorian(y, m, 1)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	last, _ = SolarHijriToGregorian(y, m, solarHijriMonthDays(y, m))
	return first, last, true
}

// solarHijriYearBounds returns the first and last Gregorian day of Solar Hijri year y.
func solarHijriYearBounds(y int) (first, last time.Time, ok bool) {
	if y < minSolarHijriYear || y > maxSolarHijriYear {
		return time.Time{}, time.Time{}, false
	}
	return nowruz(y), nowruz(y+1).AddDate(0, 0, -1), true
}
